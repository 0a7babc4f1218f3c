//! `--ipc`, `--pid`, `--uts`, `--shm-size` and `--group-add`: a container
//! that shares another's IPC, PID or UTS namespace sees what that one sees;
//! /dev/shm is as asked; bad values are refused in one line.

mod common;

use common::{skip_unless, TestEnv};

fn ns_link(env: &TestEnv, container: &str, kind: &str) -> String {
    env.ok(&["exec", container, "readlink", &format!("/proc/self/ns/{kind}")]).trim().to_string()
}

fn host_ns_link(kind: &str) -> String {
    std::fs::read_link(format!("/proc/self/ns/{kind}")).expect("read our namespace").display().to_string()
}

/// The options of the /dev/shm mount inside a container run with `args`,
/// or None when there is none.
fn shm_options(env: &TestEnv, args: &[&str]) -> Option<String> {
    let mut cmd = vec!["run", "--rm"];
    cmd.extend_from_slice(args);
    cmd.extend_from_slice(&["busybox", "cat", "/proc/mounts"]);
    let mounts = env.ok(&cmd);
    mounts.lines().find(|l| l.split(' ').nth(1) == Some("/dev/shm")).map(|l| l.split(' ').nth(3).unwrap_or("").to_string())
}

#[test]
fn ipc_container_joins_the_others_ipc_namespace() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "a", "busybox", "sleep", "1000"]);
    let a_ipc = ns_link(&env, "a", "ipc");
    let out = env.ok(&["run", "--rm", "--ipc", "container:a", "busybox", "readlink", "/proc/self/ns/ipc"]);
    assert_eq!(out.trim(), a_ipc, "not a's IPC namespace");
    // Its own, by default: a different one.
    let own = env.ok(&["run", "--rm", "busybox", "readlink", "/proc/self/ns/ipc"]);
    assert_ne!(own.trim(), a_ipc);
    assert_ne!(own.trim(), host_ns_link("ipc"));
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.IpcMode}}", "a"]).trim(), "shareable");

    // Docker refuses to join a private (or none) one, and a stopped one.
    env.ok(&["run", "-d", "--name", "p", "--ipc", "private", "busybox", "sleep", "1000"]);
    let (code, err) = env.fails(&["run", "--rm", "--ipc", "container:p", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--ipc private") && err.contains("shareable"), "{err}");
    env.ok(&["stop", "-t", "0", "a"]);
    let (code, err) = env.fails(&["run", "--rm", "--ipc", "container:a", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("not running") && err.trim().lines().count() == 1, "{err}");
    let (_, err) = env.fails(&["run", "--rm", "--ipc", "container:nope", "busybox", "true"]);
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn pid_container_sees_the_others_processes() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "a", "busybox", "sleep", "1000"]);
    let out = env.ok(&["run", "--rm", "--pid", "container:a", "busybox", "sh", "-c", "readlink /proc/self/ns/pid; tr '\\0' ' ' < /proc/1/cmdline"]);
    let a_pid = ns_link(&env, "a", "pid");
    assert_eq!(out, format!("{a_pid}\nsleep 1000 "), "not a's PID namespace");
    let own = env.ok(&["run", "--rm", "busybox", "readlink", "/proc/self/ns/pid"]);
    assert_ne!(own.trim(), a_pid, "a PID namespace of its own by default");
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.PidMode}}", "a"]).trim(), "");
}

