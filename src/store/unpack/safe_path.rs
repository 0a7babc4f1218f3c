//! Names from a hostile tarball turned into places inside the layer.
//!
//! An entry name is split into components and refused when absolute or when
//! it has a `..` component. Its parent directory is then opened with
//! openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) relative to the layer's
//! own directory, so that a symlink written by an earlier entry (`evil ->
//! /etc`, `evil -> ../../..`) can never lead a later entry outside. Every
//! file is then created with an *at call relative to that parent descriptor.

use std::ffi::{OsStr, OsString};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use nix::errno::Errno;
use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
use nix::sys::stat::{mkdirat, Mode};

/// The components of an entry name, checked to stay below the layer root.
/// `./a//b/` gives `[a, b]`; `.` or `./` gives no components (the root).
pub fn components(raw: &[u8]) -> Result<Vec<OsString>> {
    if raw.first() == Some(&b'/') {
        bail!("has an absolute name");
    }
    if raw.contains(&0) {
        bail!("has a NUL byte in its name");
    }
    let mut out = Vec::new();
    for part in raw.split(|b| *b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => bail!("has a `..` component that would leave the layer"),
            p => out.push(OsString::from_vec(p.to_vec())),
        }
    }
    Ok(out)
}

/// Joins components into a relative path (`.` for none).
pub fn relative(comps: &[OsString]) -> PathBuf {
    if comps.is_empty() {
        return PathBuf::from(".");
    }
    comps.iter().collect()
}

/// Takes ownership of a descriptor a successful open call just returned.
pub fn owned(fd: RawFd) -> OwnedFd {
    // SAFETY: callers pass a descriptor that an open call returned to them
    // a moment ago and that nothing else owns.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// The directory a layer is extracted into, held open so that every lookup
/// is relative to it.
pub struct LayerRoot {
    fd: OwnedFd,
}

impl LayerRoot {
    pub fn open(path: &Path) -> Result<LayerRoot> {
        let fd = nix::fcntl::open(path, OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, Mode::empty())
            .with_context(|| format!("open layer directory {}", path.display()))?;
        Ok(LayerRoot { fd: owned(fd) })
    }

    pub fn fd(&self) -> &OwnedFd {
        &self.fd
    }

    /// Opens the directory at `rel` without ever resolving outside the root.
    pub fn open_dir(&self, rel: &Path) -> nix::Result<OwnedFd> {
        self.open_beneath(rel, OFlag::O_RDONLY | OFlag::O_DIRECTORY)
    }

    /// Opens `rel` (any type) with `flags`, resolving beneath the root.
    pub fn open_beneath(&self, rel: &Path, flags: OFlag) -> nix::Result<OwnedFd> {
        let how = OpenHow::new()
            .flags(flags | OFlag::O_CLOEXEC)
            .resolve(ResolveFlag::RESOLVE_BENEATH | ResolveFlag::RESOLVE_NO_MAGICLINKS);
        loop {
            match openat2(self.fd.as_raw_fd(), rel, how) {
                // openat2 fails with EAGAIN when a rename raced the lookup.
                Err(Errno::EAGAIN) | Err(Errno::EINTR) => continue,
                other => return other.map(owned),
            }
        }
    }

    /// Opens the parent directory of an entry, creating missing parents
    /// (tarballs need not list every directory) with mode 0755.
    pub fn parent_dir(&self, parent: &[OsString]) -> Result<OwnedFd> {
        match self.open_dir(&relative(parent)) {
            Ok(fd) => return Ok(fd),
            Err(Errno::ENOENT) => {}
            Err(e) => return Err(explain(e, &relative(parent))),
        }
        let mut dir = self.open_dir(Path::new(".")).map_err(|e| explain(e, Path::new(".")))?;
        for (i, name) in parent.iter().enumerate() {
            let here = relative(&parent[..=i]);
            match mkdirat(Some(dir.as_raw_fd()), name.as_os_str(), Mode::from_bits_truncate(0o755)) {
                Ok(()) | Err(Errno::EEXIST) => {}
                Err(e) => return Err(anyhow!(e).context(format!("create directory {}", here.display()))),
            }
            dir = self.open_dir(&here).map_err(|e| explain(e, &here))?;
        }
        Ok(dir)
    }
}

/// Turns a lookup failure into words: EXDEV means the path tried to leave.
pub fn explain(err: Errno, rel: &Path) -> anyhow::Error {
    match err {
        Errno::EXDEV => anyhow!("{} goes through a symlink that leaves the layer", rel.display()),
        Errno::ELOOP => anyhow!("{} goes through too many symlinks", rel.display()),
        Errno::ENOTDIR => anyhow!("{} is not a directory", rel.display()),
        e => anyhow!(e).context(format!("open {}", rel.display())),
    }
}

/// The name's bytes as an OsStr, for *at calls.
pub fn os(bytes: &[u8]) -> &OsStr {
    OsStr::from_bytes(bytes)
}
