//! The container as `docker container inspect` shows it: Docker's JSON
//! shape, filled from the record (what was asked), the state (what is
//! happening) and the OCI bundle (the process actually run). Fields for
//! features pontoon does not have yet (networks) are present and empty, so
//! templates written for Docker keep working.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::engine::lifecycle::is_running;
use crate::store::containers::{Container, Status};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// Sizes for `inspect -s`: the container's own files, and with the image's.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sizes {
    pub rw: u64,
    pub root_fs: u64,
}

/// Docker's zero time, printed for times that never happened.
const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Nanos, true)).unwrap_or_else(|| ZERO_TIME.into())
}

/// Docker's state name: a container whose monitor died has exited.
pub fn status_name(c: &Container) -> &'static str {
    match c.state.status {
        Status::Running | Status::Stopping | Status::Paused if !is_running(c) => "exited",
        s => s.as_str(),
    }
}

/// The process the bundle runs, and its environment.
fn bundle_process(config: &Path) -> (Vec<String>, Vec<String>) {
    let Ok(spec) = oci_spec::runtime::Spec::load(config) else { return (Vec::new(), Vec::new()) };
    let Some(p) = spec.process() else { return (Vec::new(), Vec::new()) };
    (p.args().clone().unwrap_or_default(), p.env().clone().unwrap_or_default())
}

