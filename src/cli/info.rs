//! `pontoon info`: one set of facts in the shapes both tools' users read.
//! Templates see Podman's tree (`{{.Host.Arch}}`, `{{.Store.GraphRoot}}`,
//! `{{.Version.Version}}`) and Docker's top-level fields
//! (`{{.ServerVersion}}`, `{{.Driver}}`, `{{.OperatingSystem}}`);
//! `--format json` is Podman's JSON (`host`, `store`, `registries`,
//! `version`), and the plain text is Podman's YAML-like listing. Both say
//! which configuration files were read.

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::system::{print_object, InfoArgs};
use super::Ctx;
use crate::engine::lifecycle::is_running;
use crate::engine::system_info::{self, SystemInfo};
use crate::store::containers::Status;
use crate::store::Store;

pub fn info(ctx: &Ctx, args: InfoArgs) -> Result<()> {
    let store = ctx.store()?;
    let i = system_info::info(&store, &ctx.paths)?;
    let tree = podman_tree(&store, &i)?;
    match args.format.as_deref() {
        Some("json") => println!("{}", serde_json::to_string_pretty(&podman_json(&tree))?),
        format => print_object(&with_docker_fields(&tree, &i), format, || plain(&tree))?,
    }
    Ok(())
}

fn podman_tree(store: &Store, i: &SystemInfo) -> Result<Value> {
    let containers = crate::engine::lifecycle::reconciled(store, store.containers.list()?);
    let paused = containers.iter().filter(|c| c.state.status == Status::Paused && is_running(c)).count();
    let running = containers.iter().filter(|c| is_running(c)).count() - paused;
    let conf = crate::engine::containers_conf::ContainersConf::load()?;
    let storage = crate::store::storage_conf::StorageConf::load(i.rootless)?;
    let files = |v: &[std::path::PathBuf]| v.iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
    let mem_total = nix::sys::sysinfo::sysinfo().map(|s| s.ram_total()).unwrap_or(0);
    Ok(json!({
        "Host": {
            "Arch": std::env::consts::ARCH,
            "Os": "linux",
            "Kernel": i.kernel,
            "Hostname": nix::unistd::gethostname().map(|h| h.to_string_lossy().into_owned()).unwrap_or_default(),
            "Cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            "MemTotal": mem_total,
            "Rootless": i.rootless,
            "Security": { "Rootless": i.rootless },
            "CgroupVersion": i.cgroup_version,
            "CgroupManager": i.cgroup_manager,
            "DeviceProtection": i.device_protection,
            "DefaultNetwork": i.default_network,
            "Firewall": i.firewall,
            "EventLogger": conf.events_logger.clone().unwrap_or_else(|| "file".into()),
        },
        "Store": {
            "GraphRoot": store.paths.root.display().to_string(),
            "RunRoot": store.paths.runroot.display().to_string(),
            "GraphDriverName": i.graph_driver_name,
            "GraphDriverReason": i.graph_driver_reason,
            "ImageCount": i.image_count,
            "ImageStore": { "Number": i.image_count },
            "ContainerStore": { "Number": containers.len(), "Running": running, "Paused": paused, "Stopped": containers.len() - running - paused },
            "ConfigFile": storage.files.last().map(|p| p.display().to_string()).unwrap_or_default(),
        },
        "Registries": { "Search": i.search, "ConfigFiles": i.conf_files },
        "ConfigFiles": {
            "ContainersConf": files(&conf.files),
            "StorageConf": files(&storage.files),
            "RegistriesConf": i.conf_files,
        },
        "Version": {
            "Version": env!("CARGO_PKG_VERSION"),
            "APIVersion": env!("CARGO_PKG_VERSION"),
            "GoVersion": "none (Rust)",
            "OsArch": format!("linux/{}", std::env::consts::ARCH),
            "Os": "linux",
        },
    }))
}

/// Podman's JSON: its sections and their keys in camelCase, except the
/// version section, which Podman prints with Go's capitalised names.
fn podman_json(tree: &Value) -> Value {
    let mut out = Map::new();
    for (section, value) in tree.as_object().into_iter().flatten() {
        let key = camel(section);
        out.insert(key, if section == "Version" { value.clone() } else { camel_keys(value) });
    }
    Value::Object(out)
}

fn camel_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (camel(k), camel_keys(v))).collect()),
        other => other.clone(),
    }
}

fn camel(key: &str) -> String {
    let mut chars = key.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// The template view: Podman's tree plus the fields of `docker info`.
fn with_docker_fields(tree: &Value, i: &SystemInfo) -> Value {
    let mut v = tree.clone();
    let store = &tree["Store"];
    let host = &tree["Host"];
    let docker = json!({
        "ServerVersion": env!("CARGO_PKG_VERSION"),
        "Driver": i.graph_driver_name,
        "DockerRootDir": store["GraphRoot"],
        "OperatingSystem": operating_system(),
        "OSType": "linux",
        "Architecture": std::env::consts::ARCH,
        "KernelVersion": i.kernel,
        "Name": host["Hostname"],
        "NCPU": host["Cpus"],
        "MemTotal": host["MemTotal"],
        "Containers": store["ContainerStore"]["Number"],
        "ContainersRunning": store["ContainerStore"]["Running"],
        "ContainersPaused": store["ContainerStore"]["Paused"],
        "ContainersStopped": store["ContainerStore"]["Stopped"],
        "Images": i.image_count,
        "CgroupDriver": "cgroupfs",
        "CgroupVersion": i.cgroup_version.trim_start_matches('v'),
        "LoggingDriver": "k8s-file",
    });
    if let (Some(out), Some(extra)) = (v.as_object_mut(), docker.as_object()) {
        out.extend(extra.clone());
    }
    v
}

/// PRETTY_NAME of /etc/os-release, as `docker info` shows it.
fn operating_system() -> String {
    let text = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    text.lines().find_map(|l| l.strip_prefix("PRETTY_NAME=")).map(|v| v.trim_matches('"').to_string()).unwrap_or_else(|| "linux".into())
}

/// Podman's plain listing: `section:` then `  key: value` lines.
fn plain(tree: &Value) -> String {
    let mut s = String::new();
    for (section, value) in podman_json(tree).as_object().into_iter().flatten() {
        s.push_str(&format!("{section}:\n"));
        write_plain(&mut s, value, 1);
    }
    s
}

fn write_plain(s: &mut String, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    for (k, v) in v.as_object().into_iter().flatten() {
        match v {
            Value::Object(_) => {
                s.push_str(&format!("{pad}{k}:\n"));
                write_plain(s, v, depth + 1);
            }
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|i| i.as_str().map(str::to_string).unwrap_or_else(|| i.to_string())).collect();
                s.push_str(&format!("{pad}{k}: [{}]\n", items.join(", ")));
            }
            Value::String(t) => s.push_str(&format!("{pad}{k}: {t}\n")),
            other => s.push_str(&format!("{pad}{k}: {other}\n")),
        }
    }
}
