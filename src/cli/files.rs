//! `cp`, `diff` and `export`: a container's files from the host. The work
//! happens in engine::container_fs; this file reads Docker's arguments.

use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::Ctx;
use crate::engine::container_fs::copy::{self, CpPath, HostDest, HostSource};
use crate::engine::container_fs::{between, diff};

#[derive(Args, Debug)]
pub struct CpArgs {
    /// Archive mode: keep the owners (uid/gid) of the source
    #[arg(short, long)]
    pub archive: bool,
    /// Print nothing (accepted for Docker compatibility; cp prints no progress)
    #[arg(short, long)]
    pub quiet: bool,
    /// CONTAINER:SRC_PATH, a host path, or - (a tar stream on stdin, plain or gzip, zstd, xz, bzip2 compressed)
    pub src: String,
    /// CONTAINER:DEST_PATH, a host path, or - (a tar stream on stdout)
    pub dest: String,
    #[command(flatten)]
    pub accepted: super::lifecycle_accepted::CpAccepted,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    #[command(flatten)]
    pub latest: super::targets::Latest,
    /// Output: json (the changed, added and deleted paths as Podman prints them); default: one line per change
    #[arg(long, value_name = "json")]
    pub format: Option<String>,
    /// Container name or Id
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    pub container: String,
}

/// Splits `CONTAINER:PATH`; a path that starts with `/` or `.`, or has a
/// `/` before any `:`, is a host path (Docker's rule).
fn split_container(arg: &str) -> Option<(&str, &str)> {
    if arg.starts_with(['/', '.']) {
        return None;
    }
    let (name, path) = arg.split_once(':')?;
    (!name.contains('/') && !name.is_empty()).then_some((name, path))
}

fn dup_stdio(fd: impl AsFd) -> Result<OwnedFd> {
    fd.as_fd().try_clone_to_owned().context("duplicate a standard stream")
}

pub fn cp(ctx: &Ctx, args: CpArgs) -> Result<()> {
    args.accepted.check()?;
    // The worker enters the container's namespaces itself: see container_fs/enter.rs.
    let store = ctx.store_files_only()?;
    match (split_container(&args.src), split_container(&args.dest)) {
        (Some((from, src)), Some((to, dest))) => {
            let (from, to) = (store.containers.find(from)?, store.containers.find(to)?);
            between::copy_between(&store, &from, &CpPath::parse(src, true), &to, &CpPath::parse(dest, true), args.archive)
        }
        (None, None) => bail!("cp needs a container on one side: use CONTAINER:PATH as source or destination"),
        (Some((name, path)), None) => {
            let c = store.containers.find(name)?;
            let src = CpPath::parse(path, true);
            let dest = if args.dest == "-" { HostDest::Stream(dup_stdio(io::stdout())?) } else { HostDest::Path(CpPath::parse(&args.dest, false)) };
            copy::copy_out(&store, &c, &src, dest, args.archive)
        }
        (None, Some((name, path))) => {
            let c = store.containers.find(name)?;
            let dest = CpPath::parse(path, true);
            let src = if args.src == "-" {
                if io::stdin().is_terminal() {
                    bail!("cp - expects a tar stream on standard input, not a terminal: pipe an archive in");
                }
                HostSource::Stream(dup_stdio(io::stdin())?)
            } else {
                HostSource::Path(CpPath::parse(&args.src, false))
            };
            copy::copy_in(&store, &c, src, &dest, args.archive)
        }
    }
}

pub fn diff(ctx: &Ctx, args: DiffArgs) -> Result<()> {
    let json = match args.format.as_deref() {
        None => false,
        Some("json") => true,
        Some(other) => bail!("diff --format {other:?}: the only format is json (without --format: one line per change)"),
    };
    let store = ctx.store()?;
    let name = args.latest.name(&store, "diff", args.container.as_deref())?;
    let c = store.containers.find(&name)?;
    let changes = diff::changes(&store, &c)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&diff_json(&changes))?);
        return Ok(());
    }
    let mut out = String::new();
    for change in changes {
        out.push_str(&format!("{} {}\n", change.kind.letter(), change.path));
    }
    print!("{out}");
    Ok(())
}

/// Podman's `diff --format json`: the paths by kind of change, a kind
/// with no paths left out.
fn diff_json(changes: &[diff::Change]) -> serde_json::Value {
    let mut by_kind = serde_json::Map::new();
    for (letter, key) in [('C', "changed"), ('A', "added"), ('D', "deleted")] {
        let paths: Vec<&str> = changes.iter().filter(|c| c.kind.letter() == letter).map(|c| c.path.as_str()).collect();
        if !paths.is_empty() {
            by_kind.insert(key.to_string(), paths.into());
        }
    }
    by_kind.into()
}

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let c = store.containers.find(&args.container)?;
    let Some(path) = args.output else {
        if io::stdout().is_terminal() {
            bail!("cowardly refusing to write a container archive to a terminal: use -o FILE or redirect standard output");
        }
        return copy::export(&store, &c, dup_stdio(io::stdout())?);
    };
    copy::export_to_file(&store, &c, &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_paths_are_told_from_host_paths() {
        assert_eq!(split_container("web:/etc/hosts"), Some(("web", "/etc/hosts")));
        assert_eq!(split_container("web:etc"), Some(("web", "etc")));
        assert_eq!(split_container("./a:b"), None);
        assert_eq!(split_container("/tmp/a:b"), None);
        assert_eq!(split_container("dir/a:b"), None);
        assert_eq!(split_container("-"), None);
    }
}
