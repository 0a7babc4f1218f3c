//! Secrets under `secrets/` (mode 0700): `meta/ID.json`, what `secret
//! inspect` shows (name, driver, labels, dates), and `data/ID`, the bytes
//! themselves (mode 0600), kept apart so that nothing that reads metadata
//! ever holds the data. The data is written before the record, so a data
//! file without one is an interrupted create, which `list` ignores.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::store::atomic::write_atomic_with;
use crate::store::lock::{lock_exclusive, LockGuard};

/// The only driver: the data lives in the store's own files.
pub const FILE_DRIVER: &str = "file";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SecretRecord {
    /// 25 hex digits, as Podman's Ids.
    pub id: String,
    pub name: String,
    pub driver: String,
    #[serde(default)]
    pub driver_options: BTreeMap<String, String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct SecretStore {
    dir: PathBuf,
}

impl SecretStore {
    pub fn new(root: &Path) -> SecretStore {
        SecretStore { dir: root.join("secrets") }
    }

    /// The directory of the file driver's data, shown as its `path` option.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn meta_dir(&self) -> PathBuf {
        self.dir.join("meta")
    }

    /// Makes the directories (0700, whatever the umask) and takes the lock
    /// that serialises creates and removals.
    pub fn lock(&self) -> Result<LockGuard> {
        for dir in [&self.dir, &self.meta_dir(), &self.data_dir()] {
            fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).with_context(|| format!("create {}", dir.display()))?;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).with_context(|| format!("chmod 0700 {}", dir.display()))?;
        }
        lock_exclusive(&self.dir.join("secrets.lock"))
    }

    /// Writes (or rewrites) a secret: its data first, mode 0600, then its
    /// record. The caller holds the lock.
    pub fn write(&self, record: &SecretRecord, data: &[u8]) -> Result<()> {
        check_id(&record.id)?;
        let data_path = self.data_dir().join(&record.id);
        // The message names the secret, never what it holds.
        write_atomic_with(&data_path, ".tmp-", Some(0o600), |f| f.write_all(data).with_context(|| format!("write the data of secret {}", record.name)))?;
        let json = serde_json::to_vec_pretty(record).context("serialise the secret's record")?;
        write_atomic_with(&self.meta_dir().join(format!("{}.json", record.id)), ".tmp-", Some(0o600), |f| {
            f.write_all(&json).with_context(|| format!("write the record of secret {}", record.name))
        })
    }

    /// Every complete secret, oldest first.
    pub fn list(&self) -> Result<Vec<SecretRecord>> {
        let dir = self.meta_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("list {}", dir.display())),
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !name.ends_with(".json") {
                continue;
            }
            let path = entry.path();
            let bytes = match fs::read(&path) {
                Ok(b) => b,
                // Removed by a concurrent `secret rm` since read_dir.
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e).with_context(|| format!("read {}", path.display())),
            };
            out.push(serde_json::from_slice::<SecretRecord>(&bytes).with_context(|| format!("parse {}", path.display()))?);
        }
        out.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }

    /// The secret's bytes.
    pub fn read_data(&self, record: &SecretRecord) -> Result<Vec<u8>> {
        check_id(&record.id)?;
        let path = self.data_dir().join(&record.id);
        fs::read(&path).with_context(|| format!("read the data of secret {} ({})", record.name, path.display()))
    }

    /// Deletes the record first (so the secret stops existing at once),
    /// then the data. The caller holds the lock.
    pub fn remove(&self, record: &SecretRecord) -> Result<()> {
        check_id(&record.id)?;
        let meta = self.meta_dir().join(format!("{}.json", record.id));
        fs::remove_file(&meta).with_context(|| format!("remove secret {} ({})", record.name, meta.display()))?;
        match fs::remove_file(self.data_dir().join(&record.id)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e).with_context(|| format!("remove the data of secret {}", record.name)),
            _ => Ok(()),
        }
    }
}

/// Ids become file names: only hex digits.
fn check_id(id: &str) -> Result<()> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("invalid secret id {id:?}: the store is damaged");
    }
    Ok(())
}

/// A new Id: 25 hex digits, as Podman's.
pub fn new_id() -> String {
    let bytes: [u8; 13] = rand::random();
    hex::encode(bytes)[..25].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn record(name: &str) -> SecretRecord {
        let now = Utc::now();
        SecretRecord { id: new_id(), name: name.into(), driver: FILE_DRIVER.into(), driver_options: BTreeMap::new(), labels: BTreeMap::new(), created: now, updated: now }
    }

    #[test]
    fn data_and_record_live_apart_and_private() {
        let tmp = tempfile::tempdir().unwrap();
        let store = SecretStore::new(tmp.path());
        let _lock = store.lock().unwrap();
        let r = record("db");
        store.write(&r, b"hunter2").unwrap();
        assert_eq!(store.read_data(&r).unwrap(), b"hunter2");
        let data = fs::metadata(store.data_dir().join(&r.id)).unwrap();
        assert_eq!(data.mode() & 0o777, 0o600);
        assert_eq!(fs::metadata(tmp.path().join("secrets")).unwrap().mode() & 0o777, 0o700);
        let meta = fs::read_to_string(tmp.path().join("secrets/meta").join(format!("{}.json", r.id))).unwrap();
        assert!(!meta.contains("hunter2"), "{meta}");
        assert_eq!(store.list().unwrap(), vec![r.clone()]);
        store.remove(&r).unwrap();
        assert!(store.list().unwrap().is_empty());
        assert!(!store.data_dir().join(&r.id).exists());
    }

    #[test]
    fn ids_are_25_hex_digits_and_nothing_else_is_a_file_name() {
        let id = new_id();
        assert_eq!(id.len(), 25);
        assert!(check_id(&id).is_ok());
        assert!(check_id("../x").is_err());
    }
}
