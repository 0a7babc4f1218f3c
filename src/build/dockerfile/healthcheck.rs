//! `HEALTHCHECK [--interval=D --timeout=D --start-period=D --start-interval=D
//! --retries=N] CMD command` and `HEALTHCHECK NONE`.

use std::time::Duration;

use super::error::{fail, Result};
use super::model::{Healthcheck, HealthcheckCommand};
use super::words::{command, take_flags, FlagKind};

const FLAGS: super::words::FlagSpec = &[
    ("interval", FlagKind::Text),
    ("timeout", FlagKind::Text),
    ("start-period", FlagKind::Text),
    ("start-interval", FlagKind::Text),
    ("retries", FlagKind::Text),
];

pub fn parse_healthcheck(args: &str) -> Result<Healthcheck> {
    let (flags, rest) = take_flags(args, "HEALTHCHECK", FLAGS)?;
    let (word, cmd) = match rest.find(char::is_whitespace) {
        Some(at) => (&rest[..at], rest[at..].trim()),
        None => (rest, ""),
    };
    if word.eq_ignore_ascii_case("NONE") {
        if !cmd.is_empty() || !flags.is_empty() {
            return fail("HEALTHCHECK NONE takes no options or command: write HEALTHCHECK NONE alone");
        }
        return Ok(Healthcheck::None);
    }
    if !word.eq_ignore_ascii_case("CMD") {
        return fail("expected CMD or NONE: write HEALTHCHECK [OPTIONS] CMD command, or HEALTHCHECK NONE");
    }
    if cmd.is_empty() {
        return fail("HEALTHCHECK CMD needs a command: write HEALTHCHECK CMD curl -f http://localhost/");
    }
    let duration = |name: &str| flags.text(name).map(|v| positive_duration(name, &v)).transpose();
    let retries = match flags.text("retries") {
        None => None,
        Some(v) => Some(v.parse::<u32>().or_else(|_| {
            fail(format!("--retries={v} is not a whole number: write --retries=3"))
        })?),
    };
    Ok(Healthcheck::Check(HealthcheckCommand {
        test: command(cmd)?,
        interval: duration("interval")?,
        timeout: duration("timeout")?,
        start_period: duration("start-period")?,
        start_interval: duration("start-interval")?,
        retries,
    }))
}

/// Docker refuses durations under 1ms (0 means the default).
fn positive_duration(flag: &str, text: &str) -> Result<Duration> {
    let d = go_duration(text).ok_or_else(|| {
        super::error::DockerfileError::new(format!(
            "--{flag}={text} is not a duration: write it like 30s, 1m30s or 500ms"
        ))
    })?;
    if !d.is_zero() && d < Duration::from_millis(1) {
        return fail(format!("--{flag}={text} is less than 1ms: give at least 1ms (or 0 for the default)"));
    }
    Ok(d)
}

// Go's duration syntax (`1m30s`, `500ms`), as Docker reads HEALTHCHECK's
// options: the same parser `run --health-*` uses.
pub use crate::spec::health::go_duration;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_go_durations_exactly() {
        let cases: &[(&str, Option<Duration>)] = &[
            ("0", Some(Duration::ZERO)),
            ("30s", Some(Duration::from_secs(30))),
            ("1h2m3s", Some(Duration::from_secs(3723))),
            ("1.5s", Some(Duration::from_millis(1500))),
            ("0.3s", Some(Duration::from_millis(300))),
            (".5m", Some(Duration::from_secs(30))),
            ("250ms", Some(Duration::from_millis(250))),
            ("10us", Some(Duration::from_micros(10))),
            ("7ns", Some(Duration::from_nanos(7))),
            ("", None),
            ("5", None),
            ("5d", None),
            ("s", None),
            ("-1s", None),
            ("1..2s", None),
        ];
        for (text, want) in cases {
            assert_eq!(go_duration(text), *want, "{text}");
        }
    }
}
