//! Which executable a container's monitor runs. `pontoon-monitor`, built
//! with this pontoon, links only the monitor's code: a monitor stays with
//! its container for the container's whole life, so what its binary makes
//! it map and relocate is paid once per running container. It is looked
//! for beside this binary (a build's target directory, `~/bin`) and in
//! `../libexec/pontoon/` (`make install`); without it, this binary's own
//! `__monitor` entry does the same work.

use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

/// The monitor's file name.
pub const MONITOR_NAME: &str = "pontoon-monitor";
/// The engine version `start` expects of the monitor it execs; a monitor
/// of another version refuses to run (see check_engine_version).
const ENGINE_VERSION_ENV: &str = "_PONTOON_ENGINE_VERSION";
/// The engine's binary, for what the monitor starts of it (healthchecks).
const ENGINE_EXE_ENV: &str = "_PONTOON_ENGINE_EXE";

/// A command that runs a monitor, with what it must know of the engine.
/// The monitor is exec'd from a sealed executable of its binary (the fd
/// returned, which must stay open until the command is spawned): the
/// container's first process is a fork of the monitor and runs its code
/// until its own execve, where a container could reach the binary (by
/// /proc/PID/exe from a process of a shared PID namespace, or by an
/// entrypoint whose `#!` line names /proc/self/exe).
pub fn monitor_command() -> Result<(Command, OwnedFd)> {
    let engine = std::fs::read_link("/proc/self/exe").ok().filter(|p| p.is_absolute() && p.is_file());
    let Some(monitor) = engine.as_deref().and_then(installed_monitor) else {
        let sealed = crate::runtime::sealed::sealed_self().context("seal pontoon's binary for the monitor")?;
        let mut cmd = Command::new(fd_path(&sealed));
        cmd.arg0(engine.as_deref().unwrap_or(Path::new("pontoon")));
        cmd.env_remove(ENGINE_VERSION_ENV).env_remove(ENGINE_EXE_ENV);
        return Ok((cmd, sealed));
    };
    let sealed = crate::runtime::sealed::sealed_exe(&monitor).with_context(|| format!("seal {}", monitor.display()))?;
    let mut cmd = Command::new(fd_path(&sealed));
    // What `ps` shows: the monitor's real name.
    cmd.arg0(&monitor);
    cmd.env(ENGINE_VERSION_ENV, env!("CARGO_PKG_VERSION"));
    if let Some(engine) = engine {
        cmd.env(ENGINE_EXE_ENV, engine);
    }
    Ok((cmd, sealed))
}

/// How an exec names the file behind `fd`: execve resolves the path
/// before it closes the close-on-exec fd.
fn fd_path(fd: &OwnedFd) -> String {
    format!("/proc/self/fd/{}", fd.as_raw_fd())
}

/// `pontoon-monitor` beside `engine` or in its ../libexec/pontoon/, when
/// it is as trustworthy as `engine` itself.
fn installed_monitor(engine: &Path) -> Option<PathBuf> {
    let owner = std::fs::metadata(engine).ok()?.uid();
    let dir = engine.parent()?;
    let beside = dir.join(MONITOR_NAME);
    let libexec = dir.parent().map(|up| up.join("libexec/pontoon").join(MONITOR_NAME));
    [Some(beside), libexec].into_iter().flatten().find(|p| is_executable(p) && is_trusted(p, owner))
}

fn is_executable(path: &Path) -> bool {
    nix::unistd::access(path, nix::unistd::AccessFlags::X_OK).is_ok() && path.is_file()
}

/// Nobody but the engine's owner (or root) can have put or changed the
/// monitor: a root pontoon run from /tmp must not exec a pontoon-monitor
/// another user left beside it. The file is owned by them and writable
/// by nobody else; so is its directory, unless it is sticky (where only
/// a file's owner may replace it).
fn is_trusted(path: &Path, owner: u32) -> bool {
    let trusted_owner = |uid: u32| uid == owner || uid == 0;
    let (Ok(file), Some(Ok(dir))) = (std::fs::metadata(path), path.parent().map(std::fs::metadata)) else { return false };
    let writable_by_others = |mode: u32| mode & 0o022 != 0;
    let dir_safe = dir.mode() & 0o1000 != 0 || (trusted_owner(dir.uid()) && !writable_by_others(dir.mode()));
    trusted_owner(file.uid()) && !writable_by_others(file.mode()) && dir_safe
}

/// Drops what `start` tells a monitor from the environment of any other
/// pontoon command: only a monitor `start` spawned may act on it (an
/// inherited value, say through `sudo -E`, would otherwise choose where
/// root writes its events). Called first thing, single-threaded.
pub fn forget_monitor_env() {
    for var in [ENGINE_VERSION_ENV, ENGINE_EXE_ENV, crate::engine::events::SETTINGS_ENV] {
        std::env::remove_var(var);
    }
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
    fn a_monitor_others_could_have_written_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let engine = dir.path().join("pontoon");
        touch(&engine, 0o755);
        let monitor = dir.path().join("pontoon-monitor");
        touch(&monitor, 0o757);
        assert_eq!(installed_monitor(&engine), None, "writable by others");
        std::fs::set_permissions(&monitor, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(installed_monitor(&engine), Some(monitor.clone()));
        // A directory anyone may write to lets anyone swap the file.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(installed_monitor(&engine), None, "in a world-writable directory");
        // Sticky (as /tmp): only the file's owner may replace it.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o1777)).unwrap();
        assert_eq!(installed_monitor(&engine), Some(monitor.clone()));
        if nix::unistd::geteuid().is_root() {
            // Another user's file beside a root engine.
            nix::unistd::chown(&monitor, Some(nix::unistd::Uid::from_raw(65534)), None).unwrap();
            assert_eq!(installed_monitor(&engine), None, "owned by another user");
        }
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
