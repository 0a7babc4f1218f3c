//! Container lifecycle operations: create (record, bundle, /etc files) and
//! start (spawn the monitor and wait for its word).

use std::fs;
use std::io::BufRead;
use std::os::fd::{AsRawFd, OwnedFd};

use anyhow::{bail, Context, Result};
use chrono::Utc;

use crate::engine::container_files::{make_rootfs_dirs, read_from_layers};
use crate::engine::images::{self, ImageView};
use crate::engine::oci::{to_oci, BundleInputs};
use crate::engine::process::resolve_process;
use crate::engine::user::resolve_user;
use crate::spec::container::ContainerSpec;
use crate::store::containers::{new_id, random_name, ContainerRecord};
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::Store;

/// When `run`/`create` pull the image (`--pull`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PullPolicy {
    Missing,
    Always,
    Never,
    /// Podman's `newer`: pull, but run the local image when the registry
    /// cannot be reached.
    Newer,
}

impl PullPolicy {
    pub fn parse(s: &str) -> Result<PullPolicy> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "never" => Ok(PullPolicy::Never),
            "newer" => Ok(PullPolicy::Newer),
            other => bail!("invalid --pull {other:?}: use missing, always, never or newer"),
        }
    }
}

/// Makes sure the image is in the store, pulling it as `policy` says.
pub fn ensure_image(store: &Store, image: &str, policy: PullPolicy) -> Result<()> {
    ensure_image_with(store, image, policy, crate::image::registries::TlsVerify::AsConfigured)
}

/// [`ensure_image`] with the command's `--tls-verify` (build's base images).
pub fn ensure_image_with(store: &Store, image: &str, policy: PullPolicy, tls_verify: crate::image::registries::TlsVerify) -> Result<()> {
    ensure_image_quietly(store, image, policy, tls_verify, false)
}

/// [`ensure_image_with`], without the pull's progress when `quiet` (`run -q`).
pub fn ensure_image_quietly(store: &Store, image: &str, policy: PullPolicy, tls_verify: crate::image::registries::TlsVerify, quiet: bool) -> Result<()> {
    let present = images::resolve(store, image);
    if policy == PullPolicy::Newer {
        return match pull_image(store, image, tls_verify, quiet) {
            Err(e) if present.is_ok() => {
                eprintln!("warning: could not check for a newer {image} ({}); using the local image", crate::errors::one_line(&e));
                Ok(())
            }
            other => other,
        };
    }
    let pull = match (policy, &present) {
        (PullPolicy::Always, _) => true,
        (PullPolicy::Missing, Err(e)) if is_not_found(e) => {
            eprintln!("Unable to find image '{image}' locally");
            true
        }
        _ => false,
    };
    if !pull {
        return present.map(|_| ());
    }
    pull_image(store, image, tls_verify, quiet)
}

fn pull_image(store: &Store, image: &str, tls_verify: crate::image::registries::TlsVerify, quiet: bool) -> Result<()> {
    let conf = crate::image::registries::RegistriesConf::load(&store.paths)?.with_tls_verify(tls_verify);
    let progress = crate::registry::progress::Progress::for_stderr(quiet);
    let opts = crate::engine::pull::PullOptions { platform: None, credentials: None };
    crate::engine::pull::pull(store, &conf, image, &opts, &progress)?;
    Ok(())
}

fn is_not_found(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::ImageNotFound(_)))
}

