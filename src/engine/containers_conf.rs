//! The containers ecosystem's containers.conf, read as Podman reads it:
//! /usr/share/containers/containers.conf, /etc/containers/containers.conf,
//! then (for a user) $XDG_CONFIG_HOME/containers/containers.conf, each
//! later file's keys winning; `CONTAINERS_CONF` names the only file to read
//! instead, and `CONTAINERS_CONF_OVERRIDE` one more read last. Drop-in
//! directories (`containers.conf.d/*.conf`) beside each file are read after
//! it, in name order.
//!
//! The keys pontoon honours are the fields of [`ContainersConf`]; the
//! others are read without complaint, as Podman's unknown keys are.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::spec::container::{ContainerSpec, Ulimit};
use crate::spec::dns::DnsSettings;

/// What containers.conf sets for containers made without the flag.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ContainersConf {
    /// `[containers] netns`: the network mode without `--network`.
    pub netns: Option<String>,
    /// `[containers] default_capabilities`: the base capability set.
    pub default_capabilities: Option<Vec<String>>,
    /// `[containers] default_ulimits`: `name=soft:hard`, below `--ulimit`.
    pub default_ulimits: Vec<String>,
    /// `[containers] default_sysctls`: `key=value`, below `--sysctl`.
    pub default_sysctls: Vec<String>,
    /// `[containers] env`: the lowest layer of the environment (below the image's).
    pub env: Vec<String>,
    /// `[containers] dns_servers`, `dns_searches`, `dns_options`: without `--dns*`.
    pub dns_servers: Vec<String>,
    pub dns_searches: Vec<String>,
    pub dns_options: Vec<String>,
    /// `[containers] log_driver`: k8s-file, json-file, none, passthrough.
    pub log_driver: Option<String>,
    /// `[containers] log_size_max`: bytes a log file may reach (-1: no limit).
    pub log_size_max: Option<i64>,
    /// `[containers] userns`: the `--userns` default.
    pub userns: Option<String>,
    /// `[containers] pids_limit`: the `--pids-limit` default (0: none).
    pub pids_limit: Option<i64>,
    /// `[containers] tz`: the `--tz` default.
    pub tz: Option<String>,
    /// `[engine] events_logger`: file, journald, none.
    pub events_logger: Option<String>,
    /// `[engine] events_logfile_path`: where the event log is (default: in the store).
    pub events_logfile_path: Option<String>,
    /// `[engine] events_logfile_max_size`: bytes (or "1m", "512k") before the log rotates.
    pub events_logfile_max_size: Option<u64>,
    /// `[engine] image_default_transport`: only `docker://` is known.
    pub image_default_transport: Option<String>,
    /// `[engine] runtime`: the default OCI runtime (unset: pontoon's own).
    pub runtime: Option<String>,
    /// The files read, in order (for `info`).
    pub files: Vec<PathBuf>,
}

/// The files Podman would read, in order, whether or not they exist.
fn candidates() -> Vec<PathBuf> {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let mut out = match env("CONTAINERS_CONF") {
        Some(only) => vec![only],
        None => {
            let mut out = vec![PathBuf::from("/usr/share/containers/containers.conf"), PathBuf::from("/etc/containers/containers.conf")];
            if !nix::unistd::Uid::effective().is_root() {
                if let Some(c) = env("XDG_CONFIG_HOME").or_else(|| env("HOME").map(|h| h.join(".config"))) {
                    out.push(c.join("containers/containers.conf"));
                }
            }
            out
        }
    };
    if let Some(over) = env("CONTAINERS_CONF_OVERRIDE") {
        out.push(over);
    }
    out
}

/// A file and then its drop-ins (`NAME.d/*.conf`, in name order).
fn with_dropins(file: &Path) -> Vec<PathBuf> {
    let mut out = vec![file.to_path_buf()];
    let dir = PathBuf::from(format!("{}.d", file.display()));
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut extra: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "conf")).collect();
        extra.sort();
        out.extend(extra);
    }
    out
}

impl ContainersConf {
    /// Reads every containers.conf there is; a file that is not valid TOML
    /// or has a key of the wrong type is an error naming it. Read once per
    /// process (`run` asked for it three times: its flags' defaults, the
    /// network default, the events' settings): the files and the
    /// environment naming them do not change under a running command.
    pub fn load() -> Result<ContainersConf> {
        static LOADED: std::sync::OnceLock<ContainersConf> = std::sync::OnceLock::new();
        if let Some(conf) = LOADED.get() {
            return Ok(conf.clone());
        }
        // A broken file is not kept: each caller reports it.
        let conf = ContainersConf::read_files()?;
        Ok(LOADED.get_or_init(|| conf).clone())
    }

