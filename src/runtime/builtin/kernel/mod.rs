//! The kernel boundary of the built-in runtime: every call that changes the
//! container's mounts, links or hostname (and the two questions asked of
//! the kernel about a mount and an fd) goes through [`Kernel`]. `init`
//! passes [`Host`], which makes the syscalls; the unit tests pass
//! `recording::Recording`, which writes each call down in order, so the
//! decisions of `mounts` and `devices` are tested without root.
//!
//! Plain file work inside the rootfs (mount points, empty files for binds)
//! stays outside: it needs no privilege and the tests run it in a temp dir.

use std::os::fd::RawFd;
use std::path::{Path, PathBuf};

use nix::mount::{MntFlags, MsFlags};

#[cfg(test)]
pub mod recording;


pub trait Kernel {
    /// mount(2).
    fn mount(&self, source: Option<&Path>, target: &Path, fstype: Option<&str>, flags: MsFlags, data: Option<&str>) -> nix::Result<()>;
    /// umount2(2).
    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()>;
    /// Sets nodev on the mount at `target` and every mount below it
    /// (mount_setattr with AT_RECURSIVE); a kernel without mount_setattr
    /// (before 5.12) keeps the top mount's flag only, and that is no error.
    fn mount_setattr_nodev(&self, target: &Path) -> nix::Result<()>;
    /// pivot_root(2).
    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()>;
    /// chdir(2), which pivot_root's "." needs around it.
    fn chdir(&self, dir: &Path) -> std::io::Result<()>;
    /// symlink(2): `link` pointing at `original`.
    fn symlink(&self, original: &Path, link: &Path) -> std::io::Result<()>;
    /// sethostname(2), in the container's UTS namespace.
    fn sethostname(&self, name: &str) -> nix::Result<()>;
    /// The flags of the mount at `path` that a user namespace cannot clear
    /// on a mount it did not make (statvfs), so a remount must repeat them.
    fn locked_flags(&self, path: &Path) -> MsFlags;
    /// The path an open fd refers to (/proc/self/fd/N).
    fn fd_path(&self, fd: RawFd) -> std::io::Result<PathBuf>;
    /// Writes a sysctl's value to its /proc/sys file (never through a link).
    fn write_sysctl(&self, path: &Path, value: &str) -> std::io::Result<()>;
    /// move_mount(2): attaches the detached mount tree `tree` (from
    /// [`open_tree_clone`]) at `target`.
    fn move_mount(&self, tree: RawFd, target: &Path) -> nix::Result<()>;
}

/// open_tree(2) with OPEN_TREE_CLONE: a detached copy of the mount at
/// `path` (and the mounts below it with `recursive`), to attach later with
/// [`Kernel::move_mount`] from a process that could not reach `path`.
pub fn open_tree_clone(path: &Path, recursive: bool) -> nix::Result<std::os::fd::OwnedFd> {
    const OPEN_TREE_CLONE: libc::c_uint = 1;
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| nix::errno::Errno::EINVAL)?;
    let mut flags = OPEN_TREE_CLONE | libc::O_CLOEXEC as libc::c_uint;
    if recursive {
        flags |= libc::AT_RECURSIVE as libc::c_uint;
    }
    // SAFETY: open_tree reads the NUL-terminated path alive for the call.
    let fd = unsafe { libc::syscall(libc::SYS_open_tree, libc::AT_FDCWD, c_path.as_ptr(), flags) };
    let fd = nix::errno::Errno::result(fd)?;
    // SAFETY: the kernel returned a new fd that nothing else owns.
    Ok(unsafe { <std::os::fd::OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd as RawFd) })
}

/// The real kernel.
pub struct Host;

impl Kernel for Host {
    fn mount(&self, source: Option<&Path>, target: &Path, fstype: Option<&str>, flags: MsFlags, data: Option<&str>) -> nix::Result<()> {
        nix::mount::mount(source, target, fstype, flags, data)
    }

