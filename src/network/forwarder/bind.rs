//! Binding the host side of published ports, before the container starts:
//! every listener or none (an error drops those already bound), and errors
//! a user can act on (a port in use, a privileged port rootless).

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::path::Path;

use thiserror::Error;

use super::socket::{bind_udp, listen_tcp};
use crate::spec::ports::{PortMapping, Protocol};

/// The kernel's lowest port an unprivileged process may bind.
const UNPRIVILEGED_PORT_START: &str = "/proc/sys/net/ipv4/ip_unprivileged_port_start";

/// How many random ports to try for one that is free on both 0.0.0.0 and
/// [::] (another program may hold the IPv6 side of the kernel's pick).
const RANDOM_PORT_TRIES: usize = 8;

#[derive(Debug, Error)]
pub enum ForwardError {
    #[error("host port {port}/{protocol} is already in use ({addr}): stop what uses it or publish another port")]
    PortInUse { port: u16, protocol: Protocol, addr: SocketAddr },
    #[error("no host port of {first}-{last}/{protocol} is free on {ip}: stop what uses them or publish another range")]
    RangeInUse { first: u16, last: u16, protocol: Protocol, ip: IpAddr },
    #[error(
        "host port {port}/{protocol} is below net.ipv4.ip_unprivileged_port_start={start}, so rootless pontoon may not bind it: \
         publish a port >= {start}, or allow it as root with `sysctl -w net.ipv4.ip_unprivileged_port_start={port}`"
    )]
    PrivilegedPort { port: u16, protocol: Protocol, start: u16 },
    #[error("cannot publish on {ip}: it is not an address of this host: give one of its addresses, or none for all of them")]
    AddressNotAvailable { ip: IpAddr },
    #[error("bind host port {addr} ({protocol}): {source}")]
    Bind { addr: SocketAddr, protocol: Protocol, source: io::Error },
}

/// A listening socket of one published port.
pub(super) enum Socket {
    Tcp(TcpListener),
    Udp(UdpSocket),
}

impl Socket {
    fn open(protocol: Protocol, addr: SocketAddr) -> io::Result<Socket> {
        Ok(match protocol {
            Protocol::Tcp => Socket::Tcp(listen_tcp(addr)?),
            Protocol::Udp => Socket::Udp(bind_udp(addr)?),
        })
    }

    fn local_port(&self) -> io::Result<u16> {
        Ok(match self {
            Socket::Tcp(l) => l.local_addr()?.port(),
            Socket::Udp(s) => s.local_addr()?.port(),
        })
    }

    fn raw_fd(&self) -> RawFd {
        match self {
            Socket::Tcp(l) => l.as_raw_fd(),
            Socket::Udp(s) => s.as_raw_fd(),
        }
    }
}

/// One listener, with the mapping it serves as resolved: a concrete host
/// address and the host port actually bound.
pub(super) struct Listener {
    pub mapping: PortMapping,
    pub socket: Socket,
}

/// Every listener of a container's published ports, bound and ready for
/// [`super::spawn`]. Dropping it closes them all.
pub struct Bound {
    pub(super) listeners: Vec<Listener>,
}

impl std::fmt::Debug for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.listeners.iter().map(|l| &l.mapping)).finish()
    }
}

impl Bound {
    /// The mappings as bound, one per listener: what `port`, `ps` and
    /// `inspect` show (ContainerState::ports). A mapping on every address
    /// is two here, 0.0.0.0 and [::] (when the host has IPv6).
    pub fn mappings(&self) -> Vec<PortMapping> {
        self.listeners.iter().map(|l| l.mapping.clone()).collect()
    }

    /// The listeners' descriptors, which the forwarder process keeps.
    pub(super) fn fds(&self) -> Vec<RawFd> {
        self.listeners.iter().map(|l| l.socket.raw_fd()).collect()
    }
}

/// Binds a listener for every mapping in the current network namespace
/// (the host's): TCP listens, UDP binds, on the mapping's address or on
/// 0.0.0.0 and [::] (an IPv6 failure alone is not fatal, as in Docker);
/// host port 0 takes a port the kernel picks. On any error nothing stays
/// bound. `rootless` words the error for a privileged port.
pub fn bind(mappings: &[PortMapping], rootless: bool) -> Result<Bound, ForwardError> {
    bind_with(mappings, rootless, Path::new(UNPRIVILEGED_PORT_START))
}

