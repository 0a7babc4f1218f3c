//! The rootless default network: the bridge `bridge` in the shared
//! rootless network namespace, which one pasta carries for all of a
//! user's containers (network::rootless_netns), and which outlives its
//! last user for a short linger so that back-to-back runs share it.

mod common;

use std::process::Output;

use common::{is_root, process_alive, skip_unless, wait_until, TestEnv};

const ROOTLESS_ONLY: &str = "the rootless network namespace and its pasta exist only rootless; as root `bridge` is in the host's namespace (tests/user_networks.rs)";

/// `pontoon ARGS...` with the rootless network namespace lingering for
/// `linger` seconds after its last user.
fn run_lingering(env: &TestEnv, linger: &str, args: &[&str]) -> Output {
    let out = env.cmd(args).env("PONTOON_ROOTLESS_NETNS_LINGER", linger).output().expect("run pontoon");
    assert!(out.status.success(), "`pontoon {}` failed:\n{}", args.join(" "), common::describe(&out));
    out
}

/// The live process a file of the rootless network namespace names.
fn netns_process(env: &TestEnv, file: &str) -> Option<i64> {
    let text = std::fs::read_to_string(env.runroot.join("rootless-netns").join(file)).ok()?;
    let pid: i64 = text.split_whitespace().next()?.parse().ok()?;
    process_alive(pid).then_some(pid)
}

/// The pasta processes started for this env (their pid and log files are
/// under its runroot), whichever namespace they carry.
fn pastas_of(env: &TestEnv) -> Vec<i64> {
    let runroot = env.runroot.display().to_string();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i64>().ok())
        .filter(|pid| {
            let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            (comm.starts_with("pasta") || comm.starts_with("passt")) && String::from_utf8_lossy(&cmdline).contains(&runroot)
        })
        .collect()
}

fn address_of(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.NetworkSettings.IPAddress}}", name]).trim().to_string()
}

#[test]
fn default_network_containers_share_one_pasta_and_get_bridge_addresses() {
    if skip_unless(!is_root(), ROOTLESS_ONLY) {
        return;
    }
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "one", "busybox", "sleep", "100"]);
    let holder = netns_process(&env, "holder.pid").expect("the first default-network container starts the rootless namespace");
    env.ok(&["run", "-d", "--name", "two", "busybox", "httpd", "-f", "-p", "8000", "-h", "/etc"]);
    assert_eq!(netns_process(&env, "holder.pid"), Some(holder), "the second container made a namespace of its own");
    let pastas = pastas_of(&env);
    assert_eq!(pastas.len(), 1, "two default-network containers need one pasta, not {pastas:?}");
    assert_eq!(netns_process(&env, "pasta.pid"), pastas.first().copied(), "the one pasta is the namespace's");

    // Addresses from `bridge`'s subnet, as root has them (Docker rootless
    // and Podman's rootless `--network bridge` too), not the host's copy.
    let subnet = env.ok(&["network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", "bridge"]).trim().to_string();
    let prefix = subnet.split('.').take(2).collect::<Vec<_>>().join(".") + ".";
    let (a, b) = (address_of(&env, "one"), address_of(&env, "two"));
    assert!(a.starts_with(&prefix) && b.starts_with(&prefix) && a != b, "one {a}, two {b}, subnet {subnet}");
    // The containers reach each other over the bridge.
    let url = format!("http://{b}:8000/hostname");
    let two_hostname = env.ok(&["inspect", "--format", "{{.Config.Hostname}}", "two"]).trim().to_string();
    let reached = wait_until(20, || env.run(&["exec", "one", "wget", "-qO-", &url]).stdout == format!("{two_hostname}\n").as_bytes());
    assert!(reached, "one did not reach two at {url}");
    // Its /etc/hosts names its own address, and the host by its names.
    let hosts = env.ok(&["exec", "one", "cat", "/etc/hosts"]);
    assert!(hosts.lines().any(|l| l.starts_with(&format!("{a}\t")) && l.contains("one")), "{hosts}");
    assert!(hosts.lines().any(|l| l.contains("host.containers.internal")), "{hosts}");
    let resolv = env.ok(&["exec", "one", "cat", "/etc/resolv.conf"]);
    assert!(resolv.lines().any(|l| l.starts_with("nameserver ") && !l.contains("127.")), "no usable nameserver: {resolv}");

    env.ok(&["rm", "-f", "one", "two"]);
    assert!(wait_until(10, || netns_process(&env, "holder.pid").is_none() && pastas_of(&env).is_empty()), "the namespace outlived its users with no linger");
}

