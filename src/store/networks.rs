//! Network records under `networks/NAME.json`: what `network create` asked
//! for (subnets, gateway, flags, labels) and the bridge device it gets.
//! Address leases are not here: they live under the runroot (see
//! network/ipam.rs), because they do not survive a reboot and the records do.
//!
//! The default network `bridge` is made on first use and persisted, so that
//! its subnet stays the same from one command to the next. Its subnet, and
//! that of a user network made without `--subnet`, is the first candidate
//! that overlaps no other network and no route of the host (read from
//! /proc/net/route and /proc/net/ipv6_route): a host with Podman's
//! a route on 10.90.0.0/16 gets 10.91.0.0/16 for `bridge`.
//!
//! Lookups go through [`NetworkStore::find`], which makes the default
//! network when it is asked for first.
//!
//! Locks: `networks.lock` serialises create, remove and "does this network
//! exist and who uses it" checks; `default.lock` only the first creation of
//! the default network, so that it can be made by a caller that holds the
//! first lock.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use serde::{Deserialize, Serialize};

use crate::errors::PontoonError;
use crate::spec::network::DEFAULT_NETWORK;
use crate::store::atomic::write_json_atomic;
use crate::store::lock::{lock_exclusive, lock_shared, LockGuard};

/// The bridge device of the default network; user networks get
/// `pontoon1`, `pontoon2`... (the lowest free).
pub const DEFAULT_INTERFACE: &str = "pontoon0";
const INTERFACE_PREFIX: &str = "pontoon";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SubnetConfig {
    pub subnet: IpNet,
    pub gateway: IpAddr,
    /// `--ip-range`: where automatic addresses come from (inside `subnet`).
    #[serde(default)]
    pub ip_range: Option<IpNet>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NetworkRecord {
    /// 64 hex characters.
    pub id: String,
    pub name: String,
    /// Always "bridge": the only driver.
    pub driver: String,
    /// The bridge device on the host (rootful) or in the rootless
    /// network namespace.
    pub interface: String,
    /// At most one IPv4 subnet (first) and one IPv6 subnet.
    pub subnets: Vec<SubnetConfig>,
    #[serde(default)]
    pub ipv6: bool,
    /// `--internal`: no NAT, no route out.
    #[serde(default)]
    pub internal: bool,
    /// Whether containers resolve each other by name (user networks only,
    /// as in Docker).
    #[serde(default)]
    pub dns_enabled: bool,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Driver options as given (`mtu`).
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    pub created: DateTime<Utc>,
}

impl NetworkRecord {
    pub fn is_default(&self) -> bool {
        self.name == DEFAULT_NETWORK
    }

    /// The subnet that holds `address`, if any.
    pub fn subnet_of(&self, address: IpAddr) -> Option<&SubnetConfig> {
        self.subnets.iter().find(|s| s.subnet.contains(&address))
    }

    /// The subnets as `a, b` for messages.
    pub fn subnets_text(&self) -> String {
        self.subnets.iter().map(|s| s.subnet.to_string()).collect::<Vec<_>>().join(", ")
    }
}

#[derive(Clone, Debug)]
pub struct NetworkStore {
    dir: PathBuf,
    /// Where the host's routing tables are read (`/proc/net`); a test
    /// points it at files of its own, and then no link of the host counts
    /// either (see [`NetworkStore::link_exists`]).
    proc_net: PathBuf,
    /// Whether this store's bridges live in the caller's namespace (as
    /// root); rootless they live in the rootless network namespace, where
    /// the host's links are no concern.
    bridges_here: bool,
}

impl NetworkStore {
    pub fn new(root: &Path, rootless: bool) -> NetworkStore {
        NetworkStore { bridges_here: !rootless, ..NetworkStore::with_proc_net(root, Path::new("/proc/net")) }
    }

    pub fn with_proc_net(root: &Path, proc_net: &Path) -> NetworkStore {
        NetworkStore { dir: root.join("networks"), proc_net: proc_net.to_path_buf(), bridges_here: false }
    }

    /// Whether the namespace of this store's bridges has a link `name`
    /// (never rootless, nor for a test's store with routes of its own).
    fn link_exists(&self, name: &str) -> bool {
        self.bridges_here && link_exists(name)
    }

    fn file_of(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    fn ensure_dir(&self) -> Result<()> {
        fs::create_dir_all(&self.dir).with_context(|| format!("create {}", self.dir.display()))
    }

    /// Serialises creating and removing networks, and checks of which
    /// containers use one.
    pub fn lock(&self) -> Result<LockGuard> {
        self.ensure_dir()?;
        lock_exclusive(&self.dir.join("networks.lock"))
    }

    /// Held by a container's create while it checks that its networks
    /// exist and writes its record, so that `network rm` sees the container
    /// or runs entirely before it.
    pub fn lock_shared(&self) -> Result<LockGuard> {
        self.ensure_dir()?;
        lock_shared(&self.dir.join("networks.lock"))
    }

    fn read(&self, name: &str) -> Result<Option<NetworkRecord>> {
        if crate::spec::network::check_network_name(name).is_err() {
            return Ok(None);
        }
        let path = self.file_of(name);
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).with_context(|| format!("parse {}", path.display()))?)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("read {}", path.display())),
        }
    }

    /// Finds a network by name, full Id or unique Id prefix (as Docker).
    pub fn find(&self, wanted: &str) -> Result<NetworkRecord> {
        if let Some(record) = self.read(wanted)? {
            return Ok(record);
        }
        let all = self.list()?;
        if let Some(by_name) = all.iter().find(|n| n.name == wanted) {
            return Ok(by_name.clone());
        }
        let matches: Vec<&NetworkRecord> = all.iter().filter(|n| !wanted.is_empty() && n.id.starts_with(wanted)).collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(PontoonError::NoSuchNetwork(wanted.to_string()).into()),
            _ => Err(PontoonError::Ambiguous { prefix: wanted.to_string(), what: "network" }.into()),
        }
    }

    /// Every network, the default one included (made on first use), by name.
    pub fn list(&self) -> Result<Vec<NetworkRecord>> {
        let default = self.default_network()?;
        let mut out: Vec<NetworkRecord> = self.list_files()?.into_iter().filter(|n| n.name != default.name).collect();
        out.push(default);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// The records on disk, without making the default network.
    fn list_files(&self) -> Result<Vec<NetworkRecord>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("list {}", self.dir.display())),
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let file = entry.file_name().to_string_lossy().into_owned();
            // Temporary files of atomic writes start with a dot.
            let Some(name) = file.strip_suffix(".json").filter(|_| !file.starts_with('.')) else { continue };
            if let Some(record) = self.read(name)? {
                out.push(record);
            }
        }
        Ok(out)
    }

    /// Writes a record (new or changed). The caller holds [`Self::lock`].
    pub fn write(&self, record: &NetworkRecord, _lock: &LockGuard) -> Result<()> {
        self.ensure_dir()?;
        write_json_atomic(&self.file_of(&record.name), record)
    }

    /// Deletes a record. The caller holds [`Self::lock`].
    pub fn remove(&self, name: &str, _lock: &LockGuard) -> Result<()> {
        let path = self.file_of(name);
        match fs::remove_file(&path) {
            Ok(()) => crate::store::atomic::sync_dir(&self.dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(PontoonError::NoSuchNetwork(name.to_string()).into()),
            Err(e) => Err(e).with_context(|| format!("remove {}", path.display())),
        }
    }

    /// The default network `bridge`, made and persisted on first use with
    /// the first free of 10.90.0.0/16, 10.91.0.0/16, ... 10.126.0.0/16:
    /// pontoon's own ranges, clear of Podman's (10.88.0.0/16, 10.89.x.0/24)
    /// and Docker's (172.17.0.0/16 and up), which may share the host.
    pub fn default_network(&self) -> Result<NetworkRecord> {
        if let Some(record) = self.read(DEFAULT_NETWORK)? {
            return Ok(record);
        }
        self.ensure_dir()?;
        let _lock = lock_exclusive(&self.dir.join("default.lock"))?;
        if let Some(record) = self.read(DEFAULT_NETWORK)? {
            return Ok(record); // a parallel command made it meanwhile
        }
        let taken = self.taken_subnets(&self.list_files()?)?;
        let candidates = (90..=126u8).map(|second| IpNet::V4(v4net(Ipv4Addr::new(10, second, 0, 0), 16)));
        let subnet = choose_subnet(candidates, &taken)
            .context("no free subnet for the default network between 10.90.0.0/16 and 10.126.0.0/16: every one overlaps a network or a route of this host")?;
        let record = NetworkRecord {
            id: crate::store::containers::new_id(),
            name: DEFAULT_NETWORK.to_string(),
            driver: "bridge".into(),
            interface: self.default_interface(&self.list_files()?),
            subnets: vec![SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None }],
            ipv6: false,
            internal: false,
            // As Docker: names resolve on user networks only.
            dns_enabled: false,
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            created: Utc::now(),
        };
        write_json_atomic(&self.file_of(DEFAULT_NETWORK), &record)?;
        Ok(record)
    }

    /// The subnets of `networks` and the host's routes: what a new
    /// automatic subnet must not overlap.
    pub fn taken_subnets(&self, networks: &[NetworkRecord]) -> Result<Vec<IpNet>> {
        let mut taken: Vec<IpNet> = networks.iter().flat_map(|n| n.subnets.iter().map(|s| s.subnet)).collect();
        taken.extend(self.host_routes()?);
        Ok(taken)
    }

    /// The bridge device for a new user network: `pontoon1`, `pontoon2`...,
    /// the lowest that no network has and no link of the bridges'
    /// namespace is (another store's bridge, say).
    pub fn free_interface(&self, networks: &[NetworkRecord]) -> String {
        free_interface_among(networks, &|n| self.link_exists(n))
    }

    /// The default network's bridge: `pontoon0`, unless a link of that
    /// name exists already (a second store on this host: sharing the bridge
    /// would mix two address plans on it), then as [`free_interface`].
    fn default_interface(&self, networks: &[NetworkRecord]) -> String {
        match self.link_exists(DEFAULT_INTERFACE) {
            true => self.free_interface(networks),
            false => DEFAULT_INTERFACE.into(),
        }
    }

    /// The destinations of the host's routes, default routes left out.
    pub fn host_routes(&self) -> Result<Vec<IpNet>> {
        let read = |name: &str| -> Result<String> {
            let path = self.proc_net.join(name);
            match fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                // No IPv6 in this kernel: no IPv6 routes.
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(String::new()),
                Err(e) => Err(e).with_context(|| format!("read the host's routes from {}", path.display())),
            }
        };
        let mut routes = parse_ipv4_routes(&read("route")?);
        routes.extend(parse_ipv6_routes(&read("ipv6_route")?));
        Ok(routes)
    }

    /// The first of 10.127.0.0/24, 10.127.1.0/24, ... free of `taken`, for
    /// a user network made without `--subnet` (pontoon's own range, as for
    /// the default network).
    pub fn free_ipv4_subnet(&self, taken: &[IpNet]) -> Result<IpNet> {
        let candidates = (0..=255u8).map(|third| IpNet::V4(v4net(Ipv4Addr::new(10, 127, third, 0), 24)));
        choose_subnet(candidates, taken).context("no free subnet left in 10.127.0.0/16: give one with --subnet")
    }

    /// The first of fd70:6f6e:746f:0::/64, ...:1::/64, ... free of
    /// `taken`, for `--ipv6` without an IPv6 `--subnet` (a unique local
    /// prefix, as Podman picks one).
    pub fn free_ipv6_subnet(&self, taken: &[IpNet]) -> Result<IpNet> {
        let candidates = (0..=0xffffu16).map(|n| IpNet::V6(v6net(Ipv6Addr::new(0xfd70, 0x6f6e, 0x746f, n, 0, 0, 0, 0), 64)));
        choose_subnet(candidates, taken).context("no free IPv6 subnet left in fd70:6f6e:746f::/48: give one with --subnet")
    }
}

