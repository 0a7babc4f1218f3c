//! IP address management: which container holds which address of a
//! network. Leases are kept in `<runroot>/networks/<network-id>/leases.json`
//! and changed only under an exclusive flock of `leases.lock` beside it, so
//! that parallel `run`s (threads or processes) never get the same address
//! and a killed command loses no lease (each change is one atomic rename).
//! They live under the runroot because they do not outlive a reboot, as
//! the containers holding them do not.
//!
//! Addresses are handed out lowest free first, inside the subnet's
//! `--ip-range` when it has one, never the network address, the gateway or
//! the IPv4 broadcast address.

use std::fs;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::store::atomic::write_json_atomic;
use crate::store::lock::{lock_exclusive, LockGuard};
use crate::store::networks::{NetworkRecord, SubnetConfig};

const LEASES_FILE: &str = "leases.json";
const LOCK_FILE: &str = "leases.lock";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
struct Lease {
    address: IpAddr,
    container: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Leases {
    #[serde(default)]
    leases: Vec<Lease>,
}

fn networks_dir(runroot: &Path) -> PathBuf {
    runroot.join("networks")
}

fn network_dir(runroot: &Path, network_id: &str) -> PathBuf {
    networks_dir(runroot).join(network_id)
}

/// A network's leases, read and written under its lock.
struct LeaseFile {
    path: PathBuf,
    leases: Leases,
    _lock: LockGuard,
}

impl LeaseFile {
    fn open(runroot: &Path, network_id: &str) -> Result<LeaseFile> {
        if network_id.is_empty() || network_id.contains('/') || network_id.starts_with('.') {
            bail!("invalid network id {network_id:?}");
        }
        let dir = network_dir(runroot, network_id);
        fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
        let lock = lock_exclusive(&dir.join(LOCK_FILE))?;
        let path = dir.join(LEASES_FILE);
        let leases = match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("parse {}", path.display()))?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Leases::default(),
            Err(e) => return Err(e).with_context(|| format!("read {}", path.display())),
        };
        Ok(LeaseFile { path, leases, _lock: lock })
    }

    fn save(&self) -> Result<()> {
        write_json_atomic(&self.path, &self.leases)
    }

    fn holder_of(&self, address: IpAddr) -> Option<&str> {
        self.leases.leases.iter().find(|l| l.address == address).map(|l| l.container.as_str())
    }

    /// The container's lease in `subnet`, if it has one.
    fn lease_in(&self, subnet: &IpNet, container_id: &str) -> Option<IpAddr> {
        self.leases.leases.iter().find(|l| l.container == container_id && subnet.contains(&l.address)).map(|l| l.address)
    }

    /// Takes an address of `config` for the container (the one it already
    /// has there, `requested`, or the lowest free).
    fn take(&mut self, network: &NetworkRecord, config: &SubnetConfig, container_id: &str, requested: Option<IpAddr>) -> Result<IpAddr> {
        if let Some(have) = self.lease_in(&config.subnet, container_id) {
            match requested {
                Some(wanted) if wanted != have => bail!(
                    "container {} already has address {have} on network {}: disconnect it first to take {wanted}",
                    short(container_id),
                    network.name
                ),
                _ => return Ok(have),
            }
        }
        let address = match requested {
            Some(wanted) => {
                check_requested(network, config, wanted)?;
                if let Some(holder) = self.holder_of(wanted) {
                    bail!("address {wanted} is already in use on network {} by container {}: choose another --ip", network.name, short(holder));
                }
                wanted
            }
            None => self.lowest_free(network, config)?,
        };
        self.leases.leases.push(Lease { address, container: container_id.to_string() });
        Ok(address)
    }

    fn lowest_free(&self, network: &NetworkRecord, config: &SubnetConfig) -> Result<IpAddr> {
        let pool = config.ip_range.unwrap_or(config.subnet);
        let (first, last) = (to_u128(pool.network()), to_u128(pool.broadcast()));
        let used: std::collections::HashSet<u128> = self.leases.leases.iter().map(|l| to_u128(l.address)).collect();
        let mut candidate = first;
        loop {
            let address = from_u128(candidate, &pool);
            if !used.contains(&candidate) && usable(config, address) {
                return Ok(address);
            }
            if candidate >= last {
                bail!(
                    "network {} has no free address left in {}: remove a container from it, or create a network with a larger --subnet",
                    network.name,
                    pool
                );
            }
            candidate += 1;
        }
    }
}

