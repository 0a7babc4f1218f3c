//! `pontoon compose` (also `docker-compose` through a symlink): the
//! project options shared by every compose command, and the commands.
//! Each command loads the project with [`ComposeArgs::load`] and works on
//! the typed model of `crate::compose`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::compose::{self, Project};

#[derive(Args, Debug)]
#[command(disable_help_subcommand = true)]
pub struct ComposeArgs {
    /// Compose configuration files, merged in order (default: compose.yaml
    /// and compose.override.yaml found here or in a parent directory)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Vec<PathBuf>,
    /// Project name (default: COMPOSE_PROJECT_NAME, the file's `name:`, or the directory's name)
    #[arg(short = 'p', long = "project-name", value_name = "NAME")]
    pub project_name: Option<String>,
    /// Directory that relative paths start from (default: the first file's)
    #[arg(long, value_name = "DIR")]
    pub project_directory: Option<PathBuf>,
    /// Variables for interpolation, instead of the project directory's .env
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Enable services of this profile (also COMPOSE_PROFILES)
    #[arg(long = "profile", value_name = "PROFILE")]
    pub profile: Vec<String>,
    #[command(subcommand)]
    pub command: ComposeCommand,
}

#[derive(Subcommand, Debug)]
pub enum ComposeCommand {
    /// Print the resolved, normalised Compose model
    #[command(visible_alias = "convert")]
    Config(ConfigArgs),
    /// Show the Compose version
    Version(VersionArgs),
    #[command(flatten)]
    Op(super::compose_ops::ComposeOp),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ModelFormat {
    Yaml,
    Json,
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    /// Print the service names, one per line
    #[arg(long)]
    pub services: bool,
    /// Print the volume names, one per line
    #[arg(long)]
    pub volumes: bool,
    /// Print the profile names, one per line
    #[arg(long)]
    pub profiles: bool,
    /// Print the images of the services, one per line
    #[arg(long)]
    pub images: bool,
    /// Print each named service's configuration hash ("*" for all)
    #[arg(long, value_name = "SERVICES")]
    pub hash: Option<String>,
    /// Only validate: print nothing, fail on an invalid model
    #[arg(short, long)]
    pub quiet: bool,
    /// Output format
    #[arg(long, value_enum, default_value = "yaml")]
    pub format: ModelFormat,
    /// Write the model to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct VersionArgs {
    /// Print only the version number
    #[arg(long)]
    pub short: bool,
    /// `json` for a JSON object
    #[arg(short, long)]
    pub format: Option<String>,
}

/// The command line as clap should read it: run through a symlink named
/// `docker-compose`, pontoon's arguments are those of `pontoon compose`.
pub fn argv(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.collect();
    let invoked_as = args.first().and_then(|a| Path::new(a).file_name()).map(|n| n.to_os_string());
    if invoked_as.as_deref() == Some(std::ffi::OsStr::new("docker-compose")) {
        args[0] = "pontoon".into();
        args.insert(1, "compose".into());
    }
    args
}

impl ComposeArgs {
    /// Loads the project these options name, printing its warnings.
    pub fn load(&self) -> Result<Project> {
        let mut opts = compose::Options::from_process().context("read the current directory")?;
        opts.files = self.file.clone();
        opts.project_name = self.project_name.clone();
        opts.project_directory = self.project_directory.clone();
        opts.env_files = self.env_file.clone();
        opts.profiles = self.profile.clone();
        let project = compose::load(&opts)?;
        for w in &project.warnings {
            eprintln!("WARNING: {w}");
        }
        Ok(project)
    }
}

pub fn run(ctx: &Ctx, args: ComposeArgs) -> Result<()> {
    match &args.command {
        ComposeCommand::Config(c) => config(&args, c),
        ComposeCommand::Version(v) => version(v),
        ComposeCommand::Op(op) => super::compose_ops::run(ctx, &args, op),
    }
}

fn config(args: &ComposeArgs, c: &ConfigArgs) -> Result<()> {
    let project = args.load()?;
    if c.quiet {
        return Ok(());
    }
    if c.services {
        for svc in project.services_in_start_order()? {
            println!("{}", svc.name);
        }
        return Ok(());
    }
    if c.volumes {
        for name in project.volumes.keys() {
            println!("{name}");
        }
        return Ok(());
    }
    if c.profiles {
        let profiles: std::collections::BTreeSet<&String> = project.services.values().chain(project.disabled_services.values()).flat_map(|s| &s.profiles).collect();
        for p in profiles {
            println!("{p}");
        }
        return Ok(());
    }
    if c.images {
        for svc in project.services.values() {
            println!("{}", project.image_name(svc));
        }
        return Ok(());
    }
    if let Some(which) = &c.hash {
        let names: Vec<String> = if which == "*" { project.services.keys().cloned().collect() } else { which.split(',').map(|s| s.trim().to_string()).collect() };
        for name in names {
            println!("{name} {}", project.config_hash(&name)?);
        }
        return Ok(());
    }
    let text = match c.format {
        ModelFormat::Yaml => serde_yaml_ng::to_string(&project).context("write the model as YAML")?,
        ModelFormat::Json => serde_json::to_string_pretty(&project).context("write the model as JSON")? + "\n",
    };
    match &c.output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}

fn version(v: &VersionArgs) -> Result<()> {
    let version = env!("CARGO_PKG_VERSION");
    if v.short {
        println!("{version}");
    } else if v.format.as_deref() == Some("json") {
        println!("{}", serde_json::json!({ "version": format!("v{version}") }));
    } else {
        println!("pontoon compose version v{version}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::argv;

    #[test]
    fn docker_compose_is_pontoon_compose() {
        let args = |v: &[&str]| argv(v.iter().map(|s| s.into())).into_iter().map(|s| s.into_string().unwrap()).collect::<Vec<_>>();
        assert_eq!(args(&["/usr/local/bin/docker-compose", "config"]), ["pontoon", "compose", "config"]);
        assert_eq!(args(&["pontoon", "compose", "config"]), ["pontoon", "compose", "config"]);
        assert_eq!(args(&["docker-compose"]), ["pontoon", "compose"]);
    }
}
