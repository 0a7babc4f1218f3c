//! `kube generate` as a pure function: containers' specs (and their
//! images' environment) to a Pod manifest that a cluster accepts: names
//! made DNS-1123 labels, no null or empty fields, only the environment the
//! image does not set already (as Podman), probes from healthchecks, and
//! Kubernetes' spellings of ports, capabilities and quantities.

use std::collections::BTreeMap;

use super::model::*;
use super::play::FileVolume;
use crate::spec::container::ContainerSpec;
use crate::spec::mounts::MountKind;
use crate::spec::ports::{PortMapping, Protocol};

/// A container to describe, with what its image sets already.
pub struct Member {
    pub name: String,
    pub spec: ContainerSpec,
    pub image_env: Vec<String>,
    /// The volumes that `kube play` made of ConfigMaps and Secrets, by
    /// volume name: written back as the objects they came from.
    pub sources: BTreeMap<String, FileVolume>,
}

/// The pod to describe: a pontoon pod, or lone containers (Podman names
/// their pod `<first container>-pod`).
pub struct Group {
    pub name: String,
    pub hostname: Option<String>,
    pub host_network: bool,
    /// Published by the pod (its infra container), not by a member.
    pub ports: Vec<PortMapping>,
    /// The pod's `--add-host` entries (hostAliases).
    pub extra_hosts: Vec<crate::spec::dns::ExtraHost>,
    pub labels: BTreeMap<String, String>,
    pub members: Vec<Member>,
}

/// A DNS-1123 label (lowercase letters, digits and `-`, at most 63, a
/// letter or digit at both ends), as Kubernetes requires of names.
pub fn dns_label(name: &str) -> String {
    let mut out: String = name.to_ascii_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    out.truncate(63);
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "pod".to_string() } else { out }
}

fn is_dns_label(s: &str) -> bool {
    !s.is_empty() && s.len() <= 63 && dns_label(s) == s
}

/// Kubernetes' capability names have no `CAP_` prefix.
fn capability(c: &str) -> String {
    let upper = c.to_ascii_uppercase();
    upper.strip_prefix("CAP_").map(str::to_string).unwrap_or(upper)
}

fn protocol(p: Protocol) -> Option<String> {
    // TCP is the default: left out, as kubectl's own output does.
    match p {
        Protocol::Tcp => None,
        Protocol::Udp => Some("UDP".into()),
    }
}

/// The pod manifest. `is_file` tells a bind source that is a file from a
/// directory (hostPath types).
pub fn pod(group: &Group, is_file: &dyn Fn(&str) -> bool) -> Pod {
    let name = dns_label(&group.name);
    // Kubernetes' rules for labels; a pod label that breaks them is left out.
    let valid = |s: &str, max: usize| s.len() <= max && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) && s.chars().next().is_none_or(|c| c.is_ascii_alphanumeric()) && s.chars().last().is_none_or(|c| c.is_ascii_alphanumeric());
    let mut labels: BTreeMap<String, String> = group.labels.iter().filter(|(k, v)| {
        let (prefix, key) = k.rsplit_once('/').unwrap_or(("", k));
        !key.is_empty() && valid(key, 63) && valid(v, 63) && (prefix.is_empty() || (prefix.len() <= 253 && prefix.split('.').all(is_dns_label)))
    }).map(|(k, v)| (k.clone(), v.clone())).collect();
    labels.insert("app".into(), name.clone());
    let mut spec = PodSpec::default();
    let mut volumes: Vec<Volume> = Vec::new();
    let mut unplaced: Vec<&PortMapping> = group.ports.iter().collect();
    for (i, m) in group.members.iter().enumerate() {
        let prefix = format!("{}-", group.name);
        let own = m.name.strip_prefix(&prefix).filter(|n| !n.is_empty()).unwrap_or(&m.name);
        let mut c = container(own, m, &mut volumes, is_file);
        // The pod's ports go to the member that exposes them, else the first.
        let mine: Vec<&PortMapping> = unplaced.iter().copied().filter(|p| m.spec.expose.iter().any(|e| e.container_port == p.container_port && e.protocol == p.protocol)).collect();
        unplaced.retain(|p| !mine.contains(p));
        let last = i + 1 == group.members.len();
        let rest: Vec<&PortMapping> = if last { std::mem::take(&mut unplaced) } else { Vec::new() };
        for p in mine.into_iter().chain(m.spec.ports.iter()).chain(rest) {
            c.ports.push(ContainerPort {
                name: None,
                container_port: p.container_port as i64,
                host_port: Some(p.host_port as i64).filter(|h| *h != 0),
                host_ip: p.host_ip.filter(|ip| !ip.is_unspecified()).map(|ip| ip.to_string()),
                protocol: protocol(p.protocol),
            });
        }
        spec.containers.push(c);
    }
    if let Some(first) = group.members.first() {
        spec.restart_policy = Some(
            match first.spec.restart.name.as_str() {
                "always" | "unless-stopped" => "Always",
                "on-failure" => "OnFailure",
                _ => "Never",
            }
            .to_string(),
        );
        spec.termination_grace_period_seconds = first.spec.stop_timeout.map(i64::from);
    }
    spec.hostname = group.hostname.clone().filter(|h| is_dns_label(h));
    spec.host_network = group.host_network.then_some(true);
    let mut aliases: Vec<HostAlias> = Vec::new();
    for h in group.extra_hosts.iter().chain(group.members.iter().flat_map(|m| &m.spec.extra_hosts)) {
        let crate::spec::dns::HostAddress::Ip(ip) = &h.address else { continue };
        match aliases.iter_mut().find(|a| a.ip == ip.to_string()) {
            Some(a) if !a.hostnames.contains(&h.name) => a.hostnames.push(h.name.clone()),
            Some(_) => {}
            None => aliases.push(HostAlias { ip: ip.to_string(), hostnames: vec![h.name.clone()] }),
        }
    }
    spec.host_aliases = aliases;
    spec.volumes = volumes;
    Pod { api_version: "v1".into(), kind: "Pod".into(), metadata: ObjectMeta { name: Some(name), labels, ..Default::default() }, spec }
}

