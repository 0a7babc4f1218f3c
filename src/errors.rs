//! The catalogue of domain errors that callers branch on, and the one place
//! where any error becomes a process exit code.
//!
//! Exit codes follow the Docker CLI: 125 when pontoon itself fails, 126 when
//! the container command cannot be invoked, 127 when it is not found, and the
//! container's own code otherwise.

use thiserror::Error;

/// Exit code for a failure of the engine itself (bad flag, no such image...).
pub const EXIT_ENGINE: i32 = 125;
/// Exit code when the container's command exists but cannot be executed.
pub const EXIT_CANNOT_INVOKE: i32 = 126;
/// Exit code when the container's command does not exist.
pub const EXIT_NOT_FOUND: i32 = 127;
/// Exit code of `rmi` refused because a container uses the image (Podman's).
pub const EXIT_IMAGE_IN_USE: i32 = 2;

#[derive(Debug, Error)]
pub enum PontoonError {
    #[error("invalid reference format: {reference:?}: {why}")]
    InvalidReference { reference: String, why: String },
    #[error("{0}: image not known")]
    ImageNotFound(String),
    /// `rmi` of an image that a container (running or stopped) uses.
    /// `what` is Docker's "remove repository reference \"busybox\"" or
    /// "delete 9d5226e6ce3f"; `fix` says what the user can do.
    #[error("conflict: unable to {what} ({}) - container {container} is using its referenced image {image}: {fix}", if *.forced { "cannot be forced" } else { "must force" })]
    ImageInUse { what: String, forced: bool, container: String, image: String, fix: String },
    #[error("no such container: {0}")]
    NoSuchContainer(String),
    #[error("the container name {0:?} is already in use")]
    NameInUse(String),
    #[error("{prefix:?} is ambiguous: it matches more than one {what}; give more characters")]
    Ambiguous { prefix: String, what: &'static str },
    #[error("no subordinate {kind} range for user {user:?} in {file}: add one with `usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {user}` (run as root)")]
    NoSubordinateRange { kind: &'static str, user: String, file: String },
    /// The container exited (or could not start) with this code; not an
    /// engine failure, so nothing is printed. Constructed by `run` (container issue).
    #[error("container exited with code {0}")]
    ContainerExit(i32),
    /// Errors were already printed (one per argument); exit with this code.
    #[error("errors were reported above")]
    AlreadyReported(i32),
}

/// Maps any error that reached `main` to the process exit code.
pub fn exit_code(err: &anyhow::Error) -> i32 {
    for cause in err.chain() {
        match cause.downcast_ref::<PontoonError>() {
            Some(PontoonError::ContainerExit(code)) | Some(PontoonError::AlreadyReported(code)) => return *code,
            Some(PontoonError::ImageInUse { .. }) => return EXIT_IMAGE_IN_USE,
            _ => {}
        }
    }
    EXIT_ENGINE
}

/// Whether the error should be printed (a container's own exit is silent).
pub fn is_silent(err: &anyhow::Error) -> bool {
    matches!(
        err.downcast_ref::<PontoonError>(),
        Some(PontoonError::ContainerExit(_)) | Some(PontoonError::AlreadyReported(_))
    )
}

/// Joins an error and its causes into one line, outermost first, skipping
/// causes whose text an outer message already contains.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ").replace('\n', " ")
}
