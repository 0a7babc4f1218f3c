//! Processes that outlive the command that starts them: a container's
//! monitor (double fork into its own session, so it is never a zombie of
//! the command) and the holder that keeps a detached exec's terminal open.

use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Runs `cmd` double-forked into a new session: the forked child calls
/// setsid, forks again and exits, so the grandchild that execs `cmd` is
/// reparented away from us. `keep_fd` stays open across the exec (its
/// close-on-exec flag is cleared in the grandchild only). Returns once the
/// intermediate child has exited, which is as soon as the grandchild runs.
pub fn spawn_detached(mut cmd: Command, keep_fd: RawFd, what: &str) -> Result<()> {
    // SAFETY: pre_exec runs between fork and exec; it only makes async-signal-
    // safe calls (setsid, fork, fcntl, _exit).
    unsafe {
        use std::os::unix::process::CommandExt;
        cmd.pre_exec(move || {
            libc::setsid();
            match libc::fork() {
                -1 => return Err(std::io::Error::last_os_error()),
                0 => {}
                _ => libc::_exit(0),
            }
            let flags = libc::fcntl(keep_fd, libc::F_GETFD);
            libc::fcntl(keep_fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
            Ok(())
        });
    }
    let status = cmd.status().with_context(|| format!("spawn the {what}"))?;
    if !status.success() {
        bail!("the {what} could not be started ({status})");
    }
    Ok(())
}

/// Forks a child, in a session of its own with /dev/null as its stdio,
/// that reads `master` (a pty master) until its other side is gone, so
/// that a detached process keeps its terminal after we exit.
///
/// The caller must be single-threaded; it also starts ignoring SIGHUP,
/// which is meant for a caller about to exit.
pub fn hold_terminal(master: &OwnedFd) -> Result<()> {
    // When we exit, our terminal's foreground group gets SIGHUP; the holder
    // is in that group until its setsid() runs, so it must not die of it.
    // SAFETY: ignoring a signal is always sound; we exit right after.
    let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGHUP, nix::sys::signal::SigHandler::SigIgn) };
    // SAFETY: the caller is single-threaded; the child only reads and exits.
    match unsafe { nix::unistd::fork() }.context("fork a holder for the exec's terminal")? {
        nix::unistd::ForkResult::Child => {
            let _ = nix::unistd::setsid();
            // Let go of the caller's terminal and pipes, so nobody waits on us.
            if let Ok(null) = nix::fcntl::open("/dev/null", nix::fcntl::OFlag::O_RDWR, nix::sys::stat::Mode::empty()) {
                for fd in 0..3 {
                    let _ = nix::unistd::dup2(null, fd);
                }
            }
            let mut buf = [0u8; 4096];
            while matches!(nix::unistd::read(master.as_raw_fd(), &mut buf), Ok(n) if n > 0) {}
            // SAFETY: leave without running the parent's exit handlers.
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { .. } => Ok(()),
    }
}
