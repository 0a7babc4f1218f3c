//! Manifest lists (`manifest create|add|annotate|remove|rm|inspect|
//! exists`): an OCI index or Docker manifest list whose entries are images
//! of the store or of a registry, kept in store::manifests and pushed by
//! engine::manifest_push. A list's name lives beside image names: one
//! name is never both.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use chrono::Utc;

use crate::image::digest::Digest;
use crate::image::manifest::{is_index, Descriptor, ImageConfig, Index, Platform, DOCKER_MANIFEST_LIST, OCI_INDEX, OCI_MANIFEST};
use crate::image::reference::Reference;
use crate::image::registries::RegistriesConf;
use crate::registry::client::RegistryClient;
use crate::store::manifests::{EntrySource, ListRecord, ManifestListStore};
use crate::store::Store;

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{0}: no such manifest list: create it with pontoon manifest create {0}")]
    NoSuchList(String),
    #[error("manifest list {0} already exists: add images with pontoon manifest add, or use --amend")]
    ListExists(String),
    #[error("manifest list {list} has no entry {digest}: see its digests with pontoon manifest inspect {list}")]
    NoSuchEntry { list: String, digest: String },
}

pub fn is_no_such_list(e: &anyhow::Error) -> bool {
    e.chain().any(|c| matches!(c.downcast_ref::<ManifestError>(), Some(ManifestError::NoSuchList(_))))
}

/// What `manifest add` and `annotate` set on an entry.
#[derive(Debug, Default, Clone)]
pub struct EntryOptions {
    pub os: Option<String>,
    pub arch: Option<String>,
    pub variant: Option<String>,
    pub os_version: Option<String>,
    /// `--os-features`, and `--features` (CPU features): replace the entry's.
    pub os_features: Vec<String>,
    pub features: Vec<String>,
    pub annotations: BTreeMap<String, String>,
}

fn lists(store: &Store) -> ManifestListStore {
    ManifestListStore::new(&store.paths.root)
}

/// A list's full name, as Podman gives one: a name without a registry is
/// under `localhost/`, a name without a tag is `:latest`.
pub fn normalise(name: &str) -> Result<String> {
    let first = name.split('/').next().unwrap_or_default();
    let qualified = if name.contains('/') && (first.contains('.') || first.contains(':') || first == "localhost") { name.to_string() } else { format!("localhost/{name}") };
    let reference = Reference::parse(&qualified).with_context(|| format!("invalid manifest list name {name:?}"))?;
    if reference.digest.is_some() {
        bail!("invalid manifest list name {name:?}: a list is named by a tag, not a digest");
    }
    reference.tagged_name().with_context(|| format!("invalid manifest list name {name:?}"))
}

/// The list `name` names (its name, full name or Id).
pub fn find(store: &Store, name: &str) -> Result<ListRecord> {
    let all = lists(store).list()?;
    find_in(&all, name).cloned()
}

fn find_in<'a>(all: &'a [ListRecord], name: &str) -> Result<&'a ListRecord> {
    let full = normalise(name).ok();
    all.iter()
        .find(|l| l.name == name || Some(&l.name) == full.as_ref() || l.id == name || (name.len() >= 12 && l.id.starts_with(name)))
        .ok_or_else(|| ManifestError::NoSuchList(name.to_string()).into())
}

