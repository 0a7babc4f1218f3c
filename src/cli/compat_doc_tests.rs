//! The other half of tests/compat_table.rs: every flag of the accepted and
//! refused tables, and every refused command, is a row of
//! docs/compatibility.md that says what pontoon does with it (the
//! integration test checks the rows against the binary, this checks that
//! no table entry is missing from the document).

use std::collections::BTreeMap;

use super::accepted::{CompatFlag, FlagTable, Treatment};
use super::refused::{self, Noun, RefusedCommand};

const DOC: &str = include_str!("../../docs/compatibility.md");

/// Each section's rows: the first cell (without backticks) to the last.
fn rows() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut section = String::new();
    for line in DOC.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim().to_string();
        } else if line.starts_with("| `") {
            let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
            let key = cells[0].trim_matches('`');
            let key = key.rsplit(", ").next().unwrap_or(key).to_string();
            out.entry(section.clone()).or_default().insert(key, cells[cells.len() - 1].replace("\\|", "|"));
        }
    }
    out
}

/// Whether a row's status says what the table does with the flag.
fn agrees(flag: &CompatFlag, status: &str) -> bool {
    match &flag.treatment {
        Treatment::Refused(message) => status == format!("refused: `{message}`"),
        Treatment::Only { message, .. } => status.starts_with("accepted-ignored") && status.contains(message),
        Treatment::Ignored { note: Some(note) } => status.starts_with("accepted-ignored") && status.contains(note),
        Treatment::Ignored { note: None } => status.starts_with("accepted-ignored"),
    }
}

fn check_flags(section: &str, flags: &[CompatFlag]) {
    let rows = rows();
    let rows = rows.get(section).unwrap_or_else(|| panic!("no ## {section} in docs/compatibility.md"));
    for flag in flags {
        let key = format!("--{}", flag.long);
        let status = rows.get(&key).unwrap_or_else(|| panic!("{section} {key} is not in docs/compatibility.md"));
        assert!(agrees(flag, status), "{section} {key}: the document says {status:?}");
    }
}

#[test]
fn every_accepted_or_refused_flag_is_documented_as_it_is_treated() {
    use super::{build_accepted::BuildTable, run_accepted::*, verbs_accepted::*};
    check_flags("run", RunTable::FLAGS);
    check_flags("create", RunTable::FLAGS);
    check_flags("create", CreateTable::FLAGS);
    check_flags("ps", PsTable::FLAGS);
    check_flags("images", ImagesTable::FLAGS);
    check_flags("exec", ExecTable::FLAGS);
    check_flags("logs", LogsTable::FLAGS);
    check_flags("rm", RmTable::FLAGS);
    check_flags("build", BuildTable::FLAGS);
    check_flags("Global options", super::global_accepted::GlobalTable::FLAGS);
}

fn check_commands(noun: &str, commands: &[RefusedCommand]) {
    let rows = rows();
    let rows = rows.get("Commands").expect("a Commands table");
    for c in commands {
        let key = format!("{noun} {}", c.name).trim().to_string();
        let status = rows.get(&key).unwrap_or_else(|| panic!("command {key} is not in docs/compatibility.md"));
        assert_eq!(*status, format!("refused: `{}`", c.message), "command {key}");
    }
}

#[test]
fn every_refused_command_is_documented_with_its_message() {
    check_commands("", refused::Top::COMMANDS);
    check_commands("container", refused::Container::COMMANDS);
    check_commands("image", refused::Image::COMMANDS);
    check_commands("network", refused::Network::COMMANDS);
    check_commands("volume", refused::Volume::COMMANDS);
    check_commands("pod", refused::Pod::COMMANDS);
    check_commands("system", refused::System::COMMANDS);
    check_commands("generate", refused::Generate::COMMANDS);
    check_commands("kube", refused::Kube::COMMANDS);
}

/// (command, --flag) -> status of the rows of the section "## Flags of
/// other commands: WHICH...".
fn other_command_rows(which: &str) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    let mut inside = false;
    for line in DOC.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            inside = title.starts_with(&format!("Flags of other commands: {which}"));
        } else if inside && line.starts_with("| `") {
            let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
            let flag = cells[1].trim_matches('`');
            let flag = flag.rsplit(", ").next().unwrap_or(flag);
            out.insert((cells[0].trim_matches('`').to_string(), flag.to_string()), cells[5].replace("\\|", "|"));
        }
    }
    out
}

/// Whether Docker or Podman has `command --flag` (tests/data/upstream_flags.tsv).
fn upstream(command: &str, flag: &str) -> bool {
    include_str!("../../tests/data/upstream_flags.tsv").lines().any(|l| l.split('\t').take(2).eq([command, flag]))
}

/// Every flag of `flags` that Docker or Podman has on one of `commands` has
/// its row in the section "Flags of other commands: WHICH...", saying what
/// the table does with it.
pub(super) fn check_other_commands(which: &str, commands: &[&str], flags: &[CompatFlag]) {
    let rows = other_command_rows(which);
    for command in commands {
        for flag in flags.iter().filter(|f| upstream(command, f.long)) {
            let key = (command.to_string(), format!("--{}", flag.long));
            let status = rows.get(&key).unwrap_or_else(|| panic!("{command} --{} has no row in docs/compatibility.md", flag.long));
            assert!(agrees(flag, status), "{command} --{}: the document says {status:?}", flag.long);
        }
    }
}

#[test]
fn every_flag_of_the_pod_network_volume_kube_manifest_and_secret_tables_is_documented() {
    use super::{kube_accepted::*, network_accepted::*, pod_accepted::*};
    let check = |commands: &[&str], flags| check_other_commands("pods", commands, flags);
    check(&["pod create"], PodCreateTable::FLAGS);
    check(&["pod ps"], PodPsTable::FLAGS);
    check(&["pod logs"], PodLogsTable::FLAGS);
    check(&["pod stats"], PodStatsTable::FLAGS);
    check(&["network create"], NetworkCreateTable::FLAGS);
    check(&["network connect"], NetworkConnectTable::FLAGS);
    check(&["network inspect"], NetworkInspectTable::FLAGS);
    check(&["network rm"], NetworkRmTable::FLAGS);
    check(&["volume create"], VolumeCreateTable::FLAGS);
    check(&["volume ls"], VolumeLsTable::FLAGS);
    check(&["secret create"], SecretCreateTable::FLAGS);
    check(&["kube play"], KubePlayTable::FLAGS);
    check(&["kube down"], KubeDownTable::FLAGS);
    check(&["kube generate"], KubeGenerateTable::FLAGS);
    check(&["manifest add"], ManifestAddTable::FLAGS);
    check(&["manifest annotate"], ManifestAnnotateTable::FLAGS);
    check(&["manifest create"], ManifestCreateTable::FLAGS);
    check(&["manifest inspect"], ManifestInspectTable::FLAGS);
    check(&["manifest push"], ManifestPushTable::FLAGS);
}
