//! The attach socket and the monitor's event loop: container output to the
//! log and to every attached client, client input to the container.

use std::fs;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::Signal;
use nix::sys::signalfd::SignalFd;
use nix::unistd::Pid;

use super::health_timer::HealthTimer;
use super::logfile::LogWriter;
use super::protocol::{self, take_frames};
use super::stdio::MonitorStdio;

struct Client {
    stream: UnixStream,
    inbuf: Vec<u8>,
}

pub struct Clients {
    listener: UnixListener,
    path: PathBuf,
    clients: Vec<Client>,
}

impl Clients {
    /// Listens on `path` (replacing a stale socket of a dead monitor).
    pub fn listen(path: &Path) -> Result<Clients> {
        let dir = path.parent().context("socket path has no directory")?;
        fs::create_dir_all(dir).with_context(|| format!("create {}", dir.display()))?;
        let _ = fs::remove_file(path);
        let listener = bind_short(path)?;
        listener.set_nonblocking(true).context("make the attach socket non-blocking")?;
        Ok(Clients { listener, path: path.to_path_buf(), clients: Vec::new() })
    }

    /// Waits until one client connects, or `timeout` passes.
    pub fn wait_for_first(&mut self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        while self.clients.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            let mut fds = [PollFd::new(self.listener.as_fd(), PollFlags::POLLIN)];
            let ms = PollTimeout::try_from(left.as_millis().min(10_000) as i32).unwrap_or(PollTimeout::MAX);
            match poll(&mut fds, ms) {
                Ok(_) | Err(nix::errno::Errno::EINTR) => self.accept(),
                Err(e) => return Err(e).context("wait for an attach client"),
            }
        }
        Ok(())
    }

    fn accept(&mut self) {
        while let Ok((stream, _)) = self.listener.accept() {
            if stream.set_nonblocking(false).is_ok() {
                let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
                self.clients.push(Client { stream, inbuf: Vec::new() });
            }
        }
    }

    /// Sends a frame to every client; a client that cannot take it is dropped.
    pub fn broadcast(&mut self, kind: u8, payload: &[u8]) {
        let frame = protocol::encode(kind, payload);
        self.clients.retain_mut(|c| c.stream.write_all(&frame).is_ok());
    }

    pub fn close(&mut self) {
        self.clients.clear();
        let _ = fs::remove_file(&self.path);
    }
}

/// Binds a unix socket even when its path is longer than sun_path allows,
/// by binding through a /proc/self/fd path to the directory.
fn bind_short(path: &Path) -> Result<UnixListener> {
    match UnixListener::bind(path) {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == ErrorKind::InvalidInput => {
            let dir = fs::File::open(path.parent().context("socket path has no directory")?)?;
            let short = format!("/proc/self/fd/{}/{}", dir.as_raw_fd(), path.file_name().and_then(|n| n.to_str()).unwrap_or("attach.sock"));
            UnixListener::bind(&short).with_context(|| format!("listen on {}", path.display()))
        }
        Err(e) => Err(e).with_context(|| format!("listen on {}", path.display())),
    }
}

/// Connects to a container's attach socket (see [`bind_short`]).
pub fn connect(path: &Path) -> std::io::Result<UnixStream> {
    match UnixStream::connect(path) {
        Err(e) if e.kind() == ErrorKind::InvalidInput => {
            let dir = fs::File::open(path.parent().unwrap_or(Path::new("/")))?;
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("attach.sock");
            UnixStream::connect(format!("/proc/self/fd/{}/{name}", dir.as_raw_fd()))
        }
        other => other,
    }
}

