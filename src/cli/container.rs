//! `rm`, `stop`, `kill`, `wait`, `logs` and the hidden `__monitor`.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::output::for_each;
use super::targets::{for_each_target, Selection, Target, Wanted};
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
    /// Seconds to wait for a running container to stop before it is killed (with --force)
    #[arg(short = 't', long = "time", alias = "timeout", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// Do not fail on containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// Remove the containers that depend on these first (they share their namespaces or volumes)
    #[arg(long)]
    pub depend: bool,
    #[command(flatten)]
    pub accepted: super::verbs_accepted::RmAccepted,
    #[command(flatten)]
    pub select: Selection,
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before killing
    #[arg(short = 't', long = "time")]
    pub time: Option<u32>,
    /// Docker's name for --time
    #[arg(long, value_name = "SECONDS", conflicts_with = "time")]
    pub timeout: Option<u32>,
    /// Signal to stop with (default: the container's stop signal, else TERM)
    #[arg(short, long)]
    pub signal: Option<String>,
    /// Do not fail on containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub select: Selection,
}

#[derive(Args, Debug)]
pub struct RestartArgs {
    /// Seconds to wait before killing
    #[arg(short = 't', long = "time")]
    pub time: Option<u32>,
    /// Docker's name for --time
    #[arg(long, value_name = "SECONDS", conflicts_with = "time")]
    pub timeout: Option<u32>,
    /// Signal to stop with (default: the container's stop signal, else TERM)
    #[arg(short, long)]
    pub signal: Option<String>,
    /// Do not fail on containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    /// With --all or --filter: only the running containers
    #[arg(long)]
    pub running: bool,
    #[command(flatten)]
    pub select: Selection,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    /// Do not fail on containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub select: Selection,
}

#[derive(Args, Debug)]
pub struct WaitArgs {
    /// Wait until the container is in this state (Podman's: stopped or exited by default, running, paused, created...)
    #[arg(long, value_name = "STATE")]
    pub condition: Vec<String>,
    /// How often to look at the state, e.g. 250ms or 1s (with --condition other than stopped, and --exit-first-match)
    #[arg(short, long, default_value = "250ms", value_parser = crate::engine::wait::parse_interval)]
    pub interval: std::time::Duration,
    /// Do not fail on containers that do not exist (their exit code is -1)
    #[arg(long)]
    pub ignore: bool,
    /// Return as soon as one of the containers meets the condition
    #[arg(long)]
    pub exit_first_match: bool,
    #[command(flatten)]
    pub latest: super::targets::Latest,
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
    #[command(flatten)]
    pub latest: super::targets::Latest,
    #[command(flatten)]
    pub accepted: super::verbs_accepted::LogsAccepted,
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
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
    super::monitor_argv::tty_size(s)
}

pub fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    args.accepted.check()?;
    lifecycle::reconcile_named(&ctx.store_files_only()?, &args.select.containers, args.select.all);
    let store = ctx.store()?;
    crate::engine::removal::finish_interrupted(&store)?;
    // `rm --all` takes the pods first (with their infra containers), as Podman's does.
    // A pod that stays (running, without -f) fails below, by its containers.
    if args.select.all {
        for id in crate::engine::pods::remove_all(&store, args.force)? {
            println!("{id}");
        }
    }
    let wanted = Wanted { verb: "rm", applies: &|_| true, ignore_missing: args.ignore };
    let mut targets = args.select.resolve(&store, &wanted)?;
    if args.depend {
        targets = with_dependents(&store, targets)?;
    }
    for_each_target(targets, |t| {
        let mut c = t.container.clone();
        crate::engine::pods::refuse_infra_removal(&store, &c)?;
        if let (Some(time), true) = (args.time, args.force && lifecycle::is_running(&c)) {
            lifecycle::stop(&store, &c, Some(time))?;
            lifecycle::wait_for_monitor_exit(&store, &c.record.id);
            // Removed with what the stop left, not the state from before it.
            c = store.containers.load(&c.record.id)?;
        }
        match lifecycle::remove(&store, &c, args.force) {
            // Removed meanwhile (by a dependency's removal, or another command).
            Err(e) if args.ignore && is_missing(&e) => return Ok(()),
            other => other?,
        }
        if args.volumes {
            crate::store::volumes::remove_anonymous(&store, &c.record)?;
        }
        Ok(())
    })
}

