//! `pontoon save`, `load` and `import`.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;

use super::Ctx;

#[derive(Args, Debug)]
pub struct SaveArgs {
    /// Images to save
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Archive format: docker-archive (default) or oci-archive
    #[arg(long, default_value = "docker-archive")]
    pub format: String,
}

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Read from this file instead of standard input
    #[arg(short, long)]
    pub input: Option<PathBuf>,
    /// Print only the loaded image names
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Tarball path, URL, or - for standard input
    pub source: String,
    /// Name for the new image
    pub reference: Option<String>,
    /// Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR)
    #[arg(short, long)]
    pub change: Vec<String>,
    /// Commit message
    #[arg(short, long)]
    pub message: Option<String>,
    /// Print only the image Id
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn save(_ctx: &Ctx, _args: SaveArgs) -> Result<()> {
    bail!("save is being written")
}

pub fn load(_ctx: &Ctx, _args: LoadArgs) -> Result<()> {
    bail!("load is being written")
}

pub fn import(_ctx: &Ctx, _args: ImportArgs) -> Result<()> {
    bail!("import is being written")
}
