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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(parse_signal("TERM").unwrap(), Signal::SIGTERM);
        assert_eq!(parse_signal("sigint").unwrap(), Signal::SIGINT);
        assert_eq!(parse_signal("9").unwrap(), Signal::SIGKILL);
        assert!(parse_signal("NOPE").is_err());
        assert!(parse_signal("999").is_err());
    }
}
