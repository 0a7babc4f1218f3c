//! rtnetlink messages as bytes: the few requests pontoon makes (links,
//! addresses, default routes) and the parts of the kernel's replies it
//! reads. Pure functions, so that the encoding is unit-tested without a
//! kernel. Layouts are those of <linux/netlink.h>, <linux/rtnetlink.h>,
//! <linux/if_link.h>, <linux/if_addr.h> and <linux/veth.h>; every number
//! is in the host's byte order, as netlink wants, and every attribute is
//! padded to 4 bytes.

use std::net::IpAddr;

// <linux/netlink.h>
pub const NLMSG_ERROR: u16 = 2;
pub const NLMSG_DONE: u16 = 3;
pub const NLM_F_REQUEST: u16 = 0x1;
pub const NLM_F_MULTI: u16 = 0x2;
pub const NLM_F_ACK: u16 = 0x4;
/// In a dump's reply: the objects changed while the dump ran, so it may
/// have missed or repeated some.
pub const NLM_F_DUMP_INTR: u16 = 0x10;
pub const NLM_F_DUMP: u16 = 0x300;
pub const NLM_F_EXCL: u16 = 0x200;
pub const NLM_F_CREATE: u16 = 0x400;
/// In an NLMSG_ERROR: attributes (the kernel's message) follow.
pub const NLM_F_ACK_TLVS: u16 = 0x200;
const NLMSGERR_ATTR_MSG: u16 = 1;
pub const HEADER_LEN: usize = 16;

// <linux/rtnetlink.h>
pub const RTM_NEWLINK: u16 = 16;
pub const RTM_DELLINK: u16 = 17;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_NEWADDR: u16 = 20;
pub const RTM_GETADDR: u16 = 22;
pub const RTM_NEWROUTE: u16 = 24;
const RT_TABLE_MAIN: u8 = 254;
const RTPROT_BOOT: u8 = 3;
const RT_SCOPE_UNIVERSE: u8 = 0;
const RTN_UNICAST: u8 = 1;
const RTA_GATEWAY: u16 = 5;
const RTA_OIF: u16 = 4;

// <linux/if_link.h>, <linux/veth.h>
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_MASTER: u16 = 10;
const IFLA_LINKINFO: u16 = 18;
const IFLA_NET_NS_FD: u16 = 28;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const VETH_INFO_PEER: u16 = 1;
const NLA_F_NESTED: u16 = 0x8000;
pub const IFF_UP: u32 = 0x1;

// <linux/if_addr.h>
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_FLAGS: u16 = 8;
const IFA_F_NODAD: u32 = 0x02;

const AF_UNSPEC: u8 = 0;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;

/// A request being written: the header's length is filled in by
/// [`Request::finish`], its sequence number by the socket.
pub struct Request {
    buf: Vec<u8>,
    /// Where each open nested attribute starts, to write its length.
    open: Vec<usize>,
}

