//! The bridge code against the kernel, as root, each test in network
//! namespaces it makes (`ip netns add`) and deletes, never the host's own:
//! a "host" namespace holds the bridges, "container" namespaces attach to
//! them, and an "outside" namespace, linked to the host one and with no
//! route back to any container subnet, plays the internet (so a reply
//! from it proves masquerade). Skipped, with a line saying so, rootless.

use std::fs::File;
use std::os::fd::{AsFd, BorrowedFd};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::*;
use crate::network::nat::Backend;

const OUTSIDE: &str = "198.51.100.2";

fn skip(test: &str) -> bool {
    let ok = nix::unistd::geteuid().is_root() && crate::network::link::host_program("ip").is_some();
    if !ok {
        eprintln!("SKIPPED: {test}: needs root and iproute2 (network namespaces)");
    }
    !ok
}

fn backends() -> Vec<Backend> {
    let mut all = Vec::new();
    if crate::network::link::host_program("nft").is_some() {
        all.push(Backend::Nftables);
    }
    if crate::network::link::host_program("iptables-restore").is_some() {
        all.push(Backend::Iptables);
    }
    assert!(!all.is_empty(), "install nftables or iptables to test the bridge code");
    all
}

struct Netns {
    name: String,
    file: File,
}

fn ip(args: &[&str]) {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(out.status.success(), "ip {}: {} {}", args.join(" "), out.status, String::from_utf8_lossy(&out.stderr));
}

impl Netns {
    fn new(role: &str) -> Netns {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("pontoon-c2-{role}-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        // Parallel `ip netns add`s race on setting up /run/netns: one may
        // fail without a word (seen in CI), and a second try succeeds.
        for _ in 0..2 {
            if Command::new("ip").args(["netns", "add", &name]).status().is_ok_and(|s| s.success()) {
                break;
            }
            let _ = Command::new("ip").args(["netns", "del", &name]).status();
            std::thread::sleep(Duration::from_millis(100));
        }
        if !std::path::Path::new(&format!("/run/netns/{name}")).exists() {
            ip(&["netns", "add", &name]);
        }
        let file = File::open(format!("/run/netns/{name}")).expect("open the namespace");
        Netns { name, file }
    }

    fn fd(&self) -> BorrowedFd<'_> {
        self.file.as_fd()
    }

    /// Runs a shell line inside the namespace; (success, stdout + stderr).
    fn sh(&self, script: &str) -> (bool, String) {
        let out = Command::new("nsenter").arg(format!("--net=/run/netns/{}", self.name)).args(["--", "sh", "-c", script]).output().expect("run nsenter");
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            text.push_str(&format!(" ({})", out.status));
        }
        (out.status.success(), text)
    }

    /// [`Netns::ok`] for idempotent setup lines, tried up to three times.
    fn ok_after_retry(&self, script: &str) -> String {
        for _ in 0..2 {
            let (ok, out) = self.sh(script);
            if ok {
                return out;
            }
            eprintln!("in {}: {script} failed ({out:?}); trying again", self.name);
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        self.ok(script)
    }

    fn ok(&self, script: &str) -> String {
        let (ok, out) = self.sh(script);
        assert!(ok, "in {}: {script}: {out}", self.name);
        out
    }

    /// Whether `address` answers a ping. Three tries a second apart: on a
    /// loaded machine the first echo (behind neighbour discovery) can miss
    /// a one-second wait, and a check that something is reachable must not
    /// fail for that. (Unreachability checks take the same three seconds.)
    fn pings(&self, address: &str) -> bool {
        (0..3).any(|_| self.sh(&format!("busybox ping -c 1 -W 1 {address}")).0)
    }

    /// Every rule pontoon's firewall tools see in the namespace.
    fn rules(&self) -> String {
        let nft = if crate::network::link::host_program("nft").is_some() { self.sh("nft list ruleset").1 } else { String::new() };
        nft + &self.sh("iptables-save 2>/dev/null; ip6tables-save 2>/dev/null").1
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.name]).status();
    }
}

