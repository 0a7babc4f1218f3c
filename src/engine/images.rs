//! Image operations over the store: record a new image, resolve a name,
//! tag, remove (with garbage collection), prune, and the Docker-shaped views
//! that `images`, `inspect` and `history` print.

use std::collections::HashSet;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::errors::PontoonError;
use crate::image::digest::Digest;
use crate::image::manifest::{ImageConfig, Manifest};
use crate::image::reference::{familiar, Reference};
use crate::store::containers::Container;
use crate::store::images::{find, ImageRecord};
use crate::store::lock::LockGuard;
use crate::store::Store;

/// An image record with its parsed manifest and config.
pub struct ImageView {
    pub record: ImageRecord,
    pub manifest: Manifest,
    pub config: ImageConfig,
}

impl ImageView {
    pub fn load(store: &Store, record: ImageRecord) -> Result<ImageView> {
        let manifest_bytes = store.blobs.read(&record.manifest)?;
        let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
            .with_context(|| format!("parse manifest {} of image {}", record.manifest, record.id.short()))?;
        let config_bytes = store.blobs.read(&record.id)?;
        let config: ImageConfig = serde_json::from_slice(&config_bytes)
            .with_context(|| format!("parse config of image {}", record.id.short()))?;
        Ok(ImageView { record, manifest, config })
    }

    /// When the image was built, from its config; else when it was added.
    pub fn created(&self) -> DateTime<Utc> {
        self.config
            .created
            .as_deref()
            .and_then(|c| DateTime::parse_from_rfc3339(c).ok())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(self.record.added)
    }
}

/// Records an image whose manifest, config and layers are already in the
/// store. `names` are normalised references; a name moves to this image.
pub fn record_image(store: &Store, manifest: &Digest, names: Vec<String>, repo_digests: Vec<String>) -> Result<ImageRecord> {
    let manifest_bytes = store.blobs.read(manifest)?;
    let parsed: Manifest = serde_json::from_slice(&manifest_bytes).with_context(|| format!("parse manifest {manifest}"))?;
    let config_bytes = store.blobs.read(&parsed.config.digest)?;
    let config: ImageConfig = serde_json::from_slice(&config_bytes).context("parse image config")?;
    let mut size = 0;
    for diff_id in &config.rootfs.diff_ids {
        size += store.layers.info(diff_id).with_context(|| format!("image layer {diff_id} was not unpacked"))?.size;
    }
    let record = ImageRecord {
        id: parsed.config.digest.clone(),
        manifest: manifest.clone(),
        names,
        repo_digests,
        added: Utc::now(),
        size,
        build_cache_key: None,
        intermediate: false,
    };
    store.images.add(record.clone())?;
    Ok(record)
}

/// Finds the image a user named.
pub fn resolve(store: &Store, wanted: &str) -> Result<ImageRecord> {
    let images = store.images.list()?;
    find(&images, wanted).cloned()
}

/// What `rmi` did, in Docker's words.
pub enum Removal {
    Untagged(String),
    Deleted(Digest),
}

