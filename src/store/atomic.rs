//! Atomic writes: a temporary file in the same directory, renamed over the
//! record. A crash leaves either the old or the new file.
//!
//! Durability is the caller's choice ([`Durability`]): a record whose loss
//! in a crash would lose something (a created container, an image, a
//! volume) is synced, file and directory; a record that a crash makes
//! meaningless anyway (what lives under the runroot, a tmpfs Podman never
//! syncs either; the records of a `--rm` container, which is removed when
//! it exits) is only renamed: each fsync is a wait on the disk (0.3 ms to
//! tens of ms with other writers), and `run --rm` made 29 of them.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{Context, Result};

/// Whether a write must survive a crash of the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// fsync of the file before the rename and of the directory after.
    Synced,
    /// The rename only: a crash may leave the old file, the new one, or
    /// (the data of a new file not yet on disk) an empty one, which the
    /// readers of such records take for a missing one.
    Volatile,
}

impl Durability {
    /// Synced unless `volatile`.
    pub fn unless(volatile: bool) -> Durability {
        if volatile {
            Durability::Volatile
        } else {
            Durability::Synced
        }
    }
}

/// Replaces `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_as(path, bytes, Durability::Synced)
}

/// Replaces `path` with `bytes` atomically, synced as `durability` says.
pub fn write_atomic_as(path: &Path, bytes: &[u8], durability: Durability) -> Result<()> {
    let dir = path.parent().with_context(|| format!("{} has no parent directory", path.display()))?;
    fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    write_atomic_with_as(path, ".tmp-", None, durability, |file| file.write_all(bytes).with_context(|| format!("write {}", path.display())))
}

/// Replaces `path` with what `write` puts into a temporary file beside it
/// (named `prefix`...), given permissions `mode` (else the temporary
/// file's 0600). Nothing is
/// renamed into place unless `write` succeeded: a failed write leaves no
/// half file behind. The directory must exist (a relative name without
/// one is in the current directory).
pub fn write_atomic_with(path: &Path, prefix: &str, mode: Option<u32>, write: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
    write_atomic_with_as(path, prefix, mode, Durability::Synced, write)
}

/// [`write_atomic_with`], synced as `durability` says.
pub fn write_atomic_with_as(path: &Path, prefix: &str, mode: Option<u32>, durability: Durability, write: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(prefix)
        .tempfile_in(dir)
        .with_context(|| format!("create a temporary file in {}", dir.display()))?;
    write(tmp.as_file_mut())?;
    if let Some(mode) = mode {
        tmp.as_file().set_permissions(fs::Permissions::from_mode(mode)).with_context(|| format!("chmod {}", tmp.path().display()))?;
    }
    if durability == Durability::Synced {
        tmp.as_file().sync_all().with_context(|| format!("fsync {}", tmp.path().display()))?;
    }
    tmp.persist(path).with_context(|| format!("rename into {}", path.display()))?;
    match durability {
        Durability::Synced => sync_dir(dir),
        Durability::Volatile => Ok(()),
    }
}

/// Serialises `value` as pretty JSON and writes it atomically and durably.
pub fn write_json_atomic<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    write_json_atomic_as(path, value, Durability::Synced)
}

/// [`write_json_atomic`], synced as `durability` says.
pub fn write_json_atomic_as<T: serde::Serialize>(path: &Path, value: &T, durability: Durability) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(value).context("serialise state")?;
    write_atomic_as(path, &bytes, durability)
}

/// Makes a rename inside `dir` durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("fsync directory {}", dir.display()))
}

/// Reads a JSON record; a missing file is `missing()` (the store's typed
/// "no such ..." error), anything else an error naming the file.
pub fn read_json_record<T: serde::de::DeserializeOwned>(path: &Path, missing: impl FnOnce() -> anyhow::Error) -> Result<T> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("parse {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(missing()),
        Err(e) => Err(e).with_context(|| format!("read {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volatile_and_synced_writes_both_replace_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        for (durability, text) in [(Durability::Synced, "one"), (Durability::Volatile, "two")] {
            write_atomic_as(&path, text.as_bytes(), durability).unwrap();
            assert_eq!(fs::read_to_string(&path).unwrap(), text);
        }
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("record.json")], "no temporary file is left behind");
    }
}
