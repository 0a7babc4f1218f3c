//! The forwarder against real sockets on loopback: a published port in
//! front of a local server, as a container's would be (netns None, or as
//! root a network namespace the test makes).

use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use super::bind::{bind_with, classify};
use super::process::serve;
use super::*;
use crate::spec::ports::{PortMapping, Protocol};

const MB: usize = 1 << 20;

fn on_loopback(host_port: u16, container_port: u16, protocol: Protocol) -> PortMapping {
    PortMapping { host_ip: Some(Ipv4Addr::LOCALHOST.into()), host_port, container_port, protocol, host_port_end: None }
}

fn sysctl_at(value: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("a temp file");
    f.write_all(value.as_bytes()).expect("write the fake sysctl");
    f
}

/// Forwards a random loopback port to `container_port` in this process,
/// with `udp_idle` for UDP flows; returns the host port.
fn forward(container_port: u16, protocol: Protocol, udp_idle: Duration, netns: Option<OwnedFd>) -> u16 {
    let bound = bind(&[on_loopback(0, container_port, protocol)], false).expect("bind a random port");
    let port = bound.mappings()[0].host_port;
    assert_ne!(port, 0, "the kernel's pick is reported");
    serve(bound, netns, udp_idle).expect("serve");
    port
}

/// A TCP server on loopback running `handle` for every connection.
fn tcp_server(handle: fn(TcpStream)) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a server");
    let port = listener.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            std::thread::spawn(move || handle(conn));
        }
    });
    port
}

/// Reads until EOF, then answers with the byte count and a checksum: the
/// answer can only come once the client's half-close went through.
fn count_then_answer(mut conn: TcpStream) {
    let (mut total, mut sum, mut buf) = (0u64, 0u64, vec![0u8; MB]);
    loop {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                total += n as u64;
                sum = checksum(sum, &buf[..n], total - n as u64);
            }
        }
    }
    let _ = conn.write_all(format!("{total} {sum}").as_bytes());
}

/// Writes 100 MB, then closes.
fn send_100_mb(mut conn: TcpStream) {
    let chunk = vec![7u8; MB];
    for _ in 0..100 {
        if conn.write_all(&chunk).is_err() {
            return;
        }
    }
}

/// A position-dependent sum, so that lost, doubled or reordered bytes show.
fn checksum(mut sum: u64, bytes: &[u8], offset: u64) -> u64 {
    for (i, b) in bytes.iter().enumerate() {
        sum = sum.wrapping_add((*b as u64 + 1).wrapping_mul(offset + i as u64 + 1));
    }
    sum
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

#[test]
fn tcp_carries_data_whole_through_a_half_close() {
    let server = tcp_server(count_then_answer);
    let port = forward(server, Protocol::Tcp, UDP_IDLE, None);
    let data = pattern(24 * MB + 17);
    let mut client = TcpStream::connect(("127.0.0.1", port)).expect("connect to the published port");
    client.set_read_timeout(Some(Duration::from_secs(60))).expect("a timeout");
    client.write_all(&data).expect("send");
    client.shutdown(Shutdown::Write).expect("half-close");
    let mut answer = String::new();
    client.read_to_string(&mut answer).expect("the answer after the half-close");
    assert_eq!(answer, format!("{} {}", data.len(), checksum(0, &data, 0)));
}

#[test]
fn a_100_mb_download_arrives_whole_at_loopback_class_speed() {
    fn download(port: u16) -> (usize, Duration) {
        let mut client = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let (mut buf, mut total, started) = (vec![0u8; MB], 0, Instant::now());
        loop {
            match client.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => total += n,
                Err(e) => panic!("read after {total} bytes: {e}"),
            }
        }
        (total, started.elapsed())
    }
    let server = tcp_server(send_100_mb);
    let (raw_bytes, raw_time) = download(server);
    let (bytes, time) = download(forward(server, Protocol::Tcp, UDP_IDLE, None));
    assert_eq!((raw_bytes, bytes), (100 * MB, 100 * MB), "every byte arrives");
    let rate = |t: Duration| 100.0 / t.as_secs_f64();
    eprintln!("100 MB: loopback {:.0} MB/s, through the forwarder {:.0} MB/s ({:.2}x)", rate(raw_time), rate(time), rate(time) / rate(raw_time));
}

