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

/// Locks the directory `path` itself (flock works on a directory's
/// descriptor): held by whoever is filling a temporary directory.
pub fn lock_dir(path: &Path) -> Result<LockGuard> {
    let dir = File::open(path).with_context(|| format!("open {}", path.display()))?;
    let flock = Flock::lock(dir, FlockArg::LockExclusive)
        .map_err(|(_, errno)| errno)
        .with_context(|| format!("lock {}", path.display()))?;
    Ok(LockGuard { _flock: flock })
}

/// Locks the directory `path` unless someone holds it: `None` then, which
/// tells a cleaner that the directory is in use by a live command.
pub fn try_lock_dir(path: &Path) -> Result<Option<LockGuard>> {
    let dir = File::open(path).with_context(|| format!("open {}", path.display()))?;
    match Flock::lock(dir, FlockArg::LockExclusiveNonblock) {
        Ok(flock) => Ok(Some(LockGuard { _flock: flock })),
        Err((_, nix::errno::Errno::EWOULDBLOCK)) => Ok(None),
        Err((_, errno)) => Err(errno).with_context(|| format!("lock {}", path.display())),
    }
}

/// As `lock_in`, shared.
pub fn lock_in_shared(dir: &Path, name: &str) -> Result<LockGuard> {
    std::fs::create_dir_all(dir).with_context(|| format!("create the lock directory {}", dir.display()))?;
    lock_shared(&dir.join(name))
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
