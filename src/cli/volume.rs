//! `pontoon volume create|ls|inspect|rm|prune`, as Docker spells them.


use super::key_values::key_values;
use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use super::output::{each_name, for_each, print_rows};
use super::Ctx;
use crate::engine::volumes;
use crate::format::table::Table;
use crate::format::template::GoTemplate;
use crate::format::units::human_size;

#[derive(Subcommand, Debug)]
pub enum VolumeCommand {
    /// Create a volume
    Create(CreateArgs),
    /// List volumes
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show volumes as JSON or through a template
    Inspect(InspectArgs),
    /// Remove volumes (never one a container uses)
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Remove unused volumes (anonymous ones unless --all)
    Prune(PruneArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// Volume name (generated when absent)
    pub name: Option<String>,
    /// Driver (only "local")
    #[arg(short, long, default_value = "local")]
    pub driver: String,
    /// Set metadata (KEY=VALUE)
    #[arg(short, long = "label")]
    pub label: Vec<String>,
    /// Driver options: type=none, o=bind, device=/host/dir
    #[arg(short, long = "opt")]
    pub opt: Vec<String>,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Show only names
    #[arg(short, long)]
    pub quiet: bool,
    /// Filter: name=, label=, dangling=true|false, driver=
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Format the output with a Go template, e.g. '{{.Mountpoint}}'
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Do not fail on volumes that do not exist
    #[arg(short, long)]
    pub force: bool,
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Remove every unused volume, named ones too
    #[arg(short, long)]
    pub all: bool,
    /// Filter: label=KEY[=VALUE]
    #[arg(long)]
    pub filter: Vec<String>,
}

pub fn run(ctx: &Ctx, command: VolumeCommand) -> Result<()> {
    match command {
        VolumeCommand::Create(a) => create(ctx, a),
        VolumeCommand::Ls(a) => ls(ctx, a),
        VolumeCommand::Inspect(a) => inspect(ctx, a),
        VolumeCommand::Rm(a) => rm(ctx, a),
        VolumeCommand::Prune(a) => prune(ctx, a),
    }
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    if args.driver != "local" {
        bail!("unknown volume driver {:?}: only \"local\" exists here", args.driver);
    }
    let labels = key_values(&args.label, "--label")?;
    let options = key_values(&args.opt, "--opt")?;
    let store = ctx.store()?;
    let v = volumes::create(&store, args.name.as_deref(), labels, options)?;
    println!("{}", v.name);
    Ok(())
}

fn ls(ctx: &Ctx, args: LsArgs) -> Result<()> {
    let store = ctx.store()?;
    let counts = volumes::usage_counts(&store)?;
    let mut rows = Vec::new();
    for v in store.volumes.list()? {
        let mut keep = true;
        for f in &args.filter {
            let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
            keep &= match key {
                "name" => v.name.contains(value),
                "driver" => v.driver == value,
                "label" => match value.split_once('=') {
                    Some((k, val)) => v.labels.get(k).is_some_and(|have| have == val),
                    None => v.labels.contains_key(value),
                },
                "dangling" => match value {
                    "true" | "1" => !counts.contains_key(&v.name),
                    "false" | "0" => counts.contains_key(&v.name),
                    other => bail!("invalid filter dangling={other:?}: use true or false"),
                },
                other => bail!("invalid filter {other:?}: use name, label, dangling or driver"),
            };
        }
        if keep {
            rows.push(v);
        }
    }
    if args.quiet {
        rows.iter().for_each(|v| println!("{}", v.name));
        return Ok(());
    }
    let json: Vec<serde_json::Value> = rows
        .iter()
        .map(|v| {
            let mut j = volumes::inspect_json(&store, v);
            j["Links"] = counts.get(&v.name).copied().unwrap_or(0).into();
            j["Size"] = "N/A".into();
            j
        })
        .collect();
    print_rows(&json, args.format.as_deref(), |rows| {
        let mut table = Table::new(["DRIVER", "VOLUME NAME"]);
        for r in rows {
            table.push(vec![r["Driver"].as_str().unwrap_or_default().to_string(), r["Name"].as_str().unwrap_or_default().to_string()]);
        }
        table.render()
    })
}

fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    let template = args.format.as_deref().filter(|f| *f != "json").map(GoTemplate::parse).transpose()?;
    let store = ctx.store()?;
    let (objects, failures) = each_name(&args.names, |name| Ok(volumes::inspect_json(&store, &store.volumes.load(name)?)));
    super::inspect::print_inspected(&objects, template.as_ref(), failures)
}

fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    let store = ctx.store()?;
    for_each(&args.names, |name| {
        volumes::remove(&store, name, args.force)?;
        println!("{name}");
        Ok(())
    })
}

fn prune(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    let labels = super::key_values::label_filters(&args.filter)?;
    let warning = if args.all {
        "WARNING! This will remove all local volumes not used by at least one container."
    } else {
        "WARNING! This will remove anonymous local volumes not used by at least one container."
    };
    if !args.force && !super::output::confirm(warning)? {
        println!("Total reclaimed space: 0B");
        return Ok(());
    }
    let store = ctx.store()?;
    let (removed, bytes) = volumes::prune(&store, args.all, &labels)?;
    print_pruned(&removed, bytes);
    Ok(())
}

/// Docker's report of a volume prune.
pub fn print_pruned(removed: &[String], bytes: u64) {
    if !removed.is_empty() {
        println!("Deleted Volumes:");
        removed.iter().for_each(|n| println!("{n}"));
        println!();
    }
    println!("Total reclaimed space: {}", human_size(bytes));
}
