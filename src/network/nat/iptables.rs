//! The iptables backend (and ip6tables for IPv6 subnets), shaped like
//! Docker's chains so that a Docker user recognises them:
//!
//! ```text
//! nat     POSTROUTING        -j PONTOON-POSTROUTING
//!         PONTOON-POSTROUTING -s SUBNET ! -o BR -j MASQUERADE        (per bridge)
//! filter  FORWARD (first)    -j PONTOON-FORWARD
//!         PONTOON-FORWARD    -j PONTOON-ISOLATION-1 (first), then per bridge:
//!                            -i BR -j ACCEPT ; -o BR ESTABLISHED,RELATED -j ACCEPT
//!                            (internal: -i BR -o BR -j ACCEPT ; -i BR -j DROP ; -o BR -j DROP)
//!         PONTOON-ISOLATION-1 -i BR ! -o BR -j PONTOON-ISOLATION-2   (per bridge)
//!         PONTOON-ISOLATION-2 -o BR -j DROP                          (per bridge)
//! ```
//! A bridge's rules carry the comment `pontoon:BR`, the shared jumps
//! `pontoon`. Every change reads `*-save` once and applies one
//! `*-restore --noflush` (atomic per table): a bridge's tagged rules are
//! deleted and added again, so running it twice leaves one copy, and only
//! chains that do not exist yet are declared (declaring an existing chain
//! in `--noflush` mode would flush it).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::os::fd::BorrowedFd;

use anyhow::{Context, Result};
use ipnet::IpNet;

use crate::network::bridge::BridgeConfig;
use crate::network::link::{host_program, run_in, run_ok};

const SHARED_TAG: &str = "pontoon";
const NAT_CHAIN: &str = "PONTOON-POSTROUTING";
const FORWARD_CHAIN: &str = "PONTOON-FORWARD";
const ISOLATION_1: &str = "PONTOON-ISOLATION-1";
const ISOLATION_2: &str = "PONTOON-ISOLATION-2";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Family {
    V4,
    V6,
}

impl Family {
    fn tool(self, verb: &str) -> String {
        match self {
            Family::V4 => format!("iptables-{verb}"),
            Family::V6 => format!("ip6tables-{verb}"),
        }
    }
}

/// IPv4 always (isolation holds even for a bridge without IPv4 subnets);
/// IPv6 when the bridge has an IPv6 subnet.
fn families(cfg: &BridgeConfig) -> Vec<Family> {
    let mut families = vec![Family::V4];
    if cfg.subnets.iter().any(|s| matches!(s, IpNet::V6(_))) {
        families.push(Family::V6);
    }
    families
}

/// One table of `iptables-save`'s output: its chains and its rules, the
/// latter as printed (`-A CHAIN ...`).
#[derive(Debug, Default, PartialEq)]
struct Table {
    chains: BTreeSet<String>,
    rules: Vec<String>,
}

fn parse_table(save: &str, name: &str) -> Table {
    let mut table = Table::default();
    let mut inside = false;
    for line in save.lines().map(str::trim) {
        if let Some(t) = line.strip_prefix('*') {
            inside = t == name;
        } else if !inside {
        } else if let Some(chain) = line.strip_prefix(':') {
            table.chains.extend(chain.split_whitespace().next().map(str::to_string));
        } else if line.starts_with("-A ") {
            table.rules.push(line.to_string());
        }
    }
    table
}

