//! Published and exposed ports: `-p/--publish` parsed exactly as Docker
//! parses it, `--expose` and an image's ExposedPorts, what `-P` adds, and
//! the ways Docker shows ports (`port`, the PORTS column of `ps`,
//! `inspect`'s PortBindings and Ports). Parsing and formatting only, no
//! I/O: network::forwarder binds what this module describes.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;

use anyhow::{anyhow, bail, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The transport of a published or exposed port. Docker also takes
/// `sctp`; pontoon's forwarder does not relay it, so it is refused.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }

    /// `tcp`, `udp` in any case, as Docker accepts them.
    fn parse(s: &str, whole: &str) -> Result<Protocol> {
        match s.to_ascii_lowercase().as_str() {
            "tcp" => Ok(Protocol::Tcp),
            "udp" => Ok(Protocol::Udp),
            "sctp" => bail!("invalid port {whole:?}: sctp is not supported: publish tcp or udp ports"),
            other => bail!("invalid port {whole:?}: unknown protocol {other:?}: use tcp or udp"),
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One host port forwarded to one container port.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct PortMapping {
    /// The host address to listen on; None is every address (0.0.0.0, and
    /// [::] when the host has IPv6), as Docker's empty HostIp.
    pub host_ip: Option<IpAddr>,
    /// 0: let the kernel pick a free port when the container starts.
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: Protocol,
    /// Docker's `-p 8000-8010:80`: a host range for one container port is
    /// where a free port is picked (the first free one of
    /// `host_port..=host_port_end`); None for a single host port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_port_end: Option<u16>,
}

impl PortMapping {
    /// `80/tcp`: the container side, as Docker keys its maps.
    pub fn key(&self) -> String {
        format!("{}/{}", self.container_port, self.protocol)
    }

    /// The host port as Docker's HostPort string: "" for a random one,
    /// "8000-8010" for a range to pick from.
    fn host_port_text(&self) -> String {
        match (self.host_port, self.host_port_end) {
            (0, _) => String::new(),
            (start, Some(end)) => format!("{start}-{end}"),
            (port, None) => port.to_string(),
        }
    }
}

/// A port number of a flag's value (`role` says which: "host port",
/// "container port"): 1-65535, or 0 where `zero_ok` (a host port of 0
/// asks for a random one, as in Docker).
fn port_number(s: &str, whole: &str, role: &str, zero_ok: bool) -> Result<u16> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        bail!("invalid port {whole:?}: the {role} {s:?} is not a port number (1-65535)");
    }
    match s.parse::<u32>() {
        Ok(n) if n <= 65535 && (n > 0 || zero_ok) => Ok(n as u16),
        _ => bail!("invalid port {whole:?}: {role} {s} is out of range 1-65535"),
    }
}

/// `80` or `8000-8010` (Docker's ParsePortRange): the first and last port.
fn port_range(s: &str, whole: &str, role: &str, zero_ok: bool) -> Result<(u16, u16)> {
    let (first, last) = match s.split_once('-') {
        Some((a, b)) => (port_number(a, whole, role, zero_ok)?, port_number(b, whole, role, zero_ok)?),
        None => {
            let p = port_number(s, whole, role, zero_ok)?;
            (p, p)
        }
    };
    if last < first {
        bail!("invalid port {whole:?}: the {role} range {s} ends before it starts");
    }
    Ok((first, last))
}

/// Docker's split of `IP:HOST:CONTAINER`: the last part is the container's,
/// the one before it the host port's, and everything before those the
/// address (so that `::1:8080:80` and `[::1]:8080:80` are both IPv6).
fn split_parts(spec: &str) -> (&str, &str, &str) {
    let parts: Vec<&str> = spec.split(':').collect();
    let n = parts.len();
    match n {
        1 => ("", "", spec),
        2 => ("", parts[0], parts[1]),
        _ => {
            let host_start = spec.len() - parts[n - 1].len() - parts[n - 2].len() - 1;
            (&spec[..host_start - 1], parts[n - 2], parts[n - 1])
        }
    }
}

/// `80/udp` -> ("80", Udp); no suffix is tcp.
fn split_protocol<'a>(s: &'a str, whole: &str) -> Result<(&'a str, Protocol)> {
    match s.split_once('/') {
        None => Ok((s, Protocol::Tcp)),
        Some((port, "")) => Ok((port, Protocol::Tcp)),
        Some((port, proto)) => Ok((port, Protocol::parse(proto, whole)?)),
    }
}

