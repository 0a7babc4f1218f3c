//! Secrets, as Podman's file driver keeps them: `secret create|ls|inspect|
//! rm|exists`, and what `run --secret` does with them. A container gets a
//! private copy at create (Podman's rule: removing or replacing the secret
//! later does not change what a container already has), so `secret rm`
//! of a secret containers use is allowed, as in Podman.
//!
//! The data never leaves this module except into that copy and a type=env
//! variable of the container's process: no message, record or JSON here
//! holds it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::Utc;
use serde_json::{json, Value};

use crate::spec::container::ContainerSpec;
use crate::spec::secret::SecretKind;
use crate::store::atomic::write_atomic_with;
use crate::store::secrets::{new_id, SecretRecord, SecretStore, FILE_DRIVER};
use crate::store::Store;

/// Podman's limit on a secret's size.
pub const MAX_SIZE: usize = 512_000;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("no secret with name or id {0:?}: no such secret")]
    NoSuchSecret(String),
    #[error("{0}: secret name in use: remove it first (pontoon secret rm {0}) or use --replace")]
    NameInUse(String),
}

pub fn is_no_such_secret(e: &anyhow::Error) -> bool {
    e.chain().any(|c| matches!(c.downcast_ref::<SecretError>(), Some(SecretError::NoSuchSecret(_))))
}

/// What `secret create` was asked besides the name and data.
#[derive(Debug, Default)]
pub struct CreateOptions {
    pub driver: Option<String>,
    pub driver_options: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    /// `--replace`: an existing secret of that name gets the new data (and keeps its Id).
    pub replace: bool,
}

fn secret_store(store: &Store) -> SecretStore {
    SecretStore::new(&store.paths.root)
}

/// Podman's rule for secret names.
pub fn validate_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = name.len() <= 253
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        bail!("invalid secret name {name:?}: use 1 to 253 characters of [a-zA-Z0-9_.-], starting with a letter or digit");
    }
    Ok(())
}

/// Stores a new secret (or, with `replace`, new data for an existing one)
/// and returns its record.
pub fn create(store: &Store, name: &str, data: &[u8], opts: CreateOptions) -> Result<SecretRecord> {
    validate_name(name)?;
    if data.is_empty() || data.len() >= MAX_SIZE {
        bail!("secret {name}: the data must be more than 0 and less than {MAX_SIZE} bytes, not {}", data.len());
    }
    let driver = opts.driver.as_deref().unwrap_or(FILE_DRIVER);
    if driver != FILE_DRIVER {
        bail!("secret {name}: unknown driver {driver:?}: only \"file\" exists here");
    }
    let secrets = secret_store(store);
    let _lock = secrets.lock()?;
    let existing = secrets.list()?.into_iter().find(|s| s.name == name);
    let now = Utc::now();
    let mut driver_options = opts.driver_options;
    driver_options.insert("path".into(), secrets.data_dir().display().to_string());
    let record = match existing {
        Some(_) if !opts.replace => return Err(SecretError::NameInUse(name.to_string()).into()),
        Some(old) => SecretRecord { updated: now, labels: opts.labels, driver_options, ..old },
        None => SecretRecord { id: new_id(), name: name.to_string(), driver: driver.to_string(), driver_options, labels: opts.labels, created: now, updated: now },
    };
    secrets.write(&record, data)?;
    Ok(record)
}

pub fn list(store: &Store) -> Result<Vec<SecretRecord>> {
    secret_store(store).list()
}

/// A secret by exact name, else exact Id, else a unique Id prefix.
pub fn find(store: &Store, name_or_id: &str) -> Result<SecretRecord> {
    find_in(list(store)?, name_or_id)
}

fn find_in(all: Vec<SecretRecord>, key: &str) -> Result<SecretRecord> {
    if let Some(s) = all.iter().find(|s| s.name == key || s.id == key) {
        return Ok(s.clone());
    }
    let mut prefixed = all.into_iter().filter(|s| !key.is_empty() && s.id.starts_with(key));
    match (prefixed.next(), prefixed.next()) {
        (Some(s), None) => Ok(s),
        (Some(_), Some(_)) => Err(crate::errors::PontoonError::Ambiguous { prefix: key.to_string(), what: "secret" }.into()),
        _ => Err(SecretError::NoSuchSecret(key.to_string()).into()),
    }
}

