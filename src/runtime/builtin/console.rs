//! The container's terminal, made inside it: a pty of the container's own
//! devpts instance (so `tty` names a /dev/pts/N that exists inside), whose
//! master goes back to pontoon (the monitor, or `exec -t`) over a unix
//! socket with SCM_RIGHTS, as runc's console socket does.

use std::io::IoSlice;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;

use anyhow::{bail, Result};
use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::sys::socket::{self, ControlMessage, ControlMessageOwned, MsgFlags};

/// A pty: the master for pontoon, the slave for the process.
pub struct Pty {
    pub master: OwnedFd,
    pub slave: OwnedFd,
}

/// Opens a new pty through `ptmx` (the devpts instance's own ptmx node).
pub fn open_pty(ptmx: &Path) -> nix::Result<Pty> {
    let flags = OFlag::O_RDWR | OFlag::O_NOCTTY | OFlag::O_CLOEXEC;
    let raw = nix::fcntl::open(ptmx, flags, nix::sys::stat::Mode::empty())?;
    // SAFETY: open just returned this fd; nobody else owns it.
    let master = unsafe { OwnedFd::from_raw_fd(raw) };
    let unlock: libc::c_int = 0;
    // SAFETY: TIOCSPTLCK with a pointer to an int we own.
    if unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSPTLCK, &unlock) } < 0 {
        return Err(Errno::last());
    }
    // The slave of this very master, without a path lookup (which could
    // resolve to another devpts instance).
    // SAFETY: TIOCGPTPEER takes open flags and returns a new fd.
    let slave = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCGPTPEER, flags.bits()) };
    if slave < 0 {
        return Err(Errno::last());
    }
    // SAFETY: the ioctl just returned this fd.
    Ok(Pty { master, slave: unsafe { OwnedFd::from_raw_fd(slave) } })
}

/// Sets the terminal size of a pty (through either end).
pub fn set_size(fd: &OwnedFd, rows: u16, cols: u16) {
    let size = libc::winsize { ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCSWINSZ on a pty fd we own, with a valid winsize.
    unsafe { libc::ioctl(fd.as_raw_fd(), libc::TIOCSWINSZ, &size) };
}

/// Sends `fd` over the unix socket `sock`.
pub fn send_fd(sock: RawFd, fd: &OwnedFd) -> nix::Result<()> {
    let fds = [fd.as_raw_fd()];
    let cmsg = [ControlMessage::ScmRights(&fds)];
    socket::sendmsg::<()>(sock, &[IoSlice::new(b"p")], &cmsg, MsgFlags::empty(), None).map(|_| ())
}

/// Receives one fd sent with [`send_fd`] (close-on-exec).
pub fn receive_fd(sock: RawFd) -> Result<OwnedFd> {
    let mut byte = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut byte)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let msg = socket::recvmsg::<()>(sock, &mut iov, Some(&mut space), MsgFlags::MSG_CMSG_CLOEXEC)?;
    for cmsg in msg.cmsgs()? {
        if let ControlMessageOwned::ScmRights(fds) = cmsg {
            if let Some(fd) = fds.first() {
                // SAFETY: the kernel just gave us this fd; nobody else owns it.
                return Ok(unsafe { OwnedFd::from_raw_fd(*fd) });
            }
        }
    }
    bail!("the container's process sent no terminal")
}

/// A connected pair of unix stream sockets, close-on-exec.
pub fn socket_pair() -> nix::Result<(OwnedFd, OwnedFd)> {
    socket::socketpair(socket::AddressFamily::Unix, socket::SockType::Stream, None, socket::SockFlag::SOCK_CLOEXEC)
}
