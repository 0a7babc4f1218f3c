//! One instruction's arguments into its typed [`Instruction`] (FROM, which
//! starts a stage, is read by [`super::stages`]).

use super::error::{fail, Result};
use super::healthcheck::parse_healthcheck;
use super::model::{Add, ArgDecl, Copy, Heredoc, Instruction, Run, RunNetwork, Source, Transfer};
use super::mount::parse_mount;
use super::words::{command, json_form, key_values, split_words, take_flags, FlagKind, FlagSpec};

/// Every instruction with how to write it, for "needs arguments" and
/// "unknown instruction" messages.
pub const USAGE: &[(&str, &str)] = &[
    ("FROM", "FROM [--platform=P] IMAGE [AS NAME]"),
    ("RUN", "RUN [--mount=...] [--network=none] COMMAND"),
    ("CMD", "CMD [\"executable\", \"arg\"] or CMD command"),
    ("ENTRYPOINT", "ENTRYPOINT [\"executable\", \"arg\"] or ENTRYPOINT command"),
    ("ENV", "ENV KEY=VALUE ..."),
    ("ARG", "ARG NAME[=DEFAULT] ..."),
    ("LABEL", "LABEL KEY=VALUE ..."),
    ("EXPOSE", "EXPOSE PORT[/PROTO] ..."),
    ("VOLUME", "VOLUME [\"/path\"] or VOLUME /path ..."),
    ("USER", "USER USER[:GROUP]"),
    ("WORKDIR", "WORKDIR /path"),
    ("COPY", "COPY [--from=STAGE] [--chown=U:G] [--chmod=M] SRC... DEST"),
    ("ADD", "ADD [--chown=U:G] [--chmod=M] SRC... DEST"),
    ("HEALTHCHECK", "HEALTHCHECK [OPTIONS] CMD command, or HEALTHCHECK NONE"),
    ("SHELL", "SHELL [\"executable\", \"arg\"]"),
    ("STOPSIGNAL", "STOPSIGNAL SIGNAL"),
    ("ONBUILD", "ONBUILD INSTRUCTION ARGS"),
    ("MAINTAINER", "MAINTAINER NAME"),
];

const NO_FLAGS: FlagSpec = &[];
const RUN_FLAGS: FlagSpec =
    &[("mount", FlagKind::Repeated), ("network", FlagKind::Text), ("security", FlagKind::Text)];
const COPY_FLAGS: FlagSpec = &[
    ("from", FlagKind::Text),
    ("chown", FlagKind::Text),
    ("chmod", FlagKind::Text),
    ("link", FlagKind::Switch),
    ("parents", FlagKind::Switch),
    ("exclude", FlagKind::Repeated),
];
const ADD_FLAGS: FlagSpec = &[
    ("chown", FlagKind::Text),
    ("chmod", FlagKind::Text),
    ("link", FlagKind::Switch),
    ("checksum", FlagKind::Text),
    ("keep-git-dir", FlagKind::Switch),
    ("exclude", FlagKind::Repeated),
];

/// `keyword` is upper case; `heredocs` are the bodies the lexer collected
/// for this line's markers.
pub fn parse_instruction(keyword: &str, args: &str, heredocs: Vec<Heredoc>, escape: char) -> Result<Instruction> {
    let Some((_, usage)) = USAGE.iter().find(|(k, _)| *k == keyword) else {
        // Two edits catch a swapped pair (FORM); short words allow only one.
        let allowed = if keyword.len() >= 4 { 2 } else { 1 };
        if let Some((near, _)) = USAGE.iter().find(|(k, _)| edit_distance(k, keyword) <= allowed) {
            return fail(format!("unknown instruction {keyword}: did you mean {near}?"));
        }
        let known: Vec<&str> = USAGE.iter().map(|(k, _)| *k).collect();
        return fail(format!("unknown instruction {keyword}: use one of {}", known.join(", ")));
    };
    if args.trim().is_empty() {
        return fail(format!("{keyword} needs arguments: write {usage}"));
    }
    match keyword {
        "RUN" => run(args, heredocs),
        "COPY" => copy(args, heredocs, escape),
        "ADD" => add(args, heredocs, escape),
        "HEALTHCHECK" => Ok(Instruction::Healthcheck(parse_healthcheck(args)?)),
        "ONBUILD" => onbuild(args, escape),
        "FROM" => fail("FROM cannot be used here: it starts a stage at the top level only"),
        _ => {
            let (_, rest) = take_flags(args, keyword, NO_FLAGS)?;
            simple(keyword, rest, escape, usage)
        }
    }
}

/// Instructions without flags.
fn simple(keyword: &str, rest: &str, escape: char, usage: &str) -> Result<Instruction> {
    let whole = rest.trim().to_string();
    Ok(match keyword {
        "CMD" => Instruction::Cmd(command(rest)?),
        "ENTRYPOINT" => Instruction::Entrypoint(command(rest)?),
        "ENV" => Instruction::Env(key_values(rest, keyword, escape)?),
        "LABEL" => Instruction::Label(key_values(rest, keyword, escape)?),
        "ARG" => Instruction::Arg(arg_decls(rest, escape)?),
        "EXPOSE" => Instruction::Expose(split_words(rest, escape)),
        "VOLUME" => Instruction::Volume(volumes(rest, escape)?),
        "USER" => Instruction::User(whole),
        "WORKDIR" => Instruction::Workdir(whole),
        "STOPSIGNAL" => Instruction::StopSignal(whole),
        "MAINTAINER" => Instruction::Maintainer(whole),
        "SHELL" => match json_form(rest) {
            Some(Ok(list)) if !list.is_empty() => Instruction::Shell(list),
            Some(Err(e)) => return Err(e),
            _ => return fail(format!("SHELL needs the JSON form: write {usage}")),
        },
        other => return fail(format!("unknown instruction {other}")),
    })
}

