//! What every pontoon process that enters a container does first: nothing
//! of the host may ride along into it. It closes the descriptors it does
//! not need (a caller's `exec 7</etc` must not reach the container), makes
//! itself non-dumpable (so a container process cannot open its
//! /proc/PID/exe or memory while it is still pontoon code, CVE-2019-5736),
//! and, for the container's init, dies with the monitor.

use std::os::fd::RawFd;

use nix::errno::Errno;

use super::init::setup;
use super::StartError;
use crate::runtime::fds;

/// Closes every fd from 3 up but `keep` and the preserved `3..3+preserve`,
/// and makes the process non-dumpable until its execve.
pub fn enter(keep: &[RawFd], preserve: u32) -> Result<(), StartError> {
    // SAFETY: prctl with constant arguments.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } < 0 {
        return Err(setup(format!("make the process non-dumpable: {}", Errno::last())));
    }
    let mut all: Vec<RawFd> = keep.to_vec();
    all.extend(fds::preserved(preserve));
    fds::close_all_except(&all);
    Ok(())
}

/// Makes the kernel SIGKILL this process when its parent (the monitor)
/// dies. The setting is lost on a change of ids, so the init calls this
/// again after setuid; `parent_alive` tells whether the monitor was gone
/// before the call took effect.
pub fn die_with_parent(parent_alive: impl Fn() -> bool) -> Result<(), StartError> {
    // SAFETY: prctl with constant arguments.
    if unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) } < 0 {
        return Err(setup(format!("set the parent-death signal: {}", Errno::last())));
    }
    if !parent_alive() {
        return Err(setup("the monitor exited while the container was starting".into()));
    }
    Ok(())
}

/// Whether the reader of `pipe` (the monitor's end of the error pipe) is
/// still there: a pipe whose readers are gone polls as POLLERR.
pub fn reader_alive(pipe: RawFd) -> bool {
    let mut fds = [libc::pollfd { fd: pipe, events: libc::POLLOUT, revents: 0 }];
    // SAFETY: poll on one pollfd we own, without waiting.
    let rc = unsafe { libc::poll(fds.as_mut_ptr(), 1, 0) };
    rc < 0 || fds[0].revents & libc::POLLERR == 0
}
