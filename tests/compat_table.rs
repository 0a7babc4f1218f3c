//! docs/compatibility.md against the binary: every command and flag row
//! says what pontoon does, and this walks the rows to check that it does
//! it, and that every command and flag pontoon has is in the tables (so the
//! document cannot go stale). The document is compiled in, so that the
//! unprivileged run needs no access to the checkout.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::TestEnv;

const DOC: &str = include_str!("../docs/compatibility.md");
const COMMANDS: [&str; 8] = ["run", "create", "ps", "build", "images", "exec", "logs", "rm"];

/// One table row: the first cell without backticks, and the last cell.
struct Row {
    key: String,
    status: String,
}

/// The rows of each `## SECTION`, by section name.
fn sections() -> BTreeMap<String, Vec<Row>> {
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut section = String::new();
    for line in DOC.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim().to_string();
            continue;
        }
        let cells: Vec<&str> = line.trim().trim_matches('|').split(" | ").map(str::trim).collect();
        if !line.starts_with("| `") || cells.len() < 4 {
            continue;
        }
        // A `|` inside a cell is written `\|`: the split above leaves it whole.
        let row = Row { key: cells[0].trim_matches('`').to_string(), status: cells[cells.len() - 1].replace("\\|", "|") };
        out.entry(section.clone()).or_default().push(row);
    }
    out
}

/// The long flag of a row's key (`-e, --env` is `env`).
fn long_flag(key: &str) -> String {
    key.rsplit("--").next().unwrap_or_default().to_string()
}

/// The message of a `refused: `MESSAGE`` status (also the refusal of an
/// accepted flag's other values).
fn refusal(status: &str) -> Option<&str> {
    let (_, rest) = status.split_once("refused: `")?;
    rest.strip_suffix('`')
}

/// Words that complete a command line after its flags, so that a refused
/// flag is reached (and nothing else is done if it were not refused: the
/// container and image do not exist).
fn positionals(command: &str) -> &'static [&'static str] {
    match command {
        "run" | "create" => &["no-such-image-compat", "true"],
        "exec" => &["no-such-container-compat", "true"],
        "logs" | "rm" => &["no-such-container-compat"],
        "build" => &["/nonexistent-compat-context"],
        _ => &[],
    }
}

/// Whether `pontoon COMMAND --FLAG --help` or `--FLAG=true --help` parses
/// (no command: a global option).
fn parses(env: &TestEnv, command: Option<&str>, flag: &str) -> bool {
    [format!("--{flag}"), format!("--{flag}=true")].iter().any(|f| {
        let args: Vec<&str> = command.into_iter().chain([f.as_str(), "--help"]).collect();
        env.run(&args).status.success()
    })
}

