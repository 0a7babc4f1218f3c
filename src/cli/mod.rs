//! The command line: Docker's verbs at the top level, Podman's noun/verb
//! tree beneath (`pontoon image ls` is `pontoon images`). Each file parses
//! one command family, calls the engine and prints.

mod accepted;
mod archive;
mod build;
mod build_accepted;
mod commit;
pub mod compat_mode;
#[cfg(test)]
mod compat_doc_tests;
pub mod compose;
mod compose_ops;
mod complete;
mod container;
mod container_mount;
mod df;
mod docs;
mod docs_names;
pub mod doctor;
mod events;
mod exec;
mod exists;
mod files;
mod global;
mod global_accepted;
mod kube_accepted;
mod healthcheck;
mod image;
mod images_json;
mod info;
mod inspect;
mod key_values;
pub mod kube;
mod login;
mod manage;
mod manifest;
mod mount;
pub mod monitor_argv;
mod network;
mod output;
mod pod;
mod pod_accepted;
mod platform_flags;
mod pod_show;
mod pod_targets;
mod port;
mod ps;
mod ps_ns;
mod pull;
mod push;
mod refused;
mod run;
mod run_compat;
mod run_accepted;
mod run_resources;
mod search;
mod secret;
mod stats;
mod system;
mod targets;
mod tty_check;
pub mod usage;
mod verbs_accepted;
mod network_accepted;
mod lifecycle_accepted;
mod image_accepted;
pub mod tls_verify;
mod volume;
mod volume_archive;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::store::paths::StorePaths;
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(name = "pontoon", version, about = "A daemonless, rootless container engine with Docker's command line")]
#[command(propagate_version = true, disable_help_subcommand = true)]
// A repeated flag takes its last value (`ps --format a --format b` is
// `--format b`), as Go's flag parsers behind Docker and Podman do, instead of
// clap's "cannot be used multiple times". clap propagates this setting to
// every subcommand; list flags (-e, -v, -p) still collect every value.
#[command(args_override_self = true)]
pub struct Cli {
    /// Storage root for images, layers and containers
    #[arg(long, global = true, env = "PONTOON_ROOT", value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Runtime state directory (pids, sockets, locks)
    #[arg(long, global = true, env = "PONTOON_RUNROOT", value_name = "DIR")]
    pub runroot: Option<PathBuf>,
    #[command(flatten)]
    pub global: global::GlobalFlags,
    /// Docker's and Podman's global options pontoon accepts or refuses (docs/compatibility.md)
    #[command(flatten)]
    pub accepted: global_accepted::GlobalAccepted,
    #[command(subcommand)]
    pub command: Command,
}

