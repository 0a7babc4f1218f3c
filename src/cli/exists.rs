//! Podman's `image exists`, `container exists` and `untag`: the first two
//! print nothing and answer with the exit code (0 there, 1 not), which is
//! what scripts test in `if pontoon image exists app; then`.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::errors::PontoonError;

#[derive(Args, Debug)]
pub struct ExistsArgs {
    /// Name or Id
    pub name: String,
    /// Accepted for Podman's scripts: pontoon has no containers other tools made
    #[arg(long)]
    pub external: bool,
}

#[derive(Args, Debug)]
pub struct UntagArgs {
    /// The image
    pub image: String,
    /// The names to remove (all of them when none is given)
    pub names: Vec<String>,
}

pub fn image_exists(ctx: &Ctx, args: ExistsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    answer(crate::engine::images::resolve(&store, &args.name).map(|_| ()), |e| matches!(e, PontoonError::ImageNotFound(_)))
}

pub fn container_exists(ctx: &Ctx, args: ExistsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    answer(store.containers.find(&args.name).map(|_| ()), |e| matches!(e, PontoonError::NoSuchContainer(_)))
}

/// Ok for found, exit 1 (silently) for the missing kind, else the error.
fn answer(found: Result<()>, missing: impl Fn(&PontoonError) -> bool) -> Result<()> {
    match found {
        Err(e) if e.downcast_ref::<PontoonError>().is_some_and(missing) => Err(PontoonError::Exit(1).into()),
        other => other,
    }
}

pub fn untag(ctx: &Ctx, args: UntagArgs) -> Result<()> {
    let store = ctx.store()?;
    crate::engine::images::untag(&store, &args.image, &args.names)
}
