//! Published ports end to end, as a user meets them: `run -p` and then a
//! client on the host's side gets its answer from the container, over TCP
//! and UDP, on fixed, random and ranged ports, for `-P`, and for 100 MB
//! that must arrive whole; a port that cannot be bound fails the start
//! with one line and leaves nothing behind. (Parsing and what `port`, `ps`
//! and `inspect` print for recorded bindings: tests/ports.rs.)
//!
//! As root each test has a network namespace of its own
//! (`TestEnv::with_netns`); rootless the ports are the host's, shared with
//! tests running in parallel, so no test names a fixed host port: each
//! finds a free one or lets pontoon pick.

mod common;

use std::io::ErrorKind;
use std::net::{TcpListener, UdpSocket};
use std::path::Path;
use std::time::{Duration, Instant};

use common::fixtures::{busybox_layer, cached_layout};
use common::{is_root, load_as, skip_unless, wait_until, TestEnv};

fn busybox_env() -> TestEnv {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env
}

/// A host port free on every address right now (bound, then let go).
fn free_port(env: &TestEnv) -> u16 {
    env.in_host_side(|| TcpListener::bind("0.0.0.0:0").and_then(|l| l.local_addr()).expect("bind a random port").port())
}

/// A port P such that P and P+1 are both free on every address.
fn free_port_pair(env: &TestEnv) -> u16 {
    env.in_host_side(|| {
        for _ in 0..100 {
            let first = TcpListener::bind("0.0.0.0:0").expect("bind a random port");
            let port = first.local_addr().expect("local address").port();
            if port < u16::MAX && TcpListener::bind(("0.0.0.0", port + 1)).is_ok() {
                return port;
            }
        }
        panic!("found no two free consecutive ports in 100 tries");
    })
}

/// The body of `url` fetched by `curl` from the host's side, or None.
fn get(env: &TestEnv, url: &str) -> Option<Vec<u8>> {
    let out = env.host("curl", &["-sf", "--max-time", "10", url]).output().expect("run curl (install curl)");
    out.status.success().then_some(out.stdout)
}

/// [`get`], retried while the server in the container starts (the host
/// port is bound before the container runs, so early requests find no one).
fn fetch(env: &TestEnv, url: &str) -> String {
    for _ in 0..100 {
        if let Some(body) = get(env, url) {
            return String::from_utf8_lossy(&body).into_owned();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{url} never answered");
}

/// The host port `pontoon port NAME PORT` reports first, with its address.
fn published(env: &TestEnv, name: &str, port: &str) -> (String, u16) {
    let text = env.ok(&["port", name, port]);
    let first = text.lines().next().unwrap_or_else(|| panic!("`pontoon port {name} {port}` printed nothing"));
    let (ip, host_port) = first.rsplit_once(':').unwrap_or_else(|| panic!("not ADDRESS:PORT: {first:?}"));
    (ip.to_string(), host_port.parse().unwrap_or_else(|_| panic!("not a port: {first:?}")))
}

fn hostname_of(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.Config.Hostname}}", name]).trim().to_string()
}

#[test]
fn a_published_port_answers_on_the_hosts_localhost() {
    let env = busybox_env();
    let port = free_port(&env);
    env.ok(&["run", "-d", "--name", "web", "--hostname", "webhost", "-p", &format!("{port}:80"), "busybox", "httpd", "-f", "-p", "80", "-h", "/etc"]);
    assert_eq!(fetch(&env, &format!("http://localhost:{port}/hostname")), "webhost\n");
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{port}/hostname")), "webhost\n");
    assert_eq!(env.ok(&["port", "web", "80"]).lines().next(), Some(format!("0.0.0.0:{port}").as_str()));
    // Stopping the container gives the port back.
    env.ok(&["stop", "-t", "0", "web"]);
    let bindable = || env.in_host_side(move || TcpListener::bind(("0.0.0.0", port)).is_ok());
    assert!(wait_until(10, bindable), "host port {port} is still taken after stop");
}

