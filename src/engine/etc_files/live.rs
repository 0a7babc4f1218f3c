//! Name resolution between containers: each container's /etc/hosts lists
//! the containers it shares a user network with, by name, short id and
//! alias, and is rewritten in place whenever one of them starts, stops,
//! connects or disconnects (Docker's default network resolves no names,
//! and neither does ours). Chosen over a DNS responder per network: no
//! process to run and keep, nothing to start before the container, and
//! every libc and static binary reads /etc/hosts; the cost is a rewrite
//! of the peers' files on each change, which is small at the scale of
//! one machine.

use std::collections::BTreeSet;

use anyhow::Result;

use super::{read_host_resolv_conf, render_hosts, render_resolv, rewrite_in_place, HostsInput, HOSTNAME_FILE, HOSTS_FILE, RESOLV_FILE};
use crate::engine::lifecycle::is_running;
use crate::spec::network::{NetworkMode, DEFAULT_NETWORK};
use crate::store::containers::Container;
use crate::store::Store;

/// The user networks (those that resolve names) of a container's endpoints.
fn named_networks(c: &Container) -> BTreeSet<String> {
    c.state.endpoints.iter().map(|e| e.network.clone()).filter(|n| n != DEFAULT_NETWORK).collect()
}

/// Rewrites the files of `id` (when `itself`: it is starting, or was just
/// connected) and of every running container that shares a user network
/// with it, before or after the change: `before` names the networks it
/// was on, so that peers it left forget it.
pub fn refresh_around(store: &Store, id: &str, itself: bool, before: &BTreeSet<String>) -> Result<()> {
    let _lock = crate::store::lock::lock_in(&store.paths.runroot, "names.lock")?;
    let mut all: Vec<Container> = store.containers.list()?.into_iter().filter(is_running).collect();
    let me = store.containers.load(id)?;
    // A starting container is not running yet, but its peers must list it.
    if itself && !all.iter().any(|c| c.record.id == me.record.id) {
        all.push(me.clone());
    }
    let mut networks = named_networks(&me);
    networks.extend(before.iter().cloned());
    if itself {
        refresh_one(store, &me, &all)?;
    }
    for peer in all.iter().filter(|c| c.record.id != id && !named_networks(c).is_disjoint(&networks)) {
        // A peer whose file cannot be written (removed meanwhile) must not
        // fail this container's start.
        if let Err(e) = refresh_one(store, peer, &all) {
            eprintln!("update /etc/hosts of {}: {}", peer.record.name, crate::errors::one_line(&e));
        }
    }
    Ok(())
}

/// Renders `c`'s /etc/hosts and resolv.conf from its state and its peers.
fn refresh_one(store: &Store, c: &Container, running: &[Container]) -> Result<()> {
    let spec = &c.record.spec;
    if matches!(spec.network, NetworkMode::Container(_)) {
        // It mounts the files of the container it shares a network with.
        return Ok(());
    }
    let dir = store.containers.dir_of(&c.record.id);
    let hostname = std::fs::read_to_string(dir.join(HOSTNAME_FILE.0)).unwrap_or_default().trim_end().to_string();
    let mine = named_networks(c);
    let mut peers = Vec::new();
    for other in running.iter().filter(|o| o.record.id != c.record.id) {
        for e in other.state.endpoints.iter().filter(|e| mine.contains(&e.network)) {
            if let Some(ip) = e.address {
                peers.push((ip, e.names.clone()));
            }
        }
    }
    let mut own_names = vec![c.record.name.clone()];
    for e in &c.state.endpoints {
        own_names.extend(e.names.iter().filter(|n| !own_names.contains(n)).cloned().collect::<Vec<_>>());
    }
    let host_etc_hosts = if spec.network == NetworkMode::Host { std::fs::read_to_string("/etc/hosts").unwrap_or_default() } else { String::new() };
    let hosts = render_hosts(&HostsInput {
        hostname: &hostname,
        mode: &spec.network,
        own: c.state.endpoints.iter().filter_map(|e| e.address).collect(),
        own_names,
        host_gateway: c.state.host_gateway,
        extra_hosts: &spec.extra_hosts,
        peers,
        host_etc_hosts: &host_etc_hosts,
    });
    rewrite_in_place(&dir.join(HOSTS_FILE.0), &hosts)?;
    let resolv = render_resolv(&read_host_resolv_conf(&spec.network), &spec.network, &spec.dns, c.state.network_dns);
    rewrite_in_place(&dir.join(RESOLV_FILE.0), &resolv)
}
