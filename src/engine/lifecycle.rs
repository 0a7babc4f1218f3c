//! Stopping, killing, waiting for and removing containers. Signals go
//! through the container's monitor, which shares the container's user
//! namespace and so may signal any of its processes, rootless too.

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chrono::Utc;
use nix::sys::signal::Signal;

use crate::errors::PontoonError;
use crate::monitor::protocol;
use crate::store::containers::{Container, Status};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// Docker's default grace period before SIGKILL.
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;

pub use crate::spec::signal::parse_signal;

/// Whether the container's monitor is alive (its state may say running
/// after a crash of the monitor or of the whole machine). The pid must be
/// a monitor of this very container: a pid reused by another process
/// would otherwise keep a dead container "running".
pub fn is_running(c: &Container) -> bool {
    matches!(c.state.status, Status::Running | Status::Paused | Status::Stopping)
        && c.state.monitor_pid.is_some_and(|pid| monitor_alive(pid, &c.record.id))
}

fn monitor_alive(pid: i32, id: &str) -> bool {
    match std::fs::read(format!("/proc/{pid}/cmdline")) {
        Ok(cmdline) => cmdline.split(|b| *b == 0).any(|arg| arg == id.as_bytes()),
        // /proc hidden from us (hidepid): fall back to the pid alone.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok(),
        Err(_) => false,
    }
}

/// Docker's code for a container that was killed (128 + SIGKILL).
const EXIT_KILLED: i32 = 128 + libc::SIGKILL;

/// Marks a container whose monitor died as exited, so it can be used again,
/// after killing whatever of it is still alive: a container never outlives
/// the record of it. Fails (and leaves the state alone) when a process of
/// the container survives.
pub fn reconcile(store: &Store, c: &Container) -> Result<Container> {
    if monitor_died(c) {
        let killed = kill_leftovers(c)?;
        crate::network::setup::after_dead_monitor(store, c);
        let reason = match (c.state.monitor_pid, killed) {
            (Some(m), true) => format!("the container's monitor (pid {m}) died; pontoon killed the processes it left"),
            (Some(m), false) => format!("the container's monitor (pid {m}) died"),
            (None, _) => "the container's monitor died".to_string(),
        };
        let exited = |st: &mut crate::store::containers::ContainerState| {
            st.status = Status::Exited;
            st.pid = None;
            st.pid_start_time = None;
            st.monitor_pid = None;
            st.endpoints.clear();
            st.finished_at.get_or_insert_with(Utc::now);
            if st.exit_code.is_none() {
                st.exit_code = Some(EXIT_KILLED);
                st.error = Some(reason.clone());
            }
        };
        // On a full disk the state stays stale (reconciled again next
        // time): rm, stop and prune must go on.
        crate::engine::events::emit(store, crate::engine::events::Event::died(&c.record, c.state.exit_code.unwrap_or(EXIT_KILLED)));
        if store.containers.update_state_best_effort(&c.record.id, |st| {
            exited(st);
            Ok(())
        })? {
            return store.containers.load(&c.record.id);
        }
        let mut fixed = c.clone();
        exited(&mut fixed.state);
        return Ok(fixed);
    }
    Ok(c.clone())
}

/// Kills what a dead monitor left of the container: its init (whose death
/// ends its pid namespace, and so every process in it) and anything left
/// in its cgroup, which is then removed. Returns whether anything was
/// still alive; fails when something survives.
fn kill_leftovers(c: &Container) -> Result<bool> {
    let mut found = false;
    // Only a pid recorded with its start time is trusted: the pid may have
    // been reused since.
    if let (Some(pid), Some(start)) = (c.state.pid, c.state.pid_start_time) {
        if let Some(init) = crate::runtime::pids::Process::find(pid, Some(start)) {
            found = true;
            init.signal(libc::SIGKILL).with_context(|| {
                format!("kill process {pid} of container {}, whose monitor died (as the user who ran it: kill -9 {pid})", c.record.name)
            })?;
            if !init.wait_gone(Duration::from_secs(10)) {
                bail!("process {pid} of container {} is still alive 10 s after SIGKILL", c.record.name);
            }
        }
    }
    if let Some(group) = crate::runtime::cgroups::detect().open(&c.record.id) {
        found |= !group.procs().is_empty();
        if !group.kill_all() {
            bail!("the processes of container {} in its cgroup survive SIGKILL", c.record.name);
        }
        group.remove();
    }
    Ok(found)
}

