//! RUN: the command in a container of the step's image (the built-in
//! runtime, the build's network unless the step says otherwise, its
//! `--mount`s), its output shown as it comes; the container's changes
//! become the step's layer and the container is removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::build::dockerfile::{MountKind, RunMount, RunNetwork};
use crate::engine::attach::{attach, AttachEnd, AttachOptions};
use crate::engine::container::{self, StartMode};
use crate::errors::PontoonError;
use crate::spec::container::{ContainerSpec, TmpfsMount};
use crate::spec::mounts::{MountKind as SpecMountKind, MountSpec};
use crate::spec::network::NetworkMode;
use crate::store::layer_writer::NewLayer;
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// A RUN ready to start.
pub struct RunPlan {
    /// The image the container starts from (the previous step's).
    pub image: String,
    pub argv: Vec<String>,
    /// Build args and proxies, as `KEY=VALUE` (ENV is the image's already).
    pub env: Vec<String>,
    pub mounts: Vec<RunMount>,
    pub network: NetworkMode,
    /// How errors name the step: `RUN make`.
    pub label: String,
    /// Where it is: `Dockerfile:12`.
    pub location: String,
    /// Output goes to stderr (`build -q` keeps stdout for the image id).
    pub output_to_stderr: bool,
}

/// What the mounts of RUN steps draw on.
pub struct MountSources<'a> {
    pub context_dir: &'a Path,
    pub cache_dir: PathBuf,
    pub secrets: &'a BTreeMap<String, PathBuf>,
    /// `from=` of a bind mount: the stage's or image's layers, top first.
    pub resolve_from: &'a dyn Fn(&str) -> Result<Vec<PathBuf>>,
}

/// The mode a RUN's `--network=` asks for, given the build's.
pub fn network_of(step: Option<RunNetwork>, build: &NetworkMode) -> NetworkMode {
    match step {
        Some(RunNetwork::None) => NetworkMode::None,
        Some(RunNetwork::Host) => NetworkMode::Host,
        Some(RunNetwork::Default) | None => build.clone(),
    }
}

/// Runs the step; its layer (None when it changed nothing).
pub fn execute(store: &Store, plan: RunPlan, sources: &MountSources<'_>) -> Result<Option<NewLayer>> {
    let mut spec = ContainerSpec {
        image: plan.image.clone(),
        command: plan.argv.clone(),
        // The image's ENTRYPOINT is for containers of the result, not for RUN.
        entrypoint: Some(String::new()),
        env: plan.env.clone(),
        network: plan.network.clone(),
        ..Default::default()
    };
    // Copies that bind mounts need (a stage's files, a writable bind)
    // live here until the step is done.
    let copies = super::workdir::StepDirs::new(store)?;
    for (n, m) in plan.mounts.iter().enumerate() {
        add_mount(&mut spec, m, sources, &copies.upper.join(n.to_string())).with_context(|| format!("{}: --mount", plan.label))?;
    }
    let record = container::create(store, spec, None).with_context(|| format!("{}: create the step's container", plan.label))?;
    let result = run_and_take_layer(store, &record.id, &plan);
    let c = store.containers.load(&record.id);
    if let Ok(c) = c {
        let _ = crate::engine::lifecycle::remove(store, &c, true);
    }
    let _ = crate::store::volumes::remove_anonymous(store, &record);
    result
}

fn run_and_take_layer(store: &Store, id: &str, plan: &RunPlan) -> Result<Option<NewLayer>> {
    let _redirect = plan.output_to_stderr.then(StdoutToStderr::start).transpose()?;
    container::start(store, id, StartMode::Attach).with_context(|| format!("{}: start the step's container", plan.label))?;
    let opts = AttachOptions { stdin: false, tty: false, detach_keys: Vec::new(), sig_proxy: true, streams: Default::default() };
    let end = attach(&ContainerPaths::new(store, id).socket(), opts).with_context(|| format!("{}: attach to the step's container", plan.label))?;
    drop(_redirect);
    match end {
        AttachEnd::Exited(0) => {}
        AttachEnd::Exited(code) => {
            return Err(PontoonError::BuildStepFailed { code, message: format!("building at STEP \"{}\" ({}): the command exited with code {code}", plan.label, plan.location) }.into());
        }
        AttachEnd::Detached => bail!("{}: detached from the step's container", plan.label),
    }
    crate::engine::lifecycle::wait_for_monitor_exit(store, id);
    let c = store.containers.load(id)?;
    crate::engine::commit::container_layer(store, &c).with_context(|| format!("{}: record the step's changes", plan.label))
}

