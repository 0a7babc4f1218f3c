//! Name-resolution flags of `run`/`create`: `--dns`, `--dns-search`,
//! `--dns-option` and `--add-host`, parsed as Docker parses them, and
//! Docker's rule that a container sharing another's network namespace
//! (`--network container:X`) cannot set them. Parsing only: the files they
//! shape are written by engine::etc_files.

use std::net::IpAddr;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::spec::network::NetworkMode;

/// The value of `--add-host NAME:host-gateway`.
pub const HOST_GATEWAY: &str = "host-gateway";

/// What the container's /etc/resolv.conf should hold instead of the host's
/// choices; an empty list keeps the host's (see engine::etc_files::resolv).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct DnsSettings {
    /// `--dns`: nameservers, in order.
    #[serde(default)]
    pub servers: Vec<IpAddr>,
    /// `--dns-search`: search domains; `["."]` asks for none at all.
    #[serde(default)]
    pub search: Vec<String>,
    /// `--dns-option` (`ndots:2`, `edns0`...): resolver options.
    #[serde(default)]
    pub options: Vec<String>,
}

impl DnsSettings {
    /// Parses the three flags' values.
    pub fn parse(servers: &[String], search: &[String], options: &[String]) -> Result<DnsSettings> {
        Ok(DnsSettings {
            servers: servers.iter().map(|s| parse_dns_server(s)).collect::<Result<_>>()?,
            search: search.iter().map(|s| parse_dns_search(s)).collect::<Result<_>>()?,
            options: options.iter().map(|s| parse_dns_option(s)).collect::<Result<_>>()?,
        })
    }

    /// True when no flag was given.
    pub fn is_empty(&self) -> bool {
        self.servers.is_empty() && self.search.is_empty() && self.options.is_empty()
    }
}

/// One `--add-host` entry: a name and what it resolves to.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ExtraHost {
    pub name: String,
    pub address: HostAddress,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum HostAddress {
    Ip(IpAddr),
    /// `host-gateway`: the address the host is reached at from the
    /// container, known once its network is up.
    HostGateway,
}

impl ExtraHost {
    /// Parses `NAME:IP` or `NAME=IP` as Docker does: the first `=`, else the
    /// first `:`, separates the name, so `NAME:::1` and `NAME:[::1]` give
    /// IPv6 addresses; the address may be `host-gateway`.
    pub fn parse(value: &str) -> Result<ExtraHost> {
        let (name, address) = match value.split_once('=').or_else(|| value.split_once(':')) {
            Some((n, a)) if !n.is_empty() && !n.contains(':') && !n.contains(char::is_whitespace) => (n, a),
            _ => bail!("invalid --add-host {value:?}: use NAME:IP, as in db:10.0.0.5, db:[::1] or db:host-gateway"),
        };
        if address == HOST_GATEWAY {
            return Ok(ExtraHost { name: name.to_string(), address: HostAddress::HostGateway });
        }
        let bare = address.strip_prefix('[').and_then(|a| a.strip_suffix(']')).unwrap_or(address);
        match bare.parse::<IpAddr>() {
            Ok(ip) => Ok(ExtraHost { name: name.to_string(), address: HostAddress::Ip(ip) }),
            Err(_) => bail!("invalid IP address {address:?} in --add-host {value:?}: use NAME:IP, as in db:10.0.0.5, db:[::1] or db:host-gateway"),
        }
    }
}

/// Parses all `--add-host` values.
pub fn parse_extra_hosts(values: &[String]) -> Result<Vec<ExtraHost>> {
    values.iter().map(|v| ExtraHost::parse(v)).collect()
}

fn parse_dns_server(value: &str) -> Result<IpAddr> {
    value
        .trim()
        .parse()
        .map_err(|_| anyhow::anyhow!("invalid --dns {value:?}: give a nameserver's IP address, as in --dns 1.1.1.1"))
}

/// A search domain as Docker accepts it (letters, digits and `-` in labels
/// of at most 63 characters, a trailing dot allowed), or `.` for none.
fn parse_dns_search(value: &str) -> Result<String> {
    if value == "." {
        return Ok(value.to_string());
    }
    let domain = value.strip_suffix('.').unwrap_or(value);
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if domain.len() > 253 || !domain.split('.').all(label_ok) {
        bail!("invalid --dns-search {value:?}: give a domain such as example.com, or . for no search domains");
    }
    Ok(value.to_string())
}

fn parse_dns_option(value: &str) -> Result<String> {
    if value.is_empty() || value.contains(char::is_whitespace) {
        bail!("invalid --dns-option {value:?}: give one resolver option such as ndots:2 or edns0 per flag");
    }
    Ok(value.to_string())
}

