//! Overlay mounts, native and through fuse-overlayfs.
//!
//! Native overlay is always mounted with `userxattr`, so whiteouts and
//! opaque directories are read from `user.overlay.*` both rootless and as
//! root (see store/unpack/whiteout.rs). Mount options must fit in one page,
//! which absolute layer paths (~90 bytes each) exceed at about 40 layers;
//! each directory is therefore opened and named as `/proc/self/fd/N`
//! (~17 bytes), which overlay resolves at mount time, so 200+ layers fit.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use nix::errno::Errno;
use nix::mount::{mount, umount2, MntFlags, MsFlags};

/// The kernel's limit on mount option data: one page.
const MAX_OPTIONS: usize = 4095;

/// Mounts `lowers` (top first) with an optional writable `(upper, work)`.
/// Without an upper directory the mount is read-only.
pub fn mount_overlay(lowers: &[PathBuf], upper: Option<(&Path, &Path)>, target: &Path) -> Result<()> {
    mount_overlay_with(lowers, upper, target, false)
}

/// [`mount_overlay`]; `volatile` (with an upper directory) mounts it with
/// overlay's `volatile` option: no sync of the upper filesystem, ever. An
/// unmount then costs no syncfs of the whole filesystem under the store
/// (which, with other writers on it, took hundreds of milliseconds), and
/// what the container writes may be lost in a crash: only for containers
/// removed when they exit (`--rm`), as Podman does.
pub fn mount_overlay_with(lowers: &[PathBuf], upper: Option<(&Path, &Path)>, target: &Path, volatile: bool) -> Result<()> {
    if lowers.is_empty() {
        bail!("an overlay needs at least one layer");
    }
    let mut held = Vec::new();
    let mut open = |dir: &Path| -> Result<String> {
        let f = File::open(dir).with_context(|| format!("open layer directory {}", dir.display()))?;
        let name = format!("/proc/self/fd/{}", f.as_raw_fd());
        held.push(f);
        Ok(name)
    };
    let mut lowerdir = Vec::new();
    for l in lowers {
        lowerdir.push(open(l)?);
    }
    if lowers.len() == 1 && upper.is_none() {
        // Overlay wants two lower directories when it has no upper one
        // (and refuses the same one twice): add an empty one beneath.
        let empty = empty_lower(target)?;
        lowerdir.push(open(&empty)?);
    }
    let mut options = format!("userxattr,lowerdir={}", lowerdir.join(":"));
    let mut flags = MsFlags::empty();
    match upper {
        Some((upper, work)) => {
            options.push_str(&format!(",upperdir={},workdir={}", open(upper)?, open(work)?));
            if volatile {
                options.push_str(",volatile");
            }
        }
        None => flags |= MsFlags::MS_RDONLY,
    }
    if options.len() > MAX_OPTIONS {
        bail!("an image of {} layers is too deep for one overlay mount; use PONTOON_STORAGE_DRIVER=vfs", lowers.len());
    }
    mount(Some("overlay"), target, Some("overlay"), flags, Some(options.as_str()))
        .with_context(|| format!("mount overlay of {} layers on {}", lowers.len(), target.display()))?;
    drop(held);
    Ok(())
}

/// An empty directory beside `target` (`.empty-lower`), the bottom layer of
/// a one-layer read-only overlay; removed with the target's parent.
fn empty_lower(target: &Path) -> Result<PathBuf> {
    let parent = target.parent().with_context(|| format!("{} has no parent directory", target.display()))?;
    let empty = parent.join(".empty-lower");
    std::fs::create_dir_all(&empty).with_context(|| format!("create {}", empty.display()))?;
    Ok(empty)
}

/// Mounts `lowers` (top first) with fuse-overlayfs, for kernels whose
/// overlay refuses this context.
pub fn mount_fuse_overlayfs(lowers: &[PathBuf], upper: Option<(&Path, &Path)>, target: &Path) -> Result<()> {
    let escape = |p: &Path| -> Result<String> {
        let s = p.to_str().with_context(|| format!("{} is not UTF-8", p.display()))?;
        if s.contains([':', ',']) {
            bail!("fuse-overlayfs cannot use {s}: the path contains ':' or ','");
        }
        Ok(s.to_string())
    };
    let mut options = format!("lowerdir={}", lowers.iter().map(|l| escape(l)).collect::<Result<Vec<_>>>()?.join(":"));
    if let Some((upper, work)) = upper {
        options.push_str(&format!(",upperdir={},workdir={}", escape(upper)?, escape(work)?));
    }
    let out = Command::new("fuse-overlayfs")
        .arg("-o")
        .arg(&options)
        .arg(target)
        .output()
        .context("run fuse-overlayfs (install the fuse-overlayfs package)")?;
    if !out.status.success() {
        bail!("fuse-overlayfs failed on {}: {}", target.display(), String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// Unmounts `target`; lazily when it is still busy. Not being mounted is
/// not an error (a rootless mount vanishes with its namespace).
pub fn unmount(target: &Path) -> Result<()> {
    match umount2(target, MntFlags::empty()) {
        Ok(()) | Err(Errno::EINVAL) | Err(Errno::ENOENT) => Ok(()),
        Err(Errno::EBUSY) => umount2(target, MntFlags::MNT_DETACH).with_context(|| format!("unmount {}", target.display())),
        Err(e) => Err(e).with_context(|| format!("unmount {}", target.display())),
    }
}

/// True when `path` is the root of a mount (its device differs from its
/// parent's, or it is `/`).
pub fn is_mountpoint(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(here), Some(parent)) = (std::fs::metadata(path), path.parent()) else { return false };
    match std::fs::metadata(parent) {
        Ok(up) => here.dev() != up.dev() || here.ino() == up.ino(),
        Err(_) => false,
    }
}
