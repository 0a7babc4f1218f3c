//! Which storage driver assembles root filesystems here: native overlay
//! (with `userxattr`, root or rootless), else fuse-overlayfs, else vfs (a
//! flattened copy). Probing mounts a tiny overlay, so its answer is cached
//! in the runroot (cleared on reboot, when the kernel may have changed).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::store::atomic::{write_json_atomic_as, Durability};
use crate::store::paths::StorePaths;

/// Environment override, mainly for tests: overlay, fuse-overlayfs or vfs.
pub const DRIVER_ENV: &str = "PONTOON_STORAGE_DRIVER";
const CACHE_FILE: &str = "driver.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Driver {
    #[serde(rename = "overlay")]
    Overlay,
    #[serde(rename = "fuse-overlayfs")]
    FuseOverlayfs,
    #[serde(rename = "vfs")]
    Vfs,
}

impl Driver {
    pub fn name(self) -> &'static str {
        match self {
            Driver::Overlay => "overlay",
            Driver::FuseOverlayfs => "fuse-overlayfs",
            Driver::Vfs => "vfs",
        }
    }

    pub fn parse(name: &str) -> Result<Driver> {
        match name {
            "overlay" | "overlay2" => Ok(Driver::Overlay),
            "fuse-overlayfs" => Ok(Driver::FuseOverlayfs),
            "vfs" => Ok(Driver::Vfs),
            other => bail!("unknown storage driver {other:?} in {DRIVER_ENV}: use overlay, fuse-overlayfs or vfs"),
        }
    }
}

/// The storage driver in use and why it was chosen.
pub struct DriverChoice {
    pub name: &'static str,
    pub reason: String,
}

#[derive(Serialize, Deserialize)]
struct Cached {
    driver: Driver,
    reason: String,
}

/// Which driver the runtime will use on this machine.
pub fn describe_driver(paths: &StorePaths) -> DriverChoice {
    match choose(paths) {
        Ok((driver, reason)) => DriverChoice { name: driver.name(), reason },
        Err(e) => DriverChoice { name: "none", reason: crate::errors::one_line(&e) },
    }
}

/// The driver to use and why. Run inside the storage namespace when
/// rootless (the probe must mount where the runtime will).
pub fn choose(paths: &StorePaths) -> Result<(Driver, String)> {
    if let Ok(name) = std::env::var(DRIVER_ENV) {
        if !name.is_empty() {
            return Ok((Driver::parse(&name)?, format!("chosen by {DRIVER_ENV}")));
        }
    }
    let cache = paths.runroot.join(CACHE_FILE);
    if let Ok(bytes) = fs::read(&cache) {
        if let Ok(c) = serde_json::from_slice::<Cached>(&bytes) {
            return Ok((c.driver, c.reason));
        }
    }
    let (driver, reason) = probe(&paths.root);
    // A cache that cannot be written only costs a probe next time.
    // Under the runroot: volatile by definition, never synced.
    let _ = write_json_atomic_as(&cache, &Cached { driver, reason: reason.clone() }, Durability::Volatile);
    Ok((driver, reason))
}

fn probe(root: &Path) -> (Driver, String) {
    let overlay_err = match probe_overlay(root) {
        Ok(()) => return (Driver::Overlay, "native overlay with userxattr works here".into()),
        Err(e) => crate::errors::one_line(&e),
    };
    match fuse_overlayfs_usable() {
        Ok(()) => (Driver::FuseOverlayfs, format!("native overlay failed ({overlay_err}); fuse-overlayfs is installed")),
        Err(why) => (Driver::Vfs, format!("native overlay failed ({overlay_err}) and {why}: root filesystems are full copies (slow, uses disk)")),
    }
}

/// Mounts a writable overlay (a layer, an upper and a work directory) in
/// a scratch directory of the store, as a container's rootfs will be, and
/// unmounts it. Writable, because a store on an overlay itself (pontoon in
/// a container without a volume for its store) takes read-only overlays
/// but refuses an upper directory there.
fn probe_overlay(root: &Path) -> Result<()> {
    let scratch = root.join("tmp");
    fs::create_dir_all(&scratch).with_context(|| format!("create {}", scratch.display()))?;
    let dir = tempfile::Builder::new().prefix("overlay-probe-").tempdir_in(&scratch).context("create the probe directory")?;
    let [lower, upper, work, merged] = ["lower", "upper", "work", "merged"].map(|d| dir.path().join(d));
    for d in [&lower, &upper, &work, &merged] {
        fs::create_dir(d).with_context(|| format!("create {}", d.display()))?;
    }
    super::overlay::mount_overlay(std::slice::from_ref(&lower), Some((&upper, &work)), &merged)?;
    super::overlay::unmount(&merged)?;
    Ok(())
}

fn fuse_overlayfs_usable() -> std::result::Result<(), String> {
    if crate::runtime::search_path::find_on_host("fuse-overlayfs").is_none() {
        return Err("fuse-overlayfs is not installed".into());
    }
    fs::OpenOptions::new().read(true).write(true).open("/dev/fuse").map_err(|e| format!("/dev/fuse is not usable ({e})"))?;
    Ok(())
}
