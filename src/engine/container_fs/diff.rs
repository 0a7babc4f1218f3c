//! `diff`: what a container changed, read from its overlay upper directory
//! (plain files, so the container may be running or not). A 0/0 character
//! device is a deletion (D); a path the image does not have is an addition
//! (A); anything else is a change (C). A directory the image has is shown
//! as changed when something beneath it changed or its owner or mode did;
//! directories merely copied up to hold a mount point are not.

use std::collections::BTreeSet;
use std::fs::{self, Metadata};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::engine::images::{self, ImageView};
use crate::store::containers::Container;
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::rootfs::{self, Driver};
use crate::store::unpack::whiteout::{is_opaque, is_whiteout};
use crate::store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Changed,
    Added,
    Deleted,
}

impl Kind {
    pub fn letter(self) -> char {
        match self {
            Kind::Changed => 'C',
            Kind::Added => 'A',
            Kind::Deleted => 'D',
        }
    }
}

/// One line of `diff`: a kind and an absolute path in the container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    pub path: String,
}

/// The container's changes, sorted by path as Docker prints them.
pub fn changes(store: &Store, c: &Container) -> Result<Vec<Change>> {
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if driver == Driver::Vfs {
        bail!("diff needs an overlay storage driver: with vfs a container's changes are not kept apart from its image");
    }
    let view = ImageView::load(store, images::resolve(store, &c.record.image_id)?)?;
    let layers = layer_dirs(store, &view.config);
    let paths = ContainerPaths::new(store, &c.record.id);
    let ignored = mount_points(&paths.config);
    let mut out = Vec::new();
    walk(&paths.upper, Path::new("/"), &layers, &ignored, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The bundle's mount destinations: the runtime creates them in the upper
/// directory when the image lacks them, which is no change of the user's
/// (nor part of a committed layer).
pub(crate) fn mount_points(config: &Path) -> BTreeSet<PathBuf> {
    let Ok(spec) = oci_spec::runtime::Spec::load(config) else { return BTreeSet::new() };
    spec.mounts().iter().flatten().map(|m| m.destination().clone()).collect()
}

/// Walks `upper/rel`; returns whether anything beneath was reported.
fn walk(upper: &Path, rel: &Path, layers: &[PathBuf], ignored: &BTreeSet<PathBuf>, out: &mut Vec<Change>) -> Result<bool> {
    let dir = upper.join(rel.strip_prefix("/").unwrap_or(rel));
    let mut any = false;
    for entry in fs::read_dir(&dir).with_context(|| format!("list {}", dir.display()))? {
        let entry = entry.with_context(|| format!("list {}", dir.display()))?;
        let path = rel.join(entry.file_name());
        let md = entry.metadata().with_context(|| format!("stat {}", entry.path().display()))?;
        let push = |out: &mut Vec<Change>, kind| out.push(Change { kind, path: path.to_string_lossy().into_owned() });
        if is_whiteout(&md) {
            push(out, Kind::Deleted);
            any = true;
            continue;
        }
        if ignored.contains(&path) {
            continue;
        }
        let before = in_image(layers, &path);
        if md.is_dir() {
            let below = walk(upper, &path, layers, ignored, out)?;
            match before {
                // Made by the runtime only to hold a mount point (/run for
                // /run/.containerenv), with nothing else in it.
                None if !below && ignored.iter().any(|m| m.starts_with(&path)) => continue,
                None => push(out, Kind::Added),
                Some(old) if below || !same_meta(&old, &md) || is_opaque(&entry.path()) => push(out, Kind::Changed),
                Some(_) => continue,
            }
        } else {
            push(out, if before.is_some() { Kind::Changed } else { Kind::Added });
        }
        any = true;
    }
    Ok(any)
}

fn same_meta(a: &Metadata, b: &Metadata) -> bool {
    a.is_dir() == b.is_dir() && a.mode() == b.mode() && a.uid() == b.uid() && a.gid() == b.gid()
}

/// The image's version of `path` (absolute), as its merged layers show it.
pub fn in_image(layers_top_first: &[PathBuf], path: &Path) -> Option<Metadata> {
    let rel = path.strip_prefix("/").unwrap_or(path);
    let ancestors: Vec<&Path> = rel.ancestors().skip(1).filter(|a| !a.as_os_str().is_empty()).collect();
    for layer in layers_top_first {
        let mut opaque_above = false;
        for a in &ancestors {
            match fs::symlink_metadata(layer.join(a)) {
                // A deleted or non-directory parent hides everything beneath.
                Ok(m) if !m.is_dir() => return None,
                Ok(_) if is_opaque(&layer.join(a)) => opaque_above = true,
                _ => {}
            }
        }
        if let Ok(m) = fs::symlink_metadata(layer.join(rel)) {
            return (!is_whiteout(&m)).then_some(m);
        }
        if opaque_above {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_lookup_sees_through_layers() {
        let tmp = tempfile::tempdir().unwrap();
        let (top, bottom) = (tmp.path().join("top"), tmp.path().join("bottom"));
        fs::create_dir_all(bottom.join("etc/sub")).unwrap();
        fs::write(bottom.join("etc/a"), "a").unwrap();
        fs::create_dir_all(top.join("etc")).unwrap();
        fs::write(top.join("etc/sub"), "now a file").unwrap();
        let layers = vec![top, bottom];
        assert!(in_image(&layers, Path::new("/etc/a")).is_some());
        assert!(in_image(&layers, Path::new("/etc/sub")).is_some_and(|m| m.is_file()));
        assert!(in_image(&layers, Path::new("/etc/sub/x")).is_none());
        assert!(in_image(&layers, Path::new("/nope")).is_none());
    }
}