fn host_address(ip: &str, whole: &str) -> Result<Option<IpAddr>> {
    if ip.is_empty() {
        return Ok(None);
    }
    let bare = match ip.strip_prefix('[') {
        Some(rest) => rest.strip_suffix(']').ok_or_else(|| anyhow!("invalid port {whole:?}: {ip:?} lacks its closing ']'"))?,
        None => ip,
    };
    bare.parse::<IpAddr>()
        .map(Some)
        .map_err(|_| anyhow!("invalid port {whole:?}: {ip:?} is not an IP address: use IP:HOST_PORT:CONTAINER_PORT, e.g. 127.0.0.1:8080:80"))
}

/// Parses one `-p/--publish` value as Docker does: `8080:80`,
/// `127.0.0.1:8080:80`, `127.0.0.1::80`, `80` (a random host port),
/// `[::1]:8080:80`, an optional `/tcp` or `/udp`, and ranges: equal
/// ranges map port to port (`8000-8010:8000-8010` is eleven mappings); a
/// host range for a single container port is where a free host port is
/// picked; ranges of different lengths are an error.
pub fn parse_publish(spec: &str) -> Result<Vec<PortMapping>> {
    if spec.trim().is_empty() {
        bail!("invalid port {spec:?}: give [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80");
    }
    let (ip, host, container) = split_parts(spec);
    let (container, protocol) = split_protocol(container, spec)?;
    let host_ip = host_address(ip, spec)?;
    if container.is_empty() {
        bail!("invalid port {spec:?}: no container port given: use [IP:][HOST_PORT:]CONTAINER_PORT, e.g. 8080:80");
    }
    let (first, last) = port_range(container, spec, "container port", false)?;
    let host_range = if host.is_empty() { None } else { Some(port_range(host, spec, "host port", true)?) };
    let count = last - first;
    let mapping = |container_port: u16, host_port: u16, host_port_end: Option<u16>| PortMapping {
        host_ip,
        host_port,
        container_port,
        protocol,
        host_port_end,
    };
    match host_range {
        None => Ok((first..=last).map(|p| mapping(p, 0, None)).collect()),
        Some((h_first, h_last)) if h_last - h_first == count => Ok((0..=count).map(|i| mapping(first + i, h_first + i, None)).collect()),
        Some((h_first, h_last)) if count == 0 && h_first != 0 => Ok(vec![mapping(first, h_first, Some(h_last))]),
        Some(_) => bail!("invalid port {spec:?}: the host range {host} and the container range {container} differ in length: give ranges of equal length"),
    }
}

/// Parses one `--expose` value: `80`, `8000-8010`, `53/udp`; every port
/// of a range is one entry (host_port 0: exposed, not published).
pub fn parse_expose(spec: &str) -> Result<Vec<PortMapping>> {
    let (ports, protocol) = split_protocol(spec.trim(), spec)?;
    let (first, last) = port_range(ports, spec, "port", false)?;
    Ok((first..=last).map(|container_port| PortMapping { container_port, protocol, ..Default::default() }).collect())
}

/// An image's ExposedPorts keys (`80/tcp`). An sctp port of an image is
/// left out rather than refused: the image is someone else's, and pontoon
/// cannot publish it anyway.
pub fn parse_image_exposed<'a>(keys: impl IntoIterator<Item = &'a String>) -> Result<Vec<PortMapping>> {
    let mut out = Vec::new();
    for key in keys {
        if key.to_ascii_lowercase().ends_with("/sctp") {
            continue;
        }
        out.extend(parse_expose(key).map_err(|e| anyhow!("the image's ExposedPorts: {e}"))?);
    }
    Ok(out)
}

/// `-P`: every exposed port on a random host port, on every address; an
/// explicit `-p` for the same container port and protocol wins.
pub fn publish_all_ports(exposed: &[PortMapping], explicit: &[PortMapping]) -> Vec<PortMapping> {
    let mut out = explicit.to_vec();
    for e in exposed {
        let taken = out.iter().any(|m| m.container_port == e.container_port && m.protocol == e.protocol);
        if !taken {
            out.push(PortMapping { container_port: e.container_port, protocol: e.protocol, ..Default::default() });
        }
    }
    out
}

