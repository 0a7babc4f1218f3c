//! Pods: create one with its infra container, find and list them, start
//! and stop their containers in order (infra first, infra last), remove a
//! pod with everything in it. A member joins the pod's namespaces when it
//! is created ([`join`]): its spec names the infra container in
//! `--network`/`--ipc`/`--uts`/`--pid container:`, so the existing
//! namespace sharing (engine::namespaces, network::setup) does the rest.

use anyhow::{bail, Context, Result};
use chrono::Utc;

use crate::errors::PontoonError;
use crate::pod::{PodRecord, PodSpec, Share};
use crate::spec::container::ContainerSpec;
use crate::spec::namespaces::{IpcMode, NamespaceMode};
use crate::spec::network::NetworkMode;
use crate::store::containers::{new_id, Container};
use crate::store::pods::PodStore;
use crate::store::Store;

pub use crate::engine::pods_infra::ensure_infra_running;

/// Podman's message for a member that asks for network settings of its own.
const SHARED_NETWORK: &str = "network cannot be configured when it is shared with a pod";

pub fn pod_store(store: &Store) -> PodStore {
    PodStore::new(&store.paths.root)
}

/// Creates a pod and, unless `--infra=false`, its infra container
/// (created, not started). Nothing is left behind when it fails.
pub fn create(store: &Store, mut spec: PodSpec) -> Result<PodRecord> {
    let pods = pod_store(store);
    let lock = pods.lock()?;
    if spec.name.is_empty() {
        spec.name = free_name(&pods)?;
    }
    spec.check()?;
    let mut record = PodRecord { id: new_id(), name: spec.name.clone(), created: Utc::now(), spec, infra_id: None };
    pods.create(&record, &lock)?;
    if record.spec.infra {
        match crate::engine::pods_infra::create_infra(store, &record) {
            Ok(id) => record.infra_id = Some(id),
            Err(e) => {
                let _ = pods.remove(&record.id);
                return Err(e);
            }
        }
        if let Err(e) = pods.save(&record) {
            if let Some(id) = &record.infra_id {
                if let Ok(c) = store.containers.load(id) {
                    let _ = crate::engine::lifecycle::remove(store, &c, true);
                }
            }
            let _ = pods.remove(&record.id);
            return Err(e);
        }
    }
    crate::engine::events::emit(store, crate::engine::events::Event::pod("create", &record));
    Ok(record)
}

/// A generated name no pod has (Docker's adjective_noun, as Podman gives pods).
fn free_name(pods: &PodStore) -> Result<String> {
    let taken: Vec<String> = pods.list()?.into_iter().map(|p| p.name).collect();
    for attempt in 0..200 {
        let name = match attempt < 100 {
            true => crate::store::containers::random_name(),
            false => format!("{}_{}", crate::store::containers::random_name(), rand::random::<u16>()),
        };
        if !taken.contains(&name) {
            return Ok(name);
        }
    }
    bail!("could not find a free pod name: give one with --name")
}

/// A pod by name, Id or unique Id prefix; [`PontoonError::NoSuchPod`] when none.
pub fn find(store: &Store, name_or_id: &str) -> Result<PodRecord> {
    pod_store(store).find(name_or_id)
}

/// Every pod, newest first.
pub fn list(store: &Store) -> Result<Vec<PodRecord>> {
    pod_store(store).list()
}

/// The pod's containers with their state as it is now: the infra
/// container first, then the others, oldest first (the order to start them).
pub fn members(store: &Store, pod: &PodRecord) -> Result<Vec<Container>> {
    let all = crate::engine::lifecycle::reconciled(store, store.containers.list()?);
    Ok(members_in(pod, &all))
}

/// [`members`] picked from containers already read (listings of many pods).
pub fn members_in(pod: &PodRecord, all: &[Container]) -> Vec<Container> {
    let mut out: Vec<Container> = all.iter().filter(|c| c.record.spec.pod.as_deref() == Some(pod.id.as_str())).cloned().collect();
    out.sort_by_key(|c| (!is_infra(pod, c), c.record.created));
    out
}

/// Whether `c` is the infra container of `pod`.
pub fn is_infra(pod: &PodRecord, c: &Container) -> bool {
    pod.infra_id.as_deref() == Some(c.record.id.as_str())
}

/// Starts every container of the pod that is not running, the infra
/// container first (the others join its namespaces).
pub fn start(store: &Store, pod: &PodRecord) -> Result<()> {
    let mut errors = Vec::new();
    for c in members(store, pod)? {
        if crate::engine::lifecycle::is_running(&c) {
            continue;
        }
        let started = crate::engine::container::start(store, &c.record.id, crate::engine::container::StartMode::Detached)
            .with_context(|| format!("start container {} of pod {}", c.record.name, pod.name));
        match started {
            // Without the infra container no member can start.
            Err(e) if is_infra(pod, &c) => return Err(e),
            Err(e) => errors.push(e),
            Ok(()) => {}
        }
    }
    crate::engine::events::on_success(store, several(errors), || crate::engine::events::Event::pod("start", pod))
}

