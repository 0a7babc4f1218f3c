//! `pontoon __complete -- WORDS...`: the names of containers, images,
//! volumes, networks, pods or secrets where the command line being typed
//! takes one. The generated bash, zsh and fish completions (docs.rs) call
//! it first and fall back to their own (flags, subcommands) when it exits 1.
//!
//! Which positional takes what is read from the clap definition itself (its
//! value names, `<CONTAINER>`, `<IMAGE>`..., and for `<NAME>` the noun it is
//! under, `volume rm`), so a new verb is completed without a table here.

use anyhow::Result;
use clap::{Arg, ArgAction, Args, Command};

use crate::errors::PontoonError;

#[derive(Args, Debug)]
pub struct CompleteArgs {
    /// The words after `pontoon` up to the cursor; the last one is the word being completed (empty for a new word)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub words: Vec<String>,
}

/// What a name on the command line stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Container,
    Image,
    Volume,
    Network,
    Pod,
    Secret,
}

/// The names to offer, and the global flags (`--root DIR`...) typed before
/// them, so that the names come from the store the command will use.
#[derive(Debug, PartialEq, Eq)]
struct Wanted {
    kinds: Vec<Kind>,
    store_flags: Vec<String>,
}

/// Global flags that choose the store, passed on to the listing commands.
const STORE_FLAGS: [&str; 4] = ["root", "runroot", "storage-driver", "storage-opt"];

pub fn complete(args: CompleteArgs) -> Result<()> {
    let mut cmd = super::command();
    // Propagates the global flags into every subcommand, as parsing does.
    cmd.build();
    let Some(wanted) = wanted(&cmd, &args.words) else {
        return Err(PontoonError::Exit(1).into());
    };
    for kind in &wanted.kinds {
        for name in list(*kind, &wanted.store_flags) {
            println!("{name}");
        }
    }
    Ok(())
}

/// Where the last word of `words` is a name, which kinds it may be.
fn wanted(root: &Command, words: &[String]) -> Option<Wanted> {
    let (current, typed) = words.split_last()?;
    if current.starts_with('-') {
        return None;
    }
    let mut parents: Vec<&Command> = Vec::new();
    let mut cmd = root;
    let mut positionals = 0;
    let mut store_flags = Vec::new();
    let mut after_dashes = false;
    let mut i = 0;
    while i < typed.len() {
        let word = &typed[i];
        i += 1;
        if !after_dashes && word == "--" {
            after_dashes = true;
        } else if !after_dashes && word.starts_with('-') && word.len() > 1 {
            let Some((arg, inline)) = option(cmd, word) else { continue };
            if !takes_value(arg) {
                continue;
            }
            let value = match inline {
                Some(v) => v,
                // The word being completed is the option's value.
                None if i == typed.len() => {
                    let kinds = option_kinds(arg);
                    return (!kinds.is_empty()).then_some(Wanted { kinds, store_flags });
                }
                None => {
                    i += 1;
                    typed[i - 1].clone()
                }
            };
            if let Some(long) = arg.get_long().filter(|l| STORE_FLAGS.contains(l)) {
                store_flags.extend([format!("--{long}"), value]);
            }
        } else if positionals == 0 && !after_dashes && cmd.find_subcommand(word).is_some() {
            parents.push(cmd);
            cmd = cmd.find_subcommand(word)?;
        } else {
            positionals += 1;
            // After `run IMAGE` or `exec CONTAINER` every word is the
            // container's command's, flags included.
            after_dashes |= cmd.get_positionals().any(Arg::is_trailing_var_arg_set);
        }
    }
    if cmd.has_subcommands() && positionals == 0 {
        return None;
    }
    let slot = slot(cmd, positionals)?;
    // The command's path under `pontoon`: `volume rm`.
    let path: Vec<&str> = parents.iter().skip(1).map(|c| c.get_name()).chain([cmd.get_name()]).collect();
    let kinds = kinds(&slot, &path);
    (!kinds.is_empty()).then_some(Wanted { kinds, store_flags })
}

