//! What `pontoon info` reports: the host, the store and its driver, the
//! registries configuration.

use anyhow::Result;

use crate::image::registries::RegistriesConf;
use crate::store::paths::StorePaths;
use crate::store::Store;

pub struct SystemInfo {
    pub kernel: String,
    pub rootless: bool,
    /// "v2" when the unified hierarchy is mounted, else "v1".
    pub cgroup_version: &'static str,
    pub cgroup_manager: &'static str,
    pub device_protection: String,
    /// What carries the default network: "bridge" as root, else "pasta"
    /// or "slirp4netns" (or why neither can).
    pub default_network: String,
    /// The firewall NAT rules go through: nftables, iptables or none.
    pub firewall: &'static str,
    pub graph_driver_name: &'static str,
    pub graph_driver_reason: String,
    pub image_count: usize,
    /// Registries tried for short names.
    pub search: Vec<String>,
    /// The registries.conf files read.
    pub conf_files: Vec<String>,
}

/// Gathers the info; `config` is where registries.conf is looked up.
pub fn info(store: &Store, config: &StorePaths) -> Result<SystemInfo> {
    let images = store.images.list()?;
    let driver = crate::store::rootfs::describe_driver(&store.paths);
    let registries = RegistriesConf::load(config).ok();
    let search: Vec<String> = registries.as_ref().map(|r| r.unqualified_search_registries.clone()).unwrap_or_default();
    let conf_files: Vec<String> =
        registries.as_ref().map(|r| r.sources.iter().map(|p| p.display().to_string()).collect()).unwrap_or_default();
    let cgroups = crate::runtime::cgroups::detect();
    Ok(SystemInfo {
        kernel: nix::sys::utsname::uname().map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default(),
        rootless: store.paths.rootless,
        cgroup_version: if std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() { "v2" } else { "v1" },
        cgroup_manager: cgroups.name(),
        device_protection: cgroups.device_protection(),
        default_network: match store.paths.rootless {
            false => "bridge (pontoon0, NAT)".into(),
            true => match crate::network::usermode::default_carrier() {
                Ok(c) => c.name().into(),
                Err(e) => crate::errors::one_line(&e),
            },
        },
        firewall: crate::network::nat::firewall_backend(),
        graph_driver_name: driver.name,
        graph_driver_reason: driver.reason,
        image_count: images.len(),
        search,
        conf_files,
    })
}
