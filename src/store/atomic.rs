//! Atomic writes: a temporary file in the same directory, fsync, rename,
//! fsync of the directory. A crash leaves either the old or the new file.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{Context, Result};

/// Replaces `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().with_context(|| format!("{} has no parent directory", path.display()))?;
    fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
    write_atomic_with(path, ".tmp-", None, |file| file.write_all(bytes).with_context(|| format!("write {}", path.display())))
}

/// Replaces `path` with what `write` puts into a temporary file beside it
/// (named `prefix`...), given permissions `mode` (else the temporary
/// file's 0600). Nothing is
/// renamed into place unless `write` succeeded: a failed write leaves no
/// half file behind. The directory must exist (a relative name without
/// one is in the current directory).
pub fn write_atomic_with(path: &Path, prefix: &str, mode: Option<u32>, write: impl FnOnce(&mut File) -> Result<()>) -> Result<()> {
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
    tmp.as_file().sync_all().with_context(|| format!("fsync {}", tmp.path().display()))?;
    tmp.persist(path).with_context(|| format!("rename into {}", path.display()))?;
    sync_dir(dir)
}

/// Serialises `value` as pretty JSON and writes it atomically.
pub fn write_json_atomic<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(value).context("serialise state")?;
    write_atomic(path, &bytes)
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