    fn read_files() -> Result<ContainersConf> {
        let mut conf = ContainersConf::default();
        for file in candidates().iter().flat_map(|f| with_dropins(f)) {
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
            };
            conf.apply(&text).with_context(|| format!("containers.conf {}", file.display()))?;
            conf.files.push(file);
        }
        Ok(conf)
    }

    /// Lays one file's keys over what earlier files set.
    fn apply(&mut self, text: &str) -> Result<()> {
        let doc: toml::Table = text.parse().context("not valid TOML")?;
        if let Some(c) = doc.get("containers").and_then(|v| v.as_table()) {
            set_str(c, "netns", &mut self.netns)?;
            if let Some(caps) = list(c, "default_capabilities")? {
                self.default_capabilities = Some(caps);
            }
            set_list(c, "default_ulimits", &mut self.default_ulimits)?;
            set_list(c, "default_sysctls", &mut self.default_sysctls)?;
            set_list(c, "env", &mut self.env)?;
            set_list(c, "dns_servers", &mut self.dns_servers)?;
            set_list(c, "dns_searches", &mut self.dns_searches)?;
            set_list(c, "dns_options", &mut self.dns_options)?;
            set_str(c, "log_driver", &mut self.log_driver)?;
            set_int(c, "log_size_max", &mut self.log_size_max)?;
            set_str(c, "userns", &mut self.userns)?;
            set_int(c, "pids_limit", &mut self.pids_limit)?;
            set_str(c, "tz", &mut self.tz)?;
        }
        if let Some(e) = doc.get("engine").and_then(|v| v.as_table()) {
            set_str(e, "events_logger", &mut self.events_logger)?;
            set_str(e, "events_logfile_path", &mut self.events_logfile_path)?;
            set_size(e, "events_logfile_max_size", &mut self.events_logfile_max_size)?;
            set_str(e, "image_default_transport", &mut self.image_default_transport)?;
            set_str(e, "runtime", &mut self.runtime)?;
        }
        if let Some(t) = &self.image_default_transport {
            if t != "docker://" {
                bail!("image_default_transport = {t:?}: pontoon pulls from registries only; use \"docker://\" or drop the key");
            }
        }
        Ok(())
    }
}

fn set_str(table: &toml::Table, key: &str, into: &mut Option<String>) -> Result<()> {
    match table.get(key) {
        None => Ok(()),
        Some(toml::Value::String(s)) => {
            *into = Some(s.clone());
            Ok(())
        }
        Some(other) => bail!("{key} must be a string, not {}", other.type_str()),
    }
}

fn set_int(table: &toml::Table, key: &str, into: &mut Option<i64>) -> Result<()> {
    match table.get(key) {
        None => Ok(()),
        Some(toml::Value::Integer(n)) => {
            *into = Some(*n);
            Ok(())
        }
        Some(other) => bail!("{key} must be a number, not {}", other.type_str()),
    }
}

/// A size as bytes or with a unit (`1m`, `512KB`), as Podman's units take it.
fn set_size(table: &toml::Table, key: &str, into: &mut Option<u64>) -> Result<()> {
    match table.get(key) {
        None => Ok(()),
        Some(toml::Value::Integer(n)) if *n >= 0 => {
            *into = Some(*n as u64);
            Ok(())
        }
        Some(toml::Value::String(s)) => {
            let text = s.trim().to_ascii_lowercase();
            let digits = text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
            let number: f64 = text[..digits].parse().with_context(|| format!("{key} = {s:?}: give bytes or a size like \"1m\""))?;
            let unit = match text[digits..].trim().trim_end_matches(['b', 'i']) {
                "" => 1u64,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                other => bail!("{key} = {s:?}: unknown unit {other:?}; use k, m or g"),
            };
            *into = Some((number * unit as f64) as u64);
            Ok(())
        }
        Some(other) => bail!("{key} must be a size (bytes or \"1m\"), not {}", other.type_str()),
    }
}

fn list(table: &toml::Table, key: &str) -> Result<Option<Vec<String>>> {
    let Some(value) = table.get(key) else { return Ok(None) };
    let toml::Value::Array(items) = value else { bail!("{key} must be a list of strings, not {}", value.type_str()) };
    items.iter().map(|i| i.as_str().map(str::to_string).with_context(|| format!("{key} must be a list of strings"))).collect::<Result<Vec<_>>>().map(Some)
}

fn set_list(table: &toml::Table, key: &str, into: &mut Vec<String>) -> Result<()> {
    if let Some(items) = list(table, key)? {
        *into = items;
    }
    Ok(())
}

