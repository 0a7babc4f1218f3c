//! The vfs driver: a root filesystem as a full copy of its layers, applied
//! bottom-up with overlay's semantics, for machines where no overlay works.
//! A 0/0 character device deletes the path below it; a directory marked
//! opaque (`user.overlay.opaque` = `y`) first loses the lower content.
//! Owners, modes, times, symlinks, device nodes, extended attributes and
//! hard links within a layer are kept.
//!
//! Layer directories are pontoon's own (already checked on extraction) and
//! the target is private to this call, so plain paths are safe here: every
//! name comes from read_dir and every parent in the target is a directory
//! this function made or checked.

use std::collections::HashMap;
use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nix::sys::stat::{mknod, utimensat, Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;

use crate::store::layers::remove_tree;
use crate::store::unpack::whiteout::{is_opaque, is_whiteout};

/// Copies `lowers` (top first, as overlay lists them) into `target`.
pub fn flatten(lowers_top_first: &[PathBuf], target: &Path) -> Result<()> {
    apply(lowers_top_first, target, false)
}

/// Merges `layers` (top first) into `target` as one layer of the same
/// form: whiteouts and opaque directories are kept, so that on top of the
/// layers below them the merge hides what they hid (`build --squash`).
pub fn merge_layers(layers_top_first: &[PathBuf], target: &Path) -> Result<()> {
    apply(layers_top_first, target, true)
}

fn apply(lowers_top_first: &[PathBuf], target: &Path, keep_markers: bool) -> Result<()> {
    fs::create_dir_all(target).with_context(|| format!("create {}", target.display()))?;
    let mut dir_times = HashMap::new();
    for layer in lowers_top_first.iter().rev() {
        let mut links = HashMap::new();
        copy_dir(layer, target, keep_markers, &mut links, &mut dir_times).with_context(|| format!("copy layer {} into {}", layer.display(), target.display()))?;
        copy_meta(layer, target, &fs::symlink_metadata(layer).with_context(|| format!("stat {}", layer.display()))?)?;
        dir_times.insert(target.to_path_buf(), mtime(&fs::symlink_metadata(layer)?));
    }
    for (dir, time) in dir_times {
        // An upper layer may have deleted or replaced the directory since.
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        utimensat(None, &dir, &time, &time, UtimensatFlags::NoFollowSymlink).with_context(|| format!("set the time of {}", dir.display()))?;
    }
    Ok(())
}

fn copy_dir(src: &Path, dst: &Path, keep_markers: bool, links: &mut HashMap<(u64, u64), PathBuf>, dir_times: &mut HashMap<PathBuf, TimeSpec>) -> Result<()> {
    for entry in fs::read_dir(src).with_context(|| format!("list {}", src.display()))? {
        let entry = entry.with_context(|| format!("list {}", src.display()))?;
        let (from, to) = (entry.path(), dst.join(entry.file_name()));
        let meta = fs::symlink_metadata(&from).with_context(|| format!("stat {}", from.display()))?;
        let existing = fs::symlink_metadata(&to).ok();
        if is_whiteout(&meta) {
            remove_any(&to, existing.as_ref())?;
            if keep_markers {
                mknod(&to, SFlag::S_IFCHR, Mode::empty(), 0).with_context(|| format!("create the whiteout {}", to.display()))?;
            }
            continue;
        }
        if meta.is_dir() {
            let keep = existing.as_ref().is_some_and(|m| m.is_dir()) && !is_opaque(&from);
            if !keep {
                remove_any(&to, existing.as_ref())?;
                fs::create_dir(&to).with_context(|| format!("create {}", to.display()))?;
            }
            copy_dir(&from, &to, keep_markers, links, dir_times)?;
            copy_meta(&from, &to, &meta)?;
            if keep_markers && is_opaque(&from) {
                for name in [&b"user.overlay.opaque"[..], b"trusted.overlay.opaque", b"user.fuseoverlayfs.opaque"] {
                    if let Some(value) = get_xattr(&from, name) {
                        set_xattr(&to, name, &value).with_context(|| format!("mark {} opaque", to.display()))?;
                    }
                }
            }
            dir_times.insert(to, mtime(&meta));
            continue;
        }
        remove_any(&to, existing.as_ref())?;
        let ft = meta.file_type();
        if ft.is_file() && meta.nlink() > 1 {
            if let Some(first) = links.get(&(meta.dev(), meta.ino())) {
                fs::hard_link(first, &to).with_context(|| format!("link {} to {}", to.display(), first.display()))?;
                continue;
            }
            links.insert((meta.dev(), meta.ino()), to.clone());
        }
        if ft.is_file() {
            fs::copy(&from, &to).with_context(|| format!("copy {} to {}", from.display(), to.display()))?;
        } else if ft.is_symlink() {
            let target = fs::read_link(&from).with_context(|| format!("read symlink {}", from.display()))?;
            std::os::unix::fs::symlink(&target, &to).with_context(|| format!("create symlink {}", to.display()))?;
        } else {
            let kind = SFlag::from_bits_truncate(meta.mode() & SFlag::S_IFMT.bits());
            mknod(&to, kind, Mode::from_bits_truncate(0o600), meta.rdev()).with_context(|| format!("create device node {}", to.display()))?;
        }
        copy_meta(&from, &to, &meta)?;
        if !meta.is_dir() {
            let t = mtime(&meta);
            utimensat(None, &to, &t, &t, UtimensatFlags::NoFollowSymlink).with_context(|| format!("set the time of {}", to.display()))?;
        }
    }
    Ok(())
}

fn remove_any(path: &Path, meta: Option<&fs::Metadata>) -> Result<()> {
    match meta {
        None => Ok(()),
        Some(m) if m.is_dir() => remove_tree(path).with_context(|| format!("remove {}", path.display())),
        Some(_) => fs::remove_file(path).with_context(|| format!("remove {}", path.display())),
    }
}

fn mtime(meta: &fs::Metadata) -> TimeSpec {
    TimeSpec::new(meta.mtime(), meta.mtime_nsec())
}

/// Owner, then mode (chown clears setuid), then extended attributes other
/// than overlay's own markers.
fn copy_meta(from: &Path, to: &Path, meta: &fs::Metadata) -> Result<()> {
    std::os::unix::fs::lchown(to, Some(meta.uid()), Some(meta.gid())).with_context(|| format!("set the owner of {}", to.display()))?;
    if !meta.file_type().is_symlink() {
        fs::set_permissions(to, fs::Permissions::from_mode(meta.mode() & 0o7777)).with_context(|| format!("set the mode of {}", to.display()))?;
    }
    for (name, value) in xattrs(from)? {
        if name.starts_with(b"user.overlay.") || name.starts_with(b"trusted.overlay.") {
            continue;
        }
        set_xattr(to, &name, &value).with_context(|| format!("copy extended attribute {} to {}", String::from_utf8_lossy(&name), to.display()))?;
    }
    Ok(())
}

fn cpath(path: &Path) -> Result<CString> {
    CString::new(path.as_os_str().as_bytes()).with_context(|| format!("{} has a NUL byte", path.display()))
}

/// Every extended attribute of `path` (not following a symlink).
fn xattrs(path: &Path) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
    let p = cpath(path)?;
    let mut names = vec![0u8; 4096];
    // SAFETY: p is NUL-terminated; the buffer has the length passed.
    let len = unsafe { libc::llistxattr(p.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    if len < 0 {
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() == Some(libc::EOPNOTSUPP) {
            return Ok(Vec::new());
        }
        return Err(err).with_context(|| format!("list extended attributes of {}", path.display()));
    }
    names.truncate(len as usize);
    Ok(names
        .split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .filter_map(|n| get_xattr(path, n).map(|v| (n.to_vec(), v)))
        .collect())
}

fn get_xattr(path: &Path, name: &[u8]) -> Option<Vec<u8>> {
    let p = cpath(path).ok()?;
    let n = CString::new(name).ok()?;
    let mut buf = vec![0u8; 64 * 1024];
    // SAFETY: both strings are NUL-terminated; the buffer has the length passed.
    let len = unsafe { libc::lgetxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    (len >= 0).then(|| {
        buf.truncate(len as usize);
        buf
    })
}

fn set_xattr(path: &Path, name: &[u8], value: &[u8]) -> Result<()> {
    let p = cpath(path)?;
    let n = CString::new(name).context("xattr name has a NUL byte")?;
    // SAFETY: both strings are NUL-terminated; value is a valid slice.
    let rc = unsafe { libc::lsetxattr(p.as_ptr(), n.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    // What the layer held but this context may not set (security.* in a
    // user namespace) was already dropped the same way at extraction.
    let privileged = name.starts_with(b"security.") || name.starts_with(b"trusted.");
    if privileged && matches!(err.raw_os_error(), Some(libc::EPERM) | Some(libc::EOPNOTSUPP)) {
        return Ok(());
    }
    Err(err.into())
}
