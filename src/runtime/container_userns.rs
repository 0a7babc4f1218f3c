//! A user namespace of the container's own (`--userns keep-id` and the
//! like), nested in the one pontoon runs in, made by the built-in runtime.
//!
//! Order matters. The namespaces the container joins (the network
//! namespace the monitor wired, another container's IPC, UTS or PID one)
//! belong to pontoon's user namespace and can only be entered from it; the
//! namespaces the container gets new (mount, PID, UTS, IPC, cgroup) must
//! belong to its own user namespace, or its root could not mount /proc or
//! set its hostname. So a short-lived fork of the monitor joins the
//! former, unshares the user namespace, waits for the monitor to write
//! its maps (a process may only map ids other than its own from the
//! parent namespace), becomes root inside and clones the init with the
//! rest as the monitor's child (CLONE_PARENT).

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd, RawFd};

use anyhow::{bail, Context, Result};
use nix::mount::MsFlags;
use nix::sched::CloneFlags;
use nix::unistd::{Gid, Pid, Uid};
use oci_spec::runtime::Spec;

use super::builtin::kernel::open_tree_clone;
use super::builtin::mounts::{parse_options, Opened};
use super::userns_rootfs::bundle_maps;

/// The bundle's maps as /proc/PID/uid_map and gid_map take them.
pub struct MapText {
    uid: String,
    gid: String,
}

impl MapText {
    /// The maps of a bundle with a user namespace of its own, else None.
    pub fn of_config(config: &std::path::Path) -> Option<MapText> {
        let spec = Spec::load(config).ok()?;
        let (uids, _) = bundle_maps(&spec);
        if uids.is_empty() {
            return None;
        }
        MapText::of(&spec).ok()
    }

    pub fn of(spec: &Spec) -> Result<MapText> {
        let (uids, gids) = bundle_maps(spec);
        if uids.is_empty() || gids.is_empty() {
            bail!("the bundle has a user namespace without uid and gid mappings: add linux.uidMappings and linux.gidMappings");
        }
        let text = |maps: &[crate::spec::userns::IdMap]| maps.iter().map(|m| format!("{} {} {}\n", m.container, m.host, m.size)).collect::<String>();
        Ok(MapText { uid: text(&uids), gid: text(&gids) })
    }
}

/// The rootfs and bind mount sources of a bundle, opened (as detached
/// mount copies) while this process can still reach them: from the
/// container's user namespace the store's directories are another user's.
pub struct HeldMounts {
    root: std::path::PathBuf,
    root_tree: OwnedFd,
    binds: Vec<(usize, OwnedFd, bool)>,
}

impl HeldMounts {
    /// The fds, for the init (which inherits them).
    pub fn view(&self) -> Opened {
        Opened {
            root_tree: self.root_tree.as_raw_fd(),
            binds: self.binds.iter().map(|(i, fd, dir)| (*i, fd.as_raw_fd(), *dir)).collect(),
        }
    }
}

pub fn open_mounts(spec: &Spec) -> Result<HeldMounts> {
    let root = spec.root().as_ref().context("the bundle has no root")?.path();
    let root_tree = open_tree_clone(root, true).with_context(|| format!("open the rootfs {}", root.display()))?;
    let mut binds = Vec::new();
    for (i, m) in spec.mounts().iter().flatten().enumerate() {
        let (flags, _) = parse_options(m.options().as_deref().unwrap_or_default());
        if m.typ().as_deref() != Some("bind") && !flags.contains(MsFlags::MS_BIND) {
            continue;
        }
        let Some(source) = m.source() else { continue };
        let tree = open_tree_clone(source, flags.contains(MsFlags::MS_REC))
            .with_context(|| format!("open {}, to bind on {}", source.display(), m.destination().display()))?;
        let dir = std::fs::metadata(source).with_context(|| format!("stat {}", source.display()))?.is_dir();
        binds.push((i, tree, dir));
    }
    Ok(HeldMounts { root: root.clone(), root_tree, binds })
}