impl Request {
    pub fn new(kind: u16, flags: u16) -> Request {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&0u32.to_ne_bytes()); // length, in finish
        buf.extend_from_slice(&kind.to_ne_bytes());
        buf.extend_from_slice(&(flags | NLM_F_REQUEST).to_ne_bytes());
        buf.extend_from_slice(&0u32.to_ne_bytes()); // sequence number
        buf.extend_from_slice(&0u32.to_ne_bytes()); // port id: the kernel's
        Request { buf, open: Vec::new() }
    }

    /// struct ifinfomsg.
    fn ifinfomsg(mut self, index: u32, flags: u32, change: u32) -> Request {
        self.buf.extend_from_slice(&[AF_UNSPEC, 0]);
        self.buf.extend_from_slice(&0u16.to_ne_bytes()); // ifi_type
        self.buf.extend_from_slice(&index.to_ne_bytes());
        self.buf.extend_from_slice(&flags.to_ne_bytes());
        self.buf.extend_from_slice(&change.to_ne_bytes());
        self
    }

    fn attr(mut self, kind: u16, data: &[u8]) -> Request {
        let len = 4 + data.len();
        self.buf.extend_from_slice(&(len as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.pad();
        self
    }

    fn attr_u32(self, kind: u16, value: u32) -> Request {
        self.attr(kind, &value.to_ne_bytes())
    }

    /// A string attribute, NUL-terminated as the kernel's parser wants.
    fn attr_str(self, kind: u16, value: &str) -> Request {
        let mut data = value.as_bytes().to_vec();
        data.push(0);
        self.attr(kind, &data)
    }

    fn begin_nested(mut self, kind: u16) -> Request {
        self.open.push(self.buf.len());
        self.buf.extend_from_slice(&0u16.to_ne_bytes());
        self.buf.extend_from_slice(&(kind | NLA_F_NESTED).to_ne_bytes());
        self
    }

    fn end_nested(mut self) -> Request {
        if let Some(start) = self.open.pop() {
            let len = (self.buf.len() - start) as u16;
            self.buf[start..start + 2].copy_from_slice(&len.to_ne_bytes());
        }
        self
    }

    fn pad(&mut self) {
        while !self.buf.len().is_multiple_of(4) {
            self.buf.push(0);
        }
    }

    /// The finished message, with `seq` as its sequence number.
    pub fn finish(mut self, seq: u32) -> Vec<u8> {
        debug_assert!(self.open.is_empty(), "a nested attribute was left open");
        let len = self.buf.len() as u32;
        self.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        self.buf
    }
}

/// A veth pair as `ip link add NAME mtu M master BR up type veth peer
/// name PEER address MAC mtu M netns FD` makes it: the host end enslaved
/// and up, the peer created directly inside the namespace `peer_ns_fd`
/// (so it never exists in the host's under a name another could take).
pub struct Veth<'a> {
    pub name: &'a str,
    pub master_index: u32,
    pub mtu: Option<u32>,
    pub peer_name: &'a str,
    pub peer_mac: [u8; 6],
    pub peer_ns_fd: i32,
}

pub fn new_veth(v: &Veth) -> Request {
    let mut r = Request::new(RTM_NEWLINK, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL).ifinfomsg(0, IFF_UP, IFF_UP).attr_str(IFLA_IFNAME, v.name);
    if let Some(mtu) = v.mtu {
        r = r.attr_u32(IFLA_MTU, mtu);
    }
    r = r.attr_u32(IFLA_MASTER, v.master_index).begin_nested(IFLA_LINKINFO).attr_str(IFLA_INFO_KIND, "veth");
    // The peer is a struct ifinfomsg followed by link attributes.
    r = r.begin_nested(IFLA_INFO_DATA).begin_nested(VETH_INFO_PEER).ifinfomsg(0, 0, 0);
    r = r.attr_str(IFLA_IFNAME, v.peer_name).attr(IFLA_ADDRESS, &v.peer_mac);
    if let Some(mtu) = v.mtu {
        r = r.attr_u32(IFLA_MTU, mtu);
    }
    r.attr_u32(IFLA_NET_NS_FD, v.peer_ns_fd as u32).end_nested().end_nested().end_nested()
}

/// A bridge, down, with its MAC fixed (otherwise it follows its ports').
pub fn new_bridge(name: &str, mac: [u8; 6], mtu: Option<u32>) -> Request {
    let mut r = Request::new(RTM_NEWLINK, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL).ifinfomsg(0, 0, 0).attr_str(IFLA_IFNAME, name).attr(IFLA_ADDRESS, &mac);
    if let Some(mtu) = mtu {
        r = r.attr_u32(IFLA_MTU, mtu);
    }
    r.begin_nested(IFLA_LINKINFO).attr_str(IFLA_INFO_KIND, "bridge").end_nested()
}

/// Changes an existing link: up (when `up`) and/or its MTU.
pub fn set_link(index: u32, up: bool, mtu: Option<u32>) -> Request {
    let (flags, change) = if up { (IFF_UP, IFF_UP) } else { (0, 0) };
    let r = Request::new(RTM_NEWLINK, NLM_F_ACK).ifinfomsg(index, flags, change);
    match mtu {
        Some(mtu) => r.attr_u32(IFLA_MTU, mtu),
        None => r,
    }
}

/// Takes the link `name` down (found by name: the caller has no index).
pub fn set_down_by_name(name: &str) -> Request {
    Request::new(RTM_NEWLINK, NLM_F_ACK).ifinfomsg(0, 0, IFF_UP).attr_str(IFLA_IFNAME, name)
}

pub fn del_link(name: &str) -> Request {
    Request::new(RTM_DELLINK, NLM_F_ACK).ifinfomsg(0, 0, 0).attr_str(IFLA_IFNAME, name)
}

