//! `--network`: which network namespace a container gets.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum NetworkMode {
    /// A private network namespace with only loopback.
    None,
    /// The host's network namespace.
    Host,
    /// A private namespace with outbound access (slirp/pasta or a bridge).
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