/// [`NetworkStore::free_interface`] with the links of the namespace given.
fn free_interface_among(networks: &[NetworkRecord], link_exists: &dyn Fn(&str) -> bool) -> String {
    let used: Vec<&str> = networks.iter().map(|n| n.interface.as_str()).collect();
    let n = (1..).find(|n| {
        let name = format!("{INTERFACE_PREFIX}{n}");
        !used.contains(&name.as_str()) && !link_exists(&name)
    });
    format!("{INTERFACE_PREFIX}{}", n.unwrap_or(1))
}


/// Whether this network namespace has a link `name`.
fn link_exists(name: &str) -> bool {
    nix::net::if_::if_nametoindex(name).is_ok()
}

/// The first candidate that overlaps nothing in `taken`.
pub fn choose_subnet(candidates: impl IntoIterator<Item = IpNet>, taken: &[IpNet]) -> Result<IpNet> {
    match candidates.into_iter().find(|c| !taken.iter().any(|t| overlaps(c, t))) {
        Some(subnet) => Ok(subnet),
        None => bail!("every candidate subnet is taken"),
    }
}

/// Whether two subnets share an address.
pub fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

/// The subnet's first host address: the gateway unless `--gateway`.
pub fn first_host(subnet: &IpNet) -> IpAddr {
    match subnet {
        IpNet::V4(n) => IpAddr::V4(Ipv4Addr::from(u32::from(n.network()).saturating_add(1))),
        IpNet::V6(n) => IpAddr::V6(Ipv6Addr::from(u128::from(n.network()).saturating_add(1))),
    }
}