#[test]
fn a_random_port_on_loopback_is_what_port_and_ps_report() {
    let env = busybox_env();
    env.ok(&["run", "-d", "--name", "web", "-p", "127.0.0.1::80", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc"]);
    let (ip, port) = published(&env, "web", "80");
    assert_eq!(ip, "127.0.0.1");
    assert_ne!(port, 0);
    assert_eq!(env.ok(&["port", "web", "80"]), format!("127.0.0.1:{port}\n"), "one binding, on loopback only");
    assert_eq!(env.ok(&["port", "web"]), format!("80/tcp -> 127.0.0.1:{port}\n"));
    assert_eq!(env.ok(&["ps", "--format", "{{.Names}} {{.Ports}}"]), format!("web 127.0.0.1:{port}->80/tcp\n"));
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{port}/hostname")), format!("{}\n", hostname_of(&env, "web")));
}

#[test]
fn a_port_published_on_ipv6_loopback_answers_there() {
    let env = busybox_env();
    let has_ipv6 = env.in_host_side(|| TcpListener::bind("[::1]:0").is_ok());
    if skip_unless(has_ipv6, "no IPv6 loopback here") {
        return;
    }
    env.ok(&["run", "-d", "--name", "web6", "-p", "[::1]::80", "busybox", "httpd", "-f", "-p", "80", "-h", "/etc"]);
    let (ip, port) = published(&env, "web6", "80");
    assert_eq!(ip, "[::1]");
    assert_eq!(fetch(&env, &format!("http://[::1]:{port}/hostname")), format!("{}\n", hostname_of(&env, "web6")));
}

/// A UDP echo for the container: busybox has no UDP server applet, so the
/// host's perl (bind-mounted with its libraries) answers each datagram
/// with `echo:` and the datagram, to whoever sent it.
const UDP_ECHO: &str = r#"use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalAddr => "0.0.0.0:7", Proto => "udp") or die "bind: $!"; while (1) { my $peer = $s->recv(my $m, 65536); $s->send("echo:$m", 0, $peer) }"#;

/// Sends `msg` from `socket` to `port` on the host's loopback until an
/// answer comes (the echo may not be listening yet: datagrams get lost).
fn udp_ask(socket: &UdpSocket, port: u16, msg: &str) -> String {
    socket.set_read_timeout(Some(Duration::from_millis(300))).expect("set a read timeout");
    let mut buf = [0u8; 1500];
    for _ in 0..50 {
        socket.send_to(msg.as_bytes(), ("127.0.0.1", port)).expect("send a datagram");
        match socket.recv_from(&mut buf) {
            Ok((n, _)) => return String::from_utf8_lossy(&buf[..n]).into_owned(),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::ConnectionRefused) => continue,
            Err(e) => panic!("receive the echo: {e}"),
        }
    }
    panic!("no UDP echo from 127.0.0.1:{port}");
}

#[test]
fn a_published_udp_port_carries_datagrams_both_ways() {
    if skip_unless(Path::new("/usr/bin/perl").exists(), "the UDP echo is the host's /usr/bin/perl (Debian's perl-base)") {
        return;
    }
    let env = busybox_env();
    let mounts = ["-v", "/usr:/usr:ro", "-v", "/lib:/lib:ro", "-v", "/lib64:/lib64:ro"];
    let mut run = vec!["run", "-d", "--name", "echo", "-p", "127.0.0.1::7/udp"];
    run.extend_from_slice(&mounts);
    run.extend_from_slice(&["busybox", "/usr/bin/perl", "-e", UDP_ECHO]);
    env.ok(&run);
    let (_, port) = published(&env, "echo", "7/udp");
    assert_eq!(env.ok(&["port", "echo"]), format!("7/udp -> 127.0.0.1:{port}\n"));
    let client = || env.in_host_side(|| UdpSocket::bind("127.0.0.1:0").expect("bind a UDP client"));
    let (a, b) = (client(), client());
    assert_eq!(udp_ask(&a, port, "one"), "echo:one");
    // Each client's answers come back to it, not to the other.
    assert_eq!(udp_ask(&b, port, "two"), "echo:two");
    assert_eq!(udp_ask(&a, port, "three"), "echo:three");
}

#[test]
fn a_range_of_ports_maps_one_to_one() {
    let env = busybox_env();
    let first = free_port_pair(&env);
    let range = format!("{first}-{}:80-81", first + 1);
    let serve_two = "mkdir /w80 /w81 && echo eighty > /w80/which && echo eighty-one > /w81/which && httpd -p 80 -h /w80 && exec httpd -f -p 81 -h /w81";
    env.ok(&["run", "-d", "--name", "web", "-p", &range, "busybox", "sh", "-c", serve_two]);
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{first}/which")), "eighty\n");
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{}/which", first + 1)), "eighty-one\n");
    let ports = env.ok(&["port", "web"]);
    assert!(ports.contains(&format!("80/tcp -> 0.0.0.0:{first}\n")), "{ports}");
    assert!(ports.contains(&format!("81/tcp -> 0.0.0.0:{}\n", first + 1)), "{ports}");
}

const BIG_MB: u64 = 100;

fn sha256_hex(path: &Path) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    let mut file = std::fs::File::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    std::io::copy(&mut file, &mut hasher).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    hex::encode(hasher.finalize())
}

