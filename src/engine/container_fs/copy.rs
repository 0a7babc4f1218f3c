//! `cp` and `export`: tar streams between the host and a worker process
//! that runs inside the container's root (see enter.rs). The side that
//! reads the source writes a tar stream whose top entry is the source's
//! base name; the side that writes decides, as `docker cp` does, whether
//! that top entry lands inside the destination directory, replaces the
//! destination, or gives its contents (`SRC/.`).

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::enter::{self, Access};
use super::tree::{extract, write_tree, Top};
use crate::store::atomic::write_atomic_with;
use crate::store::containers::Container;
use crate::store::Store;

/// A path given to `cp`, with what its spelling means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CpPath {
    pub path: PathBuf,
    /// `dir/`: must be a directory.
    pub trailing_slash: bool,
    /// `dir/.`: the directory's contents rather than the directory.
    pub contents_only: bool,
}

impl CpPath {
    /// Reads a path; container paths are made absolute (relative to `/`).
    pub fn parse(s: &str, in_container: bool) -> CpPath {
        let contents_only = s == "." || s.ends_with("/.");
        let trailing_slash = s.ends_with('/') || contents_only;
        let mut path = PathBuf::from(s);
        if in_container && !path.is_absolute() {
            path = Path::new("/").join(path);
        }
        // "/" has no base name; it copies as its contents.
        let contents_only = contents_only || path == Path::new("/");
        CpPath { path, trailing_slash, contents_only }
    }

    /// The name of the stream's top entry.
    fn base_name(&self) -> String {
        match self.path.file_name() {
            Some(n) if !self.contents_only => n.to_string_lossy().into_owned(),
            _ => "contents".into(),
        }
    }
}

/// What is at the destination path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DestKind {
    Dir,
    File,
    Missing,
}

/// Where the stream is extracted and what its top entry becomes.
pub fn plan(src_is_dir: bool, src_contents_only: bool, dest: &CpPath, kind: DestKind) -> Result<(PathBuf, Top)> {
    let parent = || match dest.path.parent() {
        Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
        Some(p) => p.to_path_buf(),
        None => PathBuf::from("/"),
    };
    let base = || dest.path.file_name().map(|n| n.to_string_lossy().into_owned());
    match kind {
        DestKind::Dir if src_is_dir && src_contents_only => Ok((dest.path.clone(), Top::Strip)),
        DestKind::Dir => Ok((dest.path.clone(), Top::Keep)),
        DestKind::File if src_is_dir => bail!("cannot copy a directory to a file: {} is a file", dest.path.display()),
        DestKind::File if dest.trailing_slash => bail!("{} is not a directory", dest.path.display()),
        DestKind::Missing if dest.trailing_slash && !src_is_dir => {
            bail!("destination directory {} does not exist: create it first", dest.path.display())
        }
        DestKind::File | DestKind::Missing => {
            let name = base().with_context(|| format!("{} has no file name", dest.path.display()))?;
            Ok((parent(), Top::Rename(name)))
        }
    }
}

/// What is at a destination, a symlink followed as `cp` follows it: to a
/// directory, the copy goes into it (through the link); to a regular file,
/// the file it names is overwritten and the link stays a link. A dangling
/// link and anything that is neither a directory nor a regular file (a
/// device, fifo, socket; `/dev/stdout` is a link to one) are refused:
/// extraction replaces what it overwrites rather than writing through it,
/// so it would put a regular file where the user named a link or a device.
fn resolve_dest(dest: &CpPath) -> Result<(CpPath, DestKind)> {
    let path = &dest.path;
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m.file_type().is_symlink(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((dest.clone(), DestKind::Missing)),
        Err(e) => return Err(e).with_context(|| format!("stat {}", path.display())),
    };
    let md = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if link && e.kind() == std::io::ErrorKind::NotFound => {
            let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_else(|_| "?".into());
            bail!("invalid destination {}: it is a symlink to {target}, which does not exist", path.display());
        }
        Err(e) => return Err(e).with_context(|| format!("stat {}", path.display())),
    };
    if md.is_dir() {
        return Ok((dest.clone(), DestKind::Dir));
    }
    if md.is_file() && !link {
        return Ok((dest.clone(), DestKind::File));
    }
    if md.is_file() {
        let target = std::fs::canonicalize(path).with_context(|| format!("resolve the symlink {}", path.display()))?;
        return Ok((CpPath { path: target, ..dest.clone() }, DestKind::File));
    }
    let through = if link { " (through a symlink)" } else { "" };
    bail!(
        "invalid destination {}: it is a {}{through}, not a directory or a regular file (use - for a tar stream on stdout)",
        path.display(),
        special_kind(&md.file_type())
    )
}

