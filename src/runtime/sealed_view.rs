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
/// overlay that is not mounted anywhere in this mount namespace. The mount
/// id alone does not tell: a process that unshared its mount namespace
/// after opening a file holds a mount whose id the new table lacks, though
/// the overlay is mounted there under another id. A detached overlay's
/// device, fresh when it was made, is in no table at all.
pub fn is_view(file: BorrowedFd<'_>) -> bool {
    let Ok(fs) = rustix::fs::fstatfs(file) else { return false };
    let read_only = rustix::fs::fstatvfs(file).is_ok_and(|v| v.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY));
    if fs.f_type != libc::OVERLAYFS_SUPER_MAGIC || !read_only {
        return false;
    }
    let Ok(stx) = rustix::fs::statx(file, "", rustix::fs::AtFlags::EMPTY_PATH, rustix::fs::StatxFlags::MNT_ID) else { return false };
    !mounted_here(stx.stx_mnt_id, &format!("{}:{}", stx.stx_dev_major, stx.stx_dev_minor))
}

/// Whether mount `id`, or any mount of device `dev` ("major:minor"), is
/// one of this mount namespace's.
fn mounted_here(id: u64, dev: &str) -> bool {
    // Unreadable: say mounted, so that nothing is taken for sealed.
    let Ok(table) = std::fs::read_to_string("/proc/self/mountinfo") else { return true };
    table.lines().any(|line| {
        let mut fields = line.split(' ');
        let mount_id = fields.next().and_then(|n| n.parse::<u64>().ok());
        mount_id == Some(id) || fields.nth(1) == Some(dev)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_separators_are_escaped() {
        assert_eq!(escape_layer(Path::new("/a:b,c\\d")).unwrap(), "/a\\:b\\,c\\\\d");
    }

    /// In a forked child (single-threaded, so it may enter a user
    /// namespace as any user): a file on a read-only overlay mounted in
    /// the child's namespace, opened and then kept across an unshare of
    /// the mount namespace, is not a view; the view of it is.
    #[test]
    fn a_mounted_overlay_is_no_view_even_after_an_unshare() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
        // SAFETY: geteuid and getegid cannot fail.
        let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
        // SAFETY: the child only makes syscalls and allocates (glibc's
        // fork leaves malloc usable) before _exit.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork");
        if pid == 0 {
            let code = child_checks(&root, uid, gid);
            // SAFETY: leaving the forked child without running the parent's destructors.
            unsafe { libc::_exit(code) };
        }
        let mut status = 0;
        // SAFETY: waiting for the child forked above.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        let code = libc::WEXITSTATUS(status);
        assert!(libc::WIFEXITED(status), "the child died: {status}");
        assert_ne!(code, 2, "a mounted overlay was taken for a view");
        assert_ne!(code, 3, "a mounted overlay opened before an unshare was taken for a view");
        assert_ne!(code, 4, "the view itself was not recognised");
        assert_eq!(code, 0, "setting up the namespaces failed at step {code}");
    }

    fn child_checks(root: &std::ffi::CStr, uid: u32, gid: u32) -> i32 {
        use std::os::fd::AsFd;
        // SAFETY: plain syscalls on valid C strings in a single-threaded child.
        unsafe {
            if libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWNS) != 0 {
                return 10;
            }
        }
        let maps = std::fs::write("/proc/self/setgroups", "deny")
            .and_then(|()| std::fs::write("/proc/self/uid_map", format!("0 {uid} 1")))
            .and_then(|()| std::fs::write("/proc/self/gid_map", format!("0 {gid} 1")));
        if maps.is_err() {
            return 11;
        }
        let c = |s: &str| std::ffi::CString::new(s).unwrap();
        // SAFETY: as above.
        let mounted = unsafe {
            libc::mount(std::ptr::null(), c("/").as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()) == 0
                && libc::mount(c("tmpfs").as_ptr(), root.as_ptr(), c("tmpfs").as_ptr(), 0, std::ptr::null()) == 0
        };
        if !mounted {
            return 12;
        }
        let top = Path::new(root.to_str().unwrap());
        for sub in ["a", "b", "merged"] {
            std::fs::create_dir(top.join(sub)).unwrap();
        }
        std::fs::write(top.join("a/bin"), "#!/bin/sh\n").unwrap();
        let data = c(&format!("lowerdir={}:{}", top.join("a").display(), top.join("b").display()));
        let merged = c(top.join("merged").to_str().unwrap());
        // SAFETY: as above.
        if unsafe { libc::mount(c("overlay").as_ptr(), merged.as_ptr(), c("overlay").as_ptr(), libc::MS_RDONLY, data.as_ptr().cast()) } != 0 {
            return 13;
        }
        let file = std::fs::File::open(top.join("merged/bin")).unwrap();
        if is_view(file.as_fd()) {
            return 2;
        }
        // SAFETY: as above.
        if unsafe { libc::unshare(libc::CLONE_NEWNS) } != 0 {
            return 14;
        }
        if is_view(file.as_fd()) {
            return 3;
        }
        match view(&top.join("merged/bin")) {
            Ok(seen) if is_view(seen.as_fd()) => 0,
            Ok(_) => 4,
            Err(_) => 15,
        }
    }
}
