//! Stopping, killing, waiting for and removing containers. Signals go
//! through the container's monitor, which shares the container's user
//! namespace and so may signal any of its processes, rootless too.

use std::io::Write;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chrono::Utc;
use nix::sys::signal::Signal;

use crate::engine::container::ContainerPaths;
use crate::errors::PontoonError;
use crate::monitor::protocol;
use crate::store::containers::{Container, Status};
use crate::store::Store;

/// Docker's default grace period before SIGKILL.
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;

/// Parses a signal given as a name (`TERM`, `SIGTERM`) or a number.
pub fn parse_signal(s: &str) -> Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow::anyhow!("invalid signal number {n}"));
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    name.parse::<Signal>().map_err(|_| anyhow::anyhow!("invalid signal {s:?}: use a name such as TERM, KILL, HUP or a number"))
}

/// Whether the container's monitor is alive (its state may say running
/// after a crash of the whole machine).
pub fn is_running(c: &Container) -> bool {
    matches!(c.state.status, Status::Running | Status::Paused | Status::Stopping)
        && c.state.monitor_pid.is_some_and(|pid| nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok())
}

/// Marks a container whose monitor died as exited, so it can be used again.
pub fn reconcile(store: &Store, c: &Container) -> Result<Container> {
    if matches!(c.state.status, Status::Running | Status::Paused | Status::Stopping) && !is_running(c) {
        let exited = |st: &mut crate::store::containers::ContainerState| {
            st.status = Status::Exited;
            st.pid = None;
            st.monitor_pid = None;
            st.finished_at.get_or_insert_with(Utc::now);
            st.exit_code.get_or_insert(crate::errors::EXIT_ENGINE);
        };
        // On a full disk the state stays stale (reconciled again next
        // time): rm, stop and prune must go on.
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

fn connect(store: &Store, c: &Container) -> Result<UnixStream> {
    let socket = ContainerPaths::new(store, &c.record.id).socket();
    crate::monitor::connect(&socket).with_context(|| format!("reach the monitor of container {}", c.record.name))
}

fn send_signal(stream: &mut UnixStream, sig: Signal) -> Result<()> {
    stream.write_all(&protocol::encode(protocol::SIGNAL, &(sig as i32).to_be_bytes())).context("send a signal to the monitor")
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

/// Stops a container: its stop signal, then SIGKILL after `timeout` seconds.
pub fn stop(store: &Store, c: &Container, timeout: Option<u32>) -> Result<()> {
    let c = reconcile(store, c)?;
    store.containers.update_state_best_effort(&c.record.id, |st| {
        st.stopped_by_user = true;
        Ok(())
    })?;
    if !is_running(&c) {
        return Ok(());
    }
    let signal = parse_signal(c.record.spec.stop_signal.as_deref().unwrap_or("TERM"))?;
    let timeout = timeout.or(c.record.spec.stop_timeout).unwrap_or(DEFAULT_STOP_TIMEOUT);
    crate::engine::pause::thaw(store, &c)?;
    let mut stream = connect(store, &c)?;
    send_signal(&mut stream, signal)?;
    if wait_exit(&mut stream, Some(Duration::from_secs(timeout.into())))?.is_some() {
        return Ok(());
    }
    send_signal(&mut stream, Signal::SIGKILL)?;
    wait_exit(&mut stream, Some(Duration::from_secs(30)))?;
    Ok(())
}

/// Sends `signal` to a running container's process.
pub fn kill(store: &Store, c: &Container, signal: Signal) -> Result<()> {
    let c = reconcile(store, c)?;
    if !is_running(&c) {
        bail!("cannot kill container {}: it is not running", c.record.name);
    }
    if signal == Signal::SIGKILL || signal == Signal::SIGTERM {
        store.containers.update_state_best_effort(&c.record.id, |st| {
            st.stopped_by_user = true;
            Ok(())
        })?;
    }
    let mut stream = connect(store, &c)?;
    send_signal(&mut stream, signal)
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
            return Err(anyhow::anyhow!(
                "cannot remove container {}: it is running; stop it first or use rm -f",
                c.record.name
            ));
        }
        store.containers.update_state_best_effort(&c.record.id, |st| {
            st.stopped_by_user = true;
            Ok(())
        })?;
        crate::engine::pause::thaw(store, &c)?;
        let mut stream = connect(store, &c)?;
        send_signal(&mut stream, Signal::SIGKILL)?;
        wait_exit(&mut stream, Some(Duration::from_secs(30)))?;
        wait_for_monitor_exit(store, &c.record.id);
    }
    let paths = ContainerPaths::new(store, &c.record.id);
    let _ = crate::store::rootfs::unmount(&paths.merged);
    match store.containers.remove(&c.record.id) {
        Ok(()) => {}
        Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_))) => {}
        Err(e) => return Err(e),
    }
    let _ = std::fs::remove_dir_all(&paths.run_dir);
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
