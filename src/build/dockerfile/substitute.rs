//! Docker's variable substitution and quote removal in instruction words.
//!
//! Which words the executor passes through [`expand`] (Docker's reference,
//! "Environment replacement"), with the build args and ENV in scope at that
//! instruction:
//! - the arguments of ADD, COPY, ENV (values; all pairs of one ENV see the
//!   environment from before it), EXPOSE, FROM (global ARGs only), LABEL
//!   (keys and values), STOPSIGNAL, USER, VOLUME and WORKDIR, and ONBUILD
//!   triggers of those when a child build runs them;
//! - ARG defaults, and the values of COPY/ADD `--from`, `--chown`,
//!   `--chmod` and RUN `--mount` options, as BuildKit does;
//! - the body of `COPY <<EOF` when its delimiter is not quoted.
//!
//! Not expanded: RUN, CMD and ENTRYPOINT (the shell form's shell does it;
//! the exec form runs no shell), HEALTHCHECK, SHELL, RUN heredoc bodies
//! (given to the shell) and quoted-delimiter heredocs.

use super::error::{fail, Result};

/// Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:+alt}`, `${VAR+alt}`, `${VAR:?message}` and `${VAR?message}` in
/// one word and removes its quotes: `'...'` is literal, `"..."` expands
/// inside, `escape` (`\` or the `# escape=` character) makes the next
/// character literal. `vars` returns `None` for an unset variable, which
/// expands to nothing (the `:` forms also treat an empty value as unset).
pub fn expand(word: &str, vars: &dyn Fn(&str) -> Option<String>, escape: char) -> Result<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut expander = Expander { chars: &chars, at: 0, vars, escape };
    let out = expander.word(None)?;
    Ok(out)
}

struct Expander<'a> {
    chars: &'a [char],
    at: usize,
    vars: &'a dyn Fn(&str) -> Option<String>,
    escape: char,
}

impl Expander<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.get(self.at).copied();
        self.at += 1;
        c
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    /// Reads up to `stop` (consumed) or the end; a missing `stop` is an error.
    fn word(&mut self, stop: Option<char>) -> Result<String> {
        let mut out = String::new();
        while let Some(c) = self.next() {
            if Some(c) == stop {
                return Ok(out);
            }
            match c {
                '\'' => out.push_str(&self.single_quoted()?),
                '"' => out.push_str(&self.double_quoted()?),
                '$' => out.push_str(&self.dollar()?),
                c if c == self.escape => match self.next() {
                    Some(next) => out.push(next),
                    None => out.push(c),
                },
                c => out.push(c),
            }
        }
        match stop {
            Some(_) => fail(format!("missing }} in {}: close the ${{...}}", self.text())),
            None => Ok(out),
        }
    }

    fn single_quoted(&mut self) -> Result<String> {
        let mut out = String::new();
        loop {
            match self.next() {
                Some('\'') => return Ok(out),
                Some(c) => out.push(c),
                None => return fail(format!("unmatched ' in {}: close the quote", self.text())),
            }
        }
    }

    fn double_quoted(&mut self) -> Result<String> {
        let mut out = String::new();
        loop {
            match self.next() {
                Some('"') => return Ok(out),
                Some('$') => out.push_str(&self.dollar()?),
                Some(c) if c == self.escape => match self.peek() {
                    Some(next) if next == '"' || next == '$' || next == self.escape => {
                        self.at += 1;
                        out.push(next);
                    }
                    _ => out.push(c),
                },
                Some(c) => out.push(c),
                None => return fail(format!("unmatched \" in {}: close the quote", self.text())),
            }
        }
    }

    /// After a `$`.
    fn dollar(&mut self) -> Result<String> {
        match self.peek() {
            Some('{') => {
                self.at += 1;
                self.braced()
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let name = self.name();
                Ok(self.lookup(&name).unwrap_or_default())
            }
            // Positional parameters, as Docker reads them: never set in a build.
            Some(c) if c.is_ascii_digit() => {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.at += 1;
                }
                Ok(String::new())
            }
            // `$` before anything else (`$`, `$-`, `a$`) stays as written.
            _ => Ok("$".to_string()),
        }
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
            name.push(c);
            self.at += 1;
        }
        name
    }

    fn lookup(&self, name: &str) -> Option<String> {
        (self.vars)(name)
    }

    /// After `${`.
    fn braced(&mut self) -> Result<String> {
        let name = self.name();
        if name.is_empty() {
            return fail(format!("bad substitution in {}: write ${{NAME}}", self.text()));
        }
        let value = self.lookup(&name);
        let colon = self.peek() == Some(':');
        if colon {
            self.at += 1;
        }
        let op = self.next();
        // With `:`, an empty value counts as unset.
        let set = match &value {
            Some(v) => !(colon && v.is_empty()),
            None => false,
        };
        match op {
            Some('}') if !colon => Ok(value.unwrap_or_default()),
            Some('-') => {
                let word = self.word(Some('}'))?;
                Ok(if set { value.unwrap_or_default() } else { word })
            }
            Some('+') => {
                let word = self.word(Some('}'))?;
                Ok(if set { word } else { String::new() })
            }
            Some('?') => {
                let word = self.word(Some('}'))?;
                if set {
                    return Ok(value.unwrap_or_default());
                }
                let why = if word.is_empty() { "is not set".to_string() } else { word };
                fail(format!("{name}: {why}: pass it with --build-arg {name}=VALUE or set it with ARG/ENV"))
            }
            None => fail(format!("missing }} in {}: close the ${{...}}", self.text())),
            Some(other) => fail(format!(
                "unsupported modifier {}{other} in {}: use :-, -, :+, +, :? or ?",
                if colon { ":" } else { "" },
                self.text()
            )),
        }
    }

    fn text(&self) -> String {
        self.chars.iter().collect()
    }
}
