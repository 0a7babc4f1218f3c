//! Content-addressed blobs (manifests, configs, compressed layers) under
//! `blobs/sha256/<hex>`. A blob becomes visible only after its content was
//! verified against its digest; partial downloads live in `tmp/`.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::image::digest::{Digest, HashingWriter};
use crate::store::atomic::sync_dir;
use crate::store::lock::{lock_in, LockGuard};

#[derive(Clone, Debug)]
pub struct BlobStore {
    dir: PathBuf,
    tmp: PathBuf,
    locks: PathBuf,
}

/// The content did not match the digest it was fetched under.
#[derive(Debug, thiserror::Error)]
#[error("digest mismatch for {expected}: the content has {actual}; the source served corrupt data, nothing was stored")]
pub struct DigestMismatch {
    pub expected: Digest,
    pub actual: Digest,
}

impl BlobStore {
    pub fn new(root: &Path) -> BlobStore {
        BlobStore { dir: root.join("blobs/sha256"), tmp: root.join("tmp"), locks: root.join("locks") }
    }

    /// Held while fetching `digest`, so that parallel pulls download each
    /// blob once: the first takes it and downloads, the others wait and
    /// then find the blob present (check `has` after taking it). Lock
    /// files stay until garbage collection, which runs when no pull does.
    pub fn lock(&self, digest: &Digest) -> Result<LockGuard> {
        lock_in(&self.locks, &format!("blob-{}", digest.hex()))
    }

    pub fn path(&self, digest: &Digest) -> PathBuf {
        self.dir.join(digest.hex())
    }

    pub fn has(&self, digest: &Digest) -> bool {
        self.path(digest).is_file()
    }

    pub fn open(&self, digest: &Digest) -> Result<File> {
        let path = self.path(digest);
        File::open(&path).with_context(|| format!("open blob {digest} ({})", path.display()))
    }

    pub fn read(&self, digest: &Digest) -> Result<Vec<u8>> {
        let path = self.path(digest);
        fs::read(&path).with_context(|| format!("read blob {digest} ({})", path.display()))
    }

    pub fn size(&self, digest: &Digest) -> Result<u64> {
        let path = self.path(digest);
        Ok(fs::metadata(&path).with_context(|| format!("stat blob {digest}"))?.len())
    }

    /// Stores `bytes` and returns their digest.
    pub fn put_bytes(&self, bytes: &[u8]) -> Result<Digest> {
        let digest = Digest::of_bytes(bytes);
        if !self.has(&digest) {
            self.put_verified(&digest, bytes, |_| {})?;
        }
        Ok(digest)
    }

    /// Copies `reader` into the store, verifying it against `expected`.
    /// `progress` is called with the number of bytes copied so far.
    /// Nothing is visible under the digest unless the content matched.
    pub fn put_verified(&self, expected: &Digest, reader: impl Read, progress: impl FnMut(u64)) -> Result<u64> {
        let (digest, size, tmp) = self.write_temp(reader, progress)?;
        if &digest != expected {
            let _ = fs::remove_file(tmp.path());
            return Err(DigestMismatch { expected: expected.clone(), actual: digest }.into());
        }
        self.commit(tmp, &digest)?;
        Ok(size)
    }

    /// Copies `reader` into the store under whatever digest it has.
    pub fn put_reader(&self, reader: impl Read) -> Result<(Digest, u64)> {
        let (digest, size, tmp) = self.write_temp(reader, |_| {})?;
        self.commit(tmp, &digest)?;
        Ok((digest, size))
    }

    /// Stores what `fill` writes, under the digest of those bytes: content
    /// made on the fly (a layer tar written from a directory) goes to disk
    /// as it is made, never whole into memory. Nothing is stored when
    /// `fill` fails.
    pub fn put_writer(&self, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<(Digest, u64)> {
        let tmp = self.temp_file()?;
        let mut writer = HashingWriter::new(io::BufWriter::new(tmp.as_file()));
        fill(&mut writer)?;
        let (buffered, digest, size) = writer.finish();
        buffered
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("write {}", tmp.path().display()))?;
        self.commit(tmp, &digest)?;
        Ok((digest, size))
    }

    /// A temporary file next to the blobs (blob writes and spools of loads).
    /// Its name carries the pid so that a later pull can tell a dead
    /// download's leftovers from a running one's (registry::stale).
    pub fn temp_file(&self) -> Result<tempfile::NamedTempFile> {
        fs::create_dir_all(&self.tmp).with_context(|| format!("create {}", self.tmp.display()))?;
        tempfile::Builder::new()
            .prefix(&format!("blob-{}-", std::process::id()))
            .tempfile_in(&self.tmp)
            .with_context(|| format!("create a temporary file in {}", self.tmp.display()))
    }

    pub fn remove(&self, digest: &Digest) -> Result<()> {
        match fs::remove_file(self.path(digest)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("remove blob {digest}"))
            }
            _ => Ok(()),
        }
    }

    /// Every blob digest in the store.
    pub fn list(&self) -> Result<Vec<Digest>> {
        digest_entries(&self.dir)
    }

    fn write_temp(
        &self,
        mut reader: impl Read,
        mut progress: impl FnMut(u64),
    ) -> Result<(Digest, u64, tempfile::NamedTempFile)> {
        let tmp = self.temp_file()?;
        let mut writer = HashingWriter::new(io::BufWriter::new(tmp.as_file()));
        let mut buf = vec![0u8; 256 * 1024];
        let mut copied = 0u64;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e).context("read blob content"),
            };
            writer.write_all(&buf[..n]).with_context(|| format!("write {}", tmp.path().display()))?;
            copied += n as u64;
            progress(copied);
        }
        let (buffered, digest, size) = writer.finish();
        buffered
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("write {}", tmp.path().display()))?;
        Ok((digest, size, tmp))
    }

    fn commit(&self, tmp: tempfile::NamedTempFile, digest: &Digest) -> Result<()> {
        tmp.as_file().sync_all().with_context(|| format!("fsync {}", tmp.path().display()))?;
        fs::create_dir_all(&self.dir).with_context(|| format!("create {}", self.dir.display()))?;
        let dest = self.path(digest);
        tmp.persist(&dest).with_context(|| format!("rename blob into {}", dest.display()))?;
        sync_dir(&self.dir)
    }
}

/// The entries of `dir` named by a digest's hex (a missing dir has none).
pub fn digest_entries(dir: &Path) -> Result<Vec<Digest>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("list {}", dir.display())),
    };
    Ok(entries.filter_map(|e| e.ok()).filter_map(|e| Digest::from_hex(&e.file_name().to_string_lossy()).ok()).collect())
}

/// Refuses to go on when `digest` is not what `bytes` hash to.
pub fn verify_bytes(bytes: &[u8], expected: &Digest) -> Result<()> {
    let actual = Digest::of_bytes(bytes);
    if &actual != expected {
        bail!(DigestMismatch { expected: expected.clone(), actual });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verified_put_rejects_wrong_content_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::new(dir.path());
        let wanted = Digest::of_bytes(b"good");
        let err = blobs.put_verified(&wanted, &b"evil"[..], |_| {}).unwrap_err();
        assert!(err.to_string().contains("digest mismatch"), "{err}");
        assert!(!blobs.has(&wanted));
        assert_eq!(fs::read_dir(dir.path().join("tmp")).unwrap().count(), 0);
        blobs.put_verified(&wanted, &b"good"[..], |_| {}).unwrap();
        assert_eq!(blobs.read(&wanted).unwrap(), b"good");
    }
}
