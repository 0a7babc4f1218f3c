//! `ContainerSpec`: what the user asked for with `run`/`create` flags, as a
//! plain struct the CLI fills and the engine validates. It is stored with
//! the container and turned into an OCI runtime spec by `engine::oci`.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::image::manifest::ContainerConfig;
/// `--security-opt seccomp=...`: the CLI names it through the spec.
pub use crate::runtime::seccomp::SeccompChoice;

/// PATH when neither the image nor the user sets one (Docker's default).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum NetworkMode {
    /// A private network namespace with only loopback.
    None,
    /// The host's network namespace.
    Host,
    /// A private namespace with outbound access (slirp/pasta or a bridge).
    #[default]
    Default,
}

impl NetworkMode {
    pub fn parse(s: &str) -> Result<NetworkMode> {
        match s {
            "none" => Ok(NetworkMode::None),
            "host" => Ok(NetworkMode::Host),
            "" | "default" | "bridge" | "slirp4netns" | "pasta" | "private" => Ok(NetworkMode::Default),
            other => bail!("unknown network {other:?}: use none, host or bridge"),
        }
    }
}

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

/// `--restart`: no, always, unless-stopped, on-failure[:N].
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RestartPolicy {
    pub name: String,
    /// For on-failure: how many restarts at most (0: no limit).
    pub max_retries: u32,
}

impl RestartPolicy {
    pub fn parse(s: &str) -> Result<RestartPolicy> {
        let (name, count) = s.split_once(':').map(|(n, c)| (n, Some(c))).unwrap_or((s, None));
        let max_retries = match (name, count) {
            ("on-failure", Some(c)) => c.parse().map_err(|_| anyhow::anyhow!("invalid restart count {c:?}: use on-failure:N with a number"))?,
            (_, Some(_)) => bail!("only on-failure takes a count: use on-failure:N"),
            _ => 0,
        };
        match name {
            "" | "no" | "always" | "unless-stopped" | "on-failure" => Ok(RestartPolicy { name: if name.is_empty() { "no".into() } else { name.into() }, max_retries }),
            other => bail!("invalid restart policy {other:?}: use no, always, unless-stopped or on-failure[:N]"),
        }
    }