/// Removes a secret. Containers created with it keep their copy.
pub fn remove(store: &Store, name_or_id: &str) -> Result<SecretRecord> {
    let secrets = secret_store(store);
    let _lock = secrets.lock()?;
    let record = find_in(secrets.list()?, name_or_id)?;
    secrets.remove(&record)?;
    Ok(record)
}

/// A secret's data, for `secret inspect --showsecret` (Podman's SecretData).
pub fn data(store: &Store, record: &SecretRecord) -> Result<Vec<u8>> {
    secret_store(store).read_data(record)
}

/// `secret inspect`'s shape, Podman's: never the data.
pub fn inspect_json(s: &SecretRecord) -> Value {
    json!({
        "ID": s.id,
        "CreatedAt": s.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "UpdatedAt": s.updated.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "Spec": {
            "Name": s.name,
            "Driver": { "Name": s.driver, "Options": s.driver_options },
            "Labels": s.labels,
        },
    })
}

/// At create: every `--secret` must name an existing secret; its Id is
/// recorded with the container (never its data).
pub fn resolve(store: &Store, spec: &mut ContainerSpec) -> Result<()> {
    if spec.secrets.is_empty() {
        return Ok(());
    }
    let all = list(store)?;
    for request in &mut spec.secrets {
        let found = find_in(all.clone(), &request.name).with_context(|| format!("--secret {}", request.name))?;
        request.id = found.id;
        request.name = found.name;
    }
    Ok(())
}

/// What the container's bundle gets from its secrets.
#[derive(Debug, Default)]
pub struct SecretFiles {
    /// (path in the container, private copy on the host), bound read-only.
    pub mounts: Vec<(String, PathBuf)>,
    /// `NAME=DATA` for type=env secrets.
    pub env: Vec<String>,
}

impl SecretFiles {
    /// Sets the type=env variables, over any of the same name.
    pub fn apply_env(&self, env: &mut Vec<String>) {
        let key = |e: &str| e.split_once('=').map_or(e, |(k, _)| k).to_string();
        let ours: Vec<String> = self.env.iter().map(|e| key(e)).collect();
        env.retain(|e| !ours.contains(&key(e)));
        env.extend(self.env.iter().cloned());
    }
}

/// At create: writes the container's private copy of each mounted secret
/// into `container_dir/secrets` (0700) with the owner and mode asked, and
/// reads the env ones.
pub fn materialize(store: &Store, spec: &ContainerSpec, container_dir: &Path) -> Result<SecretFiles> {
    let mut out = SecretFiles::default();
    if spec.secrets.is_empty() {
        return Ok(out);
    }
    let secrets = secret_store(store);
    let all = secrets.list()?;
    let dir = container_dir.join("secrets");
    for (i, request) in spec.secrets.iter().enumerate() {
        let record = all.iter().find(|s| s.id == request.id).ok_or_else(|| SecretError::NoSuchSecret(request.name.clone()))?;
        let data = secrets.read_data(record)?;
        match request.kind {
            SecretKind::Env => {
                let value = String::from_utf8(data).map_err(|_| anyhow::anyhow!("--secret {},type=env: the secret is not UTF-8 text: use type=mount", request.name))?;
                out.env.push(format!("{}={value}", request.env_name()));
            }
            SecretKind::Mount => {
                fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir).with_context(|| format!("create {}", dir.display()))?;
                // Numbered: two requests of one secret may differ in owner and mode.
                let copy = dir.join(format!("{i}-{}", request.name));
                write_atomic_with(&copy, ".tmp-", Some(request.mode), |f| f.write_all(&data).with_context(|| format!("copy secret {} for the container", request.name)))?;
                std::os::unix::fs::chown(&copy, Some(request.uid), Some(request.gid))
                    .with_context(|| format!("--secret {}: give the copy to uid {} gid {}: use ids the container's user namespace maps", request.name, request.uid, request.gid))?;
                out.mounts.push((request.mount_path(), copy));
            }
        }
    }
    Ok(out)
}

