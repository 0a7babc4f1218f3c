//! Pod records under `pods/<id>.json`, written atomically. Creating and
//! removing a pod holds `pods/pods.lock`, so two creates can never give
//! two pods the same name; readers take no lock (a record is either the
//! old file or the new one). What runs is recorded by the containers
//! themselves (store::containers): a pod has no state of its own.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::errors::PontoonError;
use crate::pod::PodSpec;
use crate::store::atomic::write_json_atomic;
use crate::store::lock::{lock_exclusive, LockGuard};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PodRecord {
    /// 64 hex characters.
    pub id: String,
    pub name: String,
    pub created: DateTime<Utc>,
    pub spec: PodSpec,
    /// The infra container's Id; None with `--infra=false` (or before
    /// the infra container is made).
    #[serde(default)]
    pub infra_id: Option<String>,
}

#[derive(Clone, Debug)]
pub struct PodStore {
    dir: PathBuf,
}

impl PodStore {
    pub fn new(root: &Path) -> PodStore {
        PodStore { dir: root.join("pods") }
    }

    fn file_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Serialises creating and removing pods (and checking names).
    pub fn lock(&self) -> Result<LockGuard> {
        fs::create_dir_all(&self.dir).with_context(|| format!("create {}", self.dir.display()))?;
        lock_exclusive(&self.dir.join("pods.lock"))
    }

    /// Records a new pod; fails when a pod has its name. The caller holds
    /// the lock.
    pub fn create(&self, record: &PodRecord, _guard: &LockGuard) -> Result<()> {
        if self.list()?.iter().any(|p| p.name == record.name) {
            return Err(PontoonError::PodExists(record.name.clone()).into());
        }
        self.save(record)
    }

    /// Rewrites an existing pod's record (its infra Id once made).
    pub fn save(&self, record: &PodRecord) -> Result<()> {
        write_json_atomic(&self.file_of(&record.id), record)
    }

    pub fn load(&self, id: &str) -> Result<PodRecord> {
        let path = self.file_of(id);
        crate::store::atomic::read_json_record(&path, || PontoonError::NoSuchPod(id.to_string()).into())
    }

    /// Every pod, newest first.
    pub fn list(&self) -> Result<Vec<PodRecord>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("list {}", self.dir.display())),
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".json").filter(|id| id.len() == 64) else { continue };
            match self.load(id) {
                Ok(p) => out.push(p),
                // Removed since the listing.
                Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_))) => continue,
                Err(e) => return Err(e),
            }
        }
        out.sort_by_key(|p| std::cmp::Reverse(p.created));
        Ok(out)
    }

    /// Finds a pod by full Id, name, or unique Id prefix.
    pub fn find(&self, wanted: &str) -> Result<PodRecord> {
        let pods = self.list()?;
        if let Some(p) = pods.iter().find(|p| p.id == wanted || p.name == wanted) {
            return Ok(p.clone());
        }
        let matching: Vec<&PodRecord> = pods.iter().filter(|p| !wanted.is_empty() && p.id.starts_with(wanted)).collect();
        match matching.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(PontoonError::NoSuchPod(wanted.to_string()).into()),
            _ => Err(PontoonError::Ambiguous { prefix: wanted.to_string(), what: "pod" }.into()),
        }
    }

    /// Deletes a pod's record; a missing one is no error.
    pub fn remove(&self, id: &str) -> Result<()> {
        match fs::remove_file(self.file_of(id)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e).with_context(|| format!("remove pod {id}")),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: char, name: &str) -> PodRecord {
        PodRecord { id: id.to_string().repeat(64), name: name.into(), created: Utc::now(), spec: PodSpec::named(name), infra_id: None }
    }

    #[test]
    fn pods_are_found_by_name_id_and_prefix_and_names_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        let store = PodStore::new(dir.path());
        let lock = store.lock().unwrap();
        store.create(&record('a', "web"), &lock).unwrap();
        store.create(&record('b', "db"), &lock).unwrap();
        let err = store.create(&record('c', "web"), &lock).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(store.find("web").unwrap().id, "a".repeat(64));
        assert_eq!(store.find("bbb").unwrap().name, "db");
        assert!(matches!(store.find("zzz").unwrap_err().downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_))));
        assert_eq!(store.list().unwrap().len(), 2);
        store.remove(&"a".repeat(64)).unwrap();
        store.remove(&"a".repeat(64)).unwrap();
        assert!(store.find("web").is_err());
    }
}
