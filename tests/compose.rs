//! `pontoon compose` running real projects: a web service built from a
//! Dockerfile that waits for a healthy database, reachable by name and on
//! its published port; what `up` keeps and recreates; `down` and volumes;
//! restarts, one-shot dependencies, `--exit-code-from`; and bad projects
//! refused before anything starts.
//!
//! As root each test has a network namespace of its own (the project's
//! bridge lives there); rootless ports are the host's, so each test takes
//! a free one.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{wait_until, TestEnv};

fn env() -> TestEnv {
    TestEnv::with_netns_and_busybox()
}

/// A project directory with these files; returns it.
fn project(env: &TestEnv, files: &[(&str, &str)]) -> PathBuf {
    env.dir_with_files("proj", files)
}

/// `pontoon compose -f DIR/compose.yaml -p demo ARGS...`.
fn run_compose(env: &TestEnv, dir: &Path, args: &[&str]) -> std::process::Output {
    let file = dir.join("compose.yaml");
    let mut all = vec!["compose", "-f", file.to_str().unwrap(), "-p", "demo"];
    all.extend_from_slice(args);
    env.run(&all)
}

fn ok(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = run_compose(env, dir, args);
    assert!(out.status.success(), "compose {args:?}: {}", common::describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn fails(env: &TestEnv, dir: &Path, args: &[&str]) -> (i32, String) {
    let out = run_compose(env, dir, args);
    assert!(!out.status.success(), "compose {args:?} should fail: {}", common::describe(&out));
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn state(env: &TestEnv, name: &str, field: &str) -> String {
    env.ok(&["inspect", "--format", &format!("{{{{{field}}}}}"), name]).trim().to_string()
}

const WEB_DOCKERFILE: &str = "FROM busybox\nRUN mkdir /www && echo web-page > /www/index.html\nCMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]\n";

fn app_yaml(port: u16) -> String {
    format!(
        r#"services:
  db:
    image: busybox
    command: ["sh", "-c", "mkdir -p /data && date >> /data/starts && sleep 1 && touch /tmp/ready && exec httpd -f -p 5432 -h /data"]
    volumes:
      - dbdata:/data
    healthcheck:
      test: ["CMD", "test", "-e", "/tmp/ready"]
      interval: 1s
      retries: 3
  web:
    build: ./web
    ports:
      - "127.0.0.1:{port}:80"
    depends_on:
      db:
        condition: service_healthy
volumes:
  dbdata:
"#
    )
}

#[test]
fn a_built_web_service_waits_for_a_healthy_db_and_both_are_reachable() {
    let env = env();
    let port = free_port();
    let dir = project(&env, &[("compose.yaml", &app_yaml(port)), ("web/Dockerfile", WEB_DOCKERFILE)]);
    ok(&env, &dir, &["up", "--build", "-d"]);
    // db was healthy before web started.
    let healthy_at = state(&env, "demo-db-1", "(index .State.Health.Log 0).End");
    let web_started = state(&env, "demo-web-1", ".State.StartedAt");
    assert!(web_started >= healthy_at, "web started {web_started}, db healthy {healthy_at}");
    // web reaches db by its service name; the host reaches web's port.
    assert!(ok(&env, &dir, &["exec", "-T", "web", "wget", "-qO-", "http://db:5432/starts"]).lines().count() == 1);
    let page = env.host("curl", &["-s", "--max-time", "5", &format!("http://127.0.0.1:{port}/")]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&page.stdout), "web-page\n");
    let ps = ok(&env, &dir, &["ps"]);
    assert!(ps.contains("demo-db-1") && ps.contains("(healthy)") && ps.contains("demo-web-1"), "{ps}");
    assert!(ps.contains(&format!("127.0.0.1:{port}->80/tcp")), "{ps}");
    assert_eq!(ok(&env, &dir, &["ps", "--services"]), "db\nweb\n");
    assert_eq!(ok(&env, &dir, &["ps", "--format", "{{.Service}} {{.Health}}"]), "db healthy\nweb \n");
    let json: serde_json::Value = serde_json::from_str(&ok(&env, &dir, &["ps", "--format", "json"])).unwrap();
    assert_eq!(json[0]["Name"], "demo-db-1");
    assert_eq!(state(&env, "demo-web-1", r#"index .Config.Labels "com.docker.compose.service""#), "web");
    assert_eq!(ok(&env, &dir, &["port", "web", "80"]).trim(), format!("127.0.0.1:{port}"));
    let images = ok(&env, &dir, &["images"]);
    assert!(images.contains("demo-web-1") && images.contains("demo-web") && images.contains("busybox"), "{images}");
    assert!(ok(&env, &dir, &["top", "web"]).contains("httpd"), "top shows web's process");

    // `logs -f web` follows until web stops.
    let file = dir.join("compose.yaml");
    let follow = std::cell::RefCell::new(env.cmd(&["compose", "-f", file.to_str().unwrap(), "-p", "demo", "logs", "-f", "--no-color", "db"]).stdout(std::process::Stdio::piped()).spawn().unwrap());
    std::thread::sleep(Duration::from_millis(300));
    ok(&env, &dir, &["stop", "-t", "1", "db"]);
    assert!(wait_until(10, || follow.borrow_mut().try_wait().unwrap().is_some()), "logs -f ended when db stopped");
    ok(&env, &dir, &["start", "db"]);

    // down keeps the named volume: its data is there after the next up.
    ok(&env, &dir, &["down", "-t", "1"]);
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "down removed the containers");
    assert!(!env.ok(&["network", "ls"]).contains("demo_default"), "and the network");
    assert!(env.ok(&["volume", "ls", "-q"]).contains("demo_dbdata"), "but kept the volume");
    ok(&env, &dir, &["up", "-d"]);
    let starts = ok(&env, &dir, &["exec", "-T", "db", "cat", "/data/starts"]);
    assert_eq!(starts.lines().count(), 3, "the data written before down is there: {starts}");
    ok(&env, &dir, &["down", "--volumes", "-t", "1"]);
    assert!(!env.ok(&["volume", "ls", "-q"]).contains("demo_dbdata"), "down --volumes removed it");
}

#[test]
fn up_twice_keeps_what_did_not_change_and_recreates_what_did() {
    let env = env();
    let yaml = "services:\n  a:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n  b:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n    environment:\n      MODE: one\n";
    let dir = project(&env, &[("compose.yaml", yaml)]);
    ok(&env, &dir, &["up", "-d"]);
    let (a1, b1) = (state(&env, "demo-a-1", ".Id"), state(&env, "demo-b-1", ".Id"));
    let again = run_compose(&env, &dir, &["up", "-d"]);
    assert!(String::from_utf8_lossy(&again.stderr).matches("Running").count() == 2, "{}", common::describe(&again));
    assert_eq!((state(&env, "demo-a-1", ".Id"), state(&env, "demo-b-1", ".Id")), (a1.clone(), b1.clone()), "nothing was recreated");
    std::fs::write(dir.join("compose.yaml"), yaml.replace("MODE: one", "MODE: two")).unwrap();
    ok(&env, &dir, &["up", "-d"]);
    assert_eq!(state(&env, "demo-a-1", ".Id"), a1, "a did not change");
    assert_ne!(state(&env, "demo-b-1", ".Id"), b1, "b's definition changed: recreated");
    assert!(env.ok(&["exec", "demo-b-1", "env"]).contains("MODE=two"));
    ok(&env, &dir, &["down", "-t", "1"]);
}

#[test]
fn restarts_one_shot_dependencies_and_exit_codes() {
    let env = env();
    let yaml = r#"services:
  flaky:
    image: busybox
    command: ["sh", "-c", "echo try >> /state/tries; test $$(wc -l < /state/tries) -ge 3 || exit 1; exec sleep 300"]
    restart: on-failure
    volumes:
      - state:/state
  migrate:
    image: busybox
    command: ["sh", "-c", "sleep 1; echo migrated > /state/done"]
    volumes:
      - state:/state
  app:
    image: busybox
    command: ["sh", "-c", "cat /state/done; exit 7"]
    volumes:
      - state:/state
    depends_on:
      migrate:
        condition: service_completed_successfully
volumes:
  state:
"#;
    let dir = project(&env, &[("compose.yaml", yaml)]);
    ok(&env, &dir, &["up", "-d", "flaky"]);
    assert!(wait_until(20, || state(&env, "demo-flaky-1", ".RestartCount").parse::<u32>().unwrap_or(0) >= 2), "on-failure restarted it");
    // Attached: app waits for migrate to finish, and its code is the answer.
    let out = run_compose(&env, &dir, &["up", "--exit-code-from", "app", "migrate", "app"]);
    assert_eq!(out.status.code(), Some(7), "{}", common::describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("migrated"), "app ran after migrate completed: {stdout}");
    ok(&env, &dir, &["down", "-v", "-t", "1"]);
}

#[test]
fn bad_projects_are_refused_before_anything_starts() {
    let env = env();
    let cases: &[(&str, &str)] = &[
        ("services:\n  a:\n    image: busybox\n    depends_on: [b]\n  b:\n    image: busybox\n    depends_on: [a]\n", "cycle"),
        ("services:\n  a:\n    command: [\"true\"]\n", "image"),
        ("services:\n  a:\n    image: busybox\n    environment:\n      X: ${NEEDED:?set NEEDED first}\n", "set NEEDED first"),
        ("services:\n  a:\n    image: busybox\n   bad: indent\n", "compose.yaml:"),
    ];
    for (yaml, needle) in cases {
        let dir = project(&env, &[("compose.yaml", yaml)]);
        let (code, err) = fails(&env, &dir, &["up", "-d"]);
        assert_ne!(code, 0);
        assert!(err.contains(needle), "{needle:?} in: {err}");
        assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "nothing was created for {yaml}");
        assert!(!env.ok(&["network", "ls"]).contains("demo_default"), "no network for {yaml}");
    }
    // A port already in use: refused before any service starts.
    let taken = env.listen_tcp("127.0.0.1:0");
    let port = taken.local_addr().unwrap().port();
    let yaml = format!("services:\n  first:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n  second:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n    ports: [\"127.0.0.1:{port}:80\"]\n");
    let dir = project(&env, &[("compose.yaml", &yaml)]);
    let (_, err) = fails(&env, &dir, &["up", "-d"]);
    assert!(err.contains(&port.to_string()) && err.contains("second"), "{err}");
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "no container was left");
    // An unknown top-level key only warns.
    let dir = project(&env, &[("compose.yaml", "x-ok: 1\nfrobnicate: yes\nservices:\n  a:\n    image: busybox\n    command: [\"true\"]\n")]);
    let out = run_compose(&env, &dir, &["up", "-d"]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stderr).contains("frobnicate"), "{}", common::describe(&out));
    ok(&env, &dir, &["down"]);
}