/// [`bind`], reading the unprivileged port limit from `sysctl`.
pub(super) fn bind_with(mappings: &[PortMapping], rootless: bool, sysctl: &Path) -> Result<Bound, ForwardError> {
    let mut bound = Bound { listeners: Vec::new() };
    for m in mappings {
        // On error `bound` is dropped here, closing what was bound before.
        bound.listeners.extend(bind_mapping(m, rootless, sysctl)?);
    }
    Ok(bound)
}

fn bind_mapping(m: &PortMapping, rootless: bool, sysctl: &Path) -> Result<Vec<Listener>, ForwardError> {
    let ip = m.host_ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    match m.host_port_end {
        Some(last) if m.host_port != 0 => {
            for port in m.host_port..=last {
                match bind_port(m, ip, port) {
                    Ok(listeners) => return Ok(listeners),
                    Err(e) if e.kind() == io::ErrorKind::AddrInUse => continue,
                    Err(e) => return Err(classify(e, m, SocketAddr::new(ip, port), rootless, sysctl)),
                }
            }
            Err(ForwardError::RangeInUse { first: m.host_port, last, protocol: m.protocol, ip })
        }
        _ => bind_port(m, ip, m.host_port).map_err(|e| classify(e, m, SocketAddr::new(ip, m.host_port), rootless, sysctl)),
    }
}

/// The listeners of one mapping on one host port: the address asked, or
/// 0.0.0.0 then [::] on the same port.
fn bind_port(m: &PortMapping, ip: IpAddr, port: u16) -> io::Result<Vec<Listener>> {
    let mut tries_left = if m.host_ip.is_none() && port == 0 { RANDOM_PORT_TRIES } else { 1 };
    loop {
        tries_left -= 1;
        let first = Socket::open(m.protocol, SocketAddr::new(ip, port))?;
        let real = first.local_port()?;
        let mut listeners = vec![listener(m, ip, real, first)];
        if m.host_ip.is_some() {
            return Ok(listeners);
        }
        match Socket::open(m.protocol, SocketAddr::new(IpAddr::V6(Ipv6Addr::UNSPECIFIED), real)) {
            Ok(v6) => listeners.push(listener(m, IpAddr::V6(Ipv6Addr::UNSPECIFIED), real, v6)),
            // Someone holds [::]:real: a random port may be picked again.
            Err(e) if e.kind() == io::ErrorKind::AddrInUse && tries_left > 0 => continue,
            // No IPv6 on this host, or its side taken: IPv4 alone.
            Err(_) => {}
        }
        return Ok(listeners);
    }
}

fn listener(m: &PortMapping, ip: IpAddr, port: u16, socket: Socket) -> Listener {
    let mapping = PortMapping { host_ip: Some(ip), host_port: port, host_port_end: None, ..m.clone() };
    Listener { mapping, socket }
}

/// The error a user reads for a failed bind.
pub(super) fn classify(e: io::Error, m: &PortMapping, addr: SocketAddr, rootless: bool, sysctl: &Path) -> ForwardError {
    match e.raw_os_error() {
        Some(libc::EADDRINUSE) => ForwardError::PortInUse { port: addr.port(), protocol: m.protocol, addr },
        Some(libc::EADDRNOTAVAIL) => ForwardError::AddressNotAvailable { ip: addr.ip() },
        Some(libc::EACCES) if rootless => match unprivileged_port_start(sysctl) {
            Some(start) if addr.port() < start => ForwardError::PrivilegedPort { port: addr.port(), protocol: m.protocol, start },
            _ => ForwardError::Bind { addr, protocol: m.protocol, source: e },
        },
        _ => ForwardError::Bind { addr, protocol: m.protocol, source: e },
    }
}

/// net.ipv4.ip_unprivileged_port_start, None when it cannot be read.
fn unprivileged_port_start(path: &Path) -> Option<u16> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}
