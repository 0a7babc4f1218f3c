//! `--init`: pontoon's own PID 1. Once the container is set up, the init
//! forks; the child goes on to execve the command, and this process stays
//! PID 1: it reaps every zombie, passes the usual termination and terminal
//! signals to the child, and exits with the child's code (128+N when a
//! signal N ended it). It execs nothing from the image, so it works in
//! images without a C library or a shell. The supervisor is pontoon code
//! that a container sees for its whole life: it runs from a sealed copy of
//! the binary (`runtime::sealed`), re-executed as `pontoon-init`, never
//! from the host's binary, and is not dumpable.

use nix::errno::Errno;
use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, SigmaskHow, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{ForkResult, Pid};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// Signals passed on to the command, as tini does.
const FORWARDED: [Signal; 7] =
    [Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP, Signal::SIGUSR1, Signal::SIGUSR2, Signal::SIGQUIT, Signal::SIGWINCH];

extern "C" fn ignore(_: libc::c_int) {}

/// argv[0] of the supervisor once re-executed from the sealed copy.
pub const ARGV0: &str = "pontoon-init";

/// Forks. Returns in the child (which then execs the command); the parent
/// re-executes itself from `sealed_exe` as the supervisor of the child.
pub fn fork_and_supervise(console: Option<i32>, sealed_exe: RawFd) -> Result<(), String> {
    let mut set = SigSet::empty();
    for s in FORWARDED.iter().chain([Signal::SIGCHLD].iter()) {
        set.add(*s);
    }
    // Block first so that nothing sent between the fork and the wait loop
    // is lost or acted upon by default.
    nix::sys::signal::sigprocmask(SigmaskHow::SIG_BLOCK, Some(&set), None).map_err(|e| format!("block signals in the init: {e}"))?;
    // The command starts only once the supervisor runs (and so names
    // itself and catches signals): it waits for EOF on this pipe, whose
    // write end the supervisor keeps across its exec and then closes.
    let (ready_r, ready_w) = nix::unistd::pipe().map_err(|e| format!("create the init's ready pipe: {e}"))?;
    // SAFETY: the container's init is single-threaded (a clone of the
    // single-threaded monitor), so the child may run arbitrary code.
    match unsafe { nix::unistd::fork() } {
        Err(e) => Err(format!("fork the command from the init: {e}")),
        Ok(ForkResult::Child) => {
            // A process group of its own, so terminal signals reach it once,
            // from the terminal, and not again through the init.
            let _ = nix::unistd::setpgid(Pid::from_raw(0), Pid::from_raw(0));
            nix::sys::signal::sigprocmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None)
                .map_err(|e| format!("clear the signal mask: {e}"))?;
            drop(ready_w);
            let mut byte = [0u8; 1];
            while let Err(Errno::EINTR) = nix::unistd::read(ready_r.as_raw_fd(), &mut byte) {}
            Ok(())
        }
        Ok(ForkResult::Parent { child }) => {
            drop(ready_r);
            let _ = nix::unistd::setpgid(child, child);
            if let Some(tty) = console {
                // SAFETY: tcsetpgrp on the terminal fd (0 or the pty) we hold.
                unsafe { libc::tcsetpgrp(tty, child.as_raw()) };
            }
            // The signal mask (everything forwarded stays blocked, so none
            // is lost) and the pending signals survive the exec.
            // ready_w is not close-on-exec: the supervisor closes it with
            // everything it inherited once it is ready.
            let args = [ARGV0.to_string(), child.as_raw().to_string()];
            std::mem::forget(ready_w);
            let args: Vec<std::ffi::CString> = args.iter().filter_map(|a| std::ffi::CString::new(a.as_str()).ok()).collect();
            // SAFETY: the fd stays open until the exec replaces us.
            let exe = std::mem::ManuallyDrop::new(unsafe { OwnedFd::from_raw_fd(sealed_exe) });
            let err = crate::runtime::sealed::execveat(&exe, &args, &[]);
            // Without the supervisor the container cannot be run safely.
            eprintln!("pontoon-init: run the sealed supervisor: {err}");
            let _ = nix::sys::signal::kill(child, Signal::SIGKILL);
            // SAFETY: _exit ends the process without running anything else.
            unsafe { libc::_exit(crate::errors::EXIT_ENGINE) }
        }
    }
}

/// The supervisor's process, re-executed from the sealed copy: argv is
/// `pontoon-init CHILD_PID`. Never returns.
pub fn main(args: &[String]) -> ! {
    // SAFETY: prctl with constant arguments.
    unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
    let Some(child) = args.get(1).and_then(|p| p.parse::<i32>().ok()).map(Pid::from_raw) else {
        eprintln!("usage: {ARGV0} CHILD_PID (started by pontoon --init, not by hand)");
        // SAFETY: _exit ends the process without running anything else.
        unsafe { libc::_exit(crate::errors::EXIT_ENGINE) }
    };
    let mut set = SigSet::empty();
    for s in FORWARDED.iter().chain([Signal::SIGCHLD].iter()) {
        set.add(*s);
    }
    let _ = nix::sys::prctl::set_name(c"pontoon-init");
    // PID 1 only receives the signals it has a handler for.
    let handler = SigAction::new(SigHandler::Handler(ignore), SaFlags::SA_RESTART, SigSet::empty());
    for s in set.iter() {
        // SAFETY: the handler does nothing, so it is async-signal-safe.
        let _ = unsafe { sigaction(s, &handler) };
    }
    // Closes the ready pipe too: the command starts now.
    close_inherited_fds();
    let code = supervise(child, &set);
    // SAFETY: _exit ends the process without running anything else.
    unsafe { libc::_exit(code) }
}

/// Everything the monitor had open came along with the clone; the init
/// must not keep a pipe end open (it would hide EOF from the command).
fn close_inherited_fds() {
    // SAFETY: close_range on fds we own; failure leaves them open, which
    // the loop below handles.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32) };
    if rc != 0 {
        for fd in 3..4096 {
            let _ = nix::unistd::close(fd);
        }
    }
}

fn supervise(child: Pid, set: &SigSet) -> i32 {
    loop {
        match set.wait() {
            Ok(Signal::SIGCHLD) => {
                if let Some(code) = reap(child) {
                    return code;
                }
            }
            Ok(sig) => {
                let _ = nix::sys::signal::kill(child, sig);
            }
            Err(Errno::EINTR) => {}
            Err(_) => {
                // Without sigwait we can still reap; block until the child ends.
                return crate::runtime::wait::wait_for(child).unwrap_or(1);
            }
        }
    }
}

/// Reaps every exited process; returns the child's code once it is gone.
fn reap(child: Pid) -> Option<i32> {
    let mut result = None;
    loop {
        match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) | Err(_) => return result,
            Ok(status) if status.pid() == Some(child) => result = crate::runtime::wait::exit_code(status).or(result),
            Ok(_) => {}
        }
    }
}
