//! TCP: accept on the host's side, connect to the container's loopback
//! from inside its network namespace, and relay both directions with
//! splice(2) until both are closed.

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::Arc;
use std::time::Duration;

use nix::fcntl::{fcntl, FcntlArg, OFlag};

use super::process::{enter_netns, spawn_thread};

/// The pipe between the two sockets; 1 MiB (the default pipe-max-size)
/// moves a loopback's worth of data per pair of splice calls. A smaller
/// pipe is used when the kernel refuses this one.
const PIPE_SIZE: usize = 1 << 20;

/// Serves one TCP listener for ever: each connection gets a relay.
/// Connection threads are started from this one after it entered the
/// container's namespace, and threads inherit their creator's namespaces,
/// so each relay connects from inside it.
pub(super) fn serve(listener: TcpListener, container_port: u16, netns: Option<Arc<OwnedFd>>) {
    if let Err(e) = enter_netns(netns.as_deref()) {
        eprintln!("pontoon: port forwarder: {e}: port {container_port}/tcp is not forwarded");
        return;
    }
    loop {
        match listener.accept() {
            Ok((client, _)) => spawn_thread("tcp relay", move || relay(client, container_port)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                // Out of descriptors or memory: back off rather than spin;
                // the connection waits in the backlog.
                eprintln!("pontoon: port forwarder: accept for port {container_port}/tcp: {e}");
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// Connects to the container's port on 127.0.0.1, then on [::1] (a server
/// listening on IPv6 only) when refused.
fn connect_container(port: u16) -> io::Result<TcpStream> {
    match TcpStream::connect(SocketAddr::from((Ipv4Addr::LOCALHOST, port))) {
        Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => TcpStream::connect(SocketAddr::from((Ipv6Addr::LOCALHOST, port))).or(Err(e)),
        other => other,
    }
}

/// Relays one client connection. When the container's port does not
/// answer, the client's connection is closed at once (no hang).
fn relay(client: TcpStream, container_port: u16) {
    let Ok(upstream) = connect_container(container_port) else { return };
    // Data goes out as it arrives: the relay must not add Nagle's delay
    // to a request or an answer.
    let _ = client.set_nodelay(true);
    let _ = upstream.set_nodelay(true);
    let (Ok(client2), Ok(upstream2)) = (client.try_clone(), upstream.try_clone()) else { return };
    let back = std::thread::Builder::new()
        .name("tcp relay".into())
        .stack_size(super::process::THREAD_STACK)
        .spawn(move || pump(&upstream2, &client2));
    pump(&client, &upstream);
    if let Ok(back) = back {
        let _ = back.join();
    } else {
        let _ = client.shutdown(Shutdown::Both);
    }
}

/// Copies `from` to `to` until `from` ends, then passes the half-close on
/// (shutdown of `to`'s write side), so that a client that shuts down its
/// sending side still reads the answer. A failure (a reset) ends both
/// directions of both connections.
fn pump(from: &TcpStream, to: &TcpStream) {
    match copy(from, to) {
        Ok(_) => {
            let _ = to.shutdown(Shutdown::Write);
        }
        Err(_) => {
            let _ = from.shutdown(Shutdown::Both);
            let _ = to.shutdown(Shutdown::Both);
        }
    }
}

/// splice(2) from socket to pipe to socket: the bytes never enter this
/// process. Returns how many moved.
pub(super) fn copy(from: &impl AsFd, to: &impl AsFd) -> io::Result<u64> {
    let (pipe_r, pipe_w) = nix::unistd::pipe2(OFlag::O_CLOEXEC)?;
    let chunk = match fcntl(pipe_w.as_raw_fd(), FcntlArg::F_SETPIPE_SZ(PIPE_SIZE as libc::c_int)) {
        Ok(size) if size > 0 => size as usize,
        _ => 64 * 1024,
    };
    let mut total = 0u64;
    loop {
        let n = retry(|| splice(from, &pipe_w, chunk))?;
        if n == 0 {
            return Ok(total);
        }
        let mut left = n;
        while left > 0 {
            let m = retry(|| splice(&pipe_r, to, left))?;
            if m == 0 {
                return Err(io::ErrorKind::WriteZero.into());
            }
            left -= m;
        }
        total += n as u64;
    }
}

/// splice(2) without offsets (both ends are a socket or a pipe). nix
/// hides it behind a feature pontoon does not build, so libc is called.
fn splice(from: &impl AsFd, to: &impl AsFd, len: usize) -> nix::Result<usize> {
    // SAFETY: splice between two descriptors borrowed for the call, with
    // null offsets (neither is a file); it touches no memory of ours.
    let n = unsafe {
        libc::splice(from.as_fd().as_raw_fd(), std::ptr::null_mut(), to.as_fd().as_raw_fd(), std::ptr::null_mut(), len, libc::SPLICE_F_MOVE)
    };
    nix::errno::Errno::result(n).map(|n| n as usize)
}

fn retry(mut call: impl FnMut() -> nix::Result<usize>) -> io::Result<usize> {
    loop {
        match call() {
            Err(nix::errno::Errno::EINTR) => continue,
            other => return other.map_err(io::Error::from),
        }
    }
}
