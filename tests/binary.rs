//! The pontoon binaries can never be opened by a container (the
//! CVE-2019-5736 class). The victim is a copy of `pontoon` and of
//! `pontoon-monitor` beside it (so the monitor runs from the copy) in a temp dir,
//! owned by the user running the tests (as a `cargo install` binary is),
//! never the real one. The monitor (and so a container's first process
//! until its execve, a fork of it), `--init`'s PID 1 and `exec`'s stages run
//! from a read-only view of the binary or a sealed in-memory copy, so
//! /proc/PID/exe never leads to the victim's inode, and the victim is
//! unchanged after a container tried to write through it, also once the
//! container's monitor was killed.

mod common;

use std::path::{Path, PathBuf};

use common::{process_alive, wait_until, TestEnv};

/// Private, writable copies of pontoon and its monitor, and their content
/// at the start.
struct Victim {
    path: PathBuf,
    monitor: PathBuf,
    originals: Vec<(PathBuf, Vec<u8>)>,
    _dir: tempfile::TempDir,
}

impl Victim {
    fn new() -> Victim {
        let dir = tempfile::tempdir().expect("create a dir for the victim");
        let path = dir.path().join("pontoon");
        let monitor = dir.path().join("pontoon-monitor");
        std::fs::copy(common::pontoon_bin(), &path).expect("copy pontoon");
        std::fs::copy(common::pontoon_monitor_bin(), &monitor).expect("copy pontoon-monitor");
        let originals = [&path, &monitor].map(|p| (p.clone(), std::fs::read(p).expect("read the victim"))).into();
        Victim { path, monitor, originals, _dir: dir }
    }

    fn assert_untouched(&self) {
        for (path, original) in &self.originals {
            let now = std::fs::read(path).expect("read the victim");
            assert!(&now == original, "the host's {} was changed by a container", path.display());
        }
    }

    /// The device and inode of each of the victim's files still there.
    fn inodes(&self) -> Vec<(u64, u64)> {
        [&self.path, &self.monitor].into_iter().filter_map(|p| common::file_identity(p)).collect()
    }

    /// Whether `exe` (a /proc/PID/exe) is one of the victim's inodes.
    fn is_behind(&self, exe: &str) -> bool {
        common::file_identity(Path::new(exe)).is_some_and(|id| self.inodes().contains(&id))
    }
}

/// The pid of the monitor of container `name`.
fn monitor_of(env: &TestEnv, name: &str) -> i64 {
    env.state_field(name, "monitor_pid").as_i64().expect("a monitor pid")
}

/// That a process's binary, seen through /proc/PID/exe, is not the
/// victim's inode and cannot be written.
fn assert_sealed(victim: &Victim, pid: i64, what: &str) {
    common::assert_runs_sealed(pid, &[&victim.path, &victim.monitor], what);
}

