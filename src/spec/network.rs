//! `--network`: which network namespace a container gets and how it is
//! connected; and the plain data the network code records about a running
//! container's endpoints. Parsing only: no I/O (src/network acts).

use std::net::IpAddr;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

/// The name of the rootful default network (`pontoon0` on the host), as
/// Docker calls it; `podman` is accepted for it too.
pub const DEFAULT_NETWORK: &str = "bridge";

/// How a container's network namespace is made and connected.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum NetworkMode {
    /// `--network none`: a namespace of its own with loopback only.
    None,
    /// `--network host`: no namespace of its own; the host's interfaces.
    Host,
    /// The default (`bridge`, `default`, `private`): as root the `bridge`
    /// network (a bridge `pontoon0` with NAT); rootless a namespace of its
    /// own with outbound access through pasta, else slirp4netns.
    #[default]
    Default,
    /// `pasta[:OPTIONS]`: outbound through passt's pasta, with its options.
    Pasta(Vec<String>),
    /// `slirp4netns[:OPTIONS]`: outbound through slirp4netns.
    Slirp4netns(Vec<String>),
    /// `container:NAME|ID`: share another container's namespace.
    Container(String),
    /// One or more networks made with `network create`, by name.
    Networks(Vec<NetworkAttachment>),
}

/// A container's membership of one user-defined network, as asked.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct NetworkAttachment {
    pub network: String,
    /// `--network-alias` / `connect --alias`: more names peers resolve.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `--ip` / `connect --ip`: a fixed address instead of the next free one.
    #[serde(default)]
    pub ip: Option<IpAddr>,
    /// `--mac-address`.
    #[serde(default)]
    pub mac: Option<String>,
}

impl NetworkAttachment {
    pub fn named(network: &str) -> NetworkAttachment {
        NetworkAttachment { network: network.to_string(), ..Default::default() }
    }
}

const MODES: &str = "none, host, bridge, container:NAME, pasta, slirp4netns or the name of a network";

impl NetworkMode {
    /// Parses one `--network` value as Docker and Podman accept it.
    pub fn parse(s: &str) -> Result<NetworkMode> {
        let (name, options) = match s.split_once(':') {
            Some((n, o)) => (n, Some(o)),
            None => (s, None),
        };
        let options_list = || -> Vec<String> {
            options.map(|o| o.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect()).unwrap_or_default()
        };
        Ok(match name {
            "none" | "host" | "" | "default" | "private" | "bridge" | "podman" if options.is_some() => {
                bail!("network mode {name:?} takes no options (got {s:?}): use {MODES}")
            }
            "none" => NetworkMode::None,
            "host" => NetworkMode::Host,
            "" | "default" | "private" | "bridge" | "podman" => NetworkMode::Default,
            "pasta" => NetworkMode::Pasta(options_list()),
            "slirp4netns" => NetworkMode::Slirp4netns(options_list()),
            "container" => match options {
                Some(target) if !target.is_empty() => NetworkMode::Container(target.to_string()),
                _ => bail!("--network container: needs a container, as in container:NAME or container:ID"),
            },
            "ns" => bail!("--network ns:PATH is not supported: use {MODES}"),
            _ if options.is_some() => bail!("unknown network mode {s:?}: use {MODES}"),
            _ => {
                check_network_name(name)?;
                NetworkMode::Networks(vec![NetworkAttachment::named(name)])
            }
        })
    }

    /// Parses every `--network` flag given (Podman takes several networks).
    pub fn parse_all(values: &[String]) -> Result<NetworkMode> {
        let mut modes = values.iter().map(|v| NetworkMode::parse(v)).collect::<Result<Vec<_>>>()?;
        if modes.len() <= 1 {
            return Ok(modes.pop().unwrap_or_default());
        }
        let mut networks = Vec::new();
        for mode in modes {
            match mode {
                NetworkMode::Networks(n) => networks.extend(n),
                other => bail!("--network {} cannot be combined with other networks", other.name()),
            }
        }
        Ok(NetworkMode::Networks(networks))
    }

    /// The mode as `inspect` shows it in HostConfig.NetworkMode.
    pub fn name(&self) -> String {
        match self {
            NetworkMode::None => "none".into(),
            NetworkMode::Host => "host".into(),
            NetworkMode::Default => DEFAULT_NETWORK.into(),
            NetworkMode::Pasta(_) => "pasta".into(),
            NetworkMode::Slirp4netns(_) => "slirp4netns".into(),
            NetworkMode::Container(c) => format!("container:{c}"),
            NetworkMode::Networks(n) => n.first().map(|a| a.network.clone()).unwrap_or_default(),
        }
    }
}

