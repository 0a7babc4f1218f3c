//! Security as a user sees it: the default seccomp profile keeps kernel
//! keyrings, mounts and new namespaces out of reach; unconfined and custom
//! profiles; capabilities in /proc/1/status; `--init` as PID 1.

mod common;

use common::TestEnv;


/// Runs a shell script in a fresh container and returns its output.
fn sh(env: &TestEnv, flags: &[&str], script: &str) -> String {
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["busybox", "sh", "-c", script]);
    env.ok(&args)
}

/// Whether an unprivileged process of the host may `unshare -U` (as root,
/// the probe runs as nobody), or None when the host has no tool to ask.
fn host_allows_unprivileged_user_namespaces() -> Option<bool> {
    let mut probe = if common::is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid", "65534", "--regid", "65534", "--clear-groups", "unshare", "-U", "true"]);
        c
    } else {
        let mut c = std::process::Command::new("unshare");
        c.args(["-U", "true"]);
        c
    };
    let out = probe.output().ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() && !err.contains("Operation not permitted") && !err.contains("No space left") {
        return None; // the tool failed for another reason than the kernel's answer
    }
    Some(out.status.success())
}

/// CapEff of the container's PID 1, as a number.
fn cap_eff(env: &TestEnv, flags: &[&str]) -> u64 {
    let line = sh(env, flags, "grep CapEff /proc/1/status");
    let hex = line.split_whitespace().nth(1).unwrap_or_default();
    u64::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("CapEff in {line:?}"))
}

#[test]
fn default_seccomp_blocks_namespaces_and_mounts() {
    let env = TestEnv::with_busybox();
    // Even with CAP_SYS_ADMIN refused by capabilities, the profile is what
    // answers: `unshare` and `mount` get EPERM.
    let out = sh(&env, &[], "unshare -U true 2>&1; echo rc=$?");
    assert!(out.contains("rc=1") && out.contains("Operation not permitted"), "unshare blocked: {out}");
    let out = sh(&env, &["--cap-add", "SYS_ADMIN"], "grep Seccomp: /proc/self/status");
    assert!(out.contains("2"), "a filter is installed: {out}");
    let out = sh(&env, &[], "grep Seccomp: /proc/self/status");
    assert!(out.contains("2"), "filter mode: {out}");
    let out = sh(&env, &["--security-opt", "seccomp=unconfined"], "grep Seccomp: /proc/self/status");
    assert!(out.contains("0"), "unconfined has no filter: {out}");
    let out = sh(&env, &["--privileged"], "grep Seccomp: /proc/self/status");
    assert!(out.contains("0"), "privileged has no filter: {out}");
    // With the filter off, unshare -U is refused or allowed by the kernel
    // alone: as it answers an unprivileged process on the host.
    let out = sh(&env, &["--security-opt", "seccomp=unconfined"], "unshare -U true 2>&1; echo rc=$?");
    match host_allows_unprivileged_user_namespaces() {
        Some(true) => assert!(out.contains("rc=0"), "the host lets an unprivileged user create a user namespace, so must the unconfined container: {out}"),
        Some(false) => assert!(out.contains("rc=1"), "the host refuses unprivileged user namespaces, so does the unconfined container: {out}"),
        None => {
            common::skip_unless(false, "cannot probe the host's unprivileged user namespaces (no unshare or setpriv)");
        }
    }
    let out = sh(&env, &["--cap-add", "SYS_ADMIN"], "mkdir -p /mnt; mount -t tmpfs none /mnt 2>&1; echo rc=$?");
    assert!(out.contains("rc=0"), "with CAP_SYS_ADMIN the profile allows mount, as Docker's does: {out}");
    let out = sh(&env, &[], "mkdir -p /mnt; mount -t tmpfs none /mnt 2>&1; echo rc=$?");
    assert!(out.contains("rc=1"), "mount refused: {out}");
}

