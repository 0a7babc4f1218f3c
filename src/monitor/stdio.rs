//! The container's standard streams as the monitor holds them: a pty whose
//! master the monitor keeps (with -t; the init makes it in the container's
//! devpts and sends the master back), or pipes (stdin only with -i; else
//! /dev/null, as Docker does).

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd};

use anyhow::{Context, Result};
use nix::fcntl::OFlag;

use crate::runtime::builtin::console::{receive_fd, socket_pair};
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
    /// Where the container's init sends the pty master (with a terminal).
    console_socket: Option<OwnedFd>,
    /// A size asked for before the pty arrived.
    pending_size: Option<(u16, u16)>,
    container: ContainerStdio,
}

impl MonitorStdio {
    pub fn new(tty: bool, interactive: bool) -> Result<MonitorStdio> {
        if tty {
            // The container's init makes the pty in its own devpts and
            // sends the master back on this socket (see receive_console).
            let (mine, theirs) = socket_pair().context("create the console socket")?;
            return Ok(MonitorStdio {
                container: ContainerStdio { stdin: -1, stdout: -1, stderr: -1, console: None, console_socket: Some(theirs.as_raw_fd()) },
                child_ends: vec![theirs],
                stdin: None,
                outputs: Vec::new(),
                pty: None,
                console_socket: Some(mine),
                pending_size: None,
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
                console_socket: None,
            },
            child_ends: vec![stdin_fd, out_w, err_w],
            stdin: stdin_writer,
            outputs: vec![("stdout", File::from(out_r)), ("stderr", File::from(err_r))],
            pty: None,
            console_socket: None,
            pending_size: None,
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

    /// Takes the pty master the container's init sent (with a terminal;
    /// call once the init has exec'd, which it does only after sending).
    pub fn receive_console(&mut self) -> Result<()> {
        let Some(sock) = self.console_socket.take() else { return Ok(()) };
        let master = receive_fd(sock.as_raw_fd()).context("receive the container's terminal")?;
        self.adopt_console(master)
    }

    /// Takes `master` as the container's terminal (from the built-in init,
    /// or from an external runtime's console socket).
    pub fn adopt_console(&mut self, master: OwnedFd) -> Result<()> {
        self.console_socket = None;
        let master = File::from(master);
        self.stdin = Some(master.try_clone().context("duplicate the pty master")?);
        self.outputs = vec![("stdout", master.try_clone().context("duplicate the pty master")?)];
        self.pty = Some(master);
        if let Some((rows, cols)) = self.pending_size.take() {
            self.resize(rows, cols);
        }
        Ok(())
    }

    /// Sets the terminal size of the container's pty.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        match &self.pty {
            Some(pty) => {
                let size = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
                // SAFETY: TIOCSWINSZ on our pty master with a valid winsize.
                unsafe { libc::ioctl(pty.as_raw_fd(), libc::TIOCSWINSZ, &size) };
            }
            None => self.pending_size = Some((rows, cols)),
        }
    }
}
