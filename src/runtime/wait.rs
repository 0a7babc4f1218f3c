//! Waiting for child processes and turning how they ended into the exit
//! code a shell (and Docker) reports: the code itself, or 128+N for a
//! process killed by signal N. Every waitpid loop of pontoon goes here.

use nix::errno::Errno;
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::Pid;

/// Turns a wait status into Docker's exit code (128+N for signal N); None
/// for a status that is no end (stopped, continued, still alive).
pub fn exit_code(status: WaitStatus) -> Option<i32> {
    match status {
        WaitStatus::Exited(_, code) => Some(code),
        WaitStatus::Signaled(_, sig, _) => Some(128 + sig as i32),
        _ => None,
    }
}

/// Waits until `pid` has ended and returns its exit code, retrying when a
/// signal interrupts the wait.
pub fn wait_for(pid: Pid) -> nix::Result<i32> {
    loop {
        match waitpid(pid, None) {
            Ok(status) => {
                if let Some(code) = exit_code(status) {
                    return Ok(code);
                }
            }
            Err(Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_is_128_plus_its_number() {
        let pid = Pid::from_raw(1);
        assert_eq!(exit_code(WaitStatus::Exited(pid, 3)), Some(3));
        assert_eq!(exit_code(WaitStatus::Signaled(pid, nix::sys::signal::Signal::SIGKILL, false)), Some(137));
        assert_eq!(exit_code(WaitStatus::StillAlive), None);
    }

    #[test]
    #[allow(clippy::zombie_processes, reason = "wait_for reaps the children")]
    fn waits_for_a_child_and_gives_its_code() {
        let child = std::process::Command::new("sh").args(["-c", "exit 7"]).spawn().unwrap();
        assert_eq!(wait_for(Pid::from_raw(child.id() as i32)), Ok(7));
        let child = std::process::Command::new("sh").args(["-c", "kill -TERM $$"]).spawn().unwrap();
        assert_eq!(wait_for(Pid::from_raw(child.id() as i32)), Ok(128 + libc::SIGTERM));
    }
}