/// Whether the state says the container runs while its monitor is gone.
fn monitor_died(c: &Container) -> bool {
    matches!(c.state.status, Status::Running | Status::Paused | Status::Stopping) && !is_running(c)
}

/// The containers as they really are: any whose monitor died is
/// reconciled (what it left killed, `Exited (137)` recorded). For listings.
pub fn reconciled(store: &Store, containers: Vec<Container>) -> Vec<Container> {
    containers.into_iter().map(|c| reconciled_one(store, c)).collect()
}

/// `c`, reconciled if its monitor died; a failure is reported and leaves it as it was.
fn reconciled_one(store: &Store, c: Container) -> Container {
    if monitor_died(&c) {
        match reconcile(store, &c) {
            Ok(fixed) => return fixed,
            Err(e) => eprintln!("Error: {}", crate::errors::one_line(&e)),
        }
    }
    c
}

/// A container as a listing read it (store::container_listing, part of
/// its spec only), reconciled if its monitor died: that one is loaded in
/// full first, as reconciling acts on its whole spec (networks, cgroups).
/// Any other is left as listed, without reading more.
pub fn reconcile_if_dead(store: &Store, listed: &mut Container) {
    if !monitor_died(listed) {
        return;
    }
    // Removed since it was listed: shown as listed.
    if let Ok(full) = store.containers.load(&listed.record.id) {
        *listed = reconciled_one(store, full);
    }
}

/// Reconciles the named containers (all with `all`) before a command enters
/// the rootless storage namespace: only from outside it may pontoon kill
/// what a dead monitor left (the user owns the container's user namespace,
/// not the storage one's sibling).
pub fn reconcile_named(store: &Store, names: &[String], all: bool) {
    let containers = if all {
        store.containers.list().unwrap_or_default()
    } else {
        names.iter().filter_map(|n| store.containers.find(n).ok()).collect()
    };
    for c in containers {
        // Errors are reported by the command itself when it reconciles again.
        let _ = reconcile(store, &c);
    }
}

fn connect(store: &Store, c: &Container) -> Result<UnixStream> {
    let socket = ContainerPaths::new(store, &c.record.id).socket();
    crate::monitor::connect(&socket).with_context(|| format!("reach the monitor of container {}", c.record.name))
}

fn send_signal(stream: &mut UnixStream, sig: Signal) -> Result<()> {
    send_signal_number(stream, sig as i32)
}

fn send_signal_number(stream: &mut UnixStream, sig: i32) -> Result<()> {
    stream.write_all(&protocol::encode(protocol::SIGNAL, &sig.to_be_bytes())).context("send a signal to the monitor")
}

/// Waits on an attach connection for the exit frame; None on timeout.
fn wait_exit(stream: &mut UnixStream, timeout: Option<Duration>) -> Result<Option<i32>> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if left.is_some_and(|l| l.is_zero()) {
            return Ok(None);
        }
        stream.set_read_timeout(left.map(|l| l.max(Duration::from_millis(1)))).ok();
        match protocol::read_frame(stream) {
            Ok((protocol::EXIT, data)) if data.len() == 4 => return Ok(Some(i32::from_be_bytes([data[0], data[1], data[2], data[3]]))),
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => return Ok(None),
            // The monitor closed the connection: the container is gone.
            Err(_) => return Ok(Some(-1)),
        }
    }
}

