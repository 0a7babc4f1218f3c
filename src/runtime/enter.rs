//! The kernel half of working inside a container's root filesystem from
//! the host (`cp`, `export`): a forked child whose root directory is the
//! container's, so that every path it opens, symlinks included, is
//! resolved by the kernel inside the container and can never reach the
//! host. What the root is (which layers, which driver) is the engine's
//! decision; how the child gets there is here.
//!
//! - [`Root::Running`] joins the container's own mount namespace (setns on
//!   /proc/PID/ns/mnt), after joining its monitor's user namespace when it
//!   is not ours (rootless). Joining the user namespace needs no
//!   privilege: the caller owns it, and a user namespace's owner holds
//!   every capability in it from the parent namespace. This is why the
//!   caller must not have entered a storage namespace of its own.
//! - [`Root::Mounted`] enters the storage namespace and a private mount
//!   namespace of its own, where the engine's closure mounts (or finds)
//!   the root directory, and chroots into it.

use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use nix::mount::MsFlags;
use nix::sched::CloneFlags;
use nix::unistd::{fork, ForkResult, Pid};

/// Where the worker's root directory comes from.
pub enum Root<'a> {
    /// A running container: the pid of its init (whose mount namespace is
    /// joined) and of its monitor (whose user namespace owns it).
    Running { init: i32, monitor: i32 },
    /// A root the closure makes, called inside the storage namespace (of
    /// `runroot`) and a private mount namespace; it returns the directory
    /// to chroot into.
    Mounted { runroot: PathBuf, mount: Box<dyn FnOnce() -> Result<PathBuf> + 'a> },
    /// [`Root::Mounted`] for a container with a user namespace of its own:
    /// the worker runs in a new user namespace mapped the same, so it sees
    /// and makes files with the owners the container would.
    MountedMapped { runroot: PathBuf, mount: Box<dyn FnOnce() -> Result<PathBuf> + 'a>, maps: super::container_userns::MapText },
}

/// A child process doing work inside a container's root.
pub struct Worker {
    pid: Pid,
    errors: OwnedFd,
}

/// Forks a child that enters `root` and runs `work` there; `container`
/// names the container in messages. The child dies with the caller
/// (PDEATHSIG) and sends its error back over a pipe.
///
/// The caller must be single-threaded (commands fork before any thread
/// starts) and, rootless, outside any storage namespace.
pub fn spawn_in(container: &str, root: Root<'_>, work: impl FnOnce() -> Result<()>) -> Result<Worker> {
    let (err_r, err_w) = nix::unistd::pipe().context("create a pipe")?;
    // SAFETY: the process is single-threaded (documented above), so the
    // child may run ordinary Rust code; it leaves only through _exit.
    match unsafe { fork() }.context("fork a worker process")? {
        ForkResult::Child => {
            drop(err_r);
            let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL);
            let result = enter(container, root).and_then(|()| work());
            let code = match result {
                Ok(()) => 0,
                Err(e) => {
                    let _ = std::io::Write::write_all(&mut File::from(err_w), crate::errors::one_line(&e).as_bytes());
                    1
                }
            };
            let _ = std::io::Write::flush(&mut std::io::stdout());
            // SAFETY: _exit ends this forked child without running the
            // parent's atexit handlers or destructors twice.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(err_w);
            Ok(Worker { pid: child, errors: err_r })
        }
    }
}

impl Worker {
    /// Waits for the worker; its error, if any, becomes ours.
    pub fn wait(self) -> Result<()> {
        match self.wait_code()? {
            0 => Ok(()),
            code => bail!("the worker process failed (exit code {code})"),
        }
    }

    /// Waits for the worker; its error, if any, becomes ours, else its exit
    /// code is the answer (a worker that runs a command exits with its code).
    pub fn wait_code(self) -> Result<i32> {
        let mut message = String::new();
        let _ = File::from(self.errors).read_to_string(&mut message);
        let code = super::wait::wait_for(self.pid).context("wait for the worker process")?;
        if !message.is_empty() {
            bail!("{message}");
        }
        Ok(code)
    }
}

