//! `save` and `load`: images to and from docker-archive and oci-archive
//! tarballs.
//!
//! Loading never makes a half-loaded image visible: every blob and layer of
//! every image in the archive is stored and verified first, and the image
//! records are written only when all of them are. What a failed load leaves
//! behind is unreferenced and goes with the next garbage collection.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::engine::images::{record_image, resolve, ImageView};
use crate::image::archive::docker_archive::{self, ManifestEntry};
use crate::image::archive::index::ArchiveIndex;
use crate::image::archive::oci_archive;
use crate::image::archive::writer::ArchiveWriter;
use crate::image::archive::{detect, ArchiveFormat};
use crate::image::digest::{Digest, HashingReader};
use crate::image::manifest::{self, Descriptor, ImageConfig, Index, Manifest, Platform};
use crate::image::reference::Reference;
use crate::store::atomic::write_atomic_with;
use crate::store::blobs::verify_bytes;
use crate::store::images::ImageRecord;
use crate::store::unpack::decompress;
use crate::store::Store;

/// An image to save and the names it is saved under.
struct Saved {
    view: ImageView,
    names: Vec<String>,
}

/// Writes `wanted` images to `out` as an archive of `format`. An image named
/// by name is saved with that name; one named by Id is saved without names,
/// as Docker does.
/// [`save`] into the file `path`, written beside it and renamed into place
/// only when the whole archive is written: a failed save leaves no half
/// archive behind.
pub fn save_to_file(store: &Store, wanted: &[String], format: ArchiveFormat, path: &Path) -> Result<()> {
    write_atomic_with(path, ".pontoon-save-", Some(0o644), |file| {
        save(store, wanted, format, file).with_context(|| format!("save to {}", path.display()))
    })
}

pub fn save(store: &Store, wanted: &[String], format: ArchiveFormat, out: impl Write) -> Result<()> {
    let _lock = store.lock_shared()?;
    let mut images: Vec<Saved> = Vec::new();
    for w in wanted {
        let record = resolve(store, w)?;
        let name = Reference::parse(w).ok().and_then(|r| r.tagged_name()).filter(|n| record.names.contains(n));
        match images.iter_mut().find(|s| s.view.record.id == record.id) {
            Some(saved) => saved.names.extend(name.filter(|n| !saved.names.contains(n))),
            None => images.push(Saved { view: ImageView::load(store, record)?, names: name.into_iter().collect() }),
        }
    }
    let mut writer = ArchiveWriter::new(BufWriter::new(out));
    match format {
        ArchiveFormat::DockerArchive => write_docker_archive(store, &images, &mut writer)?,
        ArchiveFormat::OciArchive => write_oci_archive(store, &images, &mut writer)?,
    }
    writer.finish()?.flush().context("write the archive")?;
    for saved in &images {
        crate::engine::events::emit(store, crate::engine::events::Event::image("save", &saved.view.record.id.to_string(), &familiar_names(&saved.names)));
    }
    Ok(())
}

/// An image's names as its events show them (`busybox:latest, app:1`).
fn familiar_names(names: &[String]) -> String {
    names.iter().map(|n| crate::engine::images::familiar_tag(n)).collect::<Vec<_>>().join(", ")
}

fn write_docker_archive<W: Write>(store: &Store, images: &[Saved], writer: &mut ArchiveWriter<W>) -> Result<()> {
    let mut entries = Vec::new();
    for saved in images {
        let (record, manifest, config) = (&saved.view.record, &saved.view.manifest, &saved.view.config);
        let diff_ids = &config.rootfs.diff_ids;
        if diff_ids.len() != manifest.layers.len() {
            bail!("image {} is damaged: its manifest has {} layers, its config {}", record.id.short(), manifest.layers.len(), diff_ids.len());
        }
        for (layer, diff_id) in manifest.layers.iter().zip(diff_ids) {
            let path = docker_archive::layer_path(diff_id);
            if writer.has(&path) {
                continue;
            }
            let size = store.layers.info(diff_id)?.size;
            let mut tar = HashingReader::new(decompress(store.blobs.open(&layer.digest)?)?);
            writer.add_reader(&path, size, &mut tar)?;
            let (actual, _) = tar.finish();
            if &actual != diff_id {
                bail!("layer blob {} of image {} does not uncompress to {diff_id}: the store is damaged; pull the image again", layer.digest, record.id.short());
            }
        }
        writer.add_bytes(&docker_archive::config_path(&record.id), &store.blobs.read(&record.id)?)?;
        let tags = saved.names.iter().map(|n| crate::engine::images::familiar_tag(n)).collect();
        entries.push(ManifestEntry::new(&record.id, tags, diff_ids));
    }
    let repositories = docker_archive::repositories(&entries);
    writer.add_bytes(docker_archive::REPOSITORIES_FILE, &serde_json::to_vec(&repositories)?)?;
    writer.add_bytes(docker_archive::MANIFEST_FILE, &serde_json::to_vec(&entries)?)
}