/// The words of a saved rule, with iptables-save's double quotes and
/// backslashes undone.
fn words(rule: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    let mut chars = rule.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            '"' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            c if c.is_whitespace() && !quoted => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

fn comment(rule: &str) -> Option<String> {
    let words = words(rule);
    let at = words.iter().position(|w| w == "--comment")?;
    words.get(at + 1).cloned()
}

fn chain_of(rule: &str) -> Option<&str> {
    rule.strip_prefix("-A ")?.split_whitespace().next()
}

fn bridge_tag(bridge: &str) -> String {
    format!("pontoon:{bridge}")
}

/// `-A CHAIN spec` as printed becomes `-D CHAIN spec`.
fn deletion(rule: &str) -> String {
    format!("-D {}", rule.trim_start_matches("-A "))
}

/// Declares the chains of `wanted` that `table` lacks, and adds each
/// shared jump `(from, to, line)` unless a rule of `from` jumps to `to`.
fn shared(out: &mut String, table: &Table, wanted: &[&str], jumps: &[(&str, &str, String)]) {
    for chain in wanted.iter().filter(|c| !table.chains.contains(**c)) {
        let _ = writeln!(out, ":{chain} - [0:0]");
    }
    for (from, to, line) in jumps {
        let present = table.rules.iter().any(|r| chain_of(r) == Some(from) && words(r).windows(2).any(|w| w[0] == "-j" && w[1] == *to));
        if !present {
            let _ = writeln!(out, "{line}");
        }
    }
}

/// The `*-restore` input that makes one bridge's rules of one family.
fn ensure_script(nat: &Table, filter: &Table, cfg: &BridgeConfig, family: Family) -> String {
    let br = &cfg.interface;
    let tag = bridge_tag(br);
    let c = format!("-m comment --comment {tag}");
    let mut s = String::from("*nat\n");
    shared(&mut s, nat, &[NAT_CHAIN], &[("POSTROUTING", NAT_CHAIN, format!("-A POSTROUTING -m comment --comment {SHARED_TAG} -j {NAT_CHAIN}"))]);
    delete_tagged(&mut s, nat, &tag);
    if !cfg.internal {
        for subnet in cfg.subnets.iter().filter(|s| matches!((s, family), (IpNet::V4(_), Family::V4) | (IpNet::V6(_), Family::V6))) {
            let _ = writeln!(s, "-A {NAT_CHAIN} -s {subnet} ! -o {br} {c} -j MASQUERADE");
        }
    }
    s.push_str("COMMIT\n*filter\n");
    shared(
        &mut s,
        filter,
        &[FORWARD_CHAIN, ISOLATION_1, ISOLATION_2],
        &[
            ("FORWARD", FORWARD_CHAIN, format!("-I FORWARD 1 -m comment --comment {SHARED_TAG} -j {FORWARD_CHAIN}")),
            (FORWARD_CHAIN, ISOLATION_1, format!("-I {FORWARD_CHAIN} 1 -m comment --comment {SHARED_TAG} -j {ISOLATION_1}")),
        ],
    );
    delete_tagged(&mut s, filter, &tag);
    let _ = writeln!(s, "-A {ISOLATION_1} -i {br} ! -o {br} {c} -j {ISOLATION_2}");
    let _ = writeln!(s, "-A {ISOLATION_2} -o {br} {c} -j DROP");
    if cfg.internal {
        let _ = writeln!(s, "-A {FORWARD_CHAIN} -i {br} -o {br} {c} -j ACCEPT");
        let _ = writeln!(s, "-A {FORWARD_CHAIN} -i {br} {c} -j DROP");
        let _ = writeln!(s, "-A {FORWARD_CHAIN} -o {br} {c} -j DROP");
    } else {
        let _ = writeln!(s, "-A {FORWARD_CHAIN} -i {br} {c} -j ACCEPT");
        let _ = writeln!(s, "-A {FORWARD_CHAIN} -o {br} -m conntrack --ctstate RELATED,ESTABLISHED {c} -j ACCEPT");
    }
    s.push_str("COMMIT\n");
    s
}

fn delete_tagged(out: &mut String, table: &Table, tag: &str) {
    for rule in table.rules.iter().filter(|r| comment(r).as_deref() == Some(tag)) {
        let _ = writeln!(out, "{}", deletion(rule));
    }
}

/// The `*-restore` input that removes one bridge's rules of one family
/// and, when no other bridge has rules left in a table, our chains and
/// jumps in it. Empty when there is nothing to remove.
fn remove_script(nat: &Table, filter: &Table, bridge: &str) -> String {
    let tag = bridge_tag(bridge);
    let mut s = String::new();
    for (name, table, chains) in [("nat", nat, &[NAT_CHAIN][..]), ("filter", filter, &[FORWARD_CHAIN, ISOLATION_1, ISOLATION_2][..])] {
        let mut body = String::new();
        delete_tagged(&mut body, table, &tag);
        let others = table.rules.iter().filter_map(|r| comment(r)).any(|c| c.starts_with("pontoon:") && c != tag);
        if !others {
            delete_tagged(&mut body, table, SHARED_TAG);
            let ours: Vec<&&str> = chains.iter().filter(|c| table.chains.contains(**c)).collect();
            for chain in &ours {
                let _ = writeln!(body, "-F {chain}");
            }
            for chain in &ours {
                let _ = writeln!(body, "-X {chain}");
            }
        }
        if !body.is_empty() {
            let _ = write!(s, "*{name}\n{body}COMMIT\n");
        }
    }
    s
}

fn save(ns: Option<BorrowedFd>, family: Family) -> Result<String> {
    run_ok(ns, &family.tool("save"), &[], "", None)
}

fn restore(ns: Option<BorrowedFd>, family: Family, script: &str) -> Result<()> {
    run_ok(ns, &family.tool("restore"), &["-w", "--noflush"], script, None).map(drop)
}

pub fn ensure(ns: Option<BorrowedFd>, cfg: &BridgeConfig) -> Result<()> {
    for family in families(cfg) {
        let saved = save(ns, family)?;
        let script = ensure_script(&parse_table(&saved, "nat"), &parse_table(&saved, "filter"), cfg, family);
        restore(ns, family, &script).with_context(|| format!("set up NAT and isolation for the bridge {} with {}", cfg.interface, family.tool("restore")))?;
    }
    Ok(())
}

pub fn remove(ns: Option<BorrowedFd>, cfg: &BridgeConfig) -> Result<()> {
    for family in families(cfg) {
        if host_program(&family.tool("restore")).is_none() {
            continue;
        }
        let saved = save(ns, family)?;
        let script = remove_script(&parse_table(&saved, "nat"), &parse_table(&saved, "filter"), &cfg.interface);
        if !script.is_empty() {
            restore(ns, family, &script).with_context(|| format!("remove the {} rules of the bridge {}", family.tool("restore"), cfg.interface))?;
        }
    }
    Ok(())
}

/// Whether `FORWARD`'s policy in `ns` is DROP (as Docker sets it).
pub fn forward_policy_drops(ns: Option<BorrowedFd>) -> bool {
    let out = run_in(ns, "iptables-save", &["-t", "filter"], "", None);
    out.is_ok_and(|o| o.success && o.stdout.lines().any(|l| l.starts_with(":FORWARD DROP")))
}

#[cfg(test)]
#[path = "iptables_tests.rs"]
mod tests;
