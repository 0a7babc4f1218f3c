//! Unpacked layers, shared by every image that uses them, under
//! `layers/<diff_id hex>/diff`. A layer is unpacked into a temporary
//! directory and renamed into place only when complete and verified, so a
//! killed pull never leaves a half-written layer that looks usable.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::image::digest::Digest;
use crate::store::atomic::{sync_dir, write_json_atomic};
use crate::store::lock::{lock_dir, lock_in, lock_in_shared, try_lock_dir, LockGuard};
use crate::store::unpack::{self, UnpackOptions};

const META_FILE: &str = "layer.json";
const TEMP_PREFIX: &str = ".tmp-";
/// In `locks/`: orders creating a temporary directory against cleaning.
const TEMP_LOCK: &str = "layer-temp";

#[derive(Clone, Debug)]
pub struct LayerStore {
    dir: PathBuf,
    locks: PathBuf,
}

/// What is recorded about an unpacked layer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LayerInfo {
    /// Digest of the uncompressed tarball, as in the image config's rootfs.
    pub diff_id: Digest,
    /// Size of the uncompressed tarball in bytes.
    pub size: u64,
}

impl LayerStore {
    pub fn new(root: &Path) -> LayerStore {
        LayerStore { dir: root.join("layers"), locks: root.join("locks") }
    }

    /// The directory holding the layer's files, in overlay's format:
    /// whiteouts are 0/0 character devices, opaque directories carry the
    /// `user.overlay.opaque` extended attribute.
    pub fn diff_dir(&self, diff_id: &Digest) -> PathBuf {
        self.dir.join(diff_id.hex()).join("diff")
    }

    pub fn has(&self, diff_id: &Digest) -> bool {
        self.dir.join(diff_id.hex()).join(META_FILE).is_file()
    }

    pub fn info(&self, diff_id: &Digest) -> Result<LayerInfo> {
        let path = self.dir.join(diff_id.hex()).join(META_FILE);
        let bytes = fs::read(&path).with_context(|| format!("layer {diff_id} is not in the store ({})", path.display()))?;
        serde_json::from_slice(&bytes).with_context(|| format!("parse {}", path.display()))
    }

    /// Unpacks a layer tarball (gzip, zstd or plain) and checks that its
    /// uncompressed content has digest `diff_id`.
    pub fn unpack(&self, diff_id: &Digest, tarball: impl Read + Send, opts: &UnpackOptions) -> Result<LayerInfo> {
        if self.has(diff_id) {
            return self.info(diff_id);
        }
        // Parallel pulls of images sharing a layer unpack it once.
        let _lock = lock_in(&self.locks, &format!("layer-{}", diff_id.hex()))?;
        if self.has(diff_id) {
            return self.info(diff_id);
        }
        let info = self.unpack_any(tarball, opts, Some(diff_id))?;
        Ok(info)
    }

    /// Unpacks a layer whose diff_id is not known in advance (import, load of
    /// an archive): the digest is computed while unpacking.
    pub fn unpack_any(&self, tarball: impl Read + Send, opts: &UnpackOptions, expected: Option<&Digest>) -> Result<LayerInfo> {
        let (tmp, _in_use) = self.temp_dir()?;
        let diff = tmp.path().join("diff");
        fs::create_dir(&diff).with_context(|| format!("create {}", diff.display()))?;
        let (diff_id, size) = unpack::extract_compressed(tarball, &diff, opts)?;
        if let Some(expected) = expected {
            if &diff_id != expected {
                bail!(crate::store::blobs::DigestMismatch { expected: expected.clone(), actual: diff_id });
            }
        }
        let info = LayerInfo { diff_id: diff_id.clone(), size };
        write_json_atomic(&tmp.path().join(META_FILE), &info)?;
        let dest = self.dir.join(diff_id.hex());
        if self.has(&diff_id) {
            // Another command unpacked the same layer meanwhile; keep theirs.
            return Ok(info);
        }
        let _ = remove_tree(&dest);
        let tmp_path = tmp.keep();
        fs::rename(&tmp_path, &dest).with_context(|| format!("rename layer into {}", dest.display()))?;
        sync_dir(&self.dir)?;
        Ok(info)
    }

    /// A new temporary directory to unpack into, locked (see
    /// `remove_stale_temps`) until the returned guard is dropped.
    fn temp_dir(&self) -> Result<(tempfile::TempDir, LockGuard)> {
        fs::create_dir_all(&self.dir).with_context(|| format!("create {}", self.dir.display()))?;
        // Shared with other creators, exclusive with the cleaner, which so
        // never sees a directory between its creation and its lock.
        let _creating = lock_in_shared(&self.locks, TEMP_LOCK)?;
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempdir_in(&self.dir)
            .with_context(|| format!("create a temporary layer directory in {}", self.dir.display()))?;
        let guard = lock_dir(tmp.path())?;
        Ok((tmp, guard))
    }

    /// Removes the temporary directories of killed unpacks (a pull or load
    /// killed midway): those nobody holds locked. A running unpack holds its
    /// directory's lock, so a parallel pull's directory is never touched.
    pub fn remove_stale_temps(&self) -> Result<usize> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Ok(0) };
        let _cleaning = lock_in(&self.locks, TEMP_LOCK)?;
        let mut removed = 0;
        for entry in entries.filter_map(|e| e.ok()) {
            if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                continue;
            }
            let path = entry.path();
            let Ok(Some(_stale)) = try_lock_dir(&path) else { continue };
            remove_tree(&path).with_context(|| format!("remove the temporary layer directory {} of a killed command", path.display()))?;
            removed += 1;
        }
        Ok(removed)
    }

    pub fn remove(&self, diff_id: &Digest) -> Result<()> {
        remove_tree(&self.dir.join(diff_id.hex())).with_context(|| format!("remove layer {diff_id}"))
    }

    /// Every complete layer in the store.
    pub fn list(&self) -> Result<Vec<Digest>> {
        let mut layers = crate::store::blobs::digest_entries(&self.dir)?;
        layers.retain(|d| self.has(d));
        Ok(layers)
    }

    /// Removes what killed commands left behind: temporary directories and
    /// layer directories without their metadata. Call with the store's
    /// exclusive lock held.
    pub fn remove_incomplete(&self) -> Result<()> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Ok(()) };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let complete = Digest::from_hex(&name).is_ok() && entry.path().join(META_FILE).is_file();
            if !complete {
                remove_tree(&entry.path()).with_context(|| format!("remove incomplete layer {}", entry.path().display()))?;
            }
        }
        Ok(())
    }
}

/// Removes a directory tree, first making read-only directories writable
/// (layers may contain mode 0555 directories).
pub fn remove_tree(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) => {
            make_dirs_writable(path);
            match fs::remove_dir_all(path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            }
        }
    }
}

fn make_dirs_writable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = fs::symlink_metadata(path) else { return };
    if !meta.is_dir() {
        return;
    }
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(meta.permissions().mode() | 0o700));
    if let Ok(entries) = fs::read_dir(path) {
        for e in entries.filter_map(|e| e.ok()) {
            make_dirs_writable(&e.path());
        }
    }
}
