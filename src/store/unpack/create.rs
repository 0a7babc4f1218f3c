//! Creating one entry's final component relative to its (already checked)
//! parent directory, and giving it the owner, mode, times and extended
//! attributes from its tar header. Nothing here follows a symlink: files are
//! opened with O_NOFOLLOW, metadata calls use AT_SYMLINK_NOFOLLOW.

use std::ffi::{CString, OsStr};
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use anyhow::{anyhow, bail, Context, Result};
use nix::errno::Errno;
use nix::fcntl::{openat, AtFlags, OFlag};
use nix::sys::stat::{fchmod, fchmodat, fstatat, futimens, mknodat, utimensat, FchmodatFlags, Mode, SFlag, UtimensatFlags};
use nix::sys::time::TimeSpec;
use nix::unistd::{fchown, fchownat, Gid, Uid};

use super::safe_path::owned;

/// What a tar header says about an entry besides its name and content.
#[derive(Clone, Debug)]
pub struct Meta {
    pub uid: u64,
    pub gid: u64,
    /// Permission bits including setuid, setgid and sticky.
    pub mode: u32,
    pub mtime: TimeSpec,
    /// `SCHILY.xattr.*` records: attribute name and value.
    pub xattrs: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Whether the directory entry `name` exists, and if so whether it is a
/// directory (never following a symlink).
pub fn existing_kind(parent: &OwnedFd, name: &OsStr) -> Result<Option<SFlag>> {
    match fstatat(Some(parent.as_raw_fd()), name, AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) => Ok(Some(SFlag::from_bits_truncate(st.st_mode & SFlag::S_IFMT.bits()))),
        Err(Errno::ENOENT) => Ok(None),
        Err(e) => Err(anyhow!(e).context("inspect the existing file")),
    }
}

/// Removes whatever `name` is (a whole directory tree included), so that a
/// later entry of the same name replaces an earlier one.
pub fn remove_existing(parent: &OwnedFd, name: &OsStr) -> Result<()> {
    match existing_kind(parent, name)? {
        None => Ok(()),
        Some(SFlag::S_IFDIR) => remove_tree_at(parent, name).context("remove the existing directory"),
        Some(_) => nix::unistd::unlinkat(Some(parent.as_raw_fd()), name, nix::unistd::UnlinkatFlags::NoRemoveDir)
            .context("remove the existing file"),
    }
}

