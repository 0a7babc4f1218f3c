//! The run/create flags of Podman and Docker beyond the container's core
//! (src/cli/run.rs): files that name the container, log drivers, the time
//! zone, environment rules, dependencies, and the flags pontoon accepts
//! only to explain why they change nothing or refuses with the way out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::spec::container::ContainerSpec;
use crate::spec::mounts::MountSpec;
use crate::spec::run_options::{LogSpec, RunOptions};

#[derive(Args, Debug, Default)]
pub struct CompatFlags {
    /// Write the container's Id to FILE (which must not exist)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Write the container's process Id to FILE at each start
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// Write the container's monitor's process Id to FILE at each start (Podman's conmon)
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,
    /// Remove a container of the same name first
    #[arg(long)]
    pub replace: bool,
    /// Log driver: k8s-file (default; json-file is the same) or none
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Log options: max-size=SIZE, path=FILE (tag=, max-file=, mode= accepted)
    #[arg(long, value_name = "KEY=VALUE")]
    pub log_opt: Vec<String>,
    /// Time zone: local (the host's) or a zone such as Europe/Paris
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Pass the host's whole environment
    #[arg(long)]
    pub env_host: bool,
    /// Rewrite an image variable: KEY=VALUE where VALUE may use ${KEY}
    #[arg(long, value_name = "KEY=VALUE")]
    pub env_merge: Vec<String>,
    /// Remove a variable from the environment (image's and defaults too)
    #[arg(long, value_name = "KEY")]
    pub unsetenv: Vec<String>,
    /// Keep only the variables given with --env
    #[arg(long)]
    pub unsetenv_all: bool,
    /// Pass the host's proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub http_proxy: bool,
    /// Read labels from a file of KEY=VALUE lines
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Add an annotation to the OCI spec (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Keep the image's /etc/hosts instead of writing one
    #[arg(long)]
    pub no_hosts: bool,
    /// Start these containers first (comma-separated), at every start
    #[arg(long, value_name = "CONTAINERS", value_delimiter = ',')]
    pub requires: Vec<String>,
    /// With --rm: remove the image too when the container ends (if no other container uses it)
    #[arg(long)]
    pub rmi: bool,
    /// systemd notification: conmon (READY=1 once started, the default), ignore; container is refused
    #[arg(long, value_name = "MODE")]
    pub sdnotify: Option<String>,
    /// systemd mode: true and false are accepted (pontoon prepares no systemd mounts); always is refused
    #[arg(long, value_name = "MODE")]
    pub systemd: Option<String>,
    /// Read the pod's name or Id from FILE
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<PathBuf>,
    /// Do not print the pull's progress
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub platform: super::platform_flags::PlatformFlags,
    /// Credentials file for the pull
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// Verify the registry's TLS certificate when pulling (default true)
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
    pub tls_verify: Option<bool>,
    /// Docker's content trust: accepted, pontoon verifies digests, not signatures
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub disable_content_trust: Option<bool>,
}

/// Host inputs the flags read: files and the environment.
pub struct CompatHost<'a> {
    pub read_file: &'a dyn Fn(&Path) -> std::io::Result<String>,
    pub env: &'a dyn Fn() -> Vec<(String, String)>,
    pub zone_exists: &'a dyn Fn(&Path) -> bool,
    /// containers.conf's log_driver and log_size_max, for when the flags
    /// say nothing.
    pub log_driver: Option<&'a str>,
    pub log_size_max: Option<i64>,
}

const PROXY_VARS: [&str; 8] = ["http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY"];

impl CompatFlags {
    /// The log the flags ask for, with containers.conf's log_driver and
    /// log_size_max where they are silent (as Podman reads them).
    fn log_spec(&self, host: &CompatHost, parse_size: &dyn Fn(&str) -> Result<i64>) -> Result<LogSpec> {
        let mut log = match (&self.log_driver, host.log_driver) {
            (None, Some(conf)) => LogSpec::parse(Some(conf), &self.log_opt, parse_size).context("containers.conf log_driver")?,
            (driver, _) => LogSpec::parse(driver.as_deref(), &self.log_opt, parse_size)?,
        };
        let size_given = self.log_opt.iter().any(|o| o.starts_with("max-size="));
        if log.writes() && !size_given {
            // -1 (Podman's default) and 0 mean no limit.
            log.max_size = host.log_size_max.and_then(|n| u64::try_from(n).ok()).filter(|n| *n > 0);
        }
        Ok(log)
    }

