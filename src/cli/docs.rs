//! Man pages and shell completions generated from the clap definitions.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use clap_complete::Shell;

#[derive(Args, Debug)]
pub struct DocsArgs {
    /// Directory for man pages
    #[arg(long, default_value = "man")]
    pub man: PathBuf,
    /// Directory for shell completions
    #[arg(long, default_value = "completions")]
    pub completions: PathBuf,
}

pub fn generate(args: DocsArgs) -> Result<()> {
    fs::create_dir_all(&args.man).with_context(|| format!("create {}", args.man.display()))?;
    let cmd = super::command();
    clap_mangen::generate_to(cmd.clone(), &args.man).with_context(|| format!("write man pages to {}", args.man.display()))?;
    fs::create_dir_all(&args.completions).with_context(|| format!("create {}", args.completions.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = cmd.clone();
        let path = clap_complete::generate_to(shell, &mut cmd, "pontoon", &args.completions)
            .with_context(|| format!("write {shell} completions to {}", args.completions.display()))?;
        let generated = fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
        let script = super::docs_names::with_names(shell, &generated)?;
        fs::write(&path, script).with_context(|| format!("write {}", path.display()))?;
    }
    Ok(())
}
