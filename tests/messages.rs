//! What Docker and Podman users see when something is missing, a flag is
//! wrong, there is no terminal, or a stop has to kill: Podman's words
//! (which hold Docker's), in one line, with the codes their scripts test.

mod common;

use std::process::Stdio;

use common::{wait_until, TestEnv};

fn one_line_error(env: &TestEnv, args: &[&str], code: i32, wanted: &str) -> String {
    let (got, err) = env.fails(args);
    assert_eq!(got, code, "`pontoon {}`: {err}", args.join(" "));
    assert_eq!(err.trim_end(), format!("Error: {wanted}"), "`pontoon {}` in one line", args.join(" "));
    err
}

#[test]
fn missing_objects_are_named_in_podmans_words() {
    let env = TestEnv::with_busybox();
    let container = r#"no container with name or ID "ghost" found: no such container"#;
    for verb in [&["rm"][..], &["stop"], &["kill"], &["start"], &["logs"], &["container", "inspect"], &["container", "rm"]] {
        let err = one_line_error(&env, &[verb, &["ghost"]].concat(), 1, container);
        assert!(err.to_lowercase().contains("no such container"), "Docker's phrase too: {err}");
    }
    one_line_error(&env, &["exec", "ghost", "true"], 125, container);
    one_line_error(&env, &["rmi", "ghost:latest"], 1, "ghost:latest: image not known");
    one_line_error(&env, &["volume", "rm", "ghost"], 1, r#"no volume with name "ghost" found: no such volume"#);
    one_line_error(&env, &["network", "rm", "ghost"], 1, "unable to find network with name or ID ghost: network not found");
    one_line_error(&env, &["pod", "rm", "ghost"], 1, "no pod with name or ID ghost found: no such pod");
    // `exists` answers with its code only, as Podman's.
    for noun in ["container", "image", "volume", "pod", "network"] {
        let out = env.run(&[noun, "exists", "ghost"]);
        assert_eq!((out.status.code(), out.stderr.is_empty()), (Some(1), true), "`pontoon {noun} exists ghost`");
    }
}

#[test]
fn a_wrong_flag_is_named_with_where_to_read_more() {
    let env = TestEnv::new();
    let (code, err) = env.fails(&["run", "--bogus-flag", "busybox"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err, "Error: unexpected argument '--bogus-flag' found\nSee 'pontoon run --help'\n");
    let (code, err) = env.fails(&["container", "stop", "-t", "soon", "web"]);
    assert_eq!(code, 125, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() == 2 && lines[0].starts_with("Error: invalid value 'soon'"), "{err}");
    assert_eq!(lines[1], "See 'pontoon container stop --help'");
}

#[test]
fn it_without_a_terminal_is_refused_before_anything_is_created() {
    let env = TestEnv::with_busybox();
    // The test's stdin is not a terminal: /dev/null.
    let (code, err) = env.fails(&["run", "-it", "--name", "box", "busybox", "true"]);
    assert_eq!(code, 1, "Docker's code: {err}");
    assert!(err.starts_with("Error: the input device is not a TTY") && err.lines().count() == 1, "{err}");
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "no container was created");
    // -t alone gets a terminal for the container's output, -i alone the pipe.
    let out = env.ok(&["run", "--rm", "-t", "busybox", "sh", "-c", "[ -t 1 ] && echo on-a-terminal"]);
    assert_eq!(out.trim_end(), "on-a-terminal");
    let out = env.run_with_input(&["run", "--rm", "-i", "busybox", "cat"], b"piped\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "piped\n", "{}", common::describe(&out));
    env.ok(&["run", "-d", "--name", "up", "busybox", "sleep", "1000"]);
    let (code, err) = env.fails(&["exec", "-it", "up", "true"]);
    assert!(code == 1 && err.contains("the input device is not a TTY"), "{code}: {err}");
    env.ok(&["exec", "-t", "up", "true"]);
    env.ok(&["rm", "-f", "up"]);
}

#[test]
fn a_stop_that_kills_warns_as_podman_does() {
    let env = TestEnv::with_busybox();
    // `sleep` as the container's pid 1 has no handler for SIGTERM: the
    // kernel ignores it, and only SIGKILL ends it.
    env.ok(&["run", "-d", "--name", "stubborn", "busybox", "sleep", "1000"]);
    let out = env.run(&["stop", "-t", "1", "stubborn"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "stubborn\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("WARN[") && err.lines().count() == 1, "{err}");
    assert!(err.contains("] StopSignal SIGTERM failed to stop container stubborn in 1 seconds, resorting to SIGKILL"), "{err}");
    // A stop that needs no SIGKILL says nothing.
    env.ok(&["run", "-d", "--name", "polite", "busybox", "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done"]);
    let out = env.run(&["stop", "-t", "30", "polite"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", common::describe(&out));
    env.ok(&["rm", "-f", "stubborn", "polite"]);
}

fn status(env: &TestEnv, name: &str) -> (String, String) {
    let inspected = env.ok(&["inspect", "--format", "{{.State.Status}}", name]).trim().to_string();
    let listed = env.ok(&["ps", "-a", "--filter", &format!("name={name}"), "--format", "{{.Status}}"]).trim().to_string();
    (inspected, listed)
}

#[test]
fn a_container_is_stopping_while_a_stop_waits_and_not_after_the_stop_was_killed() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "slow", "busybox", "sleep", "1000"]);
    let mut stop = env.cmd(&["stop", "-t", "30", "slow"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("start pontoon stop");
    let stopping = wait_until(20, || status(&env, "slow") == ("stopping".to_string(), "Stopping".to_string()));
    assert!(stopping, "inspect and ps show the wait: {:?}", status(&env, "slow"));
    assert_eq!(env.ok(&["ps", "--filter", "status=stopping", "--format", "{{.Names}}"]), "slow\n");
    // The stop is killed before its SIGKILL: the container still runs, and
    // nothing says it is stopping.
    stop.kill().expect("kill pontoon stop");
    stop.wait().expect("reap pontoon stop");
    let (inspected, listed) = status(&env, "slow");
    assert_eq!(inspected, "running");
    assert!(listed.starts_with("Up "), "{listed}");
    env.ok(&["stop", "-t", "1", "slow"]);
    assert_eq!(status(&env, "slow").0, "exited");
    env.ok(&["rm", "slow"]);
}