/// Creates a container from `spec`: its record, its OCI bundle and its
/// /etc files. The image must be in the store (see [`ensure_image`]).
pub fn create(store: &Store, spec: ContainerSpec, name: Option<String>) -> Result<ContainerRecord> {
    // A member of a pod names the pod's infra container in its namespaces.
    let spec = crate::engine::pods::join(store, spec)?;
    // Before anything is written: a refused flag leaves no container behind.
    validate(&spec)?;
    for warning in spec.tuning.warnings(&spec.resources) {
        eprintln!("WARNING: {warning}");
    }
    // Shared with other creates and pulls, exclusive with rmi and prune: an
    // image cannot be deleted between resolving it and recording the
    // container that uses it.
    let _lock = store.lock_shared()?;
    crate::engine::namespaces::check_targets(store, &spec)?;
    let (mut spec, _networks_lock) = crate::engine::networks::prepare(store, spec)?;
    crate::engine::secrets::resolve(store, &mut spec)?;
    let image = images::resolve(store, &spec.image)?;
    let view = ImageView::load(store, image)?;
    let mut spec = crate::engine::volumes::prepare(store, spec, &view)?;
    // The image's EXPOSE lines join --expose: `-P` publishes them, `ps` shows them.
    let image_exposed = view.config.config.as_ref().and_then(|c| c.exposed_ports.as_ref());
    crate::spec::ports::merge_exposed(&mut spec.expose, &crate::spec::ports::parse_image_exposed(image_exposed.into_iter().flat_map(|m| m.keys()))?);
    // The image's HEALTHCHECK, as the --health-* flags change it.
    let image_health = crate::spec::health::HealthConfig::from_image(view.config.config.as_ref().and_then(|c| c.healthcheck.as_ref()));
    spec.health = std::mem::take(&mut spec.health).resolve(image_health.as_ref());
    let id = new_id();
    let mut record = ContainerRecord {
        id: id.clone(),
        name: String::new(),
        created: Utc::now(),
        image_id: view.record.id.to_string(),
        image_name: spec.image.clone(),
        spec,
    };
    match name {
        Some(n) => {
            validate_name(&n)?;
            record.name = n;
            store.containers.create(&record)?;
        }
        None => create_with_generated_name(store, &mut record)?,
    }
    if let Err(e) = write_bundle(store, &record, &view) {
        let _ = store.containers.remove(&id);
        let _ = crate::store::volumes::remove_anonymous(store, &record);
        return Err(e);
    }
    crate::engine::events::emit(store, crate::engine::events::Event::container("create", &record));
    Ok(record)
}

/// Refuses flags Docker refuses and limits this host cannot give (see
/// spec_checks); `run` calls it before pulling, `create` again for any caller.
pub fn validate(spec: &ContainerSpec) -> Result<()> {
    spec.namespaces.check(spec.hostname.as_deref())?;
    crate::engine::spec_checks::check(spec, &crate::engine::spec_checks::HostLimits::current()?)
}

