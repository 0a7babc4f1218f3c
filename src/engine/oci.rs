//! The one function that turns what the user asked for (`ContainerSpec`,
//! resolved against the image) into the OCI runtime spec the runtime gets.
//! Pure: it reads no files and makes no syscalls, so every flag is tested here.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{
    Capability, LinuxBuilder, LinuxCapabilitiesBuilder, LinuxCpuBuilder, LinuxMemoryBuilder,
    LinuxNamespaceBuilder, LinuxNamespaceType, LinuxPidsBuilder, LinuxResourcesBuilder, Mount, MountBuilder,
    PosixRlimitBuilder, PosixRlimitType, ProcessBuilder, RootBuilder, Spec, SpecBuilder, UserBuilder,
};

use crate::engine::devices;
use crate::engine::process::ResolvedProcess;
use crate::engine::user::ResolvedUser;
use crate::spec::container::ContainerSpec;
use crate::spec::devices as spec_devices;
use crate::spec::network::NetworkMode;

/// Docker's default capability set.
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
    /// Files generated per container and bind-mounted in
    /// (`/etc/hosts`, `/etc/hostname`, `/etc/resolv.conf`).
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
        .build()?;
    let cap_names: Vec<String> = caps.iter().map(|c| c.to_string()).collect();
    let seccomp = crate::runtime::seccomp::to_oci(&spec.seccomp, spec.privileged, &cap_names)?;
    let caps: std::collections::HashSet<Capability> = caps.into_iter().collect();
    let cap_set = LinuxCapabilitiesBuilder::default()
        .bounding(caps.clone())
        .effective(caps.clone())
        .permitted(caps)
        .build()?;
    let process = ProcessBuilder::default()
        .terminal(spec.tty)
        .user(user)
        .args(input.process.args.clone())
        .env(input.process.env.clone())
        .cwd(input.process.cwd.clone())
        .capabilities(cap_set)
        .rlimits(rlimits)
        .no_new_privileges(!spec.privileged)
        .build()?;
    let root = RootBuilder::default().path(input.rootfs.clone()).readonly(spec.read_only).build()?;
    let mut linux = linux_section(input)?;
    linux.set_seccomp(seccomp);
    let mut annotations = std::collections::HashMap::new();
    if spec.init {
        annotations.insert(crate::runtime::builtin::INIT_ANNOTATION.to_string(), "true".to_string());
    }
    if spec.workdir.is_none() {
        // The image's WORKDIR (or /): made when missing, as Docker does; a
        // directory named with -w must exist.
        annotations.insert(crate::runtime::builtin::CREATE_CWD_ANNOTATION.to_string(), "true".to_string());
    }
    if !input.devices.is_empty() {
        annotations.insert(devices::DEVICE_SOURCES_ANNOTATION.to_string(), devices::sources_annotation(&input.devices)?);
    }
    let built = SpecBuilder::default()
        .version("1.0.2")
        .annotations(annotations)
        .root(root)
        .hostname(input.hostname.clone())
        .process(process)
        .mounts(mounts(input)?)
        .linux(linux)
        .build()?;
    Ok(built)
}

