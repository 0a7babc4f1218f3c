//! `pull`: resolve a name through registries.conf, fetch the manifest from
//! the first source that has it (mirrors, then the registry), pick the
//! platform from an index, download the missing blobs in parallel, unpack
//! the layers in order and record the image under its normalised name.
//!
//! Nothing partial becomes visible: blobs appear only once verified, layers
//! only once unpacked and verified, and the config and manifest are stored
//! last, so a failed pull leaves no manifest or image behind (downloaded
//! layers stay, as a cache for the next attempt). The store lock is held
//! shared for the whole pull so that garbage collection cannot remove what
//! the pull wrote before the image is recorded.

use anyhow::{bail, Context, Result};

use crate::engine::images::record_image;
use crate::image::auth;
use crate::image::digest::Digest;
use crate::image::manifest::{is_index, ImageConfig, Index, Manifest, Platform};
use crate::image::reference::Reference;
use crate::image::registries::RegistriesConf;
use crate::registry::client::{Endpoint, FetchedManifest, RegistryClient};
use crate::registry::progress::Progress;
use crate::registry::{fetch, resolve, stale};
use crate::store::Store;

#[derive(Clone, Debug, Default)]
pub struct PullOptions {
    /// The platform to pick from an index; the host's when `None`.
    pub platform: Option<Platform>,
    /// `--creds`: these instead of the saved credentials.
    pub credentials: Option<auth::Credentials>,
}

/// Pulls `input` and returns the image Id.
pub fn pull(store: &Store, conf: &RegistriesConf, input: &str, opts: &PullOptions, progress: &Progress) -> Result<Digest> {
    let reference = Reference::parse(input)?;
    let candidates = resolve::candidates(conf, &reference, input).with_context(|| format!("pull {input}"))?;
    let _lock = store.lock_shared()?;
    stale::clean(&store.paths.root.join("tmp"))?;
    store.layers.remove_stale_temps()?;
    let mut errors = Vec::new();
    for candidate in &candidates {
        progress.note(&format!("Trying to pull {candidate}..."));
        match pull_reference(store, conf, candidate, opts, progress) {
            Ok(id) => {
                crate::engine::events::emit(store, crate::engine::events::Event::image("pull", &id.to_string(), &candidate.to_string()));
                return Ok(id);
            }
            Err(e) => errors.push(e.context(format!("pull {candidate}"))),
        }
    }
    match errors.len() {
        1 => Err(errors.remove(0)),
        _ => {
            let all: Vec<String> = errors.iter().map(crate::errors::one_line).collect();
            bail!("{input} was found in none of the search registries: {}", all.join("; "))
        }
    }
}

/// Podman's `pull --policy`: when the registry is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PullPolicy {
    Always,
    Missing,
    Never,
}

impl PullPolicy {
    pub fn parse(text: &str) -> Result<PullPolicy> {
        match text {
            "always" => Ok(PullPolicy::Always),
            "missing" => Ok(PullPolicy::Missing),
            "never" => Ok(PullPolicy::Never),
            "newer" => bail!("pull --policy newer is not supported: pontoon does not compare with the registry first; --policy always pulls, fetching only the layers that are missing"),
            other => bail!("invalid pull --policy {other:?}: use always, missing or never"),
        }
    }
}

/// The local image `policy` settles for instead of a pull: none for
/// `always`, the stored one (if any) for `missing`, and for `never` the
/// stored one or an error.
pub fn local_for_policy(store: &Store, input: &str, policy: PullPolicy) -> Result<Option<Digest>> {
    match policy {
        PullPolicy::Always => Ok(None),
        PullPolicy::Missing => Ok(crate::engine::images::resolve(store, input).ok().map(|r| r.id)),
        PullPolicy::Never => match crate::engine::images::resolve(store, input) {
            Ok(record) => Ok(Some(record.id)),
            // An engine error (125) as Podman's, not "no such image" (1): the pull failed.
            Err(_) => bail!("pull --policy never: {input} is not in the local store, and the registry is not asked"),
        },
    }
}