/// Removes the directory `name` and everything below it, by descriptors.
pub fn remove_tree_at(parent: &OwnedFd, name: &OsStr) -> Result<()> {
    let fd = openat(Some(parent.as_raw_fd()), name, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
        .map(owned)?;
    let mut children = Vec::new();
    let dup = nix::unistd::dup(fd.as_raw_fd())?;
    let mut dir = nix::dir::Dir::from_fd(dup)?;
    for entry in dir.iter() {
        let entry = entry?;
        let child = entry.file_name().to_bytes();
        if child != b"." && child != b".." {
            children.push((child.to_vec(), entry.file_type()));
        }
    }
    for (child, kind) in children {
        let child = OsStr::from_bytes(&child);
        if kind == Some(nix::dir::Type::Directory) {
            remove_tree_at(&fd, child)?;
        } else {
            nix::unistd::unlinkat(Some(fd.as_raw_fd()), child, nix::unistd::UnlinkatFlags::NoRemoveDir)?;
        }
    }
    nix::unistd::unlinkat(Some(parent.as_raw_fd()), name, nix::unistd::UnlinkatFlags::RemoveDir)?;
    Ok(())
}

/// Creates a regular file with the content of `data`, sparse: see
/// [`write_sparse`].
pub fn regular_file(parent: &OwnedFd, name: &OsStr, data: &mut impl Read) -> Result<File> {
    let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let fd = openat(Some(parent.as_raw_fd()), name, flags, Mode::from_bits_truncate(0o600)).context("create the file")?;
    let file = File::from(owned(fd));
    write_sparse(data, &file).context("write the file")?;
    Ok(file)
}

/// The unit of hole detection: a filesystem block on most filesystems.
const SPARSE_BLOCK: usize = 4096;
static ZERO_BLOCK: [u8; SPARSE_BLOCK] = [0; SPARSE_BLOCK];

/// Copies `data` into the empty `file`, leaving every all-zero block as a
/// hole (not written; the final `set_len` gives the file its size). A layer
/// may hold a huge sparse file (a GNU sparse entry, which the tar crate
/// reads back as zeros, or a plain entry of mostly zeros) that compresses
/// to a few bytes; written out in full it would fill the disk. The content
/// read back is the same either way.
pub fn write_sparse(data: &mut impl Read, file: &File) -> io::Result<u64> {
    use std::os::unix::fs::FileExt;
    let mut buf = [0u8; 64 * 1024];
    let mut offset = 0u64;
    loop {
        let n = read_full(data, &mut buf)?;
        if n == 0 {
            break;
        }
        // Consecutive data blocks go out in one write.
        let mut run: Option<usize> = None;
        for (i, block) in buf[..n].chunks(SPARSE_BLOCK).enumerate() {
            let start = i * SPARSE_BLOCK;
            // A comparison with a zero block is libc's memcmp, fast even
            // in a debug build (a 10 GiB hole is 2.6 million blocks).
            let zero = block == &ZERO_BLOCK[..block.len()];
            match (zero, run) {
                (false, None) => run = Some(start),
                (true, Some(from)) => {
                    file.write_all_at(&buf[from..start], offset + from as u64)?;
                    run = None;
                }
                _ => {}
            }
        }
        if let Some(from) = run {
            file.write_all_at(&buf[from..n], offset + from as u64)?;
        }
        offset += n as u64;
    }
    // A trailing hole has no write to extend the file; set_len does.
    file.set_len(offset)?;
    Ok(offset)
}

/// Reads until `buf` is full or the input ends, so that blocks stay
/// aligned to the file's offsets.
fn read_full(data: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match data.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Creates a directory, or keeps the existing one (a directory entry over a
/// directory only updates its metadata). Returns it opened.
pub fn directory(parent: &OwnedFd, name: &OsStr) -> Result<OwnedFd> {
    match existing_kind(parent, name)? {
        Some(SFlag::S_IFDIR) => {}
        Some(_) => {
            remove_existing(parent, name)?;
            nix::sys::stat::mkdirat(Some(parent.as_raw_fd()), name, Mode::from_bits_truncate(0o700)).context("create the directory")?;
        }
        None => nix::sys::stat::mkdirat(Some(parent.as_raw_fd()), name, Mode::from_bits_truncate(0o700)).context("create the directory")?,
    }
    open_dir_nofollow(parent, name)
}

pub fn open_dir_nofollow(parent: &OwnedFd, name: &OsStr) -> Result<OwnedFd> {
    let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    openat(Some(parent.as_raw_fd()), name, flags, Mode::empty()).map(owned).context("open the directory")
}

/// Creates a device node or fifo.
pub fn node(parent: &OwnedFd, name: &OsStr, kind: SFlag, dev: u64) -> Result<()> {
    mknodat(Some(parent.as_raw_fd()), name, kind, Mode::from_bits_truncate(0o600), dev).context("create the device node")?;
    Ok(())
}

/// Applies owner, mode, extended attributes and times to an open file or
/// directory. The order matters: chown clears setuid bits and file
/// capabilities, so the mode and xattrs come after it; setting xattrs does
/// not touch the mtime, writing data would, so times come last.
pub fn apply_fd(fd: &OwnedFd, meta: &Meta, ctx: &ApplyCtx, set_times: bool) -> Result<()> {
    fchown(fd.as_raw_fd(), Some(Uid::from_raw(meta.uid as u32)), Some(Gid::from_raw(meta.gid as u32)))
        .map_err(|e| chown_error(e, meta, ctx))?;
    fchmod(fd.as_raw_fd(), Mode::from_bits_truncate(meta.mode & 0o7777)).context("set the mode")?;
    for (key, value) in &meta.xattrs {
        let name = CString::new(key.clone()).context("xattr name has a NUL byte")?;
        // SAFETY: fd is open, name is NUL-terminated, value is a valid slice.
        let rc = unsafe { libc::fsetxattr(fd.as_raw_fd(), name.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
        xattr_result(rc, key, ctx)?;
    }
    if set_times {
        futimens(fd.as_raw_fd(), &meta.mtime, &meta.mtime).context("set the modification time")?;
    }
    Ok(())
}

/// Applies metadata to `name` in `parent` without opening it (symlinks,
/// device nodes, fifos).
pub fn apply_at(parent: &OwnedFd, name: &OsStr, meta: &Meta, ctx: &ApplyCtx, is_symlink: bool) -> Result<()> {
    fchownat(Some(parent.as_raw_fd()), name, Some(Uid::from_raw(meta.uid as u32)), Some(Gid::from_raw(meta.gid as u32)), AtFlags::AT_SYMLINK_NOFOLLOW)
        .map_err(|e| chown_error(e, meta, ctx))?;
    if !is_symlink {
        // The node was created by us a moment ago in a directory only we
        // write to, so following is harmless; Linux cannot chmod a symlink.
        fchmodat(Some(parent.as_raw_fd()), name, Mode::from_bits_truncate(meta.mode & 0o7777), FchmodatFlags::FollowSymlink).context("set the mode")?;
    }
    if !meta.xattrs.is_empty() {
        // No lsetxattrat before Linux 6.13: name the file through the
        // parent's descriptor, which resolves only the checked parent.
        let path = format!("/proc/self/fd/{}/", parent.as_raw_fd());
        let mut path = path.into_bytes();
        path.extend_from_slice(name.as_bytes());
        let path = CString::new(path).context("file name has a NUL byte")?;
        for (key, value) in &meta.xattrs {
            let cname = CString::new(key.clone()).context("xattr name has a NUL byte")?;
            // SAFETY: both strings are NUL-terminated, value is a valid slice.
            let rc = unsafe { libc::lsetxattr(path.as_ptr(), cname.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
            xattr_result(rc, key, ctx)?;
        }
    }
    utimensat(Some(parent.as_raw_fd()), name, &meta.mtime, &meta.mtime, UtimensatFlags::NoFollowSymlink).context("set the modification time")?;
    Ok(())
}

/// What applying metadata needs to know about the context.
pub struct ApplyCtx<'a> {
    pub rootless: bool,
    /// The entry's name, for error messages.
    pub entry: &'a str,
}

/// A failed chown inside a user namespace (EINVAL) means the id is not
/// mapped: say which id and how to get a larger range.
fn chown_error(err: Errno, meta: &Meta, ctx: &ApplyCtx) -> anyhow::Error {
    if err != Errno::EINVAL {
        return anyhow!(err).context(format!("set owner {}:{}", meta.uid, meta.gid));
    }
    let uid_ok = id_mapped("/proc/self/uid_map", meta.uid);
    let (kind, id, map) = if uid_ok { ("gid", meta.gid, "/proc/self/gid_map") } else { ("uid", meta.uid, "/proc/self/uid_map") };
    anyhow!(
        "layer file {} is owned by {kind} {id}, outside the user namespace's {} ids: give your user a larger range in /etc/subuid and /etc/subgid",
        ctx.entry,
        mapped_count(map)
    )
}

fn id_map(file: &str) -> Vec<(u64, u64)> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace().map(|x| x.parse::<u64>());
            match (f.next(), f.next(), f.next()) {
                (Some(Ok(inside)), Some(Ok(_)), Some(Ok(count))) => Some((inside, count)),
                _ => None,
            }
        })
        .collect()
}

fn id_mapped(file: &str, id: u64) -> bool {
    id_map(file).iter().any(|(start, count)| id >= *start && id < start + count)
}

fn mapped_count(file: &str) -> u64 {
    id_map(file).iter().map(|(_, count)| count).sum()
}

/// Extended attributes the kernel refuses to an unprivileged user namespace
/// (security.*, trusted.*) are dropped quietly when rootless; a filesystem
/// without xattr support drops them too. Anything else is an error.
fn xattr_result(rc: libc::c_int, key: &[u8], ctx: &ApplyCtx) -> Result<()> {
    if rc == 0 {
        return Ok(());
    }
    let err = Errno::last();
    let privileged = key.starts_with(b"security.") || key.starts_with(b"trusted.");
    if err == Errno::EOPNOTSUPP || (ctx.rootless && privileged && matches!(err, Errno::EPERM | Errno::EACCES | Errno::EINVAL)) {
        return Ok(());
    }
    bail!("set extended attribute {}: {err}", String::from_utf8_lossy(key))
}
