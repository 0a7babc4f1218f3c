//! Running a bundle directory in the foreground with the caller's stdio:
//! `pontoon __run-bundle DIR`, the built-in runtime's equivalent of
//! `crun run --bundle DIR`, used to check that a bundle is the contract.

use std::path::Path;

use anyhow::{Context, Result};
use nix::sys::wait::waitpid;
use oci_spec::runtime::Spec;

use super::{create, ContainerStdio};
use crate::errors::PontoonError;

pub fn run_bundle(dir: &Path) -> Result<()> {
    let config = dir.join("config.json");
    let mut spec = Spec::load(&config).with_context(|| format!("read the bundle's {}", config.display()))?;
    if let Some(root) = spec.root().clone() {
        if root.path().is_relative() {
            let mut root = root;
            root.set_path(dir.join(root.path()));
            spec.set_root(Some(root));
        }
    }
    let stdio = ContainerStdio { stdin: 0, stdout: 1, stderr: 2, console: None, console_socket: None };
    let created = create(&spec, &stdio, super::InitExtras::default())?;
    let pid = match created.release() {
        Ok(pid) => pid,
        Err(e) => {
            let _ = waitpid(None, None);
            return Err(PontoonError::StartFailed { code: e.exit_code(), message: e.to_string() }.into());
        }
    };
    match crate::runtime::wait::wait_for(pid).context("wait for the container")? {
        0 => Ok(()),
        code => Err(PontoonError::ContainerExit(code).into()),
    }
}
