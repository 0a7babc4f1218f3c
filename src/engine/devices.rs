//! Which host devices a container may use: Docker's default allow list,
//! `--device HOST[:CTR][:rwm]`, `--device-cgroup-rule 'c 1:3 rwm'` and
//! `--privileged` (every host device). The result is two parts of the OCI
//! spec: the device cgroup rules (`linux.resources.devices`, enforced by
//! the cgroup v1 devices controller or a v2 BPF program) and the nodes to
//! create in the container (`linux.devices`, which the built-in runtime
//! bind-mounts from their host paths, given in an annotation).
//!
//! Everything else under the container's /dev, its rootfs and its volumes
//! is mounted `nodev`, so a node made with mknod or shipped in a layer is
//! dead even where no device controller can be used.

use std::collections::HashMap;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxDevice, LinuxDeviceBuilder, LinuxDeviceCgroup, LinuxDeviceCgroupBuilder, LinuxDeviceType};
use serde::{Deserialize, Serialize};

pub use crate::runtime::builtin::DEVICE_SOURCES_ANNOTATION;

/// A `--device` flag as the user wrote it, checked against the host.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DeviceRequest {
    pub host_path: String,
    pub container_path: String,
    /// Any of r, w, m.
    pub access: String,
}

/// A host device node, as `stat` saw it.
#[derive(Clone, Debug, PartialEq)]
pub struct HostDevice {
    pub host_path: String,
    pub container_path: String,
    pub block: bool,
    pub major: i64,
    pub minor: i64,
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub access: String,
}

/// Docker's default rules: mknod of anything, read/write of the harmless
/// character devices and the pty ones; everything else is denied.
pub fn default_rules() -> Vec<LinuxDeviceCgroup> {
    let mut rules = vec![rule(false, LinuxDeviceType::A, None, None, "rwm")];
    rules.push(rule(true, LinuxDeviceType::C, None, None, "m"));
    rules.push(rule(true, LinuxDeviceType::B, None, None, "m"));
    // null, zero, full, random, urandom; tty, console, ptmx; the pty slaves.
    for (major, minor) in [(1, 3), (1, 5), (1, 7), (1, 8), (1, 9), (5, 0), (5, 1), (5, 2)] {
        rules.push(rule(true, LinuxDeviceType::C, Some(major), Some(minor), "rwm"));
    }
    rules.push(rule(true, LinuxDeviceType::C, Some(136), None, "rwm"));
    rules
}

/// The rule that gives every device (`--privileged`).
pub fn allow_all() -> LinuxDeviceCgroup {
    rule(true, LinuxDeviceType::A, None, None, "rwm")
}

fn rule(allow: bool, typ: LinuxDeviceType, major: Option<i64>, minor: Option<i64>, access: &str) -> LinuxDeviceCgroup {
    let mut r = LinuxDeviceCgroupBuilder::default().allow(allow).typ(typ).access(access.to_string()).build().unwrap_or_default();
    r.set_major(major);
    r.set_minor(minor);
    r
}

/// Parses `--device HOST[:CONTAINER][:PERMISSIONS]` (Docker's syntax).
pub fn parse_device(flag: &str) -> Result<DeviceRequest> {
    let parts: Vec<&str> = flag.split(':').collect();
    let is_access = |s: &str| !s.is_empty() && s.chars().all(|c| matches!(c, 'r' | 'w' | 'm'));
    let (host, container, access) = match parts.as_slice() {
        [host] => (*host, *host, "rwm"),
        [host, x] if is_access(x) => (*host, *host, *x),
        [host, container] => (*host, *container, "rwm"),
        [host, container, access] if is_access(access) => (*host, *container, *access),
        _ => bail!("invalid --device {flag:?}: use HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse or /dev/sdb:/dev/xvdc:r"),
    };
    for (what, path) in [("host", host), ("container", container)] {
        if !path.starts_with('/') {
            bail!("invalid --device {flag:?}: the {what} path {path:?} is not absolute");
        }
    }
    Ok(DeviceRequest { host_path: host.into(), container_path: container.into(), access: access.into() })
}

/// Parses `--device-cgroup-rule 'TYPE MAJOR:MINOR ACCESS'` (`c 1:3 rwm`,
/// `b *:* m`, `a`), as an allow rule.
pub fn parse_cgroup_rule(text: &str) -> Result<LinuxDeviceCgroup> {
    let bad = || anyhow::anyhow!("invalid --device-cgroup-rule {text:?}: use TYPE MAJOR:MINOR ACCESS, e.g. 'c 1:3 rwm' or 'b 8:* r'");
    let fields: Vec<&str> = text.split_whitespace().collect();
    let typ = match fields.first().copied() {
        Some("a") => LinuxDeviceType::A,
        Some("c") => LinuxDeviceType::C,
        Some("b") => LinuxDeviceType::B,
        _ => return Err(bad()),
    };
    if fields.len() == 1 && typ == LinuxDeviceType::A {
        return Ok(allow_all());
    }
    let [_, numbers, access] = fields.as_slice() else { return Err(bad()) };
    let (major, minor) = numbers.split_once(':').ok_or_else(bad)?;
    let number = |s: &str| -> Result<Option<i64>> {
        match s {
            "*" => Ok(None),
            n => n.parse::<i64>().map(Some).map_err(|_| bad()),
        }
    };
    if access.is_empty() || !access.chars().all(|c| matches!(c, 'r' | 'w' | 'm')) {
        return Err(bad());
    }
    Ok(rule(true, typ, number(major)?, number(minor)?, access))
}

