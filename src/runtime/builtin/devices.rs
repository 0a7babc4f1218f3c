//! A minimal /dev: the host's harmless devices bind-mounted in (mknod is
//! not allowed in a user namespace, and binds work the same as root), the
//! usual symlinks, and the pty as /dev/console. The /dev tmpfs itself is
//! nodev: only these binds (whose mounts come from the host's /dev) work.
//! The nodes of the bundle's `linux.devices` (`--device`, `--privileged`)
//! are bound the same way, from the host paths the engine names in an
//! annotation (or the same path on the host).

use std::fs;
use std::path::Path;

use std::collections::HashMap;

use nix::mount::MsFlags;
use oci_spec::runtime::Spec;

use super::DEVICE_SOURCES_ANNOTATION;

use super::init::setup;
use super::kernel::Kernel;
use super::StartError;

const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];
const LINKS: &[(&str, &str)] = &[
    ("fd", "/proc/self/fd"),
    ("stdin", "/proc/self/fd/0"),
    ("stdout", "/proc/self/fd/1"),
    ("stderr", "/proc/self/fd/2"),
    ("ptmx", "pts/ptmx"),
    ("core", "/proc/kcore"),
];

pub fn populate(k: &dyn Kernel, dev: &Path) -> Result<(), StartError> {
    for name in DEVICES {
        let target = dev.join(name);
        fs::File::create(&target).map_err(|e| setup(format!("create {}: {e}", target.display())))?;
        let host = Path::new("/dev").join(name);
        k.mount(Some(&host), &target, None, MsFlags::MS_BIND, None)
            .map_err(|e| setup(format!("bind {} into the container: {e}", host.display())))?;
    }
    for (name, to) in LINKS {
        let link = dev.join(name);
        if link.symlink_metadata().is_err() {
            k.symlink(Path::new(to), &link).map_err(|e| setup(format!("create {}: {e}", link.display())))?;
        }
    }
    Ok(())
}

/// Binds each node of the bundle's `linux.devices` from its host path.
pub fn add_requested(k: &dyn Kernel, spec: &Spec, root: &Path) -> Result<(), StartError> {
    let Some(nodes) = spec.linux().as_ref().and_then(|l| l.devices().as_ref()) else { return Ok(()) };
    let sources: HashMap<String, String> = spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(DEVICE_SOURCES_ANNOTATION))
        .and_then(|v| serde_json::from_str(v).ok())
        .unwrap_or_default();
    for node in nodes {
        let inside = node.path();
        let host = sources.get(&inside.display().to_string()).map(Path::new).unwrap_or(inside);
        let target = super::mounts::resolve_in_root(root, inside);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| setup(format!("create {}: {e}", parent.display())))?;
        }
        if target.symlink_metadata().is_err() {
            fs::File::create(&target).map_err(|e| setup(format!("create {}: {e}", target.display())))?;
        }
        k.mount(Some(host), &target, None, MsFlags::MS_BIND, None)
            .map_err(|e| setup(format!("bind the device {} as {}: {e}", host.display(), inside.display())))?;
    }
    Ok(())
}

/// Binds the container's pty slave onto /dev/console.
pub fn bind_console(k: &dyn Kernel, dev: &Path, console_fd: i32) -> Result<(), StartError> {
    let slave = k.fd_path(console_fd).map_err(|e| setup(format!("find the pty: {e}")))?;
    let console = dev.join("console");
    fs::File::create(&console).map_err(|e| setup(format!("create {}: {e}", console.display())))?;
    k.mount(Some(&slave), &console, None, MsFlags::MS_BIND, None)
        .map_err(|e| setup(format!("bind {} as /dev/console: {e}", slave.display())))
}
