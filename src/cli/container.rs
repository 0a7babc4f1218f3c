//! `rm`, `stop`, `kill`, `wait`, `logs` and the hidden `__monitor`.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::output::for_each;
use super::Ctx;
use crate::engine::entry;
use crate::engine::lifecycle;
use crate::engine::logs::{self, LogOptions, LogRecord};

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
    // `rm --all` takes the pods first (with their infra containers), as Podman's does.
    // A pod that stays (running, without -f) fails below, by its containers.
    if args.all {
        for id in crate::engine::pods::remove_all(&store, args.force)? {
            println!("{id}");
        }
    }
    let names: Vec<String> = if args.all { store.containers.list()?.into_iter().map(|c| c.record.id).collect() } else { args.containers.clone() };
    if names.is_empty() && !args.all {
        anyhow::bail!("rm needs at least one container name or Id (or --all)");
    }
    for_each(&names, |name| {
        let c = store.containers.find(name)?;
        crate::engine::pods::refuse_infra_removal(&store, &c)?;
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

pub fn logs(ctx: &Ctx, args: LogsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let opts = LogOptions { since: args.since.as_deref(), until: args.until.as_deref(), tail: &args.tail, follow: args.follow };
    logs::logs(&store, &args.container, &opts, |r| print_record(r, args.timestamps))
}

fn print_record(r: &LogRecord, timestamps: bool) {
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
    // The engine closes what was inherited before it opens the store.
    entry::monitor(
        &ctx.paths,
        entry::MonitorArgs {
            id: args.id,
            sync_fd: args.sync_fd,
            attach_wait: args.attach_wait,
            tty_size: args.tty_size,
            preserve_fds: args.preserve_fds,
        },
    )
}
