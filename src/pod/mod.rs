//! Pods and their infra container: what `pod create` asks for
//! ([`PodSpec`]), parsing and validation only, no I/O. A pod is a group of
//! containers that share the namespaces of one infra container, which
//! runs pontoon's own pause process (runtime::pause) and holds the pod's
//! published ports, network, DNS and hostname. The record lives in
//! store::pods; engine::pods creates, starts, stops and removes pods.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::spec::dns::{DnsSettings, ExtraHost};
use crate::spec::mounts::MountSpec;
use crate::spec::restart::RestartPolicy;
use crate::spec::network::NetworkMode;
use crate::spec::ports::PortMapping;

pub use crate::store::pods::PodRecord;

/// A namespace the members of a pod share with its infra container
/// (`--share`).
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Share {
    Net,
    Ipc,
    Uts,
    Pid,
}

/// Podman's default `--share` less cgroup, which pontoon does not share.
pub const DEFAULT_SHARE: [Share; 3] = [Share::Net, Share::Ipc, Share::Uts];

impl Share {
    pub fn name(self) -> &'static str {
        match self {
            Share::Net => "net",
            Share::Ipc => "ipc",
            Share::Uts => "uts",
            Share::Pid => "pid",
        }
    }

    /// Parses `--share` (`net,ipc,uts,pid`; `+pid` adds to the default,
    /// `none` shares nothing, as in Podman).
    pub fn parse_list(s: &str) -> Result<Vec<Share>> {
        let (mut out, list) = match s.strip_prefix('+') {
            Some(rest) => (DEFAULT_SHARE.to_vec(), rest),
            None => (Vec::new(), s),
        };
        for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let share = match item {
                "net" => Share::Net,
                "ipc" => Share::Ipc,
                "uts" => Share::Uts,
                "pid" => Share::Pid,
                "none" => continue,
                "cgroup" => bail!("invalid --share {s:?}: sharing the cgroup namespace is not supported; use net, ipc, uts and pid"),
                other => bail!("invalid --share {s:?}: unknown namespace {other:?}; use net, ipc, uts, pid or none"),
            };
            if !out.contains(&share) {
                out.push(share);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// What `pod create` (or `kube play`) asks for.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PodSpec {
    pub name: String,
    /// `--hostname`; None is the pod's name (Podman).
    #[serde(default)]
    pub hostname: Option<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// `--share`: the namespaces members join (net, ipc, uts by default).
    #[serde(default = "default_share")]
    pub share: Vec<Share>,
    /// `--infra=false`: no infra container, and so nothing shared.
    #[serde(default = "yes")]
    pub infra: bool,
    /// `--network`: the infra container's network.
    #[serde(default)]
    pub network: NetworkMode,
    /// `-p`: published by the infra container, for every member.
    #[serde(default)]
    pub ports: Vec<PortMapping>,
    #[serde(default)]
    pub dns: DnsSettings,
    /// `--add-host`.
    #[serde(default)]
    pub extra_hosts: Vec<ExtraHost>,
    /// `--volume`: mounted in every member (Podman's), unless the member
    /// mounts something of its own at the same path.
    #[serde(default)]
    pub volumes: Vec<MountSpec>,
    /// `--infra-name`; None is `ID-infra` (the pod's short Id).
    #[serde(default)]
    pub infra_name: Option<String>,
    /// `--sysctl`: set in the infra container, whose namespaces (net, ipc,
    /// uts) the members share.
    #[serde(default)]
    pub sysctls: BTreeMap<String, String>,
    /// `--restart`: every member's policy, unless it has one of its own.
    #[serde(default)]
    pub restart: Option<RestartPolicy>,
    /// `--exit-policy`: what happens to the infra container when the last
    /// other container exits.
    #[serde(default)]
    pub exit_policy: ExitPolicy,
}

/// Podman's `--exit-policy`.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ExitPolicy {
    /// The infra container keeps running (Podman 4's default).
    #[default]
    Continue,
    /// The infra container is stopped, and so the pod.
    Stop,
}

