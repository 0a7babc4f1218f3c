//! `push`: copy a stored image to a registry. Blobs the repository already
//! has are skipped (HEAD first), blobs another repository of the same
//! registry had the image under are mounted, the rest are uploaded as stored
//! (loaded docker-archive layers stay uncompressed, with the media types
//! their manifest records), the config last, then the manifest.
//!
//! The manifest is sent byte for byte as stored, so the digest on the
//! registry is the one `inspect` shows; only `--format` naming the other
//! schema rewrites it (media types only: the config and layers are the same
//! blobs, so a pull of either gives the same image Id).

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::engine::images::resolve;
use crate::image::auth;
use crate::image::digest::Digest;
use crate::image::manifest::{Descriptor, Manifest, OCI_CONFIG, OCI_LAYER, OCI_MANIFEST};
use crate::image::reference::Reference;
use crate::image::registries::RegistriesConf;
use crate::registry::client::{Access, RegistryClient};
use crate::registry::error::RegistryError;
use crate::registry::fetch::each_parallel;
use crate::registry::progress::{Progress, Transfer};
use crate::registry::push as upload;
use crate::store::images::ImageRecord;
use crate::store::Store;

const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
const DOCKER_CONFIG: &str = "application/vnd.docker.container.image.v1+json";
/// Schema 2 layer types and their OCI equivalents. The uncompressed Docker
/// type is the one containers/image uses; the spec only names gzip ones.
const LAYER_TYPES: [(&str, &str); 3] = [
    ("application/vnd.docker.image.rootfs.diff.tar.gzip", "application/vnd.oci.image.layer.v1.tar+gzip"),
    ("application/vnd.docker.image.rootfs.diff.tar", OCI_LAYER),
    ("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"),
];

/// The manifest schema to push in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestFormat {
    Oci,
    /// Docker image manifest, schema 2.
    V2s2,
}

impl ManifestFormat {
    pub fn parse(s: &str) -> Result<ManifestFormat> {
        match s {
            "oci" => Ok(ManifestFormat::Oci),
            "v2s2" | "docker" => Ok(ManifestFormat::V2s2),
            _ => bail!("invalid manifest format {s:?}: use oci or v2s2"),
        }
    }
}

#[derive(Debug, Default)]
pub struct PushOptions {
    pub format: Option<ManifestFormat>,
    /// Read credentials only from this file.
    pub authfile: Option<PathBuf>,
    /// `--creds`: these instead of the saved credentials.
    pub credentials: Option<auth::Credentials>,
}

/// What was pushed where.
pub struct Pushed {
    pub destination: Reference,
    pub digest: Digest,
    /// Size of the manifest in bytes, as Docker reports it.
    pub size: usize,
}

/// Pushes the stored image `image` to `destination` (default: its name).
pub fn push(store: &Store, conf: &RegistriesConf, image: &str, destination: Option<&str>, opts: &PushOptions, progress: &Progress) -> Result<Pushed> {
    let record = resolve(store, image)?;
    let destination = destination_of(image, destination, &record)?;
    let tag = destination.tag.clone().context("the destination has no tag")?;
    push_record(store, conf, image, record, destination, tag, opts, progress)
}

/// `push --all-tags`: pushes every local tag of `repository` (a name
/// without tag or digest) to it, in tag order.
pub fn push_all_tags(store: &Store, conf: &RegistriesConf, repository: &str, opts: &PushOptions, progress: &Progress) -> Result<Vec<Pushed>> {
    let reference = Reference::parse(repository)?;
    if reference.digest.is_some() || repository.split('/').next_back().is_some_and(|last| last.contains(':')) {
        bail!("push {repository}: --all-tags takes a repository name without a tag or digest");
    }
    let prefix = format!("{}:", reference.name());
    let mut names: Vec<String> = store.images.list()?.into_iter().flat_map(|r| r.names).filter(|n| n.starts_with(&prefix)).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        bail!("push {repository} --all-tags: no local image is tagged in {}: tag one with pontoon tag IMAGE {repository}:TAG", reference.name());
    }
    names.iter().map(|name| push(store, conf, name, None, opts, progress)).collect()
}

