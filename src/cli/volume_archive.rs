//! `volume export` and `volume import` from the command line: where the
//! archive comes from and goes to (a file, stdin, stdout).

use std::io::IsTerminal;
use std::os::fd::AsFd;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::Ctx;
use crate::engine::volume_archive;

pub fn export(ctx: &Ctx, name: &str, output: Option<&Path>) -> Result<()> {
    let store = ctx.store_files_only()?;
    match output {
        None => {
            if std::io::stdout().is_terminal() {
                bail!("cowardly refusing to write a volume archive to a terminal: use -o FILE or redirect standard output");
            }
            let out = std::fs::File::from(std::io::stdout().as_fd().try_clone_to_owned().context("duplicate standard output")?);
            volume_archive::export(&store, name, out)
        }
        Some(path) => {
            // Written beside the target and renamed: a failed export leaves no half archive.
            crate::store::atomic::write_atomic_with(path, ".pontoon-export-", Some(0o644), |file| {
                let out = file.try_clone().context("duplicate the archive's file descriptor")?;
                volume_archive::export(&store, name, out)
            })
        }
    }
}

pub fn import(ctx: &Ctx, name: &str, source: &str) -> Result<()> {
    let store = ctx.store_files_only()?;
    if source == "-" {
        return volume_archive::import(&store, name, std::io::stdin().lock());
    }
    let file = std::fs::File::open(source).with_context(|| format!("open {source} (give a tar archive, or - for stdin)"))?;
    volume_archive::import(&store, name, file)
}
