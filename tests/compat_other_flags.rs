//! The flags Docker and Podman have on the commands pontoon implements,
//! beyond the eight commands docs/compatibility.md tables one by one
//! (tests/compat_table.rs): every flag listed in tests/data/upstream_flags.tsv
//! is either in `pontoon COMMAND --help` (supported) or has a row in the
//! document's "Flags of other commands" tables that says what pontoon does
//! with it, and each row is checked against the binary as the eight
//! commands' rows are. Both files are compiled in, so the unprivileged run
//! needs no access to the checkout.
//!
//! upstream_flags.tsv: one line per (command, flag) of Docker 28's and
//! Podman 4.3's `--help` and Podman 5.0/5.8's manual pages, with whether
//! each has it (yes/no); compose's flags are not in it.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::TestEnv;

const DOC: &str = include_str!("../docs/compatibility.md");
const UPSTREAM: &str = include_str!("data/upstream_flags.tsv");
const SECTION_PREFIX: &str = "## Flags of other commands";

/// (command, long flag) -> status, from the "Flags of other commands" tables:
/// `| \`COMMAND\` | \`--FLAG\` (or \`-f, --flag\`) | Docker | Podman 4.3 | Podman 5.x | status |`.
fn rows() -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    let mut inside = false;
    for line in DOC.lines() {
        if line.starts_with("## ") {
            inside = line.starts_with(SECTION_PREFIX);
            continue;
        }
        if !inside || !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 6, "a row of six cells: {line}");
        let command = cells[0].trim_matches('`').to_string();
        let flag = cells[1].trim_matches('`').rsplit("--").next().unwrap_or_default().to_string();
        let previous = out.insert((command.clone(), flag.clone()), cells[5].replace("\\|", "|"));
        assert!(previous.is_none(), "two rows for {command} --{flag}");
    }
    out
}

fn refusal(status: &str) -> Option<&str> {
    let (_, rest) = status.split_once("refused: `")?;
    rest.strip_suffix('`')
}

/// Whether `pontoon COMMAND --FLAG --help` or `--FLAG=true --help` parses.
fn parses(env: &TestEnv, command: &str, flag: &str) -> bool {
    [format!("--{flag}"), format!("--{flag}=true")].iter().any(|f| {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.extend([f.as_str(), "--help"]);
        env.run(&args).status.success()
    })
}

/// Whether `pontoon COMMAND --FLAG=x [NAME]` fails with exit 125 and
/// `message` (with or without a name after it, for commands that want one).
fn refuses(env: &TestEnv, command: &str, flag: &str, message: &str) -> Result<(), String> {
    let given = format!("--{flag}=x");
    let mut seen = Vec::new();
    for extra in [&[][..], &["no-such-object-compat"], &["no-such-object-compat", "no-such-object-compat"]] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.push(&given);
        args.extend_from_slice(extra);
        let out = env.run(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.code() == Some(125) && err.contains(message) {
            return Ok(());
        }
        seen.push(format!("{:?}: {err}", out.status.code()));
    }
    Err(format!("{command} --{flag}: expected exit 125 and {message:?}, saw {}", seen.join(" / ")))
}

#[test]
fn every_upstream_flag_of_the_other_commands_is_supported_or_has_a_row_that_holds() {
    let env = TestEnv::new();
    let rows = rows();
    let mut upstream: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in UPSTREAM.lines().filter(|l| !l.is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 5, "command, flag, docker, podman 4.3, podman 5.x: {line}");
        upstream.entry(cells[0].to_string()).or_default().insert(cells[1].to_string());
    }
    let mut failures = Vec::new();
    let mut shown = BTreeMap::new();
    for (command, flags) in &upstream {
        let visible = env.help_flags(&command.split(' ').collect::<Vec<_>>());
        for flag in flags.iter().filter(|f| !visible.contains(*f) && !rows.contains_key(&(command.clone(), (*f).clone()))) {
            failures.push(format!("{command} --{flag}: Docker's or Podman's, not in pontoon {command} --help and no row in docs/compatibility.md"));
        }
        shown.insert(command.clone(), visible);
    }
    for ((command, flag), status) in &rows {
        let visible = match shown.get(command) {
            Some(v) => v.clone(),
            None => env.help_flags(&command.split(' ').collect::<Vec<_>>()),
        };
        let status = status.as_str();
        if status == "supported" || status.starts_with("supported:") {
            if !visible.contains(flag) {
                failures.push(format!("{command} --{flag}: supported, but not in pontoon {command} --help"));
            }
        } else if status.starts_with("alias of") || status.starts_with("accepted-ignored") || status.starts_with("accepted") {
            if !parses(&env, command, flag) {
                failures.push(format!("{command} --{flag}: {status}, but the parser does not take it"));
            }
        } else if let Some(message) = refusal(status).filter(|_| status.starts_with("refused")) {
            if let Err(e) = refuses(&env, command, flag, message) {
                failures.push(e);
            }
        } else {
            failures.push(format!("{command} --{flag}: unknown status {status:?}"));
        }
    }
    assert!(failures.is_empty(), "{} flags disagree:\n{}", failures.len(), failures.join("\n"));
}
