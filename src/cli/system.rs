//! `pontoon info` and `pontoon version`.

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
    let images = store.images.list()?;
    let driver = crate::store::rootfs::describe_driver(&store.paths);
    let registries = crate::image::registries::RegistriesConf::load(&ctx.paths).ok();
    let search: Vec<String> = registries.as_ref().map(|r| r.unqualified_search_registries.clone()).unwrap_or_default();
    let conf_files: Vec<String> =
        registries.as_ref().map(|r| r.sources.iter().map(|p| p.display().to_string()).collect()).unwrap_or_default();
    let cgroups = crate::runtime::cgroups::detect();
    let info = json!({
        "Host": {
            "Arch": std::env::consts::ARCH,
            "Os": "linux",
            "Kernel": nix::sys::utsname::uname().map(|u| u.release().to_string_lossy().into_owned()).unwrap_or_default(),
            "Rootless": store.paths.rootless,
            "CgroupVersion": if std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() { "v2" } else { "v1" },
            "CgroupManager": cgroups.name(),
            "DeviceProtection": cgroups.device_protection(),
        },
        "Store": {
            "GraphRoot": store.paths.root.display().to_string(),
            "RunRoot": store.paths.runroot.display().to_string(),
            "GraphDriverName": driver.name,
            "GraphDriverReason": driver.reason,
            "ImageCount": images.len(),
        },
        "Registries": { "Search": search, "ConfigFiles": conf_files },
        "Version": env!("CARGO_PKG_VERSION"),
    });
    print_object(&info, args.format.as_deref(), || {
        let mut s = String::new();
        s.push_str("host:\n");
        s.push_str(&format!("  arch: {}\n  kernel: {}\n", info["Host"]["Arch"].as_str().unwrap_or(""), info["Host"]["Kernel"].as_str().unwrap_or("")));
        s.push_str(&format!("  rootless: {}\n  cgroupVersion: {}\n", store.paths.rootless, info["Host"]["CgroupVersion"].as_str().unwrap_or("")));
        s.push_str(&format!("  cgroupManager: {}\n", cgroups.name()));
        s.push_str(&format!("  deviceProtection: {}\n", cgroups.device_protection()));
        s.push_str("store:\n");
        s.push_str(&format!("  graphRoot: {}\n  runRoot: {}\n", store.paths.root.display(), store.paths.runroot.display()));
        s.push_str(&format!("  graphDriverName: {}\n  graphDriverReason: {}\n", driver.name, driver.reason));
        s.push_str(&format!("  imageCount: {}\n", images.len()));
        s.push_str("registries:\n");
        s.push_str(&format!("  search: [{}]\n", search.join(", ")));
        s.push_str(&format!("  configFiles: [{}]\n", conf_files.join(", ")));
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
