//! `top`: the processes of a running container, found as the host's
//! processes whose pid namespace is the container init's, and described
//! with `ps -ef`'s columns (UID PID PPID C STIME TTY TIME CMD) from /proc,
//! PIDs as the host sees them, as Docker shows them.

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;

use anyhow::{Context, Result};
use chrono::{DateTime, Local, TimeZone};

use crate::engine::lifecycle::{is_running, reconcile};
use crate::store::Store;

pub const COLUMNS: [&str; 8] = ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"];

/// The rows of `top` for container `name`, one per process, by PID.
pub fn top(store: &Store, name: &str) -> Result<Vec<Vec<String>>> {
    let c = reconcile(store, &store.containers.find(name)?)?;
    let pid = match c.state.pid {
        Some(pid) if is_running(&c) => pid,
        _ => {
            let message = format!("container {0} is not running: start it with `pontoon start {0}` first", c.record.name);
            return Err(crate::errors::PontoonError::ContainerNotRunning { name: c.record.name.clone(), message }.into());
        }
    };
    let ns_path = format!("/proc/{pid}/ns/pid");
    let ns = std::fs::metadata(&ns_path).with_context(|| format!("read {ns_path}"))?;
    let clock = Clock::read()?;
    let users = host_users();
    let mut pids: Vec<i32> = std::fs::read_dir("/proc")
        .context("list /proc")?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    pids.sort_unstable();
    let mut rows = Vec::new();
    for p in pids {
        // Processes of other users cannot be inspected, and are not ours.
        let Ok(theirs) = std::fs::metadata(format!("/proc/{p}/ns/pid")) else { continue };
        if (theirs.dev(), theirs.ino()) != (ns.dev(), ns.ino()) {
            continue;
        }
        // A process may exit while we look: skip it.
        if let Some(row) = describe(p, &clock, &users) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// What turns clock ticks since boot into times.
struct Clock {
    ticks: u64,
    boot: i64,
    now: i64,
}

impl Clock {
    fn read() -> Result<Clock> {
        let ticks = nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK).ok().flatten().unwrap_or(100).max(1) as u64;
        let stat = std::fs::read_to_string("/proc/stat").context("read /proc/stat")?;
        let boot = stat.lines().find_map(|l| l.strip_prefix("btime ")?.trim().parse().ok()).context("no btime in /proc/stat")?;
        Ok(Clock { ticks, boot, now: chrono::Utc::now().timestamp() })
    }
}

fn describe(pid: i32, clock: &Clock, users: &HashMap<u32, String>) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (head, rest) = stat.rsplit_once(')')?;
    let comm = head.split_once('(')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let field = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok());
    let (ppid, tty, cpu_ticks, start_ticks) = (field(1)?, field(4)?, field(11)? + field(12)?, field(19)?);
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let euid: u32 = status.lines().find_map(|l| l.strip_prefix("Uid:")?.split_whitespace().nth(1)?.parse().ok())?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let cmd = command_line(&cmdline, comm);
    let started = clock.boot + (start_ticks / clock.ticks) as i64;
    let cpu_seconds = cpu_ticks / clock.ticks;
    let elapsed = (clock.now - started).max(1) as u64;
    Some(vec![
        users.get(&euid).cloned().unwrap_or_else(|| euid.to_string()),
        pid.to_string(),
        ppid.to_string(),
        (cpu_ticks * 100 / clock.ticks / elapsed).min(99).to_string(),
        start_time(started, clock.now),
        tty_name(tty),
        cpu_time(cpu_seconds),
        cmd,
    ])
}

/// The arguments joined by spaces, or `[comm]` for a process without any.
fn command_line(raw: &[u8], comm: &str) -> String {
    let args: Vec<String> = raw.split(|b| *b == 0).filter(|a| !a.is_empty()).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
    if args.is_empty() {
        format!("[{comm}]")
    } else {
        args.join(" ")
    }
}

/// ps's STIME: the hour today, else month and day, else the year.
fn start_time(started: i64, now: i64) -> String {
    let Some(t): Option<DateTime<Local>> = Local.timestamp_opt(started, 0).single() else { return "?".into() };
    let n = Local.timestamp_opt(now, 0).single().unwrap_or(t);
    if now - started < 24 * 3600 {
        t.format("%H:%M").to_string()
    } else if t.format("%Y").to_string() == n.format("%Y").to_string() {
        t.format("%b%d").to_string()
    } else {
        t.format("%Y").to_string()
    }
}

/// ps's TIME: cumulated CPU time as [DD-]HH:MM:SS.
fn cpu_time(seconds: u64) -> String {
    let (days, rest) = (seconds / 86400, seconds % 86400);
    let hms = format!("{:02}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60);
    if days > 0 {
        format!("{days}-{hms}")
    } else {
        hms
    }
}

/// The controlling terminal from /proc/PID/stat's tty_nr.
fn tty_name(tty_nr: u64) -> String {
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        0 => "?".into(),
        4 if minor < 64 => format!("tty{minor}"),
        136..=143 => format!("pts/{}", minor + (major - 136) * 256),
        _ => "?".into(),
    }
}

/// The host's user names, as ps shows them.
fn host_users() -> HashMap<u32, String> {
    let text = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((f.get(2)?.parse().ok()?, f.first()?.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_format_like_ps() {
        assert_eq!(cpu_time(59), "00:00:59");
        assert_eq!(cpu_time(90061), "1-01:01:01");
        assert_eq!(tty_name(0), "?");
        assert_eq!(tty_name((136 << 8) | 3), "pts/3");
        assert_eq!(tty_name((4 << 8) | 1), "tty1");
        assert_eq!(command_line(b"sleep\x001000\x00", "sleep"), "sleep 1000");
        assert_eq!(command_line(b"", "kthreadd"), "[kthreadd]");
    }

    #[test]
    fn start_time_is_the_hour_today_and_the_day_before() {
        let now = 1_700_000_000;
        assert_eq!(start_time(now - 60, now).len(), 5);
        assert!(start_time(now - 3 * 86400, now).chars().take(3).all(|c| c.is_ascii_alphabetic()));
    }
}
