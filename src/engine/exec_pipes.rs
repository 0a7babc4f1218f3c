//! The streams of `exec` without `-t`: the process gets pipes that pontoon
//! made, never the caller's own fds 0-2 (a caller's terminal or file handed
//! to a container process is a door to the host: TIOCSTI, /proc/self/fd/1).
//! This process relays its stdin to the process's and the process's stdout
//! and stderr to its own, until the process has exited and both are drained.

use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};

use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

/// The pipes of one exec'd process: the child's ends go to the runtime,
/// ours stay here for [`Pipes::relay`].
pub struct Pipes {
    pub child_stdin: OwnedFd,
    pub child_stdout: OwnedFd,
    pub child_stderr: OwnedFd,
    stdin: Option<OwnedFd>,
    stdout: OwnedFd,
    stderr: OwnedFd,
}

impl Pipes {
    /// With `interactive`, our stdin is relayed; otherwise the process's
    /// stdin is a pipe that is closed at once (it reads EOF).
    pub fn new(interactive: bool) -> Result<Pipes> {
        let pipe = || nix::unistd::pipe2(OFlag::O_CLOEXEC).context("create a pipe for the exec'd process");
        let (in_r, in_w) = pipe()?;
        let (out_r, out_w) = pipe()?;
        let (err_r, err_w) = pipe()?;
        Ok(Pipes {
            child_stdin: in_r,
            child_stdout: out_w,
            child_stderr: err_w,
            stdin: interactive.then_some(in_w),
            stdout: out_r,
            stderr: err_r,
        })
    }

    /// Relays until the process's outputs reach EOF, or `waiter` (a pidfd
    /// of the process that waits for it) says it exited and the outputs
    /// are drained. Call after the child's ends were handed over and
    /// dropped here.
    pub fn relay(mut self, waiter: RawFd) -> Result<()> {
        // The process has its copies: ours would keep the pipes from EOF.
        drop((self.child_stdin, self.child_stdout, self.child_stderr));
        let mut outputs: Vec<(OwnedFd, RawFd)> = vec![(self.stdout, 1), (self.stderr, 2)];
        let stdin = std::io::stdin();
        let mut buf = [0u8; 16384];
        let mut exited = false;
        while !outputs.is_empty() {
            let waiter_fd = unsafe_borrow(waiter);
            let mut fds: Vec<PollFd> = outputs.iter().map(|(fd, _)| PollFd::new(fd.as_fd(), PollFlags::POLLIN)).collect();
            let stdin_at = self.stdin.is_some().then_some(fds.len());
            if self.stdin.is_some() {
                fds.push(PollFd::new(stdin.as_fd(), PollFlags::POLLIN));
            }
            let waiter_at = fds.len();
            if !exited {
                fds.push(PollFd::new(waiter_fd, PollFlags::POLLIN));
            }
            let timeout = if exited { PollTimeout::ZERO } else { PollTimeout::NONE };
            match poll(&mut fds, timeout) {
                Ok(_) => {}
                Err(Errno::EINTR) => continue,
                Err(e) => return Err(e).context("poll the exec'd process's streams"),
            }
            let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
            drop(fds);
            if !exited && ready.get(waiter_at).copied().unwrap_or(false) {
                exited = true;
                // The process is gone: what is left in the pipes is all
                // there will be from it (a background child of it may keep
                // them open); read it without blocking.
                for (fd, _) in &outputs {
                    let _ = nix::fcntl::fcntl(fd.as_raw_fd(), nix::fcntl::FcntlArg::F_SETFL(OFlag::O_NONBLOCK));
                }
            }
            if let Some(i) = stdin_at {
                if ready[i] {
                    let n = nix::unistd::read(0, &mut buf).unwrap_or(0);
                    let sent = self.stdin.as_ref().is_some_and(|w| n > 0 && write_all(w.as_raw_fd(), &buf[..n]));
                    if !sent {
                        // EOF on our stdin (or the process stopped reading).
                        self.stdin = None;
                    }
                }
            }
            let mut done = Vec::new();
            for (i, (fd, to)) in outputs.iter().enumerate() {
                if !ready[i] && !exited {
                    continue;
                }
                match nix::unistd::read(fd.as_raw_fd(), &mut buf) {
                    Ok(0) => done.push(i),
                    Ok(n) => {
                        let _ = write_all(*to, &buf[..n]);
                    }
                    Err(Errno::EAGAIN) => {
                        if exited {
                            done.push(i);
                        }
                    }
                    Err(Errno::EINTR) => {}
                    Err(_) => done.push(i),
                }
            }
            for i in done.into_iter().rev() {
                outputs.remove(i);
            }
        }
        let _ = std::io::stdout().flush();
        Ok(())
    }
}

/// Borrows a raw fd that the caller keeps open for the whole relay.
fn unsafe_borrow<'a>(fd: RawFd) -> std::os::fd::BorrowedFd<'a> {
    // SAFETY: the caller owns `fd` (the waiter's pidfd) and keeps it open
    // until relay returns.
    unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) }
}

fn write_all(fd: RawFd, mut data: &[u8]) -> bool {
    while !data.is_empty() {
        // SAFETY: the fd is open (ours, or the caller's 1 and 2).
        let borrowed = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
        match nix::unistd::write(borrowed, data) {
            Ok(0) => return false,
            Ok(n) => data = &data[n..],
            Err(Errno::EINTR) => {}
            Err(_) => return false,
        }
    }
    true
}
