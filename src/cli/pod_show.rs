//! `pod ps`, `pod inspect`, `pod top`, `pod stats` and `pod logs`: what
//! pods show, printed as Podman prints it.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use serde_json::{json, Value};

use super::output::{print_rows_with, Heading};
use super::Ctx;
use crate::engine::pods;
use crate::engine::pods_view::{container_state, status};
use crate::format::table::Table;
use crate::format::template::{GoTemplate, OutputFormat};
use crate::store::containers::Container;
use crate::store::pods::PodRecord;

const PS_EXAMPLES: &str = "\
Examples:
  pontoon pod ps
  pontoon pod ps --ctr-names --ctr-status
  pontoon pod ps --filter status=running -q
  pontoon pod ps --format '{{.Name}} {{.NumberOfContainers}}'";

#[derive(Args, Debug)]
#[command(after_help = PS_EXAMPLES)]
pub struct PodPsArgs {
    /// Show only Ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not truncate Ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Show the names of each pod's containers
    #[arg(long)]
    pub ctr_names: bool,
    /// Show the Ids of each pod's containers
    #[arg(long)]
    pub ctr_ids: bool,
    /// Show the status of each pod's containers
    #[arg(long)]
    pub ctr_status: bool,
    /// Filter: name=, label=, status=, id=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Show the latest created pod
    #[arg(short, long)]
    pub latest: bool,
    /// Leave out the column names
    #[arg(long)]
    pub noheading: bool,
    /// Sort the pods by created (newest first, the default), id, name, number (of containers) or status
    #[arg(long, value_name = "FIELD", value_parser = ["created", "id", "name", "number", "status"])]
    pub sort: Option<String>,
    #[command(flatten)]
    pub accepted: super::pod_accepted::PodPsAccepted,
}

