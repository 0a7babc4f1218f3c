//! The event log file: one JSON line per event, appended by every command
//! and monitor, read and followed by `pontoon events`. Bounded: when an
//! append would take the file past its size limit, the file becomes
//! `NAME.1` (replacing the older one) and a new file starts, so the log
//! holds between one and two limits' worth of the most recent events.
//!
//! Appends take the log's lock (so a rotation never races an append) and
//! write each line with one `write` on an `O_APPEND` descriptor, so lines
//! from concurrent writers never interleave.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Podman's default `events_logfile_max_size` (1 MiB).
pub const DEFAULT_MAX_SIZE: u64 = 1024 * 1024;

/// The log at `path`, rotated at `max_size` bytes.
#[derive(Clone, Debug)]
pub struct EventLog {
    pub path: PathBuf,
    pub max_size: u64,
}

impl EventLog {
    pub fn new(path: PathBuf, max_size: u64) -> EventLog {
        EventLog { path, max_size: max_size.max(1) }
    }

    /// The previous file, kept after a rotation.
    pub fn rotated(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".1");
        PathBuf::from(name)
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".lock");
        PathBuf::from(name)
    }

    /// Appends one line (which must end in a newline), rotating first when
    /// it would not fit.
    pub fn append(&self, line: &[u8]) -> Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("create the event log directory {}", dir.display()))?;
        }
        let _lock = crate::store::lock::lock_exclusive(&self.lock_path())?;
        let size = std::fs::metadata(&self.path).map(|m| if m.is_file() { m.len() } else { 0 }).unwrap_or(0);
        if size > 0 && size + line.len() as u64 > self.max_size {
            std::fs::rename(&self.path, self.rotated()).with_context(|| format!("rotate the event log {}", self.path.display()))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o644)
            .custom_flags(libc::O_CLOEXEC)
            .open(&self.path)
            .with_context(|| format!("open the event log {}", self.path.display()))?;
        // One write: a short one (full disk) loses the rest of this line
        // only; the reader skips what does not parse.
        let written = nix::unistd::write(&file, line).with_context(|| format!("write the event log {}", self.path.display()))?;
        if written != line.len() {
            bail!("write the event log {}: short write ({written} of {} bytes)", self.path.display(), line.len());
        }
        Ok(())
    }

    /// Every line there is, oldest first (the rotated file, then the current).
    pub fn read_all(&self) -> Vec<String> {
        let mut out = Vec::new();
        for path in [self.rotated(), self.path.clone()] {
            if let Ok(text) = std::fs::read(&path) {
                out.extend(String::from_utf8_lossy(&text).lines().map(str::to_string));
            }
        }
        out
    }

    /// A reader positioned at the current end of the log, for following.
    pub fn follow(&self) -> Follower {
        self.follower(true)
    }

    /// A reader of the current file from its start (the rotated file is
    /// the caller's to read first), for following.
    pub fn follow_from_start(&self) -> Follower {
        self.follower(false)
    }

    /// The lines of the rotated file only.
    pub fn read_rotated(&self) -> Vec<String> {
        std::fs::read(self.rotated()).map(|t| String::from_utf8_lossy(&t).lines().map(str::to_string).collect()).unwrap_or_default()
    }

    fn follower(&self, at_end: bool) -> Follower {
        let mut f = Follower { path: self.path.clone(), file: None, inode: 0, partial: Vec::new() };
        f.reopen(at_end);
        f
    }
}

/// Reads the lines appended to the log since it was last asked, across
/// rotations (the old file is drained before the new one is opened).
pub struct Follower {
    path: PathBuf,
    file: Option<File>,
    inode: u64,
    /// The start of a line whose newline has not been written yet.
    partial: Vec<u8>,
}

impl Follower {
    fn reopen(&mut self, at_end: bool) {
        self.file = None;
        if let Ok(mut file) = File::open(&self.path) {
            self.inode = file.metadata().map(|m| m.ino()).unwrap_or(0);
            if at_end {
                let _ = file.seek(SeekFrom::End(0));
            }
            self.file = Some(file);
        }
    }

    /// The complete lines written since the last call.
    pub fn poll(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        self.drain(&mut lines);
        // Rotated (or created) since: what is at the path now is new.
        let current = current_inode(&self.path);
        if current.is_some() && (self.file.is_none() || current != Some(self.inode)) {
            self.reopen(false);
            self.partial.clear();
            self.drain(&mut lines);
        }
        lines
    }

    fn drain(&mut self, lines: &mut Vec<String>) {
        let Some(file) = self.file.as_mut() else { return };
        let mut buf = Vec::new();
        if file.read_to_end(&mut buf).is_err() {
            return;
        }
        self.partial.extend_from_slice(&buf);
        while let Some(end) = self.partial.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.partial.drain(..=end).collect();
            lines.push(String::from_utf8_lossy(&line[..end]).into_owned());
        }
    }
}

fn current_inode(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.ino())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_rotate_at_the_limit_and_keep_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let log = EventLog::new(dir.path().join("events.log"), 100);
        for i in 0..50 {
            log.append(format!("line {i:04} padding\n").as_bytes()).unwrap();
        }
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        assert!(size(&log.path) <= 100 && size(&log.rotated()) <= 100);
        let all = log.read_all();
        assert_eq!(all.last().map(String::as_str), Some("line 0049 padding"));
        assert!(all.len() < 50, "old lines are dropped: {}", all.len());
    }

    #[test]
    fn the_follower_sees_new_lines_across_a_rotation() {
        let dir = tempfile::tempdir().unwrap();
        let log = EventLog::new(dir.path().join("events.log"), 40);
        log.append(b"before\n").unwrap();
        let mut f = log.follow();
        assert!(f.poll().is_empty(), "starts at the end");
        log.append(b"one 0123456789\n").unwrap();
        log.append(b"two 0123456789\n").unwrap();
        log.append(b"three 0123456789\n").unwrap();
        assert_eq!(f.poll(), ["one 0123456789", "two 0123456789", "three 0123456789"]);
    }
}