/// Pushes `record` to `destination`'s repository under `tag` (a tag, or the
/// manifest's own digest, as `manifest push --all` sends a list's images);
/// `image` is how the user named it, for messages.
#[allow(clippy::too_many_arguments)] // one push's whole context, each given once
pub fn push_record(store: &Store, conf: &RegistriesConf, image: &str, record: ImageRecord, destination: Reference, tag: String, opts: &PushOptions, progress: &Progress) -> Result<Pushed> {
    let what = format!("push {image} to {destination}");
    // Shared: garbage collection must not remove blobs while they upload.
    let _lock = store.lock_shared()?;
    let stored = store.blobs.read(&record.manifest).with_context(|| format!("read the manifest of {image}"))?;
    let (bytes, media_type) = convert(&stored, opts.format).with_context(|| format!("manifest {} of {image}", record.manifest))?;
    let manifest: Manifest = serde_json::from_slice(&bytes).with_context(|| format!("parse manifest {} of {image}", record.manifest))?;

    let name = destination.name();
    let credentials = match (&opts.credentials, &opts.authfile) {
        (Some(given), _) => Some(given.clone()),
        (None, Some(file)) => auth::lookup_in(std::slice::from_ref(file), &name)?,
        (None, None) => auth::lookup(&name)?,
    };
    let client = RegistryClient::connect_for(crate::registry::resolve::endpoint(conf, &name), credentials, Access::Push).with_context(|| what.clone())?;
    progress.note("Getting image source signatures");
    let mount_from = mount_sources(&record, &destination);
    let mut layers: Vec<&Descriptor> = Vec::new();
    for layer in &manifest.layers {
        if !layers.iter().any(|l| l.digest == layer.digest) {
            layers.push(layer);
        }
    }
    each_parallel(&layers, |layer| send_blob(store, &client, "blob", layer, &mount_from, progress)).with_context(|| what.clone())?;
    send_blob(store, &client, "config", &manifest.config, &mount_from, progress).with_context(|| what.clone())?;
    progress.note("Writing manifest to image destination");
    let digest = upload::put_manifest(&client, &tag, &media_type, &bytes).with_context(|| what.clone())?;
    crate::engine::events::emit(store, crate::engine::events::Event::image("push", &record.id.to_string(), &destination.to_string()));
    Ok(Pushed { destination, digest, size: bytes.len() })
}

/// Where to push: the destination given (`docker://` accepted, as Podman
/// does), else the name the user gave for the local image.
fn destination_of(image: &str, destination: Option<&str>, record: &ImageRecord) -> Result<Reference> {
    let Some(given) = destination else {
        let reference = Reference::parse(image).ok().filter(|r| r.tagged_name().is_some_and(|n| record.names.contains(&n)));
        return reference.with_context(|| format!("{image} is not an image name; give a destination: pontoon push {image} REGISTRY/REPOSITORY[:TAG]"));
    };
    let name = given.strip_prefix("docker://").unwrap_or(given);
    if let Some((transport, _)) = name.split_once(':') {
        if ["oci", "oci-archive", "docker-archive", "dir", "containers-storage", "docker-daemon"].contains(&transport) {
            bail!("pontoon push writes only to registries; use `pontoon save` to write {transport} archives");
        }
    }
    let reference = Reference::parse(name)?;
    if reference.digest.is_some() {
        bail!("push to {given}: a destination names a tag, not a digest; the registry computes the digest");
    }
    Ok(reference)
}

/// Other repositories of the destination's registry that the image came
/// from or was pushed to: their blobs may be mounted instead of uploaded.
fn mount_sources(record: &ImageRecord, destination: &Reference) -> Vec<String> {
    let mut from = Vec::new();
    for name in record.names.iter().chain(&record.repo_digests) {
        let Ok(r) = Reference::parse(name) else { continue };
        if r.registry == destination.registry && r.repository != destination.repository && !from.contains(&r.repository) {
            from.push(r.repository);
        }
    }
    from
}

