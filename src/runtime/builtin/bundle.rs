//! Running a bundle directory in the foreground with the caller's stdio:
//! `pontoon __run-bundle DIR`, the built-in runtime's equivalent of
//! `crun run --bundle DIR`, used to check that a bundle is the contract.

use std::path::Path;

use anyhow::{Context, Result};
use nix::sys::wait::{waitpid, WaitStatus};
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
    loop {
        match waitpid(pid, None) {
            Ok(WaitStatus::Exited(_, 0)) => return Ok(()),
            Ok(WaitStatus::Exited(_, code)) => return Err(PontoonError::ContainerExit(code).into()),
            Ok(WaitStatus::Signaled(_, sig, _)) => return Err(PontoonError::ContainerExit(128 + sig as i32).into()),
            Ok(_) | Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("wait for the container"),
        }
    }
}