/// A host namespace with an uplink to an outside namespace: the default
/// route of the host leads there; the outside knows no container subnet.
fn host_with_outside() -> (Netns, Netns) {
    let (host, outside) = (Netns::new("host"), Netns::new("out"));
    ip(&["-n", &host.name, "link", "add", "up0", "type", "veth", "peer", "name", "up0", "netns", &outside.name]);
    // `replace` and a second try: once in CI the first attempt failed
    // without a word (a fresh veth still settling), and this is setup, not
    // what the tests check.
    host.ok_after_retry("ip link set lo up && ip link set up0 up && ip addr replace 198.51.100.1/24 dev up0");
    outside.ok_after_retry(&format!("ip link set lo up && ip link set up0 up && ip addr replace {OUTSIDE}/24 dev up0"));
    (host, outside)
}

fn network(interface: &str, third_octet: u8, internal: bool) -> BridgeConfig {
    BridgeConfig {
        interface: interface.into(),
        gateways: vec![(format!("10.{third_octet}.0.1").parse().unwrap(), 24)],
        subnets: vec![format!("10.{third_octet}.0.0/24").parse().unwrap()],
        internal,
        mtu: None,
    }
}

fn request(cfg: &BridgeConfig, host_ifname: &str, last_octet: u8) -> AttachRequest {
    let (gateway, prefix_len) = cfg.gateways[0];
    let IpAddr::V4(gw) = gateway else { panic!("an IPv4 test network") };
    let [a, b, c, _] = gw.octets();
    AttachRequest {
        bridge: cfg.interface.clone(),
        host_ifname: host_ifname.into(),
        container_ifname: "eth0".into(),
        address: IpAddr::from([a, b, c, last_octet]),
        prefix_len,
        gateway: (!cfg.internal).then_some(gateway),
        default_route: true,
        extra_addresses: vec![],
        mac: None,
        mtu: None,
    }
}

fn lock() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("network.lock");
    (dir, path)
}

