//! Container lifecycle operations: create (record, bundle, /etc files) and
//! start (spawn the monitor and wait for its word).

use std::fs;
use std::io::BufRead;
use std::os::fd::{AsRawFd, OwnedFd};
use std::process::Command;

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
}

impl PullPolicy {
    pub fn parse(s: &str) -> Result<PullPolicy> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "never" => Ok(PullPolicy::Never),
            other => bail!("invalid --pull {other:?}: use missing, always or never"),
        }
    }
}

/// Makes sure the image is in the store, pulling it as `policy` says.
pub fn ensure_image(store: &Store, image: &str, policy: PullPolicy) -> Result<()> {
    ensure_image_with(store, image, policy, crate::image::registries::TlsVerify::AsConfigured)
}

/// [`ensure_image`] with the command's `--tls-verify` (build's base images).
pub fn ensure_image_with(store: &Store, image: &str, policy: PullPolicy, tls_verify: crate::image::registries::TlsVerify) -> Result<()> {
    let present = images::resolve(store, image);
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
    let conf = crate::image::registries::RegistriesConf::load(&store.paths)?.with_tls_verify(tls_verify);
    let progress = crate::registry::progress::Progress::for_stderr(false);
    let opts = crate::engine::pull::PullOptions { platform: None };
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
    // Shared with other creates and pulls, exclusive with rmi and prune: an
    // image cannot be deleted between resolving it and recording the
    // container that uses it.
    let _lock = store.lock_shared()?;
    crate::engine::namespaces::check_targets(store, &spec)?;
    let (spec, _networks_lock) = crate::engine::networks::prepare(store, spec)?;
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
    if let Some(userns) = &userns {
        userns.apply(&mut spec)?;
    }
    let json = serde_json::to_vec_pretty(&spec).context("serialise the OCI spec")?;
    crate::store::atomic::write_atomic(&paths.config, &json)
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
    if container.state.status == crate::store::containers::Status::Running {
        return Ok(());
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
        Some(crate::monitor::protocol::StartReport::Started) => Ok(()),
        Some(crate::monitor::protocol::StartReport::Failed { code, message }) => Err(crate::errors::PontoonError::StartFailed { code, message }.into()),
        None => bail!("the monitor of container {} exited without reporting; see {}", &id[..12], ContainerPaths::new(store, id).dir.join("monitor.log").display()),
    }
}

/// Double-forks `pontoon __monitor ID` into its own session, so it outlives
/// this command and is never a zombie of it.
fn spawn_monitor(store: &Store, id: &str, sync_w: &OwnedFd, attach: bool, tty_size: Option<(u16, u16)>, preserve_fds: u32) -> Result<()> {
    let mut cmd = Command::new("/proc/self/exe");
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