/// Downloads `url` to `dest` with curl from the host's side; the rate in MB/s.
fn download(env: &TestEnv, url: &str, dest: &Path) -> f64 {
    let started = Instant::now();
    let out = env.host("curl", &["-sf", "--max-time", "120", "-o", &dest.display().to_string(), url]).output().expect("run curl");
    let took = started.elapsed().as_secs_f64();
    assert!(out.status.success(), "curl {url}: {}", String::from_utf8_lossy(&out.stderr));
    BIG_MB as f64 / took
}

#[test]
fn a_hundred_megabytes_arrive_whole_through_a_published_port() {
    let env = busybox_env();
    let make_and_serve = format!(
        "mkdir /srv && dd if=/dev/urandom of=/srv/big bs=1M count={BIG_MB} 2>/dev/null && sha256sum /srv/big > /srv/big.sha256 && exec httpd -f -p 80 -h /srv"
    );
    env.ok(&["run", "-d", "--name", "files", "-p", "127.0.0.1::80", "busybox", "sh", "-c", &make_and_serve]);
    let (_, port) = published(&env, "files", "80");
    // httpd starts only once both files are written.
    let expected = fetch(&env, &format!("http://127.0.0.1:{port}/big.sha256"));
    let expected = expected.split_whitespace().next().expect("sha256sum printed a digest").to_string();
    let got = env.path().join("host-side/big");
    std::fs::create_dir_all(got.parent().expect("a parent")).expect("create the download dir");
    let through_forwarder = download(&env, &format!("http://127.0.0.1:{port}/big"), &got);
    let size = std::fs::metadata(&got).expect("the download").len();
    assert_eq!(size, BIG_MB << 20, "the download is cut short");
    assert_eq!(sha256_hex(&got), expected, "the download is not what the container served");
    // The same file from a server on the host's side: raw loopback.
    let raw_port = free_port(&env);
    let dir = got.parent().expect("a parent").display().to_string();
    let mut server = env.host("busybox", &["httpd", "-f", "-p", &format!("127.0.0.1:{raw_port}"), "-h", &dir]).spawn().expect("start busybox httpd");
    let again = env.path().join("again");
    let ready = wait_until(10, || server_listens(&env, raw_port));
    let raw = ready.then(|| download(&env, &format!("http://127.0.0.1:{raw_port}/big"), &again));
    let _ = server.kill();
    let _ = server.wait();
    let raw = raw.expect("the host-side httpd never listened");
    eprintln!("{BIG_MB} MB: {through_forwarder:.0} MB/s through the published port, {raw:.0} MB/s over raw loopback ({:.2} of it)", through_forwarder / raw);
}

fn server_listens(env: &TestEnv, port: u16) -> bool {
    env.in_host_side(move || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok())
}

/// The names of the links where the env's containers publish.
fn host_links(env: &TestEnv) -> Vec<String> {
    let out = env.host("ip", &["-o", "link"]).output().expect("run ip");
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().filter_map(|l| l.split(':').nth(1)).map(|n| n.trim().split('@').next().unwrap_or("").to_string()).collect()
}

/// Processes whose command line names `id` (its monitor, forwarder, pasta).
fn processes_naming(id: &str) -> Vec<String> {
    let procs = std::fs::read_dir("/proc").expect("read /proc").flatten();
    let cmdlines = procs.filter_map(|p| Some((p.file_name(), std::fs::read(p.path().join("cmdline")).ok()?)));
    let naming = cmdlines.filter(|(_, c)| String::from_utf8_lossy(c).contains(id));
    naming.map(|(pid, c)| format!("{}: {}", pid.to_string_lossy(), String::from_utf8_lossy(&c).replace('\0', " "))).collect()
}

/// Every address lease under the runroot (`networks/*/leases.json`).
fn leases(env: &TestEnv) -> String {
    let dirs = std::fs::read_dir(env.runroot.join("networks")).into_iter().flatten().flatten();
    dirs.filter_map(|d| std::fs::read_to_string(d.path().join("leases.json")).ok()).collect()
}

