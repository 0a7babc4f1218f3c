//! Healthchecks: the check a container runs (the image's HEALTHCHECK, as
//! `run --health-*` flags change it), and the status its results give
//! (Docker's `.State.Health`). Parsing and the rules only, no I/O: the
//! monitor runs the check and stores what [`HealthState::record`] decides.

use std::time::Duration;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Docker's defaults for a duration or count left at 0.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_START_INTERVAL: Duration = Duration::from_secs(5);
pub const DEFAULT_RETRIES: u32 = 3;
/// Docker keeps the last 5 results and 4096 bytes of each one's output.
pub const MAX_LOG_ENTRIES: usize = 5;
pub const MAX_OUTPUT_LEN: usize = 4096;

/// A check's config as Docker writes it in image and container configs:
/// durations in nanoseconds, 0 meaning "the default" (or, in `run`'s
/// flags, "take the image's").
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct HealthConfig {
    /// `["CMD", arg...]`, `["CMD-SHELL", "command"]` or `["NONE"]`.
    #[serde(rename = "Test", default, skip_serializing_if = "Vec::is_empty")]
    pub test: Vec<String>,
    #[serde(rename = "Interval", default, skip_serializing_if = "is_zero")]
    pub interval: u64,
    #[serde(rename = "Timeout", default, skip_serializing_if = "is_zero")]
    pub timeout: u64,
    #[serde(rename = "StartPeriod", default, skip_serializing_if = "is_zero")]
    pub start_period: u64,
    #[serde(rename = "StartInterval", default, skip_serializing_if = "is_zero")]
    pub start_interval: u64,
    #[serde(rename = "Retries", default, skip_serializing_if = "is_zero_u32")]
    pub retries: u32,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_zero_u32(n: &u32) -> bool {
    *n == 0
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn or_default(ns: u64, default: Duration) -> Duration {
    if ns == 0 {
        default
    } else {
        Duration::from_nanos(ns)
    }
}

impl HealthConfig {
    /// The image config's `Healthcheck` value; None when absent or not an
    /// object of Docker's shape.
    pub fn from_image(value: Option<&serde_json::Value>) -> Option<HealthConfig> {
        value.and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Whether this config runs anything (not empty, not `NONE`).
    pub fn is_enabled(&self) -> bool {
        matches!(self.test.first().map(String::as_str), Some("CMD" | "CMD-SHELL")) && self.test.len() > 1
    }

    /// The argv the check runs in the container: CMD-SHELL through
    /// `/bin/sh -c`, as Docker on Linux.
    pub fn argv(&self) -> Vec<String> {
        match self.test.first().map(String::as_str) {
            Some("CMD") => self.test[1..].to_vec(),
            Some("CMD-SHELL") => vec!["/bin/sh".into(), "-c".into(), self.test[1..].join(" ")],
            _ => Vec::new(),
        }
    }

    pub fn interval(&self) -> Duration {
        or_default(self.interval, DEFAULT_INTERVAL)
    }

    pub fn timeout(&self) -> Duration {
        or_default(self.timeout, DEFAULT_TIMEOUT)
    }

    pub fn start_period(&self) -> Duration {
        Duration::from_nanos(self.start_period)
    }

    pub fn start_interval(&self) -> Duration {
        or_default(self.start_interval, DEFAULT_START_INTERVAL)
    }

    pub fn retries(&self) -> u32 {
        if self.retries == 0 {
            DEFAULT_RETRIES
        } else {
            self.retries
        }
    }

    /// Docker's merge of `run`'s flags over the image's check: each field
    /// the flags left unset (empty, 0) comes from the image.
    fn over(mut self, image: &HealthConfig) -> HealthConfig {
        if self.test.is_empty() {
            self.test = image.test.clone();
        }
        for (mine, theirs) in [
            (&mut self.interval, image.interval),
            (&mut self.timeout, image.timeout),
            (&mut self.start_period, image.start_period),
            (&mut self.start_interval, image.start_interval),
        ] {
            if *mine == 0 {
                *mine = theirs;
            }
        }
        if self.retries == 0 {
            self.retries = image.retries;
        }
        self
    }
}

/// `--health-on-failure` (Podman's): what the monitor does when the
/// container turns unhealthy.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    Kill,
    Restart,
    Stop,
}

impl OnFailure {
    pub fn parse(s: &str) -> Result<OnFailure> {
        Ok(match s {
            "" | "none" => OnFailure::None,
            "kill" => OnFailure::Kill,
            "restart" => OnFailure::Restart,
            "stop" => OnFailure::Stop,
            other => bail!("invalid --health-on-failure {other:?}: use none, kill, restart or stop"),
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            OnFailure::None => "none",
            OnFailure::Kill => "kill",
            OnFailure::Restart => "restart",
            OnFailure::Stop => "stop",
        }
    }
}

/// The container's healthcheck as stored in its spec. Before create it
/// holds what the flags gave; `resolve` merges the image's check in.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct HealthSpec {
    /// The check (Docker's `.Config.Healthcheck`); `["NONE"]` after
    /// `--no-healthcheck`; None when neither flags nor image give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<HealthConfig>,
    /// `--health-interval disable` (Podman's): no scheduled checks, only
    /// `pontoon healthcheck run`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub timer_disabled: bool,
    #[serde(default)]
    pub on_failure: OnFailure,
}

impl HealthSpec {
    /// The check the container runs: the flags' over the image's.
    pub fn resolve(mut self, image: Option<&HealthConfig>) -> HealthSpec {
        self.config = match (self.config.take(), image) {
            (Some(flags), Some(image)) => Some(flags.over(image)),
            (Some(flags), None) => Some(flags),
            (None, image) => image.cloned(),
        };
        self
    }

    /// The check to run, when there is one.
    pub fn check(&self) -> Option<&HealthConfig> {
        self.config.as_ref().filter(|c| c.is_enabled())
    }

    /// Whether the monitor runs the check on a timer.
    pub fn scheduled(&self) -> Option<&HealthConfig> {
        self.check().filter(|_| !self.timer_disabled)
    }
}

/// `run`/`create`'s healthcheck flags, as given.
#[derive(Clone, Debug, Default)]
pub struct HealthFlags {
    pub cmd: Option<String>,
    pub interval: Option<String>,
    pub timeout: Option<String>,
    pub retries: Option<u32>,
    pub start_period: Option<String>,
    pub start_interval: Option<String>,
    pub no_healthcheck: bool,
    pub on_failure: Option<String>,
}

impl HealthFlags {
    /// The spec these flags ask for (before the image's check is merged in).
    pub fn parse(&self) -> Result<HealthSpec> {
        let on_failure = OnFailure::parse(self.on_failure.as_deref().unwrap_or("none"))?;
        let any_check_flag = self.cmd.is_some()
            || self.interval.is_some()
            || self.timeout.is_some()
            || self.retries.is_some()
            || self.start_period.is_some()
            || self.start_interval.is_some();
        if self.no_healthcheck {
            if any_check_flag {
                bail!("--no-healthcheck conflicts with --health-* options: give one or the other");
            }
            return Ok(HealthSpec { config: Some(HealthConfig { test: vec!["NONE".into()], ..Default::default() }), timer_disabled: false, on_failure });
        }
        if !any_check_flag {
            return Ok(HealthSpec { config: None, timer_disabled: false, on_failure });
        }
        let mut config = HealthConfig { test: self.cmd.as_deref().map(parse_test).transpose()?.unwrap_or_default(), ..Default::default() };
        let mut timer_disabled = false;
        if let Some(text) = &self.interval {
            if text == "disable" {
                timer_disabled = true;
            } else {
                config.interval = flag_duration("--health-interval", text)?;
            }
        }
        if let Some(text) = &self.timeout {
            config.timeout = flag_duration("--health-timeout", text)?;
        }
        if let Some(text) = &self.start_period {
            config.start_period = flag_duration("--health-start-period", text)?;
        }
        if let Some(text) = &self.start_interval {
            config.start_interval = flag_duration("--health-start-interval", text)?;
        }
        config.retries = self.retries.unwrap_or(0);
        Ok(HealthSpec { config: Some(config), timer_disabled, on_failure })
    }
}

/// `--health-cmd`: a command line for the shell (Docker's CMD-SHELL), a
/// JSON array (Podman's: `["CMD", "curl", "-f", "x"]`, with `CMD` added
/// when missing), or `none` to disable the image's check.
fn parse_test(text: &str) -> Result<Vec<String>> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        bail!("--health-cmd is empty: give a command such as --health-cmd 'curl -f http://localhost/'");
    }
    if trimmed.eq_ignore_ascii_case("none") {
        return Ok(vec!["NONE".into()]);
    }
    if trimmed.starts_with('[') {
        let list: Vec<String> = serde_json::from_str(trimmed)
            .with_context(|| format!("--health-cmd {trimmed:?} is not a JSON list of strings: write '[\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]'"))?;
        return match list.first().map(String::as_str) {
            None => bail!("--health-cmd [] is empty: give a command"),
            Some("NONE") => Ok(vec!["NONE".into()]),
            Some("CMD" | "CMD-SHELL") if list.len() < 2 => bail!("--health-cmd {trimmed} has no command after {}", list[0]),
            Some("CMD" | "CMD-SHELL") => Ok(list),
            Some(_) => Ok(std::iter::once("CMD".to_string()).chain(list).collect()),
        };
    }
    Ok(vec!["CMD-SHELL".into(), text.to_string()])
}

