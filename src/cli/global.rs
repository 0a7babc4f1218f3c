//! Podman's and Docker's global flags (`pontoon --log-level=debug ps`,
//! `--storage-driver vfs`, `--cgroup-manager cgroupfs`...): scripts pass
//! them out of habit, so each is implemented or accepted with a word on
//! why it changes nothing, and the remote-mode ones are refused plainly.

use std::path::PathBuf;
use std::sync::OnceLock;

use anyhow::{bail, Result};
use clap::Args;

#[derive(Args, Debug, Default)]
pub struct GlobalFlags {
    /// Log messages at this level and above: trace, debug, info, warn, error, fatal, panic
    #[arg(long, global = true, value_name = "LEVEL", default_value = "warn", hide_default_value = true)]
    pub log_level: String,
    /// Debug output (--log-level debug); before the command, as Docker's -D
    #[arg(short = 'D', long)]
    pub debug: bool,
    /// Storage driver: overlay, fuse-overlayfs or vfs (default: the best this machine has)
    #[arg(long, global = true, value_name = "DRIVER")]
    pub storage_driver: Option<String>,
    /// Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs
    #[arg(long, global = true, value_name = "OPTION")]
    pub storage_opt: Vec<String>,
    /// Where events go: file (pontoon's log in the store), journald (written to the file too), none
    #[arg(long, global = true, value_name = "BACKEND")]
    pub events_backend: Option<String>,
    /// Cgroup manager: pontoon drives cgroupfs itself; systemd is accepted and cgroupfs used
    #[arg(long, global = true, value_name = "MANAGER")]
    pub cgroup_manager: Option<String>,
    /// Default OCI runtime of run and create (crun, runc, a path; pontoon's own when unset)
    #[arg(long = "runtime", id = "global_runtime", value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// A flag for the OCI runtime (without its dashes), e.g. --runtime-flag debug
    #[arg(long, value_name = "FLAG")]
    pub runtime_flag: Vec<String>,
    /// Do not print anything on standard output
    #[arg(long, global = true)]
    pub noout: bool,
    /// Docker's client configuration directory: credentials are read from and written to DIR/config.json
    #[arg(long, global = true, value_name = "DIR")]
    pub config: Option<PathBuf>,
    /// Remote mode (refused: pontoon has no service to connect to)
    #[arg(long, global = true, visible_alias = "remote-url", alias = "host", value_name = "URL", hide = true)]
    pub url: Option<String>,
    /// Remote mode (refused: pontoon has no service to connect to)
    #[arg(long, global = true, hide = true)]
    pub remote: bool,
    /// Remote mode (refused: pontoon has no service to connect to)
    #[arg(long, global = true, value_name = "NAME", hide = true)]
    pub connection: Option<String>,
}

/// The log levels Podman's logrus knows, most verbose first.
const LEVELS: [&str; 7] = ["trace", "debug", "info", "warn", "error", "fatal", "panic"];

static LEVEL: OnceLock<usize> = OnceLock::new();
static RUNTIME: OnceLock<Option<String>> = OnceLock::new();

