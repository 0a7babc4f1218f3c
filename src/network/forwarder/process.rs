//! The forwarder process: forked from the monitor, it keeps only its
//! listeners, the container's network namespace and stderr, dies with the
//! monitor, and serves every listener on threads of its own.

use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use nix::sched::CloneFlags;
use nix::unistd::{ForkResult, Pid};

use super::bind::{Bound, Socket};
use super::{relay, udp};

/// Stacks for the relay threads: they hold a few locals and a datagram
/// buffer on the heap, so that thousands of connections stay cheap.
pub(super) const THREAD_STACK: usize = 256 * 1024;

/// Forks the forwarder process, which serves `bound` until its parent
/// dies, connecting inside `netns` (None: the current namespace, as the
/// tests use). The caller must be single-threaded (the monitor is): the
/// child starts threads of its own. The parent's copies of the listeners
/// and of `netns` are closed on return, so the ports are the child's alone.
pub fn spawn(bound: Bound, netns: Option<OwnedFd>) -> Result<Pid> {
    let parent = nix::unistd::getpid();
    // SAFETY: the caller is single-threaded, so the child owns a coherent
    // copy of the process; it runs Rust code of ours only and never returns.
    match unsafe { nix::unistd::fork() }.context("fork the port forwarder")? {
        ForkResult::Parent { child } => Ok(child),
        ForkResult::Child => {
            let code = match child(bound, netns, parent) {
                Ok(never) => match never {},
                Err(e) => {
                    eprintln!("pontoon: port forwarder: {e:#}");
                    1
                }
            };
            // SAFETY: leave the forked child without running the parent's
            // exit handlers or destructors.
            unsafe { libc::_exit(code) }
        }
    }
}

fn child(bound: Bound, netns: Option<OwnedFd>, parent: Pid) -> Result<std::convert::Infallible> {
    // SAFETY: prctl with constant arguments.
    if unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) } < 0 {
        bail!("set the parent-death signal: {}", nix::errno::Errno::last());
    }
    if nix::unistd::getppid() != parent {
        // The monitor died before the signal was armed: nothing to serve.
        // SAFETY: exit the child at once.
        unsafe { libc::_exit(0) }
    }
    // SAFETY: prctl with a NUL-terminated constant name.
    unsafe { libc::prctl(libc::PR_SET_NAME, c"pontoon-ports".as_ptr(), 0, 0, 0) };
    detach_from_parent_io()?;
    let mut keep = bound.fds();
    keep.extend(netns.as_ref().map(|fd| fd.as_raw_fd()));
    crate::runtime::fds::close_all_except(&keep);
    serve(bound, netns, super::UDP_IDLE)?;
    loop {
        std::thread::park();
    }
}

/// Stdin and stdout become /dev/null (a socket must never land on fd 1,
/// where a print would write into a connection); stderr stays, for the
/// monitor's log. Signals the monitor blocked or ignored are reset, and
/// SIGPIPE ignored, so that a peer's close is an error and not our death.
fn detach_from_parent_io() -> Result<()> {
    let null = std::fs::OpenOptions::new().read(true).write(true).open("/dev/null").context("open /dev/null")?;
    for fd in [0, 1] {
        nix::unistd::dup2(null.as_raw_fd(), fd).context("point stdin and stdout at /dev/null")?;
    }
    nix::sys::signal::sigprocmask(nix::sys::signal::SigmaskHow::SIG_SETMASK, Some(&nix::sys::signal::SigSet::empty()), None)
        .context("unblock signals")?;
    // SAFETY: setting a signal to SIG_IGN installs no handler code.
    unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGPIPE, nix::sys::signal::SigHandler::SigIgn) }.context("ignore SIGPIPE")?;
    Ok(())
}

/// Starts one serving thread per listener and returns: TCP listeners
/// accept and relay, UDP ones keep a flow per client (closed after
/// `udp_idle` without traffic). Each thread enters `netns` first.
pub(super) fn serve(bound: Bound, netns: Option<OwnedFd>, udp_idle: Duration) -> Result<()> {
    let netns = netns.map(Arc::new);
    for l in bound.listeners {
        let port = l.mapping.container_port;
        let netns = netns.clone();
        match l.socket {
            Socket::Tcp(listener) => spawn_named("tcp listener", move || relay::serve(listener, port, netns))?,
            Socket::Udp(socket) => spawn_named("udp listener", move || udp::serve(socket, port, netns, udp_idle))?,
        }
    }
    Ok(())
}

fn spawn_named(name: &str, f: impl FnOnce() + Send + 'static) -> Result<()> {
    std::thread::Builder::new().name(name.into()).stack_size(THREAD_STACK).spawn(f).with_context(|| format!("start the forwarder's {name} thread"))?;
    Ok(())
}

/// Starts a relay thread; when the system has no thread to give, the
/// work is dropped (its sockets close) and the reason logged.
pub(super) fn spawn_thread(name: &str, f: impl FnOnce() + Send + 'static) {
    if let Err(e) = spawn_named(name, f) {
        eprintln!("pontoon: port forwarder: {e:#}");
    }
}

/// Moves the calling thread into the container's network namespace (None:
/// stay). Threads it starts afterwards are in that namespace too.
pub(super) fn enter_netns(netns: Option<&OwnedFd>) -> Result<()> {
    if let Some(ns) = netns {
        nix::sched::setns(ns, CloneFlags::CLONE_NEWNET).context("enter the container's network namespace")?;
    }
    Ok(())
}
