//! Rootless storage: every command that touches the store runs inside a user
//! namespace in which the caller is root and ids 1..N map to the caller's
//! subordinate ranges, so layer files keep the owners from their tar
//! headers, and in a mount namespace of its own. The user namespace is one
//! per user and runroot, kept by runtime::userns_holder and joined with
//! setns, so that containers of different commands can share namespaces.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use nix::sched::{unshare, CloneFlags};
use nix::unistd::{getuid, Gid, Pid, Uid, User};

use crate::errors::PontoonError;

/// Errors of entering the storage namespace that callers explain.
#[derive(Debug, thiserror::Error)]
pub enum UsernsError {
    /// The kernel refused an unprivileged user namespace: the CLI prints
    /// the failing host checks of `pontoon system doctor` with it.
    #[error("create a user namespace (are unprivileged user namespaces enabled? see `pontoon system doctor`)")]
    Unshare(#[source] nix::Error),
}

/// Set in the environment of a process that already runs in the storage
/// namespace, so that nested pontoon commands do not enter it again.
pub const IN_USERNS_ENV: &str = "_PONTOON_USERNS";
/// The caller's host uid and gid, recorded because inside the namespace
/// they are 0.
const HOST_UID_ENV: &str = "_PONTOON_HOST_UID";
const HOST_GID_ENV: &str = "_PONTOON_HOST_GID";
/// Test hooks: the files holding subordinate id ranges.
const SUBUID_FILE_ENV: &str = "PONTOON_SUBUID_FILE";
const SUBGID_FILE_ENV: &str = "PONTOON_SUBGID_FILE";

/// The uid of the user who ran pontoon, also from inside the namespace.
pub fn caller_uid() -> u32 {
    std::env::var(HOST_UID_ENV).ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| getuid().as_raw())
}

/// The gid of the user who ran pontoon, also from inside the namespace.
pub fn caller_gid() -> u32 {
    std::env::var(HOST_GID_ENV).ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| nix::unistd::getgid().as_raw())
}

/// The number of ids (0..N) the namespace this process runs in maps, as
/// /proc/self/uid_map (or gid_map) says: the ids a nested namespace may use.
pub fn own_id_count(map_file: &str) -> Result<u32> {
    let text = fs::read_to_string(map_file).with_context(|| format!("read {map_file}"))?;
    Ok(count_from_zero(&text))
}

/// The length of the run of ids from 0 that the map lines cover.
fn count_from_zero(text: &str) -> u32 {
    let mut lines: Vec<(u64, u64)> = text
        .lines()
        .filter_map(|l| {
            let f: Vec<u64> = l.split_whitespace().filter_map(|w| w.parse().ok()).collect();
            (f.len() == 3).then(|| (f[0], f[2]))
        })
        .collect();
    lines.sort();
    let mut end = 0u64;
    for (start, count) in lines {
        if start > end {
            break;
        }
        end = end.max(start + count);
    }
    end.min(u32::MAX as u64) as u32
}

/// As root, the subordinate ranges of the `containers` user that
/// `--userns auto` takes from, as Podman does: (uids, gids).
pub fn containers_ranges() -> Result<Option<(IdRange, IdRange)>> {
    // By name only: a getpwnam of a user the host lacks can crash in NSS
    // modules (libnss_systemd did here), and the entry is by name anyway.
    let uid = u32::MAX;
    let file = |env: &str, default: &str| std::env::var_os(env).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(default));
    let uids = subordinate_range(&file(SUBUID_FILE_ENV, "/etc/subuid"), "containers", uid)?;
    let gids = subordinate_range(&file(SUBGID_FILE_ENV, "/etc/subgid"), "containers", uid)?;
    Ok(uids.zip(gids))
}

/// True inside the rootless storage namespace.
pub fn in_storage_namespace() -> bool {
    std::env::var_os(IN_USERNS_ENV).is_some()
}

/// A subordinate id range from /etc/subuid or /etc/subgid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdRange {
    pub start: u32,
    pub count: u32,
}

/// Finds the first range of `user` (by name or numeric uid) in `file`.
pub fn subordinate_range(file: &Path, user: &str, uid: u32) -> Result<Option<IdRange>> {
    let text = match fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
    };
    Ok(parse_subordinate(&text, user, uid))
}

fn parse_subordinate(text: &str, user: &str, uid: u32) -> Option<IdRange> {
    let uid = uid.to_string();
    text.lines().filter(|l| !l.trim_start().starts_with('#')).find_map(|line| {
        let mut parts = line.trim().split(':');
        let (who, start, count) = (parts.next()?, parts.next()?, parts.next()?);
        if who != user && who != uid {
            return None;
        }
        let range = IdRange { start: start.parse().ok()?, count: count.parse().ok()? };
        (range.count > 0).then_some(range)
    })
}

/// The subordinate ranges of the calling user, or the error that says how to
/// add them.
pub fn caller_ranges() -> Result<(IdRange, IdRange)> {
    let uid = getuid();
    let name = User::from_uid(uid).ok().flatten().map(|u| u.name).unwrap_or_else(|| uid.to_string());
    let lookup = |env: &str, default: &str, kind: &'static str| -> Result<IdRange> {
        let file = std::env::var_os(env).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(default));
        subordinate_range(&file, &name, uid.as_raw())?.ok_or_else(|| {
            PontoonError::NoSubordinateRange { kind, user: name.clone(), file: file.display().to_string() }.into()
        })
    };
    Ok((lookup(SUBUID_FILE_ENV, "/etc/subuid", "uid")?, lookup(SUBGID_FILE_ENV, "/etc/subgid", "gid")?))
}

