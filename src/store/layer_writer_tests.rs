//! Upper directories built by hand (whiteout devices, opaque xattrs, hard
//! links, mount points) turned into layers, read back as tars and through
//! the store's own unpacker.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{symlink, FileTypeExt, MetadataExt, PermissionsExt};

use nix::sys::stat::{mknod, Mode, SFlag};
use nix::unistd::geteuid;

use super::*;
use crate::store::paths::StorePaths;

fn is_root() -> bool {
    geteuid().is_root()
}

fn store(tmp: &Path) -> Store {
    let paths = StorePaths { root: tmp.join("root"), runroot: tmp.join("run"), config_dir: tmp.join("config"), rootless: false };
    Store::open(&paths).unwrap()
}

fn set_xattr(path: &Path, name: &str, value: &[u8]) {
    let p = CString::new(path.as_os_str().as_bytes()).unwrap();
    let n = CString::new(name).unwrap();
    // SAFETY: NUL-terminated strings and a valid value slice.
    let rc = unsafe { libc::lsetxattr(p.as_ptr(), n.as_ptr(), value.as_ptr().cast(), value.len(), 0) };
    assert_eq!(rc, 0, "set {name} on {}: {}", path.display(), io::Error::last_os_error());
}

fn whiteout(path: &Path) {
    mknod(path, SFlag::S_IFCHR, Mode::from_bits_truncate(0o600), 0).unwrap();
}

/// Gives every path beneath `dir` (and `dir`) the same modification time,
/// deepest first, so that trees built in different orders match.
fn settle_times(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            settle_times(&path);
        }
        let t = nix::sys::time::TimeSpec::new(1_700_000_000, 0);
        nix::sys::stat::utimensat(None, &path, &t, &t, nix::sys::stat::UtimensatFlags::NoFollowSymlink).unwrap();
    }
    let t = nix::sys::time::TimeSpec::new(1_700_000_000, 0);
    nix::sys::stat::utimensat(None, dir, &t, &t, nix::sys::stat::UtimensatFlags::NoFollowSymlink).unwrap();
}

/// One tar entry as a test looks at it.
#[derive(Debug)]
struct Seen {
    name: String,
    kind: EntryType,
    link: Option<String>,
    mode: u32,
    size: u64,
    /// PAX records other than path and linkpath.
    pax: Vec<(String, Vec<u8>)>,
    uname_empty: bool,
}

fn read_tar(bytes: &[u8]) -> Vec<Seen> {
    let mut archive = tar::Archive::new(bytes);
    let mut out = Vec::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let mut pax = Vec::new();
        if let Some(exts) = entry.pax_extensions().unwrap() {
            for ext in exts {
                let ext = ext.unwrap();
                if !matches!(ext.key().unwrap(), "path" | "linkpath") {
                    pax.push((ext.key().unwrap().to_string(), ext.value_bytes().to_vec()));
                }
            }
        }
        let h = entry.header();
        out.push(Seen {
            name: String::from_utf8(entry.path_bytes().into_owned()).unwrap(),
            kind: h.entry_type(),
            link: entry.link_name_bytes().map(|l| String::from_utf8(l.into_owned()).unwrap()),
            mode: h.mode().unwrap(),
            size: h.size().unwrap(),
            pax,
            uname_empty: h.username_bytes().is_none_or(|u| u.is_empty()) && h.groupname_bytes().is_none_or(|g| g.is_empty()),
        });
    }
    out
}

fn layer_tar(store: &Store, layer: &NewLayer) -> Vec<Seen> {
    let bytes = store.blobs.read(&layer.diff_id).unwrap();
    assert_eq!(bytes.len() as u64, layer.size);
    read_tar(&bytes)
}

fn names(seen: &[Seen]) -> Vec<&str> {
    seen.iter().map(|s| s.name.as_str()).collect()
}

/// The tar `layer_from_upper` would write for `upper`, in memory.
fn tar_of(upper: &Path, skip: &BTreeSet<PathBuf>) -> Result<Vec<u8>> {
    let root = owned(nix::fcntl::open(upper, OFlag::O_RDONLY | OFlag::O_DIRECTORY, Mode::empty()).unwrap());
    let entries = scan(&root, upper, skip)?;
    let mut out = Vec::new();
    write_tar(&mut out, &root, upper, &entries)?;
    Ok(out)
}

fn no_skip() -> BTreeSet<PathBuf> {
    BTreeSet::new()
}

