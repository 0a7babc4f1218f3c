//! Bind mounts, read-only mounts and tmpfs as a user meets them: changes
//! seen at once on both sides, `:ro` enforced, tmpfs in memory and fresh on
//! every start, the rootless permission model (`:U`), and bad flags that
//! fail with one line and leave nothing behind.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::TestEnv;


fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bind_mount_shares_changes_both_ways_at_once() {
    let env = TestEnv::with_busybox();
    let host = env.path().join("shared");
    std::fs::create_dir(&host).expect("create the shared directory");
    std::fs::write(host.join("from-host-before"), "before\n").expect("write a host file");
    let mount = format!("{}:/shared", host.display());
    let script = "cat /shared/from-host-before; echo hello > /shared/from-container; \
                  while [ ! -f /shared/ping ]; do sleep 0.05; done; cat /shared/ping > /shared/pong; sleep 1000";
    env.ok(&["run", "-d", "--name", "live", "-v", &mount, "busybox", "sh", "-c", script]);
    // The shell creates the file before it writes to it: wait for the content, not the name.
    wait_for("the container's file on the host with its content", || {
        std::fs::read_to_string(host.join("from-container")).is_ok_and(|s| s == "hello\n")
    });
    std::fs::write(host.join("ping"), "ping\n").expect("write ping");
    wait_for("the container to answer a file written on the host while it runs", || {
        std::fs::read_to_string(host.join("pong")).is_ok_and(|s| s == "ping\n")
    });
    env.ok(&["rm", "-f", "live"]);
    assert_eq!(std::fs::read_to_string(host.join("from-host-before")).expect("read"), "before\n", "removing the container leaves the host's files");
}

#[test]
fn relative_and_missing_bind_sources() {
    let env = TestEnv::with_busybox();
    std::fs::create_dir(env.path().join("app")).expect("create app");
    std::fs::write(env.path().join("app/main.txt"), "source\n").expect("write");
    // Commands run in env.path(): `./app` and `.` resolve against it.
    assert_eq!(env.ok(&["run", "--rm", "-v", "./app:/app", "busybox", "cat", "/app/main.txt"]), "source\n");
    assert_eq!(env.ok(&["run", "--rm", "-v", ".:/work", "busybox", "cat", "/work/app/main.txt"]), "source\n");
    // -v makes a missing host directory, as Docker's -v does...
    env.ok(&["run", "--rm", "-v", "./made-by-v:/data", "busybox", "touch", "/data/x"]);
    assert!(env.path().join("made-by-v/x").is_file());
    // ...while --mount refuses it, as Docker's --mount does.
    let missing = env.path().join("missing");
    let (code, err) = env.fails(&["run", "--rm", "--mount", &format!("type=bind,source={},target=/m", missing.display()), "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("does not exist"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn read_only_mounts_refuse_writes() {
    let env = TestEnv::with_busybox();
    let host = env.path().join("ro");
    std::fs::create_dir(&host).expect("create dir");
    for flag in [
        vec!["-v".to_string(), format!("{}:/m:ro", host.display())],
        vec!["--mount".to_string(), format!("type=bind,src={},dst=/m,readonly", host.display())],
        vec!["-v".to_string(), "vol:/m:ro".to_string()],
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend(flag.iter().map(String::as_str));
        args.extend(["busybox", "sh", "-c", "touch /m/x"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 1, "{flag:?}: {err}");
        assert!(err.contains("Read-only file system"), "{flag:?}: {err}");
    }
    assert!(!host.join("x").exists());
}

#[test]
fn tmpfs_is_in_memory_sized_and_fresh_after_a_restart() {
    let env = TestEnv::with_busybox();
    let script = "grep ' /scratch ' /proc/mounts | cut -d' ' -f1,3; df -k /scratch | tail -1 | awk '{print $2}'; \
                  ls /scratch; touch /scratch/left-behind";
    env.ok(&["run", "--name", "t", "--mount", "type=tmpfs,target=/scratch,tmpfs-size=2m,tmpfs-mode=1777", "busybox", "sh", "-c", script]);
    assert_eq!(env.ok(&["logs", "t"]), "tmpfs tmpfs\n2048\n");
    env.ok(&["start", "-a", "t"]);
    assert_eq!(env.ok(&["logs", "t"]), "tmpfs tmpfs\n2048\ntmpfs tmpfs\n2048\n", "the second start sees an empty tmpfs");
    env.ok(&["rm", "t"]);
    let mode = env.ok(&["run", "--rm", "--tmpfs", "/cache:size=1m,mode=1770", "busybox", "stat", "-c", "%a", "/cache"]);
    assert_eq!(mode, "1770\n");
    let (code, err) = env.fails(&["run", "--rm", "--tmpfs", "/cache:size=huge", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid tmpfs size"), "{err}");
}

/// The README's permission example: a user other than root inside cannot
/// write to a host directory that root inside (the host user, rootless)
/// owns; `:U` hands it to that user.
#[test]
fn a_non_root_container_user_needs_u_to_write_to_a_bind_mount() {
    let env = TestEnv::with_busybox();
    let host = env.path().join("owned-by-me");
    std::fs::create_dir(&host).expect("create dir");
    let plain = format!("{}:/data", host.display());
    let (code, err) = env.fails(&["run", "--rm", "-u", "1000", "-v", &plain, "busybox", "touch", "/data/x"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Permission denied"), "{err}");
    let owned = format!("{}:/data:U", host.display());
    let out = env.ok(&["run", "--rm", "-u", "1000:1000", "-v", &owned, "busybox", "sh", "-c", "touch /data/x && stat -c %u:%g /data /data/x"]);
    assert_eq!(out, "1000:1000\n1000:1000\n");
    give_back(&env, &host);
}

/// Rootless, `:U` left files owned by a subordinate uid: hand them back
/// so the test directory can be deleted.
fn give_back(env: &TestEnv, path: &Path) {
    if !common::is_root() {
        env.ok(&["unshare", "chown", "-R", "0:0", &path.display().to_string()]);
    }
}

#[test]
fn bad_mount_flags_fail_with_one_line_and_create_nothing() {
    let env = TestEnv::with_busybox();
    let cases: [&[&str]; 6] = [
        &["-v", "data:"],
        &["-v", "data:relative/path"],
        &["-v", "data:/data:bogus"],
        &["-v", "data:/data:ro:extra"],
        &["--mount", "type=volume,source=data,target=/data,colour=blue"],
        &["--mount", "type=tmpfs,target=/t,tmpfs-size=lots"],
    ];
    for case in cases {
        for verb in ["run", "create"] {
            let mut args = vec![verb, "--name", "never"];
            args.extend_from_slice(case);
            args.extend(["busybox", "true"]);
            let (code, err) = env.fails(&args);
            assert_eq!(code, 125, "{case:?}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "one line for {case:?}: {err}");
            assert!(err.starts_with("Error: invalid "), "{case:?}: {err}");
        }
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "", "no container was created");
    assert_eq!(env.ok(&["volume", "ls", "-q"]), "", "no volume was created");
    assert!(!env.root.join("volumes/data").exists());
}