/// Applies `--network-alias`, `--ip` and `--mac-address` to the network
/// the container is put on (the first, with several), as Docker does.
/// The default network takes an address but no alias (Docker: aliases
/// only on user networks); modes without a network of ours take neither.
pub fn with_endpoint_options(mode: NetworkMode, aliases: &[String], ip: Option<&str>, mac: Option<&str>) -> Result<NetworkMode> {
    if aliases.is_empty() && ip.is_none() && mac.is_none() {
        return Ok(mode);
    }
    let ip = ip
        .map(|i| i.parse::<IpAddr>().map_err(|_| anyhow::anyhow!("invalid --ip {i:?}: give an IPv4 or IPv6 address such as 10.89.0.5")))
        .transpose()?;
    let mut networks = match mode {
        NetworkMode::Networks(n) => n,
        NetworkMode::Default if aliases.is_empty() => vec![NetworkAttachment::named(DEFAULT_NETWORK)],
        NetworkMode::Default => bail!("--network-alias works only on user-defined networks: create one with `pontoon network create NAME` and run with --network NAME"),
        other => bail!("--network-alias, --ip and --mac-address need a network, not --network {}", other.name()),
    };
    if let Some(first) = networks.first_mut() {
        first.aliases.extend(aliases.iter().cloned());
        first.ip = ip.or(first.ip);
        first.mac = mac.map(str::to_string).or(first.mac.take());
    }
    Ok(NetworkMode::Networks(networks))
}

/// Network names as Docker allows them: a letter or digit, then letters,
/// digits, `_`, `.` and `-`.
pub fn check_network_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)) || name.len() > 128 {
        bail!("invalid network name {name:?}: use letters, digits, '_', '.' and '-', starting with a letter or digit");
    }
    Ok(())
}

/// What a running container has on one network: recorded in its state so
/// that `inspect`, `port`, /etc/hosts of its peers and teardown read it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Endpoint {
    /// The network's name (`bridge` for the default one, `pasta`,
    /// `slirp4netns` for those modes).
    pub network: String,
    /// The interface inside the container (eth0, eth1...).
    pub interface: String,
    /// The host-side (or rootless-namespace side) veth, when there is one.
    #[serde(default)]
    pub host_interface: Option<String>,
    pub address: Option<IpAddr>,
    pub prefix_len: u8,
    pub gateway: Option<IpAddr>,
    #[serde(default)]
    pub mac: Option<String>,
    /// Names peers resolve to this endpoint: the container's name, its
    /// short id and its aliases.
    #[serde(default)]
    pub names: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_and_podman_modes() {
        assert_eq!(NetworkMode::parse("none").unwrap(), NetworkMode::None);
        assert_eq!(NetworkMode::parse("host").unwrap(), NetworkMode::Host);
        for d in ["bridge", "default", "private", "podman"] {
            assert_eq!(NetworkMode::parse(d).unwrap(), NetworkMode::Default);
        }
        assert_eq!(NetworkMode::parse("pasta").unwrap(), NetworkMode::Pasta(vec![]));
        assert_eq!(NetworkMode::parse("slirp4netns:allow_host_loopback=true,mtu=1500").unwrap(), NetworkMode::Slirp4netns(vec!["allow_host_loopback=true".into(), "mtu=1500".into()]));
        assert_eq!(NetworkMode::parse("container:web").unwrap(), NetworkMode::Container("web".into()));
        assert_eq!(NetworkMode::parse("app").unwrap(), NetworkMode::Networks(vec![NetworkAttachment::named("app")]));
    }

    #[test]
    fn rejects_what_docker_rejects() {
        for bad in ["container:", "host:x", "-x", "a b", "ns:/run/netns/x", "weird:thing"] {
            let err = NetworkMode::parse(bad).unwrap_err().to_string();
            assert!(err.contains("network") || err.contains("container"), "{bad}: {err}");
        }
    }

    #[test]
    fn several_networks_combine_but_modes_do_not() {
        let two = NetworkMode::parse_all(&["a".into(), "b".into()]).unwrap();
        assert_eq!(two, NetworkMode::Networks(vec![NetworkAttachment::named("a"), NetworkAttachment::named("b")]));
        assert!(NetworkMode::parse_all(&["a".into(), "host".into()]).is_err());
        assert_eq!(NetworkMode::parse_all(&[]).unwrap(), NetworkMode::Default);
    }
}
