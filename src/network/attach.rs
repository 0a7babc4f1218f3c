//! Attaching a container's namespace to the bridges of its networks: an
//! address leased per network (network::ipam), the network's bridge made
//! when missing, and a veth pair from the bridge into the container
//! (network::bridge). As root the bridges live in the host's namespace;
//! rootless in the rootless network namespace (network::rootless_netns),
//! which the container joins as a user for as long as it is attached.

use std::net::IpAddr;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use anyhow::{Context, Result};

use super::bridge::{self, AttachRequest, BridgeConfig};
use super::{ipam, rootless_netns};
use crate::spec::network::{Endpoint, NetworkAttachment, NetworkMode, DEFAULT_NETWORK};
use crate::store::containers::ContainerRecord;
use crate::store::networks::NetworkRecord;
use crate::store::Store;

/// The bridge of a network, or its NAT and isolation rules, could not be
/// made: the context of such an error, for callers that fall back
/// (network::setup, for the rootless default network).
#[derive(Debug)]
pub struct BridgeSetupFailed {
    pub interface: String,
}

impl std::fmt::Display for BridgeSetupFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "set up the bridge {} and its rules", self.interface)
    }
}

impl std::error::Error for BridgeSetupFailed {}

pub struct Attached {
    pub endpoints: Vec<Endpoint>,
    pub host_gateway: Option<IpAddr>,
}

/// The networks a container's mode puts it on (network::setup attaches a
/// rootless default-network container only when pasta carries `bridge`).
pub fn wanted(_store: &Store, mode: &NetworkMode) -> Vec<NetworkAttachment> {
    match mode {
        NetworkMode::Default => vec![NetworkAttachment::named(DEFAULT_NETWORK)],
        NetworkMode::Networks(list) => list.clone(),
        _ => Vec::new(),
    }
}

/// Attaches `ns` (the container's namespace) to every network of
/// `record`; on error nothing of it is left attached or leased.
/// Called by the container's monitor.
pub fn attach_all(store: &Store, record: &ContainerRecord, ns: &OwnedFd) -> Result<Attached> {
    let wanted = wanted(store, &record.spec.network);
    let shared = match store.paths.rootless && !wanted.is_empty() {
        true => Some(rootless_netns::acquire(&store.paths.runroot, &record.id, std::process::id() as i32)?),
        false => None,
    };
    let mut endpoints = Vec::new();
    for (index, attachment) in wanted.iter().enumerate() {
        match attach_one(store, record, shared.as_ref(), ns.as_fd(), attachment, index) {
            Ok(e) => endpoints.push(e),
            Err(e) => {
                detach_all(store, record, &endpoints);
                return Err(e);
            }
        }
    }
    let host_gateway = match &shared {
        Some(s) => s.gateway,
        None => endpoints.first().and_then(|e| e.gateway),
    };
    Ok(Attached { endpoints, host_gateway })
}

/// Attaches a running container (whose monitor is `monitor_pid`) to one
/// more network (`network connect`).
pub fn attach_more(store: &Store, record: &ContainerRecord, monitor_pid: i32, ns: &OwnedFd, attachment: &NetworkAttachment, index: usize) -> Result<Endpoint> {
    let shared = match store.paths.rootless {
        true => Some(rootless_netns::acquire(&store.paths.runroot, &record.id, monitor_pid)?),
        false => None,
    };
    attach_one(store, record, shared.as_ref(), ns.as_fd(), attachment, index)
}

/// Attaches `ns` to one network, whose bridge is in `shared` (rootless)
/// or in our own namespace (root).
fn attach_one(store: &Store, record: &ContainerRecord, shared: Option<&rootless_netns::RootlessNetns>, ns: BorrowedFd, attachment: &NetworkAttachment, index: usize) -> Result<Endpoint> {
    let bridge_ns = shared.map(|s| s.netns.as_fd());
    let generation = shared.map(|s| s.generation.as_deref().unwrap_or(UNKNOWN_GENERATION));
    let net = store.networks.find(&attachment.network)?;
    let runroot = &store.paths.runroot;
    let addresses = ipam::allocate_all(runroot, &net, &record.id, attachment.ip.as_slice())?;
    let attached = (|| {
        ensure_bridge_once(runroot, bridge_ns, generation, &bridge_config(&net))?;
        let req = attach_request(&net, record, attachment, &addresses, index)?;
        let done = bridge::attach(bridge_ns, ns, &req)?;
        Ok::<_, anyhow::Error>((req, done))
    })();
    let (req, done) = match attached {
        Ok(ok) => ok,
        Err(e) => {
            let _ = ipam::release(runroot, &net.id, &record.id);
            return Err(e.context(format!("attach container {} to network {}", record.name, net.name)));
        }
    };
    let mut names = vec![record.name.clone(), record.id.chars().take(12).collect()];
    names.extend(attachment.aliases.iter().filter(|a| !names.contains(a)).cloned().collect::<Vec<_>>());
    Ok(Endpoint {
        network: net.name.clone(),
        interface: req.container_ifname,
        host_interface: Some(done.host_ifname),
        address: Some(req.address),
        prefix_len: req.prefix_len,
        gateway: req.gateway,
        mac: Some(done.mac),
        names,
    })
}

