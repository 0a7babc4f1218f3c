//! Signals as users name them: `TERM`, `SIGTERM`, `term` or a number
//! (`--stop-signal`, `kill -s`, STOPSIGNAL).

use anyhow::Result;
use nix::sys::signal::Signal;

/// Parses a signal given as a name (`TERM`, `SIGTERM`) or a number.
pub fn parse_signal(s: &str) -> Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow::anyhow!("invalid signal number {n}"));
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    name.parse::<Signal>().map_err(|_| anyhow::anyhow!("invalid signal {s:?}: use a name such as TERM, KILL, HUP or a number"))
}

/// A signal by name or number, real-time ones included (`RTMIN`,
/// `RTMIN+3`, `SIGRTMAX-2`, `34`...), as `kill -s` takes them: the raw
/// number to send, which nix's Signal cannot hold for real-time signals.
pub fn parse_signal_number(s: &str) -> Result<i32> {
    let (min, max) = (libc::SIGRTMIN(), libc::SIGRTMAX());
    if let Ok(n) = s.parse::<i32>() {
        if (1..=max).contains(&n) {
            return Ok(n);
        }
        anyhow::bail!("invalid signal number {n}: use 1 to {max}");
    }
    let upper = s.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    let realtime = |base: i32, rest: &str| -> Result<i32> {
        let offset: i32 = match rest {
            "" => 0,
            r => r.parse().map_err(|_| anyhow::anyhow!("invalid signal {s:?}: write RTMIN+N or RTMAX-N"))?,
        };
        let n = base + offset;
        if (min..=max).contains(&n) {
            Ok(n)
        } else {
            anyhow::bail!("invalid signal {s:?}: real-time signals run from RTMIN ({min}) to RTMAX ({max})")
        }
    };
    if let Some(rest) = name.strip_prefix("RTMIN") {
        return realtime(min, rest.trim_start_matches('+'));
    }
    if let Some(rest) = name.strip_prefix("RTMAX") {
        return realtime(max, rest);
    }
    parse_signal(s).map(|sig| sig as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_time_signals_by_name_and_number() {
        let (min, max) = (libc::SIGRTMIN(), libc::SIGRTMAX());
        assert_eq!(parse_signal_number("RTMIN").unwrap(), min);
        assert_eq!(parse_signal_number("SIGRTMIN+3").unwrap(), min + 3);
        assert_eq!(parse_signal_number("rtmax-1").unwrap(), max - 1);
        assert_eq!(parse_signal_number(&max.to_string()).unwrap(), max);
        assert_eq!(parse_signal_number("HUP").unwrap(), 1);
        assert!(parse_signal_number("RTMAX+1").is_err());
        assert!(parse_signal_number("RTMIN+x").is_err());
        assert!(parse_signal_number("65").is_err());
    }

    #[test]
    fn names_and_numbers() {
        assert_eq!(parse_signal("TERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("sigint").unwrap(), Signal::SIGINT);
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert!(parse_signal("NOPE").is_err());
        assert!(parse_signal("999").is_err());
    }
}