/// Stops a container: its stop signal, then SIGKILL after `timeout` seconds
/// (with Podman's warning). While it waits the container is "stopping".
pub fn stop(store: &Store, c: &Container, timeout: Option<u32>) -> Result<()> {
    stop_with(store, c, timeout, None)
}

/// [`stop`] with `signal` (`stop --signal`) instead of the container's stop signal.
pub fn stop_with(store: &Store, c: &Container, timeout: Option<u32>, signal: Option<Signal>) -> Result<()> {
    let c = reconcile(store, c)?;
    store.containers.update_state_best_effort(&c.record.id, |st| {
        st.stopped_by_user = true;
        Ok(())
    })?;
    if !is_running(&c) {
        return Ok(());
    }
    let signal = match signal {
        Some(s) => s,
        None => parse_signal(c.record.spec.stop_signal.as_deref().unwrap_or("TERM"))?,
    };
    let timeout = timeout.or(c.record.spec.stop_timeout).unwrap_or(DEFAULT_STOP_TIMEOUT);
    crate::engine::pause::thaw(store, &c)?;
    let _stopping = StoppingMark::set(store, &c.record.id)?;
    crate::engine::events::emit(store, crate::engine::events::Event::container("stop", &c.record));
    let mut stream = connect(store, &c)?;
    send_signal(&mut stream, signal)?;
    if wait_exit(&mut stream, Some(Duration::from_secs(timeout.into())))?.is_some() {
        return Ok(());
    }
    eprintln!(
        "WARN[{:04}] StopSignal {} failed to stop container {} in {timeout} seconds, resorting to SIGKILL",
        seconds_since_this_process_started(),
        signal.as_str(),
        c.record.name
    );
    send_signal(&mut stream, Signal::SIGKILL)?;
    if wait_exit(&mut stream, Some(Duration::from_secs(30)))?.is_none() {
        ensure_dead(store, &c.record.id)?;
    }
    Ok(())
}

/// The "stopping" status of a container a `stop` waits for, written with
/// this process as its stopper and taken back when the stop ends; if this
/// process is killed instead, readers see a stopper that is gone and take
/// the container for running (store::containers' `settle`).
struct StoppingMark<'a> {
    store: &'a Store,
    id: String,
    stopper: Option<crate::store::containers::Stopper>,
}

impl<'a> StoppingMark<'a> {
    fn set(store: &'a Store, id: &str) -> Result<StoppingMark<'a>> {
        // Without a start time to check it by, a stopper could not be told
        // from a process that reused its pid: no mark then.
        let stopper = crate::store::containers::Stopper::this_process();
        if let Some(me) = stopper {
            store.containers.update_state_best_effort(id, |st| {
                if st.status == Status::Running {
                    st.status = Status::Stopping;
                    st.stopper = Some(me);
                }
                Ok(())
            })?;
        }
        Ok(StoppingMark { store, id: id.to_string(), stopper })
    }
}

impl Drop for StoppingMark<'_> {
    fn drop(&mut self) {
        let Some(me) = self.stopper else { return };
        // Best effort: a stale mark is read as running anyway.
        let _ = self.store.containers.update_state_if_exists(&self.id, |st| {
            if st.stopper == Some(me) {
                st.stopper = None;
                if st.status == Status::Stopping {
                    st.status = Status::Running;
                }
            }
            Ok(())
        });
    }
}

/// For the `WARN[0010]` stamp of Podman's warnings: whole seconds since
/// this command started.
fn seconds_since_this_process_started() -> u64 {
    let started = crate::runtime::process_start_time(std::process::id() as i32);
    // SAFETY: sysconf has no preconditions.
    let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let uptime = std::fs::read_to_string("/proc/uptime").ok().and_then(|t| t.split_whitespace().next()?.parse::<f64>().ok());
    match (started, uptime) {
        (Some(started), Some(uptime)) if ticks_per_second > 0 => (uptime - started as f64 / ticks_per_second as f64).max(0.0) as u64,
        _ => 0,
    }
}

