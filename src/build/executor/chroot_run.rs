//! `--isolation chroot` (Buildah's name): a RUN step without new
//! namespaces, for CI runners inside unprivileged containers that may not
//! make them. The command runs chrooted into the step's overlay, in a
//! private mount namespace only, with a /dev of the harmless devices, the
//! host's /proc and /sys bound read-only where the kernel allows, and the
//! host's resolv.conf; Docker's default capabilities but CAP_SYS_CHROOT,
//! and no_new_privs. Weaker than a container (it shares the host's
//! processes, network and hostname), which is why it is never the default
//! where namespaces work.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nix::mount::{mount, MsFlags};

use super::run_step::RunPlan;
use super::workdir::{make_dir_all, require_overlay, StepDirs};
use crate::errors::PontoonError;
use crate::image::manifest::ContainerConfig;
use crate::runtime::enter::{spawn_in, Root};
use crate::store::layer_writer::{layer_from_upper, NewLayer};
use crate::store::rootfs;
use crate::store::Store;

/// The devices a chroot step gets, as Docker's default list has them.
const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];

/// Whether this process may make the namespaces a container needs; a
/// child tries, so that we stay as we are.
pub fn namespaces_available() -> bool {
    // SAFETY: the build is single-threaded here; the child only unshares and exits.
    match unsafe { nix::unistd::fork() } {
        Ok(nix::unistd::ForkResult::Child) => {
            let flags = nix::sched::CloneFlags::CLONE_NEWPID | nix::sched::CloneFlags::CLONE_NEWNET | nix::sched::CloneFlags::CLONE_NEWUTS | nix::sched::CloneFlags::CLONE_NEWIPC;
            let code = if nix::sched::unshare(flags).is_ok() { 0 } else { 1 };
            // SAFETY: leave the forked child at once.
            unsafe { libc::_exit(code) }
        }
        Ok(nix::unistd::ForkResult::Parent { child }) => crate::runtime::wait::wait_for(child).is_ok_and(|code| code == 0),
        Err(_) => false,
    }
}

fn bind(source: &Path, target: &Path, readonly: bool) -> Result<()> {
    mount(Some(source), target, None::<&str>, MsFlags::MS_BIND | MsFlags::MS_REC, None::<&str>).with_context(|| format!("bind {} into the step's root", source.display()))?;
    if readonly {
        // Where the kernel refuses (a locked mount), the bind stays as the host has it.
        let _ = mount(None::<&str>, target, None::<&str>, MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY | MsFlags::MS_REC, None::<&str>);
    }
    Ok(())
}

/// Makes the mount points in the merged root (they land in the upper
/// directory, and `skip` keeps them out of the layer) and mounts them.
fn mount_extras(merged: &Path) -> Result<()> {
    let dev = merged.join("dev");
    fs::create_dir_all(&dev).with_context(|| format!("create {}", dev.display()))?;
    mount(Some("tmpfs"), &dev, Some("tmpfs"), MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC, Some("mode=755,size=64k")).context("mount /dev of the step")?;
    for name in DEVICES {
        let target = dev.join(name);
        fs::write(&target, b"").with_context(|| format!("create {}", target.display()))?;
        bind(&Path::new("/dev").join(name), &target, false)?;
    }
    for (dir, readonly) in [("proc", true), ("sys", true)] {
        let target = merged.join(dir);
        fs::create_dir_all(&target).with_context(|| format!("create {}", target.display()))?;
        bind(&Path::new("/").join(dir), &target, readonly)?;
    }
    let etc = merged.join("etc");
    if etc.is_dir() && Path::new("/etc/resolv.conf").exists() {
        let target = etc.join("resolv.conf");
        if fs::symlink_metadata(&target).is_err() {
            fs::write(&target, b"").with_context(|| format!("create {}", target.display()))?;
        }
        if fs::metadata(&target).is_ok_and(|m| m.is_file()) {
            bind(Path::new("/etc/resolv.conf"), &target, true)?;
        }
    }
    Ok(())
}

