//! Unit tests of engine::oci: ContainerSpec -> OCI Spec, flag by flag.

use super::*;
use crate::spec::container::{ResourceLimits, TmpfsMount, Ulimit};

fn build(spec: &ContainerSpec) -> Spec {
    build_with_devices(spec, Vec::new())
}

fn build_with_devices(spec: &ContainerSpec, devices: Vec<crate::engine::devices::HostDevice>) -> Spec {
    try_build(spec, devices).unwrap()
}

/// The spec for `spec` on a host whose hard limit for open files is 20000,
/// for a process `sh` as 1000:1000 and the host name `h`.
fn try_build(spec: &ContainerSpec, devices: Vec<crate::engine::devices::HostDevice>) -> Result<Spec> {
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

    let loop0 = crate::engine::devices::HostDevice::sample("/dev/loop0", "/dev/xvda", true, 7, 0, "r");
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

fn annotation<'a>(s: &'a Spec, key: &str) -> Option<&'a str> {
    s.annotations().as_ref().and_then(|a| a.get(key)).map(String::as_str)
}

#[test]
fn init_asks_the_runtime_for_its_init_by_annotation() {
    let key = crate::runtime::builtin::INIT_ANNOTATION;
    assert_eq!(annotation(&build(&ContainerSpec { init: true, ..Default::default() }), key), Some("true"));
    assert_eq!(annotation(&build(&ContainerSpec::default()), key), None, "no init unless --init");
}

#[test]
fn hostname_is_the_resolved_one_and_tty_is_the_terminal() {
    // The engine resolves the name (-h, or the container's short id) into
    // BundleInputs::hostname; the spec carries that one.
    let spec = ContainerSpec { hostname: Some("box".into()), ..Default::default() };
    assert_eq!(build(&spec).hostname().as_deref(), Some("h"));
    let terminal = |spec: &ContainerSpec| build(spec).process().as_ref().unwrap().terminal();
    assert_eq!(terminal(&ContainerSpec { tty: true, ..Default::default() }), Some(true));
    assert_eq!(terminal(&ContainerSpec::default()), Some(false));
}

#[test]
fn privileged_unmasks_and_grants_everything() {
    let s = build(&ContainerSpec { privileged: true, ..Default::default() });
    let linux = s.linux().as_ref().unwrap();
    assert_eq!(linux.masked_paths().as_deref(), Some(&[][..]));
    assert_eq!(linux.readonly_paths().as_deref(), Some(&[][..]));
    let p = s.process().as_ref().unwrap();
    assert_eq!(p.no_new_privileges(), Some(false));
    assert_eq!(p.capabilities().as_ref().unwrap().bounding().as_ref().unwrap().len(), ALL_CAPS.len());
    let plain = build(&ContainerSpec::default());
    let linux = plain.linux().as_ref().unwrap();
    assert_eq!(linux.masked_paths().as_ref().unwrap().len(), MASKED_PATHS.len());
    assert_eq!(linux.readonly_paths().as_ref().unwrap().len(), READONLY_PATHS.len());
}

#[test]
fn security_opts_unmask_paths_and_allow_new_privileges_only() {
    use crate::spec::security_opt::SecurityOptions;
    let security = SecurityOptions { new_privileges: true, unmask: vec!["/proc/*".into()] };
    let s = build(&ContainerSpec { security, ..Default::default() });
    let linux = s.linux().as_ref().unwrap();
    assert_eq!(linux.masked_paths().as_deref(), Some(&["/sys/firmware".to_string(), "/sys/devices/virtual/powercap".to_string()][..]));
    assert_eq!(linux.readonly_paths().as_deref(), Some(&[][..]), "every read-only path is under /proc");
    let p = s.process().as_ref().unwrap();
    assert_eq!(p.no_new_privileges(), Some(false));
    let caps = p.capabilities().as_ref().unwrap().bounding().as_ref().unwrap().len();
    assert_eq!(caps, DEFAULT_CAPS.len(), "no capability comes with them");
    let all = SecurityOptions { unmask: vec!["ALL".into()], ..Default::default() };
    let s = build(&ContainerSpec { security: all, ..Default::default() });
    assert_eq!(s.linux().as_ref().unwrap().masked_paths().as_deref(), Some(&[][..]));
    assert_eq!(s.process().as_ref().unwrap().no_new_privileges(), Some(true), "unmask alone keeps no_new_privs");
}

fn rlimits(s: &Spec) -> Vec<(PosixRlimitType, u64, u64)> {
    s.process().as_ref().unwrap().rlimits().as_ref().unwrap().iter().map(|r| (r.typ(), r.soft(), r.hard())).collect()
}

