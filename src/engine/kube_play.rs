//! `kube play`: makes what a plan (kube::play) describes. Everything that
//! can be checked is checked before the first pod exists: pod and container
//! names, every container spec (engine::container::validate), hostPath
//! sources, images (built or pulled first). When making fails halfway, what
//! this play made is removed again, so a failed play leaves nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::engine::container::{self, PullPolicy, StartMode};
use crate::engine::pods;
use crate::errors::PontoonError;
use crate::kube::play::{ContainerPlan, MountSource, Plan, PodPlan};
use crate::spec::container::{ContainerSpec, TmpfsMount};
use crate::spec::mounts::MountSpec;
use crate::store::Store;

pub struct PlayOptions {
    /// `--replace`: remove the file's pods first when they exist.
    pub replace: bool,
    /// `--start=false` only creates.
    pub start: bool,
    /// `--build`: Some(true) always builds images that have a directory
    /// next to the file, Some(false) never, None when they are missing.
    pub build: Option<bool>,
    /// The directory of the file (the current one for stdin).
    pub base_dir: PathBuf,
}

/// What a play made, for Podman's output.
#[derive(Default)]
pub struct Played {
    pub volumes: Vec<String>,
    /// Each pod's Id and its containers' Ids (without the infra container).
    pub pods: Vec<(String, Vec<String>)>,
}

/// The label on the volumes a play makes for configMap and secret
/// volumes, naming the pod.
pub const POD_LABEL: &str = "io.pontoon.kube.pod";
/// And the object their files came from: `ConfigMap/NAME` or `Secret/NAME`.
pub const SOURCE_LABEL: &str = "io.pontoon.kube.source";

pub fn play(store: &Store, plan: &Plan, opts: &PlayOptions) -> Result<Played> {
    check_names(store, plan, opts.replace)?;
    for pod in &plan.pods {
        for c in pod.init.iter().chain(&pod.containers) {
            let spec = full_spec(c, &BTreeMap::new(), "")?;
            container::validate(&spec).with_context(|| format!("{}: container {}", pod.object, c.kube_name))?;
            check_host_paths(c, false).with_context(|| format!("{}: container {}", pod.object, c.kube_name))?;
        }
    }
    ensure_images(store, plan, opts)?;
    if opts.replace {
        // Stopped as kube down stops them: each container's own timeout
        // (terminationGracePeriodSeconds), then SIGKILL.
        for pod in &plan.pods {
            if let Ok(existing) = pods::find(store, &pod.spec.name) {
                pods::remove(store, &existing, true, None).with_context(|| format!("--replace: remove pod {}", existing.name))?;
            }
        }
    }
    let mut made = Made::default();
    match make_all(store, plan, opts, &mut made) {
        Ok(played) => Ok(played),
        Err(e) => {
            made.undo(store);
            Err(e)
        }
    }
}

/// What this play made so far, to remove when a later step fails.
#[derive(Default)]
struct Made {
    pods: Vec<crate::pod::PodRecord>,
    volumes: Vec<String>,
}

impl Made {
    fn undo(&self, store: &Store) {
        for pod in self.pods.iter().rev() {
            let _ = pods::remove(store, pod, true, Some(0));
        }
        for v in &self.volumes {
            let _ = crate::engine::volumes::remove(store, v, true);
        }
    }
}

fn make_all(store: &Store, plan: &Plan, opts: &PlayOptions, made: &mut Made) -> Result<Played> {
    let mut played = Played::default();
    for claim in &plan.claims {
        if store.volumes.load(claim).is_err() {
            crate::engine::volumes::create(store, Some(claim), BTreeMap::new(), BTreeMap::new()).with_context(|| format!("create the volume of PersistentVolumeClaim {claim}"))?;
            made.volumes.push(claim.clone());
        }
        played.volumes.push(claim.clone());
    }
    for pod in &plan.pods {
        let record = pods::create(store, pod.spec.clone()).with_context(|| format!("{}: create pod {}", pod.object, pod.spec.name))?;
        made.pods.push(record.clone());
        let volumes = pod_volumes(store, pod, &record.id, made)?;
        // With --start=false nothing runs, init containers neither (cli warns).
        if !pod.init.is_empty() && opts.start {
            // The init containers join the infra container's namespaces.
            pods::start(store, &record).with_context(|| format!("start pod {}", pod.spec.name))?;
            for c in &pod.init {
                run_init(store, c, &volumes, &record.id).with_context(|| format!("{}: init container {}", pod.object, c.kube_name))?;
            }
        }
        let mut ids = Vec::new();
        for c in &pod.containers {
            check_host_paths(c, true)?;
            let spec = full_spec(c, &volumes, &record.id)?;
            let created = container::create(store, spec, Some(c.name.clone())).with_context(|| format!("{}: create container {}", pod.object, c.kube_name))?;
            ids.push(created.id);
        }
        if opts.start {
            pods::start(store, &record).with_context(|| format!("start pod {}", pod.spec.name))?;
        }
        played.pods.push((record.id.clone(), ids));
    }
    Ok(played)
}

