//! What the built-in runtime asks of the kernel to build a container's
//! filesystem view, call by call, for the bundles the engine writes. The
//! rootfs is a temp dir (mount points and files for binds are really made
//! there); the kernel is `kernel::recording::Recording`, so no test needs
//! root. A call is written like a command line; a path under the temp dir
//! is shown relative to it (`rootfs/proc`, `hosts`), a host path absolute.

use std::fs;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use nix::mount::{MntFlags, MsFlags};
use oci_spec::runtime::Spec;

use crate::engine::devices::HostDevice;
use crate::engine::oci::{to_oci, BundleInputs};
use crate::engine::process::ResolvedProcess;
use crate::engine::user::ResolvedUser;
use crate::runtime::builtin::kernel::recording::{Call, Recording};
use crate::runtime::builtin::mounts::setup_rootfs;
use crate::spec::container::{ContainerSpec, TmpfsMount};
use crate::spec::mounts::MountSpec;

/// A temp dir with `rootfs/` (holding a few of the paths Docker masks or
/// makes read-only, as /proc and /sys would) and the host's generated
/// `hosts` file beside it.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("rootfs");
        for d in ["proc/acpi", "proc/sys", "sys/firmware"] {
            fs::create_dir_all(root.join(d)).unwrap();
        }
        fs::write(root.join("proc/kcore"), "").unwrap();
        fs::write(dir.path().join("hosts"), "127.0.0.1 localhost\n").unwrap();
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The bundle the engine writes for `spec`.
    fn bundle(&self, spec: &ContainerSpec, devices: Vec<HostDevice>) -> Spec {
        let process = ResolvedProcess { args: vec!["sh".into()], env: vec![], cwd: "/".into(), user: "0".into() };
        let user = ResolvedUser { uid: 0, gid: 0, additional_gids: vec![], home: "/".into() };
        to_oci(&BundleInputs {
            spec,
            process: &process,
            user: &user,
            rootfs: self.path("rootfs"),
            hostname: "h".into(),
            etc_files: vec![("/etc/hosts".into(), self.path("hosts"))],
            host_nofile_hard: 1024,
            devices,
        })
        .unwrap()
    }

    /// Sets up the rootfs of `bundle` against `kernel`; the calls made, or
    /// the error with the calls made up to it.
    fn run(&self, kernel: &Recording, bundle: &Spec, console: Option<i32>) -> Result<Vec<String>, (String, Vec<String>)> {
        let result = setup_rootfs(kernel, bundle, console, false);
        let calls = kernel.calls().iter().map(|c| self.render(c)).collect();
        match result {
            Ok(_) => Ok(calls),
            Err(e) => Err((e.to_string(), calls)),
        }
    }

    fn show(&self, p: &Path) -> String {
        match p.strip_prefix(self.dir.path()) {
            Ok(rel) => rel.display().to_string(),
            Err(_) => p.display().to_string(),
        }
    }

    fn render(&self, call: &Call) -> String {
        let opt = |s: Option<String>| s.unwrap_or_else(|| "-".into());
        match call {
            Call::Mount { source, target, fstype, flags, data } => format!(
                "mount {} {} {} {} {}",
                opt(source.as_deref().map(|p| self.show(p))),
                self.show(target),
                opt(fstype.clone()),
                render_flags(*flags),
                opt(data.clone())
            ),
            Call::Umount2 { target, flags } => {
                let detach = if *flags == MntFlags::MNT_DETACH { "detach".to_string() } else { format!("{flags:?}") };
                format!("umount2 {} {detach}", self.show(target))
            }
            Call::MountSetattrNodev { target } => format!("mount_setattr {} nodev recursive", self.show(target)),
            Call::PivotRoot { new_root, put_old } => format!("pivot_root {} {}", self.show(new_root), self.show(put_old)),
            Call::Chdir { dir } => format!("chdir {}", self.show(dir)),
            Call::MoveMount { tree, target } => format!("move_mount {tree} {}", self.show(target)),
            Call::Symlink { original, link } => format!("symlink {} -> {}", self.show(link), original.display()),
            Call::WriteSysctl { path, value } => format!("sysctl {} {value}", self.show(path)),
            Call::Sethostname { name } => format!("sethostname {name}"),
        }
    }
}

