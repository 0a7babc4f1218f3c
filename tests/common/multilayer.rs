//! A four-layer image that exercises every way a layer can change what the
//! layers below it left: whiteouts of files, directories and lower-layer
//! symlinks, an opaque directory, a file replaced by a directory, a directory
//! deleted and re-created, and files owned by non-root users.
//!
//! Layers (paths relative to /):
//! 1. the busybox base (see `fixtures::busybox_layer`).
//! 2. adds `data/keep.txt` ("keep\n"), `data/remove-me.txt`,
//!    `data/olddir/{a.txt,sub/b.txt}`, `data/opaque/{old1.txt,oldsub/old2.txt}`,
//!    `data/file-to-dir` (a regular file), `data/link -> keep.txt`,
//!    `data/owned/` (1000:1000, 0750) with `user.txt` (1000:1000, 0640) and
//!    `nobody.txt` (65534:65534, 0600).
//! 3. `data/.wh.remove-me.txt`, `data/.wh.olddir`, `bin/.wh.vi` (a busybox
//!    applet link from layer 1), `data/opaque/.wh..wh..opq` plus
//!    `data/opaque/new.txt` ("new\n"), `data/file-to-dir/inside.txt`
//!    ("inside\n": the directory entry replaces the file, no whiteout), and
//!    `etc/motd` owned by 65534:65534.
//! 4. re-creates `data/olddir/` with only `c.txt` ("c\n").
//!
//! The final tree must match `MULTILAYER_PRESENT`, `MULTILAYER_ABSENT`,
//! `MULTILAYER_CONTENTS` and `MULTILAYER_OWNERS`; no `.wh.` file may remain.

use std::path::PathBuf;

use serde_json::json;

use super::fixtures::{busybox_layer, cached_layout};
use super::oci::{Layer, LayerBuilder};

/// Paths (relative to the rootfs) that must exist in the final tree.
pub const MULTILAYER_PRESENT: &[&str] = &[
    "bin/busybox",
    "bin/sh",
    "data/keep.txt",
    "data/link",
    "data/opaque",
    "data/opaque/new.txt",
    "data/file-to-dir/inside.txt",
    "data/owned/user.txt",
    "data/owned/nobody.txt",
    "data/olddir/c.txt",
    "etc/motd",
];

/// Paths that must not exist in the final tree.
pub const MULTILAYER_ABSENT: &[&str] = &[
    "data/remove-me.txt",
    "data/.wh.remove-me.txt",
    "data/olddir/a.txt",
    "data/olddir/sub",
    "data/.wh.olddir",
    "data/opaque/old1.txt",
    "data/opaque/oldsub",
    "data/opaque/.wh..wh..opq",
    "bin/vi",
    "bin/.wh.vi",
];

/// Regular files and their exact contents.
pub const MULTILAYER_CONTENTS: &[(&str, &str)] = &[
    ("data/keep.txt", "keep\n"),
    ("data/opaque/new.txt", "new\n"),
    ("data/file-to-dir/inside.txt", "inside\n"),
    ("data/olddir/c.txt", "c\n"),
    ("data/owned/user.txt", "user\n"),
    ("data/owned/nobody.txt", "nobody\n"),
    ("etc/motd", "motd\n"),
];

/// Owners as seen from inside the image (uid, gid).
pub const MULTILAYER_OWNERS: &[(&str, u32, u32)] = &[
    ("data/keep.txt", 0, 0),
    ("data/owned", 1000, 1000),
    ("data/owned/user.txt", 1000, 1000),
    ("data/owned/nobody.txt", 65534, 65534),
    ("etc/motd", 65534, 65534),
    ("home/user", 1000, 1000),
];

/// Where `data/link` points.
pub const MULTILAYER_LINK: (&str, &str) = ("data/link", "keep.txt");

/// Number of layers in the image.
pub const MULTILAYER_LAYERS: usize = 4;

fn layer_add() -> Layer {
    let mut l = LayerBuilder::new();
    l.dir("data", 0o755, 0, 0)
        .file("data/keep.txt", b"keep\n", 0o644, 0, 0)
        .file("data/remove-me.txt", b"bye\n", 0o644, 0, 0)
        .dir("data/olddir", 0o755, 0, 0)
        .file("data/olddir/a.txt", b"a\n", 0o644, 0, 0)
        .dir("data/olddir/sub", 0o755, 0, 0)
        .file("data/olddir/sub/b.txt", b"b\n", 0o644, 0, 0)
        .dir("data/opaque", 0o755, 0, 0)
        .file("data/opaque/old1.txt", b"old1\n", 0o644, 0, 0)
        .dir("data/opaque/oldsub", 0o755, 0, 0)
        .file("data/opaque/oldsub/old2.txt", b"old2\n", 0o644, 0, 0)
        .file("data/file-to-dir", b"i was a file\n", 0o644, 0, 0)
        .symlink("data/link", "keep.txt")
        .dir("data/owned", 0o750, 1000, 1000)
        .file("data/owned/user.txt", b"user\n", 0o640, 1000, 1000)
        .file("data/owned/nobody.txt", b"nobody\n", 0o600, 65534, 65534);
    Layer::from_tar(l.finish(), "ADD data")
}

fn layer_change() -> Layer {
    let mut l = LayerBuilder::new();
    l.whiteout("data/remove-me.txt")
        .whiteout("data/olddir")
        .whiteout("bin/vi")
        .dir("data/opaque", 0o755, 0, 0)
        .opaque("data/opaque")
        .file("data/opaque/new.txt", b"new\n", 0o644, 0, 0)
        .dir("data/file-to-dir", 0o755, 0, 0)
        .file("data/file-to-dir/inside.txt", b"inside\n", 0o644, 0, 0)
        .file("etc/motd", b"motd\n", 0o644, 65534, 65534);
    Layer::from_tar(l.finish(), "RUN rm -r data/remove-me.txt data/olddir bin/vi && ...")
}

fn layer_recreate() -> Layer {
    let mut l = LayerBuilder::new();
    l.dir("data/olddir", 0o755, 0, 0).file("data/olddir/c.txt", b"c\n", 0o644, 0, 0);
    Layer::from_tar(l.finish(), "RUN mkdir data/olddir && echo c > data/olddir/c.txt")
}

/// The multi-layer image described at the top of this file (linux/amd64).
pub fn multilayer_layout() -> PathBuf {
    cached_layout("multilayer", |w| {
        let layers = [busybox_layer(), layer_add(), layer_change(), layer_recreate()];
        let manifest = w.image("amd64", &layers, json!({ "WorkingDir": "/data" }))?;
        w.finish(&manifest)
    })
}
