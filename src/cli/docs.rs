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
    // Hidden commands and flags (pontoon's internal ones, and Docker's and
    // Podman's that pontoon only accepts or refuses) are not offered.
    let visible = visible_only(&cmd);
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = visible.clone();
        let path = clap_complete::generate_to(shell, &mut cmd, "pontoon", &args.completions)
            .with_context(|| format!("write {shell} completions to {}", args.completions.display()))?;
        let generated = fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
        let script = super::docs_names::with_names(shell, &generated)?;
        fs::write(&path, script).with_context(|| format!("write {}", path.display()))?;
    }
    Ok(())
}

/// `cmd` without its hidden subcommands and flags, all the way down: what
/// completions offer. Only what completion scripts read is carried over
/// (names, aliases, help texts, arguments).
fn visible_only(cmd: &clap::Command) -> clap::Command {
    let mut out = clap::Command::new(cmd.get_name().to_string())
        .about(cmd.get_about().cloned().unwrap_or_default())
        .visible_aliases(cmd.get_visible_aliases().map(str::to_string).collect::<Vec<_>>())
        .disable_help_subcommand(true)
        .disable_help_flag(cmd.is_disable_help_flag_set())
        .disable_version_flag(cmd.is_disable_version_flag_set());
    if let Some(long) = cmd.get_long_about() {
        out = out.long_about(long.clone());
    }
    if let Some(v) = cmd.get_version() {
        out = out.version(v.to_string());
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out = out.arg(arg.clone());
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out = out.subcommand(visible_only(sub));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn completions_offer_no_hidden_command_or_flag() {
        let visible = super::visible_only(&crate::cli::command());
        let names: Vec<&str> = visible.get_subcommands().map(|s| s.get_name()).collect();
        assert!(names.contains(&"run") && names.contains(&"ps"), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with("__") || *n == "swarm"), "hidden commands are left out: {names:?}");
        let run = visible.find_subcommand("run").expect("run");
        assert!(run.get_arguments().any(|a| a.get_id() == "name"));
        assert!(run.get_arguments().all(|a| !a.is_hide_set()));
    }
}
