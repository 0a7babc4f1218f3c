//! The `compose` commands that act on containers (`up`, `down`, `ps`,
//! `logs`, ...): flags in, `crate::compose::run` does the work, results
//! printed as docker compose prints them.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};

use super::compose::ComposeArgs;
use super::Ctx;
use crate::compose::run::{containers, down, images, logs, names, ops, up};
use crate::compose::Project;
use crate::engine::container::PullPolicy;
use crate::errors::PontoonError;
use crate::store::Store;

#[derive(Subcommand, Debug)]
pub enum ComposeOp {
    /// Create and start the project's containers
    Up(UpArgs),
    /// Stop and remove the project's containers and networks
    Down(DownArgs),
    /// List the project's containers
    Ps(PsArgs),
    /// Show the output of the project's containers
    Logs(LogsArgs),
    /// Build the services' images
    Build(BuildArgs),
    /// Pull the services' images
    Pull(ServicesArgs),
    /// Start the services' existing containers
    Start(ServicesArgs),
    /// Stop the services' containers
    Stop(StopArgs),
    /// Restart the services' containers
    Restart(StopArgs),
    /// Kill the services' containers
    Kill(KillArgs),
    /// Remove the services' stopped containers
    Rm(RmArgs),
    /// Run a command in a service's running container
    Exec(ExecArgs),
    /// List the images the project's containers use
    Images(ServicesArgs),
    /// Print the host port a service's container port is published on
    Port(PortArgs),
    /// Run a one-off command in a new container of a service
    Run(RunArgs),
    /// Show the processes of the project's containers
    Top(ServicesArgs),
    /// Push the services' images
    Push(ServicesArgs),
}

