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

fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
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
}
