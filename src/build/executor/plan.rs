//! What each instruction means: the config it gives, the text that is its
//! cache key and history, and the filesystem work it needs (run by
//! stage.rs unless the cache has the step).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::copy_step::{self, CopyArgs};
use super::meta;
use super::run_step::{self, RunPlan};
use super::stage::Working;
use super::Build;
use crate::build::dockerfile::{self, expand, Command, DockerfileError, Instruction, Step};
use crate::build::vars::env_value;
use crate::engine::container::ensure_image_with;
use crate::engine::images::{self, ImageView};
use crate::image::manifest::ContainerConfig;
use crate::store::layout::layer_dirs;

/// What a step does to the filesystem, if anything.
pub enum Work {
    None,
    Copy(copy_step::CopyPlan),
    Run(RunPlan),
    Mkdir(String),
}

/// A step before it runs.
pub struct StepPlan {
    /// The instruction as expanded (with its inputs' digests): the cache key's part.
    pub description: String,
    pub work: Work,
    /// History's `created_by`; empty for `#(nop)` and the instruction.
    pub created_by: String,
    /// The container config after the step.
    pub config: ContainerConfig,
}

pub fn plan_step(b: &mut Build<'_>, w: &mut Working, step: &Step, stage_index: usize) -> Result<StepPlan> {
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
            let args = transfer_args(w, &ex, "COPY", &copy.transfer, copy.parents, from, false, None, &c).map_err(|e| anyhow::anyhow!("{file_name}:{line}: COPY: {}", crate::errors::one_line(&e)))?;
            let plan = copy_step::plan(args, &b.context).map_err(|e| anyhow::anyhow!("{file_name}:{line}: COPY: {}", crate::errors::one_line(&e)))?;
            description = plan.description.clone();
            work = Work::Copy(plan);
        }
        Instruction::Add(add) => {
            let args = transfer_args(w, &ex, "ADD", &add.transfer, false, None, true, add.checksum.clone(), &c).map_err(|e| anyhow::anyhow!("{file_name}:{line}: ADD: {}", crate::errors::one_line(&e)))?;
            let plan = copy_step::plan(args, &b.context).map_err(|e| anyhow::anyhow!("{file_name}:{line}: ADD: {}", crate::errors::one_line(&e)))?;
            description = plan.description.clone();
            work = Work::Copy(plan);
        }
    }
    Ok(StepPlan { description, work, created_by, config: c })
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
pub(super) fn source_image(b: &Build<'_>, from: &str, stage_index: usize) -> Result<(String, Vec<PathBuf>)> {
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