#[derive(Args, Debug)]
#[command(trailing_var_arg = true)]
pub struct RunArgs {
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Run in the background and print the container's name
    #[arg(short, long)]
    pub detach: bool,
    /// Set an environment variable (repeatable)
    #[arg(short, long)]
    pub env: Vec<String>,
    /// Name the container
    #[arg(long)]
    pub name: Option<String>,
    /// Override the image's entrypoint
    #[arg(long)]
    pub entrypoint: Option<String>,
    /// Do not start the services it depends on
    #[arg(long)]
    pub no_deps: bool,
    /// No pseudo-terminal (the default when stdin is not a terminal)
    #[arg(short = 'T', long = "no-TTY")]
    pub no_tty: bool,
    /// Run as this user
    #[arg(short, long)]
    pub user: Option<String>,
    /// Working directory
    #[arg(short, long)]
    pub workdir: Option<String>,
    /// Publish the service's ports (not published by default)
    #[arg(long)]
    pub service_ports: bool,
    pub service: String,
    #[arg(allow_hyphen_values = true)]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
pub struct UpArgs {
    /// Run in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Build images before starting
    #[arg(long)]
    pub build: bool,
    /// Never build, even a missing image
    #[arg(long)]
    pub no_build: bool,
    /// Recreate containers even if nothing changed
    #[arg(long)]
    pub force_recreate: bool,
    /// Keep existing containers even if they changed
    #[arg(long)]
    pub no_recreate: bool,
    /// Remove containers of services not in the files
    #[arg(long)]
    pub remove_orphans: bool,
    /// Start only the services named, not their dependencies
    #[arg(long)]
    pub no_deps: bool,
    /// Create the containers but start none
    #[arg(long)]
    pub no_start: bool,
    /// Wait until the services run (and are healthy if they have a check), then return
    #[arg(long)]
    pub wait: bool,
    /// Stop every container when one exits (attached only)
    #[arg(long)]
    pub abort_on_container_exit: bool,
    /// Exit with this service's code (implies --abort-on-container-exit)
    #[arg(long, value_name = "SERVICE")]
    pub exit_code_from: Option<String>,
    /// Pull images: always, missing (default), never
    #[arg(long, value_name = "POLICY", default_value = "missing")]
    pub pull: String,
    /// Pull without progress output
    #[arg(long)]
    pub quiet_pull: bool,
    /// Seconds to wait for stopping containers
    #[arg(short, long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct DownArgs {
    /// Remove named volumes declared in the files and anonymous volumes
    #[arg(short, long)]
    pub volumes: bool,
    /// Remove images: local (those built without a custom name) or all
    #[arg(long, value_name = "TYPE", value_parser = ["local", "all"])]
    pub rmi: Option<String>,
    /// Remove containers of services not in the files
    #[arg(long)]
    pub remove_orphans: bool,
    /// Seconds to wait for stopping containers
    #[arg(short, long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Show stopped containers too
    #[arg(short, long)]
    pub all: bool,
    /// Only the container ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Only the service names
    #[arg(long)]
    pub services: bool,
    /// table (default), json, or a Go template such as '{{.Name}} {{.Status}}'
    #[arg(long)]
    pub format: Option<String>,
    pub service: Vec<String>,
}

#[derive(Args, Debug)]
pub struct LogsArgs {
    /// Follow the output
    #[arg(short, long)]
    pub follow: bool,
    /// Lines from the end of each log
    #[arg(short = 'n', long, default_value = "all")]
    pub tail: String,
    /// Show timestamps
    #[arg(short, long)]
    pub timestamps: bool,
    /// Do not prefix lines with the container's name
    #[arg(long)]
    pub no_log_prefix: bool,
    /// Do not colour the prefixes
    #[arg(long)]
    pub no_color: bool,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Do not use the build cache
    #[arg(long)]
    pub no_cache: bool,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ServicesArgs {
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before killing
    #[arg(short, long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// The signal to send
    #[arg(short, long, default_value = "KILL")]
    pub signal: String,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Stop running containers first
    #[arg(short, long)]
    pub stop: bool,
    /// Remove their anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
#[command(trailing_var_arg = true)]
pub struct ExecArgs {
    /// No pseudo-terminal (the default when stdin is not a terminal)
    #[arg(short = 'T', long = "no-TTY")]
    pub no_tty: bool,
    /// Run in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Set an environment variable (repeatable)
    #[arg(short, long)]
    pub env: Vec<String>,
    /// Run as this user
    #[arg(short, long)]
    pub user: Option<String>,
    /// Working directory
    #[arg(short, long)]
    pub workdir: Option<String>,
    /// Which replica (1 by default)
    #[arg(long, default_value_t = 1)]
    pub index: u32,
    pub service: String,
    #[arg(required = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PortArgs {
    /// tcp or udp
    #[arg(long, default_value = "tcp")]
    pub protocol: String,
    /// Which replica (1 by default)
    #[arg(long, default_value_t = 1)]
    pub index: u32,
    pub service: String,
    pub private_port: u16,
}

pub fn run(ctx: &Ctx, args: &ComposeArgs, op: &ComposeOp) -> Result<()> {
    let project = args.load()?;
    // These hand over to another pontoon command, which opens the store itself.
    match op {
        ComposeOp::Exec(a) => return exec(ctx, &project, a),
        ComposeOp::Top(a) => {
            let store = ctx.store_files_only()?;
            for c in ops::selected(&store, &project, &a.services)?.into_iter().filter(crate::engine::lifecycle::is_running) {
                println!("{}", c.record.name);
                pontoon_again(ctx, &["top".to_string(), c.record.id.clone()])?;
                println!();
            }
            return Ok(());
        }
        ComposeOp::Push(a) => {
            for name in crate::compose::run::order::start_order(&project, &a.services, false)? {
                if project.services[&name].image.is_some() {
                    pontoon_again(ctx, &["push".to_string(), names::built_image(&project, &name)])?;
                }
            }
            return Ok(());
        }
        ComposeOp::Port(a) => {
            let name = names::container_name(&project, &a.service, a.index);
            return pontoon_again(ctx, &["port".to_string(), name, format!("{}/{}", a.private_port, a.protocol)]);
        }
        _ => {}
    }
    let store = ctx.store()?;
    match op {
        ComposeOp::Up(a) => up_cmd(ctx, &store, &project, a),
        ComposeOp::Down(a) => {
            let images = match a.rmi.as_deref() {
                Some("all") => down::RemoveImages::All,
                Some(_) => down::RemoveImages::Local,
                None => down::RemoveImages::None,
            };
            down::down(&store, &project, &down::DownOptions { volumes: a.volumes, images, remove_orphans: a.remove_orphans, timeout: a.timeout, quiet: false })
        }
        ComposeOp::Ps(a) => ps(&store, &project, a),
        ComposeOp::Logs(a) => {
            let chosen = ops::selected(&store, &project, &a.services)?;
            let tail = match a.tail.as_str() {
                "all" | "-1" => None,
                n => Some(n.parse().map_err(|_| anyhow::anyhow!("invalid --tail {n:?}: use a number or \"all\""))?),
            };
            let view = logs::LogView { follow: a.follow, tail, timestamps: a.timestamps, no_prefix: a.no_log_prefix, colour: !a.no_color && std::io::stdout().is_terminal() };
            logs::show(&store, &chosen, &view, |_| interrupted())
        }
        ComposeOp::Build(a) => {
            for name in crate::compose::run::order::start_order(&project, &a.services, false)? {
                if project.services[&name].build.is_some() {
                    images::build(&store, &project, &name, a.no_cache)?;
                }
            }
            Ok(())
        }
        ComposeOp::Pull(a) => {
            for name in crate::compose::run::order::start_order(&project, &a.services, false)? {
                let service = &project.services[&name];
                if let (Some(image), true) = (&service.image, service.build.is_none() || service.pull_policy.as_deref() == Some("always")) {
                    crate::engine::container::ensure_image(&store, image, PullPolicy::Always)?;
                }
            }
            Ok(())
        }
        ComposeOp::Start(a) => ops::start(&store, &project, &a.services),
        ComposeOp::Stop(a) => ops::stop(&store, &project, &a.services, a.timeout),
        ComposeOp::Restart(a) => ops::restart(&store, &project, &a.services, a.timeout),
        ComposeOp::Kill(a) => ops::kill(&store, &project, &a.services, crate::engine::lifecycle::parse_signal(&a.signal)?),
        ComposeOp::Rm(a) => {
            let _ = a.force;
            ops::rm(&store, &project, &a.services, a.stop, a.volumes)
        }
        ComposeOp::Images(a) => images_cmd(&store, &project, &a.services),
        ComposeOp::Run(a) => run_oneoff(ctx, &store, &project, a),
        ComposeOp::Exec(_) | ComposeOp::Port(_) | ComposeOp::Top(_) | ComposeOp::Push(_) => Ok(()),
    }
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// ctrl-c stops an attached `up` (or `logs -f`) instead of killing us.
fn catch_interrupt() {
    let handler = nix::sys::signal::SigHandler::Handler(on_interrupt);
    // SAFETY: the handler only stores to an atomic.
    let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGINT, handler) };
    let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGTERM, handler) };
}