/// Runs an init container to its end, then removes it; a failure is the play's.
fn run_init(store: &Store, c: &ContainerPlan, volumes: &BTreeMap<String, String>, pod_id: &str) -> Result<()> {
    check_host_paths(c, true)?;
    let spec = full_spec(c, volumes, pod_id)?;
    let created = container::create(store, spec, Some(c.name.clone()))?;
    let result = container::start(store, &created.id, StartMode::Detached).and_then(|()| {
        let c = store.containers.load(&created.id)?;
        crate::engine::lifecycle::wait(store, &c)
    });
    if let Ok(c) = store.containers.load(&created.id) {
        let _ = crate::engine::lifecycle::remove(store, &c, true);
    }
    match result? {
        0 => Ok(()),
        code => bail!("exited with code {code}: the pod's containers are not started"),
    }
}

/// Makes the pod's configMap and secret volumes (with their files) and
/// names its emptyDir volumes; returns the volume name of each.
fn pod_volumes(store: &Store, pod: &PodPlan, pod_id: &str, made: &mut Made) -> Result<BTreeMap<String, String>> {
    let mut names = BTreeMap::new();
    for (volume, source) in &pod.files {
        let kind = if source.secret { "Secret" } else { "ConfigMap" };
        let labels: BTreeMap<String, String> = [(POD_LABEL.to_string(), pod.spec.name.clone()), (SOURCE_LABEL.to_string(), format!("{kind}/{}", source.name))].into();
        let record = crate::engine::volumes::create(store, None, labels, BTreeMap::new())?;
        made.volumes.push(record.name.clone());
        let dir = crate::engine::volumes::mountpoint(store, &record);
        write_files(&dir, &source.files).with_context(|| format!("{}: write the files of volume {volume}", pod.object))?;
        names.insert(volume.clone(), record.name);
    }
    let empty_dirs = pod.init.iter().chain(&pod.containers).flat_map(|c| &c.mounts).filter_map(|m| match &m.source {
        MountSource::EmptyDir(v) => Some(v.clone()),
        _ => None,
    });
    for volume in empty_dirs {
        // Made at the first container's create; removed with the last member.
        names.entry(volume).or_insert_with(|| format!("{}-{}", &pod_id[..12.min(pod_id.len())], crate::store::containers::new_id()));
    }
    Ok(names)
}

fn write_files(dir: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    for (path, content) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("create {}", parent.display()))?;
        }
        std::fs::write(&target, content).with_context(|| format!("write {}", target.display()))?;
        // Kubernetes' defaultMode: readable by any user the container runs as.
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).with_context(|| format!("chmod {}", target.display()))?;
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).with_context(|| format!("chmod {}", dir.display()))
}

/// The container's spec with its mounts and its pod.
fn full_spec(c: &ContainerPlan, volumes: &BTreeMap<String, String>, pod_id: &str) -> Result<ContainerSpec> {
    let mut spec = c.spec.clone();
    if !pod_id.is_empty() {
        spec.pod = Some(pod_id.to_string());
    }
    for m in &c.mounts {
        let ro = if m.read_only { ":ro" } else { "" };
        let volume = |name: &str, anonymous: bool| -> Result<MountSpec> {
            let mut parsed = crate::spec::mounts::parse_volume(&format!("{name}:{}{ro}", m.target), Path::new("/"))?;
            parsed.anonymous = anonymous;
            Ok(parsed)
        };
        let mount = match &m.source {
            MountSource::Named(name) => volume(name, false)?,
            MountSource::Bind { path, kind } => {
                let mut parsed = crate::spec::mounts::parse_volume(&format!("{path}:{}{ro}", m.target), Path::new("/"))?;
                parsed.create_source = kind.is_empty() || kind == "DirectoryOrCreate";
                parsed
            }
            MountSource::EmptyDir(v) | MountSource::Files(v) => {
                // Before the pod exists (checking), a placeholder name.
                let name = volumes.get(v).cloned().unwrap_or_else(|| "kube-volume".to_string());
                let mut parsed = volume(&name, true)?;
                parsed.no_copy = matches!(m.source, MountSource::Files(_));
                parsed
            }
            MountSource::Tmpfs(size) => {
                let options = size.map(|s| vec![format!("size={s}")]).unwrap_or_default();
                spec.tmpfs.push(TmpfsMount { target: m.target.clone(), options });
                continue;
            }
        };
        spec.mounts.push(mount);
    }
    Ok(spec)
}

