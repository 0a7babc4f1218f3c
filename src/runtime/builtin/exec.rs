//! Starting a process inside a running container (`pontoon exec`). A child
//! joins the namespaces of the container's init with setns(2), then forks,
//! so that the grandchild is inside the container's pid namespace as well;
//! the grandchild applies the process settings and execs with the code the
//! container's init uses (`process::exec`). Failures come back as
//! "CODE message" on a close-on-exec pipe, as from the init.
//!
//! Joining a user namespace needs a single-threaded process, which a fresh
//! child always is; the caller must still fork before starting threads.

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use anyhow::{Context, Result};
use nix::sched::CloneFlags;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, Pid};
use oci_spec::runtime::Process;

use super::{console, process, ContainerStdio, StartError};

/// The namespaces of the container's init that an exec joins, in order,
/// after the user namespace of its monitor (pontoon's, which owns them or
/// the container's own user namespace, so joining it gives the right to
/// join them). A container's user namespace of its own (`--userns
/// keep-id`...) is joined last: from pontoon's we may enter every
/// namespace (the network one it shares belongs to pontoon's), from
/// inside it no longer.
const NAMESPACES: [(&str, CloneFlags); 7] = [
    ("ipc", CloneFlags::CLONE_NEWIPC),
    ("uts", CloneFlags::CLONE_NEWUTS),
    ("net", CloneFlags::CLONE_NEWNET),
    ("pid", CloneFlags::CLONE_NEWPID),
    ("cgroup", CloneFlags::CLONE_NEWCGROUP),
    ("mnt", CloneFlags::CLONE_NEWNS),
    ("user", CloneFlags::CLONE_NEWUSER),
];

/// The parent of `pid` (the monitor, for a container's init).
fn parent_of(pid: Pid) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may hold spaces: the fields follow the last ')'.
    stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
}

/// Where the exec'd process's standard streams come from.
pub enum ExecStdio {
    /// These fds become its fds 0-2.
    Fds { stdin: RawFd, stdout: RawFd, stderr: RawFd },
    /// A new pty of the container's own devpts (so `tty` names a
    /// /dev/pts/N that exists inside), sized rows x cols; the master comes
    /// back to the caller through [`Spawned::master`].
    Pty { rows: u16, cols: u16 },
}

/// How the exec'd process is started.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpawnOptions {
    /// Reparent it away from the caller; [`Spawned::wait`] returns at once.
    pub detach: bool,
    /// `--preserve-fds N`: the caller's fds 3..3+N go to the process.
    pub preserve_fds: u32,
}

/// An exec'd process that is running (its exec succeeded).
pub struct Spawned {
    /// The child that waits for the process and exits with its code (or
    /// exits at once when detached).
    pub waiter: Pid,
    /// The pty master, with [`ExecStdio::Pty`].
    pub master: Option<OwnedFd>,
}

impl Spawned {
    /// Waits for the process; returns its exit code (128+N for signal N).
    pub fn wait(&self) -> Result<i32> {
        crate::runtime::wait::wait_for(self.waiter).context("wait for the exec'd process")
    }
}

