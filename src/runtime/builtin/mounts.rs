//! The container's filesystem view, built in its new mount namespace: the
//! bundle's mounts in order, /dev, the console, masked and read-only paths,
//! then pivot_root into the rootfs.

use std::fs;
use std::os::fd::{AsRawFd, RawFd};
use std::path::{Component, Path, PathBuf};

use nix::mount::{MntFlags, MsFlags};
use oci_spec::runtime::{Mount, Spec};

use super::console::{open_pty, Pty};
use super::devices;
use super::init::setup;
use super::kernel::Kernel;
use super::StartError;

/// What a container in a user namespace of its own cannot reach by path
/// (the store's directories are the user's alone, and root inside is
/// another id): opened by the monitor before the namespace was made.
pub struct Opened {
    /// A detached copy of the rootfs mount, attached on the working
    /// directory, which is the rootfs directory (the clone of the mount
    /// namespace moved it to this namespace's copy; an fd would still
    /// name the monitor's).
    pub root_tree: RawFd,
    /// Detached copies of bind mount sources: (index in the bundle's
    /// mounts, fd, whether the source is a directory).
    pub binds: Vec<(usize, RawFd, bool)>,
}

/// Returns the pty made in the container's devpts when `own_pty` (the
/// slave is already /dev/console). The runtime itself calls
/// [`setup_rootfs_with`]; this form is what the engine's tests drive.
#[cfg(test)]
pub fn setup_rootfs(k: &dyn Kernel, spec: &Spec, console: Option<i32>, own_pty: bool) -> Result<Option<Pty>, StartError> {
    setup_rootfs_with(k, spec, console, own_pty, None)
}

/// [`setup_rootfs`], with the rootfs and bind sources `opened` beforehand.
pub fn setup_rootfs_with(k: &dyn Kernel, spec: &Spec, console: Option<i32>, own_pty: bool, opened: Option<&Opened>) -> Result<Option<Pty>, StartError> {
    let root_spec = spec.root().as_ref().ok_or_else(|| setup("the bundle has no root".into()))?;
    let mut root = root_spec.path().clone();
    k.mount(None, Path::new("/"), None, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None)
        .map_err(|e| setup(format!("make / private in the container's mount namespace: {e}")))?;
    match opened {
        // pivot_root needs the new root to be a mount point.
        None => k
            .mount(Some(&root), &root, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)
            .map_err(|e| setup(format!("bind the rootfs {}: {e}", root.display())))?,
        // The copy is a mount point of its own; reached through its fd
        // from here on, since no path to it is ours to walk.
        Some(o) => {
            k.move_mount(o.root_tree, Path::new(".")).map_err(|e| setup(format!("attach the rootfs {}: {e}", root.display())))?;
            root = fd_path(o.root_tree);
        }
    }
    // A device node shipped in a layer (or made with mknod) must be dead.
    let nodev = MsFlags::MS_REMOUNT | MsFlags::MS_BIND | MsFlags::MS_NODEV | k.locked_flags(&root);
    k.mount(None, &root, None, nodev, None).map_err(|e| setup(format!("remount the rootfs {} nodev: {e}", root.display())))?;
    let own_pid_ns = has_own_pid_namespace(spec);
    for (i, m) in spec.mounts().iter().flatten().enumerate() {
        let source = opened.and_then(|o| o.binds.iter().find(|b| b.0 == i)).map(|b| (b.1, b.2));
        mount_one(k, &root, m, source, own_pid_ns)?;
        if m.destination() == Path::new("/dev") && m.typ().as_deref() == Some("tmpfs") {
            devices::populate(k, &root.join("dev"))?;
        }
    }
    devices::add_requested(k, spec, &root)?;
    let mut pty = None;
    if own_pty {
        let ptmx = root.join("dev/pts/ptmx");
        let made = open_pty(&ptmx).map_err(|e| setup(format!("open a terminal through {}: {e}", ptmx.display())))?;
        devices::bind_console(k, &root.join("dev"), made.slave.as_raw_fd())?;
        pty = Some(made);
    } else if let Some(fd) = console {
        devices::bind_console(k, &root.join("dev"), fd)?;
    }
    let linux = spec.linux().as_ref();
    // Before /proc/sys is made read-only; the container's fresh procfs
    // shows the container's own namespaces.
    let mut sysctls: Vec<(String, String)> = linux.and_then(|l| l.sysctl().clone()).unwrap_or_default().into_iter().collect();
    sysctls.sort();
    for (key, value) in sysctls {
        // Resolved as the container sees it, as the /proc mount itself was:
        // an image whose /proc is a link to the host's /proc must not make
        // the write land there.
        let path = resolve_in_root(&root, &Path::new("/proc/sys").join(key.replace('.', "/")));
        k.write_sysctl(&path, &value).map_err(|e| setup(format!("set sysctl {key}={value}: {e}")))?;
    }
    for p in linux.and_then(|l| l.masked_paths().clone()).unwrap_or_default() {
        mask(k, &root, &p)?;
    }
    for p in linux.and_then(|l| l.readonly_paths().clone()).unwrap_or_default() {
        make_readonly(k, &root, &p)?;
    }
    pivot(k, &root)?;
    if root_spec.readonly().unwrap_or(false) {
        let flags = MsFlags::MS_REMOUNT | MsFlags::MS_BIND | MsFlags::MS_RDONLY | k.locked_flags(Path::new("/"));
        k.mount(None, Path::new("/"), None, flags, None).map_err(|e| setup(format!("make the rootfs read-only: {e}")))?;
    }
    Ok(pty)
}

