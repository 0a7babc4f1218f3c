//! The merged model made a [`Project`]: its name, `env_file`s read into
//! `environment`, default networks and engine names filled in, profiles
//! applied, then validated. Also the questions `up` asks of it: the start
//! order and each service's configuration hash.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::discover::{self, Options};
use super::error::ComposeError;
use super::fields::ServiceNetwork;
use super::model::{FileModel, Project, Service};
use super::mounts::MountType;
use super::dotenv;

pub(crate) struct Context<'a> {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub environment: BTreeMap<String, String>,
    pub opts: &'a Options,
    pub warnings: Vec<String>,
}

pub(crate) fn finish(model: FileModel, ctx: Context) -> Result<Project, ComposeError> {
    let mut warnings = ctx.warnings;
    let name = project_name(&model, &ctx.dir, ctx.opts, &ctx.environment)?;
    let env = &ctx.environment;

    let mut services = BTreeMap::new();
    for (key, mut svc) in model.services {
        svc.name = key.clone();
        resolve_environment(&mut svc, env)?;
        for s in &mut svc.secrets {
            s.normalise("/run/secrets/");
        }
        for c in &mut svc.configs {
            c.normalise("/");
        }
        if svc.networks.is_empty() && svc.network_mode.is_none() {
            svc.networks.insert("default".into(), ServiceNetwork::default());
        }
        services.insert(key, svc);
    }

    let active = active_profiles(ctx.opts, env);
    let (services, disabled_services): (BTreeMap<_, _>, BTreeMap<_, _>) =
        services.into_iter().partition(|(_, s)| s.profiles.is_empty() || active.contains("*") || s.profiles.iter().any(|p| active.contains(p)));

    let mut networks = model.networks;
    if services.values().any(|s| s.networks.contains_key("default")) {
        networks.entry("default".into()).or_default();
    }
    for (key, net) in &mut networks {
        net.name.get_or_insert_with(|| engine_name(&name, key, net.external));
    }
    let mut volumes = model.volumes;
    for (key, vol) in &mut volumes {
        vol.name.get_or_insert_with(|| engine_name(&name, key, vol.external));
    }
    let (mut secrets, mut configs) = (model.secrets, model.configs);
    for (key, obj) in secrets.iter_mut().chain(configs.iter_mut()) {
        obj.name.get_or_insert_with(|| engine_name(&name, key, obj.external));
    }

    let mut project = Project {
        name,
        working_dir: ctx.dir,
        files: ctx.files,
        services,
        disabled_services,
        networks,
        volumes,
        secrets,
        configs,
        environment: ctx.environment,
        warnings: Vec::new(),
    };
    validate(&mut project, &mut warnings)?;
    project.warnings = warnings;
    Ok(project)
}

/// `PROJECT_KEY`, Compose's name for a project's network or volume;
/// an external one is known by its key.
fn engine_name(project: &str, key: &str, external: bool) -> String {
    if external {
        key.to_string()
    } else {
        format!("{project}_{key}")
    }
}

fn project_name(model: &FileModel, dir: &Path, opts: &Options, env: &BTreeMap<String, String>) -> Result<String, ComposeError> {
    if let Some(n) = &opts.project_name {
        return discover::check_name(n, "-p");
    }
    if let Some(n) = env.get("COMPOSE_PROJECT_NAME").filter(|n| !n.is_empty()) {
        return discover::check_name(n, "COMPOSE_PROJECT_NAME");
    }
    if let Some(n) = model.name.as_ref().filter(|n| !n.is_empty()) {
        return discover::check_name(n, "the name: key");
    }
    let base = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = discover::normalise_name(&base);
    if name.is_empty() {
        return Err(ComposeError::Invalid(format!("the directory name {base:?} makes no valid project name: name the project with -p or `name:`")));
    }
    Ok(name)
}

fn active_profiles(opts: &Options, env: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut active: BTreeSet<String> = opts.profiles.iter().cloned().collect();
    if let Some(list) = env.get("COMPOSE_PROFILES") {
        active.extend(list.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_string));
    }
    active
}

/// `env_file` contents under `environment`; a name without a value takes
/// the project environment's (shell over `.env`), as do build args.
fn resolve_environment(svc: &mut Service, env: &BTreeMap<String, String>) -> Result<(), ComposeError> {
    let lookup = |n: &str| env.get(n).cloned();
    let mut merged: BTreeMap<String, Option<String>> = BTreeMap::new();
    for file in &svc.env_file {
        let path = Path::new(&file.path);
        if !path.exists() {
            if file.required {
                return Err(ComposeError::Invalid(format!("service {:?}: env file {} not found: create it or mark it `required: false`", svc.name, file.path)));
            }
            continue;
        }
        let entries = dotenv::read(path, &lookup).map_err(|e| ComposeError::Invalid(format!("service {:?}: {e}", svc.name)))?;
        merged.extend(entries);
    }
    merged.extend(std::mem::take(&mut svc.environment));
    for (k, v) in &mut merged {
        if v.is_none() {
            *v = env.get(k).cloned();
        }
    }
    svc.environment = merged;
    if let Some(build) = &mut svc.build {
        for (k, v) in &mut build.args {
            if v.is_none() {
                *v = env.get(k).cloned();
            }
        }
    }
    Ok(())
}

