//! `--ipc`, `--pid`, `--uts container:NAME`: the engine wrote the other
//! container's /proc/PID/ns/* into the bundle just before this monitor
//! started; the monitor opens them at once and points the bundle at its
//! own fds, so that a restart by the policy joins the same namespaces, and
//! never whatever process reused that pid since.

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use oci_spec::runtime::{LinuxNamespaceType, Spec};

/// Opens the IPC, PID and UTS namespaces the bundle names by path and
/// rewrites `spec` (and the file, for an external runtime) to this
/// process's fds of them; the fds must stay open for the monitor's life.
pub fn hold(spec: &mut Spec, config: &Path) -> Result<Vec<OwnedFd>> {
    let mut held = Vec::new();
    let Some(namespaces) = spec.linux_mut().as_mut().and_then(|l| l.namespaces_mut().as_mut()) else { return Ok(held) };
    for ns in namespaces.iter_mut() {
        if !matches!(ns.typ(), LinuxNamespaceType::Ipc | LinuxNamespaceType::Pid | LinuxNamespaceType::Uts) {
            continue;
        }
        let Some(path) = ns.path().clone() else { continue };
        let file = std::fs::File::open(&path).with_context(|| format!("open the {:?} namespace {} the container shares", ns.typ(), path.display()))?;
        let fd = OwnedFd::from(file);
        ns.set_path(Some(PathBuf::from(format!("/proc/{}/fd/{}", std::process::id(), fd.as_raw_fd()))));
        held.push(fd);
    }
    if !held.is_empty() {
        spec.save(config).with_context(|| format!("write {}", config.display()))?;
    }
    Ok(held)
}

/// Whether the bundle joins another container's PID namespace (by path)
/// rather than having its own.
pub fn joins_pid_namespace(spec: &Spec) -> bool {
    spec.linux().as_ref().and_then(|l| l.namespaces().as_ref()).is_some_and(|n| n.iter().any(|ns| ns.typ() == LinuxNamespaceType::Pid && ns.path().is_some()))
}
