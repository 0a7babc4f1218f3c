//! `manifest push LIST DEST`: the list's images first (with `--all`, each
//! by its digest, so the index's references resolve on the registry), then
//! the index under DEST's tag. Images of the store go out as stored, so
//! their digests are those the index names; an entry added from a registry
//! is copied through the store's blobs.

use anyhow::{Context, Result};

use crate::engine::push::{push_record, PushOptions};
use crate::image::digest::Digest;
use crate::image::manifest::{Descriptor, Manifest};
use crate::image::reference::Reference;
use crate::image::registries::RegistriesConf;
use crate::registry::client::{Access, RegistryClient};
use crate::registry::progress::Progress;
use crate::store::images::ImageRecord;
use crate::store::manifests::{EntrySource, ListRecord};
use crate::store::Store;

pub struct ListPushOptions {
    /// Push the images the list names too (Podman's default).
    pub all: bool,
    /// `--format oci|v2s2`: the index's media type.
    pub format: Option<String>,
    pub authfile: Option<std::path::PathBuf>,
    /// `--rm`: remove the local list once pushed.
    pub remove: bool,
}

/// Pushes the list `name` to `destination` and returns the index's digest.
pub fn push(store: &Store, conf: &RegistriesConf, name: &str, destination: &str, opts: &ListPushOptions, progress: &Progress) -> Result<Digest> {
    let list = crate::engine::manifest::find(store, name)?;
    let given = destination.strip_prefix("docker://").unwrap_or(destination);
    let dest = Reference::parse(given)?;
    if dest.digest.is_some() {
        anyhow::bail!("manifest push to {destination}: a destination names a tag, not a digest");
    }
    let tag = dest.tag.clone().context("the destination has no tag")?;
    let what = format!("push manifest list {} to {dest}", list.name);
    if opts.all {
        let image_opts = PushOptions { format: None, authfile: opts.authfile.clone(), credentials: None };
        for entry in &list.index.manifests {
            let record = entry_record(store, conf, &list, entry, progress).with_context(|| what.clone())?;
            let digest = entry.digest.to_string();
            push_record(store, conf, &digest, record, dest.clone(), digest.clone(), &image_opts, progress).with_context(|| what.clone())?;
        }
    }
    let mut index = list.index.clone();
    let media_type = crate::engine::manifest::index_media_type(opts.format.as_deref(), &index)?;
    index.media_type = Some(media_type.clone());
    let bytes = serde_json::to_vec_pretty(&index).context("serialise the index")?;
    let registry_name = dest.name();
    let credentials = match &opts.authfile {
        Some(file) => crate::image::auth::lookup_in(std::slice::from_ref(file), &registry_name)?,
        None => crate::image::auth::lookup(&registry_name)?,
    };
    let client = RegistryClient::connect_for(crate::registry::resolve::endpoint(conf, &registry_name), credentials, Access::Push).with_context(|| what.clone())?;
    progress.note("Writing manifest list to image destination");
    let digest = crate::registry::push::put_manifest(&client, &tag, &media_type, &bytes).with_context(|| what.clone())?;
    if opts.remove {
        crate::engine::manifest::remove_list(store, &list.id)?;
    }
    Ok(digest)
}

/// The image record to push for one entry: the store's image of that
/// manifest, or (for an entry added from a registry) one made from the
/// manifest and blobs fetched into the store now.
fn entry_record(store: &Store, conf: &RegistriesConf, list: &ListRecord, entry: &Descriptor, progress: &Progress) -> Result<ImageRecord> {
    let images = store.images.list()?;
    if let Some(found) = images.iter().find(|i| i.manifest == entry.digest) {
        return Ok(found.clone());
    }
    let Some(EntrySource::Registry(source)) = list.sources.get(&entry.digest.to_string()) else {
        anyhow::bail!("image {} of the list is not in the store any more: pull it again, or pontoon manifest remove {} {}", entry.digest, list.name, entry.digest);
    };
    let (client, _, fetched) = crate::engine::manifest::fetch_remote(conf, source)?;
    let manifest: Manifest = serde_json::from_slice(&fetched.bytes).with_context(|| format!("manifest {source} is not an image manifest"))?;
    let mut blobs = manifest.layers.clone();
    blobs.push(manifest.config.clone());
    let _lock = store.lock_shared()?;
    crate::registry::fetch::fetch_all(&client, &store.blobs, &blobs, progress).with_context(|| format!("copy {source}"))?;
    store.blobs.put_bytes(&fetched.bytes)?;
    Ok(ImageRecord {
        id: manifest.config.digest.clone(),
        manifest: fetched.digest.clone(),
        names: Vec::new(),
        repo_digests: vec![source.clone()],
        added: chrono::Utc::now(),
        size: 0,
        build_cache_key: None,
        intermediate: false,
    })
}
