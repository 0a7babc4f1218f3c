//! `pontoon image mount`, `image unmount` and `unshare`.
//!
//! An image mount is read-only (lowers only, no upper directory) at
//! `<runroot>/image-mounts/<image id>/merged`, recorded in `mount.json`
//! beside it so that `image unmount` knows how to undo it. Rootless, the
//! mount lives in the storage namespace of the command that made it and
//! vanishes with it: use it from inside `pontoon unshare`, as with Podman:
//! `pontoon unshare sh -c 'ls $(pontoon image mount IMG)'`.

use std::os::unix::process::CommandExt;
use std::process::Command;

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::engine::image_mount;
use crate::errors::{PontoonError, EXIT_CANNOT_INVOKE, EXIT_NOT_FOUND};

#[derive(Args, Debug)]
pub struct MountArgs {
    /// Image to mount
    pub image: String,
    #[command(flatten)]
    pub accepted: super::image_accepted::ImageMountAccepted,
}

#[derive(Args, Debug)]
pub struct UnmountArgs {
    /// Image to unmount
    pub image: String,
    #[command(flatten)]
    pub accepted: super::image_accepted::ImageUnmountAccepted,
}

#[derive(Args, Debug)]
pub struct UnshareArgs {
    /// Command to run (default: $SHELL)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
    #[command(flatten)]
    pub accepted: super::lifecycle_accepted::UnshareAccepted,
}

pub fn mount(ctx: &Ctx, args: MountArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    println!("{}", image_mount::mount(&store, &args.image)?.display());
    Ok(())
}

pub fn unmount(ctx: &Ctx, args: UnmountArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    println!("{}", image_mount::unmount(&store, &args.image)?);
    Ok(())
}

pub fn unshare(ctx: &Ctx, args: UnshareArgs) -> Result<()> {
    args.accepted.check()?;
    // Enters the user and mount namespace (rootless); as root a no-op.
    let store = ctx.store()?;
    let command = if args.command.is_empty() {
        vec![std::env::var("SHELL").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/bin/sh".into())]
    } else {
        args.command
    };
    // Nested pontoon commands use the same store even when it was given
    // with --root/--runroot.
    let Some(program) = crate::engine::entry::find_command(&command[0]) else {
        return Err(PontoonError::StartFailed { code: EXIT_NOT_FOUND, message: format!("{}: command not found", command[0]) }.into());
    };
    let err = Command::new(program)
        .args(&command[1..])
        .env("PONTOON_ROOT", &store.paths.root)
        .env("PONTOON_RUNROOT", &store.paths.runroot)
        .exec();
    let code = if err.kind() == std::io::ErrorKind::NotFound { EXIT_NOT_FOUND } else { EXIT_CANNOT_INVOKE };
    Err(PontoonError::StartFailed { code, message: format!("cannot run {}: {err}", command[0]) }.into())
}
