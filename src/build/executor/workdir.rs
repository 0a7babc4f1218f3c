//! A step's scratch directories, and work done in a child process chrooted
//! into an image's layers with the step's own upper directory on top: how
//! COPY, ADD and WORKDIR change a filesystem without a container. The
//! kernel resolves every path inside that root, so a symlink in the image
//! can never make a copy land on the host.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::runtime::enter::{spawn_in, Root, Worker};
use crate::store::layers::remove_tree;
use crate::store::rootfs::{self, Driver};
use crate::store::Store;

/// `upper`, `work` and `merged` of one step, removed when dropped.
pub struct StepDirs {
    root: PathBuf,
    pub upper: PathBuf,
    work: PathBuf,
    merged: PathBuf,
    /// The only lower layer of a mount over no image layers (FROM scratch):
    /// overlay needs at least one.
    empty: PathBuf,
}

impl StepDirs {
    pub fn new(store: &Store) -> Result<StepDirs> {
        let base = store.paths.root.join("build-tmp");
        fs::create_dir_all(&base).with_context(|| format!("create {}", base.display()))?;
        // The pid in the name tells a killed build's leftovers (remove_stale) from a running one's.
        let prefix = format!("step-{}-", std::process::id());
        let root = tempfile::Builder::new().prefix(&prefix).tempdir_in(&base).with_context(|| format!("create a step directory in {}", base.display()))?.keep();
        let dirs = StepDirs { upper: root.join("upper"), work: root.join("work"), merged: root.join("merged"), empty: root.join("empty"), root };
        for d in [&dirs.upper, &dirs.work, &dirs.merged, &dirs.empty] {
            fs::create_dir(d).with_context(|| format!("create {}", d.display()))?;
        }
        Ok(dirs)
    }
}

impl StepDirs {
    /// `upper`, `work` and `merged`, for a mount of one's own.
    pub fn paths(&self) -> (PathBuf, PathBuf, PathBuf) {
        (self.upper.clone(), self.work.clone(), self.merged.clone())
    }
}

impl Drop for StepDirs {
    fn drop(&mut self) {
        let _ = remove_tree(&self.root);
    }
}

/// Removes the step directories of builds whose process is gone (killed
/// in the middle of a step), so that they do not pile up.
pub fn remove_stale(store: &Store) {
    let Ok(entries) = fs::read_dir(store.paths.root.join("build-tmp")) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.strip_prefix("step-").and_then(|rest| rest.split('-').next()).and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !Path::new(&format!("/proc/{p}")).exists()) {
            let _ = remove_tree(&entry.path());
        }
    }
}

/// Builds need the overlay driver: a step's layer is its upper directory.
pub fn require_overlay(store: &Store) -> Result<Driver> {
    let (driver, _) = rootfs::choose_driver(&store.paths)?;
    if driver == Driver::Vfs {
        bail!("build needs an overlay storage driver (kernel overlay or fuse-overlayfs): with vfs a step's changes cannot be told apart from its image");
    }
    Ok(driver)
}

/// Forks a child whose root is `lowers` (top first) with `dirs.upper` on
/// top, writable, and runs `work` there. `upper: None` mounts the layers
/// read-only (to read an image's files).
pub fn spawn_in_layers(store: &Store, label: &str, lowers: &[PathBuf], dirs: &StepDirs, writable: bool, work: impl FnOnce() -> Result<()>) -> Result<Worker> {
    let driver = require_overlay(store)?;
    let mut lowers = lowers.to_vec();
    if lowers.is_empty() {
        lowers.push(dirs.empty.clone());
    }
    let (upper, workdir, merged) = (dirs.upper.clone(), dirs.work.clone(), dirs.merged.clone());
    let mount = move || -> Result<PathBuf> {
        if writable {
            rootfs::mount_rootfs(&lowers, Some(&upper), Some(&workdir), &merged, driver)?;
        } else {
            rootfs::mount_rootfs(&lowers, None, None, &merged, driver)?;
        }
        Ok(merged)
    };
    spawn_in(label, Root::Mounted { runroot: store.paths.runroot.clone(), mount: Box::new(mount) }, work)
}

/// `mkdir -p` of `path` in the image, as WORKDIR does: missing directories
/// are made 0755, owned by root (or the stage's USER, as Docker does).
pub fn make_dir_all(path: &Path, owner: Option<(u32, u32)>) -> Result<()> {
    let mut at = PathBuf::from("/");
    for part in path.components().skip(1) {
        at.push(part);
        match fs::metadata(&at) {
            Ok(m) if m.is_dir() => continue,
            Ok(_) => bail!("{} exists in the image and is not a directory", at.display()),
            Err(_) => {
                fs::create_dir(&at).with_context(|| format!("create {}", at.display()))?;
                if let Some((uid, gid)) = owner {
                    std::os::unix::fs::lchown(&at, Some(uid), Some(gid)).with_context(|| format!("chown {}", at.display()))?;
                }
            }
        }
    }
    Ok(())
}
