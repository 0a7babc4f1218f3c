//! How a pontoon process gets to its store, and the hidden entry points
//! that run as processes of their own: a container's monitor
//! (`__monitor`) and the built-in runtime run on a bundle.

use std::path::Path;

use anyhow::Result;

use crate::store::paths::StorePaths;
use crate::store::Store;

pub use crate::monitor::MonitorArgs;

/// Opens the store, first entering the rootless storage namespace when
/// not root. Call before any thread is started.
pub fn open_store(paths: &StorePaths) -> Result<Store> {
    crate::runtime::userns::enter_storage_namespace(&paths.runroot)?;
    Store::open(paths)
}

/// `pontoon __monitor`: supervises one container until it is gone.
pub fn monitor(paths: &StorePaths, args: MonitorArgs) -> Result<()> {
    // Before anything is opened (the store included): what the caller of
    // `run` had open must not reach the container through us.
    crate::monitor::close_inherited_fds(args.sync_fd, args.preserve_fds);
    crate::engine::monitor_exe::check_engine_version().map_err(anyhow::Error::msg)?;
    let store = open_store(paths)?;
    crate::monitor::run(&store, args)
}

/// `pontoon healthcheck run`: the container's healthcheck once, recorded
/// (the monitor's timer starts this same command).
pub fn healthcheck_run(store: &Store, name: &str) -> Result<crate::monitor::health::CheckOutcome> {
    crate::monitor::health::run_check(store, name)
}

/// Runs an OCI bundle with the built-in runtime, inside the storage
/// namespace.
/// A program on pontoon's own $PATH (`pontoon unshare CMD`).
pub fn find_command(name: &str) -> Option<std::path::PathBuf> {
    crate::runtime::search_path::find_on_host(name)
}

pub fn run_bundle(paths: &StorePaths, bundle: &Path) -> Result<()> {
    crate::runtime::userns::enter_storage_namespace(&paths.runroot)?;
    crate::runtime::builtin::run_bundle(bundle)
}
