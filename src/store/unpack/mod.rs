//! Layer tarballs into layer directories: decompression, safe extraction
//! (hostile tar input never writes outside the layer), and conversion of OCI
//! whiteouts into overlay's on-disk format.
//!
//! The caller (store/layers.rs) extracts into a fresh temporary directory
//! and renames it into place only on success, so an error here may leave
//! that directory half written: nothing else ever sees it.

mod create;
mod pipe;
mod safe_path;
pub mod whiteout;

#[cfg(test)]
mod tests;

use std::io::{BufRead, BufReader, Read};
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use nix::sys::stat::SFlag;
use nix::sys::time::TimeSpec;
use tar::EntryType;

use create::{ApplyCtx, Meta};
use safe_path::{LayerRoot, relative};
use whiteout::Whiteout;

pub use pipe::extract_compressed;

#[derive(Clone, Debug, Default)]
pub struct UnpackOptions {
    /// Running in a user namespace: device nodes cannot be created and ids
    /// must fit the subordinate range.
    pub rootless: bool,
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Wraps `reader` in the decompressor its magic bytes call for (gzip, zstd)
/// or returns it unchanged for a plain tar.
pub fn decompress<'a>(reader: impl Read + 'a) -> Result<Box<dyn Read + 'a>> {
    let mut buffered = BufReader::with_capacity(64 * 1024, reader);
    let head = buffered.fill_buf().context("read the start of the layer")?;
    // A short first read could split the magic; a tarball's first block is
    // 512 bytes, so fill_buf normally returns far more than 4.
    if head.starts_with(GZIP_MAGIC) {
        Ok(Box::new(flate2::read::MultiGzDecoder::new(buffered)))
    } else if head.starts_with(ZSTD_MAGIC) {
        Ok(Box::new(zstd::stream::read::Decoder::with_buffer(buffered).context("start zstd decompression")?))
    } else {
        Ok(Box::new(buffered))
    }
}

/// Extracts an uncompressed layer tarball into `dest`; returns the digest
/// and size of the uncompressed stream (the layer's diff_id). (Unpacks
/// go through `extract_compressed`, which decompresses on another thread.)
#[cfg(test)]
pub fn extract_layer(reader: impl Read, dest: &Path, opts: &UnpackOptions) -> Result<(crate::image::digest::Digest, u64)> {
    use std::io;
    let mut hashing = crate::image::digest::HashingReader::new(reader);
    extract_entries(&mut hashing, dest, opts)?;
    // The digest covers the whole stream, including the end-of-archive
    // blocks and any padding after them.
    io::copy(&mut hashing, &mut io::sink()).context("read the end of the layer tarball")?;
    Ok(hashing.finish())
}

/// Extracts the entries of an uncompressed layer tarball into `dest`,
/// reading up to its end-of-archive blocks.
fn extract_entries(reader: &mut impl Read, dest: &Path, opts: &UnpackOptions) -> Result<()> {
    let root = LayerRoot::open(dest)?;
    let mut dir_times = Vec::new();
    {
        let mut archive = tar::Archive::new(reader);
        let entries = archive.entries().context("read the layer tarball")?;
        for entry in entries {
            let mut entry = entry.with_context(|| format!("read the layer tarball being extracted into {}", dest.display()))?;
            let raw = entry.path_bytes().into_owned();
            let name = String::from_utf8_lossy(&raw).into_owned();
            extract_entry(&root, &mut entry, &raw, &name, opts, &mut dir_times)
                .with_context(|| format!("layer entry {name:?} (extracting into {})", dest.display()))?;
        }
    }
    // Directory times last: creating their children changed them.
    for (rel, mtime) in dir_times {
        match root.open_dir(&rel) {
            Ok(fd) => nix::sys::stat::futimens(fd.as_raw_fd(), &mtime, &mtime)
                .with_context(|| format!("set the modification time of {}", dest.join(&rel).display()))?,
            // A later entry replaced the directory with something else.
            Err(nix::errno::Errno::ENOTDIR) | Err(nix::errno::Errno::ENOENT) => {}
            Err(e) => return Err(safe_path::explain(e, &rel)),
        }
    }
    Ok(())
}