fn containers_talk_reach_out_and_stay_isolated(backend: Backend) {
    let (host, outside) = host_with_outside();
    let (_dir, lock) = lock();
    let (app, other) = (network("pontoon1", 89, false), network("pontoon2", 90, false));
    ensure_bridge_using(Some(host.fd()), &app, &lock, backend).unwrap();
    ensure_bridge_using(Some(host.fd()), &other, &lock, backend).unwrap();
    let (web, api, stranger) = (Netns::new("web"), Netns::new("api"), Netns::new("stranger"));
    let attached = attach(Some(host.fd()), web.fd(), &AttachRequest { mac: Some("02:42:AC:11:00:09".into()), ..request(&app, "vethweb0", 2) }).unwrap();
    assert_eq!(attached, Attached { host_ifname: "vethweb0".into(), mac: "02:42:ac:11:00:09".into() });
    let api_end = attach(Some(host.fd()), api.fd(), &request(&app, "vethapi0", 3)).unwrap();
    attach(Some(host.fd()), stranger.fd(), &request(&other, "vethstr0", 2)).unwrap();

    // The container end: named, addressed, with its MAC, the default route and loopback up.
    let links = web.ok("ip -o link show; ip -o addr show; ip route");
    assert!(links.contains("eth0@") && links.contains("02:42:ac:11:00:09"), "{links}");
    assert!(links.contains("inet 10.89.0.2/24") && links.contains("default via 10.89.0.1 dev eth0"), "{links}");
    assert!(links.contains("1: lo: <LOOPBACK,UP"), "{links}");
    assert!(api.ok("ip -o link show eth0").contains(&api_end.mac), "the MAC we report is the link's");
    assert!(host.ok("ip -o link show vethweb0").contains("master pontoon1"));

    // Same network: ICMP and TCP.
    assert!(web.pings("10.89.0.3"), "web reaches api over the bridge");
    let server = std::thread::spawn({
        let name = api.name.clone();
        let reply = r#"read line; echo "api got $line""#;
        move || Command::new("nsenter").arg(format!("--net=/run/netns/{name}")).args(["--", "busybox", "nc", "-l", "-p", "8000", "-e", "sh", "-c", reply]).status()
    });
    let deadline = Instant::now() + Duration::from_secs(5);
    let reply = loop {
        // The input stays open a moment, so that the answer can arrive.
        let (ok, out) = web.sh("(echo ping; sleep 1) | busybox nc 10.89.0.3 8000");
        if (ok && out.contains("api got")) || Instant::now() > deadline {
            break out;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(reply.contains("api got ping"), "TCP from web to api and back: {reply}");
    assert!(server.join().unwrap().unwrap().success());

    // Out through NAT: the outside has no route to 10.89.0.0/24, so only a
    // masqueraded ping can have an answer.
    assert!(web.pings(OUTSIDE), "web reaches the outside through NAT");
    assert!(stranger.pings(OUTSIDE), "so does the other network's container");
    let rules = host.rules();
    assert!(rules.contains("masquerade") || rules.contains("MASQUERADE"), "{rules}");

    // Isolation: the host routes between its bridges, the rules drop it.
    assert!(!stranger.pings("10.89.0.2"), "a container of another network cannot reach web");
    assert!(!web.pings("10.90.0.2"), "nor the other way round");

    // Detach: both ends go, and detaching again is no error.
    detach(Some(host.fd()), "vethweb0").unwrap();
    assert!(!host.sh("ip link show vethweb0").0, "the bridge end is gone");
    assert!(!web.sh("ip link show eth0").0, "the container end is gone");
    detach(Some(host.fd()), "vethweb0").unwrap();
    assert!(!api.pings("10.89.0.2"));

    // Removal: no link, no rule of either bridge.
    remove_bridge(Some(host.fd()), &app, &lock).unwrap();
    let rules = host.rules();
    assert!(!rules.contains("pontoon1") && rules.contains("pontoon2"), "{rules}");
    remove_bridge(Some(host.fd()), &other, &lock).unwrap();
    assert_no_trace(&host);
    remove_bridge(Some(host.fd()), &other, &lock).unwrap();
    drop(outside);
}

fn assert_no_trace(host: &Netns) {
    let rules = host.rules();
    assert!(!rules.to_lowercase().contains("pontoon"), "rules left behind:\n{rules}");
    let links = host.ok("ip -o link show");
    assert!(host.ok("ip -o link show type bridge").is_empty() && !links.contains("master"), "{links}");
}

#[test]
fn containers_talk_reach_out_and_stay_isolated_with_nftables() {
    if skip("containers_talk_reach_out_and_stay_isolated_with_nftables") || !backends().contains(&Backend::Nftables) {
        return;
    }
    containers_talk_reach_out_and_stay_isolated(Backend::Nftables);
}

#[test]
fn containers_talk_reach_out_and_stay_isolated_with_iptables() {
    if skip("containers_talk_reach_out_and_stay_isolated_with_iptables") || !backends().contains(&Backend::Iptables) {
        return;
    }
    containers_talk_reach_out_and_stay_isolated(Backend::Iptables);
}

#[test]
fn an_internal_network_has_no_way_out() {
    if skip("an_internal_network_has_no_way_out") {
        return;
    }
    for backend in backends() {
        let (host, _outside) = host_with_outside();
        let (_dir, lock) = lock();
        let cfg = network("pontoon3", 91, true);
        ensure_bridge_using(Some(host.fd()), &cfg, &lock, backend).unwrap();
        let (a, b) = (Netns::new("a"), Netns::new("b"));
        attach(Some(host.fd()), a.fd(), &request(&cfg, "vetha0", 2)).unwrap();
        attach(Some(host.fd()), b.fd(), &request(&cfg, "vethb0", 3)).unwrap();
        assert!(!a.ok("ip route").contains("default"), "no default route on an internal network");
        assert!(a.pings("10.91.0.3"), "{backend:?}: containers of an internal network talk");
        a.ok("ip route add default via 10.91.0.1");
        assert!(!a.pings(OUTSIDE), "{backend:?}: even with a route, nothing leaves an internal network");
        remove_bridge(Some(host.fd()), &cfg, &lock).unwrap();
        assert_no_trace(&host);
    }
}

#[test]
fn making_a_bridge_twice_changes_nothing() {
    if skip("making_a_bridge_twice_changes_nothing") {
        return;
    }
    for backend in backends() {
        let host = Netns::new("host");
        let (_dir, lock) = lock();
        let cfg = BridgeConfig { mtu: Some(1400), ..network("pontoon4", 92, false) };
        ensure_bridge_using(Some(host.fd()), &cfg, &lock, backend).unwrap();
        // IPv4 addresses and links: the kernel adds a bridge's IPv6
        // link-local address on its own time, which is no change of ours.
        let state = || host.ok("ip -o -4 addr show; ip -o link show");
        let (links, rules) = (state(), host.rules());
        ensure_bridge_using(Some(host.fd()), &cfg, &lock, backend).unwrap();
        assert_eq!(state(), links);
        assert_eq!(strip_dates(&host.rules()), strip_dates(&rules), "{backend:?}");
        assert!(links.contains("pontoon4") && links.contains("mtu 1400") && links.contains("10.92.0.1/24"), "{links}");
        assert_eq!(host.ok("cat /proc/sys/net/ipv4/ip_forward").trim(), "1", "forwarding is on in the bridge's namespace");
    }
}

/// The rules without what changes on its own: iptables-save's time stamps
/// and every packet counter (a packet the kernel sends, such as an IPv6
/// router solicitation, counts through the chains between two snapshots).
fn strip_dates(rules: &str) -> String {
    let counters = regex::Regex::new(r"counter packets \d+ bytes \d+|\[\d+:\d+\]").expect("a valid pattern");
    rules.lines().filter(|l| !l.starts_with('#')).map(|l| counters.replace_all(l, "counter").into_owned()).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_failed_attach_leaves_no_veth_and_a_stale_one_is_replaced() {
    if skip("a_failed_attach_leaves_no_veth_and_a_stale_one_is_replaced") {
        return;
    }
    let host = Netns::new("host");
    let (_dir, lock) = lock();
    let cfg = network("pontoon5", 93, false);
    ensure_bridge_using(Some(host.fd()), &cfg, &lock, backends()[0]).unwrap();
    let container = Netns::new("c");

    // The second step fails (a gateway outside the subnet): the pair goes.
    let bad = AttachRequest { gateway: Some("192.0.2.1".parse().unwrap()), ..request(&cfg, "vethbad0", 2) };
    let err = format!("{:#}", attach(Some(host.fd()), container.fd(), &bad).unwrap_err());
    assert!(err.contains("configure eth0 inside the container"), "{err}");
    assert!(!host.sh("ip link show vethbad0").0, "no veth left behind");
    assert!(!container.sh("ip link show eth0").0, "no container end left behind");

    // A veth of ours left by a killed command is replaced.
    host.ok("ip link add vethold0 type veth peer name vethold0p");
    attach(Some(host.fd()), container.fd(), &request(&cfg, "vethold0", 2)).unwrap();
    assert!(host.ok("ip -o link show vethold0").contains("master pontoon5"));
    assert!(!host.sh("ip link show vethold0p").0, "the stale pair went");
}

#[test]
fn only_a_taken_name_is_tried_again_and_the_first_failure_is_told() {
    if skip("only_a_taken_name_is_tried_again_and_the_first_failure_is_told") {
        return;
    }
    let host = Netns::new("host");
    let (_dir, lock) = lock();
    let cfg = network("pontoon6", 94, false);
    ensure_bridge_using(Some(host.fd()), &cfg, &lock, backends()[0]).unwrap();
    let container = Netns::new("c");

    // A leftover veth under our name, and an eth0 the container already
    // has: the leftover goes, the second try fails too, both are told.
    host.ok("ip link add vethtwice0 type veth peer name vethtwice0p");
    container.ok("ip link add eth0 type veth peer name eth0p");
    let err = format!("{:#}", attach(Some(host.fd()), container.fd(), &request(&cfg, "vethtwice0", 2)).unwrap_err());
    assert!(err.contains("after removing the old vethtwice0"), "{err}");
    assert_eq!(err.matches("it already exists").count(), 2, "the first failure and the second: {err}");

    // Not a network namespace: a failure a second try cannot mend.
    let not_a_namespace = File::open("/proc/self/exe").unwrap();
    let err = attach(Some(host.fd()), not_a_namespace.as_fd(), &request(&cfg, "vethbad1", 3)).unwrap_err();
    assert!(!name_taken(&err), "{err:#}");
    assert!(format!("{err:#}").contains("create the veth pair vethbad1"), "{err:#}");
    assert!(!host.sh("ip link show vethbad1").0, "no veth left behind");
}

#[test]
fn parallel_runs_make_one_bridge_and_one_set_of_rules() {
    if skip("parallel_runs_make_one_bridge_and_one_set_of_rules") {
        return;
    }
    for backend in backends() {
        let host = Netns::new("host");
        let (_dir, lock) = lock();
        let cfg = network("pontoon6", 94, false);
        let containers: Vec<Netns> = (0..20).map(|_| Netns::new("par")).collect();
        let started = Instant::now();
        std::thread::scope(|scope| {
            for (i, container) in containers.iter().enumerate() {
                let (host, cfg, lock) = (&host, &cfg, &lock);
                scope.spawn(move || {
                    ensure_bridge_using(Some(host.fd()), cfg, lock, backend).unwrap();
                    attach(Some(host.fd()), container.fd(), &request(cfg, &format!("vethpar{i}"), 10 + i as u8)).unwrap();
                });
            }
        });
        eprintln!("{backend:?}: 20 parallel ensure_bridge + attach took {:?}", started.elapsed());
        let bridges = host.ok("ip -o link show type bridge");
        assert_eq!(bridges.lines().count(), 1, "{bridges}");
        assert_eq!(host.ok("ip -o link show master pontoon6").lines().count(), 20);
        let rules = host.rules();
        match backend {
            Backend::Nftables => {
                assert_eq!(rules.matches("masquerade").count(), 2, "one rule per family: {rules}");
                assert_eq!(rules.matches("chain from-pontoon6").count(), 1, "{rules}");
                assert_eq!(rules.matches("vmap @from_bridge").count(), 1, "{rules}");
            }
            Backend::Iptables => {
                assert_eq!(rules.matches("pontoon:pontoon6").count(), 5, "{rules}");
                assert_eq!(rules.matches("-j PONTOON-FORWARD").count(), 1, "{rules}");
            }
        }
        assert!(containers[0].pings("10.94.0.29"), "the first container reaches the last");
    }
}

#[test]
fn attaching_starts_no_process_and_takes_little_time() {
    if skip("attaching_starts_no_process_and_takes_little_time") {
        return;
    }
    let host = Netns::new("host");
    let (_dir, lock) = lock();
    let cfg = network("pontoon7", 95, false);
    ensure_bridge_using(Some(host.fd()), &cfg, &lock, backends()[0]).unwrap();
    let containers: Vec<Netns> = (0..10).map(|_| Netns::new("t")).collect();
    let started = Instant::now();
    for (i, container) in containers.iter().enumerate() {
        attach(Some(host.fd()), container.fd(), &request(&cfg, &format!("vetht{i}"), 10 + i as u8)).unwrap();
    }
    let each = started.elapsed() / 10;
    eprintln!("attach: {each:?} per container");
    let started = Instant::now();
    for i in 0..10 {
        detach(Some(host.fd()), &format!("vetht{i}")).unwrap();
    }
    eprintln!("detach: {:?} per container", started.elapsed() / 10);
    // Generous: a loaded two-core machine; tens of milliseconds are normal.
    assert!(each < Duration::from_millis(500), "attach took {each:?}");
}

#[test]
fn a_dual_stack_network_talks_and_masquerades_ipv6_too() {
    if skip("a_dual_stack_network_talks_and_masquerades_ipv6_too") {
        return;
    }
    for backend in backends() {
        let (host, outside) = host_with_outside();
        host.ok("ip addr add 2001:db8:ff::1/64 dev up0 nodad && sysctl -qw net.ipv6.conf.all.forwarding=0");
        outside.ok("ip addr add 2001:db8:ff::2/64 dev up0 nodad");
        let (_dir, lock) = lock();
        let cfg = BridgeConfig {
            gateways: vec![("10.96.0.1".parse().unwrap(), 24), ("fd96::1".parse().unwrap(), 64)],
            subnets: vec!["10.96.0.0/24".parse().unwrap(), "fd96::/64".parse().unwrap()],
            ..network("pontoon8", 96, false)
        };
        ensure_bridge_using(Some(host.fd()), &cfg, &lock, backend).unwrap();
        assert_eq!(host.ok("cat /proc/sys/net/ipv6/conf/all/forwarding").trim(), "1");
        let (a, b) = (Netns::new("a6"), Netns::new("b6"));
        for (ns, veth, n) in [(&a, "veth6a0", 2u8), (&b, "veth6b0", 3)] {
            let v6 = format!("fd96::{n}").parse().unwrap();
            let req = AttachRequest { extra_addresses: vec![(v6, 64, Some("fd96::1".parse().unwrap()))], ..request(&cfg, veth, n) };
            attach(Some(host.fd()), ns.fd(), &req).unwrap();
        }
        let routes = a.ok("ip -6 route");
        assert!(routes.contains("default via fd96::1 dev eth0"), "{routes}");
        // No duplicate address detection: the address is usable at once.
        let addrs = a.ok("ip -o -6 addr show dev eth0");
        assert!(addrs.lines().any(|l| l.contains("fd96::2/64") && !l.contains("tentative")), "{addrs}");
        assert!(a.pings("fd96::3"), "{backend:?}: IPv6 across the bridge");
        assert!(a.pings("2001:db8:ff::2"), "{backend:?}: IPv6 out through masquerade (the outside has no route back)");
        remove_bridge(Some(host.fd()), &cfg, &lock).unwrap();
        assert_no_trace(&host);
    }
}

#[test]
fn a_host_whose_forward_policy_drops_still_forwards_our_bridges() {
    if skip("a_host_whose_forward_policy_drops_still_forwards_our_bridges") || !backends().contains(&Backend::Iptables) {
        return;
    }
    let (host, _outside) = host_with_outside();
    // What Docker does to a host: every forwarded packet dropped unless a
    // rule in FORWARD itself accepts it.
    host.ok("iptables -P FORWARD DROP");
    let (_dir, lock) = lock();
    let cfg = network("pontoon9", 97, false);
    ensure_bridge(Some(host.fd()), &cfg, &lock).unwrap();
    let container = Netns::new("d");
    attach(Some(host.fd()), container.fd(), &request(&cfg, "vethd0", 2)).unwrap();
    assert!(container.pings(OUTSIDE), "the container gets out despite the DROP policy");
    remove_bridge(Some(host.fd()), &cfg, &lock).unwrap();
    let rules = host.rules();
    assert!(rules.contains(":FORWARD DROP") && !rules.to_lowercase().contains("pontoon"), "the host's policy stays, our rules go:\n{rules}");
}