/// hostPath types: Directory, File, Socket, CharDevice and BlockDevice
/// must exist as that; FileOrCreate makes an empty file (when `create`,
/// once everything was checked), DirectoryOrCreate (and no type) a
/// directory (container create does, as for `-v`), when missing.
fn check_host_paths(c: &ContainerPlan, create: bool) -> Result<()> {
    use std::os::unix::fs::FileTypeExt;
    for m in &c.mounts {
        let MountSource::Bind { path, kind } = &m.source else { continue };
        let meta = std::fs::metadata(path);
        let ok = match (kind.as_str(), &meta) {
            ("" | "DirectoryOrCreate", Err(_)) => true,
            ("FileOrCreate", Err(_)) if !create => true,
            ("FileOrCreate", Err(_)) => {
                if let Some(parent) = Path::new(path).parent() {
                    std::fs::create_dir_all(parent).with_context(|| format!("hostPath {path}: create {}", parent.display()))?;
                }
                std::fs::write(path, b"").with_context(|| format!("hostPath {path}: create the file"))?;
                true
            }
            ("", Ok(_)) => true,
            ("DirectoryOrCreate" | "Directory", Ok(m)) => m.is_dir(),
            ("FileOrCreate" | "File", Ok(m)) => m.is_file(),
            ("Socket", Ok(m)) => m.file_type().is_socket(),
            ("CharDevice", Ok(m)) => m.file_type().is_char_device(),
            ("BlockDevice", Ok(m)) => m.file_type().is_block_device(),
            _ => false,
        };
        if !ok {
            bail!("hostPath {path} is not a {} on this host: create it, or change the volume's type", if kind.is_empty() { "path" } else { kind });
        }
    }
    Ok(())
}

/// A pod of the file that exists already is an error without --replace,
/// and so is a container name that a container outside those pods has.
fn check_names(store: &Store, plan: &Plan, replace: bool) -> Result<()> {
    let mut replaced = Vec::new();
    for pod in &plan.pods {
        match pods::find(store, &pod.spec.name) {
            Ok(existing) if !replace => bail!("{}: pod {} already exists: remove it first (pontoon kube down FILE) or play with --replace", pod.object, existing.name),
            Ok(existing) => replaced.push(existing.id),
            Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_))) => {}
            Err(e) => return Err(e),
        }
    }
    for pod in &plan.pods {
        for c in pod.init.iter().chain(&pod.containers) {
            if let Ok(existing) = store.containers.find(&c.name) {
                let in_replaced = existing.record.spec.pod.as_ref().is_some_and(|p| replaced.contains(p));
                if existing.record.name == c.name && !in_replaced {
                    return Err(PontoonError::NameInUse(c.name.clone())).with_context(|| format!("{}: container {}", pod.object, c.kube_name));
                }
            }
        }
    }
    Ok(())
}

/// Builds (see [`build_dir`]) or pulls every image before anything is made.
fn ensure_images(store: &Store, plan: &Plan, opts: &PlayOptions) -> Result<()> {
    let mut done = std::collections::BTreeSet::new();
    for pod in &plan.pods {
        for c in pod.init.iter().chain(&pod.containers) {
            let image = &c.spec.image;
            if !done.insert(image.clone()) {
                continue;
            }
            let present = crate::engine::images::resolve(store, image).is_ok();
            if let Some(dir) = build_dir(&opts.base_dir, image) {
                if opts.build == Some(true) || (opts.build.is_none() && !present) {
                    build(store, image, &dir).with_context(|| format!("{}: build image {image} from {}", pod.object, dir.display()))?;
                    continue;
                }
            }
            let pull = if c.pull == PullPolicy::Never && !present { PullPolicy::Never } else { c.pull };
            container::ensure_image(store, image, pull).with_context(|| format!("{}: container {}: image {image}", pod.object, c.kube_name))?;
        }
    }
    Ok(())
}

/// Podman's layout for `--build`: a directory named as the image's last
/// path component (without tag), next to the file, with a Containerfile
/// or a Dockerfile.
pub fn build_dir(base: &Path, image: &str) -> Option<PathBuf> {
    let without_digest = image.split('@').next().unwrap_or(image);
    let last = without_digest.rsplit('/').next().unwrap_or(without_digest);
    let name = last.split(':').next().unwrap_or(last);
    let dir = base.join(name);
    (dir.join("Containerfile").is_file() || dir.join("Dockerfile").is_file()).then_some(dir)
}

fn build(store: &Store, image: &str, dir: &Path) -> Result<()> {
    let file = if dir.join("Containerfile").is_file() { "Containerfile" } else { "Dockerfile" };
    let path = dir.join(file);
    let dockerfile = std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    let request = crate::build::BuildRequest {
        context_dir: dir.to_path_buf(),
        dockerfile,
        dockerfile_name: file.to_string(),
        dockerfile_path: Some(path),
        tags: vec![crate::image::reference::Reference::parse_new_name(image, "a pod's image")?],
        build_args: BTreeMap::new(),
        target: None,
        labels: BTreeMap::new(),
        quiet: false,
        no_cache: false,
        pull: PullPolicy::Missing,
        tls_verify: Default::default(),
        secrets: BTreeMap::new(),
        network: Default::default(),
        layers: true,
        squash: false,
        isolation: crate::build::Isolation::Oci,
        platform: format!("{}/{}", crate::image::manifest::Platform::host().os, crate::image::manifest::Platform::host().architecture),
    };
    let _lock = store.lock_shared()?;
    crate::build::build(store, &request)?;
    Ok(())
}