fn write_oci_archive<W: Write>(store: &Store, images: &[Saved], writer: &mut ArchiveWriter<W>) -> Result<()> {
    writer.add_bytes(oci_archive::LAYOUT_FILE, oci_archive::LAYOUT_CONTENT.as_bytes())?;
    let mut descriptors = Vec::new();
    for saved in images {
        let record = &saved.view.record;
        let blobs = saved.view.manifest.layers.iter().map(|l| &l.digest).chain([&record.id, &record.manifest]);
        for digest in blobs {
            let path = oci_archive::blob_path(digest);
            if !writer.has(&path) {
                writer.add_reader(&path, store.blobs.size(digest)?, store.blobs.open(digest)?)?;
            }
        }
        let media_type = saved.view.manifest.media_type.clone().unwrap_or_else(|| manifest::OCI_MANIFEST.to_string());
        let descriptor = |name: Option<&str>| Descriptor {
            media_type: media_type.clone(),
            digest: record.manifest.clone(),
            size: store.blobs.size(&record.manifest).unwrap_or(0),
            platform: None,
            annotations: oci_archive::name_annotations(name),
            urls: None,
        };
        if saved.names.is_empty() {
            descriptors.push(descriptor(None));
        }
        descriptors.extend(saved.names.iter().map(|n| descriptor(Some(n))));
    }
    writer.add_bytes(oci_archive::INDEX_FILE, &serde_json::to_vec(&oci_archive::index(descriptors))?)
}

/// An image that `load` put into the store.
pub struct Loaded {
    pub id: Digest,
    pub names: Vec<String>,
}

/// An image whose content is stored, waiting to be recorded.
struct Pending {
    manifest: Digest,
    names: Vec<String>,
}

/// Loads every image of an archive read from `input` (plain, gzip or zstd).
/// `progress` hears about each layer as it is stored.
pub fn load(store: &Store, input: impl Read, mut progress: impl FnMut(&Digest)) -> Result<Vec<Loaded>> {
    let _lock = store.lock_shared()?;
    // The archive is spooled because manifest.json may come after the layers.
    let spool = store.blobs.temp_file()?;
    {
        let mut out = BufWriter::new(spool.as_file());
        io::copy(&mut decompress(input)?, &mut out).context("read the archive")?;
        out.flush().with_context(|| format!("write {}", spool.path().display()))?;
    }
    let file = spool.reopen().with_context(|| format!("reopen {}", spool.path().display()))?;
    let index = ArchiveIndex::build(file)?;
    let pending = match detect(&index)? {
        ArchiveFormat::DockerArchive => ingest_docker_archive(store, &index, &mut progress)?,
        ArchiveFormat::OciArchive => ingest_oci_archive(store, &index, &mut progress)?,
    };
    let mut loaded = Vec::new();
    for p in pending {
        let record: ImageRecord = record_image(store, &p.manifest, p.names.clone(), Vec::new())?;
        crate::engine::events::emit(store, crate::engine::events::Event::image("loadfromarchive", &record.id.to_string(), &familiar_names(&p.names)));
        loaded.push(Loaded { id: record.id, names: p.names });
    }
    Ok(loaded)
}

