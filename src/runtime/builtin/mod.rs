//! pontoon's own OCI runtime: runs a bundle's `config.json` (as an
//! `oci_spec::runtime::Spec`) in new namespaces. The parent half lives in
//! the monitor; the child half (`init`) becomes the container's PID 1 and
//! ends in execve. The mount, link and hostname calls go through
//! `kernel::Kernel`, so what `mounts` and `devices` decide is unit-tested
//! without root; the other kernel calls are kept in `process`.

mod bundle;
pub mod console;
mod devices;
pub mod exec;
mod guard;
mod init;
pub(crate) mod kernel;
pub(crate) mod loopback;
pub(crate) mod mounts;
mod process;
pub mod tiny_init;

pub use bundle::run_bundle;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use anyhow::{bail, Context, Result};
use nix::sched::CloneFlags;
use nix::unistd::Pid;
use oci_spec::runtime::{LinuxNamespaceType, Spec};

/// The three standard streams the container's process gets.
pub struct ContainerStdio {
    pub stdin: RawFd,
    pub stdout: RawFd,
    pub stderr: RawFd,
    /// The pty slave when the container has a terminal (also the
    /// controlling terminal and /dev/console).
    pub console: Option<RawFd>,
    /// With a terminal made inside the container: the init opens a pty of
    /// the container's devpts, makes it its stdio and controlling terminal
    /// and /dev/console, and sends the master on this socket; the four
    /// fields above are then unused.
    pub console_socket: Option<RawFd>,
}

/// What the container's init gets from the monitor besides its stdio.
#[derive(Clone, Copy, Debug, Default)]
pub struct InitExtras {
    /// `--preserve-fds N`: the monitor's fds 3..3+N go to the container.
    pub preserve_fds: u32,
    /// A sealed copy of pontoon (`runtime::sealed`) for `--init` to run
    /// from, so that the container's PID 1 is never the host binary.
    pub sealed_exe: Option<RawFd>,
    /// The network namespace the container joins, made and wired by the
    /// monitor (network::setup) before the container's command may run;
    /// None: a new one with loopback only, as the bundle says.
    pub netns: Option<RawFd>,
    /// Set by [`create`]: the init was cloned inside the namespaces it
    /// joins (its own user namespace's way), so it joins none itself and
    /// leaves the network namespace it is in as it is.
    pub joined_before_clone: bool,
}

/// How the container's start failed, as Docker maps it to exit codes.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    CannotInvoke(String),
    #[error("{0}")]
    Setup(String),
}

impl StartError {
    pub fn exit_code(&self) -> i32 {
        match self {
            StartError::NotFound(_) => crate::errors::EXIT_NOT_FOUND,
            StartError::CannotInvoke(_) => crate::errors::EXIT_CANNOT_INVOKE,
            StartError::Setup(_) => crate::errors::EXIT_ENGINE,
        }
    }

    /// Writes the error as "CODE message" on `pipe` (the error pipe of a
    /// child that has not exec'd yet, which stays open); returns the code.
    fn report(&self, pipe: &OwnedFd) -> i32 {
        let code = self.exit_code();
        // SAFETY: the fd stays owned by `pipe`; ManuallyDrop keeps the File
        // from closing it a second time.
        let mut file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(pipe.as_raw_fd()) });
        let _ = write!(file, "{code} {self}");
        code
    }

    /// Reads what a child wrote with [`StartError::report`] until the pipe
    /// closes: None when it wrote nothing (its exec succeeded).
    fn read_report(pipe: OwnedFd) -> Option<StartError> {
        let mut message = String::new();
        let _ = std::fs::File::from(pipe).read_to_string(&mut message);
        if message.is_empty() {
            return None;
        }
        let (code, text) = message.split_once(' ').unwrap_or(("125", &message));
        Some(match code {
            "127" => StartError::NotFound(text.to_string()),
            "126" => StartError::CannotInvoke(text.to_string()),
            _ => StartError::Setup(text.to_string()),
        })
    }
}