/// Not the network address, the gateway or the IPv4 broadcast address.
fn usable(config: &SubnetConfig, address: IpAddr) -> bool {
    let broadcast = matches!(config.subnet, IpNet::V4(_)) && address == config.subnet.broadcast();
    config.subnet.contains(&address) && address != config.subnet.network() && address != config.gateway && !broadcast
}

/// A fixed address (`--ip`) must be a container address of the subnet.
fn check_requested(network: &NetworkRecord, config: &SubnetConfig, wanted: IpAddr) -> Result<()> {
    if !usable(config, wanted) {
        bail!(
            "address {wanted} cannot be given to a container on network {}: it is the network's own address, its gateway or its broadcast address in {}",
            network.name,
            config.subnet
        );
    }
    Ok(())
}

fn to_u128(address: IpAddr) -> u128 {
    match address {
        IpAddr::V4(a) => u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

fn from_u128(value: u128, family_of: &IpNet) -> IpAddr {
    match family_of {
        // Values come from within an IPv4 subnet, so they fit.
        IpNet::V4(_) => IpAddr::V4(Ipv4Addr::from(u32::try_from(value).unwrap_or(u32::MAX))),
        IpNet::V6(_) => IpAddr::V6(Ipv6Addr::from(value)),
    }
}

fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// The subnet an allocation uses: the one holding `requested`, else the
/// network's first (its IPv4 subnet when it has one).
fn subnet_for(network: &NetworkRecord, requested: Option<IpAddr>) -> Result<&SubnetConfig> {
    match requested {
        Some(wanted) => network.subnet_of(wanted).with_context(|| {
            format!("address {wanted} is not in network {}'s subnet ({}): choose an address inside it", network.name, network.subnets_text())
        }),
        None => network.subnets.first().with_context(|| format!("network {} has no subnet", network.name)),
    }
}

/// Whether `address` may be asked for (`--ip`) on `network`: inside one of
/// its subnets, and not its network, gateway or broadcast address.
pub fn check_address(network: &NetworkRecord, address: IpAddr) -> Result<()> {
    check_requested(network, subnet_for(network, Some(address))?, address)
}

/// Leases an address of `network` to `container_id`: `requested` when
/// given (it must be inside a subnet and free), else the lowest free one of
/// the first subnet. Calling it again for the same container returns the
/// address it already has.
// Called by the container start/stop orchestration (network/setup.rs).
#[cfg_attr(not(test), allow(dead_code))]
pub fn allocate(runroot: &Path, network: &NetworkRecord, container_id: &str, requested: Option<IpAddr>) -> Result<IpAddr> {
    let config = subnet_for(network, requested)?;
    let mut file = LeaseFile::open(runroot, &network.id)?;
    let address = file.take(network, config, container_id, requested)?;
    file.save()?;
    Ok(address)
}

/// Leases one address in every subnet of a dual-stack network (IPv4
/// first), taking `requested` addresses in the subnets that hold them. All
/// or nothing: on failure, no new lease is left.
// Called by the container start/stop orchestration (network/setup.rs).
pub fn allocate_all(runroot: &Path, network: &NetworkRecord, container_id: &str, requested: &[IpAddr]) -> Result<Vec<IpAddr>> {
    for wanted in requested {
        subnet_for(network, Some(*wanted))?;
    }
    let mut file = LeaseFile::open(runroot, &network.id)?;
    let mut addresses = Vec::new();
    for config in &network.subnets {
        let wanted = requested.iter().copied().find(|a| config.subnet.contains(a));
        addresses.push(file.take(network, config, container_id, wanted)?);
    }
    // Saved only once every subnet gave an address.
    file.save()?;
    Ok(addresses)
}

/// Gives back every address the container holds on the network.
pub fn release(runroot: &Path, network_id: &str, container_id: &str) -> Result<()> {
    if !network_dir(runroot, network_id).exists() {
        return Ok(());
    }
    let mut file = LeaseFile::open(runroot, network_id)?;
    let before = file.leases.leases.len();
    file.leases.leases.retain(|l| l.container != container_id);
    if file.leases.leases.len() != before {
        file.save()?;
    }
    Ok(())
}

/// Gives back the container's addresses on every network (at removal, or
/// after its monitor died).
// Called by the container start/stop orchestration (network/setup.rs).
pub fn release_everywhere(runroot: &Path, container_id: &str) -> Result<()> {
    for network_id in network_ids(runroot)? {
        release(runroot, &network_id, container_id).with_context(|| format!("release the addresses of container {}", short(container_id)))?;
    }
    Ok(())
}

/// Every lease of the network: (address, container id), by address.
pub fn leases(runroot: &Path, network_id: &str) -> Result<Vec<(IpAddr, String)>> {
    if !network_dir(runroot, network_id).exists() {
        return Ok(Vec::new());
    }
    let file = LeaseFile::open(runroot, network_id)?;
    let mut out: Vec<(IpAddr, String)> = file.leases.leases.iter().map(|l| (l.address, l.container.clone())).collect();
    out.sort();
    Ok(out)
}

/// Drops the leases of containers for which `is_live` is false (their
/// command was killed before it could release them).
// Called by the container start/stop orchestration (network/setup.rs).
#[cfg_attr(not(test), allow(dead_code))]
pub fn forget_stale(runroot: &Path, network_id: &str, is_live: &dyn Fn(&str) -> bool) -> Result<()> {
    if !network_dir(runroot, network_id).exists() {
        return Ok(());
    }
    let mut file = LeaseFile::open(runroot, network_id)?;
    let before = file.leases.leases.len();
    file.leases.leases.retain(|l| is_live(&l.container));
    if file.leases.leases.len() != before {
        file.save()?;
    }
    Ok(())
}

/// Deletes a removed network's leases.
pub fn forget_network(runroot: &Path, network_id: &str) -> Result<()> {
    let dir = network_dir(runroot, network_id);
    match fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e).with_context(|| format!("remove {}", dir.display())),
        _ => Ok(()),
    }
}

