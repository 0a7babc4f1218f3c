//! `pontoon commit`: Docker's arguments read, the image made by
//! engine::commit, its Id printed as Docker prints it (`sha256:...`).

use anyhow::{Context, Result};
use clap::{ArgAction, Args};

use super::Ctx;
use crate::engine::commit::{self, CommitRequest};
use crate::image::reference::Reference;

#[derive(Args, Debug)]
pub struct CommitArgs {
    /// Author (e.g. "Jane Doe <jane@example.com>")
    #[arg(short, long)]
    pub author: Option<String>,
    /// Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)
    #[arg(short, long)]
    pub change: Vec<String>,
    /// Commit message recorded in the image history
    #[arg(short, long)]
    pub message: Option<String>,
    /// Pause the container while committing (the default; --pause=false to not)
    #[arg(short, long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value_t = true, default_missing_value = "true", action = ArgAction::Set)]
    pub pause: bool,
    /// Do not pause the container while committing
    #[arg(long, conflicts_with = "pause")]
    pub no_pause: bool,
    /// Print nothing but the image Id (pontoon prints nothing else anyway)
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the new image's Id to FILE
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<std::path::PathBuf>,
    pub container: String,
    /// Name for the new image: REPOSITORY[:TAG]
    pub reference: Option<String>,
    #[command(flatten)]
    pub accepted: super::lifecycle_accepted::CommitAccepted,
}

pub fn commit(ctx: &Ctx, args: CommitArgs) -> Result<()> {
    args.accepted.check()?;
    let name = args.reference.as_deref().map(|r| Reference::parse_new_name(r, "a committed image")).transpose()?;
    let store = ctx.store()?;
    let c = store.containers.find(&args.container)?;
    let request = CommitRequest { author: args.author, message: args.message, changes: args.change, pause: args.pause && !args.no_pause, name };
    let record = commit::commit(&store, &c, request).with_context(|| format!("commit container {}", args.container))?;
    if let Some(file) = &args.iidfile {
        std::fs::write(file, record.id.to_string()).with_context(|| format!("write --iidfile {}", file.display()))?;
    }
    println!("{}", record.id);
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use crate::cli::{Cli, Command, ContainerVerb};

    fn parse(args: &[&str]) -> super::CommitArgs {
        let argv = ["pontoon", "commit"].iter().chain(args).copied();
        match Cli::try_parse_from(argv).map(|c| c.command) {
            Ok(Command::Container(ContainerVerb::Commit(a))) => a,
            other => panic!("commit {args:?}: {other:?}"),
        }
    }

    #[test]
    fn pause_is_on_unless_turned_off_as_docker_spells_it() {
        assert!(parse(&["web"]).pause);
        assert!(parse(&["-p", "web"]).pause, "-p alone does not take the container as its value");
        assert!(!parse(&["--pause=false", "web"]).pause);
        assert!(!parse(&["-p=false", "web", "img:1"]).pause);
        assert!(parse(&["--no-pause", "web"]).no_pause);
        let a = parse(&["-a", "me", "-m", "why", "-c", "CMD sh", "--change", "ENV A=1", "web", "repo/img:1"]);
        assert_eq!((a.author.as_deref(), a.message.as_deref(), a.change.len()), (Some("me"), Some("why"), 2));
        assert_eq!((a.container.as_str(), a.reference.as_deref()), ("web", Some("repo/img:1")));
    }
}
