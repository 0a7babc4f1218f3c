//! A container's changes as a layer of the store: its overlay upper
//! directory written as an OCI layer tar (stored as a blob under its diff
//! id) and unpacked into the layer store, ready to be an image's top layer.
//! `commit` and every RUN step of a build end here.
//!
//! The tar is reproducible: the same tree gives the same bytes, so the same
//! change gives the same diff id. Entries are sorted by name (byte order,
//! which puts a directory's `dir/` before its children); owners, modes and
//! modification times are as on disk (inside the rootless storage namespace
//! the on-disk ids are the container's), access and change times and user
//! and group names are left out, as Docker's layers do.
//!
//! Overlay's own format becomes OCI's: a whiteout (a 0/0 character device)
//! becomes an empty `.wh.NAME`, an opaque directory gets a `.wh..wh..opq`
//! entry, and overlay's bookkeeping attributes are dropped.
//!
//! The directory is walked with descriptors (every lookup relative to its
//! parent's, never following a symlink), so a running container that swaps
//! a directory for a symlink mid-walk cannot make pontoon read the host.

use std::collections::{BTreeSet, HashMap};
use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use nix::dir::Dir;
use nix::errno::Errno;
use nix::fcntl::{openat2, AtFlags, OFlag, OpenHow, ResolveFlag};
use nix::sys::stat::{fstat, fstatat, FileStat, Mode};
use tar::{EntryType, Header};

use crate::image::digest::Digest;
use crate::store::unpack::whiteout::{OPAQUE_MARKER, WHITEOUT_PREFIX};
use crate::store::Store;

/// A layer made from a directory, stored and unpacked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLayer {
    pub diff_id: Digest,
    /// Bytes of the uncompressed tar.
    pub size: u64,
}

/// Turns an overlay upper directory into a layer of the store: a reproducible tar
/// stored as a blob under its diff id and unpacked into the layer store.
/// Paths in `skip` (absolute container paths, e.g. "/proc") are left out when they
/// are empty directories or empty files the runtime created as mount points
/// (and so are directories that only hold such mount points).
/// Returns None when the directory holds no change at all.
///
/// Hold `store.lock_shared()` from before this call until the image that
/// uses the layer is recorded: garbage collection would otherwise remove a
/// layer no image references yet.
pub fn layer_from_upper(store: &Store, upper: &Path, skip: &BTreeSet<PathBuf>) -> Result<Option<NewLayer>> {
    layer_from_upper_with_owners(store, upper, skip, &|uid, gid| Ok((uid, gid)))
}

/// Like [`layer_from_upper`], with every owner (uid, gid) on disk turned
/// into the one the layer records by `owner`: a container in a user
/// namespace of its own wrote its upper directory with ids mapped outside.
pub fn layer_from_upper_with_owners(store: &Store, upper: &Path, skip: &BTreeSet<PathBuf>, owner: &dyn Fn(u64, u64) -> Result<(u64, u64)>) -> Result<Option<NewLayer>> {
    let root = match nix::fcntl::open(upper, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty()) {
        Ok(fd) => owned(fd),
        // A container that never started has no upper directory: no change.
        Err(Errno::ENOENT) => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("open {}", upper.display())),
    };
    let mut entries = scan(&root, upper, skip)?;
    if entries.is_empty() {
        return Ok(None);
    }
    for e in &mut entries {
        (e.uid, e.gid) = owner(e.uid, e.gid).with_context(|| format!("{}", String::from_utf8_lossy(&e.name)))?;
    }
    let (diff_id, size) = store
        .blobs
        .put_writer(|out| write_tar(out, &root, upper, &entries))
        .with_context(|| format!("write the changes in {} as a layer", upper.display()))?;
    store
        .layers
        .unpack(&diff_id, store.blobs.open(&diff_id)?, &store.unpack_options())
        .with_context(|| format!("unpack the new layer {diff_id}"))?;
    Ok(Some(NewLayer { diff_id, size }))
}

/// Overlay's (and fuse-overlayfs') own attributes: bookkeeping of the
/// mount that made the directory, meaningless in a layer.
const OVERLAY_XATTRS: [&[u8]; 3] = [b"trusted.overlay.", b"user.overlay.", b"user.fuseoverlayfs."];
/// The attributes that say a directory is opaque, whichever overlay wrote it.
const OPAQUE_XATTRS: [&[u8]; 3] = [b"trusted.overlay.opaque", b"user.overlay.opaque", b"user.fuseoverlayfs.opaque"];
/// The name of PAX extended headers (ignored by readers; fixed, so the tar is reproducible).
const PAX_NAME: &[u8] = b"././@PaxHeader";
/// The largest id an octal ustar field holds; larger ones go in PAX records.
const MAX_USTAR_ID: u64 = 0o7777777;
/// Room for a name or a link target in a ustar header.
const USTAR_NAME_LEN: usize = 100;