/// `rm --depend`: each target preceded by the containers that use its
/// namespaces or volumes, so that nothing is left pointing at a removed one.
fn with_dependents(store: &crate::store::Store, targets: Vec<Result<Target>>) -> Result<Vec<Result<Target>>> {
    let all = store.containers.list()?;
    let mut out: Vec<Result<Target>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in targets {
        let Ok(t) = t else {
            out.push(t);
            continue;
        };
        for dep in crate::engine::removal::dependents(&all, &t.container) {
            if seen.insert(dep.record.id.clone()) {
                out.push(Ok(Target { shown: dep.record.id.clone(), container: dep }));
            }
        }
        if seen.insert(t.container.record.id.clone()) {
            out.push(Ok(t));
        }
    }
    Ok(out)
}

fn is_missing(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::NoSuchContainer(_)))
}

pub fn stop(ctx: &Ctx, args: StopArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let signal = args.signal.as_deref().map(lifecycle::parse_signal).transpose()?;
    let wanted = Wanted { verb: "stop", applies: &lifecycle::is_running, ignore_missing: args.ignore };
    for_each_target(args.select.resolve(&store, &wanted)?, |t| lifecycle::stop_with(&store, &t.container, args.time.or(args.timeout), signal))
}

pub fn restart(ctx: &Ctx, args: RestartArgs) -> Result<()> {
    let store = ctx.store()?;
    let running_only = args.running;
    let applies = move |c: &crate::store::containers::Container| !running_only || lifecycle::is_running(c);
    let signal = args.signal.as_deref().map(lifecycle::parse_signal).transpose()?;
    let wanted = Wanted { verb: "restart", applies: &applies, ignore_missing: args.ignore };
    for_each_target(args.select.resolve(&store, &wanted)?, |t| {
        let c = &t.container;
        lifecycle::stop_with(&store, c, args.time.or(args.timeout), signal)?;
        lifecycle::wait_for_monitor_exit(&store, &c.record.id);
        store.containers.update_state(&c.record.id, |st| {
            st.stopped_by_user = false;
            Ok(())
        })?;
        crate::engine::container::start(&store, &c.record.id, crate::engine::container::StartMode::Detached)?;
        crate::engine::events::emit(&store, crate::engine::events::Event::container("restart", &c.record));
        Ok(())
    })
}

pub fn kill(ctx: &Ctx, args: KillArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let signal = crate::spec::signal::parse_signal_number(&args.signal)?;
    let wanted = Wanted { verb: "kill", applies: &lifecycle::is_running, ignore_missing: args.ignore };
    for_each_target(args.select.resolve(&store, &wanted)?, |t| lifecycle::kill(&store, &t.container, signal))
}

pub fn wait(ctx: &Ctx, args: WaitArgs) -> Result<()> {
    use crate::engine::wait::{self as waiting, Condition};
    let store = ctx.store_files_only()?;
    let names = args.latest.names(&store, "wait", &args.containers)?;
    let condition = Condition::parse(&args.condition)?;
    if args.exit_first_match {
        println!("{}", waiting::first_match(&store, &names, &condition, args.interval, args.ignore)?);
        return Ok(());
    }
    for_each(&names, |name| {
        let c = match store.containers.find(name) {
            Err(e) if args.ignore && is_missing(&e) => {
                println!("-1");
                return Ok(());
            }
            found => found?,
        };
        println!("{}", waiting::wait(&store, &c, &condition, args.interval)?);
        Ok(())
    })
}

pub fn logs(ctx: &Ctx, args: LogsArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store_files_only()?;
    let opts = LogOptions { since: args.since.as_deref(), until: args.until.as_deref(), tail: &args.tail, follow: args.follow };
    let name = args.latest.name(&store, "logs", args.container.as_deref())?;
    logs::logs(&store, &name, &opts, |r| print_record(r, args.timestamps))
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