/// The container verbs, defined once: Docker's top-level `pontoon VERB` and
/// Podman's `pontoon container VERB` both flatten this enum, so a verb's
/// flags and help text live here only.
#[derive(Subcommand, Debug)]
pub enum ContainerVerb {
    /// Create and run a container
    #[command(disable_help_flag = true)]
    Run(run::RunArgs),
    /// Create a container without starting it
    #[command(disable_help_flag = true)]
    Create(run::CreateArgs),
    /// Start stopped containers
    Start(run::StartArgs),
    /// Remove containers
    Rm(container::RmArgs),
    /// Stop running containers (stop signal, then SIGKILL)
    Stop(container::StopArgs),
    /// Stop then start containers
    Restart(container::RestartArgs),
    /// Send a signal to running containers
    Kill(container::KillArgs),
    /// Wait for containers to exit and print their exit codes
    Wait(container::WaitArgs),
    /// Show a container's output
    Logs(container::LogsArgs),
    /// Show containers' resource usage
    Stats(stats::StatsArgs),
    /// Pause every process of containers
    Pause(stats::PauseArgs),
    /// Resume paused containers
    Unpause(stats::PauseArgs),
    /// Copy files between a container and the host
    Cp(files::CpArgs),
    /// Show the files a container added, changed or deleted
    Diff(files::DiffArgs),
    /// Write a container's filesystem as a tar archive
    Export(files::ExportArgs),
    /// Create a new image from a container's changes
    Commit(commit::CommitArgs),
    /// Rename a container
    Rename(manage::RenameArgs),
    /// List a container's published ports
    Port(port::PortArgs),
    /// Run a command in a running container
    Exec(exec::ExecArgs),
    /// Attach to a running container's terminal or streams
    Attach(exec::AttachArgs),
    /// List a container's processes
    Top(exec::TopArgs),
    /// Mount containers' root filesystems and print where (without names: list the mounted ones)
    Mount(container_mount::ContainerMountArgs),
    /// Unmount containers' root filesystems mounted with `mount`
    #[command(visible_alias = "unmount")]
    Umount(container_mount::ContainerUnmountArgs),
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(flatten)]
    Container(ContainerVerb),
    /// List containers
    Ps(ps::PsArgs),
    /// Manage containers
    #[command(subcommand, name = "container")]
    ContainerNoun(ContainerCommand),
    /// Download an image from a registry
    Pull(pull::PullArgs),
    /// Upload an image to a registry
    Push(push::PushArgs),
    /// Log in to a registry
    Login(login::LoginArgs),
    /// Log out of a registry
    Logout(login::LogoutArgs),
    /// Search a registry for repositories
    Search(search::SearchArgs),
    /// Build an image from a Dockerfile
    Build(build::BuildArgs),
    /// Manage the build cache (`builder build`, `builder prune`)
    #[command(subcommand)]
    Builder(build::BuilderCommand),
    /// Docker's buildx: `buildx build` and `buildx prune`
    #[command(subcommand)]
    Buildx(build::BuilderCommand),
    /// List images
    Images(image::ImagesArgs),
    /// Remove one or more images
    Rmi(image::RmiArgs),
    /// Give an image another name
    Tag(image::TagArgs),
    /// Remove names from an image (all of them when none is given)
    Untag(exists::UntagArgs),
    /// Show the layers an image was built from
    History(image::HistoryArgs),
    /// Show low-level information on containers and images
    Inspect(inspect::InspectArgs),
    /// Create an image from a root filesystem tarball
    Import(archive::ImportArgs),
    /// Write images to a docker-archive or oci-archive tarball
    Save(archive::SaveArgs),
    /// Load images from a docker-archive or oci-archive tarball
    Load(archive::LoadArgs),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// Show system-wide information
    Info(system::InfoArgs),
    /// Show what containers, images, volumes, networks and pods went through
    Events(events::EventsArgs),
    /// Show version information
    Version(system::VersionArgs),
    /// Manage pontoon itself
    #[command(subcommand)]
    System(SystemCommand),
    /// Manage volumes
    #[command(subcommand)]
    Volume(volume::VolumeCommand),
    /// Manage networks
    #[command(subcommand)]
    Network(network::NetworkCommand),
    /// Manage manifest lists of multi-arch images
    #[command(subcommand)]
    Manifest(manifest::ManifestCommand),
    /// Manage secrets: data containers get at /run/secrets or in a variable
    #[command(subcommand)]
    Secret(secret::SecretCommand),
    /// Manage pods: containers that share namespaces
    #[command(subcommand)]
    Pod(pod::PodCommand),
    /// Run multi-container applications from Compose files
    Compose(compose::ComposeArgs),
    /// Play, tear down and generate Kubernetes manifests
    #[command(subcommand)]
    Kube(kube::KubeCommand),
    /// Podman's older spelling of `kube play`
    #[command(subcommand)]
    Play(kube::PlayCommand),
    /// Podman's older spelling of `kube generate`
    #[command(subcommand)]
    Generate(kube::GenerateCommand),
    /// Run a command in the rootless storage namespace (as Podman's unshare)
    Unshare(mount::UnshareArgs),
    /// Run containers' healthchecks
    #[command(subcommand)]
    Healthcheck(healthcheck::HealthcheckCommand),
    /// Supervise one container (started by `start`; not for users)
    #[command(hide = true, name = "__monitor")]
    Monitor(container::MonitorArgs),
    /// Write man pages and shell completions (used by `make docs`)
    #[command(hide = true, name = "__generate-docs")]
    GenerateDocs(docs::DocsArgs),
    /// Print the names a shell completion offers for a command line (used by the generated completions)
    #[command(hide = true, name = "__complete")]
    Complete(complete::CompleteArgs),
    /// Run an OCI bundle in the foreground with the built-in runtime
    #[command(hide = true, name = "__run-bundle")]
    RunBundle { bundle: PathBuf },
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(refused::Refused<refused::Top>),
}

