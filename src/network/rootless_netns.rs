//! The rootless network namespace: where a rootless user's bridges live.
//! An unprivileged user cannot make bridges in the host's namespace, so
//! containers of user networks get veth pairs to bridges in one namespace
//! of the user's own (Podman's "rootless netns" is the model), which pasta
//! connects to the outside. The rootless default network `bridge` lives
//! there too, so that a container costs a veth pair rather than a pasta
//! of its own. The first user's monitor makes it; it outlives its last
//! user by [`LINGER`], so that back-to-back `run --rm`s do not each start
//! and stop pasta, and then ends itself.
//!
//! A small holder process (a fork of the monitor, `pontoon-netns`) keeps
//! the namespace; pasta carries its traffic. Users are files
//! `<runroot>/rootless-netns/users/<container id>` holding the pid and
//! start time of the container's monitor, changed under a lock together
//! with the holder; a user whose monitor is gone (killed) is dropped the
//! next time anyone looks. The holder looks once per linger period: when
//! the users directory has been empty (its mtime is when the last user
//! left) for the linger, it stops pasta and exits, under the lock, so that
//! no container can join a namespace on its way out.
//!
//! The monitor forks the holder after it has mounted its container's root
//! filesystem in a mount namespace of its own; the holder goes back to the
//! mount namespace the monitor started in (see [`remember_mount_namespace`])
//! so that it does not keep that container's mounts alive after its monitor.

use std::fs;
use std::io::{Read, Write};
use std::net::IpAddr;
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{anyhow, Context, Result};
use nix::unistd::{fork, ForkResult, Pid};

use super::{netns, usermode};

/// The shared namespace, as one user (container) holds it.
pub struct RootlessNetns {
    pub netns: OwnedFd,
    /// The default gateway pasta gave the namespace: the host, for
    /// `host.containers.internal`.
    pub gateway: Option<IpAddr>,
    /// Unique to this namespace among every one made for the runroot (a
    /// random id chosen when it was made): its nsfs inode and interface
    /// indexes are reused by the next namespace, this is not. None for a
    /// namespace made before generations were recorded.
    pub generation: Option<String>,
}

/// How long the namespace outlives its last user. Podman keeps its
/// rootless namespace for as long as its pause process lives (until
/// `system migrate` or a reboot); a short linger keeps the common case
/// (containers run one after the other) from paying a pasta start each,
/// while an idle user has no pasta left running for long.
pub const LINGER: Duration = Duration::from_secs(30);

/// For tests only: `PONTOON_ROOTLESS_NETNS_LINGER=SECONDS` replaces
/// [`LINGER`]; `0` removes the namespace with its last user, at once.
const LINGER_ENV: &str = "PONTOON_ROOTLESS_NETNS_LINGER";

/// The holder looks at its users no more often than this.
const MIN_CHECK: Duration = Duration::from_secs(1);

fn linger() -> Duration {
    std::env::var(LINGER_ENV).ok().and_then(|s| s.trim().parse::<u64>().ok()).map_or(LINGER, Duration::from_secs)
}

/// The mount namespace this process had before it made one of its own
/// (the monitor's, for its container's root filesystem): the holder lives
/// there rather than in the monitor's private one, which its container's
/// overlay (and fuse-overlayfs daemon) would otherwise outlive.
static ORIGINAL_MOUNT_NS: std::sync::OnceLock<OwnedFd> = std::sync::OnceLock::new();

/// Records this process's mount namespace as the one a holder it forks
/// must return to; called by the monitor right before it unshares its own.
pub fn remember_mount_namespace() -> Result<()> {
    let ns = fs::File::open("/proc/self/ns/mnt").context("open this process's mount namespace (/proc/self/ns/mnt)")?;
    let _ = ORIGINAL_MOUNT_NS.set(OwnedFd::from(ns));
    Ok(())
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
        // Left over from a user namespace that `system migrate` ended: a
        // monitor of the new one could not join it.
        Some(pid) if !in_use(&dir) && !in_our_user_namespace(pid) => {
            stop(&dir);
            start(&dir)?
        }
        Some(pid) => pid,
        None => start(&dir)?,
    };
    let start = crate::runtime::process_start_time(monitor_pid).unwrap_or(0);
    fs::write(dir.join("users").join(container_id), format!("{monitor_pid} {start}\n")).context("record a user of the rootless network namespace")?;
    let ns = netns::of_process(pid)?;
    let gateway = usermode::namespace_gateway(&ns);
    Ok(RootlessNetns { netns: ns, gateway, generation: generation(&dir) })
}

/// The namespace while `container_id` uses it (to detach from its
/// bridges), without joining it.
pub fn current(runroot: &Path) -> Option<OwnedFd> {
    holder(&dir(runroot)).and_then(|pid| netns::of_process(pid).ok())
}

/// Drops `container_id`. Without users the namespace lingers (the holder
/// ends it), unless the linger is zero (tests): then it goes at once.
pub fn release(runroot: &Path, container_id: &str) {
    let dir = dir(runroot);
    let Ok(_lock) = crate::store::lock::lock_exclusive(&dir.join("lock")) else {
        return;
    };
    let _ = fs::remove_file(dir.join("users").join(container_id));
    forget_dead_users(&dir);
    if linger().is_zero() && !in_use(&dir) {
        stop(&dir);
    }
}

/// Ends the namespace and its pasta now when no container uses it
/// (`system migrate`, which also ends the user namespace it belongs to).
/// Returns whether there was one to end.
pub fn stop_unused(runroot: &Path) -> bool {
    let dir = dir(runroot);
    if !dir.exists() {
        return false;
    }
    let Ok(_lock) = crate::store::lock::lock_exclusive(&dir.join("lock")) else {
        return false;
    };
    // A fresh start tries the default network's bridge again.
    let _ = fs::remove_file(dir.join("bridge-failed"));
    forget_dead_users(&dir);
    let running = holder(&dir).is_some();
    if running && !in_use(&dir) {
        stop(&dir);
        return true;
    }
    false
}