fn add_mount(spec: &mut ContainerSpec, m: &RunMount, sources: &MountSources<'_>, scratch: &Path) -> Result<()> {
    let target = |default: &str| -> String { m.target.clone().unwrap_or_else(|| default.to_string()) };
    match m.kind {
        MountKind::Tmpfs => {
            let mut options = Vec::new();
            if let Some(size) = m.size {
                options.push(format!("size={size}"));
            }
            spec.tmpfs.push(TmpfsMount { target: target("/tmp"), options });
        }
        MountKind::Cache => {
            let id = m.id.clone().or_else(|| m.target.clone()).context("a cache mount needs target=")?;
            let dir = sources.cache_dir.join(crate::build::cache::key("cache-mount", &id));
            if !dir.exists() {
                std::fs::create_dir_all(&dir).with_context(|| format!("create the cache directory {}", dir.display()))?;
                std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(m.mode.unwrap_or(0o755))).with_context(|| format!("chmod {}", dir.display()))?;
                std::os::unix::fs::chown(&dir, Some(m.uid.unwrap_or(0)), Some(m.gid.unwrap_or(0))).with_context(|| format!("chown {}", dir.display()))?;
            }
            spec.mounts.push(bind(dir, target(""), m.readonly));
        }
        MountKind::Bind => {
            let source = m.source.clone().unwrap_or_else(|| "/".into());
            let root = match &m.from {
                // A stage's or image's files, flattened into a copy of ours.
                Some(from) => {
                    let layers = (sources.resolve_from)(from)?;
                    crate::store::rootfs::flatten(&layers, scratch).with_context(|| format!("copy the files of {from}"))?;
                    scratch.to_path_buf()
                }
                None => sources.context_dir.to_path_buf(),
            };
            let cleaned = crate::build::ignore::clean(&source);
            if cleaned == ".." || cleaned.starts_with("../") {
                bail!("bind source {source:?} leaves the build context");
            }
            // Links resolve inside the root, never to the host's files.
            let host = crate::runtime::builtin::mounts::resolve_in_root(&root, Path::new(&cleaned));
            if !host.exists() {
                bail!("bind source {source:?} does not exist in {}", m.from.as_deref().unwrap_or("the build context"));
            }
            // Docker's `rw` bind mounts of RUN take writes that are thrown
            // away: they get a copy, never the context itself.
            let host = if m.readonly {
                host
            } else {
                let copy = scratch.with_extension("rw");
                if host.is_dir() {
                    crate::store::rootfs::flatten(std::slice::from_ref(&host), &copy).with_context(|| format!("copy {source} for a writable bind"))?;
                } else {
                    std::fs::copy(&host, &copy).with_context(|| format!("copy {source} for a writable bind"))?;
                }
                copy
            };
            spec.mounts.push(bind(host, target(""), m.readonly));
        }
        MountKind::Secret => {
            let id = m.id.clone().or_else(|| m.target.as_ref().map(|t| t.rsplit('/').next().unwrap_or(t).to_string())).context("a secret mount needs id=")?;
            let Some(file) = sources.secrets.get(&id) else {
                if m.required {
                    bail!("secret {id:?} is required but not given: add --secret id={id},src=FILE");
                }
                return Ok(());
            };
            if let Some(var) = &m.env {
                let value = std::fs::read_to_string(file).with_context(|| format!("read secret {id} from {}", file.display()))?;
                spec.env.push(format!("{var}={}", value.trim_end_matches('\n')));
                if m.target.is_none() {
                    return Ok(());
                }
            }
            spec.mounts.push(bind(file.clone(), target(&format!("/run/secrets/{id}")), true));
        }
        MountKind::Ssh => bail!("RUN --mount=type=ssh is not supported: pass what the step needs as a --secret"),
    }
    Ok(())
}

fn bind(source: PathBuf, target: String, readonly: bool) -> MountSpec {
    MountSpec { kind: SpecMountKind::Bind, source: source.to_string_lossy().into_owned(), target, readonly, ..Default::default() }
}

/// While alive, our stdout is our stderr: a step's output must not mix
/// with the image id that `build -q` prints.
struct StdoutToStderr {
    saved: std::os::fd::OwnedFd,
}

impl StdoutToStderr {
    fn start() -> Result<StdoutToStderr> {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let saved = nix::unistd::dup(1).context("save stdout")?;
        nix::unistd::dup2(2, 1).context("send stdout to stderr")?;
        // SAFETY: `dup` returned a new descriptor that nothing else owns.
        Ok(StdoutToStderr { saved: unsafe { std::os::fd::FromRawFd::from_raw_fd(saved) } })
    }
}

impl Drop for StdoutToStderr {
    fn drop(&mut self) {
        let _ = nix::unistd::dup2(std::os::fd::AsRawFd::as_raw_fd(&self.saved), 1);
    }
}