fn container(name: &str, member: &Member, volumes: &mut Vec<Volume>, is_file: &dyn Fn(&str) -> bool) -> Container {
    let (s, image_env) = (&member.spec, &member.image_env);
    let mut c = Container { name: dns_label(name), image: Some(s.image.clone()), ..Default::default() };
    match s.entrypoint.as_deref() {
        // An entrypoint drops the image's CMD: the command is all there is.
        Some("") => c.command = s.command.clone(),
        Some(e) => {
            c.command = vec![e.to_string()];
            c.args = s.command.clone();
        }
        None => c.args = s.command.clone(),
    }
    c.env = s
        .env
        .iter()
        .filter(|e| e.contains('=') && !image_env.contains(e))
        .filter_map(|e| e.split_once('='))
        .map(|(k, v)| EnvVar { name: k.to_string(), value: Some(v.to_string()), value_from: None })
        .collect();
    c.working_dir = s.workdir.clone().filter(|w| !w.is_empty());
    c.tty = s.tty.then_some(true);
    c.stdin = s.interactive.then_some(true);
    let mut limits = BTreeMap::new();
    if let Some(m) = s.resources.memory_bytes.filter(|m| *m > 0) {
        limits.insert("memory".to_string(), Quantity(super::quantity::format_bytes(m)));
    }
    if let Some(n) = s.resources.nano_cpus.filter(|n| *n > 0) {
        limits.insert("cpu".to_string(), Quantity(super::quantity::format_cpus(n)));
    }
    if !limits.is_empty() {
        c.resources = Some(Resources { limits });
    }
    c.security_context = security(s);
    c.liveness_probe = s.health.check().and_then(super::probes::from_health);
    for m in &s.mounts {
        let (volume, read_only) = match m.kind {
            MountKind::Volume if member.sources.contains_key(&m.source) => {
                let source = &member.sources[&m.source];
                let items = items(source);
                let mut v = Volume { name: dns_label(&source.name), ..Default::default() };
                if source.secret {
                    v.secret = Some(SecretSource { secret_name: source.name.clone(), items, optional: None });
                } else {
                    v.config_map = Some(ConfigMapSource { name: source.name.clone(), items, optional: None });
                }
                // Kubernetes mounts these read-only anyway.
                (v, false)
            }
            MountKind::Volume if m.anonymous => (Volume { name: String::new(), empty_dir: Some(EmptyDirSource::default()), ..Default::default() }, m.readonly),
            MountKind::Volume => (Volume { name: format!("{}-pvc", dns_label(&m.source)), persistent_volume_claim: Some(ClaimSource { claim_name: m.source.clone(), read_only: None }), ..Default::default() }, m.readonly),
            MountKind::Bind => {
                let kind = if is_file(&m.source) { "File" } else { "Directory" };
                (Volume { name: format!("{}-host", dns_label(&m.source)), host_path: Some(HostPathSource { path: m.source.clone(), kind: Some(kind.into()) }), ..Default::default() }, m.readonly)
            }
            MountKind::Tmpfs => continue,
        };
        let name = add_volume(volumes, volume, &m.target);
        c.volume_mounts.push(VolumeMount { name, mount_path: m.target.clone(), read_only: read_only.then_some(true) });
    }
    for t in &s.tmpfs {
        // Docker's `size=16m` is binary megabytes; Kubernetes' `16m` would be millibytes.
        let size = t.options.iter().find_map(|o| o.strip_prefix("size=")).and_then(|s| crate::compose::units::parse_bytes(s).ok()).map(|b| Quantity(super::quantity::format_bytes(b as i64)));
        let volume = Volume { name: String::new(), empty_dir: Some(EmptyDirSource { medium: Some("Memory".into()), size_limit: size }), ..Default::default() };
        let name = add_volume(volumes, volume, &t.target);
        c.volume_mounts.push(VolumeMount { name, mount_path: t.target.clone(), read_only: None });
    }
    c
}

