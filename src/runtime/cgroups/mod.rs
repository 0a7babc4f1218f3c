//! Resource limits, freezing and statistics through cgroups. One backend
//! is chosen per host in [`detect`] with one `match`: cgroup v2 where a
//! unified hierarchy with controllers is delegated to us, the v1
//! controllers when we are root on a v1 or hybrid host, otherwise none.
//! A container's group is `pontoon/<id>` (v1: in every controller; v2:
//! below the delegated group), so any command can find it from the Id.

mod bpf_devices;
pub mod procfs;
mod v1;
mod v2;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::LinuxResources;

/// Which cgroup backend this host gives pontoon.
#[derive(Clone, Debug)]
pub enum Backend {
    V1(v1::V1),
    V2(v2::V2),
    /// No usable cgroups, and why (for `info`, `doctor` and the error of a
    /// run that asks for a limit).
    None(String),
}

/// What a container's cgroup reports for `stats`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    pub memory_bytes: u64,
    /// None when the group has no limit.
    pub memory_limit: Option<u64>,
    pub cpu_nanos: u64,
    pub pids: u64,
    pub block_read: u64,
    pub block_write: u64,
}

pub fn detect() -> Backend {
    let mounts = fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let own = fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    let root = is_host_root();
    match (v2::V2::find(&mounts, &own), v1::V1::find(&mounts), root) {
        (Some(v2), _, _) => Backend::V2(v2),
        (None, Some(v1), true) => Backend::V1(v1),
        (None, Some(_), false) => Backend::None(
            "cgroup v1 controllers can only be used as root and no cgroup v2 hierarchy is delegated to this user".into(),
        ),
        (None, None, _) => Backend::None("no cgroup controllers are mounted".into()),
    }
}

/// Root of the host, not root of a user namespace (where the rootless
/// storage namespace makes every pontoon command uid 0).
pub fn is_host_root() -> bool {
    let map = fs::read_to_string("/proc/self/uid_map").unwrap_or_default();
    let identity = map.split_whitespace().collect::<Vec<_>>() == ["0", "0", "4294967295"];
    nix::unistd::geteuid().is_root() && identity
}

impl Backend {
    /// The name `pontoon info` shows as Host.CgroupManager.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::V1(_) => "cgroupfs (v1)",
            Backend::V2(_) => "cgroupfs (v2)",
            Backend::None(_) => "none",
        }
    }

    /// What keeps host devices out of containers here, for `pontoon info`.
    pub fn device_protection(&self) -> String {
        match self {
            Backend::V1(v1) if v1.has_devices() => "cgroup v1 devices controller, nodev mounts".into(),
            Backend::V1(_) => "nodev mounts (the cgroup v1 devices controller is not mounted)".into(),
            Backend::V2(_) if is_host_root() => "cgroup v2 BPF device filter, nodev mounts".into(),
            Backend::V2(_) => "user namespace (no device access), nodev mounts".into(),
            Backend::None(_) if !is_host_root() => "user namespace (no device access), nodev mounts".into(),
            Backend::None(why) => format!("nodev mounts ({why})"),
        }
    }

    /// Creates the container's group with `resources` applied. Fails when
    /// a limit is asked and this backend cannot apply it; returns None
    /// when no limit is asked and there are no cgroups.
    pub fn create(&self, id: &str, resources: Option<&LinuxResources>) -> Result<Option<Group>> {
        let wanted = resources.is_some_and(asks_for_limits);
        let group = match self {
            Backend::V1(v1) => Group::V1(v1.create(id)?),
            Backend::V2(v2) => Group::V2(v2.create(id)?),
            Backend::None(why) if wanted => bail!(
                "cannot apply --memory, --cpus or --pids-limit: {why}; run as root, delegate cgroup v2 controllers to your user (systemd: Delegate=yes on user@.service), or drop the limit"
            ),
            Backend::None(_) => return Ok(None),
        };
        if let Some(r) = resources {
            if let Err(e) = group.apply(r) {
                group.remove();
                return Err(e);
            }
        }
        Ok(Some(group))
    }

    /// The existing group of container `id`, if there is one.
    pub fn open(&self, id: &str) -> Option<Group> {
        match self {
            Backend::V1(v1) => v1.open(id).map(Group::V1),
            Backend::V2(v2) => v2.open(id).map(Group::V2),
            Backend::None(_) => None,
        }
    }
}

