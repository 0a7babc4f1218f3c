//! `pontoon run`, `create` and `start`: flags as Docker spells them, turned
//! into a `ContainerSpec`, then create, start and attach.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;

use super::Ctx;
use crate::engine::attach::{attach, parse_detach_keys, AttachEnd, AttachOptions};
use crate::engine::container::{self, PullPolicy, StartMode};
use crate::errors::PontoonError;
use crate::spec::container::{ContainerSpec, ResourceLimits, Ulimit};
use crate::spec::env::parse_env_file;
use crate::spec::network::NetworkMode;
use crate::spec::restart::RestartPolicy;
use crate::spec::seccomp::SeccompChoice;
use crate::spec::security_opt::SecurityOptions;
use crate::store::layout::ContainerPaths;

/// The process's environment, directory and user: flags `run`, `create`
/// and `exec` share.
#[derive(Args, Debug)]
pub struct ProcessFlags {
    /// Set environment variables (KEY=VALUE, or KEY to pass pontoon's value)
    #[arg(short, long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// Read environment variables from a file
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Working directory inside the container
    #[arg(short, long = "workdir", value_name = "DIR")]
    pub workdir: Option<String>,
    /// User (name|uid[:group|gid])
    #[arg(short, long)]
    pub user: Option<String>,
}

/// Reads a file for the flags that name one (`--env-file`,
/// `--security-opt seccomp=FILE`): the reader that callers pass in.
pub type ReadFile<'a> = &'a dyn Fn(&Path) -> std::io::Result<String>;

/// The host's file reader, what `run`, `create` and `exec` pass.
pub fn read_host_file(path: &Path) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

/// What turning flags into a `ContainerSpec` needs from the host, passed
/// in so that `CreateFlags::to_spec` reads nothing itself: the commands
/// pass `HostInputs::real()`, the tests fakes.
pub struct HostInputs<'a> {
    /// The directory relative `-v` sources are resolved against.
    pub cwd: PathBuf,
    /// Reads `--env-file` files and seccomp profiles.
    pub read_file: ReadFile<'a>,
    /// Whether a `--mount type=bind` source exists.
    pub path_exists: &'a dyn Fn(&str) -> bool,
    /// containers.conf: the network mode without --network, and the defaults of the other keys.
    pub conf: crate::engine::containers_conf::ContainersConf,
    /// Whether pontoon runs rootless (some containers.conf defaults need a cgroup).
    pub rootless: bool,
    /// The host's environment (`--env-host`, `--http-proxy`).
    pub host_env: &'a dyn Fn() -> Vec<(String, String)>,
}

impl HostInputs<'static> {
    /// The real current directory, files and paths.
    pub fn real() -> Result<Self> {
        Ok(HostInputs {
            cwd: std::env::current_dir().context("read the current directory (for relative -v paths)")?,
            read_file: &read_host_file,
            path_exists: &crate::engine::mounts::host_path_exists,
            conf: crate::engine::containers_conf::ContainersConf::load()?,
            rootless: !nix::unistd::geteuid().is_root(),
            host_env: &|| std::env::vars().collect(),
        })
    }
}

impl ProcessFlags {
    /// The `--env-file` entries, then the `-e` ones (which win), in order.
    pub fn env_entries(&self, read_file: ReadFile) -> Result<Vec<String>> {
        let mut env = Vec::new();
        for file in &self.env_file {
            let text = read_file(file).with_context(|| format!("read env file {}", file.display()))?;
            env.extend(parse_env_file(&text, &file.display().to_string())?);
        }
        env.extend(self.env.iter().cloned());
        Ok(env)
    }
}

