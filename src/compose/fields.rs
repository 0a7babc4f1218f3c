//! The parts of a service that Compose accepts in a short and a long form,
//! each normalised to one type: build, depends_on, healthcheck, networks,
//! ulimits, extra_hosts, secrets/configs references, env_file.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_yaml_ng::Value;

use super::flex;
use super::units::{self, Duration};

/// `build: ./dir` or `build: {context, dockerfile, args, target, ...}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Build {
    /// A directory (absolute once loaded) or a URL.
    #[serde(default = "dot", deserialize_with = "flex::string")]
    pub context: String,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub dockerfile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub dockerfile_inline: Option<String>,
    /// A `None` value takes the variable from the environment at build time.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict_opt")]
    pub args: BTreeMap<String, Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub cache_from: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub cache_to: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub no_cache: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_bool")]
    pub pull: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub network: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub platforms: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "units::opt_bytes")]
    pub shm_size: Option<u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub additional_contexts: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "deserialize_extra_hosts")]
    pub extra_hosts: Vec<ExtraHost>,
    // Kept as written: pontoon's builder does not use them yet.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ssh: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub secrets: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entitlements: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub provenance: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sbom: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub isolation: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub privileged: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ulimits: Option<Value>,
}

fn dot() -> String {
    ".".into()
}

pub fn opt_build<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Build>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        map @ Value::Mapping(_) => serde_yaml_ng::from_value(map).map(Some).map_err(|e| D::Error::custom(format!("build: {e}"))),
        other => {
            let context = flex::scalar(&other).ok_or_else(|| D::Error::custom("build: expected a directory or a mapping"))?;
            Ok(Some(Build { context, ..Build::default() }))
        }
    }
}

/// What `depends_on` waits for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(clippy::enum_variant_names)] // the spec's names: service_started...
pub enum Condition {
    #[default]
    ServiceStarted,
    ServiceHealthy,
    ServiceCompletedSuccessfully,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    #[serde(default)]
    pub condition: Condition,
    /// Restart this service when the dependency is restarted.
    #[serde(default, deserialize_with = "flex::bool")]
    pub restart: bool,
    /// `false`: a missing or disabled dependency is only a warning.
    #[serde(default = "yes", deserialize_with = "flex::bool")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

impl Default for Dependency {
    fn default() -> Self {
        Dependency { condition: Condition::ServiceStarted, restart: false, required: true }
    }
}

/// `depends_on: [db]` or `depends_on: {db: {condition: service_healthy}}`.
pub fn deserialize_depends_on<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Dependency>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(BTreeMap::new()),
        list @ Value::Sequence(_) => {
            let names = flex::to_list(&list).map_err(|e| D::Error::custom(format!("depends_on: {e}")))?;
            Ok(names.into_iter().map(|n| (n, Dependency::default())).collect())
        }
        map @ Value::Mapping(_) => {
            let raw: BTreeMap<String, Option<Dependency>> = serde_yaml_ng::from_value(map).map_err(|e| D::Error::custom(format!("depends_on: {e}")))?;
            Ok(raw.into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect())
        }
        _ => Err(D::Error::custom("depends_on: expected a list of services or a mapping")),
    }
}

/// A healthcheck, with `test` always a list: `["CMD", ...]`,
/// `["CMD-SHELL", "cmd"]` (from a string), or `["NONE"]` (`disable: true`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Healthcheck {
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "health_test")]
    pub test: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub interval: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub timeout: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub retries: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start_period: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub start_interval: Option<Duration>,
    /// Read from the file, then folded into `test: [NONE]`.
    #[serde(skip_serializing, default, deserialize_with = "flex::bool")]
    pub disable: bool,
}

impl Healthcheck {
    /// `disable: true` or `test: [NONE]`: no check, not even the image's.
    #[allow(dead_code)] // for `compose up`, which comes next
    pub fn is_disabled(&self) -> bool {
        self.disable || self.test.first().is_some_and(|t| t == "NONE")
    }

    pub(crate) fn normalise(&mut self) {
        if self.disable {
            self.test = vec!["NONE".into()];
            self.disable = false;
        }
    }
}