impl GlobalFlags {
    /// Checks the flags and puts them into effect for this process (and,
    /// through the environment, the monitors and workers it starts).
    pub fn apply(&self) -> Result<()> {
        if self.url.is_some() || self.remote || self.connection.is_some() {
            bail!("pontoon has no remote mode: there is no service to connect to; drop --url/--remote/--connection and run pontoon on the machine that runs the containers");
        }
        let level = if self.debug { "debug" } else { self.log_level.as_str() };
        let Some(rank) = LEVELS.iter().position(|l| *l == level) else {
            bail!("invalid --log-level {level:?}: use one of {}", LEVELS.join(", "));
        };
        let _ = LEVEL.set(rank);
        if let Some(driver) = &self.storage_driver {
            let name = match driver.as_str() {
                // Podman's name for the kernel driver; fuse-overlayfs is chosen with a mount_program.
                "overlay" | "overlay2" => "overlay",
                "fuse-overlayfs" | "vfs" => driver.as_str(),
                other => bail!("invalid --storage-driver {other:?}: use overlay, fuse-overlayfs or vfs"),
            };
            set_env(crate::store::rootfs::driver::DRIVER_ENV, name);
        }
        for opt in &self.storage_opt {
            storage_opt(opt, self.storage_driver.as_deref())?;
        }
        match self.events_backend.as_deref() {
            None | Some("file" | "none") => {}
            Some("journald") => debug("events go to pontoon's file log: it has no journald writer"),
            Some(other) => bail!("invalid --events-backend {other:?}: use file, journald or none"),
        }
        if let Some(backend) = &self.events_backend {
            set_env(crate::engine::events::BACKEND_ENV, backend);
        }
        match self.cgroup_manager.as_deref() {
            None | Some("cgroupfs") => {}
            Some("systemd") => debug("--cgroup-manager systemd: pontoon manages its cgroups through cgroupfs"),
            Some(other) => bail!("invalid --cgroup-manager {other:?}: use cgroupfs or systemd"),
        }
        if !self.runtime_flag.is_empty() && self.runtime.is_none() {
            bail!("--runtime-flag needs --runtime: pontoon's built-in runtime takes no flags");
        }
        let _ = RUNTIME.set(self.runtime.clone().filter(|r| !r.is_empty() && r != "pontoon"));
        if !self.runtime_flag.is_empty() {
            set_env(crate::runtime::oci_cli::RUNTIME_FLAGS_ENV, &self.runtime_flag.join("\n"));
        }
        if let Some(dir) = &self.config {
            set_env(crate::image::auth::AUTH_FILE_ENV, &dir.join("config.json").to_string_lossy());
        }
        if self.noout {
            silence_stdout()?;
        }
        Ok(())
    }
}

/// `--storage-opt`: the option Podman users pass to pick fuse-overlayfs
/// is honoured; the others are tuning pontoon has no use for.
fn storage_opt(opt: &str, driver: Option<&str>) -> Result<()> {
    let Some((key, value)) = opt.split_once('=') else {
        bail!("invalid --storage-opt {opt:?}: give KEY=VALUE, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs");
    };
    match key {
        "overlay.mount_program" | "mount_program" if value.ends_with("fuse-overlayfs") => {
            if driver.is_some_and(|d| d == "vfs") {
                bail!("--storage-opt {key} is for the overlay driver, not vfs: drop one of them");
            }
            set_env(crate::store::rootfs::driver::DRIVER_ENV, "fuse-overlayfs");
        }
        "overlay.mount_program" | "mount_program" => bail!("--storage-opt {key}={value}: pontoon knows only fuse-overlayfs as a mount program"),
        _ => debug(&format!("--storage-opt {key} changes nothing in pontoon's store")),
    }
    Ok(())
}

fn set_env(key: &str, value: &str) {
    // Commands are single-threaded when their flags are applied.
    std::env::set_var(key, value);
}

/// `--noout`: standard output goes to /dev/null for the whole command.
fn silence_stdout() -> Result<()> {
    use std::os::fd::AsRawFd;
    let null = std::fs::OpenOptions::new().write(true).open("/dev/null").map_err(|e| anyhow::anyhow!("open /dev/null for --noout: {e}"))?;
    // SAFETY: dup2 onto fd 1, which this process owns; `null` stays valid for the call.
    if unsafe { libc::dup2(null.as_raw_fd(), libc::STDOUT_FILENO) } < 0 {
        bail!("--noout: redirect standard output: {}", std::io::Error::last_os_error());
    }
    Ok(())
}

/// The `--runtime` given before the command, for run and create.
pub fn default_runtime() -> Option<String> {
    RUNTIME.get().cloned().flatten()
}

fn enabled(level: &str) -> bool {
    let rank = LEVELS.iter().position(|l| *l == level).unwrap_or(0);
    LEVEL.get().is_some_and(|set| rank >= *set)
}

/// A debug message on stderr, in the form Podman's logrus prints it.
pub fn debug(message: &str) {
    log("debug", message);
}

fn log(level: &str, message: &str) {
    if enabled(level) {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
        eprintln!("time={now:?} level={level} msg={message:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_opts_pick_fuse_overlayfs_or_are_explained() {
        assert!(storage_opt("overlay.mount_program", None).is_err(), "KEY=VALUE");
        assert!(storage_opt("overlay.mount_program=/usr/bin/other", None).is_err());
        assert!(storage_opt("overlay.mount_program=/usr/bin/fuse-overlayfs", Some("vfs")).is_err());
        assert!(storage_opt("overlay.mountopt=nodev", None).is_ok());
    }
}