/// Moves this process into the rootless storage namespace: the user
/// namespace held for `runroot` (runtime::userns_holder, started on first
/// use) and a mount namespace of this command's own. As root, or when
/// already inside, a no-op. Must be called while the process is
/// single-threaded (setns into a user namespace requires it).
pub fn enter_storage_namespace(runroot: &Path) -> Result<()> {
    if Uid::effective().is_root() || in_storage_namespace() {
        return Ok(());
    }
    let (host_uid, host_gid) = (getuid(), nix::unistd::getgid());
    let holder = super::userns_holder::find_or_start(runroot)?;
    wait_until_single_threaded()?;
    let user = fs::File::open(format!("/proc/{holder}/ns/user")).with_context(|| format!("open the user namespace of process {holder}"))?;
    nix::sched::setns(&user, CloneFlags::CLONE_NEWUSER).map_err(|e| super::userns_holder::join_error(holder, e))?;
    unshare(CloneFlags::CLONE_NEWNS).context("create this command's mount namespace")?;
    become_namespace_root(host_uid, host_gid)
}

/// How long a thread that was joined may take to leave the process.
const THREAD_EXIT_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// Waits until this process is its only thread. setns into a user
/// namespace (and unshare of the mount namespace) fail with EINVAL while
/// another thread exists, and a joined thread still exists for a moment:
/// `join` returns when the thread clears its tid, before the kernel has
/// taken it out of the thread group. Libraries start such threads before
/// the store is opened (gtmpl lexes a `--format` template on one).
fn wait_until_single_threaded() -> Result<()> {
    let deadline = std::time::Instant::now() + THREAD_EXIT_GRACE;
    loop {
        let threads = fs::read_dir("/proc/self/task").context("list this process's threads in /proc/self/task")?.count();
        if threads <= 1 {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            bail!("enter the rootless user namespace: this process still runs {threads} threads, and the kernel lets only a single-threaded process join a user namespace (a pontoon bug: please report the command)");
        }
        std::thread::sleep(std::time::Duration::from_micros(100));
    }
}

/// Maps the holder's ids: 0 to the caller, 1..=N to the subordinate ranges.
pub(super) fn map_ids(child: Pid, uid: Uid, gid: Gid, uids: IdRange, gids: IdRange) -> Result<()> {
    run_id_mapper("newuidmap", child, uid.as_raw(), uids)?;
    run_id_mapper("newgidmap", child, gid.as_raw(), gids)?;
    Ok(())
}

/// Maps 0 to the caller's own id and 1..=count to the subordinate range.
fn run_id_mapper(tool: &str, child: Pid, own: u32, range: IdRange) -> Result<()> {
    let out = Command::new(tool)
        .args([child.to_string(), "0".into(), own.to_string(), "1".into(), "1".into(), range.start.to_string(), range.count.to_string()])
        .output()
        .with_context(|| format!("run {tool}: install it with `apt-get install uidmap` (or your distribution's shadow-utils)"))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if runs_with_no_new_privs() {
            bail!(
                "{tool} failed: {}; this process runs with no_new_privs, under which {tool} cannot gain its privileges: inside a pontoon container, start it with --security-opt no-new-privileges=false (see the README's \"Running pontoon in CI without root\")",
                stderr.trim()
            );
        }
        bail!(
            "{tool} failed: {}; check that it is setuid root and that /etc/sub{}id has a range for you (`pontoon system doctor`)",
            stderr.trim(),
            if tool == "newuidmap" { "u" } else { "g" }
        );
    }
    Ok(())
}

/// Whether no_new_privs is set on this process (a container's, usually):
/// then setuid and file-capability id mappers gain nothing.
fn runs_with_no_new_privs() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|s| s.lines().any(|l| l.split_whitespace().eq(["NoNewPrivs:", "1"])))
}

fn become_namespace_root(host_uid: Uid, host_gid: Gid) -> Result<()> {
    nix::unistd::setresgid(Gid::from_raw(0), Gid::from_raw(0), Gid::from_raw(0)).context("setresgid in the user namespace")?;
    nix::unistd::setresuid(Uid::from_raw(0), Uid::from_raw(0), Uid::from_raw(0)).context("setresuid in the user namespace")?;
    // Mounts made by this command stay in its own mount namespace.
    nix::mount::mount(None::<&str>, "/", None::<&str>, nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_SLAVE, None::<&str>)
        .context("make / a slave mount in the new mount namespace")?;
    std::env::set_var(IN_USERNS_ENV, "1");
    std::env::set_var(HOST_UID_ENV, host_uid.as_raw().to_string());
    std::env::set_var(HOST_GID_ENV, host_gid.as_raw().to_string());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ranges_by_name_or_uid() {
        let text = "# comment\nalice:100000:65536\n1001:200000:1000\nbob:300000:0\n";
        assert_eq!(parse_subordinate(text, "alice", 1000), Some(IdRange { start: 100000, count: 65536 }));
        assert_eq!(parse_subordinate(text, "carol", 1001), Some(IdRange { start: 200000, count: 1000 }));
        assert_eq!(parse_subordinate(text, "bob", 1002), None, "an empty range is no range");
        assert_eq!(parse_subordinate(text, "dave", 1003), None);
    }

    #[test]
    fn counts_the_ids_a_namespace_maps_from_zero() {
        assert_eq!(count_from_zero("         0       1001          1\n         1     100000      65536\n"), 65537);
        assert_eq!(count_from_zero("0 0 4294967295\n"), u32::MAX);
        assert_eq!(count_from_zero("0 1001 1\n5 100000 10\n"), 1, "a gap ends the run");
    }
}
