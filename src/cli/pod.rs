//! `pontoon pod VERB`: Podman's pods. This file parses the verbs that
//! change pods and prints their Ids; pod_show.rs prints ps, inspect, top,
//! stats and logs. engine::pods decides.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};

use super::output::for_each;
use super::pod_targets::PodTargets;
use super::Ctx;
use crate::engine::pods;
use crate::pod::{PodSpec, Share};
use crate::spec::network::NetworkMode;

const CREATE_EXAMPLES: &str = "\
Examples:
  pontoon pod create --name web -p 8080:80
  pontoon run -d --pod web busybox httpd -f -p 80
  pontoon pod create --name tools --share net,ipc,uts,pid
  pontoon pod create --name bare --infra=false";

#[derive(Subcommand, Debug)]
pub enum PodCommand {
    /// Create a pod (and its infra container)
    #[command(after_help = CREATE_EXAMPLES)]
    Create(Box<PodCreateArgs>),
    /// List pods
    #[command(visible_alias = "ls", alias = "list")]
    Ps(super::pod_show::PodPsArgs),
    /// Show low-level information on pods
    Inspect(super::pod_show::PodInspectArgs),
    /// Start pods (the infra container first)
    Start(PodNamesArgs),
    /// Stop pods (the infra container last)
    Stop(PodStopArgs),
    /// Restart pods
    Restart(PodStopArgs),
    /// Send a signal to the containers of pods
    Kill(PodKillArgs),
    /// Pause the containers of pods
    Pause(PodNamesArgs),
    /// Unpause the containers of pods
    Unpause(PodNamesArgs),
    /// Remove pods and their containers
    Rm(PodRmArgs),
    /// Remove every pod none of whose containers runs
    Prune(PodPruneArgs),
    /// Show the processes of a pod's containers
    Top(super::pod_show::PodTopArgs),
    /// Show the resource usage of pods' containers
    Stats(super::pod_show::PodStatsArgs),
    /// Show the logs of a pod's containers
    Logs(super::pod_show::PodLogsArgs),
    /// Exit 0 when the pod exists, 1 when it does not
    Exists(PodExistsArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(super::refused::Refused<super::refused::Pod>),
}

#[derive(Args, Debug)]
pub struct PodCreateArgs {
    /// Name of the pod (default: a generated one)
    #[arg(short = 'n', long)]
    pub name: Option<String>,
    /// Publish a port of the pod (HOST:CONTAINER[/PROTO])
    #[arg(short, long = "publish", value_name = "[IP:]HOST:CONTAINER[/PROTO]")]
    pub publish: Vec<String>,
    /// Namespaces the containers share: net, ipc, uts, pid, none (default ipc,net,uts; +pid adds)
    #[arg(long, value_name = "NS[,NS...]")]
    pub share: Option<String>,
    /// The pod's host name (default: its name)
    #[arg(long)]
    pub hostname: Option<String>,
    /// Set a label (KEY=VALUE)
    #[arg(short, long)]
    pub label: Vec<String>,
    /// The pod's network: bridge, none, host, pasta, slirp4netns or a network's name
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Vec<String>,
    /// Make an infra container that holds the shared namespaces
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub infra: bool,
    /// Add a host to /etc/hosts (NAME:IP)
    #[arg(long, value_name = "NAME:IP")]
    pub add_host: Vec<String>,
    /// Set a nameserver
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// Set a DNS search domain
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// Set a resolver option
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Read labels from a file of KEY=VALUE lines (# comments)
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<std::path::PathBuf>,
    /// Write the pod's Id to this file (it must not exist)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Option<std::path::PathBuf>,
    /// Remove a pod of the same name first (with its containers)
    #[arg(long)]
    pub replace: bool,
    /// Mount a volume in every container of the pod (as run's -v)
    #[arg(short, long, value_name = "[SOURCE:]TARGET[:OPTIONS]")]
    pub volume: Vec<String>,
    /// Set a namespaced kernel parameter for the pod (net.*, kernel.shm*, ...: NAME=VALUE)
    #[arg(long, value_name = "NAME=VALUE")]
    pub sysctl: Vec<String>,
    /// Restart policy of the pod's containers that give none: no, always, unless-stopped, on-failure[:N]
    #[arg(long, value_name = "POLICY")]
    pub restart: Option<String>,
    /// When the last container but the infra one exits: continue (the pod keeps running) or stop
    #[arg(long, value_name = "POLICY", default_value = "continue")]
    pub exit_policy: String,
    /// The infra container's name (default: the pod's short Id and -infra)
    #[arg(long, value_name = "NAME")]
    pub infra_name: Option<String>,
    /// The pod's name, as an alternative to --name
    #[arg(value_name = "NAME")]
    pub positional_name: Option<String>,
    #[command(flatten)]
    pub accepted: super::pod_accepted::PodCreateAccepted,
}

#[derive(Args, Debug)]
pub struct PodNamesArgs {
    #[command(flatten)]
    pub targets: PodTargets,
}

#[derive(Args, Debug)]
pub struct PodStopArgs {
    /// Seconds to wait before killing
    #[arg(short = 't', long = "time", alias = "timeout")]
    pub time: Option<u32>,
    /// Do not fail for pods (or --pod-id-file files) that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub targets: PodTargets,
}

#[derive(Args, Debug)]
pub struct PodKillArgs {
    /// Signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    #[command(flatten)]
    pub targets: PodTargets,
}

#[derive(Args, Debug)]
pub struct PodRmArgs {
    /// Stop and remove running pods
    #[arg(short, long)]
    pub force: bool,
    /// Seconds to wait before killing, with --force
    #[arg(short = 't', long = "time", alias = "timeout")]
    pub time: Option<u32>,
    /// Do not fail for pods (or --pod-id-file files) that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub targets: PodTargets,
}

#[derive(Args, Debug)]
pub struct PodPruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct PodExistsArgs {
    pub pod: String,
}

pub fn run(ctx: &Ctx, command: PodCommand) -> Result<()> {
    match command {
        PodCommand::Refused(r) => r.refuse(),
        PodCommand::Create(a) => create(ctx, *a),
        PodCommand::Ps(a) => super::pod_show::ps(ctx, a),
        PodCommand::Inspect(a) => super::pod_show::inspect(ctx, a),
        PodCommand::Start(a) => {
            let store = ctx.store()?;
            each_pod(&store, &a.targets, false, |pod| pods::start(&store, pod))
        }
        PodCommand::Stop(a) => {
            let store = ctx.store_files_only()?;
            each_pod(&store, &a.targets, a.ignore, |pod| pods::stop(&store, pod, a.time))
        }
        PodCommand::Restart(a) => {
            let store = ctx.store()?;
            each_pod(&store, &a.targets, a.ignore, |pod| crate::engine::pods_ops::restart(&store, pod, a.time))
        }
        PodCommand::Kill(a) => {
            let store = ctx.store_files_only()?;
            let signal = crate::engine::lifecycle::parse_signal(&a.signal)?;
            each_pod(&store, &a.targets, false, |pod| crate::engine::pods_ops::kill(&store, pod, signal))
        }
        PodCommand::Pause(a) => {
            let store = ctx.store_files_only()?;
            each_pod(&store, &a.targets, false, |pod| crate::engine::pods_ops::pause(&store, pod, true))
        }
        PodCommand::Unpause(a) => {
            let store = ctx.store_files_only()?;
            each_pod(&store, &a.targets, false, |pod| crate::engine::pods_ops::pause(&store, pod, false))
        }
        PodCommand::Rm(a) => rm(ctx, a),
        PodCommand::Prune(a) => prune(ctx, a),
        PodCommand::Top(a) => super::pod_show::top(ctx, a),
        PodCommand::Stats(a) => super::pod_show::stats(ctx, a),
        PodCommand::Logs(a) => super::pod_show::logs(ctx, a),
        PodCommand::Exists(a) => {
            let store = ctx.store_files_only()?;
            match pods::find(&store, &a.pod) {
                Ok(_) => Ok(()),
                Err(e) if matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::NoSuchPod(_))) => {
                    Err(crate::errors::PontoonError::Exit(1).into())
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// Runs `each` for the pods asked for, printing each pod's Id as Podman
/// does; going on after a failure. With `ignore`, pods that do not exist
/// are passed over.
fn each_pod(store: &crate::store::Store, targets: &PodTargets, ignore: bool, mut each: impl FnMut(&crate::store::pods::PodRecord) -> Result<()>) -> Result<()> {
    let names = targets.resolve(store, ignore)?;
    for_each(&names, |name| {
        let pod = match pods::find(store, name) {
            Err(e) if ignore && is_no_such_pod(&e) => return Ok(()),
            found => found?,
        };
        each(&pod)?;
        println!("{}", pod.id);
        Ok(())
    })
}

fn is_no_such_pod(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::NoSuchPod(_)))
}

/// The spec `pod create`'s flags ask for.
fn create_spec(a: &PodCreateArgs, default_network: Option<String>) -> Result<PodSpec> {
    let name = match (&a.name, &a.positional_name) {
        (Some(_), Some(_)) => bail!("give the pod's name once: with --name or as the argument, not both"),
        (n, p) => n.clone().or_else(|| p.clone()).unwrap_or_default(),
    };
    let mut spec = PodSpec::named(&name);
    spec.hostname = a.hostname.clone();
    spec.infra = a.infra;
    if let Some(share) = &a.share {
        spec.share = Share::parse_list(share)?;
    }
    let mut labels = BTreeMap::new();
    for l in &a.label {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        if k.is_empty() {
            bail!("invalid --label {l:?}: give KEY=VALUE");
        }
        labels.insert(k.to_string(), v.to_string());
    }
    for file in &a.label_file {
        let text = std::fs::read_to_string(file).with_context(|| format!("read --label-file {}", file.display()))?;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (k, v) = line.split_once('=').unwrap_or((line, ""));
            // --label wins over the file, as in Docker and for run.
            labels.entry(k.to_string()).or_insert_with(|| v.to_string());
        }
    }
    spec.labels = labels;
    // The infra container's network: as a container's, containers.conf's
    // netns when no --network is given.
    spec.network = match (&a.network[..], default_network) {
        ([], Some(default)) => NetworkMode::parse(&default).with_context(|| format!("containers.conf: netns = {default:?}"))?,
        ([], None) => NetworkMode::Default,
        (given, _) => NetworkMode::parse_all(given)?,
    };
    for p in &a.publish {
        spec.ports.extend(crate::spec::ports::parse_publish(p)?);
    }
    if a.infra_name.is_some() && !a.infra {
        bail!("--infra-name needs an infra container: drop --infra=false");
    }
    spec.infra_name = a.infra_name.clone();
    spec.exit_policy = crate::pod::ExitPolicy::parse(&a.exit_policy)?;
    spec.restart = a.restart.as_deref().map(crate::spec::restart::RestartPolicy::parse).transpose()?;
    spec.sysctls = crate::spec::sysctl::parse(&a.sysctl)?;
    if !spec.sysctls.is_empty() {
        if !a.infra {
            bail!("--sysctl needs an infra container to hold the namespaces: drop --infra=false, or give --sysctl to each container");
        }
        crate::spec::sysctl::check(&spec.sysctls, &spec.network, &Default::default())?;
    }
    if !a.volume.is_empty() {
        let cwd = std::env::current_dir().context("the current directory, for relative --volume sources")?;
        spec.volumes = a.volume.iter().map(|v| crate::spec::mounts::parse_volume(v, &cwd)).collect::<Result<_>>()?;
    }
    spec.dns = crate::spec::dns::DnsSettings::parse(&a.dns, &a.dns_search, &a.dns_option)?;
    spec.extra_hosts = crate::spec::dns::parse_extra_hosts(&a.add_host)?;
    Ok(spec)
}

fn create(ctx: &Ctx, a: PodCreateArgs) -> Result<()> {
    a.accepted.check()?;
    if let Some(p) = a.pod_id_file.as_deref().filter(|p| p.exists()) {
        bail!("pod id file {} exists: ensure another pod is not using it, or delete it", p.display());
    }
    let spec = create_spec(&a, crate::engine::containers_conf::default_netns()?)?;
    let store = ctx.store()?;
    if a.replace && !spec.name.is_empty() {
        // Podman's --replace: the old pod goes, running or not, with its containers.
        match pods::find(&store, &spec.name) {
            Ok(old) if old.name == spec.name => pods::remove(&store, &old, true, None).with_context(|| format!("--replace: remove the pod {}", old.name))?,
            Ok(_) => {}
            Err(e) if is_no_such_pod(&e) => {}
            Err(e) => return Err(e),
        }
    }
    let pod = pods::create(&store, spec)?;
    if let Some(path) = &a.pod_id_file {
        super::run_compat::write_cidfile(Some(path), &pod.id).with_context(|| format!("--pod-id-file {}", path.display()))?;
    }
    println!("{}", pod.id);
    Ok(())
}

fn rm(ctx: &Ctx, a: PodRmArgs) -> Result<()> {
    let store = ctx.store()?;
    let names = a.targets.resolve(&store, a.ignore)?;
    for_each(&names, |name| {
        let pod = match pods::find(&store, name) {
            Err(e) if a.ignore && is_no_such_pod(&e) => return Ok(()),
            found => found?,
        };
        pods::remove(&store, &pod, a.force, a.time)?;
        println!("{}", pod.id);
        Ok(())
    })
}

fn prune(ctx: &Ctx, a: PodPruneArgs) -> Result<()> {
    if !a.force && !super::output::confirm("WARNING! This will remove all stopped/exited pods..")? {
        return Ok(());
    }
    let store = ctx.store()?;
    for id in crate::engine::pods_ops::prune(&store)? {
        println!("{id}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn spec(args: &[&str]) -> Result<PodSpec> {
        let mut argv = vec!["pontoon", "pod", "create"];
        argv.extend_from_slice(args);
        match crate::cli::Cli::try_parse_from(argv).map(|c| c.command) {
            Ok(crate::cli::Command::Pod(PodCommand::Create(a))) => create_spec(&a, None),
            other => panic!("not pod create: {other:?}"),
        }
    }

    #[test]
    fn create_flags_make_the_pod_spec() {
        let s = spec(&["--name", "web", "-p", "8080:80", "--share", "net,ipc,uts,pid", "--label", "a=b", "--hostname", "h"]).unwrap();
        assert_eq!(s.name, "web");
        assert_eq!(s.ports.len(), 1);
        assert_eq!(s.ports[0].container_port, 80);
        assert!(s.shares(Share::Pid));
        assert_eq!(s.labels["a"], "b");
        assert_eq!(s.hostname.as_deref(), Some("h"));
        let s = spec(&["--infra=false", "bare"]).unwrap();
        assert!(!s.infra);
        assert_eq!(s.name, "bare");
        assert!(spec(&["--name", "a", "b"]).is_err());
    }
}
