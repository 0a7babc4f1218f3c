//! `volume export` and `volume import`: a volume's files as a tar stream.
//! The work is done by a child chrooted into the volume's directory (in the
//! storage namespace when rootless), so a symlink a container left in the
//! volume is read and written as a link inside it and can never make the
//! archive reach, or an import land on, the host's files.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::engine::container_fs::tree::{extract, write_tree, Top};
use crate::runtime::enter::{spawn_in, Root};
use crate::store::Store;

/// Writes the volume's content (not the directory itself) as a tar to `out`.
/// The store must be opened without entering the storage namespace.
pub fn export(store: &Store, name: &str, out: File) -> Result<()> {
    let dir = data_dir(store, name)?;
    let root = Root::Mounted { runroot: store.paths.runroot.clone(), mount: Box::new(move || Ok(dir)) };
    let what = format!("volume {name}");
    spawn_in(&what, root, move || {
        let mut out = std::io::BufWriter::new(out);
        write_tree(&mut out, Path::new("/"), None)?;
        out.flush().context("write the volume's archive")
    })?
    .wait()
    .with_context(|| format!("export volume {name}"))
}

/// Unpacks a tar stream (plain, gzip or zstd) into the volume, keeping the
/// owners and modes the archive records; what is there already stays
/// unless the archive replaces it, as Podman's import does.
pub fn import(store: &Store, name: &str, input: impl Read) -> Result<()> {
    let dir = data_dir(store, name)?;
    let root = Root::Mounted { runroot: store.paths.runroot.clone(), mount: Box::new(move || Ok(dir)) };
    let what = format!("volume {name}");
    spawn_in(&what, root, move || {
        let reader = crate::store::unpack::decompress(input)?;
        extract(reader, Path::new("/"), &Top::Keep, true).map(|_| ())
    })?
    .wait()
    .with_context(|| format!("import into volume {name}"))
}

fn data_dir(store: &Store, name: &str) -> Result<std::path::PathBuf> {
    let v = store.volumes.load(name)?;
    Ok(crate::engine::volumes::mountpoint(store, &v))
}
