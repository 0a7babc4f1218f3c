//! A minimal /dev: the host's harmless devices bind-mounted in (mknod is
//! not allowed in a user namespace, and binds work the same as root), the
//! usual symlinks, and the pty as /dev/console.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use nix::mount::{mount, MsFlags};

use super::init::setup;
use super::StartError;

const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom", "tty"];
const LINKS: &[(&str, &str)] = &[
    ("fd", "/proc/self/fd"),
    ("stdin", "/proc/self/fd/0"),
    ("stdout", "/proc/self/fd/1"),
    ("stderr", "/proc/self/fd/2"),
    ("ptmx", "pts/ptmx"),
    ("core", "/proc/kcore"),
];

pub fn populate(dev: &Path) -> Result<(), StartError> {
    for name in DEVICES {
        let target = dev.join(name);
        fs::File::create(&target).map_err(|e| setup(format!("create {}: {e}", target.display())))?;
        let host = Path::new("/dev").join(name);
        mount(Some(&host), &target, None::<&str>, MsFlags::MS_BIND, None::<&str>)
            .map_err(|e| setup(format!("bind {} into the container: {e}", host.display())))?;
    }
    for (name, to) in LINKS {
        let link = dev.join(name);
        if link.symlink_metadata().is_err() {
            symlink(to, &link).map_err(|e| setup(format!("create {}: {e}", link.display())))?;
        }
    }
    Ok(())
}

/// Binds the container's pty slave onto /dev/console.
pub fn bind_console(dev: &Path, console_fd: i32) -> Result<(), StartError> {
    let slave = fs::read_link(format!("/proc/self/fd/{console_fd}")).map_err(|e| setup(format!("find the pty: {e}")))?;
    let console = dev.join("console");
    fs::File::create(&console).map_err(|e| setup(format!("create {}: {e}", console.display())))?;
    mount(Some(&slave), &console, None::<&str>, MsFlags::MS_BIND, None::<&str>)
        .map_err(|e| setup(format!("bind {} as /dev/console: {e}", slave.display())))
}