fn validate(project: &mut Project, warnings: &mut Vec<String>) -> Result<(), ComposeError> {
    let active: BTreeSet<String> = project.services.keys().cloned().collect();
    for svc in project.services.values_mut() {
        if svc.image.is_none() && svc.build.is_none() {
            return Err(ComposeError::NoImageOrBuild(svc.name.clone()));
        }
        if svc.network_mode.is_some() && !svc.networks.is_empty() {
            return Err(ComposeError::Invalid(format!("service {:?} sets both network_mode and networks, which exclude each other: keep one", svc.name)));
        }
        if let (Some(n), true) = (&svc.container_name, svc.replicas() > 1) {
            return Err(ComposeError::Invalid(format!("service {:?} runs {} replicas but names its container {n:?}, which must be unique: remove container_name or use one replica", svc.name, svc.replicas())));
        }
        if let Some(r) = &svc.restart {
            check_restart(r).map_err(|m| ComposeError::Invalid(format!("service {:?}: {m}", svc.name)))?;
        }
        let mut dropped = Vec::new();
        for (dep, d) in &svc.depends_on {
            let problem = if let Some(off) = project.disabled_services.get(dep) {
                ComposeError::DisabledDependency { service: svc.name.clone(), dependency: dep.clone(), profiles: off.profiles.join(", ") }
            } else if !active.contains(dep) {
                ComposeError::UnknownDependency { service: svc.name.clone(), dependency: dep.clone() }
            } else {
                continue;
            };
            if d.required {
                return Err(problem);
            }
            warnings.push(format!("{problem} (ignored: required is false)"));
            dropped.push(dep.clone());
        }
        for dep in dropped {
            svc.depends_on.remove(&dep);
        }
    }
    let refs = |what: &str, svc: &str, name: &str| ComposeError::Invalid(format!("service {svc:?} refers to undefined {what} {name:?}: define it under the top-level {what}s:"));
    let other_services: BTreeSet<String> = project.services.keys().chain(project.disabled_services.keys()).cloned().collect();
    for svc in project.services.values() {
        for net in svc.networks.keys() {
            if !project.networks.contains_key(net) {
                return Err(refs("network", &svc.name, net));
            }
        }
        for m in &svc.volumes {
            if let (MountType::Volume, Some(src)) = (m.kind, &m.source) {
                if !project.volumes.contains_key(src) {
                    return Err(refs("volume", &svc.name, src));
                }
            }
        }
        for s in &svc.secrets {
            if !project.secrets.contains_key(&s.source) {
                return Err(refs("secret", &svc.name, &s.source));
            }
        }
        for c in &svc.configs {
            if !project.configs.contains_key(&c.source) {
                return Err(refs("config", &svc.name, &c.source));
            }
        }
        if let Some(other) = svc.network_mode.as_deref().and_then(|m| m.strip_prefix("service:")) {
            if !other_services.contains(other) {
                return Err(ComposeError::UnknownDependency { service: svc.name.clone(), dependency: other.to_string() });
            }
        }
    }
    project.services_in_start_order()?;
    Ok(())
}

/// An enum's name as serde writes it (`service_healthy`).
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn check_restart(policy: &str) -> Result<(), String> {
    let ok = match policy.split_once(':') {
        Some(("on-failure", n)) => n.parse::<u32>().is_ok(),
        None => matches!(policy, "no" | "always" | "on-failure" | "unless-stopped"),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("invalid restart policy {policy:?}: use no, always, on-failure[:N] or unless-stopped"))
    }
}

