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
//! Costs: [`attach`] is a handful of netlink requests on two sockets (one
//! per namespace) and no process; [`ensure_bridge`] a few requests and
//! one or two firewall processes (see [`super::nat`]); [`detach`] one
//! request.

use std::net::IpAddr;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::Path;

use anyhow::{bail, Context, Result};
use ipnet::IpNet;

use super::link::{check_ifname, check_mac, delete_link, link_state_on, random_mac, write_sysctl, LinkState};
use super::nat;
use super::netlink::message::Veth;
use super::netlink::{mac_bytes, Netlink};
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
    let mut nl = Netlink::open(ns)?;
    let current = link_state_on(&mut nl, &cfg.interface)?;
    let plan = plan_bridge(current.as_ref(), cfg, &random_mac())?;
    apply_bridge_plan(&mut nl, &cfg.interface, current.map(|c| c.index), &plan).with_context(|| format!("set up the network bridge {}", cfg.interface))?;
    write_sysctl(ns, "net/ipv4/ip_forward", "1")?;
    if cfg.subnets.iter().any(|s| matches!(s, IpNet::V6(_))) {
        write_sysctl(ns, "net/ipv6/conf/all/forwarding", "1")?;
    }
    nat::ensure(ns, cfg, firewall)
}

/// One change that a bridge needs.
#[derive(Clone, Debug, PartialEq)]
enum BridgeStep {
    /// Create it, with this MAC (set once, so that it does not change with
    /// the first port's) and MTU.
    Create { mac: String, mtu: Option<u32> },
    SetMtu(u32),
    AddAddress(IpAddr, u8),
    Up,
}

/// The changes that take the link `current` (None: missing) to the bridge
/// `cfg` describes; `mac` is the address a new bridge gets.
fn plan_bridge(current: Option<&LinkState>, cfg: &BridgeConfig, mac: &str) -> Result<Vec<BridgeStep>> {
    let br = &cfg.interface;
    let mut steps = Vec::new();
    let have: &[(IpAddr, u8)] = match current {
        None => {
            steps.push(BridgeStep::Create { mac: mac.to_string(), mtu: cfg.mtu });
            &[]
        }
        Some(state) if state.kind() != Some("bridge") => {
            bail!("the network interface {br} exists and is not a bridge: delete it (ip link del {br}) or give the network another bridge name")
        }
        Some(state) => {
            if let Some(mtu) = cfg.mtu.filter(|m| state.mtu != Some(*m)) {
                steps.push(BridgeStep::SetMtu(mtu));
            }
            &state.addresses
        }
    };
    for (address, prefix) in cfg.gateways.iter().filter(|g| !have.contains(g)) {
        steps.push(BridgeStep::AddAddress(*address, *prefix));
    }
    if !current.is_some_and(LinkState::is_up) {
        steps.push(BridgeStep::Up);
    }
    Ok(steps)
}

/// Carries out `plan` on the bridge `name` (whose index is `index` when it
/// exists already).
fn apply_bridge_plan(nl: &mut Netlink, name: &str, mut index: Option<u32>, plan: &[BridgeStep]) -> Result<()> {
    for step in plan {
        if let BridgeStep::Create { mac, mtu } = step {
            nl.add_bridge(name, mac_bytes(mac)?, *mtu)?;
            let made = nl.link(name)?.with_context(|| format!("the bridge {name} vanished right after it was made in {}", nl.namespace()))?;
            index = Some(made.index);
            continue;
        }
        let index = index.with_context(|| format!("the bridge {name} does not exist"))?;
        match step {
            BridgeStep::Create { .. } => {}
            BridgeStep::SetMtu(mtu) => nl.set_link(name, index, false, Some(*mtu))?,
            BridgeStep::AddAddress(address, prefix) => nl.add_address(name, index, *address, *prefix)?,
            BridgeStep::Up => nl.set_link(name, index, true, None)?,
        }
    }
    Ok(())
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
    let mut host = Netlink::open(bridge_ns)?;
    let connect = || format!("connect the container to the network bridge {}", req.bridge);
    let bridge = host.link(&req.bridge).with_context(connect)?.with_context(|| format!("{}: no bridge {} in {}", connect(), req.bridge, host.namespace()))?;
    let veth = Veth {
        name: &req.host_ifname,
        master_index: bridge.index,
        mtu: req.mtu,
        peer_name: &req.container_ifname,
        peer_mac: mac_bytes(&mac)?,
        peer_ns_fd: container_ns.as_raw_fd(),
    };
    if let Err(first) = host.add_veth(&veth) {
        // Our own veth can still be there under this name (it is the
        // container's): a killed command's, or the previous run's, whose
        // namespace the kernel is still dismantling (see [`retire`]).
        // Remove it, if the kernel has not just done so, and try again.
        // Any other failure would only fail again: it is the one to tell.
        if !name_taken(&first) {
            return Err(first.context(connect()));
        }
        let again = host.delete_link(&req.host_ifname).and_then(|_| host.add_veth(&veth));
        again.map_err(|e| e.context(format!("{}: {first:#}, and after removing the old {}", connect(), req.host_ifname)))?;
    }
    if let Err(e) = configure_container_end(container_ns, req) {
        let cleanup = host.delete_link(&req.host_ifname);
        let e = e.context(format!("configure {} inside the container", req.container_ifname));
        return Err(match cleanup {
            Ok(_) => e,
            Err(c) => e.context(format!("and the veth {} could not be removed: {c:#}", req.host_ifname)),
        });
    }
    Ok(Attached { host_ifname: req.host_ifname.clone(), mac })
}

