//! Flags -> `ContainerSpec`, flag by flag, in the manner of Podman's
//! pkg/specgen tests: each row is a command line as a user types it, parsed
//! by clap, turned into a spec with a fake host (cwd /home/u/project, a few
//! files), and compared with the spec of plain `pontoon run busybox` plus
//! what that row's flags should change, so a row also proves that nothing
//! else changed.

use std::path::Path;

use clap::Parser;

use super::*;
use crate::cli::{Cli, Command, ContainerCommand, ContainerVerb};
use crate::spec::devices::DeviceRequest;
use crate::spec::dns::{DnsSettings, ExtraHost, HostAddress};
use crate::spec::health::{HealthConfig, OnFailure};
use crate::spec::container::TmpfsMount;
use crate::spec::mounts::{MountKind, MountSpec};
use crate::spec::ports::{PortMapping, Protocol};

const CWD: &str = "/home/u/project";
const SECCOMP_JSON: &str = r#"{"defaultAction":"SCMP_ACT_ALLOW"}"#;

/// The fake host's files: an env file, a seccomp profile, nothing else.
fn fake_read(path: &Path) -> std::io::Result<String> {
    match path.to_str() {
        Some("/cfg/app.env") => Ok("# settings\nMODE=test\n\nTOKEN\n".into()),
        Some("more.env") => Ok("EXTRA=1\n".into()),
        Some("/cfg/seccomp.json") => Ok(SECCOMP_JSON.into()),
        _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")),
    }
}

/// The fake host's paths: only /srv/data and /home/u/project/site exist.
fn fake_exists(path: &str) -> bool {
    matches!(path, "/srv/data" | "/home/u/project/site")
}

fn fake_host() -> HostInputs<'static> {
    HostInputs { cwd: CWD.into(), read_file: &fake_read, path_exists: &fake_exists, conf: Default::default(), rootless: false, host_env: &Vec::new }
}

/// The `run` (or `create`, `container run`...) flags of a command line.
fn flags(args: &[&str]) -> CreateFlags {
    let cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?} does not parse: {e}"));
    match cli.command {
        Command::Container(verb) | Command::ContainerNoun(ContainerCommand::Verb(verb)) => match verb {
            ContainerVerb::Run(run) => run.flags,
            ContainerVerb::Create(create) => create.flags,
            other => panic!("{args:?} is not run or create: {other:?}"),
        },
        other => panic!("{args:?} is not run or create: {other:?}"),
    }
}

/// `pontoon run FLAGS... busybox [COMMAND...]` as a spec; `words` holds the
/// flags, the image and the command.
fn spec_of(words: &[&str]) -> Result<ContainerSpec> {
    let args: Vec<&str> = ["pontoon", "run"].into_iter().chain(words.iter().copied()).collect();
    flags(&args).to_spec(&fake_host())
}

/// Anonymous volumes get a random name: blank it so rows compare.
fn without_random_names(mut spec: ContainerSpec) -> ContainerSpec {
    for m in spec.mounts.iter_mut().filter(|m| m.anonymous) {
        assert_eq!(m.source.len(), 64, "an anonymous volume is named by 64 hex characters: {m:?}");
        m.source.clear();
    }
    spec
}

fn base() -> ContainerSpec {
    ContainerSpec { image: "busybox".into(), restart: RestartPolicy { name: "no".into(), max_retries: 0 }, ..Default::default() }
}

fn bind(source: &str, target: &str) -> MountSpec {
    MountSpec { kind: MountKind::Bind, source: source.into(), target: target.into(), ..Default::default() }
}

fn volume(source: &str, target: &str) -> MountSpec {
    MountSpec { kind: MountKind::Volume, source: source.into(), target: target.into(), ..Default::default() }
}

/// One row: the words after `pontoon run`, and what they change in the
/// spec of `pontoon run busybox`.
type Row = (&'static [&'static str], fn(&mut ContainerSpec));

