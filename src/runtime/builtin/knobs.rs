//! The process knobs of the OCI spec that the init applies to itself just
//! before the container's process settings: `process.oomScoreAdj`,
//! `linux.personality` and `process.user.umask`. Inherited across execve,
//! so the container's command starts with them.

use nix::errno::Errno;
use oci_spec::runtime::{LinuxPersonalityDomain, Spec};

use super::init::setup;
use super::StartError;

/// personality(2)'s PER_LINUX and PER_LINUX32.
const PER_LINUX: libc::c_ulong = 0;
const PER_LINUX32: libc::c_ulong = 0x0008;

pub fn apply(spec: &Spec) -> Result<(), StartError> {
    let process = spec.process().as_ref();
    if let Some(adj) = process.and_then(|p| p.oom_score_adj()) {
        set_oom_score_adj(adj)?;
    }
    if let Some(p) = spec.linux().as_ref().and_then(|l| l.personality().as_ref()) {
        let persona = match p.domain() {
            LinuxPersonalityDomain::PerLinux32 => PER_LINUX32,
            LinuxPersonalityDomain::PerLinux => PER_LINUX,
        };
        // SAFETY: personality(2) takes a plain number and touches no memory.
        if unsafe { libc::personality(persona) } < 0 {
            return Err(setup(format!("set the personality {}: {}", p.domain(), Errno::last())));
        }
    }
    if let Some(mask) = process.and_then(|p| p.user().umask()) {
        // SAFETY: umask(2) cannot fail.
        unsafe { libc::umask(mask as libc::mode_t) };
    }
    Ok(())
}

/// Lowering the score below the current one needs CAP_SYS_RESOURCE in the
/// host's user namespace, which a rootless container never has (nor root
/// in a sandbox that withholds it).
fn set_oom_score_adj(adj: i32) -> Result<(), StartError> {
    let path = "/proc/self/oom_score_adj";
    match std::fs::write(path, adj.to_string()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            let current = std::fs::read_to_string(path).unwrap_or_default();
            let current = current.trim();
            Err(setup(format!(
                "cannot set --oom-score-adj {adj}: without CAP_SYS_RESOURCE (rootless, or a host that withholds it from root) a container can only raise its OOM score adjustment, which is {current} here; give a value of at least {current}"
            )))
        }
        Err(e) => Err(setup(format!("write {adj} to {path}: {e}"))),
    }
}