/// Removes names or whole images as `docker rmi` does: a name untags, the
/// last name (or an Id) deletes; an Id with several names needs `force`.
///
/// An image that a container uses (running or stopped) is not deleted: that
/// is refused with `ImageInUse`, and with `force` the image loses its names
/// but keeps its record, config and layers (dangling) until no container
/// uses it, so the container can still start; `image prune` (or `rmi` of
/// the Id) removes it after the last such container is gone.
pub fn remove(store: &Store, wanted: &str, force: bool) -> Result<Vec<Removal>> {
    // Exclusive: `create` holds the lock shared, so no container can start
    // using the image between the check below and the deletion.
    let guard = store.lock_exclusive()?;
    let containers = store.containers.list()?;
    let mut events = Vec::new();
    let mut target_id = String::new();
    let deleted = store.images.update_to_free(|images| {
        let target = find(images, wanted)?.clone();
        target_id = target.id.to_string();
        let as_name = Reference::parse(wanted).ok().and_then(|r| r.tagged_name()).filter(|n| target.names.contains(n));
        let index = images.iter().position(|i| i.id == target.id).context("image vanished")?;
        match as_name {
            Some(name) if target.names.len() > 1 => {
                images[index].names.retain(|n| n != &name);
                events.push(Removal::Untagged(familiar_tag(&name)));
                Ok(false)
            }
            _ => {
                if as_name.is_none() && target.names.len() > 1 && !force {
                    anyhow::bail!(
                        "unable to delete {} (must be forced): image is referenced in multiple repositories; remove the names one by one or use -f",
                        target.id.short()
                    );
                }
                let user = containers.iter().find(|c| c.record.image_id == target.id.to_string());
                let dangling = target.names.is_empty() && target.repo_digests.is_empty();
                if let Some(user) = user {
                    if !force || dangling {
                        return Err(in_use(wanted, as_name.is_some(), force, &target.id, user).into());
                    }
                }
                for name in &target.names {
                    events.push(Removal::Untagged(familiar_tag(name)));
                }
                for digest in &target.repo_digests {
                    events.push(Removal::Untagged(familiar_tag(digest)));
                }
                if user.is_some() {
                    // Forced while in use: untag only, the data stays.
                    images[index].names.clear();
                    images[index].repo_digests.clear();
                    return Ok(false);
                }
                images.remove(index);
                events.push(Removal::Deleted(target.id.clone()));
                Ok(true)
            }
        }
    })?;
    if deleted {
        store.collect_garbage(&guard)?;
        store.reserve.refill();
    }
    for e in &events {
        let (status, name) = match e { Removal::Untagged(n) => ("untag", n.as_str()), Removal::Deleted(_) => ("remove", wanted) };
        crate::engine::events::emit(store, crate::engine::events::Event::image(status, &target_id, name));
    }
    Ok(events)
}

/// Docker's conflict for an image `user` still uses, with the way out.
fn in_use(wanted: &str, by_name: bool, forced: bool, image: &Digest, user: &Container) -> PontoonError {
    let what = if by_name { format!("remove repository reference {wanted:?}") } else { format!("delete {}", image.short()) };
    let name = &user.record.name;
    let fix = if forced {
        format!("the image has no name left to remove; remove the container first (pontoon rm {name})")
    } else {
        format!("remove the container first (pontoon rm {name}), or untag the image with rmi -f (its data stays until the container is removed)")
    };
    PontoonError::ImageInUse { what, forced, container: user.record.id[..12].to_string(), image: image.short().to_string(), fix }
}