#[test]
fn a_container_port_that_does_not_answer_closes_the_client_at_once() {
    let nothing = TcpListener::bind("127.0.0.1:0").expect("reserve a port").local_addr().expect("its address").port();
    let port = forward(nothing, Protocol::Tcp, UDP_IDLE, None);
    let mut client = TcpStream::connect(("127.0.0.1", port)).expect("the host side accepts");
    client.set_read_timeout(Some(Duration::from_secs(10))).expect("a timeout");
    let mut buf = [0u8; 16];
    match client.read(&mut buf) {
        Ok(0) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        other => panic!("the client should be closed, got {other:?}"),
    }
}

/// A UDP server answering every datagram with its sender's address.
fn udp_who_am_i() -> u16 {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("bind a UDP server");
    let port = socket.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        let mut buf = [0u8; 2048];
        while let Ok((n, from)) = socket.recv_from(&mut buf) {
            let answer = format!("{} {from}", String::from_utf8_lossy(&buf[..n]));
            let _ = socket.send_to(answer.as_bytes(), from);
        }
    });
    port
}

fn ask(client: &UdpSocket, port: u16, what: &str) -> (String, String) {
    client.send_to(what.as_bytes(), ("127.0.0.1", port)).expect("send a datagram");
    let mut buf = [0u8; 2048];
    let (n, from) = client.recv_from(&mut buf).expect("an answer");
    assert_eq!(from.port(), port, "the answer comes from the published port");
    let text = String::from_utf8_lossy(&buf[..n]).into_owned();
    let (echo, seen_from) = text.split_once(' ').expect("echo and address");
    (echo.to_string(), seen_from.to_string())
}

#[test]
fn udp_keeps_one_flow_per_client_and_drops_idle_ones() {
    let port = forward(udp_who_am_i(), Protocol::Udp, Duration::from_millis(300), None);
    let client = UdpSocket::bind("127.0.0.1:0").expect("a client socket");
    client.set_read_timeout(Some(Duration::from_secs(5))).expect("a timeout");
    let (echo, flow) = ask(&client, port, "hello");
    assert_eq!(echo, "hello");
    let (_, again) = ask(&client, port, "again");
    assert_eq!(again, flow, "one client, one flow");
    let other = UdpSocket::bind("127.0.0.1:0").expect("another client");
    other.set_read_timeout(Some(Duration::from_secs(5))).expect("a timeout");
    let (_, other_flow) = ask(&other, port, "hi");
    assert_ne!(other_flow, flow, "each client has its own flow");
    std::thread::sleep(Duration::from_millis(900));
    let (_, after_idle) = ask(&client, port, "later");
    assert_ne!(after_idle, flow, "an idle flow is closed and a new one made");
}

#[test]
fn a_port_in_use_fails_with_the_fix_and_leaves_nothing_bound() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("take a port");
    let taken_port = taken.local_addr().expect("its address").port();
    let free_port = TcpListener::bind("127.0.0.1:0").expect("find a port").local_addr().expect("its address").port();
    let asked = [on_loopback(free_port, 80, Protocol::Tcp), on_loopback(taken_port, 81, Protocol::Tcp)];
    let err = bind(&asked, false).expect_err("the second port is taken");
    assert_eq!(
        err.to_string(),
        format!("host port {taken_port}/tcp is already in use (127.0.0.1:{taken_port}): stop what uses it or publish another port")
    );
    TcpListener::bind(("127.0.0.1", free_port)).expect("the first port was released with the error");
    // The same port over UDP is another port.
    let udp = bind(&[on_loopback(taken_port, 81, Protocol::Udp)], false).expect("udp is free");
    assert_eq!(udp.mappings()[0].host_port, taken_port);
}

