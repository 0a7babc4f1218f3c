//! The receiving side of COPY and ADD, run inside the image's root (see
//! workdir.rs): a tar stream of what the step puts there, placed by
//! Docker's destination rules, owned by `--chown` (root by default), with
//! `--chmod` applied.

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::sources::CAPABILITY_PAX;
use super::workdir::make_dir_all;
use crate::engine::container_fs::tree::{rewrite, Top};

/// Who owns what a pass writes.
#[derive(Clone, Debug)]
pub enum Owner {
    /// `--chown` as written (`user`, `uid:gid`, `user:group`), resolved
    /// with the image's own passwd and group files; None is 0:0.
    Chown(Option<String>),
    /// The ids in the stream: an archive ADD unpacks.
    Keep,
}

/// Where a stream lands.
#[derive(Clone, Debug)]
pub struct Placement {
    /// Absolute path in the image.
    pub dest: PathBuf,
    /// One file copied to a destination without a trailing slash: it
    /// becomes that file, unless a directory of that name exists.
    pub single_file: bool,
    pub owner: Owner,
    pub chmod: Option<u32>,
}

/// Resolves `--chown` in the root we are in. A user alone gives its uid
/// as the gid too, as Docker documents.
fn resolve_chown(spec: &Option<String>) -> Result<(u32, u32)> {
    let Some(spec) = spec else { return Ok((0, 0)) };
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let group = fs::read_to_string("/etc/group").unwrap_or_default();
    let resolved = crate::engine::user::resolve_user(spec, &passwd, &group).with_context(|| format!("--chown={spec}"))?;
    let gid = if spec.contains(':') { resolved.gid } else { resolved.uid };
    Ok((resolved.uid, gid))
}

/// An entry name as `tar -x` takes it: a leading `/` is dropped (the
/// archives ADD unpacks may come from `tar -P`), `..` is still refused.
fn relative(name: &Path) -> &Path {
    name.strip_prefix("/").unwrap_or(name)
}

/// The file capability an entry carries (see sources.rs).
fn capability_in<R: Read>(entry: &mut tar::Entry<'_, R>) -> Result<Option<Vec<u8>>> {
    let Some(records) = entry.pax_extensions().context("read an entry's PAX records")? else { return Ok(None) };
    for record in records {
        let record = record.context("read an entry's PAX records")?;
        if record.key_bytes() == CAPABILITY_PAX.as_bytes() {
            return Ok(Some(record.value_bytes().to_vec()));
        }
    }
    Ok(None)
}

fn set_capability(path: &Path, value: &[u8]) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let p = std::ffi::CString::new(path.as_os_str().as_bytes()).with_context(|| format!("{} has a NUL byte", path.display()))?;
    // SAFETY: both strings are NUL-terminated; value is a valid slice.
    let rc = unsafe { libc::lsetxattr(p.as_ptr(), c"security.capability".as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error()).with_context(|| format!("keep the file capability of {}", path.display()));
    }
    Ok(())
}

/// Extracts `input` by `place`; returns how many entries were written.
pub fn extract_into(input: impl Read, place: &Placement) -> Result<usize> {
    let owner = match &place.owner {
        Owner::Chown(spec) => Some(resolve_chown(spec)?),
        Owner::Keep => None,
    };
    let dir_owner = owner.or(Some((0, 0)));
    let into_dir = !place.single_file || fs::metadata(&place.dest).is_ok_and(|m| m.is_dir());
    let base = if into_dir { place.dest.clone() } else { place.dest.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/")) };
    make_dir_all(&base, dir_owner)?;
    let mut archive = tar::Archive::new(input);
    archive.set_preserve_permissions(true);
    archive.set_preserve_mtime(true);
    archive.set_preserve_ownerships(owner.is_none());
    archive.set_unpack_xattrs(true);
    archive.set_overwrite(true);
    let mut count = 0;
    // Writing into a directory changes its mtime: the stream's times are
    // set again once everything is in place.
    let mut dir_times = Vec::new();
    for entry in archive.entries().context("read the files to copy")? {
        let mut entry = entry.context("read the files to copy")?;
        let name = entry.path().context("read an entry name")?.into_owned();
        let Some(rel) = rewrite(relative(&name), &Top::Keep)? else { continue };
        let target = if into_dir { base.join(&rel) } else { place.dest.clone() };
        if let Some(parent) = target.parent() {
            make_dir_all(parent, dir_owner)?;
        }
        let kind = entry.header().entry_type();
        let existing = fs::symlink_metadata(&target).ok();
        match &existing {
            Some(m) if m.is_dir() && !kind.is_dir() => bail!("cannot copy {} over the directory {}", rel.display(), target.display()),
            // Replace, never write through, a file or link already there.
            Some(m) if !m.is_dir() => fs::remove_file(&target).with_context(|| format!("replace {}", target.display()))?,
            _ => {}
        }
        if kind.is_hard_link() {
            let link = entry.link_name().context("read a link target")?.with_context(|| format!("hard link {} has no target", name.display()))?;
            let Some(link) = rewrite(relative(&link), &Top::Keep)? else { bail!("hard link {} has an empty target", name.display()) };
            fs::hard_link(base.join(&link), &target).with_context(|| format!("link {}", target.display()))?;
        } else if kind.is_dir() && existing.is_some() {
            // A directory that is there keeps its own metadata.
        } else {
            let capability = if kind.is_file() { capability_in(&mut entry)? } else { None };
            entry.unpack(&target).with_context(|| format!("write {}", target.display()))?;
            if kind.is_dir() {
                dir_times.push((target.clone(), entry.header().mtime().unwrap_or(0)));
            }
            // chown clears setuid and setgid: a mode that has them is set again after it.
            let mut mode = place.chmod;
            if let Some((uid, gid)) = owner {
                std::os::unix::fs::lchown(&target, Some(uid), Some(gid)).with_context(|| format!("chown {}", target.display()))?;
                let header_mode = entry.header().mode().unwrap_or(0) & 0o7777;
                if mode.is_none() && header_mode & 0o6000 != 0 {
                    mode = Some(header_mode);
                }
            }
            if let Some(mode) = mode.filter(|_| !kind.is_symlink()) {
                fs::set_permissions(&target, fs::Permissions::from_mode(mode)).with_context(|| format!("chmod {}", target.display()))?;
            }
            // chown cleared the file capability too.
            if let (Some(value), Some(_)) = (capability, owner) {
                set_capability(&target, &value)?;
            }
        }
        count += 1;
    }
    for (dir, mtime) in dir_times {
        let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(mtime);
        let set = fs::File::open(&dir).and_then(|d| d.set_times(fs::FileTimes::new().set_accessed(when).set_modified(when)));
        set.with_context(|| format!("set the times of {}", dir.display()))?;
    }
    Ok(count)
}