/// Whether a request failed because the name is taken (EEXIST), from
/// network::netlink's wording of that errno, the one it gives callers.
fn name_taken(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.to_string().contains(": it already exists"))
}

/// Inside the container's namespace: loopback and the container end up,
/// its addresses, then the default routes (a route needs its gateway's
/// subnet on the link first).
fn configure_container_end(container_ns: BorrowedFd, req: &AttachRequest) -> Result<()> {
    let mut nl = Netlink::open(Some(container_ns))?;
    let dev = &req.container_ifname;
    // The container end's index, learnt when it is set up (the first
    // steps), for the address and route requests.
    let mut dev_index = None;
    for step in container_steps(req) {
        match step {
            ContainerStep::Up(name) => {
                let link = nl.link(&name)?.with_context(|| format!("no network interface {name} in {}", nl.namespace()))?;
                if !link.up {
                    nl.set_link(&name, link.index, true, None)?;
                }
                if &name == dev {
                    dev_index = Some(link.index);
                }
            }
            ContainerStep::AddAddress(address, prefix) => nl.add_address(dev, known_index(dev_index, dev)?, address, prefix)?,
            ContainerStep::DefaultRoute(gateway) => nl.add_default_route(dev, known_index(dev_index, dev)?, gateway)?,
        }
    }
    Ok(())
}

fn known_index(index: Option<u32>, dev: &str) -> Result<u32> {
    index.with_context(|| format!("{dev} was not set up before its addresses"))
}

/// One change inside the container's namespace.
#[derive(Clone, Debug, PartialEq)]
enum ContainerStep {
    Up(String),
    AddAddress(IpAddr, u8),
    DefaultRoute(IpAddr),
}

/// What is done inside the container's namespace, in order.
fn container_steps(req: &AttachRequest) -> Vec<ContainerStep> {
    let mut steps = vec![ContainerStep::Up("lo".into()), ContainerStep::Up(req.container_ifname.clone())];
    let addresses = std::iter::once((req.address, req.prefix_len, req.gateway)).chain(req.extra_addresses.iter().copied());
    let mut routes = Vec::new();
    for (address, prefix, gateway) in addresses {
        steps.push(ContainerStep::AddAddress(address, prefix));
        if let Some(gateway) = gateway.filter(|_| req.default_route) {
            routes.push(ContainerStep::DefaultRoute(gateway));
        }
    }
    steps.extend(routes);
    steps
}

/// Takes a container off the bridge for good, when its namespace is about
/// to be closed (the container stopped): the bridge end goes down, which
/// the kernel does at once, so that the bridge neither forwards to nor
/// hears from the old container end, and its address may be leased again
/// straight away. Both ends are deleted by the kernel when the namespace
/// goes, in the background: deleting the link here would cost ~10-30 ms
/// of waiting for RCU callbacks (`rcu_barrier` in the kernel's
/// `netdev_run_todo`) on every container's removal. A link already gone
/// is fine. If something else still holds the namespace (a container that
/// joined it with `--network container:`), it keeps an end without
/// carrier, as good as no network, until it goes too; the next [`attach`]
/// under the same name deletes a leftover.
pub fn retire(bridge_ns: Option<BorrowedFd>, host_ifname: &str) -> Result<()> {
    check_ifname(host_ifname)?;
    Netlink::open(bridge_ns)?.set_down(host_ifname).map(drop)
}

