//! The one function that turns what the user asked for (`ContainerSpec`,
//! resolved against the image) into the OCI runtime spec the runtime gets.
//! Pure: it reads no files and makes no syscalls, so every flag is tested here.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{
    Capability, LinuxBuilder, LinuxCapabilitiesBuilder, LinuxNamespaceBuilder, LinuxNamespaceType, LinuxPidsBuilder, LinuxResourcesBuilder, Mount, MountBuilder,
    PosixRlimitBuilder, PosixRlimitType, ProcessBuilder, RootBuilder, Spec, SpecBuilder, UserBuilder,
};

use crate::engine::{devices, oci_tuning};
use crate::engine::process::ResolvedProcess;
use crate::engine::user::ResolvedUser;
use crate::spec::container::ContainerSpec;
use crate::spec::devices as spec_devices;
use crate::spec::namespaces::{IpcMode, NamespaceMode};
use crate::spec::network::NetworkMode;

/// Docker's default capability set.
/// The prefix of the annotations that steer pontoon's runtime (init,
/// device sources...): never taken from the user.
pub const PONTOON_ANNOTATION_PREFIX: &str = "io.pontoon.";

pub const DEFAULT_CAPS: &[&str] = &[
    "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
    "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
];

/// Paths hidden from the container, as Docker hides them.
pub const MASKED_PATHS: &[&str] = &[
    "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
    "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap",
];

/// Paths the container sees read-only, as in Docker.
pub const READONLY_PATHS: &[&str] = &["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/// Everything besides the user's flags that the spec needs.
pub struct BundleInputs<'a> {
    pub spec: &'a ContainerSpec,
    pub process: &'a ResolvedProcess,
    pub user: &'a ResolvedUser,
    pub rootfs: PathBuf,
    pub hostname: String,
    /// Files generated per container and bind-mounted in (`/etc/hosts`,
    /// `/etc/hostname`, `/etc/resolv.conf`, `/run/.containerenv`).
    pub etc_files: Vec<(String, PathBuf)>,
    /// The host's hard limit for open files; never exceeded.
    pub host_nofile_hard: u64,
    /// Host device nodes the container gets (`--device`, or every host
    /// device with `--privileged`), already checked against the host.
    pub devices: Vec<crate::engine::devices::HostDevice>,
}

