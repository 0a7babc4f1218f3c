//! `--ipc`, `--pid` and `--uts container:NAME`: the other container is
//! checked when this one is created, and its namespaces (by
//! /proc/PID/ns/*) are written into this one's OCI config at every start,
//! so the built-in runtime and an external one join the same ones.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxNamespaceType, Spec};

use crate::spec::container::ContainerSpec;
use crate::spec::namespaces::Kind;
use crate::store::containers::{Container, ContainerRecord, Status};
use crate::store::Store;

/// At create: every container named in `container:NAME` exists, and the
/// one whose IPC namespace is joined shares it (Docker refuses private
/// and none ones).
pub fn check_targets(store: &Store, spec: &ContainerSpec) -> Result<()> {
    for (kind, target) in spec.namespaces.joined() {
        let other = store.containers.find(target).with_context(|| format!("{} container:{target}", kind.flag()))?;
        if kind == Kind::Ipc && !other.record.spec.namespaces.ipc.is_shareable() {
            bail!(
                "cannot join the IPC namespace of container {target}: it was created with --ipc {} (only shareable ones can be joined; recreate it with --ipc shareable)",
                other.record.spec.namespaces.ipc.name()
            );
        }
    }
    Ok(())
}

/// The running container `target`'s init, or an error naming the fix.
fn running_pid(store: &Store, kind: Kind, target: &str) -> Result<(Container, i32)> {
    let other = store.containers.find(target).with_context(|| format!("{} container:{target}", kind.flag()))?;
    match (other.state.status, other.state.pid) {
        (Status::Running | Status::Paused, Some(pid)) => Ok((other, pid)),
        _ => bail!("cannot join the {} namespace of container {target}: it is not running (start it first: pontoon start {target})", kind.proc_name().to_uppercase()),
    }
}

fn oci_type(kind: Kind) -> LinuxNamespaceType {
    match kind {
        Kind::Ipc => LinuxNamespaceType::Ipc,
        Kind::Pid => LinuxNamespaceType::Pid,
        Kind::Uts => LinuxNamespaceType::Uts,
    }
}

/// At start: points the bundle's namespaces at those of the
/// containers it shares, as they run now. Nothing to do, and nothing
/// written, for a container that shares none.
pub fn point_at_targets(store: &Store, record: &ContainerRecord, config: &Path) -> Result<()> {
    let joined = record.spec.namespaces.joined();
    if joined.is_empty() {
        return Ok(());
    }
    let mut spec = Spec::load(config).with_context(|| format!("read {}", config.display()))?;
    for (kind, target) in joined {
        let (_, pid) = running_pid(store, kind, target)?;
        let path = PathBuf::from(format!("/proc/{pid}/ns/{}", kind.proc_name()));
        set_namespace_path(&mut spec, oci_type(kind), path);
    }
    spec.save(config).with_context(|| format!("write {}", config.display()))
}

fn set_namespace_path(spec: &mut Spec, typ: LinuxNamespaceType, path: PathBuf) {
    if let Some(namespaces) = spec.linux_mut().as_mut().and_then(|l| l.namespaces_mut().as_mut()) {
        for ns in namespaces.iter_mut().filter(|n| n.typ() == typ) {
            ns.set_path(Some(path.clone()));
        }
    }
}