/// Checks a `--device` against the host: it must be a device node.
pub fn stat_device(request: &DeviceRequest) -> Result<HostDevice> {
    let md = std::fs::metadata(&request.host_path)
        .with_context(|| format!("--device {}: cannot read the host device", request.host_path))?;
    let ft = md.file_type();
    if !ft.is_char_device() && !ft.is_block_device() {
        bail!("--device {}: not a device node: give a character or block device such as /dev/fuse", request.host_path);
    }
    let rdev = md.rdev();
    Ok(HostDevice {
        host_path: request.host_path.clone(),
        container_path: request.container_path.clone(),
        block: ft.is_block_device(),
        major: nix::sys::stat::major(rdev) as i64,
        minor: nix::sys::stat::minor(rdev) as i64,
        mode: md.mode() & 0o7777,
        uid: md.uid(),
        gid: md.gid(),
        access: request.access.clone(),
    })
}

/// Every device node under the host's /dev (and one level of its
/// directories, such as /dev/net/tun), for `--privileged`; pty slaves and
/// the console, which the container gets its own of, are left out.
pub fn host_devices(dev: &Path) -> Vec<HostDevice> {
    let mut out = Vec::new();
    let mut dirs = vec![(dev.to_path_buf(), 0)];
    while let Some((dir, depth)) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() && depth == 0 && !matches!(entry.file_name().to_str(), Some("pts" | "shm" | "mqueue" | "hugepages")) {
                dirs.push((path, depth + 1));
                continue;
            }
            if !(ft.is_char_device() || ft.is_block_device()) || matches!(entry.file_name().to_str(), Some("console" | "ptmx" | "tty")) {
                continue;
            }
            let text = path.display().to_string();
            let request = DeviceRequest { host_path: text.clone(), container_path: text, access: "rwm".into() };
            if let Ok(d) = stat_device(&request) {
                out.push(d);
            }
        }
    }
    out.sort_by(|a, b| a.container_path.cmp(&b.container_path));
    out
}

/// The OCI rule that allows one device.
pub fn allow_rule(d: &HostDevice) -> LinuxDeviceCgroup {
    let typ = if d.block { LinuxDeviceType::B } else { LinuxDeviceType::C };
    rule(true, typ, Some(d.major), Some(d.minor), &d.access)
}

/// The OCI node entry of one device.
pub fn oci_device(d: &HostDevice) -> Result<LinuxDevice> {
    Ok(LinuxDeviceBuilder::default()
        .path(d.container_path.clone())
        .typ(if d.block { LinuxDeviceType::B } else { LinuxDeviceType::C })
        .major(d.major)
        .minor(d.minor)
        .file_mode(d.mode)
        .uid(d.uid)
        .gid(d.gid)
        .build()?)
}

/// The annotation value that tells the built-in runtime where each node comes from.
pub fn sources_annotation(devices: &[HostDevice]) -> Result<String> {
    let map: HashMap<&str, &str> = devices.iter().map(|d| (d.container_path.as_str(), d.host_path.as_str())).collect();
    serde_json::to_string(&map).context("encode the device sources")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_flags_parse_as_docker_spells_them() {
        let d = parse_device("/dev/fuse").unwrap();
        assert_eq!((d.host_path.as_str(), d.container_path.as_str(), d.access.as_str()), ("/dev/fuse", "/dev/fuse", "rwm"));
        let d = parse_device("/dev/sdb:/dev/xvdc:r").unwrap();
        assert_eq!((d.container_path.as_str(), d.access.as_str()), ("/dev/xvdc", "r"));
        let d = parse_device("/dev/sdb:rw").unwrap();
        assert_eq!((d.container_path.as_str(), d.access.as_str()), ("/dev/sdb", "rw"));
        assert!(parse_device("dev/sdb").is_err());
        assert!(parse_device("/dev/sdb:/x:q").is_err());
    }

    #[test]
    fn cgroup_rules_parse() {
        let r = parse_cgroup_rule("c 1:3 rwm").unwrap();
        assert_eq!((r.typ(), r.major(), r.minor(), r.access().as_deref(), r.allow()), (Some(LinuxDeviceType::C), Some(1), Some(3), Some("rwm"), true));
        let r = parse_cgroup_rule("b *:* m").unwrap();
        assert_eq!((r.major(), r.minor()), (None, None));
        assert_eq!(parse_cgroup_rule("a").unwrap().typ(), Some(LinuxDeviceType::A));
        for bad in ["", "x 1:3 rwm", "c 1 rwm", "c 1:3", "c 1:3 rwx", "c a:3 r"] {
            assert!(parse_cgroup_rule(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_default_list_denies_first_and_allows_the_harmless_devices() {
        let rules = default_rules();
        assert!(!rules[0].allow() && rules[0].typ() == Some(LinuxDeviceType::A));
        let allows = |t, ma, mi| rules.iter().any(|r| r.allow() && r.typ() == Some(t) && r.major() == Some(ma) && r.minor() == mi);
        assert!(allows(LinuxDeviceType::C, 1, Some(3)), "null");
        assert!(allows(LinuxDeviceType::C, 136, None), "pty slaves");
        assert!(!rules.iter().any(|r| r.allow() && r.typ() == Some(LinuxDeviceType::B) && r.access().as_deref() != Some("m")), "no block device but mknod");
    }

    #[test]
    fn host_devices_are_found_and_stat_refuses_files() {
        let found = host_devices(Path::new("/dev"));
        assert!(found.iter().any(|d| d.host_path == "/dev/null" && d.major == 1 && d.minor == 3 && !d.block));
        let file = tempfile::NamedTempFile::new().unwrap();
        let req = DeviceRequest { host_path: file.path().display().to_string(), container_path: "/dev/x".into(), access: "rwm".into() };
        assert!(stat_device(&req).unwrap_err().to_string().contains("not a device node"));
    }
}
