//! `pontoon run` as a user types it: exit codes, the environment and
//! options seen from inside, isolation between containers, and the
//! lifecycle of a detached container (ps, logs, stop, start, rm).

mod common;

use std::time::{Duration, Instant};

use common::TestEnv;


fn code(env: &TestEnv, args: &[&str]) -> i32 {
    env.run(args).status.code().unwrap_or(-1)
}

#[test]
fn exit_codes_follow_docker() {
    let env = TestEnv::with_busybox();
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "hello"]), "hello\n");
    assert_eq!(code(&env, &["run", "--rm", "busybox", "sh", "-c", "exit 3"]), 3);
    let out = env.run(&["run", "--rm", "busybox", "no-such-command"]);
    assert_eq!(out.status.code(), Some(127), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-command"));
    let out = env.run(&["run", "--rm", "busybox", "/etc/passwd"]);
    assert_eq!(out.status.code(), Some(126), "{}", common::describe(&out));
    let (code, err) = env.fails(&["run", "--rm", "no-such-image-here", "true"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(env.ok(&["ps", "-aq"]), "", "--rm containers are gone");
}

#[test]
fn options_are_visible_inside() {
    let env = TestEnv::with_busybox();
    let sh = |args: &[&str], script: &str| -> String {
        let mut full = vec!["run", "--rm"];
        full.extend_from_slice(args);
        full.extend_from_slice(&["busybox", "sh", "-c", script]);
        env.ok(&full)
    };
    assert_eq!(sh(&["-e", "HELLO=hello"], "echo $HELLO"), "hello\n");
    std::fs::write(env.path().join("vars.env"), "# comment\nFROM_FILE=yes\n").expect("write env file");
    assert_eq!(sh(&["--env-file", "vars.env"], "echo $FROM_FILE"), "yes\n");
    assert_eq!(sh(&["-w", "/tmp"], "pwd"), "/tmp\n");
    assert_eq!(sh(&["-u", "1000:1000"], "id -u; id -g"), "1000\n1000\n");
    assert_eq!(sh(&["-u", "user"], "id -un"), "user\n");
    assert_eq!(sh(&["--hostname", "boat"], "hostname; cat /etc/hostname"), "boat\nboat\n");
    assert!(sh(&["--read-only"], "touch /x 2>&1; echo rc=$?").contains("rc=1"));
    assert_eq!(sh(&["--read-only", "--tmpfs", "/run:size=64m"], "touch /run/x && echo ok"), "ok\n");
    let df = sh(&["--tmpfs", "/run:size=64m"], "df -k /run | tail -1");
    assert!(df.split_whitespace().nth(1) == Some("65536"), "tmpfs size honoured: {df}");
    let links = sh(&["--network", "none"], "ls /sys/class/net");
    assert_eq!(links, "lo\n", "only loopback with --network none");
    let host_links = std::fs::read_dir("/sys/class/net").expect("host links").count();
    let inside = sh(&["--network", "host"], "ls /sys/class/net | wc -l");
    assert_eq!(inside.trim(), host_links.to_string(), "--network host sees the host's links");
}

#[test]
fn containers_are_isolated_and_the_image_is_unchanged() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "a", "busybox", "sh", "-c", "echo data > /created; rm /bin/ls"]);
    let out = env.ok(&["run", "--rm", "busybox", "sh", "-c", "test -e /created && echo created; test -e /bin/ls && echo has-ls"]);
    assert_eq!(out, "has-ls\n", "the second container sees neither change");
    let ps = env.ok(&["run", "--rm", "busybox", "ps", "-o", "pid,comm"]);
    assert!(ps.lines().nth(1).is_some_and(|l| l.trim().starts_with("1 ")), "the command is PID 1: {ps}");
    env.ok(&["rm", "a"]);
}

#[test]
fn detached_lifecycle() {
    let env = TestEnv::with_busybox();
    let id = env.ok(&["run", "-d", "--name", "web", "busybox", "sleep", "1000"]);
    assert_eq!(id.trim().len(), 64, "run -d prints the full Id");
    let ps = env.ok(&["ps"]);
    assert!(ps.contains("web") && ps.contains("Up "), "{ps}");
    // sleep as PID 1 ignores SIGTERM: stop must fall back to SIGKILL.
    let started = Instant::now();
    env.ok(&["stop", "-t", "2", "web"]);
    let took = started.elapsed();
    assert!(took >= Duration::from_secs(2), "stop waited for the timeout: {took:?}");
    let ps = env.ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.contains("web Exited (137)"), "{ps}");
    env.ok(&["start", "web"]);
    assert!(env.ok(&["ps", "--format", "{{.Names}}"]).contains("web"));
    env.ok(&["rm", "-f", "web"]);
    assert_eq!(env.ok(&["ps", "-aq"]), "");
    assert!(!env.root.join("containers").join(id.trim()).exists(), "rm -f removes its storage");
}

