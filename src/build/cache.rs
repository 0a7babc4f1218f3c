//! The build cache: every step's result is an image of the store (marked
//! intermediate unless a build gave it as its result) that carries the
//! step's cache key. A key is the hash of the parent image's Id and the
//! step's description (the instruction as expanded, plus for COPY/ADD the
//! digest of its sources and for RUN the build args in scope), so that a
//! change to any of them misses the cache for that step, whose new image
//! then is a new parent for every later step: Docker's documented rule.
//!
//! Keeping the cache as images makes it survive between invocations, be
//! shared by every build of the store (one user's rootless builds share
//! it), and be collected with the same garbage collector as images.

use std::collections::HashMap;

use anyhow::Result;
use sha2::{Digest as _, Sha256};

use crate::engine::images::ImageView;
use crate::image::digest::Digest;
use crate::store::images::ImageRecord;
use crate::store::Store;

/// The parent key of a stage's first step when it starts from nothing.
pub const SCRATCH: &str = "scratch";

/// Changes whenever pontoon starts to make a step's layer differently (how
/// COPY places files, what a RUN's description holds): keys made before
/// then miss, rather than hand back layers made the old way.
const FORMAT: &str = "pontoon build cache 2";

/// The key of a step: what it starts from and what it does.
pub fn key(parent: &str, description: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(FORMAT.as_bytes());
    hasher.update(b"\n");
    hasher.update(parent.as_bytes());
    hasher.update(b"\n");
    hasher.update(description.as_bytes());
    hex::encode(hasher.finalize())
}

/// The images of the store by cache key, read once per build.
pub struct Cache {
    by_key: HashMap<String, ImageRecord>,
}

impl Cache {
    /// An empty cache for `--no-cache` and `--layers=false`: nothing is found.
    pub fn disabled() -> Cache {
        Cache { by_key: HashMap::new() }
    }

    pub fn load(store: &Store) -> Result<Cache> {
        let by_key = store.images.list()?.into_iter().filter_map(|r| r.build_cache_key.clone().map(|k| (k, r))).collect();
        Ok(Cache { by_key })
    }

    /// The image a step made before, when every layer of it is still here.
    pub fn find(&self, store: &Store, key: &str) -> Option<ImageView> {
        let record = self.by_key.get(key)?;
        let view = ImageView::load(store, record.clone()).ok()?;
        view.config.rootfs.diff_ids.iter().all(|d| store.layers.has(d)).then_some(view)
    }
}

/// Marks the image `id` as a build step's result: with its cache key, and
/// as intermediate unless it already is an image in its own right.
pub fn remember(store: &Store, id: &Digest, key: Option<&str>) -> Result<()> {
    store.images.update(|images| {
        if let Some(record) = images.iter_mut().find(|r| &r.id == id) {
            if record.build_cache_key.is_none() {
                record.build_cache_key = key.map(str::to_string);
                record.intermediate = record.names.is_empty();
            }
        }
        Ok(())
    })
}

/// Makes the build's result an image of its own: no longer intermediate,
/// with `names` (each moved from any image that had it).
pub fn promote(store: &Store, id: &Digest, names: &[String]) -> Result<()> {
    // A cached rebuild finds it so already: no rewrite (and fsync) of the
    // image records. A change by another command after this read is as if
    // it came after this build.
    if already_promoted(&store.images.list()?, id, names) {
        return Ok(());
    }
    store.images.update(|images| {
        for other in images.iter_mut().filter(|r| &r.id != id) {
            other.names.retain(|n| !names.contains(n));
        }
        if let Some(record) = images.iter_mut().find(|r| &r.id == id) {
            record.intermediate = false;
            for n in names {
                if !record.names.contains(n) {
                    record.names.push(n.clone());
                }
            }
        }
        Ok(())
    })
}

/// Whether `id` is an image of its own holding every one of `names`
/// (names are unique in the store, so no other image holds them).
fn already_promoted(images: &[crate::store::images::ImageRecord], id: &Digest, names: &[String]) -> bool {
    images.iter().any(|r| &r.id == id && !r.intermediate && names.iter().all(|n| r.names.contains(n)))
        && images.iter().filter(|r| &r.id != id).all(|r| !r.names.iter().any(|n| names.contains(n)))
}

/// Where `RUN --mount=type=cache` directories live between builds.
pub fn cache_mounts_dir(store: &Store) -> std::path::PathBuf {
    crate::engine::images::build_cache_mounts_dir(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_change_with_parent_and_description() {
        let a = key("sha256:1", "RUN echo");
        assert_eq!(a, key("sha256:1", "RUN echo"));
        assert_ne!(a, key("sha256:2", "RUN echo"));
        assert_ne!(a, key("sha256:1", "RUN echo "));
        // The separator keeps parent and description from running together.
        assert_ne!(key("ab", "c"), key("a", "bc"));
    }
}