/// Flags shared by `run` and `create`. `-h` is the host name, as in
/// Docker, so help is `--help` only.
#[derive(Args, Debug)]
pub struct CreateFlags {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// Keep stdin open
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Name of the container
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub process: ProcessFlags,
    /// Override the image's entrypoint
    #[arg(long)]
    pub entrypoint: Option<String>,
    /// Container host name
    #[arg(short = 'h', long)]
    pub hostname: Option<String>,
    /// Run pontoon's init as PID 1 to reap zombies and forward signals
    #[arg(long)]
    pub init: bool,
    /// Mount the root filesystem read-only
    #[arg(long)]
    pub read_only: bool,
    /// Mount a tmpfs (PATH[:OPTIONS])
    #[arg(long, value_name = "PATH[:OPTIONS]")]
    pub tmpfs: Vec<String>,
    /// Bind mount or volume (SOURCE:TARGET[:ro,z,U...], or TARGET for an anonymous volume)
    #[arg(short, long = "volume", value_name = "[SOURCE:]TARGET[:OPTIONS]")]
    pub volume: Vec<String>,
    /// Mount (type=bind|volume|tmpfs,source=,target=,readonly,...)
    #[arg(long, value_name = "type=TYPE,source=SRC,target=DST")]
    pub mount: Vec<String>,
    /// Mount the volumes of another container (CONTAINER[:ro|rw])
    #[arg(long, value_name = "CONTAINER[:ro|rw]")]
    pub volumes_from: Vec<String>,
    /// Network: bridge, none, host, container:NAME, pasta, slirp4netns, or a network's name (repeatable)
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,
    /// Run in this pod (by name or Id), or in a new pod with new:NAME
    #[arg(long, value_name = "NAME|new:NAME")]
    pub pod: Option<String>,
    /// IPC namespace: private, shareable (default), none (no /dev/shm), host or container:NAME
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// PID namespace: private (default), host or container:NAME
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// UTS namespace (hostname): private (default), host or container:NAME
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
    /// User namespace: host (the default), keep-id[:uid=U,gid=G], nomap or auto[:size=N]
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// Map container uids to host uids in a user namespace of its own: container_uid:host_uid:amount (repeatable; rootless, host uids are those of your user namespace)
    #[arg(long, value_name = "MAP")]
    pub uidmap: Vec<String>,
    /// Map container gids to host gids, as --uidmap (repeatable; defaults to the --uidmap lines)
    #[arg(long, value_name = "MAP")]
    pub gidmap: Vec<String>,
    /// Size of /dev/shm (e.g. 16m; default 64m)
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Give the container a secret (NAME[,type=mount|env,target=,uid=,gid=,mode=])
    #[arg(long, value_name = "NAME[,OPTIONS]")]
    pub secret: Vec<String>,
    /// Set a namespaced kernel parameter (net.*, kernel.shm*, fs.mqueue.*...)
    #[arg(long, value_name = "KEY=VALUE")]
    pub sysctl: Vec<String>,
    /// Add a supplementary group (a name from the image's /etc/group, or a gid; repeatable)
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Another name the container has on its user network (repeatable)
    #[arg(long = "network-alias", alias = "net-alias", value_name = "NAME")]
    pub network_alias: Vec<String>,
    /// The container's IPv4 or IPv6 address on its network
    #[arg(long, value_name = "IP")]
    pub ip: Option<String>,
    /// The container's MAC address on its network
    #[arg(long = "mac-address", value_name = "MAC")]
    pub mac_address: Option<String>,
    /// Set a DNS server for the container's /etc/resolv.conf (repeatable)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Set a DNS search domain (repeatable; . for none)
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Set a DNS resolver option such as ndots:2 (repeatable)
    #[arg(long, alias = "dns-opt", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Add a line to /etc/hosts (NAME:IP, NAME:[IPv6] or NAME:host-gateway)
    #[arg(long, value_name = "NAME:IP")]
    pub add_host: Vec<String>,
    /// Publish a container's port to the host ([IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. 8080:80)
    #[arg(short, long = "publish", value_name = "[IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]")]
    pub publish: Vec<String>,
    /// Publish every exposed port to a random host port
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    /// Expose a port or a range of ports (PORT[-END][/PROTO])
    #[arg(long, value_name = "PORT[-END][/PROTO]")]
    pub expose: Vec<String>,
    /// Set metadata (KEY=VALUE)
    #[arg(short, long = "label")]
    pub label: Vec<String>,
    /// Signal to stop the container
    #[arg(long)]
    pub stop_signal: Option<String>,
    /// Seconds to wait before killing the container on stop
    #[arg(long)]
    pub stop_timeout: Option<u32>,
    /// Restart policy: no, always, unless-stopped, on-failure[:N]
    #[arg(long, default_value = "no")]
    pub restart: String,
    /// Add Linux capabilities
    #[arg(long)]
    pub cap_add: Vec<String>,
    /// Drop Linux capabilities
    #[arg(long)]
    pub cap_drop: Vec<String>,
    /// Give extended privileges to the container
    #[arg(long)]
    pub privileged: bool,
    /// Ulimit (NAME=SOFT[:HARD])
    #[arg(long)]
    pub ulimit: Vec<String>,
    /// Memory limit (e.g. 64m, 1g)
    #[arg(short, long)]
    pub memory: Option<String>,
    /// Number of CPUs
    #[arg(long, allow_negative_numbers = true)]
    pub cpus: Option<f64>,
    /// Maximum number of processes (-1 for unlimited)
    #[arg(long, allow_negative_numbers = true)]
    pub pids_limit: Option<i64>,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    #[command(flatten)]
    pub health: HealthArgs,
    #[command(flatten)]
    pub run_resources: super::run_resources::ResourceFlags,
    /// Security options (seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=ALL|PATH[:PATH...], systempaths=unconfined)
    #[arg(long, value_name = "OPTION")]
    pub security_opt: Vec<String>,
    /// OCI runtime to run the container with (crun, runc, youki, or a path)
    #[arg(long, value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// Pull the image: missing (default), always, never, or newer (always, but the local image when the registry cannot be reached)
    #[arg(long, default_value = "missing")]
    pub pull: String,
    #[command(flatten)]
    pub compat: super::run_compat::CompatFlags,
    /// Docker's and Podman's flags pontoon accepts or refuses (docs/compatibility.md)
    #[command(flatten)]
    pub accepted: super::run_accepted::RunAccepted,
    /// Give the container a host device (HOST[:CONTAINER][:PERMISSIONS], e.g. /dev/fuse)
    #[arg(long, value_name = "HOST[:CONTAINER][:rwm]")]
    pub device: Vec<String>,
    /// Allow devices in the device cgroup ('TYPE MAJOR:MINOR ACCESS', e.g. 'c 1:3 rwm')
    #[arg(long, value_name = "RULE")]
    pub device_cgroup_rule: Vec<String>,
    // One positional so that option parsing stops at the image (clap's
    // trailing_var_arg starts with its first value): every word after the
    // image belongs to the container, as in Docker, so a `pontoon run
    // IMAGE "$@"` wrapper cannot be handed `-v /:/host` or `--privileged`.
    /// The image, then the command and its arguments (passed as they are)
    #[arg(value_names = ["IMAGE", "COMMAND"], required = true, num_args = 1.., trailing_var_arg = true)]
    pub image_and_command: Vec<String>,
}

