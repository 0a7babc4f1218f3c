//! The container's /etc/resolv.conf, by Docker's rules:
//! - `--network host` without DNS flags: the host's file as it is;
//! - a namespace of its own: the host's file minus loopback nameservers
//!   (127.0.0.53 and friends would be the container itself), and Google's
//!   8.8.8.8 / 8.8.4.4 when none is left, as Docker falls back;
//! - `--dns`, `--dns-search`, `--dns-option` replace the nameservers, the
//!   search list and the options (`--dns-search .` leaves no search line);
//! - on a network with a DNS responder, that responder is the only
//!   nameserver (it forwards to [`upstream_nameservers`]), as with
//!   Docker's embedded DNS.

use std::net::IpAddr;

use crate::spec::dns::DnsSettings;
use crate::spec::network::NetworkMode;

/// Docker's fallback when the host offers no nameserver a container can use.
pub const FALLBACK_NAMESERVERS: [&str; 2] = ["8.8.8.8", "8.8.4.4"];

/// systemd-resolved's list of the real upstream servers, used when the
/// host's /etc/resolv.conf only names its loopback stub (Docker does the same).
pub const SYSTEMD_RESOLVED_UPSTREAMS: &str = "/run/systemd/resolve/resolv.conf";

/// The text of the container's /etc/resolv.conf. `host_resolv_conf` is the
/// host's file (see [`choose_host_resolv_conf`]); `network_dns` the DNS
/// responder of the container's network, if it has one.
pub fn render_resolv(host_resolv_conf: &str, mode: &NetworkMode, dns: &DnsSettings, network_dns: Option<IpAddr>) -> String {
    let host_network = *mode == NetworkMode::Host;
    if host_network && dns.is_empty() && network_dns.is_none() {
        return host_resolv_conf.to_string();
    }
    let parsed = Parsed::from(host_resolv_conf);
    if dns.is_empty() && network_dns.is_none() {
        // No flags: the host's file line by line, comments and all.
        let mut out: String = host_resolv_conf
            .lines()
            .filter(|l| !nameserver_of(l).is_some_and(is_loopback))
            .map(|l| format!("{l}\n"))
            .collect();
        if !parsed.nameservers.iter().any(|ns| !is_loopback(ns)) {
            for ns in FALLBACK_NAMESERVERS {
                out.push_str(&format!("nameserver {ns}\n"));
            }
        }
        return out;
    }
    let nameservers: Vec<String> = match (network_dns, dns.servers.is_empty()) {
        (Some(responder), _) => vec![responder.to_string()],
        (None, false) => dns.servers.iter().map(IpAddr::to_string).collect(),
        (None, true) => usable_nameservers(&parsed.nameservers, host_network),
    };
    let search = if dns.search.is_empty() { parsed.search } else { dns.search.clone() };
    let options = if dns.options.is_empty() { parsed.options } else { dns.options.clone() };
    let mut out = String::new();
    if !search.is_empty() && search.iter().any(|s| s != ".") {
        out.push_str(&format!("search {}\n", search.join(" ")));
    }
    for ns in nameservers {
        out.push_str(&format!("nameserver {ns}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    out
}

/// Where a network's DNS responder should forward names it does not know:
/// the `--dns` servers, else the host's (loopback ones left out, since the
/// responder may not run in the host's namespace), else Docker's fallback.
// Called by the network code that starts a network's DNS responder.
#[allow(dead_code)]
pub fn upstream_nameservers(host_resolv_conf: &str, dns: &DnsSettings) -> Vec<IpAddr> {
    if !dns.servers.is_empty() {
        return dns.servers.clone();
    }
    usable_nameservers(&Parsed::from(host_resolv_conf).nameservers, false).iter().filter_map(|ns| ns.parse().ok()).collect()
}

/// Picks the host file a container's resolv.conf starts from: for a
/// namespace of its own, systemd-resolved's upstream list when /etc's file
/// names nothing but loopback stubs and that list exists.
pub fn choose_host_resolv_conf(etc_resolv_conf: String, systemd_upstreams: impl FnOnce() -> Option<String>, mode: &NetworkMode) -> String {
    let names_only_loopback = {
        let servers = Parsed::from(&etc_resolv_conf).nameservers;
        !servers.is_empty() && servers.iter().all(|ns| is_loopback(ns))
    };
    if *mode != NetworkMode::Host && names_only_loopback {
        if let Some(upstreams) = systemd_upstreams() {
            return upstreams;
        }
    }
    etc_resolv_conf
}

/// The host's resolv.conf as [`choose_host_resolv_conf`] picks it; empty
/// when the host has none (the container then gets the fallback servers).
pub fn read_host_resolv_conf(mode: &NetworkMode) -> String {
    let etc = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    choose_host_resolv_conf(etc, || std::fs::read_to_string(SYSTEMD_RESOLVED_UPSTREAMS).ok(), mode)
}

fn usable_nameservers(servers: &[String], host_network: bool) -> Vec<String> {
    let kept: Vec<String> = servers.iter().filter(|ns| host_network || !is_loopback(ns)).cloned().collect();
    if kept.is_empty() {
        return FALLBACK_NAMESERVERS.iter().map(|s| s.to_string()).collect();
    }
    kept
}

/// The parts of a resolv.conf the flags replace.
#[derive(Default)]
struct Parsed {
    nameservers: Vec<String>,
    /// The last `search` or `domain` line wins, as in the resolver.
    search: Vec<String>,
    /// Every `options` line adds to the list.
    options: Vec<String>,
}

impl Parsed {
    fn from(text: &str) -> Parsed {
        let mut parsed = Parsed::default();
        for line in text.lines() {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("nameserver") => parsed.nameservers.extend(words.next().map(str::to_string)),
                Some("search" | "domain") => parsed.search = words.map(str::to_string).collect(),
                Some("options") => parsed.options.extend(words.map(str::to_string)),
                _ => {}
            }
        }
        parsed
    }
}

fn nameserver_of(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    (words.next() == Some("nameserver")).then(|| words.next()).flatten()
}

/// A nameserver on loopback: 127.0.0.0/8 or ::1 (with or without a zone).
fn is_loopback(ns: &str) -> bool {
    ns.split('%').next().and_then(|a| a.parse::<IpAddr>().ok()).is_some_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST: &str = "# from DHCP\nsearch lan corp.example\nnameserver 127.0.0.53\nnameserver 10.0.0.1\noptions edns0 trust-ad\n";

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn host_network_gets_the_hosts_file() {
        assert_eq!(render_resolv(HOST, &NetworkMode::Host, &DnsSettings::default(), None), HOST);
    }

    #[test]
    fn private_namespaces_lose_loopback_nameservers_only() {
        for mode in [NetworkMode::None, NetworkMode::Default, NetworkMode::Container("web".into())] {
            assert_eq!(
                render_resolv(HOST, &mode, &DnsSettings::default(), None),
                "# from DHCP\nsearch lan corp.example\nnameserver 10.0.0.1\noptions edns0 trust-ad\n",
                "{mode:?}"
            );
        }
    }

    #[test]
    fn nothing_usable_left_falls_back_to_dockers_servers() {
        let stub_only = "nameserver 127.0.0.53\nnameserver ::1\noptions edns0\n";
        assert_eq!(render_resolv(stub_only, &NetworkMode::Default, &DnsSettings::default(), None), "options edns0\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n");
        assert_eq!(render_resolv("", &NetworkMode::None, &DnsSettings::default(), None), "nameserver 8.8.8.8\nnameserver 8.8.4.4\n");
    }

    #[test]
    fn flags_replace_their_part_and_keep_the_rest() {
        let servers = DnsSettings { servers: vec![ip("1.1.1.1"), ip("2606:4700::1111")], ..Default::default() };
        assert_eq!(
            render_resolv(HOST, &NetworkMode::Default, &servers, None),
            "search lan corp.example\nnameserver 1.1.1.1\nnameserver 2606:4700::1111\noptions edns0 trust-ad\n"
        );
        let search = DnsSettings { search: vec!["example.com".into()], options: vec!["ndots:3".into()], ..Default::default() };
        assert_eq!(render_resolv(HOST, &NetworkMode::Default, &search, None), "search example.com\nnameserver 10.0.0.1\noptions ndots:3\n");
        // With host networking the host's loopback stub is reachable: kept.
        assert_eq!(render_resolv(HOST, &NetworkMode::Host, &search, None), "search example.com\nnameserver 127.0.0.53\nnameserver 10.0.0.1\noptions ndots:3\n");
        let clear = DnsSettings { search: vec![".".into()], ..Default::default() };
        assert_eq!(render_resolv(HOST, &NetworkMode::None, &clear, None), "nameserver 10.0.0.1\noptions edns0 trust-ad\n");
    }

    #[test]
    fn a_network_dns_responder_is_the_only_nameserver_and_forwards_upstream() {
        let servers = DnsSettings { servers: vec![ip("9.9.9.9")], ..Default::default() };
        let resolv = render_resolv(HOST, &NetworkMode::Networks(vec![]), &servers, Some(ip("10.89.0.1")));
        assert_eq!(resolv, "search lan corp.example\nnameserver 10.89.0.1\noptions edns0 trust-ad\n");
        assert_eq!(upstream_nameservers(HOST, &servers), [ip("9.9.9.9")]);
        assert_eq!(upstream_nameservers(HOST, &DnsSettings::default()), [ip("10.0.0.1")]);
        assert_eq!(upstream_nameservers("nameserver 127.0.0.53\n", &DnsSettings::default()), [ip("8.8.8.8"), ip("8.8.4.4")]);
    }

    #[test]
    fn a_systemd_resolved_stub_is_replaced_by_its_upstreams() {
        let stub = "nameserver 127.0.0.53\noptions edns0\n".to_string();
        let upstreams = || Some("nameserver 192.168.1.1\n".to_string());
        assert_eq!(choose_host_resolv_conf(stub.clone(), upstreams, &NetworkMode::Default), "nameserver 192.168.1.1\n");
        assert_eq!(choose_host_resolv_conf(stub.clone(), upstreams, &NetworkMode::Host), stub, "the host's stub answers there");
        assert_eq!(choose_host_resolv_conf(stub.clone(), || None, &NetworkMode::Default), stub);
        assert_eq!(choose_host_resolv_conf(HOST.to_string(), upstreams, &NetworkMode::Default), HOST, "a real server is kept");
    }
}
