//! The run/create options a container keeps beyond its process and
//! namespaces: its log driver, environment rules, annotations, the
//! containers it requires, the files that name its pids, and what its end
//! takes with it. Kept in the record so that every start honours them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RunOptions {
    /// `--log-driver` and `--log-opt`.
    #[serde(default)]
    pub log: LogSpec,
    /// `--annotation KEY=VALUE`: the OCI spec's annotations.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    /// `--env-merge KEY=VALUE`, where VALUE may name `${KEY}`'s image value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env_merge: Vec<String>,
    /// `--unsetenv KEY`: removed from the final environment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsetenv: Vec<String>,
    /// `--unsetenv-all`: only the user's own `--env` entries stay.
    #[serde(default)]
    pub unsetenv_all: bool,
    /// `--no-hosts`: the image's /etc/hosts, not one pontoon writes.
    #[serde(default)]
    pub no_hosts: bool,
    /// `--requires`: containers started before this one, at every start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// `--pidfile`: where the container's pid is written at each start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pidfile: Option<PathBuf>,
    /// `--conmon-pidfile`: where the monitor's pid is written at each start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conmon_pidfile: Option<PathBuf>,
    /// `--rmi`: the image goes too when the container is removed at its end.
    #[serde(default)]
    pub remove_image: bool,
}

/// Where the container's output goes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LogSpec {
    /// `k8s-file` (json-file is its alias, as in Podman) or `none`.
    #[serde(default = "k8s_file")]
    pub driver: String,
    /// `--log-opt max-size=`: the file is truncated when it would pass it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// `--log-opt path=`: the log file instead of the one in the store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
}

fn k8s_file() -> String {
    "k8s-file".into()
}

impl Default for LogSpec {
    fn default() -> LogSpec {
        LogSpec { driver: k8s_file(), max_size: None, path: None }
    }
}

impl LogSpec {
    /// From `--log-driver` and `--log-opt` values (and containers.conf's
    /// log_driver and log_size_max when the flags are absent).
    pub fn parse(driver: Option<&str>, opts: &[String], parse_size: &dyn Fn(&str) -> Result<i64>) -> Result<LogSpec> {
        let driver = match driver.unwrap_or("k8s-file") {
            "" | "k8s-file" | "json-file" => "k8s-file",
            "none" => "none",
            "passthrough" => bail!("--log-driver passthrough is not supported: pontoon's monitor relays the output; use k8s-file (the default) or none"),
            "journald" => bail!("--log-driver journald is not supported: pontoon writes no journal; use k8s-file (the default) and pontoon logs"),
            other => bail!("invalid --log-driver {other:?}: use k8s-file (json-file is the same), or none"),
        };
        let mut spec = LogSpec { driver: driver.into(), ..Default::default() };
        for opt in opts {
            let Some((key, value)) = opt.split_once('=') else { bail!("invalid --log-opt {opt:?}: give KEY=VALUE, e.g. max-size=10m") };
            match key {
                // -1 is Docker's and Podman's spelling of "no limit".
                "max-size" if value.trim() == "-1" => spec.max_size = None,
                "max-size" => {
                    let n = parse_size(value).map_err(|e| anyhow::anyhow!("invalid --log-opt max-size={value:?}: {e}"))?;
                    spec.max_size = u64::try_from(n).ok().filter(|n| *n > 0);
                }
                "path" => {
                    let path = PathBuf::from(value);
                    if !path.is_absolute() {
                        bail!("invalid --log-opt path={value:?}: give an absolute path");
                    }
                    spec.path = Some(path);
                }
                // Docker's and Podman's keys that shape other drivers' output.
                "tag" | "max-file" | "mode" | "max-buffer-size" | "labels" | "env" | "compress" => {}
                other => bail!("invalid --log-opt {other:?}: use max-size=, path= (tag=, max-file= and mode= are accepted)"),
            }
        }
        if spec.driver == "none" && (spec.path.is_some() || spec.max_size.is_some()) {
            bail!("--log-opt path= and max-size= need a log: drop them or --log-driver none");
        }
        Ok(spec)
    }

    pub fn writes(&self) -> bool {
        self.driver != "none"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(s: &str) -> Result<i64> {
        s.trim_end_matches('k').parse::<i64>().map(|n| n * 1024).map_err(|e| anyhow::anyhow!("{e}"))
    }

    #[test]
    fn drivers_and_options_parse_as_podman_has_them() {
        let s = LogSpec::parse(Some("json-file"), &["max-size=8k".into(), "path=/tmp/c.log".into(), "tag=x".into()], &size).unwrap();
        assert_eq!((s.driver.as_str(), s.max_size, s.path.as_deref()), ("k8s-file", Some(8192), Some(std::path::Path::new("/tmp/c.log"))));
        assert!(!LogSpec::parse(Some("none"), &[], &size).unwrap().writes());
        for bad in [(Some("syslog"), vec![]), (Some("passthrough"), vec![]), (None, vec!["path=rel".to_string()]), (None, vec!["colour=red".to_string()]), (Some("none"), vec!["path=/x".to_string()])] {
            assert!(LogSpec::parse(bad.0, &bad.1, &size).is_err(), "{bad:?}");
        }
    }
}
