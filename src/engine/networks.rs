//! Network operations: create (every check before anything is written),
//! remove (never while a container uses the network, unless `-f` removes
//! those containers first, as Podman does), prune, inspect's shape, `ls`
//! filters, connect and disconnect; and a container's side of them:
//! [`prepare`] checks at create that its networks exist and that its
//! `--ip` and aliases fit them.
//!
//! "Uses" means the container's record names the network, whatever its
//! state: a stopped container comes back on the networks it had. Changes
//! to the set of networks, and "who uses it" checks, hold the networks
//! lock; a container's create holds it shared while it checks and records.

use std::collections::BTreeMap;
use std::net::IpAddr;

use anyhow::{bail, Context, Result};
use chrono::Utc;
use ipnet::IpNet;
use serde_json::{json, Map, Value};

use crate::errors::PontoonError;
use crate::network::ipam;
use crate::spec::container::ContainerSpec;
use crate::spec::network::{check_network_name, NetworkAttachment, NetworkMode, DEFAULT_NETWORK};
use crate::store::containers::Container;
use crate::store::lock::LockGuard;
use crate::store::networks::{first_host, overlaps, NetworkRecord, SubnetConfig};
use crate::store::Store;

/// Names that `--network` reads as a mode, so a network of that name could
/// never be used.
const RESERVED_NAMES: &[&str] = &["host", "none", "default", "private", "podman", "pasta", "slirp4netns", "container", "ns"];

/// What `network create` asks for, parsed but not yet checked.
#[derive(Debug, Default)]
pub struct CreateRequest {
    pub name: String,
    pub driver: String,
    pub subnets: Vec<IpNet>,
    pub gateways: Vec<IpAddr>,
    pub ip_ranges: Vec<IpNet>,
    pub internal: bool,
    pub ipv6: bool,
    pub disable_dns: bool,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    /// `--interface-name`: the bridge's name (default: the next free pontoonN).
    pub interface: Option<String>,
}

/// `network create`: checks everything, then writes the record. Nothing
/// is made on the host here: the bridge appears when a container first
/// needs it.
pub fn create(store: &Store, request: CreateRequest) -> Result<NetworkRecord> {
    check_network_name(&request.name)?;
    if RESERVED_NAMES.contains(&request.name.as_str()) {
        bail!("network name {:?} is reserved for --network {}: choose another name", request.name, request.name);
    }
    if request.driver != "bridge" {
        bail!("unknown network driver {:?}: only bridge is supported (-d bridge, the default)", request.driver);
    }
    let options = check_options(&request.options)?;
    let mut subnets = explicit_subnets(&request)?;
    // Made first, outside the lock, so that its automatic subnet never
    // races with this one.
    store.networks.default_network()?;
    let lock = store.networks.lock()?;
    let existing = store.networks.list()?;
    if existing.iter().any(|n| n.name == request.name) {
        bail!("network name {} is already in use: choose another name, or remove that network first (pontoon network rm {})", request.name, request.name);
    }
    for s in &subnets {
        let clash = existing.iter().find_map(|n| n.subnets.iter().find(|o| overlaps(&s.subnet, &o.subnet)).map(|o| (n, o)));
        if let Some((other, theirs)) = clash {
            bail!("subnet {} overlaps network {}'s subnet {}: choose another --subnet", s.subnet, other.name, theirs.subnet);
        }
    }
    if let Some(name) = &request.interface {
        check_interface_name(name)?;
        if let Some(other) = existing.iter().find(|n| &n.interface == name) {
            bail!("--interface-name {name}: network {} has that bridge already: choose another name", other.name);
        }
        if nix::net::if_::if_nametoindex(name.as_str()).is_ok() {
            bail!("--interface-name {name}: a link of that name exists already: choose a name no interface has");
        }
    }
    let taken = store.networks.taken_subnets(&existing)?;
    if !subnets.iter().any(|s| s.subnet.addr().is_ipv4()) {
        let subnet = store.networks.free_ipv4_subnet(&taken)?;
        subnets.insert(0, SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None });
    }
    let ipv6 = request.ipv6 || subnets.iter().any(|s| s.subnet.addr().is_ipv6());
    if ipv6 && !subnets.iter().any(|s| s.subnet.addr().is_ipv6()) {
        let subnet = store.networks.free_ipv6_subnet(&taken)?;
        subnets.push(SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None });
    }
    let record = NetworkRecord {
        id: crate::store::containers::new_id(),
        name: request.name,
        driver: request.driver,
        interface: request.interface.clone().unwrap_or_else(|| store.networks.free_interface(&existing)),
        subnets,
        ipv6,
        internal: request.internal,
        dns_enabled: !request.disable_dns,
        labels: request.labels,
        options,
        created: Utc::now(),
    };
    store.networks.write(&record, &lock)?;
    crate::engine::events::emit(store, crate::engine::events::Event::network("create", &record.id, &record.name));
    Ok(record)
}