/// Disconnects a container whose namespace stays (`network disconnect`,
/// a failed attach): deleting the bridge end deletes both ends. A link
/// already gone (container stopped, command killed) is fine.
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
    let mut nl = Netlink::open(ns)?;
    if let Some(link) = nl.link(&cfg.interface)? {
        if link.kind.as_deref() != Some("bridge") {
            bail!("the network interface {} is not a bridge pontoon made: it was left alone", cfg.interface);
        }
        nl.delete_link(&cfg.interface)?;
    }
    nat::remove(ns, cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> BridgeConfig {
        BridgeConfig {
            interface: "pontoon1".into(),
            gateways: vec![("10.89.0.1".parse().unwrap(), 24), ("fd10::1".parse().unwrap(), 64)],
            subnets: vec!["10.89.0.0/24".parse().unwrap(), "fd10::/64".parse().unwrap()],
            internal: false,
            mtu: Some(1400),
        }
    }

    fn state(up: bool, mtu: u32, kind: &str, addresses: &[(&str, u8)]) -> LinkState {
        LinkState {
            index: 4,
            ifname: "pontoon1".into(),
            up,
            mtu: Some(mtu),
            kind: Some(kind.into()),
            addresses: addresses.iter().map(|(a, p)| (a.parse().unwrap(), *p)).collect(),
        }
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_missing_bridge_is_made_addressed_and_up() {
        let plan = plan_bridge(None, &cfg(), "02:00:00:00:00:01").unwrap();
        assert_eq!(
            plan,
            [
                BridgeStep::Create { mac: "02:00:00:00:00:01".into(), mtu: Some(1400) },
                BridgeStep::AddAddress(ip("10.89.0.1"), 24),
                BridgeStep::AddAddress(ip("fd10::1"), 64),
                BridgeStep::Up,
            ]
        );
    }

    #[test]
    fn a_complete_bridge_needs_nothing() {
        let current = state(true, 1400, "bridge", &[("10.89.0.1", 24), ("fd10::1", 64), ("fe80::1", 64)]);
        assert!(plan_bridge(Some(&current), &cfg(), "02:00:00:00:00:01").unwrap().is_empty());
    }

    #[test]
    fn a_half_made_bridge_gets_what_it_lacks() {
        let current = state(false, 1500, "bridge", &[("10.89.0.1", 24)]);
        let plan = plan_bridge(Some(&current), &cfg(), "02:00:00:00:00:01").unwrap();
        assert_eq!(plan, [BridgeStep::SetMtu(1400), BridgeStep::AddAddress(ip("fd10::1"), 64), BridgeStep::Up]);
    }

    #[test]
    fn a_link_of_another_kind_is_never_taken_over() {
        let current = state(true, 1500, "veth", &[]);
        let err = plan_bridge(Some(&current), &cfg(), "02:00:00:00:00:01").unwrap_err().to_string();
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

    fn up(name: &str) -> ContainerStep {
        ContainerStep::Up(name.into())
    }

    #[test]
    fn the_container_end_gets_loopback_address_and_default_route() {
        assert_eq!(
            container_steps(&request()),
            [up("lo"), up("eth0"), ContainerStep::AddAddress(ip("10.89.0.5"), 24), ContainerStep::DefaultRoute(ip("10.89.0.1"))]
        );
    }

    #[test]
    fn only_the_first_network_routes_by_default_and_internal_ones_never() {
        let second = AttachRequest { default_route: false, container_ifname: "eth1".into(), ..request() };
        assert!(!container_steps(&second).iter().any(|s| matches!(s, ContainerStep::DefaultRoute(_))));
        let internal = AttachRequest { gateway: None, ..request() };
        assert!(!container_steps(&internal).iter().any(|s| matches!(s, ContainerStep::DefaultRoute(_))));
    }

    #[test]
    fn a_dual_stack_container_gets_both_addresses_before_both_routes() {
        let dual = AttachRequest { extra_addresses: vec![("fd10::5".parse().unwrap(), 64, Some("fd10::1".parse().unwrap()))], ..request() };
        assert_eq!(
            container_steps(&dual),
            [
                up("lo"),
                up("eth0"),
                ContainerStep::AddAddress(ip("10.89.0.5"), 24),
                ContainerStep::AddAddress(ip("fd10::5"), 64),
                ContainerStep::DefaultRoute(ip("10.89.0.1")),
                ContainerStep::DefaultRoute(ip("fd10::1")),
            ]
        );
    }
}

#[cfg(test)]
#[path = "bridge_tests.rs"]
mod kernel_tests;
