//! `pontoon image mount`, `image unmount` and `unshare`.

use anyhow::{bail, Result};
use clap::Args;

use super::Ctx;

#[derive(Args, Debug)]
pub struct MountArgs {
    /// Image to mount
    pub image: String,
}

#[derive(Args, Debug)]
pub struct UnmountArgs {
    /// Image to unmount
    pub image: String,
}

#[derive(Args, Debug)]
pub struct UnshareArgs {
    /// Command to run (default: $SHELL)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

pub fn mount(_ctx: &Ctx, _args: MountArgs) -> Result<()> {
    bail!("image mount is being written")
}

pub fn unmount(_ctx: &Ctx, _args: UnmountArgs) -> Result<()> {
    bail!("image unmount is being written")
}

pub fn unshare(_ctx: &Ctx, _args: UnshareArgs) -> Result<()> {
    bail!("unshare is being written")
}
