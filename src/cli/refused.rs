//! The commands of Docker and Podman that pontoon does not have, answered
//! with a one-line error that names the way to get the same result (exit
//! 125) instead of clap's "unrecognized subcommand". Each command noun has
//! its list; [`Refused`] adds them to the noun as hidden subcommands that
//! take any words (`--help` included), and docs/compatibility.md lists
//! them all (tests/compat_table.rs checks the two agree).

use std::marker::PhantomData;

use anyhow::{bail, Result};
use clap::{Arg, ArgMatches, Command, FromArgMatches, Subcommand};

/// One refused command: its name under the noun and the message.
pub struct RefusedCommand {
    pub name: &'static str,
    pub message: &'static str,
}

const fn refuse(name: &'static str, message: &'static str) -> RefusedCommand {
    RefusedCommand { name, message }
}

/// The command noun a list belongs to (`pontoon`, `container`, `image`...).
pub trait Noun {
    const COMMANDS: &'static [RefusedCommand];
}

/// A refused command that was typed, with the noun it was typed under.
pub struct Refused<N> {
    name: String,
    _noun: PhantomData<N>,
}

impl<N> std::fmt::Debug for Refused<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Refused").field(&self.name).finish()
    }
}

impl<N: Noun> Refused<N> {
    /// Fails with the command's message.
    pub fn refuse(&self) -> Result<()> {
        match N::COMMANDS.iter().find(|c| c.name == self.name) {
            Some(c) => bail!("{}", c.message),
            None => bail!("unknown command {:?}: see pontoon --help", self.name),
        }
    }
}

impl<N: Noun> FromArgMatches for Refused<N> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        match matches.subcommand_name().filter(|name| Self::has_subcommand(name)) {
            Some(name) => Ok(Refused { name: name.to_string(), _noun: PhantomData }),
            None => Err(clap::Error::new(clap::error::ErrorKind::MissingSubcommand)),
        }
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<N: Noun> Subcommand for Refused<N> {
    fn augment_subcommands(cmd: Command) -> Command {
        N::COMMANDS.iter().fold(cmd, |cmd, c| {
            // Every word is taken, `--help` too, so that the refusal is what
            // the user sees whatever follows the command.
            let words = Arg::new("words").num_args(0..).trailing_var_arg(true).allow_hyphen_values(true);
            cmd.subcommand(Command::new(c.name).hide(true).disable_help_flag(true).disable_version_flag(true).arg(words))
        })
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        N::COMMANDS.iter().any(|c| c.name == name)
    }
}

const SWARM: &str = "pontoon has no swarm mode: it runs containers on this machine; run multi-container applications with pontoon compose up or pontoon kube play";
const CRIU: &str = "pontoon cannot checkpoint or restore containers: save a container's files with pontoon commit NAME IMAGE, or stop it and start it again";
const UPDATE: &str = "pontoon cannot change a container's limits after it is created: recreate it with the new flags (pontoon run --replace --name NAME ...)";
const INIT: &str = "pontoon has no init command: pontoon create prepares a container and pontoon start runs it";
const VOLUME_MOUNT: &str = "pontoon volumes are directories and need no mount: pontoon volume inspect VOLUME shows the Mountpoint";

/// `pontoon COMMAND`.
pub struct Top;
impl Noun for Top {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("artifact", "pontoon has no OCI artifacts: put the files in an image (FROM scratch, COPY) or a volume"),
        refuse("auto-update", "pontoon has no auto-update: pull the image (pontoon pull IMAGE), then recreate the container (pontoon run --replace --name NAME ...)"),
        refuse("checkpoint", CRIU),
        refuse("completion", "pontoon completion is not a command: install the completion files of pontoon's completions/ folder (pontoon.bash, _pontoon, pontoon.fish)"),
        refuse("config", "pontoon has no swarm configs: give a container a file with -v FILE:PATH:ro, or a secret with pontoon secret create"),
        refuse("context", "pontoon has no contexts: it works on this machine's store; point it at another store with --root and --runroot"),
        refuse("farm", "pontoon has no build farms: build on each machine with pontoon build, then join the images with pontoon manifest add"),
        refuse("help", "pontoon help is not a command: use pontoon --help, or pontoon COMMAND --help"),
        refuse("init", INIT),
        refuse("machine", "pontoon has no machines: it runs containers on this Linux host; on another system run pontoon inside a Linux VM"),
        refuse("node", SWARM),
        refuse("plugin", "pontoon has no plugins: networks and volumes are built in (pontoon network create, pontoon volume create)"),
        refuse("quadlet", "pontoon has no quadlets: write a systemd unit whose ExecStart is pontoon run --rm --name NAME IMAGE"),
        refuse("service", SWARM),
        refuse("stack", SWARM),
        refuse("swarm", SWARM),
        refuse("trust", "pontoon has no content trust: pin images by digest (IMAGE@sha256:...), which pontoon verifies"),
        refuse("update", UPDATE),
    ];
}