/// Stops the pod's containers: the members first, the infra container last.
pub fn stop(store: &Store, pod: &PodRecord, timeout: Option<u32>) -> Result<()> {
    let mut all = members(store, pod)?;
    all.reverse();
    let mut errors = Vec::new();
    for c in all {
        if let Err(e) = crate::engine::lifecycle::stop(store, &c, timeout) {
            errors.push(e.context(format!("stop container {} of pod {}", c.record.name, pod.name)));
        }
    }
    crate::engine::events::on_success(store, several(errors), || crate::engine::events::Event::pod("stop", pod))
}

/// Removes the pod: its members, its infra container, then its record. A
/// pod with running containers only with `force` (they are stopped first,
/// with `timeout`).
pub fn remove(store: &Store, pod: &PodRecord, force: bool, timeout: Option<u32>) -> Result<()> {
    let all = members(store, pod)?;
    // Named by a member rather than the infra container when one runs.
    if let Some(running) = all.iter().rev().find(|c| crate::engine::lifecycle::is_running(c)) {
        if !force {
            return Err(PontoonError::PodRunning { pod: pod.name.clone(), container: running.record.name.clone() }.into());
        }
        stop(store, pod, timeout)?;
    }
    let mut all = members(store, pod)?;
    all.reverse();
    for c in all {
        crate::engine::lifecycle::remove(store, &c, true).with_context(|| format!("remove container {} of pod {}", c.record.name, pod.name))?;
        let _ = crate::store::volumes::remove_anonymous(store, &c.record);
    }
    let pods = pod_store(store);
    let _lock = pods.lock()?;
    crate::engine::events::on_success(store, pods.remove(&pod.id), || crate::engine::events::Event::pod("remove", pod))
}

/// `run`/`create` with `--pod`: `--pod new:NAME` first makes the pod,
/// which takes the container's published ports and network settings (as
/// in Podman), and is removed again when the container cannot be made.
/// Without `--pod` this is [`crate::engine::container::create`].
pub fn create_member(store: &Store, mut spec: ContainerSpec, name: Option<String>) -> Result<crate::store::containers::ContainerRecord> {
    let Some(new_pod) = spec.pod.as_deref().and_then(|p| p.strip_prefix("new:")).map(str::to_string) else {
        return crate::engine::container::create(store, spec, name);
    };
    let mut pod_spec = PodSpec::named(&new_pod);
    pod_spec.ports = std::mem::take(&mut spec.ports);
    pod_spec.network = std::mem::take(&mut spec.network);
    pod_spec.dns = std::mem::take(&mut spec.dns);
    pod_spec.extra_hosts = std::mem::take(&mut spec.extra_hosts);
    if spec.publish_all {
        bail!("invalid config provided: -P cannot be used with --pod new:{new_pod}: publish the ports with -p");
    }
    let pod = create(store, pod_spec)?;
    spec.pod = Some(pod.id.clone());
    crate::engine::container::create(store, spec, name).inspect_err(|_| {
        let _ = remove(store, &pod, true, Some(0));
    })
}

/// `run`/`create --pod` without `--network`: a member of a pod that does
/// not share its network gets containers.conf's netns (`default`), as any
/// container does; one that shares it takes the pod's.
pub fn default_network(store: &Store, spec: &mut ContainerSpec, default: Option<&str>) -> Result<()> {
    let (Some(pod), Some(default)) = (spec.pod.as_deref(), default) else { return Ok(()) };
    if pod.starts_with("new:") || find(store, pod)?.spec.shares(Share::Net) {
        return Ok(());
    }
    spec.network = NetworkMode::parse(default).with_context(|| format!("containers.conf: netns = {default:?}"))?;
    Ok(())
}

/// `rm --all`: removes every pod it may (running ones only with `force`);
/// returns the Ids of the containers removed with them.
pub fn remove_all(store: &Store, force: bool) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for pod in list(store)? {
        let ids: Vec<String> = members(store, &pod)?.into_iter().map(|c| c.record.id).collect();
        if remove(store, &pod, force, Some(0)).is_ok() {
            removed.extend(ids);
        }
    }
    Ok(removed)
}

