//! Tar streams of file trees, as `export` and `cp` move them: written from
//! a directory walk that keeps owners, modes, times, symlinks, device nodes
//! and hard links; read back with every name checked to stay below the
//! directory it is extracted into.

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Writes `path` (a file or a whole tree) as entries named `name`, `name/...`;
/// without a name, the entries of directory `path` are the top entries (export).
pub fn write_tree(out: impl Write, path: &Path, name: Option<&Path>) -> Result<()> {
    let mut builder = tar::Builder::new(out);
    let mut links = HashMap::new();
    match name {
        Some(name) => append(&mut builder, path, name, &mut links)?,
        None => {
            for child in sorted_children(path)? {
                append(&mut builder, &path.join(&child), Path::new(&child), &mut links)?;
            }
        }
    }
    builder.into_inner().context("finish the tar stream")?.flush().context("flush the tar stream")
}

fn sorted_children(dir: &Path) -> Result<Vec<std::ffi::OsString>> {
    let mut children: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("list {}", dir.display()))?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("list {}", dir.display()))?;
    children.sort();
    Ok(children)
}

fn append<W: Write>(b: &mut tar::Builder<W>, path: &Path, name: &Path, links: &mut HashMap<(u64, u64), PathBuf>) -> Result<()> {
    let md = fs::symlink_metadata(path).with_context(|| format!("stat {}", path.display()))?;
    let ft = md.file_type();
    let mut h = tar::Header::new_gnu();
    h.set_mode(md.mode() & 0o7777);
    h.set_uid(md.uid().into());
    h.set_gid(md.gid().into());
    h.set_mtime(md.mtime().max(0) as u64);
    h.set_size(0);
    let write_err = || format!("write {} to the tar stream", path.display());
    if !ft.is_dir() && md.nlink() > 1 {
        if let Some(first) = links.get(&(md.dev(), md.ino())) {
            h.set_entry_type(tar::EntryType::Link);
            return b.append_link(&mut h, name, first).with_context(write_err);
        }
        links.insert((md.dev(), md.ino()), name.to_path_buf());
    }
    if ft.is_dir() {
        h.set_entry_type(tar::EntryType::Directory);
        b.append_data(&mut h, name, std::io::empty()).with_context(write_err)?;
        for child in sorted_children(path)? {
            append(b, &path.join(&child), &name.join(&child), links)?;
        }
        Ok(())
    } else if ft.is_symlink() {
        h.set_entry_type(tar::EntryType::Symlink);
        let target = fs::read_link(path).with_context(|| format!("read link {}", path.display()))?;
        b.append_link(&mut h, name, target).with_context(write_err)
    } else if ft.is_file() {
        h.set_entry_type(tar::EntryType::Regular);
        h.set_size(md.len());
        let file = fs::File::open(path).with_context(|| format!("open {}", path.display()))?;
        b.append_data(&mut h, name, file.take(md.len())).with_context(write_err)
    } else {
        h.set_entry_type(if ft.is_char_device() {
            tar::EntryType::Char
        } else if ft.is_block_device() {
            tar::EntryType::Block
        } else if ft.is_fifo() {
            tar::EntryType::Fifo
        } else {
            // Sockets cannot be archived; tar tools skip them too.
            return Ok(());
        });
        let dev = md.rdev();
        h.set_device_major(nix::sys::stat::major(dev) as u32).with_context(write_err)?;
        h.set_device_minor(nix::sys::stat::minor(dev) as u32).with_context(write_err)?;
        b.append_data(&mut h, name, std::io::empty()).with_context(write_err)
    }
}

/// What the top entry of a stream becomes on extraction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Top {
    /// Names are used as they are (a tar stream given on stdin).
    Keep,
    /// The first component is renamed (copying `a` to `b`).
    Rename(String),
    /// The first component is dropped: its contents land in the directory.
    Strip,
}

/// Rewrites an entry's name by `top`; None for the stripped top entry.
/// Fails on absolute names and `..`, which would leave the directory.
pub fn rewrite(name: &Path, top: &Top) -> Result<Option<PathBuf>> {
    let mut parts = Vec::new();
    for c in name.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_os_string()),
            Component::CurDir => {}
            _ => bail!("refusing the archive entry {}: it names a path outside the destination", name.display()),
        }
    }
    match top {
        Top::Keep => {}
        Top::Rename(to) if !parts.is_empty() => parts[0] = to.into(),
        Top::Strip if !parts.is_empty() => {
            parts.remove(0);
            if parts.is_empty() {
                return Ok(None);
            }
        }
        _ => {}
    }
    Ok(Some(parts.iter().collect()))
}