#[test]
fn back_to_back_runs_share_the_lingering_namespace() {
    if skip_unless(!is_root(), ROOTLESS_ONLY) {
        return;
    }
    let env = TestEnv::with_busybox();
    run_lingering(&env, "600", &["run", "--rm", "busybox", "true"]);
    let holder = netns_process(&env, "holder.pid").expect("the namespace lingers after its last user");
    let pasta = netns_process(&env, "pasta.pid").expect("its pasta lingers with it");
    run_lingering(&env, "600", &["run", "--rm", "busybox", "true"]);
    assert_eq!(netns_process(&env, "holder.pid"), Some(holder), "the second run made a new namespace");
    assert_eq!(netns_process(&env, "pasta.pid"), Some(pasta), "the second run started a new pasta");
    assert_eq!(pastas_of(&env), vec![pasta]);

    // `system migrate` ends a namespace no container uses.
    env.ok(&["system", "migrate"]);
    assert!(wait_until(10, || !process_alive(holder) && !process_alive(pasta)), "system migrate left the idle namespace running");
    assert!(!env.runroot.join("rootless-netns/holder.pid").exists());
}

#[test]
fn the_namespace_and_its_pasta_end_after_the_idle_period() {
    if skip_unless(!is_root(), ROOTLESS_ONLY) {
        return;
    }
    let env = TestEnv::with_busybox();
    run_lingering(&env, "2", &["run", "-d", "--name", "web", "busybox", "sleep", "100"]);
    let holder = netns_process(&env, "holder.pid").expect("the namespace of a running container");
    let pasta = netns_process(&env, "pasta.pid").expect("its pasta");
    run_lingering(&env, "2", &["rm", "-f", "web"]);
    let gone = wait_until(60, || !process_alive(holder) && !process_alive(pasta));
    assert!(gone, "the namespace (holder {holder}, pasta {pasta}) outlived its idle period");
    assert!(!env.runroot.join("rootless-netns/holder.pid").exists(), "holder.pid stayed");
    assert!(pastas_of(&env).is_empty());
    // The next container makes it again.
    run_lingering(&env, "2", &["run", "--rm", "busybox", "true"]);
}

/// A published port on the default network: the forwarder binds on the
/// host and connects into the container (rootless through the shared
/// namespace's bridge, no pasta of its own).
#[test]
fn a_published_port_works_on_the_default_network() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["run", "-d", "--name", "web", "-p", "127.0.0.1::8000", "busybox", "httpd", "-f", "-p", "8000", "-h", "/etc"]);
    let text = env.ok(&["port", "web", "8000"]);
    let port = text.lines().next().and_then(|l| l.rsplit_once(':')).map(|(_, p)| p.to_string()).expect("a host port");
    let hostname = env.ok(&["inspect", "--format", "{{.Config.Hostname}}", "web"]).trim().to_string();
    let url = format!("http://127.0.0.1:{port}/hostname");
    let answered = wait_until(20, || {
        let out = env.host("curl", &["-sf", "--max-time", "5", &url]).output().expect("run curl");
        out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == hostname
    });
    assert!(answered, "{url} did not answer with web's hostname");
    if !is_root() {
        assert_eq!(pastas_of(&env).len(), 1, "only the namespace's pasta runs");
    }
    env.ok(&["rm", "-f", "web"]);
}

/// The mounts process `pid` sees, or None when /proc does not show them.
fn mountinfo_of(pid: i64) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/mountinfo")).ok()
}

