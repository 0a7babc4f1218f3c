//! Running a piece of work in a child process whose root directory is a
//! container's root filesystem, so that every path it opens, symlinks
//! included, is resolved by the kernel inside the container and can never
//! reach the host. This file decides which root; the kernel calls that
//! get the child there (fork, joining namespaces, chroot) are
//! `runtime::enter`'s.
//!
//! Which root the child gets:
//! - `Live` access to a running container joins the container's own mount
//!   namespace (/proc/PID/ns/mnt), after joining its monitor's user
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
//! - `Live` access to a stopped container also binds its volumes and bind
//!   mounts over that root (binds.rs), as a running one has them.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::engine::images::{self, ImageView};
use crate::engine::lifecycle::is_running;
use crate::runtime::enter::Root;
use crate::store::containers::Container;
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

pub use crate::runtime::enter::Worker;

/// What the work needs from the container's filesystem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write the filesystem the container sees (cp).
    Live,
    /// Read the container's files without its mounts (export).
    Snapshot,
}

/// Forks a child that enters `c`'s root filesystem and runs `work` there.
/// The caller must be single-threaded and, rootless, outside any storage
/// namespace (use `Ctx::store_files_only`).
pub fn spawn(store: &Store, c: &Container, access: Access, work: impl FnOnce() -> Result<()>) -> Result<Worker> {
    if access == Access::Live && is_running(c) {
        let (Some(init), Some(monitor)) = (c.state.pid, c.state.monitor_pid) else {
            bail!("container {} is running but has no recorded process", c.record.name);
        };
        return crate::runtime::enter::spawn_in(&c.record.name, Root::Running { init, monitor }, work);
    }
    let (runroot, mount) = (store.paths.runroot.clone(), Box::new(move || mount(store, c, access)));
    let root = match crate::runtime::container_userns::MapText::of_config(&ContainerPaths::new(store, &c.record.id).config) {
        Some(maps) => Root::MountedMapped { runroot, mount, maps },
        None => Root::Mounted { runroot, mount },
    };
    crate::runtime::enter::spawn_in(&c.record.name, root, work)
}

/// Mounts `c`'s root filesystem as `access` needs it; called in the
/// worker, inside the storage namespace and a private mount namespace.
/// Returns the directory to chroot into.
fn mount(store: &Store, c: &Container, access: Access) -> Result<PathBuf> {
    let paths = ContainerPaths::new(store, &c.record.id);
    // Only inside the namespace: the driver probe must mount where the
    // runtime does, and its answer is cached for every later command.
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if driver != Driver::Vfs {
        let view = ImageView::load(store, images::resolve(store, &c.record.image_id)?)?;
        let mut layers = layer_dirs(store, &view.config);
        // A user namespace of its own: the shifted copy its monitor made.
        if let Some(shifted) = crate::runtime::userns_rootfs::existing(&paths.dir) {
            layers = vec![shifted];
        }
        match access {
            Access::Live => rootfs::mount_rootfs(&layers, Some(&paths.upper), Some(&paths.work), &paths.merged, driver),
            Access::Snapshot => {
                let lowers: Vec<_> = std::iter::once(paths.upper.clone()).chain(layers).collect();
                rootfs::mount_rootfs(&lowers, None, None, &paths.merged, driver)
            }
        }
        .with_context(|| format!("mount the root filesystem of container {}", c.record.name))?;
    }
    // What cp reads and writes under a volume is the volume's (see binds.rs);
    // export is of the container's own files, as Docker's is.
    if access == Access::Live {
        super::binds::bind_into(&paths.config, &paths.merged).with_context(|| format!("mount the volumes of container {}", c.record.name))?;
    }
    Ok(paths.merged)
}