fn run(args: &str, heredocs: Vec<Heredoc>) -> Result<Instruction> {
    let (flags, rest) = take_flags(args, "RUN", RUN_FLAGS)?;
    if rest.is_empty() {
        return fail("RUN needs a command after its flags: write RUN [--mount=...] COMMAND");
    }
    let mounts =
        flags.repeated("mount").iter().map(|m| parse_mount(m)).collect::<Result<Vec<_>>>()?;
    let network = match flags.text("network").as_deref() {
        None => None,
        Some("default") => Some(RunNetwork::Default),
        Some("none") => Some(RunNetwork::None),
        Some("host") => Some(RunNetwork::Host),
        Some(other) => return fail(format!("--network={other} is unknown: use default, none or host")),
    };
    let security = flags.text("security");
    if let Some(s) = security.as_deref().filter(|s| *s != "insecure" && *s != "sandbox") {
        return fail(format!("--security={s} is unknown: use sandbox or insecure"));
    }
    Ok(Instruction::Run(Run { command: command(rest)?, mounts, network, security, heredocs }))
}

fn copy(args: &str, heredocs: Vec<Heredoc>, escape: char) -> Result<Instruction> {
    let (flags, rest) = take_flags(args, "COPY", COPY_FLAGS)?;
    let transfer = transfer("COPY", &flags, rest, heredocs, escape)?;
    Ok(Instruction::Copy(Copy { transfer, from: flags.text("from"), parents: flags.switch("parents") }))
}

fn add(args: &str, heredocs: Vec<Heredoc>, escape: char) -> Result<Instruction> {
    let (flags, rest) = take_flags(args, "ADD", ADD_FLAGS)?;
    let transfer = transfer("ADD", &flags, rest, heredocs, escape)?;
    Ok(Instruction::Add(Add {
        transfer,
        checksum: flags.text("checksum"),
        keep_git_dir: flags.switch("keep-git-dir"),
    }))
}

/// COPY and ADD operands: JSON or words, `<<EOF` words taking the heredoc
/// bodies in order, the last operand the destination.
fn transfer(
    keyword: &str,
    flags: &super::words::Flags,
    rest: &str,
    heredocs: Vec<Heredoc>,
    escape: char,
) -> Result<Transfer> {
    let words = match json_form(rest) {
        Some(list) => list?,
        None => split_words(rest, escape),
    };
    let mut bodies = heredocs.into_iter();
    let mut sources = Vec::new();
    for word in &words {
        let body = if word.starts_with("<<") { bodies.next() } else { None };
        match body {
            Some(body) => sources.push(Source::Heredoc(body)),
            None => sources.push(Source::Path(word.clone())),
        }
    }
    let dest = match sources.pop() {
        Some(Source::Path(dest)) if !sources.is_empty() => dest,
        Some(Source::Heredoc(h)) => {
            return fail(format!("the destination cannot be the heredoc <<{}: write {keyword} <<{} /path/to/file", h.name, h.name))
        }
        _ => {
            return fail(format!(
                "{keyword} needs a source and a destination: write {keyword} SRC... DEST"
            ))
        }
    };
    if sources.iter().any(|s| matches!(s, Source::Path(p) if p.is_empty())) {
        return fail(format!("{keyword} has an empty source: remove the \"\""));
    }
    Ok(Transfer {
        sources,
        dest,
        chown: flags.text("chown"),
        chmod: flags.text("chmod"),
        link: flags.switch("link"),
        exclude: flags.repeated("exclude"),
    })
}

fn arg_decls(rest: &str, escape: char) -> Result<Vec<ArgDecl>> {
    split_words(rest, escape)
        .into_iter()
        .map(|word| {
            let (name, default) = match word.split_once('=') {
                Some((n, d)) => (n.to_string(), Some(d.to_string())),
                None => (word.clone(), None),
            };
            let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid {
                return fail(format!("ARG name {name:?} is not a variable name: use letters, digits and _"));
            }
            Ok(ArgDecl { name, default })
        })
        .collect()
}

fn volumes(rest: &str, escape: char) -> Result<Vec<String>> {
    let list = match json_form(rest) {
        Some(list) => list?,
        None => split_words(rest, escape),
    };
    if list.is_empty() || list.iter().any(|v| v.trim().is_empty()) {
        return fail("VOLUME has an empty path: write VOLUME /data or VOLUME [\"/data\"]");
    }
    Ok(list)
}

/// `ONBUILD INSTRUCTION ARGS`: checked now, run by a build FROM this image.
fn onbuild(args: &str, escape: char) -> Result<Instruction> {
    let (_, trigger) = take_flags(args, "ONBUILD", NO_FLAGS)?;
    let trigger = trigger.trim();
    let (word, inner_args) = match trigger.find(char::is_whitespace) {
        Some(at) => (&trigger[..at], trigger[at..].trim_start()),
        None => (trigger, ""),
    };
    let inner = word.to_ascii_uppercase();
    if ["ONBUILD", "FROM", "MAINTAINER"].contains(&inner.as_str()) {
        return fail(format!("ONBUILD cannot trigger {inner}: Docker does not allow it as a trigger"));
    }
    let instruction = parse_instruction(&inner, inner_args, Vec::new(), escape)?;
    Ok(Instruction::OnBuild { trigger: trigger.to_string(), instruction: Box::new(instruction) })
}

/// Levenshtein distance, for "did you mean" on a mistyped keyword.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
