//! No host descriptor reaches a container (the CVE-2024-21626 class): a
//! caller's shell that has `exec 7</etc 8</` open, runs pontoon, and the
//! container sees fds 0-2 only; `-w /proc/self/fd/8` is refused with 126;
//! `exec` without -t gives the process pipes, not the caller's fds; only
//! `--preserve-fds N` passes fds on purpose. The pontoon processes that
//! stay with a container (its monitor, an exec's waiter inside its
//! namespaces) hold none of the caller's fds either, and a workdir through
//! any magic link (`/proc/1/root` exists in every container) is refused.

mod common;

use std::os::fd::{IntoRawFd, RawFd};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use common::{wait_until, TestEnv};


/// `cmd` with host /etc as its fd 7 and host / as its fd 8, inherited as
/// a shell's `exec 7</etc 8</` would leave them.
fn with_host_fds(mut cmd: Command) -> Command {
    let etc = std::fs::File::open("/etc").expect("open /etc").into_raw_fd();
    let root = std::fs::File::open("/").expect("open /").into_raw_fd();
    // SAFETY: dup2 only, between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            for (from, to) in [(etc, 7), (root, 8)] {
                if libc::dup2(from, to) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    cmd
}

fn output(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().expect("run pontoon");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The fd numbers a container process holds, as `ls /proc/self/fd` lists
/// them (the listing's own directory fd is the highest).
fn fd_list(text: &str) -> Vec<RawFd> {
    let mut fds: Vec<RawFd> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    fds.sort_unstable();
    fds.pop();
    fds
}

#[test]
fn a_callers_open_directories_do_not_reach_run() {
    let env = TestEnv::with_busybox();
    let (code, out, err) = output(with_host_fds(env.cmd(&["run", "--rm", "busybox", "ls", "/proc/self/fd"])));
    assert_eq!(code, 0, "{err}");
    assert_eq!(fd_list(&out), [0, 1, 2], "only the container's own stdio: {out}");
    let (_, out, _) = output(with_host_fds(env.cmd(&["run", "--rm", "busybox", "sh", "-c", "head -2 /proc/self/fd/7/shadow; echo rc=$?"])));
    assert!(out.contains("rc=1") && !out.contains("root:"), "the host's shadow file stays out of reach: {out}");
    let (code, _, err) = output(with_host_fds(env.cmd(&["run", "--rm", "-w", "/proc/self/fd/8", "busybox", "ls"])));
    assert_eq!(code, 126, "a workdir through a host fd cannot be invoked: {err}");
    assert!(err.contains("/proc/self/fd/8"), "{err}");
    assert!(env.ok(&["ps", "-aq"]).trim().is_empty(), "--rm cleaned up");
}

#[test]
fn a_callers_open_directories_do_not_reach_exec_and_exec_gets_pipes() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "box", "busybox", "sleep", "1000"]);
    let (code, out, err) = output(with_host_fds(env.cmd(&["exec", "box", "ls", "/proc/self/fd"])));
    assert_eq!(code, 0, "{err}");
    assert_eq!(fd_list(&out), [0, 1, 2], "{out}");
    let (code, _, err) = output(with_host_fds(env.cmd(&["exec", "-w", "/proc/self/fd/8", "box", "ls"])));
    assert_eq!(code, 126, "{err}");
    // Our stdout is a host file: the process must get a pipe, not that file.
    let file = env.path().join("out.txt");
    let mut cmd = env.cmd(&["exec", "box", "sh", "-c", "readlink /proc/self/fd/1; readlink /proc/self/fd/0"]);
    cmd.stdout(std::fs::File::create(&file).expect("create out.txt"));
    let status = cmd.status().expect("run exec");
    assert!(status.success());
    let text = std::fs::read_to_string(&file).expect("read out.txt");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() == 2 && lines.iter().all(|l| l.starts_with("pipe:")), "pontoon's pipes, not the caller's fds: {text}");
    // The streams still arrive, and stdin with -i.
    let out = env.run_with_input(&["exec", "-i", "box", "sh", "-c", "cat; echo to-stderr >&2; exit 3"], b"from stdin\n");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from stdin\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "to-stderr\n");
    env.ok(&["rm", "-f", "box"]);
}

