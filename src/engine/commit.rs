//! `commit`: a new image from a container, as `docker commit` makes it: the
//! container's image with one more layer (what the container changed) and
//! a config that runs what the container ran, then `--change` instructions.
//!
//! The config follows Docker, whose commit takes the container's own
//! config (the image's, where `run` gave nothing else): Cmd, Entrypoint,
//! Env, WorkingDir, User, ExposedPorts (with the ports `-p` published),
//! Labels and StopSignal come from the container; the rest (Volumes,
//! Healthcheck, OnBuild, Shell) stay the image's.

use std::path::Path;

use anyhow::{Context, Result};

use crate::engine::container_fs::diff::mount_points;
use crate::engine::image_writer::{manifest_layers, now_rfc3339, uncompressed_layer, write_image};
use crate::engine::images::{self, ImageView};
use crate::engine::import::apply_changes;
use crate::engine::lifecycle::{is_running, reconcile};
use crate::engine::pause;
use crate::engine::process::resolve_process;
use crate::image::manifest::{ContainerConfig, History};
use crate::store::containers::{Container, Status};
use crate::store::images::ImageRecord;
use crate::store::layer_writer::{layer_from_upper_with_owners, NewLayer};
use crate::store::layout::ContainerPaths;
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

/// The container's filesystem changes as one layer (None when it changed nothing).
/// The mount points its bundle created are left out. Hold the store's
/// shared lock until an image records the layer (see `layer_from_upper`).
pub fn container_layer(store: &Store, c: &Container) -> Result<Option<NewLayer>> {
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if driver == Driver::Vfs {
        anyhow::bail!("commit needs an overlay storage driver: with vfs a container's changes are not kept apart from its image");
    }
    let paths = ContainerPaths::new(store, &c.record.id);
    // A user namespace of its own: the owners inside, as the image keeps them.
    let owner = crate::engine::userns::owner_inside(&paths.config);
    layer_from_upper_with_owners(store, &paths.upper, &mount_points(&paths.config), &owner)
        .with_context(|| format!("read the changes of container {}", c.record.name))
}

/// What `commit` was asked for.
pub struct CommitRequest {
    pub author: Option<String>,
    pub message: Option<String>,
    /// Dockerfile instructions applied to the new image's config (`-c`).
    pub changes: Vec<String>,
    /// Freeze a running container while its changes are read (`--pause`).
    pub pause: bool,
    /// A normalised `registry/repo:tag`, or none for a dangling image.
    pub name: Option<String>,
}

/// Makes an image of the container's image and its changes; a name that
/// another image had moves to the new one.
pub fn commit(store: &Store, c: &Container, request: CommitRequest) -> Result<ImageRecord> {
    let parent = ImageView::load(store, images::resolve(store, &c.record.image_id)?)?;
    let run_with = run_config(store, c, parent.config.config.clone().unwrap_or_default())?;
    // Docker's history names the container's command (its Cmd only).
    let created_by = run_with.cmd.as_ref().map(|cmd| cmd.join(" ")).filter(|s| !s.is_empty());
    let mut config = run_with;
    // Before anything is read or written: a bad -c leaves no trace.
    apply_changes(&request.changes, &mut config)?;

    let _lock = store.lock_shared()?;
    let layer = if request.pause { while_paused(store, c, || container_layer(store, c))? } else { container_layer(store, c)? };
    let created = now_rfc3339();
    let mut image = parent.config.clone();
    if image.history.is_empty() {
        // Keep history and layers in step for `history`, which pairs them.
        image.history = image.rootfs.diff_ids.iter().map(|_| History::default()).collect();
    }
    image.history.push(History {
        created: Some(created.clone()),
        created_by,
        author: request.author.clone(),
        comment: request.message,
        empty_layer: layer.is_none(),
    });
    image.created = Some(created);
    image.author = request.author;
    image.config = (config != ContainerConfig::default()).then_some(config);
    let mut layers = manifest_layers(store, &parent.record.manifest)?;
    if let Some(layer) = &layer {
        image.rootfs.diff_ids.push(layer.diff_id.clone());
        layers.push(uncompressed_layer(&layer.diff_id, layer.size));
    }
    let record = write_image(store, &image, layers, request.name.into_iter().collect())?;
    crate::engine::events::emit(store, crate::engine::events::Event::container("commit", &c.record).attr("image", &record.id.to_string()));
    Ok(record)
}

/// The image's config with what the container was run with in its place.
fn run_config(store: &Store, c: &Container, image: ContainerConfig) -> Result<ContainerConfig> {
    let spec = &c.record.spec;
    let mut config = image.clone();
    let command = (!spec.command.is_empty()).then(|| spec.command.clone());
    match &spec.entrypoint {
        // An explicit entrypoint drops the image's Cmd, as `run` did.
        Some(e) if e.is_empty() => (config.entrypoint, config.cmd) = (None, command),
        Some(e) => (config.entrypoint, config.cmd) = (Some(vec![e.clone()]), command),
        None => config.cmd = command.or(config.cmd),
    }
    // `-e KEY` took its value from the environment of `run`: the value the
    // bundle got is the one to keep.
    let bundle = bundle_env(&ContainerPaths::new(store, &c.record.id).config);
    let given = |key: &str| bundle.iter().find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=').map(String::from));
    let env = resolve_process(spec, &image, &given).with_context(|| format!("the process of container {}", c.record.name))?.env;
    config.env = (!env.is_empty()).then_some(env);
    if let Some(dir) = spec.workdir.clone().filter(|d| !d.is_empty()) {
        config.working_dir = Some(dir);
    }
    if let Some(user) = spec.user.clone().filter(|u| !u.is_empty()) {
        config.user = Some(user);
    }
    if let Some(signal) = spec.stop_signal.clone() {
        config.stop_signal = Some(signal);
    }
    if !spec.labels.is_empty() {
        config.labels.get_or_insert_with(Default::default).extend(spec.labels.clone());
    }
    let ports = crate::spec::ports::exposed_set(&spec.expose, &spec.ports);
    if !ports.is_empty() {
        let exposed = config.exposed_ports.get_or_insert_with(Default::default);
        for (port, protocol) in ports {
            exposed.insert(format!("{port}/{protocol}"), serde_json::json!({}));
        }
    }
    Ok(config)
}