/// Docker's rule: a container that joins another's network namespace uses
/// that container's hostname, /etc/hosts and /etc/resolv.conf, so it
/// cannot set its own. (`--network none` with `--dns` is allowed.)
pub fn check_network_conflicts(mode: &NetworkMode, hostname: Option<&str>, dns: &DnsSettings, extra_hosts: &[ExtraHost]) -> Result<()> {
    let NetworkMode::Container(target) = mode else { return Ok(()) };
    let conflict = if hostname.is_some() {
        Some(("hostname", "-h/--hostname"))
    } else if !dns.servers.is_empty() {
        Some(("dns", "--dns"))
    } else if !extra_hosts.is_empty() {
        Some(("custom host-to-IP mapping", "--add-host"))
    } else {
        None
    };
    if let Some((what, flag)) = conflict {
        bail!("conflicting options: {what} and the network mode: --network container:{target} uses that container's; drop {flag} or set it on {target}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn add_host_parses_as_docker_does() {
        let cases = [
            ("db:10.0.0.5", "db", HostAddress::Ip(ip("10.0.0.5"))),
            ("db=10.0.0.5", "db", HostAddress::Ip(ip("10.0.0.5"))),
            ("v6:::1", "v6", HostAddress::Ip(ip("::1"))),
            ("v6:[2001:db8::1]", "v6", HostAddress::Ip(ip("2001:db8::1"))),
            ("v6=::1", "v6", HostAddress::Ip(ip("::1"))),
            ("gw:host-gateway", "gw", HostAddress::HostGateway),
            ("my.host.example:1.2.3.4", "my.host.example", HostAddress::Ip(ip("1.2.3.4"))),
        ];
        for (text, name, address) in cases {
            assert_eq!(ExtraHost::parse(text).unwrap(), ExtraHost { name: name.into(), address }, "{text}");
        }
    }

    #[test]
    fn bad_add_host_is_one_line_naming_the_value() {
        for bad in ["nocolon", ":1.2.3.4", "db:", "db:300.1.1.1", "db:name", "db:[1.2.3.4", "a b:1.2.3.4"] {
            let err = ExtraHost::parse(bad).unwrap_err().to_string();
            assert!(err.contains("--add-host") && err.contains(&format!("{bad:?}")) && !err.contains('\n'), "{bad}: {err}");
        }
    }

    #[test]
    fn dns_flags_parse_and_refuse_garbage() {
        let dns = DnsSettings::parse(&["1.1.1.1".into(), "2606:4700::1111".into()], &["example.com".into(), "lan.".into()], &["ndots:2".into()]).unwrap();
        assert_eq!(dns.servers, [ip("1.1.1.1"), ip("2606:4700::1111")]);
        assert_eq!(dns.search, ["example.com", "lan."]);
        assert_eq!(dns.options, ["ndots:2"]);
        assert!(!dns.is_empty());
        assert!(DnsSettings::parse(&[], &[".".into()], &[]).is_ok(), ". clears the search list");
        assert!(DnsSettings::default().is_empty());
        let err = DnsSettings::parse(&["dns.google".into()], &[], &[]).unwrap_err().to_string();
        assert!(err.contains("--dns \"dns.google\""), "{err}");
        for bad in ["-bad.com", "a..b", "under_score.com", ""] {
            let err = DnsSettings::parse(&[], &[bad.into()], &[]).unwrap_err().to_string();
            assert!(err.contains("--dns-search"), "{bad}: {err}");
        }
        assert!(DnsSettings::parse(&[], &[], &["two words".into()]).is_err());
    }

    #[test]
    fn container_network_mode_refuses_what_docker_refuses() {
        let shared = NetworkMode::Container("web".into());
        let dns = DnsSettings { servers: vec![ip("1.1.1.1")], ..Default::default() };
        let host = [ExtraHost::parse("a:1.2.3.4").unwrap()];
        let err = check_network_conflicts(&shared, None, &dns, &[]).unwrap_err().to_string();
        assert!(err.starts_with("conflicting options: dns and the network mode"), "{err}");
        let err = check_network_conflicts(&shared, Some("h"), &DnsSettings::default(), &[]).unwrap_err().to_string();
        assert!(err.starts_with("conflicting options: hostname and the network mode"), "{err}");
        let err = check_network_conflicts(&shared, None, &DnsSettings::default(), &host).unwrap_err().to_string();
        assert!(err.starts_with("conflicting options: custom host-to-IP mapping and the network mode"), "{err}");
        // Docker checks only the servers: search and options pass.
        let search = DnsSettings { search: vec!["lan".into()], ..Default::default() };
        assert!(check_network_conflicts(&shared, None, &search, &[]).is_ok());
        for mode in [NetworkMode::None, NetworkMode::Host, NetworkMode::Default] {
            assert!(check_network_conflicts(&mode, Some("h"), &dns, &host).is_ok(), "{mode:?}");
        }
    }
}
