//! Where pontoon keeps its state: XDG directories when rootless,
//! /var/lib/pontoon and /run/pontoon as root, overridden by `--root` and
//! `--runroot` (or PONTOON_ROOT / PONTOON_RUNROOT) for hermetic tests.

use std::path::PathBuf;

use nix::unistd::Uid;

#[derive(Clone, Debug)]
pub struct StorePaths {
    /// Images, layers, containers and volumes.
    pub root: PathBuf,
    /// Pids, sockets, locks: things that must not survive a reboot.
    pub runroot: PathBuf,
    /// Per-user or system configuration (`registries.conf` and friends).
    pub config_dir: PathBuf,
    /// True when the caller is not root and storage lives in a user namespace.
    pub rootless: bool,
}

impl StorePaths {
    /// Resolves the paths for the calling user: explicit overrides first,
    /// then storage.conf's graphroot and runroot, then pontoon's defaults.
    /// storage.conf's driver becomes the driver unless one was chosen.
    pub fn resolve(root: Option<PathBuf>, runroot: Option<PathBuf>) -> anyhow::Result<StorePaths> {
        let rootless = !Uid::effective().is_root() || std::env::var_os(crate::runtime::userns::IN_USERNS_ENV).is_some();
        let conf = super::storage_conf::StorageConf::load(rootless)?;
        if let Some(driver) = conf.driver_name()? {
            if std::env::var_os(crate::store::rootfs::driver::DRIVER_ENV).is_none_or(|v| v.is_empty()) {
                // Single-threaded at startup; monitors and workers inherit it.
                std::env::set_var(crate::store::rootfs::driver::DRIVER_ENV, driver);
            }
        }
        let root = root.or_else(|| conf.graphroot.as_deref().map(super::storage_conf::own_dir));
        let runroot = runroot.or_else(|| conf.runroot.as_deref().map(super::storage_conf::own_dir));
        Ok(StorePaths::resolve_defaults(root, runroot))
    }

    /// The paths without storage.conf: the overrides, else pontoon's defaults.
    pub fn resolve_defaults(root: Option<PathBuf>, runroot: Option<PathBuf>) -> StorePaths {
        let rootless = !Uid::effective().is_root() || std::env::var_os(crate::runtime::userns::IN_USERNS_ENV).is_some();
        let env_dir = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from);
        let home = env_dir("HOME").unwrap_or_else(|| PathBuf::from("/"));
        let uid = crate::runtime::userns::caller_uid();
        let default_root = if rootless {
            env_dir("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local/share")).join("pontoon")
        } else {
            PathBuf::from("/var/lib/pontoon")
        };
        let default_runroot = if rootless {
            match env_dir("XDG_RUNTIME_DIR") {
                Some(dir) => dir.join("pontoon"),
                None => PathBuf::from(format!("/tmp/pontoon-{uid}")),
            }
        } else {
            PathBuf::from("/run/pontoon")
        };
        let config_dir = if rootless {
            env_dir("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config")).join("pontoon")
        } else {
            PathBuf::from("/etc/pontoon")
        };
        StorePaths {
            root: absolute(root.unwrap_or(default_root)),
            runroot: absolute(runroot.unwrap_or(default_runroot)),
            config_dir,
            rootless,
        }
    }
}

fn absolute(p: PathBuf) -> PathBuf {
    if p.is_absolute() {
        return p;
    }
    std::env::current_dir().map(|cwd| cwd.join(&p)).unwrap_or(p)
}
