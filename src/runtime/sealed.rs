//! Sealed executables of pontoon (the CVE-2019-5736 class). Any pontoon
//! code that runs where a container can see it (a container's first
//! process before its execve, which shares its monitor's executable; the
//! exec'd process before its execve; the `--init` PID 1 and a pod's pause
//! for the container's whole life) must not be backed by the host binary's
//! inode: a container process that opens /proc/PID/exe of it, and once
//! nothing executes the binary any more reopens it for writing, would
//! replace pontoon on the host. Such code runs from a read-only view of the
//! binary (runtime::sealed_view), or where no view can be mounted from a
//! memfd that holds a copy of the binary and is sealed against every
//! change; writing through /proc/PID/exe then fails, and even a write that
//! got through a copy would only touch the copy.

use std::fs::File;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use anyhow::{bail, Context, Result};
use nix::errno::Errno;
use rustix::fs::{Mode, OFlags};

/// The name the copy has in /proc/PID/exe (`/memfd:pontoon (deleted)`).
const MEMFD_NAME: &std::ffi::CStr = c"pontoon";
/// Set in the environment of a process re-executed from the copy, so that
/// a failed check can never loop.
const SEALED_ENV: &str = "_PONTOON_SEALED";

// Kernel constants (linux/memfd.h, linux/fcntl.h) that libc may lack.
const MFD_EXEC: libc::c_uint = 0x10;
const F_SEAL_EXEC: libc::c_int = 0x20;

/// An executable of the binary at `path` that no container can change:
/// its read-only view, else a sealed copy.
pub fn sealed_exe(path: &Path) -> Result<OwnedFd> {
    match crate::runtime::sealed_view::view(path) {
        Ok(view) => Ok(view),
        Err(_) => sealed_copy(path),
    }
}

/// A sealed executable of this very binary: the one this process already
/// runs from when it is sealed (a monitor `start` spawned from a view),
/// else a new one.
pub fn sealed_self() -> Result<OwnedFd> {
    if running_sealed() {
        let flags = OFlags::PATH | OFlags::CLOEXEC;
        return rustix::fs::open("/proc/self/exe", flags, Mode::empty()).context("open pontoon's own sealed binary");
    }
    match std::fs::read_link("/proc/self/exe") {
        // A binary replaced since it started has no path left to view.
        Ok(path) if path.is_absolute() && path.is_file() => sealed_exe(&path),
        _ => sealed_copy(Path::new("/proc/self/exe")),
    }
}

/// Makes a sealed memfd holding a copy of the binary at `path`.
fn sealed_copy(path: &Path) -> Result<OwnedFd> {
    let mut source = File::open(path).with_context(|| format!("open pontoon's binary {}", path.display()))?;
    let memfd = memfd_create()?;
    let mut target = File::from(memfd);
    std::io::copy(&mut source, &mut target).context("copy pontoon's binary into a memfd")?;
    let seals = libc::F_SEAL_SEAL | libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_WRITE;
    // SAFETY: fcntl on an fd we own.
    if unsafe { libc::fcntl(target.as_raw_fd(), libc::F_ADD_SEALS, seals | F_SEAL_EXEC) } < 0
        // F_SEAL_EXEC is Linux 6.3; older kernels refuse the unknown bit.
        && unsafe { libc::fcntl(target.as_raw_fd(), libc::F_ADD_SEALS, seals) } < 0
    {
        return Err(Errno::last()).context("seal the memfd copy of pontoon");
    }
    Ok(OwnedFd::from(target))
}

fn memfd_create() -> Result<OwnedFd> {
    let flags = libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING;
    // MFD_EXEC (Linux 6.3) says the copy is meant to be executed; older
    // kernels refuse the flag, and allow exec without it.
    for extra in [MFD_EXEC, 0] {
        // SAFETY: memfd_create with a valid name; returns a new fd or -1.
        let fd = unsafe { libc::memfd_create(MEMFD_NAME.as_ptr(), flags | extra) };
        if fd >= 0 {
            // SAFETY: the fd was just created and is ours alone.
            return Ok(unsafe { OwnedFd::from_raw_fd(fd) });
        }
        if Errno::last() != Errno::EINVAL {
            break;
        }
    }
    Err(Errno::last()).context("create a memfd for a sealed copy of pontoon")
}

/// Whether this process runs from a sealed copy or a read-only view.
pub fn running_sealed() -> bool {
    let Ok(exe) = File::open("/proc/self/exe") else { return false };
    // SAFETY: F_GET_SEALS on an fd we own; a regular file answers EINVAL.
    let seals = unsafe { libc::fcntl(exe.as_raw_fd(), libc::F_GET_SEALS) };
    (seals >= 0 && seals & libc::F_SEAL_WRITE != 0) || crate::runtime::sealed_view::is_view(exe.as_fd())
}

/// Re-executes this command from a sealed executable of the binary, with the same
/// arguments and environment, unless it already runs from one. For commands
/// that put pontoon code inside a container (`exec`). Returns only when no
/// re-exec was needed.
pub fn reexec_sealed() -> Result<()> {
    if running_sealed() {
        return Ok(());
    }
    if std::env::var_os(SEALED_ENV).is_some() {
        bail!("pontoon was re-executed from a sealed copy of itself but does not run from one: refusing to enter the container");
    }
    let copy = sealed_self()?;
    let cstr = |b: &[u8]| std::ffi::CString::new(b).context("an argument or variable contains a NUL byte");
    let args = std::env::args_os().map(|a| cstr(a.as_bytes())).collect::<Result<Vec<_>>>()?;
    let mut env = std::env::vars_os()
        .map(|(k, v)| cstr(&[k.as_bytes(), b"=", v.as_bytes()].concat()))
        .collect::<Result<Vec<_>>>()?;
    env.push(cstr(format!("{SEALED_ENV}=1").as_bytes())?);
    let err = execveat(&copy, &args, &env);
    Err(err).context("re-execute pontoon from its sealed copy")
}

/// execveat(fd, "", argv, envp, AT_EMPTY_PATH); returns only on failure.
pub fn execveat(fd: &OwnedFd, args: &[std::ffi::CString], env: &[std::ffi::CString]) -> Errno {
    let mut argv: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const libc::c_char> = env.iter().map(|e| e.as_ptr()).collect();
    envp.push(std::ptr::null());
    // SAFETY: argv and envp are NULL-terminated arrays of C strings that
    // outlive the call; on success the call does not return.
    unsafe { libc::syscall(libc::SYS_execveat, fd.as_raw_fd(), c"".as_ptr(), argv.as_ptr(), envp.as_ptr(), libc::AT_EMPTY_PATH) };
    Errno::last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_copy_is_the_binary_and_cannot_be_changed() {
        let copy = sealed_copy(Path::new("/proc/self/exe")).unwrap();
        let mut ours = Vec::new();
        File::open("/proc/self/exe").unwrap().read_to_end(&mut ours).unwrap();
        let mut theirs = Vec::new();
        // A new open, as /proc/PID/exe would give.
        let path = format!("/proc/self/fd/{}", copy.as_raw_fd());
        File::open(&path).unwrap().read_to_end(&mut theirs).unwrap();
        assert!(ours == theirs, "the copy holds the binary");
        let mut w = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        assert!(std::io::Write::write_all(&mut w, b"evil").is_err(), "sealed against writes");
        assert!(w.set_len(1).is_err(), "sealed against truncation");
        assert!(!running_sealed(), "the test binary is not a copy");
    }
}