#[derive(Subcommand, Debug)]
#[allow(clippy::large_enum_variant)] // parsed once per process
pub enum ImageCommand {
    /// List images
    #[command(visible_alias = "list")]
    Ls(image::ImagesArgs),
    /// Download an image from a registry
    Pull(pull::PullArgs),
    /// Upload an image to a registry
    Push(push::PushArgs),
    /// Remove one or more images
    Rm(image::RmiArgs),
    /// Give an image another name
    Tag(image::TagArgs),
    /// Show the layers an image was built from
    History(image::HistoryArgs),
    /// Show low-level information on images
    Inspect(inspect::InspectArgs),
    /// Create an image from a root filesystem tarball
    Import(archive::ImportArgs),
    /// Build an image from a Dockerfile
    Build(build::BuildArgs),
    /// Write images to an archive
    Save(archive::SaveArgs),
    /// Load images from an archive
    Load(archive::LoadArgs),
    /// Remove unused images
    Prune(image::PruneArgs),
    /// Mount an image's root filesystem and print where
    Mount(mount::MountArgs),
    /// Unmount an image mounted with `image mount`
    #[command(visible_alias = "umount")]
    Unmount(mount::UnmountArgs),
    /// Exit 0 when an image exists, 1 when it does not
    Exists(exists::ExistsArgs),
    /// Remove names from an image (all of them when none is given)
    Untag(exists::UntagArgs),
    /// Search a registry for repositories
    Search(search::SearchArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(refused::Refused<refused::Image>),
}

/// `pontoon container VERB`: the shared verbs, and those only Podman's
/// tree has (`ls`, `prune`, an `inspect` of containers only).
#[derive(Subcommand, Debug)]
#[allow(clippy::large_enum_variant)] // parsed once per process
pub enum ContainerCommand {
    #[command(flatten)]
    Verb(ContainerVerb),
    /// List containers
    #[command(visible_alias = "list", alias = "ps")]
    Ls(ps::PsArgs),
    /// Show low-level information on containers
    Inspect(inspect::InspectArgs),
    /// Remove all stopped containers
    Prune(manage::ContainerPruneArgs),
    /// Exit 0 when a container exists, 1 when it does not
    Exists(exists::ExistsArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(refused::Refused<refused::Container>),
}

#[derive(Subcommand, Debug)]
pub enum SystemCommand {
    /// Show system-wide information
    Info(system::InfoArgs),
    /// Check what containers need from this host
    Doctor(doctor::DoctorArgs),
    /// Show what containers, images, volumes, networks and pods went through
    Events(events::EventsArgs),
    /// Show disk usage of images, containers and volumes
    Df(df::DfArgs),
    /// Remove stopped containers, dangling images (and with --volumes, unused anonymous volumes)
    Prune(df::PruneArgs),
    /// Let the next command make a new rootless user namespace (after /etc/subuid changes)
    Migrate(system::MigrateArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(refused::Refused<refused::System>),
}

/// What every command gets: where the store is.
pub struct Ctx {
    pub paths: StorePaths,
}

impl Ctx {
    /// Opens the store, first entering the rootless storage namespace when
    /// not root. Call before any thread is started.
    pub fn store(&self) -> Result<Store> {
        crate::engine::entry::open_store(&self.paths)
    }

