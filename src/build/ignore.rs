//! `.dockerignore` / `.containerignore`: which context paths a build sees.
//!
//! Docker's rules, as its builder reference documents them and its
//! `patternmatcher` applies them:
//! - one pattern a line; a line whose first character is `#` is a comment
//!   (checked before trimming, so `  # x` is a pattern); blank lines skipped;
//! - patterns use Go's `filepath.Match` syntax (`*`, `?`, `[...]`, `\`
//!   escapes) plus `**`, which matches any number of directories (zero too);
//! - each pattern is cleaned like Go's `filepath.Clean` and a leading `/` is
//!   dropped, so `/a/./b/` and `a/b` are the same pattern;
//! - `!pattern` re-includes; the last pattern that matches a path decides;
//! - a pattern matching a directory matches everything beneath it.
//!
//! Unlike `.gitignore`, a trailing `/` does not mean "directories only": it
//! is cleaned away, so matching never needs to know whether a path is a
//! directory.

#![allow(dead_code)] // wired into `pontoon build` in issue 10's next step

use std::path::{Path, PathBuf};

/// A `.dockerignore` line that cannot be used as a pattern.
#[derive(Debug, thiserror::Error)]
pub enum IgnoreError {
    #[error("line {line}: pattern {pattern:?} is invalid ({reason}): fix or remove the line")]
    BadPattern {
        line: usize,
        pattern: String,
        reason: String,
    },
    #[error("line {line}: a lone \"!\" excludes nothing: add the pattern to re-include after it")]
    LoneBang { line: usize },
    #[error("{}: {reason}", path.display())]
    InFile {
        path: PathBuf,
        reason: Box<IgnoreError>,
    },
    #[error("reading {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The parsed rules of one ignore file, in file order.
#[derive(Debug, Clone, Default)]
pub struct IgnoreRules {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    /// `true` for a `!` line, which re-includes what it matches.
    exception: bool,
    glob: Glob,
}

impl IgnoreRules {
    /// Parses the text of an ignore file; errors name the 1-based line.
    pub fn parse(text: &str) -> Result<IgnoreRules, IgnoreError> {
        let mut rules = Vec::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            if raw.starts_with('#') {
                continue;
            }
            let mut pattern = raw.trim();
            if pattern.is_empty() {
                continue;
            }
            let exception = pattern.starts_with('!');
            if exception {
                pattern = pattern[1..].trim();
                if pattern.is_empty() {
                    return Err(IgnoreError::LoneBang { line });
                }
            }
            let cleaned = clean(pattern);
            let cleaned = cleaned.strip_prefix('/').unwrap_or(&cleaned);
            let glob = Glob::compile(cleaned, DoubleStar::AnyDirs).map_err(|reason| {
                IgnoreError::BadPattern {
                    line,
                    pattern: raw.trim().to_string(),
                    reason,
                }
            })?;
            rules.push(Rule { exception, glob });
        }
        Ok(IgnoreRules { rules })
    }

    /// Reads the ignore file that applies to a build, if there is one:
    /// a Dockerfile-specific `<Dockerfile>.containerignore` or
    /// `<Dockerfile>.dockerignore` beside the Dockerfile first (BuildKit and
    /// Podman let one context serve several Dockerfiles that way), then the
    /// context's `.containerignore` (Podman's name wins) and `.dockerignore`.
    /// Returns the rules and the file they came from.
    pub fn load(
        context_dir: &Path,
        dockerfile: Option<&Path>,
    ) -> Result<(IgnoreRules, Option<PathBuf>), IgnoreError> {
        let mut candidates = Vec::new();
        if let Some(dockerfile) = dockerfile {
            for suffix in [".containerignore", ".dockerignore"] {
                let mut name = dockerfile.as_os_str().to_owned();
                name.push(suffix);
                candidates.push(PathBuf::from(name));
            }
        }
        candidates.push(context_dir.join(".containerignore"));
        candidates.push(context_dir.join(".dockerignore"));
        for path in candidates {
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => return Err(IgnoreError::Read { path, source }),
            };
            let rules = IgnoreRules::parse(&text).map_err(|reason| IgnoreError::InFile {
                path: path.clone(),
                reason: Box::new(reason),
            })?;
            return Ok((rules, Some(path)));
        }
        Ok((IgnoreRules::default(), None))
    }

    /// Whether the context path `rel_path` (slash-separated, relative to the
    /// context root) is left out of the build. The last matching rule wins;
    /// a rule matches a path when it matches the path or one of its parents.
    pub fn excludes(&self, rel_path: &str) -> bool {
        let path = clean(rel_path);
        let parents = parent_prefixes(&path);
        let mut excluded = false;
        for rule in &self.rules {
            if rule.glob.matches(&path) || parents.iter().any(|p| rule.glob.matches(p)) {
                excluded = !rule.exception;
            }
        }
        excluded
    }

    /// Whether an exception could re-include something beneath the excluded
    /// directory `dir`, so that a walker must still look inside it (Docker's
    /// rule: an excluded directory is skipped unless an exception may match
    /// below it). Only exceptions after the last rule that excludes `dir`
    /// count: that rule matches every descendant through its parent `dir`,
    /// so an earlier exception is always overridden.
    pub fn may_reinclude_below(&self, dir: &str) -> bool {
        let dir = clean(dir);
        let parents = parent_prefixes(&dir);
        let matches_dir =
            |rule: &Rule| rule.glob.matches(&dir) || parents.iter().any(|p| rule.glob.matches(p));
        let last_exclusion = self
            .rules
            .iter()
            .rposition(|rule| !rule.exception && matches_dir(rule));
        let later = match last_exclusion {
            Some(index) => &self.rules[index + 1..],
            None => &self.rules[..],
        };
        let below = format!("{dir}/");
        later
            .iter()
            .filter(|rule| rule.exception)
            .any(|rule| matches_dir(rule) || rule.glob.matches_some_extension_of(&below))
    }

    /// Whether there are no rules at all (nothing is ever excluded).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// The proper ancestors of a cleaned relative path: `a/b/c` -> `a`, `a/b`.