/// /proc/self/fd/N: the file `fd` refers to, reached without walking the
/// path it was opened by.
fn fd_path(fd: RawFd) -> PathBuf {
    PathBuf::from(format!("/proc/self/fd/{fd}"))
}

/// Whether the container gets a PID namespace of its own (not the host's,
/// not another container's joined by path).
fn has_own_pid_namespace(spec: &Spec) -> bool {
    let namespaces = spec.linux().as_ref().and_then(|l| l.namespaces().clone()).unwrap_or_default();
    namespaces.iter().any(|n| n.typ() == oci_spec::runtime::LinuxNamespaceType::Pid && n.path().is_none())
}

/// Mounts `m` under `root`. `opened`: the source's detached copy and
/// whether it is a directory. `own_pid_ns`: the container has a PID
/// namespace of its own (a procfs the kernel refuses is then an error).
pub(crate) fn mount_one(k: &dyn Kernel, root: &Path, m: &Mount, opened: Option<(RawFd, bool)>, own_pid_ns: bool) -> Result<(), StartError> {
    let dest = resolve_in_root(root, m.destination());
    let typ = m.typ().clone().unwrap_or_else(|| "none".into());
    let (mut flags, data) = parse_options(m.options().as_deref().unwrap_or_default());
    let is_bind = typ == "bind" || flags.contains(MsFlags::MS_BIND);
    let source = m.source().clone().unwrap_or_else(|| PathBuf::from(&typ));
    if is_bind {
        let src_is_dir = match opened {
            Some((_, dir)) => dir,
            None => fs::metadata(&source).map(|md| md.is_dir()).unwrap_or(true),
        };
        create_mount_point(&dest, src_is_dir)?;
        let readonly = flags.contains(MsFlags::MS_RDONLY);
        let recursive = flags.contains(MsFlags::MS_REC);
        let bind = MsFlags::MS_BIND | if recursive { MsFlags::MS_REC } else { MsFlags::empty() };
        match opened {
            Some((tree, _)) => k.move_mount(tree, &dest),
            None => k.mount(Some(&source), &dest, None, bind, None),
        }
        .map_err(|e| setup(format!("bind mount {} on {}: {e}", source.display(), m.destination().display())))?;
        let extra = flags & (MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC | MsFlags::MS_RDONLY);
        if !extra.is_empty() {
            let remount = MsFlags::MS_REMOUNT | MsFlags::MS_BIND | extra | k.locked_flags(&dest);
            k.mount(None, &dest, None, remount, None).map_err(|e| {
                setup(format!("remount {} {}: {e}", m.destination().display(), if readonly { "read-only" } else { "with its flags" }))
            })?;
        }
        if recursive && flags.contains(MsFlags::MS_NODEV) {
            // The remount changed the top mount only: a bound host /dev
            // below the source would still work.
            k.mount_setattr_nodev(&dest).map_err(|e| setup(format!("make {} and its submounts nodev: {e}", m.destination().display())))?;
        }
        return Ok(());
    }
    create_mount_point(&dest, true)?;
    flags.remove(MsFlags::MS_REC);
    let result = k.mount(Some(&source), &dest, Some(&typ), flags, data.as_deref());
    match result {
        Ok(()) => Ok(()),
        // A user namespace may not mount sysfs for a network namespace it
        // does not own (--network host); the host's, read-only, will do.
        Err(nix::errno::Errno::EPERM) if typ == "sysfs" => {
            k.mount(Some(Path::new("/sys")), &dest, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)
                .and_then(|_| k.mount(None, &dest, None, MsFlags::MS_REMOUNT | MsFlags::MS_BIND | MsFlags::MS_RDONLY | k.locked_flags(&dest), None))
                .map_err(|e| setup(format!("mount /sys: {e}")))
        }
        // Nor an mqueue for an IPC namespace it does not own (rootless
        // --ipc host): the host's, or none when the host mounts none (the
        // queues themselves, reached by mq_open, are the host's all the same).
        Err(nix::errno::Errno::EPERM) if typ == "mqueue" && !Path::new("/dev/mqueue").is_dir() => Ok(()),
        Err(nix::errno::Errno::EPERM) if typ == "mqueue" => {
            let safe = MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC;
            k.mount(Some(Path::new("/dev/mqueue")), &dest, None, MsFlags::MS_BIND, None)
                .and_then(|_| k.mount(None, &dest, None, MsFlags::MS_REMOUNT | MsFlags::MS_BIND | safe | k.locked_flags(&dest), None))
                .map_err(|e| setup(format!("mount /dev/mqueue: {e}")))
        }
        // A container with a PID namespace of its own whose procfs the
        // kernel refuses: the /proc we stand in has masked paths (we run in
        // a container ourselves) and a fresh one would reveal more. Binding
        // ours would show the container every process of ours: refuse.
        Err(nix::errno::Errno::EPERM) if typ == "proc" && own_pid_ns => Err(setup(
            "the kernel refuses the container a /proc of its own: this /proc has masked or read-only paths (pontoon runs inside a container); \
             start that outer container with --security-opt unmask=/proc/* (see the README's pontoon-in-pontoon recipe), or run with --pid host"
                .into(),
        )),
        // Nor procfs for a PID namespace it does not own (rootless --pid
        // host): the host's /proc, as Podman binds it.
        Err(nix::errno::Errno::EPERM) if typ == "proc" => {
            let safe = MsFlags::MS_NOSUID | MsFlags::MS_NODEV | MsFlags::MS_NOEXEC;
            k.mount(Some(Path::new("/proc")), &dest, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)
                .and_then(|_| k.mount(None, &dest, None, MsFlags::MS_REMOUNT | MsFlags::MS_BIND | safe | k.locked_flags(&dest), None))
                .map_err(|e| setup(format!("mount /proc: {e}")))
        }
        Err(e) => Err(setup(format!("mount {typ} on {}: {e}", m.destination().display()))),
    }
}

