//! `mount CONTAINER` and `umount CONTAINER`: a container's root filesystem
//! where the user's tools can read and change it, as Podman's.
//!
//! - A stopped container's overlay (its image's layers, its upper and work
//!   directories) is mounted at its `merged` directory in the caller's
//!   mount namespace. When the container starts, its monitor finds that
//!   mount in the copy of the namespace it unshares and runs the container
//!   on it (monitor::mount_rootfs): overlay refuses, or corrupts, two
//!   mounts sharing one upper directory.
//! - A running container's root is mounted in its monitor's private mount
//!   namespace only; `/proc/<monitor>/root/<merged>` reaches it from here,
//!   live. `umount` then has nothing to undo.
//! - With the vfs driver the root is a directory copy: mounting makes the
//!   copy (the monitor keeps it), unmounting leaves it.
//!
//! Rootless, each command has a mount namespace of its own, so a mount
//! made by a command would vanish with it: as Podman, these commands run
//! only inside `pontoon unshare`, whose namespace they share.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::engine::images::{self, ImageView};
use crate::engine::lifecycle::is_running;
use crate::store::containers::Container;
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::paths::StorePaths;
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

/// Refuses a rootless `verb` outside `pontoon unshare` (Podman's words).
pub fn require_shared_mount_namespace(paths: &StorePaths, verb: &str) -> Result<()> {
    if paths.rootless && !crate::runtime::userns::in_storage_namespace() {
        bail!("cannot run command \"pontoon {verb}\" in rootless mode, must execute `pontoon unshare` first");
    }
    Ok(())
}

/// Mounts `c`'s root filesystem (or finds it mounted) and returns where.
pub fn mount(store: &Store, c: &Container) -> Result<PathBuf> {
    let paths = ContainerPaths::new(store, &c.record.id);
    if is_running(c) {
        return running_root(c, &paths);
    }
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if mounted_here(driver, &paths) {
        return Ok(paths.merged);
    }
    let view = ImageView::load(store, images::resolve(store, &c.record.image_id)?)?;
    let mut layers = layer_dirs(store, &view.config);
    // A container with a user namespace of its own runs on the shifted
    // copy of its layers its monitor made.
    if let Some(shifted) = crate::runtime::userns_rootfs::existing(&paths.dir) {
        layers = vec![shifted];
    }
    for dir in [&paths.upper, &paths.work, &paths.merged] {
        std::fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    }
    rootfs::mount_rootfs(&layers, Some(&paths.upper), Some(&paths.work), &paths.merged, driver)
        .with_context(|| format!("mount the root filesystem of container {} with the {} driver", c.record.name, driver.name()))?;
    Ok(paths.merged)
}

/// Undoes [`mount`]; nothing to do for a container that is not mounted.
pub fn unmount(store: &Store, c: &Container) -> Result<()> {
    if is_running(c) {
        return Ok(());
    }
    let paths = ContainerPaths::new(store, &c.record.id);
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if driver != Driver::Vfs && rootfs::is_mountpoint(&paths.merged) {
        rootfs::unmount(&paths.merged).with_context(|| format!("unmount the root filesystem of container {}", c.record.name))?;
    }
    Ok(())
}

/// The containers whose root filesystem can be reached from here, with
/// where: the running ones and those mounted in this namespace.
pub fn list(store: &Store) -> Result<Vec<(Container, PathBuf)>> {
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    let mut out = Vec::new();
    for c in crate::engine::lifecycle::reconciled(store, store.containers.list()?) {
        let paths = ContainerPaths::new(store, &c.record.id);
        if is_running(&c) {
            let root = running_root(&c, &paths)?;
            out.push((c, root));
        } else if driver != Driver::Vfs && mounted_here(driver, &paths) {
            out.push((c, paths.merged));
        }
    }
    Ok(out)
}

fn mounted_here(driver: Driver, paths: &ContainerPaths) -> bool {
    match driver {
        Driver::Vfs => std::fs::read_dir(&paths.merged).is_ok_and(|mut d| d.next().is_some()),
        _ => rootfs::is_mountpoint(&paths.merged),
    }
}

/// A running container's root as its monitor mounted it, through the
/// monitor's root directory (its mount namespace).
fn running_root(c: &Container, paths: &ContainerPaths) -> Result<PathBuf> {
    let Some(monitor) = c.state.monitor_pid else {
        bail!("container {} is running but has no recorded monitor", c.record.name);
    };
    let relative = paths.merged.strip_prefix("/").unwrap_or(&paths.merged);
    Ok(PathBuf::from(format!("/proc/{monitor}/root")).join(relative))
}
