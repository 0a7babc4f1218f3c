//! Which file descriptors a container may hold: exactly its fds 0-2 (pipes
//! or a pty that pontoon made), plus the ones the user passed on purpose
//! (`--preserve-fds N`: fds 3..3+N). Anything else a pontoon process
//! inherited from its caller (a shell's `exec 7</etc`) is a door to the
//! host (CVE-2024-21626 class): the monitor closes what it inherited, the
//! container's init and exec'd processes close everything they do not
//! need before setup, and mark the rest close-on-exec before execve.

use std::os::fd::RawFd;

use nix::errno::Errno;

/// The first fd that is never a container's own (0-2 are its stdio).
pub const FIRST_EXTRA_FD: RawFd = 3;

/// Closes every fd from 3 up that is not in `keep`.
pub fn close_all_except(keep: &[RawFd]) {
    let mut keep: Vec<RawFd> = keep.iter().copied().filter(|fd| *fd >= FIRST_EXTRA_FD).collect();
    keep.sort_unstable();
    keep.dedup();
    let mut from = FIRST_EXTRA_FD;
    for fd in keep {
        if fd > from {
            close_range(from, fd - 1, 0);
        }
        from = fd + 1;
    }
    close_range(from, RawFd::MAX, 0);
}

/// Marks every fd from `first` up close-on-exec, so that execve leaves the
/// process with fds below `first` only (the error pipe of the init, which
/// is already close-on-exec, then reports a successful exec by EOF).
pub fn close_on_exec_from(first: RawFd) {
    close_range(first, RawFd::MAX, libc::CLOSE_RANGE_CLOEXEC);
}

/// Makes fds `3..3+count` survive execve (the user's `--preserve-fds`).
pub fn keep_across_exec(count: u32) -> Result<(), String> {
    for fd in FIRST_EXTRA_FD..FIRST_EXTRA_FD + count as RawFd {
        let flags = nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD)
            .map_err(|e| format!("--preserve-fds: fd {fd} is not open ({e}): pass only fds the caller holds"))?;
        let flags = nix::fcntl::FdFlag::from_bits_truncate(flags) & !nix::fcntl::FdFlag::FD_CLOEXEC;
        nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_SETFD(flags)).map_err(|e| format!("--preserve-fds: keep fd {fd} open: {e}"))?;
    }
    Ok(())
}

/// The fds the user asked to pass, `3..3+count`.
pub fn preserved(count: u32) -> impl Iterator<Item = RawFd> {
    FIRST_EXTRA_FD..FIRST_EXTRA_FD + count as RawFd
}

/// close_range(2) (Linux 5.9; CLOSE_RANGE_CLOEXEC 5.11), with a loop over
/// the open-file limit where the kernel lacks it.
fn close_range(first: RawFd, last: RawFd, flags: libc::c_uint) {
    if first > last {
        return;
    }
    // SAFETY: close_range only closes (or flags) fds of this process; no
    // Rust object of ours owns an fd in the ranges the callers give.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, first as libc::c_uint, last as libc::c_uint, flags) };
    if rc == 0 {
        return;
    }
    let (soft, _) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).unwrap_or((65536, 65536));
    let end = (soft.min(1 << 20) as RawFd).min(last.saturating_add(1).max(first));
    for fd in first..end {
        if flags & libc::CLOSE_RANGE_CLOEXEC != 0 {
            let _ = nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC));
        } else if let Err(Errno::EBADF) = nix::unistd::close(fd) {
            continue;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_open(fd: RawFd) -> bool {
        nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD).is_ok()
    }

    #[test]
    fn only_the_kept_fds_survive() {
        // In a child, so that the test harness's own fds are not touched.
        // SAFETY: the child only makes raw syscalls and exits.
        match unsafe { nix::unistd::fork() }.unwrap() {
            nix::unistd::ForkResult::Child => {
                // nix's open needs no allocation (a forked child of a
                // threaded harness must not take malloc's lock).
                let open = || nix::fcntl::open("/dev/null", nix::fcntl::OFlag::O_RDONLY, nix::sys::stat::Mode::empty()).unwrap_or(-1);
                let (a, b, c) = (open(), open(), open());
                close_all_except(&[b]);
                let ok = !is_open(a) && is_open(b) && !is_open(c) && is_open(0);
                close_on_exec_from(b);
                let flags = nix::fcntl::fcntl(b, nix::fcntl::FcntlArg::F_GETFD).unwrap_or(0);
                let ok = ok && flags & libc::FD_CLOEXEC != 0;
                // SAFETY: leave the forked test process at once.
                unsafe { libc::_exit(if ok { 0 } else { 1 }) }
            }
            nix::unistd::ForkResult::Parent { child } => {
                let status = nix::sys::wait::waitpid(child, None).unwrap();
                assert_eq!(status, nix::sys::wait::WaitStatus::Exited(child, 0));
            }
        }
    }
}
