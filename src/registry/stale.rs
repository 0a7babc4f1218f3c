//! Temporary blob files left by killed downloads. Blob temp files are named
//! `blob-<pid>-<random>` (see store::blobs), so a pull can remove those of
//! dead processes at its start without touching a concurrent pull's file.
//! Files without a pid in their name are removed once they are old enough
//! that no live command can still be writing them.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};

/// Age after which an unattributable temp file is taken as abandoned.
const ABANDONED_AFTER: Duration = Duration::from_secs(30 * 60);

/// Removes abandoned `blob-*` files from `tmp`; returns how many.
pub fn clean(tmp: &Path) -> Result<usize> {
    let entries = match fs::read_dir(tmp) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e).with_context(|| format!("list {}", tmp.display())),
    };
    let mut removed = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("blob-") else { continue };
        let abandoned = match owner_pid(rest) {
            Some(pid) => !process_alive(pid),
            None => entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| older_than(t, ABANDONED_AFTER)),
        };
        if abandoned {
            match fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                // Another pull cleaned it first.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("remove stale download {}", entry.path().display())),
            }
        }
    }
    Ok(removed)
}

/// The pid in `<pid>-<random>`.
fn owner_pid(rest: &str) -> Option<u32> {
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() {
        return None;
    }
    pid.parse().ok()
}

/// A killed process stays in /proc as a zombie until its parent (or init)
/// reaps it; a zombie writes nothing, so it counts as dead.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the parenthesised command name, which may itself contain ')'.
        Ok(stat) => stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().next()).is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}

fn older_than(t: SystemTime, age: Duration) -> bool {
    SystemTime::now().duration_since(t).is_ok_and(|d| d > age)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_dead_owners_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join(format!("blob-{}-abc", std::process::id()));
        // Pids are below 2^22 on Linux, so this one cannot be running.
        let dead = dir.path().join("blob-99999999-abc");
        let fresh_unknown = dir.path().join("blob-xyz");
        let other = dir.path().join("archive-1");
        for f in [&mine, &dead, &fresh_unknown, &other] {
            fs::write(f, b"x").unwrap();
        }
        assert_eq!(clean(dir.path()).unwrap(), 1);
        assert!(mine.exists() && fresh_unknown.exists() && other.exists());
        assert!(!dead.exists());
        assert_eq!(clean(&dir.path().join("missing")).unwrap(), 0);
    }

    #[test]
    fn zombies_are_dead() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        // Not yet reaped: a zombie once it has exited.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while process_alive(pid) {
            assert!(std::time::Instant::now() < deadline, "child never became a zombie");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(Path::new(&format!("/proc/{pid}")).exists(), "still in /proc as a zombie");
        child.wait().unwrap();
        assert!(process_alive(1));
    }
}