#[test]
fn custom_profiles_and_their_errors() {
    let env = TestEnv::with_busybox();
    let profile = env.path().join("no-mkdir.json");
    std::fs::write(
        &profile,
        r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}"#,
    )
    .expect("write profile");
    let opt = format!("seccomp={}", profile.display());
    let out = sh(&env, &["--security-opt", &opt], "mkdir /x 2>&1; echo rc=$?; touch /y && echo touched");
    assert!(out.contains("Operation not permitted") && out.contains("rc=1"), "mkdir blocked: {out}");
    assert!(out.contains("touched"), "other calls still work: {out}");
    std::fs::write(&profile, r#"{"defaultAction":"SCMP_ACT_NOTIFY"}"#).expect("write profile");
    let (code, err) = env.fails(&["run", "--rm", "--security-opt", &opt, "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("SCMP_ACT_NOTIFY") && err.contains("not supported"), "{err}");
    let (code, err) = env.fails(&["run", "--rm", "--security-opt", "seccomp=/no/such/file.json", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("/no/such/file.json"), "{err}");
    let (code, err) = env.fails(&["run", "--rm", "--security-opt", "bogus", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("bogus"), "{err}");
}

#[test]
fn capabilities_follow_cap_add_drop_and_privileged() {
    let env = TestEnv::with_busybox();
    const CHOWN: u64 = 1 << 0;
    const NET_ADMIN: u64 = 1 << 12;
    const SYS_ADMIN: u64 = 1 << 21;
    let default = cap_eff(&env, &[]);
    assert!(default & CHOWN != 0 && default & NET_ADMIN == 0 && default & SYS_ADMIN == 0, "Docker's default set: {default:x}");
    let changed = cap_eff(&env, &["--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN"]);
    assert!(changed & NET_ADMIN != 0 && changed & CHOWN == 0, "{changed:x}");
    assert_eq!(cap_eff(&env, &["--cap-drop", "ALL"]), 0);
    let all = cap_eff(&env, &["--privileged"]);
    assert!(all & SYS_ADMIN != 0 && all.count_ones() >= 38, "privileged has every capability: {all:x}");
}

#[test]
fn init_is_pid_one_reaps_zombies_and_forwards_signals() {
    let env = TestEnv::with_busybox();
    assert_eq!(sh(&env, &["--init"], "cat /proc/1/comm"), "pontoon-init\n");
    let out = sh(&env, &["--init"], "echo $$");
    assert_ne!(out.trim(), "1", "the command is not PID 1 under --init");
    let zombies = sh(&env, &["--init"], "(sleep 0.1 &) ; sleep 1; ps -o stat | grep -c Z; true");
    assert_eq!(zombies.trim(), "0", "orphans are reaped by the init");
    let out = env.run(&["run", "--rm", "--init", "busybox", "sh", "-c", "exit 7"]);
    assert_eq!(out.status.code(), Some(7), "the init exits with the command's code");
    // sleep is not PID 1 here, so the forwarded SIGTERM ends it: stop
    // returns the TERM code (143), not the KILL code (137) after a timeout.
    env.ok(&["run", "-d", "--init", "--name", "sleeper", "busybox", "sleep", "1000"]);
    env.ok(&["stop", "-t", "30", "sleeper"]);
    assert_eq!(env.ok(&["wait", "sleeper"]).trim(), "143");
    env.ok(&["rm", "sleeper"]);
}

#[test]
fn system_doctor_checks_the_host_one_line_each() {
    let env = TestEnv::new();
    let out = env.run(&["system", "doctor"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.is_empty(), "{}", common::describe(&out));
    for line in text.lines() {
        assert!(["OK   ", "WARN ", "FAIL "].iter().any(|p| line.starts_with(p)), "one status per line: {line}");
    }
    let failed = text.lines().any(|l| l.starts_with("FAIL"));
    assert_eq!(out.status.success(), !failed, "the exit code says whether a check failed");
    for topic in ["cgroups:", "open files:", "storage:"] {
        assert!(text.contains(topic), "{topic} checked: {text}");
    }
    if common::is_root() {
        assert!(!text.contains("/etc/subuid"), "root needs no subordinate ids: {text}");
    } else {
        for topic in ["/etc/subuid:", "newuidmap:", "user namespaces:", "XDG_RUNTIME_DIR:"] {
            assert!(text.contains(topic), "{topic} checked rootless: {text}");
        }
    }
}

#[test]
fn words_after_the_image_are_the_containers_not_pontoons() {
    let env = TestEnv::with_busybox();
    // A wrapper `pontoon run IMAGE "$@"` must not let its caller add a
    // mount or --privileged: after the image, the words are echo's.
    let out = env.ok(&["run", "--rm", "--entrypoint", "echo", "busybox", "-v", "/etc:/hostetc", "--privileged"]);
    assert_eq!(out, "-v /etc:/hostetc --privileged\n");
    // The same words after a script are its arguments: no /hostetc, and
    // the default capabilities, not --privileged's.
    let script = "ls /hostetc 2>&1; grep CapEff /proc/1/status";
    let out = env.ok(&["run", "--rm", "busybox", "sh", "-c", script, "-v", "/etc:/hostetc", "--privileged"]);
    assert!(out.contains("No such file"), "no /hostetc was mounted: {out}");
    let default = sh(&env, &[], "grep CapEff /proc/1/status");
    assert!(out.ends_with(&default), "the default capabilities: {out} vs {default}");
    // Options before the image are pontoon's as before, -h the host name.
    assert_eq!(env.ok(&["run", "--rm", "-h", "box", "--", "busybox", "hostname"]), "box\n");
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "-h", "box"]), "-h box\n");
    // Nothing was left behind by the --rm runs.
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}