/// `-o`: only `mtu` (Docker's `com.docker.network.driver.mtu` too).
fn check_options(options: &BTreeMap<String, String>) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (key, value) in options {
        match key.as_str() {
            "mtu" | "com.docker.network.driver.mtu" => {
                let mtu: u32 = value.parse().ok().filter(|m| (68..=65535).contains(m)).with_context(|| format!("invalid -o mtu={value}: use a number from 68 to 65535"))?;
                out.insert("mtu".to_string(), mtu.to_string());
            }
            other => bail!("unknown network option {other:?}: the bridge driver takes -o mtu=N"),
        }
    }
    Ok(out)
}

/// The `--subnet`s with their `--gateway` and `--ip-range`, each matched
/// to the subnet that holds it, IPv4 first.
fn explicit_subnets(request: &CreateRequest) -> Result<Vec<SubnetConfig>> {
    if request.subnets.is_empty() && !(request.gateways.is_empty() && request.ip_ranges.is_empty()) {
        bail!("--gateway and --ip-range need --subnet: give the subnet they belong to");
    }
    let mut out: Vec<SubnetConfig> = Vec::new();
    for subnet in request.subnets.iter().map(|s| s.trunc()) {
        if out.iter().any(|o| o.subnet.addr().is_ipv4() == subnet.addr().is_ipv4()) {
            bail!("more than one IPv{} --subnet ({subnet}): give at most one IPv4 and one IPv6 subnet", if subnet.addr().is_ipv4() { 4 } else { 6 });
        }
        if subnet.prefix_len() + 2 > subnet.max_prefix_len() {
            bail!("subnet {subnet} is too small: it needs room for a gateway and a container (use a /30 or larger)");
        }
        out.push(SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None });
    }
    out.sort_by_key(|s| s.subnet.addr().is_ipv6());
    let owner = |out: &mut Vec<SubnetConfig>, addr: IpAddr, what: &str| -> Result<usize> {
        out.iter().position(|s| s.subnet.contains(&addr)).with_context(|| {
            format!("{what} is outside the subnet ({}): choose one inside it", out.iter().map(|s| s.subnet.to_string()).collect::<Vec<_>>().join(", "))
        })
    };
    let mut gateway_given = vec![false; out.len()];
    for &gateway in &request.gateways {
        let i = owner(&mut out, gateway, &format!("gateway {gateway}"))?;
        let s = &out[i];
        let broadcast = s.subnet.addr().is_ipv4() && gateway == s.subnet.broadcast();
        if gateway == s.subnet.network() || broadcast || std::mem::replace(&mut gateway_given[i], true) {
            bail!("invalid gateway {gateway} for subnet {}: give one host address of the subnet, once", s.subnet);
        }
        out[i].gateway = gateway;
    }
    for range in &request.ip_ranges {
        let range = range.trunc();
        let i = owner(&mut out, range.addr(), &format!("ip-range {range}"))?;
        if !out[i].subnet.contains(&range) || out[i].ip_range.is_some() {
            bail!("ip-range {range} is outside the subnet {} (or given twice): choose a range inside it", out[i].subnet);
        }
        out[i].ip_range = Some(range);
    }
    Ok(out)
}