/// Moves bytes until the container's process has exited and its output is
/// drained. Returns the exit code.
/// `health` is the healthcheck's timer: it runs on the loop's clock.
pub fn pump(pid: Pid, signal_fd: &SignalFd, stdio: &mut MonitorStdio, clients: &mut Clients, log: &mut LogWriter, health: &mut HealthTimer) -> Result<i32> {
    let mut exit: Option<i32> = None;
    let mut open_outputs: Vec<bool> = vec![true; stdio.outputs.len()];
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        if exit.is_some() && !open_outputs.iter().any(|o| *o) {
            break;
        }
        // Poll: signals, listener, outputs, clients (in that order).
        let mut fds: Vec<PollFd> = Vec::with_capacity(2 + stdio.outputs.len() + clients.clients.len());
        fds.push(PollFd::new(signal_fd.as_fd(), PollFlags::POLLIN));
        fds.push(PollFd::new(clients.listener.as_fd(), PollFlags::POLLIN));
        let output_fds: Vec<BorrowedFd> = stdio.outputs.iter().map(|(_, f)| f.as_fd()).collect();
        for (i, fd) in output_fds.iter().enumerate() {
            let flags = if open_outputs[i] { PollFlags::POLLIN } else { PollFlags::empty() };
            fds.push(PollFd::new(*fd, flags));
        }
        let client_fds: Vec<BorrowedFd> = clients.clients.iter().map(|c| c.stream.as_fd()).collect();
        for fd in &client_fds {
            fds.push(PollFd::new(*fd, PollFlags::POLLIN));
        }
        // After the process exited, outputs held open by a leaked fd must not
        // keep the monitor forever: give them a moment, then stop.
        let timeout = match (exit, health.poll_timeout()) {
            (Some(_), _) => PollTimeout::from(500u16),
            (None, None) => PollTimeout::NONE,
            // Rounded up, so that the loop wakes after the moment, not just before.
            (None, Some(d)) => PollTimeout::try_from((d.as_millis() + 1).min(60_000) as i32).unwrap_or(PollTimeout::MAX),
        };
        let ready = match poll(&mut fds, timeout) {
            Ok(n) => n,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll the container's streams"),
        };
        if ready == 0 && exit.is_some() {
            break;
        }
        let revents: Vec<PollFlags> = fds.iter().map(|f| f.revents().unwrap_or(PollFlags::empty())).collect();
        drop(fds);
        drop(output_fds);
        drop(client_fds);
        if !revents[0].is_empty() {
            while let Ok(Some(_)) = signal_fd.read_signal() {}
            if exit.is_none() {
                exit = super::try_reap(pid);
                if exit.is_some() {
                    health.on_exit();
                }
            }
            // SIGTERM to the monitor is passed on, so `kill` of the monitor stops the container.
        }
        if exit.is_none() {
            health.tick(pid);
        }
        if !revents[1].is_empty() {
            clients.accept();
        }
        for i in 0..stdio.outputs.len() {
            if revents[2 + i].is_empty() {
                continue;
            }
            let (stream, file) = &mut stdio.outputs[i];
            match file.read(&mut buf) {
                Ok(0) | Err(_) => open_outputs[i] = false,
                Ok(n) => {
                    let _ = log.write(stream, &buf[..n]);
                    let kind = if *stream == "stderr" { protocol::STDERR } else { protocol::STDOUT };
                    clients.broadcast(kind, &buf[..n]);
                }
            }
        }
        let first_client = 2 + stdio.outputs.len();
        let mut gone = Vec::new();
        for (i, flags) in revents.iter().enumerate().skip(first_client) {
            if flags.is_empty() {
                continue;
            }
            let index = i - first_client;
            let Some(client) = clients.clients.get_mut(index) else { continue };
            match client.stream.read(&mut buf) {
                Ok(0) | Err(_) => gone.push(index),
                Ok(n) => {
                    client.inbuf.extend_from_slice(&buf[..n]);
                    for (kind, payload) in take_frames(&mut client.inbuf) {
                        if kind == protocol::HEALTH_ACTION && exit.is_none() {
                            if let Some(action) = payload.first() {
                                health.on_action(*action, pid);
                            }
                            continue;
                        }
                        handle_client_frame(kind, &payload, pid, stdio);
                    }
                }
            }
        }
        for index in gone.into_iter().rev() {
            clients.clients.remove(index);
        }
    }
    Ok(exit.unwrap_or(crate::errors::EXIT_ENGINE))
}

fn handle_client_frame(kind: u8, payload: &[u8], pid: Pid, stdio: &mut MonitorStdio) {
    match kind {
        protocol::STDIN => {
            if let Some(stdin) = stdio.stdin.as_mut() {
                if stdin.write_all(payload).is_err() {
                    stdio.stdin = None;
                }
            }
        }
        // With a terminal the pty stays open: EOF is the user's ctrl-d.
        protocol::STDIN_EOF if stdio.pty.is_none() => stdio.stdin = None,
        protocol::RESIZE if payload.len() == 4 => {
            stdio.resize(u16::from_be_bytes([payload[0], payload[1]]), u16::from_be_bytes([payload[2], payload[3]]));
        }
        protocol::SIGNAL if payload.len() == 4 => {
            let sig = i32::from_be_bytes([payload[0], payload[1], payload[2], payload[3]]);
            // Real-time signals too, which nix's Signal cannot name.
            if (1..=libc::SIGRTMAX()).contains(&sig) {
                // SAFETY: kill(2) with the container's pid and a valid signal number.
                unsafe { libc::kill(pid.as_raw(), sig) };
            }
        }
        protocol::PAUSE if payload.len() == 1 => {
            let sig = if payload[0] == 1 { Signal::SIGSTOP } else { Signal::SIGCONT };
            for p in crate::runtime::cgroups::procfs::container_pids(pid.as_raw()) {
                let _ = nix::sys::signal::kill(Pid::from_raw(p), sig);
            }
        }
        _ => {}
    }
}