type Xattrs = Vec<(Vec<u8>, Vec<u8>)>;

/// One tar entry, as found in the directory (contents are read when written).
#[derive(Debug)]
struct Entry {
    /// Relative, `/`-separated; directories end with `/`.
    name: Vec<u8>,
    mode: u32,
    uid: u64,
    gid: u64,
    mtime: u64,
    kind: Kind,
    /// `security.capability` and `user.*`, sorted by name.
    xattrs: Xattrs,
    /// (device, inode) of a non-directory with more than one name.
    inode: Option<(u64, u64)>,
}

#[derive(Debug)]
enum Kind {
    Dir,
    File { rel: Vec<u8>, size: u64, dev: u64, ino: u64 },
    /// A whiteout or an opaque marker: an empty regular file.
    Marker,
    Symlink(Vec<u8>),
    HardLink(Vec<u8>),
    Fifo,
    Char(u64),
    Block(u64),
}

/// Everything the upper directory holds, as sorted tar entries.
fn scan(root: &OwnedFd, upper: &Path, skip: &BTreeSet<PathBuf>) -> Result<Vec<Entry>> {
    let mut dir = Dir::openat(Some(root.as_raw_fd()), ".", OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
        .with_context(|| format!("open {}", upper.display()))?;
    let mut scanner = Scanner { upper, skip, out: Vec::new() };
    scanner.walk(&mut dir, b"")?;
    let mut entries = scanner.out;
    // A real `.wh.` file (fuse-overlayfs writes them when it cannot make
    // devices) and the marker made for the same name say the same thing:
    // keep one, the real one, whatever order the directory listed them in.
    entries.sort_by(|a, b| a.name.cmp(&b.name).then(is_marker(a).cmp(&is_marker(b))));
    entries.dedup_by(|later, earlier| later.name == earlier.name);
    let mut first_names: HashMap<(u64, u64), Vec<u8>> = HashMap::new();
    for entry in &mut entries {
        let Some(inode) = entry.inode else { continue };
        match first_names.get(&inode) {
            Some(first) => {
                entry.kind = Kind::HardLink(first.clone());
                entry.xattrs.clear();
            }
            None => {
                first_names.insert(inode, entry.name.clone());
            }
        }
    }
    Ok(entries)
}

fn is_marker(e: &Entry) -> bool {
    matches!(e.kind, Kind::Marker)
}

struct Scanner<'a> {
    upper: &'a Path,
    skip: &'a BTreeSet<PathBuf>,
    out: Vec<Entry>,
}