    /// Opens the store without entering the user namespace: for commands
    /// that only read container files or talk to monitors (ps, logs, stop),
    /// which is faster and lets them reach the monitors' sockets.
    pub fn store_files_only(&self) -> Result<Store> {
        Store::open(&self.paths)
    }
}

impl Cli {
    /// `run`, `create` and `exec` answer with the container's exit code
    /// (125 for pontoon's own failures); the other commands with 1 and 2
    /// for missing objects and conflicts.
    pub fn family(&self) -> crate::errors::Family {
        match &self.command {
            Command::Container(v) | Command::ContainerNoun(ContainerCommand::Verb(v))
                if matches!(v, ContainerVerb::Run(_) | ContainerVerb::Create(_) | ContainerVerb::Exec(_)) =>
            {
                crate::errors::Family::Run
            }
            // Podman's: 0 healthy, 1 unhealthy, 125 for any error.
            Command::Healthcheck(_) => crate::errors::Family::Run,
            _ => crate::errors::Family::Other,
        }
    }
}

pub fn run(cli: Cli) -> Result<()> {
    cli.accepted.check()?;
    cli.global.apply()?;
    let ctx = Ctx { paths: StorePaths::resolve(cli.root, cli.runroot)? };
    global::debug(&format!("Using graph root {}", ctx.paths.root.display()));
    global::debug(&format!("Using run root {}", ctx.paths.runroot.display()));
    match cli.command {
        Command::Container(v) | Command::ContainerNoun(ContainerCommand::Verb(v)) => container_verb(&ctx, v),
        Command::Ps(a) | Command::ContainerNoun(ContainerCommand::Ls(a)) => ps::ps(&ctx, a),
        Command::Monitor(a) => container::monitor(&ctx, a),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => pull::pull(&ctx, a),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => push::push(&ctx, a),
        Command::Login(a) => login::login(&ctx, a),
        Command::Logout(a) => login::logout(&ctx, a),
        Command::Search(a) | Command::Image(ImageCommand::Search(a)) => search::search(&ctx, a),
        Command::Images(a) | Command::Image(ImageCommand::Ls(a)) => image::images(&ctx, a),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => image::rmi(&ctx, a),
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => image::tag(&ctx, a),
        Command::History(a) | Command::Image(ImageCommand::History(a)) => image::history(&ctx, a),
        Command::Inspect(a) => inspect::inspect(&ctx, a),
        Command::Image(ImageCommand::Inspect(a)) => inspect::inspect_images(&ctx, a),
        Command::ContainerNoun(ContainerCommand::Inspect(a)) => inspect::inspect_containers(&ctx, a),
        Command::ContainerNoun(ContainerCommand::Prune(a)) => manage::prune(&ctx, a),
        Command::Import(a) | Command::Image(ImageCommand::Import(a)) => archive::import(&ctx, a),
        Command::Build(a)
        | Command::Image(ImageCommand::Build(a))
        | Command::Builder(build::BuilderCommand::Build(a))
        | Command::Buildx(build::BuilderCommand::Build(a)) => build::build(&ctx, a),
        Command::Builder(build::BuilderCommand::Prune(a)) | Command::Buildx(build::BuilderCommand::Prune(a)) => build::prune(&ctx, a),
        Command::Save(a) | Command::Image(ImageCommand::Save(a)) => archive::save(&ctx, a),
        Command::Load(a) | Command::Image(ImageCommand::Load(a)) => archive::load(&ctx, a),
        Command::Image(ImageCommand::Prune(a)) => image::prune(&ctx, a),
        Command::Image(ImageCommand::Mount(a)) => mount::mount(&ctx, a),
        Command::Image(ImageCommand::Unmount(a)) => mount::unmount(&ctx, a),
        Command::Image(ImageCommand::Exists(a)) => exists::image_exists(&ctx, a),
        Command::Untag(a) | Command::Image(ImageCommand::Untag(a)) => exists::untag(&ctx, a),
        Command::ContainerNoun(ContainerCommand::Exists(a)) => exists::container_exists(&ctx, a),
        Command::Info(a) | Command::System(SystemCommand::Info(a)) => info::info(&ctx, a),
        Command::System(SystemCommand::Doctor(a)) => doctor::doctor(&ctx, a),
        Command::Events(a) | Command::System(SystemCommand::Events(a)) => events::events(&ctx, a),
        Command::Version(a) => system::version(&ctx, a),
        Command::Volume(c) => volume::run(&ctx, c),
        Command::Network(c) => network::run(&ctx, c),
        Command::Pod(c) => pod::run(&ctx, c),
        Command::Secret(c) => secret::run(&ctx, c),
        Command::Manifest(c) => manifest::run(&ctx, c),
        Command::Compose(a) => compose::run(&ctx, a),
        Command::Kube(c) => kube::run(&ctx, c),
        Command::Play(kube::PlayCommand::Kube(a)) => kube::play(&ctx, a),
        Command::Generate(kube::GenerateCommand::Kube(a)) => kube::generate(&ctx, a),
        Command::System(SystemCommand::Df(a)) => df::df(&ctx, a),
        Command::System(SystemCommand::Prune(a)) => df::prune(&ctx, a),
        Command::System(SystemCommand::Migrate(a)) => system::migrate(&ctx, a),
        Command::Unshare(a) => mount::unshare(&ctx, a),
        Command::Healthcheck(c) => healthcheck::run(&ctx, c),
        Command::GenerateDocs(a) => docs::generate(a),
        Command::Complete(a) => complete::complete(a),
        Command::RunBundle { bundle } => crate::engine::entry::run_bundle(&ctx.paths, &bundle),
        Command::Refused(r) => r.refuse(),
        Command::Image(ImageCommand::Refused(r)) => r.refuse(),
        Command::ContainerNoun(ContainerCommand::Refused(r)) => r.refuse(),
        Command::System(SystemCommand::Refused(r)) => r.refuse(),
        Command::Generate(kube::GenerateCommand::Refused(r)) => r.refuse(),
    }
}

fn container_verb(ctx: &Ctx, verb: ContainerVerb) -> Result<()> {
    match verb {
        ContainerVerb::Run(a) => run::run(ctx, a),
        ContainerVerb::Create(a) => run::create(ctx, a),
        ContainerVerb::Start(a) => run::start(ctx, a),
        ContainerVerb::Rm(a) => container::rm(ctx, a),
        ContainerVerb::Stop(a) => container::stop(ctx, a),
        ContainerVerb::Restart(a) => container::restart(ctx, a),
        ContainerVerb::Kill(a) => container::kill(ctx, a),
        ContainerVerb::Wait(a) => container::wait(ctx, a),
        ContainerVerb::Logs(a) => container::logs(ctx, a),
        ContainerVerb::Stats(a) => stats::stats(ctx, a),
        ContainerVerb::Pause(a) => stats::pause(ctx, a, true),
        ContainerVerb::Unpause(a) => stats::pause(ctx, a, false),
        ContainerVerb::Cp(a) => files::cp(ctx, a),
        ContainerVerb::Diff(a) => files::diff(ctx, a),
        ContainerVerb::Export(a) => files::export(ctx, a),
        ContainerVerb::Commit(a) => commit::commit(ctx, a),
        ContainerVerb::Rename(a) => manage::rename(ctx, a),
        ContainerVerb::Port(a) => port::port(ctx, a),
        ContainerVerb::Exec(a) => exec::exec(ctx, a),
        ContainerVerb::Attach(a) => exec::attach(ctx, a),
        ContainerVerb::Top(a) => exec::top(ctx, a),
        ContainerVerb::Mount(a) => container_mount::mount(ctx, a),
        ContainerVerb::Umount(a) => container_mount::unmount(ctx, a),
    }
}

/// The clap definition, for man pages and completions.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_definition_is_consistent() {
        super::command().debug_assert();
    }

