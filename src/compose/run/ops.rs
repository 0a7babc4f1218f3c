//! `compose start|stop|restart|kill|rm|pause|unpause`: the lifecycle verbs
//! over the project's containers (of the services named, or all).

use anyhow::Result;
use nix::sys::signal::Signal;

use super::containers;
use crate::compose::Project;
use crate::engine::{container, lifecycle};
use crate::store::containers::Container;
use crate::store::Store;

/// The project's service containers of `services` (all when empty), in
/// start order (dependencies first).
pub fn selected(store: &Store, project: &Project, services: &[String]) -> Result<Vec<Container>> {
    let order = super::order::start_order(project, services, false)?;
    let all = containers::of_project(store, &project.name)?;
    let mut out = Vec::new();
    for s in &order {
        for c in containers::of_service(&all, s) {
            out.push(lifecycle::reconcile(store, &c)?);
        }
    }
    Ok(out)
}

pub fn start(store: &Store, project: &Project, services: &[String]) -> Result<()> {
    let say = super::up::say(false);
    for c in selected(store, project, services)? {
        if !lifecycle::is_running(&c) {
            container::start(store, &c.record.id, container::StartMode::Detached)?;
            say("Container", &c.record.name, "Started");
        }
    }
    Ok(())
}

pub fn stop(store: &Store, project: &Project, services: &[String], timeout: Option<u32>) -> Result<()> {
    let say = super::up::say(false);
    for c in selected(store, project, services)?.into_iter().rev() {
        if lifecycle::is_running(&c) {
            lifecycle::stop(store, &c, timeout.or(c.record.spec.stop_timeout))?;
        }
        say("Container", &c.record.name, "Stopped");
    }
    Ok(())
}

/// `restart`, and with them the services that depend on one of them with
/// `restart: true`, as Compose does.
pub fn restart(store: &Store, project: &Project, services: &[String], timeout: Option<u32>) -> Result<()> {
    let mut chosen: Vec<String> = if services.is_empty() { project.services.keys().cloned().collect() } else { services.to_vec() };
    loop {
        let more: Vec<String> = project.services.iter().filter(|(name, s)| !chosen.contains(name) && s.depends_on.iter().any(|(d, how)| how.restart && chosen.contains(d))).map(|(name, _)| name.clone()).collect();
        if more.is_empty() {
            break;
        }
        chosen.extend(more);
    }
    stop(store, project, &chosen, timeout)?;
    start(store, project, &chosen)
}

pub fn kill(store: &Store, project: &Project, services: &[String], signal: Signal) -> Result<()> {
    let say = super::up::say(false);
    for c in selected(store, project, services)? {
        if lifecycle::is_running(&c) {
            lifecycle::kill(store, &c, signal as i32)?;
            say("Container", &c.record.name, "Killed");
        }
    }
    Ok(())
}

/// `rm`: stopped containers (running ones too with `stop`), and with
/// `volumes` their anonymous volumes.
pub fn rm(store: &Store, project: &Project, services: &[String], stop_first: bool, volumes: bool) -> Result<()> {
    let say = super::up::say(false);
    for c in selected(store, project, services)? {
        let c = if lifecycle::is_running(&c) {
            if !stop_first {
                continue;
            }
            lifecycle::stop(store, &c, c.record.spec.stop_timeout)?;
            lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?
        } else {
            c
        };
        lifecycle::remove(store, &c, true)?;
        if volumes {
            crate::store::volumes::remove_anonymous(store, &c.record)?;
        }
        say("Container", &c.record.name, "Removed");
    }
    Ok(())
}
