//! rtnetlink spoken by pontoon itself: the links, addresses and routes of
//! a container's attachment, made with one request each on a socket of
//! the namespace they belong to, instead of `ip` processes (~10 ms each,
//! against well under 1 ms for a request).
//!
//! Why our own module and not the netlink-packet-route crates: pontoon
//! makes seven kinds of request and reads three kinds of reply, a few
//! hundred lines with their tests (see [`message`]); those crates model
//! the whole protocol, add several dependencies and their API has broken
//! at nearly every release, and every byte of code weighs on the
//! monitor's memory (the binary is mapped into each one).
//!
//! A netlink socket acts on the namespace it was made in, for its whole
//! life: [`Netlink::open`] makes the socket on a short-lived thread that
//! has joined the namespace, so that the caller's thread never moves.

pub mod message;

use std::net::IpAddr;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use anyhow::{anyhow, bail, Context, Result};

use message::{LinkInfo, Request};

/// A netlink route socket in one network namespace.
pub struct Netlink {
    fd: OwnedFd,
    seq: u32,
    /// Which namespace, for error messages.
    ns: String,
}

/// How the errors name a namespace: "the host's network namespace" for
/// ours, the kernel's `net:[INODE]` otherwise.
pub fn describe_ns(ns: Option<BorrowedFd>) -> String {
    match ns {
        None => "the host's network namespace".to_string(),
        Some(fd) => match nix::sys::stat::fstat(fd.as_raw_fd()) {
            Ok(st) => format!("network namespace net:[{}]", st.st_ino),
            Err(_) => "a network namespace".to_string(),
        },
    }
}

