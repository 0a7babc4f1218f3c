//! The nftables backend: one table `inet pontoon` (IPv4 and IPv6 alike).
//!
//! ```text
//! set   bridges                      every pontoon bridge of the namespace
//! set   nat4, nat6                   the subnets of the non-internal bridges
//! chain postrouting  (nat, srcnat)   ip saddr @nat4 oifname != @bridges masquerade (ip6 alike)
//! chain forward      (filter)        iifname vmap @from_bridge ; oifname vmap @to_bridge
//! chain from-BR                      oifname "BR" accept ; oifname @bridges drop ; accept|drop
//! chain to-BR                        ct state established,related accept | drop (internal)
//! ```
//! A bridge's state is its two chains and its keys in the sets and maps:
//! making it flushes and refills its own chains, removing it deletes its
//! keys and chains, in one atomic `nft -f -` each. nft 1.0 has no "delete
//! if present", so removal adds each object first (a no-op when it
//! exists) and then deletes it: the script never fails on a half-made
//! bridge. (Masquerade sits in the base chain, not in a chain per bridge
//! behind a map: kernel 6.x refuses a map element jumping to a chain whose
//! `masquerade` rule is added in the same transaction.)

use std::fmt::Write as _;
use std::os::fd::BorrowedFd;

use anyhow::{bail, Context, Result};
use ipnet::IpNet;

use crate::network::bridge::BridgeConfig;
use crate::network::link::{run_in, run_ok};

const TABLE: &str = "inet pontoon";

/// The table, its sets, maps and base chains; the base chains are flushed
/// and refilled, so running it again changes nothing.
fn base_script() -> String {
    format!(
        "add table {TABLE}\n\
         add set {TABLE} bridges {{ type ifname; }}\n\
         add set {TABLE} nat4 {{ type ipv4_addr; flags interval; }}\n\
         add set {TABLE} nat6 {{ type ipv6_addr; flags interval; }}\n\
         add map {TABLE} from_bridge {{ type ifname : verdict; }}\n\
         add map {TABLE} to_bridge {{ type ifname : verdict; }}\n\
         add chain {TABLE} postrouting {{ type nat hook postrouting priority srcnat; policy accept; }}\n\
         flush chain {TABLE} postrouting\n\
         add rule {TABLE} postrouting ip saddr @nat4 oifname != @bridges masquerade\n\
         add rule {TABLE} postrouting ip6 saddr @nat6 oifname != @bridges masquerade\n\
         add chain {TABLE} forward {{ type filter hook forward priority filter; policy accept; }}\n\
         flush chain {TABLE} forward\n\
         add rule {TABLE} forward iifname vmap @from_bridge\n\
         add rule {TABLE} forward oifname vmap @to_bridge\n"
    )
}

fn nat_set(subnet: &IpNet) -> &'static str {
    match subnet {
        IpNet::V4(_) => "nat4",
        IpNet::V6(_) => "nat6",
    }
}

/// The script that makes one bridge's rules (after [`base_script`]).
pub fn ensure_script(cfg: &BridgeConfig) -> String {
    let br = &cfg.interface;
    let mut s = base_script();
    for chain in chains(br) {
        let _ = writeln!(s, "add chain {TABLE} {chain}\nflush chain {TABLE} {chain}");
    }
    let _ = writeln!(s, "add rule {TABLE} from-{br} oifname \"{br}\" accept");
    let _ = writeln!(s, "add rule {TABLE} from-{br} oifname @bridges drop");
    if cfg.internal {
        let _ = writeln!(s, "add rule {TABLE} from-{br} drop\nadd rule {TABLE} to-{br} drop");
    } else {
        let _ = writeln!(s, "add rule {TABLE} from-{br} accept");
        let _ = writeln!(s, "add rule {TABLE} to-{br} ct state established,related accept");
    }
    let _ = writeln!(s, "add element {TABLE} bridges {{ \"{br}\" }}");
    let _ = writeln!(s, "add element {TABLE} from_bridge {{ \"{br}\" : jump from-{br} }}");
    let _ = writeln!(s, "add element {TABLE} to_bridge {{ \"{br}\" : jump to-{br} }}");
    for subnet in &cfg.subnets {
        let set = nat_set(subnet);
        let _ = writeln!(s, "add element {TABLE} {set} {{ {subnet} }}");
        if cfg.internal {
            // A network made internal after the fact loses its way out.
            let _ = writeln!(s, "delete element {TABLE} {set} {{ {subnet} }}");
        }
    }
    s
}

fn chains(br: &str) -> [String; 2] {
    [format!("from-{br}"), format!("to-{br}")]
}

/// The script that removes one bridge's keys and chains and nothing else,
/// whatever part of them exists.
pub fn remove_script(cfg: &BridgeConfig) -> String {
    let br = &cfg.interface;
    let mut s = base_script();
    for chain in chains(br) {
        let _ = writeln!(s, "add chain {TABLE} {chain}");
    }
    let _ = writeln!(s, "add element {TABLE} bridges {{ \"{br}\" }}\ndelete element {TABLE} bridges {{ \"{br}\" }}");
    for (map, chain) in [("from_bridge", "from"), ("to_bridge", "to")] {
        let _ = writeln!(s, "add element {TABLE} {map} {{ \"{br}\" : jump {chain}-{br} }}");
        let _ = writeln!(s, "delete element {TABLE} {map} {{ \"{br}\" }}");
    }
    for subnet in &cfg.subnets {
        let set = nat_set(subnet);
        let _ = writeln!(s, "add element {TABLE} {set} {{ {subnet} }}\ndelete element {TABLE} {set} {{ {subnet} }}");
    }
    for chain in chains(br) {
        let _ = writeln!(s, "flush chain {TABLE} {chain}\ndelete chain {TABLE} {chain}");
    }
    s
}

