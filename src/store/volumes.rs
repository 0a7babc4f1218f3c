//! Volume records under `volumes/NAME/`: `volume.json` (what was asked
//! for: driver, labels, options, whether it is anonymous) and `_data`, the
//! directory containers see. The record is written last, so a directory
//! without one is an interrupted create, which `list` ignores.
//!
//! Rootless, everything here is created inside pontoon's user namespace, so
//! `_data` is owned by the user (root inside the container).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::errors::PontoonError;
use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::spec::mounts::{MountKind, MountSpec};
use crate::store::atomic::write_json_atomic;
use crate::store::containers::ContainerRecord;
use crate::store::lock::{lock_exclusive, LockGuard};
use crate::store::Store;

const RECORD_FILE: &str = "volume.json";
const DATA_DIR: &str = "_data";


#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct VolumeRecord {
    pub name: String,
    /// Always "local": the only driver.
    pub driver: String,
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// The local driver's `-o` options (type, device, o).
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// Made for one container (`-v /path`, an image's VOLUME), not by name.
    #[serde(default)]
    pub anonymous: bool,
    /// Set once a container has mounted it: only before that is the
    /// image's content copied in, so a volume emptied on purpose stays empty.
    #[serde(default)]
    pub initialized: bool,
}

#[derive(Clone, Debug)]
pub struct VolumeStore {
    dir: PathBuf,
}

impl VolumeStore {
    pub fn new(root: &Path) -> VolumeStore {
        VolumeStore { dir: root.join("volumes") }
    }

    pub fn dir_of(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The directory a container mounts (`volumes/NAME/_data`).
    pub fn data_dir(&self, name: &str) -> PathBuf {
        self.dir.join(name).join(DATA_DIR)
    }

    /// Serialises creating, removing and checking volumes in use.
    pub fn lock(&self) -> Result<LockGuard> {
        fs::create_dir_all(&self.dir).with_context(|| format!("create {}", self.dir.display()))?;
        lock_exclusive(&self.dir.join("volumes.lock"))
    }

    /// Writes a volume: `_data` first, the record last (also to rewrite a
    /// record). The caller holds the lock.
    pub fn create(&self, record: &VolumeRecord) -> Result<()> {
        let data = self.data_dir(&record.name);
        fs::create_dir_all(&data).with_context(|| format!("create {}", data.display()))?;
        write_json_atomic(&self.dir_of(&record.name).join(RECORD_FILE), record)
    }

    pub fn load(&self, name: &str) -> Result<VolumeRecord> {
        if name.is_empty() || name.contains('/') || name.starts_with('.') {
            return Err(PontoonError::NoSuchVolume(name.to_string()).into());
        }
        let path = self.dir_of(name).join(RECORD_FILE);
        crate::store::atomic::read_json_record(&path, || PontoonError::NoSuchVolume(name.to_string()).into())
    }

    /// Every complete volume, by name.
    pub fn list(&self) -> Result<Vec<VolumeRecord>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("list {}", self.dir.display())),
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            match self.load(&name) {
                Ok(v) => out.push(v),
                Err(e) if is_not_found(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Deletes the record first (so the volume stops existing at once),
    /// then its data.
    pub fn remove(&self, name: &str) -> Result<()> {
        let dir = self.dir_of(name);
        match fs::remove_file(dir.join(RECORD_FILE)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(PontoonError::NoSuchVolume(name.to_string()).into()),
            Err(e) => return Err(e).with_context(|| format!("remove volume {name}")),
        }
        crate::store::layers::remove_tree(&dir).with_context(|| format!("remove the data of volume {name} ({})", dir.display()))
    }
}

pub fn is_not_found(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchVolume(_)))
}

/// Names of every volume some container (running or not) mounts.
pub fn volumes_in_use(store: &Store) -> Result<HashSet<String>> {
    let mut used = HashSet::new();
    for c in store.containers.list()? {
        used.extend(c.record.spec.mounts.iter().filter(|m| m.kind == MountKind::Volume).map(|m| m.source.clone()));
    }
    Ok(used)
}

/// After a container is removed with `rm -v` or `--rm`: removes the
/// anonymous volumes it made, unless another container still uses them.
pub fn remove_anonymous(store: &Store, record: &ContainerRecord) -> Result<()> {
    let anonymous: Vec<&MountSpec> = record.spec.mounts.iter().filter(|m| m.kind == MountKind::Volume && m.anonymous).collect();
    if anonymous.is_empty() {
        return Ok(());
    }
    let _lock = store.volumes.lock()?;
    let used = volumes_in_use(store)?;
    for m in anonymous {
        if used.contains(&m.source) {
            continue;
        }
        match store.volumes.remove(&m.source) {
            Err(e) if !is_not_found(&e) => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> VolumeRecord {
        VolumeRecord { name: name.into(), driver: "local".into(), created: Utc::now(), labels: BTreeMap::new(), options: BTreeMap::new(), anonymous: false, initialized: false }
    }

    #[test]
    fn create_list_load_remove() {
        let dir = tempfile::tempdir().unwrap();
        let store = VolumeStore::new(dir.path());
        assert!(store.list().unwrap().is_empty());
        store.create(&record("b")).unwrap();
        store.create(&record("a")).unwrap();
        // An interrupted create (data without a record) is not a volume.
        fs::create_dir_all(store.data_dir("half")).unwrap();
        let names: Vec<String> = store.list().unwrap().into_iter().map(|v| v.name).collect();
        assert_eq!(names, ["a", "b"]);
        assert!(store.data_dir("a").is_dir());
        assert_eq!(store.load("a").unwrap().driver, "local");
        assert!(is_not_found(&store.load("zz").unwrap_err()));
        assert!(is_not_found(&store.load("../x").unwrap_err()));
        store.remove("a").unwrap();
        assert!(!store.dir_of("a").exists());
        assert!(is_not_found(&store.remove("a").unwrap_err()));
    }
}
