//! One stage: its base, then each instruction as a step whose result is
//! an image (found in the cache, or made and remembered there).

use std::path::PathBuf;

use anyhow::{Context as _, Result};

use super::copy_step;
use super::meta;
use super::plan::{plan_step, source_image, StepPlan, Work};
use super::run_step::{self, MountSources};
use super::workdir::{make_dir_all, spawn_in_layers, StepDirs};
use super::Build;
use crate::build::cache;
use crate::build::dockerfile::{self, expand, DockerfileError, Dockerfile, Instruction, Step};
use crate::build::vars::{env_value, BuildArgs, Scope};
use crate::engine::container::ensure_image_with;
use crate::engine::image_writer::{manifest_layers, now_rfc3339, uncompressed_layer, write_image};
use crate::engine::images::{self, ImageView};
use crate::image::digest::Digest;
use crate::image::manifest::{ContainerConfig, Descriptor, History, ImageConfig, Platform, RootFs};
use crate::store::layer_writer::NewLayer;
use crate::store::layout::layer_dirs;
use crate::store::images::ImageRecord;

/// A stage's (or a step's) image: what the next step starts from.
#[derive(Clone)]
pub struct Finished {
    pub record: ImageRecord,
    pub config: ImageConfig,
    pub layers: Vec<Descriptor>,
}

impl Finished {
    fn of_view(view: ImageView) -> Finished {
        let layers = view.manifest.layers.clone();
        Finished { record: view.record, config: view.config, layers }
    }
}

/// The global ARGs' values, after the platform args.
pub fn global_scope(file: &Dockerfile, args: &mut BuildArgs, file_name: &str) -> Result<Scope> {
    let mut scope = args.platform_scope();
    for step in &file.global_args {
        if let Instruction::Arg(decls) = &step.instruction {
            for d in decls {
                let default = match &d.default {
                    Some(word) => Some(expand(word, &|n| scope.get(n), file.directives.escape).map_err(|e| place(e, file_name, step))?),
                    None => None,
                };
                if let Some(v) = args.declare(d, default, &Scope::default()) {
                    scope.set(&d.name, v);
                }
            }
        }
    }
    Ok(scope)
}

/// A FROM word with the global ARGs expanded (as written when it fails:
/// the image lookup then names it).
pub fn expand_global(word: &str, global: &Scope, escape: char) -> String {
    expand(word, &|n| global.get(n), escape).unwrap_or_else(|_| word.to_string())
}

fn place(e: DockerfileError, file_name: &str, step: &Step) -> anyhow::Error {
    let keyword = step.original.split_whitespace().next().unwrap_or("");
    anyhow::Error::new(e.at(file_name, step.line, keyword))
}

/// The state of a stage between steps.
pub(super) struct Working {
    pub(super) image: Option<Finished>,
    pub(super) config: ImageConfig,
    pub(super) layers: Vec<Descriptor>,
    /// The cache parent of the next step: the image Id, or scratch.
    pub(super) parent: String,
    pub(super) scope: Scope,
    /// CMD was set in this stage: ENTRYPOINT then keeps it.
    pub(super) cmd_set: bool,
}

impl Working {
    pub(super) fn vars(&self) -> impl Fn(&str) -> Option<String> + '_ {
        let env = self.config.config.as_ref().and_then(|c| c.env.clone()).unwrap_or_default();
        move |name| env_value(&env, name).or_else(|| self.scope.get(name))
    }

    pub(super) fn container_config(&self) -> ContainerConfig {
        self.config.config.clone().unwrap_or_default()
    }
}

/// Runs stage `index`; its image, and how many layers its base had.
pub fn run(b: &mut Build<'_>, index: usize, position: usize) -> Result<(Finished, usize)> {
    let stage = b.file.stages[index].clone();
    let escape = b.file.directives.escape;
    let steps = stage.instructions.len() + 1;
    b.printer.step(position, 1, steps, &stage.original);
    let base = expand_global(&stage.base, &b.global, escape);
    let mut w = start(b, &base, index).with_context(|| format!("{}:{}: FROM {base}", b.req.dockerfile_name, stage.line))?;
    let base_layers = w.layers.len();
    // The base's ONBUILD triggers run first, and are not inherited.
    let triggers = w.config.config.as_mut().and_then(|c| c.on_build.take()).unwrap_or_default();
    for trigger in &triggers {
        let parsed = dockerfile::parse(&format!("FROM scratch\n{trigger}\n"), "ONBUILD")?;
        for step in parsed.stages.into_iter().flat_map(|s| s.instructions) {
            b.printer.line(&format!("ONBUILD {}", step.original));
            do_step(b, &mut w, &step, index)?;
        }
    }
    for (n, step) in stage.instructions.iter().enumerate() {
        b.printer.step(position, n + 2, steps, &step.original);
        do_step(b, &mut w, step, index)?;
    }
    match w.image {
        Some(f) => Ok((f, base_layers)),
        None => {
            // FROM scratch and nothing else: an image of no layers.
            let record = write_image(b.store, &w.config, Vec::new(), Vec::new())?;
            cache::remember(b.store, &record.id, None)?;
            Ok((Finished { record, config: w.config, layers: Vec::new() }, base_layers))
        }
    }
}