/// Makes sure the repository has one blob: skipped when present, mounted
/// when another repository has it, uploaded otherwise (twice at most: a
/// broken upload session is not resumed, a new one is opened).
fn send_blob(store: &Store, client: &RegistryClient, kind: &str, desc: &Descriptor, mount_from: &[String], progress: &Progress) -> Result<()> {
    if upload::blob_exists(client, &desc.digest)? {
        progress.skipped(kind, &desc.digest);
        return Ok(());
    }
    let path = store.blobs.path(&desc.digest);
    if !path.exists() {
        bail!("blob {} is missing from the store; pull or load the image again", desc.digest);
    }
    let mut session = None;
    for from in mount_from {
        match upload::mount(client, &desc.digest, from)? {
            None => {
                progress.note(&format!("Copying {kind} {} skipped: mounted from {from}", desc.digest));
                return Ok(());
            }
            Some(location) => session = Some(location),
        }
    }
    let transfer = progress.start(kind, &desc.digest, desc.size);
    let mut attempt = 0;
    loop {
        attempt += 1;
        let location = match session.take() {
            Some(l) => l,
            None => upload::start_upload(client, &desc.digest)?,
        };
        let body = || -> io::Result<(Box<dyn Read + '_>, u64)> {
            let file = File::open(&path)?;
            let len = file.metadata()?.len();
            Ok((Box::new(Counting { inner: file, count: 0, transfer: &transfer }), len))
        };
        match upload::finish_upload(client, &location, &desc.digest, &body) {
            Ok(()) => {
                transfer.done();
                return Ok(());
            }
            Err(RegistryError::Unreachable { .. } | RegistryError::Status { .. }) if attempt < 2 => {}
            Err(e) => {
                transfer.failed();
                return Err(e.into());
            }
        }
    }
}

/// The manifest to send and its media type: the stored bytes unless
/// `format` asks for the other schema.
fn convert(stored: &[u8], format: Option<ManifestFormat>) -> Result<(Vec<u8>, String)> {
    let mut doc: Value = serde_json::from_slice(stored).context("it is not JSON")?;
    let declared = doc.get("mediaType").and_then(Value::as_str).map(str::to_string);
    let config_type = doc.pointer("/config/mediaType").and_then(Value::as_str).unwrap_or(OCI_CONFIG);
    let current = match declared.as_deref() {
        Some(DOCKER_MANIFEST) => ManifestFormat::V2s2,
        Some(OCI_MANIFEST) => ManifestFormat::Oci,
        Some(other) => bail!("media type {other} cannot be pushed; it is not an image manifest"),
        None if config_type == DOCKER_CONFIG => ManifestFormat::V2s2,
        None => ManifestFormat::Oci,
    };
    let wanted = format.unwrap_or(current);
    let media_type = match wanted {
        ManifestFormat::Oci => OCI_MANIFEST,
        ManifestFormat::V2s2 => DOCKER_MANIFEST,
    };
    if wanted == current {
        return Ok((stored.to_vec(), media_type.to_string()));
    }
    let to_docker = wanted == ManifestFormat::V2s2;
    doc["mediaType"] = media_type.into();
    doc["config"]["mediaType"] = (if to_docker { DOCKER_CONFIG } else { OCI_CONFIG }).into();
    if let Some(layers) = doc.get_mut("layers").and_then(Value::as_array_mut) {
        for layer in layers {
            let from = layer.get("mediaType").and_then(Value::as_str).unwrap_or_default().to_string();
            let mapped = LAYER_TYPES.iter().find_map(|(docker, oci)| match to_docker {
                true if from == *oci => Some(*docker),
                false if from == *docker => Some(*oci),
                _ => None,
            });
            match mapped {
                Some(m) => layer["mediaType"] = m.into(),
                None => bail!("its layer type {from} has no {} equivalent; push it with --format {}", if to_docker { "Docker schema 2" } else { "OCI" }, if to_docker { "oci" } else { "v2s2" }),
            }
            if to_docker {
                layer.as_object_mut().map(|o| o.remove("annotations"));
            }
        }
    }
    if to_docker {
        doc.as_object_mut().map(|o| o.remove("annotations"));
    }
    Ok((serde_json::to_vec(&doc).context("serialise the manifest")?, media_type.to_string()))
}