/// Splits OCI mount options into mount(2) flags and the data string.
pub fn parse_options(options: &[String]) -> (MsFlags, Option<String>) {
    let mut flags = MsFlags::empty();
    let mut data = Vec::new();
    for o in options {
        let (set, clear) = match o.as_str() {
            "ro" => (MsFlags::MS_RDONLY, MsFlags::empty()),
            "rw" => (MsFlags::empty(), MsFlags::MS_RDONLY),
            "nosuid" => (MsFlags::MS_NOSUID, MsFlags::empty()),
            "suid" => (MsFlags::empty(), MsFlags::MS_NOSUID),
            "nodev" => (MsFlags::MS_NODEV, MsFlags::empty()),
            "dev" => (MsFlags::empty(), MsFlags::MS_NODEV),
            "noexec" => (MsFlags::MS_NOEXEC, MsFlags::empty()),
            "exec" => (MsFlags::empty(), MsFlags::MS_NOEXEC),
            "sync" => (MsFlags::MS_SYNCHRONOUS, MsFlags::empty()),
            "noatime" => (MsFlags::MS_NOATIME, MsFlags::empty()),
            "nodiratime" => (MsFlags::MS_NODIRATIME, MsFlags::empty()),
            "relatime" => (MsFlags::MS_RELATIME, MsFlags::empty()),
            "strictatime" => (MsFlags::MS_STRICTATIME, MsFlags::empty()),
            "bind" => (MsFlags::MS_BIND, MsFlags::empty()),
            "rbind" => (MsFlags::MS_BIND | MsFlags::MS_REC, MsFlags::empty()),
            "private" | "rprivate" | "shared" | "rshared" | "slave" | "rslave" => (MsFlags::empty(), MsFlags::empty()),
            other => {
                data.push(other.to_string());
                (MsFlags::empty(), MsFlags::empty())
            }
        };
        flags |= set;
        flags &= !clear;
    }
    (flags, (!data.is_empty()).then(|| data.join(",")))
}