fn render_flags(flags: MsFlags) -> String {
    const NAMES: &[(MsFlags, &str)] = &[
        (MsFlags::MS_REMOUNT, "remount"),
        (MsFlags::MS_BIND, "bind"),
        (MsFlags::MS_REC, "rec"),
        (MsFlags::MS_PRIVATE, "private"),
        (MsFlags::MS_RDONLY, "ro"),
        (MsFlags::MS_NOSUID, "nosuid"),
        (MsFlags::MS_NODEV, "nodev"),
        (MsFlags::MS_NOEXEC, "noexec"),
        (MsFlags::MS_NOATIME, "noatime"),
        (MsFlags::MS_RELATIME, "relatime"),
        (MsFlags::MS_STRICTATIME, "strictatime"),
    ];
    let mut rest = flags;
    let mut out: Vec<String> = Vec::new();
    for (flag, name) in NAMES {
        if flags.contains(*flag) {
            out.push(name.to_string());
            rest.remove(*flag);
        }
    }
    if !rest.is_empty() {
        out.push(format!("{rest:?}"));
    }
    if out.is_empty() {
        "-".into()
    } else {
        out.join(",")
    }
}

/// Private propagation, the rootfs bound on itself (pivot_root needs a
/// mount point) and made nodev.
const HEAD: &[&str] = &["mount - / - rec,private -", "mount rootfs rootfs - bind,rec -", "mount - rootfs - remount,bind,nodev -"];

/// /proc, /dev with the host's harmless nodes bound in and its links,
/// devpts, shm, mqueue, sysfs.
const API: &[&str] = &[
    "mount proc rootfs/proc proc nosuid,nodev,noexec -",
    "mount tmpfs rootfs/dev tmpfs nosuid,nodev,strictatime mode=755,size=65536k",
    "mount /dev/null rootfs/dev/null - bind -",
    "mount /dev/zero rootfs/dev/zero - bind -",
    "mount /dev/full rootfs/dev/full - bind -",
    "mount /dev/random rootfs/dev/random - bind -",
    "mount /dev/urandom rootfs/dev/urandom - bind -",
    "mount /dev/tty rootfs/dev/tty - bind -",
    "symlink rootfs/dev/fd -> /proc/self/fd",
    "symlink rootfs/dev/stdin -> /proc/self/fd/0",
    "symlink rootfs/dev/stdout -> /proc/self/fd/1",
    "symlink rootfs/dev/stderr -> /proc/self/fd/2",
    "symlink rootfs/dev/ptmx -> pts/ptmx",
    "symlink rootfs/dev/core -> /proc/kcore",
    "mount devpts rootfs/dev/pts devpts nosuid,noexec newinstance,ptmxmode=0666,mode=0620",
    "mount shm rootfs/dev/shm tmpfs nosuid,nodev,noexec mode=1777,size=65536k",
    "mount mqueue rootfs/dev/mqueue mqueue nosuid,nodev,noexec -",
    "mount sysfs rootfs/sys sysfs ro,nosuid,nodev,noexec -",
];

const HOSTS: &[&str] = &["mount hosts rootfs/etc/hosts - bind -"];

/// Docker's masked and read-only paths, those of them that exist: a
/// directory hidden under an empty read-only tmpfs, a file under /dev/null.
const MASKED_AND_READONLY: &[&str] = &[
    "mount tmpfs rootfs/proc/acpi tmpfs ro size=0",
    "mount /dev/null rootfs/proc/kcore - bind -",
    "mount tmpfs rootfs/sys/firmware tmpfs ro size=0",
    "mount rootfs/proc/sys rootfs/proc/sys - bind,rec -",
    "mount - rootfs/proc/sys - remount,bind,ro -",
];

/// Into the rootfs, the old root stacked under it and detached.
const PIVOT: &[&str] = &["chdir rootfs", "pivot_root . .", "umount2 . detach", "chdir /"];

fn seq(parts: &[&[&str]]) -> Vec<String> {
    parts.iter().flat_map(|p| p.iter().map(|s| s.to_string())).collect()
}

