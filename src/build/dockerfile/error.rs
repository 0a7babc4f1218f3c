//! The one error type of the Dockerfile parser: what is wrong, and where.

use std::fmt;

/// A Dockerfile the parser (or [`super::expand`]) cannot accept.
///
/// Displayed as Docker's users expect to read it, on one line:
/// `Dockerfile:7: COPY: unknown flag --form: use --from=STAGE`.
/// Errors of [`super::expand`] carry no place; the caller adds it with
/// [`DockerfileError::at`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DockerfileError {
    /// The file as the user named it (`Dockerfile`, `build/Containerfile`, `-`).
    pub file: Option<String>,
    /// 1-based line where the instruction starts.
    pub line: Option<usize>,
    /// The instruction keyword, upper case (`RUN`), when there is one.
    pub instruction: Option<String>,
    /// The problem and, where there is one, the fix.
    pub message: String,
}

pub type Result<T> = std::result::Result<T, DockerfileError>;

impl DockerfileError {
    /// An error not yet tied to a place (the caller adds it with [`Self::at`]).
    pub fn new(message: impl Into<String>) -> Self {
        DockerfileError { file: None, line: None, instruction: None, message: message.into() }
    }

    /// Places the error at an instruction of a file; a place already set
    /// (by a deeper, more precise caller) is kept.
    pub fn at(mut self, file: &str, line: usize, instruction: &str) -> Self {
        self.file.get_or_insert_with(|| file.to_string());
        self.line.get_or_insert(line);
        if self.instruction.is_none() && !instruction.is_empty() {
            self.instruction = Some(instruction.to_ascii_uppercase());
        }
        self
    }

    /// Places an error at a file only (no FROM, a bad directive value...).
    pub fn in_file(mut self, file: &str) -> Self {
        self.file.get_or_insert_with(|| file.to_string());
        self
    }
}

impl fmt::Display for DockerfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(instruction) = &self.instruction {
            write!(f, "{instruction}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for DockerfileError {}

/// Shorthand for an `Err` of a place-less error.
pub fn fail<T>(message: impl Into<String>) -> Result<T> {
    Err(DockerfileError::new(message))
}