fn up_cmd(ctx: &Ctx, store: &Store, project: &Project, a: &UpArgs) -> Result<()> {
    let _ = ctx;
    if a.detach && (a.abort_on_container_exit || a.exit_code_from.is_some()) {
        bail!("--abort-on-container-exit and --exit-code-from need an attached up: drop -d");
    }
    if let Some(s) = &a.exit_code_from {
        if !project.services.contains_key(s) {
            bail!("--exit-code-from {s}: no such service");
        }
    }
    let pull = match a.pull.as_str() {
        "always" => PullPolicy::Always,
        "never" => PullPolicy::Never,
        "missing" | "if_not_present" => PullPolicy::Missing,
        other => bail!("invalid --pull {other:?}: use always, missing or never"),
    };
    let opts = up::UpOptions {
        services: a.services.clone(),
        build: a.build,
        no_build: a.no_build,
        force_recreate: a.force_recreate,
        no_recreate: a.no_recreate,
        remove_orphans: a.remove_orphans,
        no_deps: a.no_deps,
        no_start: a.no_start,
        pull,
        quiet: false,
    };
    let started = up::up(store, project, &opts)?;
    if a.wait {
        return up::wait_until_ready(store, &started);
    }
    if a.detach || a.no_start {
        return Ok(());
    }
    catch_interrupt();
    let abort = a.abort_on_container_exit || a.exit_code_from.is_some();
    let mut first_exit: Option<(String, i32)> = None;
    let view = logs::LogView { follow: true, tail: None, timestamps: false, no_prefix: false, colour: std::io::stdout().is_terminal() };
    // A one-shot dependency (`service_completed_successfully`) that did its
    // job is expected to exit: that ends nothing.
    let one_shot = |service: &str| project.services.values().any(|s| s.depends_on.get(service).is_some_and(|d| d.condition == crate::compose::fields::Condition::ServiceCompletedSuccessfully));
    logs::show(store, &started, &view, |stopped| {
        if let Some(c) = stopped {
            let code = c.state.exit_code.unwrap_or(0);
            eprintln!("{} exited with code {code}", c.record.name);
            let service = containers::service_of(c);
            if code == 0 && one_shot(service) {
                return false;
            }
            first_exit.get_or_insert((service.to_string(), code));
            return abort;
        }
        interrupted()
    })?;
    if interrupted() || abort {
        eprintln!("Gracefully stopping... (press Ctrl+C again to force)");
        // SAFETY: restoring the default action is always sound.
        let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGINT, nix::sys::signal::SigHandler::SigDfl) };
        ops::stop(store, project, &opts.services, a.timeout)?;
    }
    let code = match &a.exit_code_from {
        Some(service) => {
            let c = store.containers.find(&names::container_name(project, service, 1))?;
            crate::engine::lifecycle::reconcile(store, &c)?.state.exit_code.unwrap_or(0)
        }
        None if abort => first_exit.map_or(0, |(_, code)| code),
        None => 0,
    };
    if code != 0 {
        return Err(PontoonError::Exit(code).into());
    }
    Ok(())
}

