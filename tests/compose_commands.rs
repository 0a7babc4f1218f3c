//! The other `compose` commands on a running project: `run` one-offs,
//! `up --wait`, replicas, file-based secrets, an attached `up` stopped by
//! ctrl-c, `down --rmi`, and `docker-compose` through a symlink.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{wait_until, TestEnv};

fn project(env: &TestEnv, files: &[(&str, &str)]) -> PathBuf {
    env.dir_with_files("proj", files)
}

fn args<'a>(file: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["compose", "-f", file, "-p", "cmds"];
    all.extend_from_slice(rest);
    all
}

fn file_of(dir: &Path) -> String {
    dir.join("compose.yaml").to_string_lossy().into_owned()
}

const YAML: &str = r#"services:
  worker:
    image: busybox
    command: ["sleep", "300"]
    deploy:
      replicas: 2
    secrets:
      - token
  checked:
    image: busybox
    command: ["sh", "-c", "sleep 1; touch /tmp/ok; exec sleep 300"]
    healthcheck:
      test: ["CMD", "test", "-e", "/tmp/ok"]
      interval: 1s
secrets:
  token:
    file: ./token.txt
"#;

#[test]
fn run_wait_replicas_and_secrets() {
    let env = TestEnv::with_netns_and_busybox();
    let dir = project(&env, &[("compose.yaml", YAML), ("token.txt", "s3cret\n")]);
    let file = file_of(&dir);
    // --wait returns once every container runs and the checked one is healthy.
    env.ok(&args(&file, &["up", "-d", "--wait"]));
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Health.Status}}", "cmds-checked-1"]).trim(), "healthy");
    // Two replicas, both with the secret mounted read-only.
    for n in ["cmds-worker-1", "cmds-worker-2"] {
        assert_eq!(env.ok(&["exec", n, "cat", "/run/secrets/token"]), "s3cret\n");
        let (code, _) = env.fails(&["exec", n, "sh", "-c", "echo x > /run/secrets/token"]);
        assert_ne!(code, 0, "the secret is read-only");
    }
    assert_eq!(env.ok(&args(&file, &["ps", "-q"])).lines().count(), 3);
    // A one-off: its output, its exit code, removed with --rm, labelled one-off.
    assert_eq!(env.ok(&args(&file, &["run", "--rm", "-T", "worker", "echo", "one-off"])), "one-off\n");
    let out = env.run(&args(&file, &["run", "--rm", "-T", "-e", "CODE=4", "worker", "sh", "-c", "exit $CODE"]));
    assert_eq!(out.status.code(), Some(4), "{}", common::describe(&out));
    assert!(wait_until(10, || env.ok(&["ps", "-a", "--format", "{{.Names}}"]).lines().all(|n| !n.contains("-run-"))), "--rm removed the one-offs");
    let kept = env.ok(&args(&file, &["run", "-d", "worker", "sleep", "60"]));
    let kept = kept.trim();
    assert!(kept.starts_with("cmds-worker-run-"), "{kept}");
    assert_eq!(env.ok(&["inspect", "--format", r#"{{index .Config.Labels "com.docker.compose.oneoff"}}"#, kept]).trim(), "True");
    // down removes one-offs too.
    env.ok(&args(&file, &["down", "-t", "1"]));
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "");
}

#[test]
fn an_attached_up_stops_the_project_on_ctrl_c_and_down_rmi_removes_built_images() {
    let env = TestEnv::with_netns_and_busybox();
    let yaml = "services:\n  talker:\n    build: ./talker\n    stop_grace_period: 1s\n";
    let dir = project(&env, &[("compose.yaml", yaml), ("talker/Dockerfile", "FROM busybox\nCMD [\"sh\", \"-c\", \"echo hello from talker; exec sleep 300\"]\n")]);
    let file = file_of(&dir);
    let up = std::cell::RefCell::new(env.cmd(&args(&file, &["up"])).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap());
    assert!(wait_until(30, || env.ok(&["ps", "--format", "{{.Names}}"]).contains("cmds-talker-1")), "up started the service");
    std::thread::sleep(Duration::from_millis(500));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(up.borrow().id() as i32), nix::sys::signal::Signal::SIGINT).unwrap();
    assert!(wait_until(20, || up.borrow_mut().try_wait().unwrap().is_some()), "up ended after ctrl-c");
    let out = up.into_inner().wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("cmds-talker-1") && stdout.contains("| hello from talker"), "logs prefixed by the container: {stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Gracefully stopping"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}}", "cmds-talker-1"]).trim(), "exited", "ctrl-c stopped the container");
    assert!(env.ok(&["images", "--format", "{{.Repository}}"]).contains("cmds-talker"));
    env.ok(&args(&file, &["down", "--rmi", "local"]));
    assert!(!env.ok(&["images", "--format", "{{.Repository}}"]).contains("cmds-talker"), "down --rmi local removed the built image");
    assert!(env.ok(&["images", "--format", "{{.Repository}}"]).contains("busybox"), "but not the base image");
}

#[test]
fn docker_compose_through_a_symlink_runs_a_project() {
    let env = TestEnv::with_netns_and_busybox();
    let dir = project(&env, &[("compose.yaml", "services:\n  one:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n")]);
    let link = env.path().join("docker-compose");
    std::os::unix::fs::symlink(common::pontoon_bin(), &link).unwrap();
    let file = file_of(&dir);
    let out = env.cmd_with(&link, &["-f", &file, "-p", "cmds", "up", "-d"]).output().unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(env.ok(&["ps", "--format", "{{.Names}}"]).contains("cmds-one-1"));
    let out = env.cmd_with(&link, &["-f", &file, "-p", "cmds", "down", "-t", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", common::describe(&out));
}

#[test]
fn dependents_with_restart_true_restart_with_their_dependency() {
    let env = TestEnv::with_netns_and_busybox();
    let yaml = "services:\n  db:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n    stop_grace_period: 1s\n    environment:\n      V: one\n  app:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n    stop_grace_period: 1s\n    depends_on:\n      db:\n        restart: true\n  other:\n    image: busybox\n    command: [\"sleep\", \"300\"]\n    stop_grace_period: 1s\n    depends_on: [db]\n";
    let dir = project(&env, &[("compose.yaml", yaml)]);
    let file = file_of(&dir);
    env.ok(&args(&file, &["up", "-d"]));
    let started = |name: &str| env.ok(&["inspect", "--format", "{{.State.StartedAt}}", name]).trim().to_string();
    let id = |name: &str| env.ok(&["inspect", "--format", "{{.Id}}", name]).trim().to_string();
    let (app0, other0, app_id) = (started("cmds-app-1"), started("cmds-other-1"), id("cmds-app-1"));
    env.ok(&args(&file, &["restart", "db"]));
    let app1 = started("cmds-app-1");
    assert_ne!(app1, app0, "restart db restarted app (restart: true)");
    assert_eq!(started("cmds-other-1"), other0, "but not other");
    // db's definition changes: db is recreated, app restarted in place.
    std::fs::write(dir.join("compose.yaml"), yaml.replace("V: one", "V: two")).unwrap();
    env.ok(&args(&file, &["up", "-d"]));
    assert_ne!(started("cmds-app-1"), app1, "app restarted after db was recreated");
    assert_eq!(id("cmds-app-1"), app_id, "app itself was not recreated");
    assert_eq!(started("cmds-other-1"), other0);
    env.ok(&args(&file, &["down", "-t", "1"]));
}