fn attach_request(net: &NetworkRecord, record: &ContainerRecord, attachment: &NetworkAttachment, addresses: &[IpAddr], index: usize) -> Result<AttachRequest> {
    let first = addresses.first().context("the network gave no address")?;
    let subnet_of = |ip: &IpAddr| net.subnets.iter().find(|s| s.subnet.contains(ip));
    let main = subnet_of(first).context("the leased address is in none of the network's subnets")?;
    let gateway = (!net.internal).then_some(main.gateway);
    let extra_addresses = addresses[1..]
        .iter()
        .filter_map(|ip| subnet_of(ip).map(|s| (*ip, s.subnet.prefix_len(), (!net.internal).then_some(s.gateway))))
        .collect();
    Ok(AttachRequest {
        bridge: net.interface.clone(),
        host_ifname: host_ifname(&record.id, index),
        container_ifname: format!("eth{index}"),
        address: *first,
        prefix_len: main.subnet.prefix_len(),
        gateway,
        // The first network routes the container's traffic, as in Docker.
        default_route: index == 0 && !net.internal,
        extra_addresses,
        mac: attachment.mac.clone(),
        mtu: mtu(net),
    })
}

/// Makes the bridge and its rules unless this very bridge (same
/// namespace, same interface index) was made before: checking it costs a
/// handful of `ip`/`nft` processes, which every container start would pay.
/// `generation` tells a rootless namespace from the ones before it (see
/// [`bridge_identity`]); None for our own namespace (root).
fn ensure_bridge_once(runroot: &std::path::Path, ns: Option<BorrowedFd>, generation: Option<&str>, cfg: &BridgeConfig) -> Result<()> {
    let marker = runroot.join("bridges").join(&cfg.interface);
    let identity = bridge_identity(ns, generation, &cfg.interface);
    if same_bridge(std::fs::read_to_string(&marker).ok().as_deref(), identity.as_deref()) {
        return Ok(());
    }
    // Half-made rules must not be taken for made ones by the next start.
    let _ = std::fs::remove_file(&marker);
    bridge::ensure_bridge(ns, cfg, &runroot.join("bridges.lock")).with_context(|| BridgeSetupFailed { interface: cfg.interface.clone() })?;
    if let Some(id) = bridge_identity(ns, generation, &cfg.interface) {
        std::fs::create_dir_all(runroot.join("bridges")).context("create the bridges directory")?;
        crate::store::atomic::write_atomic(&marker, id.as_bytes())?;
    }
    Ok(())
}

/// The generation of a rootless namespace made before generations were
/// recorded: never the same bridge as any marker (see [`same_bridge`]).
const UNKNOWN_GENERATION: &str = "-";

/// Whether the bridge that `marker` (a marker file's text) describes is
/// the one that `current` identifies: then its rules were made.
fn same_bridge(marker: Option<&str>, current: Option<&str>) -> bool {
    match (marker, current) {
        (Some(marker), Some(current)) => marker == current && !current.split_whitespace().any(|w| w == UNKNOWN_GENERATION),
        _ => false,
    }
}

/// "[GENERATION ]NETNS-INODE IFINDEX" of interface `name` in `ns` (the
/// caller's when None), None when it does not exist. A namespace's inode
/// and a bridge's index are reused by the next rootless namespace (nsfs
/// inodes are recycled, and a fresh namespace numbers its interfaces
/// alike): the generation of the namespace tells them apart.
fn bridge_identity(ns: Option<BorrowedFd>, generation: Option<&str>, name: &str) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let inode = match ns {
        Some(fd) => nix::sys::stat::fstat(std::os::fd::AsRawFd::as_raw_fd(&fd)).ok()?.st_ino,
        None => std::fs::metadata("/proc/thread-self/ns/net").ok()?.ino(),
    };
    let name = name.to_string();
    let index = match ns {
        Some(fd) => super::netns::run_in(&fd.try_clone_to_owned().ok()?, move || Ok(nix::net::if_::if_nametoindex(name.as_str())?)).ok()?,
        None => nix::net::if_::if_nametoindex(name.as_str()).ok()?,
    };
    Some(identity_text(generation, inode, index))
}

fn identity_text(generation: Option<&str>, inode: u64, index: u32) -> String {
    match generation {
        Some(g) => format!("{g} {inode} {index}"),
        None => format!("{inode} {index}"),
    }
}

/// The host end's name: unique per container and network, at most 15
/// bytes (IFNAMSIZ).
fn host_ifname(id: &str, index: usize) -> String {
    format!("pt{}{index}", &id[..id.len().min(10)])
}