/// `busybox:latest` for `docker.io/library/busybox:latest`.
pub fn familiar_tag(name: &str) -> String {
    let (repo, suffix) = match name.rfind(['@', ':']) {
        Some(i) if !name[i..].contains('/') => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    // `host:5000/app` has its ':' before a '/', so it is not a tag separator.
    format!("{}{suffix}", familiar(repo))
}

/// Adds `target` as a name of the image `source`.
pub fn tag(store: &Store, source: &str, target: &str) -> Result<()> {
    let reference = Reference::parse(target)?;
    let name = reference.tagged_name().ok_or_else(|| PontoonError::InvalidReference {
        reference: target.to_string(),
        why: "a tag cannot carry a digest".into(),
    })?;
    if reference.digest.is_some() {
        return Err(PontoonError::InvalidReference { reference: target.to_string(), why: "a tag cannot carry a digest".into() }.into());
    }
    let record = resolve(store, source)?;
    store.images.update(|images| {
        for image in images.iter_mut() {
            image.names.retain(|n| n != &name);
        }
        let image = images.iter_mut().find(|i| i.id == record.id).context("image vanished")?;
        image.names.push(name.clone());
        Ok(())
    })?;
    crate::engine::events::emit(store, crate::engine::events::Event::image("tag", &record.id.to_string(), &familiar_tag(&name)));
    Ok(())
}

/// `untag`: removes `names` from the image `source`, or every name when
/// none is given; the image itself stays (Podman's untag). A name the
/// image does not have is an error naming it.
pub fn untag(store: &Store, source: &str, names: &[String]) -> Result<()> {
    let record = resolve(store, source)?;
    let mut wanted = Vec::new();
    for n in names {
        let reference = Reference::parse(n)?;
        let name = reference.tagged_name().ok_or_else(|| PontoonError::InvalidReference { reference: n.clone(), why: "untag takes a name, not a digest".into() })?;
        if !record.names.contains(&name) {
            anyhow::bail!("{n}: tag not known: image {} has the names {}", record.id.short(), record.names.iter().map(|n| familiar_tag(n)).collect::<Vec<_>>().join(", "));
        }
        wanted.push(name);
    }
    store.images.update(|images| {
        let image = images.iter_mut().find(|i| i.id == record.id).context("image vanished")?;
        match wanted.is_empty() {
            true => image.names.clear(),
            false => image.names.retain(|n| !wanted.contains(n)),
        }
        Ok(())
    })?;
    for name in if wanted.is_empty() { &record.names } else { &wanted } {
        crate::engine::events::emit(store, crate::engine::events::Event::image("untag", &record.id.to_string(), &familiar_tag(name)));
    }
    Ok(())
}

/// Removes dangling images (no names), or with `all` every image, but
/// never one that a container (even a stopped one) uses. Returns the Ids
/// removed and the bytes reclaimed.
pub fn prune(store: &Store, all: bool) -> Result<(Vec<Digest>, u64)> {
    let guard = store.lock_exclusive()?;
    let removed = prune_records(store, &guard, all)?;
    let report = store.collect_garbage(&guard)?;
    store.reserve.refill();
    Ok((removed, report.bytes))
}

/// Drops the records `prune` removes; the caller collects the garbage. The
/// exclusive lock keeps `create` from starting to use an image meanwhile.
pub fn prune_records(store: &Store, _guard: &LockGuard, all: bool) -> Result<Vec<Digest>> {
    let used: HashSet<String> = store.containers.list()?.into_iter().map(|c| c.record.image_id).collect();
    store.images.update_to_free(|images| {
        let (gone, kept): (Vec<_>, Vec<_>) =
            // Build steps' images are the build cache: `builder prune` decides about them.
            images.drain(..).partition(|i| (all || i.names.is_empty()) && !i.intermediate && !used.contains(&i.id.to_string()));
        *images = kept;
        Ok(gone.into_iter().map(|i| i.id).collect::<Vec<_>>())
    })
    .inspect(|gone| gone.iter().for_each(|id| crate::engine::events::emit(store, crate::engine::events::Event::image("remove", &id.to_string(), ""))))
}

/// Where `build`'s `RUN --mount=type=cache` directories live between builds.
pub fn build_cache_mounts_dir(store: &Store) -> std::path::PathBuf {
    store.paths.root.join("build-cache").join("mounts")
}

/// The build cache, for `builder prune` and `system prune`: every
/// intermediate image no container uses, the cache keys of the images
/// left, and the RUN cache mounts. Returns how many images went; the
/// caller collects the garbage.
pub fn prune_build_cache(store: &Store, _guard: &LockGuard) -> Result<usize> {
    let used: HashSet<String> = store.containers.list()?.into_iter().map(|c| c.record.image_id).collect();
    let removed = store.images.update_to_free(|images| {
        let before = images.len();
        images.retain(|r| !r.intermediate || used.contains(&r.id.to_string()));
        for r in images.iter_mut() {
            r.build_cache_key = None;
        }
        Ok(before - images.len())
    })?;
    let mounts = build_cache_mounts_dir(store);
    if mounts.exists() {
        crate::store::layers::remove_tree(&mounts).map_err(|e| anyhow::anyhow!("remove {}: {e}", mounts.display()))?;
    }
    Ok(removed)
}

/// The image as `docker image inspect` shows it.
pub fn inspect_json(store: &Store, view: &ImageView) -> Value {
    let c = view.config.config.clone().unwrap_or_default();
    let config = json!({
        "Hostname": "", "Domainname": "", "User": c.user.clone().unwrap_or_default(),
        "AttachStdin": false, "AttachStdout": false, "AttachStderr": false,
        "ExposedPorts": c.exposed_ports, "Tty": false, "OpenStdin": false, "StdinOnce": false,
        "Env": c.env, "Cmd": c.cmd, "Healthcheck": c.healthcheck, "Image": "", "Volumes": c.volumes,
        "WorkingDir": c.working_dir.clone().unwrap_or_default(), "Entrypoint": c.entrypoint,
        "OnBuild": c.on_build, "Labels": c.labels, "StopSignal": c.stop_signal, "Shell": c.shell,
    });
    let layers: Vec<String> = view.config.rootfs.diff_ids.iter().map(|d| d.to_string()).collect();
    let diff_dirs: Vec<String> = view.config.rootfs.diff_ids.iter().rev().map(|d| store.layers.diff_dir(d).display().to_string()).collect();
    json!({
        "Id": view.record.id.to_string(),
        "RepoTags": view.record.names.iter().map(|n| familiar_tag(n)).collect::<Vec<_>>(),
        "RepoDigests": view.record.repo_digests.iter().map(|n| familiar_tag(n)).collect::<Vec<_>>(),
        "Parent": "",
        "Comment": view.config.history.last().and_then(|h| h.comment.clone()).unwrap_or_default(),
        "Created": view.created().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "DockerVersion": "",
        "Author": view.config.author.clone().unwrap_or_default(),
        "Config": config,
        "Architecture": view.config.architecture,
        "Variant": view.config.variant,
        "Os": view.config.os,
        "Size": view.record.size,
        "VirtualSize": view.record.size,
        "GraphDriver": {
            "Name": "overlay",
            "Data": { "LowerDir": diff_dirs.join(":") }
        },
        "RootFS": { "Type": "layers", "Layers": layers },
        "Metadata": { "LastTagTime": view.record.added.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true) },
        "ManifestDigest": view.record.manifest.to_string(),
    })
}

