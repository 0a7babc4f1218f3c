//! Running a piece of work in a child process whose root directory is a
//! container's root filesystem, so that every path it opens, symlinks
//! included, is resolved by the kernel inside the container and can never
//! reach the host.
//!
//! How the child gets there:
//! - `Live` access to a running container joins the container's own mount
//!   namespace (setns on /proc/PID/ns/mnt), after joining its monitor's user
//!   namespace when rootless. Writes are then visible to the container at
//!   once, through its very overlay mount. A second overlay mount over the
//!   same upper directory is not an option: overlay refuses (or, without
//!   `index`, corrupts) two mounts sharing an upper/work directory. Joining
//!   the user namespace needs no privilege: the caller owns it, and a user
//!   namespace's owner holds every capability in it from the parent
//!   namespace. This is why callers must not have entered a storage
//!   namespace of their own.
//! - `Live` access to a stopped container enters the storage namespace,
//!   mounts the container's overlay (layers + its upper/work) in a private
//!   mount namespace and chroots into it.
//! - `Snapshot` access (export) mounts the layers with the container's upper
//!   directory as the top *lower* layer, read-only, so it works the same
//!   whether or not the container runs (overlay allows a directory to be a
//!   lower layer of one mount while it is the upper of another).
//! - With the vfs driver the rootfs is a plain directory: the child chroots
//!   into it.

use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use anyhow::{bail, Context, Result};
use nix::mount::MsFlags;
use nix::sched::CloneFlags;
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};

use crate::engine::images::{self, ImageView};
use crate::engine::lifecycle::is_running;
use crate::store::containers::Container;
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

/// What the work needs from the container's filesystem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write the filesystem the container sees (cp).
    Live,
    /// Read the container's files without its mounts (export).
    Snapshot,
}

/// A child process doing work inside a container's root.
pub struct Worker {
    pid: Pid,
    errors: OwnedFd,
}

/// Forks a child that enters `c`'s root filesystem and runs `work` there.
/// The caller must be single-threaded and, rootless, outside any storage
/// namespace (use `Ctx::store_files_only`).
pub fn spawn(store: &Store, c: &Container, access: Access, work: impl FnOnce() -> Result<()>) -> Result<Worker> {
    let (err_r, err_w) = nix::unistd::pipe().context("create a pipe")?;
    // SAFETY: the process is single-threaded (commands fork before any
    // thread starts), so the child may run ordinary Rust code.
    match unsafe { fork() }.context("fork a worker process")? {
        ForkResult::Child => {
            drop(err_r);
            let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL);
            let result = enter(store, c, access).and_then(|()| work());
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
        let mut message = String::new();
        let _ = File::from(self.errors).read_to_string(&mut message);
        let status = loop {
            match waitpid(self.pid, None) {
                Err(nix::errno::Errno::EINTR) => continue,
                other => break other.context("wait for the worker process")?,
            }
        };
        if !message.is_empty() {
            bail!("{message}");
        }
        match status {
            WaitStatus::Exited(_, 0) => Ok(()),
            other => bail!("the worker process failed ({other:?})"),
        }
    }
}

fn enter(store: &Store, c: &Container, access: Access) -> Result<()> {
    let paths = ContainerPaths::new(store, &c.record.id);
    if access == Access::Live && is_running(c) {
        return join_running(c);
    }
    crate::runtime::userns::enter_storage_namespace()?;
    // Only inside the namespace: the driver probe must mount where the
    // runtime does, and its answer is cached for every later command.
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    nix::sched::unshare(CloneFlags::CLONE_NEWNS).context("create a private mount namespace")?;
    nix::mount::mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>).context("make / private")?;
    if driver != Driver::Vfs {
        let view = ImageView::load(store, images::resolve(store, &c.record.image_id)?)?;
        let layers = layer_dirs(store, &view.config);
        match access {
            Access::Live => rootfs::mount_rootfs(&layers, Some(&paths.upper), Some(&paths.work), &paths.merged, driver),
            Access::Snapshot => {
                let lowers: Vec<_> = std::iter::once(paths.upper.clone()).chain(layers).collect();
                rootfs::mount_rootfs(&lowers, None, None, &paths.merged, driver)
            }
        }
        .with_context(|| format!("mount the root filesystem of container {}", c.record.name))?;
    }
    enter_dir(&paths.merged)
}

fn enter_dir(root: &Path) -> Result<()> {
    nix::unistd::chroot(root).with_context(|| format!("chroot into {}", root.display()))?;
    std::env::set_current_dir("/").context("chdir / in the container")
}

/// Joins the running container's mount namespace (and, rootless, the user
/// namespace of its monitor, which owns that mount namespace).
fn join_running(c: &Container) -> Result<()> {
    let (Some(pid), Some(monitor)) = (c.state.pid, c.state.monitor_pid) else {
        bail!("container {} is running but has no recorded process", c.record.name);
    };
    let open = |p: String| File::open(&p).with_context(|| format!("open {p}"));
    let user = open(format!("/proc/{monitor}/ns/user"))?;
    let mnt = open(format!("/proc/{pid}/ns/mnt"))?;
    let ours = std::fs::metadata("/proc/self/ns/user").context("stat /proc/self/ns/user")?;
    let theirs = user.metadata().context("stat the monitor's user namespace")?;
    if (ours.dev(), ours.ino()) != (theirs.dev(), theirs.ino()) {
        nix::sched::setns(&user, CloneFlags::CLONE_NEWUSER).with_context(|| format!("join the user namespace of container {}", c.record.name))?;
        // Act as the namespace's root, which maps to the caller.
        nix::unistd::setresgid(0.into(), 0.into(), 0.into()).context("setresgid in the container's user namespace")?;
        nix::unistd::setresuid(0.into(), 0.into(), 0.into()).context("setresuid in the container's user namespace")?;
    }
    nix::sched::setns(&mnt, CloneFlags::CLONE_NEWNS).with_context(|| format!("join the mount namespace of container {}", c.record.name))?;
    std::env::set_current_dir("/").context("chdir / in the container")
}