impl Scanner<'_> {
    /// Adds the entries beneath `dir` (at `rel`); returns whether any was added.
    fn walk(&mut self, dir: &mut Dir, rel: &[u8]) -> Result<bool> {
        let names = list(dir).with_context(|| format!("list {}", self.show(rel)))?;
        let dir_fd = dir.as_raw_fd();
        let mut any = false;
        for name in names {
            let child = join(rel, name.as_bytes());
            let st = fstatat(Some(dir_fd), name.as_os_str(), AtFlags::AT_SYMLINK_NOFOLLOW)
                .with_context(|| format!("stat {}", self.show(&child)))?;
            let file_type = st.st_mode & libc::S_IFMT;
            if file_type == libc::S_IFCHR && st.st_rdev == 0 {
                let marker = join(rel, &[WHITEOUT_PREFIX, name.as_bytes()].concat());
                self.out.push(Entry { mode: 0o600, kind: Kind::Marker, xattrs: Vec::new(), inode: None, ..meta(marker, &st) });
                any = true;
                continue;
            }
            let (xattrs, opaque) = xattrs(dir_fd, &name).with_context(|| format!("read the extended attributes of {}", self.show(&child)))?;
            let linked = (file_type != libc::S_IFDIR && st.st_nlink > 1).then_some((st.st_dev, st.st_ino));
            let kind = match file_type {
                libc::S_IFDIR => {
                    if self.dir(dir_fd, &name, &child, &st, xattrs, opaque)? {
                        any = true;
                    }
                    continue;
                }
                libc::S_IFREG if st.st_size == 0 && self.skip.contains(&container_path(&child)) => continue,
                libc::S_IFREG => Kind::File { rel: child.clone(), size: st.st_size as u64, dev: st.st_dev, ino: st.st_ino },
                libc::S_IFLNK => {
                    let target = nix::fcntl::readlinkat(Some(dir_fd), name.as_os_str())
                        .with_context(|| format!("read the symlink {}", self.show(&child)))?;
                    Kind::Symlink(target.into_vec())
                }
                libc::S_IFIFO => Kind::Fifo,
                libc::S_IFCHR => Kind::Char(st.st_rdev),
                libc::S_IFBLK => Kind::Block(st.st_rdev),
                // A socket is a live endpoint of a process, not content: tar
                // has no type for it and Docker leaves sockets out too.
                libc::S_IFSOCK => continue,
                other => bail!("{} has an unknown file type {other:o}", self.show(&child)),
            };
            self.out.push(Entry { kind, xattrs, inode: linked, ..meta(child, &st) });
            any = true;
        }
        Ok(any)
    }

    /// Adds the directory `name` (at `rel`) and what it holds; returns
    /// whether anything was added.
    fn dir(&mut self, parent: RawFd, name: &OsStr, rel: &[u8], st: &FileStat, xattrs: Xattrs, opaque: bool) -> Result<bool> {
        let mut dir = Dir::openat(Some(parent), name, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC, Mode::empty())
            .with_context(|| format!("open {}", self.show(rel)))?;
        let index = self.out.len();
        let mut dir_name = rel.to_vec();
        dir_name.push(b'/');
        self.out.push(Entry { kind: Kind::Dir, xattrs, inode: None, ..meta(dir_name.clone(), st) });
        let below = self.walk(&mut dir, rel)?;
        if opaque {
            let marker = [&dir_name[..], OPAQUE_MARKER].concat();
            self.out.push(Entry { mode: st.st_mode & 0o777, kind: Kind::Marker, xattrs: Vec::new(), inode: None, ..meta(marker, st) });
        } else if !below && self.holds_mount_point(rel) {
            // Made (or copied up) by the runtime only to hold a mount point.
            self.out.truncate(index);
            return Ok(false);
        }
        Ok(true)
    }

    /// Whether `rel` is a mount point or one lies beneath it.
    fn holds_mount_point(&self, rel: &[u8]) -> bool {
        let path = container_path(rel);
        self.skip.iter().any(|m| m.starts_with(&path))
    }

    fn show(&self, rel: &[u8]) -> String {
        self.upper.join(OsStr::from_bytes(rel)).display().to_string()
    }
}

/// An entry with the owner, mode and time of `st`.
fn meta(name: Vec<u8>, st: &FileStat) -> Entry {
    Entry {
        name,
        mode: st.st_mode & 0o7777,
        uid: st.st_uid.into(),
        gid: st.st_gid.into(),
        mtime: st.st_mtime.max(0) as u64,
        kind: Kind::Dir,
        xattrs: Vec::new(),
        inode: None,
    }
}

/// The names in `dir`, without `.` and `..`.
fn list(dir: &mut Dir) -> nix::Result<Vec<OsString>> {
    let mut names = Vec::new();
    for entry in dir.iter() {
        let bytes = entry?.file_name().to_bytes().to_vec();
        if bytes != b"." && bytes != b".." {
            names.push(OsString::from_vec(bytes));
        }
    }
    Ok(names)
}

fn join(rel: &[u8], name: &[u8]) -> Vec<u8> {
    if rel.is_empty() {
        return name.to_vec();
    }
    [rel, b"/", name].concat()
}

fn container_path(rel: &[u8]) -> PathBuf {
    Path::new("/").join(OsStr::from_bytes(rel))
}

