//! Resource limits, pause/unpause and stats as a user sees them. As root
//! the limits are enforced through cgroups; rootless on a host that
//! delegates no cgroup v2 controllers, asking for a limit fails with a
//! clear error instead of being ignored.

mod common;

use common::{skip_unless, TestEnv};


/// Whether this host gives the current user cgroups (as `info` says).
fn has_cgroups(env: &TestEnv) -> bool {
    env.ok(&["info", "--format", "{{.Host.CgroupManager}}"]).trim() != "none"
}

#[test]
fn limits_are_enforced_with_cgroups() {
    let env = TestEnv::with_busybox();
    if skip_unless(has_cgroups(&env), "no cgroup backend for this user (rootless on a v1 host)") {
        return;
    }
    // Memory: the limit is in the group, and going past it is an OOM kill.
    let id = env.ok(&["run", "-d", "--memory", "64m", "--cpus", "0.5", "--pids-limit", "10", "busybox", "sleep", "1000"]);
    let id = id.trim();
    for (controller, file, want) in
        [("memory", "memory.limit_in_bytes", "67108864"), ("cpu", "cpu.cfs_quota_us", "50000"), ("pids", "pids.max", "10")]
    {
        let path = format!("/sys/fs/cgroup/{controller}/pontoon/{id}/{file}");
        if let Ok(value) = std::fs::read_to_string(&path) {
            assert_eq!(value.trim(), want, "{path}");
        }
    }
    env.ok(&["rm", "-f", id]);
    assert!(!std::path::Path::new(&format!("/sys/fs/cgroup/memory/pontoon/{id}")).exists(), "the group goes with the container");

    // Allocate 200 MB in a 64 MB container: the kernel kills it.
    let out = env.run(&["run", "--name", "hog", "--memory", "64m", "busybox", "sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived"]);
    assert_eq!(out.status.code(), Some(137), "{}", common::describe(&out));
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.OOMKilled}}", "hog"]).trim(), "true", "inspect shows the OOM kill");
    env.ok(&["rm", "hog"]);

    // Ten processes at most: a burst of twenty background sleeps fails.
    let out = env.ok(&["run", "--rm", "--pids-limit", "10", "busybox", "sh", "-c", "for i in $(seq 20); do sleep 5 & done 2>&1 | grep -c -i 'fork\\|resource'; true"]);
    assert_ne!(out.trim(), "0", "forks beyond the limit fail: {out}");
}

#[test]
fn a_limit_that_cannot_be_applied_fails_clearly() {
    let env = TestEnv::with_busybox();
    if skip_unless(!has_cgroups(&env), "this user has cgroups, so limits apply (see limits_are_enforced_with_cgroups)") {
        return;
    }
    for flags in [&["--memory", "64m"][..], &["--cpus", "1"], &["--pids-limit", "10"]] {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("cannot apply --memory, --cpus or --pids-limit") && err.contains("delegate"), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "ok"]), "ok\n", "without limits no cgroup is needed");
    assert_eq!(env.ok(&["ps", "-aq"]), "", "--rm removed the failed containers");
}

#[test]
fn pause_unpause_and_stop_a_paused_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "ticker", "busybox", "sh", "-c", "while true; do date +%s%N > /tmp/tick; sleep 0.05; done"]);
    assert_eq!(env.ok(&["pause", "ticker"]), "ticker\n");
    let status = env.ok(&["ps", "--format", "{{.Status}}", "--filter", "name=ticker"]);
    assert!(status.contains("(Paused)"), "{status}");
    assert_eq!(env.ok(&["ps", "--format", "{{.State}}", "--filter", "name=ticker"]).trim(), "paused");
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Paused}} {{.State.Status}}", "ticker"]).trim(), "true paused");
    let (code, err) = env.fails(&["pause", "ticker"]);
    assert_eq!(code, 125);
    assert!(err.contains("already paused"), "{err}");
    assert_eq!(env.ok(&["unpause", "ticker"]), "ticker\n");
    assert_eq!(env.ok(&["ps", "--format", "{{.State}}", "--filter", "name=ticker"]).trim(), "running");
    env.ok(&["pause", "ticker"]);
    env.ok(&["stop", "-t", "5", "ticker"]);
    let state = env.ok(&["ps", "-a", "--format", "{{.State}}", "--filter", "name=ticker"]);
    assert_eq!(state.trim(), "exited", "a paused container can be stopped");
    env.ok(&["rm", "ticker"]);
}

#[test]
fn stats_no_stream_shows_docker_columns() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "busy", "busybox", "sh", "-c", "sleep 1000 & sleep 1000 & wait"]);
    let table = env.ok(&["stats", "--no-stream"]);
    let header = table.lines().next().unwrap_or_default();
    for column in ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"] {
        assert!(header.contains(column), "{column} in {header}");
    }
    let row = table.lines().nth(1).unwrap_or_default();
    assert!(row.contains("busy") && row.contains('%') && row.contains("iB /"), "{table}");
    let pids = env.ok(&["stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", "busy"]);
    assert_eq!(pids.trim(), "busy 3", "sh and its two sleeps");
    let json = env.ok(&["stats", "--no-stream", "--no-trunc", "--format", "json", "busy"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(rows[0]["ID"].as_str().map(str::len), Some(64), "--no-trunc gives full Ids");
    env.ok(&["rm", "-f", "busy"]);
}

#[test]
fn an_external_runtime_runs_the_same_bundle() {
    let env = TestEnv::with_busybox();
    if skip_unless(std::path::Path::new("/usr/bin/crun").exists(), "crun is not installed") {
        return;
    }
    let out = env.run(&["run", "--runtime", "crun", "--rm", "busybox", "echo", "hi"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hi\n", "{}", common::describe(&out));
    assert_eq!(env.run(&["run", "--runtime", "/usr/bin/crun", "--rm", "busybox", "sh", "-c", "exit 5"]).status.code(), Some(5));
    let inside = env.ok(&["run", "--runtime", "crun", "--rm", "busybox", "sh", "-c", "echo $$; grep Seccomp: /proc/self/status"]);
    assert!(inside.starts_with("1\n") && inside.contains('2'), "PID 1 with the same seccomp profile: {inside}");
    let tty = env.ok(&["run", "--runtime", "crun", "--rm", "-t", "busybox", "sh", "-c", "tty; echo on-a-terminal"]);
    assert!(tty.starts_with("/dev/pts/") && tty.contains("on-a-terminal\r\n"), "-t gets crun's pty: {tty:?}");
    env.ok(&["run", "-d", "--runtime", "crun", "--name", "ext", "busybox", "sleep", "1000"]);
    env.ok(&["stop", "-t", "1", "ext"]);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Status}}", "--filter", "name=ext"]).split(' ').take(2).collect::<Vec<_>>(), ["Exited", "(137)"]);
    env.ok(&["rm", "ext"]);
    let (code, err) = env.fails(&["run", "--runtime", "no-such-runtime", "--rm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("no-such-runtime") && err.contains("not found"), "{err}");
}
