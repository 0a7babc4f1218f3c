//! `--userns keep-id|nomap|auto` and `--uidmap/--gidmap`: a container in a
//! user namespace of its own sees the ids it was asked to see, its image's
//! files stay root's inside, and files in a bind mount belong to whom
//! the maps say. Rootless, the host ids are those of the user's shared
//! namespace (0 is the user); as root, Podman's refusals and the modes
//! Podman supports as root.

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use common::{is_root, TestEnv};

fn my_ids() -> (u32, u32) {
    // SAFETY: getuid and getgid cannot fail.
    unsafe { (libc::getuid(), libc::getgid()) }
}

/// A directory to bind, writable by every id, holding a file of ours.
fn shared_dir(env: &TestEnv) -> std::path::PathBuf {
    let dir = env.dir_with_files("data", &[("mine", "hello")]);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).expect("open the directory to the container");
    dir
}

/// The lines of /proc/self/uid_map (or gid_map) as "inside outside count".
fn map_lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()).collect()
}

#[test]
fn keep_id_runs_as_the_user_and_keeps_their_files_theirs() {
    let env = TestEnv::with_busybox();
    if is_root() {
        let (code, err) = env.fails(&["run", "--rm", "--userns", "keep-id", "busybox", "true"]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("keep-id is only supported in rootless mode"), "{err}");
        assert!(env.ok(&["ps", "-aq"]).trim().is_empty(), "a refused run left a container");
        return;
    }
    let (uid, gid) = my_ids();
    let dir = shared_dir(&env);
    let volume = format!("{}:/data", dir.display());
    let script = "id -u; id -g; stat -c %u /data/mine; touch /data/made; stat -c '%u %g' /etc/passwd /bin/sh; echo HOME=$HOME; cat /proc/self/uid_map";
    let out = env.ok(&["run", "--rm", "--userns", "keep-id", "-v", &volume, "busybox", "sh", "-c", script]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], uid.to_string(), "not the user's uid inside:\n{out}");
    assert_eq!(lines[1], gid.to_string(), "not the user's gid inside:\n{out}");
    assert_eq!(lines[2], uid.to_string(), "the user's file is not theirs inside:\n{out}");
    assert_eq!(&lines[3..5], ["0 0", "0 0"], "the image's files are not root's inside:\n{out}");
    assert_eq!(lines[5], "HOME=/", "{out}");
    let maps = map_lines(&lines[6..].join("\n"));
    assert!(maps.contains(&format!("{uid} 0 1")), "the uid is not the user's outside: {maps:?}");
    assert_eq!(maps[0], format!("0 1 {uid}"), "{maps:?}");
    let made = fs::metadata(dir.join("made")).expect("the container's file is there");
    assert_eq!((made.uid(), made.gid()), (uid, gid), "a file made inside is not the user's on the host");

    // The user is in the container's /etc/passwd, which stays root's, and
    // exec runs as them too.
    env.ok(&["run", "-d", "--name", "k", "--userns", "keep-id", "busybox", "sleep", "1000"]);
    let name = env.ok(&["exec", "k", "sh", "-c", "id -un; stat -c %u /etc/passwd"]);
    let user_name = nix_name(uid);
    assert_eq!(name, format!("{user_name}\n0\n"));
    // Podman shows every mode with a namespace of its own as private.
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.UsernsMode}}", "k"]).trim(), "private");
    let id_maps = env.ok(&["inspect", "--format", "{{json .HostConfig.IDMappings}}", "k"]);
    assert!(id_maps.contains(&format!("\"{uid}:0:1\"")), "{id_maps}");
    env.ok(&["rm", "-f", "k"]);

    // keep-id:uid=,gid= as Podman: those ids inside are the user outside.
    let out = env.ok(&["run", "--rm", "--userns", "keep-id:uid=200,gid=300", "-v", &volume, "busybox", "sh", "-c", "id -u; id -g; stat -c '%u %g' /data/mine"]);
    assert_eq!(out, "200\n300\n200 300\n");
}

fn nix_name(uid: u32) -> String {
    let passwd = fs::read_to_string("/etc/passwd").expect("read /etc/passwd");
    passwd.lines().map(|l| l.split(':').collect::<Vec<_>>()).find(|f| f.len() > 2 && f[2] == uid.to_string()).map(|f| f[0].to_string()).expect("our passwd entry")
}

