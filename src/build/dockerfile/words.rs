//! Splitting an instruction's arguments: leading `--flags`, words, the JSON
//! (exec) form and `key=value` pairs.

use super::error::{fail, Result};
use super::model::{Command, KeyValue};

/// How a flag takes its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagKind {
    /// `--from=x`, once.
    Text,
    /// `--link` or `--link=true|false`.
    Switch,
    /// `--mount=...`, as many times as given.
    Repeated,
}

/// The flags an instruction accepts.
pub type FlagSpec = &'static [(&'static str, FlagKind)];

/// Flags given to one instruction, by name.
#[derive(Debug, Default)]
pub struct Flags {
    given: Vec<(String, String)>,
}

impl Flags {
    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.given.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    pub fn switch(&self, name: &str) -> bool {
        self.given.iter().any(|(n, v)| n == name && v == "true")
    }

    pub fn repeated(&self, name: &str) -> Vec<String> {
        self.given.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }
}

/// Takes the leading `--name[=value]` words off `args` (a lone `--` ends
/// them) and checks them against `spec`; returns the flags and the rest.
pub fn take_flags<'a>(args: &'a str, keyword: &str, spec: FlagSpec) -> Result<(Flags, &'a str)> {
    let mut flags = Flags::default();
    let mut rest = args.trim_start();
    while rest.starts_with("--") {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = rest[end..].trim_start();
        if word == "--" {
            break;
        }
        let (name, value) = match word[2..].split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (&word[2..], None),
        };
        let Some((_, kind)) = spec.iter().find(|(n, _)| *n == name) else {
            return fail(unknown_flag(name, keyword, spec));
        };
        let value = match (kind, value) {
            (FlagKind::Switch, None) => "true".to_string(),
            (FlagKind::Switch, Some(v)) if v == "true" || v == "false" => v.to_string(),
            (FlagKind::Switch, Some(v)) => {
                return fail(format!("flag --{name} takes true or false, not {v:?}: write --{name} or --{name}=false"))
            }
            (_, None) | (_, Some("")) => {
                return fail(format!("flag --{name} needs a value: write --{name}=VALUE"))
            }
            (_, Some(v)) => v.to_string(),
        };
        if *kind == FlagKind::Text && flags.text(name).is_some() {
            return fail(format!("flag --{name} is given twice: keep one"));
        }
        flags.given.push((name.to_string(), value));
    }
    Ok((flags, rest))
}

fn unknown_flag(name: &str, keyword: &str, spec: FlagSpec) -> String {
    let known: Vec<String> = spec.iter().map(|(n, _)| format!("--{n}")).collect();
    let accepted = if known.is_empty() {
        format!("{keyword} takes no flags")
    } else {
        format!("{keyword} accepts {}", known.join(", "))
    };
    let hint = match (name, keyword) {
        ("from", "RUN") => " (only COPY takes --from; for RUN use --mount=type=bind,from=STAGE)",
        ("from", "ADD") => " (only COPY takes --from)",
        _ => "",
    };
    format!("unknown flag --{name}: {accepted}{hint}")
}

/// Splits on blanks outside quotes; quotes and escapes stay as written, for
/// [`super::expand`] to interpret.
pub fn split_words(args: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = args.chars();
    while let Some(c) = chars.next() {
        match quote {
            _ if c == escape && quote != Some('\'') => {
                word.push(c);
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            Some(q) => {
                word.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                word.push(c);
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The JSON form: `Some` when `args` is (or clearly means to be) a JSON array
/// of strings, `None` for the shell form.
///
/// Docker silently runs a broken JSON array as a shell command; that hides
/// typos (`['a', 'b']`), so an array of quoted words that is not valid JSON
/// is an error here. `[ -f x ]` and `[ "$A" = b ]` (test commands, without
/// commas) stay shell form.
pub fn json_form(args: &str) -> Option<Result<Vec<String>>> {
    let t = args.trim();
    if !t.starts_with('[') || !t.ends_with(']') {
        return None;
    }
    if let Ok(list) = serde_json::from_str::<Vec<String>>(t) {
        return Some(Ok(list));
    }
    let inner = t[1..t.len() - 1].trim_start();
    let looks_json = inner.is_empty() || ((inner.starts_with('"') || inner.starts_with('\'')) && inner.contains(','));
    if !looks_json {
        return None;
    }
    let why = if inner.contains('\'') { "use double quotes around each word" } else { "check its quotes and commas" };
    Some(fail(format!(
        "the exec form {t} is not a JSON array of strings: {why}, or drop the brackets for the shell form"
    )))
}

/// CMD, ENTRYPOINT and RUN arguments.
pub fn command(args: &str) -> Result<Command> {
    match json_form(args) {
        Some(list) => Ok(Command::Exec(list?)),
        None => Ok(Command::Shell(args.trim().to_string())),
    }
}

/// ENV and LABEL: `k=v k2="v 2"`, or the legacy `k value with blanks`
/// (one pair, the value the rest of the line).
pub fn key_values(args: &str, keyword: &str, escape: char) -> Result<Vec<KeyValue>> {
    let words = split_words(args, escape);
    let Some(first) = words.first() else {
        return fail(format!("{keyword} needs at least one key=value pair: write {keyword} key=value"));
    };
    if unquoted_equals(first, escape).is_none() {
        let value = args.trim_start()[first.len()..].trim();
        if value.is_empty() {
            return fail(format!("{keyword} {first} has no value: write {keyword} {first}=VALUE"));
        }
        return Ok(vec![KeyValue { key: first.clone(), value: value.to_string() }]);
    }
    words
        .iter()
        .map(|word| match unquoted_equals(word, escape) {
            Some(0) => fail(format!("{keyword} pair {word} has an empty key: write key=value")),
            Some(at) => Ok(KeyValue { key: word[..at].to_string(), value: word[at + 1..].to_string() }),
            None => fail(format!(
                "{keyword} word {word} has no =: write every pair as key=value (quote values with blanks)"
            )),
        })
        .collect()
}

/// Byte position of the first `=` outside quotes (`"a=b"=c` has it at 5).
pub fn unquoted_equals(word: &str, escape: char) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (at, c) in word.char_indices() {
        if escaped {
            escaped = false;
        } else if c == escape && quote != Some('\'') {
            escaped = true;
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else if c == '"' || c == '\'' {
            quote = Some(c);
        } else if c == '=' {
            return Some(at);
        }
    }
    None
}
