//! `compose up`: networks and volumes, then each service in dependency
//! order (waiting for what its `depends_on` conditions ask), its image
//! built or pulled, its containers created, kept, or recreated when the
//! definition (the config-hash label) or the image changed.

use std::time::Duration;

use anyhow::{bail, Context, Result};

use super::containers::{self, of_service};
use super::{names, order, resources, spec};
use crate::compose::fields::Condition;
use crate::compose::Project;
use crate::engine::container::{self, PullPolicy, StartMode};
use crate::engine::lifecycle::{self, is_running};
use crate::spec::health::HealthStatus;
use crate::store::containers::{Container, Status};
use crate::store::Store;

pub struct UpOptions {
    pub services: Vec<String>,
    pub build: bool,
    pub no_build: bool,
    pub force_recreate: bool,
    pub no_recreate: bool,
    pub remove_orphans: bool,
    pub no_deps: bool,
    pub no_start: bool,
    pub pull: PullPolicy,
    pub quiet: bool,
}

/// Prints Compose's progress lines (` ✔ Container app-web-1  Started`).
pub fn say(quiet: bool) -> impl Fn(&str, &str, &str) {
    move |kind, name, what| {
        if !quiet {
            eprintln!(" \u{2714} {kind} {name}  {what}");
        }
    }
}

/// Brings the project up; returns the containers it made or kept, in start order.
pub fn up(store: &Store, project: &Project, opts: &UpOptions) -> Result<Vec<Container>> {
    let order = order::start_order(project, &opts.services, !opts.no_deps)?;
    let say = say(opts.quiet);
    for name in &order {
        let ignored = spec::ignored_keys(&project.services[name]);
        if !ignored.is_empty() && !opts.quiet {
            eprintln!("WARN service {name}: {} not supported yet, ignored", ignored.join(", "));
        }
    }
    let all = containers::of_project(store, &project.name)?;
    check_ports_free(project, &order, &all)?;
    resources::ensure_networks(store, project, &order, &say)?;
    resources::ensure_volumes(store, project, &order, &say)?;
    // Images first, all of them: a missing one fails before anything starts.
    let mut images = std::collections::BTreeMap::new();
    for name in &order {
        images.insert(name.clone(), super::images::ensure(store, project, name, opts)?);
    }
    if opts.remove_orphans {
        for c in all.iter().filter(|c| !project.services.contains_key(containers::service_of(c)) && !containers::is_oneoff(c)) {
            lifecycle::remove(store, c, true)?;
            say("Container", &c.record.name, "Removed");
        }
    }
    let mut result = Vec::new();
    let mut recreated = std::collections::BTreeSet::new();
    for name in &order {
        if !opts.no_start {
            wait_for_dependencies(store, project, name)?;
        }
        // `depends_on: {db: {restart: true}}`: a kept container restarts
        // when its dependency was recreated.
        let restart_kept = project.services[name].depends_on.iter().any(|(d, how)| how.restart && recreated.contains(d));
        let (containers, changed) = up_service(store, project, name, &images[name], &all, opts, restart_kept, &say)?;
        if changed {
            recreated.insert(name.clone());
        }
        result.extend(containers);
    }
    Ok(result)
}

/// Each replica: kept when it is up to date (started if it was stopped,
/// restarted with `restart_kept`), recreated when not, created when
/// missing; extra replicas go. Says whether any replica was recreated.
#[allow(clippy::too_many_arguments)]
fn up_service(store: &Store, project: &Project, name: &str, image: &str, all: &[Container], opts: &UpOptions, restart_kept: bool, say: &dyn Fn(&str, &str, &str)) -> Result<(Vec<Container>, bool)> {
    let service = &project.services[name];
    let hash = project.config_hash(name)?;
    let image_id = crate::engine::images::resolve(store, image)?.id.to_string();
    let existing = of_service(all, name);
    let replicas = service.replicas();
    let mut out = Vec::new();
    let mut changed = false;
    for n in 1..=replicas {
        let current = existing.iter().find(|c| containers::number_of(c) == n);
        let stale = current.is_some_and(|c| c.record.spec.labels.get(names::CONFIG_HASH) != Some(&hash) || c.record.image_id != image_id);
        let container = match current {
            Some(c) if !opts.force_recreate && (opts.no_recreate || !stale) => {
                let mut c = lifecycle::reconcile(store, c)?;
                if is_running(&c) && restart_kept && !opts.no_start {
                    lifecycle::stop(store, &c, c.record.spec.stop_timeout)?;
                    c = lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?;
                }
                if !is_running(&c) && !opts.no_start {
                    container::start(store, &c.record.id, StartMode::Detached)?;
                    say("Container", &c.record.name, if restart_kept { "Restarted" } else { "Started" });
                } else {
                    say("Container", &c.record.name, "Running");
                }
                c
            }
            Some(c) => {
                lifecycle::remove(store, c, true).with_context(|| format!("recreate {}", c.record.name))?;
                let c = create_and_start(store, project, name, n, image, opts)?;
                say("Container", &c.record.name, "Recreated");
                changed = true;
                c
            }
            None => {
                let c = create_and_start(store, project, name, n, image, opts)?;
                say("Container", &c.record.name, if opts.no_start { "Created" } else { "Started" });
                changed = true;
                c
            }
        };
        out.push(container);
    }
    for extra in existing.iter().filter(|c| containers::number_of(c) > replicas) {
        lifecycle::remove(store, extra, true)?;
        say("Container", &extra.record.name, "Removed");
    }
    Ok((out, changed))
}

