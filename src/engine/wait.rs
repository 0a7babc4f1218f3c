//! `wait`: until a container exits (the default, Docker's), or until it is
//! in one of the states Podman's `--condition` names, looked at every
//! `--interval`.

use std::time::Duration;

use anyhow::{bail, Result};

use crate::errors::PontoonError;
use crate::spec::health::HealthStatus;
use crate::store::containers::{Container, Status};
use crate::store::Store;

use super::lifecycle;

/// A state `--condition` can wait for (Podman's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Created,
    Running,
    Paused,
    Stopping,
    Healthy,
    Unhealthy,
}

/// What `wait` waits for: the exit (`stopped`/`exited`, printing the exit
/// code), or any of these states (printing -1, as Podman does).
#[derive(Debug, PartialEq, Eq)]
pub enum Condition {
    Exit,
    Any(Vec<StateName>),
}

/// One `--condition` state, kept as given for matching.
#[derive(Debug, PartialEq, Eq)]
pub struct StateName(State);

impl Condition {
    /// Podman's `--condition` values (each may be given more than once); none: the exit.
    pub fn parse(given: &[String]) -> Result<Condition> {
        let mut states = Vec::new();
        for name in given {
            let state = match name.as_str() {
                // With several conditions the exit is what the others wait for too.
                "stopped" | "exited" => return Ok(Condition::Exit),
                "created" | "configured" => State::Created,
                "running" => State::Running,
                "paused" => State::Paused,
                "stopping" => State::Stopping,
                "healthy" => State::Healthy,
                "unhealthy" => State::Unhealthy,
                other => bail!(
                    "wait --condition {other:?}: pontoon's containers are created, running, paused, stopping or exited (stopped), healthy or unhealthy"
                ),
            };
            states.push(StateName(state));
        }
        Ok(if states.is_empty() { Condition::Exit } else { Condition::Any(states) })
    }

    fn met(&self, c: &Container) -> bool {
        match self {
            Condition::Exit => !lifecycle::is_running(c) && c.state.status != Status::Created,
            Condition::Any(states) => states.iter().any(|StateName(s)| match s {
                State::Created => c.state.status == Status::Created,
                State::Running => c.state.status == Status::Running,
                State::Paused => c.state.status == Status::Paused,
                State::Stopping => c.state.status == Status::Stopping,
                State::Healthy => health(c) == Some(HealthStatus::Healthy),
                State::Unhealthy => health(c) == Some(HealthStatus::Unhealthy),
            }),
        }
    }

    /// What `wait` prints once the condition is met.
    fn code(&self, c: &Container) -> i32 {
        match self {
            Condition::Exit => c.state.exit_code.unwrap_or(0),
            Condition::Any(_) => -1,
        }
    }
}

fn health(c: &Container) -> Option<HealthStatus> {
    c.state.health.as_ref().map(|h| h.status)
}

/// Waits for one container; the exit waits on its monitor, other states
/// are looked at every `interval`.
pub fn wait(store: &Store, c: &Container, condition: &Condition, interval: Duration) -> Result<i32> {
    if *condition == Condition::Exit {
        return lifecycle::wait(store, c);
    }
    loop {
        let now = lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?;
        if condition.met(&now) {
            return Ok(condition.code(&now));
        }
        std::thread::sleep(interval);
    }
}

/// `--exit-first-match`: what `wait` prints for the first of the
/// containers to meet the condition (with `ignore`, names that match no
/// container are left out).
pub fn first_match(store: &Store, names: &[String], condition: &Condition, interval: Duration, ignore: bool) -> Result<i32> {
    let mut ids = Vec::new();
    for name in names {
        match store.containers.find(name) {
            Ok(c) => ids.push(c.record.id),
            Err(e) if ignore && matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_))) => {}
            Err(e) => return Err(e),
        }
    }
    if ids.is_empty() {
        return Ok(-1);
    }
    loop {
        for id in &ids {
            let now = lifecycle::reconcile(store, &store.containers.load(id)?)?;
            if condition.met(&now) {
                return Ok(condition.code(&now));
            }
        }
        std::thread::sleep(interval);
    }
}

/// Podman's `--interval`: a Go duration (`250ms`, `1s`), or a bare number
/// of milliseconds.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    if let Ok(ms) = text.parse::<u64>() {
        return Ok(Duration::from_millis(ms));
    }
    match crate::spec::health::go_duration(text) {
        Some(d) if !d.is_zero() => Ok(d),
        _ => Err(format!("{text:?} is not an interval: give e.g. 250ms, 1s or a number of milliseconds")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_parse_by_podman_s_names() {
        assert_eq!(Condition::parse(&[]).unwrap(), Condition::Exit);
        assert_eq!(Condition::parse(&["running".into(), "stopped".into()]).unwrap(), Condition::Exit);
        assert_eq!(Condition::parse(&["running".into()]).unwrap(), Condition::Any(vec![StateName(State::Running)]));
        assert!(Condition::parse(&["removing".into()]).is_err());
    }

    #[test]
    fn intervals_are_go_durations_or_milliseconds() {
        assert_eq!(parse_interval("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_interval("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_interval("100"), Ok(Duration::from_millis(100)));
        assert!(parse_interval("soon").is_err());
    }
}
