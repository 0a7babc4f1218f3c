//! The volumes and bind mounts of a container that is not running, put in
//! place for `cp` as the container would see them: a copy to `/data/x`
//! where `/data` is a volume lands in the volume, not in the container's
//! own layer under the mount point (as Docker and Podman copy).
//!
//! A running container needs none of this: the worker joins its mount
//! namespace, where its volumes, binds and tmpfs mounts are live. A stopped
//! one has no mount namespace left, so the worker binds the bundle's bind
//! mounts over its freshly mounted rootfs, in the bundle's order and with
//! the runtime's own code (destinations resolved inside the rootfs,
//! read-only binds kept read-only), before it chroots. Kernel filesystems
//! (proc, sysfs, devpts, tmpfs, mqueue) have nothing to copy to or from
//! once the container stopped and are left out, as are binds below them.

use std::path::Path;

use anyhow::{Context, Result};
use oci_spec::runtime::{Mount, Spec};

/// Where the kernel's own filesystems are mounted in every container:
/// nothing bound below them is a file the user could copy.
const KERNEL_DIRS: [&str; 3] = ["/proc", "/sys", "/dev"];

/// The bundle's mounts a stopped container's files are seen through: its
/// bind mounts (volumes, `-v HOST:CTR`, the files pontoon generates such as
/// /etc/hosts) whose source still exists.
pub fn file_binds(spec: &Spec) -> Vec<Mount> {
    let is_bind = |m: &Mount| {
        m.typ().as_deref() == Some("bind") || m.options().as_deref().unwrap_or_default().iter().any(|o| o == "bind" || o == "rbind")
    };
    let below_kernel_dir = |m: &Mount| KERNEL_DIRS.iter().any(|d| m.destination().starts_with(d));
    let source_exists = |m: &Mount| m.source().as_deref().is_some_and(|s| std::fs::symlink_metadata(s).is_ok());
    spec.mounts().as_deref().unwrap_or_default().iter().filter(|m| is_bind(m) && !below_kernel_dir(m) && source_exists(m)).cloned().collect()
}

/// Binds [`file_binds`] of the bundle `config` over `root`, the container's
/// mounted rootfs. Called in the worker, in its private mount namespace.
pub fn bind_into(config: &Path, root: &Path) -> Result<()> {
    // A container record without its bundle (a create that died half
    // way) has no mounts to show; its files can still be copied.
    if !config.exists() {
        return Ok(());
    }
    let spec = Spec::load(config).with_context(|| format!("read the bundle {}", config.display()))?;
    for m in file_binds(&spec) {
        // Binds only: no procfs, so the PID namespace does not matter.
        crate::runtime::builtin::mounts::mount_one(&crate::runtime::builtin::kernel::Host, root, &m, None, false)
            .with_context(|| format!("mount {} for the copy", m.destination().display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::{MountBuilder, SpecBuilder};

    fn mount(dest: &str, typ: &str, source: &str, options: &[&str]) -> Mount {
        MountBuilder::default()
            .destination(dest)
            .typ(typ)
            .source(source)
            .options(options.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .build()
            .unwrap()
    }

    #[test]
    fn only_binds_of_files_with_a_source_are_kept_in_order() {
        let tmp = tempfile::tempdir().unwrap();
        let (vol, hosts) = (tmp.path().join("vol"), tmp.path().join("hosts"));
        std::fs::create_dir(&vol).unwrap();
        std::fs::write(&hosts, "").unwrap();
        let (vol, hosts, gone) = (vol.display().to_string(), hosts.display().to_string(), tmp.path().join("gone").display().to_string());
        let spec = SpecBuilder::default()
            .mounts(vec![
                mount("/proc", "proc", "proc", &["nosuid"]),
                mount("/scratch", "tmpfs", "tmpfs", &["nosuid"]),
                mount("/data", "bind", &vol, &["rbind", "rw"]),
                mount("/dev/shm", "bind", "/dev/shm", &["bind"]),
                mount("/old", "bind", &gone, &["rbind"]),
                mount("/data/sub", "none", &vol, &["rbind", "ro"]),
                mount("/etc/hosts", "bind", &hosts, &["bind"]),
            ])
            .build()
            .unwrap();
        let kept: Vec<String> = file_binds(&spec).iter().map(|m| m.destination().display().to_string()).collect();
        assert_eq!(kept, ["/data", "/data/sub", "/etc/hosts"]);
    }
}