fn v4net(addr: Ipv4Addr, prefix: u8) -> Ipv4Net {
    // Prefixes here are constants of at most 32.
    Ipv4Net::new(addr, prefix).unwrap_or_default()
}

fn v6net(addr: Ipv6Addr, prefix: u8) -> Ipv6Net {
    Ipv6Net::new(addr, prefix).unwrap_or_default()
}

/// Destinations of /proc/net/route: hex words in the kernel's byte order
/// (`0000580A` with mask `0000FFFF` is 10.88.0.0/16). Default routes
/// (mask 0) are left out: they overlap everything and mean nothing here.
pub fn parse_ipv4_routes(text: &str) -> Vec<IpNet> {
    let word = |s: &str| u32::from_str_radix(s, 16).ok().map(|w| Ipv4Addr::from(w.to_ne_bytes()));
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (dest, mask) = (word(fields.get(1)?)?, word(fields.get(7)?)?);
            let prefix = u32::from(mask).count_ones() as u8;
            (prefix > 0).then(|| Ipv4Net::new(dest, prefix).ok().map(|n| IpNet::V4(n.trunc()))).flatten()
        })
        .collect()
}

/// Destinations of /proc/net/ipv6_route (`fd00...0000 40 ...` is
/// fd00::/64), without default, link-local and multicast routes.
pub fn parse_ipv6_routes(text: &str) -> Vec<IpNet> {
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let dest = Ipv6Addr::from(u128::from_str_radix(fields.first()?, 16).ok()?);
            let prefix = u8::from_str_radix(fields.get(1)?, 16).ok()?;
            let special = dest.segments()[0] & 0xffc0 == 0xfe80 || dest.segments()[0] & 0xff00 == 0xff00;
            (prefix > 0 && !special).then(|| Ipv6Net::new(dest, prefix).ok().map(|n| IpNet::V6(n.trunc()))).flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// This machine's table: Podman's cni-podman0 holds 10.88.0.0/16.
    const ROUTES: &str = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
        eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
        cni-podman0\t0000580A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n\
        eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
    const ROUTES6: &str = "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n\
        fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001 eth0\n\
        00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000003 00000000 00000003 eth0\n";

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    fn store_with_routes(routes: &str) -> (tempfile::TempDir, NetworkStore) {
        let dir = tempfile::tempdir().unwrap();
        let proc_net = dir.path().join("proc-net");
        fs::create_dir_all(&proc_net).unwrap();
        fs::write(proc_net.join("route"), routes).unwrap();
        fs::write(proc_net.join("ipv6_route"), ROUTES6).unwrap();
        let store = NetworkStore::with_proc_net(&dir.path().join("root"), &proc_net);
        (dir, store)
    }

    #[test]
    fn routes_are_read_in_the_kernels_byte_order() {
        assert_eq!(parse_ipv4_routes(ROUTES), vec![net("10.88.0.0/16"), net("192.0.2.0/24")]);
        assert_eq!(parse_ipv6_routes(ROUTES6), vec![net("fd00::/64")], "default and link-local routes are left out");
        assert!(parse_ipv4_routes("Iface\tDestination\n garbage line\n").is_empty());
    }

    #[test]
    fn overlap_is_containment_either_way() {
        assert!(overlaps(&net("10.88.0.0/16"), &net("10.88.3.0/24")));
        assert!(overlaps(&net("10.88.3.0/24"), &net("10.0.0.0/8")));
        assert!(!overlaps(&net("10.88.0.0/16"), &net("10.87.0.0/16")));
        assert!(!overlaps(&net("10.88.0.0/16"), &net("fd00::/64")));
    }

    #[test]
    fn the_default_network_avoids_a_route_and_keeps_its_subnet() {
        // A route on 10.90.0.0/16, as another store's bridge would have.
        let routes = format!("{ROUTES}br-other\t00005A0A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n");
        let (_dir, store) = store_with_routes(&routes);
        let bridge = store.default_network().unwrap();
        assert_eq!(bridge.subnets[0].subnet, net("10.91.0.0/16"), "10.90.0.0/16 has a route");
        assert_eq!(bridge.subnets[0].gateway, "10.91.0.1".parse::<IpAddr>().unwrap());
        // pontoon0, unless this host has a pontoon0 of another store.
        assert!(bridge.interface.starts_with("pontoon"), "{}", bridge.interface);
        assert!(!bridge.dns_enabled);
        // Persisted: the next command sees the same network.
        let again = NetworkStore::with_proc_net(store.dir.parent().unwrap(), Path::new("/nonexistent"));
        assert_eq!(again.find(DEFAULT_NETWORK).unwrap(), bridge);
        assert_eq!(store.list().unwrap(), vec![bridge]);
    }

    #[test]
    fn the_default_network_keeps_clear_of_podmans_and_dockers_ranges() {
        let (_dir, store) = store_with_routes("Iface\tDestination\n");
        assert_eq!(store.default_network().unwrap().subnets[0].subnet, net("10.90.0.0/16"));
    }

    #[test]
    fn user_subnets_are_the_first_free_slash_24() {
        let (_dir, store) = store_with_routes(ROUTES);
        assert_eq!(store.free_ipv4_subnet(&[]).unwrap(), net("10.127.0.0/24"));
        let taken = [net("10.127.0.0/24"), net("10.127.1.128/25")];
        assert_eq!(store.free_ipv4_subnet(&taken).unwrap(), net("10.127.2.0/24"));
        let err = store.free_ipv4_subnet(&[net("10.127.0.0/16")]).unwrap_err();
        assert!(format!("{err:#}").contains("give one with --subnet"), "{err:#}");
        assert_eq!(store.free_ipv6_subnet(&[net("fd70:6f6e:746f::/64")]).unwrap(), net("fd70:6f6e:746f:1::/64"));
    }

    fn user_network(name: &str, interface: &str, subnet: &str) -> NetworkRecord {
        let subnet = net(subnet);
        NetworkRecord {
            id: crate::store::containers::new_id(),
            name: name.into(),
            driver: "bridge".into(),
            interface: interface.into(),
            subnets: vec![SubnetConfig { subnet, gateway: first_host(&subnet), ip_range: None }],
            ipv6: false,
            internal: false,
            dns_enabled: true,
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            created: Utc::now(),
        }
    }

    #[test]
    fn records_are_written_found_and_removed() {
        let (_dir, store) = store_with_routes(ROUTES);
        let lock = store.lock().unwrap();
        let app = user_network("app", "pontoon1", "10.89.0.0/24");
        store.write(&app, &lock).unwrap();
        store.write(&user_network("db", "pontoon3", "10.89.1.0/24"), &lock).unwrap();
        let names: Vec<String> = store.list().unwrap().into_iter().map(|n| n.name).collect();
        assert_eq!(names, ["app", "bridge", "db"]);
        assert_eq!(free_interface_among(&store.list().unwrap(), &|_| false), "pontoon2", "the lowest free");
        assert_eq!(free_interface_among(&store.list().unwrap(), &|l| l == "pontoon2"), "pontoon4", "nor a link of the host");
        assert_eq!(store.find("app").unwrap(), app);
        assert_eq!(store.find(&app.id).unwrap(), app);
        assert_eq!(store.find(&app.id[..6]).unwrap(), app);
        let err = store.find("nope").unwrap_err();
        assert!(matches!(err.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchNetwork(_))));
        assert!(store.find("../app").is_err());
        let taken = store.taken_subnets(&store.list().unwrap()).unwrap();
        assert!(taken.contains(&net("10.89.1.0/24")) && taken.contains(&net("10.88.0.0/16")), "networks and routes: {taken:?}");
        store.remove("app", &lock).unwrap();
        assert!(store.find("app").is_err());
        assert!(store.remove("app", &lock).is_err());
    }
}