fn network_ids(runroot: &Path) -> Result<Vec<String>> {
    let dir = networks_dir(runroot);
    match fs::read_dir(&dir) {
        Ok(entries) => Ok(entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("list {}", dir.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    fn network(subnets: &[(&str, Option<&str>)]) -> NetworkRecord {
        let subnets = subnets
            .iter()
            .map(|(subnet, range)| {
                let subnet: IpNet = subnet.parse().unwrap();
                SubnetConfig { subnet, gateway: crate::store::networks::first_host(&subnet), ip_range: range.map(|r| r.parse().unwrap()) }
            })
            .collect();
        NetworkRecord {
            id: crate::store::containers::new_id(),
            name: "app".into(),
            driver: "bridge".into(),
            interface: "pontoon1".into(),
            subnets,
            ipv6: false,
            internal: false,
            dns_enabled: true,
            labels: BTreeMap::new(),
            options: BTreeMap::new(),
            created: chrono::Utc::now(),
        }
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn addresses_skip_network_and_gateway_and_repeat_for_the_same_container() {
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.89.0.0/24", None)]);
        assert_eq!(allocate(runroot.path(), &app, "web", None).unwrap(), ip("10.89.0.2"));
        assert_eq!(allocate(runroot.path(), &app, "api", None).unwrap(), ip("10.89.0.3"));
        assert_eq!(allocate(runroot.path(), &app, "web", None).unwrap(), ip("10.89.0.2"), "idempotent");
        assert_eq!(leases(runroot.path(), &app.id).unwrap(), vec![(ip("10.89.0.2"), "web".into()), (ip("10.89.0.3"), "api".into())]);
        release(runroot.path(), &app.id, "web").unwrap();
        assert_eq!(allocate(runroot.path(), &app, "db", None).unwrap(), ip("10.89.0.2"), "a released address is free again");
    }

    #[test]
    fn a_requested_address_must_be_inside_and_free() {
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.89.0.0/24", None)]);
        assert_eq!(allocate(runroot.path(), &app, "web", Some(ip("10.89.0.50"))).unwrap(), ip("10.89.0.50"));
        let message = |r: Result<IpAddr>| format!("{:#}", r.unwrap_err());
        let taken = message(allocate(runroot.path(), &app, "api", Some(ip("10.89.0.50"))));
        assert!(taken.contains("address 10.89.0.50 is already in use on network app"), "{taken}");
        let outside = message(allocate(runroot.path(), &app, "api", Some(ip("10.90.0.5"))));
        assert!(outside.contains("address 10.90.0.5 is not in network app's subnet (10.89.0.0/24)"), "{outside}");
        for reserved in ["10.89.0.0", "10.89.0.1", "10.89.0.255"] {
            let err = message(allocate(runroot.path(), &app, "api", Some(ip(reserved))));
            assert!(err.contains(&format!("address {reserved} cannot be given")), "{err}");
        }
        let other = message(allocate(runroot.path(), &app, "web", Some(ip("10.89.0.51"))));
        assert!(other.contains("already has address 10.89.0.50"), "{other}");
        assert_eq!(leases(runroot.path(), &app.id).unwrap().len(), 1, "no failed request left a lease");
    }

    #[test]
    fn automatic_addresses_come_from_the_ip_range() {
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.89.0.0/24", Some("10.89.0.128/30"))]);
        let got: Vec<IpAddr> = (0..4).map(|i| allocate(runroot.path(), &app, &format!("c{i}"), None).unwrap()).collect();
        assert_eq!(got, [ip("10.89.0.128"), ip("10.89.0.129"), ip("10.89.0.130"), ip("10.89.0.131")]);
        let err = format!("{:#}", allocate(runroot.path(), &app, "c4", None).unwrap_err());
        assert!(err.contains("no free address left in 10.89.0.128/30"), "{err}");
        // A fixed address may still be outside the range, as in Docker.
        assert_eq!(allocate(runroot.path(), &app, "c4", Some(ip("10.89.0.9"))).unwrap(), ip("10.89.0.9"));
    }

    #[test]
    fn a_slash_30_holds_one_container() {
        let runroot = tempfile::tempdir().unwrap();
        let tiny = network(&[("10.0.0.0/30", None)]);
        assert_eq!(allocate(runroot.path(), &tiny, "one", None).unwrap(), ip("10.0.0.2"));
        let err = format!("{:#}", allocate(runroot.path(), &tiny, "two", None).unwrap_err());
        assert_eq!(err, "network app has no free address left in 10.0.0.0/30: remove a container from it, or create a network with a larger --subnet");
    }

    #[test]
    fn dual_stack_gets_one_address_per_subnet_or_none() {
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.0.0.0/30", None), ("fd00:1::/64", None)]);
        let got = allocate_all(runroot.path(), &app, "one", &[ip("fd00:1::99")]).unwrap();
        assert_eq!(got, [ip("10.0.0.2"), ip("fd00:1::99")]);
        assert!(allocate_all(runroot.path(), &app, "two", &[]).is_err(), "the IPv4 /30 is full");
        assert_eq!(leases(runroot.path(), &app.id).unwrap().len(), 2, "the failed call took no IPv6 address");
        assert_eq!(allocate(runroot.path(), &app, "two", Some(ip("fd00:1::2"))).unwrap(), ip("fd00:1::2"));
    }

    #[test]
    fn releasing_everywhere_and_forgetting_the_dead() {
        let runroot = tempfile::tempdir().unwrap();
        let (a, b) = (network(&[("10.89.0.0/24", None)]), network(&[("10.89.1.0/24", None)]));
        for net in [&a, &b] {
            allocate(runroot.path(), net, "web", None).unwrap();
            allocate(runroot.path(), net, "db", None).unwrap();
        }
        release_everywhere(runroot.path(), "web").unwrap();
        for net in [&a, &b] {
            let holders: Vec<String> = leases(runroot.path(), &net.id).unwrap().into_iter().map(|(_, c)| c).collect();
            assert_eq!(holders, ["db"]);
        }
        forget_stale(runroot.path(), &a.id, &|c| c != "db").unwrap();
        assert!(leases(runroot.path(), &a.id).unwrap().is_empty());
        assert_eq!(leases(runroot.path(), &b.id).unwrap().len(), 1, "only the network asked about");
        forget_network(runroot.path(), &b.id).unwrap();
        assert!(leases(runroot.path(), &b.id).unwrap().is_empty());
        assert!(!runroot.path().join("networks").join(&b.id).exists());
        release(runroot.path(), "no-such-network", "web").unwrap();
    }

    fn assert_fifty_distinct(runroot: &Path, net: &NetworkRecord) {
        let all = leases(runroot, &net.id).unwrap();
        let addresses: HashSet<IpAddr> = all.iter().map(|(a, _)| *a).collect();
        let holders: HashSet<&str> = all.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!((all.len(), addresses.len(), holders.len()), (50, 50, 50), "{all:?}");
        for (_, holder) in &all {
            release(runroot, &net.id, holder).unwrap();
        }
        assert!(leases(runroot, &net.id).unwrap().is_empty());
    }

    #[test]
    fn fifty_threads_get_fifty_addresses() {
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.89.0.0/24", None)]);
        std::thread::scope(|scope| {
            for i in 0..50 {
                let (runroot, app) = (runroot.path(), &app);
                scope.spawn(move || allocate(runroot, app, &format!("thread-{i}"), None).unwrap());
            }
        });
        assert_fifty_distinct(runroot.path(), &app);
    }

    /// Each child process is this test binary running this one test with
    /// CHILD_ENV set: it allocates one address and exits.
    const CHILD_ENV: &str = "PONTOON_IPAM_TEST_CHILD";

    #[test]
    fn fifty_processes_get_fifty_addresses() {
        if let Ok(spec) = std::env::var(CHILD_ENV) {
            let (runroot, rest) = spec.split_once('|').unwrap();
            let (network_file, container) = rest.split_once('|').unwrap();
            let net: NetworkRecord = serde_json::from_slice(&fs::read(network_file).unwrap()).unwrap();
            allocate(Path::new(runroot), &net, container, None).unwrap();
            return;
        }
        let runroot = tempfile::tempdir().unwrap();
        let app = network(&[("10.89.0.0/24", None)]);
        let network_file = runroot.path().join("network.json");
        fs::write(&network_file, serde_json::to_vec(&app).unwrap()).unwrap();
        let me = std::env::current_exe().unwrap();
        let children: Vec<std::process::Child> = (0..50)
            .map(|i| {
                std::process::Command::new(&me)
                    .args(["network::ipam::tests::fifty_processes_get_fifty_addresses", "--exact", "--test-threads=1", "-q"])
                    .env(CHILD_ENV, format!("{}|{}|process-{i}", runroot.path().display(), network_file.display()))
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "a child failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        assert_fifty_distinct(runroot.path(), &app);
    }
}
