//! A pod's infra container: made from a local image of pontoon's own
//! (`localhost/pontoon-pause`, one layer of empty mount-point
//! directories, written into the store on first use, so a pod needs no
//! pull and no network), running the pause process from a sealed copy of
//! pontoon (runtime::pause). It holds the pod's namespaces, published
//! ports, network, DNS settings and hostname.

use anyhow::{Context, Result};

use crate::engine::image_writer::{now_rfc3339, uncompressed_layer, write_image};
use crate::image::manifest::{ContainerConfig, History, ImageConfig, Platform, RootFs};
use crate::spec::container::ContainerSpec;
use crate::spec::namespaces::NamespaceMode;
use crate::store::pods::PodRecord;
use crate::store::Store;

/// The image infra containers are made from (Podman's is localhost/podman-pause).
pub const PAUSE_IMAGE: &str = "localhost/pontoon-pause:latest";

/// What `ps` shows as the infra container's command.
const PAUSE_COMMAND: &str = "/pontoon-pause";

/// The directories the runtime mounts over; everything else stays empty.
const MOUNT_POINTS: [&str; 6] = ["dev", "etc", "proc", "run", "sys", "tmp"];

/// Writes the pause image into the store unless it is there.
pub fn ensure_pause_image(store: &Store) -> Result<()> {
    if crate::engine::images::resolve(store, PAUSE_IMAGE).is_ok() {
        return Ok(());
    }
    let _lock = store.lock_shared()?;
    let tar = pause_layer()?;
    let (diff_id, size) = store.blobs.put_reader(tar.as_slice()).context("store the pause image's layer")?;
    store.layers.unpack(&diff_id, store.blobs.open(&diff_id)?, &store.unpack_options()).context("unpack the pause image's layer")?;
    let created = now_rfc3339();
    let host = Platform::host();
    let config = ImageConfig {
        created: Some(created.clone()),
        author: None,
        architecture: host.architecture,
        os: host.os,
        variant: None,
        config: Some(ContainerConfig { cmd: Some(vec![PAUSE_COMMAND.into()]), ..Default::default() }),
        rootfs: RootFs { kind: "layers".into(), diff_ids: vec![diff_id.clone()] },
        history: vec![History { created: Some(created), comment: Some("pontoon pod infra image".into()), ..Default::default() }],
    };
    write_image(store, &config, vec![uncompressed_layer(&diff_id, size)], vec![PAUSE_IMAGE.to_string()])?;
    Ok(())
}

/// The one layer: the mount points, owned by root, dated 0 so that every
/// store gets the same layer.
fn pause_layer() -> Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    for dir in MOUNT_POINTS {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Directory);
        header.set_mode(if dir == "tmp" { 0o1777 } else { 0o755 });
        header.set_size(0);
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        builder.append_data(&mut header, format!("{dir}/"), std::io::empty()).context("write the pause image's layer")?;
    }
    builder.into_inner().context("write the pause image's layer")
}

/// The infra container's spec: the pod's network settings, ports and
/// hostname, and namespaces of its own for the members to join.
pub fn infra_spec(pod: &PodRecord) -> ContainerSpec {
    let spec = &pod.spec;
    let mut c = ContainerSpec {
        image: PAUSE_IMAGE.to_string(),
        network: spec.network.clone(),
        ports: spec.ports.clone(),
        dns: spec.dns.clone(),
        extra_hosts: spec.extra_hosts.clone(),
        sysctls: spec.sysctls.clone(),
        hostname: Some(spec.effective_hostname()),
        pod: Some(pod.id.clone()),
        pod_infra: true,
        ..Default::default()
    };
    // Its own PID namespace whether or not shared: the pause is its PID 1.
    c.namespaces.pid = NamespaceMode::Private;
    c
}

/// Makes the infra container of `pod` (created, not started); returns its Id.
pub fn create_infra(store: &Store, pod: &PodRecord) -> Result<String> {
    ensure_pause_image(store)?;
    let name = pod.spec.infra_name.clone().unwrap_or_else(|| format!("{}-infra", &pod.id[..12]));
    let record = crate::engine::container::create(store, infra_spec(pod), Some(name)).with_context(|| format!("create the infra container of pod {}", pod.name))?;
    Ok(record.id)
}

/// Before a member of a pod starts: the pod's infra container runs
/// (Podman starts it first). Nothing to do outside a pod, for the infra
/// container itself, or in a pod without one.
pub fn ensure_infra_running(store: &Store, spec: &ContainerSpec) -> Result<()> {
    let Some(pod_id) = spec.pod.as_deref() else { return Ok(()) };
    if spec.pod_infra {
        return Ok(());
    }
    let pod = crate::engine::pods::pod_store(store).load(pod_id)?;
    let Some(infra) = pod.infra_id.as_deref() else { return Ok(()) };
    let c = crate::engine::lifecycle::reconcile(store, &store.containers.load(infra)?)?;
    if crate::engine::lifecycle::is_running(&c) {
        return Ok(());
    }
    crate::engine::container::start(store, infra, crate::engine::container::StartMode::Detached)
        .with_context(|| format!("start the infra container of pod {}", pod.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pod::{PodSpec, Share};

    #[test]
    fn the_infra_container_holds_the_pods_network_settings() {
        let mut spec = PodSpec::named("web");
        spec.share.push(Share::Pid);
        spec.ports = crate::spec::ports::parse_publish("8080:80").unwrap();
        spec.extra_hosts = crate::spec::dns::parse_extra_hosts(&["db:10.0.0.5".into()]).unwrap();
        let pod = PodRecord { id: "a".repeat(64), name: "web".into(), created: chrono::Utc::now(), spec, infra_id: None };
        let c = infra_spec(&pod);
        assert_eq!(c.image, PAUSE_IMAGE);
        assert!(c.pod_infra);
        assert_eq!(c.pod.as_deref(), Some(pod.id.as_str()));
        assert_eq!(c.hostname.as_deref(), Some("web"));
        assert_eq!(c.ports, pod.spec.ports);
        assert_eq!(c.extra_hosts, pod.spec.extra_hosts);
        assert_eq!(c.namespaces.pid, NamespaceMode::Private, "the pause is PID 1 of the pod's namespace");
    }

    #[test]
    fn the_pause_layer_is_the_same_every_time() {
        let a = pause_layer().unwrap();
        assert_eq!(a, pause_layer().unwrap());
        let mut archive = tar::Archive::new(a.as_slice());
        let names: Vec<String> = archive.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect();
        assert_eq!(names, ["dev/", "etc/", "proc/", "run/", "sys/", "tmp/"]);
    }
}
