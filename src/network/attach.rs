//! Attaching a container's namespace to the bridges of its networks.

use std::net::IpAddr;
use std::os::fd::OwnedFd;

use anyhow::{bail, Result};

use crate::spec::network::Endpoint;
use crate::store::containers::ContainerRecord;
use crate::store::Store;

pub struct Attached {
    pub endpoints: Vec<Endpoint>,
    pub host_gateway: Option<IpAddr>,
}

/// Until bridges land (network::bridge), the rootful default network is
/// what it was: the namespace with loopback only; user networks refuse.
pub fn attach_all(_store: &Store, record: &ContainerRecord, _ns: &OwnedFd) -> Result<Attached> {
    if let crate::spec::network::NetworkMode::Networks(n) = &record.spec.network {
        bail!("network {} cannot be attached yet", n.first().map(|a| a.network.as_str()).unwrap_or(""));
    }
    Ok(Attached { endpoints: Vec::new(), host_gateway: None })
}

pub fn detach_all(_store: &Store, _record: &ContainerRecord, _endpoints: &[Endpoint]) {}

/// Drops what `record` held of shared network state, from outside its
/// monitor (which died): leases, and its use of the rootless namespace.
pub fn forget(store: &Store, record: &ContainerRecord) {
    if store.paths.rootless {
        super::rootless_netns::release(&store.paths.runroot, &record.id, &|id| super::setup::is_live(store, id));
    }
}