/// `manifest create LIST [IMAGE...]`: a new, empty Docker manifest list
/// (Podman's default type), or with `amend` the existing one; then the images.
pub fn create(store: &Store, conf: &RegistriesConf, name: &str, images: &[String], all: bool, amend: bool) -> Result<ListRecord> {
    let full = normalise(name)?;
    let existing = find(store, &full).ok();
    match (&existing, amend) {
        (Some(_), false) => return Err(ManifestError::ListExists(full).into()),
        (Some(_), true) => {}
        (None, _) => {
            // The name as images take it (docker.io/library/NAME) or as lists do (localhost/NAME).
            let as_image = Reference::parse(name).ok().and_then(|r| r.tagged_name());
            for candidate in [Some(full.clone()), as_image].into_iter().flatten() {
                if let Some(image) = store.images.list()?.into_iter().find(|i| i.names.contains(&candidate)) {
                    bail!("{name} is already the name of image {}: choose another list name, or pontoon untag the image", &image.id.hex()[..12]);
                }
            }
            let record = ListRecord {
                id: crate::store::containers::new_id(),
                name: full.clone(),
                index: Index { schema_version: 2, media_type: Some(DOCKER_MANIFEST_LIST.to_string()), manifests: Vec::new(), annotations: None },
                created: Utc::now(),
                sources: BTreeMap::new(),
            };
            lists(store).update(|all| {
                if all.iter().any(|l| l.name == full) {
                    return Err(ManifestError::ListExists(full.clone()).into());
                }
                all.push(record);
                Ok(())
            })?;
        }
    }
    for image in images {
        add(store, conf, &full, image, all, &EntryOptions::default())?;
    }
    find(store, &full)
}

/// `manifest add LIST IMAGE`: the image's manifest (every manifest of an
/// index with `all`, else the one for the asked or host platform) joins
/// the list; an entry of the same digest is replaced. Returns the list.
pub fn add(store: &Store, conf: &RegistriesConf, list: &str, image: &str, all: bool, opts: &EntryOptions) -> Result<ListRecord> {
    let target = find(store, list)?;
    let mut entries = entries_of(store, conf, image, all, opts).with_context(|| format!("manifest add {image} to {}", target.name))?;
    for (desc, _) in &mut entries {
        apply(desc, opts);
    }
    lists(store).update(|lists| {
        let l = lists.iter_mut().find(|l| l.id == target.id).ok_or_else(|| ManifestError::NoSuchList(list.to_string()))?;
        for (desc, source) in entries {
            l.index.manifests.retain(|m| m.digest != desc.digest);
            l.sources.insert(desc.digest.to_string(), source);
            l.index.manifests.push(desc);
        }
        Ok(l.clone())
    })
}

/// The descriptors `image` gives: from the store unless it says
/// `docker://` or the store lacks it, else from its registry.
fn entries_of(store: &Store, conf: &RegistriesConf, image: &str, all: bool, opts: &EntryOptions) -> Result<Vec<(Descriptor, EntrySource)>> {
    if let Some(local) = image.strip_prefix("containers-storage:") {
        return Ok(vec![(local_descriptor(store, local)?, EntrySource::Local)]);
    }
    if !image.starts_with("docker://") {
        match local_descriptor(store, image) {
            Ok(d) => return Ok(vec![(d, EntrySource::Local)]),
            Err(e) if !matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::ImageNotFound(_))) => return Err(e),
            Err(_) => {}
        }
    }
    remote_entries(conf, image.strip_prefix("docker://").unwrap_or(image), all, opts)
}

/// The descriptor of a stored image: its manifest, with the platform its config names.
fn local_descriptor(store: &Store, image: &str) -> Result<Descriptor> {
    let record = crate::engine::images::resolve(store, image)?;
    let bytes = store.blobs.read(&record.manifest).with_context(|| format!("read the manifest of {image}"))?;
    let config: ImageConfig = serde_json::from_slice(&store.blobs.read(&record.id)?).with_context(|| format!("parse the config of {image}"))?;
    Ok(Descriptor {
        media_type: manifest_media_type(&bytes),
        digest: record.manifest.clone(),
        size: bytes.len() as u64,
        platform: Some(platform_of(&config)),
        annotations: None,
        urls: None,
    })
}

fn manifest_media_type(bytes: &[u8]) -> String {
    let doc: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
    match doc.get("mediaType").and_then(|m| m.as_str()) {
        Some(m) => m.to_string(),
        None if doc.pointer("/config/mediaType").and_then(|m| m.as_str()) == Some("application/vnd.docker.container.image.v1+json") => {
            "application/vnd.docker.distribution.manifest.v2+json".to_string()
        }
        None => OCI_MANIFEST.to_string(),
    }
}

fn platform_of(config: &ImageConfig) -> Platform {
    let or = |s: &str, d: &str| if s.is_empty() { d.to_string() } else { s.to_string() };
    Platform { architecture: or(&config.architecture, "amd64"), os: or(&config.os, "linux"), variant: config.variant.clone(), ..Default::default() }
}