pub fn ensure(ns: Option<BorrowedFd>, cfg: &BridgeConfig) -> Result<()> {
    run_ok(ns, "nft", &["-f", "-"], &ensure_script(cfg), None)
        .with_context(|| format!("set up NAT and isolation for the bridge {} with nftables", cfg.interface))
        .map(drop)
}

/// Removes the bridge's rules; with the last bridge, the whole table.
pub fn remove(ns: Option<BorrowedFd>, cfg: &BridgeConfig) -> Result<()> {
    let Some(bridges) = bridges(ns)? else { return Ok(()) };
    let script = if bridges.iter().all(|b| *b == cfg.interface) {
        format!("delete table {TABLE}\n")
    } else {
        remove_script(cfg)
    };
    run_ok(ns, "nft", &["-f", "-"], &script, None)
        .with_context(|| format!("remove the nftables rules of the bridge {}", cfg.interface))
        .map(drop)
}

/// The bridges our table knows, or `None` when there is no table.
fn bridges(ns: Option<BorrowedFd>) -> Result<Option<Vec<String>>> {
    let out = run_in(ns, "nft", &["-j", "list", "set", "inet", "pontoon", "bridges"], "", None)?;
    if !out.success {
        // No table (or no set): nothing of ours is there.
        if out.stderr.contains("No such file or directory") {
            return Ok(None);
        }
        bail!("nft list set inet pontoon bridges failed: {}", out.stderr);
    }
    parse_set_elements(&out.stdout).map(Some)
}

/// The elements of the one set in `nft -j list set`'s output.
fn parse_set_elements(json: &str) -> Result<Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(json).with_context(|| format!("read nft's description of a set: {json}"))?;
    let items = value["nftables"].as_array().map(Vec::as_slice).unwrap_or_default();
    let set = items.iter().find_map(|item| item.get("set"));
    let elements = set.and_then(|s| s["elem"].as_array()).map(Vec::as_slice).unwrap_or_default();
    Ok(elements.iter().filter_map(|e| e.as_str().map(str::to_string)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(internal: bool) -> BridgeConfig {
        BridgeConfig {
            interface: "pontoon1".into(),
            gateways: vec![],
            subnets: vec!["10.89.0.0/24".parse().unwrap(), "fd10::/64".parse().unwrap()],
            internal,
            mtu: None,
        }
    }

    #[test]
    fn a_bridge_masquerades_its_subnets_and_is_isolated() {
        let s = ensure_script(&cfg(false));
        assert!(s.contains("add rule inet pontoon postrouting ip saddr @nat4 oifname != @bridges masquerade"), "{s}");
        assert!(s.contains("add element inet pontoon nat4 { 10.89.0.0/24 }"), "{s}");
        assert!(s.contains("add element inet pontoon nat6 { fd10::/64 }"), "{s}");
        assert!(s.contains("add rule inet pontoon from-pontoon1 oifname @bridges drop"), "{s}");
        assert!(s.contains("add element inet pontoon bridges { \"pontoon1\" }"), "{s}");
        // Own chains are flushed before they are filled: a second run adds no duplicate.
        let flush = s.find("flush chain inet pontoon from-pontoon1").unwrap();
        let first_rule = s.find("add rule inet pontoon from-pontoon1").unwrap();
        assert!(flush < first_rule);
        assert!(!s.contains("delete"), "{s}");
    }

    #[test]
    fn an_internal_bridge_has_no_way_out_and_no_nat() {
        let s = ensure_script(&cfg(true));
        assert!(s.contains("add rule inet pontoon from-pontoon1 drop"), "{s}");
        assert!(s.contains("add rule inet pontoon to-pontoon1 drop"), "{s}");
        assert!(!s.contains("from-pontoon1 accept\n"), "{s}");
        assert!(s.contains("delete element inet pontoon nat4 { 10.89.0.0/24 }"), "{s}");
    }

    #[test]
    fn removal_adds_before_it_deletes_so_a_half_made_bridge_is_removed_too() {
        let s = remove_script(&cfg(false));
        for (add, delete) in [
            ("add element inet pontoon bridges { \"pontoon1\" }", "delete element inet pontoon bridges { \"pontoon1\" }"),
            ("add element inet pontoon nat4 { 10.89.0.0/24 }", "delete element inet pontoon nat4 { 10.89.0.0/24 }"),
            ("add chain inet pontoon to-pontoon1", "delete chain inet pontoon to-pontoon1"),
        ] {
            let (a, d) = (s.find(add).unwrap_or(usize::MAX), s.find(delete).unwrap_or(0));
            assert!(a < d, "{add} before {delete} in\n{s}");
        }
        // The map keys go before the chains they jump to.
        assert!(s.find("delete element inet pontoon to_bridge").unwrap() < s.find("delete chain inet pontoon to-pontoon1").unwrap());
    }

    #[test]
    fn set_elements_are_read_from_nft_json() {
        let json = r#"{"nftables":[{"metainfo":{"version":"1.0.6"}},
            {"set":{"family":"inet","name":"bridges","table":"pontoon","type":"ifname","handle":3,"elem":["pontoon0","pontoon1"]}}]}"#;
        assert_eq!(parse_set_elements(json).unwrap(), ["pontoon0", "pontoon1"]);
        let empty = r#"{"nftables":[{"set":{"family":"inet","name":"bridges","table":"pontoon","type":"ifname","handle":3}}]}"#;
        assert!(parse_set_elements(empty).unwrap().is_empty());
    }
}
