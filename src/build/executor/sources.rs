//! The sending side of COPY and ADD: tar streams of what a step copies,
//! named relative to the destination. From the build context the stream
//! is written here, from what the context scan recorded (files opened
//! without following symlinks); from another stage or an image it is
//! written by a child chrooted into that image's layers.

use std::fs::{self, File};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::build::context::{CopyItem, EntryKind};
use crate::build::ignore::{DoubleStar, Glob};

/// One entry of the context to copy, owned (the scan outlives no step).
#[derive(Clone, Debug)]
pub struct ContextFile {
    pub path: String,
    pub dest_rel: String,
    pub kind: EntryKind,
    pub mode: u32,
    pub mtime: i64,
    pub link_target: Option<String>,
    pub rdev: u64,
}

impl ContextFile {
    pub fn from_item(item: &CopyItem<'_>, dest_rel: String) -> ContextFile {
        let e = item.entry;
        ContextFile { path: e.path.clone(), dest_rel, kind: e.kind, mode: e.mode, mtime: e.mtime.0, link_target: e.link_target.clone(), rdev: e.rdev }
    }
}

fn header(kind: tar::EntryType, mode: u32, mtime: i64, size: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_mtime(mtime.max(0) as u64);
    h.set_uid(0);
    h.set_gid(0);
    h.set_size(size);
    h
}

/// The PAX record of the one extended attribute a copy keeps, as Docker's
/// archiver does: a file capability (`setcap`), which the receiver's chown
/// would clear and so sets again (see extract.rs).
pub const CAPABILITY_PAX: &str = "SCHILY.xattr.security.capability";

/// Sends the file capability of `file`, if it has one, for the entry that follows.
fn append_capability<W: Write>(b: &mut tar::Builder<W>, file: &File) -> Result<()> {
    // A v3 capability (the largest) is 24 bytes.
    let mut value = [0u8; 64];
    // SAFETY: the name is NUL-terminated; the buffer has the length passed.
    let len = unsafe { libc::fgetxattr(file.as_raw_fd(), c"security.capability".as_ptr(), value.as_mut_ptr().cast(), value.len()) };
    if len > 0 {
        b.append_pax_extensions([(CAPABILITY_PAX, &value[..len as usize])]).context("send a file capability")?;
    }
    Ok(())
}

/// Writes the context files as a tar stream.
pub fn write_context(out: impl Write, root: &Path, files: &[ContextFile]) -> Result<()> {
    let mut b = tar::Builder::new(out);
    for f in files {
        let name = f.dest_rel.as_str();
        match f.kind {
            EntryKind::Dir => {
                let mut h = header(tar::EntryType::Directory, f.mode, f.mtime, 0);
                b.append_data(&mut h, name, std::io::empty()).with_context(|| format!("send {name}"))?;
            }
            EntryKind::File => {
                let path = root.join(&f.path);
                let file = fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(&path).with_context(|| format!("open {} in the build context", f.path))?;
                let size = file.metadata().with_context(|| format!("stat {}", f.path))?.len();
                let mut h = header(tar::EntryType::Regular, f.mode, f.mtime, size);
                append_capability(&mut b, &file)?;
                b.append_data(&mut h, name, file).with_context(|| format!("send {}", f.path))?;
            }
            EntryKind::Symlink => {
                let mut h = header(tar::EntryType::Symlink, f.mode, f.mtime, 0);
                b.append_link(&mut h, name, f.link_target.as_deref().unwrap_or_default()).with_context(|| format!("send {name}"))?;
            }
            EntryKind::Fifo | EntryKind::CharDevice | EntryKind::BlockDevice => {
                let kind = match f.kind {
                    EntryKind::Fifo => tar::EntryType::Fifo,
                    EntryKind::CharDevice => tar::EntryType::Char,
                    _ => tar::EntryType::Block,
                };
                let mut h = header(kind, f.mode, f.mtime, 0);
                h.set_device_major(libc::major(f.rdev)).context("device number")?;
                h.set_device_minor(libc::minor(f.rdev)).context("device number")?;
                b.append_data(&mut h, name, std::io::empty()).with_context(|| format!("send {name}"))?;
            }
        }
    }
    b.finish().context("finish the stream of files")
}

/// Files made by the Dockerfile itself (`COPY <<EOF /file`) or fetched
/// (ADD of a URL), as `(name, content, mode, mtime)`.
pub fn write_files(out: impl Write, files: &[(String, Vec<u8>, u32, i64)]) -> Result<()> {
    let mut b = tar::Builder::new(out);
    for (name, content, mode, mtime) in files {
        let mut h = header(tar::EntryType::Regular, *mode, *mtime, content.len() as u64);
        b.append_data(&mut h, name, &content[..]).with_context(|| format!("send {name}"))?;
    }
    b.finish().context("finish the stream of files")
}

