//! The child half of the built-in runtime: runs as the container's PID 1
//! from clone() to execve(). It reports a failure as "CODE message" on the
//! error pipe (closed on a successful exec by O_CLOEXEC) and exits.

use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

use oci_spec::runtime::Spec;

use super::kernel::Kernel;
use super::{console, guard, kernel, mounts, process, ContainerStdio, InitExtras, StartError};

/// What the init gets from [`super::create`] as open fds of the monitor's.
pub struct Inherited<'a> {
    /// Namespaces (IPC, UTS) of another container to enter instead of the
    /// new ones.
    pub joins: &'a [(nix::sched::CloneFlags, RawFd)],
    /// In a user namespace of its own: the rootfs and bind sources.
    pub opened: Option<&'a mounts::Opened>,
}

pub fn run(
    spec: &Spec,
    stdio: &ContainerStdio,
    extras: InitExtras,
    inherited: &Inherited,
    go: &OwnedFd,
    errors: &OwnedFd,
    seccomp: &crate::runtime::seccomp::Programs,
) -> isize {
    let err = match setup_and_exec(spec, stdio, extras, inherited, go, errors, seccomp) {
        Ok(()) => StartError::Setup("execve returned".into()),
        Err(e) => e,
    };
    // The error pipe is owned by the caller for the whole life of this
    // process, and closed on a successful exec.
    err.report(errors) as isize
}

fn setup_and_exec(
    spec: &Spec,
    stdio: &ContainerStdio,
    extras: InitExtras,
    inherited: &Inherited,
    go: &OwnedFd,
    errors: &OwnedFd,
    seccomp: &crate::runtime::seccomp::Programs,
) -> Result<(), StartError> {
    let joins = inherited.joins;
    // First of all: nothing the monitor holds comes along (its copy of the
    // release pipe's write end included, so that a dead monitor means EOF).
    let mut keep = vec![go.as_raw_fd(), errors.as_raw_fd(), stdio.stdin, stdio.stdout, stdio.stderr];
    keep.extend(stdio.console.iter().chain(stdio.console_socket.iter()).chain(extras.sealed_exe.iter()).chain(extras.netns.iter()));
    keep.extend(joins.iter().map(|(_, fd)| *fd));
    if let Some(o) = inherited.opened {
        keep.push(o.root_tree);
        keep.extend(o.binds.iter().map(|b| b.1));
    }
    guard::enter(&keep, extras.preserve_fds)?;
    let death_pipe = errors.as_raw_fd();
    guard::die_with_parent(|| guard::reader_alive(death_pipe))?;
    let size = wait_for_release(go)?;
    if stdio.console_socket.is_none() {
        process::attach_stdio(stdio)?;
    }
    let new_netns = spec.linux().as_ref().and_then(|l| l.namespaces().as_ref()).is_some_and(|ns| {
        ns.iter().any(|n| n.typ() == oci_spec::runtime::LinuxNamespaceType::Network && n.path().is_none())
    });
    if extras.joined_before_clone {
        // Already in the network namespace the monitor made (its fd, our
        // copy, closes here), or in a new one that needs its loopback.
        match extras.netns {
            // SAFETY: the monitor passed this fd to the init alone.
            Some(netns) => drop(unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(netns) }),
            None if new_netns => super::loopback::bring_up_loopback()?,
            None => {}
        }
    } else if let Some(netns) = extras.netns {
        // SAFETY: the monitor passed this fd for exactly this use; it is
        // closed right after joining, before anything of the image runs.
        let ns = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(netns) };
        nix::sched::setns(&ns, nix::sched::CloneFlags::CLONE_NEWNET).map_err(|e| setup(format!("join the container's network namespace: {e}")))?;
    } else if new_netns {
        super::loopback::bring_up_loopback()?;
    }
    for (flag, fd) in joins {
        // SAFETY: the monitor keeps the fd open for the clone; this copy,
        // the child's own, is closed right after joining.
        let ns = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(*fd) };
        nix::sched::setns(&ns, *flag).map_err(|e| setup(format!("join the {flag:?} namespace of the container it shares: {e}")))?;
    }
    let kernel = kernel::Host;
    let pty = mounts::setup_rootfs_with(&kernel, spec, stdio.console, stdio.console_socket.is_some(), inherited.opened)?;
    if let (Some(pty), Some(sock)) = (pty, stdio.console_socket) {
        if let Some((rows, cols)) = size {
            console::set_size(&pty.slave, rows, cols);
        }
        let fd = pty.slave.as_raw_fd();
        let own = ContainerStdio { stdin: fd, stdout: fd, stderr: fd, console: Some(fd), console_socket: None };
        process::attach_stdio(&own)?;
        console::send_fd(sock, &pty.master).map_err(|e| setup(format!("send the terminal to the monitor: {e}")))?;
        // The process keeps its copies on fds 0-2; these close here.
    }
    if let Some(hostname) = spec.hostname() {
        kernel.sethostname(hostname).map_err(|e| setup(format!("set hostname {hostname:?}: {e}")))?;
    }
    let proc_spec = spec.process().as_ref().ok_or_else(|| setup("the bundle has no process".into()))?;
    let tiny_init = match (super::wants_tiny_init(spec), extras.sealed_exe) {
        (false, _) => None,
        (true, Some(exe)) => Some(process::TinyInit { console: stdio.console.map(|_| 0), sealed_exe: exe }),
        (true, None) => return Err(setup("--init needs a sealed copy of pontoon, which the monitor did not make".into())),
    };
    let pause_exe = match (crate::runtime::pause::wanted(spec), extras.sealed_exe) {
        (false, _) => None,
        (true, Some(exe)) => Some(exe),
        (true, None) => return Err(setup("an infra container needs a sealed copy of pontoon, which the monitor did not make".into())),
    };
    process::exec(
        proc_spec,
        &process::ExecExtras {
            seccomp,
            tiny_init,
            preserve_fds: extras.preserve_fds,
            create_cwd: super::wants_create_cwd(spec),
            death_pipe: Some(death_pipe),
            pause_exe,
        },
    )
}

/// Waits for the monitor's go: one byte, then optionally the terminal size
/// (rows and cols, big-endian u16), written in one go before the pipe closes.
fn wait_for_release(go: &OwnedFd) -> Result<Option<(u16, u16)>, StartError> {
    // SAFETY: as above, the fd stays owned by the caller.
    let mut file = std::mem::ManuallyDrop::new(unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(go.as_raw_fd()) });
    let mut message = [0u8; 5];
    let mut got = 0;
    while got < message.len() {
        match file.read(&mut message[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
        // The size, when sent, comes in the same write as the go byte.
        if got == 1 {
            break;
        }
    }
    match got {
        5 => Ok(Some((u16::from_be_bytes([message[1], message[2]]), u16::from_be_bytes([message[3], message[4]])))),
        n if n >= 1 => Ok(None),
        _ => Err(setup("the monitor went away before the container started".into())),
    }
}

pub fn setup(message: String) -> StartError {
    StartError::Setup(message)
}