/// What the containers ask for that a Pod manifest cannot say: one line
/// each, for `kube generate` to warn about.
pub fn dropped(group: &Group) -> Vec<String> {
    let mut out = Vec::new();
    for m in &group.members {
        let s = &m.spec;
        let mut note = |bad: bool, what: &str| {
            if bad {
                out.push(format!("container {}: {what} is not in the manifest", m.name));
            }
        };
        note(s.user.as_deref().is_some_and(|u| u.split(':').any(|p| p.parse::<i64>().is_err())), "a user by name (Kubernetes takes numeric ids)");
        note(s.env.iter().any(|e| !e.contains('=')), "an environment variable without a value");
        note(!s.devices.is_empty(), "--device");
        note(!s.ulimits.is_empty(), "--ulimit");
        note(s.stop_signal.is_some(), "--stop-signal");
        note(s.init, "--init");
        note(s.dns != Default::default(), "--dns");
        note(matches!(s.network, crate::spec::network::NetworkMode::Networks(_)), "its networks");
        note(s.extra_hosts.iter().any(|h| !matches!(h.address, crate::spec::dns::HostAddress::Ip(_))), "--add-host host-gateway");
    }
    out
}

/// A ConfigMap or Secret key: the file's path where it is one (letters,
/// digits, `-`, `_`, `.`), else the path with `_` for the other characters.
fn key_of(path: &str) -> String {
    path.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect()
}

/// The `items` a volume needs: those files whose path is not their key.
fn items(source: &FileVolume) -> Vec<KeyToPath> {
    source.files.keys().filter(|p| key_of(p) != **p).map(|p| KeyToPath { key: key_of(p), path: p.clone() }).collect()
}

/// The ConfigMaps and Secrets that the group's played volumes came from.
pub fn sources(group: &Group) -> Vec<Object> {
    use base64::Engine as _;
    let mut out: Vec<Object> = Vec::new();
    for source in group.members.iter().flat_map(|m| m.sources.values()) {
        let kind = if source.secret { "Secret" } else { "ConfigMap" };
        if out.iter().any(|o| o.kind() == kind && o.name() == source.name) {
            continue;
        }
        let metadata = ObjectMeta { name: Some(source.name.clone()), ..Default::default() };
        let b64 = |v: &Vec<u8>| base64::engine::general_purpose::STANDARD.encode(v);
        if source.secret {
            let data = source.files.iter().map(|(p, v)| (key_of(p), b64(v))).collect();
            out.push(Object::Secret(Secret { api_version: "v1".into(), kind: kind.into(), metadata, kind_of_secret: Some("Opaque".into()), data, string_data: BTreeMap::new() }));
        } else {
            let (mut data, mut binary_data) = (BTreeMap::new(), BTreeMap::new());
            for (p, v) in &source.files {
                match String::from_utf8(v.clone()) {
                    Ok(text) => data.insert(key_of(p), text),
                    Err(_) => binary_data.insert(key_of(p), b64(v)),
                };
            }
            out.push(Object::ConfigMap(ConfigMap { api_version: "v1".into(), kind: kind.into(), metadata, data, binary_data }));
        }
    }
    out
}

