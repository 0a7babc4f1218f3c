//! `rename` and `container prune`.

use anyhow::{bail, Result};
use clap::Args;

use super::Ctx;
use crate::engine::container::validate_name;
use crate::engine::lifecycle::{self, is_running};
use crate::engine::volumes::dir_size;
use crate::format::units::human_size;
use crate::store::layout::ContainerPaths;

#[derive(Args, Debug)]
pub struct RenameArgs {
    pub container: String,
    pub new_name: String,
}

#[derive(Args, Debug)]
pub struct ContainerPruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub accepted: super::lifecycle_accepted::ContainerPruneAccepted,
}

pub fn rename(ctx: &Ctx, args: RenameArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let new_name = args.new_name.strip_prefix('/').unwrap_or(&args.new_name);
    validate_name(new_name)?;
    let c = store.containers.find(&args.container)?;
    if c.record.name == new_name {
        bail!("container {} is already named {new_name}: give a different name", &c.record.id[..12]);
    }
    store.containers.rename(&c.record.id, new_name)?;
    crate::engine::events::emit(&store, crate::engine::events::Event::container("rename", &c.record).attr("oldName", &c.record.name).named(new_name));
    Ok(())
}

pub fn prune(ctx: &Ctx, args: ContainerPruneArgs) -> Result<()> {
    args.accepted.check()?;
    if !args.force && !super::output::confirm("WARNING! This will remove all stopped containers.")? {
        println!("Total reclaimed space: 0B");
        return Ok(());
    }
    lifecycle::reconcile_named(&ctx.store_files_only()?, &[], true);
    let store = ctx.store()?;
    let mut removed = crate::engine::removal::finish_interrupted(&store)?;
    let mut bytes = 0;
    for c in store.containers.list()? {
        let c = lifecycle::reconcile(&store, &c)?;
        // A pod's containers go with their pod (pod prune), as in Podman.
        if is_running(&c) || c.record.spec.pod.is_some() {
            continue;
        }
        let size = dir_size(&ContainerPaths::new(&store, &c.record.id).upper);
        lifecycle::remove(&store, &c, false)?;
        bytes += size;
        removed.push(c.record.id);
    }
    if !removed.is_empty() {
        println!("Deleted Containers:");
        for id in &removed {
            println!("{id}");
        }
        println!();
    }
    println!("Total reclaimed space: {}", human_size(bytes));
    Ok(())
}
