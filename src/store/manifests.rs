//! Manifest lists made with `manifest create`: one JSON file of records,
//! each the list's name, the OCI index or Docker manifest list it is, and
//! where each entry came from (so `manifest push --all` can send them).
//! The entries are images in the store (or on a registry); the list holds
//! only their descriptors, so removing a list never removes an image.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::image::manifest::Index;
use crate::store::atomic::write_json_atomic;
use crate::store::lock::{lock_exclusive, lock_shared};

/// Where an entry of a list is to be found when it is pushed.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase", tag = "kind", content = "reference")]
pub enum EntrySource {
    /// An image of this store, by its manifest digest.
    Local,
    /// A registry's `registry/repo@digest`.
    Registry(String),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ListRecord {
    /// 64 hex digits, as an image Id.
    pub id: String,
    /// Normalised `registry/repo:tag`.
    pub name: String,
    pub index: Index,
    pub created: DateTime<Utc>,
    /// By entry digest.
    #[serde(default)]
    pub sources: BTreeMap<String, EntrySource>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ListDb {
    lists: Vec<ListRecord>,
}

#[derive(Clone, Debug)]
pub struct ManifestListStore {
    file: PathBuf,
    lock: PathBuf,
}

impl ManifestListStore {
    pub fn new(root: &Path) -> ManifestListStore {
        ManifestListStore { file: root.join("manifests/lists.json"), lock: root.join("manifests/lists.lock") }
    }

    pub fn list(&self) -> Result<Vec<ListRecord>> {
        self.ensure_dir()?;
        let _guard = lock_shared(&self.lock)?;
        Ok(self.read()?.lists)
    }

    /// Applies `change` to the records under the lock and saves the result.
    pub fn update<T>(&self, change: impl FnOnce(&mut Vec<ListRecord>) -> Result<T>) -> Result<T> {
        self.ensure_dir()?;
        let _guard = lock_exclusive(&self.lock)?;
        let mut db = self.read()?;
        let out = change(&mut db.lists)?;
        write_json_atomic(&self.file, &db)?;
        Ok(out)
    }

    fn ensure_dir(&self) -> Result<()> {
        let dir = self.file.parent().context("the manifest list database has no directory")?;
        fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))
    }

    fn read(&self) -> Result<ListDb> {
        match fs::read(&self.file) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("parse {}", self.file.display())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ListDb::default()),
            Err(e) => Err(e).with_context(|| format!("read {}", self.file.display())),
        }
    }
}
