//! A small writer for OCI image layouts (`oci-layout`, `index.json`,
//! `blobs/sha256/...`) and the gzip layer tarballs inside them, so fixtures
//! are built from scratch by the tests instead of downloaded. Everything is
//! deterministic (fixed mtimes, no gzip timestamp) so digests are stable
//! from one run to the next.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// Mtime of every file in the fixtures: 2024-01-01T00:00:00Z.
pub const FIXTURE_MTIME: u64 = 1_704_067_200;
/// The `created` date of every fixture config and history entry.
pub const FIXTURE_CREATED: &str = "2024-01-01T00:00:00Z";

pub const MEDIA_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const MEDIA_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const MEDIA_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const MEDIA_LAYER_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Builds one layer tarball in memory, entry by entry.
pub struct LayerBuilder {
    tar: tar::Builder<Vec<u8>>,
}

impl Default for LayerBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl LayerBuilder {
    pub fn new() -> LayerBuilder {
        let mut tar = tar::Builder::new(Vec::new());
        tar.mode(tar::HeaderMode::Complete);
        LayerBuilder { tar }
    }

    fn header(kind: tar::EntryType, mode: u32, uid: u64, gid: u64, size: u64) -> tar::Header {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(uid);
        h.set_gid(gid);
        h.set_size(size);
        h.set_mtime(FIXTURE_MTIME);
        h
    }

    /// A directory (`path` without leading or trailing slash).
    pub fn dir(&mut self, path: &str, mode: u32, uid: u64, gid: u64) -> &mut Self {
        let mut h = Self::header(tar::EntryType::Directory, mode, uid, gid, 0);
        self.tar.append_data(&mut h, format!("{path}/"), std::io::empty()).expect("append a directory to an in-memory tar");
        self
    }

    /// A regular file.
    pub fn file(&mut self, path: &str, data: &[u8], mode: u32, uid: u64, gid: u64) -> &mut Self {
        let mut h = Self::header(tar::EntryType::Regular, mode, uid, gid, data.len() as u64);
        self.tar.append_data(&mut h, path, data).expect("append a file to an in-memory tar");
        self
    }

    /// A symbolic link `path -> target`.
    pub fn symlink(&mut self, path: &str, target: &str) -> &mut Self {
        let mut h = Self::header(tar::EntryType::Symlink, 0o777, 0, 0, 0);
        self.tar.append_link(&mut h, path, target).expect("append a symlink to an in-memory tar");
        self
    }

    /// An empty whiteout file `dir/.wh.name`: deletes `dir/name` of lower layers.
    pub fn whiteout(&mut self, path: &str) -> &mut Self {
        let (dir, name) = match path.rsplit_once('/') {
            Some((d, n)) => (format!("{d}/"), n),
            None => (String::new(), path),
        };
        self.file(&format!("{dir}.wh.{name}"), b"", 0o644, 0, 0)
    }

    /// `dir/.wh..wh..opq`: hides everything lower layers had in `dir`.
    pub fn opaque(&mut self, dir: &str) -> &mut Self {
        self.file(&format!("{dir}/.wh..wh..opq"), b"", 0o644, 0, 0)
    }

    /// The uncompressed tarball.
    pub fn finish(self) -> Vec<u8> {
        self.tar.into_inner().expect("finish an in-memory tar")
    }
}

/// A layer ready to be written: gzip bytes plus the uncompressed digest.
pub struct Layer {
    pub gzip: Vec<u8>,
    pub diff_id: String,
    /// What `history[].created_by` says made this layer.
    pub created_by: String,
}

impl Layer {
    pub fn from_tar(tar: Vec<u8>, created_by: &str) -> Layer {
        let diff_id = format!("sha256:{}", sha256_hex(&tar));
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(&tar).expect("gzip in memory");
        Layer { gzip: gz.finish().expect("gzip in memory"), diff_id, created_by: created_by.to_string() }
    }
}

/// A descriptor as it appears in manifests and indexes.
#[derive(Clone, Debug)]
pub struct Descriptor {
    pub media_type: String,
    pub digest: String,
    pub size: u64,
}

impl Descriptor {
    pub fn to_json(&self) -> Value {
        json!({ "mediaType": self.media_type, "digest": self.digest, "size": self.size })
    }
}

/// A layout directory being written; blobs go in as they are added.
pub struct LayoutWriter {
    pub dir: PathBuf,
}

impl LayoutWriter {
    pub fn create(dir: &Path) -> std::io::Result<LayoutWriter> {
        fs::create_dir_all(dir.join("blobs/sha256"))?;
        fs::write(dir.join("oci-layout"), br#"{"imageLayoutVersion":"1.0.0"}"#)?;
        Ok(LayoutWriter { dir: dir.to_path_buf() })
    }

    pub fn blob(&self, media_type: &str, data: &[u8]) -> std::io::Result<Descriptor> {
        let hex = sha256_hex(data);
        fs::write(self.dir.join("blobs/sha256").join(&hex), data)?;
        Ok(Descriptor { media_type: media_type.to_string(), digest: format!("sha256:{hex}"), size: data.len() as u64 })
    }

    /// Writes config, layers and manifest of one image; returns the manifest.
    pub fn image(&self, arch: &str, layers: &[Layer], config_extra: Value) -> std::io::Result<Descriptor> {
        let mut config = json!({
            "created": FIXTURE_CREATED,
            "architecture": arch,
            "os": "linux",
            "config": {
                "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                "Cmd": ["sh"],
            },
            "rootfs": { "type": "layers", "diff_ids": layers.iter().map(|l| l.diff_id.clone()).collect::<Vec<_>>() },
            "history": layers.iter().map(|l| json!({ "created": FIXTURE_CREATED, "created_by": l.created_by })).collect::<Vec<_>>(),
        });
        if let (Some(cfg), Some(extra)) = (config["config"].as_object_mut(), config_extra.as_object()) {
            for (k, v) in extra {
                cfg.insert(k.clone(), v.clone());
            }
        }
        let config_desc = self.blob(MEDIA_CONFIG, &serde_json::to_vec(&config)?)?;
        let mut layer_descs = Vec::new();
        for layer in layers {
            layer_descs.push(self.blob(MEDIA_LAYER_GZIP, &layer.gzip)?.to_json());
        }
        let manifest = json!({
            "schemaVersion": 2,
            "mediaType": MEDIA_MANIFEST,
            "config": config_desc.to_json(),
            "layers": layer_descs,
        });
        self.blob(MEDIA_MANIFEST, &serde_json::to_vec(&manifest)?)
    }

    /// Writes an image index blob listing `manifests` with their platforms.
    pub fn index(&self, manifests: &[(Descriptor, &str)]) -> std::io::Result<Descriptor> {
        let entries: Vec<Value> = manifests
            .iter()
            .map(|(d, arch)| {
                let mut v = d.to_json();
                v["platform"] = json!({ "architecture": arch, "os": "linux" });
                v
            })
            .collect();
        let index = json!({ "schemaVersion": 2, "mediaType": MEDIA_INDEX, "manifests": entries });
        self.blob(MEDIA_INDEX, &serde_json::to_vec(&index)?)
    }

    /// Writes `index.json` naming `top` as tag `latest` (`oci:DIR:latest`).
    pub fn finish(&self, top: &Descriptor) -> std::io::Result<()> {
        let mut d = top.to_json();
        d["annotations"] = json!({ "org.opencontainers.image.ref.name": "latest" });
        let index = json!({ "schemaVersion": 2, "manifests": [d] });
        fs::write(self.dir.join("index.json"), serde_json::to_vec_pretty(&index)?)
    }
}
