//! The errors of loading a Compose project, each one line that names the
//! file (and line and column where the YAML parser gives them), the object
//! and, where there is one, the fix.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ComposeError {
    #[error("{file}:{line}:{column}: {message}")]
    Yaml { file: PathBuf, line: usize, column: usize, message: String },
    #[error("{file}: {message}")]
    InvalidFile { file: PathBuf, message: String },
    #[error("{}: service {service:?} has an unknown key {key:?}: remove it or check its spelling", location(file, *line, *column))]
    UnknownServiceKey { file: PathBuf, line: Option<usize>, column: Option<usize>, service: String, key: String },
    #[error("{file}: required variable {variable} is missing a value: {message}")]
    MissingVariable { file: PathBuf, variable: String, message: String },
    #[error("{file}: invalid interpolation {text:?}: {why}")]
    BadInterpolation { file: PathBuf, text: String, why: String },
    #[error("{file}: service {service:?}: {message}")]
    InvalidService { file: PathBuf, service: String, message: String },
    #[error("no configuration file provided: no compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml in {dir} or its parents (name one with -f)")]
    NoComposeFile { dir: PathBuf },
    #[error("service {0:?} has neither an image nor a build context: add `image:` or `build:`")]
    NoImageOrBuild(String),
    #[error("service {service:?} depends on undefined service {dependency:?}: define it or remove it from depends_on")]
    UnknownDependency { service: String, dependency: String },
    #[error("service {service:?} depends on service {dependency:?}, which is disabled: enable one of its profiles ({profiles}) with --profile")]
    DisabledDependency { service: String, dependency: String, profiles: String },
    #[error("dependency cycle between services: {}", .0.join(" -> "))]
    Cycle(Vec<String>),
    #[error("no such service: {0}")]
    NoSuchService(String),
    #[error("{0}")]
    Invalid(String),
}

fn location(file: &std::path::Path, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", file.display()),
        _ => file.display().to_string(),
    }
}
