//! The monitor's command line, read without clap. `start` execs
//! `pontoon --root R --runroot RR __monitor ID --sync-fd N [--attach-wait]
//! [--tty-size ROWSxCOLS] [--preserve-fds N]` (engine::container::spawn_monitor)
//! for every container start; building clap's whole command tree for it
//! cost the monitor about 3 MB of heap and several milliseconds on the
//! start path, and that heap stayed with it while the container ran. The
//! same argv is parsed here by hand, in exactly the form spawn_monitor
//! writes it: anything else is refused, so that the two cannot drift apart
//! unnoticed.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::monitor::MonitorArgs;

/// Where the monitor's argv puts the subcommand.
const SUBCOMMAND_AT: usize = 5;
pub const SUBCOMMAND: &str = "__monitor";

/// A monitor's command line, parsed.
pub struct MonitorArgv {
    pub root: PathBuf,
    pub runroot: PathBuf,
    pub args: MonitorArgs,
}

/// None when `argv` is not a monitor's (clap reads it); else the parsed
/// line, or what in it spawn_monitor never writes.
pub fn parse(argv: &[OsString]) -> Option<Result<MonitorArgv, String>> {
    let is_monitor = argv.get(SUBCOMMAND_AT).is_some_and(|a| a == SUBCOMMAND)
        && argv.get(1).is_some_and(|a| a == "--root")
        && argv.get(3).is_some_and(|a| a == "--runroot");
    if !is_monitor {
        return None;
    }
    Some(parse_monitor(argv))
}

fn parse_monitor(argv: &[OsString]) -> Result<MonitorArgv, String> {
    let text = |i: usize| -> Result<&str, String> {
        let arg = argv.get(i).ok_or_else(|| format!("{SUBCOMMAND}: argument {i} is missing"))?;
        arg.to_str().ok_or_else(|| format!("{SUBCOMMAND}: argument {i} is not UTF-8"))
    };
    let id = text(SUBCOMMAND_AT + 1)?.to_string();
    let mut args = MonitorArgs { id, sync_fd: None, attach_wait: false, tty_size: None, preserve_fds: 0 };
    let mut i = SUBCOMMAND_AT + 2;
    while i < argv.len() {
        match text(i)? {
            "--sync-fd" => args.sync_fd = Some(number(text(i + 1)?, "--sync-fd")?),
            "--tty-size" => args.tty_size = Some(tty_size(text(i + 1)?)?),
            "--preserve-fds" => args.preserve_fds = number(text(i + 1)?, "--preserve-fds")?,
            "--attach-wait" => {
                args.attach_wait = true;
                i += 1;
                continue;
            }
            other => return Err(format!("{SUBCOMMAND}: unexpected argument {other:?} (the monitor's command line is written by `start` only)")),
        }
        i += 2;
    }
    Ok(MonitorArgv { root: PathBuf::from(&argv[2]), runroot: PathBuf::from(&argv[4]), args })
}

fn number<T: std::str::FromStr>(text: &str, flag: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{SUBCOMMAND}: {flag} {text:?} is not a number"))
}

/// ROWSxCOLS.
pub fn tty_size(s: &str) -> Result<(u16, u16), String> {
    let (rows, cols) = s.split_once('x').ok_or_else(|| format!("{s:?} is not ROWSxCOLS"))?;
    Ok((rows.parse().map_err(|_| format!("bad rows in {s:?}"))?, cols.parse().map_err(|_| format!("bad cols in {s:?}"))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn reads_every_form_spawn_monitor_writes() {
        let line = argv(&["pontoon", "--root", "/r", "--runroot", "/rr", "__monitor", "abc", "--sync-fd", "4", "--attach-wait", "--tty-size", "24x80", "--preserve-fds", "2"]);
        let parsed = parse(&line).unwrap().unwrap();
        assert_eq!((parsed.root, parsed.runroot), (PathBuf::from("/r"), PathBuf::from("/rr")));
        let a = parsed.args;
        assert_eq!((a.id.as_str(), a.sync_fd, a.attach_wait, a.tty_size, a.preserve_fds), ("abc", Some(4), true, Some((24, 80)), 2));
    }

    #[test]
    fn leaves_other_command_lines_to_clap() {
        assert!(parse(&argv(&["pontoon", "run", "--rm", "busybox", "true", "__monitor"])).is_none());
        assert!(parse(&argv(&["pontoon", "__monitor", "abc"])).is_none());
    }

    #[test]
    fn refuses_what_spawn_monitor_never_writes() {
        for tail in [&["--sync-fd=4"][..], &["--sync-fd"], &["--tty-size", "24"], &["--verbose"]] {
            let mut line = argv(&["pontoon", "--root", "/r", "--runroot", "/rr", "__monitor", "abc"]);
            line.extend(argv(tail));
            assert!(parse(&line).unwrap().is_err(), "{tail:?}");
        }
    }
}
