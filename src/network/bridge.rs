//! Bridges and veth pairs: the rootful default network (`pontoon0`), every
//! user-defined network, and the rootless networks' shared namespace.
//!
//! Everything happens in a network namespace given as a descriptor: as
//! root the bridges live in the host's (`None`), rootless in the namespace
//! that pontoon keeps for its networks. A container joins a bridge through
//! a veth pair whose bridge end stays beside the bridge and whose other end
//! is created directly inside the container's namespace under its final
//! name (`eth0`), so two containers never race for a name.
//!
//! Costs: [`attach`] is two `ip -batch` processes (one per namespace),
//! [`ensure_bridge`] one `ip` query, at most one `ip -batch`, and one or
//! two firewall processes (see [`super::nat`]).

use std::net::IpAddr;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::Path;

use anyhow::{bail, Context, Result};
use ipnet::IpNet;

use super::link::{check_ifname, check_mac, delete_link, ip_batch, link_state, random_mac, write_sysctl, LinkState};
use super::nat;
use crate::store::lock::lock_exclusive;

/// One network's bridge, as the kernel needs it (the network record, not
/// this module, knows names, labels and leases).
#[derive(Clone, Debug, PartialEq)]
pub struct BridgeConfig {
    /// The bridge device: `pontoon0` for the default network.
    pub interface: String,
    /// The bridge's own addresses, the containers' gateways, with the
    /// prefix length of their subnet.
    pub gateways: Vec<(IpAddr, u8)>,
    /// The subnets masqueraded on their way out (unless `internal`).
    pub subnets: Vec<IpNet>,
    /// `network create --internal`: no NAT, nothing leaves the bridge.
    pub internal: bool,
    pub mtu: Option<u32>,
}

/// One container's connection to one bridge.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachRequest {
    pub bridge: String,
    /// The veth end beside the bridge: unique in the bridge's namespace,
    /// e.g. "veth" + 8 characters of the container id + the index.
    pub host_ifname: String,
    /// The end inside the container: eth0, eth1...
    pub container_ifname: String,
    pub address: IpAddr,
    pub prefix_len: u8,
    /// The network's gateway; `None` on an internal network.
    pub gateway: Option<IpAddr>,
    /// Route everything through `gateway`: the first network only.
    pub default_route: bool,
    /// More addresses on the same interface (a dual-stack network's IPv6
    /// one), each with its family's gateway for the default route.
    pub extra_addresses: Vec<(IpAddr, u8, Option<IpAddr>)>,
    /// `--mac-address`; a random local address otherwise.
    pub mac: Option<String>,
    pub mtu: Option<u32>,
}

/// What [`attach`] made, for the container's record and `inspect`.
#[derive(Clone, Debug, PartialEq)]
pub struct Attached {
    pub host_ifname: String,
    /// The container end's MAC: the one asked for, else the one we picked.
    pub mac: String,
}

/// Makes the bridge of `cfg` in `ns` if needed, with its gateway addresses,
/// up, forwarding on, and its NAT and isolation rules. Idempotent; `lock`
/// (one file for every bridge of the namespace) serialises concurrent
/// `run`s so that none fails on another's half-made bridge or rules.
pub fn ensure_bridge(ns: Option<BorrowedFd>, cfg: &BridgeConfig, lock: &Path) -> Result<()> {
    ensure_bridge_using(ns, cfg, lock, nat::choose(ns)?)
}

/// [`ensure_bridge`] with the firewall backend chosen by the caller.
pub fn ensure_bridge_using(ns: Option<BorrowedFd>, cfg: &BridgeConfig, lock: &Path, firewall: nat::Backend) -> Result<()> {
    check_ifname(&cfg.interface)?;
    let _guard = lock_exclusive(lock)?;
    let current = link_state(ns, &cfg.interface)?;
    let plan = plan_bridge(current.as_ref(), cfg, &random_mac())?;
    ip_batch(ns, &plan, None).with_context(|| format!("set up the network bridge {}", cfg.interface))?;
    write_sysctl(ns, "net/ipv4/ip_forward", "1")?;
    if cfg.subnets.iter().any(|s| matches!(s, IpNet::V6(_))) {
        write_sysctl(ns, "net/ipv6/conf/all/forwarding", "1")?;
    }
    nat::ensure(ns, cfg, firewall)
}