impl Netlink {
    /// A socket in `ns` (ours when `None`).
    pub fn open(ns: Option<BorrowedFd>) -> Result<Netlink> {
        let label = describe_ns(ns);
        let fd = match ns {
            None => socket(),
            Some(ns) => std::thread::scope(|scope| {
                scope
                    .spawn(|| {
                        nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWNET).with_context(|| format!("join {label}"))?;
                        socket()
                    })
                    .join()
                    .unwrap_or_else(|_| Err(anyhow!("the thread opening a netlink socket panicked")))
            }),
        }
        .with_context(|| format!("open a netlink socket in {label}"))?;
        Ok(Netlink { fd, seq: 0, ns: label })
    }

    pub fn namespace(&self) -> &str {
        &self.ns
    }

    /// The link `name`, or `None` when there is none.
    pub fn link(&mut self, name: &str) -> Result<Option<LinkInfo>> {
        let mut found = None;
        let what = format!("read the network interface {name} in {}", self.ns);
        // No such link leaves `found` empty.
        self.on_named_link(message::get_link(name), &what, |reply| {
            if reply.kind == message::RTM_NEWLINK {
                found = message::parse_link(reply.payload);
            }
        })?;
        Ok(found)
    }

    /// The addresses (with prefix lengths) of the link `index`, link-local
    /// ones included.
    pub fn addresses(&mut self, index: u32) -> Result<Vec<(IpAddr, u8)>> {
        self.dump(message::dump_addresses, |reply| match message::parse_address(reply.payload) {
            Some((i, ip, prefix)) if reply.kind == message::RTM_NEWADDR && i == index => Some((ip, prefix)),
            _ => None,
        })
        .map_err(|e| self.error(e, &format!("list the addresses in {}", self.ns)))
    }

    /// Makes a veth pair (see [`message::Veth`]).
    pub fn add_veth(&mut self, veth: &message::Veth) -> Result<()> {
        self.ack(message::new_veth(veth), &format!("create the veth pair {} / {} in {}", veth.name, veth.peer_name, self.ns))
    }

    pub fn add_bridge(&mut self, name: &str, mac: [u8; 6], mtu: Option<u32>) -> Result<()> {
        self.ack(message::new_bridge(name, mac, mtu), &format!("create the bridge {name} in {}", self.ns))
    }

    /// Sets the link `name` (index `index`) up and/or its MTU.
    pub fn set_link(&mut self, name: &str, index: u32, up: bool, mtu: Option<u32>) -> Result<()> {
        let change = match (up, mtu) {
            (true, Some(m)) => format!("set {name} up with MTU {m}"),
            (true, None) => format!("set {name} up"),
            (false, Some(m)) => format!("set the MTU of {name} to {m}"),
            (false, None) => return Ok(()),
        };
        self.ack(message::set_link(index, up, mtu), &format!("{change} in {}", self.ns))
    }

    /// Takes the link `name` down; false when there was none.
    pub fn set_down(&mut self, name: &str) -> Result<bool> {
        let what = format!("take the network interface {name} down in {}", self.ns);
        self.on_named_link(message::set_down_by_name(name), &what, |_| {})
    }

    /// Deletes the link `name`; false when there was none.
    pub fn delete_link(&mut self, name: &str) -> Result<bool> {
        let what = format!("delete the network interface {name} in {}", self.ns);
        self.on_named_link(message::del_link(name), &what, |_| {})
    }

    pub fn add_address(&mut self, name: &str, index: u32, address: IpAddr, prefix_len: u8) -> Result<()> {
        self.ack(message::new_address(index, address, prefix_len), &format!("add the address {address}/{prefix_len} to {name} in {}", self.ns))
    }

    pub fn add_default_route(&mut self, name: &str, index: u32, gateway: IpAddr) -> Result<()> {
        self.ack(message::new_default_route(index, gateway), &format!("add the default route via {gateway} dev {name} in {}", self.ns))
    }

    fn ack(&mut self, request: Request, what: &str) -> Result<()> {
        self.exchange(request, |_| {}).map(|_| ()).map_err(|e| self.error(e, what))
    }

    /// A request about the link `name`, found by name: false when there is
    /// no such link (ENODEV), which the callers take as nothing to do.
    fn on_named_link(&mut self, request: Request, what: &str, each: impl FnMut(&message::Reply)) -> Result<bool> {
        match self.exchange(request, each) {
            Ok(_) => Ok(true),
            Err(Errno(libc::ENODEV, _)) => Ok(false),
            Err(e) => Err(self.error(e, what)),
        }
    }

    /// The replies of a dump that `pick` keeps. A dump the kernel marks
    /// interrupted (links or addresses changed while it ran, as when other
    /// containers start) may have missed or repeated some: it is made again.
    fn dump<T>(&mut self, request: fn() -> Request, mut pick: impl FnMut(&message::Reply) -> Option<T>) -> Result<Vec<T>, Errno> {
        until_consistent(|| {
            let mut found = Vec::new();
            let outcome = self.exchange(request(), |reply| found.extend(pick(reply)))?;
            Ok((outcome, found))
        })
    }

    /// One clear line per failure: what was done, where, and why.
    fn error(&self, Errno(errno, kernel): Errno, what: &str) -> anyhow::Error {
        let why = match errno {
            libc::EEXIST => "it already exists".to_string(),
            libc::ENODEV => "no such network interface".to_string(),
            libc::EPERM | libc::EACCES => "not permitted (this needs CAP_NET_ADMIN over the namespace)".to_string(),
            _ => std::io::Error::from_raw_os_error(errno).to_string(),
        };
        match kernel {
            Some(k) => anyhow!("{what}: {why} ({k})"),
            None => anyhow!("{what}: {why}"),
        }
    }

    /// Sends `request`, hands every message of the reply to `each` and
    /// returns once the kernel has said it is done: an acknowledgement, an
    /// error, the end of a dump, or the one answer of a plain get.
    fn exchange(&mut self, request: Request, mut each: impl FnMut(&message::Reply)) -> Result<Outcome, Errno> {
        self.seq = self.seq.wrapping_add(1);
        let seq = self.seq;
        let bytes = request.finish(seq);
        let flags = u16::from_ne_bytes([bytes[6], bytes[7]]);
        let wants_ack = flags & (message::NLM_F_ACK | message::NLM_F_DUMP) != 0;
        // SAFETY: a zeroed sockaddr_nl is a valid "the kernel" address.
        let mut kernel: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
        kernel.nl_family = libc::AF_NETLINK as libc::sa_family_t;
        // SAFETY: the buffer and the address are valid for the call.
        let sent = unsafe {
            libc::sendto(
                self.fd.as_raw_fd(),
                bytes.as_ptr().cast(),
                bytes.len(),
                0,
                (&kernel as *const libc::sockaddr_nl).cast(),
                std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
            )
        };
        if sent < 0 {
            return Err(Errno(last_errno(), None));
        }
        let mut buf = vec![0u8; 32 * 1024];
        let mut interrupted = false;
        loop {
            let got = self.recv(&mut buf)?;
            if let Some(end) = absorb(&buf[..got], seq, wants_ack, &mut interrupted, &mut each) {
                return end;
            }
        }
    }

    /// Receives one datagram into `buf`, first growing it to the size of
    /// the datagram waiting: a datagram longer than the buffer would be cut,
    /// its end lost, and a plain get would then wait for its answer forever.
    fn recv(&self, buf: &mut Vec<u8>) -> Result<usize, Errno> {
        loop {
            // MSG_TRUNC makes a netlink recv report the datagram's whole
            // length; MSG_PEEK leaves it queued for the read that follows.
            let waiting = self.recv_flags(buf, libc::MSG_PEEK | libc::MSG_TRUNC)?;
            if waiting > buf.len() {
                buf.resize(waiting, 0);
                continue;
            }
            // Only this thread reads the socket: this is the datagram peeked.
            return received(self.recv_flags(buf, libc::MSG_TRUNC)?, buf.len());
        }
    }

    fn recv_flags(&self, buf: &mut [u8], flags: libc::c_int) -> Result<usize, Errno> {
        loop {
            // SAFETY: buf is valid for writes of its length.
            let got = unsafe { libc::recv(self.fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len(), flags) };
            if got >= 0 {
                return Ok(got as usize);
            }
            match last_errno() {
                libc::EINTR => continue,
                errno => return Err(Errno(errno, None)),
            }
        }
    }
}

