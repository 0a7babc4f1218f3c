//! The healthcheck's timer in the monitor's own event loop: no daemon, no
//! systemd timer. When a check is due, the monitor starts one
//! `pontoon healthcheck run ID` (which runs the check in the container,
//! records it and exits); between runs no process exists for it. The
//! monitor also applies `--health-on-failure` when that run tells it the
//! container turned unhealthy: kill, stop, or restart through the
//! restart loop (`run_until_done`). It also keeps `--timeout`: that
//! many seconds after a start it stops the container as `stop` would.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;
use nix::unistd::Pid;

use crate::spec::health::HealthConfig;
use crate::store::containers::{ContainerRecord, Status};
use crate::store::Store;

/// How long past its own timeout a `healthcheck run` may take (starting
/// pontoon, recording) before the monitor kills it.
const PROBE_GRACE: Duration = Duration::from_secs(10);
/// Docker's grace period before SIGKILL when stopping (as engine::lifecycle's).
const DEFAULT_STOP_TIMEOUT: u32 = 10;

pub struct HealthTimer<'a> {
    store: &'a Store,
    record: &'a ContainerRecord,
    /// The check the timer runs; None: no timer (no check, or
    /// `--health-interval disable`).
    config: Option<HealthConfig>,
    /// When the current run of the container started.
    started: Instant,
    next: Option<Instant>,
    /// The running `healthcheck run`, and when it is killed.
    probe: Option<(Child, Instant)>,
    /// A stop or restart asked for: SIGKILL at this time if still running.
    kill_at: Option<Instant>,
    restart_requested: bool,
    /// `--timeout`, and when the current run reaches it.
    timeout: Option<Duration>,
    deadline: Option<Instant>,
    timed_out: bool,
}

/// The exit code of a container that `--timeout` stopped, as Podman
/// reports it (`inspect` ExitCode -1; `run` exits 255).
pub const TIMED_OUT_CODE: i32 = -1;