#[test]
fn an_upper_without_changes_gives_no_layer() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let upper = tmp.path().join("upper");
    assert_eq!(layer_from_upper(&store, &upper, &no_skip()).unwrap(), None, "a missing upper directory");
    fs::create_dir(&upper).unwrap();
    assert_eq!(layer_from_upper(&store, &upper, &no_skip()).unwrap(), None, "an empty one");
    // Only what the runtime made for its mounts.
    fs::create_dir_all(upper.join("proc")).unwrap();
    fs::create_dir_all(upper.join("run")).unwrap();
    fs::write(upper.join("run/.containerenv"), "").unwrap();
    fs::create_dir_all(upper.join("etc")).unwrap();
    fs::write(upper.join("etc/hosts"), "").unwrap();
    let skip: BTreeSet<PathBuf> = ["/proc", "/run/.containerenv", "/etc/hosts", "/dev"].iter().map(PathBuf::from).collect();
    assert_eq!(layer_from_upper(&store, &upper, &skip).unwrap(), None, "only mount points");
    assert!(store.blobs.list().unwrap().is_empty() && store.layers.list().unwrap().is_empty(), "nothing stored");
}

#[test]
fn mount_points_are_left_out_but_changes_beside_them_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let upper = tmp.path().join("upper");
    fs::create_dir_all(upper.join("etc")).unwrap();
    fs::write(upper.join("etc/hosts"), "").unwrap();
    fs::write(upper.join("etc/motd"), "hello").unwrap();
    fs::create_dir_all(upper.join("mnt/empty")).unwrap();
    // A mount point that is not empty is the user's content, not the runtime's.
    fs::create_dir_all(upper.join("data")).unwrap();
    fs::write(upper.join("data/kept"), "x").unwrap();
    fs::write(upper.join("resolv.conf"), "nameserver 1.1.1.1").unwrap();
    let skip: BTreeSet<PathBuf> = ["/etc/hosts", "/mnt/empty", "/data", "/resolv.conf"].iter().map(PathBuf::from).collect();
    let seen = read_tar(&tar_of(&upper, &skip).unwrap());
    assert_eq!(names(&seen), ["data/", "data/kept", "etc/", "etc/motd", "resolv.conf"]);
}