/// Asks for one link by name; the reply is an RTM_NEWLINK or an error.
pub fn get_link(name: &str) -> Request {
    Request::new(RTM_GETLINK, 0).ifinfomsg(0, 0, 0).attr_str(IFLA_IFNAME, name)
}

/// Asks for every address of every link (the kernel filters a dump by
/// family only); the caller keeps those of the link it wants.
pub fn dump_addresses() -> Request {
    let mut r = Request::new(RTM_GETADDR, NLM_F_DUMP);
    r.buf.extend_from_slice(&[AF_UNSPEC, 0, 0, 0]);
    r.buf.extend_from_slice(&0u32.to_ne_bytes());
    r
}

fn family_and_bytes(ip: IpAddr) -> (u8, Vec<u8>) {
    match ip {
        IpAddr::V4(v4) => (AF_INET, v4.octets().to_vec()),
        IpAddr::V6(v6) => (AF_INET6, v6.octets().to_vec()),
    }
}

/// An address usable at once: IPv6 skips duplicate address detection,
/// which would otherwise hold it back for a second or two ("network
/// unreachable" for a container's first connection).
pub fn new_address(index: u32, address: IpAddr, prefix_len: u8) -> Request {
    let (family, bytes) = family_and_bytes(address);
    let nodad = if address.is_ipv6() { IFA_F_NODAD } else { 0 };
    let mut r = Request::new(RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
    r.buf.extend_from_slice(&[family, prefix_len, nodad as u8, RT_SCOPE_UNIVERSE]);
    r.buf.extend_from_slice(&index.to_ne_bytes());
    // IFA_LOCAL is the address itself; IFA_ADDRESS the peer's, which on a
    // broadcast link is the same (iproute2 sends both).
    let r = r.attr(IFA_LOCAL, &bytes).attr(IFA_ADDRESS, &bytes);
    if nodad != 0 {
        r.attr_u32(IFA_FLAGS, nodad)
    } else {
        r
    }
}

/// `ip route add default via GATEWAY dev INDEX`.
pub fn new_default_route(index: u32, gateway: IpAddr) -> Request {
    let (family, bytes) = family_and_bytes(gateway);
    let mut r = Request::new(RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
    r.buf.extend_from_slice(&[family, 0, 0, 0, RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST]);
    r.buf.extend_from_slice(&0u32.to_ne_bytes()); // rtm_flags
    r.attr(RTA_GATEWAY, &bytes).attr_u32(RTA_OIF, index)
}

/// One message of a reply.
pub struct Reply<'a> {
    pub kind: u16,
    pub flags: u16,
    pub seq: u32,
    pub payload: &'a [u8],
}

impl Reply<'_> {
    /// Whether the kernel marked this part of a dump inconsistent.
    pub fn interrupted(&self) -> bool {
        self.flags & NLM_F_DUMP_INTR != 0
    }
}

/// A datagram whose messages do not add up: one claims more bytes than are
/// left, or bytes trail the last one.
#[derive(Debug, PartialEq)]
pub struct Truncated {
    pub offset: usize,
    pub claimed: usize,
    pub left: usize,
}

impl std::fmt::Display for Truncated {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a reply cut short: the message at byte {} claims {} bytes where {} are left", self.offset, self.claimed, self.left)
    }
}

/// Splits a datagram from the kernel into its messages. A cut one is an
/// error, not the end of the list: dropping it silently would lose the
/// answer (or the end of a dump) and leave the caller waiting for it.
pub fn split(buf: &[u8]) -> Result<Vec<Reply<'_>>, Truncated> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < buf.len() {
        let left = buf.len() - at;
        let claimed = if left >= HEADER_LEN { u32_at(buf, at) as usize } else { HEADER_LEN };
        if claimed < HEADER_LEN || claimed > left {
            return Err(Truncated { offset: at, claimed, left });
        }
        let m = &buf[at..at + claimed];
        out.push(Reply { kind: u16_at(m, 4), flags: u16_at(m, 6), seq: u32_at(m, 8), payload: &m[HEADER_LEN..] });
        at = (at + align(claimed)).min(buf.len());
    }
    Ok(out)
}

/// The errno (positive) in the first four bytes of an NLMSG_ERROR or of a
/// dump's NLMSG_DONE: the kernel writes 0 or a negative errno. Anything else
/// (a positive number, or i32::MIN, which has no negation) is a malformed
/// reply, not a reason to overflow.
fn errno_at(payload: &[u8]) -> i32 {
    match (u32_at(payload, 0) as i32).checked_neg() {
        Some(errno) if errno >= 0 => errno,
        _ => libc::EPROTO,
    }
}