/// The containers whose record names the network, newest first.
pub fn users(store: &Store, network: &str) -> Result<Vec<Container>> {
    Ok(store.containers.list()?.into_iter().filter(|c| attachment(&c.record.spec, network).is_some()).collect())
}

fn attachment<'a>(spec: &'a ContainerSpec, network: &str) -> Option<&'a NetworkAttachment> {
    match &spec.network {
        NetworkMode::Networks(list) => list.iter().find(|a| a.network == network),
        _ => None,
    }
}

/// `network rm`: refuses a network in use (with `force`, removes those
/// containers first); `force` also makes a missing network no error.
/// Returns whether a network was removed.
pub fn remove(store: &Store, name: &str, force: bool) -> Result<bool> {
    let record = match store.networks.find(name) {
        Ok(r) => r,
        Err(e) if force && matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchNetwork(_))) => return Ok(false),
        Err(e) => return Err(e),
    };
    if record.is_default() {
        bail!("network {DEFAULT_NETWORK} is the default network and cannot be removed");
    }
    if force {
        // Outside the networks lock: stopping a container tears its
        // network down, which must not wait for us.
        for c in users(store, &record.name)? {
            crate::engine::lifecycle::remove(store, &c, true).with_context(|| format!("remove container {} from network {}", c.record.name, record.name))?;
        }
    }
    let lock = store.networks.lock()?;
    if let Some(c) = users(store, &record.name)?.first() {
        return Err(PontoonError::NetworkInUse { network: record.name.clone(), container: c.record.name.clone() }.into());
    }
    crate::network::attach::remove_network(store, &record)?;
    store.networks.remove(&record.name, &lock)?;
    ipam::forget_network(&store.paths.runroot, &record.id)?;
    crate::engine::events::emit(store, crate::engine::events::Event::network("remove", &record.id, &record.name));
    Ok(true)
}

/// `network prune`: every user network no container uses that has the
/// labels in `labels` (`key` or `key=value`). Returns the names removed.
pub fn prune(store: &Store, labels: &[String]) -> Result<Vec<String>> {
    let lock = store.networks.lock()?;
    let mut removed = Vec::new();
    for record in store.networks.list()? {
        if record.is_default() || !has_labels(&record, labels) || !users(store, &record.name)?.is_empty() {
            continue;
        }
        crate::network::attach::remove_network(store, &record)?;
        store.networks.remove(&record.name, &lock)?;
        ipam::forget_network(&store.paths.runroot, &record.id)?;
        crate::engine::events::emit(store, crate::engine::events::Event::network("remove", &record.id, &record.name));
        removed.push(record.name);
    }
    Ok(removed)
}

fn has_labels(record: &NetworkRecord, labels: &[String]) -> bool {
    labels.iter().all(|l| match l.split_once('=') {
        Some((k, v)) => record.labels.get(k).is_some_and(|have| have == v),
        None => record.labels.contains_key(l),
    })
}

