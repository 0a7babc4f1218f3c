//! `kube play` as a plan: the file's documents turned into the pods,
//! containers and volumes pontoon will make, checked as a whole before the
//! engine (engine::kube_play) makes any of them. Names follow Podman: a
//! Pod's pod is its name, a Deployment's, DaemonSet's or Job's is
//! `<name>-pod` (one replica: a machine is not a cluster), and each
//! container is `<pod>-<container>`.

use std::collections::{BTreeMap, BTreeSet};

use super::error::KubeError;
use super::model::{Container, ConfigMap, Object, PodSpec as KubePodSpec, PodTemplate, Volume};
use super::sources::{Fail, Sources};
use super::yaml::{locate, Document, FieldPath};
use crate::engine::container::PullPolicy;
use crate::pod::PodSpec;
use crate::spec::container::ContainerSpec;
use crate::spec::network::NetworkMode;
use crate::spec::restart::RestartPolicy;

/// Where a container's mount comes from, as the engine will make it.
#[derive(Clone, Debug, PartialEq)]
pub enum MountSource {
    /// A named volume: a persistentVolumeClaim's claimName, or a hostPath without a slash.
    Named(String),
    /// A host path, with the hostPath `type` (DirectoryOrCreate...).
    Bind { path: String, kind: String },
    /// An emptyDir: one volume for the pod, by the pod's volume name.
    EmptyDir(String),
    /// An emptyDir of medium Memory: a tmpfs, of `sizeLimit` bytes.
    Tmpfs(Option<i64>),
    /// A configMap or secret volume: files the engine writes, by volume name.
    Files(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlannedMount {
    pub source: MountSource,
    pub target: String,
    pub read_only: bool,
}

#[derive(Clone, Debug)]
pub struct ContainerPlan {
    /// `<pod>-<container>`.
    pub name: String,
    /// The container's name in the manifest.
    pub kube_name: String,
    pub pull: PullPolicy,
    /// The spec without mounts (those are `mounts`) and without the pod.
    pub spec: ContainerSpec,
    pub mounts: Vec<PlannedMount>,
}

#[derive(Clone, Debug)]
pub struct PodPlan {
    /// `Pod web`, `Deployment app`: for messages.
    pub object: String,
    pub spec: PodSpec,
    /// Run to completion, one after the other, before `containers` start.
    pub init: Vec<ContainerPlan>,
    pub containers: Vec<ContainerPlan>,
    /// configMap and secret volumes, by volume name.
    pub files: BTreeMap<String, FileVolume>,
}

/// The files of a configMap or secret volume, and where they came from
/// (kept on the volume, so that `kube generate` can write the object back).
#[derive(Clone, Debug, PartialEq)]
pub struct FileVolume {
    pub secret: bool,
    /// The ConfigMap's or Secret's name.
    pub name: String,
    pub files: BTreeMap<String, Vec<u8>>,
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// PersistentVolumeClaims: named volumes made when missing, kept by `kube down`.
    pub claims: Vec<String>,
    pub pods: Vec<PodPlan>,
    /// One line each, without the `warning: ` prefix.
    pub warnings: Vec<String>,
}

pub struct PlayInput<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub docs: &'a [Document],
    /// `--configmap` files' ConfigMaps.
    pub config_maps: &'a [ConfigMap],
    /// `--network`: the pods' network instead of the default.
    pub network: Option<NetworkMode>,
}

/// The pod's name for a document that makes one, None for the others.
pub fn pod_name(object: &Object) -> Option<String> {
    match object {
        Object::Pod(p) => p.metadata.name.clone(),
        Object::Workload(w) => w.metadata.name.as_ref().map(|n| format!("{n}-pod")),
        _ => None,
    }
}

/// Checks the whole file and plans it; the first problem is the error.
pub fn plan(input: &PlayInput) -> Result<Plan, KubeError> {
    let mut out = Plan::default();
    let mut sources = Sources::default();
    let fail = |doc: &Document, (path, message): Fail| {
        let object = format!("{} {}", doc.object.kind(), doc.object.name());
        KubeError::at(input.file, locate(input.text, doc.index, &path), object.trim(), &path.to_string(), message)
    };
    for cm in input.config_maps {
        // A --configmap file was read and typed already; its base64 errors are its own.
        sources.add_config_map(cm).map_err(|(p, m)| KubeError::at("--configmap", None, &format!("ConfigMap {}", cm.metadata.name.as_deref().unwrap_or("")), &p.to_string(), m))?;
    }
    let mut names = BTreeSet::new();
    for doc in input.docs {
        let object = format!("{} {}", doc.object.kind(), doc.object.name());
        // A Service is ignored as a whole (said below), not field by field.
        let fields = if matches!(doc.object, Object::Service(_)) { Vec::new() } else { super::unsupported::fields(&doc.value, &doc.object) };
        for field in fields {
            out.warnings.push(format!("{object}: {field} is not supported, ignored"));
        }
        if doc.object.metadata().name.as_deref().unwrap_or("").is_empty() {
            return Err(fail(doc, (FieldPath::default().key("metadata").key("name"), "is required: name the object".into())));
        }
        match &doc.object {
            Object::ConfigMap(cm) => sources.add_config_map(cm).map_err(|f| fail(doc, f))?,
            Object::Secret(s) => sources.add_secret(s).map_err(|f| fail(doc, f))?,
            Object::Claim(c) => {
                let name = c.metadata.name.clone().unwrap_or_default();
                crate::spec::mounts::validate_volume_name(&name).map_err(|e| fail(doc, (FieldPath::default().key("metadata").key("name"), e.to_string())))?;
                if !out.claims.contains(&name) {
                    out.claims.push(name);
                }
            }
            Object::Service(_) => out.warnings.push(format!("{object}: a Service is not played: a pod publishes the ports its containers give a hostPort")),
            Object::Pod(_) | Object::Workload(_) => {}
        }
    }
    for doc in input.docs {
        let (template, base): (PodTemplate, FieldPath) = match &doc.object {
            Object::Pod(p) => (PodTemplate { metadata: p.metadata.clone(), spec: p.spec.clone() }, FieldPath::default().key("spec")),
            Object::Workload(w) => {
                if let Some(n) = w.spec.replicas.filter(|n| *n > 1) {
                    out.warnings.push(format!("{} {}: {n} replicas asked, one is made: pontoon runs one replica of a {} on one machine", w.kind, doc.object.name(), w.kind));
                }
                (w.spec.template.clone(), FieldPath::default().key("spec").key("template").key("spec"))
            }
            _ => continue,
        };
        let name = pod_name(&doc.object).unwrap_or_default();
        if !names.insert(name.clone()) {
            return Err(fail(doc, (FieldPath::default().key("metadata").key("name"), format!("a second pod named {name:?}: names must be unique in the file"))));
        }
        let kind = doc.object.kind().to_string();
        let labels = if template.metadata.labels.is_empty() { doc.object.metadata().labels.clone() } else { template.metadata.labels.clone() };
        let pod = plan_pod(&name, &kind, labels, &template.spec, &base, &sources, input, &mut out.warnings, &doc.object).map_err(|f| fail(doc, f))?;
        out.pods.push(PodPlan { object: format!("{kind} {}", doc.object.name()), ..pod });
    }
    Ok(out)
}

/// Kubernetes' restartPolicy as a container restart policy.
fn restart_of(kind: &str, policy: Option<&str>, backoff_limit: Option<i64>, at: &FieldPath) -> Result<RestartPolicy, Fail> {
    let here = || at.key("restartPolicy");
    let policy = match (kind, policy) {
        ("Job", None) => "Never",
        ("Job", Some("Always")) => return Err((here(), "a Job's pods cannot restart Always: use Never or OnFailure".into())),
        (_, None) => "Always",
        (_, Some(p)) => p,
    };
    match policy {
        "Always" => Ok(RestartPolicy { name: "always".into(), max_retries: 0 }),
        "OnFailure" => Ok(RestartPolicy { name: "on-failure".into(), max_retries: backoff_limit.map_or(0, |n| n.max(0) as u32) }),
        "Never" => Ok(RestartPolicy { name: "no".into(), max_retries: 0 }),
        other => Err((here(), format!("unknown restartPolicy {other:?}: use Always, OnFailure or Never"))),
    }
}

#[allow(clippy::too_many_arguments)]
fn plan_pod(name: &str, kind: &str, labels: BTreeMap<String, String>, spec: &KubePodSpec, at: &FieldPath, sources: &Sources, input: &PlayInput, warnings: &mut Vec<String>, object: &Object) -> Result<PodPlan, Fail> {
    let mut pod = PodSpec::named(name);
    pod.check().map_err(|e| (FieldPath::default().key("metadata").key("name"), e.to_string()))?;
    pod.labels = labels;
    pod.hostname = spec.hostname.clone();
    if let Some(network) = &input.network {
        pod.network = network.clone();
    }
    if spec.host_network == Some(true) {
        if input.network.is_some() {
            warnings.push(format!("{kind} {}: hostNetwork is set, --network is ignored", object.name()));
        }
        pod.network = NetworkMode::Host;
    }
    let hosts: Vec<String> = spec.host_aliases.iter().flat_map(|a| a.hostnames.iter().map(move |h| format!("{h}:{}", a.ip))).collect();
    pod.extra_hosts = crate::spec::dns::parse_extra_hosts(&hosts).map_err(|e| (at.key("hostAliases"), e.to_string()))?;
    for (set, field) in [(spec.automount_service_account_token, "automountServiceAccountToken"), (spec.enable_service_links, "enableServiceLinks")] {
        if set == Some(true) {
            warnings.push(format!("{kind} {}: {} is not supported, ignored", object.name(), at.key(field)));
        }
    }
    if spec.containers.is_empty() {
        return Err((at.key("containers"), "is empty: a pod needs at least one container".into()));
    }
    let backoff = match object {
        Object::Workload(w) if kind == "Job" => Some(w.spec.backoff_limit.unwrap_or(6)),
        _ => None,
    };
    let restart = restart_of(kind, spec.restart_policy.as_deref(), backoff, at)?;
    for field in ignored_values(spec, at, object) {
        warnings.push(format!("{kind} {}: {field} is not supported, ignored", object.name()));
    }
    let (volumes, files) = plan_volumes(spec, at, sources)?;
    let mut seen = BTreeSet::new();
    let mut plan_all = |list: &[Container], field: &str, restart: &RestartPolicy| -> Result<Vec<ContainerPlan>, Fail> {
        let mut out = Vec::new();
        for (i, c) in list.iter().enumerate() {
            let here = at.key(field).index(i);
            if !seen.insert(c.name.clone()) {
                return Err((here.key("name"), format!("a second container named {:?}: names must be unique in a pod", c.name)));
            }
            let planned = plan_container(name, c, &here, spec, sources, &volumes, restart)?;
            for p in &c.ports {
                if let Some(host_port) = p.host_port {
                    let protocol = p.protocol.as_deref().unwrap_or("TCP").to_ascii_lowercase();
                    let ip = p.host_ip.as_deref().map(|ip| if ip.contains(':') { format!("[{ip}]:") } else { format!("{ip}:") }).unwrap_or_default();
                    let mapping = crate::spec::ports::parse_publish(&format!("{ip}{host_port}:{}/{protocol}", p.container_port)).map_err(|e| (here.key("ports"), e.to_string()))?;
                    if pod.ports.iter().any(|m| m.host_port == host_port as u16 && m.protocol == mapping[0].protocol) {
                        return Err((here.key("ports"), format!("host port {host_port} is published twice in the pod")));
                    }
                    pod.ports.extend(mapping);
                }
            }
            out.push(planned);
        }
        Ok(out)
    };
    // Init containers run once, to completion (Podman's default "once" type).
    let mut init = plan_all(&spec.init_containers, "initContainers", &RestartPolicy { name: "no".into(), max_retries: 0 })?;
    let mut containers = plan_all(&spec.containers, "containers", &restart)?;
    if pod.network == NetworkMode::Host {
        // Each container takes the host's network itself: a rootless member
        // cannot join an infra container's namespace that is the host's,
        // and with the host's interfaces a hostPort needs no forwarding.
        pod.share.retain(|s| *s != crate::pod::Share::Net);
        pod.ports.clear();
        for c in init.iter_mut().chain(containers.iter_mut()) {
            c.spec.network = NetworkMode::Host;
        }
    }
    Ok(PodPlan { object: String::new(), spec: pod, init, containers, files })
}

/// Fields the model reads but whose value pontoon cannot act on (so the
/// round trip of kube::unsupported keeps them): limits other than memory
/// and cpu, a disk emptyDir's sizeLimit, a Job's backoffLimit without
/// OnFailure (pontoon retries containers, not pods).
fn ignored_values(spec: &KubePodSpec, at: &FieldPath, object: &Object) -> Vec<String> {
    let mut out = Vec::new();
    for (field, list) in [("initContainers", &spec.init_containers), ("containers", &spec.containers)] {
        for (i, c) in list.iter().enumerate() {
            for key in c.resources.iter().flat_map(|r| r.limits.keys()).filter(|k| *k != "memory" && *k != "cpu") {
                out.push(at.key(field).index(i).key("resources").key("limits").key(key).to_string());
            }
        }
    }
    for (i, v) in spec.volumes.iter().enumerate() {
        if v.empty_dir.as_ref().is_some_and(|e| e.size_limit.is_some() && e.medium.as_deref().unwrap_or("").is_empty()) {
            out.push(at.key("volumes").index(i).key("emptyDir").key("sizeLimit").to_string());
        }
    }
    // One machine has one namespace: the default one.
    if object.metadata().namespace.as_deref().is_some_and(|n| n != "default") {
        out.push("metadata.namespace".to_string());
    }
    if let Object::Workload(w) = object {
        if w.spec.backoff_limit.is_some() && spec.restart_policy.as_deref() != Some("OnFailure") {
            out.push("spec.backoffLimit".to_string());
        }
    }
    out
}

/// The pod's volumes by name, and the files of its configMap and secret volumes.
#[allow(clippy::type_complexity)]
fn plan_volumes(spec: &KubePodSpec, at: &FieldPath, sources: &Sources) -> Result<(BTreeMap<String, Option<MountSource>>, BTreeMap<String, FileVolume>), Fail> {
    let mut volumes = BTreeMap::new();
    let mut files = BTreeMap::new();
    for (i, v) in spec.volumes.iter().enumerate() {
        let here = at.key("volumes").index(i);
        if volumes.contains_key(&v.name) {
            return Err((here.key("name"), format!("a second volume named {:?}", v.name)));
        }
        let source = volume_source(v, &here, sources, &mut files)?;
        volumes.insert(v.name.clone(), source);
    }
    Ok((volumes, files))
}

fn volume_source(v: &Volume, here: &FieldPath, sources: &Sources, files: &mut BTreeMap<String, FileVolume>) -> Result<Option<MountSource>, Fail> {
    let given = [v.host_path.is_some(), v.empty_dir.is_some(), v.persistent_volume_claim.is_some(), v.config_map.is_some(), v.secret.is_some()];
    if given.iter().filter(|g| **g).count() != 1 {
        return Err((here.clone(), format!("volume {:?} needs exactly one of hostPath, emptyDir, persistentVolumeClaim, configMap and secret", v.name)));
    }
    if let Some(h) = &v.host_path {
        // Podman's rule: a path without a slash names a volume.
        if !h.path.contains('/') {
            return Ok(Some(MountSource::Named(h.path.clone())));
        }
        let kind = h.kind.clone().unwrap_or_default();
        if !["", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"].contains(&kind.as_str()) {
            return Err((here.key("hostPath").key("type"), format!("unknown hostPath type {kind:?}")));
        }
        if !h.path.starts_with('/') {
            return Err((here.key("hostPath").key("path"), format!("{:?} is not an absolute path", h.path)));
        }
        return Ok(Some(MountSource::Bind { path: h.path.clone(), kind }));
    }
    if let Some(e) = &v.empty_dir {
        return match e.medium.as_deref().unwrap_or("") {
            "" => Ok(Some(MountSource::EmptyDir(v.name.clone()))),
            "Memory" => {
                let size = e.size_limit.as_ref().map(|q| super::quantity::bytes(&q.0)).transpose().map_err(|err| (here.key("emptyDir").key("sizeLimit"), err.to_string()))?;
                Ok(Some(MountSource::Tmpfs(size)))
            }
            other => Err((here.key("emptyDir").key("medium"), format!("medium {other:?} is not supported: use \"\" or Memory"))),
        };
    }
    if let Some(c) = &v.persistent_volume_claim {
        crate::spec::mounts::validate_volume_name(&c.claim_name).map_err(|e| (here.key("persistentVolumeClaim").key("claimName"), e.to_string()))?;
        return Ok(Some(MountSource::Named(c.claim_name.clone())));
    }
    let (secret, name, items, optional, field) = match (&v.config_map, &v.secret) {
        (Some(c), _) => (false, &c.name, &c.items, c.optional == Some(true), "configMap"),
        (None, Some(s)) => (true, &s.secret_name, &s.items, s.optional == Some(true), "secret"),
        (None, None) => return Ok(None),
    };
    match sources.files(secret, name, items, optional, &here.key(field))? {
        Some(content) => {
            files.insert(v.name.clone(), FileVolume { secret, name: name.clone(), files: content });
            Ok(Some(MountSource::Files(v.name.clone())))
        }
        // A missing optional source mounts nothing.
        None => Ok(None),
    }
}

fn plan_container(pod: &str, c: &Container, at: &FieldPath, pod_spec: &KubePodSpec, sources: &Sources, volumes: &BTreeMap<String, Option<MountSource>>, restart: &RestartPolicy) -> Result<ContainerPlan, Fail> {
    if c.name.is_empty() {
        return Err((at.key("name"), "is required: name the container".into()));
    }
    let image = match c.image.as_deref().map(str::trim) {
        Some(i) if !i.is_empty() => i.to_string(),
        _ => return Err((at.key("image"), format!("is required: give container {:?} an image", c.name))),
    };
    let name = format!("{pod}-{}", c.name);
    crate::engine::container::validate_name(&name).map_err(|e| (at.key("name"), e.to_string()))?;
    let pull = match c.image_pull_policy.as_deref() {
        // Kubernetes pulls `:latest` on every start; pontoon uses a local
        // image when there is one, so a machine without a registry plays too.
        None | Some("IfNotPresent") => PullPolicy::Missing,
        Some("Always") => PullPolicy::Always,
        Some("Never") => PullPolicy::Never,
        Some(other) => return Err((at.key("imagePullPolicy"), format!("unknown policy {other:?}: use Always, IfNotPresent or Never"))),
    };
    let env = sources.env(c, at)?;
    let mut spec = ContainerSpec { image, restart: restart.clone(), ..Default::default() };
    // Kubernetes' command replaces the image's ENTRYPOINT (and drops its
    // CMD); args replace CMD. `$(VAR)` in both comes from the environment.
    let expand = |v: &Vec<String>| v.iter().map(|a| super::sources::expand(a, &env)).collect::<Vec<_>>();
    let (command, args) = (expand(&c.command), expand(&c.args));
    if let Some((program, rest)) = command.split_first() {
        spec.entrypoint = Some(program.clone());
        spec.command = rest.to_vec();
    }
    spec.command.extend(args);
    spec.env = env.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    spec.workdir = c.working_dir.clone().filter(|w| !w.is_empty());
    spec.tty = c.tty == Some(true);
    spec.interactive = c.stdin == Some(true);
    spec.stop_timeout = pod_spec.termination_grace_period_seconds.map(|s| s.clamp(0, u32::MAX as i64) as u32);
    for p in &c.ports {
        if !(1..=65535).contains(&p.container_port) || p.host_port.is_some_and(|h| !(1..=65535).contains(&h)) {
            return Err((at.key("ports"), format!("port {} is out of range 1-65535", p.container_port)));
        }
        let protocol = p.protocol.as_deref().unwrap_or("TCP").to_ascii_lowercase();
        spec.expose.extend(crate::spec::ports::parse_expose(&format!("{}/{protocol}", p.container_port)).map_err(|e| (at.key("ports"), e.to_string()))?);
    }
    if let Some(r) = &c.resources {
        for (key, q) in &r.limits {
            let here = at.key("resources").key("limits").key(key);
            match key.as_str() {
                "memory" => spec.resources.memory_bytes = Some(super::quantity::bytes(&q.0).map_err(|e| (here, e.to_string()))?),
                "cpu" => spec.resources.nano_cpus = Some(super::quantity::nano_cpus(&q.0).map_err(|e| (here, e.to_string()))?),
                _ => {}
            }
        }
    }
    security(&mut spec, c, pod_spec);
    // A probe of an unsupported kind only (grpc) was warned about: no check.
    if let Some(probe) = c.liveness_probe.as_ref().filter(|p| p.exec.is_some() || p.http_get.is_some() || p.tcp_socket.is_some()) {
        let check = super::probes::to_health(probe, &c.ports).map_err(|e| (at.key("livenessProbe"), e.to_string()))?;
        spec.health.config = Some(check);
    }
    let mut mounts = Vec::new();
    for (i, m) in c.volume_mounts.iter().enumerate() {
        let here = at.key("volumeMounts").index(i);
        let Some(source) = volumes.get(&m.name) else {
            return Err((here.key("name"), format!("no volume named {:?} in the pod's volumes: add it there", m.name)));
        };
        if !m.mount_path.starts_with('/') {
            return Err((here.key("mountPath"), format!("{:?} is not an absolute path", m.mount_path)));
        }
        if let Some(source) = source {
            let claim_read_only = pod_spec.volumes.iter().any(|v| v.name == m.name && v.persistent_volume_claim.as_ref().is_some_and(|c| c.read_only == Some(true)));
            let read_only = m.read_only == Some(true) || claim_read_only || matches!(source, MountSource::Files(_));
            mounts.push(PlannedMount { source: source.clone(), target: m.mount_path.clone(), read_only });
        }
    }
    Ok(ContainerPlan { name, kube_name: c.name.clone(), pull, spec, mounts })
}

/// The container's and the pod's securityContext: the container's wins.
fn security(spec: &mut ContainerSpec, c: &Container, pod: &KubePodSpec) {
    let ctx = c.security_context.clone().unwrap_or_default();
    let pod_ctx = pod.security_context.clone().unwrap_or_default();
    let user = ctx.run_as_user.or(pod_ctx.run_as_user);
    let group = ctx.run_as_group.or(pod_ctx.run_as_group);
    spec.user = match (user, group) {
        (Some(u), Some(g)) => Some(format!("{u}:{g}")),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(g)) => Some(format!("0:{g}")),
        (None, None) => None,
    };
    spec.namespaces.group_add = pod_ctx.supplemental_groups.iter().map(|g| g.to_string()).collect();
    spec.privileged = ctx.privileged == Some(true);
    spec.read_only = ctx.read_only_root_filesystem == Some(true);
    if let Some(caps) = &ctx.capabilities {
        spec.cap_add = caps.add.clone();
        spec.cap_drop = caps.drop.clone();
    }
}

#[cfg(test)]
#[path = "play_tests.rs"]
mod tests;