/// `pontoon container COMMAND`.
pub struct Container;
impl Noun for Container {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("checkpoint", CRIU),
        refuse("cleanup", "pontoon needs no container cleanup: each container's monitor unmounts and releases what it set up when the container exits"),
        refuse("clone", "pontoon cannot clone a container: commit it (pontoon commit NAME IMAGE) and run the image with the flags you want"),
        refuse("init", INIT),
        refuse("restore", CRIU),
        refuse("runlabel", "pontoon does not run an image's RUN label: read it with pontoon image inspect IMAGE and run the command it holds"),
        refuse("update", UPDATE),
    ];
}

/// `pontoon image COMMAND`.
pub struct Image;
impl Noun for Image {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("diff", "pontoon cannot compare two images: compare pontoon history IMAGE of each, or see a container's changes with pontoon diff NAME"),
        refuse("scp", "pontoon has no image scp: copy it with pontoon save IMAGE | ssh HOST pontoon load"),
        refuse("sign", "pontoon cannot sign images: push the image and sign it with a signing tool (skopeo, cosign)"),
        refuse("tree", "pontoon has no image tree: pontoon images -a lists every image, pontoon history IMAGE its layers"),
        refuse("trust", "pontoon has no trust policy: pin images by digest (IMAGE@sha256:...), which pontoon verifies"),
    ];
}

/// `pontoon network COMMAND`.
pub struct Network;
impl Noun for Network {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("reload", "pontoon cannot reload a container's network: it is set up when the container starts; restart it (pontoon restart NAME)"),
        refuse("update", "pontoon cannot change a network: remove it and create it with the new options (pontoon network rm NET; pontoon network create ...)"),
    ];
}

/// `pontoon volume COMMAND`.
pub struct Volume;
impl Noun for Volume {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("mount", VOLUME_MOUNT),
        refuse("reload", "pontoon has no volume plugins to reload: its volumes are directories in the store (pontoon volume ls)"),
        refuse("unmount", VOLUME_MOUNT),
        refuse("update", "pontoon cannot change a volume: Docker's volume update is for swarm cluster volumes, which pontoon does not have"),
    ];
}

/// `pontoon pod COMMAND`.
pub struct Pod;
impl Noun for Pod {
    const COMMANDS: &'static [RefusedCommand] =
        &[refuse("clone", "pontoon cannot clone a pod: create one with the options you want (pontoon pod create --name NAME ...)")];
}

/// `pontoon system COMMAND`.
pub struct System;
impl Noun for System {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("check", "pontoon has no store check: pontoon system doctor checks the host, and every command checks the store records it reads"),
        refuse("connection", "pontoon has no remote connections: run pontoon on the other machine (ssh HOST pontoon ...)"),
        refuse("renumber", "pontoon has no lock numbers to renumber: its locks are files in the store"),
        refuse("reset", "pontoon has no system reset: remove containers, images and volumes with pontoon system prune -a --volumes, or delete the store directory (pontoon info shows it)"),
        refuse("service", "pontoon has no API service: it has no daemon; run its commands directly"),
    ];
}

/// `pontoon generate COMMAND`.
pub struct Generate;
impl Noun for Generate {
    const COMMANDS: &'static [RefusedCommand] = &[
        refuse("spec", "pontoon cannot generate a spec file: pontoon inspect NAME shows a container's configuration, pontoon kube generate NAME a Kubernetes one"),
        refuse("systemd", "pontoon cannot generate systemd units: write one whose ExecStart is pontoon run --rm --name NAME IMAGE"),
    ];
}

/// `pontoon kube COMMAND`.
pub struct Kube;
impl Noun for Kube {
    const COMMANDS: &'static [RefusedCommand] =
        &[refuse("apply", "pontoon cannot deploy to a Kubernetes cluster: apply the manifest with kubectl apply -f FILE, or run it here with pontoon kube play FILE")];
}