impl Project {
    /// Services another one must wait for: `depends_on`, and the service
    /// whose network (`network_mode: service:X`) or volumes it uses.
    pub fn dependencies<'a>(&'a self, svc: &'a Service) -> impl Iterator<Item = &'a str> + 'a {
        let from_network = svc.network_mode.as_deref().and_then(|m| m.strip_prefix("service:"));
        let from_volumes = svc.volumes_from.iter().filter_map(|v| {
            let name = v.split(':').next().unwrap_or_default();
            (!name.starts_with("container")).then_some(name)
        });
        svc.depends_on.keys().map(String::as_str).chain(from_network).chain(from_volumes).filter(|d| self.services.contains_key(*d))
    }

    /// The active services, each after those it depends on (ties by name);
    /// a dependency cycle is an error that names its services.
    pub fn services_in_start_order(&self) -> Result<Vec<&Service>, ComposeError> {
        let mut placed: BTreeSet<&str> = BTreeSet::new();
        let mut order = Vec::new();
        while order.len() < self.services.len() {
            let next = self.services.values().find(|s| !placed.contains(s.name.as_str()) && self.dependencies(s).all(|d| placed.contains(d)));
            match next {
                Some(s) => {
                    placed.insert(&s.name);
                    order.push(s);
                }
                None => return Err(ComposeError::Cycle(self.find_cycle(&placed))),
            }
        }
        Ok(order)
    }

    /// A cycle among the services not yet placed: walk dependencies from
    /// the first of them until a service repeats.
    fn find_cycle(&self, placed: &BTreeSet<&str>) -> Vec<String> {
        let Some(mut current) = self.services.keys().map(String::as_str).find(|n| !placed.contains(n)) else { return Vec::new() };
        let mut path: Vec<&str> = Vec::new();
        loop {
            if let Some(i) = path.iter().position(|p| *p == current) {
                let mut cycle: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
                cycle.push(current.to_string());
                return cycle;
            }
            path.push(current);
            let Some(svc) = self.services.get(current) else { return Vec::new() };
            match self.dependencies(svc).find(|d| !placed.contains(d)) {
                Some(d) => current = self.services.get_key_value(d).map(|(k, _)| k.as_str()).unwrap_or(d),
                None => return path.iter().map(|s| s.to_string()).collect(),
            }
        }
    }

    /// The name of a service's `number`-th container (from 1):
    /// `container_name:`, else Compose's `PROJECT-SERVICE-N`.
    #[allow(dead_code)] // for `compose up`, which comes next
    pub fn container_name(&self, svc: &Service, number: u32) -> String {
        match &svc.container_name {
            Some(n) => n.clone(),
            None => format!("{}-{}-{number}", self.name, svc.name),
        }
    }

    /// The image a service runs: `image:`, else the `PROJECT-SERVICE`
    /// that Compose tags a build with.
    pub fn image_name(&self, svc: &Service) -> String {
        svc.image.clone().unwrap_or_else(|| format!("{}-{}", self.name, svc.name))
    }

    /// The labels Compose puts on a service's containers, by which
    /// `compose ps` and `down` find them, over the service's own labels.
    pub fn container_labels(&self, service: &str, number: u32) -> Result<BTreeMap<String, String>, ComposeError> {
        let svc = self.service(service)?;
        let mut labels = svc.labels.clone();
        let files: Vec<String> = self.files.iter().map(|f| f.display().to_string()).collect();
        for (k, v) in [
            ("project", self.name.clone()),
            ("service", svc.name.clone()),
            ("container-number", number.to_string()),
            ("config-hash", self.config_hash(service)?),
            ("oneoff", "False".to_string()),
            ("project.working_dir", self.working_dir.display().to_string()),
            ("project.config_files", files.join(",")),
            ("depends_on", svc.depends_on.iter().map(|(d, dep)| format!("{d}:{}:{}", serde_plain(&dep.condition), dep.restart)).collect::<Vec<_>>().join(",")),
            ("image", self.image_name(svc)),
        ] {
            labels.insert(format!("com.docker.compose.{k}"), v);
        }
        Ok(labels)
    }

    /// An active service by name.
    pub fn service(&self, name: &str) -> Result<&Service, ComposeError> {
        self.services.get(name).ok_or_else(|| ComposeError::NoSuchService(name.to_string()))
    }

    /// A stable hash of a service's resolved definition, for the
    /// `com.docker.compose.config-hash` label: `up` recreates a container
    /// whose label differs. As Compose does, what does not change a running
    /// container is left out: build, pull policy, replicas/scale,
    /// depends_on and profiles.
    pub fn config_hash(&self, service: &str) -> Result<String, ComposeError> {
        let mut svc = self.service(service)?.clone();
        svc.build = None;
        svc.pull_policy = None;
        svc.scale = None;
        svc.depends_on.clear();
        svc.profiles.clear();
        if let Some(d) = &mut svc.deploy {
            d.replicas = None;
        }
        if svc.deploy == Some(Default::default()) {
            svc.deploy = None;
        }
        let json = serde_json::to_vec(&svc).map_err(|e| ComposeError::Invalid(format!("hash service {service}: {e}")))?;
        Ok(hex::encode(Sha256::digest(&json)))
    }
}
