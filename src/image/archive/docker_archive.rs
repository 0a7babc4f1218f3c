//! The docker-archive format of `docker save`: `manifest.json` lists each
//! image's config file, names (RepoTags) and layer tars, bottom first;
//! `repositories` is the older name table that Docker still writes.
//!
//! pontoon writes configs as `<config hex>.json` and layers as
//! `<diff_id hex>/layer.tar`, uncompressed, as Docker before 25 did: every
//! docker-archive reader accepts that layout, and naming a layer by its
//! diff_id stores a layer shared by several images once.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::image::digest::Digest;
use crate::image::reference::Reference;

pub const MANIFEST_FILE: &str = "manifest.json";
pub const REPOSITORIES_FILE: &str = "repositories";

/// One image in manifest.json.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Archive path of the image config.
    #[serde(rename = "Config")]
    pub config: String,
    /// Familiar names (`busybox:latest`); Docker writes null when untagged.
    #[serde(rename = "RepoTags", default)]
    pub repo_tags: Option<Vec<String>>,
    /// Archive paths of the layer tars, bottom layer first.
    #[serde(rename = "Layers")]
    pub layers: Vec<String>,
}

impl ManifestEntry {
    /// The entry pontoon writes for an image.
    pub fn new(config: &Digest, repo_tags: Vec<String>, diff_ids: &[Digest]) -> ManifestEntry {
        ManifestEntry {
            config: config_path(config),
            repo_tags: (!repo_tags.is_empty()).then_some(repo_tags),
            layers: diff_ids.iter().map(layer_path).collect(),
        }
    }

    /// The normalised names of the image (`docker.io/library/busybox:latest`).
    pub fn names(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for tag in self.repo_tags.iter().flatten() {
            let reference = Reference::parse(tag).with_context(|| format!("RepoTags in {MANIFEST_FILE}"))?;
            if let Some(name) = reference.tagged_name() {
                names.push(name);
            }
        }
        Ok(names)
    }
}

pub fn config_path(config: &Digest) -> String {
    format!("{}.json", config.hex())
}

pub fn layer_path(diff_id: &Digest) -> String {
    format!("{}/layer.tar", diff_id.hex())
}

/// The `repositories` file: repository -> tag -> top layer directory.
pub fn repositories(entries: &[ManifestEntry]) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut repos: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for entry in entries {
        let Some(top) = entry.layers.last().and_then(|l| l.split('/').next()) else { continue };
        for tag in entry.repo_tags.iter().flatten() {
            if let Some((repo, t)) = tag.rsplit_once(':').filter(|(_, t)| !t.contains('/')) {
                repos.entry(repo.to_string()).or_default().insert(t.to_string(), top.to_string());
            }
        }
    }
    repos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_docker_shaped_manifest_and_repositories() {
        let config = Digest::of_bytes(b"config");
        let layers = [Digest::of_bytes(b"l1"), Digest::of_bytes(b"l2")];
        let entry = ManifestEntry::new(&config, vec!["busybox:latest".into()], &layers);
        let json = serde_json::to_value(vec![entry.clone()]).unwrap();
        assert_eq!(json[0]["Config"], format!("{}.json", config.hex()));
        assert_eq!(json[0]["RepoTags"][0], "busybox:latest");
        assert_eq!(json[0]["Layers"][1], format!("{}/layer.tar", layers[1].hex()));
        let repos = repositories(&[entry]);
        assert_eq!(repos["busybox"]["latest"], layers[1].hex());
        let untagged = ManifestEntry::new(&config, vec![], &layers);
        assert_eq!(serde_json::to_value(&untagged).unwrap()["RepoTags"], serde_json::Value::Null);
    }

    #[test]
    fn parses_docker_and_skopeo_manifests() {
        let text = r#"[{"Config":"abc.json","RepoTags":["localhost:5000/app:1","busybox:latest"],"Layers":["x.tar"]},
                       {"Config":"def.json","RepoTags":null,"Layers":[]}]"#;
        let entries: Vec<ManifestEntry> = serde_json::from_str(text).unwrap();
        assert_eq!(entries[0].names().unwrap(), ["localhost:5000/app:1", "docker.io/library/busybox:latest"]);
        assert!(entries[1].names().unwrap().is_empty());
        let bad = ManifestEntry { config: "a".into(), repo_tags: Some(vec!["Bad Name".into()]), layers: vec![] };
        assert!(bad.names().is_err());
    }
}