impl ExitPolicy {
    pub fn parse(value: &str) -> Result<ExitPolicy> {
        match value {
            "continue" => Ok(ExitPolicy::Continue),
            "stop" => Ok(ExitPolicy::Stop),
            other => bail!("invalid --exit-policy {other:?}: use continue or stop"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExitPolicy::Continue => "continue",
            ExitPolicy::Stop => "stop",
        }
    }
}

fn default_share() -> Vec<Share> {
    DEFAULT_SHARE.to_vec()
}

fn yes() -> bool {
    true
}

impl PodSpec {
    /// A pod of this name with Podman's defaults.
    pub fn named(name: &str) -> PodSpec {
        PodSpec {
            name: name.to_string(),
            hostname: None,
            labels: BTreeMap::new(),
            share: default_share(),
            infra: true,
            network: NetworkMode::Default,
            ports: Vec::new(),
            dns: DnsSettings::default(),
            extra_hosts: Vec::new(),
            volumes: Vec::new(),
            infra_name: None,
            exit_policy: ExitPolicy::Continue,
            sysctls: BTreeMap::new(),
            restart: None,
        }
    }

    /// The namespaces members really share: none without an infra container.
    pub fn shared(&self) -> Vec<Share> {
        if self.infra { self.share.clone() } else { Vec::new() }
    }

    pub fn shares(&self, share: Share) -> bool {
        self.infra && self.share.contains(&share)
    }

    /// Refuses what Podman refuses: settings that only an infra container
    /// can hold, on a pod without one.
    pub fn check(&self) -> Result<()> {
        crate::engine::container::validate_name(&self.name).map_err(|_| {
            anyhow::anyhow!("invalid pod name {:?}: only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", self.name)
        })?;
        if !self.infra {
            let refused = [
                (!self.ports.is_empty(), "published ports (-p)"),
                (self.network != NetworkMode::Default, "--network"),
                (!self.extra_hosts.is_empty(), "--add-host"),
                (self.dns != DnsSettings::default(), "--dns"),
                (self.hostname.is_some(), "--hostname"),
            ];
            if let Some((_, what)) = refused.iter().find(|(bad, _)| *bad) {
                bail!("you must have an infra container to publish port bindings or set network settings: {what} cannot be set with --infra=false");
            }
        }
        if !self.shares(Share::Net) && !self.ports.is_empty() {
            bail!("published ports (-p) need the pod's network namespace shared: add net to --share");
        }
        if matches!(self.network, NetworkMode::Container(_)) {
            bail!("--network container: cannot be used for a pod: give the pod a network of its own");
        }
        Ok(())
    }

    /// The hostname the pod's members see (with a shared UTS namespace).
    pub fn effective_hostname(&self) -> String {
        self.hostname.clone().unwrap_or_else(|| self.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_lists_parse_as_podman_does() {
        assert_eq!(Share::parse_list("net,ipc,uts,pid").unwrap(), [Share::Net, Share::Ipc, Share::Uts, Share::Pid]);
        assert_eq!(Share::parse_list("+pid").unwrap(), [Share::Net, Share::Ipc, Share::Uts, Share::Pid]);
        assert_eq!(Share::parse_list("none").unwrap(), []);
        assert_eq!(Share::parse_list("net").unwrap(), [Share::Net]);
        assert!(Share::parse_list("mnt").is_err());
        assert!(Share::parse_list("cgroup").is_err());
    }

    #[test]
    fn a_pod_without_infra_takes_no_network_settings() {
        let mut spec = PodSpec::named("web");
        assert!(spec.check().is_ok());
        spec.infra = false;
        assert!(spec.check().is_ok());
        assert!(spec.shared().is_empty());
        spec.ports.push(PortMapping { host_port: 8080, container_port: 80, ..Default::default() });
        let err = spec.check().unwrap_err().to_string();
        assert!(err.contains("infra container"), "{err}");
        assert!(PodSpec::named("bad name").check().is_err());
    }

    #[test]
    fn old_records_get_the_defaults() {
        let spec: PodSpec = serde_json::from_str(r#"{"name":"p"}"#).unwrap();
        assert_eq!(spec, PodSpec::named("p"));
        assert_eq!(spec.effective_hostname(), "p");
    }
}