/// The name of a file type that is neither a directory nor a regular file.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_char_device() {
        "character device"
    } else if ft.is_block_device() {
        "block device"
    } else if ft.is_fifo() {
        "fifo"
    } else if ft.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

/// Whether a destination is an existing directory (links followed): a tar
/// stream is only ever extracted into one.
fn dest_is_dir(path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(m.is_dir()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e).with_context(|| format!("stat {}", path.display())),
    }
}

/// Extracts a copy stream at `dest` by Docker's rules.
fn extract_copy(input: impl Read, src_is_dir: bool, src_contents_only: bool, dest: &CpPath, keep_owners: bool) -> Result<()> {
    let (dest, kind) = resolve_dest(dest)?;
    let (dir, top) = plan(src_is_dir, src_contents_only, &dest, kind)?;
    if !dir.is_dir() {
        bail!("no such directory: {}", dir.display());
    }
    extract(input, &dir, &top, keep_owners)?;
    Ok(())
}

/// Checks the source exists (as the spelling demands) and says whether it is a directory.
fn source_is_dir(src: &CpPath, missing: impl FnOnce() -> String) -> Result<bool> {
    let md = std::fs::symlink_metadata(&src.path).map_err(|_| anyhow::anyhow!(missing()))?;
    let is_dir = md.is_dir() || (src.trailing_slash && std::fs::metadata(&src.path).is_ok_and(|m| m.is_dir()));
    if src.trailing_slash && !is_dir {
        bail!("{} is not a directory", src.path.display());
    }
    Ok(is_dir)
}

/// Where `cp` out of a container writes.
pub enum HostDest {
    Path(CpPath),
    /// A tar stream on this file descriptor (stdout for `-`).
    Stream(OwnedFd),
}

/// `cp CONTAINER:SRC DEST`.
pub fn copy_out(store: &Store, c: &Container, src: &CpPath, dest: HostDest, keep_owners: bool) -> Result<()> {
    let (src, name, label) = (src.clone(), c.record.name.clone(), src.path.display().to_string());
    let missing = move || format!("could not find the file {label} in container {name}");
    match dest {
        HostDest::Stream(fd) => {
            let worker = enter::spawn(store, c, Access::Live, move || {
                source_is_dir(&src, missing)?;
                write_tree(File::from(fd), &src.path, Some(Path::new(&src.base_name())))
            })?;
            worker.wait()
        }
        HostDest::Path(dest) => {
            let (r, w) = nix::unistd::pipe().context("create a pipe")?;
            let contents_only = src.contents_only;
            let theirs = r.as_raw_fd();
            let worker = enter::spawn(store, c, Access::Live, move || {
                close_inherited(theirs);
                ignore_sigpipe();
                send_copy(w, &src, missing)
            })?;
            let extracted = receive_copy(File::from(r), contents_only, &dest, keep_owners);
            let sent = worker.wait();
            // A refusal here explains the worker's broken pipe; a worker's
            // failure (no such file) explains why nothing came.
            extracted.and(sent)
        }
    }
}

/// Where `cp` into a container reads.
pub enum HostSource {
    Path(CpPath),
    /// A tar stream (stdin for `-`), extracted as it is.
    Stream(OwnedFd),
}

