//! A service's `volumes:` in both syntaxes, normalised to [`Mount`]:
//! `data:/var/lib/db:ro` (named), `./src:/app` (bind), `/cache` (anonymous)
//! and the long `{type, source, target, read_only, bind, volume, tmpfs}`.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_yaml_ng::Value;

use super::{flex, units};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MountType {
    Volume,
    Bind,
    Tmpfs,
    Npipe,
    Cluster,
    Image,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BindOptions {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub propagation: Option<String>,
    /// Create a missing source directory (the short syntax always does).
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub create_host_path: Option<bool>,
    /// `z` (shared) or `Z` (private) SELinux relabelling.
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub selinux: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub recursive: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeOptions {
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "flex::bool")]
    pub nocopy: bool,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub subpath: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub labels: Option<Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TmpfsOptions {
    /// Bytes (`64m` in the file).
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_mode", serialize_with = "flex::ser_mode")]
    pub mode: Option<u32>,
}

/// One mount of a service. `source` is a volume's key in the top-level
/// `volumes:` (or `None` for an anonymous volume), or an absolute host path
/// for a bind (relative ones are resolved against the project directory
/// when the project is loaded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mount {
    #[serde(rename = "type")]
    pub kind: MountType,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub source: Option<String>,
    #[serde(deserialize_with = "flex::string")]
    pub target: String,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "flex::bool")]
    pub read_only: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub bind: Option<BindOptions>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub volume: Option<VolumeOptions>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tmpfs: Option<TmpfsOptions>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub consistency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub image: Option<Value>,
}

/// A short-syntax source that names a host path rather than a volume.
pub fn is_path(source: &str) -> bool {
    source.starts_with('.') || source.starts_with('/') || source.starts_with('~')
}

/// Parses `[SOURCE:]TARGET[:OPTIONS]`.
pub fn parse_short(spec: &str) -> Result<Mount, String> {
    let bad = |why: &str| format!("invalid volume {spec:?}: {why}");
    let parts: Vec<&str> = spec.split(':').collect();
    let (source, target, options) = match parts.as_slice() {
        [target] => (None, *target, None),
        [source, target] => (Some(*source), *target, None),
        [source, target, options] => (Some(*source), *target, Some(*options)),
        _ => return Err(bad("expected SOURCE:TARGET[:OPTIONS]")),
    };
    if target.is_empty() {
        return Err(bad("the container path is empty"));
    }
    if !target.starts_with('/') {
        return Err(bad("the container path must be absolute"));
    }
    let source = source.filter(|s| !s.is_empty());
    let kind = match source {
        Some(s) if is_path(s) => MountType::Bind,
        _ => MountType::Volume,
    };
    let mut mount = Mount {
        kind,
        source: source.map(str::to_string),
        target: target.to_string(),
        read_only: false,
        bind: None,
        volume: None,
        tmpfs: None,
        consistency: None,
        image: None,
    };
    if kind == MountType::Bind {
        mount.bind = Some(BindOptions { create_host_path: Some(true), ..BindOptions::default() });
    }
    for option in options.into_iter().flat_map(|o| o.split(',')) {
        match option {
            "ro" => mount.read_only = true,
            "rw" => mount.read_only = false,
            "z" | "Z" if kind == MountType::Bind => {
                mount.bind.get_or_insert_with(BindOptions::default).selinux = Some(option.to_string());
            }
            "nocopy" if kind == MountType::Volume => {
                mount.volume.get_or_insert_with(VolumeOptions::default).nocopy = true;
            }
            "shared" | "rshared" | "slave" | "rslave" | "private" | "rprivate" if kind == MountType::Bind => {
                mount.bind.get_or_insert_with(BindOptions::default).propagation = Some(option.to_string());
            }
            "cached" | "delegated" | "consistent" => mount.consistency = Some(option.to_string()),
            other => return Err(bad(&format!("unknown option {other:?} (use ro, rw, z, Z, nocopy or a propagation mode)"))),
        }
    }
    Ok(mount)
}

/// `volumes:` of a service: short strings or long mappings.
pub fn deserialize_mounts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Mount>, D::Error> {
    let items: Option<Vec<Value>> = Option::deserialize(d)?;
    let mut mounts = Vec::new();
    for item in items.unwrap_or_default() {
        let mount = match item {
            Value::Mapping(_) => {
                let m: Mount = serde_yaml_ng::from_value(item).map_err(|e| D::Error::custom(format!("volumes: {e}")))?;
                if m.kind != MountType::Tmpfs && m.kind != MountType::Volume && m.source.is_none() {
                    return Err(D::Error::custom(format!("volumes: the {:?} mount on {} needs a source", m.kind, m.target)));
                }
                m
            }
            other => {
                let text = flex::scalar(&other).ok_or_else(|| D::Error::custom("volumes: each entry must be a string such as data:/var/lib/data or a mapping"))?;
                parse_short(&text).map_err(D::Error::custom)?
            }
        };
        mounts.push(mount);
    }
    Ok(mounts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_syntax_tells_volumes_from_binds() {
        let m = parse_short("data:/var/lib/db:ro").unwrap();
        assert_eq!((m.kind, m.source.as_deref(), m.target.as_str(), m.read_only), (MountType::Volume, Some("data"), "/var/lib/db", true));
        let m = parse_short("./src:/app").unwrap();
        assert_eq!((m.kind, m.source.as_deref()), (MountType::Bind, Some("./src")));
        assert_eq!(m.bind.and_then(|b| b.create_host_path), Some(true));
        let m = parse_short("/cache").unwrap();
        assert_eq!((m.kind, m.source), (MountType::Volume, None));
        let m = parse_short("/etc/hosts:/h:ro,z").unwrap();
        assert_eq!((m.read_only, m.bind.and_then(|b| b.selinux).as_deref()), (true, Some("z")));
        let m = parse_short("data:/d:nocopy").unwrap();
        assert!(m.volume.is_some_and(|v| v.nocopy));
    }

    #[test]
    fn bad_short_volumes_are_errors() {
        for bad in ["data:relative", "a:/b:c:d", "data:/d:bogus", ":"] {
            assert!(parse_short(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_syntax_is_the_same_model() {
        let v: Value = serde_yaml_ng::from_str(
            "- {type: volume, source: data, target: /var/lib/db, read_only: true}\n- data:/var/lib/db:ro\n- {type: tmpfs, target: /run, tmpfs: {size: 64m}}\n",
        )
        .unwrap();
        let mounts = deserialize_mounts(v).unwrap();
        assert_eq!(mounts[0], mounts[1]);
        assert_eq!(mounts[2].kind, MountType::Tmpfs);
        assert_eq!(mounts[2].tmpfs.as_ref().and_then(|t| t.size), Some(64 << 20));
    }

    #[test]
    fn a_bind_without_a_source_is_an_error() {
        let v: Value = serde_yaml_ng::from_str("- {type: bind, target: /x}").unwrap();
        assert!(deserialize_mounts(v).is_err());
    }
}