/// A container whose init has been created and waits for `release`.
pub struct Created {
    pub pid: Pid,
    go: OwnedFd,
    errors: OwnedFd,
}

const STACK_SIZE: usize = 1024 * 1024;

/// Creates the container's init process in new namespaces. It stops before
/// any setup until [`Created::release`], so the caller can put it in a
/// cgroup and attach its network first. Must be called single-threaded.
pub fn create(spec: &Spec, stdio: &ContainerStdio, extras: InitExtras) -> Result<Created> {
    let (mut flags, joins, own_userns) = namespace_flags(spec)?;
    if extras.netns.is_some() {
        flags.remove(CloneFlags::CLONE_NEWNET);
    }
    let joined = open_joined(&joins)?;
    let (go_r, go_w) = pipe_cloexec().context("create the start pipe")?;
    let (err_r, err_w) = pipe_cloexec().context("create the error pipe")?;
    let seccomp = match spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(section) => crate::runtime::seccomp::compile(section)?,
        None => Vec::new(),
    };
    let pid_join = joined.iter().find(|(flag, _)| *flag == CloneFlags::CLONE_NEWPID).map(|(_, fd)| fd.as_raw_fd());
    let child_joins: Vec<(CloneFlags, RawFd)> =
        joined.iter().filter(|(flag, _)| *flag != CloneFlags::CLONE_NEWPID).map(|(flag, fd)| (*flag, fd.as_raw_fd())).collect();
    let mut stack = vec![0u8; STACK_SIZE];
    if own_userns {
        // Every namespace it joins is joined before the user namespace is
        // made: from inside it, pontoon's could no longer be entered.
        let mut before: Vec<(CloneFlags, RawFd)> = extras.netns.map(|fd| (CloneFlags::CLONE_NEWNET, fd)).into_iter().collect();
        before.extend(joined.iter().map(|(flag, fd)| (*flag, fd.as_raw_fd())));
        let inner = InitExtras { joined_before_clone: true, ..extras };
        let held = crate::runtime::container_userns::open_mounts(spec)?;
        let opened = held.view();
        let inherited = init::Inherited { joins: &[], opened: Some(&opened) };
        let child = Box::new(|| -> isize { init::run(spec, stdio, inner, &inherited, &go_r, &err_w, &seccomp) });
        let maps = crate::runtime::container_userns::MapText::of(spec)?;
        let pid = crate::runtime::container_userns::clone_in_own_userns(&before, &maps, &held, child, &mut stack, flags)?;
        drop(err_w);
        return Ok(Created { pid, go: go_w, errors: err_r });
    }
    let inherited = init::Inherited { joins: &child_joins, opened: None };
    let child = Box::new(|| -> isize { init::run(spec, stdio, extras, &inherited, &go_r, &err_w, &seccomp) });
    let pid = match pid_join {
        None => {
            // SAFETY: the caller is single-threaded, so the child (a copy of
            // this process, not sharing memory) may run arbitrary code; the
            // stack lives until clone returns, which is all the kernel needs
            // without CLONE_VM.
            unsafe { nix::sched::clone(child, &mut stack, flags, Some(libc::SIGCHLD)) }.context("clone the container's init into new namespaces")?
        }
        Some(ns) => clone_into_pid_namespace(ns, child, &mut stack, flags)?,
    };
    drop(err_w);
    Ok(Created { pid, go: go_w, errors: err_r })
}

