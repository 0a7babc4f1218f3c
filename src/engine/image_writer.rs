//! Writing a new image into the store from parts already there: its config
//! and the descriptors of its layers (whose blobs and unpacked directories
//! the store holds). `import`, `commit` and `build` all end here.

use anyhow::{Context, Result};
use chrono::Utc;

use crate::engine::archive::descriptor;
use crate::engine::images::record_image;
use crate::image::digest::Digest;
use crate::image::manifest::{self, Descriptor, ImageConfig, Manifest};
use crate::store::images::ImageRecord;
use crate::store::Store;

/// The current time as image configs and history entries spell it.
pub fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// The descriptor of a layer stored uncompressed under its diff id.
pub fn uncompressed_layer(diff_id: &Digest, size: u64) -> Descriptor {
    descriptor(manifest::OCI_LAYER, diff_id.clone(), size)
}

#[allow(dead_code)] // used by commit and build, next in issue 10
/// The layer descriptors of a stored image's manifest, in order: what an
/// image derived from it starts with.
pub fn manifest_layers(store: &Store, manifest_digest: &Digest) -> Result<Vec<Descriptor>> {
    let bytes = store.blobs.read(manifest_digest)?;
    let parsed: Manifest = serde_json::from_slice(&bytes).with_context(|| format!("parse manifest {manifest_digest}"))?;
    Ok(parsed.layers)
}

/// Stores `config` and an OCI manifest over `layers` and records the image
/// under `names` (normalised references; a name moves to this image).
/// `config.rootfs.diff_ids` must list the same layers, uncompressed.
pub fn write_image(store: &Store, config: &ImageConfig, layers: Vec<Descriptor>, names: Vec<String>) -> Result<ImageRecord> {
    let config_bytes = serde_json::to_vec(config).context("encode the image config")?;
    let config_digest = store.blobs.put_bytes(&config_bytes)?;
    let manifest = Manifest {
        schema_version: 2,
        media_type: Some(manifest::OCI_MANIFEST.into()),
        config: descriptor(manifest::OCI_CONFIG, config_digest, config_bytes.len() as u64),
        layers,
        annotations: None,
    };
    let manifest = store.blobs.put_bytes(&serde_json::to_vec(&manifest).context("encode the manifest")?)?;
    record_image(store, &manifest, names, Vec::new())
}
