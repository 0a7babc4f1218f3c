//! The container log in Podman's k8s-file format: one record per line,
//! `<RFC 3339 nano time> <stdout|stderr> <F|P> <text>`, P marking a line the
//! container has not finished yet.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::{DateTime, SecondsFormat, Utc};

pub struct LogWriter {
    /// None for `--log-driver none`: output reaches attached clients only.
    file: Option<File>,
    /// `--log-opt max-size`: the file starts over when a write would pass it
    /// (what Podman's conmon does with k8s-file).
    max_size: Option<u64>,
}

impl LogWriter {
    pub fn open(path: &Path) -> Result<LogWriter> {
        let file = OpenOptions::new().create(true).append(true).open(path).with_context(|| format!("open log {}", path.display()))?;
        Ok(LogWriter { file: Some(file), max_size: None })
    }

    /// The container's log as its `--log-driver` and `--log-opt` say.
    pub fn for_container(spec: &crate::spec::run_options::LogSpec, default_path: &Path) -> Result<LogWriter> {
        if !spec.writes() {
            return Ok(LogWriter { file: None, max_size: None });
        }
        let mut w = LogWriter::open(spec.path.as_deref().unwrap_or(default_path))?;
        w.max_size = spec.max_size;
        Ok(w)
    }

    /// Appends output; each complete line becomes an F record, a trailing
    /// piece a P record.
    pub fn write(&mut self, stream: &str, data: &[u8]) -> io::Result<()> {
        let now = Utc::now().to_rfc3339_opts(SecondsFormat::Nanos, true);
        let mut out = Vec::with_capacity(data.len() + 64);
        let mut rest = data;
        while !rest.is_empty() {
            let (line, full, next) = match rest.iter().position(|b| *b == b'\n') {
                Some(i) => (&rest[..i], true, &rest[i + 1..]),
                None => (rest, false, &rest[rest.len()..]),
            };
            out.extend_from_slice(now.as_bytes());
            out.push(b' ');
            out.extend_from_slice(stream.as_bytes());
            out.extend_from_slice(if full { b" F " } else { b" P " });
            out.extend_from_slice(line);
            out.push(b'\n');
            rest = next;
        }
        let Some(file) = self.file.as_mut() else { return Ok(()) };
        let mut out = &out[..];
        if let Some(max) = self.max_size.and_then(|m| usize::try_from(m).ok()) {
            let len = file.metadata()?.len();
            if len + out.len() as u64 > max as u64 {
                // Appends go to the new end: readers see the file shrink and start over.
                file.set_len(0)?;
            }
            if out.len() > max {
                // One burst bigger than the whole log: its last records that fit.
                let from = out.len() - max;
                let start = out[from..].iter().position(|b| *b == b'\n').map_or(out.len(), |i| from + i + 1);
                out = &out[start..];
            }
        }
        file.write_all(out)
    }
}

/// One record of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRecord {
    pub time: DateTime<Utc>,
    pub stream: String,
    pub full: bool,
    pub text: Vec<u8>,
}

pub fn parse_line(line: &[u8]) -> Option<LogRecord> {
    let mut parts = line.splitn(4, |b| *b == b' ');
    let time = std::str::from_utf8(parts.next()?).ok()?;
    let stream = std::str::from_utf8(parts.next()?).ok()?.to_string();
    let tag = parts.next()?;
    let text = parts.next().unwrap_or_default().to_vec();
    let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
    Some(LogRecord { time, stream, full: tag == b"F", text })
}

/// Reads the complete records that start at byte `offset`; returns them
/// and the offset after the last complete line (for `logs -f`).
pub fn read_from(path: &Path, offset: u64) -> Result<(Vec<LogRecord>, u64)> {
    use std::io::{Seek, SeekFrom};
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), offset)),
        Err(e) => return Err(e).with_context(|| format!("open log {}", path.display())),
    };
    // A log cut back by max-size is shorter than where we were: start over.
    let offset = if file.metadata().map(|m| m.len()).unwrap_or(0) < offset { 0 } else { offset };
    file.seek(SeekFrom::Start(offset)).with_context(|| format!("seek in log {}", path.display()))?;
    let mut out = Vec::new();
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut end = offset;
    loop {
        let n = reader.read_until(b'\n', &mut line).with_context(|| format!("read log {}", path.display()))?;
        // A line still being written (no newline yet) is read next time.
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        end += n as u64;
        line.pop();
        if let Some(r) = parse_line(&line) {
            out.push(r);
        }
        line.clear();
    }
    Ok((out, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_full_and_partial_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log");
        let mut w = LogWriter::open(&path).unwrap();
        w.write("stdout", b"one\ntwo\nthr").unwrap();
        w.write("stderr", b"oops\n").unwrap();
        let (records, end) = read_from(&path, 0).unwrap();
        assert_eq!(end, std::fs::metadata(&path).unwrap().len());
        let summary: Vec<(String, bool, Vec<u8>)> = records.into_iter().map(|r| (r.stream, r.full, r.text)).collect();
        assert_eq!(
            summary,
            vec![
                ("stdout".into(), true, b"one".to_vec()),
                ("stdout".into(), true, b"two".to_vec()),
                ("stdout".into(), false, b"thr".to_vec()),
                ("stderr".into(), true, b"oops".to_vec()),
            ]
        );
    }
}
