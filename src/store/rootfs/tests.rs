//! Two small layers (a deletion, an opaque directory, a replaced file),
//! assembled by flatten and by a real overlay mount: both must show the
//! same tree, the one a user of the image expects.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::*;
use crate::store::unpack::{extract_layer, UnpackOptions};

/// Builds a layer directory from (name, content) pairs; a name ending in
/// `/` is a directory.
fn layer(dir: &Path, entries: &[(&str, &str)]) -> PathBuf {
    let mut b = tar::Builder::new(Vec::new());
    for (name, content) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(if name.ends_with('/') { tar::EntryType::Directory } else { tar::EntryType::Regular });
        h.set_mode(if name.ends_with('/') { 0o755 } else { 0o644 });
        h.set_mtime(1_600_000_000);
        h.set_uid(nix::unistd::geteuid().as_raw().into());
        h.set_gid(nix::unistd::getegid().as_raw().into());
        h.set_size(content.len() as u64);
        b.append_data(&mut h, name, content.as_bytes()).unwrap();
    }
    let bytes = b.into_inner().unwrap();
    fs::create_dir_all(dir).unwrap();
    extract_layer(&bytes[..], dir, &UnpackOptions::default()).unwrap();
    dir.to_path_buf()
}

/// Path -> "kind mode content" for every file below `root`.
fn tree(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let m = fs::symlink_metadata(&p).unwrap();
            let rel = p.strip_prefix(root).unwrap().display().to_string();
            let desc = if m.is_dir() {
                walk(root, &p, out);
                format!("dir {:o}", m.permissions().mode() & 0o7777)
            } else {
                format!("file {:o} {}", m.permissions().mode() & 0o7777, fs::read_to_string(&p).unwrap())
            };
            out.insert(rel, format!("{desc} uid={}", m.uid()));
        }
    }
    walk(root, root, &mut out);
    out
}

fn two_layers(tmp: &Path) -> Vec<PathBuf> {
    let bottom = layer(
        &tmp.join("bottom"),
        &[("etc/", ""), ("etc/gone", "old"), ("etc/kept", "k"), ("opq/", ""), ("opq/hidden", "h"), ("rewritten", "v1"), ("dir-to-file/", ""), ("dir-to-file/x", "x")],
    );
    let top = layer(
        &tmp.join("top"),
        &[("etc/.wh.gone", ""), ("opq/", ""), ("opq/.wh..wh..opq", ""), ("opq/new", "n"), ("rewritten", "v2"), ("dir-to-file", "now a file")],
    );
    vec![top, bottom]
}

fn expected() -> BTreeMap<String, String> {
    let uid = nix::unistd::geteuid().as_raw();
    [
        ("dir-to-file", "file 644 now a file"),
        ("etc", "dir 755"),
        ("etc/kept", "file 644 k"),
        ("opq", "dir 755"),
        ("opq/new", "file 644 n"),
        ("rewritten", "file 644 v2"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), format!("{v} uid={uid}")))
    .collect()
}

#[test]
fn flatten_applies_whiteouts_and_opaque_dirs() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: whiteout devices need root or a user namespace");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let lowers = two_layers(tmp.path());
    let target = tmp.path().join("flat");
    flatten(&lowers, &target).unwrap();
    assert_eq!(tree(&target), expected());
}

#[test]
fn overlay_mount_shows_the_same_tree_as_flatten() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: mounting overlay needs root or a user namespace");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let lowers = two_layers(tmp.path());
    let target = tmp.path().join("merged");
    fs::create_dir(&target).unwrap();
    mount_rootfs(&lowers, None, None, &target, Driver::Overlay).unwrap();
    let seen = tree(&target);
    unmount(&target).unwrap();
    assert_eq!(seen, expected());
    assert!(!is_mountpoint(&target));
}

#[test]
fn many_layer_overlays_fit_the_mount_options() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: mounting overlay needs root or a user namespace");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // Long paths: 120 layers of ~150 bytes each would be 18 KB of options.
    let deep = tmp.path().join("x".repeat(100));
    let lowers: Vec<PathBuf> = (0..120).map(|i| layer(&deep.join(format!("layer-{i:03}")), &[(&format!("f{i}"), "x")])).collect();
    let target = tmp.path().join("merged");
    fs::create_dir(&target).unwrap();
    mount_rootfs(&lowers, None, None, &target, Driver::Overlay).unwrap();
    let count = fs::read_dir(&target).unwrap().count();
    unmount(&target).unwrap();
    assert_eq!(count, 120);
}

#[test]
fn a_single_layer_mounts_read_only() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: mounting overlay needs root or a user namespace");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let only = layer(&tmp.path().join("only"), &[("a", "a")]);
    let target = tmp.path().join("merged");
    fs::create_dir(&target).unwrap();
    mount_rootfs(&[only], None, None, &target, Driver::Overlay).unwrap();
    let write = fs::write(target.join("b"), "b");
    let read = fs::read_to_string(target.join("a"));
    unmount(&target).unwrap();
    assert_eq!(read.unwrap(), "a");
    assert!(write.is_err(), "an image mount is read-only");
}

#[test]
fn driver_override_is_validated() {
    assert_eq!(Driver::parse("vfs").unwrap(), Driver::Vfs);
    assert_eq!(Driver::parse("overlay").unwrap(), Driver::Overlay);
    let err = Driver::parse("btrfs").unwrap_err().to_string();
    assert!(err.contains("overlay, fuse-overlayfs or vfs"), "{err}");
}