#[test]
fn preserve_fds_passes_exactly_the_fds_asked_for() {
    let env = TestEnv::with_busybox();
    let secret = env.path().join("passed.txt");
    std::fs::write(&secret, "passed on purpose\n").expect("write the file");
    let with_fd3 = |args: &[&str]| {
        // A new open each time: the container reads it to its end.
        let fd = std::fs::File::open(&secret).expect("open the file").into_raw_fd();
        let mut cmd = with_host_fds(env.cmd(args));
        // SAFETY: dup2 only, between fork and exec.
        unsafe {
            cmd.pre_exec(move || if libc::dup2(fd, 3) < 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) });
        }
        output(cmd)
    };
    let (code, out, err) = with_fd3(&["run", "--rm", "--preserve-fds", "1", "busybox", "sh", "-c", "cat <&3; ls /proc/self/fd"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("passed on purpose\n"), "{out}");
    assert_eq!(fd_list(out.trim_start_matches("passed on purpose\n")), [0, 1, 2, 3], "fd 3 and nothing else: {out}");
    env.ok(&["run", "-d", "--name", "box", "busybox", "sleep", "1000"]);
    let (code, out, err) = with_fd3(&["exec", "--preserve-fds", "1", "box", "sh", "-c", "cat <&3"]);
    assert_eq!((code, out.as_str()), (0, "passed on purpose\n"), "{err}");
    let (code, _, err) = output(env.cmd(&["exec", "--preserve-fds", "2", "box", "true"]));
    assert_eq!(code, 125, "fds that are not open are refused: {err}");
    assert!(err.contains("--preserve-fds"), "{err}");
    env.ok(&["rm", "-f", "box"]);
}

#[test]
fn socket_activation_passes_the_listening_fds() {
    let env = TestEnv::with_busybox();
    let secret = env.path().join("socket.txt");
    std::fs::write(&secret, "activated\n").expect("write the file");
    // As systemd would start it: LISTEN_PID is pontoon's own pid (the
    // shell's, kept by exec), the fds start at 3.
    let mut cmd = env.cmd(&[]);
    let script = format!("exec 3<{} 7</etc; LISTEN_PID=$$ LISTEN_FDS=1 exec \"$0\" \"$@\"", secret.display());
    let mut sh = Command::new("sh");
    sh.arg("-c").arg(script).arg(common::pontoon_bin());
    sh.args(["run", "--rm", "busybox", "sh", "-c", "cat <&3; echo $LISTEN_FDS $LISTEN_PID; ls /proc/self/fd"]);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => sh.env(k, v),
            None => sh.env_remove(k),
        };
    }
    sh.current_dir(env.path());
    cmd = sh;
    let (code, out, err) = output(cmd);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("activated"), "{out}");
    assert_eq!(lines.next(), Some("1 1"), "LISTEN_FDS=1 LISTEN_PID=1 inside: {out}");
    assert_eq!(fd_list(&lines.collect::<Vec<_>>().join(" ")), [0, 1, 2, 3], "fd 3, not the shell's fd 7: {out}");
}

#[test]
fn a_missing_workdir_is_refused_but_the_images_is_made() {
    let env = TestEnv::with_busybox();
    let (code, err) = env.fails(&["run", "--rm", "-w", "/nonexistent", "busybox", "pwd"]);
    assert_eq!(code, 126, "{err}");
    assert!(err.contains("/nonexistent") && err.contains("does not exist"), "{err}");
    env.ok(&["run", "-d", "--name", "box", "busybox", "sleep", "1000"]);
    let (code, err) = env.fails(&["exec", "-w", "/nonexistent", "box", "pwd"]);
    assert_eq!(code, 126, "{err}");
    env.ok(&["rm", "-f", "box"]);
    // An image whose WORKDIR is missing from its layers gets it made, as in Docker.
    let rootfs = env.path().join("rootfs.tar");
    env.ok(&["run", "--name", "src", "busybox", "true"]);
    env.ok(&["export", "-o", rootfs.to_str().expect("utf-8"), "src"]);
    env.ok(&["import", "--change", "WORKDIR /app/data", rootfs.to_str().expect("utf-8"), "withdir"]);
    assert_eq!(env.ok(&["run", "--rm", "withdir", "/bin/busybox", "pwd"]), "/app/data\n");
}

