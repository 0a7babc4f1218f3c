//! A container's network from its monitor's point of view: made once
//! before the container's first start (so its command never runs before
//! its addresses, routes and DNS are there), kept across restarts, and
//! undone when the monitor ends. Which pieces a mode needs:
//!
//! | mode | namespace | carried by |
//! |---|---|---|
//! | none | own, loopback only | nothing |
//! | host | the host's | nothing |
//! | container:X | X's | X's |
//! | default, rootless, pasta and nft or iptables installed | own | a veth pair to `bridge` in the rootless namespace, which one pasta carries (pasta of its own once setting up that bridge failed) |
//! | default, rootless, otherwise | own | pasta, else slirp4netns |
//! | pasta / slirp4netns | own | that program, one per container |
//! | default, root; user networks | own | veth pairs to bridges (network::attach) |
//!
//! Published ports are forwarded by network::forwarder in every mode that
//! has a namespace of its own.

use std::net::IpAddr;
use std::os::fd::OwnedFd;

use anyhow::{bail, Context, Result};

use super::usermode::{self, Carrier};
use super::{attach, netns, rootless_netns};
use crate::spec::network::{Endpoint, NetworkMode};
use crate::store::containers::ContainerRecord;
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// What the monitor holds of a container's network while it lives.
pub struct Sandbox {
    /// The namespace the container joins (None: the host's).
    pub netns: Option<OwnedFd>,
    /// The container's addresses, one per network it is on.
    pub endpoints: Vec<Endpoint>,
    /// Where `host.containers.internal` points, when the host is reachable.
    pub host_gateway: Option<IpAddr>,
    /// A nameserver of the carrier's own (slirp4netns) for resolv.conf.
    pub dns: Option<IpAddr>,
    carried: Option<usermode::Carried>,
    /// The forwarder process serving the published ports.
    forwarder: Option<nix::unistd::Pid>,
    /// The published ports as bound (real host ports).
    pub ports: Vec<crate::spec::ports::PortMapping>,
    run_dir: std::path::PathBuf,
}

/// Makes `record`'s network. On error nothing it made is left behind.
pub fn prepare(store: &Store, record: &ContainerRecord, paths: &ContainerPaths) -> Result<Sandbox> {
    let mut sandbox = Sandbox {
        netns: None,
        endpoints: Vec::new(),
        host_gateway: None,
        dns: None,
        carried: None,
        forwarder: None,
        ports: Vec::new(),
        run_dir: paths.run_dir.clone(),
    };
    let filled = fill(store, record, &mut sandbox).and_then(|()| {
        let (endpoints, ports, gateway, dns) = (sandbox.endpoints.clone(), sandbox.ports.clone(), sandbox.host_gateway, sandbox.dns);
        store.containers.update_state(&record.id, |st| {
            st.endpoints = endpoints;
            st.ports = ports;
            st.host_gateway = gateway;
            st.network_dns = dns;
            Ok(())
        })?;
        // Its own /etc/hosts gets its addresses; its peers learn its name.
        crate::engine::etc_files::live::refresh_around(store, &record.id, true, &Default::default())
    });
    match filled {
        Ok(()) => Ok(sandbox),
        Err(e) => {
            sandbox.teardown(store, record);
            Err(e)
        }
    }
}

fn fill(store: &Store, record: &ContainerRecord, sandbox: &mut Sandbox) -> Result<()> {
    let mode = &record.spec.network;
    match mode {
        NetworkMode::Host => return Ok(()),
        NetworkMode::Container(target) => {
            sandbox.netns = Some(join_container(store, target)?);
            return Ok(());
        }
        _ => {}
    }
    // Ports first: a port in use fails the start before anything is made.
    let publish = crate::spec::ports::to_publish(&record.spec);
    let bound = match publish.is_empty() {
        true => None,
        false => Some(super::forwarder::bind(&publish, store.paths.rootless)?),
    };
    std::fs::create_dir_all(&sandbox.run_dir).with_context(|| format!("create {}", sandbox.run_dir.display()))?;
    let ns = netns::create()?;
    // A carrier of the container's own, with its options, when one is needed.
    let own_carrier: Option<(Carrier, &[String])> = match (mode, store.paths.rootless) {
        (NetworkMode::None, _) => None,
        (NetworkMode::Default, true) => match usermode::default_carrier()? {
            // The default network's bridge lives in the rootless network
            // namespace, which pasta carries: a veth pair per container
            // rather than a pasta start (network::rootless_netns).
            Carrier::Pasta if firewall_installed() && !rootless_netns::bridge_failed(&store.paths.runroot) => match attach::attach_all(store, record, &ns) {
                Ok(attached) => {
                    sandbox.take_attached(attached);
                    None
                }
                Err(e) if e.downcast_ref::<attach::BridgeSetupFailed>().is_some() => {
                    fall_back_to_pasta(store, &e);
                    Some((Carrier::Pasta, &[]))
                }
                Err(e) => return Err(e),
            },
            // The bridge's NAT needs a firewall tool: without one (or when
            // it failed), a pasta of its own, as before there was a bridge.
            carrier => Some((carrier, &[])),
        },
        (NetworkMode::Pasta(options), _) => Some((Carrier::Pasta, options.as_slice())),
        (NetworkMode::Slirp4netns(options), _) => Some((Carrier::Slirp4netns, options.as_slice())),
        (NetworkMode::Default, false) | (NetworkMode::Networks(_), _) => {
            sandbox.take_attached(attach::attach_all(store, record, &ns)?);
            None
        }
        (NetworkMode::Host | NetworkMode::Container(_), _) => unreachable!("handled above"),
    };
    if let Some((carrier, options)) = own_carrier {
        let carried = match carrier {
            Carrier::Pasta => usermode::start_pasta(&ns, options, &sandbox.run_dir)?,
            Carrier::Slirp4netns => usermode::start_slirp4netns(&ns, options)?,
        };
        sandbox.take_carried(carried);
    }
    if let Some(bound) = bound {
        sandbox.ports = bound.mappings();
        let for_forwarder = ns.try_clone().context("duplicate the namespace fd")?;
        sandbox.set_forwarder(super::forwarder::spawn(bound, Some(for_forwarder))?);
    }
    sandbox.netns = Some(ns);
    Ok(())
}