fn remote_entries(conf: &RegistriesConf, image: &str, all: bool, opts: &EntryOptions) -> Result<Vec<(Descriptor, EntrySource)>> {
    let (client, reference, top) = fetch_remote(conf, image)?;
    let source = |d: &Digest| EntrySource::Registry(format!("{}@{d}", reference.name()));
    if is_index(&top.media_type) {
        let index: Index = serde_json::from_slice(&top.bytes).with_context(|| format!("index {} of {image} is not valid", top.digest))?;
        if all {
            return Ok(index.manifests.iter().map(|d| (d.clone(), source(&d.digest))).collect());
        }
        let host = Platform::host();
        let wanted = Platform {
            os: opts.os.clone().unwrap_or(host.os),
            architecture: opts.arch.clone().unwrap_or(host.architecture),
            variant: opts.variant.clone(),
            ..Default::default()
        };
        let chosen = index.select(&wanted).with_context(|| format!("{image} has no image for {}/{}: use --all, or --arch", wanted.os, wanted.architecture))?;
        return Ok(vec![(chosen.clone(), source(&chosen.digest))]);
    }
    let manifest: crate::image::manifest::Manifest = serde_json::from_slice(&top.bytes).with_context(|| format!("manifest {} of {image} is not valid", top.digest))?;
    let config: ImageConfig = serde_json::from_slice(&crate::registry::fetch::fetch_small(&client, &manifest.config.digest)?).context("parse the image's config")?;
    let desc = Descriptor { media_type: top.media_type.clone(), digest: top.digest.clone(), size: top.bytes.len() as u64, platform: Some(platform_of(&config)), annotations: None, urls: None };
    Ok(vec![(desc.clone(), source(&desc.digest))])
}

/// Fetches `image`'s manifest or index from the first source that has it.
pub fn fetch_remote(conf: &RegistriesConf, image: &str) -> Result<(RegistryClient, Reference, crate::registry::client::FetchedManifest)> {
    let reference = Reference::parse(image)?;
    let candidate = crate::registry::resolve::candidates(conf, &reference, image)?.remove(0);
    let selector = candidate.manifest_selector();
    let (client, top) = crate::engine::pull::first_source(conf, &candidate, |c| Ok(c.manifest(&selector)?))?;
    Ok((client, candidate, top))
}

fn apply(desc: &mut Descriptor, opts: &EntryOptions) {
    let platform = desc.platform.get_or_insert_with(Platform::host);
    if let Some(os) = &opts.os {
        platform.os = os.clone();
    }
    if let Some(arch) = &opts.arch {
        platform.architecture = arch.clone();
    }
    if let Some(v) = &opts.variant {
        platform.variant = Some(v.clone()).filter(|v| !v.is_empty());
    }
    if let Some(v) = &opts.os_version {
        platform.os_version = Some(v.clone()).filter(|v| !v.is_empty());
    }
    if !opts.os_features.is_empty() {
        platform.os_features = Some(opts.os_features.clone());
    }
    if !opts.features.is_empty() {
        platform.features = Some(opts.features.clone());
    }
    if !opts.annotations.is_empty() {
        desc.annotations.get_or_insert_with(BTreeMap::new).extend(opts.annotations.clone());
    }
}

/// `manifest annotate LIST DIGEST`: changes an entry's platform or annotations.
pub fn annotate(store: &Store, list: &str, digest: &str, opts: &EntryOptions) -> Result<ListRecord> {
    let target = find(store, list)?;
    lists(store).update(|lists| {
        let l = lists.iter_mut().find(|l| l.id == target.id).ok_or_else(|| ManifestError::NoSuchList(list.to_string()))?;
        let entry = find_entry(&mut l.index.manifests, digest).ok_or_else(|| ManifestError::NoSuchEntry { list: target.name.clone(), digest: digest.to_string() })?;
        apply(entry, opts);
        Ok(l.clone())
    })
}