/// The healthcheck flags, as Docker and Podman spell them.
#[derive(Args, Debug, Default)]
pub struct HealthArgs {
    /// Command to run to check health (a shell line, or a JSON list; none disables the image's)
    #[arg(long, value_name = "COMMAND")]
    pub health_cmd: Option<String>,
    /// Time between checks (ms|s|m|h, default 30s; disable: only `pontoon healthcheck run`)
    #[arg(long, value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Maximum time a check may run (default 30s)
    #[arg(long, value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// Consecutive failures needed to report unhealthy (default 3)
    #[arg(long, value_name = "N")]
    pub health_retries: Option<u32>,
    /// Start period in which failures do not count (default 0s)
    #[arg(long, value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// Time between checks during the start period (default 5s)
    #[arg(long, value_name = "DURATION")]
    pub health_start_interval: Option<String>,
    /// Disable any container-specified HEALTHCHECK
    #[arg(long)]
    pub no_healthcheck: bool,
    /// Action once the container turns unhealthy: none, kill, restart or stop
    #[arg(long, value_name = "ACTION")]
    pub health_on_failure: Option<String>,
}

impl HealthArgs {
    fn to_spec(&self) -> Result<crate::spec::health::HealthSpec> {
        crate::spec::health::HealthFlags {
            cmd: self.health_cmd.clone(),
            interval: self.health_interval.clone(),
            timeout: self.health_timeout.clone(),
            retries: self.health_retries,
            start_period: self.health_start_period.clone(),
            start_interval: self.health_start_interval.clone(),
            no_healthcheck: self.no_healthcheck,
            on_failure: self.health_on_failure.clone(),
        }
        .parse()
    }
}