fn asks_for_limits(r: &LinuxResources) -> bool {
    let memory = r.memory().as_ref().is_some_and(|m| {
        m.limit().is_some() || m.swap().is_some() || m.reservation().is_some() || m.swappiness().is_some() || m.disable_oom_killer().is_some()
    });
    let cpu = r.cpu().as_ref().is_some_and(|c| {
        c.quota().is_some() || c.period().is_some() || c.shares().is_some() || c.cpus().is_some() || c.mems().is_some()
    });
    memory || cpu || r.pids().as_ref().is_some_and(|p| p.limit() > 0) || r.block_io().is_some()
}

/// One container's cgroup.
#[derive(Clone, Debug)]
pub enum Group {
    V1(v1::Group),
    V2(v2::Group),
}

impl Group {
    fn apply(&self, r: &LinuxResources) -> Result<()> {
        match self {
            Group::V1(g) => g.apply(r),
            Group::V2(g) => g.apply(r),
        }
    }

    /// Moves `pid` (the container's init, before it runs) into the group.
    pub fn add(&self, pid: i32) -> Result<()> {
        match self {
            Group::V1(g) => g.add(pid),
            Group::V2(g) => g.add(pid),
        }
    }

    /// Freezes or thaws every process of the group.
    pub fn freeze(&self, frozen: bool) -> Result<()> {
        match self {
            Group::V1(g) => g.freeze(frozen),
            Group::V2(g) => g.freeze(frozen),
        }
    }

    /// Whether the kernel OOM-killed a process of the group.
    pub fn oom_killed(&self) -> bool {
        match self {
            Group::V1(g) => g.oom_kills() > 0,
            Group::V2(g) => g.oom_kills() > 0,
        }
    }

    pub fn usage(&self) -> Usage {
        match self {
            Group::V1(g) => g.usage(),
            Group::V2(g) => g.usage(),
        }
    }

    /// The pids of every process in the group.
    pub fn procs(&self) -> Vec<i32> {
        match self {
            Group::V1(g) => g.procs(),
            Group::V2(g) => g.procs(),
        }
    }

    /// SIGKILLs every process of the group until none is left (frozen
    /// first, so that none can fork past the kill); true when it is empty.
    pub fn kill_all(&self) -> bool {
        let _ = self.freeze(true);
        for _ in 0..100 {
            let procs = self.procs();
            if procs.is_empty() {
                let _ = self.freeze(false);
                return true;
            }
            for pid in procs {
                let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
            }
            // A frozen process dies of SIGKILL only once thawed.
            let _ = self.freeze(false);
            std::thread::sleep(std::time::Duration::from_millis(20));
            let _ = self.freeze(true);
        }
        let _ = self.freeze(false);
        self.procs().is_empty()
    }

    /// Removes the group; its processes must have exited. Errors are
    /// ignored: a left-over empty group is harmless and removed next time.
    pub fn remove(&self) {
        match self {
            Group::V1(g) => g.remove(),
            Group::V2(g) => g.remove(),
        }
    }
}

/// The cgroup directories of process `pid` that are not ours: what a
/// process entering its container (`exec`) joins, so that the container's
/// limits hold for it too. Read from /proc, as the kernel shows them.
pub fn dirs_to_join(pid: i32) -> Vec<PathBuf> {
    let mounts = fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    let theirs = fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap_or_default();
    let ours = fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    group_dirs(&mounts, &theirs, &ours)
}

/// Each line of `theirs` (/proc/PID/cgroup) in a group of pontoon's that
/// differs from `ours`, as a directory under the hierarchy's mount point
/// in `mountinfo`.
fn group_dirs(mountinfo: &str, theirs: &str, ours: &str) -> Vec<PathBuf> {
    let own: std::collections::HashSet<&str> = ours.lines().collect();
    let mut out = Vec::new();
    for line in theirs.lines().filter(|l| !own.contains(l)) {
        let mut f = line.splitn(3, ':');
        let (Some(_), Some(controllers), Some(path)) = (f.next(), f.next(), f.next()) else { continue };
        // Only the groups pontoon made (`pontoon/<id>`): another session's
        // systemd scope is not ours to enter.
        if !path.split('/').any(|c| c == "pontoon") {
            continue;
        }
        let mount = mountinfo.lines().find_map(|m| {
            let (left, right) = m.split_once(" - ")?;
            let mut r = right.split(' ');
            let (fstype, options) = (r.next()?, r.nth(1).unwrap_or_default());
            let wanted = match (fstype, controllers) {
                ("cgroup2", "") => true,
                ("cgroup", c) if !c.is_empty() => c.split(',').all(|c| options.split(',').any(|o| o == c)),
                _ => false,
            };
            wanted.then(|| PathBuf::from(left.split(' ').nth(4).unwrap_or_default()))
        });
        if let Some(mount) = mount {
            out.push(mount.join(path.trim_start_matches('/')));
        }
    }
    out
}

