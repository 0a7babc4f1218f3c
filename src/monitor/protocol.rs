//! Frames on a container's attach socket. Each is a type byte, a big-endian
//! u32 length and the payload. Small and blocking-friendly: the CLI reads
//! with plain `read_exact`, the monitor writes whole frames.

use std::io::{self, Read};

/// Client -> monitor: bytes for the container's stdin.
pub const STDIN: u8 = 0;
/// Client -> monitor: the client's stdin ended.
pub const STDIN_EOF: u8 = 1;
/// Client -> monitor: terminal size (rows u16, cols u16).
pub const RESIZE: u8 = 2;
/// Client -> monitor: forward this signal (i32) to the container.
pub const SIGNAL: u8 = 3;
/// Client -> monitor: stop (1) or continue (0) every process of the
/// container with SIGSTOP/SIGCONT (pause without a freezer cgroup; the
/// monitor may signal them all, rootless too).
pub const PAUSE: u8 = 4;
/// Client -> monitor: the container just turned unhealthy; apply this
/// `--health-on-failure` action (one byte, below). Sent by `healthcheck run`.
pub const HEALTH_ACTION: u8 = 5;
pub const HEALTH_KILL: u8 = 1;
pub const HEALTH_RESTART: u8 = 2;
pub const HEALTH_STOP: u8 = 3;
/// Monitor -> client: container output.
pub const STDOUT: u8 = 1;
pub const STDERR: u8 = 2;
/// Monitor -> client: the container exited with this code (i32).
pub const EXIT: u8 = 3;

/// Largest payload a peer may send; anything larger is a broken peer.
const MAX_PAYLOAD: u32 = 1 << 20;

pub fn encode(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(payload.len() + 5);
    frame.push(kind);
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(payload);
    frame
}

pub fn read_frame(r: &mut impl Read) -> io::Result<(u8, Vec<u8>)> {
    let mut head = [0u8; 5];
    r.read_exact(&mut head)?;
    let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]);
    if len > MAX_PAYLOAD {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "attach frame too large"));
    }
    let mut payload = vec![0u8; len as usize];
    r.read_exact(&mut payload)?;
    Ok((head[0], payload))
}

/// Splits complete frames off the front of `buf`, leaving a partial one.
pub fn take_frames(buf: &mut Vec<u8>) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    loop {
        if buf.len() < 5 {
            break;
        }
        let len = u32::from_be_bytes([buf[1], buf[2], buf[3], buf[4]]) as usize;
        if buf.len() < 5 + len {
            break;
        }
        let payload = buf[5..5 + len].to_vec();
        out.push((buf[0], payload));
        buf.drain(..5 + len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_split() {
        let mut buf = encode(STDIN, b"hello");
        buf.extend(encode(RESIZE, &[0, 24, 0, 80]));
        buf.extend(&encode(STDIN, b"partial")[..3]);
        let frames = take_frames(&mut buf);
        assert_eq!(frames, vec![(STDIN, b"hello".to_vec()), (RESIZE, vec![0, 24, 0, 80])]);
        assert_eq!(buf.len(), 3);
        let mut cursor = io::Cursor::new(encode(EXIT, &3i32.to_be_bytes()));
        assert_eq!(read_frame(&mut cursor).unwrap(), (EXIT, 3i32.to_be_bytes().to_vec()));
    }
}

/// The monitor's one answer to `start` on the sync pipe: the container
/// runs (or waits for its first client), or it could not start, with
/// Docker's code for why. One JSON line, encoded and decoded only here.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StartReport {
    Started,
    Failed { code: i32, message: String },
}

impl StartReport {
    pub fn encode(&self) -> Vec<u8> {
        let mut line = serde_json::to_vec(self).unwrap_or_else(|_| br#"{"Failed":{"code":125,"message":"encode the report"}}"#.to_vec());
        line.push(b'\n');
        line
    }

    /// None for a line that is not a report (a monitor that died mid-write).
    pub fn decode(line: &str) -> Option<StartReport> {
        serde_json::from_str(line.trim_end()).ok()
    }
}

#[cfg(test)]
mod report_tests {
    use super::StartReport;

    #[test]
    fn reports_round_trip_with_their_code() {
        let failed = StartReport::Failed { code: 127, message: "\"nope\": not found\nsecond line".into() };
        for r in [StartReport::Started, failed] {
            let line = String::from_utf8(r.encode()).unwrap();
            assert_eq!(line.matches('\n').count(), 1, "one line");
            assert_eq!(StartReport::decode(&line), Some(r));
        }
        assert_eq!(StartReport::decode(""), None);
    }
}
