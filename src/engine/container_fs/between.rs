//! `cp CONTAINER1:SRC CONTAINER2:DEST`: Podman copies between containers
//! (Docker refuses), and pontoon follows Podman. The source's tar stream
//! goes from a worker in one container to a worker in the other through a
//! pipe, and is extracted by the same rules as a copy from the host.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::copy::{close_inherited, ignore_sigpipe, receive_copy, send_copy, CpPath};
use super::enter::{self, Access};
use crate::store::containers::Container;
use crate::store::Store;

/// Copies `src` of `from` to `dest` of `to` (`keep_owners`: `-a`).
pub fn copy_between(store: &Store, from: &Container, src: &CpPath, to: &Container, dest: &CpPath, keep_owners: bool) -> Result<()> {
    let (src, dest, name, label) = (src.clone(), dest.clone(), from.record.name.clone(), src.path.display().to_string());
    let missing = move || format!("could not find the file {label} in container {name}");
    let contents_only = src.contents_only;
    if from.record.id == to.record.id {
        // One worker: two would mount a stopped container's overlay twice
        // over one upper directory, which overlay refuses (or corrupts).
        let worker = enter::spawn(store, from, Access::Live, move || {
            refuse_copy_into_itself(&src.path, &dest.path)?;
            ignore_sigpipe();
            let (r, w) = nix::unistd::pipe().context("create a pipe")?;
            let sender = std::thread::spawn(move || send_copy(w, &src, missing));
            let received = receive_copy(File::from(r), contents_only, &dest, keep_owners);
            let sent = sender.join().map_err(|_| anyhow::anyhow!("the thread sending the copy panicked"))?;
            received.map(|_| ()).and(sent)
        })?;
        return worker.wait();
    }
    let (r, w) = nix::unistd::pipe().context("create a pipe")?;
    let theirs = r.as_raw_fd();
    let sender = enter::spawn(store, from, Access::Live, move || {
        close_inherited(theirs);
        ignore_sigpipe();
        send_copy(w, &src, missing)
    })?;
    // The write end went with the sender's closure: the receiver sees EOF
    // when the sender is done.
    let receiver = enter::spawn(store, to, Access::Live, move || receive_copy(File::from(r), contents_only, &dest, keep_owners).map(|_| ()))?;
    let (sent, received) = (sender.wait(), receiver.wait());
    // A receiver's refusal explains the sender's broken pipe; a sender's
    // failure (no such file) explains a receiver that got nothing.
    received.and(sent)
}

/// Within one container, a directory copied below itself would grow as
/// it is read. Resolved in the worker, where every path is the container's.
fn refuse_copy_into_itself(src: &Path, dest: &Path) -> Result<()> {
    let Ok(src_real) = std::fs::canonicalize(src) else { return Ok(()) };
    if !src_real.is_dir() {
        return Ok(());
    }
    if let Some(dest_real) = nearest_existing(dest) {
        if dest_real.starts_with(&src_real) {
            bail!("cannot copy the directory {} into itself ({})", src.display(), dest.display());
        }
    }
    Ok(())
}

/// `path` resolved, or the nearest of its parents that exists, resolved.
fn nearest_existing(path: &Path) -> Option<PathBuf> {
    path.ancestors().find_map(|p| std::fs::canonicalize(p).ok())
}