    #[test]
    fn negative_numbers_are_values_where_docker_takes_them() {
        use clap::Parser;
        let parsed = super::Cli::try_parse_from(["pontoon", "run", "--pids-limit", "-1", "--cpus", "-1", "busybox"]);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    fn parse(args: &[&str]) -> super::Command {
        use clap::Parser;
        let mut argv = vec!["pontoon"];
        argv.extend_from_slice(args);
        match super::Cli::try_parse_from(argv) {
            Ok(cli) => cli.command,
            Err(e) => panic!("parse {args:?}: {e}"),
        }
    }

    fn create_flags(args: &[&str]) -> super::run::CreateFlags {
        match parse(args) {
            super::Command::Container(super::ContainerVerb::Run(a)) => a.flags,
            super::Command::Container(super::ContainerVerb::Create(a)) => a.flags,
            super::Command::ContainerNoun(super::ContainerCommand::Verb(super::ContainerVerb::Run(a))) => a.flags,
            other => panic!("not run or create: {other:?}"),
        }
    }

    #[test]
    fn a_repeated_flag_takes_its_last_value_and_lists_collect() {
        let super::Command::Ps(a) = parse(&["ps", "--format", "a", "--format", "b", "-a", "-a"]) else { panic!("not ps") };
        assert_eq!((a.format.as_deref(), a.all), (Some("b"), true));
        let f = create_flags(&["run", "--name", "x", "--name", "y", "-e", "A=1", "-e", "B=2", "-v", "/a:/a", "-v", "/b:/b", "busybox"]);
        assert_eq!(f.name.as_deref(), Some("y"));
        assert_eq!((f.process.env.len(), f.volume.len()), (2, 2), "{f:?}");
        let super::Command::Container(super::ContainerVerb::Logs(_)) = parse(&["--log-level", "info", "--log-level", "debug", "logs", "c"]) else { panic!("not logs") };
    }

    #[test]
    fn words_after_the_image_belong_to_the_container() {
        for verb in [&["run"][..], &["create"], &["container", "run"]] {
            let mut args = verb.to_vec();
            args.extend_from_slice(&["busybox", "-v", "/etc:/x", "--privileged", "-h", "cat"]);
            let f = create_flags(&args);
            assert_eq!(f.image(), "busybox", "{verb:?}");
            assert_eq!(f.command(), ["-v", "/etc:/x", "--privileged", "-h", "cat"], "{verb:?}");
            assert!(f.volume.is_empty() && !f.privileged && f.hostname.is_none(), "{verb:?}: {f:?}");
        }
        // `--` after the image is the container's too, as Docker passes it.
        let f = create_flags(&["run", "busybox", "--", "ls"]);
        assert_eq!((f.image(), f.command()), ("busybox", &["--".to_string(), "ls".to_string()][..]));
    }

    #[test]
    fn options_before_the_image_are_still_pontoon_s() {
        let f = create_flags(&["run", "-h", "box", "-v", "/etc:/x", "--privileged", "-it", "busybox", "sh"]);
        assert_eq!(f.hostname.as_deref(), Some("box"), "-h is the host name");
        assert_eq!(f.volume, ["/etc:/x"]);
        assert!(f.privileged && f.interactive && f.tty);
        assert_eq!((f.image(), f.command()), ("busybox", &["sh".to_string()][..]));
        // `--` before the image ends pontoon's options: an image may then
        // even be named like a flag.
        let f = create_flags(&["run", "--rm", "--", "busybox", "echo", "hi"]);
        assert!(f.rm);
        assert_eq!((f.image(), f.command()), ("busybox", &["echo".to_string(), "hi".to_string()][..]));
        let f = create_flags(&["create", "busybox"]);
        assert_eq!((f.image(), f.command()), ("busybox", &[][..]));
        // Unknown flags before the image are still errors, not images.
        use clap::Parser;
        assert!(super::Cli::try_parse_from(["pontoon", "run", "--bogus", "busybox"]).is_err());
        assert!(super::Cli::try_parse_from(["pontoon", "run", "--rm"]).is_err(), "an image is required");
    }

    #[test]
    fn words_after_the_container_belong_to_exec_s_command() {
        let super::Command::Container(super::ContainerVerb::Exec(a)) = parse(&["exec", "-e", "A=1", "ctr", "-u", "0", "id"]) else { panic!("not exec") };
        assert_eq!(a.container(), Some("ctr"));
        assert_eq!(a.command(), ["-u", "0", "id"]);
        assert!(a.process.user.is_none(), "-u after the container is the command's");
        assert_eq!(a.process.env, ["A=1"]);
        let super::Command::Container(super::ContainerVerb::Exec(a)) = parse(&["exec", "-u", "0", "-it", "ctr", "ps", "-ef"]) else { panic!("not exec") };
        assert_eq!((a.process.user.as_deref(), a.interactive, a.tty), (Some("0"), true, true));
        assert_eq!((a.container(), a.command()), (Some("ctr"), &["ps".to_string(), "-ef".to_string()][..]));
        // One word is the container, or with --latest the command: exec checks that a command is left.
        let super::Command::Container(super::ContainerVerb::Exec(a)) = parse(&["exec", "ctr"]) else { panic!("not exec") };
        assert_eq!((a.container(), a.command()), (Some("ctr"), &[][..]));
        let super::Command::Container(super::ContainerVerb::Exec(a)) = parse(&["exec", "-l", "ls", "/"]) else { panic!("not exec") };
        assert_eq!((a.container(), a.command()), (None, &["ls".to_string(), "/".to_string()][..]));
    }

    /// Every visible command of the tree, with its path (`container ls`).
    fn visible_commands() -> Vec<(String, clap::Command)> {
        fn walk(c: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
            for s in c.get_subcommands().filter(|s| !s.is_hide_set()) {
                let path = format!("{path} {}", s.get_name()).trim().to_string();
                out.push((path.clone(), s.clone()));
                walk(s, &path, out);
            }
        }
        let mut out = Vec::new();
        walk(&super::command(), "", &mut out);
        out
    }

    #[test]
    fn every_command_says_in_one_line_what_it_does() {
        let commands = visible_commands();
        assert!(commands.len() > 80, "the whole tree is walked: {}", commands.len());
        for (path, c) in commands {
            let about = c.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(!about.trim().is_empty() && !about.contains('\n'), "pontoon {path}: a one-line summary, not {about:?}");
        }
    }

    #[test]
    fn the_everyday_verbs_show_examples_that_parse() {
        use clap::Parser;
        let commands = visible_commands();
        for verb in ["run", "create", "ps", "rm", "exec", "logs", "container run", "container create", "container ls", "container rm", "container exec", "container logs"] {
            let (_, c) = commands.iter().find(|(p, _)| p == verb).unwrap_or_else(|| panic!("no command {verb}"));
            let help = c.get_after_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(help.starts_with("Examples:\n"), "pontoon {verb}: an Examples section, not {help:?}");
            let examples: Vec<&str> = help.lines().skip(1).map(str::trim).collect();
            assert!(examples.len() >= 3, "pontoon {verb}: {examples:?}");
            // The examples a shell would not rewrite parse as written.
            for line in examples.iter().filter(|l| !l.contains(['$', '&', '\'', '"'])) {
                let parsed = super::Cli::try_parse_from(line.split_whitespace());
                assert!(parsed.is_ok(), "{line}: {parsed:?}");
            }
        }
    }
}
