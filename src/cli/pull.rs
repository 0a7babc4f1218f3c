//! `pontoon pull`.

use anyhow::{bail, Result};
use clap::Args;

use super::Ctx;

#[derive(Args, Debug)]
pub struct PullArgs {
    /// Image to pull (name[:tag] or name@digest)
    pub image: String,
    /// Pull for this platform (os/arch[/variant]) instead of the host's
    #[arg(long)]
    pub platform: Option<String>,
    /// Print only the image Id
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn pull(_ctx: &Ctx, _args: PullArgs) -> Result<()> {
    bail!("pull is being written")
}
