//! From text to instruction lines: parser directives, comments, line
//! continuations and heredoc bodies, as Docker's parser reads them.
//!
//! Docker's rules followed here:
//! - directives (`# syntax=`, `# escape=`, `# check=`) count only at the top
//!   of the file: the first blank line, comment, unknown directive or
//!   instruction ends them, and each may be given once;
//! - a line ending in the escape character (trailing blanks allowed)
//!   continues on the next; the pieces are joined as they are, without
//!   adding a space; comment lines and blank lines inside a continuation are
//!   dropped;
//! - heredoc bodies start on the line after the whole instruction.

use super::error::{fail, DockerfileError, Result};
use super::heredoc::{allows_heredocs, find_markers};
use super::model::{Directives, Heredoc};

/// One instruction before its arguments are understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawInstruction {
    /// 1-based line of its first physical line.
    pub line: usize,
    /// The keyword as written (`run`, `COPY`).
    pub keyword: String,
    /// Everything after the keyword, leading blanks removed.
    pub args: String,
    /// Keyword and arguments as written, continuations joined.
    pub original: String,
    pub heredocs: Vec<Heredoc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexed {
    pub directives: Directives,
    pub instructions: Vec<RawInstruction>,
}

pub fn lex(text: &str) -> Result<Lexed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let (directives, mut i) = read_directives(&lines)?;
    let escape = directives.escape;
    let mut instructions = Vec::new();
    while i < lines.len() {
        if is_blank_or_comment(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let (joined, next) = join_continuations(&lines, i, escape);
        i = next;
        let joined = joined.trim().to_string();
        let (keyword, args) = match joined.find(char::is_whitespace) {
            Some(at) => (joined[..at].to_string(), joined[at..].trim_start().to_string()),
            None => (joined.clone(), String::new()),
        };
        let mut heredocs = Vec::new();
        if allows_heredocs(&keyword) {
            let markers = find_markers(&args, escape).map_err(|e| e.at_line(start, &keyword))?;
            for marker in markers {
                let (content, next) = read_body(&lines, i, &marker.name, marker.strip_tabs)
                    .map_err(|e| e.at_line(start, &keyword))?;
                i = next;
                heredocs.push(Heredoc {
                    name: marker.name,
                    content,
                    expand: marker.expand,
                    strip_tabs: marker.strip_tabs,
                });
            }
        }
        instructions.push(RawInstruction { line: start + 1, keyword, args, original: joined, heredocs });
    }
    Ok(Lexed { directives, instructions })
}

impl DockerfileError {
    /// Places a lexer error at a 0-based line index (the file is added by
    /// [`super::parse`]).
    fn at_line(mut self, index: usize, keyword: &str) -> Self {
        self.line.get_or_insert(index + 1);
        if self.instruction.is_none() && !keyword.is_empty() {
            self.instruction = Some(keyword.to_ascii_uppercase());
        }
        self
    }
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// Reads the directives at the head; returns them and the first line index
/// after them.
fn read_directives(lines: &[&str]) -> Result<(Directives, usize)> {
    let mut directives = Directives::default();
    let mut seen: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some((key, value)) = lines.get(i).and_then(|l| directive(l)) {
        let key = key.to_ascii_lowercase();
        if !["syntax", "escape", "check"].contains(&key.as_str()) {
            break;
        }
        if seen.contains(&key) {
            let err = DockerfileError::new(format!(
                "parser directive {key} given twice: keep one `# {key}=` line"
            ));
            return Err(err.at_line(i, ""));
        }
        match key.as_str() {
            "syntax" => directives.syntax = Some(value),
            "check" => directives.check = Some(value),
            _ => {
                directives.escape = match value.as_str() {
                    "\\" => '\\',
                    "`" => '`',
                    other => {
                        let err = DockerfileError::new(format!(
                            "invalid escape directive {other:?}: use `# escape=\\` or `# escape=``"
                        ));
                        return Err(err.at_line(i, ""));
                    }
                }
            }
        }
        seen.push(key);
        i += 1;
    }
    Ok((directives, i))
}

/// `# key=value` (Docker's pattern: a word, `=`, a value, blanks around).
fn directive(line: &str) -> Option<(String, String)> {
    let body = line.trim_start().strip_prefix('#')?;
    let (key, value) = body.split_once('=')?;
    let key = key.trim();
    let value = value.trim();
    let mut key_chars = key.chars();
    let starts_alpha = key_chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !starts_alpha || !key_chars.all(|c| c.is_ascii_alphanumeric()) || value.is_empty() {
        return None;
    }
    Some((key.to_string(), value.to_string()))
}

/// Joins an instruction's physical lines from `lines[i]`; returns the text
/// and the index of the line after it.
fn join_continuations(lines: &[&str], mut i: usize, escape: char) -> (String, usize) {
    let mut joined = String::new();
    let mut current = lines[i].trim_start();
    loop {
        i += 1;
        let Some(piece) = strip_continuation(current, escape) else {
            joined.push_str(current);
            return (joined, i);
        };
        joined.push_str(piece);
        while i < lines.len() && is_blank_or_comment(lines[i]) {
            i += 1;
        }
        match lines.get(i) {
            Some(next) => current = next,
            // A continuation on the last line ends the instruction, as in Docker.
            None => return (joined, i),
        }
    }
}

fn strip_continuation(line: &str, escape: char) -> Option<&str> {
    line.trim_end_matches([' ', '\t']).strip_suffix(escape)
}

/// Collects a heredoc body from `lines[i]` up to its delimiter line.
fn read_body(lines: &[&str], mut i: usize, name: &str, strip_tabs: bool) -> Result<(String, usize)> {
    let mut content = String::new();
    while let Some(line) = lines.get(i) {
        i += 1;
        let line = if strip_tabs { line.trim_start_matches('\t') } else { line };
        if line == name {
            return Ok((content, i));
        }
        content.push_str(line);
        content.push('\n');
    }
    fail(format!("unterminated heredoc <<{name}: end its body with a line holding only {name}"))
}
