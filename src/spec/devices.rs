//! What a container asks for of the host's devices: `--device
//! HOST[:CTR][:rwm]` and `--device-cgroup-rule 'c 1:3 rwm'` as parsed,
//! and Docker's default device cgroup list, which the runtime applies
//! when a spec gives none. Checking a request against the host (stat) is
//! the engine's (engine::devices).

use anyhow::{bail, Result};
use oci_spec::runtime::{LinuxDeviceCgroup, LinuxDeviceCgroupBuilder, LinuxDeviceType};
use serde::{Deserialize, Serialize};

/// A `--device` flag as the user wrote it, checked against the host.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DeviceRequest {
    pub host_path: String,
    pub container_path: String,
    /// Any of r, w, m.
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

/// One device cgroup rule.
pub fn rule(allow: bool, typ: LinuxDeviceType, major: Option<i64>, minor: Option<i64>, access: &str) -> LinuxDeviceCgroup {
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
}