/// Pulls every tag of `input`'s repository; returns the Ids pulled.
pub fn pull_all_tags(store: &Store, conf: &RegistriesConf, input: &str, opts: &PullOptions, progress: &Progress) -> Result<Vec<Digest>> {
    let reference = Reference::parse(input)?;
    if reference.digest.is_some() || input.split('/').next_back().is_some_and(|last| last.contains(':')) {
        bail!("pull {input}: --all-tags takes a repository name without a tag or digest");
    }
    let candidate = resolve::candidates(conf, &reference, input)?.remove(0);
    let tags = first_source_with(conf, &candidate, opts.credentials.as_ref(), |client| Ok(client.tags()?)).with_context(|| format!("list tags of {}", candidate.name()))?.1;
    let mut ids = Vec::new();
    for tag in tags {
        let tagged = format!("{}:{tag}", candidate.name());
        ids.push(pull(store, conf, &tagged, opts, progress)?);
    }
    Ok(ids)
}

/// Tries `action` against each source of `reference` until one succeeds.
/// When all fail, the origin's error comes first and what each mirror said
/// follows, so a mirror's "manifest unknown" is not hidden behind an
/// unreachable origin.
pub(crate) fn first_source<T>(conf: &RegistriesConf, reference: &Reference, action: impl FnMut(&RegistryClient) -> Result<T>) -> Result<(RegistryClient, T)> {
    first_source_with(conf, reference, None, action)
}

/// [`first_source`] with `credentials` (`--creds`) instead of the saved ones.
fn first_source_with<T>(
    conf: &RegistriesConf,
    reference: &Reference,
    credentials: Option<&auth::Credentials>,
    mut action: impl FnMut(&RegistryClient) -> Result<T>,
) -> Result<(RegistryClient, T)> {
    let mut failures = Vec::new();
    for endpoint in resolve::sources(conf, reference)? {
        let host = endpoint.host.clone();
        match connect(endpoint, credentials).and_then(|client| action(&client).map(|v| (client, v))) {
            Ok(found) => return Ok(found),
            Err(e) => failures.push((host, e)),
        }
    }
    let (_, origin) = failures.pop().context("registries.conf gives no source")?;
    if failures.is_empty() {
        return Err(origin);
    }
    let mirrors: Vec<String> = failures.iter().map(|(host, e)| format!("mirror {host}: {}", crate::errors::one_line(e))).collect();
    Err(anyhow::anyhow!("{} (also tried {})", crate::errors::one_line(&origin), mirrors.join("; ")))
}

fn connect(endpoint: Endpoint, given: Option<&auth::Credentials>) -> Result<RegistryClient> {
    let name = format!("{}/{}", endpoint.host, endpoint.repository);
    let credentials = match given {
        Some(c) => Some(c.clone()),
        None => auth::lookup(&name)?,
    };
    Ok(RegistryClient::connect(endpoint, credentials)?)
}