/// Runs `process` inside the namespaces of the container whose init is
/// `init`. With `detach`, the process is reparented away from the caller
/// and [`Spawned::wait`] returns as soon as it runs. The caller must be
/// single-threaded.
pub fn spawn(init: Pid, process: &Process, seccomp: &crate::runtime::seccomp::Programs, stdio: &ExecStdio, opts: SpawnOptions) -> Result<Spawned> {
    let namespaces = namespaces_to_join(init)?;
    let (err_r, err_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create the exec error pipe")?;
    let (sock_mine, sock_child) = console::socket_pair().context("create the pty socket")?;
    // SAFETY: the caller is single-threaded (documented above), so the child
    // may run ordinary code; it leaves only through _exit.
    match unsafe { nix::unistd::fork() }.context("fork to join the container")? {
        ForkResult::Child => {
            drop(err_r);
            drop(sock_mine);
            let code = waiter(&namespaces, process, seccomp, stdio, opts, err_w, sock_child);
            // SAFETY: _exit skips the parent's atexit handlers and buffers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(err_w);
            drop(sock_child);
            drop(namespaces);
            if let Some(e) = StartError::read_report(err_r) {
                let _ = waitpid(child, None);
                return Err(e.into());
            }
            let master = match stdio {
                ExecStdio::Pty { .. } => Some(console::receive_fd(sock_mine.as_raw_fd()).context("receive the exec's pty")?),
                ExecStdio::Fds { .. } => None,
            };
            Ok(Spawned { waiter: child, master })
        }
    }
}

/// Opens the init's namespaces that differ from ours (joining our own
/// user namespace is an error, and joining a host namespace we share,
/// e.g. with --network host, would need rights we give up on the way).
fn namespaces_to_join(init: Pid) -> Result<Vec<(File, CloneFlags)>> {
    let id = |m: std::fs::Metadata| (m.dev(), m.ino());
    let ours_user = id(std::fs::metadata("/proc/self/ns/user").context("read /proc/self/ns/user")?);
    let mut out = Vec::new();
    // The monitor's user namespace is pontoon's (unless the monitor is gone
    // and the init was reparented to the host's init).
    let monitor_user = parent_of(init).filter(|p| *p > 1).and_then(|monitor| File::open(format!("/proc/{monitor}/ns/user")).ok());
    // Without it, the init's own, first, as for any container that has
    // none of its own.
    let outer = match monitor_user {
        Some(file) => file,
        None => File::open(format!("/proc/{init}/ns/user")).with_context(|| format!("open /proc/{init}/ns/user: is the container still running?"))?,
    };
    let outer_user = id(outer.metadata().context("read the container's outer user namespace")?);
    if outer_user != ours_user {
        out.push((outer, CloneFlags::CLONE_NEWUSER));
    }
    for (name, flag) in NAMESPACES {
        let theirs = format!("/proc/{init}/ns/{name}");
        let file = File::open(&theirs).with_context(|| format!("open {theirs}: is the container still running?"))?;
        let ours = if flag == CloneFlags::CLONE_NEWUSER {
            // Already there, or joined first above.
            outer_user
        } else {
            id(std::fs::metadata(format!("/proc/self/ns/{name}")).with_context(|| format!("read /proc/self/ns/{name}"))?)
        };
        let meta = file.metadata().with_context(|| format!("read {theirs}"))?;
        if id(meta) != ours {
            out.push((file, flag));
        }
    }
    Ok(out)
}

/// The forked child: joins, forks the process, and waits for it (or not).
fn waiter(
    namespaces: &[(File, CloneFlags)],
    process: &Process,
    seccomp: &crate::runtime::seccomp::Programs,
    stdio: &ExecStdio,
    opts: SpawnOptions,
    errors: OwnedFd,
    sock: OwnedFd,
) -> i32 {
    // Nothing of the caller's but what the process needs enters the container.
    let mut keep: Vec<RawFd> = namespaces.iter().map(|(f, _)| f.as_raw_fd()).collect();
    keep.extend([errors.as_raw_fd(), sock.as_raw_fd()]);
    if let ExecStdio::Fds { stdin, stdout, stderr } = *stdio {
        keep.extend([stdin, stdout, stderr]);
    }
    if let Err(e) = super::guard::enter(&keep, opts.preserve_fds) {
        return e.report(&errors);
    }
    let detach = opts.detach;
    for (file, flag) in namespaces {
        if let Err(e) = nix::sched::setns(file, *flag) {
            return StartError::Setup(format!("join the container's {flag:?} namespace: {e}")).report(&errors);
        }
    }
    if detach {
        // Out of the caller's session, so its terminal's signals miss us.
        let _ = nix::unistd::setsid();
    }
    // SAFETY: this process is single-threaded.
    match unsafe { nix::unistd::fork() } {
        Err(e) => StartError::Setup(format!("fork inside the container: {e}")).report(&errors),
        Ok(ForkResult::Child) => {
            let err = match start(process, seccomp, stdio, &sock, opts.preserve_fds) {
                Ok(()) => StartError::Setup("execve returned".into()),
                Err(e) => e,
            };
            err.report(&errors)
        }
        Ok(ForkResult::Parent { child }) => {
            // Only the process may hold these, so pontoon sees EOF at its exec.
            drop(errors);
            drop(sock);
            if detach {
                return 0;
            }
            crate::runtime::wait::wait_for(child).unwrap_or(crate::errors::EXIT_ENGINE)
        }
    }
}

/// The grandchild, inside every namespace: stdio, then the process.
fn start(process: &Process, seccomp: &crate::runtime::seccomp::Programs, stdio: &ExecStdio, sock: &OwnedFd, preserve_fds: u32) -> Result<(), StartError> {
    match *stdio {
        ExecStdio::Fds { stdin, stdout, stderr } => {
            process::attach_stdio(&ContainerStdio { stdin, stdout, stderr, console: None, console_socket: None })?;
        }
        ExecStdio::Pty { rows, cols } => {
            let pty = console::open_pty(Path::new("/dev/ptmx"))
                .map_err(|e| StartError::Setup(format!("open a pty in the container's /dev/pts: {e}")))?;
            console::set_size(&pty.master, rows, cols);
            let fd = pty.slave.as_raw_fd();
            process::attach_stdio(&ContainerStdio { stdin: fd, stdout: fd, stderr: fd, console: Some(fd), console_socket: None })?;
            console::send_fd(sock.as_raw_fd(), &pty.master).map_err(|e| StartError::Setup(format!("send the pty to pontoon: {e}")))?;
            // Both pty fds close here: the process keeps its copies on 0-2.
        }
    }
    // The container's seccomp profile binds its exec'd processes too.
    let extras = process::ExecExtras { seccomp, tiny_init: None, preserve_fds, create_cwd: false, death_pipe: None, pause_exe: None };
    process::exec(process, &extras)
}