/// Expands one source pattern in the root we are in (a chroot into the
/// source image): each `*`, `?` or `[...]` component matches names of the
/// directory it is in. A source that matches nothing is an error.
pub fn expand_in_root(pattern: &str) -> Result<Vec<PathBuf>> {
    let mut found = vec![PathBuf::from("/")];
    for part in pattern.split('/').filter(|p| !p.is_empty() && *p != ".") {
        let mut next = Vec::new();
        for dir in &found {
            if part.contains(['*', '?', '[']) {
                let glob = Glob::compile(part, DoubleStar::Plain).map_err(|why| anyhow::anyhow!("source {pattern:?} is not a valid pattern: {why}"))?;
                let Ok(list) = fs::read_dir(dir) else { continue };
                let mut names: Vec<_> = list.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| glob.matches(n)).collect();
                names.sort();
                next.extend(names.into_iter().map(|n| dir.join(n)));
            } else if part == ".." {
                next.push(dir.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/")));
            } else {
                next.push(dir.join(part));
            }
        }
        found = next;
    }
    found.retain(|p| fs::symlink_metadata(p).is_ok());
    if found.is_empty() {
        bail!("source {pattern:?} matches nothing in the stage or image it is copied from: check the path");
    }
    Ok(found)
}

/// Writes what the sources found in this root put into the destination:
/// a file as its name, a directory as its contents (links inside are
/// kept as links). With `parents`, each keeps its full path.
pub fn write_from_root(out: impl Write, sources: &[PathBuf], parents: bool) -> Result<()> {
    let mut b = tar::Builder::new(out);
    b.follow_symlinks(false);
    for src in sources {
        // A source named directly is followed when it is a link.
        let md = fs::metadata(src).with_context(|| format!("stat {}", src.display()))?;
        let name = if parents {
            src.strip_prefix("/").unwrap_or(src).to_path_buf()
        } else {
            PathBuf::from(src.file_name().map(|n| n.to_os_string()).unwrap_or_default())
        };
        if md.is_dir() {
            let prefix = if parents { name.clone() } else { PathBuf::new() };
            append_dir_contents(&mut b, src, &prefix)?;
        } else {
            let mut file = File::open(src).with_context(|| format!("open {}", src.display()))?;
            if md.is_file() {
                append_capability(&mut b, &file)?;
            }
            b.append_file(&name, &mut file).with_context(|| format!("send {}", src.display()))?;
        }
    }
    b.finish().context("finish the stream of files")
}

fn append_dir_contents<W: Write>(b: &mut tar::Builder<W>, dir: &Path, prefix: &Path) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir).with_context(|| format!("list {}", dir.display()))?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    if !prefix.as_os_str().is_empty() {
        b.append_path_with_name(dir, prefix).with_context(|| format!("send {}", dir.display()))?;
    }
    for e in entries {
        let path = e.path();
        let name = prefix.join(e.file_name());
        let md = fs::symlink_metadata(&path).with_context(|| format!("stat {}", path.display()))?;
        if md.is_dir() {
            append_dir_contents(b, &path, &name)?;
        } else if md.file_type().is_socket_like() {
            continue;
        } else {
            if md.is_file() {
                let file = File::options().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(&path).with_context(|| format!("open {}", path.display()))?;
                append_capability(b, &file)?;
            }
            b.append_path_with_name(&path, &name).with_context(|| format!("send {}", path.display()))?;
        }
    }
    Ok(())
}

trait SocketLike {
    fn is_socket_like(&self) -> bool;
}

impl SocketLike for fs::FileType {
    fn is_socket_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_socket()
    }
}

/// What ADD does with a local file, by its first bytes (never its name),
/// as Docker decides.
#[derive(Debug, PartialEq, Eq)]
pub enum ArchiveKind {
    /// Copied as it is.
    Plain,
    /// tar, gzip'd or zstd'd tar: unpacked into the destination.
    Unpacked,
    /// An archive Docker unpacks but pontoon cannot yet (bzip2, xz).
    Unsupported(&'static str),
}

pub fn archive_kind(path: &Path) -> ArchiveKind {
    let Ok(mut f) = File::open(path) else { return ArchiveKind::Plain };
    let mut head = [0u8; 262];
    let n = std::io::Read::read(&mut f, &mut head).unwrap_or(0);
    let head = &head[..n];
    if head.starts_with(&[0x1f, 0x8b]) || head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) || (n >= 262 && &head[257..262] == b"ustar") {
        ArchiveKind::Unpacked
    } else if head.starts_with(b"BZh") {
        ArchiveKind::Unsupported("bzip2")
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        ArchiveKind::Unsupported("xz")
    } else {
        ArchiveKind::Plain
    }
}