/// The `ip -batch` lines that take the link `current` (None: missing) to
/// the bridge `cfg` describes; `mac` is the address a new bridge gets
/// (set once, so that it does not change with the first port's).
fn plan_bridge(current: Option<&LinkState>, cfg: &BridgeConfig, mac: &str) -> Result<Vec<String>> {
    let br = &cfg.interface;
    let mut lines = Vec::new();
    let have: Vec<(IpAddr, u8)> = match current {
        None => {
            let mtu = cfg.mtu.map(|m| format!(" mtu {m}")).unwrap_or_default();
            lines.push(format!("link add name {br} address {mac}{mtu} type bridge"));
            Vec::new()
        }
        Some(state) if state.kind() != Some("bridge") => {
            bail!("the network interface {br} exists and is not a bridge: delete it (ip link del {br}) or give the network another bridge name")
        }
        Some(state) => {
            if let Some(mtu) = cfg.mtu.filter(|m| state.mtu != Some(*m)) {
                lines.push(format!("link set dev {br} mtu {mtu}"));
            }
            state.addr_info.iter().map(|a| (a.local, a.prefixlen)).collect()
        }
    };
    for (address, prefix) in cfg.gateways.iter().filter(|g| !have.contains(g)) {
        lines.push(address_line(*address, *prefix, br));
    }
    if !current.is_some_and(LinkState::is_up) {
        lines.push(format!("link set dev {br} up"));
    }
    Ok(lines)
}

/// An address usable at once: IPv6 skips duplicate address detection,
/// which would otherwise hold it back for a second or two ("network
/// unreachable" for a container's first connection).
fn address_line(address: IpAddr, prefix: u8, dev: &str) -> String {
    match address {
        IpAddr::V4(_) => format!("addr add {address}/{prefix} dev {dev}"),
        IpAddr::V6(_) => format!("addr add {address}/{prefix} dev {dev} nodad"),
    }
}

/// Connects the namespace `container_ns` to the bridge `req.bridge` in
/// `bridge_ns`: a veth pair, the container end renamed, addressed and up
/// (and the container's loopback), the default route when asked. The
/// container's command may connect as soon as this returns. On failure
/// nothing of the pair is left.
pub fn attach(bridge_ns: Option<BorrowedFd>, container_ns: BorrowedFd, req: &AttachRequest) -> Result<Attached> {
    check_ifname(&req.bridge)?;
    check_ifname(&req.host_ifname)?;
    check_ifname(&req.container_ifname)?;
    let mac = match &req.mac {
        Some(mac) => check_mac(mac).map(|()| mac.to_ascii_lowercase())?,
        None => random_mac(),
    };
    let create = vec![veth_line(req, &mac, container_ns.as_raw_fd())];
    let made = ip_batch(bridge_ns, &create, Some(container_ns));
    if let Err(first) = made {
        // A killed command can leave our own veth behind under this name
        // (it is the container's): remove it and try once more.
        if link_state(bridge_ns, &req.host_ifname)?.is_none() {
            return Err(first.context(format!("connect the container to the network bridge {}", req.bridge)));
        }
        delete_link(bridge_ns, &req.host_ifname)?;
        ip_batch(bridge_ns, &create, Some(container_ns)).with_context(|| format!("connect the container to the network bridge {}", req.bridge))?;
    }
    if let Err(e) = ip_batch(Some(container_ns), &container_lines(req), None) {
        let cleanup = delete_link(bridge_ns, &req.host_ifname);
        let e = e.context(format!("configure {} inside the container", req.container_ifname));
        return Err(match cleanup {
            Ok(()) => e,
            Err(c) => e.context(format!("and the veth {} could not be removed: {c:#}", req.host_ifname)),
        });
    }
    Ok(Attached { host_ifname: req.host_ifname.clone(), mac })
}