/// Clones the init into the PID namespace `ns` (`--pid container:NAME`).
/// Only a process's children enter a PID namespace, and a rootless monitor
/// could never come back from one (it has no capability in the host's
/// user namespace): so a short-lived fork of the monitor enters it and
/// clones the init as the monitor's child (CLONE_PARENT), sending its pid
/// back. The caller must be single-threaded.
fn clone_into_pid_namespace(ns: RawFd, child: nix::sched::CloneCb, stack: &mut [u8], flags: CloneFlags) -> Result<Pid> {
    let (pid_r, pid_w) = pipe_cloexec().context("create the pipe for the init's pid")?;
    // SAFETY: single-threaded (the caller's contract); the forked copy only
    // makes syscalls and exits with _exit.
    match unsafe { nix::unistd::fork() }.context("fork to enter the shared PID namespace")? {
        nix::unistd::ForkResult::Child => {
            drop(pid_r);
            // SAFETY: `ns` is an open fd of the caller's for this call.
            let ns = unsafe { std::os::fd::BorrowedFd::borrow_raw(ns) };
            // The init is visible in the other container from its first
            // instruction, still a copy of pontoon: not dumpable from the
            // start (inherited), so no process there opens its exe.
            // SAFETY: prctl with constant arguments.
            unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
            let reply = match nix::sched::setns(ns, CloneFlags::CLONE_NEWPID) {
                // SAFETY: as in `create`; CLONE_PARENT makes the init the
                // monitor's child, reaped and signalled by it.
                Ok(()) => match unsafe { nix::sched::clone(child, stack, flags | CloneFlags::CLONE_PARENT, Some(libc::SIGCHLD)) } {
                    Ok(pid) => format!("ok {pid}"),
                    Err(e) => format!("clone the container's init into the shared PID namespace: {e}"),
                },
                Err(e) => format!("enter the PID namespace the container joins: {e}"),
            };
            let mut file = std::fs::File::from(pid_w);
            let _ = file.write_all(reply.as_bytes());
            // SAFETY: _exit runs no destructors of the monitor's state.
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { child: helper } => {
            drop(pid_w);
            let mut reply = String::new();
            let read = std::fs::File::from(pid_r).read_to_string(&mut reply);
            let _ = nix::sys::wait::waitpid(helper, None);
            read.context("read the init's pid")?;
            match reply.strip_prefix("ok ").map(str::parse::<i32>) {
                Some(Ok(pid)) => Ok(Pid::from_raw(pid)),
                _ if reply.is_empty() => bail!("the process entering the shared PID namespace died without a word"),
                _ => bail!("{reply}"),
            }
        }
    }
}

/// Opens the namespaces the bundle names by path (`container:NAME`, or a
/// runtime's caller), before anything is cloned: a vanished one fails the
/// start here, with its path.
fn open_joined(joins: &[(CloneFlags, std::path::PathBuf)]) -> Result<Vec<(CloneFlags, OwnedFd)>> {
    joins
        .iter()
        .map(|(flag, path)| {
            let file = std::fs::File::open(path).with_context(|| format!("open the namespace {} the container joins", path.display()))?;
            Ok((*flag, OwnedFd::from(file)))
        })
        .collect()
}

impl Created {
    /// Lets the init set up and exec; returns once the exec succeeded, or
    /// the error that stopped it (the init has then exited).
    pub fn release(self) -> Result<Pid, StartError> {
        self.release_with_size(None)
    }

    /// Like [`Created::release`], telling the init the terminal size its
    /// pty starts with (rows, cols), so that a shell never starts with an
    /// unknown size and asks the terminal for it.
    pub fn release_with_size(self, size: Option<(u16, u16)>) -> Result<Pid, StartError> {
        let mut go = std::fs::File::from(self.go);
        let mut message = vec![b'1'];
        if let Some((rows, cols)) = size {
            message.extend_from_slice(&rows.to_be_bytes());
            message.extend_from_slice(&cols.to_be_bytes());
        }
        std::io::Write::write_all(&mut go, &message).map_err(|e| StartError::Setup(format!("release the container: {e}")))?;
        drop(go);
        match StartError::read_report(self.errors) {
            None => Ok(self.pid),
            Some(e) => Err(e),
        }
    }
}

/// The annotation by which the engine asks for pontoon's own init as PID 1
/// (`--init`); the OCI spec has no field for it.
pub const INIT_ANNOTATION: &str = "io.pontoon.init";

/// The annotation that maps a device's container path to the host node the
/// built-in runtime binds there: JSON `{"/dev/xvda": "/dev/loop0"}` (the
/// OCI spec's `linux.devices` names no host path).
pub const DEVICE_SOURCES_ANNOTATION: &str = "io.pontoon.device-sources";

/// The annotation by which the engine says the working directory comes
/// from the image (or is /), so the runtime creates it when missing, as
/// Docker does; a directory the user named with -w must exist.
pub const CREATE_CWD_ANNOTATION: &str = "io.pontoon.create-cwd";

fn wants_create_cwd(spec: &Spec) -> bool {
    spec.annotations().as_ref().and_then(|a| a.get(CREATE_CWD_ANNOTATION)).is_some_and(|v| v == "true")
}

pub fn wants_tiny_init(spec: &Spec) -> bool {
    spec.annotations().as_ref().and_then(|a| a.get(INIT_ANNOTATION)).is_some_and(|v| v == "true")
}

/// Namespaces a bundle joins by path.
type Joins = Vec<(CloneFlags, std::path::PathBuf)>;

/// The clone flags for the namespaces the container gets of its own, the
/// namespaces it joins by path instead, and whether it gets a user
/// namespace of its own (made apart, see runtime::container_userns).
fn namespace_flags(spec: &Spec) -> Result<(CloneFlags, Joins, bool)> {
    let mut flags = CloneFlags::empty();
    let mut joins = Vec::new();
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    for ns in namespaces {
        let flag = match ns.typ() {
            LinuxNamespaceType::Pid => CloneFlags::CLONE_NEWPID,
            LinuxNamespaceType::Mount => CloneFlags::CLONE_NEWNS,
            LinuxNamespaceType::Uts => CloneFlags::CLONE_NEWUTS,
            LinuxNamespaceType::Ipc => CloneFlags::CLONE_NEWIPC,
            LinuxNamespaceType::Network => CloneFlags::CLONE_NEWNET,
            LinuxNamespaceType::Cgroup => CloneFlags::CLONE_NEWCGROUP,
            LinuxNamespaceType::User => CloneFlags::CLONE_NEWUSER,
            LinuxNamespaceType::Time => bail!("time namespaces are not supported by the built-in runtime"),
        };
        match ns.path() {
            // The mount namespace is always the container's own: the
            // rootfs is set up in it.
            Some(path) if matches!(ns.typ(), LinuxNamespaceType::Pid | LinuxNamespaceType::Uts | LinuxNamespaceType::Ipc) => {
                joins.push((flag, path.clone()));
            }
            Some(_) => bail!("joining an existing {:?} namespace by path is not supported by the built-in runtime", ns.typ()),
            None => flags |= flag,
        }
    }
    if !flags.contains(CloneFlags::CLONE_NEWNS) {
        bail!("the bundle has no mount namespace: the built-in runtime needs one to set up the root filesystem");
    }
    let own_userns = flags.contains(CloneFlags::CLONE_NEWUSER);
    flags.remove(CloneFlags::CLONE_NEWUSER);
    Ok((flags, joins, own_userns))
}

fn pipe_cloexec() -> nix::Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)
}



#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_error_crosses_the_pipe_with_its_code() {
        let (r, w) = pipe_cloexec().unwrap();
        assert_eq!(StartError::NotFound("executable file \"nope\" not found".into()).report(&w), 127);
        drop(w);
        let back = StartError::read_report(r).unwrap();
        assert!(matches!(&back, StartError::NotFound(t) if t == "executable file \"nope\" not found"), "{back:?}");
        let (r, w) = pipe_cloexec().unwrap();
        drop(w);
        assert!(StartError::read_report(r).is_none(), "nothing written: the exec succeeded");
    }
}