const RUN_EXAMPLES: &str = "\
Examples:
  pontoon run --rm busybox echo hello
  pontoon run -it --name shell busybox sh
  pontoon run -d --name web busybox httpd -f -p 8080
  pontoon run --rm -v \"$PWD\":/src -w /src -e MODE=test busybox ls
  pontoon run --rm --memory 64m --user 1000:1000 busybox id";

const CREATE_EXAMPLES: &str = "\
Examples:
  pontoon create --name app busybox sleep 1000
  pontoon start app
  pontoon create -it --name box busybox sh && pontoon start -ai box";

#[derive(Args, Debug)]
#[command(after_help = RUN_EXAMPLES)]
pub struct RunArgs {
    /// Run in the background and print the container Id
    #[arg(short, long)]
    pub detach: bool,
    /// Key sequence to detach
    #[arg(long, default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Forward received signals to the container
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Pass N more file descriptors (3 to 3+N-1) to the container
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub preserve_fds: u32,
    /// Attach only these streams: stdin, stdout, stderr (repeatable)
    #[arg(short = 'a', long, value_name = "STREAM")]
    pub attach: Vec<String>,
    #[command(flatten)]
    pub flags: CreateFlags,
}

#[derive(Args, Debug)]
#[command(after_help = CREATE_EXAMPLES)]
pub struct CreateArgs {
    #[command(flatten)]
    pub flags: CreateFlags,
    #[command(flatten)]
    pub accepted: super::run_accepted::CreateAccepted,
}

#[derive(Args, Debug)]
// Podman's start has -a for --attach; --all is long only there.
#[command(mut_arg("all", |a| a.short(None)))]
pub struct StartArgs {
    /// Attach stdout/stderr and wait for the exit
    #[arg(short, long)]
    pub attach: bool,
    /// Attach stdin
    #[arg(short, long)]
    pub interactive: bool,
    #[arg(long, default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Proxy received signals to the process (with --attach)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub sig_proxy: bool,
    #[command(flatten)]
    pub select: super::targets::Selection,
    #[command(flatten)]
    pub accepted: super::lifecycle_accepted::StartAccepted,
}

impl CreateFlags {
    /// The image: the first positional word.
    pub fn image(&self) -> &str {
        self.image_and_command.first().map(String::as_str).unwrap_or_default()
    }

    /// The command: every word after the image, verbatim (`--` and words
    /// that look like pontoon's flags included, as Docker passes them).
    pub fn command(&self) -> &[String] {
        self.image_and_command.get(1..).unwrap_or_default()
    }

    /// The spec these flags ask for, with containers.conf's defaults.
    /// Pure: what it needs from the host (the current directory, files,
    /// whether a path exists, the configuration) is `host`.
    /// The user's `--sysctl` is checked before containers.conf's defaults
    /// come under it (those that cannot apply are dropped, not refused).
    fn to_spec(&self, host: &HostInputs) -> Result<ContainerSpec> {
        let mut spec = self.spec_as_asked(host)?;
        let zone_exists = |p: &Path| (host.path_exists)(&p.to_string_lossy());
        let compat_host = super::run_compat::CompatHost {
            read_file: &|p| (host.read_file)(p),
            env: host.host_env,
            zone_exists: &zone_exists,
            log_driver: host.conf.log_driver.as_deref(),
            log_size_max: host.conf.log_size_max,
        };
        self.compat.apply(&mut spec, &compat_host, &parse_bytes)?;
        // A pod's member will join the pod's network at create: its net.*
        // keys are the pod's to set, as with --network container:.
        let network = match &spec.pod {
            Some(pod) => NetworkMode::Container(pod.clone()),
            None => spec.network.clone(),
        };
        crate::spec::sysctl::check(&spec.sysctls, &network, &spec.namespaces)?;
        let asked = std::mem::replace(&mut spec.network, network);
        crate::engine::containers_conf::apply_defaults(&host.conf, &mut spec, &parse_ulimit, host.rootless)?;
        spec.network = asked;
        Ok(spec)
    }