/// The one `ip link add` that makes both ends: the host end in the bridge
/// and up, the container end named, with its MAC, in `/proc/self/fd/N`.
fn veth_line(req: &AttachRequest, mac: &str, container_fd: i32) -> String {
    let mtu = req.mtu.map(|m| format!(" mtu {m}")).unwrap_or_default();
    format!(
        "link add name {host}{mtu} master {bridge} up type veth peer name {inner} address {mac}{mtu} netns /proc/self/fd/{container_fd}",
        host = req.host_ifname,
        bridge = req.bridge,
        inner = req.container_ifname,
    )
}

/// What is done inside the container's namespace, in one process.
fn container_lines(req: &AttachRequest) -> Vec<String> {
    let dev = &req.container_ifname;
    let mut lines = vec!["link set dev lo up".to_string(), format!("link set dev {dev} up")];
    let addresses = std::iter::once((req.address, req.prefix_len, req.gateway)).chain(req.extra_addresses.iter().copied());
    let mut routes = Vec::new();
    for (address, prefix, gateway) in addresses {
        lines.push(address_line(address, prefix, dev));
        if let Some(gateway) = gateway.filter(|_| req.default_route) {
            routes.push(format!("route add default via {gateway} dev {dev}"));
        }
    }
    lines.extend(routes);
    lines
}

/// Disconnects a container: deleting the bridge end deletes both ends.
/// A link already gone (container stopped, command killed) is fine.
pub fn detach(bridge_ns: Option<BorrowedFd>, host_ifname: &str) -> Result<()> {
    check_ifname(host_ifname)?;
    delete_link(bridge_ns, host_ifname)
}