fn ps(store: &Store, project: &Project, a: &PsArgs) -> Result<()> {
    let chosen: Vec<_> = ops::selected(store, project, &a.service)?.into_iter().filter(|c| a.all || crate::engine::lifecycle::is_running(c)).collect();
    if a.services {
        let mut seen = std::collections::BTreeSet::new();
        for c in &chosen {
            if seen.insert(containers::service_of(c).to_string()) {
                println!("{}", containers::service_of(c));
            }
        }
        return Ok(());
    }
    if a.quiet {
        for c in &chosen {
            println!("{}", c.record.id);
        }
        return Ok(());
    }
    let rows: Vec<serde_json::Value> = chosen
        .iter()
        .map(|c| {
            let spec = &c.record.spec;
            let ports = crate::spec::ports::ps_ports(&c.state.ports, &crate::spec::ports::exposed_set(&spec.expose, &spec.ports));
            serde_json::json!({
                "ID": c.record.id, "Name": c.record.name, "Image": c.record.image_name,
                "Command": spec.command.join(" "), "Project": project.name, "Service": containers::service_of(c),
                "State": c.state.status.as_str(), "Status": super::ps::status_text(c), "Ports": ports,
                "Health": c.state.health.as_ref().map(|h| format!("{:?}", h.status).to_lowercase()).unwrap_or_default(),
                "ExitCode": c.state.exit_code.unwrap_or(0),
            })
        })
        .collect();
    super::output::print_rows(&rows, a.format.as_deref(), |rows| {
        let mut table = crate::format::table::Table::new(vec!["NAME", "IMAGE", "COMMAND", "SERVICE", "STATUS", "PORTS"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("Name"), s("Image"), format!("\"{}\"", s("Command")), s("Service"), s("Status"), s("Ports")]);
        }
        table.render()
    })
}

fn images_cmd(store: &Store, project: &Project, services: &[String]) -> Result<()> {
    let mut table = crate::format::table::Table::new(vec!["CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"]);
    for c in ops::selected(store, project, services)? {
        let record = crate::engine::images::resolve(store, &c.record.image_id)?;
        let name = crate::engine::images::familiar_tag(&c.record.image_name);
        let (repo, tag) = name.rsplit_once(':').unwrap_or((name.as_str(), "latest"));
        table.push(vec![c.record.name.clone(), repo.to_string(), tag.to_string(), record.id.hex()[..12].to_string(), crate::format::units::human_size(record.size)]);
    }
    print!("{}", table.render());
    Ok(())
}

