//! What `pontoon system doctor` checks: what rootless (and rootful)
//! containers need from this host, one actionable line each. The failing
//! checks are also what a rootless command reports when it cannot create
//! its user namespace.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::runtime::cgroups::{self, Backend};
use crate::store::paths::StorePaths;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Level {
    Ok,
    Warn,
    Fail,
}

/// One check of the host: how it went and one actionable line.
pub struct Check {
    pub level: Level,
    pub line: String,
}

fn check(level: Level, line: impl Into<String>) -> Check {
    Check { level, line: line.into() }
}

/// The failing host checks: what a rootless start reports when its user
/// namespace could not be created.
pub fn host_failures() -> Vec<Check> {
    host_checks().into_iter().filter(|c| c.level == Level::Fail).collect()
}

/// Whether `err` is a rootless command's failure to create its user
/// namespace (whose cause the host checks explain).
pub fn userns_refused(err: &anyhow::Error) -> bool {
    err.chain().any(|c| matches!(c.downcast_ref::<crate::runtime::userns::UsernsError>(), Some(crate::runtime::userns::UsernsError::Unshare(_))))
}

/// Every check that needs no storage.
pub fn host_checks() -> Vec<Check> {
    let rootless = !cgroups::is_host_root();
    let mut out = Vec::new();
    if rootless {
        out.extend(subordinate_checks());
        out.extend(["newuidmap", "newgidmap"].iter().map(|p| id_map_helper(p)));
        out.extend(userns_checks());
        out.push(runtime_dir_check());
    }
    out.push(match cgroups::detect() {
        b @ (Backend::V1(_) | Backend::V2(_)) => check(Level::Ok, format!("cgroups: {} (--memory, --cpus, --pids-limit work)", b.name())),
        Backend::None(why) => check(
            Level::Warn,
            format!("cgroups: none ({why}): --memory, --cpus and --pids-limit will be refused; delegate cgroup v2 controllers to your user or run as root"),
        ),
    });
    if rootless {
        out.push(match ["pasta", "slirp4netns"].iter().find(|p| on_path(p).is_some()) {
            Some(p) => check(Level::Ok, format!("network: {p} is installed (the default network's carrier)")),
            None => check(Level::Fail, "network: neither pasta nor slirp4netns is installed: the default network cannot start; `apt-get install passt` (or slirp4netns), or use --network none"),
        });
        out.push(tun_check());
    }
    out.push(nofile_check());
    out
}

fn subordinate_checks() -> Vec<Check> {
    let uid = crate::runtime::userns::caller_uid();
    let name = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)).ok().flatten().map(|u| u.name).unwrap_or_else(|| uid.to_string());
    ["/etc/subuid", "/etc/subgid"]
        .iter()
        .map(|file| match crate::runtime::userns::subordinate_range(Path::new(file), &name, uid) {
            Ok(Some(r)) if r.count >= 65536 => check(Level::Ok, format!("{file}: {name} has {} ids from {}", r.count, r.start)),
            Ok(Some(r)) => check(Level::Warn, format!("{file}: {name} has only {} ids; images with ids above {} will not unpack: give 65536 (usermod --add-subuids/--add-subgids)", r.count, r.count - 1)),
            Ok(None) => check(Level::Fail, format!("{file}: no range for {name}: run `sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {name}`")),
            Err(e) => check(Level::Fail, format!("{file}: {}", crate::errors::one_line(&e))),
        })
        .collect()
}

fn on_path(program: &str) -> Option<PathBuf> {
    crate::runtime::search_path::find_on_host(program)
}

fn id_map_helper(program: &str) -> Check {
    let Some(path) = on_path(program) else {
        return check(Level::Fail, format!("{program}: not installed: install the uidmap package (apt install uidmap)"));
    };
    let setuid = std::fs::metadata(&path).is_ok_and(|m| m.permissions().mode() & 0o4000 != 0 && m.uid() == 0);
    if setuid || has_file_caps(&path) {
        check(Level::Ok, format!("{program}: {} is setuid root or has file capabilities", path.display()))
    } else {
        check(Level::Fail, format!("{program}: {} is neither setuid root nor has file capabilities: reinstall uidmap, or `sudo chmod u+s {}`", path.display(), path.display()))
    }
}

fn has_file_caps(path: &Path) -> bool {
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) else { return false };
    // SAFETY: getxattr with a NUL-terminated path and name and no buffer
    // only returns the value's size.
    unsafe { libc::getxattr(c_path.as_ptr(), c"security.capability".as_ptr(), std::ptr::null_mut(), 0) > 0 }
}