const ROWS: &[Row] = &[
    // The image, then the command verbatim: `--` and pontoon's own flags
    // after the image belong to the container.
    (&["busybox"], |_| {}),
    (&["busybox", "echo", "hi"], |s| s.command = vec!["echo".into(), "hi".into()]),
    (&["busybox", "sh", "-c", "ls", "--", "-v", "/:/host", "--privileged"], |s| {
        s.command = ["sh", "-c", "ls", "--", "-v", "/:/host", "--privileged"].map(String::from).to_vec()
    }),
    // -e / --env: KEY alone is kept as given, resolved at create.
    (&["-e", "A=1", "--env", "B=two words", "-e", "HOME", "busybox"], |s| s.env = vec!["A=1".into(), "B=two words".into(), "HOME".into()]),
    // --env-file through the reader, comments and blank lines dropped, the
    // files before -e whatever the order on the line (so -e wins), a
    // relative name passed to the reader as given.
    (&["-e", "MODE=prod", "--env-file", "/cfg/app.env", "--env-file", "more.env", "busybox"], |s| {
        s.env = vec!["MODE=test".into(), "TOKEN".into(), "EXTRA=1".into(), "MODE=prod".into()]
    }),
    (&["-w", "/srv", "busybox"], |s| s.workdir = Some("/srv".into())),
    (&["--workdir", "/app", "busybox"], |s| s.workdir = Some("/app".into())),
    (&["-u", "1000:1000", "busybox"], |s| s.user = Some("1000:1000".into())),
    (&["--user", "nobody", "busybox"], |s| s.user = Some("nobody".into())),
    (&["-i", "busybox"], |s| s.interactive = true),
    (&["-t", "busybox"], |s| s.tty = true),
    (&["-it", "busybox"], |s| (s.interactive, s.tty) = (true, true)),
    // --name is the record's, not the spec's (see name_is_not_in_the_spec).
    (&["--name", "web", "busybox"], |_| {}),
    (&["--entrypoint", "/bin/sh", "busybox"], |s| s.entrypoint = Some("/bin/sh".into())),
    // `--entrypoint ""` clears the image's entrypoint.
    (&["--entrypoint", "", "busybox"], |s| s.entrypoint = Some(String::new())),
    (&["-h", "box", "busybox"], |s| s.hostname = Some("box".into())),
    (&["--hostname", "box", "busybox"], |s| s.hostname = Some("box".into())),
    (&["--init", "busybox"], |s| s.init = true),
    (&["--read-only", "busybox"], |s| s.read_only = true),
    (&["--tmpfs", "/run", "--tmpfs", "/tmp:size=64m,mode=1777", "busybox"], |s| {
        s.tmpfs = vec![
            TmpfsMount { target: "/run".into(), options: vec![] },
            TmpfsMount { target: "/tmp".into(), options: vec!["size=64m".into(), "mode=1777".into()] },
        ]
    }),
    // -v: a host path, a named volume, an anonymous volume, a relative
    // source resolved against the current directory.
    (&["-v", "/srv/data:/data:ro", "busybox"], |s| {
        s.mounts = vec![MountSpec { readonly: true, mode: "ro".into(), create_source: true, ..bind("/srv/data", "/data") }]
    }),
    (&["-v", "db:/var/lib/db", "busybox"], |s| s.mounts = vec![MountSpec { create_source: true, ..volume("db", "/var/lib/db") }]),
    (&["--volume", "/cache", "busybox"], |s| s.mounts = vec![MountSpec { anonymous: true, create_source: true, ..volume("", "/cache") }]),
    (&["-v", "./site:/usr/share/site", "-v", "../shared:/shared:rw", "busybox"], |s| {
        s.mounts = vec![
            MountSpec { create_source: true, ..bind("/home/u/project/site", "/usr/share/site") },
            MountSpec { create_source: true, mode: "rw".into(), ..bind("/home/u/shared", "/shared") },
        ]
    }),
    // --mount: a bind source must exist (asked of the host), relative ones
    // resolved against the current directory; volume and tmpfs.
    (&["--mount", "type=bind,source=/srv/data,target=/data,readonly", "busybox"], |s| {
        s.mounts = vec![MountSpec { readonly: true, ..bind("/srv/data", "/data") }]
    }),
    (&["--mount", "type=bind,src=site,dst=/site", "busybox"], |s| s.mounts = vec![bind("/home/u/project/site", "/site")]),
    (&["--mount", "type=volume,source=db,target=/db,volume-nocopy", "busybox"], |s| {
        s.mounts = vec![MountSpec { no_copy: true, ..volume("db", "/db") }]
    }),
    (&["--mount", "target=/scratch", "busybox"], |s| s.mounts = vec![MountSpec { anonymous: true, ..volume("", "/scratch") }]),
    (&["--mount", "type=tmpfs,target=/t,tmpfs-size=1m", "busybox"], |s| {
        s.mounts = vec![MountSpec { kind: MountKind::Tmpfs, target: "/t".into(), options: vec!["size=1m".into()], ..Default::default() }]
    }),
    // --volumes-from is kept as given and expanded at create.
    (&["--volumes-from", "db:ro", "--volumes-from", "cache", "busybox"], |s| s.volumes_from = vec!["db:ro".into(), "cache".into()]),
    (&["--network", "none", "busybox"], |s| s.network = NetworkMode::None),
    (&["--net", "host", "busybox"], |s| s.network = NetworkMode::Host),
    (&["--network", "bridge", "busybox"], |_| {}),
    (&["--network", "slirp4netns:mtu=1500", "busybox"], |s| s.network = NetworkMode::Slirp4netns(vec!["mtu=1500".into()])),
    (&["--network", "pasta", "busybox"], |s| s.network = NetworkMode::Pasta(vec![])),
    (&["--network", "container:web", "busybox"], |s| s.network = NetworkMode::Container("web".into())),
    (&["--ipc", "container:db", "--pid", "host", "--uts", "container:db", "busybox"], |s| {
        use crate::spec::namespaces::{IpcMode, NamespaceMode};
        s.namespaces.ipc = IpcMode::Container("db".into());
        s.namespaces.pid = NamespaceMode::Host;
        s.namespaces.uts = NamespaceMode::Container("db".into());
    }),
    (&["--ipc", "none", "--group-add", "audio", "--group-add", "10", "busybox"], |s| {
        s.namespaces.ipc = crate::spec::namespaces::IpcMode::None;
        s.namespaces.group_add = vec!["audio".into(), "10".into()];
    }),
    (&["--shm-size", "16m", "busybox"], |s| s.namespaces.shm_size = Some(16 << 20)),
    (&["--dns", "1.1.1.1", "--dns", "::1", "--dns-search", "lan", "--dns-option", "ndots:2", "--dns-opt", "edns0", "busybox"], |s| {
        s.dns = DnsSettings { servers: vec!["1.1.1.1".parse().unwrap(), "::1".parse().unwrap()], search: vec!["lan".into()], options: vec!["ndots:2".into(), "edns0".into()] }
    }),
    (&["--add-host", "db:10.0.0.5", "--add-host", "gw=host-gateway", "busybox"], |s| {
        s.extra_hosts = vec![ExtraHost::parse("db:10.0.0.5").unwrap(), ExtraHost { name: "gw".into(), address: HostAddress::HostGateway }]
    }),
    // -p as Docker parses it (spec::ports has the full table), in order.
    (&["-p", "8080:80", "--publish", "127.0.0.1::53/udp", "-p", "9000-9001:9000-9001", "busybox"], |s| {
        let tcp = |host_port, container_port| PortMapping { host_port, container_port, ..Default::default() };
        let dns = PortMapping { host_ip: Some([127, 0, 0, 1].into()), container_port: 53, protocol: Protocol::Udp, ..Default::default() };
        s.ports = vec![tcp(8080, 80), dns, tcp(9000, 9000), tcp(9001, 9001)];
    }),
    (&["-P", "--expose", "80", "--expose", "7000-7001/udp", "busybox"], |s| {
        s.publish_all = true;
        let udp = |container_port| PortMapping { container_port, protocol: Protocol::Udp, ..Default::default() };
        s.expose = vec![PortMapping { container_port: 80, ..Default::default() }, udp(7000), udp(7001)];
    }),
    // -l / --label: a bare key has an empty value, the last one wins.
    (&["-l", "app=web", "--label", "tier", "-l", "app=api", "busybox"], |s| {
        s.labels = [("app".to_string(), "api".to_string()), ("tier".to_string(), String::new())].into()
    }),
    (&["--stop-signal", "SIGINT", "busybox"], |s| s.stop_signal = Some("SIGINT".into())),
    (&["--stop-timeout", "30", "busybox"], |s| s.stop_timeout = Some(30)),
    (&["--restart", "always", "busybox"], |s| s.restart.name = "always".into()),
    (&["--restart", "on-failure:3", "busybox"], |s| s.restart = RestartPolicy { name: "on-failure".into(), max_retries: 3 }),
    (&["--restart", "unless-stopped", "busybox"], |s| s.restart.name = "unless-stopped".into()),
    // Capabilities are kept as spelled; engine::oci normalises them.
    (&["--cap-add", "NET_ADMIN", "--cap-add", "sys_time", "busybox"], |s| s.cap_add = vec!["NET_ADMIN".into(), "sys_time".into()]),
    (&["--cap-drop", "ALL", "busybox"], |s| s.cap_drop = vec!["ALL".into()]),
    (&["--privileged", "busybox"], |s| s.privileged = true),
    (&["--ulimit", "nofile=1024:2048", "--ulimit", "core=0", "--ulimit", "memlock=-1", "busybox"], |s| {
        s.ulimits = vec![
            Ulimit { name: "nofile".into(), soft: 1024, hard: 2048 },
            Ulimit { name: "core".into(), soft: 0, hard: 0 },
            Ulimit { name: "memlock".into(), soft: u64::MAX, hard: u64::MAX },
        ]
    }),
    (&["-m", "64m", "busybox"], |s| s.resources.memory_bytes = Some(64 << 20)),
    (&["--memory", "1g", "busybox"], |s| s.resources.memory_bytes = Some(1 << 30)),
    // `--memory 0` is no limit, as in Docker.
    (&["--memory", "0", "busybox"], |_| {}),
    // --cpus in billionths of a CPU, as Docker's NanoCpus.
    (&["--cpus", "1.5", "busybox"], |s| s.resources.nano_cpus = Some(1_500_000_000)),
    (&["--cpus", "0.25", "busybox"], |s| s.resources.nano_cpus = Some(250_000_000)),
    (&["--pids-limit", "100", "busybox"], |s| s.resources.pids_limit = Some(100)),
    (&["--pids-limit", "-1", "busybox"], |s| s.resources.pids_limit = Some(-1)),
    (&["--rm", "busybox"], |s| s.auto_remove = true),
    (&["--security-opt", "seccomp=unconfined", "busybox"], |s| s.seccomp = SeccompChoice::Unconfined),
    // The profile is read now, through the reader, and kept as text.
    (&["--security-opt", "seccomp=/cfg/seccomp.json", "busybox"], |s| s.seccomp = SeccompChoice::Custom(SECCOMP_JSON.into())),
    (&["--security-opt", "seccomp:/cfg/seccomp.json", "busybox"], |s| s.seccomp = SeccompChoice::Custom(SECCOMP_JSON.into())),
    // What pontoon always does is accepted and changes nothing.
    (&["--security-opt", "no-new-privileges", "busybox"], |_| {}),
    (&["--security-opt", "no-new-privileges:true", "busybox"], |_| {}),
    (&["--security-opt", "label=disable", "busybox"], |_| {}),
    // What a nested rootless engine needs (spec::security_opt).
    (&["--security-opt", "no-new-privileges=false", "busybox"], |s| s.security.new_privileges = true),
    (&["--security-opt", "unmask=/proc/*", "--security-opt", "unmask=/sys/firmware", "busybox"], |s| {
        s.security.unmask = vec!["/proc/*".into(), "/sys/firmware".into()]
    }),
    (&["--security-opt", "systempaths=unconfined", "busybox"], |s| s.security.unmask = vec!["ALL".into()]),
    (&["--runtime", "crun", "busybox"], |s| s.runtime = Some("crun".into())),
    // `--runtime pontoon` (or "") is the built-in runtime.
    (&["--runtime", "pontoon", "busybox"], |_| {}),
    (&["--runtime", "", "busybox"], |_| {}),
    (&["--device", "/dev/fuse", "--device", "/dev/sdb:/dev/xvdc:r", "busybox"], |s| {
        s.devices = vec![
            DeviceRequest { host_path: "/dev/fuse".into(), container_path: "/dev/fuse".into(), access: "rwm".into() },
            DeviceRequest { host_path: "/dev/sdb".into(), container_path: "/dev/xvdc".into(), access: "r".into() },
        ]
    }),
    (&["--device-cgroup-rule", "c 1:3 rwm", "busybox"], |s| s.device_cgroup_rules = vec!["c 1:3 rwm".into()]),
    // Healthchecks: the flags' check (merged with the image's at create).
    (&["--health-cmd", "test -e /tmp/ok", "--health-interval", "1s", "--health-retries", "2", "busybox"], |s| {
        s.health.config = Some(HealthConfig { test: vec!["CMD-SHELL".into(), "test -e /tmp/ok".into()], interval: 1_000_000_000, retries: 2, ..Default::default() })
    }),
    (&["--health-timeout", "500ms", "--health-start-period", "1m", "--health-start-interval", "2s", "busybox"], |s| {
        s.health.config = Some(HealthConfig { timeout: 500_000_000, start_period: 60_000_000_000, start_interval: 2_000_000_000, ..Default::default() })
    }),
    (&["--health-cmd", "true", "--health-interval", "disable", "busybox"], |s| {
        s.health.config = Some(HealthConfig { test: vec!["CMD-SHELL".into(), "true".into()], ..Default::default() });
        s.health.timer_disabled = true;
    }),
    (&["--no-healthcheck", "busybox"], |s| s.health.config = Some(HealthConfig { test: vec!["NONE".into()], ..Default::default() })),
    (&["--health-on-failure", "restart", "busybox"], |s| s.health.on_failure = OnFailure::Restart),
];

