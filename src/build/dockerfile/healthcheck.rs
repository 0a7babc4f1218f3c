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

/// Go's `time.ParseDuration` (what Docker uses) for non-negative values:
/// numbers with optional fractions, each followed by a unit; `0` alone.
/// Counted in whole nanoseconds, so `0.3s` is exactly 300ms.
pub fn go_duration(text: &str) -> Option<Duration> {
    if text == "0" {
        return Some(Duration::ZERO);
    }
    let mut rest = text;
    let mut nanos: u128 = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let number_len = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
        let (whole, fraction) = rest[..number_len].split_once('.').unwrap_or((&rest[..number_len], ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        rest = &rest[number_len..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let unit: u128 = match &rest[..unit_len] {
            "ns" => 1,
            "us" | "\u{b5}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return None,
        };
        rest = &rest[unit_len..];
        let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        nanos = nanos.checked_add(whole.checked_mul(unit)?)?;
        if !fraction.is_empty() {
            let digits: u128 = fraction.parse().ok()?;
            let scale = 10u128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
            nanos = nanos.checked_add(digits.checked_mul(unit)? / scale)?;
        }
    }
    Some(Duration::from_nanos(u64::try_from(nanos).ok()?))
}

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
