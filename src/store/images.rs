//! Image records: which manifest and config make an image, and the names
//! and digests it is known by. One JSON file, rewritten atomically under its
//! own lock so that concurrent pulls never lose each other's records.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::errors::PontoonError;
use crate::image::digest::Digest;
use crate::store::atomic::write_json_atomic;
use crate::store::lock::{lock_exclusive, lock_shared};
use crate::store::reserve::{is_no_space, Reserve};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImageRecord {
    /// The config blob's digest: the image Id.
    pub id: Digest,
    /// The manifest blob (an image manifest, never an index).
    pub manifest: Digest,
    /// Normalised `registry/repo:tag` names.
    #[serde(default)]
    pub names: Vec<String>,
    /// `registry/repo@sha256:...` of the manifest (or index) it was pulled by.
    #[serde(default)]
    pub repo_digests: Vec<String>,
    /// When the image entered this store.
    pub added: DateTime<Utc>,
    /// Sum of the uncompressed layer sizes.
    #[serde(default)]
    pub size: u64,
    /// Set on the image a build step made: the step's cache key (what its
    /// parent and instruction were, see build::cache), so that a later
    /// build reuses the image instead of repeating the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_cache_key: Option<String>,
    /// A build step's image that no build gave as its result: kept as
    /// cache, hidden from `images` (`images -a` shows it), removed by
    /// `builder prune`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub intermediate: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ImageDb {
    images: Vec<ImageRecord>,
}

#[derive(Clone, Debug)]
pub struct ImageStore {
    file: PathBuf,
    lock: PathBuf,
    reserve: Reserve,
}

impl ImageStore {
    pub fn new(root: &Path) -> ImageStore {
        ImageStore { file: root.join("images/images.json"), lock: root.join("images/images.lock"), reserve: Reserve::new(root) }
    }

    /// Every image record.
    pub fn list(&self) -> Result<Vec<ImageRecord>> {
        self.ensure_dir()?;
        let _guard = lock_shared(&self.lock)?;
        Ok(self.read()?.images)
    }

    /// Applies `change` to the records under the lock and saves the result.
    pub fn update<T>(&self, change: impl FnOnce(&mut Vec<ImageRecord>) -> Result<T>) -> Result<T> {
        self.update_with(change, false)
    }

    /// As `update`, for a change that removes records: on a full disk the
    /// store's reserve is released so that the rewrite (and then the
    /// deletion of the image's files) can happen.
    pub fn update_to_free<T>(&self, change: impl FnOnce(&mut Vec<ImageRecord>) -> Result<T>) -> Result<T> {
        self.update_with(change, true)
    }

    fn update_with<T>(&self, change: impl FnOnce(&mut Vec<ImageRecord>) -> Result<T>, may_spend_reserve: bool) -> Result<T> {
        self.ensure_dir()?;
        let _guard = lock_exclusive(&self.lock)?;
        let mut db = self.read()?;
        let out = change(&mut db.images)?;
        match write_json_atomic(&self.file, &db) {
            Err(e) if may_spend_reserve && is_no_space(&e) && self.reserve.release(db_size(&db)) => write_json_atomic(&self.file, &db)?,
            written => written?,
        }
        Ok(out)
    }

    /// Adds an image, or merges names into the existing record of the same
    /// Id. A name moves from any image that had it to this one.
    pub fn add(&self, record: ImageRecord) -> Result<()> {
        self.update(|images| {
            for other in images.iter_mut() {
                if other.id != record.id {
                    other.names.retain(|n| !record.names.contains(n));
                }
            }
            match images.iter_mut().find(|i| i.id == record.id) {
                Some(existing) => {
                    for n in record.names {
                        if !existing.names.contains(&n) {
                            existing.names.push(n);
                        }
                    }
                    for d in record.repo_digests {
                        if !existing.repo_digests.contains(&d) {
                            existing.repo_digests.push(d);
                        }
                    }
                    existing.manifest = record.manifest;
                }
                None => images.push(record),
            }
            Ok(())
        })
    }

    fn ensure_dir(&self) -> Result<()> {
        let dir = self.file.parent().context("image database has no directory")?;
        fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))
    }

    fn read(&self) -> Result<ImageDb> {
        match fs::read(&self.file) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("parse {}", self.file.display())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ImageDb::default()),
            Err(e) => Err(e).with_context(|| format!("read {}", self.file.display())),
        }
    }
}

/// About what `images.json` takes on disk (for the reserve).
fn db_size(db: &ImageDb) -> usize {
    serde_json::to_vec_pretty(db).map(|b| b.len()).unwrap_or(0)
}

/// Finds the one image that `wanted` names: a full or prefixed Id (with or
/// without `sha256:`), a normalised name, or `name@digest`.
pub fn find<'a>(images: &'a [ImageRecord], wanted: &str) -> Result<&'a ImageRecord> {
    let hex = wanted.strip_prefix("sha256:").unwrap_or(wanted);
    let looks_like_id = hex.len() >= 3 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    if let Ok(reference) = crate::image::reference::Reference::parse(wanted) {
        let by_name = images.iter().find(|i| match (&reference.digest, reference.tagged_name()) {
            (Some(d), _) => {
                let pinned = format!("{}@{d}", reference.name());
                i.repo_digests.contains(&pinned) || i.manifest == *d
            }
            (None, Some(tagged)) => i.names.contains(&tagged),
            (None, None) => false,
        });
        // A name wins over an Id prefix, as in Docker, unless the user gave
        // an explicit `sha256:` or the string cannot be a tag-less name.
        if let Some(found) = by_name {
            if !wanted.starts_with("sha256:") {
                return Ok(found);
            }
        }
    }
    if looks_like_id {
        let matches: Vec<&ImageRecord> = images.iter().filter(|i| i.id.hex().starts_with(hex)).collect();
        match matches.len() {
            1 => return Ok(matches[0]),
            n if n > 1 => {
                return Err(PontoonError::Ambiguous { prefix: wanted.to_string(), what: "image" }.into());
            }
            _ => {}
        }
    }
    Err(PontoonError::ImageNotFound(wanted.to_string()).into())
}
