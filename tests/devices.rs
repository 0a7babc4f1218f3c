//! Host devices stay out of containers: a node made with mknod, or shipped
//! in an image's layer, reads nothing of the host's disks; the device
//! cgroup holds Docker's allow list; everything but the allowed nodes is
//! mounted nodev; `--device` and `--privileged` give devices on purpose.
//! The disk is a loop device over a temp file with a known secret.

mod common;

use std::process::Command;

use common::{skip_unless, TestEnv};

const SECRET: &str = "pontoon-loop-secret";

/// A loop device over a temp file that starts with SECRET; detached on drop.
struct LoopDisk {
    dev: String,
    _file: tempfile::NamedTempFile,
}

impl LoopDisk {
    fn new() -> Option<LoopDisk> {
        let file = tempfile::NamedTempFile::new().expect("create the disk file");
        let mut data = SECRET.as_bytes().to_vec();
        data.resize(1 << 20, 0);
        std::fs::write(file.path(), data).expect("write the disk file");
        let out = Command::new("losetup").args(["-f", "--show"]).arg(file.path()).output().ok()?;
        let dev = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !dev.is_empty()).then_some(LoopDisk { dev, _file: file })
    }

    fn minor(&self) -> &str {
        self.dev.trim_start_matches("/dev/loop")
    }
}

impl Drop for LoopDisk {
    fn drop(&mut self) {
        let _ = Command::new("losetup").args(["-d", &self.dev]).status();
    }
}


fn sh(env: &TestEnv, flags: &[&str], script: &str) -> String {
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["busybox", "sh", "-c", script]);
    let out = env.run(&args);
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn root_with_a_loop_disk() -> Option<LoopDisk> {
    if skip_unless(common::is_root(), "host devices and loop disks are a rootful matter (rootless mknod is refused by the kernel)") {
        return None;
    }
    let disk = LoopDisk::new();
    if skip_unless(disk.is_some(), "losetup could not attach a loop device here") {
        return None;
    }
    disk
}

#[test]
fn a_node_made_with_mknod_reads_nothing_of_the_host_disk() {
    let Some(disk) = root_with_a_loop_disk() else { return };
    let env = TestEnv::with_busybox();
    for path in ["/tmp/disk", "/dev/disk"] {
        let out = sh(&env, &[], &format!("mknod {path} b 7 {} && head -c 19 {path}; echo; echo rc=$?", disk.minor()));
        assert!(!out.contains(SECRET), "the host's disk through {path}: {out}");
        assert!(out.contains("denied") || out.contains("not permitted"), "{out}");
    }
}

#[test]
fn a_device_node_shipped_in_a_layer_is_dead_even_for_its_owner() {
    let Some(disk) = root_with_a_loop_disk() else { return };
    let env = TestEnv::with_busybox();
    // A root filesystem with busybox and a world-writable node of the disk.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(tar::EntryType::Block);
    h.set_device_major(7).expect("major");
    h.set_device_minor(disk.minor().parse().expect("a loop minor")).expect("minor");
    h.set_mode(0o666);
    h.set_uid(1000);
    h.set_gid(1000);
    h.set_mtime(0);
    h.set_size(0);
    b.append_data(&mut h, "disk", std::io::empty()).expect("add the node");
    let data = std::fs::read(common::fixtures::BUSYBOX).expect("read busybox");
    let mut h = tar::Header::new_gnu();
    h.set_mode(0o755);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(0);
    h.set_size(data.len() as u64);
    b.append_data(&mut h, "busybox", data.as_slice()).expect("add busybox");
    let tar = env.path().join("devimg.tar");
    std::fs::write(&tar, b.into_inner().expect("finish the tar")).expect("write the tar");
    env.ok(&["import", tar.to_str().expect("utf-8"), "devimg"]);
    let out = env.run(&["run", "--rm", "--cap-drop", "ALL", "-u", "1000", "devimg", "/busybox", "head", "-c", "19", "/disk"]);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success() && !text.contains(SECRET), "a shipped node must not open: {text}");
}

#[test]
fn the_device_cgroup_holds_dockers_allow_list() {
    if skip_unless(common::is_root(), "device cgroups are set up as root") {
        return;
    }
    let devices = std::path::Path::new("/sys/fs/cgroup/devices");
    if skip_unless(devices.join("devices.list").exists(), "no cgroup v1 devices controller on this host") {
        return;
    }
    let env = TestEnv::with_busybox();
    let info = env.ok(&["info", "--format", "{{.Host.DeviceProtection}}"]);
    assert!(info.contains("devices controller") && info.contains("nodev"), "{info}");
    env.ok(&["run", "-d", "--name", "box", "--device-cgroup-rule", "c 10:200 rwm", "busybox", "sleep", "1000"]);
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "box"]);
    let list = std::fs::read_to_string(devices.join("pontoon").join(id.trim()).join("devices.list")).expect("read devices.list");
    let rules: Vec<&str> = list.lines().collect();
    assert!(!rules.contains(&"a *:* rwm"), "not every device: {list}");
    for want in ["c 1:3 rwm", "c 1:9 rwm", "c 136:* rwm", "c 5:2 rwm", "b *:* m", "c 10:200 rwm"] {
        assert!(rules.contains(&want), "{want} allowed: {list}");
    }
    assert!(!rules.iter().any(|r| r.starts_with("b ") && !r.ends_with(" m")), "no block device is readable: {list}");
    env.ok(&["rm", "-f", "box"]);
}

#[test]
fn everything_but_the_allowed_nodes_is_mounted_nodev() {
    let env = TestEnv::with_busybox();
    let vol = env.path().join("vol");
    std::fs::create_dir_all(&vol).expect("create the volume dir");
    let bind = format!("{}:/data", vol.display());
    let out = sh(&env, &["-v", &bind, "-v", "named:/named"], "cat /proc/self/mountinfo; echo x > /dev/null && head -c 1 /dev/zero >/dev/null && echo devices-work");
    assert!(out.contains("devices-work"), "the allowed nodes work: {out}");
    for mount_point in ["/", "/dev", "/data", "/named"] {
        let line = out
            .lines()
            .find(|l| l.split(' ').nth(4) == Some(mount_point))
            .unwrap_or_else(|| panic!("{mount_point} is mounted: {out}"));
        let options = line.split(' ').nth(5).unwrap_or_default();
        assert!(options.split(',').any(|o| o == "nodev"), "{mount_point} is nodev: {line}");
    }
}

#[test]
fn device_and_privileged_give_devices_on_purpose() {
    let Some(disk) = root_with_a_loop_disk() else { return };
    let env = TestEnv::with_busybox();
    let read_only = format!("{}:/dev/xvda:r", disk.dev);
    let out = sh(&env, &["--device", &read_only], "head -c 19 /dev/xvda; echo; echo x > /dev/xvda; echo write=$?");
    assert!(out.contains(SECRET), "--device gives the disk: {out}");
    assert!(out.contains("write=1"), "read-only as asked: {out}");
    let out = sh(&env, &["--privileged"], &format!("head -c 19 {}", disk.dev));
    assert!(out.contains(SECRET), "--privileged sees the host's devices: {out}");
    let (code, err) = env.fails(&["run", "--rm", "--device", "/etc/passwd", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("not a device node"), "{err}");
    let (code, err) = env.fails(&["run", "--rm", "--device-cgroup-rule", "z 1:3 rwm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--device-cgroup-rule"), "{err}");
}