impl<'a> HealthTimer<'a> {
    pub fn new(store: &'a Store, record: &'a ContainerRecord) -> HealthTimer<'a> {
        let config = record.spec.health.scheduled().cloned();
        let timeout = record.spec.tuning.timeout.map(|t| Duration::from_secs(u64::from(t)));
        HealthTimer {
            store,
            record,
            config,
            started: Instant::now(),
            next: None,
            probe: None,
            kill_at: None,
            restart_requested: false,
            timeout,
            deadline: None,
            timed_out: false,
        }
    }

    /// The container's process runs: the first check is one interval
    /// away (the start interval within the start period), as in Docker.
    pub fn on_start(&mut self) {
        self.started = Instant::now();
        self.kill_at = None;
        self.restart_requested = false;
        self.timed_out = false;
        self.deadline = self.timeout.map(|t| self.started + t);
        self.next = self.config.as_ref().map(|c| self.started + crate::spec::health::HealthState::default().next_delay(Duration::ZERO, c));
    }

    /// How long the event loop may sleep before [`tick`](Self::tick) has work.
    pub fn poll_timeout(&self) -> Option<Duration> {
        let now = Instant::now();
        let probe_due = self.probe.as_ref().map(|(_, kill)| *kill);
        // While a probe runs its exit wakes the loop (SIGCHLD): only its
        // kill time counts, not the next check.
        let check_due = if self.probe.is_some() { None } else { self.next };
        [probe_due, check_due, self.kill_at, self.deadline].into_iter().flatten().min().map(|t| t.saturating_duration_since(now))
    }

    /// Does what is due: reaps a finished probe, kills an overdue one,
    /// starts a check, escalates a stop to SIGKILL.
    pub fn tick(&mut self, pid: Pid) {
        let now = Instant::now();
        if self.deadline.is_some_and(|t| now >= t) {
            self.deadline = None;
            self.timed_out = true;
            self.stop(pid);
        }
        if let Some(at) = self.kill_at {
            if now >= at {
                self.kill_at = None;
                let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            }
        }
        if let Some((child, kill)) = &mut self.probe {
            match child.try_wait() {
                Ok(Some(_)) | Err(_) => {
                    self.probe = None;
                    self.schedule_after_run();
                }
                Ok(None) if now >= *kill => {
                    let _ = child.kill();
                    let _ = child.wait();
                    self.probe = None;
                    self.schedule_after_run();
                }
                Ok(None) => {}
            }
        }
        if self.probe.is_none() && self.next.is_some_and(|t| now >= t) {
            self.next = None;
            self.start_probe();
            if self.probe.is_none() {
                self.schedule_after_run();
            }
        }
    }

    fn start_probe(&mut self) {
        let Some(config) = &self.config else { return };
        // A paused (or stopping) container is not checked, as in Docker.
        let running = self.store.containers.load(&self.record.id).is_ok_and(|c| c.state.status == Status::Running);
        if !running {
            return;
        }
        let mut cmd = crate::engine::monitor_exe::engine_command();
        cmd.args(crate::monitor::health::probe_args(self.store, &self.record.id));
        // Its errors go to the monitor's log (our stderr).
        cmd.stdin(Stdio::null()).stdout(Stdio::null());
        match cmd.spawn() {
            Ok(child) => self.probe = Some((child, Instant::now() + config.timeout() + PROBE_GRACE)),
            Err(e) => eprintln!("start the healthcheck of {}: {e}", self.record.name),
        }
    }

    /// The next check, one interval after this one ended (Docker's timer
    /// restarts after each probe).
    fn schedule_after_run(&mut self) {
        let Some(config) = &self.config else { return };
        let health = self.store.containers.load(&self.record.id).ok().and_then(|c| c.state.health).unwrap_or_default();
        self.next = Some(Instant::now() + health.next_delay(self.started.elapsed(), config));
    }

    /// A `healthcheck run` says the container turned unhealthy.
    pub fn on_action(&mut self, action: u8, pid: Pid) {
        use crate::monitor::protocol::{HEALTH_KILL, HEALTH_RESTART, HEALTH_STOP};
        match action {
            HEALTH_KILL => {
                let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            }
            HEALTH_STOP | HEALTH_RESTART => {
                if action == HEALTH_STOP {
                    // As `pontoon stop`: the restart policy leaves it stopped.
                    let _ = self.store.containers.update_state(&self.record.id, |st| {
                        st.stopped_by_user = true;
                        Ok(())
                    });
                } else {
                    self.restart_requested = true;
                }
                self.stop(pid);
            }
            _ => {}
        }
    }

    /// As `stop`: the stop signal, then SIGKILL after the stop timeout.
    fn stop(&mut self, pid: Pid) {
        let spec = &self.record.spec;
        let signal = spec.stop_signal.as_deref().and_then(|s| crate::spec::signal::parse_signal(s).ok()).unwrap_or(Signal::SIGTERM);
        let _ = nix::sys::signal::kill(pid, signal);
        let grace = spec.stop_timeout.unwrap_or(DEFAULT_STOP_TIMEOUT);
        self.kill_at = Some(Instant::now() + Duration::from_secs(u64::from(grace)));
    }

    /// The exit code to record: the process's, or `TIMED_OUT_CODE` when
    /// `--timeout` ended it.
    pub fn exit_code(&mut self, code: i32) -> i32 {
        if std::mem::take(&mut self.timed_out) { TIMED_OUT_CODE } else { code }
    }

    /// The container's process exited: no more checks for this run, and
    /// none left running.
    pub fn on_exit(&mut self) {
        self.next = None;
        self.deadline = None;
        self.kill_at = None;
        if let Some((mut child, _)) = self.probe.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Whether `--health-on-failure restart` asked for this exit.
    pub fn take_restart(&mut self) -> bool {
        std::mem::take(&mut self.restart_requested)
    }
}
