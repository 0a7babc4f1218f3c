//! Which containers a verb acts on: the names given, or Podman's
//! `--all`, `--latest`, `--filter` and `--cidfile`, shared by rm, stop,
//! restart, kill, pause, unpause and start so that each picks its targets
//! the same way (and housekeeping lines from scripts keep working).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::errors::PontoonError;
use crate::store::containers::Container;
use crate::store::Store;

#[derive(Args, Debug, Default, Clone)]
pub struct Selection {
    /// Act on every container the command applies to
    #[arg(short = 'a', long)]
    pub all: bool,
    /// Act on the latest created container
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// Act on the containers that match (the filters of ps --filter)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Read a container's name or Id from FILE (as written by run --cidfile)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// Containers, by name or Id
    pub containers: Vec<String>,
}

/// One container to act on, with the word to print for it: the name as
/// the user typed it, else the full Id (as Podman prints for --all).
pub struct Target {
    pub shown: String,
    pub container: Container,
}

/// What a verb needs of its selection.
pub struct Wanted<'a> {
    /// The verb, for messages (`rm`, `stop`...).
    pub verb: &'a str,
    /// Which containers `--all` and `--filter` take (stop: the running ones).
    pub applies: &'a dyn Fn(&Container) -> bool,
    /// `--ignore`: names that match no container are skipped silently.
    pub ignore_missing: bool,
}

impl Selection {
    fn is_bulk(&self) -> bool {
        self.all || self.latest || !self.filter.is_empty()
    }

    /// The names given on the command line and in cidfiles.
    fn named(&self, ignore_missing: bool) -> Result<Vec<String>> {
        let mut names = self.containers.clone();
        for file in &self.cidfile {
            match std::fs::read_to_string(file) {
                Ok(text) => names.extend(text.split_whitespace().take(1).map(str::to_string)),
                Err(e) if ignore_missing && e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("read the container Id from --cidfile {}", file.display())),
            }
        }
        Ok(names)
    }

    /// Resolves the selection against the store. A missing name is an
    /// error collected per name by the caller (see `for_each_target`).
    pub fn resolve(&self, store: &Store, wanted: &Wanted) -> Result<Vec<Result<Target>>> {
        let named = self.named(wanted.ignore_missing)?;
        if self.is_bulk() && !named.is_empty() {
            bail!("{}: --all, --latest and --filter cannot be used with container names: give one or the other", wanted.verb);
        }
        if self.all && self.latest {
            bail!("{}: --all and --latest cannot be used together", wanted.verb);
        }
        if !self.is_bulk() {
            if self.containers.is_empty() && self.cidfile.is_empty() {
                bail!("{} needs at least one container name or Id (or --all, --latest, --filter)", wanted.verb);
            }
            let mut out = Vec::new();
            for name in named {
                match store.containers.find(&name) {
                    Ok(container) => out.push(Ok(Target { shown: name, container })),
                    Err(e) if wanted.ignore_missing && is_missing(&e) => {}
                    Err(e) => out.push(Err(e)),
                }
            }
            return Ok(out);
        }
        let mut all = crate::engine::lifecycle::reconciled(store, store.containers.list()?);
        if self.latest {
            // The list is newest first; --latest takes the newest whatever its state.
            all.truncate(1);
            return Ok(all.into_iter().map(|c| Ok(Target { shown: c.record.id.clone(), container: c })).collect());
        }
        let pods: super::ps::PodNames = crate::engine::pods::list(store)?.into_iter().map(|p| (p.id, p.name)).collect();
        let mut out = Vec::new();
        for c in all {
            if (wanted.applies)(&c) && super::ps::matches(&c, &self.filter, &pods)? {
                out.push(Ok(Target { shown: c.record.id.clone(), container: c }));
            }
        }
        Ok(out)
    }
}

fn is_missing(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_)))
}

/// Runs `each` on every target, printing its word on success; the
/// failures are collected and reported together, as for named verbs.
pub fn for_each_target(targets: Vec<Result<Target>>, mut each: impl FnMut(&Target) -> Result<()>) -> Result<()> {
    let mut failures = Vec::new();
    for t in targets {
        match t.and_then(|t| each(&t).map(|()| t)) {
            Ok(t) => println!("{}", t.shown),
            Err(e) => failures.push(e),
        }
    }
    match failures.is_empty() {
        true => Ok(()),
        false => Err(PontoonError::Several(failures).into()),
    }
}

/// Podman's `--latest` (`-l`) on the verbs that take container names
/// without the rest of [`Selection`] (attach, exec, logs, top, port, diff,
/// inspect, stats, wait): the newest created container instead of names.
#[derive(Args, Debug, Default, Clone)]
pub struct Latest {
    /// Act on the latest created container (instead of naming it)
    #[arg(short = 'l', long)]
    pub latest: bool,
}

impl Latest {
    /// The names to act on: the newest container's Id with --latest (the
    /// names must then be empty), else the names given (`verb` needs one).
    pub fn names(&self, store: &Store, verb: &str, names: &[String]) -> Result<Vec<String>> {
        if !self.latest {
            if names.is_empty() {
                bail!("{verb} needs a container name or Id (or --latest)");
            }
            return Ok(names.to_vec());
        }
        if !names.is_empty() {
            bail!("{verb}: --latest cannot be used with container names: give one or the other");
        }
        // The list is newest first, whatever the containers' states.
        match store.containers.list()?.into_iter().next() {
            Some(c) => Ok(vec![c.record.id]),
            None => bail!("{verb} --latest: there are no containers"),
        }
    }

    /// The one container to act on: the newest with --latest, else `name`.
    pub fn name(&self, store: &Store, verb: &str, name: Option<&str>) -> Result<String> {
        let given: Vec<String> = name.map(str::to_string).into_iter().collect();
        let mut names = self.names(store, verb, &given)?;
        Ok(names.remove(0))
    }
}
