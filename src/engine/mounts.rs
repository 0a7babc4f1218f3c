//! The two views of a container's mounts (spec::mounts parses and checks
//! what the user asked for): the OCI mounts the runtime gets, and Docker's
//! `Mounts` array for `inspect`; and the host check `--mount` needs.

use std::path::Path;

use anyhow::{bail, Result};
use oci_spec::runtime::{Mount, MountBuilder};
use serde_json::{json, Value};

use crate::spec::container::ContainerSpec;
use crate::spec::mounts::{MountKind, MountSpec};
use crate::store::containers::ContainerRecord;

/// Whether a bind source exists on the host (a dangling symlink counts):
/// what spec::mounts asks before accepting a `--mount type=bind`.
pub fn host_path_exists(path: &str) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The OCI mounts for the user's mounts, parents before children.
pub fn oci_mounts(spec: &ContainerSpec) -> Result<Vec<Mount>> {
    let mut sorted: Vec<&MountSpec> = spec.mounts.iter().collect();
    sorted.sort_by_key(|m| Path::new(&m.target).components().count());
    let mut out = Vec::new();
    for m in sorted {
        let mut options: Vec<String> = Vec::new();
        let (typ, source) = match m.kind {
            MountKind::Tmpfs => {
                options.extend(["nosuid".to_string(), "nodev".to_string()]);
                ("tmpfs", "tmpfs".to_string())
            }
            MountKind::Bind | MountKind::Volume => {
                options.push(if m.nonrecursive { "bind" } else { "rbind" }.to_string());
                options.push(if m.propagation.is_empty() { "rprivate".to_string() } else { m.propagation.clone() });
                // No device node on a volume or a host directory works in the
                // container (a bound host /dev included): use --device.
                options.push("nodev".to_string());
                let source = match (m.kind, &m.host_path) {
                    (MountKind::Bind, _) => m.source.clone(),
                    (_, Some(p)) => p.clone(),
                    (_, None) => bail!("volume {} for {} was not prepared: create the container again", m.source, m.target),
                };
                ("bind", source)
            }
        };
        options.extend(m.options.iter().cloned());
        options.push(if m.readonly { "ro" } else { "rw" }.to_string());
        out.push(MountBuilder::default().destination(m.target.as_str()).typ(typ).source(source).options(options).build()?);
    }
    Ok(out)
}

/// Docker's `Mounts` array of `inspect` for a container.
pub fn mounts_json(record: &ContainerRecord) -> Value {
    let list: Vec<Value> = record
        .spec
        .mounts
        .iter()
        .map(|m| {
            let mut v = json!({
                "Type": m.kind.as_str(),
                "Source": match m.kind {
                    MountKind::Bind => m.source.clone(),
                    MountKind::Volume => m.host_path.clone().unwrap_or_default(),
                    MountKind::Tmpfs => String::new(),
                },
                "Destination": m.target,
                "Mode": m.mode,
                "RW": !m.readonly,
                "Propagation": match m.kind {
                    MountKind::Bind if m.propagation.is_empty() => "rprivate".to_string(),
                    _ => m.propagation.clone(),
                },
            });
            if m.kind == MountKind::Volume {
                v["Name"] = json!(m.source);
                v["Driver"] = json!("local");
            }
            v
        })
        .collect();
    Value::Array(list)
}

/// What `ps --format '{{.Mounts}}'` shows: volume names and host paths.
pub fn mount_names(record: &ContainerRecord) -> String {
    record.spec.mounts.iter().filter(|m| m.kind != MountKind::Tmpfs).map(|m| m.source.clone()).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
#[path = "mounts_tests.rs"]
mod tests;
