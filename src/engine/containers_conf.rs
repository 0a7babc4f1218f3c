//! The parts of the containers ecosystem's containers.conf that pontoon
//! honours so far: `[containers] netns`, the network mode of containers
//! run without `--network` (Podman's key: "bridge", "none", "host",
//! "private", "pasta", "slirp4netns"). Files, later ones winning as in
//! Podman: /usr/share/containers/containers.conf, /etc/containers/
//! containers.conf, then $XDG_CONFIG_HOME/containers/containers.conf for
//! a user; `CONTAINERS_CONF` names the only file to read instead.

use std::path::PathBuf;

use anyhow::{Context, Result};

fn files() -> Vec<PathBuf> {
    if let Some(only) = std::env::var_os("CONTAINERS_CONF").filter(|v| !v.is_empty()) {
        return vec![PathBuf::from(only)];
    }
    let mut out = vec![PathBuf::from("/usr/share/containers/containers.conf"), PathBuf::from("/etc/containers/containers.conf")];
    if !nix::unistd::Uid::effective().is_root() {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
        if let Some(c) = config {
            out.push(c.join("containers/containers.conf"));
        }
    }
    out
}

/// `[containers] netns` of the files that set it (the last one wins).
pub fn default_netns() -> Result<Option<String>> {
    let mut found = None;
    for file in files() {
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
        };
        if let Some(v) = netns_of(&text).with_context(|| format!("parse {}", file.display()))? {
            found = Some(v);
        }
    }
    Ok(found)
}

fn netns_of(text: &str) -> Result<Option<String>> {
    let doc: toml::Table = text.parse().context("not valid TOML")?;
    Ok(doc.get("containers").and_then(|c| c.get("netns")).and_then(|v| v.as_str()).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_containers_netns_key() {
        assert_eq!(netns_of("[containers]\nnetns = \"none\"\n").unwrap(), Some("none".into()));
        assert_eq!(netns_of("[network]\nx = 1\n").unwrap(), None);
        assert!(netns_of("[containers\n").is_err());
    }
}
