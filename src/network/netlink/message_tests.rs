//! The encoding against byte layouts worked out from the kernel headers,
//! and the parsers against replies shaped as the kernel sends them.

use super::*;

fn header(bytes: &[u8]) -> (u32, u16, u16, u32) {
    (u32_at(bytes, 0), u16_at(bytes, 4), u16_at(bytes, 6), u32_at(bytes, 8))
}

/// The attribute tree below `buf`, one attribute per line, indented:
/// `nested[depth]` is the type that holds attributes at that depth.
fn tree(buf: &[u8], depth: usize, nested: &[u16], out: &mut Vec<String>) {
    for (kind, data) in attributes(buf) {
        let pad = "  ".repeat(depth);
        if nested.get(depth) == Some(&kind) {
            out.push(format!("{pad}{kind} {{"));
            // VETH_INFO_PEER starts with a struct ifinfomsg.
            let skip = if kind == VETH_INFO_PEER && depth == 2 { 16 } else { 0 };
            tree(&data[skip..], depth + 1, nested, out);
            out.push(format!("{pad}}}"));
        } else {
            out.push(format!("{pad}{kind} {data:02x?}"));
        }
    }
}

#[test]
fn a_veth_is_one_request_with_its_peer_nested_in_the_link_info() {
    let veth = Veth { name: "pt01", master_index: 7, mtu: Some(1400), peer_name: "eth0", peer_mac: [2, 0, 0, 0, 0, 9], peer_ns_fd: 5 };
    let bytes = new_veth(&veth).finish(42);
    let (len, kind, flags, seq) = header(&bytes);
    assert_eq!(len as usize, bytes.len());
    assert_eq!(bytes.len() % 4, 0);
    assert_eq!((kind, seq), (RTM_NEWLINK, 42));
    assert_eq!(flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
    // ifinfomsg: family 0, index 0, flags and change IFF_UP.
    assert_eq!(&bytes[16..32], &[0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    let mut lines = Vec::new();
    tree(&bytes[32..], 0, &[IFLA_LINKINFO, IFLA_INFO_DATA, VETH_INFO_PEER], &mut lines);
    let mtu = format!("{:02x?}", 1400u32.to_ne_bytes());
    let expected = [
        "3 [70, 74, 30, 31, 00]".to_string(),
        format!("4 {mtu}"),
        format!("10 {:02x?}", 7u32.to_ne_bytes()),
        "18 {".into(),
        "  1 [76, 65, 74, 68, 00]".into(),
        "  2 {".into(),
        "    1 {".into(),
        "      3 [65, 74, 68, 30, 00]".into(),
        "      1 [02, 00, 00, 00, 00, 09]".into(),
        format!("      4 {mtu}"),
        format!("      28 {:02x?}", 5u32.to_ne_bytes()),
        "    }".into(),
        "  }".into(),
        "}".into(),
    ];
    assert_eq!(lines, expected);
    // Nested attributes carry NLA_F_NESTED, as the kernel's strict
    // validation of new attributes wants.
    assert_eq!(u16_at(&bytes, 32 + 12 + 8 + 8 + 2) & NLA_F_NESTED, NLA_F_NESTED);
}

#[test]
fn a_veth_without_mtu_leaves_it_to_the_kernel() {
    let veth = Veth { name: "pt01", master_index: 7, mtu: None, peer_name: "eth0", peer_mac: [2, 0, 0, 0, 0, 9], peer_ns_fd: 5 };
    let mut lines = Vec::new();
    tree(&new_veth(&veth).finish(1)[32..], 0, &[IFLA_LINKINFO, IFLA_INFO_DATA, VETH_INFO_PEER], &mut lines);
    assert!(!lines.iter().any(|l| l.trim_start().starts_with("4 ")), "{lines:?}");
}

#[test]
fn an_ipv4_address_is_local_and_peer_and_an_ipv6_one_skips_dad() {
    let v4 = new_address(3, "10.88.0.5".parse().unwrap(), 16).finish(1);
    assert_eq!(header(&v4).1, RTM_NEWADDR);
    // ifaddrmsg: AF_INET, /16, no flags, universe scope, index 3.
    assert_eq!(&v4[16..20], &[2, 16, 0, 0]);
    assert_eq!(u32_at(&v4, 20), 3);
    let attrs: Vec<(u16, Vec<u8>)> = attributes(&v4[24..]).into_iter().map(|(k, d)| (k, d.to_vec())).collect();
    assert_eq!(attrs, [(IFA_LOCAL, vec![10, 88, 0, 5]), (IFA_ADDRESS, vec![10, 88, 0, 5])]);

    let v6 = new_address(3, "fd00::5".parse().unwrap(), 64).finish(1);
    assert_eq!(&v6[16..20], &[10, 64, IFA_F_NODAD as u8, 0]);
    let kinds: Vec<u16> = attributes(&v6[24..]).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, [IFA_LOCAL, IFA_ADDRESS, IFA_FLAGS]);
}

#[test]
fn a_default_route_names_gateway_and_device_in_the_main_table() {
    let r = new_default_route(4, "10.88.0.1".parse().unwrap()).finish(9);
    assert_eq!(header(&r).1, RTM_NEWROUTE);
    // rtmsg: AF_INET, dst_len 0 (default), main table, boot protocol,
    // universe scope, unicast.
    assert_eq!(&r[16..24], &[2, 0, 0, 0, 254, 3, 0, 1]);
    let attrs: Vec<(u16, Vec<u8>)> = attributes(&r[28..]).into_iter().map(|(k, d)| (k, d.to_vec())).collect();
    assert_eq!(attrs, [(RTA_GATEWAY, vec![10, 88, 0, 1]), (RTA_OIF, 4u32.to_ne_bytes().to_vec())]);
}

#[test]
fn links_are_named_by_name_for_get_and_delete() {
    for (bytes, kind, flags) in [(get_link("br0").finish(1), RTM_GETLINK, NLM_F_REQUEST), (del_link("br0").finish(1), RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK)] {
        assert_eq!(header(&bytes).1, kind);
        assert_eq!(header(&bytes).2, flags);
        assert_eq!(attributes(&bytes[32..]), [(IFLA_IFNAME, &b"br0\0"[..])]);
    }
    let set = set_link(6, true, Some(9000)).finish(1);
    assert_eq!(u32_at(&set, 20), 6);
    assert_eq!((u32_at(&set, 24), u32_at(&set, 28)), (IFF_UP, IFF_UP));
    let down = set_down_by_name("pt1").finish(1);
    assert_eq!((u32_at(&down, 20), u32_at(&down, 24), u32_at(&down, 28)), (0, 0, IFF_UP), "IFF_UP changed to off");
    assert_eq!(attributes(&down[32..]), [(IFLA_IFNAME, &b"pt1\0"[..])]);
    let only_mtu = set_link(6, false, Some(9000)).finish(1);
    assert_eq!((u32_at(&only_mtu, 24), u32_at(&only_mtu, 28)), (0, 0), "an MTU change leaves the flags alone");
}

/// A reply message as the kernel would send it.
fn reply(kind: u16, flags: u16, seq: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&((16 + payload.len()) as u32).to_ne_bytes());
    out.extend_from_slice(&kind.to_ne_bytes());
    out.extend_from_slice(&flags.to_ne_bytes());
    out.extend_from_slice(&seq.to_ne_bytes());
    out.extend_from_slice(&0u32.to_ne_bytes());
    out.extend_from_slice(payload);
    while out.len() % 4 != 0 {
        out.push(0);
    }
    out
}

#[test]
fn a_link_reply_is_read_with_its_kind_flags_and_mtu() {
    let body = Request { buf: Vec::new(), open: Vec::new() }
        .ifinfomsg(5, IFF_UP | 0x1000, 0)
        .attr_str(IFLA_IFNAME, "pontoon0")
        .attr_u32(IFLA_MTU, 1500)
        .begin_nested(IFLA_LINKINFO)
        .attr_str(IFLA_INFO_KIND, "bridge")
        .end_nested()
        .buf;
    let datagram = [reply(RTM_NEWLINK, 0, 3, &body), reply(NLMSG_DONE, NLM_F_MULTI, 3, &[0; 4])].concat();
    let replies = split(&datagram).unwrap();
    assert_eq!(replies.len(), 2);
    assert_eq!((replies[0].kind, replies[0].seq, replies[1].kind), (RTM_NEWLINK, 3, NLMSG_DONE));
    let link = parse_link(replies[0].payload).unwrap();
    assert_eq!(link, LinkInfo { index: 5, name: "pontoon0".into(), up: true, mtu: Some(1500), kind: Some("bridge".into()) });
}

#[test]
fn address_replies_give_index_address_and_prefix() {
    let mut v6 = vec![AF_INET6, 64, 0, 0];
    v6.extend_from_slice(&9u32.to_ne_bytes());
    let ip: std::net::Ipv6Addr = "fd00::1".parse().unwrap();
    let body = Request { buf: v6, open: Vec::new() }.attr(IFA_ADDRESS, &ip.octets()).buf;
    assert_eq!(parse_address(&body), Some((9, IpAddr::V6(ip), 64)));
    let mut v4 = vec![AF_INET, 24, 0, 0];
    v4.extend_from_slice(&2u32.to_ne_bytes());
    let body = Request { buf: v4, open: Vec::new() }.attr(IFA_ADDRESS, &[10, 0, 0, 9]).attr(IFA_LOCAL, &[10, 0, 0, 1]).buf;
    assert_eq!(parse_address(&body), Some((2, "10.0.0.1".parse().unwrap(), 24)), "IFA_LOCAL wins");
}

#[test]
fn errors_give_the_errno_and_the_kernels_message() {
    let mut payload = (-libc::EEXIST).to_ne_bytes().to_vec();
    payload.extend_from_slice(&[0; 16]); // the request's header (capped ack)
    let ack = reply(NLMSG_ERROR, 0, 1, &payload);
    let replies = split(&ack).unwrap();
    assert_eq!(parse_error(&replies[0]), (libc::EEXIST, None));
    let with_msg = Request { buf: payload, open: Vec::new() }.attr_str(NLMSGERR_ATTR_MSG, "Master is not a bridge").buf;
    let datagram = reply(NLMSG_ERROR, NLM_F_ACK_TLVS, 1, &with_msg);
    assert_eq!(parse_error(&split(&datagram).unwrap()[0]), (libc::EEXIST, Some("Master is not a bridge".into())));
    let ok = reply(NLMSG_ERROR, 0, 1, &[0; 20]);
    assert_eq!(parse_error(&split(&ok).unwrap()[0]).0, 0);
}

#[test]
fn truncated_input_is_an_error_never_read_past_its_end() {
    assert_eq!(split(&[1, 2, 3]).err(), Some(Truncated { offset: 0, claimed: HEADER_LEN, left: 3 }));
    let mut bad = reply(RTM_NEWLINK, 0, 1, &[0; 16]);
    bad[0] = 200; // claims more than there is
    assert_eq!(split(&bad).err(), Some(Truncated { offset: 0, claimed: 200, left: 32 }));
    // A whole first message and a cut second one: the cut is reported,
    // not taken for the end of the datagram.
    let whole = reply(RTM_NEWLINK, NLM_F_MULTI, 1, &[0; 16]);
    let datagram = [whole.clone(), whole[..20].to_vec()].concat();
    assert_eq!(split(&datagram).err(), Some(Truncated { offset: 32, claimed: 32, left: 20 }));
    let mut short = whole.clone();
    short[0] = 8; // shorter than its own header
    assert_eq!(split(&short).err().map(|t| t.claimed), Some(8));
    assert_eq!(split(&[]).map(|r| r.len()), Ok(0));
    assert_eq!(parse_link(&[0; 8]), None);
    assert_eq!(parse_address(&[2, 24, 0, 0]), None);
    assert!(attributes(&[8, 0, 1, 0, 1]).is_empty());
}

#[test]
fn an_attribute_shorter_than_its_header_ends_the_list() {
    // Lengths 0 to 3 would not move past the attribute (0) or would read
    // its header as data: both stop the parse, keeping what came before.
    for len in 0u16..4 {
        let mut buf = Request { buf: Vec::new(), open: Vec::new() }.attr_str(IFLA_IFNAME, "eth0").buf;
        buf.extend_from_slice(&len.to_ne_bytes());
        buf.extend_from_slice(&IFLA_MTU.to_ne_bytes());
        buf.extend_from_slice(&1500u32.to_ne_bytes());
        assert_eq!(attributes(&buf), [(IFLA_IFNAME, &b"eth0\0"[..])], "length {len}");
    }
    let mut link = Request { buf: Vec::new(), open: Vec::new() }.ifinfomsg(3, 0, 0).buf;
    link.extend_from_slice(&[0, 0, 4, 0, 0xdc, 5, 0, 0]);
    assert_eq!(parse_link(&link).map(|l| (l.index, l.mtu)), Some((3, None)));
}

#[test]
fn a_dump_part_marked_interrupted_is_told_apart() {
    let datagram = [reply(RTM_NEWADDR, NLM_F_MULTI | NLM_F_DUMP_INTR, 4, &[0; 8]), reply(RTM_NEWADDR, NLM_F_MULTI, 4, &[0; 8])].concat();
    let flags: Vec<bool> = split(&datagram).unwrap().iter().map(Reply::interrupted).collect();
    assert_eq!(flags, [true, false]);
}

#[test]
fn an_error_field_with_no_negation_is_a_protocol_error_not_an_overflow() {
    let min = reply(NLMSG_ERROR, 0, 1, &[&0x8000_0000u32.to_ne_bytes()[..], &[0; 16]].concat());
    assert_eq!(parse_error(&split(&min).unwrap()[0]), (libc::EPROTO, None));
    // A positive field is no errno the kernel sends either.
    let positive = reply(NLMSG_ERROR, 0, 1, &[&5u32.to_ne_bytes()[..], &[0; 16]].concat());
    assert_eq!(parse_error(&split(&positive).unwrap()[0]).0, libc::EPROTO);
    let done = reply(NLMSG_DONE, NLM_F_MULTI, 1, &0x8000_0000u32.to_ne_bytes());
    assert_eq!(done_errno(&split(&done).unwrap()[0]), libc::EPROTO);
}

#[test]
fn a_dump_ends_with_the_errno_its_done_carries() {
    let ok = reply(NLMSG_DONE, NLM_F_MULTI, 1, &0i32.to_ne_bytes());
    assert_eq!(done_errno(&split(&ok).unwrap()[0]), 0);
    let failed = reply(NLMSG_DONE, NLM_F_MULTI, 1, &(-libc::EMSGSIZE).to_ne_bytes());
    assert_eq!(done_errno(&split(&failed).unwrap()[0]), libc::EMSGSIZE);
    let bare = reply(NLMSG_DONE, NLM_F_MULTI, 1, &[]);
    assert_eq!(done_errno(&split(&bare).unwrap()[0]), 0);
}