    /// Puts the flags into the spec; `parse_size` reads `max-size` values.
    pub fn apply(&self, spec: &mut ContainerSpec, host: &CompatHost, parse_size: &dyn Fn(&str) -> Result<i64>) -> Result<()> {
        self.check_accepted()?;
        if let Some(p) = &self.platform.platform {
            check_platform(p)?;
        }
        for (what, value, host_value) in [("--arch", &self.platform.arch, std::env::consts::ARCH), ("--os", &self.platform.os, "linux")] {
            if let Some(v) = value.as_deref().filter(|v| !same_arch(v, host_value)) {
                bail!("{what} {v} is not this machine's ({host_value}): pontoon runs images of this machine's platform only (there is no emulation)");
            }
        }
        let log = self.log_spec(host, parse_size)?;
        json_entrypoint(spec)?;
        // The host's environment sits under the user's own --env entries.
        let mut env: Vec<String> = Vec::new();
        if self.env_host {
            env.extend((host.env)().into_iter().map(|(k, v)| format!("{k}={v}")));
        } else if self.http_proxy {
            env.extend((host.env)().into_iter().filter(|(k, _)| PROXY_VARS.contains(&k.as_str())).map(|(k, v)| format!("{k}={v}")));
        }
        if let Some(zone) = &self.tz {
            // /etc/localtime only: a TZ naming a zone file the image lacks
            // would make the C library fall back to UTC.
            let file = time_zone(zone, host.zone_exists)?;
            spec.mounts.push(MountSpec::read_only_bind(file, "/etc/localtime"));
        }
        env.append(&mut spec.env);
        spec.env = env;
        for file in &self.label_file {
            let text = (host.read_file)(file).with_context(|| format!("read --label-file {}", file.display()))?;
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let (k, v) = line.split_once('=').unwrap_or((line, ""));
                // --label wins over the file, as in Docker.
                spec.labels.entry(k.to_string()).or_insert_with(|| v.to_string());
            }
        }
        for kv in &self.env_merge {
            if !kv.contains('=') {
                bail!("invalid --env-merge {kv:?}: give KEY=VALUE, e.g. PATH=/opt/bin:${{PATH}}");
            }
        }
        if self.rmi && !spec.auto_remove {
            bail!("--rmi needs --rm: the image can only go with a container that is removed at its end");
        }
        spec.options = RunOptions {
            log,
            annotations: annotations(&self.annotation)?,
            env_merge: self.env_merge.clone(),
            unsetenv: self.unsetenv.clone(),
            unsetenv_all: self.unsetenv_all,
            no_hosts: self.no_hosts,
            requires: self.requires.iter().filter(|r| !r.is_empty()).cloned().collect(),
            pidfile: self.pidfile.clone(),
            conmon_pidfile: self.conmon_pidfile.clone(),
            remove_image: self.rmi,
        };
        Ok(())
    }

    /// Flags accepted for scripts' sake, with the values pontoon can honour.
    fn check_accepted(&self) -> Result<()> {
        match self.sdnotify.as_deref() {
            None | Some("conmon" | "ignore" | "healthy") => {}
            Some("container") => bail!("--sdnotify container is not supported: pontoon does not pass NOTIFY_SOCKET into containers; use --sdnotify conmon (READY once the container runs)"),
            Some(other) => bail!("invalid --sdnotify {other:?}: use conmon, healthy or ignore"),
        }
        match self.systemd.as_deref() {
            None | Some("true" | "false") => {}
            Some("always") => bail!("--systemd always is not supported: pontoon prepares no systemd mounts; run systemd images with --tmpfs /run --tmpfs /tmp"),
            Some(other) => bail!("invalid --systemd {other:?}: use true or false"),
        }
        Ok(())
    }

    /// The pod `--pod` or `--pod-id-file` names.
    pub fn pod(&self, pod: Option<&str>, read_file: &dyn Fn(&Path) -> std::io::Result<String>) -> Result<Option<String>> {
        match (&self.pod_id_file, pod) {
            (Some(_), Some(_)) => bail!("--pod and --pod-id-file cannot be used together: give one of them"),
            (Some(file), None) => {
                let text = read_file(file).with_context(|| format!("read --pod-id-file {}", file.display()))?;
                Ok(text.split_whitespace().next().map(str::to_string))
            }
            (None, p) => Ok(p.map(str::to_string)),
        }
    }
}

/// `--entrypoint '["sh","-c"]'`: Podman's JSON form. The first word is the
/// entrypoint, the others go before the command's arguments, which is the
/// same process Docker's exec form gives.
fn json_entrypoint(spec: &mut ContainerSpec) -> Result<()> {
    let Some(text) = spec.entrypoint.as_deref().filter(|e| e.trim_start().starts_with('[')) else { return Ok(()) };
    let words: Vec<String> = serde_json::from_str(text).map_err(|e| anyhow::anyhow!("invalid --entrypoint {text:?}: not a JSON list of strings ({e})"))?;
    let mut words = words.into_iter();
    spec.entrypoint = Some(words.next().unwrap_or_default());
    let mut command: Vec<String> = words.collect();
    command.append(&mut spec.command);
    spec.command = command;
    Ok(())
}

