//! `ports:` and `expose:` in every syntax Compose accepts, normalised to
//! one [`Port`] per container port: `"8080:80"`, `"127.0.0.1:8080:80/udp"`,
//! `"[::1]:8080:80"`, ranges (`"8000-8001:80-81"` is two ports), and the
//! long syntax `{target, published, host_ip, protocol, mode}`.

use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_yaml_ng::Value;

use super::flex;

/// An inclusive range of ports; a single port is `start == end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRange {
    pub start: u16,
    pub end: u16,
}

impl PortRange {
    pub fn single(port: u16) -> PortRange {
        PortRange { start: port, end: port }
    }

    pub fn len(&self) -> u32 {
        u32::from(self.end - self.start) + 1
    }

    pub fn parse(text: &str) -> Result<PortRange, String> {
        let port = |s: &str| s.trim().parse::<u16>().map_err(|_| format!("invalid port {s:?}: ports are numbers from 0 to 65535"));
        let range = match text.split_once('-') {
            Some((a, b)) => PortRange { start: port(a)?, end: port(b)? },
            None => PortRange::single(port(text)?),
        };
        if range.end < range.start {
            return Err(format!("invalid port range {text:?}: the end is before the start"));
        }
        Ok(range)
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

impl Serialize for PortRange {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PortRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let text = flex::scalar(&v).ok_or_else(|| D::Error::custom("a port must be a number or a range such as 8000-8010"))?;
        PortRange::parse(&text).map_err(D::Error::custom)
    }
}

/// One published (or only declared) container port.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Port {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub name: Option<String>,
    /// `ingress` (Compose's default) or `host`.
    #[serde(default = "ingress", deserialize_with = "flex::string")]
    pub mode: String,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub host_ip: Option<String>,
    #[serde(deserialize_with = "target_port")]
    pub target: u16,
    /// The host port or range; `None` lets the engine choose one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<PortRange>,
    /// `tcp` (the default), `udp` or `sctp`.
    #[serde(default = "tcp", deserialize_with = "protocol")]
    pub protocol: String,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub app_protocol: Option<String>,
}

fn ingress() -> String {
    "ingress".into()
}

fn tcp() -> String {
    "tcp".into()
}

fn target_port<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    flex::parse_from(Value::deserialize(d)?).map_err(|e| D::Error::custom(format!("invalid target port: {e}")))
}

fn protocol<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let p = flex::string(d)?.to_ascii_lowercase();
    check_protocol(&p).map_err(D::Error::custom)?;
    Ok(p)
}

fn check_protocol(p: &str) -> Result<(), String> {
    match p {
        "tcp" | "udp" | "sctp" => Ok(()),
        other => Err(format!("invalid protocol {other:?}: use tcp, udp or sctp")),
    }
}

/// Parses the short syntax into one entry per container port.
pub fn parse_short(spec: &str) -> Result<Vec<Port>, String> {
    let bad = |why: &str| format!("invalid port {spec:?}: {why}");
    let (rest, protocol) = match spec.rsplit_once('/') {
        Some((r, p)) => (r, p.to_ascii_lowercase()),
        None => (spec, "tcp".to_string()),
    };
    check_protocol(&protocol).map_err(|e| bad(&e))?;
    let (host_ip, rest) = if let Some(after) = rest.strip_prefix('[') {
        let (ip, tail) = after.split_once(']').ok_or_else(|| bad("an IPv6 address must end with ]"))?;
        let tail = tail.strip_prefix(':').ok_or_else(|| bad("expected :PORT after the IPv6 address"))?;
        (Some(ip.to_string()), tail)
    } else {
        match rest.matches(':').count() {
            0 | 1 => (None, rest),
            _ => {
                let (ip, tail) = rest.split_once(':').ok_or_else(|| bad("expected IP:HOST:CONTAINER"))?;
                (Some(ip.to_string()), tail)
            }
        }
    };
    let (published, target) = match rest.rsplit_once(':') {
        Some(("", t)) => (None, t),
        Some((p, t)) => (Some(PortRange::parse(p).map_err(|e| bad(&e))?), t),
        None => (None, rest),
    };
    let target = PortRange::parse(target).map_err(|e| bad(&e))?;
    let host_ip = host_ip.filter(|ip| !ip.is_empty());
    let port = |target: u16, published: Option<PortRange>| Port {
        name: None,
        mode: ingress(),
        host_ip: host_ip.clone(),
        target,
        published,
        protocol: protocol.clone(),
        app_protocol: None,
    };
    match published {
        // A range on both sides pairs them off one by one.
        Some(p) if target.len() > 1 => {
            if p.len() != target.len() {
                return Err(bad("the host and container ranges must have the same length"));
            }
            Ok((0..target.len()).map(|i| port(target.start + i as u16, Some(PortRange::single(p.start + i as u16)))).collect())
        }
        // One container port, published on the first free port of a range.
        Some(p) => Ok(vec![port(target.start, Some(p))]),
        None => Ok((target.start..=target.end).map(|t| port(t, None)).collect()),
    }
}