/// A flag's duration in nanoseconds: Go's syntax, as Docker's CLI reads
/// it; 0 keeps the image's value (or the default), as in Docker.
fn flag_duration(flag: &str, text: &str) -> Result<u64> {
    if text.starts_with('-') {
        bail!("{flag} cannot be negative: give a duration such as 30s");
    }
    let d = go_duration(text).with_context(|| format!("{flag} {text:?} is not a duration: write it like 30s, 1m30s or 500ms"))?;
    if !d.is_zero() && d < Duration::from_millis(1) {
        bail!("{flag} {text} is less than 1ms: give at least 1ms (or 0 for the default)");
    }
    Ok(nanos(d))
}

/// Go's `time.ParseDuration` for non-negative values (`1h2m3.5s`, `300ms`,
/// `0`); a bare number other than 0 is refused, as in Go.
pub fn go_duration(text: &str) -> Option<Duration> {
    if text == "0" {
        return Some(Duration::ZERO);
    }
    let mut rest = text;
    let mut total: u128 = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let number_len = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
        let number = &rest[..number_len];
        rest = &rest[number_len..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let per_unit: u128 = match unit {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return None,
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let mut value = whole.checked_mul(per_unit)?;
        let mut scale = per_unit;
        for digit in fraction.chars() {
            scale /= 10;
            value += u128::from(digit.to_digit(10)?) * scale;
        }
        total = total.checked_add(value)?;
    }
    Some(Duration::from_nanos(u64::try_from(total).ok()?))
}

/// A duration as Go prints it (`30s`, `1m30s`, `500ms`), for the timeout
/// message Docker records.
pub fn go_duration_text(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns == 0 {
        return "0s".into();
    }
    if ns < 1_000_000_000 {
        return match ns {
            n if n % 1_000_000 == 0 => format!("{}ms", n / 1_000_000),
            n if n % 1_000 == 0 => format!("{}µs", n / 1_000),
            n => format!("{n}ns"),
        };
    }
    let secs = d.as_secs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let frac = d.subsec_nanos();
    let seconds = if frac == 0 { format!("{s}s") } else { format!("{s}.{}s", format!("{frac:09}").trim_end_matches('0')) };
    match (h, m) {
        (0, 0) => seconds,
        (0, m) => format!("{m}m{seconds}"),
        (h, m) => format!("{h}h{m}m{seconds}"),
    }
}

/// Docker's health statuses.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HealthStatus {
    #[default]
    Starting,
    Healthy,
    Unhealthy,
}

