//! `pontoon system df` and `system prune`, with Docker's columns and words.

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::output::print_rows;
use super::Ctx;
use crate::engine::disk_usage::{self, Usage};
use crate::format::table::Table;
use crate::format::units::human_size;

#[derive(Args, Debug)]
pub struct DfArgs {
    /// Show each image, container and volume
    #[arg(short, long)]
    pub verbose: bool,
    /// Output: table, json, or a Go template over Type, TotalCount (Podman: Total), Active, Size, Reclaimable
    #[arg(long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove every image no container uses, not only dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Remove unused anonymous volumes too
    #[arg(long)]
    pub volumes: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub accepted: super::image_accepted::SystemPruneAccepted,
}

fn reclaimable(u: &Usage) -> String {
    let percent = (u.reclaimable * 100).checked_div(u.size).unwrap_or(0);
    if u.reclaimable > 0 {
        format!("{} ({percent}%)", human_size(u.reclaimable))
    } else {
        human_size(u.reclaimable)
    }
}

fn row(kind: &str, u: &Usage) -> serde_json::Value {
    json!({
        "Type": kind,
        // Docker's name, and Podman's.
        "TotalCount": u.total.to_string(),
        "Total": u.total.to_string(),
        "Active": u.active.to_string(),
        "Size": human_size(u.size),
        "Reclaimable": reclaimable(u),
    })
}

pub fn df(ctx: &Ctx, args: DfArgs) -> Result<()> {
    let store = ctx.store()?;
    let usage = disk_usage::disk_usage(&store)?;
    if args.verbose && args.format.is_none() {
        print_verbose(&usage);
        return Ok(());
    }
    let rows = vec![
        row("Images", &usage.images),
        row("Containers", &usage.containers),
        row("Local Volumes", &usage.volumes),
        row("Build Cache", &Usage::default()),
    ];
    print_rows(&rows, args.format.as_deref(), |rows| {
        let mut table = Table::new(["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("Type"), s("TotalCount"), s("Active"), s("Size"), s("Reclaimable")]);
        }
        table.render()
    })
}

fn print_verbose(usage: &disk_usage::DiskUsage) {
    println!("Images space usage:\n");
    let mut images = Table::new(["REPOSITORY", "TAG", "IMAGE ID", "SIZE", "CONTAINERS"]);
    for i in &usage.image_rows {
        let name = i.record.names.first().map(|n| crate::engine::images::familiar_tag(n)).unwrap_or_else(|| "<none>:<none>".into());
        let (repo, tag) = name.rsplit_once(':').unwrap_or((&name, "<none>"));
        images.push(vec![repo.into(), tag.into(), i.record.id.short().to_string(), human_size(i.size), i.containers.to_string()]);
    }
    print!("{}", images.render());
    println!("\nContainers space usage:\n");
    let mut containers = Table::new(["CONTAINER ID", "IMAGE", "LOCAL VOLUMES", "SIZE", "STATUS", "NAMES"]);
    for c in &usage.container_rows {
        let status = if c.running { "running" } else { "stopped" };
        containers.push(vec![c.id[..12].to_string(), c.image.clone(), c.volumes.to_string(), human_size(c.size), status.into(), c.name.clone()]);
    }
    print!("{}", containers.render());
    println!("\nLocal Volumes space usage:\n");
    let mut volumes = Table::new(["VOLUME NAME", "LINKS", "SIZE"]);
    for v in &usage.volume_rows {
        volumes.push(vec![v.name.clone(), v.links.to_string(), human_size(v.size)]);
    }
    print!("{}", volumes.render());
}

pub fn prune(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    args.accepted.check()?;
    let mut warning = String::from("WARNING! This will remove:\n  - all stopped containers\n");
    if args.volumes {
        warning.push_str("  - all anonymous volumes not used by at least one container\n");
    }
    warning.push_str(if args.all { "  - all images without at least one container associated to them\n" } else { "  - all dangling images\n" });
    warning.push_str("  - all build cache\n");
    if !args.force && !super::output::confirm(&warning)? {
        println!("Total reclaimed space: 0B");
        return Ok(());
    }
    let store = ctx.store()?;
    let report = disk_usage::prune(&store, args.all, args.volumes)?;
    if !report.containers.is_empty() {
        println!("Deleted Containers:");
        report.containers.iter().for_each(|id| println!("{id}"));
        println!();
    }
    if !report.volumes.is_empty() {
        println!("Deleted Volumes:");
        report.volumes.iter().for_each(|n| println!("{n}"));
        println!();
    }
    if !report.images.is_empty() {
        println!("Deleted Images:");
        report.images.iter().for_each(|id| println!("deleted: {id}"));
        println!();
    }
    if report.build_cache > 0 {
        println!("Deleted build cache objects: {}", report.build_cache);
        println!();
    }
    println!("Total reclaimed space: {}", human_size(report.bytes));
    Ok(())
}
