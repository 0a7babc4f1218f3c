//! The `.env` / `env_file` format as Compose reads it: `KEY=VALUE` lines,
//! an optional `export ` prefix, `#` comments (whole lines, or after a
//! space in an unquoted value), single quotes (literal), double quotes
//! (escapes `\n \t \" \\`, may span lines), and `${VAR}` interpolation in
//! unquoted and double-quoted values, looked up in the shell first, then
//! in the lines above.

use std::collections::BTreeMap;
use std::path::Path;

use super::interpolate::{self, Failure, Unset};

/// One parsed file, in order; a bare `KEY` (no `=`) has no value, and
/// takes the shell's when the file is used as an `env_file`.
pub type Entries = Vec<(String, Option<String>)>;

/// Parses `text` (from `file`, for messages). `shell` is the environment
/// interpolation looks in first.
pub fn parse(file: &Path, text: &str, shell: &dyn Fn(&str) -> Option<String>) -> Result<Entries, String> {
    let mut entries: Entries = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((n, raw)) = lines.next() {
        let line = raw.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map(str::trim_start).unwrap_or(line);
        let at = |why: &str| format!("{}:{}: {why}", file.display(), n + 1);
        let (key, rest) = match line.find(['=', ':']) {
            Some(i) => (line[..i].trim(), Some(&line[i + 1..])),
            None => (line.trim(), None),
        };
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(at(&format!("{:?} is not KEY=VALUE", raw.trim())));
        }
        let Some(rest) = rest else {
            entries.push((key.to_string(), None));
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('\'' | '"')) => {
                // A quoted value may go on over the following lines.
                let mut body = rest[1..].to_string();
                let close = loop {
                    if let Some(i) = find_close(&body, q) {
                        break i;
                    }
                    match lines.next() {
                        Some((_, more)) => {
                            body.push('\n');
                            body.push_str(more);
                        }
                        None => return Err(at(&format!("the {q} quote of {key} is not closed"))),
                    }
                };
                let inner = &body[..close];
                if q == '\'' {
                    inner.to_string()
                } else {
                    expand(&unescape(inner), shell, &entries).map_err(|e| at(&e))?
                }
            }
            _ => {
                let value = match rest.find(" #").or_else(|| rest.find("\t#")) {
                    Some(i) => &rest[..i],
                    None => rest,
                };
                expand(value.trim_end(), shell, &entries).map_err(|e| at(&e))?
            }
        };
        entries.push((key.to_string(), Some(value)));
    }
    Ok(entries)
}

fn find_close(body: &str, quote: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if quote == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == quote && !escaped {
            return Some(i);
        }
        escaped = false;
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            // `\$` stays `$$` so that interpolation keeps the dollar.
            Some('$') => out.push_str("$$"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn expand(value: &str, shell: &dyn Fn(&str) -> Option<String>, earlier: &Entries) -> Result<String, String> {
    let lookup = |name: &str| shell(name).or_else(|| earlier.iter().rev().find(|(k, _)| k == name).and_then(|(_, v)| v.clone()));
    interpolate::substitute(value, &lookup, &mut Unset::new()).map_err(|f| match f {
        Failure::Missing { variable, message } => format!("required variable {variable} is missing a value: {message}"),
        Failure::Bad(why) => why,
    })
}

/// Reads a file into a map, later lines winning.
pub fn read(file: &Path, shell: &dyn Fn(&str) -> Option<String>) -> Result<Entries, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("read {}: {e}", file.display()))?;
    parse(file, &text, shell)
}

/// The entries with values, as a map (for the project's `.env`).
pub fn to_map(entries: Entries) -> BTreeMap<String, String> {
    entries.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_shell(_: &str) -> Option<String> {
        None
    }

    fn map(text: &str) -> BTreeMap<String, String> {
        to_map(parse(Path::new(".env"), text, &no_shell).unwrap())
    }

    #[test]
    fn lines_comments_and_export() {
        let m = map("# a comment\nA=1\nexport B=two\n  C = spaced  \nD=\nE=x # comment\nF=x#not-comment\n\n");
        assert_eq!(m["A"], "1");
        assert_eq!(m["B"], "two");
        assert_eq!(m["C"], "spaced");
        assert_eq!(m["D"], "");
        assert_eq!(m["E"], "x");
        assert_eq!(m["F"], "x#not-comment");
    }

    #[test]
    fn quotes() {
        let m = map("S='lit $A # \\n'\nD=\"a\\nb \\\"q\\\" # kept\"\nM=\"one\ntwo\"\nY: yaml-style\n");
        assert_eq!(m["S"], "lit $A # \\n");
        assert_eq!(m["D"], "a\nb \"q\" # kept");
        assert_eq!(m["M"], "one\ntwo");
        assert_eq!(m["Y"], "yaml-style");
    }

    #[test]
    fn values_interpolate_from_the_shell_then_earlier_lines() {
        let shell = |n: &str| (n == "HOME_DIR").then(|| "/home/u".to_string());
        let m = to_map(parse(Path::new(".env"), "A=x\nB=${A}-$HOME_DIR\nC='${A}'\nD=${NOPE:-dflt}\nE=\"\\$A\"\n", &shell).unwrap());
        assert_eq!(m["B"], "x-/home/u");
        assert_eq!(m["C"], "${A}");
        assert_eq!(m["D"], "dflt");
        assert_eq!(m["E"], "$A");
    }

    #[test]
    fn a_bare_key_has_no_value() {
        let e = parse(Path::new(".env"), "ONLY\n", &no_shell).unwrap();
        assert_eq!(e, vec![("ONLY".to_string(), None)]);
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse(Path::new("/p/.env"), "A=1\nB=\"open\n", &no_shell).unwrap_err();
        assert!(err.starts_with("/p/.env:2:"), "{err}");
        assert!(parse(Path::new(".env"), "not valid line\n", &no_shell).is_err());
    }
}