pub fn inspect_json(store: &Store, c: &Container, layer_dirs: &[std::path::PathBuf], sizes: Option<Sizes>) -> Value {
    let (r, st, spec) = (&c.record, &c.state, &c.record.spec);
    let paths = ContainerPaths::new(store, &r.id);
    let (args, mut env) = bundle_process(&paths.config);
    // type=env secrets are in the bundle's environment: never shown.
    let secret_env = crate::engine::secrets::env_names(spec);
    env.retain(|e| !secret_env.iter().any(|k| e.split_once('=').map_or(e.as_str(), |(n, _)| n) == k));
    let status = status_name(c);
    // A stopping container still runs: its pid, ports and addresses are real.
    let running = matches!(status, "running" | "paused" | "stopping");
    let (driver, _) = crate::store::rootfs::choose_driver(&store.paths).unwrap_or((crate::store::rootfs::Driver::Overlay, String::new()));
    let lower: Vec<String> = layer_dirs.iter().map(|d| d.display().to_string()).collect();
    let network_mode = spec.network.name();
    let exposed = crate::spec::ports::exposed_set(&spec.expose, &spec.ports);
    // Docker shows bound ports only while they are bound.
    let ports = if running { crate::spec::ports::ports_json(&st.ports, &exposed) } else { json!({}) };
    let tmpfs: BTreeMap<&str, String> = spec.tmpfs.iter().map(|t| (t.target.as_str(), t.options.join(","))).collect();
    let ulimits: Vec<Value> = spec.ulimits.iter().map(|u| json!({ "Name": u.name, "Soft": u.soft, "Hard": u.hard })).collect();
    let entrypoint = spec.entrypoint.as_ref().filter(|e| !e.is_empty()).map(|e| vec![e.clone()]);
    let cmd = if spec.command.is_empty() { args.iter().skip(entrypoint.as_ref().map_or(0, |_| 1)).cloned().collect() } else { spec.command.clone() };
    let mut out = json!({
        "Id": r.id,
        "Created": time(Some(r.created)),
        "Path": args.first().cloned().unwrap_or_default(),
        "Args": args.iter().skip(1).cloned().collect::<Vec<_>>(),
        "State": {
            "Status": status,
            "Running": running,
            "Paused": status == "paused",
            "Restarting": false,
            "OOMKilled": st.oom_killed,
            "Dead": false,
            "Pid": if running { st.pid.unwrap_or(0) } else { 0 },
            "ExitCode": st.exit_code.unwrap_or(0),
            "Error": st.error.clone().unwrap_or_default(),
            "StartedAt": time(st.started_at),
            "FinishedAt": time(st.finished_at),
        },
        "Image": r.image_id,
        "ResolvConfPath": paths.dir.join("resolv.conf"),
        "HostnamePath": paths.dir.join("hostname"),
        "HostsPath": paths.dir.join("hosts"),
        "LogPath": crate::engine::logs::log_path(store, r),
        "Name": format!("/{}", r.name),
        "RestartCount": st.restart_count,
        "Driver": driver.name(),
        // Podman's key; "pontoon" is the built-in runtime.
        "OCIRuntime": spec.runtime.as_deref().unwrap_or("pontoon"),
        "Platform": "linux",
        "MountLabel": "",
        "ProcessLabel": "",
        "AppArmorProfile": "",
        "Mounts": crate::engine::mounts::mounts_json(r),
        "Config": {
            "Hostname": spec.hostname.clone().unwrap_or_else(|| r.id[..12].to_string()),
            "Domainname": "",
            "User": spec.user.clone().unwrap_or_default(),
            "AttachStdin": spec.interactive,
            "AttachStdout": true,
            "AttachStderr": true,
            "Tty": spec.tty,
            "OpenStdin": spec.interactive,
            "StdinOnce": spec.interactive,
            "Env": env,
            "Cmd": cmd,
            "Image": r.image_name,
            "Volumes": null,
            "ExposedPorts": crate::spec::ports::exposed_ports_json(&spec.expose, &spec.ports),
            "WorkingDir": spec.workdir.clone().unwrap_or_default(),
            "Entrypoint": entrypoint,
            "OnBuild": null,
            "Labels": spec.labels,
            "StopSignal": spec.stop_signal.clone().unwrap_or_else(|| "SIGTERM".into()),
            "StopTimeout": spec.stop_timeout,
            "Secrets": crate::engine::secrets::container_inspect_json(spec),
        },
        "HostConfig": {
            "Runtime": spec.runtime.as_deref().unwrap_or("pontoon"),
            "NetworkMode": network_mode,
            "PortBindings": crate::spec::ports::port_bindings_json(&spec.ports),
            "PublishAllPorts": spec.publish_all,
            "RestartPolicy": { "Name": spec.restart.name, "MaximumRetryCount": spec.restart.max_retries },
            "AutoRemove": spec.auto_remove,
            "Privileged": spec.privileged,
            "ReadonlyRootfs": spec.read_only,
            "CapAdd": spec.cap_add,
            "CapDrop": spec.cap_drop,
            "Memory": spec.resources.memory_bytes.unwrap_or(0),
            "NanoCpus": spec.resources.nano_cpus.unwrap_or(0),
            "PidsLimit": spec.resources.pids_limit,
            "Tmpfs": tmpfs,
            "Ulimits": ulimits,
            "Init": spec.init,
            "Binds": null,

        },
        "GraphDriver": {
            "Name": driver.name(),
            "Data": {
                "LowerDir": lower.join(":"),
                "UpperDir": paths.upper,
                "MergedDir": paths.merged,
                "WorkDir": paths.work,
            }
        },
        "NetworkSettings": network_settings(st, ports),
    });
    add_namespaces(&mut out["HostConfig"], &spec.namespaces);
    add_name_settings(&mut out["HostConfig"], spec);
    add_run_options(&mut out, spec);
    crate::engine::userns::add_inspect(&mut out["HostConfig"], &paths.config);
    add_tuning(&mut out, &spec.tuning);
    // As Docker: `.Config.Healthcheck` when the container has a check
    // (`{"Test": ["NONE"]}` too), `.State.Health` once it has one to run;
    // Podman's on-failure action beside it.
    if let Some(config) = &spec.health.config {
        out["Config"]["Healthcheck"] = json!(config);
        out["Config"]["HealthcheckOnFailureAction"] = json!(spec.health.on_failure.as_str());
    }
    if spec.health.check().is_some() {
        out["State"]["Health"] = json!(st.health.clone().unwrap_or_default());
    }
    if let Some(s) = sizes {
        out["SizeRw"] = json!(s.rw);
        out["SizeRootFs"] = json!(s.root_fs);
    }
    // Podman's pod fields, for a container of a pod.
    if let Some(pod) = &spec.pod {
        out["Pod"] = json!(pod);
        out["IsInfra"] = json!(spec.pod_infra);
    }
    out
}


/// Docker's NetworkSettings: the first endpoint's address at the top, one
/// entry per network under Networks (running containers only).
fn network_settings(st: &crate::store::containers::ContainerState, ports: serde_json::Value) -> serde_json::Value {
    let text = |ip: &Option<std::net::IpAddr>| ip.map(|i| i.to_string()).unwrap_or_default();
    let first = st.endpoints.first();
    let networks: serde_json::Map<String, serde_json::Value> = st
        .endpoints
        .iter()
        .map(|e| {
            let entry = json!({
                "IPAddress": text(&e.address),
                "IPPrefixLen": e.prefix_len,
                "Gateway": text(&e.gateway),
                "MacAddress": e.mac.clone().unwrap_or_default(),
                "Aliases": e.names,
                "InterfaceName": e.interface,
            });
            (e.network.clone(), entry)
        })
        .collect();
    json!({
        "Bridge": "",
        "SandboxID": "",
        "HairpinMode": false,
        "Ports": ports,
        "SandboxKey": "",
        "Gateway": first.map(|e| text(&e.gateway)).unwrap_or_default(),
        "IPAddress": first.map(|e| text(&e.address)).unwrap_or_default(),
        "IPPrefixLen": first.map_or(0, |e| e.prefix_len),
        "MacAddress": first.and_then(|e| e.mac.clone()).unwrap_or_default(),
        "Networks": networks,
    })
}

