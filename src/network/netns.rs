//! Network namespaces as file descriptors: a container's namespace belongs
//! to the container (its monitor holds it for the container's whole life,
//! restarts included; a pod's infra holds a pod's), not to one process, so
//! that it is wired up before the container's command starts and survives
//! the command's restarts.

use std::fs::File;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use anyhow::{anyhow, Context, Result};
use nix::sched::CloneFlags;

/// Makes a new network namespace with loopback up and returns it. The
/// caller stays in its own: a short-lived thread does the unshare (network
/// namespaces are per thread), so this may be called from the monitor,
/// which must stay single-threaded for its clone() of the container.
pub fn create() -> Result<OwnedFd> {
    std::thread::spawn(|| -> Result<OwnedFd> {
        nix::sched::unshare(CloneFlags::CLONE_NEWNET).context("create a network namespace")?;
        crate::runtime::builtin::loopback::bring_up_loopback().map_err(|e| anyhow!("{e}"))?;
        let ns = File::open("/proc/thread-self/ns/net").context("open the new network namespace")?;
        Ok(OwnedFd::from(ns))
    })
    .join()
    .map_err(|_| anyhow!("the thread making the network namespace panicked"))?
}

/// Opens the network namespace of a running process (another container's
/// init, for `--network container:NAME`).
pub fn of_process(pid: i32) -> Result<OwnedFd> {
    let path = format!("/proc/{pid}/ns/net");
    Ok(OwnedFd::from(File::open(&path).with_context(|| format!("open {path}"))?))
}

/// Runs `f` on a thread that has joined `ns`, and returns what it returns:
/// sockets it makes belong to `ns`. The caller's thread never moves.
pub fn run_in<T: Send + 'static>(ns: &OwnedFd, f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    let ns = ns.as_fd().try_clone_to_owned().context("duplicate the namespace fd")?;
    std::thread::spawn(move || -> Result<T> {
        nix::sched::setns(&ns, CloneFlags::CLONE_NEWNET).context("join the container's network namespace")?;
        f()
    })
    .join()
    .map_err(|_| anyhow!("a thread in the container's network namespace panicked"))?
}

/// The path by which a child process opens `ns` when it inherits the fd
/// (see [`pass_to_child`]).
pub fn inherited_path(ns: &OwnedFd) -> String {
    format!("/proc/self/fd/{}", ns.as_raw_fd())
}

/// Makes `cmd`'s child inherit `fd` at the same number (the monitor's fds
/// are close-on-exec): a pre_exec clears the flag in the child only.
pub fn pass_to_child(cmd: &mut std::process::Command, fd: &OwnedFd) {
    use std::os::unix::process::CommandExt;
    let raw = fd.as_raw_fd();
    // SAFETY: fcntl is async-signal-safe; the fd is open in the parent,
    // and so in the forked child, for the whole spawn.
    unsafe {
        cmd.pre_exec(move || {
            if libc::fcntl(raw, libc::F_SETFD, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}