/// Adds the volume to the pod unless an equal one is there (two
/// containers of one named volume share it); returns its name.
fn add_volume(volumes: &mut Vec<Volume>, mut volume: Volume, target: &str) -> String {
    if volume.name.is_empty() {
        volume.name = dns_label(&format!("{}-tmp", target.trim_matches('/')));
    } else if let Some(same) = volumes.iter().find(|v| Volume { name: v.name.clone(), ..volume.clone() } == **v) {
        return same.name.clone();
    }
    let base = volume.name.clone();
    let mut n = 1;
    while volumes.iter().any(|v| v.name == volume.name) {
        n += 1;
        volume.name = format!("{}-{n}", &base[..base.len().min(58)]);
    }
    let name = volume.name.clone();
    volumes.push(volume);
    name
}

fn security(s: &ContainerSpec) -> Option<SecurityContext> {
    let (user, group) = match s.user.as_deref().map(|u| u.split_once(':').map_or((u, None), |(u, g)| (u, Some(g)))) {
        Some((u, g)) => (u.parse::<i64>().ok(), g.and_then(|g| g.parse::<i64>().ok())),
        None => (None, None),
    };
    let caps = (!s.cap_add.is_empty() || !s.cap_drop.is_empty()).then(|| Capabilities { add: s.cap_add.iter().map(|c| capability(c)).collect(), drop: s.cap_drop.iter().map(|c| capability(c)).collect() });
    let ctx = SecurityContext {
        run_as_user: user,
        run_as_group: group,
        privileged: s.privileged.then_some(true),
        read_only_root_filesystem: s.read_only.then_some(true),
        capabilities: caps,
    };
    (ctx != SecurityContext::default()).then_some(ctx)
}

/// `--service`: a NodePort Service for the pod's host ports, selected by
/// the pod's `app` label, each port at the same node port when it lies in
/// Kubernetes' default range, else one the cluster picks.
pub fn service(pod: &Pod) -> Service {
    let name = pod.metadata.name.clone().unwrap_or_default();
    let mut ports = Vec::new();
    for p in pod.spec.containers.iter().flat_map(|c| &c.ports) {
        let proto = p.protocol.clone().unwrap_or_else(|| "TCP".into());
        if ports.iter().any(|s: &ServicePort| s.port == p.container_port && s.protocol.clone().unwrap_or_else(|| "TCP".into()) == proto) {
            continue;
        }
        ports.push(ServicePort {
            name: Some(format!("{}-{}", p.container_port, proto.to_ascii_lowercase())),
            port: p.container_port,
            target_port: Some(IntOrString::Int(p.container_port)),
            node_port: p.host_port.filter(|h| (30000..=32767).contains(h)),
            protocol: p.protocol.clone(),
        });
    }
    let selector: BTreeMap<String, String> = [("app".to_string(), name.clone())].into();
    Service {
        api_version: "v1".into(),
        kind: "Service".into(),
        metadata: ObjectMeta { name: Some(name.clone()), labels: selector.clone(), ..Default::default() },
        spec: ServiceSpec { kind: Some("NodePort".into()), selector, ports },
    }
}

/// A volume as the claim a cluster would bind it to: Podman's one
/// ReadWriteOnce gibibyte, since a local volume has no size.
pub fn claim(name: &str) -> PersistentVolumeClaim {
    let spec = serde_yaml_ng::from_str("accessModes:\n- ReadWriteOnce\nresources:\n  requests:\n    storage: 1Gi\n").ok();
    PersistentVolumeClaim { api_version: "v1".into(), kind: "PersistentVolumeClaim".into(), metadata: ObjectMeta { name: Some(name.to_string()), ..Default::default() }, spec }
}

