//! `pontoon volume create|ls|inspect|rm|prune`, as Docker spells them.


use super::key_values::key_values;
use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use super::output::{each_name, for_each, print_rows_with, Heading};
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
    /// Exit 0 when a volume exists, 1 when it does not
    Exists(ExistsArgs),
    /// Write a volume's content to a tar archive (stdout unless -o)
    Export(ExportArgs),
    /// Unpack a tar archive (a file or - for stdin) into a volume
    Import(ImportArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(super::refused::Refused<super::refused::Volume>),
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub name: String,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    pub name: String,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    pub name: String,
    /// The tar archive (plain or gzip), or - for stdin
    pub source: String,
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
    /// No error when the volume exists already (its name is printed)
    #[arg(long)]
    pub ignore: bool,
    /// The volume directory's owner (a user id as containers see it)
    #[arg(long, value_name = "UID")]
    pub uid: Option<u32>,
    /// The volume directory's group (a group id as containers see it)
    #[arg(long, value_name = "GID")]
    pub gid: Option<u32>,
    #[command(flatten)]
    pub accepted: super::network_accepted::VolumeCreateAccepted,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Show only names
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not print the column names
    #[arg(short, long)]
    pub noheading: bool,
    /// Filter: name= (a regular expression), label=, dangling=true|false, driver=
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    #[command(flatten)]
    pub accepted: super::network_accepted::VolumeLsAccepted,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Show every volume
    #[arg(short, long)]
    pub all: bool,
    #[arg(required_unless_present = "all")]
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
    /// Remove every volume no container uses
    #[arg(short, long)]
    pub all: bool,
    /// Accepted for Podman's scripts: pontoon never stops containers to remove a volume
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
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
        VolumeCommand::Refused(r) => r.refuse(),
        VolumeCommand::Create(a) => create(ctx, a),
        VolumeCommand::Ls(a) => ls(ctx, a),
        VolumeCommand::Inspect(a) => inspect(ctx, a),
        VolumeCommand::Rm(a) => rm(ctx, a),
        VolumeCommand::Prune(a) => prune(ctx, a),
        VolumeCommand::Exists(a) => exists(ctx, a),
        VolumeCommand::Export(a) => super::volume_archive::export(ctx, &a.name, a.output.as_deref()),
        VolumeCommand::Import(a) => super::volume_archive::import(ctx, &a.name, &a.source),
    }
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    if args.driver != "local" {
        bail!("unknown volume driver {:?}: only \"local\" exists here", args.driver);
    }
    args.accepted.check()?;
    let labels = key_values(&args.label, "--label")?;
    let options = key_values(&args.opt, "--opt")?;
    let store = ctx.store()?;
    if let Some(name) = args.name.as_deref().filter(|_| args.ignore) {
        // Podman's --ignore: an existing volume of that name is the answer, whatever its options.
        if store.volumes.load(name).is_ok() {
            println!("{name}");
            return Ok(());
        }
    }
    let v = volumes::create(&store, args.name.as_deref(), labels, options)?;
    if let Err(e) = volumes::set_owner(&store, &v, args.uid, args.gid) {
        // No half-made volume: it goes again when it cannot be given away.
        let _ = volumes::remove(&store, &v.name, true);
        return Err(e);
    }
    println!("{}", v.name);
    Ok(())
}

fn ls(ctx: &Ctx, args: LsArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    let counts = volumes::usage_counts(&store)?;
    let mut rows = Vec::new();
    for v in store.volumes.list()? {
        let mut keep = true;
        for f in &args.filter {
            let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
            keep &= match key {
                "name" => name_pattern(value)?.is_match(&v.name),
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
    print_rows_with(&json, args.format.as_deref(), Heading::from_noheading(args.noheading), |rows| {
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
    let names = match (args.all, args.names.is_empty()) {
        (true, true) => store.volumes.list()?.into_iter().map(|v| v.name).collect(),
        (true, false) => bail!("volume inspect: --all cannot be used with volume names: give one or the other"),
        (false, _) => args.names,
    };
    let (objects, failures) = each_name(&names, |name| Ok(volumes::inspect_json(&store, &store.volumes.load(name)?)));
    super::inspect::print_inspected(&objects, template.as_ref(), failures)
}

fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    let store = ctx.store()?;
    let names: Vec<String> = match (args.all, args.names.is_empty()) {
        (true, true) => {
            // Podman's --all: every volume no container uses; the others are named in the errors.
            let in_use = crate::store::volumes::volumes_in_use(&store)?;
            store.volumes.list()?.into_iter().map(|v| v.name).filter(|n| !in_use.contains(n)).collect()
        }
        (true, false) => bail!("volume rm: --all cannot be used with volume names: give one or the other"),
        (false, true) => bail!("volume rm needs at least one volume name (or --all)"),
        (false, false) => args.names.clone(),
    };
    for_each(&names, |name| {
        volumes::remove(&store, name, args.force)?;
        println!("{name}");
        Ok(())
    })
}

/// `name=` filters are regular expressions in Podman; a plain word
/// matches anywhere in the name, as Docker's substring match does.
fn name_pattern(value: &str) -> Result<regex::Regex> {
    regex::Regex::new(value).map_err(|e| anyhow::anyhow!("invalid filter name={value:?}: not a regular expression ({e})"))
}

fn exists(ctx: &Ctx, args: ExistsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    match store.volumes.load(&args.name) {
        Ok(_) => Ok(()),
        Err(e) if crate::store::volumes::is_not_found(&e) => Err(crate::errors::PontoonError::Exit(1).into()),
        Err(e) => Err(e),
    }
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