/// The environment the container's process was given, from its bundle.
fn bundle_env(config: &Path) -> Vec<String> {
    oci_spec::runtime::Spec::load(config).ok().and_then(|s| s.process().as_ref().and_then(|p| p.env().clone())).unwrap_or_default()
}

/// Runs `work` with the container frozen when it runs (and is not paused
/// already), resuming it afterwards whether `work` succeeded or not.
fn while_paused<T>(store: &Store, c: &Container, work: impl FnOnce() -> Result<T>) -> Result<T> {
    let c = reconcile(store, c)?;
    if !is_running(&c) || c.state.status == Status::Paused {
        return work();
    }
    let name = &c.record.name;
    pause::pause(store, &c).with_context(|| format!("pause container {name} for the commit (or commit with --pause=false)"))?;
    let result = work();
    let resumed = store.containers.find(&c.record.id).and_then(|now| pause::thaw(store, &now));
    match (result, resumed) {
        (result, Ok(())) => result,
        (Ok(_), Err(e)) => Err(e.context(format!("resume container {name} after the commit: it stays paused until `pontoon unpause {name}`"))),
        (Err(e), Err(thaw)) => Err(e.context(format!("container {name} also stays paused ({thaw:#}): resume it with `pontoon unpause {name}`"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::container::ContainerSpec;
    use crate::spec::ports::PortMapping;
    use crate::store::containers::{ContainerRecord, ContainerState};

    fn container(spec: ContainerSpec) -> Container {
        let record = ContainerRecord { id: "0".repeat(64), name: "web".into(), created: chrono::Utc::now(), image_id: String::new(), image_name: "busybox".into(), spec };
        Container { record, state: ContainerState::default() }
    }

    fn image() -> ContainerConfig {
        ContainerConfig {
            cmd: Some(vec!["sh".into()]),
            env: Some(vec!["PATH=/bin".into(), "MODE=image".into()]),
            working_dir: Some("/srv".into()),
            labels: Some([("from".to_string(), "image".to_string()), ("both".to_string(), "image".to_string())].into()),
            exposed_ports: Some([("53/udp".to_string(), serde_json::json!({}))].into()),
            on_build: Some(vec!["RUN true".into()]),
            ..Default::default()
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::store::paths::StorePaths { root: dir.path().join("root"), runroot: dir.path().join("run"), config_dir: dir.path().join("config"), rootless: false };
        let store = Store::open(&paths).unwrap();
        (dir, store)
    }

    #[test]
    fn a_container_run_with_nothing_keeps_the_image_config() {
        let (_dir, store) = store();
        let c = container(ContainerSpec { image: "busybox".into(), ..Default::default() });
        assert_eq!(run_config(&store, &c, image()).unwrap(), image());
    }

    #[test]
    fn what_run_was_given_replaces_the_image_s_defaults() {
        let (_dir, store) = store();
        let spec = ContainerSpec {
            image: "busybox".into(),
            command: vec!["httpd".into(), "-f".into()],
            env: vec!["MODE=run".into(), "EXTRA=1".into(), "UNSET_ON_HOST".into()],
            workdir: Some("/www".into()),
            user: Some("100:101".into()),
            labels: [("both".to_string(), "run".to_string())].into(),
            ports: vec![PortMapping { container_port: 80, host_port: 8080, ..Default::default() }],
            stop_signal: Some("SIGQUIT".into()),
            ..Default::default()
        };
        let config = run_config(&store, &container(spec), image()).unwrap();
        assert_eq!(config.cmd.unwrap(), ["httpd", "-f"]);
        assert_eq!(config.env.unwrap(), ["PATH=/bin", "MODE=run", "EXTRA=1"]);
        assert_eq!(config.working_dir.as_deref(), Some("/www"));
        assert_eq!(config.user.as_deref(), Some("100:101"));
        assert_eq!(config.stop_signal.as_deref(), Some("SIGQUIT"));
        let labels = config.labels.unwrap();
        assert_eq!((labels["from"].as_str(), labels["both"].as_str()), ("image", "run"));
        assert_eq!(config.exposed_ports.unwrap().keys().collect::<Vec<_>>(), ["53/udp", "80/tcp"]);
        assert_eq!(config.on_build.unwrap(), ["RUN true"], "the rest stays the image's");
    }

    #[test]
    fn an_entrypoint_given_to_run_drops_the_image_s_cmd() {
        let (_dir, store) = store();
        let spec = ContainerSpec { image: "busybox".into(), entrypoint: Some("/bin/cat".into()), ..Default::default() };
        let config = run_config(&store, &container(spec), image()).unwrap();
        assert_eq!((config.entrypoint.unwrap(), config.cmd), (vec!["/bin/cat".to_string()], None));
        let spec = ContainerSpec { image: "busybox".into(), entrypoint: Some(String::new()), command: vec!["ls".into()], ..Default::default() };
        let config = run_config(&store, &container(spec), image()).unwrap();
        assert_eq!((config.entrypoint, config.cmd.unwrap()), (None, vec!["ls".to_string()]));
    }
}