fn health_test<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(Vec::new()),
        list @ Value::Sequence(_) => {
            let test = flex::to_list(&list).map_err(|e| D::Error::custom(format!("healthcheck test: {e}")))?;
            match test.first().map(String::as_str) {
                Some("CMD" | "CMD-SHELL" | "NONE") | None => Ok(test),
                Some(other) => Err(D::Error::custom(format!("healthcheck test: a list must start with CMD, CMD-SHELL or NONE, not {other:?}"))),
            }
        }
        other => {
            let cmd = flex::scalar(&other).ok_or_else(|| D::Error::custom("healthcheck test: expected a string or a list"))?;
            Ok(vec!["CMD-SHELL".into(), cmd])
        }
    }
}

/// One service's attachment to a network.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceNetwork {
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub ipv4_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub ipv6_address: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default, deserialize_with = "flex::string_or_list")]
    pub link_local_ips: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub mac_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_num")]
    pub gw_priority: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub interface_name: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default, deserialize_with = "flex::dict")]
    pub driver_opts: BTreeMap<String, String>,
}

/// `networks: [a, b]` or `networks: {a: {aliases: [x]}, b: null}`.
pub fn deserialize_service_networks<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, ServiceNetwork>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(BTreeMap::new()),
        list @ Value::Sequence(_) => {
            let names = flex::to_list(&list).map_err(|e| D::Error::custom(format!("networks: {e}")))?;
            Ok(names.into_iter().map(|n| (n, ServiceNetwork::default())).collect())
        }
        map @ Value::Mapping(_) => {
            let raw: BTreeMap<String, Option<ServiceNetwork>> = serde_yaml_ng::from_value(map).map_err(|e| D::Error::custom(format!("networks: {e}")))?;
            Ok(raw.into_iter().map(|(k, v)| (k, v.unwrap_or_default())).collect())
        }
        _ => Err(D::Error::custom("networks: expected a list of networks or a mapping")),
    }
}

/// Writes an attachment without settings as `null`, as `docker compose
/// config` does.
pub fn ser_service_networks<S: Serializer>(nets: &BTreeMap<String, ServiceNetwork>, s: S) -> Result<S::Ok, S::Error> {
    let view: BTreeMap<&String, Option<&ServiceNetwork>> = nets.iter().map(|(k, v)| (k, Some(v).filter(|v| **v != ServiceNetwork::default()))).collect();
    view.serialize(s)
}

/// A resource limit; `nofile: 1024` sets both values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ulimit {
    #[serde(deserialize_with = "ulimit_value")]
    pub soft: i64,
    #[serde(deserialize_with = "ulimit_value")]
    pub hard: i64,
}

fn ulimit_value<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    flex::parse_from(Value::deserialize(d)?).map_err(D::Error::custom)
}

pub fn deserialize_ulimits<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Ulimit>, D::Error> {
    let raw: Option<BTreeMap<String, Value>> = Option::deserialize(d)?;
    let mut out = BTreeMap::new();
    for (name, v) in raw.unwrap_or_default() {
        let limit = match v {
            map @ Value::Mapping(_) => serde_yaml_ng::from_value(map).map_err(|e| D::Error::custom(format!("ulimits {name}: {e}")))?,
            other => {
                let n: i64 = flex::parse_from(other).map_err(|e| D::Error::custom(format!("ulimits {name}: {e}")))?;
                Ulimit { soft: n, hard: n }
            }
        };
        if limit.soft > limit.hard && limit.hard >= 0 {
            return Err(D::Error::custom(format!("ulimits {name}: the soft limit {} is above the hard limit {}", limit.soft, limit.hard)));
        }
        out.insert(name, limit);
    }
    Ok(out)
}

/// One `extra_hosts` entry, printed as `host=ip`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ExtraHost {
    pub host: String,
    pub ip: String,
}

impl fmt::Display for ExtraHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.host, self.ip)
    }
}

impl Serialize for ExtraHost {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ExtraHost {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = flex::string(d)?;
        parse_extra_host(&text).map_err(D::Error::custom)
    }
}

fn parse_extra_host(entry: &str) -> Result<ExtraHost, String> {
    // `host=ip`, or the older `host:ip` (an IPv6 address has colons too).
    let (host, ip) = entry.split_once('=').or_else(|| entry.split_once(':')).ok_or_else(|| format!("extra_hosts: {entry:?} must be HOST=IP or HOST:IP"))?;
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() || ip.is_empty() {
        return Err(format!("extra_hosts: {entry:?} must be HOST=IP or HOST:IP"));
    }
    Ok(ExtraHost { host: host.to_string(), ip: ip.to_string() })
}

