//! `pontoon events` (and `system events`): prints the event log in
//! Podman's text form, as JSON, or through a Go template that knows both
//! Podman's field names and Docker's (`{{json .}}` has Docker's `Action`,
//! `Actor`, `timeNano`...); follows the log until interrupted unless
//! `--stream=false`.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use clap::{ArgAction, Args};
use serde_json::{json, Value};

use super::Ctx;
use crate::engine::events::Event;
use crate::engine::events_query::{docker_action, parse_time, Filters};
use crate::format::template::{GoTemplate, OutputFormat};

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon events --stream=false\n  pontoon events --filter event=die --filter type=container\n  pontoon events --since 10m --format '{{.Status}} {{.Name}}'")]
pub struct EventsArgs {
    /// Show events from this time on (RFC 3339, Unix seconds, or a duration such as 10m); without it the stream starts now
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show events until this time (same forms as --since); a future time ends the stream then
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Show only matching events: container=, image=, event= (status=), type=, label=, pod=, volume=, network=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Format each event: json, or a Go template ({{.Status}}, {{.Type}}, {{.ID}}, {{.Name}}, {{.Time}}, {{json .}})
    #[arg(long)]
    pub format: Option<String>,
    /// Keep printing new events (--stream=false prints what is there and exits)
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true, default_value_t = true, default_missing_value = "true", value_name = "BOOL")]
    pub stream: bool,
    /// Print what is there and exit (Docker's spelling of --stream=false)
    #[arg(long)]
    pub no_stream: bool,
    /// Show full Ids (they always are; accepted for Podman's scripts)
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, require_equals = true, default_value_t = true, default_missing_value = "true", value_name = "BOOL")]
    pub no_trunc: bool,
}

/// How long the follower sleeps between looks at the log.
const POLL: Duration = Duration::from_millis(100);

pub fn events(ctx: &Ctx, args: EventsArgs) -> Result<()> {
    let now = Utc::now();
    let since = args.since.as_deref().map(|t| parse_time(t, now)).transpose().context("--since")?;
    let until = args.until.as_deref().map(|t| parse_time(t, now)).transpose().context("--until")?;
    let mut filters = Filters::parse(&args.filter)?;
    let printer = Printer::new(args.format.as_deref())?;
    let mut wanted = |e: &Event| filters.matches(e) && since.is_none_or(|s| e.time >= s) && until.is_none_or(|u| e.time <= u);
    let stream = args.stream && !args.no_stream;
    let mut out = std::io::stdout().lock();
    if !stream {
        for e in crate::engine::events::read(&ctx.paths).iter().filter(|e| wanted(e)) {
            if printer.print(&mut out, e).is_err() {
                return Ok(()); // the reader went away (`| head`)
            }
        }
        return Ok(());
    }
    stop_on_signals();
    // As Podman and Docker: the stream starts now unless --since says when.
    let mut follower = crate::engine::events::Follow::start(&ctx.paths, since.is_some());
    while !STOP.load(Ordering::Relaxed) {
        for e in follower.next_batch().iter().filter(|e| wanted(e)) {
            if printer.print(&mut out, e).is_err() {
                return Ok(());
            }
        }
        if until.is_some_and(|u| Utc::now() > u) {
            return Ok(());
        }
        std::thread::sleep(POLL);
    }
    Ok(())
}

/// Set by SIGINT or SIGTERM: the stream ends there, with status 0.
static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_stop(_: libc::c_int) {
    STOP.store(true, Ordering::Relaxed);
}

/// Handles SIGINT and SIGTERM also when started in the background of a
/// script, where the shell leaves SIGINT ignored (`pontoon events & kill -INT $!`).
fn stop_on_signals() {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, Signal};
    let action = SigAction::new(SigHandler::Handler(on_stop), SaFlags::SA_RESTART, SigSet::empty());
    for sig in [Signal::SIGINT, Signal::SIGTERM] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        let _ = unsafe { sigaction(sig, &action) };
    }
}

enum Printer {
    Human,
    Json,
    Template(GoTemplate),
}

impl Printer {
    fn new(format: Option<&str>) -> Result<Printer> {
        Ok(match OutputFormat::parse(format) {
            OutputFormat::Table => Printer::Human,
            OutputFormat::Json => Printer::Json,
            OutputFormat::Template(t) | OutputFormat::CustomTable(t) => Printer::Template(GoTemplate::parse(&t)?),
        })
    }

