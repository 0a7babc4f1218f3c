//! One run of a container's healthcheck (`pontoon healthcheck run`, which
//! the monitor also starts on its timer, see `health_timer`): the check's
//! command runs inside the container as `pontoon exec` runs a process
//! (the container's own process settings, its namespaces joined with
//! setns), its output is kept as Docker keeps it, the timeout kills it,
//! and the result goes into the container's state under Docker's rules.
//! When the result turns the container unhealthy, the monitor is told to
//! apply `--health-on-failure`.

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chrono::Utc;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::unistd::Pid;
use oci_spec::runtime::Spec;

use crate::errors::PontoonError;
use crate::runtime::builtin::exec::{spawn, ExecStdio, SpawnOptions};
use crate::spec::health::{go_duration_text, truncate_output, HealthResult, HealthStatus, OnFailure};
use crate::store::containers::{Container, Status};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// What one run gave: the container's health after it, and the result.
pub struct CheckOutcome {
    pub status: HealthStatus,
    pub failing_streak: u32,
    pub result: HealthResult,
}

/// Runs the healthcheck of the running container `name` once, now, and
/// records it as a scheduled run would. Runs pontoon code inside the
/// container between fork and exec: the caller must run from a sealed
/// copy of the binary (`runtime::sealed::reexec_sealed`) and be
/// single-threaded.
pub fn run_check(store: &Store, name: &str) -> Result<CheckOutcome> {
    let c = store.containers.find(name)?;
    let Some(config) = c.record.spec.health.check().cloned() else {
        bail!("container {} has no defined healthcheck: give it one with `pontoon run --health-cmd CMD` or a HEALTHCHECK in its image", c.record.name);
    };
    let pid = running_init(&c)?;
    let paths = ContainerPaths::new(store, &c.record.id);
    let spec = Spec::load(&paths.config).with_context(|| format!("read the bundle {}", paths.config.display()))?;
    let mut process = spec.process().clone().context("the container's bundle has no process")?;
    process.set_args(Some(config.argv()));
    process.set_terminal(Some(false));
    let seccomp = match spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(section) => crate::runtime::seccomp::compile(section)?,
        None => Vec::new(),
    };
    let start = Utc::now();
    let (exit_code, output) = execute(pid, &process, &seccomp, config.timeout())?;
    let result = HealthResult { start, end: Utc::now(), exit_code, output };
    let started_at = c.state.started_at;
    let recorded = store.containers.update_state(&c.record.id, |st| {
        // A check that outlived its container's run (stopped, restarted
        // meanwhile) says nothing about the run that follows.
        if st.status != Status::Running || st.started_at != started_at {
            return Ok(None);
        }
        let health = st.health.get_or_insert_with(Default::default);
        let turned = health.record(result.clone(), st.started_at, &config);
        Ok(Some((health.status, health.failing_streak, turned)))
    })?;
    let Some((status, failing_streak, turned_unhealthy)) = recorded else {
        return Err(not_running(&c.record.name));
    };
    let action = c.record.spec.health.on_failure;
    if turned_unhealthy && action != OnFailure::None {
        tell_monitor(&paths, action).with_context(|| format!("ask the monitor of {} to {} it (--health-on-failure)", c.record.name, action.as_str()))?;
    }
    Ok(CheckOutcome { status, failing_streak, result })
}

/// The container's init, when it runs (and is the process recorded).
fn running_init(c: &Container) -> Result<Pid> {
    let alive = matches!(c.state.status, Status::Running)
        && c.state.monitor_pid.is_some()
        && c.state.pid.is_some_and(|p| crate::runtime::pids::Process::find(p, c.state.pid_start_time).is_some());
    match c.state.pid {
        Some(pid) if alive => Ok(Pid::from_raw(pid)),
        _ => Err(not_running(&c.record.name)),
    }
}

fn not_running(name: &str) -> anyhow::Error {
    let message = format!("container {name} is not running: start it with `pontoon start {name}` first");
    PontoonError::ContainerNotRunning { name: name.into(), message }.into()
}

