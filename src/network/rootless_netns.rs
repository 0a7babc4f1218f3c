//! The rootless network namespace: where a rootless user's bridges live.
//! An unprivileged user cannot make bridges in the host's namespace, so
//! containers of user networks get veth pairs to bridges in one namespace
//! of the user's own (Podman's "rootless netns" is the model), which pasta
//! connects to the outside. It exists while some container uses it: the
//! first one's monitor makes it, the last one's removes it.
//!
//! A small holder process (a fork of the monitor, `pontoon-netns`, which
//! only sleeps) keeps the namespace; pasta carries its traffic. Users are
//! files `<runroot>/rootless-netns/users/<container id>` holding the pid
//! and start time of the container's monitor, changed under a lock
//! together with the holder; a user whose monitor is gone (killed) is
//! dropped the next time anyone looks.

use std::fs;
use std::io::{Read, Write};
use std::net::IpAddr;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use nix::unistd::{fork, ForkResult, Pid};

use super::{netns, usermode};

/// The shared namespace, as one user (container) holds it.
pub struct RootlessNetns {
    pub netns: OwnedFd,
    /// The default gateway pasta gave the namespace: the host, for
    /// `host.containers.internal`.
    pub gateway: Option<IpAddr>,
}

fn dir(runroot: &Path) -> PathBuf {
    runroot.join("rootless-netns")
}

/// Joins `container_id`, whose monitor is `monitor_pid`, to the namespace,
/// making it (and starting pasta) when nobody uses it.
pub fn acquire(runroot: &Path, container_id: &str, monitor_pid: i32) -> Result<RootlessNetns> {
    let dir = dir(runroot);
    fs::create_dir_all(dir.join("users")).with_context(|| format!("create {}", dir.display()))?;
    let _lock = crate::store::lock::lock_exclusive(&dir.join("lock"))?;
    forget_dead_users(&dir);
    let pid = match holder(&dir) {
        Some(pid) => pid,
        None => start(&dir)?,
    };
    let start = crate::runtime::process_start_time(monitor_pid).unwrap_or(0);
    fs::write(dir.join("users").join(container_id), format!("{monitor_pid} {start}\n")).context("record a user of the rootless network namespace")?;
    let ns = netns::of_process(pid)?;
    let gateway = usermode::namespace_gateway(&ns);
    Ok(RootlessNetns { netns: ns, gateway })
}

/// The namespace while `container_id` uses it (to detach from its
/// bridges), without joining it.
pub fn current(runroot: &Path) -> Option<OwnedFd> {
    holder(&dir(runroot)).and_then(|pid| netns::of_process(pid).ok())
}

/// Drops `container_id`; the last user removes the namespace and pasta.
pub fn release(runroot: &Path, container_id: &str) {
    let dir = dir(runroot);
    let Ok(_lock) = crate::store::lock::lock_exclusive(&dir.join("lock")) else {
        return;
    };
    let _ = fs::remove_file(dir.join("users").join(container_id));
    forget_dead_users(&dir);
    let still_used = fs::read_dir(dir.join("users")).is_ok_and(|mut d| d.next().is_some());
    if !still_used {
        stop(&dir);
    }
}

fn forget_dead_users(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir.join("users")) else {
        return;
    };
    for e in entries.flatten() {
        let text = fs::read_to_string(e.path()).unwrap_or_default();
        let mut words = text.split_whitespace().map(|w| w.parse::<u64>().ok());
        let alive = match (words.next().flatten(), words.next().flatten()) {
            (Some(pid), Some(start)) => crate::runtime::process_start_time(pid as i32) == Some(start),
            _ => false,
        };
        if !alive {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The recorded holder when it is still the same process.
fn holder(dir: &Path) -> Option<i32> {
    let text = fs::read_to_string(dir.join("holder.pid")).ok()?;
    let mut words = text.split_whitespace();
    let pid: i32 = words.next()?.parse().ok()?;
    let start: u64 = words.next()?.parse().ok()?;
    (crate::runtime::process_start_time(pid) == Some(start)).then_some(pid)
}

fn stop(dir: &Path) {
    usermode::stop_pasta(dir);
    if let Some(pid) = holder(dir) {
        let _ = nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
    }
    let _ = fs::remove_file(dir.join("holder.pid"));
}

/// Forks the holder, waits for its namespace, starts pasta on it.
fn start(dir: &Path) -> Result<i32> {
    let (ready_r, ready_w) = nix::unistd::pipe().context("create a pipe")?;
    // SAFETY: the monitor is single-threaded here, so the child may run
    // ordinary code after fork; it ends in pause() or _exit.
    match unsafe { fork() }.context("fork the rootless network namespace's holder")? {
        ForkResult::Child => {
            crate::runtime::fds::close_all_except(&[ready_w.as_raw_fd()]);
            let _ = nix::unistd::setsid();
            let _ = nix::sys::prctl::set_name(c"pontoon-netns");
            // The monitor we are forked from is not dumpable (it changed
            // credentials), which would keep every other monitor from
            // opening our namespace through /proc.
            let _ = nix::sys::prctl::set_dumpable(true);
            let made = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET).is_ok()
                && crate::runtime::builtin::loopback::bring_up_loopback().is_ok();
            let _ = fs::File::from(ready_w).write_all(if made { b"1" } else { b"0" });
            if !made {
                // SAFETY: leaves the forked child without the parent's destructors.
                unsafe { libc::_exit(1) };
            }
            loop {
                // SAFETY: pause only waits for a signal.
                unsafe { libc::pause() };
            }
        }
        ForkResult::Parent { child } => {
            drop(ready_w);
            let mut byte = [0u8; 1];
            let ok = fs::File::from(ready_r).read_exact(&mut byte).is_ok() && byte[0] == b'1';
            if !ok {
                let _ = nix::sys::wait::waitpid(child, None);
                return Err(anyhow!("could not make the rootless network namespace"));
            }
            let pid = child.as_raw();
            let recorded = crate::runtime::process_start_time(pid)
                .ok_or_else(|| anyhow!("the rootless network namespace's holder died at once"))
                .and_then(|start| crate::store::atomic::write_atomic(&dir.join("holder.pid"), format!("{pid} {start}\n").as_bytes()));
            let carried = recorded.and_then(|()| {
                let ns = netns::of_process(pid)?;
                // Containers' traffic is routed through this namespace.
                netns::run_in(&ns, || fs::write("/proc/sys/net/ipv4/ip_forward", "1").context("enable forwarding in the rootless network namespace"))?;
                usermode::start_pasta(&ns, &[], dir)
            });
            if let Err(e) = carried {
                stop(dir);
                let _ = nix::sys::wait::waitpid(child, None);
                return Err(e.context("set up the rootless network namespace"));
            }
            Ok(pid)
        }
    }
}