/// `cp SRC CONTAINER:DEST`.
pub fn copy_in(store: &Store, c: &Container, src: HostSource, dest: &CpPath, keep_owners: bool) -> Result<()> {
    let dest = dest.clone();
    match src {
        HostSource::Stream(fd) => {
            let (r, w) = nix::unistd::pipe().context("create a pipe")?;
            let theirs = w.as_raw_fd();
            let worker = enter::spawn(store, c, Access::Live, move || {
                close_inherited(theirs);
                if !dest_is_dir(&dest.path)? {
                    bail!("destination {} must be an existing directory to extract a tar stream into", dest.path.display());
                }
                let mut input = File::from(r);
                extract(&mut input, &dest.path, &Top::Keep, keep_owners)?;
                // What follows the end-of-archive blocks (a tar's padding)
                // is read too: the sender must not see a closed pipe.
                std::io::copy(&mut input, &mut std::io::sink()).context("read the rest of the tar stream")?;
                Ok(())
            })?;
            ignore_sigpipe();
            // Decompressed here, on the host's side: see stream.rs.
            let sent = super::stream::copy_plain_tar(File::from(fd), File::from(w));
            let waited = worker.wait();
            match sent {
                // The worker's refusal is what explains a broken pipe...
                Err(e) if is_broken_pipe(&e) => waited.and(Err(e)),
                // ...and a stream that could not be read or decompressed
                // explains the worker's failure to extract it.
                sent => sent.and(waited),
            }
        }
        HostSource::Path(src) => {
            let label = src.path.display().to_string();
            let is_dir = source_is_dir(&src, || format!("no such file or directory: {label}"))?;
            let (r, w) = nix::unistd::pipe().context("create a pipe")?;
            let contents_only = src.contents_only;
            let theirs = w.as_raw_fd();
            let worker = enter::spawn(store, c, Access::Live, move || {
                close_inherited(theirs);
                extract_copy(File::from(r), is_dir, contents_only, &dest, keep_owners)
            })?;
            ignore_sigpipe();
            let sent = write_tree(File::from(w), &src.path, Some(Path::new(&src.base_name())));
            worker.wait()?;
            sent
        }
    }
}

/// The worker's half of a copy out: one byte saying what the source is
/// (`d` or `f`), then its tar stream.
pub(super) fn send_copy(to: OwnedFd, src: &CpPath, missing: impl FnOnce() -> String) -> Result<()> {
    let is_dir = source_is_dir(src, missing)?;
    let mut out = File::from(to);
    out.write_all(if is_dir { b"d" } else { b"f" }).context("write to the pipe")?;
    write_tree(out, &src.path, Some(Path::new(&src.base_name())))
}

/// The other half: extracts what [`send_copy`] sent at `dest`. Ok(false)
/// when nothing came (the sender failed and says why).
pub(super) fn receive_copy(mut input: File, src_contents_only: bool, dest: &CpPath, keep_owners: bool) -> Result<bool> {
    let mut kind = [0u8; 1];
    match input.read_exact(&mut kind) {
        Ok(()) => extract_copy(&mut input, kind[0] == b'd', src_contents_only, dest, keep_owners).map(|()| true),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e).context("read from the container"),
    }
}

/// Whether writing to the worker failed because it stopped reading.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Closes, in a forked worker, its copy of the pipe end that belongs to
/// the other side: kept open, it would hide the other side's end (no EOF
/// for a reader, no EPIPE for a writer) and a copy could hang. The
/// worker's `OwnedFd` for it is never dropped: workers leave by _exit.
pub(super) fn close_inherited(fd: RawFd) {
    let _ = nix::unistd::close(fd);
}

/// A reader that refuses a copy exits before reading it all: the writer
/// takes that as a write error (EPIPE), not a silent death by SIGPIPE, so
/// that the reader's own message is what the user sees.
pub(super) fn ignore_sigpipe() {
    // SAFETY: ignoring SIGPIPE is always sound; no handler is installed.
    let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGPIPE, nix::sys::signal::SigHandler::SigIgn) };
}

/// `export`: the container's files (image layers and its changes) as one tar.
pub fn export(store: &Store, c: &Container, out: OwnedFd) -> Result<()> {
    let worker = enter::spawn(store, c, Access::Snapshot, move || write_tree(File::from(out), Path::new("/"), None))?;
    worker.wait()
}