    fn spec_as_asked(&self, host: &HostInputs) -> Result<ContainerSpec> {
        if self.image().is_empty() {
            bail!("no image given: use pontoon run [OPTIONS] IMAGE [COMMAND [ARG...]]");
        }
        let env = self.process.env_entries(host.read_file)?;
        let mut labels = BTreeMap::new();
        for l in &self.label {
            // An empty key (`--label =`) is kept so that the engine refuses it.
            let (k, v) = l.split_once('=').unwrap_or((l, ""));
            labels.insert(k.to_string(), v.to_string());
        }
        let (mounts, tmpfs) = crate::spec::mounts::parse_all(&self.volume, &self.mount, &self.tmpfs, &host.cwd, host.path_exists)?;
        let network = match (&self.network[..], &host.conf.netns) {
            // A pod's member takes the pod's network, not the configured default.
            ([], Some(default)) if self.pod.is_none() => NetworkMode::parse(default).with_context(|| format!("containers.conf: netns = {default:?}"))?,
            (given, _) => NetworkMode::parse_all(given)?,
        };
        let network = crate::spec::network::with_endpoint_options(network, &self.network_alias, self.ip.as_deref(), self.mac_address.as_deref())?;
        let ports = parse_each(&self.publish, crate::spec::ports::parse_publish)?;
        let expose = parse_each(&self.expose, crate::spec::ports::parse_expose)?;
        crate::spec::ports::check_network(&network, &ports, self.publish_all)?;
        let ulimits = self.ulimit.iter().map(|u| parse_ulimit(u)).collect::<Result<Vec<_>>>()?;
        let resources = ResourceLimits {
            // `--memory 0` means no limit, as in Docker.
            memory_bytes: self.memory.as_deref().map(parse_bytes).transpose()?.filter(|&b| b != 0),
            // The range (0.01 to the host's CPUs) is checked by the engine.
            nano_cpus: self.cpus.map(|c| (c * 1e9) as i64),
            pids_limit: self.pids_limit,
        };
        let (seccomp, security) = parse_security_opts(&self.security_opt, host.read_file)?;
        Ok(ContainerSpec {
            image: self.image().to_string(),
            command: self.command().to_vec(),
            entrypoint: self.entrypoint.clone(),
            env,
            workdir: self.process.workdir.clone(),
            user: self.process.user.clone(),
            hostname: self.hostname.clone(),
            tty: self.tty,
            interactive: self.interactive,
            read_only: self.read_only,
            tmpfs,
            network,
            cap_add: self.cap_add.clone(),
            cap_drop: self.cap_drop.clone(),
            privileged: self.privileged,
            labels,
            stop_signal: self.stop_signal.clone(),
            stop_timeout: self.stop_timeout,
            init: self.init,
            ulimits,
            resources,
            restart: RestartPolicy::parse(&self.restart)?,
            auto_remove: self.rm,
            seccomp,
            security,
            runtime: self.runtime.clone().filter(|r| !r.is_empty() && r != "pontoon"),
            mounts,
            volumes_from: self.volumes_from.clone(),
            devices: self.device.iter().map(|d| crate::spec::devices::parse_device(d)).collect::<Result<Vec<_>>>()?,
            device_cgroup_rules: self
                .device_cgroup_rule
                .iter()
                .map(|r| crate::spec::devices::parse_cgroup_rule(r).map(|_| r.clone()))
                .collect::<Result<Vec<_>>>()?,
            dns: crate::spec::dns::DnsSettings::parse(&self.dns, &self.dns_search, &self.dns_option)?,
            extra_hosts: crate::spec::dns::parse_extra_hosts(&self.add_host)?,
            ports,
            publish_all: self.publish_all,
            expose,
            health: self.health.to_spec()?,
            namespaces: self.namespaces()?,
            sysctls: crate::spec::sysctl::parse(&self.sysctl)?,
            default_env: Vec::new(),
            default_caps: None,
            pod: self.compat.pod(self.pod.as_deref(), &|p| (host.read_file)(p))?.filter(|p| !p.is_empty()),
            pod_infra: false,
            options: Default::default(),
            tuning: self.run_resources.to_spec()?,
            secrets: crate::spec::secret::parse_all(&self.secret)?,
        })
    }