fn parent_prefixes(path: &str) -> Vec<&str> {
    path.match_indices('/').map(|(i, _)| &path[..i]).collect()
}

/// Go's `filepath.Clean` for slash paths: no empty, `.` or inner `..`
/// elements, no trailing slash; `..` at the start of a relative path stays;
/// the empty path is `.`.
pub(crate) fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            name => parts.push(name),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// What `**` means: in ignore files any number of directories; in COPY
/// sources, which follow plain `filepath.Match`, just two `*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DoubleStar {
    AnyDirs,
    Plain,
}

/// A compiled pattern. Matching runs the tokens over the path as a set of
/// reachable positions, so it is linear in the path for each token and
/// never backtracks exponentially on patterns like `*a*a*a*b`.
#[derive(Debug, Clone)]
pub(crate) struct Glob {
    tokens: Vec<Token>,
}

#[derive(Debug, Clone)]
enum Token {
    Literal(char),
    /// `?`: one character other than `/`.
    AnyChar,
    /// `*`: any run of characters without `/`.
    Star,
    /// A `**` that ends the pattern: anything at all.
    Anything,
    /// A `**` before more pattern (with its `/`, if any): nothing, or
    /// anything that ends with `/`.
    AnyDirs,
    /// `[...]`: one character other than `/` inside (or outside, negated)
    /// the ranges.
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Glob {
    /// Compiles a cleaned pattern; the error says what is wrong with it.
    pub(crate) fn compile(pattern: &str, double_star: DoubleStar) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '*' if double_star == DoubleStar::AnyDirs && chars.get(i + 1) == Some(&'*') => {
                    i += 2;
                    if chars.get(i) == Some(&'/') {
                        i += 1;
                    }
                    tokens.push(if i >= chars.len() {
                        Token::Anything
                    } else {
                        Token::AnyDirs
                    });
                    continue;
                }
                '*' => tokens.push(Token::Star),
                '?' => tokens.push(Token::AnyChar),
                '\\' => {
                    i += 1;
                    let escaped = chars.get(i).ok_or("a trailing \\ escapes nothing")?;
                    tokens.push(Token::Literal(*escaped));
                }
                '[' => {
                    let (token, next) = parse_class(&chars, i + 1)?;
                    tokens.push(token);
                    i = next;
                    continue;
                }
                c => tokens.push(Token::Literal(c)),
            }
            i += 1;
        }
        Ok(Glob { tokens })
    }

    /// Whether the pattern matches all of `path`.
    pub(crate) fn matches(&self, path: &str) -> bool {
        let chars: Vec<char> = path.chars().collect();
        self.reachable(&chars)
            .last()
            .is_some_and(|end| end[chars.len()])
    }

    /// Whether some path that starts with `prefix` (which ends with `/`)
    /// could match: the whole prefix is consumed at some token boundary.
    /// Tokens after that boundary can always match something, and a prefix
    /// ending in `/` can never end in the middle of `*`, `?` or `[...]`.
    fn matches_some_extension_of(&self, prefix: &str) -> bool {
        let chars: Vec<char> = prefix.chars().collect();
        self.reachable(&chars).iter().any(|set| set[chars.len()])
    }

    /// For each token boundary k (0 = before the first token), the positions
    /// in `chars` that the first k tokens can have consumed up to.
    fn reachable(&self, chars: &[char]) -> Vec<Vec<bool>> {
        let n = chars.len();
        let mut sets = Vec::with_capacity(self.tokens.len() + 1);
        let mut current = vec![false; n + 1];
        current[0] = true;
        for token in &self.tokens {
            let mut next = vec![false; n + 1];
            match token {
                Token::Literal(c) => step_one(&current, &mut next, |i| chars[i] == *c),
                Token::AnyChar => step_one(&current, &mut next, |i| chars[i] != '/'),
                Token::Class { negated, ranges } => step_one(&current, &mut next, |i| {
                    let c = chars[i];
                    let inside = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
                    c != '/' && inside != *negated
                }),
                Token::Star => {
                    for i in 0..=n {
                        next[i] |= current[i];
                        if next[i] && i < n && chars[i] != '/' {
                            next[i + 1] = true;
                        }
                    }
                }
                Token::Anything => {
                    if let Some(first) = current.iter().position(|&reached| reached) {
                        next[first..].iter_mut().for_each(|slot| *slot = true);
                    }
                }
                Token::AnyDirs => {
                    let mut started = false;
                    for i in 0..=n {
                        next[i] |= current[i];
                        if started && i > 0 && chars[i - 1] == '/' {
                            next[i] = true;
                        }
                        started |= current[i];
                    }
                }
            }
            sets.push(std::mem::replace(&mut current, next));
        }
        sets.push(current);
        sets
    }
}

