//! What `pod ps` and `pod inspect` show of a pod: its status, computed
//! from its containers' states as Podman computes it, and Podman's
//! inspect document.

use serde_json::{json, Value};

use crate::engine::lifecycle::is_running;
use crate::pod::Share;
use crate::spec::network::NetworkMode;
use crate::store::containers::{Container, Status};
use crate::store::pods::PodRecord;

/// A container's state as Podman names it in a pod: created, running,
/// paused or exited.
pub fn container_state(c: &Container) -> &'static str {
    match c.state.status {
        Status::Created => "created",
        Status::Paused if is_running(c) => "paused",
        Status::Running | Status::Stopping if is_running(c) => "running",
        _ => "exited",
    }
}

/// The pod's status from its containers' states (the infra container
/// counts): Created, Running, Degraded, Paused, Exited or Stopped.
pub fn status(members: &[Container]) -> &'static str {
    status_of(&members.iter().map(container_state).collect::<Vec<_>>())
}

fn status_of(states: &[&str]) -> &'static str {
    let count = |s: &str| states.iter().filter(|x| **x == s).count();
    let all = states.len();
    match () {
        _ if all == 0 => "Created",
        _ if count("running") == all => "Running",
        _ if count("running") > 0 => "Degraded",
        _ if count("paused") == all => "Paused",
        _ if count("exited") == all => "Exited",
        _ if count("exited") > 0 => "Stopped",
        _ => "Created",
    }
}

/// The names `--share` lists, as Podman shows them in SharedNamespaces.
pub fn shared_names(pod: &PodRecord) -> Vec<&'static str> {
    pod.spec.shared().into_iter().map(Share::name).collect()
}

/// `pod inspect`'s document for one pod, with Podman's keys.
pub fn inspect(pod: &PodRecord, members: &[Container]) -> Value {
    let spec = &pod.spec;
    let containers: Vec<Value> = members.iter().map(|c| json!({ "Id": c.record.id, "Name": c.record.name, "State": container_state(c) })).collect();
    let mut doc = json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": pod.created.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        "ExitPolicy": spec.exit_policy.as_str(),
        "State": status(members),
        "Hostname": if spec.infra { spec.effective_hostname() } else { String::new() },
        "Labels": spec.labels,
        "CreateCgroup": false,
        "CreateInfra": spec.infra,
        "NumContainers": members.len(),
        "Containers": containers,
    });
    if let Some(infra) = &pod.infra_id {
        doc["InfraContainerID"] = json!(infra);
        doc["InfraConfig"] = infra_config(pod);
        doc["SharedNamespaces"] = json!(shared_names(pod));
    }
    doc
}

fn infra_config(pod: &PodRecord) -> Value {
    let spec = &pod.spec;
    let networks: Vec<String> = match &spec.network {
        NetworkMode::Networks(n) => n.iter().map(|a| a.network.clone()).collect(),
        NetworkMode::Default => vec![crate::spec::network::DEFAULT_NETWORK.to_string()],
        _ => Vec::new(),
    };
    let hosts: Vec<String> = spec
        .extra_hosts
        .iter()
        .map(|h| match &h.address {
            crate::spec::dns::HostAddress::Ip(ip) => format!("{}:{ip}", h.name),
            crate::spec::dns::HostAddress::HostGateway => format!("{}:host-gateway", h.name),
        })
        .collect();
    json!({
        "PortBindings": crate::spec::ports::port_bindings_json(&spec.ports),
        "HostNetwork": spec.network == NetworkMode::Host,
        "StaticIP": "",
        "StaticMAC": "",
        "NoManageResolvConf": false,
        "DNSServer": spec.dns.servers.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        "DNSSearch": spec.dns.search,
        "DNSOption": spec.dns.options,
        "NoManageHosts": false,
        "HostAdd": hosts,
        "Networks": networks,
        "NetworkOptions": null,
        "pid_ns": if spec.shares(Share::Pid) { "container" } else { "private" },
        "userns": "host",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pod_status_as_podman_computes_it() {
        let cases: [(&[&str], &str); 9] = [
            (&[], "Created"),
            (&["created", "created"], "Created"),
            (&["running", "running"], "Running"),
            (&["running", "exited"], "Degraded"),
            (&["running", "created"], "Degraded"),
            (&["paused", "paused"], "Paused"),
            (&["paused", "created"], "Created"),
            (&["exited", "exited"], "Exited"),
            (&["exited", "created"], "Stopped"),
        ];
        for (states, want) in cases {
            assert_eq!(status_of(states), want, "{states:?}");
        }
    }
}
