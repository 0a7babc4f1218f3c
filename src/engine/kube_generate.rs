//! `kube generate POD|CONTAINER...`: the engine's side. It reads the pods'
//! and containers' records, their images' environment and the files of
//! their played ConfigMap and Secret volumes, and hands them to
//! kube::generate.

use anyhow::{bail, Result};

use crate::engine::images::{self, ImageView};
use crate::engine::pods;
use crate::errors::PontoonError;
use crate::kube::generate::{self, Group, Member};
use crate::kube::play::FileVolume;
use crate::kube::model::{Object, Pod};
use crate::spec::network::NetworkMode;
use crate::store::containers::Container;
use crate::store::Store;

fn member(store: &Store, c: &Container) -> Member {
    let image_env = images::resolve(store, &c.record.image_id)
        .and_then(|r| ImageView::load(store, r))
        .ok()
        .and_then(|v| v.config.config.and_then(|c| c.env))
        .unwrap_or_default();
    let mut sources = std::collections::BTreeMap::new();
    for m in c.record.spec.mounts.iter().filter(|m| m.kind == crate::spec::mounts::MountKind::Volume) {
        let Ok(v) = store.volumes.load(&m.source) else { continue };
        let Some((kind, name)) = v.labels.get(crate::engine::kube_play::SOURCE_LABEL).and_then(|l| l.split_once('/')) else { continue };
        let mut files = std::collections::BTreeMap::new();
        read_files(&crate::engine::volumes::mountpoint(store, &v), "", &mut files);
        sources.insert(m.source.clone(), FileVolume { secret: kind == "Secret", name: name.to_string(), files });
    }
    Member { name: c.record.name.clone(), spec: c.record.spec.clone(), image_env, sources }
}

/// The files under `dir`, by path relative to it.
fn read_files(dir: &std::path::Path, prefix: &str, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        match e.file_type() {
            Ok(t) if t.is_dir() => read_files(&e.path(), &format!("{name}/"), out),
            Ok(t) if t.is_file() => {
                if let Ok(bytes) = std::fs::read(e.path()) {
                    out.insert(name, bytes);
                }
            }
            _ => {}
        }
    }
}

fn is_missing(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_) | PontoonError::NoSuchContainer(_)))
}

/// What `kube generate` writes.
#[derive(Default)]
pub struct Generated {
    /// PersistentVolumeClaims of the volumes named, first.
    pub claims: Vec<Object>,
    /// Each pod with the ConfigMaps and Secrets its played volumes came from.
    pub pods: Vec<(Pod, Vec<Object>)>,
}

/// The manifests of `names`: each pod is a Pod, the containers named
/// outside pods together one more (named `<first>-pod`), each volume a
/// PersistentVolumeClaim, as Podman generates them.
pub fn generate(store: &Store, names: &[String]) -> Result<Generated> {
    let mut generated = Generated::default();
    let out = &mut generated.pods;
    let mut lone: Vec<Container> = Vec::new();
    for name in names {
        match pods::find(store, name) {
            Ok(pod) => {
                let members: Vec<Container> = pods::members(store, &pod)?.into_iter().filter(|c| !pods::is_infra(&pod, c)).collect();
                if members.is_empty() {
                    bail!("pod {} has no containers: add one (pontoon run --pod {} ...) before generating its manifest", pod.name, pod.name);
                }
                let group = Group {
                    name: pod.name.clone(),
                    hostname: pod.spec.hostname.clone(),
                    host_network: pod.spec.network == NetworkMode::Host,
                    ports: pod.spec.ports.clone(),
                    extra_hosts: pod.spec.extra_hosts.clone(),
                    labels: pod.spec.labels.clone(),
                    members: members.iter().map(|c| member(store, c)).collect(),
                };
                warn(&group);
                out.push((generate::pod(&group, &is_file), generate::sources(&group)));
            }
            Err(e) if is_missing(&e) => {
                let Ok(c) = store.containers.find(name) else {
                    match store.volumes.load(name) {
                        Ok(v) => generated.claims.push(Object::Claim(generate::claim(&v.name))),
                        Err(_) => bail!("no such pod, container or volume: {name}"),
                    }
                    continue;
                };
                if c.record.spec.pod.is_some() {
                    bail!("container {} is in a pod: generate the pod's manifest instead", c.record.name);
                }
                lone.push(c);
            }
            Err(e) => return Err(e),
        }
    }
    if let Some(first) = lone.first() {
        let group = Group {
            name: format!("{}-pod", first.record.name),
            hostname: first.record.spec.hostname.clone(),
            host_network: first.record.spec.network == NetworkMode::Host,
            ports: Vec::new(),
            extra_hosts: Vec::new(),
            labels: Default::default(),
            members: lone.iter().map(|c| member(store, c)).collect(),
        };
        warn(&group);
        out.push((generate::pod(&group, &is_file), generate::sources(&group)));
    }
    Ok(generated)
}

fn warn(group: &Group) {
    for line in generate::dropped(group) {
        eprintln!("warning: {line}");
    }
}

fn is_file(path: &str) -> bool {
    std::fs::metadata(path).map(|m| m.is_file()).unwrap_or(false)
}