/// How a request ended: a dump may be complete or marked interrupted.
#[derive(Debug, PartialEq)]
enum Outcome {
    Done,
    Interrupted,
}

/// Attempts at a dump that keeps being interrupted; each is a fraction of a
/// millisecond, and changes come in bursts (a few containers starting).
const DUMP_ATTEMPTS: u32 = 5;

/// Runs `attempt` until it ends [`Outcome::Done`], [`DUMP_ATTEMPTS`] times
/// at most.
fn until_consistent<T>(mut attempt: impl FnMut() -> Result<(Outcome, T), Errno>) -> Result<T, Errno> {
    for _ in 0..DUMP_ATTEMPTS {
        if let (Outcome::Done, found) = attempt()? {
            return Ok(found);
        }
    }
    Err(Errno(libc::EAGAIN, Some(format!("the dump was interrupted by changes {DUMP_ATTEMPTS} times in a row"))))
}

/// The length of a datagram read (as MSG_TRUNC reports it) into a buffer of
/// `capacity` bytes: longer means it was cut, which [`Netlink::recv`]
/// avoids, so this is a guard, not a path taken.
fn received(len: usize, capacity: usize) -> Result<usize, Errno> {
    if len > capacity {
        return Err(Errno(libc::EMSGSIZE, Some(format!("a reply of {len} bytes was cut to {capacity}"))));
    }
    Ok(len)
}

/// Hands the messages of one datagram answering request `seq` to `each`;
/// `Some` once the request is over. `interrupted` carries over datagrams:
/// the kernel may mark any part of a dump.
fn absorb(
    datagram: &[u8],
    seq: u32,
    wants_ack: bool,
    interrupted: &mut bool,
    each: &mut impl FnMut(&message::Reply),
) -> Option<Result<Outcome, Errno>> {
    let replies = match message::split(datagram) {
        Ok(replies) => replies,
        Err(cut) => return Some(Err(Errno(libc::EPROTO, Some(cut.to_string())))),
    };
    let outcome = |interrupted: bool| if interrupted { Outcome::Interrupted } else { Outcome::Done };
    for reply in replies {
        if reply.seq != seq {
            continue; // an answer to an earlier request we gave up on
        }
        *interrupted |= reply.interrupted();
        match reply.kind {
            message::NLMSG_ERROR => {
                return Some(match message::parse_error(&reply) {
                    (0, _) => Ok(outcome(*interrupted)),
                    (errno, kernel) => Err(Errno(errno, kernel)),
                })
            }
            message::NLMSG_DONE => {
                return Some(match message::done_errno(&reply) {
                    0 => Ok(outcome(*interrupted)),
                    errno => Err(Errno(errno, None)),
                })
            }
            _ => {
                each(&reply);
                if !wants_ack && reply.flags & message::NLM_F_MULTI == 0 {
                    return Some(Ok(outcome(*interrupted)));
                }
            }
        }
    }
    None
}

/// A failed request: the errno and the kernel's explanation, if any.
#[derive(Debug, PartialEq)]
struct Errno(i32, Option<String>);

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn socket() -> Result<OwnedFd> {
    // SAFETY: plain system calls; the fd is owned as soon as it exists.
    unsafe {
        let raw = libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, libc::NETLINK_ROUTE);
        if raw < 0 {
            return Err(std::io::Error::last_os_error()).context("socket(AF_NETLINK)");
        }
        let fd = OwnedFd::from_raw_fd(raw);
        // Ask for the kernel's own reason in errors (extended acks), and
        // for errors without a copy of our request (capped acks). Both
        // are optional: old kernels just give the errno.
        let one: libc::c_int = 1;
        for option in [libc::NETLINK_EXT_ACK, libc::NETLINK_CAP_ACK] {
            libc::setsockopt(fd.as_raw_fd(), libc::SOL_NETLINK, option, (&one as *const libc::c_int).cast(), std::mem::size_of::<libc::c_int>() as libc::socklen_t);
        }
        Ok(fd)
    }
}

/// "02:42:ac:11:00:02" as bytes (the caller has checked it).
pub fn mac_bytes(mac: &str) -> Result<[u8; 6]> {
    let mut out = [0u8; 6];
    let parts: Vec<&str> = mac.split(':').collect();
    if parts.len() != 6 {
        bail!("invalid MAC address {mac:?}");
    }
    for (byte, part) in out.iter_mut().zip(parts) {
        *byte = u8::from_str_radix(part, 16).with_context(|| format!("invalid MAC address {mac:?}"))?;
    }
    Ok(out)
}

#[cfg(test)]
#[path = "exchange_tests.rs"]
mod tests;