/// Advances every reached position over one character that `accepts`.
fn step_one(current: &[bool], next: &mut [bool], accepts: impl Fn(usize) -> bool) {
    let n = current.len() - 1;
    for i in 0..n {
        if current[i] && accepts(i) {
            next[i + 1] = true;
        }
    }
}

/// Parses a `[...]` class starting just after `[`, the way Go's
/// `filepath.Match` reads it: `^` negates, `a-z` is a range, `\` escapes,
/// and a class must be closed and not empty.
fn parse_class(chars: &[char], start: usize) -> Result<(Token, usize), String> {
    let mut i = start;
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    loop {
        match chars.get(i) {
            None => return Err("a [ is never closed by ]".to_string()),
            Some(']') if !ranges.is_empty() => {
                return Ok((Token::Class { negated, ranges }, i + 1))
            }
            Some(_) => {}
        }
        let (lo, after_lo) = class_char(chars, i)?;
        i = after_lo;
        let mut hi = lo;
        if chars.get(i) == Some(&'-') {
            let (end, after_hi) = class_char(chars, i + 1)?;
            if end < lo {
                return Err(format!("the range {lo}-{end} runs backwards"));
            }
            hi = end;
            i = after_hi;
        }
        ranges.push((lo, hi));
    }
}

/// One (possibly escaped) character of a class; `-` and `]` must be escaped.
fn class_char(chars: &[char], i: usize) -> Result<(char, usize), String> {
    match chars.get(i) {
        None => Err("a [ is never closed by ]".to_string()),
        Some('-') | Some(']') => Err("a - or ] inside [...] must be escaped with \\".to_string()),
        Some('\\') => match chars.get(i + 1) {
            Some(&c) => Ok((c, i + 2)),
            None => Err("a trailing \\ escapes nothing".to_string()),
        },
        Some(&c) => Ok((c, i + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> IgnoreRules {
        IgnoreRules::parse(text).expect("test patterns parse")
    }

    #[test]
    fn patterns_against_paths() {
        // (ignore file, path, excluded?)
        let table: &[(&str, &str, bool)] = &[
            ("foo", "foo", true),
            ("foo", "foo/bar/baz", true),
            ("foo", "foobar", false),
            ("foo", "x/foo", false),
            ("*.md", "README.md", true),
            ("*.md", "docs/README.md", false),
            ("*/*.md", "docs/README.md", true),
            ("*/temp*", "somedir/temporary.txt", true),
            ("*/temp*", "somedir/temp", true),
            ("*/temp*", "temp", false),
            ("*/*/temp*", "a/b/temp.x", true),
            ("temp?", "temp1", true),
            ("temp?", "temp12", false),
            ("temp?", "temp/", false),
            ("a?b", "a/b", false),
            ("**/*.go", "main.go", true),
            ("**/*.go", "cmd/x/main.go", true),
            ("**/*.go", "main.gox", false),
            ("**", "anything/at/all", true),
            ("a/**", "a/b/c", true),
            ("a/**/z", "a/z", true),
            ("a/**/z", "a/b/c/z", true),
            ("a/**/z", "a/b/cz", false),
            ("**foo", "x/y/foo", true),
            ("foo**", "foo/bar", true),
            ("foo**", "foobar", true),
            ("[abc].txt", "b.txt", true),
            ("[abc].txt", "d.txt", false),
            ("[^abc].txt", "d.txt", true),
            ("[a-c]x", "bx", true),
            ("[a-c]x", "dx", false),
            ("\\*x", "*x", true),
            ("\\*x", "ax", false),
            ("/foo/./bar/", "foo/bar", true),
            ("./foo", "foo", true),
            ("foo//bar", "foo/bar", true),
            ("foo/../bar", "bar", true),
            ("#comment", "#comment", false),
            ("  #not-a-comment", "#not-a-comment", true),
            ("  spaced  ", "spaced", true),
            ("\u{feff}bom", "bom", true),
            // The last matching rule wins.
            ("*.md\n!README.md", "README.md", false),
            ("*.md\n!README.md", "CHANGES.md", true),
            ("!README.md\n*.md", "README.md", true),
            (
                "*.md\n!README*.md\nREADME-secret.md",
                "README-secret.md",
                true,
            ),
            (
                "*.md\n!README*.md\nREADME-secret.md",
                "README-public.md",
                false,
            ),
            // A directory excluded with an exception beneath it.
            ("docs\n!docs/keep.txt", "docs/keep.txt", false),
            ("docs\n!docs/keep.txt", "docs/drop.txt", true),
            ("docs\n!docs/keep.txt", "docs", true),
            (
                "**/node_modules\n!a/node_modules",
                "a/node_modules/x/y",
                false,
            ),
            ("**/node_modules\n!a/node_modules", "b/node_modules/x", true),
            ("! spaced", "spaced", false),
        ];
        for (text, path, want) in table {
            assert_eq!(rules(text).excludes(path), *want, "{text:?} on {path:?}");
        }
    }

    #[test]
    fn exceptions_that_may_reach_below_a_directory() {
        // (ignore file, excluded dir, must the walker look inside?)
        let table: &[(&str, &str, bool)] = &[
            ("docs", "docs", false),
            ("docs\n!docs/keep.txt", "docs", true),
            ("docs\n!docs/keep.txt", "other", false),
            ("docs\n!*/keep.txt", "docs", true),
            ("docs\n!**/keep.txt", "docs", true),
            ("docs\n!docsx/keep.txt", "docs", false),
            ("docs\n!doc", "docs", false),
            ("a\n!a/b/c", "a/b", true),
            ("a\n!a/x/c", "a/b", false),
            // An exception before the exclusion is overridden for every
            // descendant, so it must not keep the directory open.
            ("!docs/keep.txt\ndocs", "docs", false),
            ("*\n!src", "src", true),
        ];
        for (text, dir, want) in table {
            assert_eq!(
                rules(text).may_reinclude_below(dir),
                *want,
                "{text:?} below {dir:?}"
            );
        }
    }

    #[test]
    fn bad_patterns_name_their_line() {
        let table = [
            ("ok\n[abc", 2, "never closed"),
            ("a\nb\nfoo\\", 3, "escapes nothing"),
            ("[]", 1, "escaped"),
            ("[z-a]", 1, "backwards"),
            ("x\n!", 2, "lone"),
        ];
        for (text, line, reason) in table {
            let message = IgnoreRules::parse(text).expect_err(text).to_string();
            assert!(message.starts_with(&format!("line {line}:")), "{message}");
            assert!(message.contains(reason), "{message}");
        }
    }

    #[test]
    fn clean_matches_go() {
        let table = [
            ("", "."),
            (".", "."),
            ("a/b/", "a/b"),
            ("a//b", "a/b"),
            ("./a/./b", "a/b"),
            ("a/../..", ".."),
            ("../a", "../a"),
            ("/../a", "/a"),
            ("/", "/"),
        ];
        for (path, want) in table {
            assert_eq!(clean(path), want, "{path:?}");
        }
    }

    #[test]
    fn load_prefers_the_dockerfile_specific_then_podman_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let (none, from) = IgnoreRules::load(root, None).expect("no file is fine");
        assert!(none.is_empty() && from.is_none());

        std::fs::write(root.join(".dockerignore"), "docker\n").expect("write");
        std::fs::write(root.join(".containerignore"), "container\n").expect("write");
        let (rules, from) = IgnoreRules::load(root, None).expect("load");
        assert_eq!(
            from.as_deref(),
            Some(root.join(".containerignore").as_path())
        );
        assert!(rules.excludes("container") && !rules.excludes("docker"));

        let dockerfile = root.join("app.Dockerfile");
        std::fs::write(root.join("app.Dockerfile.dockerignore"), "[bad\n").expect("write");
        let message = IgnoreRules::load(root, Some(&dockerfile))
            .expect_err("the Dockerfile's own file is used, and it is broken")
            .to_string();
        assert!(
            message.contains("app.Dockerfile.dockerignore: line 1:"),
            "{message}"
        );
    }
}
