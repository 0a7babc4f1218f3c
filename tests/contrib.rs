//! contrib/ as a user puts it to work: the systemd user unit that starts
//! containers with a restart policy at boot (its command lines run against
//! a store as systemd would run them), the `docker` and `podman` shims, and
//! the example compose project, built, served and taken down.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{wait_until, TestEnv};

/// contrib/ of the checkout, when this user can read it.
fn contrib() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib");
    (!common::skip_unless(fs::read_dir(&dir).is_ok(), "the checkout's contrib/ is not readable by this user")).then_some(dir)
}

const UNIT: &str = "systemd/pontoon-restart.service";

/// The pontoon arguments of the unit's `KEY=` lines (ExecStart, ExecStop),
/// with its Environment's variables put in as systemd does.
fn unit_commands(unit: &str, key: &str) -> Vec<Vec<String>> {
    let vars: Vec<(String, String)> = unit
        .lines()
        .filter_map(|l| l.strip_prefix("Environment="))
        .filter_map(|v| v.split_once('='))
        .map(|(k, v)| (format!("${k}"), v.trim_matches('"').to_string()))
        .collect();
    unit.lines()
        .filter_map(|l| l.strip_prefix(&format!("{key}=")))
        .map(|line| {
            let mut words = line.trim_start_matches('-').split_whitespace();
            assert_eq!(words.next(), Some("@BINDIR@/pontoon"), "{key} runs the installed pontoon: {line}");
            words.map(|w| vars.iter().find(|(k, _)| k == w).map_or(w.to_string(), |(_, v)| v.clone())).collect()
        })
        .collect()
}

fn running(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = env.ok(&["ps", "--format", "{{.Names}}"]).lines().map(str::to_string).collect();
    names.sort();
    names
}

#[test]
fn the_restart_unit_starts_what_docker_would_start_after_a_reboot() {
    let Some(contrib) = contrib() else { return };
    let unit = fs::read_to_string(contrib.join(UNIT)).expect("read the unit");
    let env = TestEnv::with_busybox();
    // Containers that are not running, as after a reboot: never started,
    // or stopped by the user.
    env.ok(&["create", "--name", "always", "--restart", "always", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "unless", "--restart", "unless-stopped", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "never", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "failing", "--restart", "on-failure", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--name", "stopped", "--restart", "unless-stopped", "busybox", "sleep", "300"]);
    env.ok(&["stop", "-t", "1", "stopped"]);
    assert_eq!(running(&env), Vec::<String>::new());

    for args in unit_commands(&unit, "ExecStart") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
    }
    assert_eq!(running(&env), ["always", "unless"], "always, and unless-stopped unless the user stopped it");

    for args in unit_commands(&unit, "ExecStop") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        env.ok(&args);
    }
    // The unless-stopped one is left to die with the session: a `pontoon
    // stop` would mark it stopped by the user, and it would stay down.
    assert_eq!(running(&env), ["unless"]);
    env.ok(&["rm", "-f", "--all"]);
}

#[test]
fn ps_filters_by_restart_policy_and_by_whether_the_user_stopped_it() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "a", "--restart", "always", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "u", "--restart", "unless-stopped", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "n", "busybox", "sleep", "300"]);
    let names = |filters: &[&str]| {
        let mut args = vec!["ps", "-a", "--format", "{{.Names}}"];
        for f in filters {
            args.extend(["--filter", f]);
        }
        let mut names: Vec<String> = env.ok(&args).lines().map(str::to_string).collect();
        names.sort();
        names
    };
    assert_eq!(names(&["restart-policy=always"]), ["a"]);
    assert_eq!(names(&["restart-policy=unless-stopped"]), ["u"]);
    assert_eq!(names(&["restart-policy=no"]), ["n"]);
    let (code, err) = env.fails(&["ps", "--filter", "restart-policy=sometimes"]);
    assert!(code == 125 && err.contains("use no, always, unless-stopped or on-failure"), "{code}: {err}");

    // stop marks the container stopped by the user; a start undoes it.
    env.ok(&["start", "u"]);
    env.ok(&["stop", "-t", "1", "u"]);
    assert_eq!(names(&["stopped-by-user=true"]), ["u"]);
    env.ok(&["start", "u"]);
    assert_eq!(names(&["stopped-by-user=true"]), Vec::<String>::new());
    assert_eq!(names(&["stopped-by-user=false", "restart-policy=unless-stopped"]), ["u"]);
    let (code, err) = env.fails(&["ps", "--filter", "stopped-by-user=maybe"]);
    assert!(code == 125 && err.contains("use true or false"), "{code}: {err}");
    env.ok(&["rm", "-f", "--all"]);
}