fn extract_entry<R: Read>(
    root: &LayerRoot,
    entry: &mut tar::Entry<R>,
    raw: &[u8],
    name: &str,
    opts: &UnpackOptions,
    dir_times: &mut Vec<(PathBuf, TimeSpec)>,
) -> Result<()> {
    let kind = entry.header().entry_type();
    if matches!(kind, EntryType::XGlobalHeader) {
        return Ok(());
    }
    let comps = safe_path::components(raw)?;
    let meta = read_meta(entry)?;
    let ctx = ApplyCtx { rootless: opts.rootless, entry: name };
    let Some((file, parent_comps)) = comps.split_last() else {
        // `./`: the layer root's own metadata.
        if !kind.is_dir() {
            bail!("names the layer root but is not a directory");
        }
        create::apply_fd(root.fd(), &meta, &ctx, false)?;
        dir_times.push((PathBuf::from("."), meta.mtime));
        return Ok(());
    };
    let parent = root.parent_dir(parent_comps)?;
    match whiteout::classify(file)? {
        Whiteout::None => {}
        Whiteout::Ignore => return Ok(()),
        Whiteout::Opaque => return whiteout::mark_opaque(&parent),
        Whiteout::Delete(target) => return whiteout::delete(&parent, target),
    }
    match kind {
        EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse => {
            create::remove_existing(&parent, file)?;
            let file = create::regular_file(&parent, file, entry)?;
            create::apply_fd(&OwnedFd::from(file), &meta, &ctx, true)?;
        }
        EntryType::Directory => {
            let dir = create::directory(&parent, file)?;
            create::apply_fd(&dir, &meta, &ctx, false)?;
            dir_times.push((relative(&comps), meta.mtime));
        }
        EntryType::Symlink => {
            let target = entry.link_name_bytes().ok_or_else(|| anyhow!("is a symlink without a target"))?;
            create::remove_existing(&parent, file)?;
            // Symlinks may point anywhere: they are resolved only inside
            // the container, never while extracting.
            nix::unistd::symlinkat(safe_path::os(&target), Some(parent.as_raw_fd()), file.as_os_str())
                .context("create the symlink")?;
            create::apply_at(&parent, file, &meta, &ctx, true)?;
        }
        EntryType::Link => {
            let target = entry.link_name_bytes().ok_or_else(|| anyhow!("is a hard link without a target"))?;
            hard_link(root, &parent, file, &target)?;
        }
        EntryType::Char | EntryType::Block if opts.rootless => {
            // A user namespace may not create devices; the runtime gives a
            // container its /dev anyway, so image device nodes are dropped
            // (as rootless Podman and Docker do).
        }
        EntryType::Char | EntryType::Block | EntryType::Fifo => {
            let sflag = match kind {
                EntryType::Char => SFlag::S_IFCHR,
                EntryType::Block => SFlag::S_IFBLK,
                _ => SFlag::S_IFIFO,
            };
            let major = entry.header().device_major().ok().flatten().unwrap_or(0);
            let minor = entry.header().device_minor().ok().flatten().unwrap_or(0);
            create::remove_existing(&parent, file)?;
            create::node(&parent, file, sflag, nix::sys::stat::makedev(major.into(), minor.into()))?;
            create::apply_at(&parent, file, &meta, &ctx, false)?;
        }
        other => bail!("has an unsupported type {other:?}"),
    }
    Ok(())
}

/// Links `file` in `parent` to `target`, a name from the layer root that
/// must itself resolve beneath the root.
fn hard_link(root: &LayerRoot, parent: &OwnedFd, file: &std::ffi::OsStr, target: &[u8]) -> Result<()> {
    let target_comps = safe_path::components(target).map_err(|e| e.context(format!("hard link target {:?}", String::from_utf8_lossy(target))))?;
    let Some((target_file, target_parent)) = target_comps.split_last() else {
        bail!("is a hard link to the layer root");
    };
    let target_dir = root
        .open_dir(&relative(target_parent))
        .map_err(|e| safe_path::explain(e, &relative(target_parent)).context("hard link target"))?;
    create::remove_existing(parent, file)?;
    nix::unistd::linkat(
        Some(target_dir.as_raw_fd()),
        target_file.as_os_str(),
        Some(parent.as_raw_fd()),
        file,
        nix::fcntl::AtFlags::empty(),
    )
    .with_context(|| format!("create the hard link to {}", relative(&target_comps).display()))?;
    Ok(())
}

/// Owner, mode, time and xattrs of an entry (PAX records override the
/// header: the tar crate already applied PAX uid/gid).
fn read_meta<R: Read>(entry: &mut tar::Entry<R>) -> Result<Meta> {
    let header = entry.header();
    let uid = header.uid().context("read the owner")?;
    let gid = header.gid().context("read the group")?;
    let mode = header.mode().context("read the mode")?;
    let mut mtime = TimeSpec::new(header.mtime().context("read the modification time")? as i64, 0);
    let mut xattrs = Vec::new();
    if let Some(pax) = entry.pax_extensions().context("read the PAX records")? {
        for ext in pax {
            let ext = ext.context("read a PAX record")?;
            let key = ext.key_bytes();
            if let Some(attr) = key.strip_prefix(b"SCHILY.xattr.") {
                xattrs.push((attr.to_vec(), ext.value_bytes().to_vec()));
            } else if key == b"mtime" {
                if let Some(t) = ext.value().ok().and_then(parse_pax_time) {
                    mtime = t;
                }
            }
        }
    }
    Ok(Meta { uid, gid, mode, mtime, xattrs })
}

/// `1700000000.123456789` -> seconds and nanoseconds.
fn parse_pax_time(text: &str) -> Option<TimeSpec> {
    let (secs, frac) = text.split_once('.').unwrap_or((text, ""));
    let secs: i64 = secs.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let nanos: i64 = if digits.is_empty() { 0 } else { format!("{digits:0<9}").parse().ok()? };
    // Times before 1970 are rare enough to keep whole seconds only.
    Some(TimeSpec::new(secs, if secs < 0 { 0 } else { nanos }))
}