/// `ports:`: a list of short strings, numbers or long mappings.
pub fn deserialize_ports<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Port>, D::Error> {
    let items: Option<Vec<Value>> = Option::deserialize(d)?;
    let mut ports = Vec::new();
    for item in items.unwrap_or_default() {
        match item {
            Value::Mapping(_) => ports.push(serde_yaml_ng::from_value::<Port>(item).map_err(|e| D::Error::custom(format!("ports: {e}")))?),
            other => {
                let text = flex::scalar(&other).ok_or_else(|| D::Error::custom("ports: each entry must be a string such as \"8080:80\" or a mapping"))?;
                ports.extend(parse_short(&text).map_err(D::Error::custom)?);
            }
        }
    }
    Ok(ports)
}

/// `expose:`: container ports or ranges, with an optional protocol,
/// normalised to `"80"`, `"8000-8010"`, `"53/udp"`.
pub fn deserialize_expose<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let v = Value::deserialize(d)?;
    let mut out = Vec::new();
    for item in flex::to_list(&v).map_err(|e| D::Error::custom(format!("expose: {e}")))? {
        let (range, proto) = match item.split_once('/') {
            Some((r, p)) => (r, Some(p.to_ascii_lowercase())),
            None => (item.as_str(), None),
        };
        let range = PortRange::parse(range).map_err(|e| D::Error::custom(format!("expose: {e}")))?;
        match proto {
            Some(p) => {
                check_protocol(&p).map_err(|e| D::Error::custom(format!("expose: {e}")))?;
                out.push(format!("{range}/{p}"));
            }
            None => out.push(range.to_string()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(spec: &str) -> Port {
        let mut ports = parse_short(spec).unwrap();
        assert_eq!(ports.len(), 1, "{spec}");
        ports.remove(0)
    }

    #[test]
    fn short_syntax_names_host_and_container_ports() {
        let p = one("8080:80");
        assert_eq!((p.host_ip.as_deref(), p.published, p.target, p.protocol.as_str()), (None, Some(PortRange::single(8080)), 80, "tcp"));
        let p = one("127.0.0.1:8080:80/udp");
        assert_eq!((p.host_ip.as_deref(), p.published, p.target, p.protocol.as_str()), (Some("127.0.0.1"), Some(PortRange::single(8080)), 80, "udp"));
        let p = one("80");
        assert_eq!((p.published, p.target), (None, 80));
        let p = one("127.0.0.1::80");
        assert_eq!((p.host_ip.as_deref(), p.published), (Some("127.0.0.1"), None));
        let p = one("[::1]:8080:80");
        assert_eq!((p.host_ip.as_deref(), p.published), (Some("::1"), Some(PortRange::single(8080))));
    }

    #[test]
    fn ranges_expand_to_one_entry_per_container_port() {
        let ports = parse_short("8000-8001:80-81").unwrap();
        let pairs: Vec<_> = ports.iter().map(|p| (p.published.map(|r| r.start), p.target)).collect();
        assert_eq!(pairs, [(Some(8000), 80), (Some(8001), 81)]);
        assert_eq!(parse_short("3000-3002").unwrap().len(), 3);
        let p = one("9000-9010:80");
        assert_eq!(p.published, Some(PortRange { start: 9000, end: 9010 }));
        assert!(parse_short("8000-8002:80-81").is_err());
    }

    #[test]
    fn bad_ports_are_errors() {
        for bad in ["abc", "70000:80", "80/xyz", "90-80", "[::1:80"] {
            assert!(parse_short(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_syntax_is_the_same_model() {
        let v: Value = serde_yaml_ng::from_str("[{target: 80, published: '8080', host_ip: 127.0.0.1, protocol: udp}, '127.0.0.1:8080:80/udp']").unwrap();
        let ports = deserialize_ports(v).unwrap();
        assert_eq!(ports[0], ports[1]);
        let v: Value = serde_yaml_ng::from_str("[{target: 80, published: 8080}]").unwrap();
        let p = &deserialize_ports(v).unwrap()[0];
        assert_eq!((p.published, p.protocol.as_str(), p.mode.as_str()), (Some(PortRange::single(8080)), "tcp", "ingress"));
    }

    #[test]
    fn expose_normalises_numbers_and_protocols() {
        let v: Value = serde_yaml_ng::from_str("[3000, '8000-8010', 53/UDP]").unwrap();
        assert_eq!(deserialize_expose(v).unwrap(), ["3000", "8000-8010", "53/udp"]);
    }
}
