//! `login` and `logout`: credentials are checked against the registry
//! (`GET /v2/` through the challenge flow) before they are saved, so a typo
//! never lands in auth.json; they are written where Podman writes them
//! (REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json), mode
//! 0600, atomically (src/image/auth.rs).

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::image::auth::{self, Credentials};
use crate::image::reference::DEFAULT_REGISTRY;
use crate::image::registries::RegistriesConf;
use crate::registry::client::{Endpoint, RegistryClient};
use crate::registry::error::RegistryError;

/// The key credentials are stored under: the registry as typed, without a
/// scheme, API path or trailing slash; Docker Hub's many names are `docker.io`.
pub fn registry_key(input: &str) -> Result<String> {
    let mut key = input.trim();
    for scheme in ["https://", "http://"] {
        key = key.strip_prefix(scheme).unwrap_or(key);
    }
    let mut key = key.trim_end_matches('/');
    for api in ["/v1", "/v2"] {
        key = key.strip_suffix(api).unwrap_or(key);
    }
    if key.is_empty() || key.contains(['@', ' ']) {
        bail!("invalid registry {input:?}: give a host[:port], optionally with a repository path, e.g. quay.io or localhost:5000/team");
    }
    Ok(match key {
        "index.docker.io" | "registry-1.docker.io" | "registry.hub.docker.com" => DEFAULT_REGISTRY.to_string(),
        other => other.to_string(),
    })
}

/// The file `login` and `logout` change.
pub fn auth_file(authfile: Option<&Path>) -> PathBuf {
    authfile.map(Path::to_path_buf).unwrap_or_else(auth::default_write_file)
}

/// Credentials already saved for `key`, if any.
pub fn saved(key: &str, authfile: Option<&Path>) -> Result<Option<Credentials>> {
    match authfile {
        Some(file) => auth::lookup_in(&[file.to_path_buf()], key),
        None => auth::lookup(key),
    }
}

/// Checks `creds` against the registry of `key`.
pub fn verify(conf: &RegistriesConf, key: &str, creds: &Credentials) -> Result<()> {
    let host = key.split('/').next().unwrap_or(key);
    let insecure = conf.find(key).is_some_and(|e| e.insecure);
    let result = RegistryClient::connect(Endpoint::from_name(host, insecure).with_tls_verify(conf.tls_verify), Some(creds.clone())).and_then(|c| c.check_login());
    match result {
        Ok(()) => Ok(()),
        Err(RegistryError::BadCredentials { .. } | RegistryError::Denied { .. }) => {
            bail!("login to {key} failed: unauthorized: check the user name and password")
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!("login to {key} failed"))),
    }
}

/// Verifies `creds`, then saves them; returns the file written.
pub fn login(conf: &RegistriesConf, key: &str, creds: &Credentials, authfile: Option<&Path>) -> Result<PathBuf> {
    verify(conf, key, creds)?;
    let file = auth_file(authfile);
    auth::store(&file, key, creds)?;
    Ok(file)
}

/// Removes the credentials for `key`.
pub fn logout(key: &str, authfile: Option<&Path>) -> Result<()> {
    let file = auth_file(authfile);
    if auth::remove(&file, key)? {
        return Ok(());
    }
    // Credentials pontoon uses but did not write (Docker's config.json, the
    // XDG config file): say where they are rather than only "not logged in".
    if authfile.is_none() {
        for other in auth::auth_files().iter().filter(|f| **f != file) {
            if auth::lookup_in(std::slice::from_ref(other), key)?.is_some() {
                bail!("not logged into {key} in {}; credentials for it are in {}: remove them with `pontoon logout --authfile {} {key}`", file.display(), other.display(), other.display());
            }
        }
    }
    bail!("not logged into {key}")
}

/// Removes every saved credential from the file; returns whether any were there.
pub fn logout_all(authfile: Option<&Path>) -> Result<bool> {
    auth::remove_all(&auth_file(authfile))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_keys_are_normalised() {
        assert_eq!(registry_key("https://quay.io/").unwrap(), "quay.io");
        assert_eq!(registry_key("localhost:5000/team").unwrap(), "localhost:5000/team");
        assert_eq!(registry_key("https://index.docker.io/v1/").unwrap(), "docker.io");
        assert_eq!(registry_key("http://127.0.0.1:5000/v2/").unwrap(), "127.0.0.1:5000");
        assert!(registry_key("").is_err() && registry_key("r.io/a@sha256:x").is_err());
    }

    #[test]
    fn logout_without_credentials_fails() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("auth.json");
        let err = logout("r.io", Some(&file)).unwrap_err().to_string();
        assert_eq!(err, "not logged into r.io");
        auth::store(&file, "r.io", &Credentials { username: "u".into(), password: "p".into() }).unwrap();
        logout("r.io", Some(&file)).unwrap();
        assert!(saved("r.io", Some(&file)).unwrap().is_none());
    }
}