#[test]
fn every_address_is_0_0_0_0_and_ipv6_on_one_port() {
    let bound = bind(&[PortMapping { container_port: 80, ..Default::default() }], false).expect("bind every address");
    let got = bound.mappings();
    assert_eq!(got[0].host_ip, Some(Ipv4Addr::UNSPECIFIED.into()));
    assert_ne!(got[0].host_port, 0);
    let has_ipv6 = std::fs::read_to_string("/proc/net/if_inet6").is_ok_and(|t| !t.trim().is_empty());
    if has_ipv6 {
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!((got[1].host_ip, got[1].host_port), (Some("::".parse().expect("::")), got[0].host_port));
    }
    // Two random ports are two ports.
    let two = bind(&[PortMapping { container_port: 80, ..Default::default() }, PortMapping { container_port: 81, ..Default::default() }], false).expect("bind");
    let ports: Vec<u16> = two.mappings().iter().map(|m| m.host_port).collect();
    assert_ne!(ports.first(), ports.last());
}

#[test]
fn a_host_range_takes_its_first_free_port() {
    let blocker = TcpListener::bind("127.0.0.1:0").expect("take a port");
    let first = blocker.local_addr().expect("its address").port();
    let m = PortMapping { host_port_end: Some(first + 1), ..on_loopback(first, 80, Protocol::Tcp) };
    let bound = bind(std::slice::from_ref(&m), false).expect("the next port is free");
    assert_eq!(bound.mappings()[0].host_port, first + 1);
    assert_eq!(bound.mappings()[0].host_port_end, None, "the resolved port is one port");
    let err = bind(&[m], false).expect_err("both ports are taken now");
    assert!(err.to_string().contains(&format!("no host port of {first}-{}/tcp is free on 127.0.0.1", first + 1)), "{err}");
}

#[test]
fn a_privileged_port_rootless_names_the_sysctl_and_the_fix() {
    let sysctl = sysctl_at("1024\n");
    let m = on_loopback(80, 80, Protocol::Tcp);
    let addr: SocketAddr = "0.0.0.0:80".parse().expect("an address");
    let denied = || std::io::Error::from_raw_os_error(libc::EACCES);
    let text = classify(denied(), &m, addr, true, sysctl.path()).to_string();
    assert!(text.contains("host port 80/tcp is below net.ipv4.ip_unprivileged_port_start=1024"), "{text}");
    assert!(text.contains("publish a port >= 1024") && text.contains("sysctl -w net.ipv4.ip_unprivileged_port_start=80"), "{text}");
    assert!(!classify(denied(), &m, addr, false, sysctl.path()).to_string().contains("sysctl"), "as root EACCES is something else");
    let above: SocketAddr = "0.0.0.0:2000".parse().expect("an address");
    assert!(!classify(denied(), &m, above, true, sysctl.path()).to_string().contains("sysctl"), "2000 is not below the limit");
    let not_here = classify(std::io::Error::from_raw_os_error(libc::EADDRNOTAVAIL), &m, "10.9.9.9:80".parse().expect("an address"), false, sysctl.path());
    assert!(not_here.to_string().contains("cannot publish on 10.9.9.9: it is not an address of this host"), "{not_here}");
    // For real, where this test runs unprivileged under the default limit.
    if !nix::unistd::geteuid().is_root() {
        let real = std::path::Path::new("/proc/sys/net/ipv4/ip_unprivileged_port_start");
        if std::fs::read_to_string(real).is_ok_and(|v| v.trim().parse::<u16>().is_ok_and(|start| start > 80)) {
            let err = bind_with(&[PortMapping { container_port: 80, host_port: 80, ..Default::default() }], true, real).expect_err("port 80");
            assert!(err.to_string().contains("net.ipv4.ip_unprivileged_port_start"), "{err}");
        }
    }
}

