//! Turning a chain of layers into a root filesystem the way the runtime
//! does: an overlay mount (native, or fuse-overlayfs), or a flattened copy
//! (vfs) when no overlay works. Layer directories are in overlay's format
//! (see store/unpack/whiteout.rs), so overlay uses them as they are.

pub mod driver;
mod flatten;
mod overlay;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

pub use driver::{choose as choose_driver, describe_driver, Driver};
pub use flatten::{flatten, merge_layers};
pub use overlay::is_mountpoint;

/// Assembles `lowers_top_first` at `target` with `driver`. With `upper`
/// and `work` the result is writable (a container); without, read-only
/// (`image mount`). For vfs the copy itself is the writable root and
/// `upper`/`work` are unused.
pub fn mount_rootfs(lowers_top_first: &[PathBuf], upper: Option<&Path>, work: Option<&Path>, target: &Path, driver: Driver) -> Result<()> {
    let upper = match (upper, work) {
        (Some(u), Some(w)) => Some((u, w)),
        (None, None) => None,
        _ => bail!("an overlay needs both an upper and a work directory, or neither"),
    };
    match driver {
        Driver::Overlay => overlay::mount_overlay(lowers_top_first, upper, target),
        Driver::FuseOverlayfs => overlay::mount_fuse_overlayfs(lowers_top_first, upper, target),
        Driver::Vfs => flatten(lowers_top_first, target),
    }
}

/// [`mount_rootfs`] of a container removed when it exits: native overlay
/// mounts it volatile (see overlay::mount_overlay_with); the other drivers
/// as `mount_rootfs` does.
pub fn mount_rootfs_volatile(lowers_top_first: &[PathBuf], upper: &Path, work: &Path, target: &Path, driver: Driver) -> Result<()> {
    match driver {
        Driver::Overlay => {
            // Left by an earlier volatile mount whose container was not
            // removed (its monitor killed): overlay refuses the work
            // directory until this is gone, as a confirmation that what it
            // held may be lost, which a --rm container's data may.
            let _ = std::fs::remove_dir_all(work.join("incompat"));
            overlay::mount_overlay_with(lowers_top_first, Some((upper, work)), target, true)
        }
        _ => mount_rootfs(lowers_top_first, Some(upper), Some(work), target, driver),
    }
}

/// Undoes `mount_rootfs` for the mounting drivers; a vfs copy is removed
/// by deleting its directory.
pub fn unmount(target: &Path) -> Result<()> {
    overlay::unmount(target)
}
