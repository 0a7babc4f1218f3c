//! Which host devices a container may use: the `--device` requests and
//! `--device-cgroup-rule`s of spec::devices (which also holds Docker's
//! default allow list), checked against the host, and `--privileged`
//! (every host device). The result is two parts of the OCI
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
use oci_spec::runtime::{LinuxDevice, LinuxDeviceBuilder, LinuxDeviceCgroup, LinuxDeviceType};

pub use crate::runtime::builtin::DEVICE_SOURCES_ANNOTATION;
use crate::spec::devices::{rule, DeviceRequest};

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

/// The numbers of a host block device (`--device-read-bps /dev/sda:1mb`),
/// which is what the blkio cgroup files take.
pub fn block_device_numbers(path: &str) -> Result<(i64, i64)> {
    let md = std::fs::metadata(path).with_context(|| format!("cannot read the host device {path}"))?;
    if !md.file_type().is_block_device() {
        bail!("{path} is not a block device: give a disk such as /dev/sda");
    }
    Ok((nix::sys::stat::major(md.rdev()) as i64, nix::sys::stat::minor(md.rdev()) as i64))
}

#[cfg(test)]
impl HostDevice {
    /// A device as `stat` would describe it (mode 0660, root:6), for tests.
    pub fn sample(host: &str, container: &str, block: bool, major: i64, minor: i64, access: &str) -> HostDevice {
        HostDevice {
            host_path: host.into(),
            container_path: container.into(),
            block,
            major,
            minor,
            mode: 0o660,
            uid: 0,
            gid: 6,
            access: access.into(),
        }
    }
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
    fn host_devices_are_found_and_stat_refuses_files() {
        let found = host_devices(Path::new("/dev"));
        assert!(found.iter().any(|d| d.host_path == "/dev/null" && d.major == 1 && d.minor == 3 && !d.block));
        let file = tempfile::NamedTempFile::new().unwrap();
        let req = DeviceRequest { host_path: file.path().display().to_string(), container_path: "/dev/x".into(), access: "rwm".into() };
        assert!(stat_device(&req).unwrap_err().to_string().contains("not a device node"));
    }
}