/// The read-only bind mounts of [`SecretFiles::mounts`], added to the bundle.
pub fn add_mounts(spec: &mut oci_spec::runtime::Spec, files: &SecretFiles) -> Result<()> {
    if files.mounts.is_empty() {
        return Ok(());
    }
    let mut mounts = spec.mounts().clone().unwrap_or_default();
    for (dest, host) in &files.mounts {
        let options = ["bind", "rprivate", "ro", "nosuid", "nodev", "noexec"].map(String::from).to_vec();
        mounts.push(oci_spec::runtime::MountBuilder::default().destination(dest.as_str()).typ("bind").source(host.clone()).options(options).build()?);
    }
    spec.set_mounts(Some(mounts));
    Ok(())
}

/// The variables of the container's environment that came from type=env
/// secrets, to be left out of what `inspect` shows.
pub fn env_names(spec: &ContainerSpec) -> Vec<String> {
    spec.secrets.iter().filter(|r| r.kind == SecretKind::Env).map(|r| r.env_name().to_string()).collect()
}

/// Podman's `Config.Secrets` of a container's inspect: which secrets, not what they hold.
pub fn container_inspect_json(spec: &ContainerSpec) -> Value {
    spec.secrets.iter().map(|r| json!({ "Name": r.name, "ID": r.id, "UID": r.uid, "GID": r.gid, "Mode": r.mode })).collect::<Vec<_>>().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(name: &str, id: &str) -> SecretRecord {
        let now = Utc::now();
        SecretRecord { id: id.into(), name: name.into(), driver: FILE_DRIVER.into(), driver_options: BTreeMap::new(), labels: BTreeMap::new(), created: now, updated: now }
    }

    #[test]
    fn secrets_are_found_by_name_id_or_unique_prefix() {
        let all = vec![rec("db", "abc1"), rec("web", "abd2")];
        assert_eq!(find_in(all.clone(), "db").unwrap().id, "abc1");
        assert_eq!(find_in(all.clone(), "abd2").unwrap().name, "web");
        assert_eq!(find_in(all.clone(), "abc").unwrap().name, "db");
        assert!(find_in(all.clone(), "ab").is_err(), "ambiguous");
        let missing = find_in(all, "nope").unwrap_err();
        assert!(is_no_such_secret(&missing));
        assert_eq!(missing.to_string(), "no secret with name or id \"nope\": no such secret");
    }

    #[test]
    fn names_follow_podman_s_rule() {
        assert!(validate_name("db_pass.v1-2").is_ok());
        for bad in ["", "-x", "a/b", "a b", "../x"] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn env_secrets_win_over_variables_of_the_same_name() {
        let files = SecretFiles { mounts: vec![], env: vec!["PW=from-secret".into()] };
        let mut env = vec!["PATH=/bin".to_string(), "PW=from-flag".to_string()];
        files.apply_env(&mut env);
        assert_eq!(env, ["PATH=/bin", "PW=from-secret"]);
    }

    #[test]
    fn mounted_secrets_are_read_only_binds() {
        let mut spec = oci_spec::runtime::Spec::default();
        let before = spec.mounts().as_ref().map_or(0, Vec::len);
        let files = SecretFiles { mounts: vec![("/run/secrets/db".into(), "/store/c/secrets/0-db".into())], env: vec![] };
        add_mounts(&mut spec, &files).unwrap();
        let mounts = spec.mounts().clone().unwrap();
        assert_eq!(mounts.len(), before + 1);
        let m = mounts.last().unwrap();
        assert_eq!(m.destination().to_str(), Some("/run/secrets/db"));
        let options = m.options().clone().unwrap();
        assert!(options.contains(&"ro".to_string()) && options.contains(&"bind".to_string()), "{options:?}");
    }

    #[test]
    fn inspect_shows_no_data_and_podman_s_fields() {
        let j = inspect_json(&rec("db", "abc1"));
        assert_eq!(j["Spec"]["Name"], "db");
        assert_eq!(j["Spec"]["Driver"]["Name"], "file");
        assert!(j.get("SecretData").is_none());
    }
}
