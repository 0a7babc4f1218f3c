//! `cp` and `export`: tar streams between the host and a worker process
//! that runs inside the container's root (see enter.rs). The side that
//! reads the source writes a tar stream whose top entry is the source's
//! base name; the side that writes decides, as `docker cp` does, whether
//! that top entry lands inside the destination directory, replaces the
//! destination, or gives its contents (`SRC/.`).

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::enter::{self, Access};
use super::tree::{extract, write_tree, Top};
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

fn dest_kind(path: &Path) -> Result<DestKind> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Ok(DestKind::Dir),
        Ok(_) => Ok(DestKind::File),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DestKind::Missing),
        Err(e) => Err(e).with_context(|| format!("stat {}", path.display())),
    }
}

/// Extracts a copy stream at `dest` by Docker's rules.
fn extract_copy(input: impl Read, src_is_dir: bool, src_contents_only: bool, dest: &CpPath, keep_owners: bool) -> Result<()> {
    let (dir, top) = plan(src_is_dir, src_contents_only, dest, dest_kind(&dest.path)?)?;
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
            let worker = enter::spawn(store, c, Access::Live, move || {
                let is_dir = source_is_dir(&src, missing)?;
                let mut out = File::from(w);
                // One byte ahead of the stream: what the source is.
                out.write_all(if is_dir { b"d" } else { b"f" }).context("write to the pipe")?;
                write_tree(out, &src.path, Some(Path::new(&src.base_name())))
            })?;
            let mut input = File::from(r);
            let mut kind = [0u8; 1];
            let extracted = match input.read_exact(&mut kind) {
                Ok(()) => extract_copy(&mut input, kind[0] == b'd', contents_only, &dest, keep_owners),
                Err(e) => Err(e).context("read from the container"),
            };
            drop(input);
            worker.wait()?;
            extracted
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
            let worker = enter::spawn(store, c, Access::Live, move || {
                if dest_kind(&dest.path)? != DestKind::Dir {
                    bail!("destination {} must be an existing directory to extract a tar stream into", dest.path.display());
                }
                extract(File::from(fd), &dest.path, &Top::Keep, keep_owners).map(|_| ())
            })?;
            worker.wait()
        }
        HostSource::Path(src) => {
            let label = src.path.display().to_string();
            let is_dir = source_is_dir(&src, || format!("no such file or directory: {label}"))?;
            let (r, w) = nix::unistd::pipe().context("create a pipe")?;
            let contents_only = src.contents_only;
            let worker = enter::spawn(store, c, Access::Live, move || extract_copy(File::from(r), is_dir, contents_only, &dest, keep_owners))?;
            // A worker that refuses the copy exits before reading it all:
            // take that as a write error (EPIPE), not a silent death by
            // SIGPIPE, so that the worker's own message is what the user sees.
            // SAFETY: ignoring SIGPIPE is always sound; the worker already forked.
            let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGPIPE, nix::sys::signal::SigHandler::SigIgn) };
            let sent = write_tree(File::from(w), &src.path, Some(Path::new(&src.base_name())));
            worker.wait()?;
            sent
        }
    }
}

/// `export`: the container's files (image layers and its changes) as one tar.
pub fn export(store: &Store, c: &Container, out: OwnedFd) -> Result<()> {
    let worker = enter::spawn(store, c, Access::Snapshot, move || write_tree(File::from(out), Path::new("/"), None))?;
    worker.wait()
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