/// One row of `history`, newest first as Docker prints it.
pub struct HistoryRow {
    /// The image's Id on its newest row; older rows have none (`<missing>`).
    pub id: Option<Digest>,
    pub created: Option<DateTime<Utc>>,
    pub created_by: String,
    pub size: u64,
    pub comment: String,
}

pub fn history(store: &Store, view: &ImageView) -> Vec<HistoryRow> {
    let mut diff_ids = view.config.rootfs.diff_ids.iter();
    let mut rows: Vec<HistoryRow> = Vec::new();
    let entries = if view.config.history.is_empty() {
        // Images without history still have layers; show one row each.
        view.config.rootfs.diff_ids.iter().map(|_| Default::default()).collect()
    } else {
        view.config.history.clone()
    };
    for h in entries {
        let size = if h.empty_layer { 0 } else { diff_ids.next().and_then(|d| store.layers.info(d).ok()).map(|i| i.size).unwrap_or(0) };
        rows.push(HistoryRow {
            id: None,
            created: h.created.as_deref().and_then(|c| DateTime::parse_from_rfc3339(c).ok()).map(|t| t.with_timezone(&Utc)),
            created_by: h.created_by.unwrap_or_default(),
            size,
            comment: h.comment.unwrap_or_default(),
        });
    }
    rows.reverse();
    if let Some(first) = rows.first_mut() {
        first.id = Some(view.record.id.clone());
    }
    rows
}
