//! Store locks: `flock` on a file, released when the guard is dropped (or
//! when the process dies, so a killed command never leaves a stale lock).

use std::fs::{File, OpenOptions};
use std::path::Path;

use anyhow::{Context, Result};
use nix::fcntl::{Flock, FlockArg};

pub struct LockGuard {
    _flock: Flock<File>,
}

/// Takes an exclusive lock on `path`, waiting for other holders.
pub fn lock_exclusive(path: &Path) -> Result<LockGuard> {
    take(path, FlockArg::LockExclusive)
}

/// Takes a shared lock on `path`: readers exclude writers only.
pub fn lock_shared(path: &Path) -> Result<LockGuard> {
    take(path, FlockArg::LockShared)
}

/// Takes the exclusive lock `dir/name`, creating `dir` when missing: the
/// per-object locks (one blob, one layer) that `store/locks/` holds.
pub fn lock_in(dir: &Path, name: &str) -> Result<LockGuard> {
    std::fs::create_dir_all(dir).with_context(|| format!("create the lock directory {}", dir.display()))?;
    lock_exclusive(&dir.join(name))
}

fn take(path: &Path, arg: FlockArg) -> Result<LockGuard> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("open lock file {}", path.display()))?;
    let flock = Flock::lock(file, arg)
        .map_err(|(_, errno)| errno)
        .with_context(|| format!("lock {}", path.display()))?;
    Ok(LockGuard { _flock: flock })
}