#[test]
fn a_shell_that_exits_on_sigterm_stops_at_once_and_logs_follow() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "talk", "busybox", "sh", "-c", "trap 'exit 0' TERM; echo first; while true; do sleep 0.2; done"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !env.ok(&["logs", "talk"]).contains("first") {
        assert!(Instant::now() < deadline, "the first line reaches the log");
        std::thread::sleep(Duration::from_millis(50));
    }
    env.ok(&["stop", "-t", "10", "talk"]);
    assert_eq!(env.ok(&["wait", "talk"]).trim(), "0");
    let logs = env.ok(&["logs", "-t", "talk"]);
    assert!(logs.contains("Z first"), "timestamps: {logs}");
    env.ok(&["rm", "talk"]);
}

#[test]
fn restart_policies() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "flaky", "--restart", "on-failure:3", "busybox", "sh", "-c", "echo run; exit 1"]);
    assert_eq!(env.ok(&["wait", "flaky"]).trim(), "1");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let runs = env.ok(&["logs", "flaky"]).lines().filter(|l| *l == "run").count();
        let state = env.ok(&["ps", "-a", "--format", "{{.Status}}", "--filter", "name=flaky"]);
        if runs == 4 && state.starts_with("Exited (1)") {
            break;
        }
        assert!(Instant::now() < deadline, "three restarts then exited: runs={runs} state={state}");
        std::thread::sleep(Duration::from_millis(100));
    }
    env.ok(&["run", "-d", "--name", "always", "--restart", "always", "busybox", "sh", "-c", "echo up; sleep 0.2"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while env.ok(&["logs", "always"]).lines().filter(|l| *l == "up").count() < 2 {
        assert!(Instant::now() < deadline, "always restarts after the process exits");
        std::thread::sleep(Duration::from_millis(100));
    }
    env.ok(&["stop", "-t", "1", "always"]);
    std::thread::sleep(Duration::from_millis(800));
    let state = env.ok(&["ps", "-a", "--format", "{{.State}}", "--filter", "name=always"]);
    assert_eq!(state.trim(), "exited", "stop ends an always container for good");
    env.ok(&["rm", "-f", "flaky", "always"]);
}

#[test]
fn parallel_runs_all_succeed() {
    let env = TestEnv::with_busybox();
    let handles: Vec<_> = (0..20)
        .map(|i| {
            let mut cmd = env.cmd(&["run", "--rm", "busybox", "echo", &i.to_string()]);
            std::thread::spawn(move || cmd.output().expect("run pontoon"))
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        let out = h.join().expect("thread");
        assert!(out.status.success(), "run {i}: {}", common::describe(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), i.to_string());
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}

#[test]
fn restart_stops_and_starts_again() {
    let env = TestEnv::with_busybox();
    // The first run leaves a file; a run that finds it says so.
    let script = "[ -e /ran-before ] && echo found the file of the first run; touch /ran-before; echo started; sleep 1000";
    env.ok(&["run", "-d", "--name", "r", "busybox", "sh", "-c", script]);
    let first = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]);
    assert!(!first.is_empty());
    let state = || env.ok(&["inspect", "--format", "{{.State.Pid}} {{.State.StartedAt}}", "r"]).trim().to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !env.ok(&["logs", "r"]).contains("started") {
        assert!(Instant::now() < deadline, "the container started: {:?} {}", env.ok(&["logs", "r"]), env.ok(&["ps", "-a"]));
        std::thread::sleep(Duration::from_millis(50));
    }
    let before = state();
    assert_eq!(env.ok(&["restart", "-t", "1", "r"]), "r\n");
    let deadline = Instant::now() + Duration::from_secs(10);
    while env.ok(&["logs", "r"]).lines().filter(|l| *l == "started").count() < 2 {
        assert!(Instant::now() < deadline, "the restarted container ran again");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(env.ok(&["ps", "--format", "{{.Names}} {{.Status}}"]).contains("r Up"));
    let after = state();
    let (pid_before, started_before) = before.split_once(' ').expect("pid and start time");
    let (pid_after, started_after) = after.split_once(' ').expect("pid and start time");
    assert_ne!(pid_before, pid_after, "a new process: {before} then {after}");
    assert!(started_after > started_before, "started again later: {before} then {after}");
    let logs = env.ok(&["logs", "r"]);
    assert_eq!(logs.matches("found the file of the first run").count(), 1, "the same container, its files kept: {logs}");
    env.ok(&["rm", "-f", "r"]);
}

#[test]
fn run_pulls_a_missing_image_unless_told_not_to() {
    let registry = common::Registry::start();
    registry.push_layout(&common::busybox_layout(), "library/busybox:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);
    let (code, err) = env.fails(&["run", "--rm", "--pull", "never", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("busybox"), "{err}");
    let out = env.run(&["run", "--rm", "busybox", "echo", "pulled"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "pulled\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Unable to find image 'busybox' locally"));
    assert!(env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]).contains("busybox:latest"));
    let (code, err) = env.fails(&["run", "--rm", "--pull", "sometimes", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn logs_follow_tail_and_since() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "counter", "busybox", "sh", "-c", "for i in 1 2 3 4; do echo line$i; sleep 0.3; done; echo oops >&2"]);
    // -f starts before the container is done and ends when it stops.
    let out = env.run(&["logs", "-f", "counter"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "line1\nline2\nline3\nline4\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "oops\n", "stderr stays stderr");
    assert_eq!(env.ok(&["logs", "--tail", "2", "counter"]), "line4\n");
    assert_eq!(env.ok(&["logs", "--since", "1h", "counter"]).lines().count(), 4);
    assert_eq!(env.ok(&["logs", "--until", "1h", "counter"]), "", "nothing is older than an hour");
    let (code, err) = env.fails(&["logs", "--tail", "many", "counter"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "counter"]);
}

#[test]
fn the_vfs_driver_keeps_a_containers_changes_across_restarts() {
    let env = TestEnv::with_busybox();
    let vfs = |args: &[&str]| -> String {
        let out = env.cmd(args).env("PONTOON_STORAGE_DRIVER", "vfs").output().expect("run pontoon");
        assert!(out.status.success(), "{}", common::describe(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let script = "test -e /note && echo second-run; test -e /bin/ls || echo ls-gone; echo kept > /note; rm -f /bin/ls";
    assert_eq!(vfs(&["run", "--name", "copy", "busybox", "sh", "-c", script]), "");
    vfs(&["start", "copy"]);
    vfs(&["wait", "copy"]);
    assert_eq!(env.ok(&["logs", "copy"]), "second-run\nls-gone\n", "the restarted container found its own changes");
    let out = vfs(&["run", "--rm", "busybox", "sh", "-c", "test -e /note || echo clean-image; test -e /bin/ls && echo has-ls"]);
    assert_eq!(out, "clean-image\nhas-ls\n", "other containers still see the image as it was");
    env.ok(&["rm", "copy"]);
}

/// The mount options of the container's root, from its /proc/self/mountinfo.
fn root_mount_options(mountinfo: &str) -> String {
    let line = mountinfo.lines().find(|l| l.split(' ').nth(4) == Some("/")).unwrap_or_else(|| panic!("no root mount in:\n{mountinfo}"));
    line.rsplit(' ').next().unwrap_or_default().to_string()
}

#[test]
fn a_rm_containers_root_is_a_volatile_overlay_and_a_kept_ones_is_not() {
    let env = TestEnv::with_busybox();
    let driver = env.ok(&["info", "--format", "{{.Store.GraphDriverName}}"]);
    if common::skip_unless(driver.trim() == "overlay", "volatile is an option of the kernel's overlay, and this store uses another driver") {
        return;
    }
    // Unmounting a synced overlay syncs the whole filesystem under the
    // store; a --rm container's writes are thrown away anyway.
    // Newer kernels show the option as fsync=volatile.
    let volatile = |options: &str| options.split(',').any(|o| o == "volatile" || o == "fsync=volatile");
    let removed = root_mount_options(&env.ok(&["run", "--rm", "busybox", "cat", "/proc/self/mountinfo"]));
    assert!(volatile(&removed), "{removed}");
    let kept = root_mount_options(&env.ok(&["run", "--name", "kept", "busybox", "cat", "/proc/self/mountinfo"]));
    assert!(!volatile(&kept), "a container that stays keeps its writes synced: {kept}");
    // A kept container restarts on its upper directory as before.
    env.ok(&["start", "-a", "kept"]);
}
