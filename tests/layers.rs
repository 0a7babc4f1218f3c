//! Layers as a user sees them: the multi-layer fixture loaded into the
//! store and mounted with `pontoon image mount` inside `pontoon unshare`
//! shows deleted files absent, opaque directories hiding lower content and
//! owners from the tar headers, with the overlay and the vfs driver alike;
//! a tarball that tries to write through a symlink leaving the layer is
//! refused without touching the store.

mod common;

use std::path::Path;

use common::{multilayer_layout, TestEnv, MULTILAYER_ABSENT, MULTILAYER_CONTENTS, MULTILAYER_OWNERS, MULTILAYER_PRESENT};

/// Loads the multi-layer fixture as `ml:1` (an oci-archive of the layout).
fn load_multilayer(env: &TestEnv) {
    let mut b = tar::Builder::new(Vec::new());
    b.append_dir_all(".", multilayer_layout()).expect("archive the layout");
    std::fs::write(env.path().join("ml.tar"), b.into_inner().expect("finish the archive")).expect("write ml.tar");
    env.ok(&["load", "-i", "ml.tar"]);
    let id = env.ok(&["images", "-q"]);
    env.ok(&["tag", id.trim(), "ml:1"]);
}

/// Runs a shell script inside `pontoon unshare` with $P set to the
/// nested pontoon binary.
fn unshare_sh(env: &TestEnv, driver: &str, script: &str) -> String {
    let bin = common::pontoon_bin();
    let out = env
        .cmd(&["unshare", "sh", "-c", &format!("P={}; {script}", bin.display())])
        .env("PONTOON_STORAGE_DRIVER", driver)
        .output()
        .expect("run pontoon unshare");
    assert!(out.status.success(), "with {driver}:\n{}", common::describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn check_tree(driver: &str) {
    let env = TestEnv::new();
    load_multilayer(&env);
    let mut script = String::from("R=$($P image mount ml:1) || exit 1; echo \"root $R\"; ");
    for p in MULTILAYER_PRESENT.iter().chain(MULTILAYER_ABSENT) {
        script.push_str(&format!("if [ -e \"$R/{p}\" ] || [ -L \"$R/{p}\" ]; then echo \"has {p}\"; fi; "));
    }
    for (p, _) in MULTILAYER_CONTENTS {
        script.push_str(&format!("printf 'content {p} %s\\n' \"$(cat \"$R/{p}\" | tr '\\n' '|')\"; "));
    }
    for (p, _, _) in MULTILAYER_OWNERS {
        script.push_str(&format!("echo \"owner {p} $(stat -c %u:%g \"$R/{p}\")\"; "));
    }
    script.push_str("[ \"$($P image mount ml:1)\" = \"$R\" ] && echo same-path-again; $P image unmount ml:1 >/dev/null && echo unmounted");
    let out = unshare_sh(&env, driver, &script);
    let root = out.lines().find_map(|l| l.strip_prefix("root ")).expect("the mount printed a path");
    assert!(Path::new(root).starts_with(&env.runroot), "{driver}: mounts live in the runroot: {root}");
    for p in MULTILAYER_PRESENT {
        assert!(out.contains(&format!("has {p}\n")), "{driver}: {p} should be present:\n{out}");
    }
    for p in MULTILAYER_ABSENT {
        assert!(!out.contains(&format!("has {p}\n")), "{driver}: {p} should be absent:\n{out}");
    }
    for (p, content) in MULTILAYER_CONTENTS {
        assert!(out.contains(&format!("content {p} {}\n", content.replace('\n', "|"))), "{driver}: content of {p}:\n{out}");
    }
    for (p, uid, gid) in MULTILAYER_OWNERS {
        assert!(out.contains(&format!("owner {p} {uid}:{gid}\n")), "{driver}: owner of {p}:\n{out}");
    }
    assert!(out.contains("same-path-again\nunmounted\n"), "{driver}:\n{out}");
    assert!(!env.runroot.join("image-mounts").read_dir().map(|mut d| d.next().is_some()).unwrap_or(false), "unmount cleans up");
}

#[test]
fn overlay_mount_shows_whiteouts_and_opaque_dirs_applied() {
    check_tree("overlay");
}

#[test]
fn vfs_copy_shows_whiteouts_and_opaque_dirs_applied() {
    check_tree("vfs");
}

#[test]
fn unmounting_an_image_that_is_not_mounted_fails() {
    let env = TestEnv::new();
    load_multilayer(&env);
    let (code, stderr) = env.fails(&["image", "unmount", "ml:1"]);
    assert_eq!(code, 125);
    assert_eq!(stderr.trim(), "Error: image ml:1 is not mounted");
}

#[test]
fn unshare_runs_the_command_and_passes_its_exit_code() {
    let env = TestEnv::new();
    let out = env.cmd(&["unshare", "sh", "-c", "id -u; exit 7"]).output().expect("run pontoon unshare");
    assert_eq!(out.status.code(), Some(7), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0\n", "root inside the storage namespace");
    let (code, stderr) = env.fails(&["unshare", "no-such-command-here"]);
    assert_eq!(code, 127, "{stderr}");
}

#[test]
fn a_layer_writing_through_an_escaping_symlink_is_refused() {
    let env = TestEnv::new();
    let outside = env.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let mut tar = Vec::new();
    for (kind, name, link, data) in [(tar::EntryType::Symlink, "evil", "../../../../../../../..", &b""[..]), (tar::EntryType::Regular, "evil/pwned", "", b"x")] {
        let mut h = tar::Header::new_ustar();
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.as_old_mut().linkname[..link.len()].copy_from_slice(link.as_bytes());
        h.set_entry_type(kind);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_size(data.len() as u64);
        h.set_cksum();
        tar.extend_from_slice(h.as_bytes());
        tar.extend_from_slice(data);
        tar.resize(tar.len().div_ceil(512) * 512, 0);
    }
    tar.extend_from_slice(&[0u8; 1024]);
    std::fs::write(env.path().join("evil.tar"), &tar).unwrap();
    let (code, stderr) = env.fails(&["import", "evil.tar", "evil:1"]);
    assert_eq!(code, 125, "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
    assert!(stderr.contains("evil/pwned") && stderr.contains("leaves the layer"), "{stderr}");
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(!Path::new("/pwned").exists(), "nothing written at the filesystem root");
}
