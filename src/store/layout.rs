//! Where a container's files are in the store (`ContainerPaths`), and the
//! layer directories an image's root filesystem is made of.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::image::manifest::ImageConfig;
use crate::store::Store;

/// Where one container's files are.
pub struct ContainerPaths {
    pub dir: PathBuf,
    pub config: PathBuf,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub merged: PathBuf,
    pub log: PathBuf,
    /// Runtime state: the attach socket lives here.
    pub run_dir: PathBuf,
}

impl ContainerPaths {
    pub fn new(store: &Store, id: &str) -> ContainerPaths {
        let dir = store.containers.dir_of(id);
        ContainerPaths {
            config: dir.join("config.json"),
            upper: dir.join("upper"),
            work: dir.join("work"),
            merged: dir.join("merged"),
            log: dir.join("ctr.log"),
            run_dir: store.paths.runroot.join("containers").join(id),
            dir,
        }
    }

    pub fn socket(&self) -> PathBuf {
        self.run_dir.join("attach.sock")
    }
}

/// An image's layer directories, top layer first.
pub fn layer_dirs(store: &Store, config: &ImageConfig) -> Vec<PathBuf> {
    config.rootfs.diff_ids.iter().rev().map(|d| store.layers.diff_dir(d)).collect()
}

/// The layer directories of the image `wanted` names (the image Id a
/// container records, or any name `store::images::find` accepts), top first.
pub fn image_layer_dirs(store: &Store, wanted: &str) -> Result<Vec<PathBuf>> {
    // An image Id is its config's digest: the blob is read straight away,
    // without images.json (a container's image is kept while it exists;
    // the monitor asks this at each start).
    let id = match wanted.parse::<crate::image::digest::Digest>() {
        Ok(digest) if store.blobs.has(&digest) => digest,
        _ => crate::store::images::find(&store.images.list()?, wanted)?.id.clone(),
    };
    let bytes = store.blobs.read(&id)?;
    let config: ImageConfig = serde_json::from_slice(&bytes).with_context(|| format!("parse config of image {}", id.short()))?;
    Ok(layer_dirs(store, &config))
}
