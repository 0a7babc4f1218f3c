//! The upload half of the distribution API, on top of `RegistryClient`
//! (which owns auth and retries): does a blob exist (HEAD), mount it from
//! another repository of the same registry, upload it monolithically (POST
//! an upload session, then PUT the whole blob with `?digest=`), and PUT a
//! manifest under a tag.
//!
//! Monolithic uploads are what skopeo and Podman send; every registry takes
//! them, while chunked PATCH uploads are where registries disagree most.

use std::io::{self, Read};

use crate::image::digest::Digest;
use crate::registry::client::{Body, RegistryClient};
use crate::registry::error::RegistryError;

/// Whether the registry already has `digest` in this repository.
pub fn blob_exists(client: &RegistryClient, digest: &Digest) -> Result<bool, RegistryError> {
    let what = format!("blob {digest}");
    match client.send("HEAD", &client.repo_url(&format!("blobs/{digest}")), &[], None, &what) {
        Ok(_) => Ok(true),
        Err(RegistryError::Status { status: 404, .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Asks the registry to link `digest` from repository `from` (same
/// registry) instead of receiving it again. `Ok(None)` means mounted;
/// otherwise the registry opened an ordinary upload and this is its URL,
/// which is what it does when `from` lacks the blob or may not be read.
pub fn mount(client: &RegistryClient, digest: &Digest, from: &str) -> Result<Option<String>, RegistryError> {
    let url = client.repo_url(&format!("blobs/uploads/?mount={digest}&from={from}"));
    let resp = client.send("POST", &url, &[("Content-Length", "0")], None, &format!("mount of blob {digest}"))?;
    if resp.status() == 201 {
        return Ok(None);
    }
    location(client, &resp, digest).map(Some)
}

/// Opens an upload session; returns where to send the blob.
pub fn start_upload(client: &RegistryClient, digest: &Digest) -> Result<String, RegistryError> {
    let url = client.repo_url("blobs/uploads/");
    let resp = client.send("POST", &url, &[("Content-Length", "0")], None, &format!("upload of blob {digest}"))?;
    location(client, &resp, digest)
}

/// Sends the whole blob to an upload session and completes it.
pub fn finish_upload(client: &RegistryClient, upload: &str, digest: &Digest, body: Body) -> Result<(), RegistryError> {
    let separator = if upload.contains('?') { '&' } else { '?' };
    let url = format!("{}{separator}digest={digest}", client.url(upload));
    client.send("PUT", &url, &[("Content-Type", "application/octet-stream")], Some(body), &format!("upload of blob {digest}"))?;
    Ok(())
}

/// Stores `bytes` as the manifest `tag` of the repository; returns the
/// digest the registry reports (or the bytes' own when it says none).
pub fn put_manifest(client: &RegistryClient, tag: &str, media_type: &str, bytes: &[u8]) -> Result<Digest, RegistryError> {
    let what = format!("manifest {}:{tag}", client.endpoint().repository);
    let body = || -> io::Result<(Box<dyn Read>, u64)> { Ok((Box::new(bytes), bytes.len() as u64)) };
    let resp = client.send("PUT", &client.repo_url(&format!("manifests/{tag}")), &[("Content-Type", media_type)], Some(&body), &what)?;
    let ours = Digest::of_bytes(bytes);
    match resp.header("Docker-Content-Digest").map(str::parse::<Digest>) {
        Some(Ok(theirs)) if theirs != ours => Err(RegistryError::Invalid {
            registry: client.endpoint().host.clone(),
            what,
            why: format!("it stored the manifest as {theirs}, but its content has digest {ours}"),
        }),
        _ => Ok(ours),
    }
}

/// The upload URL a POST answered with.
fn location(client: &RegistryClient, resp: &ureq::Response, digest: &Digest) -> Result<String, RegistryError> {
    resp.header("Location").filter(|l| !l.is_empty()).map(str::to_string).ok_or_else(|| RegistryError::Invalid {
        registry: client.endpoint().host.clone(),
        what: format!("answer to the upload of blob {digest}"),
        why: format!("HTTP {} without a Location header", resp.status()),
    })
}