    fn umount2(&self, target: &Path, flags: MntFlags) -> nix::Result<()> {
        nix::mount::umount2(target, flags)
    }

    fn mount_setattr_nodev(&self, target: &Path) -> nix::Result<()> {
        #[repr(C)]
        struct MountAttr {
            attr_set: u64,
            attr_clr: u64,
            propagation: u64,
            userns_fd: u64,
        }
        const MOUNT_ATTR_NODEV: u64 = 0x4;
        let attr = MountAttr { attr_set: MOUNT_ATTR_NODEV, attr_clr: 0, propagation: 0, userns_fd: 0 };
        let c_path = std::ffi::CString::new(target.as_os_str().as_encoded_bytes()).map_err(|_| nix::errno::Errno::EINVAL)?;
        // SAFETY: mount_setattr reads `attr` (of the size given) and the
        // NUL-terminated path, both alive for the call.
        let rc = unsafe {
            libc::syscall(
                libc::SYS_mount_setattr,
                libc::AT_FDCWD,
                c_path.as_ptr(),
                libc::AT_RECURSIVE | libc::AT_SYMLINK_NOFOLLOW,
                &attr as *const MountAttr,
                std::mem::size_of::<MountAttr>(),
            )
        };
        match nix::errno::Errno::result(rc) {
            Err(nix::errno::Errno::ENOSYS) => Ok(()),
            other => other.map(|_| ()),
        }
    }

    fn pivot_root(&self, new_root: &Path, put_old: &Path) -> nix::Result<()> {
        nix::unistd::pivot_root(new_root, put_old)
    }

    fn chdir(&self, dir: &Path) -> std::io::Result<()> {
        std::env::set_current_dir(dir)
    }

    fn symlink(&self, original: &Path, link: &Path) -> std::io::Result<()> {
        std::os::unix::fs::symlink(original, link)
    }

    fn sethostname(&self, name: &str) -> nix::Result<()> {
        nix::unistd::sethostname(name)
    }

    fn locked_flags(&self, path: &Path) -> MsFlags {
        use nix::sys::statvfs::FsFlags;
        let Ok(st) = nix::sys::statvfs::statvfs(path) else { return MsFlags::empty() };
        let f = st.flags();
        let mut out = MsFlags::empty();
        for (have, want) in [
            (FsFlags::ST_NOSUID, MsFlags::MS_NOSUID),
            (FsFlags::ST_NODEV, MsFlags::MS_NODEV),
            (FsFlags::ST_NOEXEC, MsFlags::MS_NOEXEC),
            (FsFlags::ST_NOATIME, MsFlags::MS_NOATIME),
            (FsFlags::ST_NODIRATIME, MsFlags::MS_NODIRATIME),
            (FsFlags::ST_RELATIME, MsFlags::MS_RELATIME),
        ] {
            if f.contains(have) {
                out |= want;
            }
        }
        out
    }

    fn fd_path(&self, fd: RawFd) -> std::io::Result<PathBuf> {
        std::fs::read_link(format!("/proc/self/fd/{fd}"))
    }

    fn write_sysctl(&self, path: &Path, value: &str) -> std::io::Result<()> {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new().write(true).custom_flags(libc::O_NOFOLLOW).open(path)?;
        f.write_all(value.as_bytes())
    }

    fn move_mount(&self, tree: RawFd, target: &Path) -> nix::Result<()> {
        const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 0x4;
        let c_target = std::ffi::CString::new(target.as_os_str().as_encoded_bytes()).map_err(|_| nix::errno::Errno::EINVAL)?;
        // SAFETY: move_mount reads the empty source path and the
        // NUL-terminated target, both alive for the call.
        let rc = unsafe { libc::syscall(libc::SYS_move_mount, tree, c"".as_ptr(), libc::AT_FDCWD, c_target.as_ptr(), MOVE_MOUNT_F_EMPTY_PATH) };
        nix::errno::Errno::result(rc).map(|_| ())
    }
}