pub fn to_oci(input: &BundleInputs) -> Result<Spec> {
    let spec = input.spec;
    let caps = capabilities(spec)?;
    let nofile = input.host_nofile_hard.min(1_048_576);
    let mut rlimits = vec![PosixRlimitBuilder::default().typ(PosixRlimitType::RlimitNofile).soft(nofile).hard(nofile).build()?];
    for u in &spec.ulimits {
        let typ = rlimit_type(&u.name)?;
        // An explicit request above the host's hard limit is refused at
        // create (engine::spec_checks); the clamp only guards a host whose
        // limit dropped since, so the runtime never asks for the impossible.
        let (soft, hard) = if typ == PosixRlimitType::RlimitNofile {
            (u.soft.min(input.host_nofile_hard), u.hard.min(input.host_nofile_hard))
        } else {
            (u.soft, u.hard)
        };
        rlimits.retain(|r| r.typ() != typ);
        rlimits.push(PosixRlimitBuilder::default().typ(typ).soft(soft).hard(hard).build()?);
    }
    let user = UserBuilder::default()
        .uid(input.user.uid)
        .gid(input.user.gid)
        .additional_gids(input.user.additional_gids.clone())
        .umask(spec.tuning.umask.unwrap_or(crate::spec::resources::DEFAULT_UMASK))
        .build()?;
    let cap_names: Vec<String> = caps.iter().map(|c| c.to_string()).collect();
    let seccomp = crate::runtime::seccomp::to_oci(&spec.seccomp, spec.privileged, &cap_names)?;
    let caps: std::collections::HashSet<Capability> = caps.into_iter().collect();
    let cap_set = LinuxCapabilitiesBuilder::default()
        .bounding(caps.clone())
        .effective(caps.clone())
        .permitted(caps)
        .build()?;
    let mut process = ProcessBuilder::default()
        .terminal(spec.tty)
        .user(user)
        .args(input.process.args.clone())
        .env(input.process.env.clone())
        .cwd(input.process.cwd.clone())
        .capabilities(cap_set)
        .rlimits(rlimits)
        .no_new_privileges(!spec.privileged && !spec.security.new_privileges)
        .build()?;
    process.set_oom_score_adj(spec.tuning.oom_score_adj);
    let root = RootBuilder::default().path(input.rootfs.clone()).readonly(spec.read_only).build()?;
    let mut linux = linux_section(input)?;
    linux.set_seccomp(seccomp);
    // The user's --annotation first: pontoon's own keys below always win
    // (and `io.pontoon.` keys are refused at create, see run_compat).
    let mut annotations: std::collections::HashMap<String, String> =
        input.spec.options.annotations.iter().filter(|(k, _)| !k.starts_with(PONTOON_ANNOTATION_PREFIX)).map(|(k, v)| (k.clone(), v.clone())).collect();
    if spec.init {
        annotations.insert(crate::runtime::builtin::INIT_ANNOTATION.to_string(), "true".to_string());
    }
    if spec.pod_infra {
        annotations.insert(crate::runtime::pause::ANNOTATION.to_string(), "true".to_string());
    }
    if spec.workdir.is_none() {
        // The image's WORKDIR (or /): made when missing, as Docker does; a
        // directory named with -w must exist.
        annotations.insert(crate::runtime::builtin::CREATE_CWD_ANNOTATION.to_string(), "true".to_string());
    }
    if !input.devices.is_empty() {
        annotations.insert(devices::DEVICE_SOURCES_ANNOTATION.to_string(), devices::sources_annotation(&input.devices)?);
    }
    let mut built = SpecBuilder::default()
        .version("1.0.2")
        .annotations(annotations)
        .root(root)
        .hostname(input.hostname.clone())
        .process(process)
        .mounts(mounts(input)?)
        .linux(linux)
        .build()?;
    // A UTS namespace that is not the container's own keeps its hostname:
    // setting one would rename the host or the other container.
    if spec.namespaces.uts != NamespaceMode::Private {
        built.set_hostname(None);
    }
    Ok(built)
}

fn linux_section(input: &BundleInputs) -> Result<oci_spec::runtime::Linux> {
    let spec = input.spec;
    let ns = &spec.namespaces;
    let mut kinds = vec![LinuxNamespaceType::Mount, LinuxNamespaceType::Cgroup];
    // `host` leaves the namespace out (the host's, only when asked);
    // `container:NAME` lists it, and the engine points it at the other
    // container's at start (engine::namespaces).
    if ns.pid != NamespaceMode::Host {
        kinds.push(LinuxNamespaceType::Pid);
    }
    if ns.uts != NamespaceMode::Host {
        kinds.push(LinuxNamespaceType::Uts);
    }
    if ns.ipc != IpcMode::Host {
        kinds.push(LinuxNamespaceType::Ipc);
    }
    // A container sharing another's namespace joins it at start (the
    // monitor resolves which), so it is listed here as well.
    if spec.network != NetworkMode::Host {
        kinds.push(LinuxNamespaceType::Network);
    }
    let namespaces = kinds
        .into_iter()
        .map(|k| LinuxNamespaceBuilder::default().typ(k).build())
        .collect::<Result<Vec<_>, _>>()?;
    let mut linux = LinuxBuilder::default().namespaces(namespaces);
    // Set both ways: the builder would fill in its own defaults, and
    // --privileged masks nothing, as in Docker.
    // `--security-opt unmask=...` shows some of them (spec::security_opt).
    let (masked, readonly): (&[&str], &[&str]) = if spec.privileged { (&[], &[]) } else { (MASKED_PATHS, READONLY_PATHS) };
    let kept = |paths: &[&str]| paths.iter().filter(|p| spec.security.keeps_masked(p)).map(|p| p.to_string()).collect::<Vec<_>>();
    linux = linux.masked_paths(kept(masked)).readonly_paths(kept(readonly));
    if !spec.sysctls.is_empty() {
        linux = linux.sysctl(spec.sysctls.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<std::collections::HashMap<_, _>>());
    }
    let r = &spec.resources;
    let mut resources = LinuxResourcesBuilder::default().devices(device_rules(input)?).build()?;
    resources.set_memory(oci_tuning::memory(r, &spec.tuning)?);
    resources.set_cpu(oci_tuning::cpu(r, &spec.tuning)?);
    resources.set_block_io(oci_tuning::block_io(&spec.tuning)?);
    if let Some(p) = r.pids_limit {
        resources.set_pids(Some(LinuxPidsBuilder::default().limit(p).build()?));
    }
    linux = linux.resources(resources);
    if let Some(p) = oci_tuning::personality(&spec.tuning)? {
        linux = linux.personality(p);
    }
    if !input.devices.is_empty() {
        linux = linux.devices(input.devices.iter().map(devices::oci_device).collect::<Result<Vec<_>>>()?);
    }
    Ok(linux.build()?)
}