/// Moves the calling process into each of `dirs` (see [`dirs_to_join`]).
/// Rootless, a move the kernel refuses is skipped: on cgroup v2 it needs
/// write access to the common ancestor of both groups, which a delegated
/// subtree may not give from another session.
pub fn join(dirs: &[PathBuf]) -> Result<()> {
    let me = std::process::id().to_string();
    let root = is_host_root();
    for dir in dirs {
        match write(dir, "cgroup.procs", &me) {
            Err(_) if !root => {}
            other => other.with_context(|| format!("join the container's cgroup {}", dir.display()))?,
        }
    }
    Ok(())
}

/// The pids in a group directory's cgroup.procs.
fn read_procs(dir: &Path) -> Vec<i32> {
    fs::read_to_string(dir.join("cgroup.procs")).unwrap_or_default().lines().filter_map(|l| l.trim().parse().ok()).collect()
}

/// Writes `value` to a control file, naming the file on failure.
fn write(dir: &Path, file: &str, value: &str) -> Result<()> {
    let path = dir.join(file);
    fs::write(&path, value).with_context(|| format!("write {value:?} to {}", path.display()))
}

fn read_u64(path: PathBuf) -> Option<u64> {
    fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// A `key value` line of a flat-keyed file such as memory.stat.
fn keyed(path: PathBuf, key: &str) -> Option<u64> {
    let text = fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(' ')).and_then(|v| v.trim().parse().ok()))
}

/// Removes a group directory, retrying briefly while the kernel finishes
/// tearing down its last process.
fn remove_dir(dir: &Path) {
    for _ in 0..50 {
        match fs::remove_dir(dir) {
            Ok(()) => return,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::{LinuxMemoryBuilder, LinuxResourcesBuilder};

    #[test]
    fn a_limit_without_cgroups_fails_with_the_fix() {
        let none = Backend::None("no cgroup controllers are mounted".into());
        let r = LinuxResourcesBuilder::default().memory(LinuxMemoryBuilder::default().limit(1i64 << 26).build().unwrap()).build().unwrap();
        let err = none.create("x", Some(&r)).unwrap_err().to_string();
        assert!(err.contains("--memory") && err.contains("root"), "{err}");
        assert!(none.create("x", None).unwrap().is_none(), "no limit, no cgroup, no error");
    }

    #[test]
    fn an_exec_joins_the_inits_groups_that_differ() {
        let mounts = "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n\
                      32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n\
                      40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n\
                      41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
        let theirs = "9:name=systemd:/session-2.scope\n4:memory:/pontoon/abc\n1:cpu,cpuacct:/pontoon/abc\n0::/\n";
        let ours = "9:name=systemd:/\n4:memory:/\n1:cpu,cpuacct:/\n0::/\n";
        let dirs = group_dirs(mounts, theirs, ours);
        assert_eq!(dirs, [PathBuf::from("/sys/fs/cgroup/memory/pontoon/abc"), PathBuf::from("/sys/fs/cgroup/cpu,cpuacct/pontoon/abc")]);
        assert!(group_dirs(mounts, ours, ours).is_empty(), "the same groups: nothing to join");
    }

    #[test]
    fn keyed_files_parse() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("memory.events"), "low 0\noom 2\noom_kill 1\n").unwrap();
        assert_eq!(keyed(dir.path().join("memory.events"), "oom_kill"), Some(1));
        assert_eq!(keyed(dir.path().join("memory.events"), "oom"), Some(2));
        assert_eq!(keyed(dir.path().join("memory.events"), "max"), None);
    }
}