/// The file that says the default network's bridge could not be set up
/// in the namespace (network::setup falls back to a pasta per container).
fn bridge_failure_file(runroot: &Path) -> PathBuf {
    dir(runroot).join("bridge-failed")
}

/// Remembers that setting up the default network's bridge failed, `why`.
pub fn record_bridge_failure(runroot: &Path, why: &str) -> Result<()> {
    let dir = dir(runroot);
    fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    crate::store::atomic::write_atomic(&bridge_failure_file(runroot), format!("{why}\n").as_bytes())
}

/// Whether setting up the default network's bridge failed before.
pub fn bridge_failed(runroot: &Path) -> bool {
    bridge_failure_file(runroot).exists()
}

fn in_use(dir: &Path) -> bool {
    fs::read_dir(dir.join("users")).is_ok_and(|mut d| d.next().is_some())
}

/// How long the namespace has had no user: None while it has one. The
/// users directory's mtime is when its last file went.
fn idle_for(dir: &Path) -> Option<Duration> {
    if in_use(dir) {
        return None;
    }
    let left = fs::metadata(dir.join("users")).and_then(|m| m.modified());
    // No users directory: the runroot was removed under us.
    Some(left.map_or(Duration::MAX, |t| SystemTime::now().duration_since(t).unwrap_or(Duration::ZERO)))
}

fn in_our_user_namespace(pid: i32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(theirs), Ok(ours)) = (fs::metadata(format!("/proc/{pid}/ns/user")), fs::metadata("/proc/self/ns/user")) else {
        return false;
    };
    (theirs.dev(), theirs.ino()) == (ours.dev(), ours.ino())
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

/// The generation of the recorded namespace: the third word of
/// holder.pid ("PID START GENERATION").
fn generation(dir: &Path) -> Option<String> {
    let text = fs::read_to_string(dir.join("holder.pid")).ok()?;
    text.split_whitespace().nth(2).map(str::to_string)
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

/// The holder's life once its namespace is made: it wakes once per linger
/// period and, under the lock, ends pasta and itself when nobody has used
/// the namespace for the whole linger, or when it is no longer the
/// recorded holder (stopped, replaced, or its runroot removed).
fn linger_until_unused(dir: &Path, linger: Duration) -> ! {
    let me = std::process::id() as i32;
    // Kept in case the pid file goes with a removed runroot.
    let mut pasta: Option<i32> = None;
    let mut wait = linger.max(MIN_CHECK);
    loop {
        std::thread::sleep(wait);
        pasta = usermode::recorded_pasta(dir).or(pasta);
        let lock = crate::store::lock::lock_exclusive(&dir.join("lock"));
        let idle = match (&lock, holder(dir) == Some(me)) {
            (Ok(_), true) => {
                forget_dead_users(dir);
                idle_for(dir)
            }
            _ => Some(Duration::MAX),
        };
        match idle {
            None => wait = linger.max(MIN_CHECK),
            Some(idle) if idle < linger => wait = (linger - idle).max(MIN_CHECK),
            Some(_) => {
                if let Some(pid) = pasta {
                    usermode::kill_pasta(pid);
                }
                if lock.is_ok() && holder(dir) == Some(me) {
                    let _ = fs::remove_file(dir.join("pasta.pid"));
                    let _ = fs::remove_file(dir.join("holder.pid"));
                }
                // SAFETY: leaves the forked child without the parent's
                // destructors; the lock goes with the process.
                unsafe { libc::_exit(0) };
            }
        }
    }
}

/// Forks the holder, waits for its namespace, starts pasta on it.
fn start(dir: &Path) -> Result<i32> {
    // A pasta whose holder was killed still carries the old namespace.
    usermode::stop_pasta(dir);
    let linger = linger();
    let (ready_r, ready_w) = nix::unistd::pipe().context("create a pipe")?;
    // SAFETY: the monitor is single-threaded here, so the child may run
    // ordinary code after fork; it ends in _exit.
    match unsafe { fork() }.context("fork the rootless network namespace's holder")? {
        ForkResult::Child => {
            // First, before the fd goes with the others: out of the
            // monitor's mount namespace (see ORIGINAL_MOUNT_NS).
            let left = ORIGINAL_MOUNT_NS.get().is_none_or(|ns| nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWNS).is_ok());
            crate::runtime::fds::close_all_except(&[ready_w.as_raw_fd()]);
            let _ = nix::unistd::setsid();
            let _ = nix::sys::prctl::set_name(c"pontoon-netns");
            // The monitor we are forked from is not dumpable (it changed
            // credentials), which would keep every other monitor from
            // opening our namespace through /proc.
            let _ = nix::sys::prctl::set_dumpable(true);
            let made = left
                && nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET).is_ok()
                && crate::runtime::builtin::loopback::bring_up_loopback().is_ok();
            let _ = fs::File::from(ready_w).write_all(if made { b"1" } else { b"0" });
            if !made {
                // SAFETY: leaves the forked child without the parent's destructors.
                unsafe { libc::_exit(1) };
            }
            let _ = std::env::set_current_dir("/");
            linger_until_unused(dir, linger)
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
                .and_then(|start| {
                    let generation = format!("{:016x}", rand::random::<u64>());
                    crate::store::atomic::write_atomic(&dir.join("holder.pid"), format!("{pid} {start} {generation}\n").as_bytes())
                });
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
