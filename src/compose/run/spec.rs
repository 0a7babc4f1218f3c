//! A service as a container: the Compose model's fields turned into the
//! ContainerSpec that `run` would make from the same settings. Values go
//! through the same parsers as `run`'s flags, so both accept and refuse
//! alike.

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::names;
use crate::compose::mounts::MountType;
use crate::compose::{Project, Service};
use crate::spec::container::{ContainerSpec, TmpfsMount, Ulimit};
use crate::spec::network::{NetworkAttachment, NetworkMode};

/// Compose keys pontoon reads but does not act on: `up` says so once.
pub fn ignored_keys(s: &Service) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut note = |set: bool, key: &'static str| {
        if set {
            out.push(key);
        }
    };
    note(!s.security_opt.is_empty(), "security_opt");
    note(!s.sysctls.is_empty(), "sysctls");
    note(!s.devices.is_empty(), "devices");
    note(s.pid.is_some(), "pid");
    note(s.ipc.is_some(), "ipc");
    note(s.logging.is_some(), "logging");
    note(s.cpu_shares.is_some(), "cpu_shares");
    note(s.cpuset.is_some(), "cpuset");
    note(s.mem_reservation.is_some(), "mem_reservation");
    note(s.shm_size.is_some(), "shm_size");
    note(!s.group_add.is_empty(), "group_add");
    out
}

/// Where a service's container is attached: `network_mode`, else its
/// networks (the project's `default` when it names none), each with the
/// service's name as an alias so peers find it by that name.
fn network_of(project: &Project, name: &str, s: &Service) -> Result<NetworkMode> {
    if let Some(mode) = &s.network_mode {
        if let Some(other) = mode.strip_prefix("service:") {
            if !project.services.contains_key(other) {
                bail!("service {name}: network_mode {mode:?} names no service of the project");
            }
            return Ok(NetworkMode::Container(names::container_name(project, other, 1)));
        }
        return NetworkMode::parse(mode).with_context(|| format!("service {name}: network_mode"));
    }
    let mut attachments = Vec::new();
    let defaults = [("default".to_string(), Default::default())];
    let networks: Vec<(&String, &crate::compose::fields::ServiceNetwork)> = if s.networks.is_empty() { defaults.iter().map(|(k, v)| (k, v)).collect() } else { s.networks.iter().collect() };
    for (key, net) in networks {
        let mut aliases = vec![name.to_string()];
        aliases.extend(net.aliases.iter().cloned());
        let ip = net.ipv4_address.as_deref().map(|ip| ip.parse()).transpose().with_context(|| format!("service {name}: ipv4_address of network {key}"))?;
        attachments.push(NetworkAttachment { network: names::network_name(project, key), aliases, ip, mac: None });
    }
    Ok(NetworkMode::Networks(attachments))
}

/// `-p`'s spelling of a Compose port, parsed by `run`'s own parser.
fn publish_flag(p: &crate::compose::ports::Port) -> String {
    let host_ip = match p.host_ip.as_deref() {
        Some(ip) if ip.contains(':') => format!("[{ip}]:"),
        Some(ip) => format!("{ip}:"),
        None => String::new(),
    };
    let published = match &p.published {
        Some(r) if r.start == r.end => format!("{}:", r.start),
        Some(r) => format!("{}-{}:", r.start, r.end),
        None if !host_ip.is_empty() => ":".to_string(),
        None => String::new(),
    };
    format!("{host_ip}{published}{}/{}", p.target, p.protocol)
}