fn write_bundle(store: &Store, record: &ContainerRecord, view: &ImageView) -> Result<()> {
    let paths = ContainerPaths::new(store, &record.id);
    make_rootfs_dirs(&paths.dir)?;
    let image_config = view.config.config.clone().unwrap_or_default();
    let mut process = resolve_process(&record.spec, &image_config, &|k| std::env::var(k).ok())?;
    let layers = layer_dirs(store, &view.config);
    let mut passwd = read_from_layers(&layers, "/etc/passwd").unwrap_or_default();
    let group = read_from_layers(&layers, "/etc/group").unwrap_or_default();
    let userns = crate::engine::userns::prepare(store, record, &mut process, &passwd, &group)?;
    if let Some(userns) = &userns {
        userns.extend_passwd(&mut passwd);
    }
    let mut user = resolve_user(&process.user, &passwd, &group)?;
    for gid in crate::spec::namespaces::resolve_groups(&record.spec.namespaces.group_add, &group)? {
        if !user.additional_gids.contains(&gid) {
            user.additional_gids.push(gid);
        }
    }
    let fresh_volumes = userns.as_ref().map(|_| crate::engine::userns::fresh_volumes(store, record)).unwrap_or_default();
    crate::engine::volumes::materialize(store, record, &layers, &user)?;
    if let Some(userns) = &userns {
        userns.shift_volumes(store, &fresh_volumes)?;
    }
    let (hostname, etc_files) = crate::engine::etc_files::prepare(store, record)?;
    let defaults = crate::spec::env::EnvDefaults { hostname: &hostname, home: &user.home, tty: record.spec.tty };
    process.env = crate::spec::env::with_defaults(std::mem::take(&mut process.env), &defaults);
    let o = &record.spec.options;
    let user_keys: Vec<&str> = record.spec.env.iter().map(|kv| kv.split_once('=').map_or(kv.as_str(), |(k, _)| k)).collect();
    process.env = crate::spec::env::apply_rules(std::mem::take(&mut process.env), &o.env_merge, &o.unsetenv, o.unsetenv_all, &user_keys);
    let secret_files = crate::engine::secrets::materialize(store, &record.spec, &paths.dir)?;
    secret_files.apply_env(&mut process.env);
    if let Some(userns) = &userns {
        userns.shift_dir(&paths.dir.join("secrets"), "the container's secrets")?;
    }
    let mut devices = record.spec.devices.iter().map(crate::engine::devices::stat_device).collect::<Result<Vec<_>>>()?;
    if record.spec.privileged {
        devices = crate::engine::devices::host_devices(std::path::Path::new("/dev"));
    }
    let (_, host_nofile_hard) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).context("read RLIMIT_NOFILE")?;
    let mut spec = to_oci(&BundleInputs {
        spec: &record.spec,
        process: &process,
        user: &user,
        rootfs: paths.merged.clone(),
        hostname,
        etc_files,
        host_nofile_hard,
        devices,
    })?;
    crate::engine::secrets::add_mounts(&mut spec, &secret_files)?;
    if let Some(userns) = &userns {
        userns.apply(&mut spec)?;
    }
    let json = serde_json::to_vec_pretty(&spec).context("serialise the OCI spec")?;
    // A --rm container's bundle need not outlive a crash (see Durability).
    crate::store::atomic::write_atomic_as(&paths.config, &json, crate::store::atomic::Durability::unless(record.spec.auto_remove))
}

/// Docker's rule for container names.
pub fn validate_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        bail!("invalid container name {name:?}: only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    Ok(())
}

/// Tries generated names until one is free (Docker's adjective_noun, then
/// with a number once those run short).
fn create_with_generated_name(store: &Store, record: &mut ContainerRecord) -> Result<()> {
    for attempt in 0..200 {
        record.name = if attempt < 100 { random_name() } else { format!("{}_{}", random_name(), rand::random::<u16>()) };
        match store.containers.create(record) {
            Err(e) if matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::NameInUse(_))) => continue,
            other => return other,
        }
    }
    bail!("could not find a free container name: give one with --name")
}

/// How `start` should wait.
pub enum StartMode {
    /// Return once the container's process runs (or failed to start).
    Detached,
    /// Return once the monitor listens; the process starts when a client attaches.
    Attach,
}

/// Spawns the container's monitor and waits for it to report.
pub fn start(store: &Store, id: &str, mode: StartMode) -> Result<()> {
    start_with_fds(store, id, mode, 0)
}