fn create_and_start(store: &Store, project: &Project, name: &str, n: u32, image: &str, opts: &UpOptions) -> Result<Container> {
    let service = &project.services[name];
    let labels = project.container_labels(name, n)?;
    let spec = spec::container_spec(project, name, service, image, labels)?;
    let record = container::create(store, spec, Some(names::container_name(project, name, n))).with_context(|| format!("create the container of service {name}"))?;
    if !opts.no_start {
        container::start(store, &record.id, StartMode::Detached).with_context(|| format!("start the container of service {name}"))?;
    }
    store.containers.load(&record.id)
}

/// Blocks until every dependency of `name` is as its condition asks.
fn wait_for_dependencies(store: &Store, project: &Project, name: &str) -> Result<()> {
    for (dep, how) in &project.services[name].depends_on {
        if !project.services.contains_key(dep) {
            continue;
        }
        let cname = names::container_name(project, dep, 1);
        loop {
            let c = lifecycle::reconcile(store, &store.containers.find(&cname).with_context(|| format!("service {name} depends on {dep}, which has no container"))?)?;
            let done = match how.condition {
                Condition::ServiceStarted => true,
                Condition::ServiceHealthy => match c.state.health.as_ref().map(|h| h.status) {
                    Some(HealthStatus::Healthy) => true,
                    Some(HealthStatus::Unhealthy) => bail!("dependency failed to start: container {cname} is unhealthy"),
                    _ if c.record.spec.health.check().is_none() => bail!("dependency failed to start: container {cname} has no healthcheck, so service_healthy can never be met"),
                    _ if c.state.status != Status::Running => bail!("dependency failed to start: container {cname} exited ({})", c.state.exit_code.unwrap_or(0)),
                    _ => false,
                },
                Condition::ServiceCompletedSuccessfully => match c.state.status {
                    Status::Running | Status::Created => false,
                    _ => match c.state.exit_code {
                        Some(0) => true,
                        code => bail!("service {dep} didn't complete successfully: exit {}", code.unwrap_or(-1)),
                    },
                },
            };
            if done {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

/// `up --wait`: until every container runs, and those with a healthcheck
/// are healthy; one that exits or turns unhealthy is an error.
pub fn wait_until_ready(store: &Store, started: &[Container]) -> Result<()> {
    for c in started {
        loop {
            let c = lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?;
            let has_check = c.record.spec.health.check().is_some();
            match (c.state.status, c.state.health.as_ref().map(|h| h.status)) {
                (Status::Running, _) if !has_check => break,
                (Status::Running, Some(HealthStatus::Healthy)) => break,
                (_, Some(HealthStatus::Unhealthy)) => bail!("container {} is unhealthy", c.record.name),
                (Status::Running | Status::Created, _) => {}
                _ => bail!("container {} exited ({})", c.record.name, c.state.exit_code.unwrap_or(0)),
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

/// Every fixed host port the services publish must be free now: a port in
/// use fails `up` before any container starts, naming service and port.
/// (Ports a running container of the project already holds are its own.)
fn check_ports_free(project: &Project, order: &[String], all: &[Container]) -> Result<()> {
    let held_by_project = |service: &str, port: u16| all.iter().any(|c| containers::service_of(c) == service && is_running(c) && c.state.ports.iter().any(|p| p.host_port == port));
    for name in order {
        for p in &project.services[name].ports {
            let Some(range) = &p.published else { continue };
            if range.start != range.end {
                continue;
            }
            let ip = p.host_ip.as_deref().unwrap_or("0.0.0.0").trim_start_matches('[').trim_end_matches(']');
            let addr = format!("{}:{}", if ip.contains(':') { format!("[{ip}]") } else { ip.to_string() }, range.start);
            let free = match p.protocol.as_str() {
                "udp" => std::net::UdpSocket::bind(&addr).is_ok(),
                _ => std::net::TcpListener::bind(&addr).is_ok(),
            };
            if !free && !held_by_project(name, range.start) {
                bail!("service {name}: host port {addr}/{} is already in use: stop what uses it or publish another port", p.protocol);
            }
        }
    }
    Ok(())
}