#[derive(Args, Debug)]
pub struct PodInspectArgs {
    /// Output: json (default) or a Go template
    #[arg(short, long)]
    pub format: Option<String>,
    /// Show the latest created pod
    #[arg(short, long, conflicts_with = "pods")]
    pub latest: bool,
    #[arg(required_unless_present = "latest")]
    pub pods: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PodTopArgs {
    /// Show the latest created pod's processes
    #[arg(short, long)]
    pub latest: bool,
    /// The pod (with --latest, the first ps option)
    #[arg(required_unless_present = "latest")]
    pub pod: Option<String>,
    /// ps options (accepted for compatibility; the columns are ps -ef's)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub ps_options: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PodStatsArgs {
    /// Show every pod (default: those named)
    #[arg(short, long)]
    pub all: bool,
    /// Show the latest created pod
    #[arg(short, long, conflicts_with_all = ["all", "pods"])]
    pub latest: bool,
    #[command(flatten)]
    pub display: super::stats::StatsDisplay,
    pub pods: Vec<String>,
    #[command(flatten)]
    pub accepted: super::pod_accepted::PodStatsAccepted,
}

#[derive(Args, Debug)]
pub struct PodLogsArgs {
    /// Only this container of the pod
    #[arg(short, long)]
    pub container: Option<String>,
    /// Follow the logs
    #[arg(short, long)]
    pub follow: bool,
    /// Show entries since (RFC 3339 time or relative: 10s, 5m, 2h)
    #[arg(long)]
    pub since: Option<String>,
    /// Show entries before (same forms as --since)
    #[arg(long)]
    pub until: Option<String>,
    /// Number of lines from the end of each container's log ("all" for every line)
    #[arg(short = 'n', long, default_value = "all")]
    pub tail: String,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    /// Start each line with its container's name (rather than its short Id)
    #[arg(long)]
    pub names: bool,
    /// Show the latest created pod's logs
    #[arg(short, long, conflicts_with = "pod")]
    pub latest: bool,
    #[arg(required_unless_present = "latest")]
    pub pod: Option<String>,
    #[command(flatten)]
    pub accepted: super::pod_accepted::PodLogsAccepted,
}

/// `--latest`: the pod created last.
fn latest(store: &crate::store::Store) -> Result<PodRecord> {
    // pods::list is newest first.
    pods::list(store)?.into_iter().next().ok_or_else(|| anyhow::anyhow!("--latest: there are no pods"))
}

fn short(id: &str, no_trunc: bool) -> String {
    if no_trunc { id.to_string() } else { id.chars().take(12).collect() }
}

fn matches(pod: &PodRecord, members: &[Container], filters: &[String]) -> Result<bool> {
    for f in filters {
        let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
        let ok = match key {
            "name" => pod.name.contains(value),
            "id" => pod.id.starts_with(value),
            "label" => match value.split_once('=') {
                Some((k, v)) => pod.spec.labels.get(k).is_some_and(|have| have == v),
                None => pod.spec.labels.contains_key(value),
            },
            "status" => status(members).eq_ignore_ascii_case(value),
            "ctr-names" => members.iter().any(|c| c.record.name == value),
            "ctr-ids" => members.iter().any(|c| c.record.id.starts_with(value)),
            "ctr-status" => members.iter().any(|c| container_state(c) == value),
            "ctr-number" => members.len().to_string() == value,
            other => anyhow::bail!("invalid filter {other:?}: use name, id, label, status, ctr-names, ctr-ids, ctr-status or ctr-number"),
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn ps(ctx: &Ctx, args: PodPsArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store_files_only()?;
    let mut shown = Vec::new();
    let all = crate::engine::lifecycle::reconciled(&store, store.containers.list()?);
    for pod in pods::list(&store)? {
        let members = pods::members_in(&pod, &all);
        if matches(&pod, &members, &args.filter)? {
            shown.push((pod, members));
        }
    }
    if args.latest {
        shown.truncate(1);
    }
    // Stable sorts: pods that tie stay newest first.
    match args.sort.as_deref() {
        Some("id") => shown.sort_by(|a, b| a.0.id.cmp(&b.0.id)),
        Some("name") => shown.sort_by(|a, b| a.0.name.cmp(&b.0.name)),
        Some("number") => shown.sort_by_key(|(_, members)| members.len()),
        Some("status") => shown.sort_by_key(|(_, members)| status(members)),
        _ => {}
    }
    if args.quiet {
        // Podman prints whole Ids here.
        for (pod, _) in &shown {
            println!("{}", pod.id);
        }
        return Ok(());
    }
    if matches!(OutputFormat::parse(args.format.as_deref()), OutputFormat::Json) {
        let docs: Vec<Value> = shown.iter().map(|(p, m)| ps_json(p, m)).collect();
        println!("{}", serde_json::to_string_pretty(&docs)?);
        return Ok(());
    }
    let rows: Vec<Value> = shown.iter().map(|(p, m)| ps_row(p, m, args.no_trunc)).collect();
    print_rows_with(&rows, args.format.as_deref(), Heading::from_noheading(args.noheading), |rows| {
        let mut header = vec!["POD ID", "NAME", "STATUS", "CREATED", "INFRA ID"];
        let per_container = args.ctr_ids || args.ctr_names || args.ctr_status;
        if args.ctr_ids {
            header.push("IDS");
        }
        if args.ctr_names {
            header.push("NAMES");
        }
        if args.ctr_status {
            header.push("STATUS");
        }
        if !per_container {
            header.push("# OF CONTAINERS");
        }
        let mut table = Table::new(header);
        for r in rows {
            let s = |k: &str| match &r[k] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let mut row = vec![s("ID"), s("Name"), s("Status"), s("Created"), s("InfraID")];
            if args.ctr_ids {
                row.push(s("ContainerIds"));
            }
            if args.ctr_names {
                row.push(s("ContainerNames"));
            }
            if args.ctr_status {
                row.push(s("ContainerStatuses"));
            }
            if !per_container {
                row.push(s("NumberOfContainers"));
            }
            table.push(row);
        }
        table.render()
    })
}

/// The fields `pod ps --format` templates name (Podman's).
fn ps_row(pod: &PodRecord, members: &[Container], no_trunc: bool) -> Value {
    let join = |f: &dyn Fn(&Container) -> String| members.iter().map(f).collect::<Vec<_>>().join(",");
    json!({
        "ID": short(&pod.id, no_trunc),
        "Id": pod.id,
        "Name": pod.name,
        "Status": status(members),
        "Created": crate::format::units::ago(pod.created),
        "CreatedAt": pod.created.to_rfc3339(),
        "InfraID": pod.infra_id.as_deref().map(|i| short(i, no_trunc)).unwrap_or_default(),
        "InfraId": pod.infra_id.clone().unwrap_or_default(),
        "NumberOfContainers": members.len(),
        "ContainerIds": join(&|c| short(&c.record.id, no_trunc)),
        "ContainerNames": join(&|c| c.record.name.clone()),
        "ContainerStatuses": join(&|c| container_state(c).to_string()),
        "Labels": pod.spec.labels,
        "Networks": network_names(pod),
    })
}

/// `pod ps --format json`: Podman's document.
fn ps_json(pod: &PodRecord, members: &[Container]) -> Value {
    json!({
        "Cgroup": "",
        "Containers": members.iter().map(|c| json!({ "Id": c.record.id, "Names": c.record.name, "Status": container_state(c) })).collect::<Vec<_>>(),
        "Created": pod.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "Id": pod.id,
        "InfraId": pod.infra_id.clone().unwrap_or_default(),
        "Name": pod.name,
        "Namespace": "",
        "Networks": network_names(pod),
        "Status": status(members),
        "Labels": pod.spec.labels,
    })
}

fn network_names(pod: &PodRecord) -> Vec<String> {
    match &pod.spec.network {
        crate::spec::network::NetworkMode::Networks(n) if pod.spec.infra => n.iter().map(|a| a.network.clone()).collect(),
        _ => Vec::new(),
    }
}

pub fn inspect(ctx: &Ctx, args: PodInspectArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let names = if args.latest { vec![latest(&store)?.id] } else { args.pods.clone() };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for name in &names {
        match pods::find(&store, name) {
            Ok(pod) => {
                let members = pods::members(&store, &pod)?;
                docs.push(crate::engine::pods_view::inspect(&pod, &members));
            }
            Err(e) => errors.push(e),
        }
    }
    match OutputFormat::parse(args.format.as_deref()) {
        OutputFormat::Table | OutputFormat::Json => {
            // Podman 4 prints one pod as an object, several as a list.
            let out = if docs.len() == 1 && names.len() == 1 { serde_json::to_string_pretty(&docs[0])? } else { serde_json::to_string_pretty(&docs)? };
            if !docs.is_empty() || errors.is_empty() {
                println!("{out}");
            }
        }
        OutputFormat::Template(t) | OutputFormat::CustomTable(t) => {
            let template = GoTemplate::parse(&t)?;
            for d in &docs {
                println!("{}", template.render(d)?);
            }
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(errors.remove(0)),
        _ => Err(crate::errors::PontoonError::Several(errors).into()),
    }
}

pub fn top(ctx: &Ctx, args: PodTopArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let pod = match (&args.pod, args.latest) {
        (Some(name), false) => pods::find(&store, name)?,
        _ => latest(&store)?,
    };
    let mut header = vec!["CONTAINER"];
    header.extend(crate::engine::top::COLUMNS);
    let mut table = Table::new(header);
    for row in crate::engine::pods_ops::top(&store, &pod)? {
        table.push(row);
    }
    print!("{}", table.render());
    Ok(())
}

pub fn stats(ctx: &Ctx, args: PodStatsArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store_files_only()?;
    let chosen: Vec<PodRecord> = match (args.all || args.pods.is_empty(), args.pods.is_empty()) {
        _ if args.latest => vec![latest(&store)?],
        (true, true) => pods::list(&store)?,
        (true, false) => anyhow::bail!("--all and pod names cannot be used together: give one or the other"),
        _ => args.pods.iter().map(|p| pods::find(&store, p)).collect::<Result<_>>()?,
    };
    let sampler = crate::engine::stats::Sampler::new();
    let no_trunc = args.display.no_trunc;
    let sample = || {
        let mut rows = Vec::new();
        for pod in &chosen {
            let ids: Vec<String> = pods::members(&store, pod)?.into_iter().filter(crate::engine::lifecycle::is_running).map(|c| c.record.id).collect();
            if ids.is_empty() {
                continue;
            }
            for r in sampler.rows(&store, &ids, false)? {
                let mut row = super::stats::row(&r, no_trunc);
                row["Pod"] = json!(short(&pod.id, no_trunc));
                row["PodName"] = json!(pod.name);
                rows.push(row);
            }
        }
        Ok(rows)
    };
    args.display.show(sample, |rows| {
        let mut table = Table::new(["POD", "CID", "NAME", "CPU %", "MEM USAGE/ LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("Pod"), s("ID"), s("Name"), s("CPUPerc"), s("MemUsage"), s("MemPerc"), s("NetIO"), s("BlockIO"), s("PIDs")]);
        }
        table.render()
    })
}

/// `pod logs`: each container's records; with more than one container,
/// each line starts with the container's short Id, as Podman prints it.
pub fn logs(ctx: &Ctx, args: PodLogsArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store_files_only()?;
    let pod = match &args.pod {
        Some(name) => pods::find(&store, name)?,
        None => latest(&store)?,
    };
    let sources = crate::engine::pods_ops::log_sources(&store, &pod, args.container.as_deref())?;
    // --names asks for the prefix even for one container.
    let prefix = sources.len() > 1 || args.names;
    let opts = crate::engine::logs::LogOptions { since: args.since.as_deref(), until: args.until.as_deref(), tail: &args.tail, follow: args.follow };
    let out = std::sync::Mutex::new(());
    let show = |c: &Container| {
        let mut at_line_start = true;
        let tag = if args.names { c.record.name.clone() } else { short(&c.record.id, false) };
        crate::engine::logs::logs(&store, &c.record.id, &opts, |r| {
            let _held = out.lock();
            let mut w: Box<dyn Write> = if r.stream == "stderr" { Box::new(std::io::stderr()) } else { Box::new(std::io::stdout()) };
            if prefix && at_line_start {
                let _ = write!(w, "{tag} ");
            }
            if args.timestamps && at_line_start {
                let _ = write!(w, "{} ", r.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true));
            }
            let _ = w.write_all(&r.text);
            if r.full {
                let _ = w.write_all(b"\n");
            }
            at_line_start = r.full;
            let _ = w.flush();
        })
    };
    if !args.follow {
        for c in &sources {
            show(c)?;
        }
        return Ok(());
    }
    // Followed, the containers' logs come as they are written.
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources.iter().map(|c| scope.spawn(|| show(c))).collect();
        for h in handles {
            h.join().map_err(|_| anyhow::anyhow!("a log reader of pod {} failed", pod.name))??;
        }
        Ok(())
    })
}