/// Reports upload progress as the body is read (a retry starts again at 0).
struct Counting<'a> {
    inner: File,
    count: u64,
    transfer: &'a Transfer,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        self.transfer.set(self.count);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oci_manifest(layer_type: &str) -> Vec<u8> {
        let d = Digest::of_bytes(b"x");
        serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2, "mediaType": OCI_MANIFEST,
            "config": {"mediaType": OCI_CONFIG, "digest": d.to_string(), "size": 1},
            "layers": [{"mediaType": layer_type, "digest": d.to_string(), "size": 1, "annotations": {"a": "b"}}],
            "annotations": {"k": "v"}
        }))
        .unwrap()
    }

    #[test]
    fn stored_manifests_go_out_unchanged() {
        let stored = oci_manifest(OCI_LAYER);
        let (bytes, media_type) = convert(&stored, None).unwrap();
        assert_eq!((bytes.as_slice(), media_type.as_str()), (stored.as_slice(), OCI_MANIFEST));
        assert_eq!(convert(&stored, Some(ManifestFormat::Oci)).unwrap().0, stored);
    }

    #[test]
    fn v2s2_rewrites_media_types_only() {
        let stored = oci_manifest(OCI_LAYER);
        let (bytes, media_type) = convert(&stored, Some(ManifestFormat::V2s2)).unwrap();
        assert_eq!(media_type, DOCKER_MANIFEST);
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(doc["config"]["mediaType"], DOCKER_CONFIG);
        assert_eq!(doc["layers"][0]["mediaType"], "application/vnd.docker.image.rootfs.diff.tar");
        assert!(doc.get("annotations").is_none() && doc["layers"][0].get("annotations").is_none());
        let back = convert(&bytes, Some(ManifestFormat::Oci)).unwrap();
        let doc: Value = serde_json::from_slice(&back.0).unwrap();
        assert_eq!((doc["mediaType"].as_str(), doc["layers"][0]["mediaType"].as_str()), (Some(OCI_MANIFEST), Some(OCI_LAYER)));
    }

    #[test]
    fn zstd_layers_cannot_become_docker() {
        let err = format!("{:#}", convert(&oci_manifest("application/vnd.oci.image.layer.v1.tar+zstd"), Some(ManifestFormat::V2s2)).unwrap_err());
        assert!(err.contains("zstd") && err.contains("--format oci"), "{err}");
    }

    #[test]
    fn destinations() {
        let record = ImageRecord {
            id: Digest::of_bytes(b"c"),
            manifest: Digest::of_bytes(b"m"),
            names: vec!["r.io/a/app:1".into(), "docker.io/library/busybox:latest".into()],
            repo_digests: vec![format!("r.io/b/app@{}", Digest::of_bytes(b"m"))],
            added: chrono::Utc::now(),
            size: 0,
            build_cache_key: None,
            intermediate: false,
        };
        assert_eq!(destination_of("r.io/a/app:1", None, &record).unwrap().to_string(), "r.io/a/app:1");
        assert_eq!(destination_of("busybox", Some("docker://r.io/c/d"), &record).unwrap().to_string(), "r.io/c/d:latest");
        assert!(destination_of("abc123", None, &record).unwrap_err().to_string().contains("give a destination"));
        assert!(destination_of("busybox", Some("oci:/tmp/x"), &record).unwrap_err().to_string().contains("pontoon save"));
        let dest = Reference::parse("r.io/c/d").unwrap();
        assert_eq!(mount_sources(&record, &dest), ["a/app", "b/app"]);
    }
}
