//! The store: blobs by sha256, unpacked layers shared between images, image
//! records, and the locks that keep concurrent commands from corrupting them.
//!
//! Locking: commands that add content (pull, load, import) hold the store
//! lock shared for their whole run, so that garbage collection, which holds
//! it exclusively, never deletes a blob that a running pull has just written
//! but not yet recorded. The image records have a lock of their own.

pub mod atomic;
pub mod blobs;
mod container_listing;
mod container_names;
pub mod containers;
pub mod events;
pub mod images;
pub mod layer_writer;
pub mod layers;
pub mod layout;
pub mod lock;
pub mod manifests;
pub mod networks;
pub mod pods;
pub mod paths;
pub mod reserve;
pub mod secrets;
pub mod rootfs;
pub mod storage_conf;
pub mod unpack;
pub mod volumes;

use std::fs;

use anyhow::{Context, Result};

use crate::store::blobs::BlobStore;
use crate::store::containers::ContainerStore;
use crate::store::images::ImageStore;
use crate::store::layers::LayerStore;
use crate::store::lock::LockGuard;
use crate::store::networks::NetworkStore;
use crate::store::paths::StorePaths;
use crate::store::reserve::Reserve;
use crate::store::unpack::UnpackOptions;
use crate::store::volumes::VolumeStore;

pub struct Store {
    pub paths: StorePaths,
    pub blobs: BlobStore,
    pub layers: LayerStore,
    pub images: ImageStore,
    pub containers: ContainerStore,
    pub volumes: VolumeStore,
    pub networks: NetworkStore,
    /// Space set aside for removals on a full disk (see reserve.rs).
    pub reserve: Reserve,
}

impl Store {
    /// Opens (creating when missing) the store at `paths`.
    pub fn open(paths: &StorePaths) -> Result<Store> {
        for dir in [&paths.root, &paths.runroot] {
            fs::create_dir_all(dir).with_context(|| format!("create storage directory {}", dir.display()))?;
        }
        let reserve = Reserve::new(&paths.root);
        // Allocated while there is space, so that a full disk finds it.
        reserve.ensure();
        Ok(Store {
            reserve,
            blobs: BlobStore::new(&paths.root),
            layers: LayerStore::new(&paths.root),
            images: ImageStore::new(&paths.root),
            containers: ContainerStore::new(&paths.root),
            volumes: VolumeStore::new(&paths.root),
            networks: NetworkStore::new(&paths.root, paths.rootless),
            paths: paths.clone(),
        })
    }

    /// Held while adding content; excludes garbage collection only.
    pub fn lock_shared(&self) -> Result<LockGuard> {
        lock::lock_shared(&self.paths.root.join("storage.lock"))
    }

    /// Held while removing content.
    pub fn lock_exclusive(&self) -> Result<LockGuard> {
        lock::lock_exclusive(&self.paths.root.join("storage.lock"))
    }

    pub fn unpack_options(&self) -> UnpackOptions {
        UnpackOptions { rootless: self.paths.rootless }
    }

    /// Removes blobs and layers that no image references any more, and what
    /// killed commands left in temporary directories. Needs the exclusive lock.
    pub fn collect_garbage(&self, _guard: &LockGuard) -> Result<GcReport> {
        let mut wanted_blobs = std::collections::HashSet::new();
        let mut wanted_layers = std::collections::HashSet::new();
        for image in self.images.list()? {
            wanted_blobs.insert(image.id.clone());
            wanted_blobs.insert(image.manifest.clone());
            if let Ok(bytes) = self.blobs.read(&image.manifest) {
                if let Ok(manifest) = serde_json::from_slice::<crate::image::manifest::Manifest>(&bytes) {
                    wanted_blobs.extend(manifest.layers.into_iter().map(|l| l.digest));
                }
            }
            if let Ok(bytes) = self.blobs.read(&image.id) {
                if let Ok(config) = serde_json::from_slice::<crate::image::manifest::ImageConfig>(&bytes) {
                    wanted_layers.extend(config.rootfs.diff_ids);
                }
            }
        }
        let mut report = GcReport::default();
        for blob in self.blobs.list()? {
            if !wanted_blobs.contains(&blob) {
                report.bytes += self.blobs.size(&blob).unwrap_or(0);
                self.blobs.remove(&blob)?;
                report.blobs += 1;
            }
        }
        for layer in self.layers.list()? {
            if !wanted_layers.contains(&layer) {
                // The unpacked copy is most of what removing an image frees.
                report.bytes += self.layers.info(&layer).map(|i| i.size).unwrap_or(0);
                self.layers.remove(&layer)?;
                report.layers += 1;
            }
        }
        self.layers.remove_incomplete()?;
        // No pull runs (they hold the store lock shared), so no one holds
        // or waits for a per-object lock.
        for dir in ["tmp", "locks"] {
            let dir = self.paths.root.join(dir);
            if dir.exists() {
                layers::remove_tree(&dir).with_context(|| format!("clean {}", dir.display()))?;
            }
        }
        Ok(report)
    }
}

#[derive(Debug, Default)]
pub struct GcReport {
    pub blobs: usize,
    pub layers: usize,
    pub bytes: u64,
}