#[test]
fn every_flag_row_of_the_eight_commands_is_what_pontoon_does() {
    let env = TestEnv::new();
    let sections = sections();
    let global: BTreeSet<String> = sections.get("Global options").expect("a Global options table").iter().map(|r| long_flag(&r.key)).collect();
    let mut failures = Vec::new();
    for command in COMMANDS {
        let rows = sections.get(command).unwrap_or_else(|| panic!("no ## {command} table"));
        let visible = env.help_flags(&[command]);
        let listed: BTreeSet<String> = rows.iter().map(|r| long_flag(&r.key)).collect();
        for flag in visible.iter().filter(|f| !listed.contains(*f) && !global.contains(*f)) {
            failures.push(format!("{command} --{flag} is in --help but not in docs/compatibility.md"));
        }
        for row in rows {
            let flag = long_flag(&row.key);
            let status = row.status.as_str();
            if status == "supported" || status.starts_with("supported:") {
                if !visible.contains(&flag) {
                    failures.push(format!("{command} --{flag}: supported, but not in pontoon {command} --help"));
                }
            } else if status.starts_with("alias of") || status.starts_with("accepted-ignored") {
                if !parses(&env, Some(command), &flag) {
                    failures.push(format!("{command} --{flag}: {status}, but the parser does not take it"));
                }
                if let Some(message) = refusal(status) {
                    check_refused(&env, command, &flag, message, &mut failures);
                }
            } else if let Some(message) = refusal(status).filter(|_| status.starts_with("refused")) {
                check_refused(&env, command, &flag, message, &mut failures);
            } else {
                failures.push(format!("{command} --{flag}: unknown status {status:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} rows disagree with pontoon:\n{}", failures.len(), failures.join("\n"));
}

fn check_refused(env: &TestEnv, command: &str, flag: &str, message: &str, failures: &mut Vec<String>) {
    let given = format!("--{flag}=x");
    let mut args = vec![command, given.as_str()];
    args.extend_from_slice(positionals(command));
    let (code, stderr) = env.fails(&args);
    if code != 125 || !stderr.lines().any(|l| l.starts_with("Error: ") && l.contains(message)) {
        failures.push(format!("pontoon {}: exit {code}, {stderr:?}; the table says `{message}` and 125", args.join(" ")));
    }
}

#[test]
fn every_command_row_is_what_pontoon_does() {
    let env = TestEnv::new();
    let sections = sections();
    let rows = sections.get("Commands").expect("a Commands table");
    let mut failures = Vec::new();
    for row in rows {
        let words: Vec<&str> = row.key.split_whitespace().collect();
        let status = row.status.as_str();
        if status == "supported" || status.starts_with("alias of") {
            let mut args = words.clone();
            args.push("--help");
            let out = env.run(&args);
            if !out.status.success() {
                failures.push(format!("pontoon {}: {status}, but {}", args.join(" "), common::describe(&out)));
            }
        } else if let Some(message) = refusal(status) {
            // `--help` too gets the refusal: the command does not exist.
            for extra in [&[][..], &["--help"][..]] {
                let mut args = words.clone();
                args.extend_from_slice(extra);
                let (code, stderr) = env.fails(&args);
                if code != 125 || stderr.trim() != format!("Error: {message}") {
                    failures.push(format!("pontoon {}: exit {code}, {stderr:?}; the table says `{message}` and 125", args.join(" ")));
                }
            }
        } else {
            failures.push(format!("{}: unknown status {status:?}", row.key));
        }
    }
    assert!(failures.is_empty(), "{} command rows disagree with pontoon:\n{}", failures.len(), failures.join("\n"));
}

/// Every visible command of pontoon's tree, by the `Commands:` lists of
/// `--help`, is a row of the Commands table.
#[test]
fn every_pontoon_command_is_in_the_table() {
    let env = TestEnv::new();
    let sections = sections();
    let listed: BTreeSet<&str> = sections.get("Commands").expect("a Commands table").iter().map(|r| r.key.as_str()).collect();
    let mut missing = Vec::new();
    let mut pending = vec![Vec::<String>::new()];
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let help = env.ok(&args);
        let list = help.split("\nCommands:\n").nth(1).and_then(|rest| rest.split("\n\n").next()).unwrap_or_default();
        for line in list.lines().filter(|l| l.starts_with("  ") && !l.starts_with("   ")) {
            let Some(name) = line.split_whitespace().next() else { continue };
            let mut child = path.clone();
            child.push(name.to_string());
            let key = child.join(" ");
            if !listed.contains(key.as_str()) {
                missing.push(key);
            }
            pending.push(child);
        }
    }
    assert!(missing.is_empty(), "commands missing from docs/compatibility.md: {missing:?}");
}

#[test]
fn global_options_rows_are_what_pontoon_does() {
    let env = TestEnv::new();
    let visible = env.help_flags(&[]);
    let sections = sections();
    let rows = sections.get("Global options").expect("a Global options table");
    let supported: BTreeSet<String> = rows.iter().filter(|r| r.status == "supported").map(|r| long_flag(&r.key)).collect();
    assert_eq!(supported, visible, "the supported global options are `pontoon --help`'s options");
    let mut failures = Vec::new();
    for row in rows.iter().filter(|r| r.status != "supported") {
        let flag = long_flag(&row.key);
        if row.status.starts_with("accepted-ignored") && !parses(&env, None, &flag) {
            failures.push(format!("--{flag}: {}, but the parser does not take it", row.status));
        }
        if let Some(message) = refusal(&row.status) {
            // With a value, or bare for a plain boolean (`--remote`).
            let refused = [format!("--{flag}=x"), format!("--{flag}")].iter().any(|given| {
                let (code, stderr) = env.fails(&[given.as_str(), "version"]);
                code == 125 && stderr.lines().any(|l| l.starts_with("Error: ") && l.contains(message))
            });
            if !refused {
                failures.push(format!("pontoon --{flag} version: the table says `{message}` and 125"));
            }
        }
    }
    assert!(failures.is_empty(), "{} global options disagree with pontoon:\n{}", failures.len(), failures.join("\n"));
}
