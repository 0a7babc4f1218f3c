//! `pontoon kube play|down|generate` (and Podman's older spellings `play
//! kube` and `generate kube`): read the manifest, print the warnings, hand
//! the plan to the engine, print what Podman prints.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::engine::kube_play::{self, PlayOptions};
use crate::kube::model::{ConfigMap, Object};
use crate::kube::play::{self as plan, PlayInput};
use crate::kube::yaml::{self, Document};

#[derive(Subcommand, Debug)]
pub enum KubeCommand {
    /// Create pods, containers and volumes from a Kubernetes YAML file
    Play(PlayArgs),
    /// Remove the pods a Kubernetes YAML file made (volumes stay)
    Down(DownArgs),
    /// Write a Kubernetes manifest of pods, containers or volumes
    Generate(GenerateArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(super::refused::Refused<super::refused::Kube>),
}

/// Podman's `play kube`.
#[derive(Subcommand, Debug)]
pub enum PlayCommand {
    /// Create pods, containers and volumes from a Kubernetes YAML file
    Kube(PlayArgs),
}

/// Podman's `generate kube`.
#[derive(Subcommand, Debug)]
pub enum GenerateCommand {
    /// Write a Kubernetes manifest of pods, containers or volumes
    Kube(GenerateArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(super::refused::Refused<super::refused::Generate>),
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon kube play pod.yaml\n  pontoon kube play --replace --configmap env.yaml app.yaml\n  cat pod.yaml | pontoon kube play -")]
pub struct PlayArgs {
    /// The YAML file, - for standard input, or an http(s) URL
    pub file: String,
    /// Remove the file's pods first when they exist, then play it
    #[arg(long)]
    pub replace: bool,
    /// Build images from a directory named like the image next to the file (=false: never)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub build: Option<bool>,
    /// A file of ConfigMaps for the pods' environment and volumes (repeatable, or comma-separated)
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub configmap: Vec<PathBuf>,
    /// Start the pods (=false: only create them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", default_value = "true")]
    pub start: bool,
    /// The pods' network (as run's --network)
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,
    /// Remove the file's pods instead (as kube down)
    #[arg(long)]
    pub down: bool,
    /// Publish a port of the pods ([IP:]HOST:CONTAINER[/PROTO]), over the file's hostPort for that containerPort
    #[arg(long, value_name = "[IP:]HOST:CONTAINER[/PROTO]")]
    pub publish: Vec<String>,
    #[command(flatten)]
    pub accepted: super::kube_accepted::KubePlayAccepted,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon kube down pod.yaml\n  pontoon kube generate web | pontoon kube down -")]
pub struct DownArgs {
    /// The YAML file, or - for standard input
    pub file: String,
    /// Seconds to wait for the containers to stop before killing them (default: each one's stop timeout)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    #[command(flatten)]
    pub accepted: super::kube_accepted::KubeDownAccepted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GenerateType {
    Pod,
    Deployment,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon kube generate web > web.yaml\n  pontoon kube generate --service -f web.yaml web\n  pontoon kube generate --type deployment web")]
pub struct GenerateArgs {
    /// Pods, containers or volumes to describe
    #[arg(required = true, value_name = "POD|CONTAINER|VOLUME")]
    pub names: Vec<String>,
    /// Add a Service for the pod's host ports
    #[arg(short = 's', long)]
    pub service: bool,
    /// The kind to write
    #[arg(short = 't', long = "type", value_enum, default_value = "pod")]
    pub kind: GenerateType,
    /// Write to this file instead of standard output
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filename: Option<PathBuf>,
    #[command(flatten)]
    pub accepted: super::kube_accepted::KubeGenerateAccepted,
}

pub fn run(ctx: &Ctx, c: KubeCommand) -> Result<()> {
    match c {
        KubeCommand::Play(a) => play(ctx, a),
        KubeCommand::Down(a) => down(ctx, a),
        KubeCommand::Generate(a) => generate(ctx, a),
        KubeCommand::Refused(r) => r.refuse(),
    }
}

/// The file's text, its name for messages, and its directory (--build's
/// base): a path, `-` for standard input, or an http(s) URL as Podman reads.
fn read_input(file: &str) -> Result<(String, String, PathBuf)> {
    let mut text = String::new();
    crate::engine::import::open_source(file)?.read_to_string(&mut text).with_context(|| format!("read {file}"))?;
    let local = file != "-" && !file.starts_with("http://") && !file.starts_with("https://");
    let dir = match Path::new(file).parent().filter(|p| local && !p.as_os_str().is_empty()) {
        Some(parent) => std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf()),
        None => std::env::current_dir().context("the current directory")?,
    };
    Ok((text, if file == "-" { "<stdin>".into() } else { file.to_string() }, dir))
}

fn read_docs(file: &str) -> Result<(String, String, PathBuf, Vec<Document>)> {
    let (text, name, dir) = read_input(file)?;
    let docs = yaml::read(&name, &text)?;
    if docs.is_empty() {
        bail!("{name}: no Kubernetes objects in the file");
    }
    Ok((text, name, dir, docs))
}

pub fn play(ctx: &Ctx, args: PlayArgs) -> Result<()> {
    args.accepted.check()?;
    if args.down {
        return remove_pods(ctx, &args.file, None);
    }
    let (text, name, base_dir, docs) = read_docs(&args.file)?;
    let mut config_maps: Vec<ConfigMap> = Vec::new();
    for path in &args.configmap {
        let shown = path.display().to_string();
        let cm_text = std::fs::read_to_string(path).with_context(|| format!("read --configmap {shown}"))?;
        for doc in yaml::read(&shown, &cm_text)? {
            match doc.object {
                Object::ConfigMap(cm) => config_maps.push(cm),
                other => bail!("--configmap {shown}: a {} is not a ConfigMap", other.kind()),
            }
        }
    }
    let network = if args.network.is_empty() { None } else { Some(crate::spec::network::NetworkMode::parse_all(&args.network)?) };
    let mut plan = plan::plan(&PlayInput { file: &name, text: &text, docs: &docs, config_maps: &config_maps, network })?;
    let published = args.publish.iter().map(|p| crate::spec::ports::parse_publish(p)).collect::<Result<Vec<_>>>()?.concat();
    for pod in plan.pods.iter_mut().filter(|p| !published.is_empty() && p.spec.network != crate::spec::network::NetworkMode::Host) {
        // Podman's merge: the flag's mapping replaces the file's for the same containerPort.
        pod.spec.ports.retain(|m| !published.iter().any(|p| p.container_port == m.container_port && p.protocol == m.protocol));
        pod.spec.ports.extend(published.iter().cloned());
    }
    for w in &plan.warnings {
        eprintln!("warning: {w}");
    }
    if !args.start {
        for pod in plan.pods.iter().filter(|p| !p.init.is_empty()) {
            eprintln!("warning: {}: --start=false: its init containers are not run (play without it to run them)", pod.object);
        }
    }
    let store = ctx.store()?;
    let opts = PlayOptions { replace: args.replace, start: args.start, build: args.build, base_dir };
    let played = kube_play::play(&store, &plan, &opts)?;
    let mut out = String::new();
    if !played.volumes.is_empty() {
        out.push_str("Volumes:\n");
        for v in &played.volumes {
            out.push_str(&format!("{v}\n"));
        }
    }
    for (pod, containers) in &played.pods {
        out.push_str(&format!("Pod:\n{pod}\nContainer:\n"));
        for c in containers {
            out.push_str(&format!("{c}\n"));
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}

pub fn down(ctx: &Ctx, args: DownArgs) -> Result<()> {
    args.accepted.check()?;
    remove_pods(ctx, &args.file, args.time)
}

/// kube down, and kube play --down: stop and remove the file's pods.
fn remove_pods(ctx: &Ctx, file: &str, time: Option<u32>) -> Result<()> {
    let (_, _, _, docs) = read_docs(file)?;
    let names: Vec<String> = docs.iter().filter_map(|d| plan::pod_name(&d.object)).collect();
    let store = ctx.store()?;
    let removed = crate::engine::kube_down::down(&store, &names, time)?;
    if !removed.is_empty() {
        // Podman's two lists: a pod is stopped, then removed.
        println!("Pods stopped:\n{}\nPods removed:\n{}", removed.join("\n"), removed.join("\n"));
    }
    Ok(())
}

pub fn generate(ctx: &Ctx, args: GenerateArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    let generated = crate::engine::kube_generate::generate(&store, &args.names)?;
    let mut docs = Vec::new();
    for claim in &generated.claims {
        if let Object::Claim(c) = claim {
            docs.push(serde_yaml_ng::to_string(c).context("write the PersistentVolumeClaim")?);
        }
    }
    for (pod, sources) in generated.pods {
        for object in sources {
            docs.push(match &object {
                Object::ConfigMap(c) => serde_yaml_ng::to_string(c),
                Object::Secret(s) => serde_yaml_ng::to_string(s),
                _ => continue,
            }.context("write a ConfigMap or Secret")?);
        }
        if args.service && pod.spec.containers.iter().all(|c| c.ports.is_empty()) {
            // A cluster refuses a Service without ports.
            eprintln!("warning: pod {} publishes no ports: no Service written for it", pod.metadata.name.as_deref().unwrap_or(""));
        } else if args.service {
            docs.push(serde_yaml_ng::to_string(&crate::kube::generate::service(&pod)).context("write the Service")?);
        }
        docs.push(match args.kind {
            GenerateType::Pod => serde_yaml_ng::to_string(&pod).context("write the Pod")?,
            GenerateType::Deployment => serde_yaml_ng::to_string(&crate::kube::generate::deployment(pod)).context("write the Deployment")?,
        });
    }
    let text = format!("# Save the output of this file and use kubectl create -f to import\n# it into Kubernetes.\n#\n# Created with pontoon-{}\n---\n{}", env!("CARGO_PKG_VERSION"), docs.join("---\n"));
    match &args.filename {
        Some(path) => crate::store::atomic::write_atomic(path, text.as_bytes()).with_context(|| format!("write {}", path.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