    /// Whether a container that exited with `code` after `restarts`
    /// restarts should run again. `stopped` is true after `pontoon stop`.
    pub fn should_restart(&self, code: i32, restarts: u32, stopped: bool) -> bool {
        if stopped {
            return false;
        }
        match self.name.as_str() {
            "always" | "unless-stopped" => true,
            "on-failure" => code != 0 && (self.max_retries == 0 || restarts < self.max_retries),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ResourceLimits {
    pub memory_bytes: Option<i64>,
    /// CPU quota in millionths of a CPU (`--cpus 1.5` is 1_500_000).
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
    /// `--runtime`: an external OCI runtime (name on PATH or path); None
    /// for the built-in one.
    #[serde(default)]
    pub runtime: Option<String>,
    /// `-v`, `--mount` (and, once created, the image's VOLUMEs): see engine::mounts.
    #[serde(default)]
    pub mounts: Vec<crate::engine::mounts::MountSpec>,
    /// `--volumes-from CONTAINER[:ro|rw]`, as given; expanded into `mounts` at create.
    #[serde(default)]
    pub volumes_from: Vec<String>,
    /// `--device HOST[:CTR][:rwm]`.
    #[serde(default)]
    pub devices: Vec<crate::engine::devices::DeviceRequest>,
    /// `--device-cgroup-rule 'c 1:3 rwm'`, as given (checked at create).
    #[serde(default)]
    pub device_cgroup_rules: Vec<String>,
}

/// The process a container runs, after merging the image's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedProcess {
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub user: String,
}

/// Applies Docker's rules for entrypoint, command, environment, working
/// directory and user on top of the image's config.
pub fn resolve_process(spec: &ContainerSpec, image: &ContainerConfig, host_env: &dyn Fn(&str) -> Option<String>) -> Result<ResolvedProcess> {
    let (entrypoint, cmd) = match &spec.entrypoint {
        // An explicit entrypoint drops the image's Cmd as well, as in Docker.
        Some(e) if e.is_empty() => (Vec::new(), spec.command.clone()),
        Some(e) => (vec![e.clone()], spec.command.clone()),
        None => {
            let cmd = if spec.command.is_empty() { image.cmd.clone().unwrap_or_default() } else { spec.command.clone() };
            (image.entrypoint.clone().unwrap_or_default(), cmd)
        }
    };
    let args: Vec<String> = entrypoint.into_iter().chain(cmd).collect();
    if args.is_empty() {
        bail!("no command specified: the image {} has no CMD or ENTRYPOINT; give one after the image name", spec.image);
    }
    let mut env = EnvList::default();
    for kv in image.env.iter().flatten() {
        env.set(kv);
    }
    for entry in &spec.env {
        if entry.contains('=') {
            env.set(entry);
        } else if let Some(value) = host_env(entry) {
            env.set(&format!("{entry}={value}"));
        }
    }
    if !env.has("PATH") {
        env.set(&format!("PATH={DEFAULT_PATH}"));
    }
    if spec.tty && !env.has("TERM") {
        env.set("TERM=xterm");
    }
    if let Some(h) = &spec.hostname {
        if !env.has("HOSTNAME") {
            env.set(&format!("HOSTNAME={h}"));
        }
    }
    let cwd = spec.workdir.clone().or_else(|| image.working_dir.clone()).filter(|w| !w.is_empty()).unwrap_or_else(|| "/".into());
    if !cwd.starts_with('/') {
        bail!("the working directory {cwd:?} is not absolute: give -w an absolute path such as /app");
    }
    let user = spec.user.clone().or_else(|| image.user.clone()).filter(|u| !u.is_empty()).unwrap_or_else(|| "0".into());
    Ok(ResolvedProcess { args, env: env.0, cwd, user })
}

/// An environment in order, where setting a key again replaces its value.
#[derive(Default)]
struct EnvList(Vec<String>);

impl EnvList {
    fn key(kv: &str) -> &str {
        kv.split_once('=').map(|(k, _)| k).unwrap_or(kv)
    }
    fn has(&self, key: &str) -> bool {
        self.0.iter().any(|kv| Self::key(kv) == key)
    }
    fn set(&mut self, kv: &str) {
        let key = Self::key(kv);
        match self.0.iter_mut().find(|e| Self::key(e) == key) {
            Some(existing) => *existing = kv.to_string(),
            None => self.0.push(kv.to_string()),
        }
    }
}

/// Parses an `--env-file`: `KEY=VALUE` lines, `KEY` alone to pass the
/// caller's value, blank lines and `#` comments ignored.
pub fn parse_env_file(text: &str, file: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = line.split_once('=').map(|(k, _)| k).unwrap_or(line);
        if key.is_empty() || key.contains(char::is_whitespace) {
            bail!("{file}:{}: invalid variable name {key:?}: lines must be KEY=VALUE", n + 1);
        }
        out.push(line.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(entrypoint: Option<&[&str]>, cmd: Option<&[&str]>) -> ContainerConfig {
        ContainerConfig {
            entrypoint: entrypoint.map(|e| e.iter().map(|s| s.to_string()).collect()),
            cmd: cmd.map(|e| e.iter().map(|s| s.to_string()).collect()),
            env: Some(vec!["PATH=/bin".into(), "A=image".into()]),
            ..Default::default()
        }
    }

    fn spec(command: &[&str], entrypoint: Option<&str>) -> ContainerSpec {
        ContainerSpec {
            image: "busybox".into(),
            command: command.iter().map(|s| s.to_string()).collect(),
            entrypoint: entrypoint.map(Into::into),
            ..Default::default()
        }
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn command_follows_docker_rules() {
        let img = image(Some(&["/entry"]), Some(&["default"]));
        assert_eq!(resolve_process(&spec(&[], None), &img, &no_env).unwrap().args, ["/entry", "default"]);
        assert_eq!(resolve_process(&spec(&["x"], None), &img, &no_env).unwrap().args, ["/entry", "x"]);
        assert_eq!(resolve_process(&spec(&["x"], Some("/other")), &img, &no_env).unwrap().args, ["/other", "x"]);
        assert_eq!(resolve_process(&spec(&["x"], Some("")), &img, &no_env).unwrap().args, ["x"]);
        let empty = image(None, None);
        assert!(resolve_process(&spec(&[], None), &empty, &no_env).is_err());
    }

    #[test]
    fn user_env_overrides_image_env() {
        let img = image(None, Some(&["sh"]));
        let mut s = spec(&[], None);
        s.env = vec!["A=user".into(), "FROM_HOST".into(), "MISSING".into()];
        s.tty = true;
        let host = |k: &str| (k == "FROM_HOST").then(|| "yes".to_string());
        let p = resolve_process(&s, &img, &host).unwrap();
        assert_eq!(p.env, ["PATH=/bin", "A=user", "FROM_HOST=yes", "TERM=xterm"]);
        assert_eq!(p.cwd, "/");
        assert_eq!(p.user, "0");
    }

    #[test]
    fn relative_workdir_is_refused() {
        let mut s = spec(&["sh"], None);
        s.workdir = Some("app".into());
        assert!(resolve_process(&s, &image(None, None), &no_env).is_err());
    }

    #[test]
    fn restart_policies_follow_docker() {
        let on_failure = RestartPolicy::parse("on-failure:3").unwrap();
        assert!(on_failure.should_restart(1, 2, false));
        assert!(!on_failure.should_restart(1, 3, false));
        assert!(!on_failure.should_restart(0, 0, false));
        let always = RestartPolicy::parse("always").unwrap();
        assert!(always.should_restart(0, 100, false));
        assert!(!always.should_restart(0, 0, true));
        assert!(!RestartPolicy::parse("no").unwrap().should_restart(1, 0, false));
        assert!(RestartPolicy::parse("sometimes").is_err());
        assert!(RestartPolicy::parse("always:3").is_err());
    }

    #[test]
    fn env_files_parse() {
        let env = parse_env_file("# c\nA=1\n\nB\n", "f").unwrap();
        assert_eq!(env, ["A=1", "B"]);
        assert!(parse_env_file("BAD KEY=1", "f").is_err());
    }
}
