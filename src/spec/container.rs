//! `ContainerSpec`: what the user asked for with `run`/`create` flags, as a
//! plain struct the CLI fills and the engine validates. It is stored with
//! the container (store::containers) and turned into an OCI runtime spec
//! by `engine::oci`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::spec::devices::DeviceRequest;
use crate::spec::dns::{DnsSettings, ExtraHost};
use crate::spec::mounts::MountSpec;
use crate::spec::network::NetworkMode;
use crate::spec::ports::PortMapping;
use crate::spec::restart::RestartPolicy;
use crate::spec::seccomp::SeccompChoice;
use crate::spec::security_opt::SecurityOptions;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct TmpfsMount {
    pub target: String,
    /// Mount options as given (`size=64m,mode=1777`).
    pub options: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Ulimit {
    pub name: String,
    pub soft: u64,
    pub hard: u64,
}


#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ResourceLimits {
    pub memory_bytes: Option<i64>,
    /// `--cpus` in billionths of a CPU, as Docker's `NanoCpus` (`--cpus
    /// 1.5` is 1_500_000_000); the engine checks it lies between 0.01 and
    /// the host's CPUs (engine::spec_checks), and engine::oci turns it into
    /// a CFS quota per 100ms period (150ms for `--cpus 1.5`).
    pub nano_cpus: Option<i64>,
    pub pids_limit: Option<i64>,
}

/// Everything `run`/`create` accept that shapes the container.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ContainerSpec {
    pub image: String,
    /// Arguments after the image name.
    pub command: Vec<String>,
    /// `--entrypoint`; `Some("")` clears the image's entrypoint.
    pub entrypoint: Option<String>,
    /// `-e` and `--env-file` entries in order (`KEY=VALUE`, or `KEY` to take
    /// the value from pontoon's own environment).
    pub env: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub hostname: Option<String>,
    pub tty: bool,
    pub interactive: bool,
    pub read_only: bool,
    pub tmpfs: Vec<TmpfsMount>,
    pub network: NetworkMode,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub labels: BTreeMap<String, String>,
    pub stop_signal: Option<String>,
    pub stop_timeout: Option<u32>,
    pub init: bool,
    pub ulimits: Vec<Ulimit>,
    pub resources: ResourceLimits,
    #[serde(default)]
    pub restart: RestartPolicy,
    /// `--rm`: remove the container when it exits.
    #[serde(default)]
    pub auto_remove: bool,
    /// `--security-opt seccomp=...`.
    #[serde(default)]
    pub seccomp: SeccompChoice,
    /// The other `--security-opt`s: `no-new-privileges=false`, `unmask=...`.
    #[serde(default)]
    pub security: SecurityOptions,
    /// `--runtime`: an external OCI runtime (name on PATH or path); None
    /// for the built-in one.
    #[serde(default)]
    pub runtime: Option<String>,
    /// `-v`, `--mount` (and, once created, the image's VOLUMEs): see spec::mounts.
    #[serde(default)]
    pub mounts: Vec<MountSpec>,
    /// `--volumes-from CONTAINER[:ro|rw]`, as given; expanded into `mounts` at create.
    #[serde(default)]
    pub volumes_from: Vec<String>,
    /// `--device HOST[:CTR][:rwm]`.
    #[serde(default)]
    pub devices: Vec<DeviceRequest>,
    /// `--device-cgroup-rule 'c 1:3 rwm'`, as given (checked at create).
    #[serde(default)]
    pub device_cgroup_rules: Vec<String>,
    /// `--dns`, `--dns-search`, `--dns-option`.
    #[serde(default)]
    pub dns: DnsSettings,
    /// `--add-host NAME:IP`.
    #[serde(default)]
    pub extra_hosts: Vec<ExtraHost>,
    /// `-p/--publish`, one mapping per port (see spec::ports).
    #[serde(default)]
    pub ports: Vec<PortMapping>,
    /// `-P/--publish-all`: publish every exposed port on a random host port.
    #[serde(default)]
    pub publish_all: bool,
    /// `--expose` and, once created, the image's ExposedPorts (host_port 0).
    #[serde(default)]
    pub expose: Vec<PortMapping>,
    /// `--health-*`, `--no-healthcheck`, `--health-on-failure`; once
    /// created, merged with the image's HEALTHCHECK (see spec::health).
    #[serde(default)]
    pub health: crate::spec::health::HealthSpec,
    /// `--ipc`, `--pid`, `--uts`, `--shm-size`, `--group-add` (see spec::namespaces).
    #[serde(default)]
    pub namespaces: crate::spec::namespaces::NamespaceSettings,
    /// `--sysctl` and containers.conf's `default_sysctls` (see spec::sysctl).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sysctls: BTreeMap<String, String>,
    /// containers.conf's `env`: the environment below the image's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub default_env: Vec<String>,
    /// containers.conf's `default_capabilities`: the set `--cap-add` and
    /// `--cap-drop` start from (Docker's default set when None).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_caps: Option<Vec<String>>,
    /// `--pod`: the Id of the pod the container belongs to; at create it
    /// joins the namespaces the pod shares (engine::pods::join).
    #[serde(default)]
    pub pod: Option<String>,
    /// The pod's infra container: runs pontoon's pause (runtime::pause)
    /// instead of a command of its image.
    #[serde(default)]
    pub pod_infra: bool,
    /// Log driver, environment rules, annotations, required containers,
    /// pid files, `--rmi` (see spec::run_options).
    #[serde(default)]
    pub options: crate::spec::run_options::RunOptions,
    /// `--memory-swap`, `--cpu-shares`, `--blkio-weight`, `--oom-score-adj`,
    /// `--umask`, `--timeout`... (see spec::resources).
    #[serde(default, skip_serializing_if = "crate::spec::resources::Tuning::is_default")]
    pub tuning: crate::spec::resources::Tuning,
    /// `--secret`: which secrets the container gets and how; the names
    /// and Ids only, never the data (see spec::secret).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<crate::spec::secret::SecretRequest>,
}
