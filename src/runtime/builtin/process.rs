//! The container process's own settings, applied last in the init: stdio,
//! session and terminal, rlimits, groups and ids, capabilities,
//! no_new_privs, working directory, and the execve itself.

use std::collections::HashSet;
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use caps::{CapSet, Capability as Cap};
use nix::errno::Errno;
use nix::unistd::{Gid, Uid};
use oci_spec::runtime::{Capability, PosixRlimitType, Process};

use super::init::setup;
use super::{ContainerStdio, StartError};

/// Puts the container's streams on fds 0-2 and makes the terminal (if any)
/// the controlling terminal of a new session.
pub fn attach_stdio(stdio: &ContainerStdio) -> Result<(), StartError> {
    nix::unistd::setsid().map_err(|e| setup(format!("setsid: {e}")))?;
    for (from, to) in [(stdio.stdin, 0), (stdio.stdout, 1), (stdio.stderr, 2)] {
        if from != to {
            nix::unistd::dup2(from, to).map_err(|e| setup(format!("dup2 {from} -> {to}: {e}")))?;
        }
    }
    if let Some(console) = stdio.console {
        // SAFETY: TIOCSCTTY on a pty slave fd we own; arg 0 means do not steal.
        let rc = unsafe { libc::ioctl(console, libc::TIOCSCTTY, 0) };
        if rc < 0 {
            return Err(setup(format!("make the pty the controlling terminal: {}", Errno::last())));
        }
    }
    Ok(())
}

/// Gives the container a clean signal state: the monitor blocks signals
/// for its signalfd, and ignored dispositions would survive execve.
fn reset_signals() -> Result<(), StartError> {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, SigmaskHow, Signal};
    let default = SigAction::new(SigHandler::SigDfl, SaFlags::empty(), SigSet::empty());
    for sig in Signal::iterator() {
        if sig != Signal::SIGKILL && sig != Signal::SIGSTOP {
            // SAFETY: installing SIG_DFL is always sound.
            let _ = unsafe { sigaction(sig, &default) };
        }
    }
    nix::sys::signal::sigprocmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None)
        .map_err(|e| setup(format!("clear the signal mask: {e}")))
}

/// `--init`: fork first, and run the supervisor from a sealed copy of
/// pontoon as PID 1.
pub struct TinyInit {
    /// The terminal, if any.
    pub console: Option<i32>,
    pub sealed_exe: RawFd,
}

/// What the init does besides the process settings of the spec.
pub struct ExecExtras<'a> {
    /// Seccomp programs to install just before execve.
    pub seccomp: &'a crate::runtime::seccomp::Programs,
    pub tiny_init: Option<TinyInit>,
    /// `--preserve-fds N`: fds 3..3+N stay open across execve.
    pub preserve_fds: u32,
    /// Create a missing working directory (it came from the image, not -w).
    pub create_cwd: bool,
    /// The container's init: the error pipe, to re-arm the parent-death
    /// signal after the change of ids (which clears it).
    pub death_pipe: Option<RawFd>,
    /// An infra container: the sealed copy of pontoon to run as the pause
    /// process (runtime::pause) instead of the spec's args.
    pub pause_exe: Option<RawFd>,
}