/// `compose exec`: `pontoon exec` on the service's container, with a
/// terminal unless -T or stdin is not one.
fn exec(ctx: &Ctx, project: &Project, a: &ExecArgs) -> Result<()> {
    let mut argv = vec!["exec".to_string()];
    if a.detach {
        argv.push("-d".into());
    } else {
        argv.push("-i".into());
        if !a.no_tty && std::io::stdin().is_terminal() {
            argv.push("-t".into());
        }
    }
    for e in &a.env {
        argv.extend(["-e".into(), e.clone()]);
    }
    if let Some(u) = &a.user {
        argv.extend(["-u".into(), u.clone()]);
    }
    if let Some(w) = &a.workdir {
        argv.extend(["-w".into(), w.clone()]);
    }
    argv.push(names::container_name(project, &a.service, a.index));
    argv.extend(a.command.iter().cloned());
    pontoon_again(ctx, &argv)
}

/// Runs `pontoon ARGS` on the same store and answers with its exit code.
fn pontoon_again(ctx: &Ctx, argv: &[String]) -> Result<()> {
    let status = std::process::Command::new("/proc/self/exe")
        .arg("--root")
        .arg(&ctx.paths.root)
        .arg("--runroot")
        .arg(&ctx.paths.runroot)
        .args(argv)
        .status()
        .with_context(|| format!("run pontoon {}", argv.first().map(String::as_str).unwrap_or("")))?;
    match status.code() {
        Some(0) => Ok(()),
        Some(code) => Err(PontoonError::Exit(code).into()),
        None => Err(PontoonError::Exit(1).into()),
    }
}

/// `compose run`: a one-off container of the service (its dependencies
/// brought up first), with the command given, attached unless `-d`; the
/// service's ports are published only with `--service-ports`.
fn run_oneoff(ctx: &Ctx, store: &Store, project: &Project, a: &RunArgs) -> Result<()> {
    let service = project.services.get(&a.service).with_context(|| format!("no such service: {}", a.service))?;
    if !a.no_deps {
        let deps: Vec<String> = service.depends_on.keys().filter(|d| project.services.contains_key(*d)).cloned().collect();
        if !deps.is_empty() {
            let opts = up::UpOptions { services: deps, build: false, no_build: false, force_recreate: false, no_recreate: false, remove_orphans: false, no_deps: false, no_start: false, pull: PullPolicy::Missing, quiet: false };
            up::up(store, project, &opts)?;
        }
    }
    let opts = up::UpOptions { services: vec![a.service.clone()], build: false, no_build: false, force_recreate: false, no_recreate: false, remove_orphans: false, no_deps: true, no_start: false, pull: PullPolicy::Missing, quiet: true };
    let image = images::ensure(store, project, &a.service, &opts)?;
    let mut labels = project.container_labels(&a.service, 1)?;
    labels.insert(names::ONEOFF.into(), "True".into());
    let mut spec = crate::compose::run::spec::container_spec(project, &a.service, service, &image, labels)?;
    if !a.command.is_empty() {
        spec.command = a.command.clone();
    }
    if let Some(e) = &a.entrypoint {
        spec.entrypoint = Some(e.clone());
    }
    spec.env.extend(a.env.iter().cloned());
    if a.user.is_some() {
        spec.user = a.user.clone();
    }
    if a.workdir.is_some() {
        spec.workdir = a.workdir.clone();
    }
    if !a.service_ports {
        spec.ports.clear();
    }
    spec.restart = Default::default();
    spec.interactive = !a.detach;
    spec.tty = !a.detach && !a.no_tty && std::io::stdin().is_terminal();
    spec.auto_remove = a.rm;
    let suffix: String = crate::store::containers::new_id().chars().take(12).collect();
    let name = a.name.clone().unwrap_or_else(|| format!("{}-{}-run-{suffix}", project.name, a.service));
    let record = crate::engine::container::create(store, spec, Some(name.clone()))?;
    if a.detach {
        crate::engine::container::start(store, &record.id, crate::engine::container::StartMode::Detached)?;
        println!("{name}");
        return Ok(());
    }
    pontoon_again(ctx, &["start".to_string(), "-a".into(), "-i".into(), record.id])
}
