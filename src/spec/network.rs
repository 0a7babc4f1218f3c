//! `--network`: which network namespace a container gets.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

/// What each mode does today (src/network, with slirp/pasta and bridges,
/// is not wired in yet):
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum NetworkMode {
    /// `--network none`: a network namespace of its own with loopback
    /// only (the runtime brings `lo` up); /etc/hosts names localhost and
    /// the container, resolv.conf is the host's minus loopback nameservers.
    None,
    /// `--network host`: no network namespace, the host's /etc/hosts and
    /// resolv.conf as they are.
    Host,
    /// `bridge` (the default), `slirp4netns`, `pasta`, `private`, `default`:
    /// today the same as `None`, a private namespace with loopback only and
    /// no outbound access, until networking lands; inspect shows `bridge`.
    #[default]
    Default,
}

impl NetworkMode {
    pub fn parse(s: &str) -> Result<NetworkMode> {
        match s {
            "none" => Ok(NetworkMode::None),
            "host" => Ok(NetworkMode::Host),
            "" | "default" | "bridge" | "slirp4netns" | "pasta" | "private" => Ok(NetworkMode::Default),
            other => bail!("unknown network {other:?}: use none, host or bridge"),
        }
    }
}
