//! `pontoon logs`: a container's log records, filtered by time and tail,
//! and followed while the container runs.

use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, Utc};

use crate::store::layout::ContainerPaths;
use crate::engine::lifecycle::is_running;
use crate::monitor::logfile;
use crate::store::Store;

pub use crate::monitor::logfile::LogRecord;

/// Which records `logs` shows, as the user gave them.
pub struct LogOptions<'a> {
    /// RFC 3339 time, Unix timestamp, or relative (10s, 5m, 2h).
    pub since: Option<&'a str>,
    /// Same forms as `since`.
    pub until: Option<&'a str>,
    /// A number of lines from the end, or "all".
    pub tail: &'a str,
    pub follow: bool,
}

/// `10s`, `5m`, `2h` ago, or an RFC 3339 time, or a Unix timestamp.
pub fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(secs) = s.parse::<f64>() {
        return DateTime::from_timestamp(secs as i64, 0).ok_or_else(|| anyhow::anyhow!("invalid timestamp {s:?}"));
    }
    let (number, unit) = s.split_at(s.len().saturating_sub(1));
    let n: i64 = number.parse().map_err(|_| anyhow::anyhow!("invalid time {s:?}: use an RFC 3339 time or a duration such as 10s, 5m, 2h"))?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => anyhow::bail!("invalid time {s:?}: use an RFC 3339 time or a duration such as 10s, 5m, 2h"),
    };
    Ok(Utc::now() - chrono::Duration::seconds(secs))
}

/// Where a container's log is: `--log-opt path=`, else its directory's.
pub fn log_path(store: &Store, record: &crate::store::containers::ContainerRecord) -> std::path::PathBuf {
    record.spec.options.log.path.clone().unwrap_or_else(|| ContainerPaths::new(store, &record.id).log)
}

/// Hands every selected record of container `name` to `emit`, in order;
/// with `follow`, goes on with what is appended until the container stops.
pub fn logs(store: &Store, name: &str, opts: &LogOptions, mut emit: impl FnMut(&LogRecord)) -> Result<()> {
    let c = store.containers.find(name)?;
    if !c.record.spec.options.log.writes() {
        anyhow::bail!("container {} has no log: it was created with --log-driver none (use attach, or create it with the default k8s-file driver)", c.record.name);
    }
    let path = log_path(store, &c.record);
    let since = opts.since.map(parse_time).transpose()?;
    let until = opts.until.map(parse_time).transpose()?;
    let tail: Option<usize> = match opts.tail {
        "all" | "-1" => None,
        n => Some(n.parse().map_err(|_| anyhow::anyhow!("invalid --tail {n:?}: use a number or \"all\""))?),
    };
    let (records, mut offset) = logfile::read_from(&path, 0)?;
    let selected: Vec<&LogRecord> = records
        .iter()
        .filter(|r| since.is_none_or(|s| r.time >= s) && until.is_none_or(|u| r.time <= u))
        .collect();
    let start = tail.map(|n| selected.len().saturating_sub(n)).unwrap_or(0);
    for r in &selected[start..] {
        emit(r);
    }
    if !opts.follow {
        return Ok(());
    }
    // Follow: hand on what is appended until the container stops, reading
    // only the new bytes each time.
    loop {
        let running = is_running(&store.containers.find(&c.record.id)?);
        let (records, next) = logfile::read_from(&path, offset)?;
        offset = next;
        for r in records.iter().filter(|r| until.is_none_or(|u| r.time <= u)) {
            emit(r);
        }
        if !running {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_relative_and_absolute() {
        let t = parse_time("10s").unwrap();
        assert!((Utc::now() - t).num_seconds() >= 9);
        assert!(parse_time("2026-01-01T00:00:00Z").is_ok());
        assert!(parse_time("soon").is_err());
    }
}