/// The fds of process `pid` that are the host's /etc or / (what
/// `with_host_fds` hands to pontoon as 7 and 8).
fn host_dirs_held_by(pid: u32) -> Vec<String> {
    let ids = |p: &str| std::fs::metadata(p).map(|m| (m.dev(), m.ino())).ok();
    let host = [ids("/etc"), ids("/")];
    let dir = format!("/proc/{pid}/fd");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("read {dir}: {e}"));
    entries
        .flatten()
        .filter(|e| host.contains(&ids(&e.path().display().to_string())))
        .map(|e| format!("fd {} -> {}", e.file_name().to_string_lossy(), std::fs::read_link(e.path()).unwrap_or_default().display()))
        .collect()
}

/// The pids of the children of `pid`.
fn children(pid: u32) -> Vec<u32> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    text.split_whitespace().filter_map(|w| w.parse().ok()).collect()
}

#[test]
fn the_monitor_and_an_execs_waiter_hold_none_of_the_callers_fds() {
    let env = TestEnv::with_busybox();
    let (code, _, err) = output(with_host_fds(env.cmd(&["run", "-d", "--name", "box", "busybox", "sleep", "1000"])));
    assert_eq!(code, 0, "{err}");
    // The monitor lives as long as the container, on the host.
    let monitor = env.state_field("box", "monitor_pid").as_i64().expect("a monitor pid") as u32;
    assert_eq!(host_dirs_held_by(monitor), Vec::<String>::new(), "the monitor closed what the caller of run had open");
    // exec's waiter joins the container's namespaces and waits there for
    // the process; once that runs, the waiter has long closed the caller's fds.
    // It is not dumpable (it enters the container), so only root may look.
    if common::skip_unless(common::is_root(), "exec's waiter is not dumpable: only root can read its fds") {
        env.ok(&["rm", "-f", "box"]);
        return;
    }
    let mut exec = with_host_fds(env.cmd(&["exec", "box", "sleep", "4343"]));
    // Not the harness's streams: nothing left behind by a failure holds them.
    exec.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    let mut exec = exec.spawn().expect("start exec");
    let pid = exec.id();
    let waiter = || {
        children(pid).into_iter().find(|w| {
            children(*w).iter().any(|c| std::fs::read(format!("/proc/{c}/cmdline")).is_ok_and(|c| c == b"sleep\x004343\x00"))
        })
    };
    assert!(wait_until(10, || waiter().is_some()), "exec started its process");
    let held = host_dirs_held_by(waiter().expect("the waiter"));
    let _ = exec.kill();
    let _ = exec.wait();
    assert_eq!(held, Vec::<String>::new(), "the waiter in the container's namespaces closed the caller's fds");
    env.ok(&["rm", "-f", "box"]);
}

#[test]
fn a_workdir_through_a_magic_link_is_refused() {
    let env = TestEnv::with_busybox();
    // These lead nowhere outside, but a magic link is never followed: the
    // refusal of `-w /proc/self/fd/N` does not rest on which fds are open.
    env.ok(&["run", "-d", "--name", "box", "busybox", "sleep", "1000"]);
    for workdir in ["/proc/1/root", "/proc/self/cwd"] {
        let (code, out, err) = output(env.cmd(&["run", "--rm", "-w", workdir, "busybox", "pwd"]));
        assert_eq!(code, 126, "run -w {workdir} is refused, not followed: {out}{err}");
        assert!(err.contains(workdir) && err.contains("outside the container"), "{err}");
        let (code, out, err) = output(env.cmd(&["exec", "-w", workdir, "box", "pwd"]));
        assert_eq!(code, 126, "exec -w {workdir} is refused, not followed: {out}{err}");
    }
    env.ok(&["rm", "-f", "box"]);
    assert!(env.ok(&["ps", "-aq"]).trim().is_empty(), "--rm cleaned up");
}