    fn print(&self, out: &mut impl Write, e: &Event) -> Result<()> {
        let line = match self {
            Printer::Human => human(e),
            Printer::Json => serde_json::to_string(e)?,
            Printer::Template(t) => t.render(&template_data(e))?,
        };
        writeln!(out, "{line}")?;
        out.flush()?;
        Ok(())
    }
}

/// Go's `time.Time` printed with `%s`, in UTC: `2006-01-02 15:04:05.999999999 +0000 UTC`.
fn go_time(t: &DateTime<Utc>) -> String {
    let nanos = t.timestamp_subsec_nanos();
    let frac = if nanos == 0 { String::new() } else { format!(".{nanos:09}").trim_end_matches('0').to_string() };
    format!("{}{frac} +0000 UTC", t.format("%Y-%m-%d %H:%M:%S"))
}

/// Podman's text line for an event.
fn human(e: &Event) -> String {
    let time = go_time(&e.time);
    let head = format!("{time} {} {}", e.kind, e.status);
    match e.kind.as_str() {
        "container" | "pod" => {
            let mut line = format!("{head} {} (image={}, name={}", e.id, e.image, e.name);
            if !e.pod_id.is_empty() {
                line.push_str(&format!(", pod_id={}", e.pod_id));
            }
            for (k, v) in &e.attributes {
                line.push_str(&format!(", {k}={v}"));
            }
            line + ")"
        }
        "network" if e.status == "connect" || e.status == "disconnect" => format!("{head} {} (container={}, name={})", e.id, e.id, e.network),
        "network" => format!("{head} {} (name={})", e.id, e.network),
        "image" => format!("{head} {} {}", e.id, e.name),
        _ => format!("{head} {}", e.name),
    }
}

/// What a template sees: Podman's fields, and Docker's (`Action`,
/// `Actor.Attributes`, `From`, `time`, `timeNano`) beside them.
fn template_data(e: &Event) -> Value {
    let mut actor = e.attributes.clone();
    if !e.image.is_empty() {
        actor.entry("image".into()).or_insert_with(|| e.image.clone());
    }
    if !e.name.is_empty() {
        actor.entry("name".into()).or_insert_with(|| e.name.clone());
    }
    if let Some(code) = e.container_exit_code {
        actor.entry("exitCode".into()).or_insert_with(|| code.to_string());
    }
    let nanos = e.time.timestamp_nanos_opt().unwrap_or(0);
    let action = docker_action(e);
    let mut v = json!({
        "ID": e.id, "Id": e.id, "id": e.id,
        "Name": e.name,
        "Image": e.image, "From": e.image, "from": e.image,
        "Status": e.status, "status": action,
        "Type": e.kind,
        "Time": go_time(&e.time), "time": e.time.timestamp(), "timeNano": nanos, "TimeNano": nanos,
        "Attributes": e.attributes,
        "Action": action,
        "Actor": {"ID": e.id, "Attributes": actor},
        "Scope": "local", "scope": "local",
        "PodID": e.pod_id,
        "Network": e.network,
    });
    if let Some(code) = e.container_exit_code {
        v["ContainerExitCode"] = json!(code);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn text_lines_are_podman_s() {
        let time = Utc.timestamp_opt(1_700_000_000, 120_000_000).unwrap();
        let mut e = Event { kind: "container".into(), status: "died".into(), id: "abc".into(), name: "web".into(), image: "busybox".into(), time, ..Default::default() };
        e = e.exit_code(3).attr("app", "x");
        assert_eq!(human(&e), "2023-11-14 22:13:20.12 +0000 UTC container died abc (image=busybox, name=web, app=x, containerExitCode=3)");
        let v = Event { kind: "volume".into(), status: "create".into(), name: "v1".into(), time, ..Default::default() };
        assert_eq!(human(&v), "2023-11-14 22:13:20.12 +0000 UTC volume create v1");
    }

    #[test]
    fn templates_see_docker_s_names_too() {
        let e = Event { kind: "container".into(), status: "died".into(), id: "abc".into(), name: "web".into(), time: Utc::now(), ..Default::default() }.exit_code(1);
        let data = template_data(&e);
        assert_eq!(data["Action"], "die");
        assert_eq!(data["Status"], "died");
        assert_eq!(data["Actor"]["Attributes"]["name"], "web");
        assert_eq!(data["Actor"]["Attributes"]["exitCode"], "1");
    }
}