#[test]
fn a_default_container_mounts_in_order() {
    let f = Fixture::new();
    let calls = f.run(&Recording::new(), &f.bundle(&ContainerSpec::default(), vec![]), None).unwrap();
    assert_eq!(calls, seq(&[HEAD, API, HOSTS, MASKED_AND_READONLY, PIVOT]));
    assert!(f.path("rootfs/etc/hosts").is_file(), "a file bind gets a file to land on");
    assert!(f.path("rootfs/dev/null").is_file() && f.path("rootfs/dev/shm").is_dir());
}

#[test]
fn read_only_remounts_the_root_after_pivot_repeating_locked_flags() {
    let f = Fixture::new();
    let kernel = Recording::new()
        .with_locked(f.path("rootfs"), MsFlags::MS_NOSUID)
        .with_locked("/", MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_RELATIME);
    let calls = f.run(&kernel, &f.bundle(&ContainerSpec { read_only: true, ..Default::default() }, vec![]), None).unwrap();
    let head = ["mount - / - rec,private -", "mount rootfs rootfs - bind,rec -", "mount - rootfs - remount,bind,nosuid,nodev -"];
    let hosts = ["mount hosts rootfs/etc/hosts - bind -", "mount - rootfs/etc/hosts - remount,bind,ro -"];
    let last = ["mount - / - remount,bind,ro,nosuid,nodev,relatime -"];
    assert_eq!(calls, seq(&[&head, API, &hosts, MASKED_AND_READONLY, PIVOT, &last]));
}

#[test]
fn privileged_masks_nothing_and_binds_the_devices_it_gets() {
    let f = Fixture::new();
    let kvm = HostDevice::sample("/dev/kvm", "/dev/kvm", false, 10, 232, "rwm");
    // Docker's --privileged: nothing masked or read-only.
    let bundle = f.bundle(&ContainerSpec { privileged: true, ..Default::default() }, vec![kvm]);
    let calls = f.run(&Recording::new(), &bundle, None).unwrap();
    assert_eq!(calls, seq(&[HEAD, API, HOSTS, &["mount /dev/kvm rootfs/dev/kvm - bind -"], PIVOT]));
}

#[test]
fn a_requested_device_binds_from_its_host_path_then_the_console() {
    let f = Fixture::new();
    let loop0 = HostDevice::sample("/dev/loop0", "/dev/disks/xvda", true, 7, 0, "r");
    let calls = f.run(&Recording::new(), &f.bundle(&ContainerSpec::default(), vec![loop0]), Some(7)).unwrap();
    let devices = ["mount /dev/loop0 rootfs/dev/disks/xvda - bind -", "mount /dev/pts/7 rootfs/dev/console - bind -"];
    assert_eq!(calls, seq(&[HEAD, API, HOSTS, &devices, MASKED_AND_READONLY, PIVOT]));
    assert!(f.path("rootfs/dev/disks/xvda").is_file() && f.path("rootfs/dev/console").is_file());
}

#[test]
fn a_tmpfs_is_nosuid_nodev_with_its_options() {
    let f = Fixture::new();
    let spec = ContainerSpec { tmpfs: vec![TmpfsMount { target: "/run".into(), options: vec!["size=64m".into()] }], ..Default::default() };
    let calls = f.run(&Recording::new(), &f.bundle(&spec, vec![]), None).unwrap();
    let tmpfs = ["mount tmpfs rootfs/run tmpfs nosuid,nodev size=64m"];
    assert_eq!(calls, seq(&[HEAD, API, &tmpfs, HOSTS, MASKED_AND_READONLY, PIVOT]));
    assert!(f.path("rootfs/run").is_dir());
}

#[test]
fn a_bind_volume_is_rbind_then_nodev_and_ro_down_to_its_submounts() {
    let f = Fixture::new();
    fs::create_dir(f.path("volume")).unwrap();
    fs::write(f.path("app.conf"), "x=1\n").unwrap();
    let spec = ContainerSpec {
        mounts: vec![
            MountSpec { source: f.path("app.conf").display().to_string(), target: "/etc/app.conf".into(), nonrecursive: true, ..Default::default() },
            MountSpec { source: f.path("volume").display().to_string(), target: "/data".into(), readonly: true, ..Default::default() },
        ],
        ..Default::default()
    };
    let kernel = Recording::new().with_locked(f.path("rootfs/data"), MsFlags::MS_NOSUID);
    let calls = f.run(&kernel, &f.bundle(&spec, vec![]), None).unwrap();
    let binds = [
        "mount volume rootfs/data - bind,rec -",
        "mount - rootfs/data - remount,bind,ro,nosuid,nodev -",
        "mount_setattr rootfs/data nodev recursive",
        "mount app.conf rootfs/etc/app.conf - bind -",
        "mount - rootfs/etc/app.conf - remount,bind,nodev -",
    ];
    assert_eq!(calls, seq(&[HEAD, API, &binds, HOSTS, MASKED_AND_READONLY, PIVOT]));
    assert!(f.path("rootfs/data").is_dir() && f.path("rootfs/etc/app.conf").is_file(), "the mount point takes the source's kind");
}

