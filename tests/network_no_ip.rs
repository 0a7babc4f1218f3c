//! Starting and removing a container on a bridge network runs no `ip`
//! process: links, addresses and routes are netlink requests of pontoon's
//! own (an `ip` process costs ~10 ms, a request well under one). Proved
//! with a `PATH` whose first `ip` is a script that logs and fails: the old
//! code ran it (and failed), the new one must never touch it, and the
//! container still gets its address and route.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{describe, TestEnv};

/// A directory holding an `ip` that logs its arguments to `log` and fails.
fn failing_ip(env: &TestEnv, log: &Path) -> PathBuf {
    let dir = env.path().join("fake-bin");
    std::fs::create_dir_all(&dir).expect("create the fake bin directory");
    let script = dir.join("ip");
    std::fs::write(&script, format!("#!/bin/sh\necho \"ip $*\" >> {}\nexit 1\n", log.display())).expect("write the fake ip");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("make the fake ip executable");
    // Other test users (rootless runs) must reach the log's directory.
    std::fs::set_permissions(env.path(), std::fs::Permissions::from_mode(0o755)).ok();
    dir
}

/// `pontoon ARGS...` with the failing `ip` first in its PATH.
fn run_with_fake_ip(env: &TestEnv, fake: &Path, args: &[&str]) -> String {
    let path = format!("{}:{}", fake.display(), std::env::var("PATH").unwrap_or_default());
    let out = env.cmd(args).env("PATH", path).output().expect("run pontoon");
    assert!(out.status.success(), "pontoon {args:?}: {}", describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn assert_never_ran(log: &Path) {
    let logged = std::fs::read_to_string(log).unwrap_or_default();
    assert!(logged.is_empty(), "pontoon ran ip:\n{logged}");
}

/// The container's eth0 has an address starting with `prefix` and a
/// default route through eth0 via a gateway starting with it too.
fn assert_attached(inside: &str, prefix: &str) {
    assert!(inside.contains(&format!("inet {prefix}")), "no address in {prefix} on eth0:\n{inside}");
    let route = inside.lines().find(|l| l.starts_with("default via ")).unwrap_or_default();
    assert!(route.starts_with(&format!("default via {prefix}")) && route.contains("dev eth0"), "no default route via eth0:\n{inside}");
}

const SHOW: &[&str] = &["busybox", "sh", "-c", "ip -4 -o addr show eth0; ip route"];

#[test]
fn a_user_network_is_attached_and_detached_without_ip() {
    let env = TestEnv::with_netns_and_busybox();
    let log = env.path().join("ip.log");
    let fake = failing_ip(&env, &log);
    env.ok(&["network", "create", "--subnet", "10.123.5.0/24", "quiet"]);
    let mut args = vec!["run", "--rm", "--network", "quiet"];
    args.extend_from_slice(SHOW);
    // The first run makes the bridge too; the second finds it made.
    for _ in 0..2 {
        let inside = run_with_fake_ip(&env, &fake, &args);
        assert_attached(&inside, "10.123.5.");
    }
    run_with_fake_ip(&env, &fake, &["network", "rm", "quiet"]);
    assert_never_ran(&log);
}

#[test]
fn the_default_network_is_attached_and_detached_without_ip() {
    // Rootless too: the default network is a bridge in the shared rootless
    // namespace, reached with a veth as root's is.
    let env = TestEnv::with_netns_and_busybox();
    let log = env.path().join("ip.log");
    let fake = failing_ip(&env, &log);
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(SHOW);
    for _ in 0..2 {
        let inside = run_with_fake_ip(&env, &fake, &args);
        // The default network's subnet is the first free one (10.88.0.0/16
        // unless the host uses it).
        assert_attached(&inside, "10.");
    }
    assert_never_ran(&log);
}

#[test]
fn a_container_restarted_at_once_gets_its_network_back() {
    // Its veth end from the first start may still be there (the kernel
    // deletes it with the old namespace, in the background) under the
    // name the second start wants: the start must replace it, not fail.
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "--subnet", "10.123.6.0/24", "again"]);
    env.ok(&["run", "-d", "--name", "r", "--network", "again", "busybox", "sleep", "100"]);
    for _ in 0..3 {
        env.ok(&["stop", "-t", "1", "r"]);
        env.ok(&["start", "r"]);
        let inside = env.ok(&["exec", "r", "sh", "-c", "ip -4 -o addr show eth0; ip route"]);
        assert_attached(&inside, "10.123.6.");
    }
    env.ok(&["rm", "-f", "r"]);
}