fn find_entry<'a>(entries: &'a mut [Descriptor], digest: &str) -> Option<&'a mut Descriptor> {
    let wanted = if digest.contains(':') { digest.to_string() } else { format!("sha256:{digest}") };
    entries.iter_mut().find(|d| d.digest.to_string() == wanted)
}

/// `manifest remove LIST DIGEST`: the entry leaves the list (the image stays).
pub fn remove_entry(store: &Store, list: &str, digest: &str) -> Result<ListRecord> {
    let target = find(store, list)?;
    lists(store).update(|lists| {
        let l = lists.iter_mut().find(|l| l.id == target.id).ok_or_else(|| ManifestError::NoSuchList(list.to_string()))?;
        let Some(found) = find_entry(&mut l.index.manifests, digest).map(|d| d.digest.clone()) else {
            return Err(ManifestError::NoSuchEntry { list: target.name.clone(), digest: digest.to_string() }.into());
        };
        l.index.manifests.retain(|d| d.digest != found);
        l.sources.remove(&found.to_string());
        Ok(l.clone())
    })
}

/// `manifest rm LIST`: the list goes, its images stay.
pub fn remove_list(store: &Store, list: &str) -> Result<ListRecord> {
    let target = find(store, list)?;
    lists(store).update(|lists| {
        lists.retain(|l| l.id != target.id);
        Ok(target.clone())
    })
}

/// The index as Podman prints it: `schemaVersion`, `mediaType`, `manifests`.
pub fn index_json(index: &Index) -> Result<String> {
    serde_json::to_string_pretty(index).context("serialise the index")
}

/// `manifest inspect` of a list of the store, else of an image on a registry.
pub fn inspect(store: &Store, conf: &RegistriesConf, name: &str) -> Result<String> {
    if !name.starts_with("docker://") {
        match find(store, name) {
            Ok(l) => return index_json(&l.index),
            Err(e) if !is_no_such_list(&e) => return Err(e),
            Err(e) if Reference::parse(name).is_err() => return Err(e),
            Err(_) => {}
        }
    }
    let image = name.strip_prefix("docker://").unwrap_or(name);
    let (_, _, top) = fetch_remote(conf, image).with_context(|| format!("{name}: no such manifest list in the store, nor an image its registry could give"))?;
    let doc: serde_json::Value = serde_json::from_slice(&top.bytes).with_context(|| format!("the manifest of {image} is not JSON"))?;
    serde_json::to_string_pretty(&doc).context("serialise the manifest")
}

/// The index's media type for `--format`: oci or v2s2 (Docker's list).
pub fn index_media_type(format: Option<&str>, index: &Index) -> Result<String> {
    Ok(match format {
        None => index.media_type.clone().unwrap_or_else(|| OCI_INDEX.to_string()),
        Some("oci") => OCI_INDEX.to_string(),
        Some("v2s2") | Some("docker") => DOCKER_MANIFEST_LIST.to_string(),
        Some(other) => bail!("invalid --format {other:?}: use oci or v2s2"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_names_are_under_localhost_unless_they_name_a_registry() {
        assert_eq!(normalise("mylist").unwrap(), "localhost/mylist:latest");
        assert_eq!(normalise("team/list:v1").unwrap(), "localhost/team/list:v1");
        assert_eq!(normalise("r.io:5000/team/list").unwrap(), "r.io:5000/team/list:latest");
        assert!(normalise("Bad:Name:x").is_err());
    }

    #[test]
    fn annotate_sets_platform_and_annotations() {
        let mut d = Descriptor { media_type: OCI_MANIFEST.into(), digest: Digest::of_bytes(b"m"), size: 1, platform: None, annotations: None, urls: None };
        let opts = EntryOptions { arch: Some("arm64".into()), variant: Some("v8".into()), annotations: [("a".to_string(), "b".to_string())].into(), ..Default::default() };
        apply(&mut d, &opts);
        let p = d.platform.as_ref().unwrap();
        assert_eq!((p.architecture.as_str(), p.os.as_str(), p.variant.as_deref()), ("arm64", "linux", Some("v8")));
        assert_eq!(d.annotations.unwrap()["a"], "b");
    }
}
