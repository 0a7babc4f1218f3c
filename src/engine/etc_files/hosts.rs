//! The container's /etc/hosts, as Docker writes it: the loopback names,
//! the `--add-host` entries, then the container's own addresses with its
//! hostname; pontoon adds the peers of its user networks and, as Podman
//! does, `host.containers.internal` (and Docker Desktop's
//! `host.docker.internal`) for the host. With `--network host` it is the
//! host's file, the `--add-host` entries and the hostname.

use std::fmt::Write;
use std::net::{IpAddr, Ipv4Addr};

use crate::spec::dns::{ExtraHost, HostAddress};
use crate::spec::network::NetworkMode;

/// Docker's fixed lines for a container with a namespace of its own.
const LOOPBACK_LINES: &str = "127.0.0.1\tlocalhost\n\
::1\tlocalhost ip6-localhost ip6-loopback\n\
fe00::0\tip6-localnet\n\
ff00::0\tip6-mcastprefix\n\
ff02::1\tip6-allnodes\n\
ff02::2\tip6-allrouters\n";

/// Where the hostname points while the container has no address of its
/// own (before start, `--network none`, `--network host`): the Debian
/// convention, so that `hostname -i` and getaddrinfo(hostname) work.
pub const HOSTNAME_LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 1, 1));

/// The names the host is reached by from a container (Podman's, Docker
/// Desktop's).
pub const HOST_NAMES: [&str; 2] = ["host.containers.internal", "host.docker.internal"];

/// Everything /etc/hosts depends on. The network code renders it again at
/// start, once addresses are known, and when a peer joins or leaves.
pub struct HostsInput<'a> {
    pub hostname: &'a str,
    pub mode: &'a NetworkMode,
    /// The container's own addresses; empty before its network is up.
    pub own: Vec<IpAddr>,
    /// More names for the container's own addresses after its hostname:
    /// its name (Podman writes it there) and its network aliases.
    pub own_names: Vec<String>,
    /// What `host.containers.internal`, `host.docker.internal` and
    /// `--add-host NAME:host-gateway` resolve to; None leaves them out.
    pub host_gateway: Option<IpAddr>,
    pub extra_hosts: &'a [ExtraHost],
    /// The other containers on its user networks: an address and the names
    /// it answers to (container name, aliases, short id).
    pub peers: Vec<(IpAddr, Vec<String>)>,
    /// The host's /etc/hosts, the base of the file with `--network host`
    /// (ignored otherwise).
    pub host_etc_hosts: &'a str,
}

/// The text of the container's /etc/hosts.
pub fn render_hosts(input: &HostsInput) -> String {
    let mut out = String::new();
    let host_network = *input.mode == NetworkMode::Host;
    if host_network {
        out.push_str(input.host_etc_hosts);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    } else {
        out.push_str(LOOPBACK_LINES);
    }
    for extra in input.extra_hosts {
        let address = match extra.address {
            HostAddress::Ip(ip) => Some(ip),
            HostAddress::HostGateway => input.host_gateway,
        };
        if let Some(ip) = address {
            line(&mut out, ip, [extra.name.as_str()]);
        }
    }
    let own_names = own_names(input);
    if input.own.is_empty() {
        // The host's file usually names the host already: a hostname it
        // has is not pointed elsewhere.
        if !(host_network && names_in(input.host_etc_hosts).any(|n| n == input.hostname)) {
            line(&mut out, HOSTNAME_LOOPBACK, own_names.iter().map(String::as_str));
        }
    }
    for ip in &input.own {
        line(&mut out, *ip, own_names.iter().map(String::as_str));
    }
    for (ip, names) in &input.peers {
        line(&mut out, *ip, names.iter().map(String::as_str));
    }
    if let Some(gateway) = input.host_gateway {
        // A name the user pointed somewhere with --add-host stays theirs.
        let free: Vec<&str> = HOST_NAMES.into_iter().filter(|n| !input.extra_hosts.iter().any(|e| e.name == *n)).collect();
        if !free.is_empty() {
            line(&mut out, gateway, free);
        }
    }
    out
}

/// The hostname, the short name of a dotted one (as Docker adds it), then
/// the other names, each once.
fn own_names(input: &HostsInput) -> Vec<String> {
    let mut names = vec![input.hostname.to_string()];
    if let Some((short, _)) = input.hostname.split_once('.') {
        names.push(short.to_string());
    }
    for n in &input.own_names {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names
}

fn line<'n>(out: &mut String, ip: IpAddr, names: impl IntoIterator<Item = &'n str>) {
    let names: Vec<&str> = names.into_iter().collect();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{ip}\t{}", names.join(" "));
}

