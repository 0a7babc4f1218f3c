//! The catalogue of domain errors that callers branch on, and the one place
//! where any error becomes a process exit code.
//!
//! Exit codes follow what Docker and Podman users rely on: in `run`,
//! `create` and `exec`, 125 when pontoon itself fails, 126 when the
//! container's command cannot be invoked, 127 when it is not found, and the
//! container's own code otherwise; in the other commands, 1 for a missing
//! object (no such container, image or volume), 2 for a conflicting state
//! (removing a running container, or an image or volume in use), 125 for
//! anything else. The mapping is [`exit_code`], here and nowhere else.

use thiserror::Error;

/// Exit code for a failure of the engine itself (bad flag, no such image...).
pub const EXIT_ENGINE: i32 = 125;
/// Exit code when the container's command exists but cannot be executed.
pub const EXIT_CANNOT_INVOKE: i32 = 126;
/// Exit code when the container's command does not exist.
pub const EXIT_NOT_FOUND: i32 = 127;
/// Exit code outside run/create/exec for an object that does not exist.
pub const EXIT_NO_SUCH_OBJECT: i32 = 1;
/// Exit code outside run/create/exec for a state that forbids the action
/// (Podman's: a running container, an image or volume in use).
pub const EXIT_CONFLICT: i32 = 2;

/// Exit code of `run -it` / `exec -it` refused for want of a terminal
/// (Docker's CLI refuses it with 1).
pub const EXIT_NO_TTY: i32 = 1;

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
    /// Podman's text; it holds Docker's "No such container" too, so that
    /// scripts matching either (case-insensitively) keep working.
    #[error("no container with name or ID {0:?} found: no such container")]
    NoSuchContainer(String),
    #[error("the container name {0:?} is already in use")]
    NameInUse(String),
    #[error("{prefix:?} is ambiguous: it matches more than one {what}; give more characters")]
    Ambiguous { prefix: String, what: &'static str },
    #[error("no subordinate {kind} range for user {user:?} in {file}: add one with `usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {user}` (run as root)")]
    NoSubordinateRange { kind: &'static str, user: String, file: String },
    #[error("no volume with name {0:?} found: no such volume")]
    NoSuchVolume(String),
    #[error("unable to find network with name or ID {0}: network not found")]
    NoSuchNetwork(String),
    #[error("no pod with name or ID {0} found: no such pod")]
    NoSuchPod(String),
    #[error("name {0:?} is in use: pod already exists")]
    PodExists(String),
    #[error("no such object: {0:?}")]
    NoSuchObject(String),
    /// `port CONTAINER PORT` for a port that is not published (Docker exits 1).
    #[error("no public port '{port}' published for {container}")]
    NoPublicPort { port: String, container: String },
    /// kill, exec, attach, pause, top of a container that does not run;
    /// the message names it and what to do.
    #[error("{message}")]
    ContainerNotRunning { name: String, message: String },
    #[error("cannot remove container {0}: it is running: stop it first or use rm -f")]
    ContainerRunning(String),
    #[error("pod {pod} has running containers ({container}): stop the pod first (pontoon pod stop {pod}) or use pod rm -f")]
    PodRunning { pod: String, container: String },
    #[error("volume {volume} is in use by container {container}: remove the container first (pontoon rm {container})")]
    VolumeInUse { volume: String, container: String },
    #[error("network {network} is in use by container {container}: remove or disconnect the container first, or use -f")]
    NetworkInUse { network: String, container: String },
    /// The container's process could not be started: the runtime's
    /// message, and Docker's code for it (125, 126 or 127).
    #[error("{message}")]
    StartFailed { code: i32, message: String },
    /// A build's RUN step exited non-zero: the build stops with the
    /// step's code, as Podman's does, after its output was shown.
    #[error("{message}")]
    BuildStepFailed { code: i32, message: String },
    /// `run -it` / `exec -it` with stdin not a terminal: refused before
    /// anything is created, with Docker's words and exit code (1).
    #[error("the input device is not a TTY: -i and -t need a terminal on stdin; drop -t to pipe input into the container")]
    InputNotATty,
    /// The container exited with this code; not an engine failure, so
    /// nothing is printed.
    #[error("container exited with code {0}")]
    ContainerExit(i32),
    /// The command's own result, already shown (a failed `system doctor`
    /// check, the exit of `unshare`'s command): nothing more to print.
    #[error("exit status {0}")]
    Exit(i32),
    /// Several names failed in a many-name command (`rm a b c`): one
    /// error each, printed one per line, as Docker prints them at the end.
    #[error("{}", .0.iter().map(one_line).collect::<Vec<_>>().join("; "))]
    Several(Vec<anyhow::Error>),
}

/// What kind of failure an error is, for its exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NotFound,
    Conflict,
    Engine,
    /// A code that is the result itself (the container's, the runtime's).
    Code(i32),
}