#[test]
fn every_ulimit_name_maps_to_its_rlimit_with_soft_and_hard_kept() {
    use PosixRlimitType::*;
    let names = [
        ("core", RlimitCore),
        ("cpu", RlimitCpu),
        ("data", RlimitData),
        ("fsize", RlimitFsize),
        ("locks", RlimitLocks),
        ("memlock", RlimitMemlock),
        ("msgqueue", RlimitMsgqueue),
        ("nice", RlimitNice),
        ("nproc", RlimitNproc),
        ("rss", RlimitRss),
        ("rtprio", RlimitRtprio),
        ("rttime", RlimitRttime),
        ("sigpending", RlimitSigpending),
        ("stack", RlimitStack),
        ("as", RlimitAs),
    ];
    for (name, typ) in names {
        for (soft, hard) in [(7, 9), (0, u64::MAX)] {
            let spec = ContainerSpec { ulimits: vec![Ulimit { name: name.into(), soft, hard }], ..Default::default() };
            let got = rlimits(&build(&spec));
            assert!(got.contains(&(typ, soft, hard)), "--ulimit {name}={soft}:{hard}: {got:?}");
            assert_eq!(got.iter().filter(|r| r.0 == typ).count(), 1, "{name}: {got:?}");
            assert!(got.contains(&(RlimitNofile, 20000, 20000)), "{name} leaves the default nofile: {got:?}");
        }
    }
    let spec = ContainerSpec { ulimits: vec![Ulimit { name: "nofiles".into(), soft: 1, hard: 1 }], ..Default::default() };
    assert!(try_build(&spec, vec![]).is_err(), "an unknown name is refused");
}

#[test]
fn nofile_replaces_the_default_and_never_passes_the_host_hard_limit() {
    let nofile = |soft, hard| {
        let spec = ContainerSpec { ulimits: vec![Ulimit { name: "nofile".into(), soft, hard }], ..Default::default() };
        rlimits(&build(&spec)).into_iter().filter(|r| r.0 == PosixRlimitType::RlimitNofile).collect::<Vec<_>>()
    };
    assert_eq!(nofile(1024, 2048), [(PosixRlimitType::RlimitNofile, 1024, 2048)], "kept below the host's limit");
    assert_eq!(nofile(1024, 999_999), [(PosixRlimitType::RlimitNofile, 1024, 20000)], "the hard limit clamped");
    assert_eq!(nofile(50_000, 60_000), [(PosixRlimitType::RlimitNofile, 20000, 20000)], "both clamped");
}

#[test]
fn containerenv_is_always_read_only_and_etc_files_only_with_read_only() {
    let process = ResolvedProcess { args: vec!["sh".into()], env: vec![], cwd: "/".into(), user: "0".into() };
    let user = ResolvedUser { uid: 0, gid: 0, additional_gids: vec![], home: "/".into() };
    let options_of = |spec: &ContainerSpec, dest: &str| -> Vec<String> {
        let etc_files = vec![("/etc/hosts".into(), "/x/hosts".into()), ("/run/.containerenv".into(), "/x/containerenv".into())];
        let inputs = BundleInputs { spec, process: &process, user: &user, rootfs: "/r".into(), hostname: "h".into(), etc_files, host_nofile_hard: 20000, devices: vec![] };
        let built = to_oci(&inputs).unwrap();
        let mount = built.mounts().as_ref().unwrap().iter().find(|m| m.destination() == std::path::Path::new(dest)).cloned().unwrap();
        mount.options().clone().unwrap()
    };
    assert!(options_of(&ContainerSpec::default(), "/run/.containerenv").contains(&"ro".to_string()));
    assert!(!options_of(&ContainerSpec::default(), "/etc/hosts").contains(&"ro".to_string()), "the container may edit its /etc/hosts");
    assert!(options_of(&ContainerSpec { read_only: true, ..Default::default() }, "/etc/hosts").contains(&"ro".to_string()));
}

fn namespace_types(s: &Spec) -> Vec<LinuxNamespaceType> {
    s.linux().as_ref().unwrap().namespaces().clone().unwrap().iter().map(|n| n.typ()).collect()
}

fn shm_of(s: &Spec) -> Option<Mount> {
    s.mounts().as_ref().unwrap().iter().find(|m| m.destination() == std::path::Path::new("/dev/shm")).cloned()
}