fn dev_options(spec: &ContainerSpec) -> Vec<&'static str> {
    let mut options = vec!["nosuid", "strictatime", "mode=755", "size=65536k"];
    if spec.runtime.is_none() {
        options.insert(1, "nodev");
    }
    options
}

/// The device cgroup rules: Docker's default list and what the user
/// allowed on top, or every device with `--privileged`.
fn device_rules(input: &BundleInputs) -> Result<Vec<oci_spec::runtime::LinuxDeviceCgroup>> {
    if input.spec.privileged {
        return Ok(vec![spec_devices::allow_all()]);
    }
    let mut rules = spec_devices::default_rules();
    rules.extend(input.devices.iter().map(devices::allow_rule));
    for text in &input.spec.device_cgroup_rules {
        rules.push(spec_devices::parse_cgroup_rule(text)?);
    }
    Ok(rules)
}

fn mount(dest: &str, typ: &str, source: &str, options: &[&str]) -> Result<Mount> {
    Ok(MountBuilder::default()
        .destination(dest)
        .typ(typ)
        .source(source)
        .options(options.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .build()?)
}

fn mounts(input: &BundleInputs) -> Result<Vec<Mount>> {
    let spec = input.spec;
    let mut out = vec![
        mount("/proc", "proc", "proc", &["nosuid", "noexec", "nodev"])?,
        // nodev with the built-in runtime: a node made with mknod here is
        // dead, and the devices the container may use are bind mounts of
        // the host's nodes. An external runtime mknods its default nodes
        // here (the device cgroup guards them), so it needs dev.
        mount("/dev", "tmpfs", "tmpfs", &dev_options(spec))?,
        mount("/dev/pts", "devpts", "devpts", &["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"])?,
    ];
    if let Some(shm) = shm_mount(spec)? {
        out.push(shm);
    }
    out.push(mount("/dev/mqueue", "mqueue", "mqueue", &["nosuid", "noexec", "nodev"])?);
    // Without a network namespace of its own (rootless --network host) sysfs
    // cannot be mounted afresh; the runtime then binds the host's read-only.
    out.push(mount("/sys", "sysfs", "sysfs", &["nosuid", "noexec", "nodev", "ro"])?);
    for t in &spec.tmpfs {
        if !t.target.starts_with('/') {
            bail!("--tmpfs target {:?} is not absolute: give a path such as /run", t.target);
        }
        let mut options: Vec<String> = vec!["nosuid".into(), "nodev".into()];
        options.extend(t.options.iter().cloned());
        out.push(
            MountBuilder::default()
                .destination(t.target.as_str())
                .typ("tmpfs")
                .source("tmpfs")
                .options(options)
                .build()?,
        );
    }
    out.extend(oci_tuning::read_only_tmpfs(spec)?);
    out.extend(crate::engine::mounts::oci_mounts(spec)?);
    for (dest, host) in &input.etc_files {
        let mut options = vec!["bind".to_string(), "rprivate".to_string()];
        // /run/.containerenv is the engine's word, never the container's.
        if spec.read_only || dest == crate::engine::etc_files::CONTAINERENV_PATH {
            options.push("ro".into());
        }
        out.push(MountBuilder::default().destination(dest.as_str()).typ("bind").source(host.clone()).options(options).build()?);
    }
    Ok(out)
}

/// /dev/shm as `--ipc` and `--shm-size` say: a tmpfs of the container's
/// own, the host's, or none at all. With `container:NAME` it is a tmpfs of
/// its own too: the other's lives in another mount namespace, which a
/// bind mount cannot reach (EINVAL), and a tmpfs both could bind would
/// have to live in a mount namespace both see, which rootless commands
/// (each in a mount namespace of its own) do not have. SysV IPC, in the
/// IPC namespace, is shared.
fn shm_mount(spec: &ContainerSpec) -> Result<Option<Mount>> {
    let shm_options = ["nosuid", "noexec", "nodev"];
    Ok(match &spec.namespaces.ipc {
        IpcMode::None => None,
        IpcMode::Private | IpcMode::Shareable | IpcMode::Container(_) => {
            let size = format!("size={}k", spec.namespaces.shm_bytes().div_ceil(1024));
            Some(mount("/dev/shm", "tmpfs", "shm", &[shm_options[0], shm_options[1], shm_options[2], "mode=1777", &size])?)
        }
        IpcMode::Host => Some(mount("/dev/shm", "bind", "/dev/shm", &["bind", shm_options[0], shm_options[1], shm_options[2]])?),
    })
}

/// The capability set after `--privileged`, `--cap-add` and `--cap-drop`.
pub fn capabilities(spec: &ContainerSpec) -> Result<Vec<Capability>> {
    let all = || -> Vec<String> { ALL_CAPS.iter().map(|s| s.to_string()).collect() };
    let mut set: Vec<String> = match (&spec.default_caps, spec.privileged) {
        (_, true) => all(),
        (Some(base), false) => base.iter().map(|c| normalize_cap(c)).collect::<Result<_>>().context("containers.conf default_capabilities")?,
        (None, false) => DEFAULT_CAPS.iter().map(|s| s.to_string()).collect(),
    };
    for add in &spec.cap_add {
        let name = normalize_cap(add)?;
        if name == "ALL" {
            set = all();
        } else if !set.contains(&name) {
            set.push(name);
        }
    }
    for drop in &spec.cap_drop {
        let name = normalize_cap(drop)?;
        if name == "ALL" {
            set.clear();
        } else {
            set.retain(|c| c != &name);
        }
    }
    set.iter()
        .map(|c| c.parse::<Capability>().map_err(|e| anyhow::anyhow!("{e}")))
        .collect::<Result<Vec<_>>>()
        .context("build the capability set")
}

/// `net_admin`, `CAP_NET_ADMIN` and `NET_ADMIN` all name one capability.
fn normalize_cap(name: &str) -> Result<String> {
    let upper = name.trim().to_ascii_uppercase();
    let bare = upper.strip_prefix("CAP_").unwrap_or(&upper).to_string();
    if bare == "ALL" || ALL_CAPS.contains(&bare.as_str()) {
        Ok(bare)
    } else {
        bail!("unknown capability {name:?}: use a name from capabilities(7) such as NET_ADMIN, or ALL")
    }
}

fn rlimit_type(name: &str) -> Result<PosixRlimitType> {
    Ok(match name {
        "core" => PosixRlimitType::RlimitCore,
        "cpu" => PosixRlimitType::RlimitCpu,
        "data" => PosixRlimitType::RlimitData,
        "fsize" => PosixRlimitType::RlimitFsize,
        "locks" => PosixRlimitType::RlimitLocks,
        "memlock" => PosixRlimitType::RlimitMemlock,
        "msgqueue" => PosixRlimitType::RlimitMsgqueue,
        "nice" => PosixRlimitType::RlimitNice,
        "nofile" => PosixRlimitType::RlimitNofile,
        "nproc" => PosixRlimitType::RlimitNproc,
        "rss" => PosixRlimitType::RlimitRss,
        "rtprio" => PosixRlimitType::RlimitRtprio,
        "rttime" => PosixRlimitType::RlimitRttime,
        "sigpending" => PosixRlimitType::RlimitSigpending,
        "stack" => PosixRlimitType::RlimitStack,
        "as" => PosixRlimitType::RlimitAs,
        other => bail!("unknown ulimit {other:?}: use one of nofile, nproc, core, memlock, stack, cpu, fsize..."),
    })
}

const ALL_CAPS: &[&str] = &[
    "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
    "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
    "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
    "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
    "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
    "CHECKPOINT_RESTORE",
];

#[cfg(test)]
#[path = "oci_tests.rs"]
mod tests;
