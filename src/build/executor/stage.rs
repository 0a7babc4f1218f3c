//! One stage: its base, then each instruction as a step whose result is
//! an image (found in the cache, or made and remembered there).

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};

use super::copy_step::{self, CopyArgs};
use super::meta;
use super::run_step::{self, MountSources, RunPlan};
use super::workdir::{make_dir_all, spawn_in_layers, StepDirs};
use super::Build;
use crate::build::cache;
use crate::build::dockerfile::{self, expand, Command, DockerfileError, Dockerfile, Instruction, Step};
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
pub fn global_scope(file: &Dockerfile, args: &mut BuildArgs) -> Result<Scope> {
    let mut scope = args.platform_scope();
    for step in &file.global_args {
        if let Instruction::Arg(decls) = &step.instruction {
            for d in decls {
                let default = match &d.default {
                    Some(word) => Some(expand(word, &|n| scope.get(n), file.directives.escape).map_err(|e| place(e, file, step))?),
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

fn place(e: DockerfileError, file: &Dockerfile, step: &Step) -> anyhow::Error {
    let _ = file;
    let keyword = step.original.split_whitespace().next().unwrap_or("");
    anyhow::Error::new(e.at("Dockerfile", step.line, keyword))
}

/// The state of a stage between steps.
struct Working {
    image: Option<Finished>,
    config: ImageConfig,
    layers: Vec<Descriptor>,
    /// The cache parent of the next step: the image Id, or scratch.
    parent: String,
    scope: Scope,
    /// CMD was set in this stage: ENTRYPOINT then keeps it.
    cmd_set: bool,
}

impl Working {
    fn vars(&self) -> impl Fn(&str) -> Option<String> + '_ {
        let env = self.config.config.as_ref().and_then(|c| c.env.clone()).unwrap_or_default();
        move |name| env_value(&env, name).or_else(|| self.scope.get(name))
    }

    fn container_config(&self) -> ContainerConfig {
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

/// What a step does to the filesystem, if anything.
enum Work {
    None,
    Copy(copy_step::CopyPlan),
    Run(RunPlan),
    Mkdir(String),
}

fn do_step(b: &mut Build<'_>, w: &mut Working, step: &Step, stage_index: usize) -> Result<()> {
    let escape = b.file.directives.escape;
    let (file_name, line) = (b.req.dockerfile_name.clone(), step.line);
    let keyword = step.original.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    let at = |e: DockerfileError| anyhow::Error::new(e.at(&file_name, line, &keyword));
    let ex = |w: &Working, word: &str| expand(word, &w.vars(), escape).map_err(at);
    let mut c = w.container_config();
    let description: String;
    let mut work = Work::None;
    let mut created_by = String::new();
    match &step.instruction {
        Instruction::Env(kvs) => {
            let mut pairs = Vec::new();
            for kv in kvs {
                pairs.push((kv.key.clone(), ex(w, &kv.value)?));
            }
            meta::set_envs(&mut c, &pairs);
            description = format!("ENV {}", pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" "));
        }
        Instruction::Arg(decls) => {
            for d in decls {
                let default = d.default.as_deref().map(|word| ex(w, word)).transpose()?;
                if let Some(v) = b.args.declare(d, default, &b.global) {
                    w.scope.set(&d.name, v);
                }
            }
            // Docker: a changed value misses the cache where it is used, not here.
            description = format!("ARG {}", decls.iter().map(|d| d.name.as_str()).collect::<Vec<_>>().join(" "));
        }
        Instruction::Label(kvs) => {
            let mut pairs = Vec::new();
            for kv in kvs {
                pairs.push((ex(w, &kv.key)?, ex(w, &kv.value)?));
            }
            meta::set_labels(&mut c, &pairs);
            description = format!("LABEL {}", pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" "));
        }
        Instruction::Expose(ports) => {
            let ports = ports.iter().map(|p| ex(w, p)).collect::<Result<Vec<_>>>()?;
            meta::expose(&mut c, &ports).map_err(|e| at(DockerfileError::new(e.to_string())))?;
            description = format!("EXPOSE {}", ports.join(" "));
        }
        Instruction::Volume(paths) => {
            let paths = paths.iter().map(|p| ex(w, p)).collect::<Result<Vec<_>>>()?;
            meta::add_volumes(&mut c, &paths);
            description = format!("VOLUME {paths:?}");
        }
        Instruction::User(u) => {
            let u = ex(w, u)?;
            description = format!("USER {u}");
            c.user = Some(u);
        }
        Instruction::Workdir(dir) => {
            let dir = meta::workdir(&c, &ex(w, dir)?);
            description = format!("WORKDIR {dir}");
            c.working_dir = Some(dir.clone());
            work = Work::Mkdir(dir);
        }
        Instruction::Cmd(cmd) => {
            c.cmd = Some(meta::argv_of(cmd, &c));
            w.cmd_set = true;
            description = format!("CMD {:?}", c.cmd);
        }
        Instruction::Entrypoint(cmd) => {
            c.entrypoint = Some(meta::argv_of(cmd, &c));
            // Docker: an ENTRYPOINT resets a CMD the base image had.
            if !w.cmd_set {
                c.cmd = None;
            }
            description = format!("ENTRYPOINT {:?}", c.entrypoint);
        }
        Instruction::Healthcheck(h) => {
            let value = meta::healthcheck(h);
            description = format!("HEALTHCHECK {value}");
            c.healthcheck = Some(value);
        }
        Instruction::Shell(shell) => {
            c.shell = Some(shell.clone());
            description = format!("SHELL {shell:?}");
        }
        Instruction::StopSignal(s) => {
            let s = meta::stop_signal(&ex(w, s)?).map_err(|e| at(DockerfileError::new(crate::errors::one_line(&e))))?;
            description = format!("STOPSIGNAL {s}");
            c.stop_signal = Some(s);
        }
        Instruction::OnBuild { trigger, .. } => {
            c.on_build.get_or_insert_with(Vec::new).push(trigger.clone());
            description = format!("ONBUILD {trigger}");
        }
        Instruction::Maintainer(m) => {
            w.config.author = Some(ex(w, m)?);
            description = format!("MAINTAINER {m}");
        }
        Instruction::Run(run) => {
            let argv = run_argv(run, &c).map_err(|e| at(DockerfileError::new(e.to_string())))?;
            let env_args: Vec<String> = w.scope.entries().iter().filter(|(k, _)| env_value(c.env.as_deref().unwrap_or_default(), k).is_none()).map(|(k, v)| format!("{k}={v}")).collect();
            let network = run_step::network_of(run.network, &b.req.network);
            description = format!("RUN {argv:?} args={env_args:?} mounts={:?} network={network:?}", run.mounts);
            let prefix = if env_args.is_empty() { String::new() } else { format!("|{} {} ", env_args.len(), env_args.join(" ")) };
            created_by = format!("{prefix}{}", argv.join(" "));
            let mut env = env_args;
            env.extend(b.args.proxies().into_iter().map(|(k, v)| format!("{k}={v}")));
            let image = w.image.as_ref().map(|f| f.record.id.to_string()).with_context(|| format!("{file_name}:{line}: RUN needs a base image with a shell: FROM scratch has no files to run"))?;
            work = Work::Run(RunPlan { image, argv, env, mounts: run.mounts.clone(), network, label: format!("RUN {}", command_text(&run.command)), location: format!("{file_name}:{line}"), output_to_stderr: b.printer.quiet() });
        }
        Instruction::Copy(copy) => {
            let from = copy.from.as_deref().map(|f| ex(w, f)).transpose()?.map(|f| source_image(b, &f, stage_index)).transpose()?;
            let args = transfer_args(w, &ex, "COPY", &copy.transfer, copy.parents, from, false, None, &c)?;
            let plan = copy_step::plan(args, &b.context).map_err(|e| anyhow::anyhow!("{file_name}:{line}: COPY: {}", crate::errors::one_line(&e)))?;
            description = plan.description.clone();
            work = Work::Copy(plan);
        }
        Instruction::Add(add) => {
            let args = transfer_args(w, &ex, "ADD", &add.transfer, false, None, true, add.checksum.clone(), &c)?;
            let plan = copy_step::plan(args, &b.context).map_err(|e| anyhow::anyhow!("{file_name}:{line}: ADD: {}", crate::errors::one_line(&e)))?;
            description = plan.description.clone();
            work = Work::Copy(plan);
        }
    }
    if created_by.is_empty() {
        created_by = format!("/bin/sh -c #(nop) {}", step.original);
    }
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
            copy_step::execute(b.store, plan, &lowers, &b.context.root)?
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

/// The argv of a RUN: exec form as written; shell form through the
/// stage's shell, heredoc bodies included as a shell reads them.
fn run_argv(run: &dockerfile::Run, c: &ContainerConfig) -> Result<Vec<String>> {
    if run.heredocs.is_empty() {
        return Ok(meta::argv_of(&run.command, c));
    }
    let Command::Shell(line) = &run.command else { bail!("heredocs need the shell form of RUN") };
    let marker_only = run.heredocs.len() == 1 && line.trim().trim_start_matches("<<").trim_start_matches('-').trim_matches(['"', '\'']) == run.heredocs[0].name;
    let script = if marker_only {
        run.heredocs[0].content.clone()
    } else {
        let mut s = format!("{line}\n");
        for h in &run.heredocs {
            s.push_str(&h.content);
            s.push_str(&h.name);
            s.push('\n');
        }
        s
    };
    Ok(meta::argv_of(&Command::Shell(script), c))
}

fn command_text(c: &Command) -> String {
    match c {
        Command::Shell(s) => s.clone(),
        Command::Exec(argv) => format!("{argv:?}"),
    }
}

/// `COPY --from=`: an earlier stage, else an image (pulled if missing).
fn source_image(b: &Build<'_>, from: &str, stage_index: usize) -> Result<(String, Vec<PathBuf>)> {
    if let Some(s) = b.file.stage(from) {
        if s.index >= stage_index {
            bail!("COPY --from={from} names this stage or a later one: a stage can copy only from the stages before it");
        }
        let f = b.results.get(&s.index).with_context(|| format!("stage {from} was not built"))?;
        return Ok((f.record.id.to_string(), layer_dirs(b.store, &f.config)));
    }
    ensure_image_with(b.store, from, b.req.pull, b.req.tls_verify)?;
    let view = ImageView::load(b.store, images::resolve(b.store, from)?)?;
    Ok((view.record.id.to_string(), layer_dirs(b.store, &view.config)))
}

#[allow(clippy::too_many_arguments)]
fn transfer_args<'a>(
    w: &Working,
    ex: &dyn Fn(&Working, &str) -> Result<String>,
    keyword: &'a str,
    t: &dockerfile::Transfer,
    parents: bool,
    from: Option<(String, Vec<PathBuf>)>,
    is_add: bool,
    checksum: Option<String>,
    c: &ContainerConfig,
) -> Result<CopyArgs<'a>> {
    let mut sources = Vec::new();
    let mut heredocs = Vec::new();
    for s in &t.sources {
        match s {
            dockerfile::Source::Path(p) => sources.push(ex(w, p)?),
            dockerfile::Source::Heredoc(h) => heredocs.push((h.name.clone(), if h.expand { ex(w, &h.content)? } else { h.content.clone() })),
        }
    }
    let dest = ex(w, &t.dest)?;
    let slash = dest.ends_with('/') || dest == "." || dest.ends_with("/.");
    let mut abs = meta::workdir(c, &dest);
    if slash && !abs.ends_with('/') {
        abs.push('/');
    }
    let chown = t.chown.as_deref().map(|s| ex(w, s)).transpose()?;
    let chmod = t.chmod.as_deref().map(|s| ex(w, s)).transpose()?.map(|s| copy_step::parse_chmod(&s)).transpose()?;
    let excludes = t.exclude.iter().map(|e| ex(w, e)).collect::<Result<Vec<_>>>()?;
    Ok(CopyArgs { keyword, sources, heredocs, dest: abs, chown, chmod, parents, excludes, from, is_add, checksum })
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
    b.printer.line(&format!("COMMIT {}", b.req.tags.first().map(|t| images::familiar_tag(t)).unwrap_or_default()));
    cache::promote(b.store, &id, &b.req.tags)?;
    b.printer.line(&format!("--> {}", &id.hex()[..11]));
    for t in &b.req.tags {
        b.printer.line(&format!("Successfully tagged {t}"));
    }
    images::resolve(b.store, &id.to_string())
}
