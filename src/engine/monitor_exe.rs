//! Which executable a container's monitor runs. `pontoon-monitor`, built
//! with this pontoon, links only the monitor's code: a monitor stays with
//! its container for the container's whole life, so what its binary makes
//! it map and relocate is paid once per running container. It is looked
//! for beside this binary (a build's target directory, `~/bin`) and in
//! `../libexec/pontoon/` (`make install`); without it, this binary's own
//! `__monitor` entry does the same work.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The monitor's file name.
pub const MONITOR_NAME: &str = "pontoon-monitor";
/// The engine version `start` expects of the monitor it execs; a monitor
/// of another version refuses to run (see check_engine_version).
const ENGINE_VERSION_ENV: &str = "_PONTOON_ENGINE_VERSION";
/// The engine's binary, for what the monitor starts of it (healthchecks).
const ENGINE_EXE_ENV: &str = "_PONTOON_ENGINE_EXE";

/// A command that runs a monitor, with what it must know of the engine.
pub fn monitor_command() -> Command {
    let engine = std::fs::read_link("/proc/self/exe").ok().filter(|p| p.is_absolute() && p.is_file());
    let Some(monitor) = engine.as_deref().and_then(installed_monitor) else {
        return Command::new("/proc/self/exe");
    };
    let mut cmd = Command::new(monitor);
    cmd.env(ENGINE_VERSION_ENV, env!("CARGO_PKG_VERSION"));
    if let Some(engine) = engine {
        cmd.env(ENGINE_EXE_ENV, engine);
    }
    cmd
}

/// `pontoon-monitor` beside `engine` or in its ../libexec/pontoon/.
fn installed_monitor(engine: &Path) -> Option<PathBuf> {
    let dir = engine.parent()?;
    let beside = dir.join(MONITOR_NAME);
    let libexec = dir.parent().map(|up| up.join("libexec/pontoon").join(MONITOR_NAME));
    [Some(beside), libexec].into_iter().flatten().find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    nix::unistd::access(path, nix::unistd::AccessFlags::X_OK).is_ok() && path.is_file()
}

/// The engine binary to run pontoon commands with from a monitor: the
/// `pontoon` that started it, or this very binary when it is `pontoon`.
pub fn engine_command() -> Command {
    match std::env::var_os(ENGINE_EXE_ENV) {
        Some(engine) => Command::new(engine),
        None => Command::new("/proc/self/exe"),
    }
}

/// A monitor refuses a `start` of another pontoon version: the records
/// they share would be read by different code.
pub fn check_engine_version() -> Result<(), String> {
    match std::env::var(ENGINE_VERSION_ENV) {
        Ok(v) if v != env!("CARGO_PKG_VERSION") => Err(format!(
            "{MONITOR_NAME} {} was started by pontoon {v}: install both from the same build (`make install`)",
            env!("CARGO_PKG_VERSION")
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn touch(path: &Path, mode: u32) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b"").unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn the_monitor_is_found_beside_the_engine_then_in_libexec() {
        let dir = tempfile::tempdir().unwrap();
        let engine = dir.path().join("bin/pontoon");
        touch(&engine, 0o755);
        assert_eq!(installed_monitor(&engine), None);
        let libexec = dir.path().join("libexec/pontoon/pontoon-monitor");
        touch(&libexec, 0o755);
        assert_eq!(installed_monitor(&engine), Some(libexec));
        let beside = dir.path().join("bin/pontoon-monitor");
        touch(&beside, 0o755);
        assert_eq!(installed_monitor(&engine), Some(beside));
    }

    #[test]
    fn a_monitor_that_cannot_be_executed_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let engine = dir.path().join("pontoon");
        touch(&engine, 0o755);
        touch(&dir.path().join("pontoon-monitor"), 0o644);
        // root may execute nothing without an x bit either.
        assert_eq!(installed_monitor(&engine), None);
    }
}