/// Lays containers.conf's defaults under what the user asked for: a key
/// the user set wins, the rest comes from the files (Podman's order).
/// `ulimit` parses `name=soft:hard`; `rootless` says whether a default
/// `pids_limit` can be applied (rootless pontoon has no cgroup for it on
/// most hosts, and Podman too drops resource defaults there).
pub fn apply_defaults(conf: &ContainersConf, spec: &mut ContainerSpec, ulimit: &dyn Fn(&str) -> Result<Ulimit>, rootless: bool) -> Result<()> {
    spec.default_env = conf.env.clone();
    spec.default_caps = conf.default_capabilities.clone();
    for text in &conf.default_ulimits {
        let u = ulimit(text).with_context(|| format!("containers.conf default_ulimits {text:?}"))?;
        if !spec.ulimits.iter().any(|have| have.name == u.name) {
            spec.ulimits.push(u);
        }
    }
    spec.sysctls = crate::spec::sysctl::with_defaults(std::mem::take(&mut spec.sysctls), &conf.default_sysctls, &spec.network, &spec.namespaces)?;
    if spec.dns == DnsSettings::default() && (!conf.dns_servers.is_empty() || !conf.dns_searches.is_empty() || !conf.dns_options.is_empty()) {
        spec.dns = DnsSettings::parse(&conf.dns_servers, &conf.dns_searches, &conf.dns_options).context("containers.conf dns_servers, dns_searches, dns_options")?;
    }
    if spec.namespaces.userns.is_empty() {
        spec.namespaces.userns = conf.userns.clone().unwrap_or_default();
    }
    if spec.resources.pids_limit.is_none() && !rootless {
        spec.resources.pids_limit = conf.pids_limit.filter(|n| *n > 0);
    }
    if spec.runtime.is_none() {
        spec.runtime = conf.runtime.clone().filter(|r| !r.is_empty() && r != "pontoon");
    }
    Ok(())
}

/// `[containers] netns` of the files that set it (the last one wins).
pub fn default_netns() -> Result<Option<String>> {
    Ok(ContainersConf::load()?.netns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_files_win_key_by_key() {
        let mut conf = ContainersConf::default();
        conf.apply("[containers]\nnetns = \"none\"\nenv = [\"A=1\"]\ndefault_ulimits = [\"nofile=10:20\"]\n").unwrap();
        conf.apply("[containers]\nenv = [\"B=2\"]\npids_limit = 100\n[engine]\nruntime = \"crun\"\n").unwrap();
        assert_eq!(conf.netns.as_deref(), Some("none"));
        assert_eq!(conf.env, ["B=2"]);
        assert_eq!(conf.default_ulimits, ["nofile=10:20"]);
        assert_eq!(conf.pids_limit, Some(100));
        assert_eq!(conf.runtime.as_deref(), Some("crun"));
    }

    #[test]
    fn defaults_go_under_what_the_user_asked() {
        let mut conf = ContainersConf::default();
        conf.apply("[containers]\nenv = [\"FROM_CONF=1\"]\ndefault_ulimits = [\"nofile=100:200\", \"nproc=50:60\"]\ndefault_capabilities = [\"CHOWN\"]\ndns_servers = [\"10.0.0.53\"]\npids_limit = 99\ndefault_sysctls = [\"net.ipv4.ping_group_range=0 0\"]\n").unwrap();
        let ulimit = |s: &str| -> Result<Ulimit> {
            let (name, v) = s.split_once('=').context("name=")?;
            let (soft, hard) = v.split_once(':').context("soft:hard")?;
            Ok(Ulimit { name: name.into(), soft: soft.parse()?, hard: hard.parse()? })
        };
        let mut spec = ContainerSpec { ulimits: vec![Ulimit { name: "nofile".into(), soft: 1, hard: 2 }], ..Default::default() };
        apply_defaults(&conf, &mut spec, &ulimit, false).unwrap();
        assert_eq!(spec.default_env, ["FROM_CONF=1"]);
        assert_eq!(spec.ulimits.len(), 2, "nofile from the user, nproc from the file");
        assert_eq!(spec.ulimits[0].soft, 1);
        assert_eq!(spec.default_caps.as_deref(), Some(&["CHOWN".to_string()][..]));
        assert_eq!(spec.dns.servers.len(), 1);
        assert_eq!(spec.resources.pids_limit, Some(99));
        assert_eq!(spec.sysctls["net.ipv4.ping_group_range"], "0 0");
        let mut rootless = ContainerSpec { network: crate::spec::network::NetworkMode::Host, ..Default::default() };
        apply_defaults(&conf, &mut rootless, &ulimit, true).unwrap();
        assert_eq!(rootless.resources.pids_limit, None, "no pids default rootless");
        assert!(rootless.sysctls.is_empty(), "no net.* default with the host's network");
    }

    #[test]
    fn bad_files_are_errors_that_name_the_key() {
        assert!(ContainersConf::default().apply("[containers\n").is_err());
        let err = ContainersConf::default().apply("[containers]\nenv = \"A=1\"\n").unwrap_err().to_string();
        assert!(err.contains("env must be a list"), "{err}");
        let err = ContainersConf::default().apply("[engine]\nimage_default_transport = \"oci:\"\n").unwrap_err().to_string();
        assert!(err.contains("registries only"), "{err}");
        ContainersConf::default().apply("[network]\nx = 1\n[machine]\ncpus = 2\n").unwrap();
    }
}
