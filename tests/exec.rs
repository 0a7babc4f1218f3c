//! `pontoon exec` and `top` as a user types them: a command inside a
//! running container sees its processes, takes -e/-w/-u, returns its exit
//! code; a stopped container is refused; `exec -d` leaves a process that
//! `top` lists next to the container's init.

mod common;

use std::time::{Duration, Instant};

use common::TestEnv;

fn env_with_web() -> TestEnv {
    let env = TestEnv::new();
    env.load_busybox();
    env.ok(&["run", "-d", "--name", "web", "-e", "FROM_RUN=yes", "busybox", "sleep", "1000"]);
    env
}

fn code(env: &TestEnv, args: &[&str]) -> i32 {
    env.run(args).status.code().unwrap_or(-1)
}

#[test]
fn exec_runs_inside_the_containers_namespaces() {
    let env = env_with_web();
    let ps = env.ok(&["exec", "web", "ps", "-o", "pid,comm"]);
    let rows: Vec<Vec<&str>> = ps.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 2, "only the container's processes (sleep and ps): {ps}");
    assert_eq!(rows[0], ["1", "sleep"], "the container's command is PID 1: {ps}");
    assert_eq!(rows[1][1], "ps", "{ps}");
    let hostname = env.ok(&["exec", "web", "hostname"]);
    let id = env.ok(&["ps", "-q", "--filter", "name=web"]);
    assert_eq!(hostname.trim(), id.trim(), "the container's uts namespace");
    assert_eq!(env.ok(&["exec", "web", "ls", "/sys/class/net"]).lines().filter(|l| *l == "lo").count(), 1);
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn exec_takes_env_workdir_and_user() {
    let env = env_with_web();
    assert_eq!(env.ok(&["exec", "-e", "X=1", "web", "sh", "-c", "echo $X"]), "1\n");
    assert_eq!(env.ok(&["exec", "web", "sh", "-c", "echo $FROM_RUN"]), "yes\n", "the container's env");
    assert_eq!(env.ok(&["exec", "-e", "FROM_RUN=no", "web", "sh", "-c", "echo $FROM_RUN"]), "no\n", "-e overrides it");
    std::fs::write(env.path().join("vars.env"), "FROM_FILE=yes\n").expect("write env file");
    assert_eq!(env.ok(&["exec", "--env-file", "vars.env", "web", "sh", "-c", "echo $FROM_FILE"]), "yes\n");
    assert_eq!(env.ok(&["exec", "-w", "/tmp", "web", "pwd"]), "/tmp\n");
    assert_eq!(env.ok(&["exec", "web", "pwd"]), "/\n", "the container's working directory");
    assert_eq!(env.ok(&["exec", "-u", "1000", "web", "id", "-u"]), "1000\n");
    assert_eq!(env.ok(&["exec", "-u", "user", "web", "id", "-un"]), "user\n", "names from the container's /etc/passwd");
    assert_eq!(env.ok(&["exec", "web", "id", "-u"]), "0\n", "the container's user");
    let (code, err) = env.fails(&["exec", "-u", "nobody-here", "web", "true"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn words_after_the_container_are_the_commands() {
    let env = env_with_web();
    // `-u 0` right after the container is the command (a program named
    // `-u`, which is not found: 127), never pontoon's --user.
    let out = env.run(&["exec", "-u", "1000", "web", "-u", "0", "id", "-u"]);
    assert_eq!(out.status.code(), Some(127), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-u"), "names the command: {}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "id never ran as root");
    // Words after the command are its own, flags or not.
    assert_eq!(env.ok(&["exec", "-u", "1000", "web", "echo", "-u", "0", "--privileged"]), "-u 0 --privileged\n");
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn exec_exit_codes_follow_docker() {
    let env = env_with_web();
    assert_eq!(code(&env, &["exec", "web", "sh", "-c", "exit 3"]), 3);
    let out = env.run(&["exec", "web", "/etc/passwd"]);
    assert_eq!(out.status.code(), Some(126), "{}", common::describe(&out));
    let out = env.run(&["exec", "web", "no-such-command"]);
    assert_eq!(out.status.code(), Some(127), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-command"));
    env.ok(&["stop", "-t", "0", "web"]);
    let (code, err) = env.fails(&["exec", "web", "true"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("not running"), "{err}");
    let (code, err) = env.fails(&["exec", "no-such-container", "true"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn exec_detached_keeps_running_and_top_lists_it() {
    let env = env_with_web();
    let out = env.ok(&["exec", "-d", "web", "sh", "-c", "sleep 5"]);
    assert_eq!(out, "", "exec -d prints nothing");
    // The detached process shows up once it has exec'd its sleep.
    let deadline = Instant::now() + Duration::from_secs(10);
    let top = loop {
        let top = env.ok(&["top", "web"]);
        if top.contains("sleep 5") {
            break top;
        }
        assert!(Instant::now() < deadline, "top lists the detached sleep: {top}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut lines = top.lines();
    let header: Vec<&str> = lines.next().expect("a header").split_whitespace().collect();
    assert_eq!(header, ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]);
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "sleep 1000 and sleep 5, nothing else: {top}");
    assert!(rows.iter().any(|r| r.ends_with("sleep 1000")), "{top}");
    // PIDs as the host sees them.
    for row in &rows {
        let pid = row.split_whitespace().nth(1).expect("a PID column");
        assert!(std::path::Path::new(&format!("/proc/{pid}")).exists(), "host PID {pid}: {top}");
        assert_ne!(pid, "1", "{top}");
    }
    assert!(env.ok(&["exec", "web", "ps"]).contains("sleep 5"), "seen from inside too");
    env.ok(&["rm", "-f", "web"]);
    let (code, _) = env.fails(&["top", "web"]);
    assert_eq!(code, 1, "a missing container");
}