/// The option `word` names in `cmd` (a long one, or the last letter of a
/// cluster of short ones that takes a value), with a value given in the
/// same word (`--name=x`, `-ux`).
fn option<'a>(cmd: &'a Command, word: &str) -> Option<(&'a Arg, Option<String>)> {
    if let Some(long) = word.strip_prefix("--") {
        let (name, inline) = match long.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (long, None),
        };
        let arg = cmd.get_arguments().find(|a| a.get_long() == Some(name) || a.get_all_aliases().is_some_and(|al| al.contains(&name)))?;
        return Some((arg, inline));
    }
    let letters = word.strip_prefix('-')?;
    for (at, letter) in letters.char_indices() {
        let arg = cmd.get_arguments().find(|a| a.get_short() == Some(letter) || a.get_all_short_aliases().is_some_and(|al| al.contains(&letter)))?;
        if takes_value(arg) {
            let rest = &letters[at + letter.len_utf8()..];
            let rest = rest.strip_prefix('=').unwrap_or(rest);
            return Some((arg, (!rest.is_empty()).then(|| rest.to_string())));
        }
        if at + letter.len_utf8() == letters.len() {
            return Some((arg, None));
        }
    }
    None
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values() && arg.get_num_args().is_none_or(|n| n.max_values() > 0)
}

/// The value name of the `n`th positional word of `cmd` (from 0): each
/// positional's value names in turn, the last repeating when it takes
/// several (`<IMAGE> [COMMAND]...`, `[CONTAINERS]...`).
fn slot(cmd: &Command, n: usize) -> Option<String> {
    let mut positionals: Vec<&Arg> = cmd.get_positionals().collect();
    positionals.sort_by_key(|a| a.get_index().unwrap_or(usize::MAX));
    let mut slots: Vec<String> = Vec::new();
    let mut repeats = false;
    for arg in positionals {
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![arg.get_id().as_str().to_uppercase()],
        };
        repeats = matches!(arg.get_action(), ArgAction::Append) || arg.get_num_args().is_some_and(|r| r.max_values() > 1);
        slots.extend(names);
    }
    match slots.get(n) {
        Some(s) => Some(s.clone()),
        None if repeats => slots.last().cloned(),
        None => None,
    }
}

/// The kinds an option's value may name: `--volumes-from CONTAINER`,
/// `--requires CONTAINERS`, `--network`, `--pod`, `--secret`. Not by the
/// noun as for positionals: `pod create --name` names a new pod.
fn option_kinds(arg: &Arg) -> Vec<Kind> {
    let value_name = arg.get_value_names().and_then(|n| n.first()).map(|n| n.to_string()).unwrap_or_default();
    match (arg.get_long(), value_name.split(['[', '|', ',']).next().unwrap_or_default()) {
        (_, "CONTAINER" | "CONTAINERS") => vec![Kind::Container],
        (_, "IMAGE") => vec![Kind::Image],
        (Some("network" | "net"), _) => vec![Kind::Network],
        (Some("pod"), _) => vec![Kind::Pod],
        (Some("secret"), "NAME") => vec![Kind::Secret],
        _ => Vec::new(),
    }
}

