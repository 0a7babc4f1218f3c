//! Podman's and Docker's global flags, as scripts pass them: before the
//! command or after it, implemented or accepted, and remote mode refused.

mod common;

use common::{busybox_layout, load_as, Registry, TestEnv};

#[test]
fn log_level_debug_logs_on_stderr_and_leaves_stdout_alone() {
    let env = TestEnv::new();
    for args in [vec!["--log-level=debug", "ps"], vec!["ps", "--log-level", "debug"], vec!["-D", "ps"], vec!["--debug", "images"]] {
        let out = env.run(&args);
        assert!(out.status.success(), "{args:?}: {}", common::describe(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("level=debug") && stderr.contains("Using graph root"), "{args:?}: {stderr}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(" ID "), "{args:?}");
    }
    let quiet = env.run(&["--log-level=info", "ps"]);
    assert!(quiet.stderr.is_empty(), "info hides debug messages: {}", common::describe(&quiet));
    let (code, err) = env.fails(&["--log-level=loud", "ps"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid --log-level") && err.contains("debug"), "{err}");
}

#[test]
fn noout_silences_stdout_only() {
    let env = TestEnv::with_busybox();
    let out = env.run(&["--noout", "images"]);
    assert!(out.status.success() && out.stdout.is_empty(), "{}", common::describe(&out));
    let out = env.run(&["--noout", "rmi", "nosuch:1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nosuch"), "errors still show: {}", common::describe(&out));
}

#[test]
fn remote_mode_is_refused_in_one_line() {
    let env = TestEnv::new();
    for args in [vec!["--url", "unix:///run/podman/podman.sock", "ps"], vec!["--remote", "ps"], vec!["--connection", "prod", "ps"], vec!["ps", "--connection", "prod"]] {
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains("no remote mode"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn podmans_engine_flags_are_accepted_and_checked() {
    let env = TestEnv::with_busybox();
    let ok = env.ok(&["--cgroup-manager=cgroupfs", "--events-backend=file", "--storage-opt", "overlay.mountopt=nodev", "run", "--rm", "busybox", "echo", "ok"]);
    assert_eq!(ok, "ok\n");
    env.ok(&["--cgroup-manager", "systemd", "--events-backend", "journald", "ps"]);
    for (args, wanted) in [
        (vec!["--cgroup-manager", "upstart", "ps"], "invalid --cgroup-manager"),
        (vec!["--events-backend", "kafka", "ps"], "invalid --events-backend"),
        (vec!["--storage-driver", "zfs", "ps"], "invalid --storage-driver"),
        (vec!["--storage-opt", "nodev", "ps"], "KEY=VALUE"),
        (vec!["--runtime-flag", "debug", "ps"], "--runtime-flag needs --runtime"),
    ] {
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains(wanted), "{args:?}: {err}");
    }
}

#[test]
fn storage_driver_picks_the_driver_the_store_uses() {
    let env = TestEnv::with_busybox();
    assert_eq!(env.ok(&["--storage-driver", "vfs", "info", "--format", "{{.Store.GraphDriverName}}"]).trim(), "vfs");
    assert_eq!(env.ok(&["--storage-driver", "vfs", "run", "--rm", "busybox", "echo", "on vfs"]), "on vfs\n");
    let fuse = env.ok(&["--storage-opt", "overlay.mount_program=/usr/bin/fuse-overlayfs", "info", "--format", "{{.Store.GraphDriverName}}"]);
    assert_eq!(fuse.trim(), "fuse-overlayfs");
}

#[test]
fn runtime_before_the_command_is_the_default_of_run_with_its_flags() {
    let env = TestEnv::with_busybox();
    assert!(std::path::Path::new("/usr/bin/crun").exists(), "crun is installed by scripts/install-deps.sh");
    let log = env.path().join("crun.log");
    let flag = format!("log={}", log.display());
    env.ok(&["--runtime", "crun", "--runtime-flag", &flag, "run", "-d", "--name", "ext", "busybox", "sleep", "300"]);
    assert!(log.exists(), "crun was called with --{flag}");
    let cmdline = env.ok(&["inspect", "--format", "{{.HostConfig.Runtime}}", "ext"]);
    assert_eq!(cmdline.trim(), "crun");
    env.ok(&["rm", "-f", "-t", "0", "ext"]);
}

#[test]
fn config_dir_holds_the_credentials_as_docker_keeps_them() {
    let registry = Registry::start_with_basic_auth("alice", "wonder-land");
    let addr = registry.addr();
    let env = TestEnv::new();
    load_as(&env, &busybox_layout(), "busybox:latest");
    let dir = env.path().join("docker-config");
    let dir_s = dir.to_string_lossy().to_string();
    env.ok(&["--config", &dir_s, "login", "-u", "alice", "-p", "wonder-land", &addr]);
    let saved = std::fs::read_to_string(dir.join("config.json")).expect("DIR/config.json written");
    assert!(saved.contains(&addr), "{saved}");
    assert!(!env.auth_file.exists(), "the usual auth file is untouched");
    let dest = format!("{addr}/secure/busybox:1");
    let (code, _) = env.fails(&["push", "busybox", &dest]);
    assert_eq!(code, 125, "without --config there are no credentials");
    env.ok(&["--config", &dir_s, "push", "busybox", &dest]);
}
