//! What the commands share in printing: rows in the user's `--format`, the
//! per-name loop of many-name commands (one "Error: ..." line per failed
//! name, as Docker prints them), and the prune commands' question.

use std::io::Write;

use anyhow::{Context, Result};

use crate::errors::PontoonError;
use crate::format::table::align_tabs;
use crate::format::template::{GoTemplate, OutputFormat};

/// The names that failed in a many-name command, each with its error.
#[must_use = "failures must end the command with an error"]
pub struct Failures {
    errors: Vec<anyhow::Error>,
}

impl Failures {
    /// Ends the command: Ok when no name failed, else every error (which
    /// `main` prints one per line, with the exit code they share).
    pub fn into_result(self) -> Result<()> {
        match self.errors.is_empty() {
            true => Ok(()),
            false => Err(PontoonError::Several(self.errors).into()),
        }
    }
}

/// Runs `each` for every name, going on after a failure, as Docker's
/// many-name commands do (`rm a b c` removes what it can). Returns what the
/// names that worked gave, and the failures.
pub fn each_name<T>(names: &[String], mut each: impl FnMut(&str) -> Result<T>) -> (Vec<T>, Failures) {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for name in names {
        match each(name) {
            Ok(v) => values.push(v),
            Err(e) => errors.push(e),
        }
    }
    (values, Failures { errors })
}

/// [`each_name`] for commands that print as they go.
pub fn for_each(names: &[String], each: impl FnMut(&str) -> Result<()>) -> Result<()> {
    each_name(names, each).1.into_result()
}

/// Prints rows as the user's `--format` asks, or with `default_table`.
pub fn print_rows(rows: &[serde_json::Value], format: Option<&str>, default_table: impl FnOnce(&[serde_json::Value]) -> String) -> Result<()> {
    print_rows_with(rows, format, Heading::Shown, default_table)
}

/// Whether a table starts with its column names (`--noheading` drops them).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Shown,
    Hidden,
}

impl Heading {
    pub fn from_noheading(noheading: bool) -> Heading {
        if noheading {
            Heading::Hidden
        } else {
            Heading::Shown
        }
    }
}

/// [`print_rows`] with the table's heading line shown or not.
pub fn print_rows_with(rows: &[serde_json::Value], format: Option<&str>, heading: Heading, default_table: impl FnOnce(&[serde_json::Value]) -> String) -> Result<()> {
    match OutputFormat::parse(format) {
        OutputFormat::Table => {
            let table = default_table(rows);
            match heading {
                Heading::Shown => print!("{table}"),
                Heading::Hidden => print!("{}", table.split_once('\n').map_or("", |(_, rest)| rest)),
            }
        }
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(rows)?),
        OutputFormat::Template(t) => {
            let template = GoTemplate::parse(&t)?;
            for row in rows {
                println!("{}", template.render(row)?);
            }
        }
        OutputFormat::CustomTable(t) => {
            let template = GoTemplate::parse(&t)?;
            let mut lines = match heading {
                Heading::Shown => vec![header_for(&t)],
                Heading::Hidden => Vec::new(),
            };
            for row in rows {
                lines.push(template.render(row)?);
            }
            print!("{}", align_tabs(&lines));
        }
    }
    Ok(())
}

/// The header of a `table` format: each `{{.Field}}` becomes FIELD, spelt
/// as Docker spells its columns.
fn header_for(template: &str) -> String {
    let text = template.replace("\\t", "\t");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("}}") else { break };
        let inner = rest[start + 2..start + end].trim();
        let field = inner.rsplit('.').next().unwrap_or(inner).trim();
        out.push_str(&column_name(field));
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

fn column_name(field: &str) -> String {
    match field {
        "ID" | "Id" => "IMAGE ID".into(),
        "CreatedSince" => "CREATED".into(),
        "CreatedAt" => "CREATED AT".into(),
        "CreatedBy" => "CREATED BY".into(),
        other => other.to_uppercase(),
    }
}

/// Asks on stdout and reads the answer from stdin, as Docker does even when
/// stdin is not a terminal: only `y` or `yes` goes ahead, end of input is no.
pub fn confirm(warning: &str) -> Result<bool> {
    print!("{warning}\nAre you sure you want to continue? [y/N] ");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer).context("read the answer from stdin (use -f to skip the question)")?;
    let yes = matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes");
    if !yes && !answer.ends_with('\n') {
        println!(); // end the prompt's line when input ended without one
    }
    Ok(yes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_headers_follow_fields() {
        assert_eq!(header_for("{{.ID}}\\t{{.Repository}}"), "IMAGE ID\tREPOSITORY");
    }

    #[test]
    fn every_name_is_tried_and_the_failures_decide_the_code() {
        use crate::errors::{exit_code, Family};
        let names: Vec<String> = ["a", "bad", "b"].iter().map(|s| s.to_string()).collect();
        let mut tried = Vec::new();
        let (values, failures) = each_name(&names, |n| {
            tried.push(n.to_string());
            if n == "bad" {
                return Err(PontoonError::NoSuchContainer(n.into()).into());
            }
            Ok(n.len())
        });
        assert_eq!(tried, names);
        assert_eq!(values, vec![1, 1]);
        let err = failures.into_result().unwrap_err();
        assert_eq!(exit_code(&err, Family::Other), 1, "every failure was a missing object");
        let err = for_each(&names, |n| if n == "bad" { anyhow::bail!("nope") } else { Ok(()) }).unwrap_err();
        assert_eq!(exit_code(&err, Family::Other), crate::errors::EXIT_ENGINE);
        assert!(for_each(&names, |_| Ok(())).is_ok());
    }
}