/// HostConfig's IpcMode, PidMode, UTSMode, UsernsMode, GroupAdd and
/// ShmSize, as Docker spells them (a separate step: one `json!` that big
/// exceeds the macro's recursion limit).
fn add_namespaces(host_config: &mut serde_json::Value, ns: &crate::spec::namespaces::NamespaceSettings) {
    host_config["IpcMode"] = json!(ns.ipc.name());
    host_config["PidMode"] = json!(ns.pid.name());
    host_config["UTSMode"] = json!(ns.uts.name());
    host_config["UsernsMode"] = json!(ns.userns);
    // null when none were added, as Docker shows it.
    host_config["GroupAdd"] = json!((!ns.group_add.is_empty()).then_some(&ns.group_add));
    host_config["ShmSize"] = json!(ns.shm_bytes());
}

/// Docker's `Dns`, `DnsSearch`, `DnsOptions`, `ExtraHosts` and `Sysctls`.
fn add_name_settings(host_config: &mut Value, spec: &crate::spec::container::ContainerSpec) {
    let hosts: Vec<String> = spec
        .extra_hosts
        .iter()
        .map(|h| match &h.address {
            crate::spec::dns::HostAddress::Ip(ip) => format!("{}:{ip}", h.name),
            crate::spec::dns::HostAddress::HostGateway => format!("{}:host-gateway", h.name),
        })
        .collect();
    host_config["Dns"] = json!(spec.dns.servers);
    host_config["DnsSearch"] = json!(spec.dns.search);
    host_config["DnsOptions"] = json!(spec.dns.options);
    host_config["ExtraHosts"] = json!(hosts);
    host_config["Sysctls"] = json!(spec.sysctls);
}

/// Docker's `HostConfig.LogConfig` and the annotations (Podman's
/// `Config.Annotations`).
fn add_run_options(out: &mut Value, spec: &crate::spec::container::ContainerSpec) {
    let log = &spec.options.log;
    let mut config = serde_json::Map::new();
    if let Some(max) = log.max_size {
        config.insert("max-size".into(), json!(max.to_string()));
    }
    if let Some(path) = &log.path {
        config.insert("path".into(), json!(path));
    }
    out["HostConfig"]["LogConfig"] = json!({ "Type": log.driver, "Config": config });
    out["Config"]["Annotations"] = json!(spec.options.annotations);
}

/// The `spec::resources` flags under Docker's HostConfig names (and
/// Podman's Config.Timeout and Config.Umask).
fn add_tuning(out: &mut Value, t: &crate::spec::resources::Tuning) {
    let devices = |list: &[crate::spec::resources::BlkioDevice], key: &str| -> Value {
        json!(list.iter().map(|d| json!({ "Path": d.path, key: d.value })).collect::<Vec<_>>())
    };
    let host_config = &mut out["HostConfig"];
    host_config["MemorySwap"] = json!(t.memory_swap.unwrap_or(0));
    host_config["MemoryReservation"] = json!(t.memory_reservation.unwrap_or(0));
    host_config["MemorySwappiness"] = json!(t.memory_swappiness);
    host_config["OomKillDisable"] = json!(t.oom_kill_disable);
    host_config["KernelMemory"] = json!(0);
    host_config["CpuShares"] = json!(t.cpu_shares.unwrap_or(0));
    host_config["CpuPeriod"] = json!(t.cpu_period.unwrap_or(0));
    host_config["CpuQuota"] = json!(t.cpu_quota.unwrap_or(0));
    host_config["CpusetCpus"] = json!(t.cpuset_cpus.clone().unwrap_or_default());
    host_config["CpusetMems"] = json!(t.cpuset_mems.clone().unwrap_or_default());
    host_config["BlkioWeight"] = json!(t.blkio_weight.unwrap_or(0));
    host_config["BlkioWeightDevice"] = devices(&t.blkio_weight_device, "Weight");
    host_config["BlkioDeviceReadBps"] = devices(&t.device_read_bps, "Rate");
    host_config["BlkioDeviceWriteBps"] = devices(&t.device_write_bps, "Rate");
    host_config["BlkioDeviceReadIOps"] = devices(&t.device_read_iops, "Rate");
    host_config["BlkioDeviceWriteIOps"] = devices(&t.device_write_iops, "Rate");
    host_config["OomScoreAdj"] = json!(t.oom_score_adj.unwrap_or(0));
    out["Config"]["Timeout"] = json!(t.timeout.unwrap_or(0));
    out["Config"]["Umask"] = json!(format!("{:04o}", t.umask.unwrap_or(crate::spec::resources::DEFAULT_UMASK)));
}
