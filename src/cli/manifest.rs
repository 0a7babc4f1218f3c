//! `pontoon manifest create|add|annotate|remove|rm|inspect|push|exists`:
//! multi-arch image lists, as Podman spells them.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};

use super::key_values::key_values;
use super::output::for_each;
use super::tls_verify::TlsVerifyArgs;
use super::Ctx;
use crate::engine::manifest::{self, EntryOptions};
use crate::errors::PontoonError;
use crate::image::registries::RegistriesConf;
use crate::registry::progress::Progress;

#[derive(Subcommand, Debug)]
pub enum ManifestCommand {
    /// Create a manifest list, with images in it when given
    Create(CreateArgs),
    /// Add an image (or every image of an index, with --all) to a manifest list
    Add(AddArgs),
    /// Set an entry's platform or annotations
    Annotate(AnnotateArgs),
    /// Remove an entry (by digest) from a manifest list
    Remove(RemoveArgs),
    /// Remove manifest lists (their images stay)
    Rm(RmArgs),
    /// Show a manifest list, or an image's manifest on a registry
    Inspect(InspectArgs),
    /// Push a manifest list (and its images) to a registry
    Push(PushArgs),
    /// Exit 0 when a manifest list exists, 1 when it does not
    Exists(ExistsArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The list's name (localhost/NAME:latest unless it names a registry)
    pub list: String,
    /// Images to add (from the store, or docker://REGISTRY/REPO:TAG)
    pub images: Vec<String>,
    /// Add every image of an index given, not only this platform's
    #[arg(long)]
    pub all: bool,
    /// Add to the list when it exists already
    #[arg(short, long)]
    pub amend: bool,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::kube_accepted::ManifestCreateAccepted,
}

/// The entry's platform and annotations, shared by add and annotate.
#[derive(Args, Debug)]
pub struct EntryFlags {
    /// Architecture (amd64, arm64...)
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// Operating system
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// Architecture variant (v7, v8...)
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    /// Set an annotation (KEY=VALUE; repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// The OS version the image needs
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// CPU features the image needs (repeatable, or comma-separated)
    #[arg(long, value_name = "FEATURE", value_delimiter = ',')]
    pub features: Vec<String>,
}

impl EntryFlags {
    fn options(&self) -> Result<EntryOptions> {
        Ok(EntryOptions {
            os: self.os.clone(),
            arch: self.arch.clone(),
            variant: self.variant.clone(),
            os_version: self.os_version.clone(),
            os_features: Vec::new(),
            features: self.features.clone(),
            annotations: key_values(&self.annotation, "--annotation")?,
        })
    }
}

#[derive(Args, Debug)]
pub struct AddArgs {
    pub list: String,
    /// An image of the store, or docker://REGISTRY/REPO:TAG
    pub image: String,
    /// With an index: add every image it lists
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub entry: EntryFlags,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::kube_accepted::ManifestAddAccepted,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    pub list: String,
    /// The entry's digest (sha256:...)
    pub digest: String,
    #[command(flatten)]
    pub entry: EntryFlags,
    /// OS features the image needs (repeatable, or comma-separated)
    #[arg(long, value_name = "FEATURE", value_delimiter = ',')]
    pub os_features: Vec<String>,
    #[command(flatten)]
    pub accepted: super::kube_accepted::ManifestAnnotateAccepted,
}

#[derive(Args, Debug)]
pub struct RemoveArgs {
    pub list: String,
    /// The entry's digest (sha256:...)
    pub digest: String,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// No error for lists that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[arg(required = true)]
    pub lists: Vec<String>,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// A manifest list of the store, or an image on a registry
    pub name: String,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::kube_accepted::ManifestInspectAccepted,
}

#[derive(Args, Debug)]
pub struct PushArgs {
    pub list: String,
    /// Where to push it (REGISTRY/REPO[:TAG]); the list's name by default
    pub destination: Option<String>,
    /// Push the list's images too (the default; --all=false sends the list only)
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub all: bool,
    /// The list's type: oci (image index) or v2s2 (Docker manifest list)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Remove the local list once it is pushed
    #[arg(long, alias = "purge")]
    pub rm: bool,
    /// Show no progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Read registry credentials from this file only
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// Write the list's digest to this file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::kube_accepted::ManifestPushAccepted,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub list: String,
}

pub fn run(ctx: &Ctx, command: ManifestCommand) -> Result<()> {
    match command {
        ManifestCommand::Create(a) => {
            a.accepted.check()?;
            let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(a.tls.policy());
            let store = ctx.store()?;
            println!("{}", manifest::create(&store, &conf, &a.list, &a.images, a.all, a.amend)?.id);
            Ok(())
        }
        ManifestCommand::Add(a) => {
            a.accepted.check()?;
            let opts = a.entry.options()?;
            let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(a.tls.policy());
            let store = ctx.store()?;
            println!("{}", manifest::add(&store, &conf, &a.list, &a.image, a.all, &opts)?.id);
            Ok(())
        }
        ManifestCommand::Annotate(a) => {
            a.accepted.check()?;
            let opts = EntryOptions { os_features: a.os_features.clone(), ..a.entry.options()? };
            let store = ctx.store_files_only()?;
            println!("{}", manifest::annotate(&store, &a.list, &a.digest, &opts)?.id);
            Ok(())
        }
        ManifestCommand::Remove(a) => {
            let store = ctx.store_files_only()?;
            println!("{}", manifest::remove_entry(&store, &a.list, &a.digest)?.id);
            Ok(())
        }
        ManifestCommand::Rm(a) => {
            let store = ctx.store_files_only()?;
            for_each(&a.lists, |name| {
                let removed = match manifest::remove_list(&store, name) {
                    Err(e) if a.ignore && manifest::is_no_such_list(&e) => return Ok(()),
                    other => other?,
                };
                println!("Untagged: {}\nDeleted: {}", removed.name, removed.id);
                Ok(())
            })
        }
        ManifestCommand::Inspect(a) => {
            a.accepted.check()?;
            let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(a.tls.policy());
            let store = ctx.store_files_only()?;
            println!("{}", manifest::inspect(&store, &conf, &a.name)?);
            Ok(())
        }
        ManifestCommand::Push(a) => push(ctx, a),
        ManifestCommand::Exists(a) => {
            let store = ctx.store_files_only()?;
            match manifest::find(&store, &a.list) {
                Ok(_) => Ok(()),
                Err(e) if manifest::is_no_such_list(&e) => Err(PontoonError::Exit(1).into()),
                Err(e) => Err(e),
            }
        }
    }
}

fn push(ctx: &Ctx, a: PushArgs) -> Result<()> {
    a.accepted.check()?;
    // Checked before anything is sent.
    if let Some(f) = a.format.as_deref() {
        if !matches!(f, "oci" | "v2s2" | "docker") {
            anyhow::bail!("invalid --format {f:?}: use oci or v2s2");
        }
    }
    let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(a.tls.policy());
    let store = ctx.store()?;
    let destination = match &a.destination {
        Some(d) => d.clone(),
        None => manifest::find(&store, &a.list)?.name,
    };
    let progress = Progress::for_stderr(a.quiet);
    let opts = crate::engine::manifest_push::ListPushOptions { all: a.all, format: a.format.clone(), authfile: a.authfile.clone(), remove: a.rm };
    let digest = crate::engine::manifest_push::push(&store, &conf, &a.list, &destination, &opts, &progress)?;
    if let Some(file) = &a.digestfile {
        std::fs::write(file, digest.to_string()).with_context(|| format!("write the digest to {}", file.display()))?;
    }
    println!("{digest}");
    Ok(())
}