/// Deletes the bridge of `cfg` and every NAT and filter rule made for it
/// (the shared tables and chains go with the last bridge). Idempotent;
/// `lock` is the one [`ensure_bridge`] takes.
pub fn remove_bridge(ns: Option<BorrowedFd>, cfg: &BridgeConfig, lock: &Path) -> Result<()> {
    check_ifname(&cfg.interface)?;
    let _guard = lock_exclusive(lock)?;
    if let Some(state) = link_state(ns, &cfg.interface)? {
        if state.kind() != Some("bridge") {
            bail!("the network interface {} is not a bridge pontoon made: it was left alone", cfg.interface);
        }
        delete_link(ns, &cfg.interface)?;
    }
    nat::remove(ns, cfg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::link::parse_link_state;

    fn cfg() -> BridgeConfig {
        BridgeConfig {
            interface: "pontoon1".into(),
            gateways: vec![("10.89.0.1".parse().unwrap(), 24), ("fd10::1".parse().unwrap(), 64)],
            subnets: vec!["10.89.0.0/24".parse().unwrap(), "fd10::/64".parse().unwrap()],
            internal: false,
            mtu: Some(1400),
        }
    }

    #[test]
    fn a_missing_bridge_is_made_addressed_and_up() {
        let plan = plan_bridge(None, &cfg(), "02:00:00:00:00:01").unwrap();
        assert_eq!(
            plan,
            [
                "link add name pontoon1 address 02:00:00:00:00:01 mtu 1400 type bridge",
                "addr add 10.89.0.1/24 dev pontoon1",
                "addr add fd10::1/64 dev pontoon1 nodad",
                "link set dev pontoon1 up",
            ]
        );
    }

    #[test]
    fn a_complete_bridge_needs_nothing() {
        let state = parse_link_state(
            r#"[{"ifname":"pontoon1","flags":["UP"],"mtu":1400,"linkinfo":{"info_kind":"bridge"},
                "addr_info":[{"local":"10.89.0.1","prefixlen":24},{"local":"fd10::1","prefixlen":64},{"local":"fe80::1","prefixlen":64}]}]"#,
        )
        .unwrap();
        assert!(plan_bridge(state.as_ref(), &cfg(), "02:00:00:00:00:01").unwrap().is_empty());
    }

    #[test]
    fn a_half_made_bridge_gets_what_it_lacks() {
        let state = parse_link_state(
            r#"[{"ifname":"pontoon1","flags":[],"mtu":1500,"linkinfo":{"info_kind":"bridge"},"addr_info":[{"local":"10.89.0.1","prefixlen":24}]}]"#,
        )
        .unwrap();
        let plan = plan_bridge(state.as_ref(), &cfg(), "02:00:00:00:00:01").unwrap();
        assert_eq!(plan, ["link set dev pontoon1 mtu 1400", "addr add fd10::1/64 dev pontoon1 nodad", "link set dev pontoon1 up"]);
    }

    #[test]
    fn a_link_of_another_kind_is_never_taken_over() {
        let state = parse_link_state(r#"[{"ifname":"pontoon1","flags":["UP"],"linkinfo":{"info_kind":"veth"},"addr_info":[]}]"#).unwrap();
        let err = plan_bridge(state.as_ref(), &cfg(), "02:00:00:00:00:01").unwrap_err().to_string();
        assert!(err.contains("exists and is not a bridge") && err.contains("ip link del pontoon1"), "{err}");
    }

    fn request() -> AttachRequest {
        AttachRequest {
            bridge: "pontoon1".into(),
            host_ifname: "veth0123abcd0".into(),
            container_ifname: "eth0".into(),
            address: "10.89.0.5".parse().unwrap(),
            prefix_len: 24,
            gateway: Some("10.89.0.1".parse().unwrap()),
            default_route: true,
            extra_addresses: vec![],
            mac: None,
            mtu: Some(1400),
        }
    }

    #[test]
    fn the_veth_is_made_in_one_command_across_both_namespaces() {
        assert_eq!(
            veth_line(&request(), "02:00:00:00:00:07", 9),
            "link add name veth0123abcd0 mtu 1400 master pontoon1 up type veth peer name eth0 address 02:00:00:00:00:07 mtu 1400 netns /proc/self/fd/9"
        );
    }

    #[test]
    fn the_container_end_gets_loopback_address_and_default_route() {
        assert_eq!(
            container_lines(&request()),
            ["link set dev lo up", "link set dev eth0 up", "addr add 10.89.0.5/24 dev eth0", "route add default via 10.89.0.1 dev eth0"]
        );
    }

    #[test]
    fn only_the_first_network_routes_by_default_and_internal_ones_never() {
        let second = AttachRequest { default_route: false, container_ifname: "eth1".into(), ..request() };
        assert!(!container_lines(&second).iter().any(|l| l.starts_with("route")));
        let internal = AttachRequest { gateway: None, ..request() };
        assert!(!container_lines(&internal).iter().any(|l| l.starts_with("route")));
    }

    #[test]
    fn a_dual_stack_container_gets_both_addresses_before_both_routes() {
        let dual = AttachRequest { extra_addresses: vec![("fd10::5".parse().unwrap(), 64, Some("fd10::1".parse().unwrap()))], ..request() };
        assert_eq!(
            container_lines(&dual),
            [
                "link set dev lo up",
                "link set dev eth0 up",
                "addr add 10.89.0.5/24 dev eth0",
                "addr add fd10::5/64 dev eth0 nodad",
                "route add default via 10.89.0.1 dev eth0",
                "route add default via fd10::1 dev eth0",
            ]
        );
    }
}

#[cfg(test)]
#[path = "bridge_tests.rs"]
mod kernel_tests;