/// Like [`start`], passing our fds 3..3+`preserve_fds` to the container
/// (`run --preserve-fds N`); every other fd of ours stays out of it.
pub fn start_with_fds(store: &Store, id: &str, mode: StartMode, preserve_fds: u32) -> Result<()> {
    crate::runtime::fds::keep_across_exec(preserve_fds).map_err(|e| anyhow::anyhow!(e))?;
    let container = store.containers.load(id)?;
    if matches!(container.state.status, crate::store::containers::Status::Running | crate::store::containers::Status::Stopping) {
        return Ok(());
    }
    start_required(store, &container.record, 0)?;
    // A user's start undoes their stop (as Docker's): the restart policy
    // and a boot-time `start --filter stopped-by-user=false` apply again.
    if container.state.stopped_by_user {
        store.containers.update_state(id, |st| {
            st.stopped_by_user = false;
            Ok(())
        })?;
    }
    crate::engine::pods::ensure_infra_running(store, &container.record.spec)?;
    crate::engine::namespaces::point_at_targets(store, &container.record, &ContainerPaths::new(store, id).config)?;
    let (sync_r, sync_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create the monitor's sync pipe")?;
    let attach = matches!(mode, StartMode::Attach);
    let tty_size = if attach && container.record.spec.tty { crate::engine::attach::terminal_size() } else { None };
    spawn_monitor(store, id, &sync_w, attach, tty_size, preserve_fds)?;
    drop(sync_w);
    // One line; not EOF, since the container's init holds a copy of the
    // pipe until it execs.
    let mut message = String::new();
    std::io::BufReader::new(fs::File::from(sync_r)).read_line(&mut message).context("read the monitor's report")?;
    match crate::monitor::protocol::StartReport::decode(&message) {
        Some(crate::monitor::protocol::StartReport::Started) => write_pid_files(store, id),
        Some(crate::monitor::protocol::StartReport::Failed { code, message }) => Err(crate::errors::PontoonError::StartFailed { code, message }.into()),
        None => bail!("the monitor of container {} exited without reporting; see {}", &id[..12], ContainerPaths::new(store, id).dir.join("monitor.log").display()),
    }
}

/// `--requires`: the containers named are started first (and theirs
/// before them), at every start, as Podman does.
fn start_required(store: &Store, record: &ContainerRecord, depth: usize) -> Result<()> {
    if depth > 16 {
        bail!("the --requires of container {} go round in a circle: remove one of them", record.name);
    }
    for name in &record.spec.options.requires {
        let required = store.containers.find(name).with_context(|| format!("container {} requires {name}", record.name))?;
        if !crate::engine::lifecycle::is_running(&required) {
            start_required(store, &required.record, depth + 1)?;
            start(store, &required.record.id, StartMode::Detached).with_context(|| format!("start {name}, which container {} requires", record.name))?;
        }
    }
    Ok(())
}

/// `--pidfile` and `--conmon-pidfile`: the container's and its monitor's
/// pids, written at each start.
fn write_pid_files(store: &Store, id: &str) -> Result<()> {
    let c = store.containers.load(id)?;
    let o = &c.record.spec.options;
    for (file, pid) in [(&o.pidfile, c.state.pid), (&o.conmon_pidfile, c.state.monitor_pid)] {
        if let (Some(file), Some(pid)) = (file, pid) {
            fs::write(file, pid.to_string()).with_context(|| format!("write the pid file {}", file.display()))?;
        }
    }
    Ok(())
}

/// Double-forks `pontoon-monitor __monitor ID` (or `pontoon __monitor ID`,
/// see engine::monitor_exe) into its own session, so it outlives this
/// command and is never a zombie of it.
fn spawn_monitor(store: &Store, id: &str, sync_w: &OwnedFd, attach: bool, tty_size: Option<(u16, u16)>, preserve_fds: u32) -> Result<()> {
    let (mut cmd, _sealed_exe) = crate::engine::monitor_exe::monitor_command()?;
    let (events_var, events_settings) = crate::engine::events::settings_for_child();
    cmd.env(events_var, events_settings);
    cmd.arg("--root").arg(&store.paths.root).arg("--runroot").arg(&store.paths.runroot);
    cmd.arg("__monitor").arg(id).arg("--sync-fd").arg(sync_w.as_raw_fd().to_string());
    if attach {
        cmd.arg("--attach-wait");
    }
    if let Some((rows, cols)) = tty_size {
        cmd.arg("--tty-size").arg(format!("{rows}x{cols}"));
    }
    if preserve_fds > 0 {
        cmd.arg("--preserve-fds").arg(preserve_fds.to_string());
    }
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(ContainerPaths::new(store, id).dir.join("monitor.log"))
        .context("open the monitor's log")?;
    cmd.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).stderr(log);
    // The monitor keeps the write end of the sync pipe across exec.
    crate::runtime::spawn::spawn_detached(cmd, sync_w.as_raw_fd(), "container monitor")
}
