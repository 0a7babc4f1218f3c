//! `system df` and `system prune`: what images, containers and volumes
//! cost on disk and what removing the unused ones would free. Sizes are
//! apparent file sizes; a layer shared by several images counts once.

use std::collections::{BTreeMap, HashSet};

use anyhow::Result;

use crate::engine::lifecycle::{self, is_running};
use crate::engine::volumes::{self, dir_size};
use crate::image::digest::Digest;
use crate::store::images::ImageRecord;
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// One row of `system df`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Usage {
    pub total: usize,
    pub active: usize,
    pub size: u64,
    pub reclaimable: u64,
}

/// Per-object details for `system df -v`.
pub struct ImageUsage {
    pub record: ImageRecord,
    pub size: u64,
    pub containers: usize,
}

pub struct ContainerUsage {
    pub id: String,
    pub name: String,
    pub image: String,
    pub size: u64,
    pub volumes: usize,
    pub running: bool,
}

pub struct VolumeUsage {
    pub name: String,
    pub links: usize,
    pub size: u64,
}

pub struct DiskUsage {
    pub images: Usage,
    pub containers: Usage,
    pub volumes: Usage,
    pub image_rows: Vec<ImageUsage>,
    pub container_rows: Vec<ContainerUsage>,
    pub volume_rows: Vec<VolumeUsage>,
}

fn layers_of(store: &Store, image: &ImageRecord) -> Vec<Digest> {
    store
        .blobs
        .read(&image.id)
        .ok()
        .and_then(|b| serde_json::from_slice::<crate::image::manifest::ImageConfig>(&b).ok())
        .map(|c| c.rootfs.diff_ids)
        .unwrap_or_default()
}

pub fn disk_usage(store: &Store) -> Result<DiskUsage> {
    let containers = store.containers.list()?;
    let mut per_image: BTreeMap<String, usize> = BTreeMap::new();
    for c in &containers {
        *per_image.entry(c.record.image_id.clone()).or_default() += 1;
    }
    let mut image_rows = Vec::new();
    let (mut all_layers, mut active_layers) = (HashSet::new(), HashSet::new());
    let layer_size = |d: &Digest| store.layers.info(d).map(|i| i.size).unwrap_or(0);
    for image in store.images.list()? {
        let used = per_image.get(&image.id.to_string()).copied().unwrap_or(0);
        let layers = layers_of(store, &image);
        if used > 0 {
            active_layers.extend(layers.iter().cloned());
        }
        let size = layers.iter().map(layer_size).sum();
        all_layers.extend(layers);
        image_rows.push(ImageUsage { record: image, size, containers: used });
    }
    let images_size: u64 = all_layers.iter().map(layer_size).sum();
    let images = Usage {
        total: image_rows.len(),
        active: image_rows.iter().filter(|i| i.containers > 0).count(),
        size: images_size,
        reclaimable: all_layers.difference(&active_layers).map(layer_size).sum(),
    };
    let mut container_rows = Vec::new();
    for c in &containers {
        let size = dir_size(&ContainerPaths::new(store, &c.record.id).upper);
        let volumes = c.record.spec.mounts.iter().filter(|m| m.kind == crate::spec::mounts::MountKind::Volume).count();
        container_rows.push(ContainerUsage { id: c.record.id.clone(), name: c.record.name.clone(), image: c.record.image_name.clone(), size, volumes, running: is_running(c) });
    }
    let containers_usage = Usage {
        total: container_rows.len(),
        active: container_rows.iter().filter(|c| c.running).count(),
        size: container_rows.iter().map(|c| c.size).sum(),
        reclaimable: container_rows.iter().filter(|c| !c.running).map(|c| c.size).sum(),
    };
    let counts = volumes::usage_counts(store)?;
    let mut volume_rows = Vec::new();
    for v in store.volumes.list()? {
        let size = dir_size(&volumes::mountpoint(store, &v));
        volume_rows.push(VolumeUsage { links: counts.get(&v.name).copied().unwrap_or(0), name: v.name, size });
    }
    let volumes_usage = Usage {
        total: volume_rows.len(),
        active: volume_rows.iter().filter(|v| v.links > 0).count(),
        size: volume_rows.iter().map(|v| v.size).sum(),
        reclaimable: volume_rows.iter().filter(|v| v.links == 0).map(|v| v.size).sum(),
    };
    Ok(DiskUsage { images, containers: containers_usage, volumes: volumes_usage, image_rows, container_rows, volume_rows })
}

#[derive(Default)]
pub struct PruneReport {
    pub containers: Vec<String>,
    pub volumes: Vec<String>,
    pub images: Vec<Digest>,
    /// Intermediate images of the build cache removed.
    pub build_cache: usize,
    pub bytes: u64,
}

/// `system prune`: stopped containers, then (with `with_volumes`) unused
/// anonymous volumes, then dangling images, or with `all` every image no
/// container uses.
pub fn prune(store: &Store, all: bool, with_volumes: bool) -> Result<PruneReport> {
    let mut report = PruneReport { containers: crate::engine::removal::finish_interrupted(store)?, ..Default::default() };
    // Pods none of whose containers runs go first, with their containers
    // (as Podman's system prune does); a running pod keeps its stopped ones.
    let before: Vec<String> = store.containers.list()?.into_iter().map(|c| c.record.id).collect();
    crate::engine::pods_ops::prune(store)?;
    let after: Vec<String> = store.containers.list()?.into_iter().map(|c| c.record.id).collect();
    report.containers.extend(before.into_iter().filter(|id| !after.contains(id)));
    for c in store.containers.list()? {
        let c = lifecycle::reconcile(store, &c)?;
        if is_running(&c) || c.record.spec.pod.is_some() {
            continue;
        }
        report.bytes += dir_size(&ContainerPaths::new(store, &c.record.id).upper);
        lifecycle::remove(store, &c, false)?;
        report.containers.push(c.record.id);
    }
    if with_volumes {
        let (names, bytes) = volumes::prune(store, false, &[])?;
        report.volumes = names;
        report.bytes += bytes;
    }
    let guard = store.lock_exclusive()?;
    report.images = crate::engine::images::prune_records(store, &guard, all)?;
    report.build_cache = crate::engine::images::prune_build_cache(store, &guard)?;
    report.bytes += store.collect_garbage(&guard)?.bytes;
    store.reserve.refill();
    Ok(report)
}
