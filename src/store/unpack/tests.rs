//! Extraction of tarballs built in memory, hostile ones included. Names are
//! written into the raw header bytes because the tar crate's builder
//! (rightly) refuses `..` and absolute paths.

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

use nix::unistd::{getegid, geteuid};
use tar::{EntryType, Header};

use super::*;
use crate::image::digest::Digest;

/// A tarball under construction.
struct Tar {
    builder: tar::Builder<Vec<u8>>,
    uid: u64,
    gid: u64,
}

impl Tar {
    fn new() -> Tar {
        // Our own ids, so that tests also pass unprivileged.
        Tar { builder: tar::Builder::new(Vec::new()), uid: geteuid().as_raw().into(), gid: getegid().as_raw().into() }
    }

    fn header(&self, kind: EntryType, name: &str, mode: u32) -> Header {
        let mut h = Header::new_ustar();
        let bytes = name.as_bytes();
        assert!(bytes.len() < 100, "test names fit the header");
        h.as_old_mut().name[..bytes.len()].copy_from_slice(bytes);
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(self.uid);
        h.set_gid(self.gid);
        h.set_mtime(1_600_000_000);
        h.set_size(0);
        h
    }

    fn append(&mut self, mut h: Header, data: &[u8]) -> &mut Tar {
        h.set_size(data.len() as u64);
        h.set_cksum();
        self.builder.append(&h, data).expect("append to an in-memory tar");
        self
    }

    fn file(&mut self, name: &str, data: &[u8]) -> &mut Tar {
        let h = self.header(EntryType::Regular, name, 0o644);
        self.append(h, data)
    }

    fn dir(&mut self, name: &str) -> &mut Tar {
        let h = self.header(EntryType::Directory, name, 0o755);
        self.append(h, b"")
    }

    fn link(&mut self, kind: EntryType, name: &str, target: &str) -> &mut Tar {
        let mut h = self.header(kind, name, 0o777);
        let t = target.as_bytes();
        h.as_old_mut().linkname[..t.len()].copy_from_slice(t);
        self.append(h, b"")
    }

    fn bytes(&mut self) -> Vec<u8> {
        self.builder.finish().expect("finish an in-memory tar");
        self.builder.get_ref().clone()
    }
}

/// A temporary directory holding `dest` and an empty `canary` beside it.
struct Scratch {
    tmp: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let tmp = tempfile::tempdir().expect("create a temp dir");
        fs::create_dir(tmp.path().join("dest")).expect("create dest");
        fs::create_dir(tmp.path().join("canary")).expect("create canary");
        Scratch { tmp }
    }
    fn dest(&self) -> std::path::PathBuf {
        self.tmp.path().join("dest")
    }
    fn extract(&self, tar: &[u8]) -> Result<(Digest, u64)> {
        extract_layer(tar, &self.dest(), &UnpackOptions::default())
    }
    /// Nothing appeared beside dest, and the canary is still empty.
    fn assert_nothing_outside(&self) {
        let mut beside: Vec<String> =
            fs::read_dir(self.tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        beside.sort();
        assert_eq!(beside, ["canary", "dest"]);
        assert_eq!(fs::read_dir(self.tmp.path().join("canary")).unwrap().count(), 0, "canary touched");
    }
}

fn is_root() -> bool {
    geteuid().is_root()
}

#[test]
fn refuses_names_that_leave_the_layer() {
    for name in ["../x", "/abs", "a/../../x", "../canary/x", "./../x"] {
        let s = Scratch::new();
        let tar = Tar::new().file(name, b"pwned").bytes();
        let err = format!("{:#}", s.extract(&tar).expect_err(name));
        assert!(err.contains(&format!("{name:?}")), "error names the entry: {err}");
        assert!(!err.contains('\n'), "one line: {err}");
        s.assert_nothing_outside();
    }
}

#[test]
fn refuses_writing_through_symlinks_that_leave_the_layer() {
    let s = Scratch::new();
    let canary = s.tmp.path().join("canary");
    for target in [canary.to_str().unwrap(), "../canary", "../../..", "/"] {
        let tar = Tar::new().link(EntryType::Symlink, "evil", target).file("evil/pwned", b"x").bytes();
        let err = format!("{:#}", s.extract(&tar).expect_err(target));
        assert!(err.contains("evil/pwned") && err.contains("leaves the layer"), "{err}");
        s.assert_nothing_outside();
    }
}

#[test]
fn refuses_hard_links_outside_the_layer() {
    for (target, why) in [("../../etc/passwd", ".."), ("/etc/passwd", "absolute"), ("evil/passwd", "leaves the layer")] {
        let s = Scratch::new();
        let tar = Tar::new().link(EntryType::Symlink, "evil", "/etc").link(EntryType::Link, "passwd", target).bytes();
        let err = format!("{:#}", s.extract(&tar).expect_err(target));
        assert!(err.contains("\"passwd\"") && err.contains(why), "{err}");
        assert!(!s.dest().join("passwd").exists());
        s.assert_nothing_outside();
    }
}