#[test]
fn the_forwarder_process_serves_until_killed_and_dies_with_its_parent() {
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::{fork, ForkResult};
    let server = tcp_server(count_then_answer);
    let bound = bind(&[on_loopback(0, server, Protocol::Tcp)], false).expect("bind");
    let port = bound.mappings()[0].host_port;
    let pid = spawn(bound, None).expect("spawn the forwarder");
    // It keeps stdio and its listener, none of the test process's many fds.
    let fds = || -> Vec<i32> {
        let entries = std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(Vec::new(), |d| d.flatten().collect());
        let mut fds: Vec<i32> = entries.iter().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect();
        fds.sort_unstable();
        fds
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while fds().len() != 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let kept = fds();
    assert_eq!(kept.len(), 4, "0, 1, 2 and the listener: {kept:?}");
    assert!(kept.starts_with(&[0, 1, 2]), "{kept:?}");
    let stdout = std::fs::read_link(format!("/proc/{pid}/fd/1")).expect("its stdout");
    assert_eq!(stdout, std::path::Path::new("/dev/null"), "a print cannot land in a connection");
    let mut client = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    client.write_all(b"abc").and_then(|_| client.shutdown(Shutdown::Write)).expect("send");
    let mut answer = String::new();
    client.read_to_string(&mut answer).expect("answer");
    assert_eq!(answer, format!("3 {}", checksum(0, b"abc", 0)));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL).expect("kill the forwarder");
    assert!(matches!(waitpid(pid, None), Ok(WaitStatus::Signaled(..))));
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err(), "its port is closed with it");

    // A parent that exits takes its forwarder with it.
    let (read_end, write_end) = nix::unistd::pipe().expect("a pipe");
    let bound = bind(&[on_loopback(0, server, Protocol::Tcp)], false).expect("bind");
    // SAFETY: the child only spawns the forwarder, writes its pid and exits.
    match unsafe { fork() }.expect("fork a parent for the forwarder") {
        ForkResult::Child => {
            let code = match spawn(bound, None) {
                Ok(pid) => {
                    let _ = nix::unistd::write(&write_end, &pid.as_raw().to_ne_bytes());
                    0
                }
                Err(_) => 1,
            };
            // SAFETY: leave the forked test process at once.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop((write_end, bound));
            let mut pid = [0u8; 4];
            nix::unistd::read(std::os::fd::AsRawFd::as_raw_fd(&read_end), &mut pid).expect("the forwarder's pid");
            let forwarder = i32::from_ne_bytes(pid);
            assert_eq!(waitpid(child, None).expect("wait for the parent"), WaitStatus::Exited(child, 0));
            let gone = || std::fs::read_to_string(format!("/proc/{forwarder}/stat")).map_or(true, |s| s.rsplit(')').next().is_some_and(|r| r.trim_start().starts_with('Z')));
            let deadline = Instant::now() + Duration::from_secs(10);
            while !gone() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            assert!(gone(), "forwarder {forwarder} outlived its parent");
        }
    }
}

#[test]
fn connections_are_made_inside_the_given_network_namespace() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: making a network namespace needs root");
        return;
    }
    // A thread of our own enters a new namespace (threads may, for the
    // network namespace), brings its loopback up and serves there.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let made = (|| -> anyhow::Result<(OwnedFd, u16, TcpListener)> {
            nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET)?;
            let up = std::process::Command::new("ip").args(["link", "set", "lo", "up"]).status()?;
            anyhow::ensure!(up.success(), "ip link set lo up");
            let ns = OwnedFd::from(std::fs::File::open("/proc/thread-self/ns/net")?);
            let listener = TcpListener::bind("127.0.0.1:0")?;
            let port = listener.local_addr()?.port();
            Ok((ns, port, listener))
        })();
        match made {
            Ok((ns, port, listener)) => {
                let _ = tx.send(Some((ns, port)));
                for mut conn in listener.incoming().flatten() {
                    let _ = conn.write_all(b"from the namespace");
                }
            }
            Err(e) => {
                eprintln!("skipped: {e:#}");
                let _ = tx.send(None);
            }
        }
    });
    let Some((ns, inner_port)) = rx.recv().expect("the namespace thread answers") else { return };
    // Another test may hold the same port number on the host's loopback, so
    // what proves the server is elsewhere is that the host's port does not
    // answer with the namespace's words.
    if let Ok(mut other) = TcpStream::connect(("127.0.0.1", inner_port)) {
        other.set_read_timeout(Some(Duration::from_millis(200))).expect("read timeout");
        let mut heard = Vec::new();
        let _ = other.read_to_end(&mut heard);
        assert_ne!(heard, b"from the namespace", "the server is not on the host's loopback");
    }
    let port = forward(inner_port, Protocol::Tcp, UDP_IDLE, Some(ns));
    let mut answer = String::new();
    TcpStream::connect(("127.0.0.1", port)).expect("connect").read_to_string(&mut answer).expect("read");
    assert_eq!(answer, "from the namespace");
}
