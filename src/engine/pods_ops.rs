//! The pod verbs beyond create, start, stop and remove: kill, pause,
//! unpause, restart and prune act on every container of a pod; top, stats
//! and logs gather what each container shows.

use anyhow::{Context, Result};
use nix::sys::signal::Signal;

use crate::engine::lifecycle::is_running;
use crate::engine::pods::{is_infra, members};
use crate::errors::PontoonError;
use crate::store::containers::Container;
use crate::store::pods::PodRecord;
use crate::store::Store;

/// After a container of a pod exited for good (its monitor calls this):
/// with `--exit-policy stop`, the pod stops once no container but its
/// infra container runs, as in Podman.
pub fn after_member_exit(store: &Store, record: &crate::store::containers::ContainerRecord) -> Result<()> {
    let Some(pod_id) = record.spec.pod.as_deref() else { return Ok(()) };
    if record.spec.pod_infra {
        return Ok(());
    }
    let pod = crate::engine::pods::find(store, pod_id)?;
    if pod.spec.exit_policy != crate::pod::ExitPolicy::Stop {
        return Ok(());
    }
    let all = members(store, &pod)?;
    if all.iter().any(|c| !is_infra(&pod, c) && is_running(c)) {
        return Ok(());
    }
    for infra in all.iter().filter(|c| is_infra(&pod, c)) {
        crate::engine::lifecycle::stop(store, infra, None).with_context(|| format!("--exit-policy stop: stop the infra container of pod {}", pod.name))?;
    }
    Ok(())
}

fn not_running(pod: &PodRecord, what: &str) -> anyhow::Error {
    let message = format!("cannot {what} pod {0}: none of its containers is running; start it first (pontoon pod start {0})", pod.name);
    PontoonError::ContainerNotRunning { name: pod.name.clone(), message }.into()
}

fn running_members(store: &Store, pod: &PodRecord) -> Result<Vec<Container>> {
    Ok(members(store, pod)?.into_iter().filter(is_running).collect())
}

/// Sends `signal` to every running container of the pod.
pub fn kill(store: &Store, pod: &PodRecord, signal: Signal) -> Result<()> {
    let running = running_members(store, pod)?;
    if running.is_empty() {
        return Err(not_running(pod, "kill"));
    }
    // The members first: killing the infra container first would take
    // their network from under them while they handle the signal.
    for c in running.iter().rev() {
        crate::engine::lifecycle::kill(store, c, signal as i32).with_context(|| format!("kill container {} of pod {}", c.record.name, pod.name))?;
    }
    crate::engine::events::emit(store, crate::engine::events::Event::pod("kill", pod));
    Ok(())
}

/// Freezes (or thaws) every running container of the pod, infra included
/// (Podman's pod is Paused when all of them are).
pub fn pause(store: &Store, pod: &PodRecord, paused: bool) -> Result<()> {
    let running = running_members(store, pod)?;
    if running.is_empty() {
        return Err(not_running(pod, if paused { "pause" } else { "unpause" }));
    }
    for c in &running {
        let done = if paused {
            // Pausing one that is already paused is no error here.
            match c.state.status {
                crate::store::containers::Status::Paused => Ok(()),
                _ => crate::engine::pause::pause(store, c),
            }
        } else {
            match c.state.status {
                crate::store::containers::Status::Paused => crate::engine::pause::unpause(store, c),
                _ => Ok(()),
            }
        };
        done.with_context(|| format!("{} container {} of pod {}", if paused { "pause" } else { "unpause" }, c.record.name, pod.name))?;
    }
    crate::engine::events::emit(store, crate::engine::events::Event::pod(if paused { "pause" } else { "unpause" }, pod));
    Ok(())
}

/// Stops the pod's containers and starts them again, infra first.
pub fn restart(store: &Store, pod: &PodRecord, timeout: Option<u32>) -> Result<()> {
    crate::engine::pods::stop(store, pod, timeout)?;
    for c in members(store, pod)? {
        crate::engine::lifecycle::wait_for_monitor_exit(store, &c.record.id);
        store.containers.update_state_if_exists(&c.record.id, |st| {
            st.stopped_by_user = false;
            Ok(())
        })?;
    }
    crate::engine::pods::start(store, pod)
}

/// Removes every pod none of whose containers runs; returns their Ids.
pub fn prune(store: &Store) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for pod in crate::engine::pods::list(store)? {
        if members(store, &pod)?.iter().any(is_running) {
            continue;
        }
        crate::engine::pods::remove(store, &pod, false, None)?;
        removed.push(pod.id);
    }
    Ok(removed)
}

/// `pod top`: the processes of every running container of the pod, each
/// row with the container's name first.
pub fn top(store: &Store, pod: &PodRecord) -> Result<Vec<Vec<String>>> {
    let running = running_members(store, pod)?;
    if running.is_empty() {
        return Err(not_running(pod, "show the processes of"));
    }
    let mut rows = Vec::new();
    for c in &running {
        // Several members share the infra's PID namespace with --share pid:
        // each process once.
        for row in crate::engine::top::top(store, &c.record.id)? {
            if !rows.iter().any(|(_, r): &(String, Vec<String>)| r.get(1) == row.get(1)) {
                rows.push((c.record.name.clone(), row));
            }
        }
    }
    Ok(rows.into_iter().map(|(name, row)| std::iter::once(name).chain(row).collect()).collect())
}

/// The containers whose logs `pod logs` shows: every member but the infra
/// container (which writes nothing), or the one `container` names.
pub fn log_sources(store: &Store, pod: &PodRecord, container: Option<&str>) -> Result<Vec<Container>> {
    let all: Vec<Container> = members(store, pod)?.into_iter().filter(|c| !is_infra(pod, c)).collect();
    match container {
        None => Ok(all),
        Some(wanted) => {
            let c = store.containers.find(wanted)?;
            match all.into_iter().find(|m| m.record.id == c.record.id) {
                Some(m) => Ok(vec![m]),
                None => anyhow::bail!("container {wanted} is not in pod {}: pick one of pontoon ps --filter pod={}", pod.name, pod.name),
            }
        }
    }
}
