//! The Compose application model after loading: every short form already
//! turned into its long one (see `fields`, `ports`, `mounts`), paths made
//! absolute, files merged. Serializing a [`Project`] gives what
//! `compose config` prints; deserializing accepts every form a file may use.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use serde_yaml_ng::Value;

use super::fields::{self, Build, Dependency, EnvFile, ExtraHost, FileRef, Healthcheck, ServiceNetwork, Ulimit};
use super::mounts::{self, Mount};
use super::ports::{self, Port};
use super::units::{self, Duration};
use super::flex;

/// One service. Field names are the Compose file's keys; `deny_unknown_fields`
/// makes a typo an error rather than a silently ignored setting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The key under `services:` (not part of the file's mapping).
    #[serde(skip)]
    pub name: String,

    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "fields::opt_build")]
    pub build: Option<Build>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_command")]
    pub command: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_command")]
    pub entrypoint: Option<Vec<String>>,
    /// After loading: `env_file` contents, overridden by `environment`;
    /// `None` for a name whose value is in neither the file nor the shell.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict_opt")]
    pub environment: BTreeMap<String, Option<String>>,
    /// Absolute paths; already read into `environment`.
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "fields::deserialize_env_files")]
    pub env_file: Vec<EnvFile>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "ports::deserialize_ports")]
    pub ports: Vec<Port>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "ports::deserialize_expose")]
    pub expose: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "mounts::deserialize_mounts")]
    pub volumes: Vec<Mount>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub volumes_from: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub tmpfs: Vec<String>,
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        default,
        deserialize_with = "fields::deserialize_service_networks",
        serialize_with = "fields::ser_service_networks"
    )]
    pub networks: BTreeMap<String, ServiceNetwork>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub network_mode: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "fields::deserialize_depends_on")]
    pub depends_on: BTreeMap<String, Dependency>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub healthcheck: Option<Healthcheck>,
    /// `no`, `always`, `on-failure[:N]` or `unless-stopped`.
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub restart: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub container_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub hostname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub domainname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub working_dir: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub annotations: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub init: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub stop_signal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub stop_grace_period: Option<Duration>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "fields::deserialize_ulimits")]
    pub ulimits: BTreeMap<String, Ulimit>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub deploy: Option<Deploy>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub profiles: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "fields::deserialize_extra_hosts")]
    pub extra_hosts: Vec<ExtraHost>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub dns: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub dns_search: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub dns_opt: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "fields::deserialize_file_refs")]
    pub secrets: Vec<FileRef>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "fields::deserialize_file_refs")]
    pub configs: Vec<FileRef>,

    // What `docker run` has a flag for, typed for the engine. Booleans are
    // options so that a later file's `false` overrides an earlier `true`.
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub cap_add: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub cap_drop: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub privileged: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub read_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub tty: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub stdin_open: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub security_opt: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub shm_size: Option<u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub sysctls: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub devices: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub group_add: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub pid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub ipc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub uts: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub userns_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub mac_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub platform: Option<String>,
    /// `always`, `never`, `missing`, `build`, `daily`...
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub pull_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub runtime: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub logging: Option<Logging>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub cpus: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub cpu_shares: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub cpuset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub mem_limit: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub mem_reservation: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub pids_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub oom_score_adj: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub cgroup: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub cgroup_parent: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub links: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub external_links: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub scale: Option<u32>,
    /// `false`: `up` does not stream this service's logs.
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub attach: Option<bool>,

    // Accepted and printed back, not used by pontoon yet.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub develop: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub blkio_config: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_count: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_percent: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_quota: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_period: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_rt_period: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cpu_rt_runtime: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub credential_spec: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub device_cgroup_rules: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gpus: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub isolation: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub label_file: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub provider: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub models: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mem_swappiness: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub memswap_limit: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub oom_kill_disable: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub post_start: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pre_stop: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pull_refresh_after: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub storage_opt: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub use_api_socket: Option<Value>,
}