    /// `--ipc`, `--pid`, `--uts`, `--shm-size` and `--group-add`.
    fn namespaces(&self) -> Result<crate::spec::namespaces::NamespaceSettings> {
        use crate::spec::namespaces::{IpcMode, Kind, NamespaceMode, NamespaceSettings};
        use crate::spec::userns::IdMap;
        let mode = |kind, value: &Option<String>| value.as_deref().map(|v| NamespaceMode::parse(kind, v)).transpose();
        let shm_size = match self.shm_size.as_deref() {
            None => None,
            Some(s) => Some(u64::try_from(parse_bytes(s)?).map_err(|_| anyhow::anyhow!("invalid --shm-size {s:?}: give a size such as 64m"))?),
        };
        let settings = NamespaceSettings {
            ipc: self.ipc.as_deref().map(IpcMode::parse).transpose()?.unwrap_or_default(),
            pid: mode(Kind::Pid, &self.pid)?.unwrap_or_default(),
            uts: mode(Kind::Uts, &self.uts)?.unwrap_or_default(),
            shm_size,
            group_add: self.group_add.clone(),
            userns: self.userns.clone().unwrap_or_default(),
            uidmap: self.uidmap.iter().map(|m| IdMap::parse("--uidmap", m)).collect::<Result<_>>()?,
            gidmap: self.gidmap.iter().map(|m| IdMap::parse("--gidmap", m)).collect::<Result<_>>()?,
        };
        settings.check(self.hostname.as_deref())?;
        Ok(settings)
    }
}

/// Parses every value of a repeatable flag whose values each give a list
/// (`-p 8000-8010:8000-8010` is eleven mappings), in order.
fn parse_each<T>(values: &[String], parse: fn(&str) -> Result<Vec<T>>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for v in values {
        out.extend(parse(v)?);
    }
    Ok(out)
}

/// systemd socket activation: when `LISTEN_FDS` is meant for this very
/// process (`LISTEN_PID` is ours), its fds 3.. go to the container, whose
/// process is told so with `LISTEN_PID=1`, as Podman does. Returns the
/// count and the variables for the container.
fn socket_activation(env: &dyn Fn(&str) -> Option<String>, pid: u32) -> Option<(u32, Vec<String>)> {
    let count: u32 = env("LISTEN_FDS")?.trim().parse().ok().filter(|n| *n > 0)?;
    if env("LISTEN_PID")?.trim() != pid.to_string() {
        return None;
    }
    let mut vars = vec![format!("LISTEN_FDS={count}"), "LISTEN_PID=1".to_string()];
    if let Some(names) = env("LISTEN_FDNAMES") {
        vars.push(format!("LISTEN_FDNAMES={names}"));
    }
    Some((count, vars))
}

/// `--security-opt`: the seccomp profile (read now, so the container does
/// not depend on the file later, as in Docker) and the options of
/// spec::security_opt; options that ask for what pontoon always does are
/// accepted, anything else is refused.
fn parse_security_opts(opts: &[String], read_file: ReadFile) -> Result<(SeccompChoice, SecurityOptions)> {
    let mut choice = SeccompChoice::Default;
    let mut security = SecurityOptions::default();
    for opt in opts {
        let (key, value) = opt.split_once('=').or_else(|| opt.split_once(':')).unwrap_or((opt.as_str(), ""));
        if security.apply(opt, key, value)? {
            continue;
        }
        match (key, value) {
            ("seccomp", "unconfined") => choice = SeccompChoice::Unconfined,
            ("seccomp", "") => bail!("invalid --security-opt {opt:?}: use seccomp=unconfined or seccomp=/path/to/profile.json"),
            ("seccomp", path) => {
                let text = read_file(Path::new(path)).with_context(|| format!("read the seccomp profile {path}"))?;
                choice = SeccompChoice::Custom(text);
            }
            ("apparmor" | "label", "unconfined" | "disable") => {}
            _ => bail!(
                "unsupported --security-opt {opt:?}: pontoon supports seccomp=unconfined, seccomp=PROFILE.json, no-new-privileges[=false], unmask=PATHS and systempaths=unconfined"
            ),
        }
    }
    Ok((choice, security))
}