fn enter(container: &str, root: Root<'_>) -> Result<()> {
    match root {
        Root::Running { init, monitor } => join_running(container, init, monitor),
        Root::Mounted { runroot, mount } => enter_dir(&mount_privately(&runroot, mount)?),
        Root::MountedMapped { runroot, mount, maps } => {
            let dir = mount_privately(&runroot, mount)?;
            // Opened first: from the new namespace the path is not ours to walk.
            let at = File::open(&dir).with_context(|| format!("open {}", dir.display()))?;
            super::container_userns::enter_mapped(&maps)?;
            nix::unistd::fchdir(std::os::fd::AsRawFd::as_raw_fd(&at)).with_context(|| format!("enter {}", dir.display()))?;
            nix::unistd::chroot(".").with_context(|| format!("chroot into {}", dir.display()))?;
            std::env::set_current_dir("/").context("chdir / in the container")
        }
    }
}

/// Enters the storage namespace and a private mount namespace; mounts there.
fn mount_privately(runroot: &Path, mount: Box<dyn FnOnce() -> Result<PathBuf> + '_>) -> Result<PathBuf> {
    super::userns::enter_storage_namespace(runroot)?;
    nix::sched::unshare(CloneFlags::CLONE_NEWNS).context("create a private mount namespace")?;
    nix::mount::mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>).context("make / private")?;
    mount()
}

fn enter_dir(root: &Path) -> Result<()> {
    nix::unistd::chroot(root).with_context(|| format!("chroot into {}", root.display()))?;
    std::env::set_current_dir("/").context("chdir / in the container")
}

/// Joins the running container's mount namespace (and, rootless, the user
/// namespace of its monitor, which owns that mount namespace).
fn join_running(container: &str, init: i32, monitor: i32) -> Result<()> {
    let open = |p: String| File::open(&p).with_context(|| format!("open {p}"));
    let user = open(format!("/proc/{monitor}/ns/user"))?;
    let mnt = open(format!("/proc/{init}/ns/mnt"))?;
    // Opened now: once in its mount namespace, /proc is the container's.
    let own = open(format!("/proc/{init}/ns/user"))?;
    let ours = std::fs::metadata("/proc/self/ns/user").context("stat /proc/self/ns/user")?;
    let theirs = user.metadata().context("stat the monitor's user namespace")?;
    if (ours.dev(), ours.ino()) != (theirs.dev(), theirs.ino()) {
        nix::sched::setns(&user, CloneFlags::CLONE_NEWUSER).with_context(|| format!("join the user namespace of container {container}"))?;
        // Act as the namespace's root, which maps to the caller.
        nix::unistd::setresgid(0.into(), 0.into(), 0.into()).context("setresgid in the container's user namespace")?;
        nix::unistd::setresuid(0.into(), 0.into(), 0.into()).context("setresuid in the container's user namespace")?;
    }
    nix::sched::setns(&mnt, CloneFlags::CLONE_NEWNS).with_context(|| format!("join the mount namespace of container {container}"))?;
    // A user namespace of the container's own (`--userns keep-id`...):
    // files copied in belong to its root, as the container sees them.
    let own_id = own.metadata().context("stat the container's user namespace")?;
    if (own_id.dev(), own_id.ino()) != (theirs.dev(), theirs.ino()) {
        nix::sched::setns(&own, CloneFlags::CLONE_NEWUSER).with_context(|| format!("join the user namespace of container {container}"))?;
        // Root inside when the maps have one; else the ids stay unmapped.
        let _ = nix::unistd::setresgid(0.into(), 0.into(), 0.into()).and_then(|_| nix::unistd::setresuid(0.into(), 0.into(), 0.into()));
    }
    std::env::set_current_dir("/").context("chdir / in the container")
}
