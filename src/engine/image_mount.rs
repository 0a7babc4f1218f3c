//! `image mount` and `image unmount`: an image's layers mounted read-only
//! (lowers only, no upper directory) at
//! `<runroot>/image-mounts/<image id>/merged`, recorded in `mount.json`
//! beside it so that unmounting knows how to undo it.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::engine::images::{self, ImageView};
use crate::store::atomic::write_json_atomic;
use crate::store::layers::remove_tree;
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

/// What `image unmount` needs to know about a mount.
#[derive(Serialize, Deserialize)]
struct MountRecord {
    driver: Driver,
}

fn mount_dir(store: &Store, id_hex: &str) -> PathBuf {
    store.paths.runroot.join("image-mounts").join(id_hex)
}

/// Mounts `image` (or finds it already mounted) and returns where.
pub fn mount(store: &Store, image: &str) -> Result<PathBuf> {
    let view = ImageView::load(store, images::resolve(store, image)?)?;
    let mut lowers = Vec::new();
    for diff_id in view.config.rootfs.diff_ids.iter().rev() {
        if !store.layers.has(diff_id) {
            bail!("layer {diff_id} of image {image} is missing from the store: pull or load the image again");
        }
        lowers.push(store.layers.diff_dir(diff_id));
    }
    if lowers.is_empty() {
        bail!("image {image} has no layers to mount");
    }
    let dir = mount_dir(store, view.record.id.hex());
    let merged = dir.join("merged");
    if let Some(record) = read_record(&dir)? {
        let present = match record.driver {
            Driver::Vfs => merged.is_dir(),
            _ => rootfs::is_mountpoint(&merged),
        };
        if present {
            return Ok(merged);
        }
    }
    // Whatever an interrupted or vanished mount left is started afresh.
    let _ = rootfs::unmount(&merged);
    remove_tree(&dir).with_context(|| format!("clean {}", dir.display()))?;
    fs::create_dir_all(&merged).with_context(|| format!("create {}", merged.display()))?;
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    rootfs::mount_rootfs(&lowers, None, None, &merged, driver)
        .with_context(|| format!("mount image {image} with the {} driver", driver.name()))?;
    write_json_atomic(&dir.join("mount.json"), &MountRecord { driver })?;
    Ok(merged)
}

fn read_record(dir: &Path) -> Result<Option<MountRecord>> {
    let path = dir.join("mount.json");
    match fs::read(&path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("read {}", path.display())),
    }
}

/// Undoes [`mount`] and returns the image's Id (hex).
pub fn unmount(store: &Store, image: &str) -> Result<String> {
    let record = images::resolve(store, image)?;
    let dir = mount_dir(store, record.id.hex());
    let Some(mount) = read_record(&dir)? else {
        bail!("image {image} is not mounted");
    };
    let merged = dir.join("merged");
    if mount.driver != Driver::Vfs {
        rootfs::unmount(&merged)?;
    }
    remove_tree(&dir).with_context(|| format!("remove {}", dir.display()))?;
    Ok(record.id.hex().to_string())
}
