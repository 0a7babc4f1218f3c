//! `--sysctl KEY=VALUE` and containers.conf's `default_sysctls`: kernel
//! parameters set in the container's own namespaces, as Docker and Podman
//! allow them. Only namespaced keys are accepted (a container cannot change
//! the host's kernel), and not for a namespace the container shares with
//! the host.

use std::collections::BTreeMap;

use anyhow::{bail, Result};

use crate::spec::namespaces::{IpcMode, NamespaceMode, NamespaceSettings};
use crate::spec::network::NetworkMode;

/// The IPC namespace's keys (Docker's list).
const IPC_KEYS: [&str; 8] = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"];

/// Which namespace a key belongs to, or why it is refused.
#[derive(Debug, PartialEq)]
enum Owner {
    Ipc,
    Net,
    Uts,
}

fn owner(key: &str) -> Result<Owner> {
    if IPC_KEYS.contains(&key) || key.starts_with("fs.mqueue.") {
        return Ok(Owner::Ipc);
    }
    if key.starts_with("net.") {
        return Ok(Owner::Net);
    }
    if key == "kernel.domainname" || key == "kernel.hostname" {
        return Ok(Owner::Uts);
    }
    bail!("sysctl {key:?} is not namespaced: a container may set only net.*, fs.mqueue.*, kernel.msg*/shm*/sem and kernel.domainname")
}

/// Why `key` cannot be set with these namespace modes, if it cannot.
fn shared_with_host(key: &str, network: &NetworkMode, ns: &NamespaceSettings) -> Result<Option<String>> {
    Ok(match owner(key)? {
        Owner::Net if matches!(network, NetworkMode::Host) => Some("the container uses the host's network (--network host)".into()),
        Owner::Net if matches!(network, NetworkMode::Container(_)) => Some("the container joins another's network namespace".into()),
        Owner::Ipc if matches!(ns.ipc, IpcMode::Host) => Some("the container uses the host's IPC namespace (--ipc host)".into()),
        Owner::Uts if ns.uts != NamespaceMode::Private => Some(format!("the container does not own its UTS namespace (--uts {})", ns.uts.name())),
        _ => None,
    })
}

/// Parses `--sysctl` values (`KEY=VALUE`; `/` in keys is read as `.`).
pub fn parse(values: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for v in values {
        let Some((key, value)) = v.split_once('=') else { bail!("invalid --sysctl {v:?}: give KEY=VALUE, e.g. net.ipv4.ip_forward=1") };
        let key = key.trim().replace('/', ".");
        if key.is_empty() || key.contains("..") || key.starts_with('.') {
            bail!("invalid --sysctl {v:?}: the key is not a sysctl name");
        }
        owner(&key).map_err(|e| anyhow::anyhow!("invalid --sysctl {v:?}: {e}"))?;
        out.insert(key, value.to_string());
    }
    Ok(out)
}

/// Refuses the user's keys for namespaces shared with the host.
pub fn check(sysctls: &BTreeMap<String, String>, network: &NetworkMode, ns: &NamespaceSettings) -> Result<()> {
    for key in sysctls.keys() {
        if let Some(why) = shared_with_host(key, network, ns)? {
            bail!("--sysctl {key} cannot be set: {why}; drop one of them");
        }
    }
    Ok(())
}

/// containers.conf's defaults under the user's values; a default that
/// cannot apply to these namespaces is left out, as Podman does (its own
/// default `net.ipv4.ping_group_range` under `--network host`).
pub fn with_defaults(user: BTreeMap<String, String>, defaults: &[String], network: &NetworkMode, ns: &NamespaceSettings) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (key, value) in parse(defaults).map_err(|e| anyhow::anyhow!("containers.conf default_sysctls: {e}"))? {
        if shared_with_host(&key, network, ns)?.is_none() {
            out.insert(key, value);
        }
    }
    out.extend(user);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn only_namespaced_keys_parse() {
        let got = parse(&v(&["net.ipv4.ip_forward=1", "net/core/somaxconn=512", "kernel.shmmax=1000", "fs.mqueue.msg_max=20"])).unwrap();
        assert_eq!(got["net.core.somaxconn"], "512");
        assert_eq!(got.len(), 4);
        for bad in ["vm.swappiness=1", "kernel.panic=1", "net.ipv4.ip_forward", "=1"] {
            assert!(parse(&v(&[bad])).is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_of_a_namespace_shared_with_the_host_are_refused_or_dropped() {
        let ns = NamespaceSettings::default();
        let net = parse(&v(&["net.ipv4.ip_forward=1"])).unwrap();
        assert!(check(&net, &NetworkMode::Host, &ns).is_err());
        assert!(check(&net, &NetworkMode::None, &ns).is_ok());
        let defaults = v(&["net.ipv4.ping_group_range=0 0"]);
        assert!(with_defaults(BTreeMap::new(), &defaults, &NetworkMode::Host, &ns).unwrap().is_empty());
        let merged = with_defaults(parse(&v(&["net.ipv4.ping_group_range=1 1"])).unwrap(), &defaults, &NetworkMode::None, &ns).unwrap();
        assert_eq!(merged["net.ipv4.ping_group_range"], "1 1", "the user's value wins");
    }
}