fn mtu(net: &NetworkRecord) -> Option<u32> {
    net.options.get("mtu").and_then(|m| m.parse().ok())
}

/// A network record as the bridge code needs it.
pub fn bridge_config(net: &NetworkRecord) -> BridgeConfig {
    BridgeConfig {
        interface: net.interface.clone(),
        gateways: net.subnets.iter().map(|s| (s.gateway, s.subnet.prefix_len())).collect(),
        subnets: net.subnets.iter().map(|s| s.subnet).collect(),
        internal: net.internal,
        mtu: mtu(net),
    }
}

/// Detaches `endpoints` of `record` and releases its leases and its use
/// of the rootless namespace. Errors are reported, not returned: this runs
/// when the container is going away anyway. The caller closes the
/// container's namespace right after, so the veths are retired, not
/// deleted (see [`bridge::retire`]: the kernel deletes them with the
/// namespace, and the leases are safe to give out again at once).
pub fn detach_all(store: &Store, record: &ContainerRecord, endpoints: &[Endpoint]) {
    let shared = if store.paths.rootless { rootless_netns::current(&store.paths.runroot) } else { None };
    for e in endpoints {
        if let Some(host) = &e.host_interface {
            if let Err(err) = bridge::retire(shared.as_ref().map(|s| s.as_fd()), host) {
                eprintln!("detach {} from network {}: {}", record.name, e.network, crate::errors::one_line(&err));
            }
        }
    }
    forget(store, record);
}

/// Detaches one endpoint of a running container (`network disconnect`).
pub fn detach_one(store: &Store, record: &ContainerRecord, endpoint: &Endpoint) -> Result<()> {
    let shared = if store.paths.rootless { rootless_netns::current(&store.paths.runroot) } else { None };
    if let Some(host) = &endpoint.host_interface {
        bridge::detach(shared.as_ref().map(|s| s.as_fd()), host)?;
    }
    let net = store.networks.find(&endpoint.network)?;
    ipam::release(&store.paths.runroot, &net.id, &record.id)
}

/// Drops what `record` held of shared network state: its leases, and its
/// use of the rootless namespace (also from outside a monitor that died).
pub fn forget(store: &Store, record: &ContainerRecord) {
    if let Err(e) = ipam::release_everywhere(&store.paths.runroot, &record.id) {
        eprintln!("{}", crate::errors::one_line(&e));
    }
    if store.paths.rootless {
        rootless_netns::release(&store.paths.runroot, &record.id);
    }
}

/// Removes a network's bridge and its NAT rules (`network rm`, `prune`),
/// when they were ever made (its marker, see [`ensure_bridge_once`]) or
/// its bridge exists: a network no container ever used has neither.
pub fn remove_network(store: &Store, net: &NetworkRecord) -> Result<()> {
    let lock = store.paths.runroot.join("bridges.lock");
    let marker = store.paths.runroot.join("bridges").join(&net.interface);
    let ns = match store.paths.rootless {
        // Without users the rootless namespace, and its bridges, are gone.
        true => match rootless_netns::current(&store.paths.runroot) {
            Some(ns) => Some(ns),
            None => return Ok(()),
        },
        false => None,
    };
    let made = marker.exists() || bridge_identity(ns.as_ref().map(|n| n.as_fd()), None, &net.interface).is_some();
    if made {
        bridge::remove_bridge(ns.as_ref().map(|n| n.as_fd()), &bridge_config(net), &lock)?;
    }
    let _ = std::fs::remove_file(marker);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bridge_is_the_one_its_marker_names_only_in_the_same_namespace_generation() {
        let made = identity_text(Some("1f2e3d4c5b6a7988"), 4026532290, 3);
        assert!(same_bridge(Some(&made), Some(&made)));
        // The next namespace reuses the nsfs inode and numbers its bridge
        // alike: only its generation differs, and its rules are not made.
        let next = identity_text(Some("0a1b2c3d4e5f6071"), 4026532290, 3);
        assert!(!same_bridge(Some(&made), Some(&next)));
        // A marker of the namespace from before generations were recorded.
        assert!(!same_bridge(Some(&identity_text(None, 4026532290, 3)), Some(&next)));
        // A namespace that records none is never taken as made.
        let unknown = identity_text(Some(UNKNOWN_GENERATION), 4026532290, 3);
        assert!(!same_bridge(Some(&unknown), Some(&unknown)));
    }

    #[test]
    fn a_bridge_without_marker_or_interface_is_not_made() {
        let made = identity_text(None, 4026531840, 7);
        assert!(same_bridge(Some(&made), Some(&made)), "root: the host's namespace and the index");
        assert!(!same_bridge(None, Some(&made)));
        assert!(!same_bridge(Some(&made), None));
        assert!(!same_bridge(Some(&made), Some(&identity_text(None, 4026531840, 8))), "a bridge made again has a new index");
    }
}
