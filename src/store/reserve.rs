//! A little disk space set aside so that removing things works when the
//! store's filesystem is full. Removing an image rewrites `images.json`
//! (atomically: a new file first, then a rename), which needs free blocks
//! before anything is freed; on a full disk that write would fail and the
//! user could not free space through pontoon at all. The store keeps
//! `reserve` (1 MiB, allocated); a removal that hits ENOSPC shrinks it by
//! what the write needs and retries once, so several removals in a row work
//! on a full disk. The reserve grows back when space allows.

use std::fs::{self, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

/// Far more than `images.json` of a few thousand images needs.
const RESERVE_BYTES: i64 = 1 << 20;
/// What one release frees at least.
const STEP: u64 = 64 * 1024;

#[derive(Clone, Debug)]
pub struct Reserve {
    path: PathBuf,
}

impl Reserve {
    pub fn new(root: &Path) -> Reserve {
        Reserve { path: root.join("reserve") }
    }

    /// Frees at least `needed` bytes of the reserve (a little more, so that
    /// the retried write also finds room for its directory entry), keeping
    /// the rest for the next removal: truncating frees the blocks past the
    /// new end. False when the reserve is used up.
    pub fn release(&self, needed: usize) -> bool {
        let Ok(file) = OpenOptions::new().write(true).open(&self.path) else { return false };
        let Ok(len) = file.metadata().map(|m| m.len()) else { return false };
        if len == 0 {
            return false;
        }
        let step = (needed as u64 * 2).max(STEP).div_ceil(STEP) * STEP;
        file.set_len(len.saturating_sub(step)).is_ok()
    }

    /// Creates the reserve when the store has none yet (each command calls
    /// this: one stat). A short reserve is left to `refill`, so that
    /// commands on a full disk do not keep taking its last free blocks.
    pub fn ensure(&self) {
        if fs::symlink_metadata(&self.path).is_err() {
            self.refill();
        }
    }

    /// Allocates the reserve again up to its full size, after a removal. Best effort: on a
    /// disk that is still full it stays short and a later removal retries.
    pub fn refill(&self) {
        match fs::symlink_metadata(&self.path) {
            Ok(m) if m.len() >= RESERVE_BYTES as u64 => return,
            _ => {}
        }
        let Ok(file) = OpenOptions::new().write(true).create(true).truncate(false).open(&self.path) else { return };
        // fallocate reserves real blocks (on tmpfs too), unlike set_len.
        let _ = nix::fcntl::fallocate(file.as_raw_fd(), nix::fcntl::FallocateFlags::empty(), 0, RESERVE_BYTES);
    }
}

/// Whether `err` (or a cause) says the filesystem or the quota is full.
pub fn is_no_space(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        // tempfile wraps the OS error (adding the path): its kind survives.
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            if matches!(io.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded) {
                return true;
            }
        }
        let errno = cause
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
            .or_else(|| cause.downcast_ref::<nix::errno::Errno>().map(|e| *e as i32));
        matches!(errno, Some(libc::ENOSPC) | Some(libc::EDQUOT))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserve_is_released_in_steps_and_refilled() {
        let dir = tempfile::tempdir().unwrap();
        let reserve = Reserve::new(dir.path());
        assert!(!reserve.release(10), "nothing to release yet");
        reserve.refill();
        let len = || fs::metadata(dir.path().join("reserve")).unwrap().len();
        assert_eq!(len(), RESERVE_BYTES as u64);
        assert!(reserve.release(10));
        assert_eq!(len(), RESERVE_BYTES as u64 - STEP);
        while reserve.release(100_000) {}
        assert_eq!(len(), 0);
        reserve.refill();
        assert_eq!(len(), RESERVE_BYTES as u64);
    }

    #[test]
    fn no_space_is_recognised_through_context() {
        let err = anyhow::Error::from(io::Error::from_raw_os_error(libc::ENOSPC)).context("write images.json");
        assert!(is_no_space(&err));
        let wrapped = io::Error::new(io::ErrorKind::StorageFull, "at path x");
        assert!(is_no_space(&anyhow::Error::from(wrapped).context("write state.json")));
        assert!(!is_no_space(&anyhow::anyhow!("permission denied")));
    }
}