/// The rootless default network's bridge or its NAT could not be made
/// (`e`): this container and the later ones get a pasta of their own, as
/// without a firewall tool, rather than fail to start. Said once, in the
/// monitor's log, and remembered in the runroot so that later starts do not
/// pay the failed setup again (`system migrate` or a reboot tries again).
fn fall_back_to_pasta(store: &Store, e: &anyhow::Error) {
    let why = crate::errors::one_line(e);
    eprintln!("the default network's bridge could not be set up ({why}): containers get a pasta of their own instead, until `pontoon system migrate`");
    if let Err(e) = rootless_netns::record_bridge_failure(&store.paths.runroot, &why) {
        eprintln!("{}", crate::errors::one_line(&e));
    }
}

/// Whether nft or iptables is there to masquerade a bridge's traffic
/// (network::nat), looked up on PATH only: choosing between the two may
/// run iptables-save, which the bridge code does once it is needed.
fn firewall_installed() -> bool {
    super::link::host_program("nft").is_some() || super::link::host_program("iptables-restore").is_some()
}

impl Sandbox {
    fn take_carried(&mut self, carried: usermode::Carried) {
        self.host_gateway = carried.gateway;
        self.dns = carried.dns;
        self.carried = Some(carried);
    }

    fn take_attached(&mut self, attached: attach::Attached) {
        self.host_gateway = attached.host_gateway;
        self.endpoints = attached.endpoints;
    }

    fn set_forwarder(&mut self, pid: nix::unistd::Pid) {
        self.forwarder = Some(pid);
    }

    /// Undoes what [`prepare`] made: the forwarder, the carrier, the
    /// addresses leased and the links of other namespaces. The container's
    /// own namespace (and with it its end of every veth) goes when its last
    /// holder closes it.
    pub fn teardown(&mut self, store: &Store, record: &ContainerRecord) {
        if let Some(pid) = self.forwarder.take() {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
            let _ = nix::sys::wait::waitpid(pid, None);
        }
        if let Some(c) = self.carried.take() {
            if c.carrier == Carrier::Pasta {
                usermode::stop_pasta(&self.run_dir);
            }
        }
        attach::detach_all(store, record, &self.endpoints);
        let left: std::collections::BTreeSet<String> = self.endpoints.drain(..).map(|e| e.network).collect();
        let _ = store.containers.update_state_if_exists(&record.id, |st| {
            st.endpoints.clear();
            st.ports.clear();
            st.host_gateway = None;
            st.network_dns = None;
            Ok(())
        });
        // Its peers forget its name.
        if !left.is_empty() {
            let _ = crate::engine::etc_files::live::refresh_around(store, &record.id, false, &left);
        }
        self.netns = None;
    }
}

/// The namespace of the running container `target` (by name or id).
fn join_container(store: &Store, target: &str) -> Result<OwnedFd> {
    let other = store.containers.find(target)?;
    let pid = match (other.state.status, other.state.pid) {
        (crate::store::containers::Status::Running | crate::store::containers::Status::Paused, Some(pid)) => pid,
        _ => bail!("cannot join the network of container {target}: it is not running (start it first)"),
    };
    netns::of_process(pid).with_context(|| format!("join the network of container {target}"))
}

/// Undoes what a killed monitor could not: its pasta (which holds the
/// namespace, so its links, alive), its address leases, its use of the
/// rootless namespace and its name in its peers' /etc/hosts. The
/// container's processes are dead already; its namespace and veth ends go
/// with the last of them.
pub fn after_dead_monitor(store: &Store, c: &crate::store::containers::Container) {
    let paths = ContainerPaths::new(store, &c.record.id);
    usermode::stop_pasta(&paths.run_dir);
    attach::forget(store, &c.record);
    // Its peers forget its name (it no longer counts as running).
    let left: std::collections::BTreeSet<String> = c.state.endpoints.iter().map(|e| e.network.clone()).collect();
    if !left.is_empty() {
        let _ = crate::engine::etc_files::live::refresh_around(store, &c.record.id, false, &left);
    }
}
