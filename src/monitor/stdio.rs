//! The container's standard streams as the monitor holds them: a pty whose
//! master the monitor keeps (with -t), or pipes (stdin only with -i; else
//! /dev/null, as Docker does).

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd};

use anyhow::{Context, Result};
use nix::fcntl::{fcntl, FcntlArg, FdFlag, OFlag};

use crate::runtime::builtin::ContainerStdio;

pub struct MonitorStdio {
    /// The fds the container gets, open in the monitor until the clone.
    child_ends: Vec<OwnedFd>,
    /// Where the monitor writes what attached clients type.
    pub stdin: Option<File>,
    /// Streams the monitor reads: ("stdout"|"stderr", fd).
    pub outputs: Vec<(&'static str, File)>,
    /// The pty master, for resizing.
    pub pty: Option<File>,
    container: ContainerStdio,
}

impl MonitorStdio {
    pub fn new(tty: bool, interactive: bool) -> Result<MonitorStdio> {
        if tty {
            let pty = nix::pty::openpty(None, None).context("open a pseudo-terminal for the container")?;
            for fd in [&pty.master, &pty.slave] {
                cloexec(fd)?;
            }
            let master = File::from(pty.master);
            let writer = master.try_clone().context("duplicate the pty master")?;
            let reader = master.try_clone().context("duplicate the pty master")?;
            let slave = pty.slave.as_raw_fd();
            return Ok(MonitorStdio {
                container: ContainerStdio { stdin: slave, stdout: slave, stderr: slave, console: Some(slave) },
                child_ends: vec![pty.slave],
                stdin: Some(writer),
                outputs: vec![("stdout", reader)],
                pty: Some(master),
            });
        }
        let (out_r, out_w) = nix::unistd::pipe2(OFlag::O_CLOEXEC).context("create the stdout pipe")?;
        let (err_r, err_w) = nix::unistd::pipe2(OFlag::O_CLOEXEC).context("create the stderr pipe")?;
        let (stdin_fd, stdin_writer) = if interactive {
            let (r, w) = nix::unistd::pipe2(OFlag::O_CLOEXEC).context("create the stdin pipe")?;
            (r, Some(File::from(w)))
        } else {
            let null = File::open("/dev/null").context("open /dev/null")?;
            (OwnedFd::from(null), None)
        };
        Ok(MonitorStdio {
            container: ContainerStdio {
                stdin: stdin_fd.as_raw_fd(),
                stdout: out_w.as_raw_fd(),
                stderr: err_w.as_raw_fd(),
                console: None,
            },
            child_ends: vec![stdin_fd, out_w, err_w],
            stdin: stdin_writer,
            outputs: vec![("stdout", File::from(out_r)), ("stderr", File::from(err_r))],
            pty: None,
        })
    }

    pub fn container(&self) -> &ContainerStdio {
        &self.container
    }

    /// Closes the monitor's copies of the container's ends, so that the
    /// output pipes reach EOF when the container exits.
    pub fn close_child_ends(&mut self) {
        self.child_ends.clear();
    }

    /// Sets the terminal size of the container's pty.
    pub fn resize(&self, rows: u16, cols: u16) {
        if let Some(pty) = &self.pty {
            let size = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
            // SAFETY: TIOCSWINSZ on our pty master with a valid winsize.
            unsafe { libc::ioctl(pty.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        }
    }
}

fn cloexec(fd: &OwnedFd) -> Result<()> {
    fcntl(fd.as_raw_fd(), FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).context("set close-on-exec")?;
    Ok(())
}