/// Joins `dest` under `root`, resolving symlinks as the container would see
/// them, so that no mount lands outside the rootfs.
pub fn resolve_in_root(root: &Path, dest: &Path) -> PathBuf {
    let mut resolved = PathBuf::new();
    let mut pending: Vec<PathBuf> = dest.components().rev().filter_map(component).collect();
    let mut links = 0;
    while let Some(part) = pending.pop() {
        if part == Path::new("..") {
            resolved.pop();
            continue;
        }
        let candidate = resolved.join(&part);
        match fs::symlink_metadata(root.join(&candidate)) {
            Ok(md) if md.file_type().is_symlink() && links < 40 => {
                links += 1;
                let Ok(target) = fs::read_link(root.join(&candidate)) else { resolved = candidate; continue };
                if target.is_absolute() {
                    resolved = PathBuf::new();
                }
                pending.extend(target.components().rev().filter_map(component));
            }
            _ => resolved = candidate,
        }
    }
    root.join(resolved)
}

fn component(c: Component) -> Option<PathBuf> {
    match c {
        Component::Normal(n) => Some(PathBuf::from(n)),
        Component::ParentDir => Some(PathBuf::from("..")),
        _ => None,
    }
}

fn create_mount_point(dest: &Path, dir: bool) -> Result<(), StartError> {
    if dest.exists() {
        return Ok(());
    }
    let result = if dir {
        fs::create_dir_all(dest)
    } else {
        dest.parent().map(fs::create_dir_all).transpose().and_then(|_| fs::File::create(dest).map(|_| ()))
    };
    result.map_err(|e| setup(format!("create mount point {}: {e}", dest.display())))
}

fn mask(k: &dyn Kernel, root: &Path, path: &str) -> Result<(), StartError> {
    let target = resolve_in_root(root, Path::new(path));
    let Ok(md) = fs::metadata(&target) else { return Ok(()) };
    let result = if md.is_dir() {
        k.mount(Some(Path::new("tmpfs")), &target, Some("tmpfs"), MsFlags::MS_RDONLY, Some("size=0"))
    } else {
        k.mount(Some(Path::new("/dev/null")), &target, None, MsFlags::MS_BIND, None)
    };
    result.map_err(|e| setup(format!("mask {path}: {e}")))
}

