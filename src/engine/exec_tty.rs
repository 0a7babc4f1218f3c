//! The terminal of `exec -t`: this process holds the pty master and relays
//! it to the caller's terminal (in raw mode), passes on size changes
//! (SIGWINCH), and watches the input for the detach keys. It runs on the
//! calling thread with poll(2), so that pontoon stays single-threaded and
//! may fork a holder for the terminal when the user detaches.

use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};

use crate::engine::attach::{enter_raw_mode, terminal_size};

#[derive(Debug, PartialEq, Eq)]
pub enum RelayEnd {
    /// The process closed its terminal (it exited).
    Closed,
    /// The user typed the detach keys.
    Detached,
}

/// Relays between our stdin/stdout and `master` until the process closes
/// its terminal or the user types `detach_keys`.
pub fn relay(master: &OwnedFd, interactive: bool, detach_keys: &[u8]) -> Result<RelayEnd> {
    let _raw = if interactive && nix::unistd::isatty(0).unwrap_or(false) { enter_raw_mode() } else { None };
    let mut winch = SigSet::empty();
    winch.add(Signal::SIGWINCH);
    winch.thread_block().context("block SIGWINCH")?;
    let signals = SignalFd::with_flags(&winch, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK).context("create a signalfd for SIGWINCH")?;
    let result = pump(master, &signals, interactive, detach_keys);
    let _ = winch.thread_unblock();
    result
}

fn pump(master: &OwnedFd, signals: &SignalFd, interactive: bool, keys: &[u8]) -> Result<RelayEnd> {
    let mut stdin_open = interactive;
    let mut detach = DetachMatcher::new(keys);
    let mut buf = [0u8; 8192];
    let stdin = std::io::stdin();
    loop {
        let mut fds = vec![PollFd::new(signals.as_fd(), PollFlags::POLLIN), PollFd::new(master.as_fd(), PollFlags::POLLIN)];
        if stdin_open {
            fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) => {}
            Err(Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll the terminal"),
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        drop(fds);
        if ready[0] {
            while let Ok(Some(_)) = signals.read_signal() {}
            if let Some((rows, cols)) = terminal_size() {
                set_size(master, rows, cols);
            }
        }
        if ready[1] {
            match nix::unistd::read(master.as_raw_fd(), &mut buf) {
                // EIO: every copy of the slave is closed, the process is gone.
                Ok(0) | Err(Errno::EIO) => return Ok(RelayEnd::Closed),
                Ok(n) => {
                    let mut out = std::io::stdout().lock();
                    let _ = out.write_all(&buf[..n]);
                    let _ = out.flush();
                }
                Err(Errno::EINTR | Errno::EAGAIN) => {}
                Err(e) => return Err(e).context("read the exec's terminal"),
            }
        }
        if ready.get(2).copied().unwrap_or(false) {
            match nix::unistd::read(stdin.as_raw_fd(), &mut buf) {
                Ok(0) | Err(Errno::EIO) => stdin_open = false,
                Ok(n) => {
                    let (pass, detached) = detach.feed(&buf[..n]);
                    write_all(master, &pass)?;
                    if detached {
                        return Ok(RelayEnd::Detached);
                    }
                }
                Err(Errno::EINTR | Errno::EAGAIN) => {}
                Err(e) => return Err(e).context("read standard input"),
            }
        }
    }
}

fn write_all(fd: &OwnedFd, mut data: &[u8]) -> Result<()> {
    while !data.is_empty() {
        match nix::unistd::write(fd, data) {
            Ok(n) => data = &data[n..],
            Err(Errno::EINTR | Errno::EAGAIN) => continue,
            Err(e) => return Err(e).context("write to the exec's terminal"),
        }
    }
    Ok(())
}

fn set_size(master: &OwnedFd, rows: u16, cols: u16) {
    let size = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ on our pty master with a valid winsize.
    unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
}

/// Finds the detach sequence in the input, holding back a partial match
/// until it is complete (then nothing of it is sent) or broken (then it is).
pub(crate) struct DetachMatcher<'a> {
    keys: &'a [u8],
    held: usize,
}

impl<'a> DetachMatcher<'a> {
    pub(crate) fn new(keys: &'a [u8]) -> Self {
        DetachMatcher { keys, held: 0 }
    }

    /// Returns the bytes to send and whether the sequence was completed.
    pub(crate) fn feed(&mut self, input: &[u8]) -> (Vec<u8>, bool) {
        let mut out = Vec::with_capacity(input.len());
        if self.keys.is_empty() {
            out.extend_from_slice(input);
            return (out, false);
        }
        for &b in input {
            if b == self.keys[self.held] {
                self.held += 1;
                if self.held == self.keys.len() {
                    return (out, true);
                }
                continue;
            }
            out.extend_from_slice(&self.keys[..self.held]);
            self.held = 0;
            if b == self.keys[0] {
                self.held = 1;
                if self.keys.len() == 1 {
                    return (out, true);
                }
            } else {
                out.push(b);
            }
        }
        (out, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys_are_held_back_until_they_match_or_break() {
        let keys = [16u8, 17];
        let mut m = DetachMatcher::new(&keys);
        assert_eq!(m.feed(b"ab"), (b"ab".to_vec(), false));
        assert_eq!(m.feed(&[16]), (vec![], false));
        assert_eq!(m.feed(b"x"), (vec![16, b'x'], false));
        assert_eq!(m.feed(&[b'y', 16]), (vec![b'y'], false));
        assert_eq!(m.feed(&[17, b'z']), (vec![], true));
        let mut m = DetachMatcher::new(&keys);
        assert_eq!(m.feed(&[16, 16, 17]), (vec![16], true));
    }
}
