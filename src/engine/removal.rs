//! Finishing container removals that a killed command left halfway: a
//! `containers/.removing-<id>` tombstone (see store::containers::remove)
//! whose remover died. `rm`, `container prune` and `system prune` call
//! this first, so leftovers never outlive the next cleanup a user runs.

use std::time::{Duration, Instant};

use anyhow::Result;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use crate::store::Store;

/// Finishes every abandoned removal; returns the container Ids finished.
pub fn finish_interrupted(store: &Store) -> Result<Vec<String>> {
    let mut finished = Vec::new();
    for tomb in store.containers.abandoned_tombstones() {
        // The remover may have died before the container did: the monitor
        // takes the container with it.
        if let Some(pid) = tomb.state.monitor_pid.filter(|pid| is_monitor_of(*pid, &tomb.id)) {
            let _ = kill(Pid::from_raw(pid), Signal::SIGKILL);
            wait_gone(pid);
        }
        let _ = crate::store::rootfs::unmount(&tomb.dir.join("merged"));
        let run_dir = store.paths.runroot.join("containers").join(&tomb.id);
        let id = tomb.id.clone();
        store.containers.finish_removal(tomb)?;
        let _ = std::fs::remove_dir_all(run_dir);
        finished.push(id);
    }
    Ok(finished)
}

/// Whether `pid` is still this container's monitor (not a reused pid).
fn is_monitor_of(pid: i32, id: &str) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|cmdline| {
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        args.contains(&&b"__monitor"[..]) && args.contains(&id.as_bytes())
    })
}

/// Waits (a bounded time) until `pid` has exited.
fn wait_gone(pid: i32) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline && std::path::Path::new(&format!("/proc/{pid}")).exists() {
        let zombie = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit_once(')').map(|(_, rest)| rest.trim_start().starts_with('Z')))
            .unwrap_or(false);
        if zombie {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The containers that use `target`'s namespaces (`--network`, `--ipc`,
/// `--pid`, `--uts container:`) or its volumes (`--volumes-from`), named
/// by its name or Id: `rm --depend` removes them first.
pub fn dependents(all: &[crate::store::containers::Container], target: &crate::store::containers::Container) -> Vec<crate::store::containers::Container> {
    let names_target = |r: &str| r == target.record.name || (r.len() >= 3 && target.record.id.starts_with(r));
    all.iter()
        .filter(|c| c.record.id != target.record.id)
        .filter(|c| {
            let spec = &c.record.spec;
            let network = matches!(&spec.network, crate::spec::network::NetworkMode::Container(x) if names_target(x));
            let namespaces = spec.namespaces.joined().iter().any(|(_, x)| names_target(x));
            let volumes = spec.volumes_from.iter().any(|v| names_target(v.split(':').next().unwrap_or_default()));
            network || namespaces || volumes
        })
        .cloned()
        .collect()
}