/// `network ls` filters: `name=` (part of the name), `id=` (an Id
/// prefix), `driver=`, `label=KEY[=VALUE]`, `type=custom|builtin`. As in
/// Docker, values of one key are alternatives, except labels, which must
/// all be there; different keys must all match.
pub fn matches_filters(record: &NetworkRecord, filters: &[String]) -> Result<bool> {
    let mut by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in filters {
        let Some((key, value)) = f.split_once('=') else { bail!("invalid filter {f:?}: use KEY=VALUE, e.g. name=app") };
        by_key.entry(key).or_default().push(value);
    }
    for (key, values) in by_key {
        let one = |v: &str| -> Result<bool> {
            Ok(match key {
                "name" => record.name.contains(v),
                "id" => record.id.starts_with(v),
                "driver" => record.driver == v,
                "label" => has_labels(record, &[v.to_string()]),
                "type" => match v {
                    "builtin" => record.is_default(),
                    "custom" => !record.is_default(),
                    other => bail!("invalid filter type={other:?}: use type=custom or type=builtin"),
                },
                other => bail!("invalid filter {other:?}: use name, id, driver, label or type"),
            })
        };
        let mut hits = 0;
        for v in &values {
            hits += usize::from(one(v)?);
        }
        // As Docker: every label must be there; other keys take any value.
        let enough = if key == "label" { hits == values.len() } else { hits > 0 };
        if !enough {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A row of `network ls` (what `--format` templates see).
pub fn ls_json(record: &NetworkRecord, no_trunc: bool) -> Value {
    let labels: Vec<String> = record.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    json!({
        "ID": if no_trunc { &record.id[..] } else { &record.id[..12.min(record.id.len())] },
        "Name": record.name,
        "Driver": record.driver,
        "Scope": "local",
        "IPv6": record.ipv6,
        "Internal": record.internal,
        "Labels": labels.join(","),
        "CreatedAt": record.created.format("%Y-%m-%d %H:%M:%S%.f %z UTC").to_string(),
    })
}

/// A Linux interface name: 1 to 15 bytes, no slash, space or colon.
fn check_interface_name(name: &str) -> Result<()> {
    let ok = !name.is_empty() && name.len() < 16 && name != "." && name != ".." && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !ok {
        bail!("invalid --interface-name {name:?}: use 1 to 15 characters of [a-zA-Z0-9_.-]");
    }
    Ok(())
}

/// `network inspect`, in Docker's shape (plus Podman's interface name and
/// whether names resolve). Containers are those holding a lease now.
pub fn inspect_json(store: &Store, record: &NetworkRecord) -> Result<Value> {
    let mut containers = Map::new();
    for (address, id) in ipam::leases(&store.paths.runroot, &record.id)? {
        let Ok(c) = store.containers.load(&id) else { continue };
        let prefix = record.subnet_of(address).map(|s| s.subnet.prefix_len()).unwrap_or(0);
        let entry = containers.entry(id.clone()).or_insert_with(|| {
            let mac = attachment(&c.record.spec, &record.name).and_then(|a| a.mac.clone()).unwrap_or_default();
            json!({ "Name": c.record.name, "EndpointID": "", "MacAddress": mac, "IPv4Address": "", "IPv6Address": "" })
        });
        let field = if address.is_ipv4() { "IPv4Address" } else { "IPv6Address" };
        entry[field] = json!(format!("{address}/{prefix}"));
    }
    let config: Vec<Value> = record
        .subnets
        .iter()
        .map(|s| {
            let mut c = json!({ "Subnet": s.subnet.to_string(), "Gateway": s.gateway.to_string() });
            if let Some(range) = s.ip_range {
                c["IPRange"] = json!(range.to_string());
            }
            c
        })
        .collect();
    Ok(json!({
        "Name": record.name,
        "Id": record.id,
        "Created": record.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "Scope": "local",
        "Driver": record.driver,
        "EnableIPv6": record.ipv6,
        "IPAM": { "Driver": "default", "Options": {}, "Config": config },
        "Internal": record.internal,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": { "Network": "" },
        "ConfigOnly": false,
        "Containers": containers,
        "Options": record.options,
        "Labels": record.labels,
        "NetworkInterface": record.interface,
        "DNSEnabled": record.dns_enabled,
    }))
}

/// At a container's create: every network it names exists (an Id or Id
/// prefix becomes the network's name), none twice, and each `--ip` is a
/// container address of its network. Returns the networks lock, held
/// shared: keep it until the record is written, so that `network rm` sees
/// the container or runs entirely before it. A container on no user
/// network takes no lock.
pub fn prepare(store: &Store, mut spec: ContainerSpec) -> Result<(ContainerSpec, Option<LockGuard>)> {
    let NetworkMode::Networks(list) = &mut spec.network else { return Ok((spec, None)) };
    let lock = store.networks.lock_shared()?;
    let mut seen: Vec<String> = Vec::new();
    for a in list.iter_mut() {
        let record = store.networks.find(&a.network).with_context(|| format!("--network {}: create it first (pontoon network create {})", a.network, a.network))?;
        if seen.contains(&record.name) {
            bail!("network {} is given twice: give each network once", record.name);
        }
        check_attachment(&record, a)?;
        a.network = record.name.clone();
        seen.push(record.name);
    }
    Ok((spec, Some(lock)))
}

fn check_attachment(record: &NetworkRecord, a: &NetworkAttachment) -> Result<()> {
    if let Some(ip) = a.ip {
        ipam::check_address(record, ip).with_context(|| format!("--ip {ip}"))?;
    }
    for alias in &a.aliases {
        crate::engine::container::validate_name(alias).with_context(|| format!("--network-alias {alias:?} for network {}", record.name))?;
    }
    if let Some(mac) = &a.mac {
        check_mac(mac)?;
    }
    Ok(())
}

/// A unicast Ethernet address written `02:42:ac:11:00:02`.
pub fn check_mac(mac: &str) -> Result<()> {
    let bytes: Vec<Option<u8>> = mac.split(':').map(|b| if b.len() == 2 { u8::from_str_radix(b, 16).ok() } else { None }).collect();
    match bytes.as_slice() {
        [Some(first), rest @ ..] if rest.len() == 5 && rest.iter().all(Option::is_some) && first & 1 == 0 => Ok(()),
        _ => bail!("invalid MAC address {mac:?}: use six hex pairs such as 02:42:ac:11:00:02 (a unicast address)"),
    }
}

/// `network connect`: adds the network to the container's record, and
/// when the container runs, attaches it now (undoing the record change if
/// that fails).
pub fn connect(store: &Store, network: &str, container: &str, aliases: Vec<String>, ip: Option<IpAddr>, mac: Option<String>) -> Result<()> {
    let c = store.containers.find(container)?;
    let attachment = {
        // Shared: `network rm` cannot remove the network meanwhile.
        let _lock = store.networks.lock_shared()?;
        let record = store.networks.find(network)?;
        let attachment = NetworkAttachment { network: record.name.clone(), aliases, ip, mac };
        check_attachment(&record, &attachment)?;
        let rootless = store.paths.rootless;
        store.containers.update_record(&c.record.id, |r| attach(&mut r.spec.network, attachment.clone(), &r.name, rootless))?;
        attachment
    };
    let c = crate::engine::lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?;
    if crate::engine::lifecycle::is_running(&c) {
        if let Err(e) = crate::network::live::connect(store, &c, &attachment) {
            let network = attachment.network.clone();
            let undone = store.containers.update_record(&c.record.id, |r| detach(&mut r.spec.network, &network, &r.name, false));
            return Err(match undone {
                Ok(_) => e,
                Err(undo) => e.context(format!("and its record still names network {network}: {undo:#}")),
            });
        }
    }
    crate::engine::events::emit(store, crate::engine::events::Event::network_link("connect", &attachment.network, &c.record));
    Ok(())
}

/// `network disconnect`: detaches a running container now, then drops
/// the network from its record. `force`: a network that no longer exists,
/// or that the container is not on, is no error.
pub fn disconnect(store: &Store, network: &str, container: &str, force: bool) -> Result<()> {
    let c = crate::engine::lifecycle::reconcile(store, &store.containers.find(container)?)?;
    let record = match store.networks.find(network) {
        Ok(r) => Some(r),
        Err(e) if force && matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchNetwork(_))) => None,
        Err(e) => return Err(e),
    };
    let name = record.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| network.to_string());
    let mut probe = c.record.spec.network.clone();
    if let Err(e) = detach(&mut probe, &name, &c.record.name, store.paths.rootless) {
        return if force { Ok(()) } else { Err(e) };
    }
    if crate::engine::lifecycle::is_running(&c) {
        crate::network::live::disconnect(store, &c, &name)?;
    }
    let rootless = store.paths.rootless;
    store.containers.update_record(&c.record.id, |r| detach(&mut r.spec.network, &name, &r.name, rootless))?;
    if let Some(record) = record {
        // A lease left by a start that was killed before it could give it back.
        ipam::release(&store.paths.runroot, &record.id, &c.record.id)?;
    }
    crate::engine::events::emit(store, crate::engine::events::Event::network_link("disconnect", &name, &c.record));
    Ok(())
}