/// Runs the step; its layer (None when it changed nothing).
pub fn execute(store: &Store, plan: &RunPlan, config: &ContainerConfig, lowers: &[PathBuf]) -> Result<Option<NewLayer>> {
    let driver = require_overlay(store)?;
    let dirs = StepDirs::new(store)?;
    let mut lowers = lowers.to_vec();
    if lowers.is_empty() {
        lowers.push(dirs.upper.with_file_name("empty"));
    }
    let (upper, work, merged) = dirs.paths();
    let mount_root = {
        let merged = merged.clone();
        move || -> Result<PathBuf> {
            rootfs::mount_rootfs(&lowers, Some(&upper), Some(&work), &merged, driver)?;
            mount_extras(&merged)?;
            Ok(merged)
        }
    };
    let mut env = config.env.clone().unwrap_or_default();
    env.extend(plan.env.iter().cloned());
    let (argv, user, workdir) = (plan.argv.clone(), config.user.clone().unwrap_or_default(), config.working_dir.clone().unwrap_or_else(|| "/".into()));
    let worker = spawn_in(&plan.label, Root::Mounted { runroot: store.paths.runroot.clone(), mount: Box::new(mount_root) }, move || run_command(&argv, &env, &user, &workdir))?;
    let code = worker.wait_code()?;
    if code != 0 {
        return Err(PontoonError::BuildStepFailed { code, message: format!("building at STEP \"{}\" ({}): the command exited with code {code}", plan.label, plan.location) }.into());
    }
    let skip: BTreeSet<PathBuf> = ["/dev", "/proc", "/sys", "/etc/resolv.conf"].iter().map(PathBuf::from).collect();
    layer_from_upper(store, &dirs.upper, &skip)
}

/// Docker's default capabilities but CAP_SYS_CHROOT (a chroot is the
/// step's only wall: a second chroot would climb over it) and no way to
/// gain more (no_new_privs): without namespaces, root in a RUN step must
/// not be the host's root.
fn limit_capabilities() -> Result<()> {
    use caps::{CapSet, Capability};
    let keep: std::collections::HashSet<Capability> = crate::engine::oci::DEFAULT_CAPS
        .iter()
        .filter(|c| **c != "SYS_CHROOT")
        .filter_map(|c| format!("CAP_{c}").parse().ok())
        .collect();
    for cap in caps::all() {
        if !keep.contains(&cap) {
            // A capability this kernel does not know cannot be dropped: harmless.
            let _ = caps::drop(None, CapSet::Bounding, cap);
        }
    }
    let held = caps::read(None, CapSet::Permitted).map_err(|e| anyhow::anyhow!("read capabilities: {e}"))?;
    let set: std::collections::HashSet<Capability> = keep.intersection(&held).copied().collect();
    caps::set(None, CapSet::Inheritable, &Default::default()).map_err(|e| anyhow::anyhow!("clear inheritable capabilities: {e}"))?;
    caps::set(None, CapSet::Effective, &set).map_err(|e| anyhow::anyhow!("set effective capabilities: {e}"))?;
    caps::set(None, CapSet::Permitted, &set).map_err(|e| anyhow::anyhow!("set permitted capabilities: {e}"))?;
    // SAFETY: prctl with constant arguments.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } < 0 {
        anyhow::bail!("set no_new_privs: {}", std::io::Error::last_os_error());
    }
    Ok(())
}

/// In the chroot: become the step's user, go to its directory, run.
fn run_command(argv: &[String], env: &[String], user: &str, workdir: &str) -> Result<()> {
    let passwd = fs::read_to_string("/etc/passwd").unwrap_or_default();
    let group = fs::read_to_string("/etc/group").unwrap_or_default();
    let who = crate::engine::user::resolve_user(if user.is_empty() { "0" } else { user }, &passwd, &group)?;
    make_dir_all(Path::new(workdir), None)?;
    std::env::set_current_dir(workdir).with_context(|| format!("chdir {workdir}"))?;
    limit_capabilities()?;
    let groups: Vec<nix::unistd::Gid> = std::iter::once(who.gid).chain(who.additional_gids.iter().copied()).map(nix::unistd::Gid::from_raw).collect();
    nix::unistd::setgroups(&groups).context("set the step's groups")?;
    nix::unistd::setgid(nix::unistd::Gid::from_raw(who.gid)).context("set the step's group")?;
    nix::unistd::setuid(nix::unistd::Uid::from_raw(who.uid)).context("set the step's user")?;
    let (program, args) = argv.split_first().context("the step has no command")?;
    let mut cmd = std::process::Command::new(program);
    cmd.args(args).env_clear();
    for e in env {
        let (k, v) = e.split_once('=').unwrap_or((e.as_str(), ""));
        cmd.env(k, v);
    }
    let status = cmd.status().with_context(|| format!("run {program}"))?;
    let code = status.code().unwrap_or_else(|| 128 + std::os::unix::process::ExitStatusExt::signal(&status).unwrap_or(0));
    // SAFETY: leave the worker with the command's code; nothing of ours is left to run.
    unsafe { libc::_exit(code) }
}
