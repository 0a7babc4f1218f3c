//! The build: which stages the target needs, each stage's steps in order
//! (from the cache where the cache has them), and the result named.

mod chroot_run;
mod copy_step;
mod extract;
mod meta;
mod output;
mod plan;
mod run_step;
mod sources;
mod stage;
mod workdir;

use std::collections::{BTreeSet, HashMap};

use anyhow::{bail, Context as _, Result};

use super::cache::Cache;
use super::context::{self, Context};
use super::dockerfile::{self, Dockerfile, Instruction, MountKind};
use super::ignore::IgnoreRules;
use super::request::BuildRequest;
use super::vars::{BuildArgs, Scope};
use crate::image::manifest::Platform;
use crate::store::images::ImageRecord;
use crate::store::Store;
use output::Printer;

/// What every stage of one build shares.
pub(super) struct Build<'a> {
    store: &'a Store,
    req: &'a BuildRequest,
    file: Dockerfile,
    context: Context,
    cache: Cache,
    args: BuildArgs,
    /// The global ARGs (before the first FROM), for FROM lines and re-declarations.
    global: Scope,
    /// Finished stages by index.
    results: HashMap<usize, stage::Finished>,
    printer: Printer,
    /// Whether RUN steps run chrooted: decided at the first RUN that runs.
    chroot: Option<bool>,
}

/// Runs the build; the resulting image, named by `req.tags`.
pub fn build(store: &Store, req: &BuildRequest) -> Result<ImageRecord> {
    let host = Platform::host();
    let host_platform = format!("{}/{}", host.os, host.architecture);
    if req.platform != host_platform {
        bail!("--platform {} cannot be built on this {host_platform} host: pontoon runs RUN steps natively (no emulation); build for {host_platform}", req.platform);
    }
    let file = dockerfile::parse(&req.dockerfile, &req.dockerfile_name)?;
    workdir::remove_stale(store);
    let (rules, _) = IgnoreRules::load(&req.context_dir, req.dockerfile_path.as_deref())?;
    let context = context::scan(&req.context_dir, &rules)?;
    let cache = if req.no_cache || !req.layers { Cache::disabled() } else { Cache::load(store)? };
    let mut args = BuildArgs::new(req.build_args.clone(), &req.platform);
    let global = stage::global_scope(&file, &mut args, &req.dockerfile_name)?;
    let target = match &req.target {
        Some(t) => file.stage(t).map(|s| s.index).with_context(|| format!("--target {t}: the Dockerfile has no stage of that name"))?,
        None => file.stages.len().saturating_sub(1),
    };
    let needed = needed_stages(&file, target, &global);
    let printer = Printer::new(req.quiet, needed.len());
    let mut b = Build { store, req, file, context, cache, args, global, results: HashMap::new(), printer, chroot: None };
    let mut target_base_layers = 0;
    for (position, index) in needed.iter().enumerate() {
        let (image, base_layers) = stage::run(&mut b, *index, position)?;
        b.results.insert(*index, image);
        if *index == target {
            target_base_layers = base_layers;
        }
    }
    let result = b.results.remove(&target).context("the target stage gave no image")?;
    let result = stage::finish(&mut b, result, target_base_layers)?;
    for unused in b.args.unused() {
        eprintln!("[Warning] the build arg {unused} was not consumed by any ARG of the Dockerfile");
    }
    Ok(result)
}

impl Build<'_> {
    /// `--isolation chroot`, or no namespaces to be had here: then chroot,
    /// said once, as Buildah falls back.
    fn use_chroot(&mut self) -> bool {
        *self.chroot.get_or_insert_with(|| match self.req.isolation {
            super::request::Isolation::Chroot => true,
            super::request::Isolation::Oci if chroot_run::namespaces_available() => false,
            super::request::Isolation::Oci => {
                eprintln!("pontoon: this host does not let pontoon make namespaces (an unprivileged container?): RUN steps use --isolation chroot");
                true
            }
        })
    }
}

/// The stages `target` needs (its base, `COPY --from` and `--mount from=`
/// stages, and theirs), in the Dockerfile's order.
fn needed_stages(file: &Dockerfile, target: usize, global: &Scope) -> Vec<usize> {
    let mut needed = BTreeSet::new();
    let mut todo = vec![target];
    while let Some(i) = todo.pop() {
        if !needed.insert(i) {
            continue;
        }
        let stage = &file.stages[i];
        let mut refs = vec![stage::expand_global(&stage.base, global, file.directives.escape)];
        for step in &stage.instructions {
            match &step.instruction {
                Instruction::Copy(c) => refs.extend(c.from.clone()),
                Instruction::Run(r) => refs.extend(r.mounts.iter().filter(|m| m.kind == MountKind::Bind || m.kind == MountKind::Cache).filter_map(|m| m.from.clone())),
                _ => {}
            }
        }
        for r in refs {
            if let Some(s) = file.stage(&r).filter(|s| s.index < i) {
                todo.push(s.index);
            }
        }
    }
    needed.into_iter().collect()
}

/// `builder prune`: the build cache's images and RUN cache mounts; returns
/// how many images went and the bytes freed.
pub fn prune(store: &Store) -> Result<(usize, u64)> {
    let guard = store.lock_exclusive()?;
    let removed = crate::engine::images::prune_build_cache(store, &guard)?;
    let report = store.collect_garbage(&guard)?;
    Ok((removed, report.bytes))
}