fn fails_on_sysfs(errno: Errno) -> Recording {
    Recording::new().fail_when(move |c| matches!(c, Call::Mount { fstype: Some(t), .. } if t == "sysfs").then_some(errno))
}

#[test]
fn sysfs_refused_with_eperm_falls_back_to_the_hosts_read_only() {
    let f = Fixture::new();
    let calls = f.run(&fails_on_sysfs(Errno::EPERM), &f.bundle(&ContainerSpec::default(), vec![]), None).unwrap();
    let fallback = ["mount /sys rootfs/sys - bind,rec -", "mount - rootfs/sys - remount,bind,ro -"];
    assert_eq!(calls, seq(&[HEAD, API, &fallback, HOSTS, MASKED_AND_READONLY, PIVOT]));
}

#[test]
fn a_failed_mount_stops_the_setup_and_says_which() {
    let f = Fixture::new();
    let (error, calls) = f.run(&fails_on_sysfs(Errno::EACCES), &f.bundle(&ContainerSpec::default(), vec![]), None).unwrap_err();
    assert_eq!(error, "mount sysfs on /sys: EACCES: Permission denied");
    assert_eq!(calls, seq(&[HEAD, API]), "nothing after the failed call");

    let kernel = Recording::new().fail_when(|c| matches!(c, Call::MountSetattrNodev { .. }).then_some(Errno::EINVAL));
    fs::create_dir_all(f.path("srv")).unwrap();
    let srv = MountSpec { source: f.path("srv").display().to_string(), target: "/srv".into(), ..Default::default() };
    let spec = ContainerSpec { mounts: vec![srv], ..Default::default() };
    let (error, _) = f.run(&kernel, &f.bundle(&spec, vec![]), None).unwrap_err();
    assert_eq!(error, "make /srv and its submounts nodev: EINVAL: Invalid argument");

    let kernel = Recording::new().fail_when(|c| matches!(c, Call::PivotRoot { .. }).then_some(Errno::EBUSY));
    let (error, calls) = f.run(&kernel, &f.bundle(&ContainerSpec::default(), vec![]), None).unwrap_err();
    assert!(error.starts_with("pivot_root into ") && error.ends_with("EBUSY: Device or resource busy"), "{error}");
    assert_eq!(calls.last().map(String::as_str), Some("pivot_root . ."));
}

#[test]
fn sysctls_are_written_inside_the_root_before_proc_sys_turns_read_only() {
    let f = Fixture::new();
    // An image whose /proc is an absolute link: followed on the host it
    // would leave the rootfs, resolved in the root it lands on /elsewhere
    // (where the procfs was mounted too).
    std::fs::create_dir_all(f.path("rootfs/elsewhere")).unwrap();
    let _ = std::fs::remove_dir_all(f.path("rootfs/proc"));
    std::os::unix::fs::symlink("/elsewhere", f.path("rootfs/proc")).unwrap();
    let mut spec = ContainerSpec::default();
    spec.sysctls.insert("net.ipv4.ping_group_range".into(), "0 0".into());
    let calls = f.run(&Recording::new(), &f.bundle(&spec, vec![]), None).unwrap();
    let at = calls.iter().position(|c| c.starts_with("sysctl ")).expect("a sysctl write");
    assert_eq!(calls[at], "sysctl rootfs/elsewhere/sys/net/ipv4/ping_group_range 0 0", "{calls:#?}");
    assert!(calls.iter().any(|c| c.starts_with("mount proc rootfs/elsewhere proc")), "{calls:#?}");
    let first_masking = calls.iter().position(|c| MASKED_AND_READONLY.contains(&c.as_str())).expect("masked paths");
    assert!(at < first_masking, "written before the masks: {calls:#?}");
}