/// For a monitor that did not act on SIGKILL in time (hung, or stopped by
/// hand): kill the monitor, then what it left; fails while a process of
/// the container lives.
fn ensure_dead(store: &Store, id: &str) -> Result<()> {
    wait_for_monitor_exit(store, id);
    let c = store.containers.load(id)?;
    if is_running(&c) {
        if let Some(m) = c.state.monitor_pid {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(m), Signal::SIGKILL);
            wait_for_monitor_exit(store, id);
        }
    }
    let c = reconcile(store, &store.containers.load(id)?)?;
    if is_running(&c) {
        bail!("container {} is still running: its monitor (pid {}) does not exit", c.record.name, c.state.monitor_pid.unwrap_or(0));
    }
    Ok(())
}

/// Sends `signal` (a raw number: real-time signals have no nix name) to a
/// running container's process.
pub fn kill(store: &Store, c: &Container, signal: i32) -> Result<()> {
    let c = reconcile(store, c)?;
    if !is_running(&c) {
        let message = format!("cannot kill container {}: it is not running", c.record.name);
        return Err(PontoonError::ContainerNotRunning { name: c.record.name.clone(), message }.into());
    }
    if signal == Signal::SIGKILL as i32 || signal == Signal::SIGTERM as i32 {
        store.containers.update_state_best_effort(&c.record.id, |st| {
            st.stopped_by_user = true;
            Ok(())
        })?;
    }
    let mut stream = connect(store, &c)?;
    send_signal_number(&mut stream, signal)?;
    crate::engine::events::emit(store, crate::engine::events::Event::container("kill", &c.record).attr("signal", &signal.to_string()));
    Ok(())
}

/// Blocks until the container exits; returns its exit code.
pub fn wait(store: &Store, c: &Container) -> Result<i32> {
    let c = reconcile(store, c)?;
    if is_running(&c) {
        let mut stream = connect(store, &c)?;
        if let Some(code) = wait_exit(&mut stream, None)? {
            if code >= 0 {
                return Ok(code);
            }
        }
    }
    let c = store.containers.load(&c.record.id)?;
    Ok(c.state.exit_code.unwrap_or(0))
}

/// Waits (a bounded time) until the container's monitor has finished its
/// cleanup and exited, so the container can be started or removed again.
pub fn wait_for_monitor_exit(store: &Store, id: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        match store.containers.load(id) {
            Ok(n) if n.state.monitor_pid.is_some_and(|p| nix::sys::signal::kill(nix::unistd::Pid::from_raw(p), None).is_ok()) => {
                std::thread::sleep(Duration::from_millis(10))
            }
            _ => break,
        }
    }
}

/// Removes a container; a running one only with `force` (it is killed first).
pub fn remove(store: &Store, c: &Container, force: bool) -> Result<()> {
    let c = reconcile(store, c)?;
    if is_running(&c) {
        if !force {
            return Err(PontoonError::ContainerRunning(c.record.name.clone()).into());
        }
        store.containers.update_state_best_effort(&c.record.id, |st| {
            st.stopped_by_user = true;
            Ok(())
        })?;
        crate::engine::pause::thaw(store, &c)?;
        let mut stream = connect(store, &c)?;
        send_signal(&mut stream, Signal::SIGKILL)?;
        wait_exit(&mut stream, Some(Duration::from_secs(30)))?;
        ensure_dead(store, &c.record.id)?;
    }
    let paths = ContainerPaths::new(store, &c.record.id);
    let _ = crate::store::rootfs::unmount(&paths.merged);
    match store.containers.remove(&c.record.id) {
        Ok(()) => {}
        Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_))) => {}
        Err(e) => return Err(e),
    }
    let _ = std::fs::remove_dir_all(&paths.run_dir);
    crate::engine::events::emit(store, crate::engine::events::Event::container("remove", &c.record));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_parse_by_name_and_number() {
        assert_eq!(parse_signal("TERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("sigkill").unwrap(), Signal::SIGKILL);
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert!(parse_signal("NOPE").is_err());
    }
}
