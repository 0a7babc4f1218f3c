//! The client side of a container's attach socket: what `run`, `start -a`
//! and `attach` do. Output frames go to our stdout/stderr; our stdin,
//! terminal size and signals go to the monitor. A single thread writes to
//! the socket (stdin, resizes, signals through a self-pipe), the calling
//! thread reads from it.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::termios::{self, SetArg, Termios};

use crate::monitor::protocol;

pub struct AttachOptions {
    /// Forward our stdin.
    pub stdin: bool,
    /// The container has a terminal: put ours in raw mode and send resizes.
    pub tty: bool,
    /// The key sequence that detaches (default ctrl-p ctrl-q).
    pub detach_keys: Vec<u8>,
    /// Forward SIGINT/SIGTERM/... to the container (non-tty).
    pub sig_proxy: bool,
    /// Which of the container's streams to print (`run -a stdout`).
    pub streams: Streams,
}

/// The output streams an attached client prints.
#[derive(Clone, Copy, Debug)]
pub struct Streams {
    pub stdout: bool,
    pub stderr: bool,
}

impl Default for Streams {
    fn default() -> Streams {
        Streams { stdout: true, stderr: true }
    }
}

pub enum AttachEnd {
    Exited(i32),
    Detached,
}

/// Parses Docker's `--detach-keys` (`ctrl-p,ctrl-q`, `ctrl-@`, letters).
pub fn parse_detach_keys(spec: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for key in spec.split(',').filter(|k| !k.is_empty()) {
        let byte = match key.strip_prefix("ctrl-") {
            Some(rest) if rest.len() == 1 => {
                let c = rest.as_bytes()[0].to_ascii_lowercase();
                match c {
                    b'a'..=b'z' => c - b'a' + 1,
                    b'@' => 0,
                    b'[' => 27,
                    b'\\' => 28,
                    b']' => 29,
                    b'^' => 30,
                    b'_' => 31,
                    _ => anyhow::bail!("invalid detach key {key:?}: use ctrl-<letter> or ctrl-[@[\\]^_]"),
                }
            }
            None if key.len() == 1 => key.as_bytes()[0],
            _ => anyhow::bail!("invalid detach key {key:?}: use a comma-separated list such as ctrl-p,ctrl-q"),
        };
        out.push(byte);
    }
    Ok(out)
}

static SIGNAL_PIPE: AtomicI32 = AtomicI32::new(-1);
static WINCH: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(sig: libc::c_int) {
    if sig == libc::SIGWINCH {
        WINCH.store(true, Ordering::SeqCst);
    }
    let fd = SIGNAL_PIPE.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) on our own pipe is async-signal-safe.
        unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
    }
}

/// Restores the terminal when dropped.
pub(crate) struct RawMode {
    fd: RawFd,
    saved: Termios,
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: fd 0 stays open for the life of the process.
        let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(self.fd) };
        let _ = termios::tcsetattr(fd, SetArg::TCSANOW, &self.saved);
    }
}

pub(crate) fn enter_raw_mode() -> Option<RawMode> {
    let stdin = io::stdin();
    let saved = termios::tcgetattr(stdin.as_fd()).ok()?;
    let mut raw = saved.clone();
    termios::cfmakeraw(&mut raw);
    termios::tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &raw).ok()?;
    Some(RawMode { fd: stdin.as_raw_fd(), saved })
}

pub(crate) fn terminal_size() -> Option<(u16, u16)> {
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills the winsize we own.
    let rc = unsafe { libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) };
    (rc == 0 && ws.ws_row > 0).then_some((ws.ws_row, ws.ws_col))
}

fn resize_frame() -> Option<Vec<u8>> {
    let (rows, cols) = terminal_size()?;
    let mut payload = rows.to_be_bytes().to_vec();
    payload.extend_from_slice(&cols.to_be_bytes());
    Some(protocol::encode(protocol::RESIZE, &payload))
}

/// Attaches to the monitor at `socket` until the container exits or the
/// user detaches.
pub fn attach(socket: &Path, opts: AttachOptions) -> Result<AttachEnd> {
    let stream = crate::monitor::connect(socket).with_context(|| format!("attach to {}", socket.display()))?;
    attach_stream(stream, opts)
}

