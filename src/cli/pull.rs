//! `pontoon pull [--platform os/arch[/variant]] [-q] [-a] IMAGE`: progress
//! on stderr as Podman prints it, then the image Id on stdout.

use anyhow::Result;
use clap::Args;

use super::tls_verify::TlsVerifyArgs;
use super::Ctx;
use crate::engine::pull::{pull_all_tags, PullOptions};
use crate::image::registries::RegistriesConf;
use crate::registry::progress::Progress;

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon pull busybox\n  pontoon pull --platform linux/arm64 alpine:3.19\n  pontoon pull quay.io/podman/hello@sha256:...\n  pontoon pull --tls-verify=false registry.lan:5000/team/app")]
pub struct PullArgs {
    /// Image to pull (name[:tag] or name@digest)
    pub image: String,
    #[command(flatten)]
    pub platform: super::platform_flags::PlatformFlags,
    /// Credentials file for the pull (default: pontoon login's)
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<std::path::PathBuf>,
    /// Credentials for the registry, USER:PASSWORD (instead of the saved ones)
    #[arg(long, value_name = "USER:PASSWORD", value_parser = super::login::parse_creds)]
    pub creds: Option<crate::image::auth::Credentials>,
    /// When to ask the registry: always, missing (only when the image is not here) or never
    #[arg(long, value_name = "POLICY", value_parser = crate::engine::pull::PullPolicy::parse)]
    pub policy: Option<crate::engine::pull::PullPolicy>,
    /// Print only the image Id
    #[arg(short, long)]
    pub quiet: bool,
    /// Pull every tag of the repository
    #[arg(short, long)]
    pub all_tags: bool,
    #[command(flatten)]
    pub tls: TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::image_accepted::PullAccepted,
}

pub fn pull(ctx: &Ctx, args: PullArgs) -> Result<()> {
    args.accepted.check()?;
    // Flags and configuration are checked before the store is touched.
    let platform = args.platform.platform()?;
    if let Some(file) = &args.authfile {
        // Read where every credentials lookup of this process reads, as run --authfile does.
        std::env::set_var(crate::image::auth::AUTH_FILE_ENV, file);
    }
    let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(args.tls.policy());
    let store = ctx.store()?;
    let progress = Progress::for_stderr(args.quiet);
    let opts = PullOptions { platform, credentials: args.creds };
    let policy = args.policy.unwrap_or(crate::engine::pull::PullPolicy::Always);
    if policy != crate::engine::pull::PullPolicy::Always && args.all_tags {
        anyhow::bail!("pull --all-tags asks the registry for its tags: use it with --policy always");
    }
    if let Some(id) = crate::engine::pull::local_for_policy(&store, &args.image, policy)? {
        println!("{}", id.hex());
        return Ok(());
    }
    let ids = if args.all_tags {
        pull_all_tags(&store, &conf, &args.image, &opts, &progress)?
    } else {
        vec![crate::engine::pull::pull(&store, &conf, &args.image, &opts, &progress)?]
    };
    for id in ids {
        // Podman prints the bare hex Id, which `pontoon images -q --no-trunc` also accepts.
        println!("{}", id.hex());
    }
    Ok(())
}
