//! Exit codes as Docker and Podman users' scripts rely on them: 1 for a
//! missing object, 2 for a state that forbids the action, 125 for pontoon's
//! own failure in run/create/exec, 126/127 for a command that cannot be
//! invoked or found, else the container's code.

mod common;

use common::TestEnv;

#[test]
fn missing_objects_exit_1() {
    let env = TestEnv::with_busybox();
    for args in [
        &["rm", "bogus"][..],
        &["stop", "bogus"],
        &["kill", "bogus"],
        &["rmi", "bogus:latest"],
        &["volume", "rm", "bogus"],
        &["inspect", "bogus"],
        &["container", "inspect", "bogus"],
    ] {
        let (code, err) = env.fails(args);
        assert_eq!(code, 1, "`pontoon {}`: {err}", args.join(" "));
        assert!(err.contains("bogus") && err.lines().count() == 1, "one line naming the object: {err}");
    }
    let (code, err) = env.fails(&["rm", "bogus", "other"]);
    assert_eq!((code, err.lines().count()), (1, 2), "one line per name: {err}");
}

#[test]
fn conflicting_states_exit_2() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "web", "-v", "data:/data", "busybox", "sleep", "1000"]);
    let (code, err) = env.fails(&["rm", "web"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("running") && err.contains("rm -f"), "the fix is named: {err}");
    let (code, err) = env.fails(&["volume", "rm", "data"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = env.fails(&["rmi", "busybox"]);
    assert_eq!(code, 2, "{err}");
    let (code, err) = env.fails(&["rm", "web", "bogus"]);
    assert_eq!(code, 125, "different failures share no code: {err}");
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn run_create_and_exec_answer_with_the_containers_code_or_125() {
    let env = TestEnv::with_busybox();
    assert_eq!(env.run(&["run", "--rm", "busybox", "/nonexistent"]).status.code(), Some(127));
    assert_eq!(env.run(&["run", "--rm", "busybox", "/etc/passwd"]).status.code(), Some(126));
    assert_eq!(env.run(&["run", "--rm", "busybox", "sh", "-c", "exit 3"]).status.code(), Some(3));
    let (code, err) = env.fails(&["run", "--rm", "--pull", "never", "nosuchimage"]);
    assert_eq!(code, 125, "a missing image is pontoon's failure in run: {err}");
    let (code, _) = env.fails(&["create", "--pull", "never", "nosuchimage"]);
    assert_eq!(code, 125);
    let (code, _) = env.fails(&["exec", "bogus", "true"]);
    assert_eq!(code, 125);
    env.ok(&["create", "--name", "idle", "busybox", "true"]);
    let (code, err) = env.fails(&["exec", "idle", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("not running") && err.contains("pontoon start idle"), "{err}");
    env.ok(&["run", "-d", "--name", "up", "busybox", "sleep", "1000"]);
    assert_eq!(env.run(&["exec", "up", "/nonexistent"]).status.code(), Some(127));
    assert_eq!(env.run(&["exec", "up", "sh", "-c", "exit 4"]).status.code(), Some(4));
    env.ok(&["rm", "-f", "up", "idle"]);
}