#[test]
fn uts_container_has_the_others_hostname() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "a", "--hostname", "alpha", "busybox", "sleep", "1000"]);
    let out = env.ok(&["run", "--rm", "--uts", "container:a", "busybox", "sh", "-c", "hostname; cat /etc/hostname; echo $HOSTNAME"]);
    assert_eq!(out, "alpha\nalpha\nalpha\n");
    // ... and does not rename a.
    assert_eq!(env.ok(&["exec", "a", "hostname"]).trim(), "alpha");
    let (code, err) = env.fails(&["run", "--rm", "--uts", "container:a", "--hostname", "beta", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--hostname") && err.contains("--uts"), "{err}");
}

#[test]
fn host_namespaces_only_when_asked() {
    let env = TestEnv::with_busybox();
    for kind in ["ipc", "pid", "uts"] {
        let flag = format!("--{kind}");
        let host = env.ok(&["run", "--rm", &flag, "host", "busybox", "readlink", &format!("/proc/self/ns/{kind}")]);
        assert_eq!(host.trim(), host_ns_link(kind), "{flag} host");
        let own = env.ok(&["run", "--rm", "busybox", "readlink", &format!("/proc/self/ns/{kind}")]);
        assert_ne!(own.trim(), host_ns_link(kind), "{kind} is the host's by default");
    }
    let name = env.ok(&["run", "--rm", "--uts", "host", "busybox", "sh", "-c", "hostname; cat /etc/hostname"]);
    let ours = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("read our hostname");
    assert_eq!(name, format!("{0}\n{0}\n", ours.trim()));
    // The host's processes: our own among them.
    // A shell glob lists /proc without stat-ing each entry: `ls` failed
    // when a host process exited between listing and stat.
    let ps = env.ok(&["run", "--rm", "--pid", "host", "busybox", "sh", "-c", "for p in /proc/[0-9]*; do echo ${p#/proc/}; done"]);
    assert!(ps.lines().any(|l| l == std::process::id().to_string()), "our pid is not in {ps}");
}

#[test]
fn dev_shm_is_as_asked() {
    let env = TestEnv::with_busybox();
    let default = shm_options(&env, &[]).expect("a /dev/shm by default");
    assert!(default.contains("size=65536k"), "{default}");
    let small = shm_options(&env, &["--shm-size", "16m"]).expect("a /dev/shm with --shm-size");
    assert!(small.contains("size=16384k"), "{small}");
    assert_eq!(shm_options(&env, &["--ipc", "none"]), None, "--ipc none mounts no /dev/shm");
    env.ok(&["create", "--name", "c", "--shm-size", "16m", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.ShmSize}}", "c"]).trim(), "16777216");
    let (code, err) = env.fails(&["run", "--rm", "--ipc", "host", "--shm-size", "1m", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--shm-size"), "{err}");
}

#[test]
fn group_add_adds_groups_by_name_and_gid() {
    let env = TestEnv::with_busybox();
    let id = env.ok(&["run", "--rm", "--group-add", "user", "--group-add", "4321", "busybox", "id", "-G"]);
    let groups: Vec<&str> = id.split_whitespace().collect();
    assert!(groups.contains(&"1000") && groups.contains(&"4321"), "{id}");
    env.ok(&["create", "--name", "g", "--group-add", "user", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .HostConfig.GroupAdd}}", "g"]).trim(), "[\"user\"]");
    let (code, err) = env.fails(&["run", "--rm", "--group-add", "nosuchgroup", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("nosuchgroup"), "{err}");
}

#[test]
fn bad_values_get_one_line_errors() {
    let env = TestEnv::with_busybox();
    for (flag, value, says) in [
        ("--ipc", "bogus", "invalid --ipc"),
        ("--pid", "shareable", "invalid --pid"),
        ("--uts", "container:", "container:NAME"),
        ("--shm-size", "lots", "invalid size"),
        ("--group-add", "a:b", "invalid --group-add"),
        ("--userns", "bogus", "unrecognized namespace mode bogus"),
    ] {
        let (code, err) = env.fails(&["run", "--rm", flag, value, "busybox", "true"]);
        assert_eq!(code, 125, "{flag} {value}: {err}");
        assert!(err.contains(says) && err.trim().lines().count() == 1, "{flag} {value}: {err}");
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "", "a refused flag left a container behind");
    assert_eq!(env.ok(&["run", "--rm", "--userns", "host", "busybox", "id", "-u"]).trim(), "0");
}

/// An external runtime gets the same bundle: it joins the namespaces by
/// the paths the engine wrote.
#[test]
fn an_external_runtime_joins_the_same_namespaces() {
    let env = TestEnv::with_busybox();
    if skip_unless(std::path::Path::new("/usr/bin/crun").exists(), "crun is not installed") {
        return;
    }
    env.ok(&["run", "-d", "--name", "a", "--hostname", "alpha", "busybox", "sleep", "1000"]);
    let out = env.ok(&[
        "run", "--rm", "--runtime", "crun", "--ipc", "container:a", "--pid", "container:a", "--uts", "container:a", "busybox", "sh", "-c",
        "readlink /proc/self/ns/ipc; readlink /proc/self/ns/pid; hostname",
    ]);
    assert_eq!(out, format!("{}\n{}\nalpha\n", ns_link(&env, "a", "ipc"), ns_link(&env, "a", "pid")));
}

/// A container that shares another's namespaces joins them again at every
/// start, and `rm -f` of it leaves the other running.
#[test]
fn sharing_holds_across_stop_and_start() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "a", "busybox", "sleep", "1000"]);
    env.ok(&["run", "-d", "--name", "b", "--ipc", "container:a", "--pid", "container:a", "busybox", "sleep", "1000"]);
    let (a_ipc, a_pid) = (ns_link(&env, "a", "ipc"), ns_link(&env, "a", "pid"));
    assert_eq!((ns_link(&env, "b", "ipc"), ns_link(&env, "b", "pid")), (a_ipc.clone(), a_pid.clone()));
    // a sees b's sleep beside its own.
    let seen = env.ok(&["exec", "a", "ps", "-o", "args"]);
    assert_eq!(seen.lines().filter(|l| l.trim() == "sleep 1000").count(), 2, "{seen}");
    env.ok(&["stop", "-t", "0", "b"]);
    env.ok(&["start", "b"]);
    assert_eq!((ns_link(&env, "b", "ipc"), ns_link(&env, "b", "pid")), (a_ipc, a_pid));
    env.ok(&["rm", "-f", "b"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}}", "a"]).trim(), "running");
}