/// An NLMSG_ERROR's errno (0: an acknowledgement) and the kernel's own
/// explanation when it gave one (extended acks).
pub fn parse_error(reply: &Reply) -> (i32, Option<String>) {
    let p = reply.payload;
    if p.len() < 4 {
        return (libc::EIO, None);
    }
    let errno = errno_at(p);
    let mut message = None;
    // After the errno comes the request's header (its payload is left out:
    // the socket sets NETLINK_CAP_ACK), then the attributes.
    if reply.flags & NLM_F_ACK_TLVS != 0 && p.len() >= 4 + HEADER_LEN {
        for (kind, data) in attributes(&p[4 + HEADER_LEN..]) {
            if kind == NLMSGERR_ATTR_MSG {
                message = Some(c_string(data));
            }
        }
    }
    (errno, message.filter(|m| !m.is_empty()))
}

/// The errno an NLMSG_DONE ends a dump with: 0, or why the kernel gave up
/// midway (it then sent only part of the objects).
pub fn done_errno(reply: &Reply) -> i32 {
    if reply.payload.len() < 4 {
        return 0; // no errno at all: nothing to report
    }
    errno_at(reply.payload)
}

/// What pontoon reads of a link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkInfo {
    pub index: u32,
    pub name: String,
    pub up: bool,
    pub mtu: Option<u32>,
    /// "bridge", "veth"...; None for a plain device (lo, a NIC).
    pub kind: Option<String>,
}

/// An RTM_NEWLINK's payload.
pub fn parse_link(payload: &[u8]) -> Option<LinkInfo> {
    if payload.len() < 16 {
        return None;
    }
    let mut link = LinkInfo { index: u32_at(payload, 4), name: String::new(), up: u32_at(payload, 8) & IFF_UP != 0, mtu: None, kind: None };
    for (kind, data) in attributes(&payload[16..]) {
        match kind {
            IFLA_IFNAME => link.name = c_string(data),
            IFLA_MTU if data.len() >= 4 => link.mtu = Some(u32_at(data, 0)),
            IFLA_LINKINFO => {
                link.kind = attributes(data).into_iter().find(|(k, _)| *k == IFLA_INFO_KIND).map(|(_, d)| c_string(d));
            }
            _ => {}
        }
    }
    Some(link)
}

/// An RTM_NEWADDR's payload: the link's index, the address and its prefix.
pub fn parse_address(payload: &[u8]) -> Option<(u32, IpAddr, u8)> {
    if payload.len() < 8 {
        return None;
    }
    let (family, prefix, index) = (payload[0], payload[1], u32_at(payload, 4));
    let attrs = attributes(&payload[8..]);
    // IFA_LOCAL is the address on point-to-point links; IFA_ADDRESS the
    // one on every other (IPv6 sends only IFA_ADDRESS).
    let pick = |want: u16| attrs.iter().find(|(k, _)| *k == want).map(|(_, d)| *d);
    let data = pick(IFA_LOCAL).or_else(|| pick(IFA_ADDRESS))?;
    let ip = match (family, data.len()) {
        (AF_INET, 4) => IpAddr::from(<[u8; 4]>::try_from(data).ok()?),
        (AF_INET6, 16) => IpAddr::from(<[u8; 16]>::try_from(data).ok()?),
        _ => return None,
    };
    Some((index, ip, prefix))
}

/// The attributes of `buf` as (type without flags, data); a malformed one
/// (shorter than its own header, or longer than what is left) ends the list.
fn attributes(mut buf: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    while buf.len() >= 4 {
        let len = u16_at(buf, 0) as usize;
        if len < 4 || len > buf.len() {
            break;
        }
        out.push((u16_at(buf, 2) & 0x3fff, &buf[4..len]));
        buf = &buf[align(len).min(buf.len())..];
    }
    out
}

fn c_string(data: &[u8]) -> String {
    let end = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    String::from_utf8_lossy(&data[..end]).into_owned()
}

fn align(len: usize) -> usize {
    (len + 3) & !3
}

fn u16_at(buf: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([buf[at], buf[at + 1]])
}

fn u32_at(buf: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]])
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