/// `--tz`: the zone file bound to /etc/localtime.
fn time_zone(zone: &str, exists: &dyn Fn(&Path) -> bool) -> Result<PathBuf> {
    if zone == "local" {
        let file = PathBuf::from("/etc/localtime");
        if !exists(&file) {
            bail!("--tz local: this host has no /etc/localtime; give a zone such as Europe/Paris");
        }
        return Ok(file);
    }
    if zone.is_empty() || zone.starts_with('/') || zone.split('/').any(|c| c == ".." || c.is_empty()) {
        bail!("invalid --tz {zone:?}: give local or a zone such as Europe/Paris");
    }
    let file = Path::new("/usr/share/zoneinfo").join(zone);
    if !exists(&file) {
        bail!("unknown --tz {zone:?}: /usr/share/zoneinfo has no such zone (is the tzdata package installed?)");
    }
    Ok(file)
}

fn annotations(values: &[String]) -> Result<BTreeMap<String, String>> {
    values
        .iter()
        .map(|a| match a.split_once('=') {
            Some((k, _)) if k.starts_with(crate::engine::oci::PONTOON_ANNOTATION_PREFIX) => {
                bail!("invalid --annotation {a:?}: keys starting with {} are pontoon's own", crate::engine::oci::PONTOON_ANNOTATION_PREFIX)
            }
            Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
            _ => bail!("invalid --annotation {a:?}: give KEY=VALUE"),
        })
        .collect()
}

fn same_arch(asked: &str, host: &str) -> bool {
    let normal = |a: &str| match a {
        "amd64" | "x86_64" => "x86_64",
        "arm64" | "aarch64" => "aarch64",
        other => other,
    }
    .to_string();
    normal(asked) == normal(host)
}

fn check_platform(p: &str) -> Result<()> {
    let mut parts = p.split('/');
    let (os, arch) = (parts.next().unwrap_or_default(), parts.next().unwrap_or(std::env::consts::ARCH));
    if os != "linux" || !same_arch(arch, std::env::consts::ARCH) {
        bail!("--platform {p} is not this machine's (linux/{}): pontoon runs images of this machine's platform only (there is no emulation)", std::env::consts::ARCH);
    }
    Ok(())
}

/// `run -a STREAM...`: whether stdin is forwarded and which outputs print
/// (all of them, and stdin with -i, when none is named).
pub fn attached_streams(names: &[String], interactive: bool) -> Result<(bool, crate::engine::attach::Streams)> {
    if names.is_empty() {
        return Ok((interactive, Default::default()));
    }
    let mut streams = crate::engine::attach::Streams { stdout: false, stderr: false };
    let mut stdin = false;
    for n in names {
        match n.to_ascii_lowercase().as_str() {
            "stdin" => stdin = true,
            "stdout" => streams.stdout = true,
            "stderr" => streams.stderr = true,
            _ => bail!("invalid --attach {n:?}: use stdin, stdout or stderr"),
        }
    }
    Ok((stdin, streams))
}

/// `--cidfile`: refused up front when the file exists (Podman's check),
/// written once the container is created.
pub fn check_cidfile(path: Option<&Path>) -> Result<()> {
    if let Some(p) = path.filter(|p| p.exists()) {
        bail!("container id file {} exists: ensure another container is not using it, or delete it", p.display());
    }
    Ok(())
}

pub fn write_cidfile(path: Option<&Path>, id: &str) -> Result<()> {
    let Some(path) = path else { return Ok(()) };
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("create --cidfile {} (it must not exist)", path.display()))?;
    f.write_all(id.as_bytes()).with_context(|| format!("write --cidfile {}", path.display()))
}

/// `--sdnotify conmon`: tells systemd the container runs (when pontoon
/// itself runs under a unit with NOTIFY_SOCKET), with the monitor as main pid.
pub fn notify_ready(mode: Option<&str>, monitor_pid: Option<i32>) {
    if matches!(mode, Some("ignore")) {
        return;
    }
    let Some(socket) = std::env::var_os("NOTIFY_SOCKET").filter(|s| !s.is_empty()) else { return };
    let mut message = String::from("READY=1\n");
    if let Some(pid) = monitor_pid {
        message.push_str(&format!("MAINPID={pid}\n"));
    }
    let path = PathBuf::from(&socket);
    // An abstract socket is written "@name"; std's connect takes the path form only.
    if path.to_string_lossy().starts_with('@') {
        return;
    }
    if let Ok(sock) = std::os::unix::net::UnixDatagram::unbound() {
        let _ = sock.send_to(message.as_bytes(), &path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_checked_against_zoneinfo() {
        let exists = |p: &Path| p == Path::new("/usr/share/zoneinfo/Europe/Paris");
        assert_eq!(time_zone("Europe/Paris", &exists).unwrap(), Path::new("/usr/share/zoneinfo/Europe/Paris"));
        assert!(time_zone("Mars/Olympus", &exists).is_err());
        assert!(time_zone("../../etc/shadow", &exists).is_err());
        assert!(time_zone("/etc/passwd", &exists).is_err());
    }

    #[test]
    fn platforms_other_than_this_machine_are_refused() {
        assert!(check_platform(&format!("linux/{}", std::env::consts::ARCH)).is_ok());
        assert!(check_platform("linux/s390x").is_err());
        assert!(check_platform("windows/amd64").is_err());
    }
}
