//! The oci-archive format: an OCI image layout (`oci-layout`, `index.json`,
//! `blobs/sha256/<hex>`) in a tarball. Each image is one manifest in the
//! index, named by annotations: `org.opencontainers.image.ref.name` with the
//! full name as Podman and skopeo write it, and `io.containerd.image.name`
//! as Docker and containerd write it.

use std::collections::BTreeMap;

use crate::image::digest::Digest;
use crate::image::manifest::{Descriptor, Index, OCI_INDEX};
use crate::image::reference::Reference;

pub const LAYOUT_FILE: &str = "oci-layout";
pub const INDEX_FILE: &str = "index.json";
pub const LAYOUT_CONTENT: &str = r#"{"imageLayoutVersion":"1.0.0"}"#;
pub const REF_NAME: &str = "org.opencontainers.image.ref.name";
pub const CONTAINERD_NAME: &str = "io.containerd.image.name";

pub fn blob_path(digest: &Digest) -> String {
    format!("blobs/sha256/{}", digest.hex())
}

/// The index of an archive holding `manifests`, each already carrying its
/// name annotations.
pub fn index(manifests: Vec<Descriptor>) -> Index {
    Index { schema_version: 2, media_type: Some(OCI_INDEX.to_string()), manifests, annotations: None }
}

/// The annotations that name an image in an index (none for an unnamed one).
pub fn name_annotations(name: Option<&str>) -> Option<BTreeMap<String, String>> {
    name.map(|n| BTreeMap::from([(REF_NAME.to_string(), n.to_string()), (CONTAINERD_NAME.to_string(), n.to_string())]))
}

/// The normalised name an index entry gives its image. A ref.name that is
/// only a tag (`latest`, as the OCI spec suggests) does not name a
/// repository, so the image loads without a name unless containerd's
/// annotation gives one.
pub fn name_of(descriptor: &Descriptor) -> Option<String> {
    let annotations = descriptor.annotations.as_ref()?;
    let full = |value: &String| {
        let looks_full = value.contains('/') || value.contains(':');
        looks_full.then(|| Reference::parse(value).ok()).flatten().and_then(|r| r.tagged_name())
    };
    annotations.get(CONTAINERD_NAME).and_then(full).or_else(|| annotations.get(REF_NAME).and_then(full))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::manifest::OCI_MANIFEST;

    fn desc(annotations: Option<BTreeMap<String, String>>) -> Descriptor {
        Descriptor {
            media_type: OCI_MANIFEST.into(),
            digest: Digest::of_bytes(b"m"),
            size: 1,
            platform: None,
            annotations,
            urls: None,
        }
    }

    #[test]
    fn index_names_images_both_ways() {
        let named = desc(name_annotations(Some("docker.io/library/busybox:latest")));
        let json = serde_json::to_value(index(vec![named.clone(), desc(None)])).unwrap();
        assert_eq!(json["schemaVersion"], 2);
        assert_eq!(json["manifests"][0]["annotations"][REF_NAME], "docker.io/library/busybox:latest");
        assert_eq!(json["manifests"][0]["annotations"][CONTAINERD_NAME], "docker.io/library/busybox:latest");
        assert!(json["manifests"][1].get("annotations").is_none());
        assert_eq!(name_of(&named).as_deref(), Some("docker.io/library/busybox:latest"));
    }

    #[test]
    fn reads_names_written_by_other_tools() {
        let skopeo = desc(Some(BTreeMap::from([(REF_NAME.into(), "app:1".into())])));
        assert_eq!(name_of(&skopeo).as_deref(), Some("docker.io/library/app:1"));
        let docker = desc(Some(BTreeMap::from([
            (REF_NAME.into(), "latest".into()),
            (CONTAINERD_NAME.into(), "docker.io/library/busybox:latest".into()),
        ])));
        assert_eq!(name_of(&docker).as_deref(), Some("docker.io/library/busybox:latest"));
        let bare_tag = desc(Some(BTreeMap::from([(REF_NAME.into(), "latest".into())])));
        assert_eq!(name_of(&bare_tag), None);
    }
}
