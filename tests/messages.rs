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
    assert_eq!(err, "Error: unknown flag: --bogus-flag\nSee 'pontoon run --help'\n", "Podman's words");
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

/// Runs `script` with sh inside `pontoon unshare` (as root, unshare just
/// runs it), where `$PONTOON` is the pontoon under test.
fn in_unshare(env: &TestEnv, script: &str) -> std::process::Output {
    let bin = common::pontoon_bin();
    let mut cmd = env.cmd(&["unshare", "sh", "-c", script]);
    cmd.env("PONTOON", bin);
    cmd.output().expect("run pontoon unshare")
}

#[test]
fn a_stopped_containers_files_are_mounted_changed_and_run() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "box", "busybox", "cat", "/from-host"]);
    if !common::is_root() {
        let (code, err) = env.fails(&["mount", "box"]);
        assert_eq!(code, 125, "{err}");
        assert_eq!(err.trim_end(), "Error: cannot run command \"pontoon mount\" in rootless mode, must execute `pontoon unshare` first");
    }
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "box"]).trim().to_string();
    let out = in_unshare(
        &env,
        r#"set -e
        p=$("$PONTOON" mount box)
        echo "mounted at $p"
        echo written-on-the-host > "$p/from-host"
        "$PONTOON" mount
        "$PONTOON" start -a box
        "$PONTOON" umount box
        echo "after: $("$PONTOON" mount)."
        "$PONTOON" container unmount box"#,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", common::describe(&out));
    let path = text.lines().next().and_then(|l| l.strip_prefix("mounted at ")).expect("the mount's path").to_string();
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(lines, [format!("{}  {path}", &id[..12]).as_str(), "written-on-the-host", "box", "after: .", "box"], "{text}");
    // What was written through the mount is the container's own.
    assert_eq!(env.ok(&["start", "-a", "box"]), "written-on-the-host\n");
    env.ok(&["rm", "box"]);
}

#[test]
fn a_running_containers_files_are_reached_live() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "up", "busybox", "sh", "-c", "echo from-inside > /mark; exec sleep 1000"]);
    assert!(wait_until(20, || env.run(&["exec", "up", "cat", "/mark"]).stdout == b"from-inside\n"), "the container wrote its mark");
    let out = in_unshare(&env, r#"set -e; p=$("$PONTOON" container mount up); cat "$p/mark"; echo changed > "$p/mark"; "$PONTOON" umount up"#);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from-inside\nup\n");
    assert_eq!(env.ok(&["exec", "up", "cat", "/mark"]), "changed\n", "the mount is the container's live root");
    env.ok(&["rm", "-f", "up"]);
}