/// [`export`] into the file `path`, written beside it and renamed into
/// place only when the whole archive is written: a failed export leaves no
/// half archive behind.
pub fn export_to_file(store: &Store, c: &Container, path: &Path) -> Result<()> {
    write_atomic_with(path, ".pontoon-export-", Some(0o644), |file| {
        let fd = file.as_fd().try_clone_to_owned().context("duplicate the archive's file descriptor")?;
        export(store, c, fd)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> CpPath {
        CpPath::parse(s, true)
    }

    #[test]
    fn paths_are_read_as_docker_reads_them() {
        assert_eq!(p("etc/"), CpPath { path: "/etc/".into(), trailing_slash: true, contents_only: false });
        assert!(p("/etc/.").contents_only);
        assert!(p("/").contents_only);
        assert_eq!(p("/a/b").base_name(), "b");
    }

    #[test]
    fn symlinked_and_special_destinations() {
        let tmp = tempfile::tempdir().unwrap();
        let t = tmp.path();
        std::fs::write(t.join("file"), "x").unwrap();
        std::fs::create_dir(t.join("dir")).unwrap();
        std::os::unix::fs::symlink("file", t.join("to-file")).unwrap();
        std::os::unix::fs::symlink(t.join("dir"), t.join("to-dir")).unwrap();
        std::os::unix::fs::symlink("nowhere", t.join("dangling")).unwrap();
        nix::unistd::mkfifo(&t.join("fifo"), nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        std::os::unix::fs::symlink("fifo", t.join("to-fifo")).unwrap();
        let at = |name: &str| resolve_dest(&CpPath::parse(&t.join(name).display().to_string(), false));
        let real = std::fs::canonicalize(t).unwrap();
        assert_eq!(at("file").unwrap().1, DestKind::File);
        assert_eq!(at("missing").unwrap().1, DestKind::Missing);
        let (dest, kind) = at("to-file").unwrap();
        assert_eq!((dest.path, kind), (real.join("file"), DestKind::File), "a link to a file names that file");
        let (dest, kind) = at("to-dir").unwrap();
        assert_eq!((dest.path, kind), (t.join("to-dir"), DestKind::Dir), "a link to a directory is gone through");
        let err = at("dangling").unwrap_err().to_string();
        assert!(err.contains("invalid destination") && err.contains("nowhere"), "{err}");
        let err = at("fifo").unwrap_err().to_string();
        assert!(err.contains("invalid destination") && err.contains("fifo") && !err.contains("symlink"), "{err}");
        let err = at("to-fifo").unwrap_err().to_string();
        assert!(err.contains("is a fifo (through a symlink)"), "{err}");
        let err = resolve_dest(&CpPath::parse("/dev/null", false)).unwrap_err().to_string();
        assert!(err.contains("/dev/null") && err.contains("character device"), "{err}");
    }

    #[test]
    fn destinations_follow_docker_rules() {
        let into = plan(false, false, &p("/tmp"), DestKind::Dir).unwrap();
        assert_eq!(into, (PathBuf::from("/tmp"), Top::Keep));
        let contents = plan(true, true, &p("/tmp"), DestKind::Dir).unwrap();
        assert_eq!(contents, (PathBuf::from("/tmp"), Top::Strip));
        let renamed = plan(true, false, &p("/tmp/new"), DestKind::Missing).unwrap();
        assert_eq!(renamed, (PathBuf::from("/tmp"), Top::Rename("new".into())));
        let replaced = plan(false, false, &p("/etc/motd"), DestKind::File).unwrap();
        assert_eq!(replaced, (PathBuf::from("/etc"), Top::Rename("motd".into())));
        assert!(plan(true, false, &p("/etc/motd"), DestKind::File).is_err());
        assert!(plan(false, false, &p("/nope/"), DestKind::Missing).is_err());
        assert!(plan(true, false, &p("/new/"), DestKind::Missing).is_ok());
        let here = plan(false, false, &CpPath::parse("copy", false), DestKind::Missing).unwrap();
        assert_eq!(here, (PathBuf::from("."), Top::Rename("copy".into())));
    }
}