fn pull_reference(store: &Store, conf: &RegistriesConf, reference: &Reference, opts: &PullOptions, progress: &Progress) -> Result<Digest> {
    let selector = reference.manifest_selector();
    let (client, top) = first_source_with(conf, reference, opts.credentials.as_ref(), |client| Ok(client.manifest(&selector)?))?;
    progress.note("Getting image source signatures");
    let platform = opts.platform.clone().unwrap_or_else(Platform::host);
    let (manifest_bytes, manifest_digest) = if is_index(&top.media_type) {
        let chosen = choose_platform(&top, &platform, &client.endpoint().host)?;
        let fetched = client.manifest(&chosen.to_string())?;
        if is_index(&fetched.media_type) {
            bail!("the manifest for {platform_name} in {reference} is itself an index; nested indexes are not supported", platform_name = show(&platform));
        }
        (fetched.bytes, fetched.digest)
    } else {
        (top.bytes.clone(), top.digest.clone())
    };
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .with_context(|| format!("manifest {manifest_digest} of {reference} from {} is not an OCI or Docker schema 2 image manifest", client.endpoint().host))?;

    // Held for the rest of the pull: a parallel pull of the same image
    // waits here, then finds the config (stored last) and every blob in the
    // store. Other images sharing layers meet at the per-blob locks.
    let _image_lock = store.blobs.lock(&manifest.config.digest)?;
    let (config_bytes, config_known) = match store.blobs.read(&manifest.config.digest) {
        Ok(bytes) if Digest::of_bytes(&bytes) == manifest.config.digest => (bytes, true),
        _ => (fetch::fetch_small(&client, &manifest.config.digest)?, false),
    };
    let config: ImageConfig = serde_json::from_slice(&config_bytes).with_context(|| format!("parse image config {}", manifest.config.digest))?;
    if config.rootfs.diff_ids.len() != manifest.layers.len() {
        bail!(
            "image {reference} is inconsistent: its manifest lists {} layers but its config {} diff_ids",
            manifest.layers.len(),
            config.rootfs.diff_ids.len()
        );
    }

    let mut missing = Vec::new();
    for layer in &manifest.layers {
        if store.blobs.has(&layer.digest) {
            progress.skipped("blob", &layer.digest);
        } else if !missing.iter().any(|d: &crate::image::manifest::Descriptor| d.digest == layer.digest) {
            missing.push(layer.clone());
        }
    }
    let layers: Vec<_> = manifest.layers.iter().cloned().zip(config.rootfs.diff_ids.iter().cloned()).collect();
    crate::engine::pull_layers::fetch_and_unpack(store, &client, reference, &missing, &layers, progress)?;

    store.blobs.put_bytes(&config_bytes)?;
    if config_known {
        progress.skipped("config", &manifest.config.digest);
    } else {
        progress.note(&format!("Copying config {} done", manifest.config.digest));
    }
    progress.note("Writing manifest to image destination");
    store.blobs.put_bytes(&manifest_bytes)?;
    if top.digest != manifest_digest {
        store.blobs.put_bytes(&top.bytes)?;
    }
    let names = match (&reference.digest, reference.tagged_name()) {
        (None, Some(tagged)) => vec![tagged],
        _ => Vec::new(),
    };
    // Docker shows the digest the name resolved to: the index's for a
    // multi-platform image.
    let repo_digests = vec![format!("{}@{}", reference.name(), top.digest)];
    let record = record_image(store, &manifest_digest, names, repo_digests)?;
    Ok(record.id)
}

/// The manifest digest for `platform` in an index.
fn choose_platform(top: &FetchedManifest, platform: &Platform, registry: &str) -> Result<Digest> {
    let index: Index = serde_json::from_slice(&top.bytes).with_context(|| format!("index {} from {registry} is not valid", top.digest))?;
    match index.select(platform) {
        Some(desc) => Ok(desc.digest.clone()),
        None => {
            let available: Vec<String> = index.manifests.iter().filter_map(|d| d.platform.as_ref()).map(show).collect();
            bail!(
                "no image for platform {} in index {}; it has {}; choose one with --platform",
                show(platform),
                top.digest,
                if available.is_empty() { "no platforms".to_string() } else { available.join(", ") }
            )
        }
    }
}

fn show(p: &Platform) -> String {
    match &p.variant {
        Some(v) => format!("{}/{}/{v}", p.os, p.architecture),
        None => format!("{}/{}", p.os, p.architecture),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(platforms: &[&str]) -> FetchedManifest {
        let manifests: Vec<serde_json::Value> = platforms
            .iter()
            .map(|p| {
                let p = Platform::parse(p).unwrap();
                serde_json::json!({
                    "mediaType": crate::image::manifest::OCI_MANIFEST,
                    "digest": Digest::of_bytes(show(&p).as_bytes()).to_string(),
                    "size": 1,
                    "platform": p,
                })
            })
            .collect();
        let bytes = serde_json::to_vec(&serde_json::json!({"schemaVersion": 2, "manifests": manifests})).unwrap();
        FetchedManifest { digest: Digest::of_bytes(&bytes), bytes, media_type: crate::image::manifest::OCI_INDEX.into() }
    }

    #[test]
    fn picks_the_asked_platform_or_says_what_exists() {
        let top = index_of(&["linux/amd64", "linux/arm64/v8", "linux/arm/v7"]);
        let arm64 = choose_platform(&top, &Platform::parse("linux/arm64").unwrap(), "r").unwrap();
        assert_eq!(arm64, Digest::of_bytes(b"linux/arm64/v8"));
        let amd64 = choose_platform(&top, &Platform::parse("linux/amd64").unwrap(), "r").unwrap();
        assert_eq!(amd64, Digest::of_bytes(b"linux/amd64"));
        let err = choose_platform(&top, &Platform::parse("linux/s390x").unwrap(), "r").unwrap_err().to_string();
        assert!(err.contains("linux/s390x") && err.contains("linux/arm/v7") && err.contains("--platform"), "{err}");
    }
}