/// Runs the check in the container; returns its exit code and output, or
/// -1 and Docker's message when it could not start or ran out of time.
fn execute(init: Pid, process: &oci_spec::runtime::Process, seccomp: &crate::runtime::seccomp::Programs, timeout: Duration) -> Result<(i32, String)> {
    let null = File::options().read(true).open("/dev/null").context("open /dev/null")?;
    let (out_r, out_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create the healthcheck's output pipe")?;
    let stdio = ExecStdio::Fds { stdin: null.as_raw_fd(), stdout: out_w.as_raw_fd(), stderr: out_w.as_raw_fd() };
    let spawned = match spawn(init, process, seccomp, &stdio, SpawnOptions::default()) {
        Ok(s) => s,
        // Docker records a check that could not start as -1 with the error.
        Err(e) => return Ok((-1, crate::errors::one_line(&e))),
    };
    drop(out_w);
    drop(null);
    let deadline = Instant::now() + timeout;
    let waiter = crate::runtime::pids::Process::find(spawned.waiter.as_raw(), None).context("watch the healthcheck's process")?;
    let (output, finished) = collect(&out_r, &waiter, deadline)?;
    if !finished {
        // Its whole tree, so that nothing of a hanging check stays behind.
        for pid in descendants(spawned.waiter.as_raw()) {
            let _ = nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
        let _ = spawned.wait();
        return Ok((-1, format!("Health check exceeded timeout ({})", go_duration_text(timeout))));
    }
    Ok((spawned.wait()?, truncate_output(&output)))
}

/// Reads the check's output until it exits (and its output is drained) or
/// the deadline passes; returns the output and whether it exited.
fn collect(out: &OwnedFd, waiter: &crate::runtime::pids::Process, deadline: Instant) -> Result<(Vec<u8>, bool)> {
    let mut output = Vec::new();
    let mut buf = [0u8; 4096];
    let mut open = true;
    let mut exited = false;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok((output, false));
        }
        // Once it exited, only what is already in the pipe is its: a
        // background child holding the pipe must not make it time out.
        let wait = if exited { PollTimeout::ZERO } else { PollTimeout::try_from(left.as_millis().min(60_000) as i32).unwrap_or(PollTimeout::MAX) };
        // SAFETY: the pidfd lives as long as `waiter`, which outlives this call.
        let pidfd = unsafe { std::os::fd::BorrowedFd::borrow_raw(waiter.as_raw_fd()) };
        let mut fds = vec![PollFd::new(pidfd, PollFlags::POLLIN)];
        if open {
            fds.push(PollFd::new(out.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, wait) {
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("wait for the healthcheck"),
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        drop(fds);
        if ready[0] && !exited {
            exited = true;
            let _ = nix::fcntl::fcntl(out.as_raw_fd(), nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK));
        }
        if open && (ready.get(1).copied().unwrap_or(false) || exited) {
            match nix::unistd::read(out.as_raw_fd(), &mut buf) {
                Ok(0) => open = false,
                Ok(n) => {
                    // Docker keeps 4096 bytes; one more says it was cut.
                    if output.len() <= crate::spec::health::MAX_OUTPUT_LEN {
                        output.extend_from_slice(&buf[..n]);
                    }
                }
                Err(nix::errno::Errno::EAGAIN) => open = false,
                Err(nix::errno::Errno::EINTR) => {}
                Err(_) => open = false,
            }
        }
        if exited && !open {
            return Ok((output, true));
        }
    }
}

/// Every process below `root` (not `root` itself), from one scan of /proc.
fn descendants(root: i32) -> Vec<i32> {
    let mut parents: Vec<(i32, i32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
            // The command name may hold spaces and parentheses: the ppid
            // is the second field after the last ')'.
            let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)).and_then(|p| p.parse::<i32>().ok());
            if let Some(ppid) = ppid {
                parents.push((pid, ppid));
            }
        }
    }
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parents.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    found.remove(0);
    found
}

/// Asks the container's monitor to apply `--health-on-failure`.
fn tell_monitor(paths: &ContainerPaths, action: OnFailure) -> Result<()> {
    let mut stream = super::connect(&paths.socket()).context("connect to the container's monitor")?;
    let byte = match action {
        OnFailure::None => return Ok(()),
        OnFailure::Kill => super::protocol::HEALTH_KILL,
        OnFailure::Restart => super::protocol::HEALTH_RESTART,
        OnFailure::Stop => super::protocol::HEALTH_STOP,
    };
    stream.write_all(&super::protocol::encode(super::protocol::HEALTH_ACTION, &[byte])).context("send the action")
}

/// The argv of the `healthcheck run` the monitor starts for `id`.
pub fn probe_args(store: &Store, id: &str) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec!["--root".into(), store.paths.root.clone().into(), "--runroot".into(), store.paths.runroot.clone().into()];
    args.extend(["healthcheck".into(), "run".into(), id.into()]);
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descendants_are_found_through_proc() {
        let mut child = std::process::Command::new("sh").args(["-c", "sleep 30 & wait"]).spawn().unwrap();
        let me = std::process::id() as i32;
        let start = Instant::now();
        let below = loop {
            let below = descendants(me);
            if below.len() >= 2 || start.elapsed() > Duration::from_secs(5) {
                break below;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(below.contains(&(child.id() as i32)), "the child: {below:?}");
        assert!(below.len() >= 2, "and its sleep: {below:?}");
        for p in &below {
            let _ = nix::sys::signal::kill(Pid::from_raw(*p), nix::sys::signal::Signal::SIGKILL);
        }
        let _ = child.wait();
    }
}