#[test]
fn symlinked_parents_inside_the_layer_are_followed() {
    let s = Scratch::new();
    let tar = Tar::new().dir("usr/lib/").link(EntryType::Symlink, "lib", "usr/lib").file("lib/libc.so", b"elf").bytes();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read(s.dest().join("usr/lib/libc.so")).unwrap(), b"elf");
    assert_eq!(fs::read_link(s.dest().join("lib")).unwrap(), Path::new("usr/lib"));
}

#[test]
fn symlinks_may_point_anywhere_and_are_never_followed() {
    let s = Scratch::new();
    let canary = s.tmp.path().join("canary/target");
    // A symlink pointing outside, then a file of the same name: the file
    // replaces the link instead of being written through it.
    let tar = Tar::new().link(EntryType::Symlink, "out", canary.to_str().unwrap()).file("out", b"inside").bytes();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read(s.dest().join("out")).unwrap(), b"inside");
    s.assert_nothing_outside();
    let s = Scratch::new();
    let tar = Tar::new().link(EntryType::Symlink, "abs", "/etc/passwd").bytes();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read_link(s.dest().join("abs")).unwrap(), Path::new("/etc/passwd"));
}

#[test]
fn later_entries_replace_earlier_ones() {
    let s = Scratch::new();
    let tar = Tar::new()
        .file("f", b"first")
        .file("f", b"second")
        .dir("d/")
        .file("d/child", b"x")
        .file("d", b"now a file")
        .file("g", b"soon a dir")
        .dir("g/")
        .dir("keep/")
        .file("keep/a", b"a")
        .dir("keep/")
        .bytes();
    s.extract(&tar).unwrap();
    assert_eq!(fs::read(s.dest().join("f")).unwrap(), b"second");
    assert_eq!(fs::read(s.dest().join("d")).unwrap(), b"now a file");
    assert!(s.dest().join("g").is_dir());
    assert_eq!(fs::read(s.dest().join("keep/a")).unwrap(), b"a", "a directory entry over a directory keeps its content");
}

#[test]
fn creates_missing_parents_and_hard_links() {
    let s = Scratch::new();
    let tar = Tar::new().file("a/b/c", b"deep").link(EntryType::Link, "a/link", "a/b/c").bytes();
    s.extract(&tar).unwrap();
    let (c, link) = (fs::metadata(s.dest().join("a/b/c")).unwrap(), fs::metadata(s.dest().join("a/link")).unwrap());
    assert_eq!(c.ino(), link.ino());
    assert_eq!(c.nlink(), 2);
}

