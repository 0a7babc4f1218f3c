//! `--security-opt seccomp=...`: which seccomp profile a container asked
//! for. The runtime (runtime::seccomp) turns the choice into a filter.

use serde::{Deserialize, Serialize};

/// What `--security-opt seccomp=...` (or its absence) asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum SeccompChoice {
    #[default]
    Default,
    Unconfined,
    /// A Docker-format profile, as read from the user's file at create time.
    Custom(String),
}