fn linux_section(input: &BundleInputs) -> Result<oci_spec::runtime::Linux> {
    let spec = input.spec;
    let mut kinds = vec![
        LinuxNamespaceType::Pid,
        LinuxNamespaceType::Mount,
        LinuxNamespaceType::Uts,
        LinuxNamespaceType::Ipc,
        LinuxNamespaceType::Cgroup,
    ];
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
    let (masked, readonly): (&[&str], &[&str]) = if spec.privileged { (&[], &[]) } else { (MASKED_PATHS, READONLY_PATHS) };
    linux = linux
        .masked_paths(masked.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .readonly_paths(readonly.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let r = &spec.resources;
    let mut resources = LinuxResourcesBuilder::default().devices(device_rules(input)?);
    if let Some(m) = r.memory_bytes {
        resources = resources.memory(LinuxMemoryBuilder::default().limit(m).build()?);
    }
    if let Some(n) = r.nano_cpus {
        // A 100ms period, and the quota that gives the asked share of CPUs.
        let period: u64 = 100_000;
        let quota = (n as i128 * period as i128 / 1_000_000_000) as i64;
        resources = resources.cpu(LinuxCpuBuilder::default().period(period).quota(quota).build()?);
    }
    if let Some(p) = r.pids_limit {
        resources = resources.pids(LinuxPidsBuilder::default().limit(p).build()?);
    }
    linux = linux.resources(resources.build()?);
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
        mount("/dev/shm", "tmpfs", "shm", &["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"])?,
        mount("/dev/mqueue", "mqueue", "mqueue", &["nosuid", "noexec", "nodev"])?,
    ];
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
    out.extend(crate::engine::mounts::oci_mounts(spec)?);
    for (dest, host) in &input.etc_files {
        let mut options = vec!["bind".to_string(), "rprivate".to_string()];
        if spec.read_only {
            options.push("ro".into());
        }
        out.push(MountBuilder::default().destination(dest.as_str()).typ("bind").source(host.clone()).options(options).build()?);
    }
    Ok(out)
}

/// The capability set after `--privileged`, `--cap-add` and `--cap-drop`.
pub fn capabilities(spec: &ContainerSpec) -> Result<Vec<Capability>> {
    let all = || -> Vec<String> { ALL_CAPS.iter().map(|s| s.to_string()).collect() };
    let mut set: Vec<String> = if spec.privileged { all() } else { DEFAULT_CAPS.iter().map(|s| s.to_string()).collect() };
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
mod tests {
    use super::*;
    use crate::spec::container::{ResourceLimits, TmpfsMount, Ulimit};

    fn build(spec: &ContainerSpec) -> Spec {
        build_with_devices(spec, Vec::new())
    }

    fn build_with_devices(spec: &ContainerSpec, devices: Vec<crate::engine::devices::HostDevice>) -> Spec {
        let process = ResolvedProcess { args: vec!["sh".into()], env: vec!["PATH=/bin".into()], cwd: "/".into(), user: "0".into() };
        let user = ResolvedUser { uid: 1000, gid: 1000, additional_gids: vec![10], home: "/".into() };
        to_oci(&BundleInputs {
            spec,
            process: &process,
            user: &user,
            rootfs: "/r".into(),
            hostname: "h".into(),
            etc_files: vec![("/etc/hosts".into(), "/x/hosts".into())],
            host_nofile_hard: 20000,
            devices,
        })
        .unwrap()
    }

    fn device_rules_of(s: &Spec) -> Vec<oci_spec::runtime::LinuxDeviceCgroup> {
        s.linux().as_ref().unwrap().resources().as_ref().unwrap().devices().clone().unwrap()
    }

    #[test]
    fn devices_follow_docker_default_device_flags_and_privileged() {
        use oci_spec::runtime::LinuxDeviceType;
        let s = build(&ContainerSpec::default());
        let rules = device_rules_of(&s);
        assert!(!rules[0].allow() && rules[0].typ() == Some(LinuxDeviceType::A), "deny all first: {rules:?}");
        assert!(s.linux().as_ref().unwrap().devices().is_none());
        let dev = s.mounts().as_ref().unwrap().iter().find(|m| m.destination() == std::path::Path::new("/dev")).unwrap();
        assert!(dev.options().as_ref().unwrap().contains(&"nodev".to_string()), "a node made in /dev is dead");

        let loop0 = crate::engine::devices::HostDevice {
            host_path: "/dev/loop0".into(),
            container_path: "/dev/xvda".into(),
            block: true,
            major: 7,
            minor: 0,
            mode: 0o660,
            uid: 0,
            gid: 6,
            access: "r".into(),
        };
        let spec = ContainerSpec { device_cgroup_rules: vec!["c 10:200 rwm".into()], ..Default::default() };
        let s = build_with_devices(&spec, vec![loop0]);
        let rules = device_rules_of(&s);
        assert!(rules.iter().any(|r| r.allow() && r.typ() == Some(LinuxDeviceType::B) && r.major() == Some(7) && r.access().as_deref() == Some("r")));
        assert!(rules.iter().any(|r| r.allow() && r.major() == Some(10) && r.minor() == Some(200)));
        let nodes = s.linux().as_ref().unwrap().devices().clone().unwrap();
        assert_eq!(nodes[0].path(), std::path::Path::new("/dev/xvda"));
        let sources = &s.annotations().as_ref().unwrap()[crate::engine::devices::DEVICE_SOURCES_ANNOTATION];
        assert!(sources.contains("\"/dev/xvda\":\"/dev/loop0\""), "{sources}");

        let privileged = build(&ContainerSpec { privileged: true, ..Default::default() });
        let rules = device_rules_of(&privileged);
        assert!(rules.len() == 1 && rules[0].allow() && rules[0].typ() == Some(LinuxDeviceType::A));
        let spec = build(&ContainerSpec::default());
        assert_eq!(spec.annotations().as_ref().unwrap()[crate::runtime::builtin::CREATE_CWD_ANNOTATION], "true", "the image's workdir is made");
        let with_w = build(&ContainerSpec { workdir: Some("/srv".into()), ..Default::default() });
        assert!(!with_w.annotations().as_ref().unwrap().contains_key(crate::runtime::builtin::CREATE_CWD_ANNOTATION), "-w must exist");
        let bad = ContainerSpec { device_cgroup_rules: vec!["x".into()], ..Default::default() };
        let input_err = to_oci(&BundleInputs {
            spec: &bad,
            process: &ResolvedProcess { args: vec!["sh".into()], env: vec![], cwd: "/".into(), user: "0".into() },
            user: &ResolvedUser { uid: 0, gid: 0, additional_gids: vec![], home: "/".into() },
            rootfs: "/r".into(),
            hostname: "h".into(),
            etc_files: vec![],
            host_nofile_hard: 20000,
            devices: vec![],
        });
        assert!(input_err.is_err());
    }

    fn namespaces(s: &Spec) -> Vec<LinuxNamespaceType> {
        s.linux().as_ref().unwrap().namespaces().as_ref().unwrap().iter().map(|n| n.typ()).collect()
    }

    #[test]
    fn default_spec_isolates_and_limits() {
        let s = build(&ContainerSpec::default());
        let ns = namespaces(&s);
        assert!(ns.contains(&LinuxNamespaceType::Network) && ns.contains(&LinuxNamespaceType::Pid));
        assert!(!ns.contains(&LinuxNamespaceType::User));
        let p = s.process().as_ref().unwrap();
        assert!(p.no_new_privileges().unwrap());
        assert_eq!(p.user().uid(), 1000);
        let nofile = p.rlimits().as_ref().unwrap().iter().find(|r| r.typ() == PosixRlimitType::RlimitNofile).unwrap();
        assert_eq!(nofile.hard(), 20000, "never above the host's hard limit");
        let caps = p.capabilities().as_ref().unwrap().bounding().as_ref().unwrap();
        assert_eq!(caps.len(), DEFAULT_CAPS.len());
        assert!(s.linux().as_ref().unwrap().masked_paths().as_ref().unwrap().contains(&"/proc/kcore".to_string()));
        assert!(s.linux().as_ref().unwrap().seccomp().is_some(), "seccomp on by default");
    }

    #[test]
    fn privileged_and_unconfined_turn_seccomp_off() {
        use crate::spec::seccomp::SeccompChoice;
        let privileged = ContainerSpec { privileged: true, ..Default::default() };
        assert!(build(&privileged).linux().as_ref().unwrap().seccomp().is_none());
        let linux = build(&privileged).linux().clone().unwrap();
        assert_eq!(linux.masked_paths().as_deref(), Some(&[][..]), "--privileged masks nothing");
        assert_eq!(linux.readonly_paths().as_deref(), Some(&[][..]), "--privileged makes nothing read-only");
        let unconfined = ContainerSpec { seccomp: SeccompChoice::Unconfined, ..Default::default() };
        assert!(build(&unconfined).linux().as_ref().unwrap().seccomp().is_none());
    }

    #[test]
    fn host_network_keeps_the_host_namespace() {
        let spec = ContainerSpec { network: NetworkMode::Host, ..Default::default() };
        assert!(!namespaces(&build(&spec)).contains(&LinuxNamespaceType::Network));
    }

    #[test]
    fn caps_add_and_drop() {
        let spec = ContainerSpec { cap_add: vec!["net_admin".into()], cap_drop: vec!["CAP_CHOWN".into()], ..Default::default() };
        let caps = capabilities(&spec).unwrap();
        assert!(caps.contains(&Capability::NetAdmin) && !caps.contains(&Capability::Chown));
        let none = ContainerSpec { cap_drop: vec!["all".into()], ..Default::default() };
        assert!(capabilities(&none).unwrap().is_empty());
        let bad = ContainerSpec { cap_add: vec!["FLY".into()], ..Default::default() };
        assert!(capabilities(&bad).is_err());
        let privileged = ContainerSpec { privileged: true, ..Default::default() };
        assert!(capabilities(&privileged).unwrap().contains(&Capability::SysAdmin));
    }

    #[test]
    fn resources_tmpfs_ulimits_readonly() {
        let spec = ContainerSpec {
            read_only: true,
            tmpfs: vec![TmpfsMount { target: "/run".into(), options: vec!["size=64m".into()] }],
            ulimits: vec![Ulimit { name: "nofile".into(), soft: 1024, hard: 999_999 }],
            resources: ResourceLimits { memory_bytes: Some(64 << 20), nano_cpus: Some(1_500_000_000), pids_limit: Some(100) },
            ..Default::default()
        };
        let s = build(&spec);
        assert!(s.root().as_ref().unwrap().readonly().unwrap());
        let run = s.mounts().as_ref().unwrap().iter().find(|m| m.destination() == &PathBuf::from("/run")).unwrap();
        assert!(run.options().as_ref().unwrap().contains(&"size=64m".to_string()));
        let res = s.linux().as_ref().unwrap().resources().as_ref().unwrap();
        assert_eq!(res.memory().as_ref().unwrap().limit(), Some(64 << 20));
        assert_eq!(res.cpu().as_ref().unwrap().quota(), Some(150_000));
        assert_eq!(res.pids().as_ref().unwrap().limit(), 100);
        let nofile = s.process().as_ref().unwrap().rlimits().as_ref().unwrap().iter().find(|r| r.typ() == PosixRlimitType::RlimitNofile).unwrap();
        assert_eq!((nofile.soft(), nofile.hard()), (1024, 20000));
    }
}
