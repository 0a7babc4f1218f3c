//! `pontoon ps`: reads container files only, never waits on a container.

use anyhow::Result;
use chrono::Utc;
use clap::Args;
use serde_json::json;

use super::compat_mode::{self, Mode};
use super::Ctx;
use crate::engine::container_command::CommandResolver;
use crate::engine::lifecycle::is_running;
use crate::format::table::Table;
use crate::format::units::{ago, human_duration};
use crate::spec::health::HealthStatus;
use crate::store::containers::{Container, Status};

const EXAMPLES: &str = "\
Examples:
  pontoon ps
  pontoon ps -a
  pontoon ps -q --filter status=exited
  pontoon ps --filter name=web --filter ancestor=busybox
  pontoon ps --format '{{.ID}}\\t{{.Names}}\\t{{.Status}}'";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct PsArgs {
    /// Show all containers (default: running only)
    #[arg(short, long)]
    pub all: bool,
    /// Show only Ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show the n last created containers
    #[arg(short = 'n', long)]
    pub last: Option<usize>,
    /// Show the latest created container
    #[arg(short, long)]
    pub latest: bool,
    /// Show container sizes
    #[arg(short, long)]
    pub size: bool,
    /// Do not truncate output
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter: status=, name=, id=, label=, ancestor=, exited=, health=, pod=, restart-policy=, stopped-by-user=
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the column names
    #[arg(long)]
    pub noheading: bool,
    /// Sort by command, created, id, image, names, runningfor, size or status
    #[arg(long, default_value = "created", value_name = "KEY")]
    pub sort: String,
    /// Show the namespaces of each container's process (inode numbers)
    #[arg(long, alias = "namespace")]
    pub ns: bool,
    /// Accepted for Podman's scripts: every container in pontoon's store is its own, so there is nothing more to show
    #[arg(long)]
    pub external: bool,
    /// Show the POD ID and PODNAME columns
    #[arg(short, long)]
    pub pod: bool,
    #[command(flatten)]
    pub accepted: super::verbs_accepted::PsAccepted,
}

/// Pod names by pod Id, for the POD columns and `pod=` filters.
/// Pod Ids to names, for the `pod=` filter and the PODNAME column.
pub type PodNames = std::collections::HashMap<String, String>;

/// Docker's STATUS column.
pub fn status_text(c: &Container) -> String {
    let now = Utc::now();
    match c.state.status {
        Status::Created => "Created".into(),
        Status::Stopping if is_running(c) => "Stopping".into(),
        Status::Running if is_running(c) => {
            let up = c.state.started_at.map(|t| (now - t).num_seconds()).unwrap_or(0);
            match health_text(c) {
                Some(h) => format!("Up {} ({h})", human_duration(up)),
                None => format!("Up {}", human_duration(up)),
            }
        }
        Status::Paused if is_running(c) => {
            let up = c.state.started_at.map(|t| (now - t).num_seconds()).unwrap_or(0);
            format!("Up {} (Paused)", human_duration(up))
        }
        _ => {
            let code = c.state.exit_code.unwrap_or(0);
            match c.state.finished_at {
                Some(t) => format!("Exited ({code}) {}", ago(t)),
                None => format!("Exited ({code})"),
            }
        }
    }
}

/// Docker's health in the STATUS column: `healthy`, `unhealthy`,
/// `health: starting`; None for a container without a check.
fn health_text(c: &Container) -> Option<String> {
    c.record.spec.health.check()?;
    Some(match c.state.health.as_ref().map(|h| h.status).unwrap_or_default() {
        HealthStatus::Starting => "health: starting".into(),
        s => s.as_str().into(),
    })
}

/// `health=` filter values: a running container's status, `none` for one
/// without a check.
fn health_name(c: &Container) -> &'static str {
    if c.record.spec.health.check().is_none() {
        return "none";
    }
    c.state.health.as_ref().map(|h| h.status).unwrap_or_default().as_str()
}

/// The state name Docker shows in `.State` and `status=` filters.
pub fn state_name(c: &Container) -> &'static str {
    match c.state.status {
        Status::Running | Status::Stopping | Status::Paused if !is_running(c) => "exited",
        s => s.as_str(),
    }
}