fn ingest_docker_archive(store: &Store, index: &ArchiveIndex, progress: &mut impl FnMut(&Digest)) -> Result<Vec<Pending>> {
    let entries: Vec<ManifestEntry> = index.read_json(docker_archive::MANIFEST_FILE)?;
    if entries.is_empty() {
        bail!("{} lists no images", docker_archive::MANIFEST_FILE);
    }
    let mut pending = Vec::new();
    for entry in entries {
        let config_bytes = index.read(&entry.config)?;
        let config: ImageConfig = serde_json::from_slice(&config_bytes).with_context(|| format!("{} in the archive is not an image config", entry.config))?;
        let diff_ids = &config.rootfs.diff_ids;
        if diff_ids.len() != entry.layers.len() {
            bail!("{} lists {} layers for {} but the config has {} diff_ids", docker_archive::MANIFEST_FILE, entry.layers.len(), entry.config, diff_ids.len());
        }
        let config_digest = store.blobs.put_bytes(&config_bytes)?;
        let mut layers = Vec::new();
        for (path, diff_id) in entry.layers.iter().zip(diff_ids) {
            progress(diff_id);
            let size = store_plain_layer(store, diff_id, || index.open(path)).with_context(|| format!("layer {path} of {}", entry.config))?;
            layers.push(descriptor(manifest::OCI_LAYER, diff_id.clone(), size));
        }
        let manifest = Manifest {
            schema_version: 2,
            media_type: Some(manifest::OCI_MANIFEST.to_string()),
            config: descriptor(manifest::OCI_CONFIG, config_digest, config_bytes.len() as u64),
            layers,
            annotations: None,
        };
        let manifest = store.blobs.put_bytes(&serde_json::to_vec(&manifest)?)?;
        pending.push(Pending { manifest, names: entry.names()? });
    }
    Ok(pending)
}

/// Stores a layer tar (plain, gzip or zstd) uncompressed as the blob named by
/// its diff_id and unpacks it; returns the uncompressed size. Loaded layers
/// are kept uncompressed: their digest is then the diff_id the config
/// already names, and nothing is spent compressing them again.
pub fn store_plain_layer<R: Read>(store: &Store, diff_id: &Digest, open: impl FnOnce() -> Result<R>) -> Result<u64> {
    if !store.blobs.has(diff_id) {
        store.blobs.put_verified(diff_id, decompress(open()?)?, |_| {})?;
    }
    store.layers.unpack(diff_id, store.blobs.open(diff_id)?, &store.unpack_options())?;
    store.blobs.size(diff_id)
}

fn ingest_oci_archive(store: &Store, index: &ArchiveIndex, progress: &mut impl FnMut(&Digest)) -> Result<Vec<Pending>> {
    let top: Index = index.read_json(oci_archive::INDEX_FILE)?;
    if top.manifests.is_empty() {
        bail!("{} lists no images", oci_archive::INDEX_FILE);
    }
    let mut pending = Vec::new();
    for named in &top.manifests {
        let mut chosen = named.clone();
        if manifest::is_index(&chosen.media_type) {
            let nested: Index = serde_json::from_slice(&read_verified(index, &chosen.digest)?).with_context(|| format!("index {} in the archive", chosen.digest))?;
            let host = Platform::host();
            chosen = nested.select(&host).cloned().with_context(|| format!("the archive has no image for {}/{}", host.os, host.architecture))?;
        }
        let manifest_bytes = read_verified(index, &chosen.digest)?;
        let parsed: Manifest = serde_json::from_slice(&manifest_bytes).with_context(|| format!("manifest {} in the archive", chosen.digest))?;
        let config_bytes = read_verified(index, &parsed.config.digest)?;
        let config: ImageConfig = serde_json::from_slice(&config_bytes).with_context(|| format!("config {} in the archive", parsed.config.digest))?;
        if config.rootfs.diff_ids.len() != parsed.layers.len() {
            bail!("manifest {} has {} layers but its config has {} diff_ids", chosen.digest, parsed.layers.len(), config.rootfs.diff_ids.len());
        }
        store.blobs.put_bytes(&config_bytes)?;
        for (layer, diff_id) in parsed.layers.iter().zip(&config.rootfs.diff_ids) {
            progress(diff_id);
            let path = oci_archive::blob_path(&layer.digest);
            if !store.blobs.has(&layer.digest) {
                store.blobs.put_verified(&layer.digest, index.open(&path)?, |_| {}).with_context(|| format!("{path} in the archive"))?;
            }
            store.layers.unpack(diff_id, store.blobs.open(&layer.digest)?, &store.unpack_options()).with_context(|| format!("{path} in the archive"))?;
        }
        let manifest = store.blobs.put_bytes(&manifest_bytes)?;
        pending.push(Pending { manifest, names: oci_archive::name_of(named).into_iter().collect() });
    }
    Ok(pending)
}

fn read_verified(index: &ArchiveIndex, digest: &Digest) -> Result<Vec<u8>> {
    let path = oci_archive::blob_path(digest);
    let bytes = index.read(&path)?;
    verify_bytes(&bytes, digest).with_context(|| format!("{path} in the archive"))?;
    Ok(bytes)
}

pub fn descriptor(media_type: &str, digest: Digest, size: u64) -> Descriptor {
    Descriptor { media_type: media_type.to_string(), digest, size, platform: None, annotations: None, urls: None }
}