fn start(b: &mut Build<'_>, base: &str, index: usize) -> Result<Working> {
    let scope = Scope::default();
    if let Some(s) = b.file.stage(base).filter(|s| s.index < index) {
        let f = b.results.get(&s.index).cloned().with_context(|| format!("stage {base} was not built"))?;
        return Ok(Working { parent: f.record.id.to_string(), config: f.config.clone(), layers: f.layers.clone(), image: Some(f), scope, cmd_set: false });
    }
    if base.eq_ignore_ascii_case("scratch") {
        let host = Platform::host();
        let config = ImageConfig {
            architecture: host.architecture,
            os: host.os,
            config: Some(ContainerConfig::default()),
            rootfs: RootFs { kind: "layers".into(), diff_ids: Vec::new() },
            ..Default::default()
        };
        return Ok(Working { image: None, config, layers: Vec::new(), parent: cache::SCRATCH.into(), scope, cmd_set: false });
    }
    ensure_image_with(b.store, base, b.req.pull, b.req.tls_verify)?;
    let view = ImageView::load(b.store, images::resolve(b.store, base)?)?;
    let layers = manifest_layers(b.store, &view.record.manifest)?;
    let f = Finished { layers, ..Finished::of_view(view) };
    Ok(Working { parent: f.record.id.to_string(), config: f.config.clone(), layers: f.layers.clone(), image: Some(f), scope, cmd_set: false })
}

fn do_step(b: &mut Build<'_>, w: &mut Working, step: &Step, stage_index: usize) -> Result<()> {
    let StepPlan { description, work, created_by, config: c } = plan_step(b, w, step, stage_index)?;
    let created_by = if created_by.is_empty() { format!("/bin/sh -c #(nop) {}", step.original) } else { created_by };
    let key = cache::key(&w.parent, &description);
    if let Some(view) = b.cache.find(b.store, &key) {
        b.printer.line(&format!("--> Using cache {}", view.record.id.hex()));
        b.printer.line(&format!("--> {}", &view.record.id.hex()[..11]));
        adopt(w, Finished::of_view(view));
        return Ok(());
    }
    let layer = match work {
        Work::None => None,
        Work::Copy(plan) => {
            let lowers = layer_dirs(b.store, &w.config);
            let keyword = step.original.split_whitespace().next().unwrap_or("COPY").to_ascii_uppercase();
            copy_step::execute(b.store, plan, &lowers, &b.context.root)
                .map_err(|e| anyhow::anyhow!("{}:{}: {keyword}: {}", b.req.dockerfile_name, step.line, crate::errors::one_line(&e)))?
        }
        Work::Mkdir(dir) => {
            let lowers = layer_dirs(b.store, &w.config);
            let dirs = StepDirs::new(b.store)?;
            spawn_in_layers(b.store, "WORKDIR", &lowers, &dirs, true, move || make_dir_all(std::path::Path::new(&dir), None))?.wait()?;
            crate::store::layer_writer::layer_from_upper(b.store, &dirs.upper, &Default::default())?
        }
        Work::Run(plan) if b.use_chroot() => {
            let lowers = layer_dirs(b.store, &w.config);
            super::chroot_run::execute(b.store, &plan, &c, &lowers)?
        }
        Work::Run(plan) => {
            let cache_dir = cache::cache_mounts_dir(b.store);
            let resolve_from = |from: &str| -> Result<Vec<PathBuf>> { source_image(b, from, stage_index).map(|(_, layers)| layers) };
            let sources = MountSources { context_dir: &b.context.root, cache_dir, secrets: &b.req.secrets, resolve_from: &resolve_from };
            run_step::execute(b.store, plan, &sources)?
        }
    };
    w.config.config = Some(c);
    let f = commit_step(b, w, layer, created_by, Some(&key))?;
    adopt(w, f);
    Ok(())
}