/// The holder is forked by the monitor of the namespace's first user,
/// after that monitor mounted its container's root filesystem in a mount
/// namespace of its own: the holder must not keep that namespace, or the
/// first container's overlay stays mounted after its monitor is gone (for
/// as long as anyone uses the network namespace), and a start of that
/// container mounts a second overlay over the same upper directory.
#[test]
fn the_namespace_keeps_no_mount_of_the_container_that_made_it() {
    if skip_unless(!is_root(), ROOTLESS_ONLY) {
        return;
    }
    let env = TestEnv::with_busybox();
    run_lingering(&env, "600", &["run", "-d", "--name", "first", "busybox", "sleep", "100"]);
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "first"]).trim().to_string();
    let holder = netns_process(&env, "holder.pid").expect("the first container starts the rootless namespace");
    let mounts = mountinfo_of(holder).expect("the holder's mountinfo is readable");
    let kept: Vec<&str> = mounts.lines().filter(|l| l.contains(&id)).collect();
    assert!(kept.is_empty(), "the holder sees the root filesystem of the container whose monitor forked it: {kept:?}");
    // Nor does the namespace's pasta, which that monitor started.
    if let Some(pasta) = netns_process(&env, "pasta.pid").and_then(mountinfo_of) {
        let kept: Vec<&str> = pasta.lines().filter(|l| l.contains(&id)).collect();
        assert!(kept.is_empty(), "the namespace's pasta sees the first container's root filesystem: {kept:?}");
    }

    // Its monitor killed, the container starts again on one overlay.
    let monitor = env.state_field("first", "monitor_pid").as_i64().expect("first has a monitor");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor as i32), nix::sys::signal::Signal::SIGKILL).expect("kill the monitor");
    let status = || String::from_utf8_lossy(&run_lingering(&env, "600", &["inspect", "--format", "{{.State.Status}}", "first"]).stdout).trim().to_string();
    let exited = wait_until(10, || status() == "exited");
    assert!(exited, "first died with its monitor");
    run_lingering(&env, "600", &["start", "first"]);
    assert_eq!(netns_process(&env, "holder.pid"), Some(holder), "the restart joined the lingering namespace");
    env.ok(&["exec", "first", "true"]);
    run_lingering(&env, "0", &["rm", "-f", "first"]);
}

/// When the bridge's NAT cannot be set up in the rootless namespace (a
/// firewall tool that is installed but fails), default-network containers
/// still start, each with a pasta of its own, as without a firewall tool;
/// the monitor's log says why, once, and later starts do not try again.
#[test]
fn a_failing_firewall_falls_back_to_a_pasta_per_container() {
    if skip_unless(!is_root(), ROOTLESS_ONLY) {
        return;
    }
    let env = TestEnv::with_busybox();
    let bin = env.path().join("failing-nft");
    std::fs::create_dir_all(&bin).expect("create the fake tools' directory");
    let calls = env.path().join("nft-calls");
    let script = format!("#!/bin/sh\ncat >/dev/null\necho called >>{}\necho 'Error: Could not process rule: Operation not supported' >&2\nexit 1\n", calls.display());
    std::fs::write(bin.join("nft"), script).expect("write the fake nft");
    let executable = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(bin.join("nft"), executable).expect("make the fake nft executable");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let run = |name: &str| {
        let out = env.cmd(&["run", "-d", "--name", name, "busybox", "sleep", "100"]).env("PATH", &path).env("PONTOON_FIREWALL", "nftables").output().expect("run pontoon");
        assert!(out.status.success(), "{name} did not start when the bridge's NAT failed:\n{}", common::describe(&out));
    };
    run("one");
    let tried = std::fs::read_to_string(&calls).unwrap_or_default().lines().count();
    assert!(tried > 0, "the fake nft was not asked: the test shows nothing");
    let addr = env.ok(&["exec", "one", "ip", "-4", "-o", "addr", "show", "scope", "global"]);
    assert!(addr.contains("inet "), "one has no address of its pasta: {addr}");
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "one"]).trim().to_string();
    let log = std::fs::read_to_string(env.root.join("containers").join(&id).join("monitor.log")).unwrap_or_default();
    let notices: Vec<&str> = log.lines().filter(|l| l.contains("pasta of their own")).collect();
    assert_eq!(notices.len(), 1, "one notice in the monitor's log:\n{log}");
    assert!(notices[0].contains("Operation not supported"), "the notice says why: {}", notices[0]);

    // The failure is remembered: the next start goes to pasta at once.
    run("two");
    assert_eq!(std::fs::read_to_string(&calls).unwrap_or_default().lines().count(), tried, "the second start tried the failed setup again");
    let addr = env.ok(&["exec", "two", "ip", "-4", "-o", "addr", "show", "scope", "global"]);
    assert!(addr.contains("inet "), "two has no address of its pasta: {addr}");
    env.ok(&["rm", "-f", "one", "two"]);
}
