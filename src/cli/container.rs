//! `rm`, `stop`, `kill`, `wait`, `logs` and the hidden `__monitor`.

use std::io::Write;
use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::Args;

use super::output::for_each;
use super::Ctx;
use crate::engine::lifecycle::{self, is_running};
use crate::monitor::logfile;
use crate::store::layout::ContainerPaths;

const RM_EXAMPLES: &str = "\
Examples:
  pontoon rm web
  pontoon rm -f web db
  pontoon rm -v $(pontoon ps -aq --filter status=exited)
  pontoon rm --all --force";

const LOGS_EXAMPLES: &str = "\
Examples:
  pontoon logs web
  pontoon logs -f --tail 10 web
  pontoon logs --since 5m --timestamps web
  pontoon logs --since 2026-01-01T00:00:00Z --until 1h web";

#[derive(Args, Debug)]
#[command(after_help = RM_EXAMPLES)]
pub struct RmArgs {
    /// Kill and remove running containers
    #[arg(short, long)]
    pub force: bool,
    /// Remove anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Remove all containers
    #[arg(short, long)]
    pub all: bool,
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before killing
    #[arg(short = 't', long = "time", alias = "timeout")]
    pub time: Option<u32>,
    #[arg(required = true)]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    #[arg(required = true)]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct WaitArgs {
    #[arg(required = true)]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
#[command(after_help = LOGS_EXAMPLES)]
pub struct LogsArgs {
    /// Follow the log
    #[arg(short, long)]
    pub follow: bool,
    /// Show entries since (RFC 3339 time or relative: 10s, 5m, 2h)
    #[arg(long)]
    pub since: Option<String>,
    /// Show entries before (same forms as --since)
    #[arg(long)]
    pub until: Option<String>,
    /// Number of lines from the end ("all" for every line)
    #[arg(short = 'n', long, default_value = "all")]
    pub tail: String,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    pub container: String,
}

#[derive(Args, Debug)]
pub struct MonitorArgs {
    pub id: String,
    #[arg(long)]
    pub sync_fd: Option<i32>,
    #[arg(long)]
    pub attach_wait: bool,
    /// The attaching terminal's size, ROWSxCOLS
    #[arg(long, value_parser = parse_tty_size)]
    pub tty_size: Option<(u16, u16)>,
    /// Pass fds 3..3+N (from `run --preserve-fds N`) to the container
    #[arg(long, default_value_t = 0)]
    pub preserve_fds: u32,
}

fn parse_tty_size(s: &str) -> Result<(u16, u16), String> {
    let (rows, cols) = s.split_once('x').ok_or_else(|| format!("{s:?} is not ROWSxCOLS"))?;
    Ok((rows.parse().map_err(|_| format!("bad rows in {s:?}"))?, cols.parse().map_err(|_| format!("bad cols in {s:?}"))?))
}

pub fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    lifecycle::reconcile_named(&ctx.store_files_only()?, &args.containers, args.all);
    let store = ctx.store()?;
    crate::engine::removal::finish_interrupted(&store)?;
    let names: Vec<String> = if args.all { store.containers.list()?.into_iter().map(|c| c.record.id).collect() } else { args.containers.clone() };
    if names.is_empty() && !args.all {
        anyhow::bail!("rm needs at least one container name or Id (or --all)");
    }
    for_each(&names, |name| {
        let c = store.containers.find(name)?;
        lifecycle::remove(&store, &c, args.force)?;
        if args.volumes {
            crate::store::volumes::remove_anonymous(&store, &c.record)?;
        }
        println!("{}", if args.all { &c.record.id } else { name });
        Ok(())
    })
}

pub fn stop(ctx: &Ctx, args: StopArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    for_each(&args.containers, |name| {
        let c = store.containers.find(name)?;
        lifecycle::stop(&store, &c, args.time)?;
        println!("{name}");
        Ok(())
    })
}

pub fn restart(ctx: &Ctx, args: StopArgs) -> Result<()> {
    let store = ctx.store()?;
    for_each(&args.containers, |name| {
        let c = store.containers.find(name)?;
        lifecycle::stop(&store, &c, args.time)?;
        lifecycle::wait_for_monitor_exit(&store, &c.record.id);
        store.containers.update_state(&c.record.id, |st| {
            st.stopped_by_user = false;
            Ok(())
        })?;
        crate::engine::container::start(&store, &c.record.id, crate::engine::container::StartMode::Detached)?;
        println!("{name}");
        Ok(())
    })
}

pub fn kill(ctx: &Ctx, args: KillArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let signal = lifecycle::parse_signal(&args.signal)?;
    for_each(&args.containers, |name| {
        let c = store.containers.find(name)?;
        lifecycle::kill(&store, &c, signal)?;
        println!("{name}");
        Ok(())
    })
}

pub fn wait(ctx: &Ctx, args: WaitArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    for_each(&args.containers, |name| {
        let c = store.containers.find(name)?;
        println!("{}", lifecycle::wait(&store, &c)?);
        Ok(())
    })
}

/// `10s`, `5m`, `2h` ago, or an RFC 3339 time, or a Unix timestamp.
fn parse_time(s: &str) -> Result<DateTime<Utc>> {
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

pub fn logs(ctx: &Ctx, args: LogsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let c = store.containers.find(&args.container)?;
    let path = ContainerPaths::new(&store, &c.record.id).log;
    let since = args.since.as_deref().map(parse_time).transpose()?;
    let until = args.until.as_deref().map(parse_time).transpose()?;
    let tail: Option<usize> = match args.tail.as_str() {
        "all" | "-1" => None,
        n => Some(n.parse().map_err(|_| anyhow::anyhow!("invalid --tail {n:?}: use a number or \"all\""))?),
    };
    let (records, mut offset) = logfile::read_from(&path, 0)?;
    let selected: Vec<&logfile::LogRecord> = records
        .iter()
        .filter(|r| since.is_none_or(|s| r.time >= s) && until.is_none_or(|u| r.time <= u))
        .collect();
    let start = tail.map(|n| selected.len().saturating_sub(n)).unwrap_or(0);
    for r in &selected[start..] {
        print_record(r, args.timestamps);
    }
    if !args.follow {
        return Ok(());
    }
    // Follow: print what is appended until the container stops, reading
    // only the new bytes each time.
    loop {
        let running = is_running(&store.containers.find(&c.record.id)?);
        let (records, next) = logfile::read_from(&path, offset)?;
        offset = next;
        for r in records.iter().filter(|r| until.is_none_or(|u| r.time <= u)) {
            print_record(r, args.timestamps);
        }
        if !running {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn print_record(r: &logfile::LogRecord, timestamps: bool) {
    let mut out: Box<dyn Write> = if r.stream == "stderr" { Box::new(std::io::stderr()) } else { Box::new(std::io::stdout()) };
    if timestamps {
        let _ = write!(out, "{} ", r.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true));
    }
    let _ = out.write_all(&r.text);
    if r.full {
        let _ = out.write_all(b"\n");
    }
    let _ = out.flush();
}

pub fn monitor(ctx: &Ctx, args: MonitorArgs) -> Result<()> {
    // Before anything is opened: what the caller of `run` had open must
    // not reach the container through us.
    crate::monitor::close_inherited_fds(args.sync_fd, args.preserve_fds);
    let store = ctx.store()?;
    crate::monitor::run(&store, crate::monitor::MonitorArgs {
        id: args.id,
        sync_fd: args.sync_fd,
        attach_wait: args.attach_wait,
        tty_size: args.tty_size,
        preserve_fds: args.preserve_fds,
    })
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
