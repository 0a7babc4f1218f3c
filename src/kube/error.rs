//! The one error of reading and checking a manifest: the file, the line
//! and column where the parser or [`super::yaml::locate`] found them, the
//! object (`Pod web`), the field's path and what is wrong.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct KubeError {
    pub file: String,
    pub location: Option<(usize, usize)>,
    pub object: String,
    pub path: String,
    pub message: String,
}

impl KubeError {
    pub fn at(file: &str, location: Option<(usize, usize)>, object: &str, path: &str, message: String) -> KubeError {
        KubeError { file: file.to_string(), location, object: object.to_string(), path: path.to_string(), message }
    }
}

impl fmt::Display for KubeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if !self.object.is_empty() {
            write!(f, ": {}", self.object)?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for KubeError {}