/// Every name a hosts file gives, comments left out.
fn names_in(text: &str) -> impl Iterator<Item = &str> {
    text.lines().flat_map(|l| l.split('#').next().unwrap_or_default().split_whitespace().skip(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn input<'a>(mode: &'a NetworkMode, extra: &'a [ExtraHost]) -> HostsInput<'a> {
        HostsInput {
            hostname: "abc123def456",
            mode,
            own: vec![],
            own_names: vec![],
            host_gateway: None,
            extra_hosts: extra,
            peers: vec![],
            host_etc_hosts: "127.0.0.1 localhost\n127.0.1.1 buildhost\n",
        }
    }

    #[test]
    fn a_bridge_container_gets_dockers_file() {
        let mode = NetworkMode::Default;
        let extra = [ExtraHost::parse("db:10.0.0.5").unwrap(), ExtraHost::parse("v6:::1").unwrap()];
        let hosts = render_hosts(&HostsInput { own: vec![ip("10.88.0.2")], own_names: vec!["web".into()], ..input(&mode, &extra) });
        assert_eq!(
            hosts,
            "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\n\
             ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n10.0.0.5\tdb\n::1\tv6\n10.88.0.2\tabc123def456 web\n"
        );
    }

    #[test]
    fn without_an_address_the_hostname_points_at_loopback() {
        let mode = NetworkMode::None;
        let hosts = render_hosts(&HostsInput { hostname: "box.example.com", own_names: vec!["box".into(), "c1".into()], ..input(&mode, &[]) });
        assert!(hosts.starts_with(LOOPBACK_LINES), "{hosts}");
        assert!(hosts.ends_with("\n127.0.1.1\tbox.example.com box c1\n"), "the short name once, then the name: {hosts}");
    }

    #[test]
    fn host_network_keeps_the_hosts_file_and_adds_what_it_lacks() {
        let mode = NetworkMode::Host;
        let extra = [ExtraHost::parse("db:10.0.0.5").unwrap()];
        let same_name = render_hosts(&HostsInput { hostname: "buildhost", ..input(&mode, &extra) });
        assert_eq!(same_name, "127.0.0.1 localhost\n127.0.1.1 buildhost\n10.0.0.5\tdb\n");
        let own_name = render_hosts(&HostsInput { hostname: "custom", host_etc_hosts: "127.0.0.1 localhost", ..input(&mode, &[]) });
        assert_eq!(own_name, "127.0.0.1 localhost\n127.0.1.1\tcustom\n");
    }

    #[test]
    fn peers_and_the_host_gateway_follow_the_own_address() {
        let mode = NetworkMode::Networks(vec![]);
        let extra = [ExtraHost::parse("gw:host-gateway").unwrap()];
        let hosts = render_hosts(&HostsInput {
            own: vec![ip("10.89.0.2")],
            peers: vec![(ip("10.89.0.3"), vec!["api".into(), "api-alias".into(), "0123456789ab".into()])],
            host_gateway: Some(ip("10.89.0.1")),
            ..input(&mode, &extra)
        });
        let tail: Vec<&str> = hosts.lines().skip(6).collect();
        assert_eq!(
            tail,
            ["10.89.0.1\tgw", "10.89.0.2\tabc123def456", "10.89.0.3\tapi api-alias 0123456789ab", "10.89.0.1\thost.containers.internal host.docker.internal"]
        );
    }

    #[test]
    fn host_gateway_entries_wait_for_an_address_and_user_names_win() {
        let mode = NetworkMode::Default;
        let extra = [ExtraHost::parse("gw:host-gateway").unwrap(), ExtraHost::parse("host.docker.internal:1.2.3.4").unwrap()];
        let before = render_hosts(&input(&mode, &extra));
        assert!(!before.contains("gw") && !before.contains("host.containers.internal"), "{before}");
        assert!(before.contains("1.2.3.4\thost.docker.internal\n"));
        let after = render_hosts(&HostsInput { host_gateway: Some(ip("10.0.2.2")), ..input(&mode, &extra) });
        assert!(after.contains("10.0.2.2\tgw\n") && after.ends_with("10.0.2.2\thost.containers.internal\n"), "{after}");
    }
}