pub fn matches(c: &Container, filters: &[String], pods: &PodNames) -> Result<bool> {
    for f in filters {
        let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
        let ok = match key {
            "pod" => c.record.spec.pod.as_deref().is_some_and(|id| !value.is_empty() && (id.starts_with(value) || pods.get(id).is_some_and(|n| n == value))),
            "status" => state_name(c) == value,
            "name" => c.record.name.contains(value),
            "id" => c.record.id.starts_with(value),
            "label" => match value.split_once('=') {
                Some((k, v)) => c.record.spec.labels.get(k).is_some_and(|have| have == v),
                None => c.record.spec.labels.contains_key(value),
            },
            "ancestor" => c.record.image_name == value || c.record.image_id.trim_start_matches("sha256:").starts_with(value.trim_start_matches("sha256:")),
            "exited" => state_name(c) == "exited" && c.state.exit_code.map(|e| e.to_string()) == Some(value.to_string()),
            "health" => match value {
                "healthy" | "unhealthy" | "starting" | "none" => health_name(c) == value,
                other => anyhow::bail!("invalid health filter {other:?}: use healthy, unhealthy, starting or none"),
            },
            // Podman's: what a boot-time `start --all` (contrib/systemd) picks.
            "restart-policy" => match value {
                "no" | "always" | "unless-stopped" | "on-failure" => c.record.spec.restart.name == value,
                other => anyhow::bail!("invalid restart-policy filter {other:?}: use no, always, unless-stopped or on-failure"),
            },
            // Whether `pontoon stop` stopped it: an unless-stopped container
            // comes back at boot only when it was not.
            "stopped-by-user" => match value {
                "true" | "false" => c.state.stopped_by_user == (value == "true"),
                other => anyhow::bail!("invalid stopped-by-user filter {other:?}: use true or false"),
            },
            other => anyhow::bail!("invalid filter {other:?}: use status, name, id, label, ancestor, exited, health, pod, restart-policy or stopped-by-user"),
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn ps(ctx: &Ctx, args: PsArgs) -> Result<()> {
    args.accepted.check()?;
    // Sizes need the upper directories, which rootless belong to
    // subordinate ids: only then does ps enter the storage namespace.
    let store = if args.size { ctx.store()? } else { ctx.store_files_only()? };
    let image_sizes: std::collections::HashMap<String, u64> = if args.size {
        store.images.list()?.into_iter().map(|i| (i.id.to_string(), i.size)).collect()
    } else {
        Default::default()
    };
    let pods: PodNames = crate::engine::pods::list(&store)?.into_iter().map(|p| (p.id, p.name)).collect();
    let containers = listed_and_reconciled(&store)?;
    let limit = if args.latest { Some(1) } else { args.last };
    let show_all = args.all || limit.is_some() || !args.filter.is_empty();
    // By reference: a listed container is 2 kB, and a thousand of them
    // moved through each step showed in ps's profile.
    let mut kept: Vec<&Container> = Vec::with_capacity(containers.len());
    for c in containers.iter().filter(|c| show_all || is_running(c)) {
        if matches(c, &args.filter, &pods)? {
            kept.push(c);
        }
    }
    if let Some(n) = limit {
        kept.truncate(n);
    }
    let mut commands = CommandResolver::new(&store);
    sort(&mut kept, &args.sort, &mut commands)?;
    if args.quiet {
        let mut out = String::new();
        for c in &kept {
            out.push_str(if args.no_trunc { &c.record.id } else { &c.record.id[..12] });
            out.push('\n');
        }
        print!("{out}");
        return Ok(());
    }
    let rows: Vec<serde_json::Value> = kept
        .iter()
        .map(|c| {
            let command = command_column(&commands.words(c), compat_mode::current(), args.no_trunc);
            json!({
                "ID": if args.no_trunc { c.record.id.clone() } else { c.record.id[..12].to_string() },
                "Id": c.record.id,
                "Image": c.record.image_name,
                "ImageID": c.record.image_id,
                "Command": command,
                "CreatedAt": c.record.created.to_rfc3339(),
                "RunningFor": ago(c.record.created),
                "Status": status_text(c),
                "State": state_name(c),
                "Ports": ports_text(c),
                "Names": c.record.name,
                "Labels": c.record.spec.labels,
                "ExitCode": c.state.exit_code.unwrap_or(0),
                "Pid": c.state.pid.unwrap_or(0),
                "Mounts": crate::engine::mounts::mount_names(&c.record),
                "Size": if args.size { size_text(&store, c, &image_sizes) } else { String::new() },
                "Namespaces": if args.ns { super::ps_ns::namespaces(c) } else { serde_json::Value::Null },
                "Pod": c.record.spec.pod.as_deref().map(|p| if args.no_trunc { p.to_string() } else { p.chars().take(12).collect() }).unwrap_or_default(),
                "PodName": c.record.spec.pod.as_deref().and_then(|p| pods.get(p)).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let heading = super::output::Heading::from_noheading(args.noheading);
    if args.ns {
        return super::output::print_rows_with(&rows, args.format.as_deref(), heading, super::ps_ns::table);
    }
    super::output::print_rows_with(&rows, args.format.as_deref(), heading, |rows| {
        let mut header = vec!["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"];
        if args.size {
            header.push("SIZE");
        }
        if args.pod {
            header.extend(["POD ID", "PODNAME"]);
        }
        let mut table = Table::new(header);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            let mut row = vec![s("ID"), s("Image"), s("Command"), s("RunningFor"), s("Status"), s("Ports"), s("Names")];
            if args.size {
                row.push(s("Size"));
            }
            if args.pod {
                row.extend([s("Pod"), s("PodName")]);
            }
            table.push(row);
        }
        table.render()
    })
}

/// The containers as listings see them (store::container_listing), with
/// those whose monitor died marked exited.
fn listed_and_reconciled(store: &crate::store::Store) -> Result<Vec<Container>> {
    let mut listed = store.containers.list_for_listing()?;
    for c in listed.iter_mut() {
        crate::engine::lifecycle::reconcile_if_dead(store, c);
    }
    Ok(listed)
}

/// Podman's `--sort`: the list is newest first already (created).
fn sort(list: &mut [&Container], key: &str, commands: &mut CommandResolver) -> Result<()> {
    match key {
        "created" | "runningfor" => {}
        "id" => list.sort_by(|a, b| a.record.id.cmp(&b.record.id)),
        "names" => list.sort_by(|a, b| a.record.name.cmp(&b.record.name)),
        "image" => list.sort_by(|a, b| a.record.image_name.cmp(&b.record.image_name)),
        "command" => list.sort_by_cached_key(|c| commands.words(c).join(" ")),
        "status" => list.sort_by_key(|c| state_name(c).to_string()),
        // Sizes are not read without --size; size sorts as created then.
        "size" => {}
        other => anyhow::bail!("invalid --sort {other:?}: use command, created, id, image, names, runningfor, size or status"),
    }
    Ok(())
}

/// Docker's SIZE column: what the container wrote, and with its image.
fn size_text(store: &crate::store::Store, c: &Container, image_sizes: &std::collections::HashMap<String, u64>) -> String {
    let rw = crate::engine::volumes::dir_size(&crate::store::layout::ContainerPaths::new(store, &c.record.id).upper);
    let image = image_sizes.get(&c.record.image_id).copied().unwrap_or(0);
    format!("{} (virtual {})", crate::format::units::human_size(rw), crate::format::units::human_size(rw + image))
}

/// Docker's PORTS column: a running container's published ports (as
/// bound) and its exposed ones; nothing for a container that is not
/// running, whose ports are not bound.
fn ports_text(c: &Container) -> String {
    if !is_running(c) {
        return String::new();
    }
    let spec = &c.record.spec;
    crate::spec::ports::ps_ports(&c.state.ports, &crate::spec::ports::exposed_set(&spec.expose, &spec.ports))
}

/// The COMMAND column (and `{{.Command}}`) as the CLI pontoon stands in for
/// prints it (see `compat_mode`).
fn command_column(words: &[String], mode: Mode, no_trunc: bool) -> String {
    match mode {
        Mode::Docker => docker_command(words, no_trunc),
        Mode::Podman => podman_command(words, no_trunc),
    }
}

/// Docker's: the daemon puts arguments holding a space in single quotes
/// (not the program), the CLI cuts the line to 20 characters ending in `…`
/// and prints it Go-quoted: `"sh -c 'sleep 100; …"`.
fn docker_command(words: &[String], no_trunc: bool) -> String {
    let mut line = words.first().cloned().unwrap_or_default();
    for arg in words.iter().skip(1) {
        line.push(' ');
        if arg.contains(' ') {
            line.push_str(&format!("'{arg}'"));
        } else {
            line.push_str(arg);
        }
    }
    const WIDTH: usize = 20;
    if !no_trunc && line.chars().count() > WIDTH {
        line = format!("{}…", line.chars().take(WIDTH - 1).collect::<String>());
    }
    crate::format::text::go_quote(&line)
}

/// Podman's: the words joined by spaces, unquoted, cut to 17 characters
/// and `...`: `sh -c sleep 100;...`.
fn podman_command(words: &[String], no_trunc: bool) -> String {
    let line = words.join(" ");
    const KEPT: usize = 17;
    if !no_trunc && line.chars().count() > KEPT {
        return format!("{}...", line.chars().take(KEPT).collect::<String>());
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn docker_quotes_and_cuts_the_command() {
        let sh = words(&["sh", "-c", "sleep 1000; echo \"hi\""]);
        assert_eq!(docker_command(&sh, false), "\"sh -c 'sleep 1000; …\"");
        assert_eq!(docker_command(&sh, true), "\"sh -c 'sleep 1000; echo \\\"hi\\\"'\"");
        assert_eq!(docker_command(&words(&["top"]), false), "\"top\"");
        assert_eq!(docker_command(&[], false), "\"\"");
    }

    #[test]
    fn podman_prints_the_command_bare() {
        let sh = words(&["sh", "-c", "sleep 1000; echo hello world"]);
        assert_eq!(podman_command(&sh, false), "sh -c sleep 1000;...");
        assert_eq!(podman_command(&sh, true), "sh -c sleep 1000; echo hello world");
        assert_eq!(podman_command(&words(&["sleep", "9"]), false), "sleep 9");
    }
}