impl HealthStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Starting => "starting",
            HealthStatus::Healthy => "healthy",
            HealthStatus::Unhealthy => "unhealthy",
        }
    }
}

/// One check's result, as in Docker's `.State.Health.Log`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct HealthResult {
    #[serde(rename = "Start")]
    pub start: DateTime<Utc>,
    #[serde(rename = "End")]
    pub end: DateTime<Utc>,
    /// 0 healthy, else unhealthy; -1 when the check could not finish (timeout).
    #[serde(rename = "ExitCode")]
    pub exit_code: i32,
    #[serde(rename = "Output")]
    pub output: String,
}

/// A container's health, exactly Docker's `.State.Health` JSON.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct HealthState {
    #[serde(rename = "Status")]
    pub status: HealthStatus,
    #[serde(rename = "FailingStreak")]
    pub failing_streak: u32,
    #[serde(rename = "Log", default)]
    pub log: Vec<HealthResult>,
}

impl HealthState {
    /// At each start: starting again with no streak (the log is kept, as
    /// in Docker).
    pub fn restart(&mut self) {
        self.status = HealthStatus::Starting;
        self.failing_streak = 0;
    }

    /// Docker's rules for one result: success makes it healthy; a failure
    /// adds to the streak (except while still starting within the start
    /// period), and `retries` failures in a row make it unhealthy.
    /// Returns whether it has just turned unhealthy.
    pub fn record(&mut self, result: HealthResult, started_at: Option<DateTime<Utc>>, config: &HealthConfig) -> bool {
        let before = self.status;
        if result.exit_code == 0 {
            self.failing_streak = 0;
            self.status = HealthStatus::Healthy;
        } else {
            let in_start_period = self.status == HealthStatus::Starting
                && started_at.is_some_and(|s| (result.start - s).to_std().unwrap_or_default() < config.start_period());
            if !in_start_period {
                self.failing_streak += 1;
                if self.failing_streak >= config.retries() {
                    self.status = HealthStatus::Unhealthy;
                }
            }
        }
        self.log.push(result);
        if self.log.len() > MAX_LOG_ENTRIES {
            let extra = self.log.len() - MAX_LOG_ENTRIES;
            self.log.drain(..extra);
        }
        before != HealthStatus::Unhealthy && self.status == HealthStatus::Unhealthy
    }

    /// How long until the next scheduled check: the start interval while
    /// starting within the start period, else the interval.
    pub fn next_delay(&self, since_start: Duration, config: &HealthConfig) -> Duration {
        if self.status == HealthStatus::Starting && !config.start_period().is_zero() && since_start < config.start_period() {
            config.start_interval()
        } else {
            config.interval()
        }
    }
}

/// A check's output as Docker keeps it: the first 4096 bytes, with `...`
/// when there was more.
pub fn truncate_output(bytes: &[u8]) -> String {
    if bytes.len() > MAX_OUTPUT_LEN {
        format!("{}...", String::from_utf8_lossy(&bytes[..MAX_OUTPUT_LEN]))
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;