/// Applies the process settings and replaces this process with it.
pub fn exec(process: &Process, extras: &ExecExtras) -> Result<(), StartError> {
    reset_signals()?;
    for r in process.rlimits().iter().flatten() {
        let resource = rlimit_resource(r.typ());
        // SAFETY: setrlimit with a valid resource and a stack struct.
        let rc = unsafe { libc::setrlimit(resource, &libc::rlimit { rlim_cur: r.soft(), rlim_max: r.hard() }) };
        if rc < 0 {
            return Err(setup(format!("set rlimit {:?} to {}/{}: {}", r.typ(), r.soft(), r.hard(), Errno::last())));
        }
    }
    let cwd = PathBuf::from(process.cwd());
    let cwd_fd = open_cwd(&cwd, extras.create_cwd)?;
    let caps = process.capabilities().as_ref();
    let bounding: HashSet<Cap> = caps.and_then(|c| c.bounding().clone()).unwrap_or_default().iter().filter_map(to_caps).collect();
    for cap in caps::all() {
        if !bounding.contains(&cap) {
            // Dropping an unknown (newer-kernel) capability fails harmlessly.
            let _ = caps::drop(None, CapSet::Bounding, cap);
        }
    }
    let nnp = process.no_new_privileges().unwrap_or(false);
    if !nnp {
        // Without no_new_privs the kernel wants CAP_SYS_ADMIN to install a
        // filter: install it now, before the capabilities are dropped.
        crate::runtime::seccomp::install(extras.seccomp).map_err(setup)?;
    }
    let user = process.user();
    let groups: Vec<Gid> = user.additional_gids().iter().flatten().map(|g| Gid::from_raw(*g)).collect();
    nix::unistd::setgroups(&groups).map_err(|e| setup(format!("setgroups {groups:?}: {e}")))?;
    let gid = Gid::from_raw(user.gid());
    nix::unistd::setresgid(gid, gid, gid).map_err(|e| setup(format!("setgid {gid}: {e}")))?;
    let uid = Uid::from_raw(user.uid());
    nix::unistd::setresuid(uid, uid, uid).map_err(|e| setup(format!("setuid {uid}: {e}")))?;
    if let Some(pipe) = extras.death_pipe {
        super::guard::die_with_parent(|| super::guard::reader_alive(pipe))?;
    }
    if uid.is_root() {
        // Capabilities this host never gave us (a newer name than the
        // kernel, or one the outer sandbox dropped) cannot be raised.
        let held = caps::read(None, CapSet::Permitted).unwrap_or_default();
        let set: HashSet<Cap> = bounding.intersection(&held).copied().collect();
        let effective: HashSet<Cap> =
            caps.and_then(|c| c.effective().clone()).unwrap_or_default().iter().filter_map(to_caps).filter(|c| held.contains(c)).collect();
        // Shrink effective and inheritable before permitted: each must stay
        // a subset of permitted at every step.
        caps::set(None, CapSet::Inheritable, &HashSet::new()).map_err(|e| setup(format!("clear inheritable capabilities: {e}")))?;
        caps::set(None, CapSet::Effective, &effective).map_err(|e| setup(format!("set effective capabilities: {e}")))?;
        caps::set(None, CapSet::Permitted, &set).map_err(|e| setup(format!("set permitted capabilities: {e}")))?;
    }
    if nnp {
        // SAFETY: prctl with constant arguments.
        if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } < 0 {
            return Err(setup(format!("set no_new_privs: {}", Errno::last())));
        }
    }
    nix::unistd::fchdir(cwd_fd.as_raw_fd()).map_err(|e| {
        let why = format!("chdir {}: {e}", cwd.display());
        if e == Errno::EACCES { StartError::CannotInvoke(why) } else { setup(why) }
    })?;
    drop(cwd_fd);
    let args = process.args().clone().unwrap_or_default();
    let env = process.env().clone().unwrap_or_default();
    if let Some(exe) = extras.pause_exe {
        return exec_pause(exe, &env, extras, nnp);
    }
    let Some(program) = args.first() else {
        return Err(setup("no command to run".into()));
    };
    let path = find_program(program, &env)?;
    let c_path = cstring(path.as_os_str().as_bytes())?;
    let c_args = args.iter().map(|a| cstring(a.as_bytes())).collect::<Result<Vec<_>, _>>()?;
    let c_env = env.iter().map(|e| cstring(e.as_bytes())).collect::<Result<Vec<_>, _>>()?;
    if let Some(init) = &extras.tiny_init {
        super::tiny_init::fork_and_supervise(init.console, init.sealed_exe).map_err(setup)?;
    }
    // Only fds 0-2 and the preserved ones survive the exec.
    crate::runtime::fds::close_on_exec_from(crate::runtime::fds::FIRST_EXTRA_FD + extras.preserve_fds as RawFd);
    if nnp {
        // Last, so that the filter constrains the command and not the setup.
        crate::runtime::seccomp::install(extras.seccomp).map_err(setup)?;
    }
    let err = nix::unistd::execve(&c_path, &c_args, &c_env).err().unwrap_or(Errno::EINVAL);
    Err(exec_error(program, err))
}

/// Replaces the init with the pause process, run from the sealed copy
/// `exe` (the rootfs has no program to run).
fn exec_pause(exe: RawFd, env: &[String], extras: &ExecExtras, nnp: bool) -> Result<(), StartError> {
    let c_args = [cstring(crate::runtime::pause::ARGV0.as_bytes())?];
    let c_env = env.iter().map(|e| cstring(e.as_bytes())).collect::<Result<Vec<_>, _>>()?;
    crate::runtime::fds::close_on_exec_from(crate::runtime::fds::FIRST_EXTRA_FD + extras.preserve_fds as RawFd);
    if nnp {
        crate::runtime::seccomp::install(extras.seccomp).map_err(setup)?;
    }
    // SAFETY: the monitor keeps the fd open until the init has exec'd.
    let exe = std::mem::ManuallyDrop::new(unsafe { OwnedFd::from_raw_fd(exe) });
    let err = crate::runtime::sealed::execveat(&exe, &c_args, &c_env);
    Err(setup(format!("run the pause process from pontoon's sealed copy: {err}")))
}

