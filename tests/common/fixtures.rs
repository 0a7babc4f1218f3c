//! Image fixtures as OCI layouts, built once per run and shared by every test
//! binary: a cache directory (PONTOON_FIXTURES_DIR, else
//! /tmp/pontoon-fixtures-<uid>) holds one finished layout per name, built
//! under an flock so parallel test binaries never race, made world-readable,
//! and moved into place only when complete.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use nix::fcntl::{Flock, FlockArg};
use serde_json::json;

use super::oci::{Descriptor, Layer, LayerBuilder, LayoutWriter};

/// Bump when a fixture's content changes, so stale caches are not reused.
const FIXTURES_VERSION: u32 = 1;

/// Where Debian's busybox-static puts its binary.
pub const BUSYBOX: &str = "/bin/busybox";

/// The shared cache directory for this run's fixtures.
pub fn fixtures_dir() -> PathBuf {
    let base = match std::env::var_os("PONTOON_FIXTURES_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(format!("/tmp/pontoon-fixtures-{}", nix::unistd::getuid())),
    };
    base.join(format!("v{FIXTURES_VERSION}"))
}

/// Returns the cached layout `name`, building it with `build` if missing.
pub fn cached_layout(name: &str, build: impl FnOnce(&LayoutWriter) -> std::io::Result<()>) -> PathBuf {
    let base = fixtures_dir();
    fs::create_dir_all(&base).unwrap_or_else(|e| panic!("create fixture dir {}: {e}", base.display()));
    let _ = fs::set_permissions(&base, fs::Permissions::from_mode(0o755));
    let dest = base.join(name);
    if dest.join("index.json").exists() {
        return dest;
    }
    let lock_path = base.join(format!("{name}.lock"));
    let lock_file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .unwrap_or_else(|e| panic!("open fixture lock {}: {e}", lock_path.display()));
    let _lock = Flock::lock(lock_file, FlockArg::LockExclusive)
        .unwrap_or_else(|(_, e)| panic!("lock {}: {e}", lock_path.display()));
    if dest.join("index.json").exists() {
        return dest; // another test binary built it while we waited
    }
    let tmp = base.join(format!("{name}.tmp-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    let writer = LayoutWriter::create(&tmp).unwrap_or_else(|e| panic!("create layout {}: {e}", tmp.display()));
    build(&writer).unwrap_or_else(|e| panic!("build fixture {name}: {e}"));
    make_world_readable(&tmp);
    fs::rename(&tmp, &dest).unwrap_or_else(|e| panic!("move fixture into {}: {e}", dest.display()));
    dest
}

fn make_world_readable(dir: &Path) {
    let walk = fs::read_dir(dir).into_iter().flatten().flatten();
    for entry in walk {
        let path = entry.path();
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(if is_dir { 0o755 } else { 0o644 }));
        if is_dir {
            make_world_readable(&path);
        }
    }
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o755));
}

/// The applet names of the host's busybox, for the `/bin/NAME -> busybox` links.
fn busybox_applets() -> Vec<String> {
    let out = Command::new(BUSYBOX)
        .arg("--list")
        .output()
        .unwrap_or_else(|e| panic!("run {BUSYBOX} --list (install busybox-static): {e}"));
    assert!(out.status.success(), "{BUSYBOX} --list failed");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().map(str::trim).filter(|a| !a.is_empty() && *a != "busybox" && !a.contains('/')).map(String::from).collect()
}

/// The busybox base layer: /bin/busybox and its applet links, /etc/passwd and
/// /etc/group with root and `user` (1000), /tmp (1777), /root (0700),
/// /home/user (1000:1000), and empty /dev /proc /sys /usr/bin /var.
pub fn busybox_layer() -> Layer {
    let binary = fs::read(BUSYBOX).unwrap_or_else(|e| panic!("read {BUSYBOX} (install busybox-static): {e}"));
    let mut l = LayerBuilder::new();
    for d in ["bin", "dev", "etc", "home", "proc", "sys", "usr", "usr/bin", "var"] {
        l.dir(d, 0o755, 0, 0);
    }
    l.dir("tmp", 0o1777, 0, 0).dir("root", 0o700, 0, 0).dir("home/user", 0o755, 1000, 1000);
    l.file("bin/busybox", &binary, 0o755, 0, 0);
    for applet in busybox_applets() {
        l.symlink(&format!("bin/{applet}"), "busybox");
    }
    l.file("etc/passwd", b"root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n", 0o644, 0, 0);
    l.file("etc/group", b"root:x:0:\nuser:x:1000:\nnogroup:x:65534:\n", 0o644, 0, 0);
    Layer::from_tar(l.finish(), "ADD busybox-static rootfs")
}

/// A one-layer busybox image (linux/amd64, Cmd ["sh"]).
pub fn busybox_layout() -> PathBuf {
    cached_layout("busybox", |w| {
        let manifest = w.image("amd64", &[busybox_layer()], json!({}))?;
        w.finish(&manifest)
    })
}

/// A multi-platform image: an index with linux/amd64 (the busybox image) and
/// linux/arm64 (a tiny image with only `/platform` saying "arm64").
pub struct MultiarchLayout {
    pub dir: PathBuf,
    pub index_digest: String,
    pub amd64_digest: String,
    pub arm64_digest: String,
}

pub fn multiarch_layout() -> MultiarchLayout {
    let dir = cached_layout("multiarch", |w| {
        let amd64 = w.image("amd64", &[busybox_layer()], json!({}))?;
        let mut l = LayerBuilder::new();
        l.file("platform", b"arm64\n", 0o644, 0, 0);
        let arm64 = w.image("arm64", &[Layer::from_tar(l.finish(), "ADD platform")], json!({ "Cmd": ["/platform"] }))?;
        let index = w.index(&[(amd64, "amd64"), (arm64, "arm64")])?;
        w.finish(&index)
    });
    read_multiarch(dir)
}

/// Recovers the digests of a cached multiarch layout from its index.
fn read_multiarch(dir: PathBuf) -> MultiarchLayout {
    let read_json = |p: PathBuf| -> serde_json::Value {
        let text = fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
        serde_json::from_slice(&text).unwrap_or_else(|e| panic!("parse {}: {e}", p.display()))
    };
    let top = read_json(dir.join("index.json"));
    let index_digest = top["manifests"][0]["digest"].as_str().expect("index.json names the index").to_string();
    let index = read_json(dir.join("blobs/sha256").join(index_digest.trim_start_matches("sha256:")));
    let digest_of = |arch: &str| -> String {
        let list = index["manifests"].as_array().expect("index has manifests");
        let entry = list.iter().find(|m| m["platform"]["architecture"] == arch).expect("index has the platform");
        entry["digest"].as_str().expect("manifest digest").to_string()
    };
    MultiarchLayout { amd64_digest: digest_of("amd64"), arm64_digest: digest_of("arm64"), index_digest, dir }
}

/// The manifest descriptor of a single-image layout (for tests that need it).
pub fn layout_manifest(dir: &Path) -> Descriptor {
    let path = dir.join("index.json");
    let text = fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let v: serde_json::Value = serde_json::from_slice(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()));
    let m = &v["manifests"][0];
    Descriptor {
        media_type: m["mediaType"].as_str().unwrap_or_default().to_string(),
        digest: m["digest"].as_str().unwrap_or_default().to_string(),
        size: m["size"].as_u64().unwrap_or_default(),
    }
}