fn make_readonly(k: &dyn Kernel, root: &Path, path: &str) -> Result<(), StartError> {
    let target = resolve_in_root(root, Path::new(path));
    if !target.exists() {
        return Ok(());
    }
    k.mount(Some(&target), &target, None, MsFlags::MS_BIND | MsFlags::MS_REC, None)
        .and_then(|_| k.mount(None, &target, None, MsFlags::MS_REMOUNT | MsFlags::MS_BIND | MsFlags::MS_RDONLY | k.locked_flags(&target), None))
        .map_err(|e| setup(format!("make {path} read-only: {e}")))
}

fn pivot(k: &dyn Kernel, root: &Path) -> Result<(), StartError> {
    k.chdir(root).map_err(|e| setup(format!("chdir {}: {e}", root.display())))?;
    // Stacking the old root under the new one and detaching it needs no
    // temporary directory in the image.
    k.pivot_root(Path::new("."), Path::new(".")).map_err(|e| setup(format!("pivot_root into {}: {e}", root.display())))?;
    k.umount2(Path::new("."), MntFlags::MNT_DETACH).map_err(|e| setup(format!("detach the old root: {e}")))?;
    k.chdir(Path::new("/")).map_err(|e| setup(format!("chdir /: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::MountBuilder;

    #[test]
    fn options_split_into_flags_and_data() {
        let opts: Vec<String> = ["nosuid", "ro", "size=64m", "mode=1777"].iter().map(|s| s.to_string()).collect();
        let (flags, data) = parse_options(&opts);
        assert!(flags.contains(MsFlags::MS_NOSUID | MsFlags::MS_RDONLY));
        assert_eq!(data.as_deref(), Some("size=64m,mode=1777"));
    }

    #[test]
    fn an_opened_rootfs_and_bind_source_are_attached_not_bound() {
        use super::super::kernel::recording::{Call, Recording};
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("rootfs/etc")).unwrap();
        let hosts = MountBuilder::default().destination("/etc/hosts").typ("bind").source(dir.path().join("hosts")).options(vec!["bind".to_string(), "ro".to_string()]).build().unwrap();
        let root = oci_spec::runtime::RootBuilder::default().path(dir.path().join("rootfs")).build().unwrap();
        let spec = oci_spec::runtime::SpecBuilder::default().root(root).mounts(vec![hosts]).build().unwrap();
        // The rootfs "tree" is the directory itself, so its /proc/self/fd
        // path leads where the init's would.
        let tree = fs::File::open(dir.path().join("rootfs")).unwrap();
        let opened = Opened { root_tree: tree.as_raw_fd(), binds: vec![(0, 99, false)] };
        let k = Recording::new();
        setup_rootfs_with(&k, &spec, None, false, Some(&opened)).unwrap();
        let calls = k.calls();
        let via = PathBuf::from(format!("/proc/self/fd/{}", tree.as_raw_fd()));
        assert_eq!(calls[1], Call::MoveMount { tree: tree.as_raw_fd(), target: PathBuf::from(".") }, "{calls:#?}");
        assert!(calls.contains(&Call::MoveMount { tree: 99, target: via.join("etc/hosts") }), "{calls:#?}");
        assert!(dir.path().join("rootfs/etc/hosts").is_file(), "the mount point is a file, as the source");
        let bound_by_path = calls.iter().any(|c| matches!(c, Call::Mount { flags, .. } if flags.contains(MsFlags::MS_BIND) && !flags.contains(MsFlags::MS_REMOUNT)));
        assert!(!bound_by_path, "a path the container cannot walk was bound: {calls:#?}");
        assert!(calls.contains(&Call::Chdir { dir: via }), "pivot_root goes through the fd: {calls:#?}");
    }

    #[test]
    fn symlinks_resolve_inside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("real/etc")).unwrap();
        std::os::unix::fs::symlink("/real/etc", root.join("etc")).unwrap();
        std::os::unix::fs::symlink("../../../../outside", root.join("real/escape")).unwrap();
        assert_eq!(resolve_in_root(root, Path::new("/etc/hosts")), root.join("real/etc/hosts"));
        assert_eq!(resolve_in_root(root, Path::new("/real/escape/x")), root.join("outside/x"));
        assert_eq!(resolve_in_root(root, Path::new("/../../x")), root.join("x"));
    }
}