/// The kinds a value name stands for; `<NAME>` stands for the object of
/// the noun it is under (`volume rm`, `pod inspect`), and the top-level
/// `inspect`'s for containers and images.
fn kinds(value_name: &str, path: &[&str]) -> Vec<Kind> {
    let by_noun = || match path.first().copied() {
        Some("container") => vec![Kind::Container],
        Some("image") => vec![Kind::Image],
        Some("volume") => vec![Kind::Volume],
        Some("network") => vec![Kind::Network],
        Some("pod") => vec![Kind::Pod],
        Some("secret") => vec![Kind::Secret],
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for part in value_name.split('|') {
        let found = match part {
            "CONTAINER" | "CONTAINERS" => vec![Kind::Container],
            "IMAGE" | "IMAGES" => vec![Kind::Image],
            "SOURCE" if path.last() == Some(&"tag") => vec![Kind::Image],
            "VOLUME" | "VOLUMES" => vec![Kind::Volume],
            "NETWORK" | "NETWORKS" => vec![Kind::Network],
            "POD" | "PODS" => vec![Kind::Pod],
            "NAME" | "NAMES" if path == ["inspect"] => vec![Kind::Container, Kind::Image],
            "NAME" | "NAMES" => by_noun(),
            _ => Vec::new(),
        };
        for k in found {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// The names of `kind` in the store, as `pontoon ls` prints them; nothing
/// when listing fails (no store yet, a store of another user's): a
/// completion stays quiet.
fn list(kind: Kind, store_flags: &[String]) -> Vec<String> {
    let (command, format): (&[&str], &str) = match kind {
        Kind::Container => (&["ps", "-a"], "{{.Names}}"),
        Kind::Image => (&["images"], "{{.Repository}}:{{.Tag}}"),
        Kind::Volume => (&["volume", "ls"], "{{.Name}}"),
        Kind::Network => (&["network", "ls"], "{{.Name}}"),
        Kind::Pod => (&["pod", "ps"], "{{.Name}}"),
        Kind::Secret => (&["secret", "ls"], "{{.Name}}"),
    };
    let Ok(exe) = std::env::current_exe() else { return Vec::new() };
    let out = std::process::Command::new(exe)
        .args(store_flags)
        .args(command)
        .args(["--format", format])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    match out {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim)
            // Images without a name (`<none>:<none>`) cannot be typed.
            .filter(|l| !l.is_empty() && !l.contains("<none>"))
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{wanted, Kind};

    fn kinds_at(line: &str) -> Option<Vec<Kind>> {
        let mut cmd = crate::cli::command();
        cmd.build();
        let mut words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        if line.ends_with(' ') {
            words.push(String::new());
        }
        wanted(&cmd, &words).map(|w| w.kinds)
    }

    #[test]
    fn verbs_complete_the_names_they_take() {
        use Kind::*;
        let cases: &[(&str, Option<Vec<Kind>>)] = &[
            ("rm ", Some(vec![Container])),
            ("rm -f web ", Some(vec![Container])),
            ("rm -t 1 we", Some(vec![Container])),
            ("stop -t ", None),
            ("run --volumes-from ", Some(vec![Container])),
            ("create --requires ", Some(vec![Container])),
            ("run --network ", Some(vec![Network])),
            ("run -it --pod ", Some(vec![Pod])),
            ("run --secret ", Some(vec![Secret])),
            ("run --name ", None),
            ("pod create --name ", None),
            ("volume create --label ", None),
            ("start --all ", Some(vec![Container])),
            ("logs --tail 5 ", Some(vec![Container])),
            ("logs web ", None),
            ("exec -it ", Some(vec![Container])),
            ("exec -u 0 web ", None),
            ("container rm ", Some(vec![Container])),
            ("container inspect ", Some(vec![Container])),
            ("container exists ", Some(vec![Container])),
            ("inspect ", Some(vec![Container, Image])),
            ("run --rm -e A=1 ", Some(vec![Image])),
            ("run --name=x busy", Some(vec![Image])),
            ("run busybox ", None),
            ("run -it busybox sh -c ", None),
            ("run busybox ls --network ", None),
            ("exec web ls --volumes-from ", None),
            ("create ", Some(vec![Image])),
            ("rmi ", Some(vec![Image])),
            ("image rm a ", Some(vec![Image])),
            ("tag ", Some(vec![Image])),
            ("tag busybox ", None),
            ("push ", Some(vec![Image])),
            ("history ", Some(vec![Image])),
            ("volume rm ", Some(vec![Volume])),
            ("network rm ", Some(vec![Network])),
            ("network connect ", Some(vec![Network])),
            ("network connect net ", Some(vec![Container])),
            ("pod rm ", Some(vec![Pod])),
            ("secret rm ", Some(vec![Secret])),
            ("--root /tmp/x rm ", Some(vec![Container])),
            ("", None),
            ("r", None),
            ("volume ", None),
            ("rm -", None),
            ("ps ", None),
        ];
        for (line, want) in cases {
            assert_eq!(&kinds_at(line), want, "pontoon {line}<TAB>");
        }
    }

    #[test]
    fn the_store_flags_typed_before_the_verb_are_passed_on() {
        let mut cmd = crate::cli::command();
        cmd.build();
        let words: Vec<String> = ["--root", "/s", "--log-level", "debug", "--runroot=/r", "rm", ""].iter().map(|w| w.to_string()).collect();
        let w = wanted(&cmd, &words).expect("rm takes containers");
        assert_eq!(w.store_flags, ["--root", "/s", "--runroot", "/r"]);
    }
}
