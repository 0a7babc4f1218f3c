//! The Debian builder image of the build tests: a bookworm minbase with gcc
//! and libc6-dev, whose rootfs scripts/make-debian-builder.sh bootstraps
//! once per machine into a world-readable tarball. Here it becomes an OCI
//! layout (cached per user like the other fixtures) with that tarball as its
//! one uncompressed layer: the layer is some 300 MB, and compressing it would
//! cost more time than every later copy of it.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::UNIX_EPOCH;

use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use super::env::{describe, TestEnv};
use super::fixtures::cached_layout;
use super::oci::{Descriptor, LayoutWriter, FIXTURE_CREATED, MEDIA_CONFIG, MEDIA_MANIFEST};

/// Where make-debian-builder.sh leaves the rootfs tarball (both honour
/// PONTOON_DEBIAN_BUILDER).
pub const DEBIAN_GCC_TARBALL: &str = "/var/cache/pontoon-tests/debian-gcc-bookworm.tar";
/// The name [`TestEnv::load_debian_gcc`] gives the image.
pub const DEBIAN_GCC_IMAGE: &str = "localhost/debian-gcc:bookworm";

const MEDIA_LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
/// What the two annotations `pontoon load` reads a name from are called.
const REF_NAME: &str = "org.opencontainers.image.ref.name";
const CONTAINERD_NAME: &str = "io.containerd.image.name";

fn tarball() -> PathBuf {
    match std::env::var_os("PONTOON_DEBIAN_BUILDER") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(DEBIAN_GCC_TARBALL),
    }
}

/// The Debian builder image as an OCI layout (`oci:DIR:latest`): one
/// uncompressed layer, Env PATH, Cmd ["bash"], linux/amd64.
pub fn debian_gcc_layout() -> PathBuf {
    let tarball = tarball();
    let meta = fs::metadata(&tarball)
        .unwrap_or_else(|_| panic!("the Debian builder image is missing: run scripts/make-debian-builder.sh as root (make test does)"));
    // A tarball made again (after it was deleted) is a new cache entry.
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
    cached_layout(&format!("debian-gcc-bookworm-{mtime}-{}", meta.len()), |w| {
        let layer = add_layer_blob(w, &tarball)?;
        let config = json!({
            "created": FIXTURE_CREATED,
            "architecture": "amd64",
            "os": "linux",
            "config": {
                "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                "Cmd": ["bash"],
            },
            // An uncompressed layer's digest is its diff_id.
            "rootfs": { "type": "layers", "diff_ids": [layer.digest] },
            "history": [{ "created": FIXTURE_CREATED, "created_by": "debootstrap --variant=minbase --include=gcc,libc6-dev bookworm" }],
        });
        let config = w.blob(MEDIA_CONFIG, &serde_json::to_vec(&config)?)?;
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": MEDIA_MANIFEST,
            "config": config.to_json(),
            "layers": [layer.to_json()],
        });
        let manifest = w.blob(MEDIA_MANIFEST, &serde_json::to_vec(&manifest)?)?;
        w.finish(&manifest)
    })
}

/// Copies `tarball` into the layout's blobs, hashing it on the way, so it
/// is read once and never held in memory.
fn add_layer_blob(w: &LayoutWriter, tarball: &Path) -> io::Result<Descriptor> {
    let blobs = w.dir.join("blobs/sha256");
    let partial = blobs.join("layer.partial");
    let mut src = fs::File::open(tarball)?;
    let mut out = io::BufWriter::new(fs::File::create(&partial)?);
    let (mut hasher, mut size) = (Sha256::new(), 0u64);
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = src.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
        size += n as u64;
    }
    out.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
    let hex = hex::encode(hasher.finalize());
    fs::rename(&partial, blobs.join(&hex))?;
    Ok(Descriptor { media_type: MEDIA_LAYER_TAR.to_string(), digest: format!("sha256:{hex}"), size })
}

/// Writes the layout `layout` as an oci-archive to `out`, its index naming
/// the image `name`, streaming the blobs from their files.
fn stream_oci_archive(layout: &Path, name: &str, out: impl Write) -> io::Result<()> {
    let mut index: Value = serde_json::from_slice(&fs::read(layout.join("index.json"))?)?;
    if let Some(entry) = index["manifests"].get_mut(0) {
        entry["annotations"] = json!({ REF_NAME: name, CONTAINERD_NAME: name });
    }
    let index = serde_json::to_vec(&index)?;
    let mut tar = tar::Builder::new(out);
    tar.mode(tar::HeaderMode::Deterministic);
    for (path, data) in [("oci-layout", fs::read(layout.join("oci-layout"))?), ("index.json", index)] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        tar.append_data(&mut h, path, &data[..])?;
    }
    tar.append_dir_all("blobs", layout.join("blobs"))?;
    tar.into_inner()?.flush()
}

impl TestEnv {
    /// Puts the Debian builder image in this env's store as
    /// [`DEBIAN_GCC_IMAGE`], through `pontoon load` of an oci-archive like
    /// [`TestEnv::load_busybox`]. The archive is streamed into load's
    /// standard input rather than written first: the layer is then copied
    /// only by load itself (its spool, the blob store, the unpacked layer).
    pub fn load_debian_gcc(&self) {
        let layout = debian_gcc_layout();
        let mut child = self
            .cmd(&["load", "-q"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start pontoon load");
        let stdin = child.stdin.take().expect("load's stdin");
        let writer = std::thread::spawn(move || stream_oci_archive(&layout, DEBIAN_GCC_IMAGE, stdin));
        let out = child.wait_with_output().expect("wait for pontoon load");
        let streamed = writer.join().expect("the archive writer thread");
        assert!(out.status.success(), "`pontoon load` of the Debian builder image failed:\n{}", describe(&out));
        if let Err(e) = streamed {
            panic!("stream the Debian builder image into pontoon load: {e}");
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("Loaded image: {DEBIAN_GCC_IMAGE}")), "load names the image:\n{}", describe(&out));
    }
}