#[test]
fn modes_and_times_follow_the_headers() {
    let s = Scratch::new();
    let mut tar = Tar::new();
    let mut h = tar.header(EntryType::Directory, "sticky/", 0o1777);
    h.set_mtime(1_000_000);
    tar.append(h, b"");
    let mut h = tar.header(EntryType::Regular, "sticky/tool", 0o4755);
    h.set_mtime(2_000_000);
    tar.append(h, b"#!/bin/sh\n");
    let mut h = tar.header(EntryType::Symlink, "sticky/link", 0o777);
    h.as_old_mut().linkname[..4].copy_from_slice(b"tool");
    h.set_mtime(3_000_000);
    tar.append(h, b"");
    let mut h = tar.header(EntryType::Directory, "ro/", 0o555);
    h.set_mtime(4_000_000);
    tar.append(h, b"");
    s.extract(&tar.bytes()).unwrap();
    let dir = fs::symlink_metadata(s.dest().join("sticky")).unwrap();
    assert_eq!(dir.permissions().mode() & 0o7777, 0o1777);
    assert_eq!(dir.mtime(), 1_000_000, "directory times are set after their children");
    let tool = fs::symlink_metadata(s.dest().join("sticky/tool")).unwrap();
    assert_eq!((tool.permissions().mode() & 0o7777, tool.mtime()), (0o4755, 2_000_000));
    let link = fs::symlink_metadata(s.dest().join("sticky/link")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(link.mtime(), 3_000_000);
    assert_eq!(fs::symlink_metadata(s.dest().join("ro")).unwrap().permissions().mode() & 0o7777, 0o555);
}

#[test]
fn owners_follow_the_headers() {
    if !is_root() {
        eprintln!("skipped: chown to other ids needs root");
        return;
    }
    let s = Scratch::new();
    let mut tar = Tar::new();
    tar.uid = 1234;
    tar.gid = 5678;
    tar.file("owned", b"x").dir("owned-dir/").link(EntryType::Symlink, "owned-link", "owned");
    let mut h = tar.header(EntryType::Regular, "setuid", 0o4755);
    h.set_uid(0);
    h.set_gid(0);
    tar.append(h, b"");
    s.extract(&tar.bytes()).unwrap();
    for name in ["owned", "owned-dir", "owned-link"] {
        let m = fs::symlink_metadata(s.dest().join(name)).unwrap();
        assert_eq!((m.uid(), m.gid()), (1234, 5678), "{name}");
    }
    assert_eq!(fs::metadata(s.dest().join("setuid")).unwrap().permissions().mode() & 0o7777, 0o4755, "setuid survives chown");
}

#[test]
fn whiteouts_become_overlay_devices_and_opaque_xattrs() {
    if !is_root() {
        eprintln!("skipped: whiteout devices need root or a user namespace");
        return;
    }
    let s = Scratch::new();
    let tar = Tar::new().dir("d/").file("d/.wh.gone", b"").dir("o/").file("o/.wh..wh..opq", b"").file("o/new", b"n").bytes();
    s.extract(&tar).unwrap();
    let w = fs::symlink_metadata(s.dest().join("d/gone")).unwrap();
    assert!(w.file_type().is_char_device() && w.rdev() == 0, "0/0 char device");
    assert!(!s.dest().join("d/.wh.gone").exists());
    assert!(!s.dest().join("o/.wh..wh..opq").exists());
    assert_eq!(get_xattr(&s.dest().join("o"), "user.overlay.opaque").as_deref(), Some(&b"y"[..]));
    assert_eq!(fs::read(s.dest().join("o/new")).unwrap(), b"n");
}

#[test]
fn pax_xattrs_are_set() {
    let s = Scratch::new();
    let mut tar = Tar::new();
    tar.builder.append_pax_extensions([("SCHILY.xattr.user.note", &b"hello"[..])]).unwrap();
    tar.file("noted", b"x");
    s.extract(&tar.bytes()).unwrap();
    assert_eq!(get_xattr(&s.dest().join("noted"), "user.note").as_deref(), Some(&b"hello"[..]));
}

#[test]
fn digest_covers_the_whole_stream_including_padding() {
    let s = Scratch::new();
    let mut tar = Tar::new().file("a", b"a").bytes();
    tar.extend_from_slice(&[0u8; 4096]);
    let (digest, size) = s.extract(&tar).unwrap();
    assert_eq!(digest, Digest::of_bytes(&tar));
    assert_eq!(size, tar.len() as u64);
}

#[test]
fn decompresses_gzip_zstd_and_plain() {
    let tar = Tar::new().file("a", &[7u8; 10_000]).bytes();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(&tar[..], 1).unwrap();
    for (what, bytes) in [("gzip", gz), ("zstd", zst), ("plain", tar.clone())] {
        let mut out = Vec::new();
        decompress(&bytes[..]).unwrap().read_to_end(&mut out).unwrap();
        assert_eq!(out, tar, "{what}");
    }
}

#[test]
fn parses_pax_times() {
    assert_eq!(parse_pax_time("1700000000.5"), Some(TimeSpec::new(1_700_000_000, 500_000_000)));
    assert_eq!(parse_pax_time("12"), Some(TimeSpec::new(12, 0)));
    assert_eq!(parse_pax_time("x"), None);
}

fn get_xattr(path: &Path, name: &str) -> Option<Vec<u8>> {
    let p = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    let n = std::ffi::CString::new(name).unwrap();
    let mut buf = vec![0u8; 256];
    // SAFETY: valid NUL-terminated strings and a buffer of the given length.
    let len = unsafe { libc::lgetxattr(p.as_ptr(), n.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    (len >= 0).then(|| {
        buf.truncate(len as usize);
        buf
    })
}

#[test]
fn zero_blocks_become_holes_and_the_content_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<Vec<u8>> = vec![Vec::new(), vec![0; 10], b"tiny".to_vec(), vec![0; 3 << 20]];
    // Data at the start, in the middle (unaligned), and a short tail.
    let mut mixed = vec![0u8; 5 << 20];
    mixed[..3].copy_from_slice(b"top");
    mixed[(2 << 20) + 4001..(2 << 20) + 4100].fill(7);
    mixed.extend_from_slice(b"tail");
    cases.push(mixed);
    for (i, content) in cases.iter().enumerate() {
        let path = dir.path().join(format!("f{i}"));
        let file = fs::File::create(&path).unwrap();
        assert_eq!(create::write_sparse(&mut &content[..], &file).unwrap(), content.len() as u64);
        drop(file);
        assert_eq!(&fs::read(&path).unwrap(), content, "case {i}");
        let allocated = fs::metadata(&path).unwrap().blocks() * 512;
        assert!(allocated <= 4 * 4096 * 2, "case {i}: {allocated} bytes allocated for {} bytes", content.len());
    }
}