fn run(env: &TestEnv, bin: &Path, args: &[&str]) -> String {
    let out = env.cmd_with(bin, args).output().expect("run the victim");
    assert!(out.status.success(), "`pontoon {}` failed:\n{}", args.join(" "), common::describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a container tries against its PID 1's binary: name it, stat it,
/// write to it (with CAP_SYS_PTRACE, which lets it open /proc/1/exe).
const ATTACK: &str = "readlink /proc/1/exe; stat -L -c 'inode=%d:%i' /proc/1/exe; \
                      for i in 1 2 3; do echo evil >> /proc/1/exe; done; echo attacked";

#[test]
fn the_init_of_a_container_is_never_the_host_binary() {
    let victim = Victim::new();
    let env = TestEnv::new();
    env.load_busybox();
    let out = run(&env, &victim.path, &["run", "--rm", "--init", "--cap-add", "SYS_PTRACE", "busybox", "sh", "-c", ATTACK]);
    assert!(out.contains("attacked"), "{out}");
    assert!(out.contains("inode="), "{out}");
    assert!(!out.contains(&victim.path.display().to_string()) && !out.contains(&victim.monitor.display().to_string()), "{out}");
    for (dev, inode) in victim.inodes() {
        assert!(!out.contains(&format!("inode={dev}:{inode}\n")), "another inode than the victim's: {out}");
    }
    victim.assert_untouched();
}

#[test]
fn the_binary_stays_untouched_when_the_monitor_is_killed() {
    let victim = Victim::new();
    let env = TestEnv::new();
    env.load_busybox();
    // The container keeps trying to write its PID 1's binary.
    let loop_attack = "while true; do echo evil >> /proc/1/exe; done 2>/dev/null";
    run(&env, &victim.path, &["run", "-d", "--name", "attacker", "--init", "--cap-add", "SYS_PTRACE", "busybox", "sh", "-c", loop_attack]);
    let monitor = monitor_of(&env, "attacker");
    let monitor_exe = std::fs::read(format!("/proc/{monitor}/cmdline")).unwrap_or_default();
    assert!(monitor_exe.starts_with(victim.monitor.as_os_str().as_encoded_bytes()), "the monitor runs the copy of pontoon-monitor");
    let init = env.state_field("attacker", "pid").as_i64().expect("an init pid");
    std::thread::sleep(std::time::Duration::from_millis(200));
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor as i32), nix::sys::signal::Signal::SIGKILL).expect("kill the monitor");
    assert!(wait_until(10, || !process_alive(init)), "the container died with its monitor");
    victim.assert_untouched();
    env.ok(&["rm", "-f", "attacker"]);
}

#[test]
fn exec_runs_from_a_sealed_copy() {
    let victim = Victim::new();
    let env = TestEnv::new();
    env.load_busybox();
    run(&env, &victim.path, &["run", "-d", "--name", "box", "busybox", "sleep", "1000"]);
    // While exec runs, its own process (and so every fork of it that enters
    // the container) is backed by the copy, not by the victim.
    let mut child = env.cmd_with(&victim.path, &["exec", "box", "sleep", "2"]).spawn().expect("start exec");
    let pid = child.id();
    let exe = format!("/proc/{pid}/exe");
    let seen = wait_until(5, || common::file_identity(Path::new(&exe)).is_some() && !victim.is_behind(&exe));
    let named = std::fs::read_link(&exe).map(|p| p.display().to_string()).unwrap_or_default();
    if seen {
        assert_sealed(&victim, i64::from(pid), "exec");
    }
    assert!(child.wait().expect("wait for exec").success());
    assert!(seen, "exec re-executed itself from a sealed executable: {named}");
    victim.assert_untouched();
    env.ok(&["rm", "-f", "box"]);
}

/// A container's first process is a fork of its monitor and runs the
/// monitor's binary until its execve (for good, when its entrypoint is a
/// script whose `#!` line names /proc/self/exe): the monitor itself runs
/// from a sealed executable, never from the host's file.
#[test]
fn the_monitor_never_runs_from_the_host_binary() {
    let victim = Victim::new();
    let env = TestEnv::new();
    env.load_busybox();
    run(&env, &victim.path, &["run", "-d", "--name", "watched", "busybox", "sleep", "1000"]);
    assert_sealed(&victim, monitor_of(&env, "watched"), "the monitor");
    env.ok(&["rm", "-f", "watched"]);
    // Without its pontoon-monitor, the engine supervises from its own binary.
    std::fs::remove_file(&victim.monitor).expect("remove the victim's monitor");
    run(&env, &victim.path, &["run", "-d", "--name", "alone", "busybox", "sleep", "1000"]);
    let monitor = monitor_of(&env, "alone");
    let cmdline = std::fs::read(format!("/proc/{monitor}/cmdline")).unwrap_or_default();
    assert!(cmdline.starts_with(victim.path.as_os_str().as_encoded_bytes()), "the engine is its own monitor");
    assert_sealed(&victim, monitor, "the engine's monitor");
    env.ok(&["rm", "-f", "alone"]);
}