/// Opens the working directory inside the container's root without
/// following magic links (`-w /proc/self/fd/N` must not lead to a host
/// directory through an inherited fd), creating it first if `create`.
fn open_cwd(cwd: &Path, create: bool) -> Result<OwnedFd, StartError> {
    use nix::fcntl::{openat2, OFlag, OpenHow, ResolveFlag};
    let how = OpenHow::new()
        .flags(OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC)
        .resolve(ResolveFlag::RESOLVE_IN_ROOT | ResolveFlag::RESOLVE_NO_MAGICLINKS);
    let open = || {
        let root = nix::fcntl::open("/", OFlag::O_PATH | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC, nix::sys::stat::Mode::empty())?;
        // SAFETY: open just returned this fd.
        let root = unsafe { OwnedFd::from_raw_fd(root) };
        // SAFETY: openat2 returned a new fd on success.
        openat2(root.as_raw_fd(), cwd, how).map(|fd| unsafe { OwnedFd::from_raw_fd(fd) })
    };
    let mut result = open();
    if create && matches!(result, Err(Errno::ENOENT)) {
        // Docker creates a missing working directory of the image. The
        // rootfs is already our root, so the path cannot leave it.
        std::fs::create_dir_all(cwd).map_err(|e| setup(format!("create working directory {}: {e}", cwd.display())))?;
        result = open();
    }
    result.map_err(|e| {
        let d = cwd.display();
        StartError::CannotInvoke(match e {
            Errno::ENOENT => format!("workdir {d:?} does not exist in the container: give -w an existing directory"),
            Errno::ELOOP | Errno::EXDEV => format!("workdir {d:?} resolves outside the container: give -w a directory of the container"),
            Errno::ENOTDIR => format!("workdir {d:?} is not a directory"),
            other => format!("open workdir {d:?}: {other}"),
        })
    })
}

/// Looks `program` up in the container's PATH when it has no '/'.
fn find_program(program: &str, env: &[String]) -> Result<PathBuf, StartError> {
    let path = env.iter().find_map(|e| e.strip_prefix("PATH=")).unwrap_or(crate::spec::env::DEFAULT_PATH);
    crate::runtime::search_path::find_in(path.as_ref(), program)
        .ok_or_else(|| StartError::NotFound(format!("executable file {program:?} not found in $PATH: no such file or directory")))
}

fn exec_error(program: &str, err: Errno) -> StartError {
    match err {
        Errno::ENOENT => StartError::NotFound(format!("{program:?}: no such file or directory")),
        Errno::EACCES | Errno::ENOEXEC | Errno::EISDIR | Errno::EPERM => {
            StartError::CannotInvoke(format!("{program:?}: permission denied: the file is not executable ({err})"))
        }
        other => StartError::Setup(format!("exec {program:?}: {other}")),
    }
}

fn cstring(bytes: &[u8]) -> Result<CString, StartError> {
    CString::new(bytes).map_err(|_| setup("an argument or variable contains a NUL byte".into()))
}

fn to_caps(c: &Capability) -> Option<Cap> {
    format!("CAP_{c}").parse::<Cap>().ok()
}

fn rlimit_resource(t: PosixRlimitType) -> libc::__rlimit_resource_t {
    match t {
        PosixRlimitType::RlimitCpu => libc::RLIMIT_CPU,
        PosixRlimitType::RlimitFsize => libc::RLIMIT_FSIZE,
        PosixRlimitType::RlimitData => libc::RLIMIT_DATA,
        PosixRlimitType::RlimitStack => libc::RLIMIT_STACK,
        PosixRlimitType::RlimitCore => libc::RLIMIT_CORE,
        PosixRlimitType::RlimitRss => libc::RLIMIT_RSS,
        PosixRlimitType::RlimitNproc => libc::RLIMIT_NPROC,
        PosixRlimitType::RlimitNofile => libc::RLIMIT_NOFILE,
        PosixRlimitType::RlimitMemlock => libc::RLIMIT_MEMLOCK,
        PosixRlimitType::RlimitAs => libc::RLIMIT_AS,
        PosixRlimitType::RlimitLocks => libc::RLIMIT_LOCKS,
        PosixRlimitType::RlimitSigpending => libc::RLIMIT_SIGPENDING,
        PosixRlimitType::RlimitMsgqueue => libc::RLIMIT_MSGQUEUE,
        PosixRlimitType::RlimitNice => libc::RLIMIT_NICE,
        PosixRlimitType::RlimitRtprio => libc::RLIMIT_RTPRIO,
        PosixRlimitType::RlimitRttime => libc::RLIMIT_RTTIME,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_names_map_between_crates() {
        assert_eq!(to_caps(&Capability::NetAdmin), Some(Cap::CAP_NET_ADMIN));
        assert_eq!(to_caps(&Capability::AuditWrite), Some(Cap::CAP_AUDIT_WRITE));
    }

    #[test]
    fn missing_programs_exit_127_and_unrunnable_126() {
        let env = vec!["PATH=/nonexistent".to_string()];
        assert_eq!(find_program("nope", &env).unwrap_err().exit_code(), 127);
        assert_eq!(exec_error("x", Errno::EACCES).exit_code(), 126);
        assert_eq!(exec_error("x", Errno::ENOENT).exit_code(), 127);
    }
}