/// Adds exposed ports to `into` that it lacks, keeping its order.
pub fn merge_exposed(into: &mut Vec<PortMapping>, more: &[PortMapping]) {
    for m in more {
        if !into.iter().any(|e| e.container_port == m.container_port && e.protocol == m.protocol) {
            into.push(PortMapping { container_port: m.container_port, protocol: m.protocol, ..Default::default() });
        }
    }
}

/// What the monitor binds when the container starts: the `-p` mappings,
/// with `-P` every exposed port too. Nothing with `--network host`, where
/// the container's ports are the host's already (Docker discards them too).
pub fn to_publish(spec: &crate::spec::container::ContainerSpec) -> Vec<PortMapping> {
    if spec.network == crate::spec::network::NetworkMode::Host {
        return Vec::new();
    }
    if spec.publish_all {
        publish_all_ports(&spec.expose, &spec.ports)
    } else {
        spec.ports.clone()
    }
}

/// Refuses ports a network mode cannot have, as Docker does: a container
/// that joins another's namespace has that container's ports.
pub fn check_network(network: &crate::spec::network::NetworkMode, ports: &[PortMapping], publish_all: bool) -> Result<()> {
    if let crate::spec::network::NetworkMode::Container(other) = network {
        if !ports.is_empty() || publish_all {
            bail!("conflicting options: port publishing and --network container:{other}: publish the ports on {other} instead");
        }
    }
    Ok(())
}

/// The container's exposed ports (Config.ExposedPorts): the exposed ones,
/// and those published with -p, once each, sorted.
pub fn exposed_set(expose: &[PortMapping], ports: &[PortMapping]) -> Vec<(u16, Protocol)> {
    let mut set: Vec<(u16, Protocol)> = expose.iter().chain(ports).map(|m| (m.container_port, m.protocol)).collect();
    set.sort_by_key(|(port, proto)| (*proto, *port));
    set.dedup();
    set
}

/// `inspect`'s Config.ExposedPorts: `{"80/tcp": {}}`, null when none.
pub fn exposed_ports_json(expose: &[PortMapping], ports: &[PortMapping]) -> Value {
    let set = exposed_set(expose, ports);
    if set.is_empty() {
        return Value::Null;
    }
    let map: BTreeMap<String, Value> = set.iter().map(|(p, proto)| (format!("{p}/{proto}"), json!({}))).collect();
    json!(map)
}

/// `inspect`'s HostConfig.PortBindings: what `-p` asked for, as given
/// (`{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}`).
pub fn port_bindings_json(ports: &[PortMapping]) -> Value {
    let mut map: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for m in ports {
        let ip = m.host_ip.map(|ip| ip.to_string()).unwrap_or_default();
        map.entry(m.key()).or_default().push(json!({ "HostIp": ip, "HostPort": m.host_port_text() }));
    }
    json!(map)
}

/// `inspect`'s NetworkSettings.Ports of a running container: every exposed
/// port, with the host addresses it is published on or null.
pub fn ports_json(published: &[PortMapping], exposed: &[(u16, Protocol)]) -> Value {
    let mut map: BTreeMap<String, Value> = exposed.iter().map(|(p, proto)| (format!("{p}/{proto}"), Value::Null)).collect();
    for m in published {
        let entry = map.entry(m.key()).or_insert(Value::Null);
        if !entry.is_array() {
            *entry = json!([]);
        }
        if let Some(list) = entry.as_array_mut() {
            let ip = m.host_ip.map(|ip| ip.to_string()).unwrap_or_else(|| "0.0.0.0".into());
            list.push(json!({ "HostIp": ip, "HostPort": m.host_port.to_string() }));
        }
    }
    json!(map)
}

/// `pontoon port CONTAINER [PORT[/PROTO]]`'s argument: `80` is `80/tcp`.
pub fn parse_port_query(s: &str) -> Result<(u16, Protocol)> {
    let (port, proto) = split_protocol(s, s)?;
    Ok((port_number(port, s, "port", false)?, proto))
}

/// `0.0.0.0:8080`, `[::]:8080`: a host address and port as `port` shows it.
fn join_host_port(ip: Option<IpAddr>, port: u16) -> String {
    match ip {
        Some(IpAddr::V6(v6)) => format!("[{v6}]:{port}"),
        Some(IpAddr::V4(v4)) => format!("{v4}:{port}"),
        None => format!("0.0.0.0:{port}"),
    }
}