fn kind(err: &anyhow::Error) -> Kind {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<PontoonError>() {
            return match e {
                PontoonError::InputNotATty => Kind::Code(EXIT_NO_TTY),
                PontoonError::ContainerExit(code)
                | PontoonError::Exit(code)
                | PontoonError::StartFailed { code, .. }
                | PontoonError::BuildStepFailed { code, .. } => Kind::Code(*code),
                PontoonError::NoSuchContainer(_) | PontoonError::ImageNotFound(_) | PontoonError::NoSuchVolume(_)
                | PontoonError::NoSuchNetwork(_)
                | PontoonError::NoSuchPod(_)
                | PontoonError::NoSuchObject(_)
                | PontoonError::NoPublicPort { .. } => {
                    Kind::NotFound
                }
                PontoonError::ContainerRunning(_) | PontoonError::PodRunning { .. } | PontoonError::ImageInUse { .. } | PontoonError::VolumeInUse { .. }
                | PontoonError::NetworkInUse { .. } => Kind::Conflict,
                PontoonError::Several(errors) => several_kind(errors),
                _ => Kind::Engine,
            };
        }
    }
    Kind::Engine
}

/// Several failures share a kind only when they are all of it.
fn several_kind(errors: &[anyhow::Error]) -> Kind {
    let kinds: Vec<Kind> = errors.iter().map(kind).collect();
    match kinds.first() {
        Some(first) if kinds.iter().all(|k| k == first) => *first,
        _ => Kind::Engine,
    }
}

/// Whether a command is `run`, `create` or `exec`, whose exit code is the
/// container's and 125 for any failure of pontoon's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Run,
    Other,
}

/// Maps any error that reached `main` to the process exit code.
pub fn exit_code(err: &anyhow::Error, family: Family) -> i32 {
    match (kind(err), family) {
        (Kind::Code(code), _) => code,
        (Kind::NotFound, Family::Other) => EXIT_NO_SUCH_OBJECT,
        (Kind::Conflict, Family::Other) => EXIT_CONFLICT,
        _ => EXIT_ENGINE,
    }
}

/// The lines `main` prints for an error: none for a container's own exit,
/// one per failed name for several, else one.
pub fn report_lines(err: &anyhow::Error) -> Vec<String> {
    match err.downcast_ref::<PontoonError>() {
        Some(PontoonError::ContainerExit(_)) | Some(PontoonError::Exit(_)) => Vec::new(),
        Some(PontoonError::Several(errors)) => errors.iter().flat_map(report_lines).collect(),
        _ => vec![format!("Error: {}", one_line(err))],
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn err(e: PontoonError) -> anyhow::Error {
        anyhow::Error::from(e).context("outer context")
    }

    #[test]
    fn exit_codes_as_docker_and_podman_users_expect() {
        let missing = || err(PontoonError::NoSuchContainer("bogus".into()));
        assert_eq!(exit_code(&missing(), Family::Other), 1, "rm bogus");
        assert_eq!(exit_code(&missing(), Family::Run), 125, "exec bogus");
        assert_eq!(exit_code(&err(PontoonError::ContainerRunning("web".into())), Family::Other), 2);
        assert_eq!(exit_code(&err(PontoonError::NetworkInUse { network: "app".into(), container: "web".into() }), Family::Other), 2);
        assert_eq!(exit_code(&err(PontoonError::NoSuchNetwork("app".into())), Family::Other), 1);
        assert_eq!(exit_code(&err(PontoonError::ImageNotFound("nope".into())), Family::Run), 125, "run of a missing image");
        assert_eq!(exit_code(&err(PontoonError::StartFailed { code: 127, message: "x".into() }), Family::Run), 127);
        assert_eq!(exit_code(&err(PontoonError::ContainerExit(3)), Family::Run), 3);
        assert_eq!(exit_code(&anyhow::anyhow!("disk on fire"), Family::Other), 125);
        let two_missing = PontoonError::Several(vec![missing(), missing()]).into();
        assert_eq!(exit_code(&two_missing, Family::Other), 1);
        let mixed = PontoonError::Several(vec![missing(), err(PontoonError::ContainerRunning("web".into()))]).into();
        assert_eq!(exit_code(&mixed, Family::Other), 125);
        assert_eq!(report_lines(&mixed).len(), 2, "one line per failed name");
        assert!(report_lines(&PontoonError::ContainerExit(1).into()).is_empty());
    }
}
