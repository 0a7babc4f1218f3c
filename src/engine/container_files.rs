//! Files a container gets from pontoon rather than its image: /etc/hostname,
//! /etc/hosts and /etc/resolv.conf, written into the container's directory
//! and bind-mounted in; and lookups in the image's layers (passwd, group)
//! made before any rootfs is mounted.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::spec::network::NetworkMode;
use crate::store::atomic::write_atomic;

/// Writes the per-container /etc files and returns (container path, host path).
pub fn write_etc_files(dir: &Path, hostname: &str, network: &NetworkMode) -> Result<Vec<(String, PathBuf)>> {
    let hostname_file = dir.join("hostname");
    write_atomic(&hostname_file, format!("{hostname}\n").as_bytes())?;
    let hosts_file = dir.join("hosts");
    let hosts = match network {
        NetworkMode::Host => fs::read_to_string("/etc/hosts").unwrap_or_default(),
        _ => format!(
            "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t{hostname}\n"
        ),
    };
    write_atomic(&hosts_file, hosts.as_bytes())?;
    let resolv_file = dir.join("resolv.conf");
    let host_resolv = fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    write_atomic(&resolv_file, container_resolv_conf(&host_resolv, network).as_bytes())?;
    Ok(vec![
        ("/etc/hostname".into(), hostname_file),
        ("/etc/hosts".into(), hosts_file),
        ("/etc/resolv.conf".into(), resolv_file),
    ])
}

/// The host's resolv.conf, minus loopback nameservers when the container has
/// its own network namespace (they would point at the container itself).
pub fn container_resolv_conf(host: &str, network: &NetworkMode) -> String {
    if *network == NetworkMode::Host {
        return host.to_string();
    }
    host.lines()
        .filter(|l| {
            let mut words = l.split_whitespace();
            !(words.next() == Some("nameserver") && words.next().is_some_and(|ip| ip.starts_with("127.") || ip == "::1"))
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Reads a file as the merged image would show it, searching the layers
/// from the top; a whiteout (0/0 char device) hides lower versions.
pub fn read_from_layers(layers_top_first: &[PathBuf], path: &str) -> Option<String> {
    use std::os::unix::fs::FileTypeExt;
    let rel = path.trim_start_matches('/');
    for layer in layers_top_first {
        let candidate = layer.join(rel);
        match fs::symlink_metadata(&candidate) {
            Ok(md) if md.file_type().is_char_device() => return None,
            Ok(md) if md.is_file() => return fs::read_to_string(&candidate).ok(),
            _ => continue,
        }
    }
    None
}

/// Creates the directories overlay needs next to the container's record.
pub fn make_rootfs_dirs(dir: &Path) -> Result<()> {
    for sub in ["upper", "work", "merged"] {
        let d = dir.join(sub);
        fs::create_dir_all(&d).with_context(|| format!("create {}", d.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_nameservers_are_dropped_for_private_networks() {
        let host = "search lan\nnameserver 127.0.0.53\nnameserver 10.0.0.1\n";
        assert_eq!(container_resolv_conf(host, &NetworkMode::None), "search lan\nnameserver 10.0.0.1\n");
        assert_eq!(container_resolv_conf(host, &NetworkMode::Host), host);
    }

    #[test]
    fn layer_lookup_honours_whiteouts() {
        let dir = tempfile::tempdir().unwrap();
        let (top, bottom) = (dir.path().join("top"), dir.path().join("bottom"));
        fs::create_dir_all(top.join("etc")).unwrap();
        fs::create_dir_all(bottom.join("etc")).unwrap();
        fs::write(bottom.join("etc/passwd"), "root:x:0:0::/root:/bin/sh\n").unwrap();
        fs::write(bottom.join("etc/group"), "root:x:0:\n").unwrap();
        let layers = vec![top.clone(), bottom];
        assert!(read_from_layers(&layers, "/etc/passwd").unwrap().starts_with("root"));
        nix::sys::stat::mknod(&top.join("etc/group"), nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), 0).ok();
        if top.join("etc/group").exists() {
            assert_eq!(read_from_layers(&layers, "/etc/group"), None);
        }
    }
}
