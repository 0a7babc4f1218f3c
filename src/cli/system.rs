//! `pontoon version` (and `info`'s printing, see cli/info.rs).

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::format::template::GoTemplate;

#[derive(Args, Debug)]
pub struct InfoArgs {
    /// Format the output with a Go template or `json`
    #[arg(short, long)]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct VersionArgs {
    /// Format the output with a Go template or `json`
    #[arg(short, long)]
    pub format: Option<String>,
}

pub(super) fn print_object(value: &serde_json::Value, format: Option<&str>, plain: impl FnOnce() -> String) -> Result<()> {
    match format {
        Some("json") => println!("{}", serde_json::to_string_pretty(value)?),
        Some(t) => println!("{}", GoTemplate::parse(t)?.render(value)?),
        None => print!("{}", plain()),
    }
    Ok(())
}

pub fn version(_ctx: &Ctx, args: VersionArgs) -> Result<()> {
    let v = json!({
        "Client": {
            "Version": env!("CARGO_PKG_VERSION"),
            "APIVersion": "1.41",
            "GoVersion": "none (Rust)",
            "Os": "linux",
            "Arch": std::env::consts::ARCH,
        }
    });
    print_object(&v, args.format.as_deref(), || {
        format!(
            "Client:\n Version:     {}\n API version: 1.41\n OS/Arch:     linux/{}\n",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::ARCH
        )
    })
}

#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub accepted: super::image_accepted::MigrateAccepted,
}

/// `system migrate`: ends the process holding the rootless user namespace
/// (as Podman's does), so that the next command makes a new one, e.g.
/// after /etc/subuid changed. Running containers keep their namespace.
/// An unused rootless network namespace (lingering after its last
/// container) belongs to the old one, so it ends too.
pub fn migrate(ctx: &Ctx, args: MigrateArgs) -> Result<()> {
    args.accepted.check()?;
    crate::network::rootless_netns::stop_unused(&ctx.paths.runroot);
    if crate::runtime::userns_holder::stop(&ctx.paths.runroot)? {
        eprintln!("stopped the process holding the user namespace of {}", ctx.paths.runroot.display());
    }
    Ok(())
}