/// The container spec of replica `n` of service `name`.
pub fn container_spec(project: &Project, name: &str, s: &Service, image: &str, labels: std::collections::BTreeMap<String, String>) -> Result<ContainerSpec> {
    let what = |field: &str| format!("service {name}: {field}");
    let mut spec = ContainerSpec { image: image.to_string(), labels, ..Default::default() };
    // A list ENTRYPOINT: its first word is the program, the rest lead the command.
    let mut command = Vec::new();
    if let Some(entrypoint) = &s.entrypoint {
        let (program, rest) = entrypoint.split_first().map(|(p, r)| (p.clone(), r.to_vec())).unwrap_or_default();
        spec.entrypoint = Some(program);
        command.extend(rest);
    }
    command.extend(s.command.clone().unwrap_or_default());
    spec.command = command;
    spec.env = s.environment.iter().map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k.clone(),
    }).collect();
    spec.workdir = s.working_dir.clone();
    spec.user = s.user.clone();
    spec.hostname = s.hostname.clone();
    spec.tty = s.tty.unwrap_or(false);
    spec.interactive = s.stdin_open.unwrap_or(false);
    spec.read_only = s.read_only.unwrap_or(false);
    spec.privileged = s.privileged.unwrap_or(false);
    spec.cap_add = s.cap_add.clone();
    spec.cap_drop = s.cap_drop.clone();
    spec.init = s.init.unwrap_or(false);
    spec.stop_signal = s.stop_signal.clone();
    spec.stop_timeout = s.stop_grace_period.map(|d| d.0.as_secs() as u32);
    if let Some(restart) = &s.restart {
        spec.restart = crate::spec::restart::RestartPolicy::parse(restart).with_context(|| what("restart"))?;
    }
    spec.network = network_of(project, name, s)?;
    for p in &s.ports {
        spec.ports.extend(crate::spec::ports::parse_publish(&publish_flag(p)).with_context(|| what("ports"))?);
    }
    for e in &s.expose {
        spec.expose.extend(crate::spec::ports::parse_expose(e).with_context(|| what("expose"))?);
    }
    mounts(project, name, s, &mut spec)?;
    spec.ulimits = s.ulimits.iter().map(|(n, u)| Ulimit { name: n.clone(), soft: u.soft.max(0) as u64, hard: u.hard.max(0) as u64 }).collect();
    let limits = s.deploy.as_ref().and_then(|d| d.resources.as_ref()).and_then(|r| r.limits.as_ref());
    let cpus = limits.and_then(|l| l.cpus).or(s.cpus);
    spec.resources.nano_cpus = cpus.map(|c| (c * 1e9) as i64);
    spec.resources.memory_bytes = limits.and_then(|l| l.memory).or(s.mem_limit).map(|m| m as i64);
    spec.resources.pids_limit = limits.and_then(|l| l.pids).or(s.pids_limit);
    let hosts: Vec<String> = s.extra_hosts.iter().map(|h| format!("{}:{}", h.host, h.ip)).collect();
    spec.extra_hosts = crate::spec::dns::parse_extra_hosts(&hosts).with_context(|| what("extra_hosts"))?;
    spec.dns = crate::spec::dns::DnsSettings::parse(&s.dns, &s.dns_search, &s.dns_opt).with_context(|| what("dns"))?;
    spec.runtime = s.runtime.clone();
    if let Some(h) = &s.healthcheck {
        // Fields the service leaves out come from the image's check (HealthSpec::resolve).
        let nanos = |d: &Option<crate::compose::units::Duration>| d.map_or(0, |d| d.0.as_nanos() as u64);
        let test = if h.is_disabled() { vec!["NONE".to_string()] } else { h.test.clone() };
        spec.health.config = Some(crate::spec::health::HealthConfig {
            test,
            interval: nanos(&h.interval),
            timeout: nanos(&h.timeout),
            start_period: nanos(&h.start_period),
            start_interval: nanos(&h.start_interval),
            retries: h.retries.unwrap_or(0) as u32,
        });
    }
    Ok(spec)
}

/// volumes, tmpfs, secrets and configs as `run` mounts.
fn mounts(project: &Project, name: &str, s: &Service, spec: &mut ContainerSpec) -> Result<()> {
    let mut volume_flags = Vec::new();
    let mut tmpfs_flags = s.tmpfs.clone();
    for m in &s.volumes {
        let ro = if m.read_only { ":ro" } else { "" };
        match (m.kind, &m.source) {
            (MountType::Volume, Some(source)) => {
                if !project.volumes.contains_key(source) {
                    bail!("service {name}: volume {source:?} is not declared in the top-level volumes: add it there");
                }
                volume_flags.push(format!("{}:{}{ro}", names::volume_name(project, source), m.target));
            }
            (MountType::Volume, None) => volume_flags.push(m.target.clone()),
            (MountType::Bind, Some(source)) => {
                let path = project.working_dir.join(source);
                if !path.exists() && m.bind.as_ref().and_then(|b| b.create_host_path) != Some(false) {
                    std::fs::create_dir_all(&path).with_context(|| format!("service {name}: create the bind source {}", path.display()))?;
                }
                volume_flags.push(format!("{}:{}{ro}", path.display(), m.target));
            }
            (MountType::Tmpfs, _) => {
                let size = m.tmpfs.as_ref().and_then(|t| t.size).map(|s| format!(":size={s}")).unwrap_or_default();
                tmpfs_flags.push(format!("{}{size}", m.target));
            }
            (kind, _) => bail!("service {name}: volumes of type {kind:?} are not supported: use volume, bind or tmpfs"),
        }
    }
    for (refs, objects, default_dir) in [(&s.secrets, &project.secrets, Some("/run/secrets")), (&s.configs, &project.configs, None)] {
        for r in refs {
            let object = objects.get(&r.source).with_context(|| format!("service {name}: {:?} is not declared at the top level", r.source))?;
            let Some(file) = &object.file else {
                bail!("service {name}: {:?} is not file-based: only secrets and configs with `file:` are supported", r.source);
            };
            let target = match (&r.target, default_dir) {
                (Some(t), _) if t.starts_with('/') => t.clone(),
                (Some(t), Some(dir)) => format!("{dir}/{t}"),
                (Some(t), None) => format!("/{t}"),
                (None, Some(dir)) => format!("{dir}/{}", r.source),
                (None, None) => format!("/{}", r.source),
            };
            volume_flags.push(format!("{}:{target}:ro", project.working_dir.join(file).display()));
        }
    }
    let (mounts, tmpfs): (_, Vec<TmpfsMount>) = crate::spec::mounts::parse_all(&volume_flags, &[], &tmpfs_flags, Path::new(&project.working_dir), &|p| Path::new(p).exists()).with_context(|| format!("service {name}: volumes"))?;
    spec.mounts = mounts;
    spec.tmpfs = tmpfs;
    Ok(())
}
