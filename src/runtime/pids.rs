//! Processes named by pid and start time: a pid recorded in a state file
//! may have been reused by the time another command reads it, so every
//! signal pontoon sends by recorded pid goes through a pidfd opened after
//! the start time was checked (the pidfd then names that very process).

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

use nix::errno::Errno;

/// Field 22 of /proc/PID/stat: when the process started, in clock ticks
/// since boot; None when there is no such process.
pub fn process_start_time(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: count
    // from the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// A live process we may signal, checked against its recorded start time.
pub struct Process {
    fd: OwnedFd,
}

impl Process {
    /// The process `pid` if it still is the one that started at `start`
    /// (None when it is gone or the pid was reused).
    pub fn find(pid: i32, start: Option<u64>) -> Option<Process> {
        // SAFETY: pidfd_open returns a new fd or -1.
        let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
        if fd < 0 {
            return None;
        }
        // SAFETY: the fd was just returned to us.
        let fd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
        // Checked after the pidfd exists: a reuse after this point cannot
        // make the pidfd name another process.
        let now = process_start_time(pid)?;
        if start.is_some_and(|s| s != now) {
            return None;
        }
        Some(Process { fd })
    }

    /// The pidfd, which polls readable once the process has exited.
    pub fn as_raw_fd(&self) -> std::os::fd::RawFd {
        self.fd.as_raw_fd()
    }

    /// Sends `sig`; Ok when it is delivered or the process already exited.
    pub fn signal(&self, sig: i32) -> nix::Result<()> {
        // SAFETY: pidfd_send_signal on our pidfd, no siginfo.
        let rc = unsafe { libc::syscall(libc::SYS_pidfd_send_signal, self.fd.as_raw_fd(), sig, std::ptr::null::<libc::siginfo_t>(), 0) };
        match Errno::result(rc) {
            Ok(_) | Err(Errno::ESRCH) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Waits until the process has exited (a pidfd polls readable then),
    /// at most `timeout`; returns whether it has.
    pub fn wait_gone(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut fds = [libc::pollfd { fd: self.fd.as_raw_fd(), events: libc::POLLIN, revents: 0 }];
            // SAFETY: poll on one pollfd we own.
            let rc = unsafe { libc::poll(fds.as_mut_ptr(), 1, left.as_millis().min(i32::MAX as u128) as i32) };
            if rc > 0 {
                return true;
            }
            if rc == 0 || Errno::last() != Errno::EINTR || left.is_zero() {
                return rc > 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_is_found_by_pid_and_start_time_and_killed() {
        let mut child = std::process::Command::new("sleep").arg("100").spawn().unwrap();
        let pid = child.id() as i32;
        let start = process_start_time(pid);
        assert!(start.is_some());
        assert!(Process::find(pid, start.map(|s| s + 1)).is_none(), "another start time is another process");
        let p = Process::find(pid, start).unwrap();
        p.signal(libc::SIGKILL).unwrap();
        let _ = child.wait();
        assert!(p.wait_gone(Duration::from_secs(5)));
        assert!(process_start_time(pid).is_none() || Process::find(pid, start).is_none());
    }
}