#[test]
fn nomap_leaves_the_user_out() {
    let env = TestEnv::with_busybox();
    if is_root() {
        let (code, err) = env.fails(&["run", "--rm", "--userns", "nomap", "busybox", "true"]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("nomap is only supported in rootless mode"), "{err}");
        return;
    }
    let dir = shared_dir(&env);
    let volume = format!("{}:/data", dir.display());
    let out = env.ok(&["run", "--rm", "--userns", "nomap", "-v", &volume, "busybox", "sh", "-c", "id -u; stat -c %u /data/mine /etc/passwd; cat /proc/self/uid_map"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(&lines[..3], ["0", "65534", "0"], "root inside, the user's file unmapped (nobody), the image root's:\n{out}");
    let maps = map_lines(&lines[3..].join("\n"));
    assert_eq!(maps.len(), 1, "{maps:?}");
    assert!(maps[0].starts_with("0 1 "), "the user (0 outside) must not be mapped: {maps:?}");
}

#[test]
fn uidmap_and_gidmap_map_as_asked() {
    let env = TestEnv::with_busybox();
    let dir = shared_dir(&env);
    let volume = format!("{}:/data", dir.display());
    // Rootless, host ids are those of the user's namespace (1.. the
    // subordinate ids); as root, the host's own.
    let (uidmap, gidmap, outside) = if is_root() { ("0:100000:65536", "0:200000:65536", (100000, 200000)) } else { ("0:1:2000", "0:2:2000", (1, 2)) };
    let script = "cat /proc/self/uid_map /proc/self/gid_map; stat -c '%u %g' /etc/passwd; id -u; touch /data/made";
    let out = env.ok(&["run", "--rm", "--uidmap", uidmap, "--gidmap", gidmap, "-v", &volume, "busybox", "sh", "-c", script]);
    let maps = map_lines(&out);
    assert_eq!(maps[0], uidmap.replace(':', " "), "{out}");
    assert_eq!(maps[1], gidmap.replace(':', " "), "{out}");
    assert_eq!(maps[2], "0 0", "the image's files are not root's inside: {out}");
    assert_eq!(maps[3], "0", "{out}");
    let made = fs::metadata(dir.join("made")).expect("the container's file is there");
    if is_root() {
        assert_eq!((made.uid(), made.gid()), outside, "root inside is not the mapped host ids");
    } else {
        // Inside the user's namespace 1 and 2 are the first subordinate ids.
        assert_ne!(made.uid(), my_ids().0, "root inside must not be the user");
    }
    // --uidmap alone maps gids the same way.
    let out = env.ok(&["run", "--rm", "--uidmap", uidmap, "busybox", "cat", "/proc/self/gid_map"]);
    assert_eq!(map_lines(&out), [uidmap.replace(':', " ")]);

    let (code, err) = env.fails(&["run", "--rm", "--userns", "keep-id", "--uidmap", uidmap, "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive"), "{err}");
    let (_, err) = env.fails(&["run", "--rm", "--uidmap", "0:1", "busybox", "true"]);
    assert!(err.contains("invalid --uidmap \"0:1\""), "{err}");
    let (_, err) = env.fails(&["run", "--rm", "--pid", "container:other", "--uidmap", uidmap, "busybox", "true"]);
    assert!(err.contains("--pid container:other cannot be combined"), "{err}");
    let (_, err) = env.fails(&["run", "--rm", "--userns", "private", "busybox", "true"]);
    assert!(err.contains("must provide at least one UID or GID mapping"), "{err}");
}

/// Runs `pontoon ARGS` with `PONTOON_SUBUID_FILE`/`PONTOON_SUBGID_FILE`
/// naming `file` (root's auto reads the `containers` ranges there).
fn with_subids(env: &TestEnv, file: &std::path::Path, args: &[&str]) -> std::process::Output {
    env.cmd(args).env("PONTOON_SUBUID_FILE", file).env("PONTOON_SUBGID_FILE", file).output().expect("run pontoon")
}

#[test]
fn auto_gives_each_container_a_range_of_its_own() {
    let env = TestEnv::with_busybox();
    let subids = env.path().join("subids");
    fs::write(&subids, "containers:300000:65536\n").expect("write the ranges");
    if is_root() {
        let empty = env.path().join("none");
        fs::write(&empty, "").expect("write no ranges");
        let out = with_subids(&env, &empty, &["run", "--rm", "--userns", "auto", "busybox", "true"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(125), "{err} {:?}", out.status);
        assert!(err.contains("cannot find mappings for user \"containers\""), "{err}");
    }
    let mut ranges = Vec::new();
    for name in ["a1", "a2"] {
        let out = with_subids(&env, &subids, &["run", "-d", "--name", name, "--userns", "auto", "busybox", "sleep", "1000"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let map = env.ok(&["exec", name, "cat", "/proc/self/uid_map"]);
        let lines = map_lines(&map);
        assert_eq!(lines.len(), 1, "{map}");
        let f: Vec<u64> = lines[0].split(' ').map(|n| n.parse().expect("a number")).collect();
        assert_eq!((f[0], f[2]), (0, 1024), "Podman's default size: {map}");
        if is_root() {
            assert!(f[1] >= 300000 && f[1] + f[2] <= 300000 + 65536, "not from the containers range: {map}");
        } else {
            assert!(f[1] >= 1, "the user (0) must not be in an automatic range: {map}");
        }
        ranges.push((f[1], f[1] + f[2]));
        assert_eq!(env.ok(&["exec", name, "stat", "-c", "%u", "/etc/passwd"]).trim(), "0");
    }
    let ((a, b), (c, d)) = (ranges[0], ranges[1]);
    assert!(b <= c || d <= a, "the two ranges overlap: {ranges:?}");
    let out = with_subids(&env, &subids, &["run", "--rm", "--userns", "auto:size=2000", "busybox", "cat", "/proc/self/uid_map"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(map_lines(&String::from_utf8_lossy(&out.stdout))[0].ends_with(" 2000"));
    env.ok(&["rm", "-f", "a1", "a2"]);
}

#[test]
fn root_in_its_own_user_namespace_serves_on_port_80() {
    // The network namespace stays pontoon's; root inside must still bind
    // low ports, and /sys is there.
    let env = if is_root() { TestEnv::with_netns_and_busybox() } else { TestEnv::with_busybox() };
    let mode: &[&str] = if is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "nomap"] };
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(mode);
    args.extend_from_slice(&["busybox", "sh", "-c", "mkdir /www && echo hi > /www/index.html && httpd -p 80 -h /www && wget -qO- http://127.0.0.1/ && ls /sys/class >/dev/null && id -u"]);
    assert_eq!(env.ok(&args), "hi\n0\n");
}

#[test]
fn cp_into_a_container_of_its_own_namespace_gives_files_to_its_root() {
    let env = TestEnv::with_busybox();
    let mode: &[&str] = if is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "keep-id"] };
    let mut args = vec!["run", "-d", "--name", "c"];
    args.extend_from_slice(mode);
    args.extend_from_slice(&["busybox", "sleep", "1000"]);
    env.ok(&args);
    let file = env.path().join("note");
    fs::write(&file, "copied").expect("write the file");
    env.ok(&["cp", file.to_str().expect("utf-8"), "c:/tmp/note"]);
    assert_eq!(env.ok(&["exec", "c", "stat", "-c", "%u %g", "/tmp/note"]), "0 0\n", "not root's inside");
    let back = env.path().join("back");
    env.ok(&["cp", "c:/etc/passwd", back.to_str().expect("utf-8")]);
    assert!(fs::read_to_string(&back).expect("copied out").starts_with("root:"));
    // Stopped, its files are still those it saw (keep-id's passwd line).
    env.ok(&["stop", "-t", "1", "c"]);
    let stopped = env.path().join("stopped");
    env.ok(&["cp", "c:/etc/passwd", stopped.to_str().expect("utf-8")]);
    let passwd = fs::read_to_string(&stopped).expect("copied out");
    if !is_root() {
        assert!(passwd.contains(&format!(":{}:", my_ids().0)), "{passwd}");
    }
    env.ok(&["cp", file.to_str().expect("utf-8"), "c:/tmp/later"]);
    env.ok(&["start", "c"]);
    assert_eq!(env.ok(&["exec", "c", "stat", "-c", "%u %g", "/tmp/later", "/tmp/note"]), "0 0\n0 0\n", "copied in while stopped: not root's inside");
    env.ok(&["rm", "-f", "c"]);
}

#[test]
fn commit_keeps_the_owners_the_container_saw() {
    let env = TestEnv::with_busybox();
    let mode: &[&str] = if is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "nomap"] };
    let mut args = vec!["run", "--name", "c"];
    args.extend_from_slice(mode);
    args.extend_from_slice(&["busybox", "sh", "-c", "touch /root-file && mkdir /data && touch /data/f && chown 1000:1000 /data/f"]);
    env.ok(&args);
    env.ok(&["commit", "c", "committed:1"]);
    let out = env.ok(&["run", "--rm", "committed:1", "stat", "-c", "%u %g %n", "/root-file", "/data/f"]);
    assert_eq!(out, "0 0 /root-file\n1000 1000 /data/f\n", "the layer kept the outside ids");
}

#[test]
fn a_new_named_volume_gets_the_owners_the_container_sees() {
    let env = TestEnv::with_busybox();
    let mode: &[&str] = if is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "nomap"] };
    // The image's /home/user (uid 1000) is copied into the new volume; a
    // new empty one is root's inside, so root there can write to it.
    let mut args = vec!["run", "--rm", "-v", "homes:/home/user", "-v", "empty:/data"];
    args.extend_from_slice(mode);
    args.extend_from_slice(&["busybox", "sh", "-c", "stat -c %u /home/user /data && touch /data/x && echo written"]);
    assert_eq!(env.ok(&args), "1000\n0\nwritten\n");
}
