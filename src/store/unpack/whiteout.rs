//! OCI whiteouts in overlay's on-disk format, so that a layer directory can
//! be an overlay lower directory as it is.
//!
//! - `.wh.NAME` (NAME deleted by this layer) becomes a character device
//!   NAME with device number 0/0: overlay's whiteout. Unprivileged users
//!   may create exactly this device inside a user namespace (Linux 5.8+).
//! - `.wh..wh..opq` (the directory hides its lower content) becomes the
//!   extended attribute `user.overlay.opaque` = `y` on the directory.
//!
//! pontoon always mounts overlay with the `userxattr` option, as root too,
//! so that one layer format serves both: with it overlay reads
//! `user.overlay.*` instead of `trusted.overlay.*` (which an unprivileged
//! user cannot write). Checked on Linux 6.x as root: a `userxattr` mount
//! honours both the 0/0 devices and `user.overlay.opaque`.

use std::ffi::{CStr, OsStr};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use anyhow::{bail, Context, Result};
use nix::sys::stat::SFlag;

use super::create;

pub const WHITEOUT_PREFIX: &[u8] = b".wh.";
pub const OPAQUE_MARKER: &[u8] = b".wh..wh..opq";
/// The xattr overlay (mounted with `userxattr`) reads for opaque dirs.
pub const OPAQUE_XATTR: &CStr = c"user.overlay.opaque";

/// What an entry's final name means for whiteouts.
#[derive(Debug, PartialEq, Eq)]
pub enum Whiteout<'a> {
    /// An ordinary entry.
    None,
    /// The parent directory is opaque.
    Opaque,
    /// The named sibling is deleted.
    Delete(&'a OsStr),
    /// Other `.wh..wh.` names are aufs bookkeeping, meaningless here.
    Ignore,
}

pub fn classify(name: &OsStr) -> Result<Whiteout<'_>> {
    let bytes = name.as_bytes();
    if bytes == OPAQUE_MARKER {
        return Ok(Whiteout::Opaque);
    }
    if bytes.starts_with(b".wh..wh.") {
        return Ok(Whiteout::Ignore);
    }
    match bytes.strip_prefix(WHITEOUT_PREFIX) {
        None => Ok(Whiteout::None),
        Some(b"") | Some(b".") | Some(b"..") => bail!("is a whiteout without a valid name"),
        Some(target) => Ok(Whiteout::Delete(OsStr::from_bytes(target))),
    }
}

/// Writes overlay's whiteout for `target` in `parent`.
pub fn delete(parent: &OwnedFd, target: &OsStr) -> Result<()> {
    create::remove_existing(parent, target)?;
    create::node(parent, target, SFlag::S_IFCHR, 0).context("create the whiteout (a 0/0 character device)")
}

/// Marks the directory `dir` opaque.
pub fn mark_opaque(dir: &OwnedFd) -> Result<()> {
    set_opaque_xattr(dir).context("mark the directory opaque (xattr user.overlay.opaque)")
}

/// True for overlay's whiteout as it lies in a layer or upper directory:
/// a character device numbered 0/0.
pub fn is_whiteout(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    meta.file_type().is_char_device() && meta.rdev() == 0
}

/// Whether the directory `dir` hides what lower layers have there
/// (`user.overlay.opaque` = `y`); the xattr of a symlink is not followed.
pub fn is_opaque(dir: &std::path::Path) -> bool {
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else { return false };
    let mut value = [0u8; 4];
    // SAFETY: both strings are NUL-terminated and the buffer's length is passed.
    let n = unsafe { libc::lgetxattr(path.as_ptr(), OPAQUE_XATTR.as_ptr(), value.as_mut_ptr().cast(), value.len()) };
    n == 1 && value[0] == b'y'
}

fn set_opaque_xattr(dir: &OwnedFd) -> std::io::Result<()> {
    // SAFETY: dir is an open descriptor, name is NUL-terminated, the value
    // is a valid one-byte slice.
    let rc = unsafe { libc::fsetxattr(dir.as_raw_fd(), OPAQUE_XATTR.as_ptr(), b"y".as_ptr().cast(), 1, 0) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}
