//! `pontoon kill` as a user sees it: SIGKILL by default (Exited (137)),
//! the signal asked for reaching the container's process, a stopped
//! container refused, several containers at once.

mod common;

use common::{wait_until, TestEnv};


/// A detached container whose shell traps `signals`, writing the signal's
/// name to the log, and is ready once it said so.
fn trapping(env: &TestEnv, name: &str, signals: &[&str]) {
    let mut script = String::new();
    for s in signals {
        script.push_str(&format!("trap 'echo got {s}' {s}; "));
    }
    script.push_str("echo ready; while true; do sleep 0.1; done");
    env.ok(&["run", "-d", "--name", name, "busybox", "sh", "-c", &script]);
    assert!(wait_until(10, || env.ok(&["logs", name]).contains("ready")), "{name} started");
}

fn status(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name]).trim().to_string()
}

#[test]
fn kill_sends_sigkill_by_default_and_the_container_exits_137() {
    let env = TestEnv::with_busybox();
    trapping(&env, "k", &["TERM", "HUP"]);
    assert_eq!(env.ok(&["kill", "k"]), "k\n");
    assert!(wait_until(10, || status(&env, "k") == "exited 137"), "exited 137: {}", status(&env, "k"));
    assert!(env.ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]).contains("k Exited (137)"));
    assert_eq!(env.ok(&["wait", "k"]), "137\n");
    assert!(!env.ok(&["logs", "k"]).contains("got"), "SIGKILL cannot be trapped");
}

#[test]
fn the_signal_asked_for_reaches_the_process() {
    let env = TestEnv::with_busybox();
    trapping(&env, "t", &["TERM", "HUP"]);
    assert_eq!(env.ok(&["kill", "-s", "TERM", "t"]), "t\n");
    assert!(wait_until(10, || env.ok(&["logs", "t"]).contains("got TERM")), "TERM trapped: {}", env.ok(&["logs", "t"]));
    assert_eq!(env.ok(&["kill", "--signal", "HUP", "t"]), "t\n");
    assert!(wait_until(10, || env.ok(&["logs", "t"]).contains("got HUP")), "HUP trapped: {}", env.ok(&["logs", "t"]));
    assert_eq!(env.ok(&["kill", "--signal", "SIGHUP", "t"]), "t\n");
    assert!(wait_until(10, || env.ok(&["logs", "t"]).matches("got HUP").count() == 2), "SIGHUP is HUP");
    assert_eq!(status(&env, "t"), "running 0", "trapped signals leave it running");
    env.ok(&["rm", "-f", "t"]);
}

#[test]
fn a_stopped_container_cannot_be_killed() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "idle", "busybox", "true"]);
    let (code, err) = env.fails(&["kill", "idle"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("cannot kill container idle: it is not running"), "{err}");
    env.ok(&["run", "--name", "done", "busybox", "true"]);
    let (code, err) = env.fails(&["kill", "done"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("cannot kill container done: it is not running"), "{err}");
    let (code, err) = env.fails(&["kill", "nosuch"]);
    assert_eq!(code, 1, "a missing container: {err}");
    assert!(err.contains("nosuch"), "{err}");
}

#[test]
fn kill_of_several_containers_kills_each_and_reports_the_others() {
    let env = TestEnv::with_busybox();
    trapping(&env, "a", &[]);
    trapping(&env, "b", &[]);
    env.ok(&["create", "--name", "idle", "busybox", "true"]);
    let out = env.run(&["kill", "a", "idle", "b"]);
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\nb\n", "each running one is named");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().filter(|l| l.starts_with("Error: ")).count(), 1, "one line for the stopped one: {err}");
    assert!(err.contains("idle"), "{err}");
    for name in ["a", "b"] {
        assert!(wait_until(10, || status(&env, name) == "exited 137"), "{name}: {}", status(&env, name));
    }
}

#[test]
fn real_time_signals_reach_the_process_by_name_and_number() {
    let env = TestEnv::with_busybox();
    // glibc's SIGRTMIN is 34 (the C library keeps 32 and 33); the kernel's SIGRTMAX is 64.
    trapping(&env, "rt", &["37", "63"]);
    assert_eq!(env.ok(&["kill", "-s", "RTMIN+3", "rt"]), "rt\n");
    assert!(wait_until(10, || env.ok(&["logs", "rt"]).contains("got 37")), "RTMIN+3 trapped: {}", env.ok(&["logs", "rt"]));
    env.ok(&["kill", "-s", "SIGRTMAX-1", "rt"]);
    assert!(wait_until(10, || env.ok(&["logs", "rt"]).contains("got 63")), "RTMAX-1 trapped: {}", env.ok(&["logs", "rt"]));
    env.ok(&["kill", "-s", "37", "rt"]);
    assert!(wait_until(10, || env.ok(&["logs", "rt"]).matches("got 37").count() == 2), "37 by number");
    let (code, err) = env.fails(&["kill", "-s", "RTMAX+1", "rt"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("real-time"), "{err}");
    env.ok(&["rm", "-f", "rt"]);
}
