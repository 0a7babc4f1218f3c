//! `pontoon mount [CONTAINER...]` and `pontoon umount CONTAINER...` (also
//! `container mount`, `container umount`, `container unmount`), as
//! Podman's: mount prints where each container's root filesystem is, or
//! without names lists the mounted containers; umount prints the names.
//! Rootless, only inside `pontoon unshare` (see engine::container_mount).

use anyhow::{bail, Result};
use clap::Args;
use serde_json::json;

use super::output::each_name;
use super::targets::{for_each_target, Selection, Wanted};
use super::Ctx;
use crate::engine::container_mount;

const MOUNT_EXAMPLES: &str = "\
Examples:
  pontoon mount web                       print where web's files are
  pontoon mount                           list the mounted containers
  pontoon unshare sh -c 'ls $(pontoon mount web)'   (rootless)";

#[derive(Args, Debug)]
#[command(after_help = MOUNT_EXAMPLES)]
pub struct ContainerMountArgs {
    /// Mount every container
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Do not truncate Ids in the list
    #[arg(long, visible_alias = "notruncate")]
    pub no_trunc: bool,
    /// Print the list as json
    #[arg(long, value_parser = ["json"])]
    pub format: Option<String>,
    /// Containers, by name or Id
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ContainerUnmountArgs {
    #[command(flatten)]
    pub select: Selection,
    /// Accepted for Podman's scripts: the mount is undone whatever its count
    #[arg(short, long)]
    pub force: bool,
}

pub fn mount(ctx: &Ctx, args: ContainerMountArgs) -> Result<()> {
    container_mount::require_shared_mount_namespace(&ctx.paths, "mount")?;
    let store = ctx.store()?;
    if args.all && !args.containers.is_empty() {
        bail!("mount: --all cannot be used with container names: give one or the other");
    }
    if args.all {
        let names: Vec<String> = store.containers.list()?.into_iter().map(|c| c.record.id).collect();
        return mount_each(&store, &names);
    }
    if !args.containers.is_empty() {
        return mount_each(&store, &args.containers);
    }
    let mounted = container_mount::list(&store)?;
    if args.format.is_some() {
        let rows: Vec<_> = mounted
            .iter()
            .map(|(c, path)| json!({"id": c.record.id, "Names": [c.record.name], "mountpoint": path.display().to_string()}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    for (c, path) in mounted {
        let id = if args.no_trunc { c.record.id.as_str() } else { &c.record.id[..12] };
        println!("{id}  {}", path.display());
    }
    Ok(())
}

fn mount_each(store: &crate::store::Store, names: &[String]) -> Result<()> {
    let (_, failures) = each_name(names, |name| {
        let c = crate::engine::lifecycle::reconcile(store, &store.containers.find(name)?)?;
        println!("{}", container_mount::mount(store, &c)?.display());
        Ok(())
    });
    failures.into_result()
}

pub fn unmount(ctx: &Ctx, args: ContainerUnmountArgs) -> Result<()> {
    container_mount::require_shared_mount_namespace(&ctx.paths, "umount")?;
    let store = ctx.store()?;
    let wanted = Wanted { verb: "umount", applies: &|_| true, ignore_missing: false };
    let targets = args.select.resolve(&store, &wanted)?;
    for_each_target(targets, |t| container_mount::unmount(&store, &t.container))
}
