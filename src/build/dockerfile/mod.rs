//! The Dockerfile (and Containerfile) parser: text into stages of typed
//! instructions, and Docker's variable substitution for the executor.
//!
//! Pure: no files, no store, no containers. [`parse`] checks everything that
//! can be checked without the build's args and context (syntax, flags, JSON
//! forms, heredocs, stage names); what depends on them (the expanded values,
//! globs, `--from` targets) is the executor's.

// Wired into `pontoon build` in issue 10's next step.
#![allow(dead_code)]

mod error;
mod healthcheck;
mod heredoc;
mod instructions;
mod lexer;
mod model;
mod mount;
pub mod predefined;
mod stages;
mod substitute;
mod words;

#[cfg(test)]
mod tests_bad;
#[cfg(test)]
mod tests_every;
#[cfg(test)]
mod tests_expand;
#[cfg(test)]
mod tests_good;

// The executor names these; wired into `pontoon build` in issue 10's next step.
#[allow(unused_imports)]
pub use error::{DockerfileError, Result};
pub use model::*;
#[allow(unused_imports)]
pub use substitute::expand;

/// Parses a whole Dockerfile; `file` is how errors name it (`Dockerfile`,
/// `app/Containerfile`, `-` for stdin).
pub fn parse(text: &str, file: &str) -> Result<Dockerfile> {
    let lexed = lexer::lex(text).map_err(|e| e.in_file(file))?;
    let escape = lexed.directives.escape;
    let (global_args, stages) = stages::into_stages(lexed.instructions, escape, file)?;
    Ok(Dockerfile { directives: lexed.directives, global_args, stages })
}