impl Service {
    /// How many containers `up` runs: `deploy.replicas`, else `scale`, else 1.
    pub fn replicas(&self) -> u32 {
        self.deploy.as_ref().and_then(|d| d.replicas).or(self.scale).unwrap_or(1)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logging {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub driver: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub options: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deploy {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub replicas: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub resources: Option<Resources>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub restart_policy: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub mode: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
    // Swarm's; kept as written.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub endpoint_mode: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub placement: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub update_config: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rollback_config: Option<Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub limits: Option<ResourceLimits>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reservations: Option<ResourceLimits>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceLimits {
    /// Fractional CPUs (`cpus: "0.5"`).
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub cpus: Option<f64>,
    /// Bytes (`memory: 512M` in the file).
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub memory: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub pids: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub devices: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub generic_resources: Option<Value>,
}

/// A top-level network. After loading `name` is the engine's name
/// (`PROJECT_KEY` unless external or named in the file).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub driver: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub driver_opts: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ipam: Option<Ipam>,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "external")]
    pub external: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "flex::bool")]
    pub internal: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "flex::bool")]
    pub attachable: bool,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub enable_ipv4: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub enable_ipv6: Option<bool>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipam {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub driver: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub config: Vec<IpamPool>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub options: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IpamPool {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub subnet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub ip_range: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub gateway: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub aux_addresses: BTreeMap<String, String>,
}

/// A top-level volume; `name` as for [`Network`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Volume {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub driver: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub driver_opts: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "external")]
    pub external: bool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
}

/// A top-level secret or config: from a file (absolute once loaded), an
/// environment variable, inline `content` (configs), or external.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileObject {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub environment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not", default, deserialize_with = "external")]
    pub external: bool,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub driver: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub driver_opts: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub template_driver: Option<Value>,
}

/// `external: true`, or the old `external: {name: X}` (the name is moved
/// to `name` by the loader, which sees the raw mapping first).
fn external<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Value::deserialize(d)? {
        Value::Mapping(_) => Ok(true),
        other => flex::parse_bool(&other).map_err(serde::de::Error::custom),
    }
}

/// The whole application, as `compose config` prints it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Project {
    pub name: String,
    /// The project directory: relative paths in the files start here.
    #[serde(skip)]
    pub working_dir: PathBuf,
    /// The files merged, in order.
    #[serde(skip)]
    pub files: Vec<PathBuf>,
    /// Active services (their profiles, if any, are enabled).
    pub services: BTreeMap<String, Service>,
    /// Services that no enabled profile names.
    #[serde(skip)]
    pub disabled_services: BTreeMap<String, Service>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub networks: BTreeMap<String, Network>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub volumes: BTreeMap<String, Volume>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub secrets: BTreeMap<String, FileObject>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub configs: BTreeMap<String, FileObject>,
    /// The variables interpolation used: the shell over `.env`.
    #[serde(skip)]
    pub environment: BTreeMap<String, String>,
    /// Warnings to print (unknown top-level keys, obsolete `version`).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// One file's model before merging: the same types, every map possibly
/// partial (an override file may name only `ports` of a service).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FileModel {
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::map_null_default")]
    pub services: BTreeMap<String, Service>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::map_null_default")]
    pub networks: BTreeMap<String, Network>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::map_null_default")]
    pub volumes: BTreeMap<String, Volume>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::map_null_default")]
    pub secrets: BTreeMap<String, FileObject>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::map_null_default")]
    pub configs: BTreeMap<String, FileObject>,
}

/// The top-level keys Compose knows; others are warned about and ignored.
pub const TOP_LEVEL_KEYS: &[&str] = &["version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"];

/// A service's keys that are handled before typing (not fields of [`Service`]).
pub const LOADER_SERVICE_KEYS: &[&str] = &["extends"];

/// The keys a service may have: the fields of [`Service`] as serde sees
/// them (so the list cannot drift from the struct), plus `extends`.
pub fn service_keys() -> &'static [&'static str] {
    super::yaml::struct_fields::<Service>()
}