/// `--type deployment`: the pod as the template of a one-replica
/// Deployment named `<pod>-deployment`, as Podman names it.
pub fn deployment(pod: Pod) -> Workload {
    let name = pod.metadata.name.clone().unwrap_or_default();
    let labels = pod.metadata.labels.clone();
    let selector: BTreeMap<String, String> = [("app".to_string(), name.clone())].into();
    let mut spec = pod.spec;
    // A Deployment's pods always restart (the API refuses anything else).
    spec.restart_policy = Some("Always".into());
    Workload {
        api_version: "apps/v1".into(),
        kind: "Deployment".into(),
        metadata: ObjectMeta { name: Some(format!("{}-deployment", &name[..name.len().min(52)])), labels: selector.clone(), ..Default::default() },
        spec: WorkloadSpec {
            replicas: Some(1),
            selector: Some(LabelSelector { match_labels: selector }),
            backoff_limit: None,
            template: PodTemplate { metadata: ObjectMeta { labels, ..Default::default() }, spec },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::mounts::MountSpec;

    fn member(name: &str) -> Member {
        let mut spec = ContainerSpec { image: "busybox".into(), command: vec!["httpd".into(), "-f".into()], env: vec!["PATH=/bin".into(), "A=1".into()], ..Default::default() };
        spec.expose = crate::spec::ports::parse_expose("80").unwrap();
        spec.mounts = vec![
            MountSpec { kind: MountKind::Volume, source: "data".into(), target: "/data".into(), ..Default::default() },
            MountSpec { kind: MountKind::Bind, source: "/srv/www".into(), target: "/www".into(), readonly: true, ..Default::default() },
        ];
        spec.cap_drop = vec!["CAP_NET_RAW".into()];
        spec.resources.memory_bytes = Some(64 << 20);
        Member { name: name.into(), spec, image_env: vec!["PATH=/bin".into()], sources: BTreeMap::new() }
    }

    #[test]
    fn a_pod_becomes_a_manifest_a_cluster_accepts() {
        let labels = [("tier".to_string(), "front".to_string()), ("bad key".into(), "x".into()), ("example.com/ok".into(), "yes".into()), ("k".into(), "no spaces".into())].into();
        let group = Group { name: "Web_1".into(), hostname: None, host_network: false, ports: crate::spec::ports::parse_publish("8080:80").unwrap(), labels, extra_hosts: crate::spec::dns::parse_extra_hosts(&["db:10.0.0.5".to_string()]).unwrap(), members: vec![member("Web_1-httpd")] };
        let pod = pod(&group, &|_| false);
        assert_eq!(pod.metadata.name.as_deref(), Some("web-1"));
        assert_eq!(pod.metadata.labels.keys().collect::<Vec<_>>(), ["app", "example.com/ok", "tier"], "labels a cluster refuses are left out");
        let c = &pod.spec.containers[0];
        assert_eq!(c.name, "httpd", "the pod's prefix is left out");
        assert_eq!((c.command.len(), c.args.clone()), (0, vec!["httpd".to_string(), "-f".into()]));
        assert_eq!(c.env, [EnvVar { name: "A".into(), value: Some("1".into()), value_from: None }], "only what the image does not set");
        assert_eq!(c.ports[0], ContainerPort { container_port: 80, host_port: Some(8080), ..Default::default() });
        assert_eq!(c.resources.as_ref().unwrap().limits["memory"].0, "64Mi");
        assert_eq!(c.security_context.as_ref().unwrap().capabilities.as_ref().unwrap().drop, ["NET_RAW"]);
        assert_eq!(pod.spec.volumes[0].persistent_volume_claim.as_ref().unwrap().claim_name, "data");
        assert_eq!(pod.spec.volumes[1].host_path.as_ref().unwrap().kind.as_deref(), Some("Directory"));
        assert_eq!(c.volume_mounts[1].read_only, Some(true));
        assert_eq!(pod.spec.host_aliases, [HostAlias { ip: "10.0.0.5".into(), hostnames: vec!["db".into()] }]);
        assert!(dropped(&group).is_empty());
        let yaml = serde_yaml_ng::to_string(&pod).unwrap();
        assert!(!yaml.contains("null") && !yaml.contains("[]") && !yaml.contains("{}"), "{yaml}");
        let svc = service(&pod);
        assert_eq!(svc.spec.ports[0].port, 80);
        assert_eq!(svc.spec.selector["app"], "web-1");
        let d = deployment(pod);
        assert_eq!(d.metadata.name.as_deref(), Some("web-1-deployment"));
        assert_eq!(d.spec.template.metadata.labels["app"], "web-1");
    }

    #[test]
    fn names_become_dns_labels() {
        assert_eq!(dns_label("My_App.v2"), "my-app-v2");
        assert_eq!(dns_label("__"), "pod");
        assert_eq!(dns_label(&"a".repeat(80)).len(), 63);
    }
}