/// `extra_hosts: ["a=1.2.3.4"]` or `{a: 1.2.3.4, b: [ip1, ip2]}`.
pub fn deserialize_extra_hosts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ExtraHost>, D::Error> {
    let mut out = Vec::new();
    match Value::deserialize(d)? {
        Value::Null => {}
        Value::Mapping(map) => {
            for (k, v) in map {
                let host = flex::scalar(&k).ok_or_else(|| D::Error::custom("extra_hosts: host names must be strings"))?;
                for ip in flex::to_list(&v).map_err(|e| D::Error::custom(format!("extra_hosts {host}: {e}")))? {
                    out.push(ExtraHost { host: host.clone(), ip });
                }
            }
        }
        list => {
            for entry in flex::to_list(&list).map_err(|e| D::Error::custom(format!("extra_hosts: {e}")))? {
                out.push(parse_extra_host(&entry).map_err(D::Error::custom)?);
            }
        }
    }
    Ok(out)
}

/// A service's use of a top-level secret or config: `- name` or
/// `{source, target, uid, gid, mode}`. `target` is always filled in:
/// `/run/secrets/NAME` for secrets, `/NAME` for configs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    #[serde(deserialize_with = "flex::string")]
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub gid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_mode", serialize_with = "flex::ser_mode")]
    pub mode: Option<u32>,
}

pub fn deserialize_file_refs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<FileRef>, D::Error> {
    let items: Option<Vec<Value>> = Option::deserialize(d)?;
    let mut out = Vec::new();
    for item in items.unwrap_or_default() {
        out.push(match item {
            map @ Value::Mapping(_) => serde_yaml_ng::from_value(map).map_err(D::Error::custom)?,
            other => {
                let source = flex::scalar(&other).ok_or_else(|| D::Error::custom("secrets and configs entries must be names or mappings"))?;
                FileRef { source, target: None, uid: None, gid: None, mode: None }
            }
        });
    }
    Ok(out)
}

impl FileRef {
    /// Fills in the default target: relative ones live under `dir`.
    pub(crate) fn normalise(&mut self, dir: &str) {
        let target = self.target.take().unwrap_or_else(|| self.source.clone());
        self.target = Some(if target.starts_with('/') { target } else { format!("{dir}{target}") });
    }
}

/// One `env_file` entry; `required: false` tolerates a missing file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvFile {
    #[serde(deserialize_with = "flex::string")]
    pub path: String,
    #[serde(default = "yes", deserialize_with = "flex::bool")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none", default, deserialize_with = "flex::opt_string")]
    pub format: Option<String>,
}

