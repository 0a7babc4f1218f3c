//! A read-only view of an executable that no container can write through
//! or trace back to the host's file: the file seen through an overlay mount
//! that is attached nowhere (fsopen and fsmount, Linux 5.2; runc does the
//! same since 1.2). A process running from the view has the overlay's inode
//! as its /proc/PID/exe: opening it for writing fails (EROFS), and it lives
//! on a device that no mount namespace shows. Reads and mappings go to the
//! file's own page cache, so unlike the memfd copy of runtime::sealed the
//! view costs no memory: what a monitor, which stays with its container for
//! the container's whole life, would otherwise pay per container.

use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::Path;

use anyhow::{bail, Context, Result};
use rustix::fs::{Mode, OFlags};
use rustix::mount::{FsMountFlags, FsOpenFlags, MountAttrFlags};

/// Opens `path` (a regular file) through a fresh detached read-only overlay
/// of its directory; the fd is O_PATH, to exec with execveat or as
/// /proc/self/fd/N.
pub fn view(path: &Path) -> Result<OwnedFd> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        bail!("{} names no file in a directory", path.display());
    };
    let layers = detached_overlay(dir).with_context(|| format!("mount a read-only view of {}", dir.display()))?;
    let file = rustix::fs::openat(&layers, name, OFlags::PATH | OFlags::NOFOLLOW | OFlags::CLOEXEC, Mode::empty())
        .with_context(|| format!("open {} in its read-only view", path.display()))?;
    let stat = rustix::fs::fstat(&file).context("stat the view of the binary")?;
    if rustix::fs::FileType::from_raw_mode(stat.st_mode) != rustix::fs::FileType::RegularFile {
        bail!("{} is not a regular file", path.display());
    }
    Ok(file)
}

/// An overlay whose top layer is `dir` and whose bottom one an empty
/// tmpfs (an overlay without an upper layer needs two), mounted nowhere.
fn detached_overlay(dir: &Path) -> Result<OwnedFd> {
    let empty = detached("tmpfs", &[("size", "4k"), ("nr_inodes", "1")], MountAttrFlags::MOUNT_ATTR_NOEXEC)?;
    let empty_path = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&empty));
    let fs = rustix::mount::fsopen("overlay", FsOpenFlags::FSOPEN_CLOEXEC).context("fsopen overlay")?;
    // `lowerdir+` (Linux 6.8) takes each layer as it is; before it, the
    // one `lowerdir` list needs its separators escaped in the path.
    let each = rustix::mount::fsconfig_set_string(&fs, "lowerdir+", dir).and_then(|()| rustix::mount::fsconfig_set_string(&fs, "lowerdir+", &*empty_path));
    if each.is_err() {
        let listed = format!("{}:{empty_path}", escape_layer(dir)?);
        rustix::mount::fsconfig_set_string(&fs, "lowerdir", &*listed).context("set the overlay's layers")?;
    }
    rustix::mount::fsconfig_create(&fs).context("create the overlay")?;
    let flags = MountAttrFlags::MOUNT_ATTR_RDONLY | MountAttrFlags::MOUNT_ATTR_NODEV | MountAttrFlags::MOUNT_ATTR_NOSUID;
    rustix::mount::fsmount(&fs, FsMountFlags::FSMOUNT_CLOEXEC, flags).context("fsmount the overlay")
}

/// A detached mount of a new `fstype` with string options.
fn detached(fstype: &str, options: &[(&str, &str)], extra: MountAttrFlags) -> Result<OwnedFd> {
    let fs = rustix::mount::fsopen(fstype, FsOpenFlags::FSOPEN_CLOEXEC).with_context(|| format!("fsopen {fstype}"))?;
    for (key, value) in options {
        rustix::mount::fsconfig_set_string(&fs, *key, *value).with_context(|| format!("set {key}={value} on {fstype}"))?;
    }
    rustix::mount::fsconfig_create(&fs).with_context(|| format!("create the {fstype}"))?;
    let flags = MountAttrFlags::MOUNT_ATTR_RDONLY | MountAttrFlags::MOUNT_ATTR_NODEV | MountAttrFlags::MOUNT_ATTR_NOSUID | extra;
    rustix::mount::fsmount(&fs, FsMountFlags::FSMOUNT_CLOEXEC, flags).with_context(|| format!("fsmount the {fstype}"))
}

/// A layer for the `lowerdir` list, whose separators are `:` (and `,`
/// in mount(2)'s data), escaped with a backslash.
fn escape_layer(dir: &Path) -> Result<String> {
    let Some(text) = dir.to_str() else { bail!("{} is not UTF-8", dir.display()) };
    Ok(text.chars().flat_map(|c| if matches!(c, ':' | ',' | '\\') { vec!['\\', c] } else { vec![c] }).collect())
}

/// Whether `file` is seen through a view made by `view`: a read-only
/// overlay that is not mounted anywhere in this mount namespace.
pub fn is_view(file: BorrowedFd<'_>) -> bool {
    let Ok(fs) = rustix::fs::fstatfs(file) else { return false };
    let read_only = rustix::fs::fstatvfs(file).is_ok_and(|v| v.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY));
    if fs.f_type != libc::OVERLAYFS_SUPER_MAGIC || !read_only {
        return false;
    }
    let Ok(stx) = rustix::fs::statx(file, "", rustix::fs::AtFlags::EMPTY_PATH, rustix::fs::StatxFlags::MNT_ID) else { return false };
    !mounted_here(stx.stx_mnt_id)
}

/// Whether mount `id` is one of this mount namespace's.
fn mounted_here(id: u64) -> bool {
    // Unreadable: say mounted, so that nothing is taken for sealed.
    let Ok(table) = std::fs::read_to_string("/proc/self/mountinfo") else { return true };
    table.lines().any(|line| line.split(' ').next().and_then(|n| n.parse::<u64>().ok()) == Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_separators_are_escaped() {
        assert_eq!(escape_layer(Path::new("/a:b,c\\d")).unwrap(), "/a\\:b\\,c\\\\d");
    }
}
