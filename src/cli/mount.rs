//! `pontoon image mount`, `image unmount` and `unshare`.
//!
//! An image mount is read-only (lowers only, no upper directory) at
//! `<runroot>/image-mounts/<image id>/merged`, recorded in `mount.json`
//! beside it so that `image unmount` knows how to undo it. Rootless, the
//! mount lives in the storage namespace of the command that made it and
//! vanishes with it: use it from inside `pontoon unshare`, as with Podman:
//! `pontoon unshare sh -c 'ls $(pontoon image mount IMG)'`.

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde::{Deserialize, Serialize};

use super::Ctx;
use crate::engine::images::{self, ImageView};
use crate::errors::{PontoonError, EXIT_CANNOT_INVOKE, EXIT_NOT_FOUND};
use crate::store::atomic::write_json_atomic;
use crate::store::layers::remove_tree;
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

#[derive(Args, Debug)]
pub struct MountArgs {
    /// Image to mount
    pub image: String,
}

#[derive(Args, Debug)]
pub struct UnmountArgs {
    /// Image to unmount
    pub image: String,
}

#[derive(Args, Debug)]
pub struct UnshareArgs {
    /// Command to run (default: $SHELL)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub command: Vec<String>,
}

/// What `image unmount` needs to know about a mount.
#[derive(Serialize, Deserialize)]
struct MountRecord {
    driver: Driver,
}

fn mount_dir(store: &Store, id_hex: &str) -> PathBuf {
    store.paths.runroot.join("image-mounts").join(id_hex)
}

pub fn mount(ctx: &Ctx, args: MountArgs) -> Result<()> {
    let store = ctx.store()?;
    let view = ImageView::load(&store, images::resolve(&store, &args.image)?)?;
    let mut lowers = Vec::new();
    for diff_id in view.config.rootfs.diff_ids.iter().rev() {
        if !store.layers.has(diff_id) {
            bail!("layer {diff_id} of image {} is missing from the store: pull or load the image again", args.image);
        }
        lowers.push(store.layers.diff_dir(diff_id));
    }
    if lowers.is_empty() {
        bail!("image {} has no layers to mount", args.image);
    }
    let dir = mount_dir(&store, view.record.id.hex());
    let merged = dir.join("merged");
    if let Some(record) = read_record(&dir)? {
        let present = match record.driver {
            Driver::Vfs => merged.is_dir(),
            _ => rootfs::is_mountpoint(&merged),
        };
        if present {
            println!("{}", merged.display());
            return Ok(());
        }
    }
    // Whatever an interrupted or vanished mount left is started afresh.
    let _ = rootfs::unmount(&merged);
    remove_tree(&dir).with_context(|| format!("clean {}", dir.display()))?;
    fs::create_dir_all(&merged).with_context(|| format!("create {}", merged.display()))?;
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    rootfs::mount_rootfs(&lowers, None, None, &merged, driver)
        .with_context(|| format!("mount image {} with the {} driver", args.image, driver.name()))?;
    write_json_atomic(&dir.join("mount.json"), &MountRecord { driver })?;
    println!("{}", merged.display());
    Ok(())
}

fn read_record(dir: &Path) -> Result<Option<MountRecord>> {
    let path = dir.join("mount.json");
    match fs::read(&path) {
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("read {}", path.display())),
    }
}

pub fn unmount(ctx: &Ctx, args: UnmountArgs) -> Result<()> {
    let store = ctx.store()?;
    let record = images::resolve(&store, &args.image)?;
    let dir = mount_dir(&store, record.id.hex());
    let Some(mount) = read_record(&dir)? else {
        bail!("image {} is not mounted", args.image);
    };
    let merged = dir.join("merged");
    if mount.driver != Driver::Vfs {
        rootfs::unmount(&merged)?;
    }
    remove_tree(&dir).with_context(|| format!("remove {}", dir.display()))?;
    println!("{}", record.id.hex());
    Ok(())
}

pub fn unshare(ctx: &Ctx, args: UnshareArgs) -> Result<()> {
    // Enters the user and mount namespace (rootless); as root a no-op.
    let store = ctx.store()?;
    let command = if args.command.is_empty() {
        vec![std::env::var("SHELL").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "/bin/sh".into())]
    } else {
        args.command
    };
    // Nested pontoon commands use the same store even when it was given
    // with --root/--runroot.
    let Some(program) = find_program(&command[0]) else {
        return Err(PontoonError::StartFailed { code: EXIT_NOT_FOUND, message: format!("{}: command not found", command[0]) }.into());
    };
    let err = Command::new(program)
        .args(&command[1..])
        .env("PONTOON_ROOT", &store.paths.root)
        .env("PONTOON_RUNROOT", &store.paths.runroot)
        .exec();
    let code = if err.kind() == std::io::ErrorKind::NotFound { EXIT_NOT_FOUND } else { EXIT_CANNOT_INVOKE };
    Err(PontoonError::StartFailed { code, message: format!("cannot run {}: {err}", command[0]) }.into())
}

/// Looks `name` up in $PATH as a shell does. Done here rather than by
/// execvp, which reports "permission denied" when some PATH directory is
/// unreadable (common for a user namespace's root) even if the command
/// simply does not exist.
fn find_program(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return Some(PathBuf::from(name));
    }
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/local/bin:/usr/bin:/bin".into());
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
}
