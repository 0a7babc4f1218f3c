//! The firewall side of a bridge: masquerade of its subnets on their way
//! out (unless the network is `--internal`), forwarding accepted for it,
//! and isolation: a packet from one pontoon bridge to another is dropped,
//! as Docker's isolation chains do.
//!
//! Two backends, one per host, chosen in [`decide`] with one `match`:
//! - **nftables** (`nft -f -`, one table `inet pontoon`), the default
//!   wherever `nft` is installed: one atomic transaction per change, and
//!   per-bridge state lives in maps keyed by the bridge's name, so a
//!   network's rules are removed by key, never by searching rules.
//! - **iptables** / **ip6tables** (`*-save` read, `*-restore --noflush`
//!   applied; chains `PONTOON-POSTROUTING`, `PONTOON-FORWARD`,
//!   `PONTOON-ISOLATION-1`/`-2`, every rule tagged with a comment), when
//!   `nft` is missing, and also when the namespace's iptables `FORWARD`
//!   policy is DROP (a Docker host): every base chain on a hook must
//!   accept a packet, so only a rule in that very chain can let our
//!   bridges' traffic through.
//!
//! `PONTOON_FIREWALL=nftables|iptables` forces one (tests run both).
//! Removal runs on both backends, so a network made under one choice is
//! still cleaned up if the host changed since.

mod iptables;
mod nftables;

use std::os::fd::BorrowedFd;
use std::sync::OnceLock;

use anyhow::{bail, Result};

use super::bridge::BridgeConfig;
use super::link::host_program;

/// The tool that holds a namespace's NAT and isolation rules.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Nftables,
    Iptables,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Nftables => "nftables",
            Backend::Iptables => "iptables",
        }
    }
}

/// What `pontoon info` shows: the backend this host's own namespace gets,
/// or "none" when neither tool is installed.
pub fn firewall_backend() -> &'static str {
    static CHOSEN: OnceLock<&'static str> = OnceLock::new();
    CHOSEN.get_or_init(|| choose(None).map_or("none", Backend::name))
}

/// Picks the backend for the namespace `ns` (ours when `None`).
pub fn choose(ns: Option<BorrowedFd>) -> Result<Backend> {
    let forced = std::env::var("PONTOON_FIREWALL").ok().filter(|v| !v.is_empty());
    let has_nft = host_program("nft").is_some();
    let has_iptables = host_program("iptables-restore").is_some();
    decide(forced.as_deref(), has_nft, has_iptables, || iptables::forward_policy_drops(ns))
}

/// The choice itself, on facts gathered by [`choose`]; `forward_drops` is
/// asked only when both tools are there.
fn decide(forced: Option<&str>, has_nft: bool, has_iptables: bool, forward_drops: impl FnOnce() -> bool) -> Result<Backend> {
    const INSTALL: &str = "install nftables (apt-get install nftables) or iptables (apt-get install iptables)";
    match (forced, has_nft, has_iptables) {
        (Some("nftables"), true, _) => Ok(Backend::Nftables),
        (Some("iptables"), _, true) => Ok(Backend::Iptables),
        (Some(name @ ("nftables" | "iptables")), _, _) => bail!("PONTOON_FIREWALL={name} but {name} is not installed: {INSTALL}"),
        (Some(other), _, _) => bail!("PONTOON_FIREWALL={other:?} is not a firewall backend: use nftables or iptables"),
        (None, true, true) if forward_drops() => Ok(Backend::Iptables),
        (None, true, _) => Ok(Backend::Nftables),
        (None, false, true) => Ok(Backend::Iptables),
        (None, false, false) => bail!("bridge networks need a firewall tool for NAT and isolation: {INSTALL}"),
    }
}

/// Makes (or remakes, idempotently) the rules of one bridge in `ns`.
/// The caller holds the lock that serialises firewall changes in `ns`.
pub fn ensure(ns: Option<BorrowedFd>, cfg: &BridgeConfig, backend: Backend) -> Result<()> {
    match backend {
        Backend::Nftables => nftables::ensure(ns, cfg),
        Backend::Iptables => iptables::ensure(ns, cfg),
    }
}

/// Removes every rule made for the bridge, with whichever tool is
/// installed; the shared tables and chains go with the last bridge.
pub fn remove(ns: Option<BorrowedFd>, cfg: &BridgeConfig) -> Result<()> {
    if host_program("nft").is_some() {
        nftables::remove(ns, cfg)?;
    }
    if host_program("iptables-restore").is_some() {
        iptables::remove(ns, cfg)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> bool {
        panic!("the FORWARD policy must not be looked at here")
    }

    #[test]
    fn nftables_is_the_default_where_installed() {
        assert_eq!(decide(None, true, false, never).unwrap(), Backend::Nftables);
        assert_eq!(decide(None, true, true, || false).unwrap(), Backend::Nftables);
    }

    #[test]
    fn a_docker_host_whose_forward_policy_drops_gets_iptables() {
        assert_eq!(decide(None, true, true, || true).unwrap(), Backend::Iptables);
    }

    #[test]
    fn iptables_alone_is_used() {
        assert_eq!(decide(None, false, true, never).unwrap(), Backend::Iptables);
    }

    #[test]
    fn no_tool_is_an_error_naming_both_packages() {
        let err = decide(None, false, false, never).unwrap_err().to_string();
        assert!(err.contains("apt-get install nftables") && err.contains("apt-get install iptables"), "{err}");
    }

    #[test]
    fn the_environment_forces_a_backend() {
        assert_eq!(decide(Some("iptables"), true, true, never).unwrap(), Backend::Iptables);
        assert_eq!(decide(Some("nftables"), true, true, never).unwrap(), Backend::Nftables);
        let missing = decide(Some("nftables"), false, true, never).unwrap_err().to_string();
        assert!(missing.contains("nftables is not installed"), "{missing}");
        let wrong = decide(Some("pf"), true, true, never).unwrap_err().to_string();
        assert!(wrong.contains("use nftables or iptables"), "{wrong}");
    }
}