fn owned(fd: RawFd) -> OwnedFd {
    // SAFETY: fd was returned by a successful open a moment ago and is
    // owned by nothing else.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// The attributes of `name` in `dir` that a layer keeps, and whether they
/// mark it opaque. The file is named through the parent's descriptor and
/// the l* calls do not follow a final symlink.
fn xattrs(dir: RawFd, name: &OsStr) -> Result<(Xattrs, bool)> {
    let mut path = format!("/proc/self/fd/{dir}/").into_bytes();
    path.extend_from_slice(name.as_bytes());
    let path = CString::new(path).context("a file name has a NUL byte")?;
    let mut kept = Vec::new();
    let mut opaque = false;
    for attr in list_xattrs(&path)? {
        let keep = attr == b"security.capability" || (attr.starts_with(b"user.") && !OVERLAY_XATTRS.iter().any(|p| attr.starts_with(p)));
        let is_opaque_attr = OPAQUE_XATTRS.contains(&attr.as_slice());
        if !keep && !is_opaque_attr {
            continue;
        }
        let Some(value) = get_xattr(&path, &attr)? else { continue };
        if is_opaque_attr {
            opaque |= value == b"y";
        } else {
            kept.push((attr, value));
        }
    }
    kept.sort();
    Ok((kept, opaque))
}

fn list_xattrs(path: &CString) -> Result<Vec<Vec<u8>>> {
    loop {
        // SAFETY: path is NUL-terminated; a null buffer of size 0 asks for the size.
        let size = unsafe { libc::llistxattr(path.as_ptr(), std::ptr::null_mut(), 0) };
        if size < 0 {
            return match Errno::last() {
                Errno::ENOTSUP => Ok(Vec::new()),
                e => Err(e).context("list extended attributes"),
            };
        }
        let mut buf = vec![0u8; size as usize];
        // SAFETY: the buffer is valid for its length, which is passed.
        let got = unsafe { libc::llistxattr(path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if got < 0 {
            match Errno::last() {
                // An attribute was added since the size was asked: ask again.
                Errno::ERANGE => continue,
                e => return Err(e).context("list extended attributes"),
            }
        }
        buf.truncate(got as usize);
        return Ok(buf.split(|b| *b == 0).filter(|n| !n.is_empty()).map(<[u8]>::to_vec).collect());
    }
}

/// The value of `attr`, or None when it is gone or not ours to read
/// (`trusted.*` outside the initial user namespace).
fn get_xattr(path: &CString, attr: &[u8]) -> Result<Option<Vec<u8>>> {
    let name = CString::new(attr).context("an attribute name has a NUL byte")?;
    loop {
        // SAFETY: both strings are NUL-terminated; size 0 asks for the size.
        let size = unsafe { libc::lgetxattr(path.as_ptr(), name.as_ptr(), std::ptr::null_mut(), 0) };
        if size < 0 {
            return match Errno::last() {
                Errno::ENODATA | Errno::EPERM | Errno::EACCES | Errno::ENOTSUP => Ok(None),
                e => Err(e).with_context(|| format!("read extended attribute {}", String::from_utf8_lossy(attr))),
            };
        }
        let mut value = vec![0u8; size as usize];
        // SAFETY: the buffer is valid for its length, which is passed.
        let got = unsafe { libc::lgetxattr(path.as_ptr(), name.as_ptr(), value.as_mut_ptr().cast(), value.len()) };
        if got < 0 {
            match Errno::last() {
                Errno::ERANGE => continue,
                Errno::ENODATA => return Ok(None),
                e => return Err(e).with_context(|| format!("read extended attribute {}", String::from_utf8_lossy(attr))),
            }
        }
        value.truncate(got as usize);
        return Ok(Some(value));
    }
}

/// Writes `entries` as a tar, reading file contents beneath `root`.
fn write_tar(out: &mut dyn Write, root: &OwnedFd, upper: &Path, entries: &[Entry]) -> Result<()> {
    let mut builder = tar::Builder::new(out);
    for entry in entries {
        append(&mut builder, root, upper, entry)
            .with_context(|| format!("add {} to the layer", upper.join(OsStr::from_bytes(&entry.name)).display()))?;
    }
    builder.into_inner().context("finish the layer tar")?;
    Ok(())
}

fn append(builder: &mut tar::Builder<&mut dyn Write>, root: &OwnedFd, upper: &Path, e: &Entry) -> Result<()> {
    let mut pax = Vec::new();
    let mut h = Header::new_ustar();
    put_name(&mut h.as_old_mut().name, &e.name, b"path", &mut pax);
    h.set_mode(e.mode);
    for (id, key) in [(e.uid, &b"uid"[..]), (e.gid, b"gid")] {
        if id > MAX_USTAR_ID {
            pax_record(&mut pax, key, id.to_string().as_bytes());
        }
    }
    h.set_uid(e.uid.min(MAX_USTAR_ID));
    h.set_gid(e.gid.min(MAX_USTAR_ID));
    h.set_mtime(e.mtime);
    h.set_size(0);
    let mut content = None;
    let kind = match &e.kind {
        Kind::Dir => EntryType::Directory,
        Kind::Marker => EntryType::Regular,
        Kind::File { rel, size, dev, ino } => {
            h.set_size(*size);
            content = Some(Exact { file: open_file(root, upper, rel, *dev, *ino)?, left: *size });
            EntryType::Regular
        }
        Kind::Symlink(target) => {
            put_name(&mut h.as_old_mut().linkname, target, b"linkpath", &mut pax);
            EntryType::Symlink
        }
        Kind::HardLink(first) => {
            put_name(&mut h.as_old_mut().linkname, first, b"linkpath", &mut pax);
            EntryType::Link
        }
        Kind::Fifo => EntryType::Fifo,
        Kind::Char(dev) | Kind::Block(dev) => {
            h.set_device_major(nix::sys::stat::major(*dev) as u32)?;
            h.set_device_minor(nix::sys::stat::minor(*dev) as u32)?;
            if matches!(e.kind, Kind::Char(_)) {
                EntryType::Char
            } else {
                EntryType::Block
            }
        }
    };
    h.set_entry_type(kind);
    for (attr, value) in &e.xattrs {
        pax_record(&mut pax, &[&b"SCHILY.xattr."[..], attr].concat(), value);
    }
    if !pax.is_empty() {
        let mut ph = Header::new_ustar();
        ph.as_old_mut().name[..PAX_NAME.len()].copy_from_slice(PAX_NAME);
        ph.set_entry_type(EntryType::XHeader);
        ph.set_mode(0o644);
        ph.set_size(pax.len() as u64);
        ph.set_cksum();
        builder.append(&ph, &pax[..])?;
    }
    h.set_cksum();
    match content {
        Some(reader) => builder.append(&h, reader)?,
        None => builder.append(&h, io::empty())?,
    }
    Ok(())
}

/// Puts `name` into a 100-byte header field; a longer one goes into the
/// PAX record `key` (and the field keeps its first 100 bytes).
fn put_name(field: &mut [u8; USTAR_NAME_LEN], name: &[u8], key: &[u8], pax: &mut Vec<u8>) {
    let n = name.len().min(USTAR_NAME_LEN);
    field[..n].copy_from_slice(&name[..n]);
    if name.len() > USTAR_NAME_LEN {
        pax_record(pax, key, name);
    }
}

/// Appends `LEN KEY=VALUE\n`, where LEN counts the whole record, itself included.
fn pax_record(out: &mut Vec<u8>, key: &[u8], value: &[u8]) {
    let rest = key.len() + value.len() + 3; // ' ', '=' and '\n'
    let mut len = rest + 1;
    while len != rest + len.to_string().len() {
        len = rest + len.to_string().len();
    }
    out.extend_from_slice(format!("{len} ").as_bytes());
    out.extend_from_slice(key);
    out.push(b'=');
    out.extend_from_slice(value);
    out.push(b'\n');
}

/// Opens the regular file at `rel` beneath `root` without following any
/// symlink, and checks it is still the file the walk saw.
fn open_file(root: &OwnedFd, upper: &Path, rel: &[u8], dev: u64, ino: u64) -> Result<File> {
    let path = upper.join(OsStr::from_bytes(rel));
    let how = OpenHow::new()
        .flags(OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC)
        .resolve(ResolveFlag::RESOLVE_BENEATH | ResolveFlag::RESOLVE_NO_SYMLINKS | ResolveFlag::RESOLVE_NO_MAGICLINKS);
    let fd = loop {
        match openat2(root.as_raw_fd(), OsStr::from_bytes(rel), how) {
            Err(Errno::EAGAIN) | Err(Errno::EINTR) => continue,
            Err(Errno::ELOOP) | Err(Errno::EXDEV) | Err(Errno::ENOENT) => return Err(changed(&path)),
            Err(e) => return Err(e).with_context(|| format!("open {}", path.display())),
            Ok(fd) => break owned(fd),
        }
    };
    let st = fstat(fd.as_raw_fd()).with_context(|| format!("stat {}", path.display()))?;
    if st.st_mode & libc::S_IFMT != libc::S_IFREG || st.st_dev != dev || st.st_ino != ino {
        return Err(changed(&path));
    }
    Ok(File::from(fd))
}

fn changed(path: &Path) -> anyhow::Error {
    anyhow::anyhow!("{} changed while it was being read: commit with --pause (the default) so that the container cannot change its files meanwhile", path.display())
}

/// Reads exactly `left` bytes of `file`: a file that shrank after its size
/// went into the header is an error, not a corrupt tar.
struct Exact {
    file: File,
    left: u64,
}

impl Read for Exact {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.file.read(&mut buf[..want])?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the file shrank while it was being read: commit with --pause (the default)"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
#[path = "layer_writer_tests.rs"]
mod tests;