/// Extracts a stream into `dir`, renaming its top entry by `top`. Owners
/// come from the stream only with `keep_owners` (else the extracting user
/// owns everything, as `docker cp` without `-a`).
pub fn extract(input: impl Read, dir: &Path, top: &Top, keep_owners: bool) -> Result<usize> {
    let mut archive = tar::Archive::new(input);
    archive.set_preserve_permissions(true);
    archive.set_preserve_mtime(true);
    archive.set_preserve_ownerships(keep_owners);
    archive.set_overwrite(true);
    let mut count = 0;
    for entry in archive.entries().context("read the tar stream")? {
        let mut entry = entry.context("read the tar stream")?;
        let name = entry.path().context("read an entry name")?.into_owned();
        let Some(rel) = rewrite(&name, top)? else { continue };
        let target = dir.join(&rel);
        if let Some(parent) = target.parent().filter(|p| !p.exists()) {
            fs::create_dir_all(parent).with_context(|| format!("create {}", parent.display()))?;
        }
        if entry.header().entry_type().is_hard_link() {
            let link = entry.link_name().context("read a link target")?.with_context(|| format!("hard link {} has no target", name.display()))?;
            let Some(link) = rewrite(&link, top)? else { bail!("hard link {} points at the top directory", name.display()) };
            let _ = fs::remove_file(&target);
            fs::hard_link(dir.join(&link), &target).with_context(|| format!("link {} to {}", target.display(), link.display()))?;
        } else {
            if !entry.header().entry_type().is_dir() {
                // Replace, never write through, whatever is there...
                match fs::symlink_metadata(&target) {
                    Ok(m) if !m.is_dir() => match fs::remove_file(&target) {
                        Ok(()) => {}
                        // ...but a file bind-mounted into the container
                        // (-v FILE:/etc/app.conf) cannot be replaced: it
                        // gets the new content, as the container would
                        // write it. Only a regular file, so never a device.
                        Err(e) if e.raw_os_error() == Some(libc::EBUSY) && m.is_file() && entry.header().entry_type().is_file() => {
                            write_into_mounted_file(&mut entry, &target, keep_owners)?;
                            count += 1;
                            continue;
                        }
                        Err(e) => return Err(e).with_context(|| format!("replace {}", target.display())),
                    },
                    _ => {}
                }
            }
            entry.unpack(&target).with_context(|| format!("extract {}", target.display()))?;
        }
        count += 1;
    }
    Ok(count)
}

/// Writes a regular file entry into the existing regular file `target`,
/// which is a mount point: content and mode (and owner with `keep_owners`).
fn write_into_mounted_file(entry: &mut tar::Entry<impl Read>, target: &Path, keep_owners: bool) -> Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(target)
        .with_context(|| format!("open the mounted file {}", target.display()))?;
    std::io::copy(entry, &mut file).with_context(|| format!("write the mounted file {}", target.display()))?;
    let header = entry.header();
    let mode = header.mode().with_context(|| format!("read the mode of {}", target.display()))?;
    file.set_permissions(fs::Permissions::from_mode(mode & 0o7777)).with_context(|| format!("chmod {}", target.display()))?;
    if keep_owners {
        let (uid, gid) = (header.uid().context("read an entry's uid")?, header.gid().context("read an entry's gid")?);
        let id = |v: u64| u32::try_from(v).with_context(|| format!("the owner {v} of {} is out of range", target.display()));
        nix::unistd::fchown(std::os::fd::AsRawFd::as_raw_fd(&file), Some(id(uid)?.into()), Some(id(gid)?.into()))
            .with_context(|| format!("chown {}", target.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_rewritten_and_escapes_refused() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(rewrite(&p("a/b"), &Top::Rename("c".into())).unwrap(), Some(p("c/b")));
        assert_eq!(rewrite(&p("./a/b"), &Top::Strip).unwrap(), Some(p("b")));
        assert_eq!(rewrite(&p("a"), &Top::Strip).unwrap(), None);
        assert_eq!(rewrite(&p("x/y"), &Top::Keep).unwrap(), Some(p("x/y")));
        assert!(rewrite(&p("../etc/passwd"), &Top::Keep).is_err());
        assert!(rewrite(&p("/etc/passwd"), &Top::Keep).is_err());
        assert!(rewrite(&p("a/../../b"), &Top::Strip).is_err());
    }

    #[test]
    fn trees_round_trip_with_links() {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        fs::create_dir_all(src.join("d")).unwrap();
        fs::write(src.join("d/f"), "data").unwrap();
        fs::hard_link(src.join("d/f"), src.join("hard")).unwrap();
        std::os::unix::fs::symlink("/nowhere", src.join("sym")).unwrap();
        let mut stream = Vec::new();
        write_tree(&mut stream, &src, Some(Path::new("src"))).unwrap();
        let dst = tmp.path().join("dst");
        fs::create_dir(&dst).unwrap();
        extract(&stream[..], &dst, &Top::Rename("copy".into()), false).unwrap();
        assert_eq!(fs::read_to_string(dst.join("copy/d/f")).unwrap(), "data");
        assert_eq!(fs::metadata(dst.join("copy/hard")).unwrap().ino(), fs::metadata(dst.join("copy/d/f")).unwrap().ino());
        assert_eq!(fs::read_link(dst.join("copy/sym")).unwrap(), PathBuf::from("/nowhere"));
    }
}