pub fn attach_stream(stream: UnixStream, opts: AttachOptions) -> Result<AttachEnd> {
    let streams = opts.streams;
    let is_tty_in = nix::unistd::isatty(0).unwrap_or(false);
    let _raw = if opts.tty && opts.stdin && is_tty_in { enter_raw_mode() } else { None };
    let (sig_r, sig_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create a signal pipe")?;
    SIGNAL_PIPE.store(sig_w.as_raw_fd(), Ordering::SeqCst);
    let mut proxied = vec![nix::sys::signal::Signal::SIGWINCH];
    if opts.sig_proxy && !opts.tty {
        use nix::sys::signal::Signal::*;
        proxied.extend([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2]);
    }
    for sig in &proxied {
        // SAFETY: the handler only stores an atomic and calls write(2).
        let _ = unsafe { nix::sys::signal::signal(*sig, nix::sys::signal::SigHandler::Handler(on_signal)) };
    }
    let detached = Arc::new(AtomicBool::new(false));
    let mut writer = stream.try_clone().context("clone the attach socket")?;
    if opts.tty {
        if let Some(frame) = resize_frame() {
            writer.write_all(&frame).context("send the terminal size")?;
        }
    }
    let forwarder = {
        let detached = detached.clone();
        let stdin = opts.stdin;
        let keys = opts.detach_keys.clone();
        let tty = opts.tty;
        std::thread::spawn(move || forward_input(writer, sig_r, stdin, tty, &keys, &detached))
    };
    let end = read_output(stream, &detached, streams);
    SIGNAL_PIPE.store(-1, Ordering::SeqCst);
    drop(sig_w);
    drop(forwarder);
    end
}

fn read_output(mut stream: UnixStream, detached: &AtomicBool, streams: Streams) -> Result<AttachEnd> {
    let stdout = io::stdout();
    let stderr = io::stderr();
    loop {
        match protocol::read_frame(&mut stream) {
            Ok((protocol::STDOUT, _)) if !streams.stdout => {}
            Ok((protocol::STDERR, _)) if !streams.stderr => {}
            Ok((protocol::STDOUT, data)) => {
                let mut out = stdout.lock();
                let _ = out.write_all(&data);
                let _ = out.flush();
            }
            Ok((protocol::STDERR, data)) => {
                let _ = stderr.lock().write_all(&data);
            }
            Ok((protocol::EXIT, data)) if data.len() == 4 => {
                return Ok(AttachEnd::Exited(i32::from_be_bytes([data[0], data[1], data[2], data[3]])));
            }
            Ok(_) => {}
            Err(_) if detached.load(Ordering::SeqCst) => return Ok(AttachEnd::Detached),
            Err(e) => return Err(e).context("the container's monitor went away"),
        }
    }
}

/// Copies stdin (watching for the detach keys), resizes and signals to
/// the socket. Runs on its own thread; it is the socket's only writer.
fn forward_input(mut socket: UnixStream, signals: OwnedFd, stdin: bool, tty: bool, keys: &[u8], detached: &AtomicBool) {
    let mut stdin_open = stdin;
    let mut matcher = crate::engine::exec_tty::DetachMatcher::new(keys);
    let mut buf = [0u8; 8192];
    loop {
        let stdin_fd = io::stdin();
        let mut fds = vec![PollFd::new(signals.as_fd(), PollFlags::POLLIN)];
        if stdin_open {
            fds.push(PollFd::new(stdin_fd.as_fd(), PollFlags::POLLIN));
        }
        if poll(&mut fds, PollTimeout::NONE).is_err() {
            continue;
        }
        let sig_ready = fds[0].revents().is_some_and(|r| !r.is_empty());
        let in_ready = fds.get(1).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty());
        drop(fds);
        if sig_ready {
            let mut sig = [0u8; 16];
            let n = nix::unistd::read(signals.as_raw_fd(), &mut sig).unwrap_or(0);
            if n == 0 {
                return;
            }
            for s in &sig[..n] {
                let frame = if *s as i32 == libc::SIGWINCH {
                    if !tty {
                        continue;
                    }
                    match resize_frame() {
                        Some(f) => f,
                        None => continue,
                    }
                } else {
                    protocol::encode(protocol::SIGNAL, &(*s as i32).to_be_bytes())
                };
                if socket.write_all(&frame).is_err() {
                    return;
                }
            }
        }
        if in_ready {
            let n = match io::stdin().lock().read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => 0,
            };
            if n == 0 {
                stdin_open = false;
                if socket.write_all(&protocol::encode(protocol::STDIN_EOF, &[])).is_err() {
                    return;
                }
                continue;
            }
            // Typed keys arrive one read at a time: a partial detach
            // sequence is held back until it completes or breaks.
            let (data, detach) = if tty { matcher.feed(&buf[..n]) } else { (buf[..n].to_vec(), false) };
            if detach {
                let _ = socket.write_all(&protocol::encode(protocol::STDIN, &data));
                detached.store(true, Ordering::SeqCst);
                let _ = socket.shutdown(std::net::Shutdown::Both);
                return;
            }
            if socket.write_all(&protocol::encode(protocol::STDIN, &data)).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys_parse_like_docker() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(parse_detach_keys("ctrl-@,a").unwrap(), vec![0, b'a']);
        assert!(parse_detach_keys("ctrl-1").is_err());
        assert!(parse_detach_keys("alt-x").is_err());
    }
}