/// `64m`, `1g`, `512k`, `1024` (bytes), as Docker reads memory sizes.
pub fn parse_bytes(s: &str) -> Result<i64> {
    let lower = s.trim().to_ascii_lowercase();
    let digits_end = lower.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(lower.len());
    let (number, unit) = lower.split_at(digits_end);
    let value: f64 = number.parse().map_err(|_| anyhow::anyhow!("invalid size {s:?}: use a number with an optional unit, e.g. 64m or 1g"))?;
    let factor: f64 = match unit.trim_end_matches('b') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024f64.powi(4),
        _ => bail!("invalid size {s:?}: the unit must be b, k, m, g or t"),
    };
    Ok((value * factor) as i64)
}

fn parse_ulimit(s: &str) -> Result<Ulimit> {
    let (name, values) = s.split_once('=').ok_or_else(|| anyhow::anyhow!("invalid --ulimit {s:?}: use NAME=SOFT[:HARD], e.g. nofile=1024:2048"))?;
    let parse = |v: &str| -> Result<u64> {
        if v == "-1" || v == "unlimited" {
            return Ok(u64::MAX);
        }
        v.parse().map_err(|_| anyhow::anyhow!("invalid --ulimit value {v:?} in {s:?}"))
    };
    let (soft, hard) = match values.split_once(':') {
        Some((a, b)) => (parse(a)?, parse(b)?),
        None => (parse(values)?, parse(values)?),
    };
    if soft > hard {
        bail!("invalid --ulimit {s:?}: the soft limit is above the hard limit");
    }
    Ok(Ulimit { name: name.to_string(), soft, hard })
}

pub fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    args.accepted.check()?;
    args.flags.accepted.check()?;
    let spec = args.flags.to_spec(&HostInputs::real()?)?;
    let (_, record) = create_from(ctx, &args.flags, spec)?;
    println!("{}", record.id);
    Ok(())
}

/// What `create` and `run` share once the spec is made: checks, --replace,
/// the pull, the pod's network, the record and --cidfile.
fn create_from(ctx: &Ctx, flags: &CreateFlags, mut spec: ContainerSpec) -> Result<(crate::store::Store, crate::store::containers::ContainerRecord)> {
    spec.runtime = spec.runtime.or_else(super::global::default_runtime);
    container::validate(&spec)?;
    let compat = &flags.compat;
    super::run_compat::check_cidfile(compat.cidfile.as_deref())?;
    let store_files = ctx.store_files_only()?;
    for name in &spec.options.requires {
        store_files.containers.find(name).with_context(|| format!("--requires {name}"))?;
    }
    let policy = PullPolicy::parse(&flags.pull)?;
    if let Some(file) = &compat.authfile {
        // Single-threaded here: the pull reads the credentials file from the environment.
        std::env::set_var(crate::image::auth::AUTH_FILE_ENV, file);
    }
    let store = ctx.store()?;
    let tls = crate::image::registries::TlsVerify::from_flag(compat.tls_verify);
    container::ensure_image_quietly(&store, &spec.image, policy, tls, compat.quiet)?;
    if flags.network.is_empty() {
        crate::engine::pods::default_network(&store, &mut spec, crate::engine::containers_conf::default_netns()?.as_deref())?;
    }
    if let (true, Some(name)) = (compat.replace, flags.name.as_deref()) {
        // Podman's --replace: the old container goes, running or not.
        if let Some(old) = store.containers.find(name).ok().filter(|c| c.record.name == name) {
            crate::engine::pods::refuse_infra_removal(&store, &old)?;
            crate::engine::lifecycle::remove(&store, &old, true)?;
        }
    }
    let record = crate::engine::pods::create_member(&store, spec, flags.name.clone())?;
    super::run_compat::write_cidfile(compat.cidfile.as_deref(), &record.id)?;
    Ok((store, record))
}