/// `env_file: .env`, `env_file: [a.env, b.env]`, or entries `{path, required}`.
pub fn deserialize_env_files<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<EnvFile>, D::Error> {
    let items = match Value::deserialize(d)? {
        Value::Null => Vec::new(),
        Value::Sequence(items) => items,
        single => vec![single],
    };
    let mut out = Vec::new();
    for item in items {
        out.push(match item {
            map @ Value::Mapping(_) => serde_yaml_ng::from_value(map).map_err(|e| D::Error::custom(format!("env_file: {e}")))?,
            other => {
                let path = flex::scalar(&other).ok_or_else(|| D::Error::custom("env_file: expected a path or a list of paths"))?;
                EnvFile { path, required: true, format: None }
            }
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(s: &str) -> Value {
        serde_yaml_ng::from_str(s).unwrap()
    }

    #[test]
    fn build_string_and_mapping_are_one_form() {
        let b = opt_build(yaml("./web")).unwrap().unwrap();
        assert_eq!((b.context.as_str(), b.dockerfile.as_deref()), ("./web", None));
        let b = opt_build(yaml("{context: web, dockerfile: Dockerfile.dev, args: [A=1, B], target: dev}")).unwrap().unwrap();
        assert_eq!((b.dockerfile.as_deref(), b.target.as_deref()), (Some("Dockerfile.dev"), Some("dev")));
        assert_eq!(b.args, BTreeMap::from([("A".into(), Some("1".into())), ("B".into(), None)]));
        let b = opt_build(yaml("{args: {A: 1}}")).unwrap().unwrap();
        assert_eq!((b.context.as_str(), b.args["A"].as_deref()), (".", Some("1")));
    }

    #[test]
    fn depends_on_list_and_map_are_one_form() {
        let deps = deserialize_depends_on(yaml("[db, cache]")).unwrap();
        assert_eq!(deps["db"], Dependency::default());
        let deps = deserialize_depends_on(yaml("{db: {condition: service_healthy, restart: true}, m: {condition: service_completed_successfully, required: false}, c: null}")).unwrap();
        assert_eq!(deps["db"], Dependency { condition: Condition::ServiceHealthy, restart: true, required: true });
        assert_eq!(deps["m"], Dependency { condition: Condition::ServiceCompletedSuccessfully, restart: false, required: false });
        assert_eq!(deps["c"], Dependency::default());
        assert!(deserialize_depends_on(yaml("{db: {condition: service_ready}}")).is_err());
    }

    #[test]
    fn healthcheck_tests_become_lists() {
        let h: Healthcheck = serde_yaml_ng::from_value(yaml("{test: curl -f localhost, interval: 1m30s, retries: '3'}")).unwrap();
        assert_eq!(h.test, ["CMD-SHELL", "curl -f localhost"]);
        assert_eq!((h.interval.map(|d| d.0.as_secs()), h.retries), (Some(90), Some(3)));
        let mut h: Healthcheck = serde_yaml_ng::from_value(yaml("{disable: true}")).unwrap();
        h.normalise();
        assert_eq!(h.test, ["NONE"]);
        assert!(h.is_disabled());
        assert!(serde_yaml_ng::from_value::<Healthcheck>(yaml("{test: [curl, x]}")).is_err());
    }

    #[test]
    fn networks_list_and_map_are_one_form() {
        let nets = deserialize_service_networks(yaml("[front, back]")).unwrap();
        assert_eq!(nets.keys().collect::<Vec<_>>(), ["back", "front"]);
        let nets = deserialize_service_networks(yaml("{front: {aliases: [web], ipv4_address: 10.5.0.5}, back: null}")).unwrap();
        assert_eq!(nets["front"].aliases, ["web"]);
        assert_eq!(nets["front"].ipv4_address.as_deref(), Some("10.5.0.5"));
        assert_eq!(nets["back"], ServiceNetwork::default());
    }

    #[test]
    fn ulimits_number_or_soft_hard() {
        let u = deserialize_ulimits(yaml("{nproc: 65535, nofile: {soft: 20000, hard: 40000}}")).unwrap();
        assert_eq!(u["nproc"], Ulimit { soft: 65535, hard: 65535 });
        assert_eq!(u["nofile"], Ulimit { soft: 20000, hard: 40000 });
        assert!(deserialize_ulimits(yaml("{nofile: {soft: 2, hard: 1}}")).is_err());
    }

    #[test]
    fn extra_hosts_list_and_map_are_one_form() {
        let from_list = deserialize_extra_hosts(yaml("['db=10.0.0.2', 'old:10.0.0.3', 'v6=::1']")).unwrap();
        assert_eq!(from_list.iter().map(|h| h.to_string()).collect::<Vec<_>>(), ["db=10.0.0.2", "old=10.0.0.3", "v6=::1"]);
        let from_map = deserialize_extra_hosts(yaml("{db: 10.0.0.2, two: [1.1.1.1, 2.2.2.2]}")).unwrap();
        assert_eq!(from_map.len(), 3);
    }

    #[test]
    fn secret_references_short_and_long() {
        let mut refs = deserialize_file_refs(yaml("[token, {source: cert, target: /etc/cert.pem, mode: 0440}, {source: k, target: key}]")).unwrap();
        for r in &mut refs {
            r.normalise("/run/secrets/");
        }
        assert_eq!(refs[0].target.as_deref(), Some("/run/secrets/token"));
        assert_eq!((refs[1].target.as_deref(), refs[1].mode), (Some("/etc/cert.pem"), Some(0o440)));
        assert_eq!(refs[2].target.as_deref(), Some("/run/secrets/key"));
    }

    #[test]
    fn env_file_string_list_or_entries() {
        assert_eq!(deserialize_env_files(yaml("a.env")).unwrap()[0].path, "a.env");
        let files = deserialize_env_files(yaml("[a.env, {path: b.env, required: false}]")).unwrap();
        assert_eq!((files[1].path.as_str(), files[1].required), ("b.env", false));
    }
}
