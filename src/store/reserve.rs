//! A little disk space set aside so that removing things works when the
//! store's filesystem is full. Removing an image rewrites `images.json`
//! (atomically: a new file first, then a rename), which needs free blocks
//! before anything is freed; on a full disk that write would fail and the
//! user could not free space through pontoon at all. The store keeps
//! `reserve` (1 MiB, allocated) and a removal that hits ENOSPC deletes it and
//! retries once; the reserve is allocated again when space allows.

use std::fs::{self, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

/// Far more than `images.json` of a few thousand images needs.
const RESERVE_BYTES: i64 = 1 << 20;

#[derive(Clone, Debug)]
pub struct Reserve {
    path: PathBuf,
}

impl Reserve {
    pub fn new(root: &Path) -> Reserve {
        Reserve { path: root.join("reserve") }
    }

    /// Frees the reserved space; false when there was none to free.
    pub fn release(&self) -> bool {
        fs::remove_file(&self.path).is_ok()
    }

    /// Allocates the reserve again if it is missing. Best effort: on a disk
    /// that is still full it stays missing and a later removal retries.
    pub fn refill(&self) {
        if fs::symlink_metadata(&self.path).is_ok() {
            return;
        }
        let Ok(file) = OpenOptions::new().write(true).create_new(true).open(&self.path) else { return };
        // fallocate reserves real blocks (on tmpfs too), unlike set_len.
        let allocated = nix::fcntl::fallocate(file.as_raw_fd(), nix::fcntl::FallocateFlags::empty(), 0, RESERVE_BYTES);
        if allocated.is_err() {
            drop(file);
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether `err` (or a cause) says the filesystem or the quota is full.
pub fn is_no_space(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
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
    fn the_reserve_is_released_once_and_refilled() {
        let dir = tempfile::tempdir().unwrap();
        let reserve = Reserve::new(dir.path());
        assert!(!reserve.release(), "nothing to release yet");
        reserve.refill();
        assert_eq!(fs::metadata(dir.path().join("reserve")).unwrap().len(), RESERVE_BYTES as u64);
        assert!(reserve.release());
        assert!(!reserve.release());
    }

    #[test]
    fn no_space_is_recognised_through_context() {
        let err = anyhow::Error::from(io::Error::from_raw_os_error(libc::ENOSPC)).context("write images.json");
        assert!(is_no_space(&err));
        assert!(!is_no_space(&anyhow::anyhow!("permission denied")));
    }
}