#[test]
fn each_flag_sets_its_spec_field_and_nothing_else() {
    for (words, change) in ROWS {
        let mut want = base();
        change(&mut want);
        let got = spec_of(words).unwrap_or_else(|e| panic!("pontoon run {}: {e:#}", words.join(" ")));
        assert_eq!(without_random_names(got), want, "pontoon run {}", words.join(" "));
    }
}

/// Command lines that must fail before anything is created, with the
/// message naming what is wrong.
const REFUSED: &[(&[&str], &str)] = &[
    (&["--env-file", "/cfg/missing.env", "busybox"], "read env file /cfg/missing.env"),
    (&["--security-opt", "seccomp=/cfg/missing.json", "busybox"], "read the seccomp profile /cfg/missing.json"),
    (&["--security-opt", "seccomp=", "busybox"], "seccomp=unconfined"),
    (&["--security-opt", "apparmor=docker-default", "busybox"], "unsupported --security-opt"),
    (&["--security-opt", "unmask=proc", "busybox"], "not an absolute path"),
    (&["--security-opt", "no-new-privileges=no", "busybox"], "no-new-privileges=false"),
    (&["--mount", "type=bind,source=/nope,target=/x", "busybox"], "bind source path /nope does not exist"),
    (&["-v", "/a:/x", "--tmpfs", "/x", "busybox"], "duplicate mount point /x"),
    (&["--network", "mesh:x", "busybox"], "unknown network mode"),
    (&["--dns", "dns.google", "busybox"], "invalid --dns \"dns.google\""),
    (&["--add-host", "db", "busybox"], "invalid --add-host \"db\""),
    (&["-p", "70000:80", "busybox"], "host port 70000 is out of range 1-65535"),
    (&["-p", "1:2:3:4", "busybox"], "is not an IP address"),
    (&["--expose", "80/sctp", "busybox"], "sctp is not supported"),
    (&["-p", "80", "--network", "container:web", "busybox"], "conflicting options: port publishing"),
    (&["--restart", "sometimes", "busybox"], "invalid restart policy"),
    (&["--ulimit", "nofile=10:5", "busybox"], "soft limit is above the hard limit"),
    (&["--memory", "lots", "busybox"], "invalid size"),
    (&["--device", "fuse", "busybox"], "not absolute"),
    (&["--device-cgroup-rule", "x", "busybox"], "invalid --device-cgroup-rule"),
    (&["--health-interval", "5", "busybox"], "--health-interval \"5\" is not a duration"),
    (&["--no-healthcheck", "--health-cmd", "true", "busybox"], "--no-healthcheck conflicts with --health-* options"),
    (&["--health-on-failure", "explode", "busybox"], "invalid --health-on-failure"),
    (&[""], "no image given"),
];

#[test]
fn bad_flags_are_refused_with_what_is_wrong() {
    for (words, message) in REFUSED {
        match spec_of(words) {
            Ok(spec) => panic!("pontoon run {} was accepted: {spec:?}", words.join(" ")),
            Err(e) => assert!(format!("{e:#}").contains(message), "pontoon run {}: {e:#}", words.join(" ")),
        }
    }
}

#[test]
fn name_is_not_in_the_spec() {
    let f = flags(&["pontoon", "run", "--name", "web", "busybox"]);
    assert_eq!(f.name.as_deref(), Some("web"), "the name goes to the container's record");
    assert_eq!(f.to_spec(&fake_host()).unwrap(), base());
}

#[test]
fn create_and_container_run_read_the_same_flags_as_run() {
    let words = ["-it", "-e", "A=1", "-v", "./site:/site", "--cpus", "2", "busybox", "sh"];
    let run = spec_of(&words).unwrap();
    for verb in [&["pontoon", "create"][..], &["pontoon", "container", "create"], &["pontoon", "container", "run"]] {
        let args: Vec<&str> = verb.iter().chain(words.iter()).copied().collect();
        assert_eq!(flags(&args).to_spec(&fake_host()).unwrap(), run, "{args:?}");
    }
}
