//! `pontoon push [-q] [--format oci|v2s2] [--authfile F] [--digestfile F]
//! IMAGE [DESTINATION]`: progress on stderr as Podman prints it, then
//! Docker's `TAG: digest: sha256:... size: N` on stdout.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::tls_verify::TlsVerifyArgs;
use super::Ctx;
use crate::engine::push::{ManifestFormat, PushOptions};
use crate::image::registries::RegistriesConf;
use crate::registry::progress::Progress;

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon push localhost:5000/tools/app:1\n  pontoon push busybox 127.0.0.1:5000/busybox:latest\n  pontoon push --format v2s2 app docker://registry.example.com/team/app")]
pub struct PushArgs {
    /// Local image to push (name or Id)
    pub image: String,
    /// Where to push it (registry/repository[:tag]); the image's name by default
    pub destination: Option<String>,
    /// Show no progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Manifest schema to push: oci or v2s2 (Docker); as stored by default
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Read registry credentials from this file only
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// Write the pushed manifest's digest to this file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    /// Credentials for the registry, USER:PASSWORD (instead of the saved ones)
    #[arg(long, value_name = "USER:PASSWORD", value_parser = super::login::parse_creds)]
    pub creds: Option<crate::image::auth::Credentials>,
    /// Push every local tag of the repository IMAGE names (without a tag)
    #[arg(short, long, conflicts_with_all = ["destination", "digestfile"])]
    pub all_tags: bool,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::image_accepted::PushAccepted,
}

pub fn push(ctx: &Ctx, args: PushArgs) -> Result<()> {
    args.accepted.check()?;
    // Flags and configuration are checked before the store is touched.
    let format = args.format.as_deref().map(ManifestFormat::parse).transpose()?;
    let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(args.tls.policy());
    let store = ctx.store()?;
    let progress = Progress::for_stderr(args.quiet);
    let opts = PushOptions { format, authfile: args.authfile, credentials: args.creds };
    if args.all_tags {
        for pushed in crate::engine::push::push_all_tags(&store, &conf, &args.image, &opts, &progress)? {
            let tag = pushed.destination.tag.as_deref().unwrap_or("latest");
            println!("{tag}: digest: {} size: {}", pushed.digest, pushed.size);
        }
        return Ok(());
    }
    let pushed = crate::engine::push::push(&store, &conf, &args.image, args.destination.as_deref(), &opts, &progress)?;
    if let Some(file) = &args.digestfile {
        std::fs::write(file, pushed.digest.to_string()).with_context(|| format!("write the digest to {}", file.display()))?;
    }
    let tag = pushed.destination.tag.as_deref().unwrap_or("latest");
    println!("{tag}: digest: {} size: {}", pushed.digest, pushed.size);
    Ok(())
}
