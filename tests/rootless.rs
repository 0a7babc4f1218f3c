//! Rootless set-up as a user meets it: a user without a subordinate id range
//! gets one line saying which user, which file, and the `usermod` command
//! that adds a range, and pontoon leaves the store alone.
//!
//! Run unprivileged, the test points PONTOON_SUBUID_FILE at an empty file.
//! Run as root, it runs the binary as `nobody` (who has no range in
//! /etc/subuid) with world-writable HOME and XDG directories, so that the
//! default store paths resolve and only the missing range can stop it.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{busybox_layout, describe, is_root, load_as, process_alive, skip_unless, store_entries, wait_until, TestEnv};

const NOBODY: u32 = 65534;

/// Checks the error: exit 125, one line naming the user, the file and the fix.
fn assert_no_range_error(out: &Output, user: &str, file: &Path) {
    assert_eq!(out.status.code(), Some(125), "{}", describe(out));
    assert!(out.stdout.is_empty(), "{}", describe(out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line:\n{err}");
    assert!(err.starts_with("Error: "), "{err}");
    assert!(err.contains(&format!("{user:?}")), "names the user {user}: {err}");
    assert!(err.contains(&file.display().to_string()), "names {}: {err}", file.display());
    assert!(err.contains("usermod --add-subuids") && err.contains(&format!("{user}`")), "says how to add a range: {err}");
}

/// Every path below `dir`, to show that nothing was created or changed.
fn tree(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let meta = entry.metadata().expect("stat a test file");
        out.push((path.clone(), if meta.is_dir() { 0 } else { meta.len() }));
        if meta.is_dir() {
            out.extend(tree(&path));
        }
    }
    out.sort();
    out
}

#[test]
fn a_user_without_a_subuid_range_is_told_how_to_add_one() {
    if is_root() {
        as_nobody();
    } else {
        as_this_user();
    }
}

fn as_this_user() {
    let env = TestEnv::new();
    let uid = nix::unistd::getuid();
    let user = nix::unistd::User::from_uid(uid).ok().flatten().map_or_else(|| uid.to_string(), |u| u.name);
    let empty = env.path().join("subuid-empty");
    std::fs::write(&empty, "").expect("write an empty subuid file");
    let run = |args: &[&str]| env.cmd(args).env("PONTOON_SUBUID_FILE", &empty).output().expect("run pontoon");

    // A fresh user: nothing is created.
    assert_no_range_error(&run(&["images"]), &user, &empty);
    assert!(!env.root.exists() && !env.runroot.exists(), "the store was created");

    // An existing store (made while the range was there) is not touched.
    load_as(&env, &busybox_layout(), "busybox:latest");
    let before = (tree(&env.root), store_entries(&env, "layers"));
    // The namespace made while the range was there lives on until `system
    // migrate`, as Podman's pause process does after /etc/subuid changes.
    run(&["system", "migrate"]);
    assert_no_range_error(&run(&["rmi", "busybox"]), &user, &empty);
    assert_no_range_error(&run(&["image", "prune", "-a", "-f"]), &user, &empty);
    assert_eq!((tree(&env.root), store_entries(&env, "layers")), before, "the store changed");
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}}"]), "busybox\n");
}

fn as_nobody() {
    let subuid = std::fs::read_to_string("/etc/subuid").unwrap_or_default();
    if skip_unless(!subuid.lines().any(|l| l.starts_with("nobody:") || l.starts_with("65534:")), "nobody has a range in /etc/subuid") {
        return;
    }
    let dir = tempfile::Builder::new().prefix("pontoon-nobody-").tempdir().expect("create a temp dir");
    let writable = |p: &Path| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).expect("chmod 0777");
    writable(dir.path());
    for sub in ["home", "data", "config", "run"] {
        std::fs::create_dir(dir.path().join(sub)).expect("create a test directory");
        writable(&dir.path().join(sub));
    }
    let bin = common::pontoon_bin();
    let nobody = |args: &[&str]| -> Output {
        Command::new("setpriv")
            .args(["--reuid", &NOBODY.to_string(), "--regid", &NOBODY.to_string(), "--clear-groups", "--"])
            .arg(&bin)
            .args(args)
            .current_dir(dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path().join("home"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_RUNTIME_DIR", dir.path().join("run"))
            .output()
            .expect("run setpriv (util-linux)")
    };
    let probe = nobody(&["version", "--format", "{{.Client.Version}}"]);
    if skip_unless(probe.status.success(), &format!("nobody cannot run {} (set PONTOON_BIN to a readable copy)", bin.display())) {
        return;
    }

    let before = tree(dir.path());
    assert_no_range_error(&nobody(&["images"]), "nobody", Path::new("/etc/subuid"));
    assert_no_range_error(&nobody(&["info"]), "nobody", Path::new("/etc/subuid"));
    assert_eq!(tree(dir.path()), before, "nothing was created under the XDG directories");
    assert!(!dir.path().join("data/pontoon").exists());
}

/// Every rootless command of one runroot joins the same user namespace
/// (held by one process), so one container can join another's network;
/// `system migrate` ends the holder and the next command makes a new one.
#[test]
fn commands_share_one_user_namespace_until_system_migrate() {
    if skip_unless(!is_root(), "the storage user namespace exists only rootless") {
        return;
    }
    let env = TestEnv::with_busybox();
    let ns_of = |pid: &str| std::fs::read_link(format!("/proc/{pid}/ns/user")).expect("read a user namespace link");
    let holder = || std::fs::read_to_string(env.runroot.join("userns.pid")).expect("the holder's pid file").split_whitespace().next().expect("a pid").to_string();
    let first = holder();
    env.ok(&["run", "-d", "--name", "web", "busybox", "sleep", "1000"]);
    let monitor = env.state_field("web", "monitor_pid").to_string();
    assert_eq!(ns_of(&monitor), ns_of(&first), "the container's monitor is not in the held namespace");
    let inside = env.ok(&["unshare", "readlink", "/proc/self/ns/user"]);
    assert_eq!(inside.trim(), ns_of(&first).display().to_string(), "another command made a namespace of its own");

    env.ok(&["system", "migrate"]);
    let old: i64 = first.parse().expect("a pid");
    assert!(wait_until(5, || !process_alive(old)), "the holder survived system migrate");
    env.ok(&["images"]);
    let second = holder();
    assert_ne!(second, first, "no new holder after migrate");
    // The container made before keeps running and can still be stopped.
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}}", "web"]).trim(), "running");
    env.ok(&["rm", "-f", "web"]);
}

/// A `--format` template is lexed on a thread of gtmpl's before the store
/// is opened; the kernel refuses setns into a user namespace (EINVAL)
/// until that thread has fully left the process, a moment after it was
/// joined. Without the wait for it, about one command in 250 failed with
/// "join the user namespace held by process N: EINVAL" (seen in CI).
#[test]
fn a_format_template_never_keeps_a_command_out_of_the_user_namespace() {
    if skip_unless(!is_root(), "the storage user namespace exists only rootless") {
        return;
    }
    let env = TestEnv::new();
    env.ok(&["volume", "create", "data"]);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    (0..400)
                        .filter_map(|_| {
                            let out = env.cmd(&["volume", "inspect", "--all", "--format", "{{.Name}}"]).output().expect("run pontoon");
                            (!out.status.success() || String::from_utf8_lossy(&out.stdout).trim() != "data").then(|| describe(&out))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a worker thread")).collect()
    });
    assert!(failures.is_empty(), "{} of 800 commands failed, the first:\n{}", failures.len(), failures[0]);
}