/// Moves this process into a new user namespace mapped as `maps` say, as
/// root there: a fork makes the namespace, this process maps and joins it.
/// The caller must be single-threaded and not chrooted.
pub fn enter_mapped(maps: &MapText) -> Result<()> {
    let (made_r, made_w) = pipe().context("create a pipe")?;
    let (done_r, done_w) = pipe().context("create a pipe")?;
    // SAFETY: single-threaded (the caller's contract); the child only
    // makes syscalls and exits with _exit.
    match unsafe { nix::unistd::fork() }.context("fork to make a user namespace")? {
        nix::unistd::ForkResult::Child => {
            drop((made_r, done_w));
            let made = nix::sched::unshare(CloneFlags::CLONE_NEWUSER).is_ok();
            let _ = File::from(made_w).write_all(if made { b"u" } else { b"0" });
            let _ = File::from(done_r).read(&mut [0u8; 1]);
            // SAFETY: _exit runs no destructors of the parent's state.
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { child } => {
            drop((made_w, done_r));
            let result = (|| -> Result<()> {
                let mut byte = [0u8; 1];
                File::from(made_r).read_exact(&mut byte).context("wait for the new user namespace")?;
                if byte[0] != b'u' {
                    bail!("create a user namespace with the container's maps: the kernel refused it");
                }
                write_map(child, "uid_map", &maps.uid)?;
                write_map(child, "gid_map", &maps.gid)?;
                let ns = File::open(format!("/proc/{child}/ns/user")).context("open the new user namespace")?;
                nix::sched::setns(&ns, CloneFlags::CLONE_NEWUSER).context("join the user namespace with the container's maps")?;
                let root = (Uid::from_raw(0), Gid::from_raw(0));
                nix::unistd::setresgid(root.1, root.1, root.1).and_then(|_| nix::unistd::setresuid(root.0, root.0, root.0)).context("become root in the container's user namespace")?;
                Ok(())
            })();
            drop(done_w);
            let _ = nix::sys::wait::waitpid(child, None);
            result
        }
    }
}

/// Clones the init (`child`, with clone `flags`) in a new user namespace
/// mapped as `maps` says, after joining `joins` (fds of this process's);
/// returns its pid. The caller must be single-threaded.
pub fn clone_in_own_userns(
    joins: &[(CloneFlags, RawFd)],
    maps: &MapText,
    mounts: &HeldMounts,
    child: nix::sched::CloneCb,
    stack: &mut [u8],
    flags: CloneFlags,
) -> Result<Pid> {
    let (report_r, report_w) = pipe().context("create the pipe for the init's pid")?;
    let (ack_r, ack_w) = pipe().context("create the pipe for the user namespace's maps")?;
    // SAFETY: single-threaded (the caller's contract); the forked copy only
    // makes syscalls, runs the init's clone and exits with _exit.
    match unsafe { nix::unistd::fork() }.context("fork to make the container's user namespace")? {
        nix::unistd::ForkResult::Child => {
            drop((report_r, ack_w));
            // The init may be visible to another container from its first
            // instruction (a joined PID namespace), still a copy of
            // pontoon: not dumpable from the start (inherited).
            // SAFETY: prctl with constant arguments.
            unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
            let mut report = File::from(report_w);
            let reply = match helper(joins, &mounts.root, ack_r, &mut report, child, stack, flags) {
                Ok(pid) => format!("ok {pid}"),
                Err(e) => e,
            };
            let _ = report.write_all(reply.as_bytes());
            // SAFETY: _exit runs no destructors of the monitor's state.
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { child: helper } => {
            drop((report_w, ack_r));
            let result = map_and_collect(helper, maps, report_r, ack_w);
            let _ = nix::sys::wait::waitpid(helper, None);
            result
        }
    }
}

/// The monitor's half: waits for the new namespace, writes its maps,
/// reads the init's pid.
fn map_and_collect(helper: Pid, maps: &MapText, report: OwnedFd, ack: OwnedFd) -> Result<Pid> {
    let mut report = File::from(report);
    let mut first = [0u8; 1];
    let unshared = report.read(&mut first).context("read from the process making the user namespace")? == 1 && first[0] == b'u';
    let mut ack = File::from(ack);
    if unshared {
        let written = write_map(helper, "uid_map", &maps.uid).and_then(|_| write_map(helper, "gid_map", &maps.gid));
        let _ = ack.write_all(if written.is_ok() { b"1" } else { b"0" });
        drop(ack);
        written?;
    }
    let mut reply = String::new();
    if !unshared {
        reply.push(first[0] as char);
    }
    report.read_to_string(&mut reply).context("read the init's pid")?;
    match reply.strip_prefix("ok ").map(str::parse::<i32>) {
        Some(Ok(pid)) => Ok(Pid::from_raw(pid)),
        _ if reply.trim_matches('\0').is_empty() => bail!("the process making the container's user namespace died without a word"),
        _ => bail!("{reply}"),
    }
}

fn write_map(helper: Pid, file: &str, text: &str) -> Result<()> {
    let path = format!("/proc/{helper}/{file}");
    // One write, as the kernel wants the whole map at once.
    std::fs::write(&path, text).with_context(|| format!("write the container's {file} ({}): are the ids inside pontoon's user namespace?", text.trim().replace('\n', ", ")))
}

/// The fork's half: joins, unshares, waits for the maps, clones.
fn helper(
    joins: &[(CloneFlags, RawFd)],
    root: &std::path::Path,
    ack: OwnedFd,
    report: &mut File,
    child: nix::sched::CloneCb,
    stack: &mut [u8],
    flags: CloneFlags,
) -> Result<Pid, String> {
    // The init attaches its rootfs here (see builtin::mounts::Opened):
    // walked now, while the path is ours to walk.
    std::env::set_current_dir(root).map_err(|e| format!("enter the rootfs {}: {e}", root.display()))?;
    for (flag, fd) in joins {
        // SAFETY: the fds are the monitor's, open for this call.
        let ns = unsafe { BorrowedFd::borrow_raw(*fd) };
        nix::sched::setns(ns, *flag).map_err(|e| format!("join the {flag:?} namespace of the container: {e}"))?;
    }
    if joins.iter().any(|(flag, _)| *flag == CloneFlags::CLONE_NEWNET) {
        // The network namespace stays pontoon's: root inside would lack
        // CAP_NET_BIND_SERVICE there. Ports below 1024 open to every user
        // of the container instead, as Docker sets it by default.
        std::fs::write("/proc/sys/net/ipv4/ip_unprivileged_port_start", "0")
            .map_err(|e| format!("let the container's root bind ports below 1024 (net.ipv4.ip_unprivileged_port_start): {e}"))?;
    }
    nix::sched::unshare(CloneFlags::CLONE_NEWUSER).map_err(|e| format!("create the container's user namespace: {e}"))?;
    report.write_all(b"u").map_err(|e| format!("tell the monitor the user namespace is made: {e}"))?;
    let mut ok = [0u8; 1];
    let mapped = File::from(ack).read_exact(&mut ok).is_ok() && ok[0] == b'1';
    if !mapped {
        // The monitor reports why.
        return Err(String::new());
    }
    // Root inside, when the maps have one: the init's setup (mount points,
    // the keep-id /etc lines) makes files as it; the process's own user
    // comes last, in the init.
    let root = (Uid::from_raw(0), Gid::from_raw(0));
    match nix::unistd::setresgid(root.1, root.1, root.1).and_then(|_| nix::unistd::setresuid(root.0, root.0, root.0)) {
        Ok(()) | Err(nix::errno::Errno::EINVAL) => {}
        Err(e) => return Err(format!("become root in the container's user namespace: {e}")),
    }
    // SAFETY: as in builtin::create; CLONE_PARENT makes the init the
    // monitor's child, reaped and signalled by it.
    unsafe { nix::sched::clone(child, stack, flags | CloneFlags::CLONE_PARENT, Some(libc::SIGCHLD)) }
        .map_err(|e| format!("clone the container's init in its user namespace: {e}"))
}

fn pipe() -> nix::Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC)
}