fn read_number(path: &str) -> Option<i64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

fn userns_checks() -> Vec<Check> {
    let mut out = vec![match read_number("/proc/sys/user/max_user_namespaces") {
        Some(n) if n > 0 => check(Level::Ok, format!("user namespaces: enabled (max_user_namespaces = {n})")),
        Some(_) => check(Level::Fail, "user namespaces: disabled: run `sudo sysctl -w user.max_user_namespaces=15000`"),
        None => check(Level::Fail, "user namespaces: this kernel has none (no /proc/sys/user/max_user_namespaces): use a kernel with CONFIG_USER_NS"),
    }];
    if read_number("/proc/sys/kernel/unprivileged_userns_clone") == Some(0) {
        out.push(check(Level::Fail, "user namespaces: kernel.unprivileged_userns_clone is 0: run `sudo sysctl -w kernel.unprivileged_userns_clone=1`"));
    }
    if read_number("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == Some(1) {
        out.push(check(
            Level::Fail,
            "user namespaces: AppArmor restricts them (kernel.apparmor_restrict_unprivileged_userns = 1): add an AppArmor profile allowing userns for pontoon, or `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`",
        ));
    }
    out
}

fn runtime_dir_check() -> Check {
    let uid = crate::runtime::userns::caller_uid();
    match std::env::var_os("XDG_RUNTIME_DIR") {
        None => check(Level::Warn, format!("XDG_RUNTIME_DIR: not set: pontoon uses /tmp/pontoon-{uid}; log in through a session (systemd-logind) to get /run/user/{uid}")),
        Some(dir) => match std::fs::metadata(&dir) {
            Ok(m) if m.uid() == uid => check(Level::Ok, format!("XDG_RUNTIME_DIR: {} is yours", Path::new(&dir).display())),
            Ok(_) => check(Level::Fail, format!("XDG_RUNTIME_DIR: {} belongs to another user (after su?): unset it or log in as this user", Path::new(&dir).display())),
            Err(e) => check(Level::Fail, format!("XDG_RUNTIME_DIR: {}: {e}: unset it or create it", Path::new(&dir).display())),
        },
    }
}

/// pasta and slirp4netns open /dev/net/tun as the user.
fn tun_check() -> Check {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata("/dev/net/tun") {
        Ok(m) if m.permissions().mode() & 0o006 == 0o006 => check(Level::Ok, "network: /dev/net/tun is usable by every user"),
        Ok(_) => check(Level::Fail, "network: /dev/net/tun is not readable and writable by users, so pasta and slirp4netns fail: as root `chmod 0666 /dev/net/tun` (the distributions' default)"),
        Err(e) => check(Level::Fail, format!("network: /dev/net/tun: {e}: as root `modprobe tun`")),
    }
}

fn nofile_check() -> Check {
    match nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE) {
        Ok((soft, hard)) if hard >= 65536 => check(Level::Ok, format!("open files: limit {soft}/{hard}")),
        Ok((soft, hard)) => check(
            Level::Warn,
            format!("open files: hard limit {hard} (soft {soft}); containers get at most {hard}: raise it in /etc/security/limits.conf (nofile) if they need more"),
        ),
        Err(e) => check(Level::Warn, format!("open files: cannot read RLIMIT_NOFILE: {e}")),
    }
}

/// The storage driver, probed by `pontoon info` in a child (which enters
/// the rootless namespace itself, so the probe mounts where containers will).
pub fn storage_check(paths: &StorePaths) -> Check {
    let out = std::process::Command::new("/proc/self/exe")
        .arg("--root")
        .arg(&paths.root)
        .arg("--runroot")
        .arg(&paths.runroot)
        .args(["info", "--format", "{{.Store.GraphDriverName}}\t{{.Store.GraphDriverReason}}"])
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout).trim().to_string();
            let (name, reason) = text.split_once('\t').unwrap_or((&text, ""));
            match name {
                "overlay" => check(Level::Ok, format!("storage: native overlay ({reason})")),
                "none" => check(Level::Fail, format!("storage: no driver works: {reason}")),
                other => check(Level::Warn, format!("storage: {other} ({reason}); native overlay needs a kernel >= 5.11 for rootless use")),
            }
        }
        Ok(o) => check(Level::Fail, format!("storage: cannot open the store: {}", String::from_utf8_lossy(&o.stderr).trim())),
        Err(e) => check(Level::Fail, format!("storage: cannot run pontoon info: {e}")),
    }
}