fn adopt(w: &mut Working, f: Finished) {
    w.parent = f.record.id.to_string();
    w.config = f.config.clone();
    w.layers = f.layers.clone();
    w.image = Some(f);
}

/// Writes the step's image: the config so far, one more history entry,
/// and the layer if it made one.
fn commit_step(b: &Build<'_>, w: &Working, layer: Option<NewLayer>, created_by: String, key: Option<&str>) -> Result<Finished> {
    let mut config = w.config.clone();
    let mut layers = w.layers.clone();
    let created = now_rfc3339();
    config.created = Some(created.clone());
    config.history.push(History { created: Some(created), created_by: Some(created_by), empty_layer: layer.is_none(), ..Default::default() });
    if let Some(l) = &layer {
        config.rootfs.diff_ids.push(l.diff_id.clone());
        layers.push(uncompressed_layer(&l.diff_id, l.size));
    }
    let record = write_image(b.store, &config, layers.clone(), Vec::new())?;
    let view = ImageView::load(b.store, record.clone())?;
    cache::remember(b.store, &record.id, key)?;
    b.printer.line(&format!("--> {}", &record.id.hex()[..11]));
    Ok(Finished { record, config: view.config, layers })
}

/// `--squash` (and `--layers=false`): the layers the build added on top of
/// the target stage's base become one, whose whiteouts hide what the
/// build deleted from the base; history keeps every step, as empty ones,
/// and one entry for the squashed layer.
fn squash(b: &Build<'_>, result: Finished, base: usize) -> Result<Finished> {
    if result.config.rootfs.diff_ids.len() <= base + 1 {
        return Ok(result);
    }
    let added: Vec<PathBuf> = result.config.rootfs.diff_ids[base..].iter().rev().map(|d| b.store.layers.diff_dir(d)).collect();
    let dirs = StepDirs::new(b.store)?;
    crate::store::rootfs::merge_layers(&added, &dirs.upper).context("squash the build's layers")?;
    let layer = crate::store::layer_writer::layer_from_upper(b.store, &dirs.upper, &Default::default())?;
    let mut config = result.config.clone();
    config.rootfs.diff_ids.truncate(base);
    let mut layers = result.layers[..base].to_vec();
    let mut seen = 0;
    for h in config.history.iter_mut() {
        if seen >= base {
            h.empty_layer = true;
        } else if !h.empty_layer {
            seen += 1;
        }
    }
    let created = now_rfc3339();
    config.created = Some(created.clone());
    config.history.push(History { created: Some(created), created_by: Some("pontoon build --squash".into()), comment: Some(format!("{} layers squashed into one", added.len())), empty_layer: layer.is_none(), ..Default::default() });
    if let Some(l) = &layer {
        config.rootfs.diff_ids.push(l.diff_id.clone());
        layers.push(uncompressed_layer(&l.diff_id, l.size));
    }
    let record = write_image(b.store, &config, layers.clone(), Vec::new())?;
    cache::remember(b.store, &record.id, None)?;
    Ok(Finished { record, config, layers })
}

/// After the target stage: `--squash`, `--label`s, then the tags.
pub fn finish(b: &mut Build<'_>, result: Finished, base_layers: usize) -> Result<ImageRecord> {
    let mut result = if b.req.squash || !b.req.layers { squash(b, result, base_layers)? } else { result };
    if !b.req.labels.is_empty() {
        let mut c = result.config.config.clone().unwrap_or_default();
        let pairs: Vec<(String, String)> = b.req.labels.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        meta::set_labels(&mut c, &pairs);
        let description = format!("--label {pairs:?}");
        let key = cache::key(&result.record.id.to_string(), &description);
        let w = Working { image: Some(result.clone()), config: ImageConfig { config: Some(c), ..result.config.clone() }, layers: result.layers.clone(), parent: String::new(), scope: Scope::default(), cmd_set: false };
        result = match b.cache.find(b.store, &key) {
            Some(view) => Finished::of_view(view),
            None => commit_step(b, &w, None, format!("/bin/sh -c #(nop) LABEL {}", pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ")), Some(&key))?,
        };
    }
    let id: Digest = result.record.id.clone();
    match b.req.tags.first() {
        Some(t) => b.printer.line(&format!("COMMIT {}", images::familiar_tag(t))),
        None => b.printer.line("COMMIT"),
    }
    cache::promote(b.store, &id, &b.req.tags)?;
    b.printer.line(&format!("--> {}", &id.hex()[..11]));
    for t in &b.req.tags {
        b.printer.line(&format!("Successfully tagged {t}"));
    }
    images::resolve(b.store, &id.to_string())
}