#[test]
fn whiteouts_and_opaque_directories_become_oci_entries() {
    if !is_root() {
        eprintln!("skipped: whiteout devices need root");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let upper = tmp.path().join("upper");
    fs::create_dir_all(upper.join("etc")).unwrap();
    whiteout(&upper.join("etc/gone"));
    fs::create_dir_all(upper.join("var/cache")).unwrap();
    set_xattr(&upper.join("var/cache"), "user.overlay.opaque", b"y");
    set_xattr(&upper.join("var/cache"), "user.overlay.origin", b"\x00\xfb");
    fs::write(upper.join("var/cache/new"), "fresh").unwrap();
    // Rootful overlay without userxattr marks with trusted.*.
    fs::create_dir_all(upper.join("srv")).unwrap();
    set_xattr(&upper.join("srv"), "trusted.overlay.opaque", b"y");
    set_xattr(&upper.join("srv"), "trusted.overlay.impure", b"y");
    // "x" is overlay's "holds xwhiteouts", not "opaque".
    fs::create_dir_all(upper.join("opt")).unwrap();
    set_xattr(&upper.join("opt"), "user.overlay.opaque", b"x");
    fs::write(upper.join("opt/tool"), "t").unwrap();
    fs::write(upper.join("opt/capable"), "c").unwrap();
    set_xattr(&upper.join("opt/capable"), "user.note", b"kept");
    set_xattr(&upper.join("opt/capable"), "security.capability", &[1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let layer = layer_from_upper(&store, &upper, &no_skip()).unwrap().unwrap();
    let seen = layer_tar(&store, &layer);
    assert_eq!(
        names(&seen),
        ["etc/", "etc/.wh.gone", "opt/", "opt/capable", "opt/tool", "srv/", "srv/.wh..wh..opq", "var/", "var/cache/", "var/cache/.wh..wh..opq", "var/cache/new"]
    );
    let by_name = |n: &str| seen.iter().find(|s| s.name == n).unwrap();
    let wh = by_name("etc/.wh.gone");
    assert_eq!((wh.kind, wh.size, wh.mode), (EntryType::Regular, 0, 0o600));
    assert_eq!(by_name("var/cache/.wh..wh..opq").kind, EntryType::Regular);
    assert!(seen.iter().filter(|s| s.name != "opt/capable").all(|s| s.pax.is_empty()), "overlay's own xattrs are dropped: {seen:?}");
    let keys: Vec<&str> = by_name("opt/capable").pax.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["SCHILY.xattr.security.capability", "SCHILY.xattr.user.note"]);
    // The store's unpacker turns the markers back into overlay's format.
    let diff = store.layers.diff_dir(&layer.diff_id);
    let gone = fs::symlink_metadata(diff.join("etc/gone")).unwrap();
    assert!(gone.file_type().is_char_device() && gone.rdev() == 0);
    assert!(crate::store::unpack::whiteout::is_opaque(&diff.join("var/cache")));
    assert!(crate::store::unpack::whiteout::is_opaque(&diff.join("srv")));
    assert!(!crate::store::unpack::whiteout::is_opaque(&diff.join("opt")));
}

#[test]
fn hard_links_name_the_first_path() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let upper = tmp.path().join("upper");
    fs::create_dir_all(upper.join("b")).unwrap();
    fs::create_dir_all(upper.join("a")).unwrap();
    fs::write(upper.join("b/original"), "shared").unwrap();
    fs::hard_link(upper.join("b/original"), upper.join("a/second")).unwrap();
    fs::hard_link(upper.join("b/original"), upper.join("c")).unwrap();
    let layer = layer_from_upper(&store, &upper, &no_skip()).unwrap().unwrap();
    let seen = layer_tar(&store, &layer);
    assert_eq!(names(&seen), ["a/", "a/second", "b/", "b/original", "c"]);
    assert_eq!((seen[1].kind, seen[1].size), (EntryType::Regular, 6), "the first name in order has the content");
    assert_eq!((seen[3].kind, seen[3].link.as_deref()), (EntryType::Link, Some("a/second")));
    assert_eq!((seen[4].kind, seen[4].link.as_deref()), (EntryType::Link, Some("a/second")));
    let diff = store.layers.diff_dir(&layer.diff_id);
    let ino = |p: &str| fs::metadata(diff.join(p)).unwrap().ino();
    assert_eq!(ino("a/second"), ino("b/original"));
    assert_eq!(ino("a/second"), ino("c"));
    assert_eq!(fs::read_to_string(diff.join("c")).unwrap(), "shared");
}

#[test]
fn the_same_tree_gives_the_same_bytes_whatever_order_it_was_made_in() {
    let tmp = tempfile::tempdir().unwrap();
    let build = |dir: &Path, names: &[&str]| {
        fs::create_dir_all(dir.join("etc")).unwrap();
        for n in names {
            fs::write(dir.join("etc").join(n), n.as_bytes()).unwrap();
            fs::create_dir_all(dir.join(format!("{n}.d/sub"))).unwrap();
        }
        symlink("etc/a", dir.join("link")).unwrap();
        settle_times(dir);
    };
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    build(&one, &["a", "b", "c", "a-b", "a.b"]);
    build(&two, &["a.b", "c", "a-b", "b", "a"]);
    let first = tar_of(&one, &no_skip()).unwrap();
    assert_eq!(first, tar_of(&one, &no_skip()).unwrap(), "twice the same tree");
    assert_eq!(first, tar_of(&two, &no_skip()).unwrap(), "the same tree made in another order");
    let seen = read_tar(&first);
    let mut sorted = names(&seen);
    sorted.sort();
    assert_eq!(names(&seen), sorted, "entries are in byte order");
    assert_eq!(names(&seen)[..4], ["a-b.d/", "a-b.d/sub/", "a.b.d/", "a.b.d/sub/"]);
    assert!(seen.iter().all(|s| s.pax.is_empty() && s.uname_empty), "no times beyond mtime, no user names: {seen:?}");
    // The end of the archive is two zero blocks, as Docker writes it.
    assert_eq!(first.len() % 512, 0);
    assert!(first[first.len() - 1024..].iter().all(|b| *b == 0));
}

#[test]
fn long_names_and_targets_go_into_pax_records() {
    let tmp = tempfile::tempdir().unwrap();
    let upper = tmp.path().join("upper");
    let deep = format!("{}/{}", "d".repeat(80), "e".repeat(80));
    fs::create_dir_all(upper.join(&deep)).unwrap();
    fs::write(upper.join(&deep).join("file"), "long").unwrap();
    let target = format!("/{}", "t".repeat(150));
    symlink(&target, upper.join("sym")).unwrap();
    let bytes = tar_of(&upper, &no_skip()).unwrap();
    let seen = read_tar(&bytes);
    assert_eq!(names(&seen), [format!("{}/", "d".repeat(80)), format!("{deep}/"), format!("{deep}/file"), "sym".to_string()]);
    assert_eq!(seen[3].link.as_deref(), Some(target.as_str()));
    assert!(bytes.windows(14).any(|w| w == PAX_NAME), "PAX headers, not GNU long names");
    assert!(!bytes.windows(13).any(|w| w == b"././@LongLink"));
}

#[test]
fn pax_record_lengths_count_themselves() {
    let mut out = Vec::new();
    pax_record(&mut out, b"path", b"abc");
    assert_eq!(out, b"12 path=abc\n");
    out.clear();
    // "path" and 92 bytes make 99 with ' ', '=' and '\n'; two digits
    // would make 101, which needs three: 102.
    pax_record(&mut out, b"path", "x".repeat(92).as_bytes());
    assert_eq!(&out[..4], b"102 ");
    assert_eq!(out.len(), 102);
}

/// What a test compares of one path in a tree.
#[derive(Debug, PartialEq)]
struct Node {
    kind: &'static str,
    mode: u32,
    uid: u32,
    gid: u32,
    mtime: i64,
    rdev: u64,
    content: Vec<u8>,
    user_xattrs: Vec<(Vec<u8>, Vec<u8>)>,
    opaque: bool,
}

fn tree(dir: &Path) -> BTreeMap<String, Node> {
    let mut out = BTreeMap::new();
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Node>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let md = fs::symlink_metadata(&path).unwrap();
            let ft = md.file_type();
            let (kind, content) = if ft.is_dir() {
                ("dir", Vec::new())
            } else if ft.is_symlink() {
                ("symlink", fs::read_link(&path).unwrap().into_os_string().into_vec())
            } else if ft.is_file() {
                ("file", fs::read(&path).unwrap())
            } else if ft.is_fifo() {
                ("fifo", Vec::new())
            } else if ft.is_char_device() {
                ("char", Vec::new())
            } else {
                ("other", Vec::new())
            };
            let dir_fd = owned(nix::fcntl::open(path.parent().unwrap(), OFlag::O_RDONLY | OFlag::O_DIRECTORY, Mode::empty()).unwrap());
            let (kept, opaque) = xattrs(dir_fd.as_raw_fd(), path.file_name().unwrap()).unwrap();
            let user_xattrs = kept.into_iter().filter(|(k, _)| k.starts_with(b"user.")).collect();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            let mode = md.mode() & 0o7777;
            // A whiteout's own time means nothing (the unpacker keeps none).
            let mtime = if kind == "char" && md.rdev() == 0 { 0 } else { md.mtime() };
            out.insert(rel, Node { kind, mode, uid: md.uid(), gid: md.gid(), mtime, rdev: md.rdev(), content, user_xattrs, opaque });
            if ft.is_dir() {
                walk(root, &path, out);
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

#[test]
fn what_the_unpacker_makes_of_the_layer_is_the_upper_directory() {
    if !is_root() {
        eprintln!("skipped: owners, devices and whiteouts need root");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let upper = tmp.path().join("upper");
    fs::create_dir_all(upper.join("usr/local/bin")).unwrap();
    fs::write(upper.join("usr/local/bin/tool"), b"#!/bin/sh\necho tool\n").unwrap();
    fs::set_permissions(upper.join("usr/local/bin/tool"), fs::Permissions::from_mode(0o4755)).unwrap();
    std::os::unix::fs::chown(upper.join("usr/local/bin/tool"), Some(1234), Some(5678)).unwrap();
    fs::create_dir_all(upper.join("home/user")).unwrap();
    std::os::unix::fs::chown(upper.join("home/user"), Some(1000), Some(1000)).unwrap();
    fs::set_permissions(upper.join("home/user"), fs::Permissions::from_mode(0o700)).unwrap();
    fs::write(upper.join("home/user/notes"), "x".repeat(70_000)).unwrap();
    set_xattr(&upper.join("home/user/notes"), "user.mime_type", b"text/plain");
    symlink("../../usr/local/bin/tool", upper.join("home/user/tool")).unwrap();
    fs::create_dir_all(upper.join("tmp")).unwrap();
    fs::set_permissions(upper.join("tmp"), fs::Permissions::from_mode(0o1777)).unwrap();
    mknod(&upper.join("tmp/pipe"), SFlag::S_IFIFO, Mode::from_bits_truncate(0o640), 0).unwrap();
    mknod(&upper.join("tmp/null"), SFlag::S_IFCHR, Mode::from_bits_truncate(0o666), nix::sys::stat::makedev(1, 3)).unwrap();
    fs::write(upper.join("tmp/empty"), "").unwrap();
    whiteout(&upper.join("tmp/deleted"));
    fs::create_dir_all(upper.join("var/lib/replaced")).unwrap();
    set_xattr(&upper.join("var/lib/replaced"), "user.overlay.opaque", b"y");
    let long = format!("var/{}/{}", "n".repeat(120), "m".repeat(120));
    fs::create_dir_all(upper.join(&long)).unwrap();
    fs::write(upper.join(&long).join("f"), "deep").unwrap();
    settle_times(&upper);
    let layer = layer_from_upper(&store, &upper, &no_skip()).unwrap().unwrap();
    let unpacked = tree(&store.layers.diff_dir(&layer.diff_id));
    let original = tree(&upper);
    assert_eq!(unpacked.keys().collect::<Vec<_>>(), original.keys().collect::<Vec<_>>());
    for (path, node) in &original {
        assert_eq!(&unpacked[path], node, "{path}");
    }
    assert_eq!(store.layers.info(&layer.diff_id).unwrap().size, layer.size);
    // Asking again finds the same layer.
    assert_eq!(layer_from_upper(&store, &upper, &no_skip()).unwrap(), Some(layer));
}

#[test]
fn a_file_that_changes_while_being_read_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let upper = tmp.path().join("upper");
    fs::create_dir_all(upper.join("app")).unwrap();
    fs::write(upper.join("app/data"), "0123456789").unwrap();
    let root = owned(nix::fcntl::open(&upper, OFlag::O_RDONLY | OFlag::O_DIRECTORY, Mode::empty()).unwrap());
    let entries = scan(&root, &upper, &no_skip()).unwrap();
    fs::write(upper.join("app/data"), "0123").unwrap();
    let err = format!("{:#}", write_tar(&mut Vec::new(), &root, &upper, &entries).unwrap_err());
    assert!(err.contains(&upper.join("app/data").display().to_string()) && err.contains("shrank"), "{err}");
    // Swapped for a symlink to the host's files: never followed.
    fs::remove_file(upper.join("app/data")).unwrap();
    symlink("/etc/passwd", upper.join("app/data")).unwrap();
    let err = format!("{:#}", write_tar(&mut Vec::new(), &root, &upper, &entries).unwrap_err());
    assert!(err.contains("app/data changed while it was being read"), "{err}");
    // A parent directory swapped for a symlink: not followed either.
    fs::remove_file(upper.join("app/data")).unwrap();
    fs::rename(upper.join("app"), upper.join("moved")).unwrap();
    symlink("moved", upper.join("app")).unwrap();
    let err = format!("{:#}", write_tar(&mut Vec::new(), &root, &upper, &entries).unwrap_err());
    assert!(err.contains("changed while it was being read"), "{err}");
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let upper = tmp.path().join("upper");
    fs::create_dir_all(&upper).unwrap();
    fs::write(upper.join("secret"), "x").unwrap();
    fs::set_permissions(upper.join("secret"), fs::Permissions::from_mode(0o000)).unwrap();
    // Capabilities are per thread: without these two, root too is refused
    // a mode 000 file, as any user is.
    let result = std::thread::scope(|s| {
        s.spawn(|| {
            for cap in [caps::Capability::CAP_DAC_OVERRIDE, caps::Capability::CAP_DAC_READ_SEARCH] {
                caps::drop(None, caps::CapSet::Effective, cap).unwrap();
            }
            layer_from_upper(&store, &upper, &no_skip()).map_err(|e| format!("{e:#}"))
        })
        .join()
        .unwrap()
    });
    let err = result.unwrap_err();
    assert!(err.contains(&upper.join("secret").display().to_string()) && err.contains("Permission denied"), "{err}");
    assert!(store.blobs.list().unwrap().is_empty(), "nothing stored");
}