pub fn run(ctx: &Ctx, args: RunArgs) -> Result<()> {
    args.flags.accepted.check()?;
    if args.detach && args.flags.rm && args.flags.restart != "no" {
        bail!("--rm and --restart cannot be used together: a restarted container would be removed");
    }
    let detach_keys = parse_detach_keys(&args.detach_keys)?;
    if args.detach && !args.attach.is_empty() {
        bail!("--attach and --detach cannot be used together: drop one of them");
    }
    super::run_compat::attached_streams(&args.attach, args.flags.interactive)?;
    super::tty_check::require_terminal_stdin(args.flags.interactive, args.flags.tty, args.detach)?;
    let mut spec = args.flags.to_spec(&HostInputs::real()?)?;
    let mut preserve_fds = args.preserve_fds;
    if let Some((count, env)) = socket_activation(&|k| std::env::var(k).ok(), std::process::id()) {
        preserve_fds = preserve_fds.max(count);
        spec.env.extend(env);
    }
    let (store, record) = create_from(ctx, &args.flags, spec)?;
    let sdnotify = args.flags.compat.sdnotify.as_deref();
    if args.detach {
        container::start_with_fds(&store, &record.id, StartMode::Detached, preserve_fds)?;
        super::run_compat::notify_ready(sdnotify, store.containers.load(&record.id).ok().and_then(|c| c.state.monitor_pid));
        println!("{}", record.id);
        return Ok(());
    }
    container::start_with_fds(&store, &record.id, StartMode::Attach, preserve_fds)?;
    super::run_compat::notify_ready(sdnotify, store.containers.load(&record.id).ok().and_then(|c| c.state.monitor_pid));
    let (stdin, streams) = super::run_compat::attached_streams(&args.attach, args.flags.interactive)?;
    let opts = AttachOptions { stdin, tty: args.flags.tty, detach_keys, sig_proxy: args.sig_proxy, streams };
    match attach(&ContainerPaths::new(&store, &record.id).socket(), opts)? {
        AttachEnd::Exited(0) => Ok(()),
        AttachEnd::Exited(code) => Err(PontoonError::ContainerExit(code).into()),
        AttachEnd::Detached => Ok(()),
    }
}

pub fn start(ctx: &Ctx, args: StartArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    // --all and --filter take the containers that are not running.
    let wanted = super::targets::Wanted { verb: "start", applies: &|c| !crate::engine::lifecycle::is_running(c), ignore_missing: false };
    let targets = args.select.resolve(&store, &wanted)?;
    if args.attach || args.interactive {
        let mut targets = targets.into_iter();
        let (Some(target), None) = (targets.next(), targets.next()) else {
            bail!("you cannot attach to several containers at once (or to none): start them one by one");
        };
        let c = target?.container;
        container::start(&store, &c.record.id, StartMode::Attach)?;
        let opts = AttachOptions {
            stdin: args.interactive,
            tty: c.record.spec.tty,
            detach_keys: parse_detach_keys(&args.detach_keys)?,
            sig_proxy: args.sig_proxy,
            streams: Default::default(),
        };
        return match attach(&ContainerPaths::new(&store, &c.record.id).socket(), opts)? {
            AttachEnd::Exited(0) | AttachEnd::Detached => Ok(()),
            AttachEnd::Exited(code) => Err(PontoonError::ContainerExit(code).into()),
        };
    }
    super::targets::for_each_target(targets, |t| container::start(&store, &t.container.record.id, StartMode::Detached))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_activation_is_passed_on_only_when_meant_for_us() {
        let env = |pid: &'static str| move |k: &str| match k {
            "LISTEN_FDS" => Some("2".to_string()),
            "LISTEN_PID" => Some(pid.to_string()),
            "LISTEN_FDNAMES" => Some("http:https".to_string()),
            _ => None,
        };
        let (count, vars) = socket_activation(&env("42"), 42).unwrap();
        assert_eq!(count, 2);
        assert_eq!(vars, ["LISTEN_FDS=2", "LISTEN_PID=1", "LISTEN_FDNAMES=http:https"]);
        assert!(socket_activation(&env("41"), 42).is_none(), "another process's fds");
        assert!(socket_activation(&|_| None, 42).is_none());
    }

    #[test]
    fn sizes_and_ulimits_parse() {
        assert_eq!(parse_bytes("64m").unwrap(), 64 << 20);
        assert_eq!(parse_bytes("1g").unwrap(), 1 << 30);
        assert_eq!(parse_bytes("512").unwrap(), 512);
        assert!(parse_bytes("lots").is_err());
        let u = parse_ulimit("nofile=1024:2048").unwrap();
        assert_eq!((u.soft, u.hard), (1024, 2048));
        assert!(parse_ulimit("nofile=10:5").is_err());
        assert!(parse_ulimit("nofile").is_err());
    }
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod flag_tests;