/// The lines `pontoon port` prints, in Docker's natural order: for the
/// whole container `80/tcp -> 0.0.0.0:8080`, for one port `0.0.0.0:8080`.
/// None when the asked port is not published (the caller's error).
pub fn port_lines(published: &[PortMapping], query: Option<(u16, Protocol)>) -> Option<Vec<String>> {
    let mut lines: Vec<String> = match query {
        Some((port, proto)) => {
            let hits: Vec<String> = published
                .iter()
                .filter(|m| m.container_port == port && m.protocol == proto)
                .map(|m| join_host_port(m.host_ip, m.host_port))
                .collect();
            if hits.is_empty() {
                return None;
            }
            hits
        }
        None => published.iter().map(|m| format!("{} -> {}", m.key(), join_host_port(m.host_ip, m.host_port))).collect(),
    };
    lines.sort_by(|a, b| natural_cmp(a, b));
    Some(lines)
}

/// Compares runs of digits by value and everything else byte by byte, as
/// Docker sorts `port`'s lines (so 80 comes before 443).
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if order != std::cmp::Ordering::Equal {
                    return order;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) if x != y => return x.cmp(y),
            _ => (a, b) = (&a[1..], &b[1..]),
        }
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let start = digits.iter().take_while(|d| **d == b'0').count().min(digits.len().saturating_sub(1));
    &digits[start..]
}

/// One port as `ps` sorts and groups them (Docker's types.Port).
struct ShownPort {
    private: u16,
    /// "" for an exposed port that is not published.
    ip: String,
    public: u16,
    protocol: Protocol,
}

/// The PORTS column of `ps`, as Docker writes it: published ports as
/// `0.0.0.0:8080->80/tcp, :::8080->80/tcp`, runs of consecutive ports that
/// keep their number collapsed (`0.0.0.0:8000-8010->8000-8010/tcp`), and
/// exposed ports that are not published as `80/tcp`.
pub fn ps_ports(published: &[PortMapping], exposed: &[(u16, Protocol)]) -> String {
    let mut ports: Vec<ShownPort> = published
        .iter()
        .map(|m| ShownPort {
            private: m.container_port,
            ip: m.host_ip.map(|ip| ip.to_string()).unwrap_or_else(|| "0.0.0.0".into()),
            public: m.host_port,
            protocol: m.protocol,
        })
        .collect();
    for &(private, protocol) in exposed {
        if !published.iter().any(|m| m.container_port == private && m.protocol == protocol) {
            ports.push(ShownPort { private, ip: String::new(), public: 0, protocol });
        }
    }
    ports.sort_by(|a, b| (a.private, &a.ip, a.public, a.protocol).cmp(&(b.private, &b.ip, b.public, b.protocol)));
    // Docker's grouping: ports that keep their number (and unpublished
    // ones) group by address and protocol while they are consecutive;
    // the others are listed one by one after the groups.
    let mut groups: Vec<(String, Protocol, u16, u16)> = Vec::new();
    let mut open: BTreeMap<(String, Protocol), usize> = BTreeMap::new();
    let mut finished: Vec<String> = Vec::new();
    let mut mappings: Vec<String> = Vec::new();
    for p in &ports {
        if !p.ip.is_empty() && p.public != p.private {
            mappings.push(format!("{}:{}->{}/{}", p.ip, p.public, p.private, p.protocol));
            continue;
        }
        let key = (p.ip.clone(), p.protocol);
        match open.get(&key).copied() {
            None => {
                open.insert(key, groups.len());
                groups.push((p.ip.clone(), p.protocol, p.private, p.private));
            }
            Some(i) if groups[i].3.checked_add(1) == Some(p.private) => groups[i].3 = p.private,
            Some(i) => {
                finished.push(group_text(&groups[i]));
                groups[i] = (p.ip.clone(), p.protocol, p.private, p.private);
            }
        }
    }
    finished.extend(groups.iter().map(group_text));
    finished.extend(mappings);
    finished.join(", ")
}

fn group_text((ip, protocol, first, last): &(String, Protocol, u16, u16)) -> String {
    let range = if first == last { first.to_string() } else { format!("{first}-{last}") };
    if ip.is_empty() {
        format!("{range}/{protocol}")
    } else {
        format!("{ip}:{range}->{range}/{protocol}")
    }
}

#[cfg(test)]
#[path = "ports_tests.rs"]
mod tests;
