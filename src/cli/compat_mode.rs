//! Which CLI pontoon is standing in for: Docker's or Podman's. Where the two
//! print the same thing differently (the `ps` COMMAND column: Docker quotes
//! and cuts it with `…`, Podman prints it bare and cuts it with `...`), the
//! printing code asks [`current`] instead of guessing.
//!
//! The mode is, in this order:
//! 1. `PONTOON_COMPAT=podman` or `PONTOON_COMPAT=docker` in the environment
//!    (what `contrib/shims/podman` sets, and what a user can export);
//! 2. the name pontoon was run as: `podman` (a symlink, or an alias that
//!    execs a link) gives Podman's output, `docker` Docker's;
//! 3. otherwise Docker's, as pontoon's CLI follows Docker's by default.
//!
//! Only output changes with the mode, never what a command does.

use std::ffi::OsStr;
use std::path::Path;
use std::sync::OnceLock;

/// The variable that chooses the mode explicitly.
pub const ENV: &str = "PONTOON_COMPAT";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Docker,
    Podman,
}

/// The mode of this process, decided once from its environment and argv[0].
pub fn current() -> Mode {
    static MODE: OnceLock<Mode> = OnceLock::new();
    *MODE.get_or_init(|| {
        let argv0 = std::env::args_os().next();
        let env = std::env::var_os(ENV);
        detect(argv0.as_deref(), env.as_deref())
    })
}

/// The mode for a program name and a `PONTOON_COMPAT` value. An unknown
/// value of the variable is ignored (the name decides), as a typo there
/// should not change how every command prints.
pub fn detect(argv0: Option<&OsStr>, env: Option<&OsStr>) -> Mode {
    match env.and_then(OsStr::to_str).map(str::to_ascii_lowercase).as_deref() {
        Some("podman") => return Mode::Podman,
        Some("docker") => return Mode::Docker,
        _ => {}
    }
    let name = argv0.and_then(|a| Path::new(a).file_name()).and_then(OsStr::to_str).unwrap_or("");
    match name {
        "podman" => Mode::Podman,
        _ => Mode::Docker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(argv0: &str, env: Option<&str>) -> Mode {
        detect(Some(OsStr::new(argv0)), env.map(OsStr::new))
    }

    #[test]
    fn the_program_name_chooses_the_mode() {
        assert_eq!(mode("/usr/local/bin/podman", None), Mode::Podman);
        assert_eq!(mode("podman", None), Mode::Podman);
        assert_eq!(mode("/usr/bin/docker", None), Mode::Docker);
        assert_eq!(mode("pontoon", None), Mode::Docker);
        assert_eq!(mode("/opt/podman-tools/pontoon", None), Mode::Docker, "only the file name counts");
        assert_eq!(detect(None, None), Mode::Docker);
    }

    #[test]
    fn the_variable_wins_over_the_name() {
        assert_eq!(mode("pontoon", Some("podman")), Mode::Podman);
        assert_eq!(mode("pontoon", Some("Podman")), Mode::Podman);
        assert_eq!(mode("podman", Some("docker")), Mode::Docker);
        assert_eq!(mode("podman", Some("bogus")), Mode::Podman, "an unknown value leaves the name to decide");
        assert_eq!(mode("docker", Some("")), Mode::Docker);
    }
}