/// Adds `attachment` to a container's network mode. The default network
/// counts as `bridge` when it is a bridge (as root); the modes without a
/// network of their own cannot be connected.
fn attach(mode: &mut NetworkMode, attachment: NetworkAttachment, container: &str, rootless: bool) -> Result<()> {
    let network = attachment.network.clone();
    let fix = format!("create the container with --network {network} instead");
    match mode {
        NetworkMode::Networks(list) => {
            if list.iter().any(|a| a.network == network) {
                bail!("container {container} is already connected to network {network}");
            }
            list.push(attachment);
        }
        NetworkMode::Default if !rootless => *mode = NetworkMode::Networks(vec![NetworkAttachment::named(DEFAULT_NETWORK), attachment]),
        NetworkMode::Default => bail!("container {container} uses the rootless default network (pasta or slirp4netns), which cannot be connected to network {network}: {fix}"),
        other => bail!("container {container} uses --network {}, which cannot be connected to network {network}: {fix}", other.name()),
    }
    Ok(())
}

/// Removes `network` from a container's network mode; the last one gone
/// leaves it with loopback only until it is connected again.
fn detach(mode: &mut NetworkMode, network: &str, container: &str, rootless: bool) -> Result<()> {
    match mode {
        NetworkMode::Networks(list) if list.iter().any(|a| a.network == network) => list.retain(|a| a.network != network),
        NetworkMode::Default if !rootless && network == DEFAULT_NETWORK => *mode = NetworkMode::Networks(Vec::new()),
        _ => bail!("container {container} is not connected to network {network}"),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn request(subnets: &[&str], gateways: &[&str], ranges: &[&str]) -> CreateRequest {
        CreateRequest {
            name: "app".into(),
            driver: "bridge".into(),
            subnets: subnets.iter().map(|s| net(s)).collect(),
            gateways: gateways.iter().map(|s| ip(s)).collect(),
            ip_ranges: ranges.iter().map(|s| net(s)).collect(),
            ..Default::default()
        }
    }

    fn error(r: Result<Vec<SubnetConfig>>) -> String {
        format!("{:#}", r.unwrap_err())
    }

    #[test]
    fn gateways_and_ranges_go_to_the_subnet_that_holds_them() {
        let got = explicit_subnets(&request(&["fd00:9::/64", "10.5.0.9/16"], &["fd00:9::fe", "10.5.0.254"], &["10.5.1.0/24"])).unwrap();
        assert_eq!(got[0], SubnetConfig { subnet: net("10.5.0.0/16"), gateway: ip("10.5.0.254"), ip_range: Some(net("10.5.1.0/24")) }, "IPv4 first, host bits dropped");
        assert_eq!(got[1], SubnetConfig { subnet: net("fd00:9::/64"), gateway: ip("fd00:9::fe"), ip_range: None });
        let plain = explicit_subnets(&request(&["10.5.0.0/24"], &[], &[])).unwrap();
        assert_eq!(plain[0].gateway, ip("10.5.0.1"), "the first host address by default");
    }

    #[test]
    fn bad_subnets_gateways_and_ranges_are_refused() {
        assert!(error(explicit_subnets(&request(&["10.5.0.0/24"], &["10.6.0.1"], &[]))).contains("gateway 10.6.0.1 is outside the subnet (10.5.0.0/24)"));
        assert!(error(explicit_subnets(&request(&["10.5.0.0/24"], &[], &["10.5.0.0/16"]))).contains("ip-range 10.5.0.0/16 is outside the subnet 10.5.0.0/24"));
        assert!(error(explicit_subnets(&request(&["10.5.0.0/24"], &["10.5.0.255"], &[]))).contains("invalid gateway 10.5.0.255"));
        assert!(error(explicit_subnets(&request(&["10.5.0.0/24"], &["10.5.0.0"], &[]))).contains("invalid gateway 10.5.0.0"));
        assert!(error(explicit_subnets(&request(&[], &["10.5.0.1"], &[]))).contains("need --subnet"));
        assert!(error(explicit_subnets(&request(&["10.5.0.0/24", "10.6.0.0/24"], &[], &[]))).contains("more than one IPv4 --subnet"));
        assert!(error(explicit_subnets(&request(&["10.5.0.0/31"], &[], &[]))).contains("too small"));
        assert!(explicit_subnets(&request(&["10.5.0.0/30"], &[], &[])).is_ok());
    }

    #[test]
    fn only_mtu_is_an_option() {
        let opts = |k: &str, v: &str| BTreeMap::from([(k.to_string(), v.to_string())]);
        assert_eq!(check_options(&opts("com.docker.network.driver.mtu", "1400")).unwrap(), opts("mtu", "1400"));
        assert!(format!("{:#}", check_options(&opts("mtu", "20")).unwrap_err()).contains("68 to 65535"));
        assert!(format!("{:#}", check_options(&opts("isolate", "true")).unwrap_err()).contains("takes -o mtu=N"));
    }

    fn record(name: &str) -> NetworkRecord {
        let subnet = net("10.89.0.0/24");
        NetworkRecord {
            id: format!("abcdef{}", "0".repeat(58)),
            name: name.into(),
            driver: "bridge".into(),
            interface: "pontoon1".into(),
            subnets: vec![SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None }],
            ipv6: false,
            internal: false,
            dns_enabled: true,
            labels: BTreeMap::from([("tier".to_string(), "front".to_string())]),
            options: BTreeMap::new(),
            created: Utc::now(),
        }
    }

    #[test]
    fn filters_of_one_key_are_alternatives_and_keys_combine() {
        let app = record("app");
        let f = |list: &[&str]| matches_filters(&app, &list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(f(&[]).unwrap());
        assert!(f(&["name=pp", "id=abcd", "driver=bridge", "label=tier", "label=tier=front", "type=custom"]).unwrap());
        assert!(f(&["name=nope", "name=app"]).unwrap(), "either name");
        assert!(!f(&["name=app", "label=tier=back"]).unwrap());
        assert!(!f(&["label=tier", "label=other"]).unwrap(), "every label");
        assert!(!f(&["type=builtin"]).unwrap());
        assert!(!f(&["id=bcd"]).unwrap(), "an Id prefix, not any part");
        assert!(format!("{:#}", f(&["colour=red"]).unwrap_err()).contains("use name, id, driver, label or type"));
        assert!(f(&["name"]).is_err());
        let row = ls_json(&app, false);
        assert_eq!((row["ID"].as_str().unwrap(), row["Labels"].as_str().unwrap()), ("abcdef000000", "tier=front"));
        assert_eq!(ls_json(&app, true)["ID"].as_str().unwrap().len(), 64);
    }

    #[test]
    fn connecting_extends_the_mode_and_refuses_modes_without_a_network() {
        let app = || NetworkAttachment::named("app");
        let mut mode = NetworkMode::Networks(vec![NetworkAttachment::named("db")]);
        attach(&mut mode, app(), "web", true).unwrap();
        assert_eq!(mode, NetworkMode::Networks(vec![NetworkAttachment::named("db"), app()]));
        assert!(format!("{:#}", attach(&mut mode, app(), "web", true).unwrap_err()).contains("already connected to network app"));
        let mut default = NetworkMode::Default;
        attach(&mut default, app(), "web", false).unwrap();
        assert_eq!(default, NetworkMode::Networks(vec![NetworkAttachment::named("bridge"), app()]), "as root the default network is kept");
        assert!(attach(&mut NetworkMode::Default, app(), "web", true).is_err(), "rootless default is pasta");
        for mut refused in [NetworkMode::None, NetworkMode::Host, NetworkMode::Container("db".into()), NetworkMode::Pasta(vec![])] {
            let err = format!("{:#}", attach(&mut refused, app(), "web", false).unwrap_err());
            assert!(err.contains("cannot be connected to network app: create the container with --network app instead"), "{err}");
        }
    }

    #[test]
    fn disconnecting_leaves_the_other_networks() {
        let mut mode = NetworkMode::Networks(vec![NetworkAttachment::named("db"), NetworkAttachment::named("app")]);
        detach(&mut mode, "app", "web", false).unwrap();
        assert_eq!(mode, NetworkMode::Networks(vec![NetworkAttachment::named("db")]));
        assert!(format!("{:#}", detach(&mut mode, "app", "web", false).unwrap_err()).contains("container web is not connected to network app"));
        detach(&mut mode, "db", "web", false).unwrap();
        assert_eq!(mode, NetworkMode::Networks(vec![]), "loopback only until connected again");
        let mut default = NetworkMode::Default;
        detach(&mut default, "bridge", "web", false).unwrap();
        assert_eq!(default, NetworkMode::Networks(vec![]));
        assert!(detach(&mut NetworkMode::Host, "bridge", "web", false).is_err());
    }

    #[test]
    fn inspect_lists_the_lease_holders_and_rm_forgets_their_leases() {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::paths::StorePaths { root: dir.path().join("root"), runroot: dir.path().join("run"), config_dir: dir.path().join("config"), rootless: false };
        let store = Store::open(&paths).unwrap();
        let app = create(&store, CreateRequest { name: "app".into(), driver: "bridge".into(), subnets: vec![net("10.130.0.0/24")], ..Default::default() }).unwrap();
        let attachment = NetworkAttachment { mac: Some("02:42:0a:82:00:09".into()), ..NetworkAttachment::named("app") };
        let spec = ContainerSpec { network: NetworkMode::Networks(vec![attachment]), ..Default::default() };
        let web = crate::store::containers::ContainerRecord { id: crate::store::containers::new_id(), name: "web".into(), created: Utc::now(), image_id: String::new(), image_name: "busybox".into(), spec };
        store.containers.create(&web).unwrap();
        ipam::allocate(&store.paths.runroot, &app, &web.id, None).unwrap();
        // A lease of a container that no longer exists is not shown.
        ipam::allocate(&store.paths.runroot, &app, "gone", None).unwrap();
        let shown = inspect_json(&store, &app).unwrap();
        assert_eq!(shown["Containers"], json!({ web.id.clone(): { "Name": "web", "EndpointID": "", "MacAddress": "02:42:0a:82:00:09", "IPv4Address": "10.130.0.2/24", "IPv6Address": "" } }));
        assert_eq!(users(&store, "app").unwrap().len(), 1);
        store.containers.remove(&web.id).unwrap();
        assert!(remove(&store, "app", false).unwrap());
        assert!(ipam::leases(&store.paths.runroot, &app.id).unwrap().is_empty(), "the removed network's leases are gone");
        assert!(!store.paths.runroot.join("networks").join(&app.id).exists());
    }

    #[test]
    fn mac_addresses_are_six_unicast_pairs() {
        assert!(check_mac("02:42:ac:11:00:02").is_ok());
        for bad in ["02:42:ac:11:00", "03:42:ac:11:00:02", "02:42:ac:11:00:zz", "0242ac110002"] {
            assert!(check_mac(bad).is_err(), "{bad}");
        }
    }
}