/// At container create: a member of a pod joins the namespaces the pod
/// shares with its infra container, and may not ask for network settings
/// of its own when the network is shared (Podman's errors). A container
/// of no pod, and the infra container itself, pass unchanged.
pub fn join(store: &Store, mut spec: ContainerSpec) -> Result<ContainerSpec> {
    let Some(pod_id) = spec.pod.clone() else { return Ok(spec) };
    if spec.pod_infra {
        return Ok(spec);
    }
    let pod = find(store, &pod_id)?;
    // Stored by full Id, so that a rename or a prefix never matters.
    spec.pod = Some(pod.id.clone());
    // pod create --restart: the members' policy, where they give none
    // ("no" is run's default) and are not removed at exit.
    if let Some(policy) = pod.spec.restart.as_ref().filter(|_| spec.restart.name == "no" && !spec.auto_remove) {
        spec.restart = policy.clone();
    }
    // pod create --volume: every member mounts them, below its own mounts at the same path.
    for volume in &pod.spec.volumes {
        if !spec.mounts.iter().any(|m| m.target == volume.target) {
            spec.mounts.push(volume.clone());
        }
    }
    let Some(infra) = pod.infra_id.clone() else { return Ok(spec) };
    if pod.spec.shares(Share::Net) {
        check_no_network_settings(&spec)?;
        spec.network = NetworkMode::Container(infra.clone());
    }
    if pod.spec.shares(Share::Ipc) && spec.namespaces.ipc == IpcMode::default() {
        spec.namespaces.ipc = IpcMode::Container(infra.clone());
    }
    if pod.spec.shares(Share::Uts) && spec.namespaces.uts == NamespaceMode::Private {
        if spec.hostname.is_some() {
            bail!("invalid config provided: cannot set hostname when joining the pod UTS namespace");
        }
        spec.namespaces.uts = NamespaceMode::Container(infra.clone());
    }
    if pod.spec.shares(Share::Pid) && spec.namespaces.pid == NamespaceMode::Private {
        spec.namespaces.pid = NamespaceMode::Container(infra);
    }
    Ok(spec)
}

fn check_no_network_settings(spec: &ContainerSpec) -> Result<()> {
    if !spec.ports.is_empty() || spec.publish_all {
        bail!("invalid config provided: published or exposed ports must be defined when the pod is created: {SHARED_NETWORK}");
    }
    if spec.network != NetworkMode::Default {
        bail!("invalid config provided: {SHARED_NETWORK}");
    }
    if !spec.extra_hosts.is_empty() {
        bail!("invalid config provided: extra host entries must be specified on the pod: {SHARED_NETWORK}");
    }
    if spec.dns != Default::default() {
        bail!("invalid config provided: dns settings must be specified on the pod: {SHARED_NETWORK}");
    }
    Ok(())
}

fn several(mut errors: Vec<anyhow::Error>) -> Result<()> {
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(PontoonError::Several(errors).into()),
    }
}

/// The pod of a container that `rm` was asked to remove directly: an
/// infra container goes only with its pod (Podman refuses it).
pub fn refuse_infra_removal(store: &Store, c: &Container) -> Result<()> {
    if !c.record.spec.pod_infra {
        return Ok(());
    }
    let pod = c.record.spec.pod.as_deref().and_then(|id| pod_store(store).load(id).ok());
    match pod {
        Some(pod) => bail!(
            "container {} is the infra container of pod {} and cannot be removed without removing the pod: use pontoon pod rm {}",
            c.record.id,
            pod.id,
            pod.name
        ),
        // The pod is gone (a killed `pod rm`): its infra container may go.
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_sharing_the_network_asks_for_none_of_its_own() {
        assert!(check_no_network_settings(&ContainerSpec::default()).is_ok());
        let ports = ContainerSpec { ports: vec![Default::default()], ..Default::default() };
        let err = check_no_network_settings(&ports).unwrap_err().to_string();
        assert!(err.starts_with("invalid config provided: published or exposed ports must be defined when the pod is created"), "{err}");
        assert!(check_no_network_settings(&ContainerSpec { publish_all: true, ..Default::default() }).is_err());
        assert!(check_no_network_settings(&ContainerSpec { network: NetworkMode::Host, ..Default::default() }).is_err());
        let dns = ContainerSpec { dns: crate::spec::dns::DnsSettings::parse(&["1.1.1.1".into()], &[], &[]).unwrap(), ..Default::default() };
        assert!(check_no_network_settings(&dns).unwrap_err().to_string().contains("dns"));
        let hosts = ContainerSpec { extra_hosts: crate::spec::dns::parse_extra_hosts(&["db:10.0.0.5".into()]).unwrap(), ..Default::default() };
        assert!(check_no_network_settings(&hosts).unwrap_err().to_string().contains("extra host"));
    }
}