#[test]
fn the_restart_unit_is_a_valid_systemd_unit() {
    let Some(contrib) = contrib() else { return };
    if common::skip_unless(Path::new("/usr/bin/systemd-analyze").exists(), "systemd-analyze is not installed (Debian's systemd package)") {
        return;
    }
    let tmp = tempfile::tempdir().expect("a temp dir");
    let unit = fs::read_to_string(contrib.join(UNIT)).expect("read the unit");
    let file = tmp.path().join("pontoon-restart.service");
    fs::write(&file, unit.replace("@BINDIR@", &common::pontoon_bin().parent().expect("a directory").display().to_string())).expect("write the unit");
    let out = Command::new("systemd-analyze").args(["verify", "--man=no"]).arg(&file).output().expect("run systemd-analyze");
    assert!(out.status.success() && out.stderr.is_empty(), "{}", common::describe(&out));
}

#[test]
fn the_docker_and_podman_shims_run_pontoon() {
    let Some(contrib) = contrib() else { return };
    let env = TestEnv::with_busybox();
    let shim = |name: &str, args: &[&str]| {
        let out = env.cmd_with(&contrib.join("shims").join(name), args).env("PONTOON", common::pontoon_bin()).output().expect("run the shim");
        assert!(out.status.success(), "{name} {args:?}: {}", common::describe(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    shim("docker", &["create", "--name", "via-docker", "busybox", "true"]);
    assert_eq!(shim("podman", &["ps", "-a", "--format", "{{.Names}}"]), "via-docker\n");
    assert_eq!(shim("docker", &["run", "--rm", "busybox", "echo", "hi"]), "hi\n");
    env.ok(&["rm", "-f", "--all"]);
}

/// Copies `from` (a directory of files) to `to`.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy");
    for entry in fs::read_dir(from).expect("read the example").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

#[test]
fn the_web_db_example_serves_its_page_and_the_db_s_greeting() {
    let Some(contrib) = contrib() else { return };
    let env = TestEnv::with_netns_and_busybox();
    // A copy, as compose may write next to the project; its files as shipped.
    let dir = env.path().join("web-db");
    copy_dir(&contrib.join("examples/web-db"), &dir);
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("its address").port().to_string();
    let file = dir.join("compose.yaml");
    let compose = |args: &[&str]| {
        let mut all = vec!["compose", "-f", file.to_str().expect("utf-8 path")];
        all.extend_from_slice(args);
        let out = env.cmd(&all).env("WEB_PORT", &port).output().expect("run compose");
        assert!(out.status.success(), "compose {args:?}: {}", common::describe(&out));
    };
    compose(&["up", "-d", "--build"]);
    let get = |path: &str| {
        let out = env.host("curl", &["-s", "--max-time", "5", &format!("http://127.0.0.1:{port}{path}")]).output().expect("run curl");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(wait_until(20, || get("/").contains("This page comes from the web service")), "the page: {:?}", get("/"));
    assert_eq!(get("/cgi-bin/greeting"), "hello from db\n", "web asked db by its name");
    compose(&["down", "--volumes", "-t", "1"]);
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "down removed the containers");
    assert!(!env.ok(&["volume", "ls", "-q"]).contains("web-db_data"), "and, with --volumes, the data");
}