#[test]
fn a_host_port_in_use_fails_the_start_and_leaves_nothing_behind() {
    let env = busybox_env();
    let taken = env.in_host_side(|| TcpListener::bind("0.0.0.0:0").expect("bind a random port"));
    let port = taken.local_addr().expect("local address").port();
    let links_before = host_links(&env);
    let publish = format!("{port}:80");
    let (code, err) = env.fails(&["run", "-d", "--name", "late", "-p", &publish, "busybox", "httpd", "-f", "-p", "80", "-h", "/etc"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains(&format!("host port {port}/tcp is already in use")), "{err}");
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "late"]).trim().to_string();
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Running}}", "late"]).trim(), "false");
    assert!(wait_until(10, || processes_naming(&id).is_empty()), "processes of the failed container: {:?}", processes_naming(&id));
    assert!(!leases(&env).contains(&id), "an address is still leased to it: {}", leases(&env));
    let links_after = host_links(&env);
    assert!(!links_after.iter().any(|l| l.contains(&id[..10])), "a link of the container is left: {links_after:?}");
    if is_root() {
        assert_eq!(links_after, links_before, "links were left in the env's namespace");
    }
    let (code, err) = env.fails(&["run", "--rm", "-p", &publish, "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains(&format!("host port {port}/tcp is already in use")), "{err}");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "late\n", "run --rm left a container");
    // Once the port is free the same container starts and answers there.
    drop(taken);
    env.ok(&["start", "late"]);
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{port}/hostname")), format!("{}\n", hostname_of(&env, "late")));
}

#[test]
fn rootless_a_privileged_port_names_the_sysctl() {
    if skip_unless(!is_root(), "root may bind any port") {
        return;
    }
    let start: u16 = std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    if skip_unless(start > 80, "net.ipv4.ip_unprivileged_port_start lets everyone bind port 80 here") {
        return;
    }
    let env = busybox_env();
    let (code, err) = env.fails(&["run", "--rm", "-p", "80:80", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("host port 80/tcp") && err.contains(&format!("net.ipv4.ip_unprivileged_port_start={start}")), "{err}");
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "a container was left behind");
}

/// A busybox image whose config EXPOSEs 80 and 8080, each served by httpd
/// with a file saying which port it is.
fn exposing_image(env: &TestEnv) {
    let layout = cached_layout("busybox-exposing-80-8080", |w| {
        let serve = "mkdir /w80 /w8080 && echo eighty > /w80/which && echo eighty-eighty > /w8080/which && httpd -p 80 -h /w80 && exec httpd -f -p 8080 -h /w8080";
        let config = serde_json::json!({ "ExposedPorts": { "80/tcp": {}, "8080/tcp": {} }, "Cmd": ["sh", "-c", serve] });
        let manifest = w.image("amd64", &[busybox_layer()], config)?;
        w.finish(&manifest)
    });
    load_as(env, &layout, "exposing:1");
}

#[test]
fn publish_all_puts_every_exposed_port_on_a_random_host_port() {
    let env = TestEnv::with_netns();
    exposing_image(&env);
    env.ok(&["run", "-d", "--name", "web", "-P", "exposing:1"]);
    let (_, p80) = published(&env, "web", "80");
    let (_, p8080) = published(&env, "web", "8080");
    assert_ne!(p80, p8080);
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{p80}/which")), "eighty\n");
    assert_eq!(fetch(&env, &format!("http://127.0.0.1:{p8080}/which")), "eighty-eighty\n");
    let shown = env.ok(&["ps", "--format", "{{.Ports}}"]);
    assert!(shown.contains(&format!("0.0.0.0:{p80}->80/tcp")) && shown.contains(&format!("0.0.0.0:{p8080}->8080/tcp")), "{shown}");
}

/// Answers every HTTP request to `listener` with `body`, on a thread. The
/// request is read first: closing with it unread would reset the
/// connection and could lose the answer.
fn serve_http(listener: TcpListener, body: &'static str) {
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            use std::io::{BufRead, Write};
            let mut reader = std::io::BufReader::new(&conn);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                line.clear();
            }
            let _ = write!(&conn, "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
}

#[test]
fn the_first_act_of_a_published_container_reaches_the_host() {
    let env = busybox_env();
    // On every address: as root the host is the bridge's gateway, rootless
    // pasta carries the gateway's address to the host's loopback.
    let listener = env.in_host_side(|| TcpListener::bind("0.0.0.0:0").expect("bind a random port"));
    let url = format!("http://host.containers.internal:{}/", listener.local_addr().expect("local address").port());
    serve_http(listener, "hello from the host\n");
    // wget, not `nc </dev/null`: Debian 12's pasta (passt 2023-03-09) can
    // lose the host's FIN when the container closes its side first, and
    // nc would then wait forever; an HTTP client does not close first.
    for round in 1..=20 {
        let out = env.run(&["run", "--rm", "-p", "127.0.0.1::80", "busybox", "wget", "-qO-", &url]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && said == "hello from the host\n", "round {round}: {}", common::describe(&out));
    }
}
