//! `pontoon info` and `pontoon version`.

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::Ctx;
use crate::engine::system_info;
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

fn print_object(value: &serde_json::Value, format: Option<&str>, plain: impl FnOnce() -> String) -> Result<()> {
    match format {
        Some("json") => println!("{}", serde_json::to_string_pretty(value)?),
        Some(t) => println!("{}", GoTemplate::parse(t)?.render(value)?),
        None => print!("{}", plain()),
    }
    Ok(())
}

pub fn info(ctx: &Ctx, args: InfoArgs) -> Result<()> {
    let store = ctx.store()?;
    let i = system_info::info(&store, &ctx.paths)?;
    let info = json!({
        "Host": {
            "Arch": std::env::consts::ARCH,
            "Os": "linux",
            "Kernel": i.kernel,
            "Rootless": i.rootless,
            "CgroupVersion": i.cgroup_version,
            "CgroupManager": i.cgroup_manager,
            "DeviceProtection": i.device_protection,
            "DefaultNetwork": i.default_network,
            "Firewall": i.firewall,
        },
        "Store": {
            "GraphRoot": store.paths.root.display().to_string(),
            "RunRoot": store.paths.runroot.display().to_string(),
            "GraphDriverName": i.graph_driver_name,
            "GraphDriverReason": i.graph_driver_reason,
            "ImageCount": i.image_count,
        },
        "Registries": { "Search": i.search, "ConfigFiles": i.conf_files },
        "Version": env!("CARGO_PKG_VERSION"),
    });
    print_object(&info, args.format.as_deref(), || {
        let mut s = String::new();
        s.push_str("host:\n");
        s.push_str(&format!("  arch: {}\n  kernel: {}\n", std::env::consts::ARCH, i.kernel));
        s.push_str(&format!("  rootless: {}\n  cgroupVersion: {}\n", i.rootless, i.cgroup_version));
        s.push_str(&format!("  cgroupManager: {}\n", i.cgroup_manager));
        s.push_str(&format!("  deviceProtection: {}\n", i.device_protection));
        s.push_str(&format!("  defaultNetwork: {}\n  firewall: {}\n", i.default_network, i.firewall));
        s.push_str("store:\n");
        s.push_str(&format!("  graphRoot: {}\n  runRoot: {}\n", store.paths.root.display(), store.paths.runroot.display()));
        s.push_str(&format!("  graphDriverName: {}\n  graphDriverReason: {}\n", i.graph_driver_name, i.graph_driver_reason));
        s.push_str(&format!("  imageCount: {}\n", i.image_count));
        s.push_str("registries:\n");
        s.push_str(&format!("  search: [{}]\n", i.search.join(", ")));
        s.push_str(&format!("  configFiles: [{}]\n", i.conf_files.join(", ")));
        s.push_str(&format!("version: {}\n", env!("CARGO_PKG_VERSION")));
        s
    })
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
pub struct MigrateArgs {}

/// `system migrate`: ends the process holding the rootless user namespace
/// (as Podman's does), so that the next command makes a new one, e.g.
/// after /etc/subuid changed. Running containers keep their namespace.
pub fn migrate(ctx: &Ctx, _args: MigrateArgs) -> Result<()> {
    if crate::runtime::userns_holder::stop(&ctx.paths.runroot)? {
        eprintln!("stopped the process holding the user namespace of {}", ctx.paths.runroot.display());
    }
    Ok(())
}