#[test]
fn namespace_modes_choose_the_namespaces_and_dev_shm() {
    use crate::spec::namespaces::NamespaceSettings;
    let own = build(&ContainerSpec::default());
    for t in [LinuxNamespaceType::Pid, LinuxNamespaceType::Ipc, LinuxNamespaceType::Uts] {
        assert!(namespace_types(&own).contains(&t), "{t:?} of its own by default");
    }
    assert_eq!(own.hostname().as_deref(), Some("h"));
    assert!(shm_of(&own).unwrap().options().as_ref().unwrap().contains(&"size=65536k".to_string()));

    let host = NamespaceSettings { ipc: IpcMode::Host, pid: NamespaceMode::Host, uts: NamespaceMode::Host, ..Default::default() };
    let s = build(&ContainerSpec { namespaces: host, ..Default::default() });
    let types = namespace_types(&s);
    assert!(!types.contains(&LinuxNamespaceType::Pid) && !types.contains(&LinuxNamespaceType::Ipc) && !types.contains(&LinuxNamespaceType::Uts), "{types:?}");
    assert_eq!(s.hostname(), &None, "the host's hostname is never set");
    assert_eq!(shm_of(&s).unwrap().source().as_deref(), Some(std::path::Path::new("/dev/shm")));

    let joined = NamespaceSettings { ipc: IpcMode::Container("a".into()), uts: NamespaceMode::Container("a".into()), ..Default::default() };
    let s = build(&ContainerSpec { namespaces: joined, ..Default::default() });
    assert!(namespace_types(&s).contains(&LinuxNamespaceType::Uts), "listed, pointed at a's at start");
    assert_eq!(s.hostname(), &None, "a's hostname is kept");

    let none = build(&ContainerSpec { namespaces: NamespaceSettings { ipc: IpcMode::None, ..Default::default() }, ..Default::default() });
    assert!(shm_of(&none).is_none());
    let sized = build(&ContainerSpec { namespaces: NamespaceSettings { shm_size: Some(16 << 20), ..Default::default() }, ..Default::default() });
    assert!(shm_of(&sized).unwrap().options().as_ref().unwrap().contains(&"size=16384k".to_string()));
}

#[test]
fn tuning_flags_reach_resources_process_and_mounts() {
    use crate::spec::resources::{BlkioDevice, Tuning};
    let device = BlkioDevice { path: "/dev/vda".into(), major: 254, minor: 0, value: 1 << 20 };
    let spec = ContainerSpec {
        read_only: true,
        resources: ResourceLimits { memory_bytes: Some(64 << 20), ..Default::default() },
        tuning: Tuning {
            memory_swap: Some(-1),
            memory_reservation: Some(32 << 20),
            memory_swappiness: Some(10),
            oom_kill_disable: true,
            cpu_shares: Some(512),
            cpu_period: Some(50_000),
            cpu_quota: Some(25_000),
            cpuset_cpus: Some("0-1".into()),
            blkio_weight: Some(300),
            device_read_bps: vec![device],
            oom_score_adj: Some(500),
            personality: Some("LINUX32".into()),
            umask: Some(0o077),
            ..Default::default()
        },
        ..Default::default()
    };
    let s = build(&spec);
    let res = s.linux().as_ref().unwrap().resources().as_ref().unwrap();
    let mem = res.memory().as_ref().unwrap();
    assert_eq!((mem.limit(), mem.swap(), mem.reservation(), mem.swappiness(), mem.disable_oom_killer()), (Some(64 << 20), Some(-1), Some(32 << 20), Some(10), Some(true)));
    let cpu = res.cpu().as_ref().unwrap();
    assert_eq!((cpu.shares(), cpu.period(), cpu.quota(), cpu.cpus().as_deref()), (Some(512), Some(50_000), Some(25_000), Some("0-1")));
    let io = res.block_io().as_ref().unwrap();
    assert_eq!(io.weight(), Some(300));
    let bps = &io.throttle_read_bps_device().as_ref().unwrap()[0];
    assert_eq!((bps.major(), bps.minor(), bps.rate()), (254, 0, 1 << 20));
    let process = s.process().as_ref().unwrap();
    assert_eq!(process.oom_score_adj(), Some(500));
    assert_eq!(process.user().umask(), Some(0o077));
    let personality = s.linux().as_ref().unwrap().personality().as_ref().unwrap();
    assert_eq!(personality.domain(), oci_spec::runtime::LinuxPersonalityDomain::PerLinux32);
    let tmpfs: Vec<_> = s.mounts().as_ref().unwrap().iter().filter(|m| m.typ().as_deref() == Some("tmpfs")).map(|m| m.destination().clone()).collect();
    for dir in ["/run", "/tmp", "/var/tmp"] {
        assert!(tmpfs.contains(&PathBuf::from(dir)), "--read-only gets a tmpfs on {dir}: {tmpfs:?}");
    }
    let plain = build(&ContainerSpec::default());
    assert_eq!(plain.process().as_ref().unwrap().user().umask(), Some(0o022), "Podman's default umask");
    assert!(plain.linux().as_ref().unwrap().resources().as_ref().unwrap().block_io().is_none());
    let no_tmpfs = ContainerSpec { read_only: true, tuning: Tuning { read_only_tmpfs: Some(false), ..Default::default() }, ..Default::default() };
    assert!(!build(&no_tmpfs).mounts().as_ref().unwrap().iter().any(|m| m.destination() == &PathBuf::from("/tmp")));
}
