//! The process that holds a rootless user's storage user namespace, so
//! that every pontoon command of that user (per runroot) joins the *same*
//! namespace rather than making its own, as Podman's pause process does.
//!
//! One namespace is what lets containers share kernel objects: a network
//! namespace may only be joined (`--network container:web`, pods) or wired
//! to a bridge (user networks) by a process with capabilities in the user
//! namespace that owns it. With a namespace per command, a second `run`
//! could never reach the first one's network.
//!
//! The holder is a forked copy of pontoon that drops everything it
//! inherited, starts a session of its own and sleeps in pause(2). It is
//! not a daemon: it serves nothing and only keeps the namespace alive (the
//! containers' monitors keep their own reference). Its pid and start time
//! are in `<runroot>/userns.pid`; a stale file (the holder was killed) is
//! replaced by a new holder, and the containers of the old namespace keep
//! running in it.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nix::sched::{unshare, CloneFlags};
use nix::unistd::{fork, ForkResult, Pid};

use super::userns::{caller_ranges, map_ids, UsernsError};

/// The file naming the holder of the namespace for `runroot`.
pub fn pid_file(runroot: &Path) -> PathBuf {
    runroot.join("userns.pid")
}

/// The holder's pid for `runroot`, starting one when none is alive.
pub fn find_or_start(runroot: &Path) -> Result<i32> {
    if let Some(pid) = alive_holder(runroot) {
        return Ok(pid);
    }
    // A user without subordinate ids is told so before anything is made.
    caller_ranges()?;
    fs::DirBuilder::new().recursive(true).mode(0o700).create(runroot).with_context(|| format!("create {}", runroot.display()))?;
    // Two first commands at once must not make two namespaces.
    let _lock = crate::store::lock::lock_exclusive(&runroot.join("userns.lock"))?;
    if let Some(pid) = alive_holder(runroot) {
        return Ok(pid);
    }
    let pid = start(runroot)?;
    let start_time = super::process_start_time(pid).context("read the start time of the user namespace holder")?;
    // Under the runroot: volatile by definition, never synced.
    crate::store::atomic::write_atomic_as(&pid_file(runroot), format!("{pid} {start_time}\n").as_bytes(), crate::store::atomic::Durability::Volatile)?;
    Ok(pid)
}

/// The recorded holder when it is still the same process and still holds
/// a user namespace other than the host's.
fn alive_holder(runroot: &Path) -> Option<i32> {
    let text = fs::read_to_string(pid_file(runroot)).ok()?;
    let mut words = text.split_whitespace();
    let pid: i32 = words.next()?.parse().ok()?;
    let start: u64 = words.next()?.parse().ok()?;
    if super::process_start_time(pid) != Some(start) {
        return None;
    }
    let theirs = fs::metadata(format!("/proc/{pid}/ns/user")).ok()?;
    let ours = fs::metadata("/proc/self/ns/user").ok()?;
    ((theirs.dev(), theirs.ino()) != (ours.dev(), ours.ino())).then_some(pid)
}

/// Forks the holder, which makes the namespace; maps its ids from here
/// with newuidmap/newgidmap; returns its pid once mapped.
fn start(runroot: &Path) -> Result<i32> {
    let (uid_range, gid_range) = caller_ranges()?;
    let (uid, gid) = (nix::unistd::getuid(), nix::unistd::getgid());
    let (to_parent_r, to_parent_w) = nix::unistd::pipe().context("create a pipe")?;
    let (to_child_r, to_child_w) = nix::unistd::pipe().context("create a pipe")?;
    // SAFETY: called while the process is single-threaded (before any
    // thread starts), so the child may run ordinary code after fork.
    match unsafe { fork() }.context("fork the user namespace holder")? {
        ForkResult::Child => {
            // Nothing the command had open (a terminal, a sync pipe) may
            // stay open for the holder's whole life.
            super::fds::close_all_except(&[to_parent_w.as_raw_fd(), to_child_r.as_raw_fd()]);
            let _ = nix::unistd::setsid();
            let _ = nix::sys::prctl::set_name(c"pontoon-userns");
            let _ = std::env::set_current_dir("/");
            let unshared = unshare(CloneFlags::CLONE_NEWUSER);
            let mut w = File::from(to_parent_w);
            let _ = w.write_all(if unshared.is_ok() { b"1" } else { b"0" });
            drop(w);
            let mut ack = [0u8; 1];
            let mapped = unshared.is_ok() && File::from(to_child_r).read_exact(&mut ack).is_ok() && ack[0] == b'1';
            if !mapped {
                // SAFETY: _exit leaves the forked child without running
                // the parent's destructors.
                unsafe { libc::_exit(1) };
            }
            let _ = std::fs::File::open("/dev/null").map(|null| {
                for fd in 0..3 {
                    let _ = nix::unistd::dup2(null.as_raw_fd(), fd);
                }
            });
            loop {
                // SAFETY: pause only waits for a signal.
                unsafe { libc::pause() };
            }
        }
        ForkResult::Parent { child } => {
            drop(to_parent_w);
            drop(to_child_r);
            let mut byte = [0u8; 1];
            let told = File::from(to_parent_r).read_exact(&mut byte);
            let unshared = matches!(told, Ok(()) if byte[0] == b'1');
            let mapped = if unshared { map_ids(child, uid, gid, uid_range, gid_range) } else { Err(UsernsError::Unshare(nix::Error::EPERM).into()) };
            // A child that could not unshare has exited without reading:
            // writing to it would end this command by SIGPIPE, silently
            // (seen inside a container whose seccomp profile refuses it).
            if unshared {
                let _ = File::from(to_child_w).write_all(if mapped.is_ok() { b"1" } else { b"0" });
            }
            if let Err(e) = mapped {
                let _ = nix::sys::wait::waitpid(child, None);
                return Err(e).with_context(|| format!("make the user namespace for {}", runroot.display()));
            }
            Ok(child.as_raw())
        }
    }
}

/// Ends the holder of `runroot`'s namespace (`pontoon system migrate`):
/// the next command makes a new namespace. Running containers keep theirs.
pub fn stop(runroot: &Path) -> Result<bool> {
    let Some(pid) = alive_holder(runroot) else {
        let _ = fs::remove_file(pid_file(runroot));
        return Ok(false);
    };
    nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).context("stop the user namespace holder")?;
    let _ = fs::remove_file(pid_file(runroot));
    Ok(true)
}

/// Refuses a holder that is not ours to join; kept apart for the message.
pub fn join_error(pid: i32, e: nix::Error) -> anyhow::Error {
    if e == nix::Error::EPERM {
        anyhow::anyhow!("join the user namespace held by process {pid}: permission denied (is it another user's? remove the pid file or run `pontoon system migrate`)")
    } else {
        anyhow::anyhow!("join the user namespace held by process {pid}: {e}")
    }
}
