//! User-defined networks end to end, as a user meets them: containers on
//! `network create app` reach each other by name, alias and short id over
//! TCP and UDP; other networks and the default one neither resolve nor
//! reach them; disconnect and connect take effect at once; bad input
//! leaves nothing behind; and every bridge, veth, nft table, lease and
//! rootless namespace a network made is gone once it is no longer used,
//! even after a killed monitor. Every test runs in a network namespace of
//! its own as root (`TestEnv::with_netns`), so bridges and rules never
//! touch the machine.

mod common;

use std::collections::BTreeSet;

use common::{is_root, TestEnv};
use serde_json::Value;

/// An env (in its own network namespace as root) with busybox loaded.
fn env() -> TestEnv {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env
}

/// `{{.NetworkSettings.Networks}}` of a container, by network name.
fn networks_of(env: &TestEnv, container: &str) -> Value {
    let text = env.ok(&["inspect", "--format", "{{json .NetworkSettings.Networks}}", container]);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("inspect of {container} prints JSON ({e}): {text}"))
}

/// The container's address on `network`, as inspect shows it.
fn address_on(env: &TestEnv, container: &str, network: &str) -> String {
    let networks = networks_of(env, container);
    let address = networks[network]["IPAddress"].as_str().unwrap_or_default().to_string();
    assert!(!address.is_empty(), "{container} has no address on {network}: {networks}");
    address
}

fn hostname_of(env: &TestEnv, container: &str) -> String {
    env.ok(&["inspect", "--format", "{{.Config.Hostname}}", container]).trim().to_string()
}

/// What `from` gets asking `http://TARGET:8000/hostname` with nc (which,
/// unlike busybox wget, fails without crashing): the reply, or "" when it
/// cannot connect within 2 seconds.
fn http_get_with_nc(env: &TestEnv, from: &str, target: &str) -> String {
    let script = format!("printf 'GET /hostname HTTP/1.0\\r\\n\\r\\n' | nc -w 2 {target} 8000");
    let out = env.run(&["exec", from, "sh", "-c", &script]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `api`: busybox httpd on port 8000 serving /etc (so /hostname answers
/// its hostname), on `network` with extra `run` flags.
fn run_api(env: &TestEnv, network: &str, extra: &[&str]) {
    let mut args = vec!["run", "-d", "--name", "api", "--network", network];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["busybox", "httpd", "-f", "-p", "8000", "-h", "/etc"]);
    env.ok(&args);
}

fn run_sleeper(env: &TestEnv, name: &str, network: &str) {
    env.ok(&["run", "-d", "--name", name, "--network", network, "busybox", "sleep", "1000"]);
}

/// The names /etc/hosts of `container` gives (every word after an address).
fn hosts_names(env: &TestEnv, container: &str) -> BTreeSet<String> {
    let hosts = env.ok(&["exec", container, "cat", "/etc/hosts"]);
    hosts.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(|l| l.split_whitespace().skip(1).map(String::from).collect::<Vec<_>>()).collect()
}

#[test]
fn containers_on_a_network_reach_each_other_by_name_alias_and_short_id() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    run_api(&env, "app", &["--network-alias", "backend"]);
    run_sleeper(&env, "web", "app");
    let api_host = hostname_of(&env, "api");
    let api_id = env.ok(&["inspect", "--format", "{{.Id}}", "api"]);
    for name in ["api", "backend", &api_id[..12]] {
        let got = env.ok(&["exec", "web", "wget", "-qO-", &format!("http://{name}:8000/hostname")]);
        assert_eq!(got.trim(), api_host, "web asking {name}");
    }
    // And back: api knows web by name.
    let web_ip = address_on(&env, "web", "app");
    let seen = env.ok(&["exec", "api", "sh", "-c", "grep -w web /etc/hosts"]);
    assert!(seen.starts_with(&web_ip), "api's /etc/hosts gives web {seen:?}, inspect says {web_ip}");
}

/// This test binary (static, so it runs in any container) as the client
/// and server busybox lacks, inside containers:
/// - NET_HELPER="udp-serve PORT" echoes every datagram back prefixed with
///   "echo:" (Debian's busybox has no udpsvd, and its nc no -u);
/// - NET_HELPER="udp-ask HOST:PORT TEXT" sends TEXT and prints the answer;
/// - NET_HELPER="tcp-read HOST:PORT" prints the first line a TCP server
///   sends. Busybox nc with nothing to send closes its side at once, and
///   the pasta of Debian 12 (passt 2023-03-09) then never passes on the
///   server's close, so nc waits forever (-w bounds only the connect).
///
/// Run plainly, this test checks all three on loopback.
const NET_HELPER: &str = "PONTOON_TEST_NET_HELPER";
const NET_HELPER_TEST: &str = "net_helper_answers_over_udp_and_reads_over_tcp";

#[test]
fn net_helper_answers_over_udp_and_reads_over_tcp() {
    let asked = std::env::var(NET_HELPER).unwrap_or_default();
    let words: Vec<&str> = asked.splitn(3, ' ').collect();
    match words[..] {
        ["udp-serve", port] => udp_serve(std::net::UdpSocket::bind(("0.0.0.0", port.parse::<u16>().expect("a port"))).expect("bind the UDP port")),
        ["udp-ask", target, text] => println!("{}", udp_ask(target, text).expect("an answer")),
        ["tcp-read", target] => println!("{}", tcp_read_line(target).expect("a line")),
        _ => {
            let socket = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
            let port = socket.local_addr().expect("local addr").port();
            std::thread::spawn(move || udp_serve(socket));
            assert_eq!(udp_ask(&format!("127.0.0.1:{port}"), "ping").as_deref(), Some("echo:ping"));
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            let port = listener.local_addr().expect("local addr").port();
            common::serve_reply(listener, "hello\nworld\n");
            assert_eq!(tcp_read_line(&format!("127.0.0.1:{port}")).as_deref(), Some("hello"));
        }
    }
}

fn udp_serve(socket: std::net::UdpSocket) {
    let mut buf = [0u8; 1500];
    while let Ok((n, from)) = socket.recv_from(&mut buf) {
        let reply = [b"echo:", &buf[..n]].concat();
        let _ = socket.send_to(&reply, from);
    }
}

/// The answer to `text` sent to `target` (resolved by this static binary,
/// through the container's /etc/hosts), retried while the server starts.
fn udp_ask(target: &str, text: &str) -> Option<String> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.set_read_timeout(Some(std::time::Duration::from_millis(300))).ok()?;
    socket.connect(target).ok()?;
    let mut buf = [0u8; 1500];
    for _ in 0..20 {
        socket.send(text.as_bytes()).ok()?;
        if let Ok(n) = socket.recv(&mut buf) {
            return Some(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
    }
    None
}

/// The first line `target` sends, within 5 seconds.
fn tcp_read_line(target: &str) -> Option<String> {
    use std::io::BufRead;
    let addr = std::net::ToSocketAddrs::to_socket_addrs(target).ok()?.next()?;
    let conn = std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_secs(5)).ok()?;
    conn.set_read_timeout(Some(std::time::Duration::from_secs(5))).ok()?;
    let mut line = String::new();
    std::io::BufReader::new(conn).read_line(&mut line).ok()?;
    Some(line.trim_end().to_string())
}

/// `run ARGS... busybox HELPER` with NET_HELPER=`mode`: the helper above
/// in a container.
fn run_net_helper(env: &TestEnv, args: &[&str], mode: &str) -> std::process::Output {
    let exe = std::env::current_exe().expect("the test binary's path");
    let (variable, mount) = (format!("{NET_HELPER}={mode}"), format!("{}:/net-helper:ro", exe.display()));
    let mut run = vec!["run"];
    run.extend_from_slice(args);
    run.extend_from_slice(&["-e", &variable, "-v", &mount, "busybox", "/net-helper", NET_HELPER_TEST, "--exact", "--nocapture", "--test-threads=1", "-q"]);
    env.run(&run)
}

#[test]
fn udp_flows_between_containers_of_a_network() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    let served = run_net_helper(&env, &["-d", "--name", "echo", "--network", "app"], "udp-serve 9000");
    assert!(served.status.success(), "{}", common::describe(&served));
    let asked = run_net_helper(&env, &["--rm", "--network", "app"], "udp-ask echo:9000 hello");
    let out = String::from_utf8_lossy(&asked.stdout);
    assert!(out.lines().any(|l| l == "echo:hello"), "no UDP answer from echo by name: {}", common::describe(&asked));
}

#[test]
fn another_network_cannot_reach_a_network_s_containers() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    env.ok(&["network", "create", "other"]);
    run_api(&env, "app", &[]);
    run_sleeper(&env, "web", "app");
    run_sleeper(&env, "stranger", "other");
    let api_ip = address_on(&env, "api", "app");
    let api_host = hostname_of(&env, "api");
    assert!(http_get_with_nc(&env, "web", &api_ip).contains(&api_host), "a peer on app must reach api at {api_ip} (the check itself works)");
    assert_eq!(http_get_with_nc(&env, "stranger", &api_ip), "", "a container on network other reached api at {api_ip}");
    assert!(!hosts_names(&env, "stranger").contains("api"), "api's name leaked to network other");
}

#[test]
fn names_do_not_resolve_on_the_default_network() {
    let env = env();
    env.ok(&["run", "-d", "--name", "first", "busybox", "sleep", "1000"]);
    let hosts = env.ok(&["run", "--rm", "--name", "second", "busybox", "cat", "/etc/hosts"]);
    assert!(!hosts.split_whitespace().any(|w| w == "first"), "the default network resolved a peer's name, which Docker does not:\n{hosts}");
    let first_hosts = hosts_names(&env, "first");
    assert!(!first_hosts.contains("second"), "{first_hosts:?}");
    assert!(first_hosts.contains("first"), "a container still knows its own name: {first_hosts:?}");
}

#[test]
fn disconnect_and_connect_take_effect_in_a_running_container() {
    let env = env();
    env.ok(&["network", "create", "--subnet", "10.131.0.0/24", "app"]);
    run_api(&env, "app", &[]);
    run_sleeper(&env, "web", "app");
    let api_ip = address_on(&env, "api", "app");
    let api_host = hostname_of(&env, "api");
    assert!(http_get_with_nc(&env, "web", &api_ip).contains(&api_host));

    env.ok(&["network", "disconnect", "app", "web"]);
    assert_eq!(http_get_with_nc(&env, "web", &api_ip), "", "web reached api at {api_ip} after disconnect");
    assert!(!hosts_names(&env, "web").contains("api"), "api's name stayed in web's /etc/hosts");
    assert!(!hosts_names(&env, "api").contains("web"), "web's name stayed in api's /etc/hosts");
    assert_eq!(networks_of(&env, "web"), serde_json::json!({}), "inspect still shows web on app");
    let links = env.ok(&["exec", "web", "ip", "-o", "link"]);
    assert!(!links.contains("eth0"), "web's interface on app is still there: {links}");

    env.ok(&["network", "connect", "--alias", "front", "--ip", "10.131.0.77", "app", "web"]);
    assert!(http_get_with_nc(&env, "web", &api_ip).contains(&api_host), "web cannot reach api at {api_ip} after connect");
    assert_eq!(env.ok(&["exec", "web", "wget", "-qO-", "http://api:8000/hostname"]).trim(), api_host, "api by name after connect");
    let web = &networks_of(&env, "web")["app"];
    assert_eq!(web["IPAddress"], "10.131.0.77", "--ip: {web}");
    assert!(web["Aliases"].as_array().is_some_and(|a| a.contains(&"front".into())), "--alias: {web}");
    let seen_by_api = env.ok(&["exec", "api", "cat", "/etc/hosts"]);
    let line = seen_by_api.lines().find(|l| l.split_whitespace().any(|w| w == "front")).unwrap_or_default();
    assert!(line.starts_with("10.131.0.77") && line.split_whitespace().any(|w| w == "web"), "api knows web as front at its --ip:\n{seen_by_api}");
    let addresses = env.ok(&["exec", "web", "ip", "-4", "-o", "addr"]);
    assert!(addresses.contains("inet 10.131.0.77/24"), "{addresses}");
}

/// What a network or container could leave behind: as root the links and
/// the nft ruleset of the env's namespace; everywhere the address leases.
#[derive(Debug, PartialEq)]
struct Leftovers {
    links: BTreeSet<String>,
    ruleset: String,
    leases: Vec<(String, String)>,
}

fn host_output(env: &TestEnv, program: &str, args: &[&str]) -> String {
    let out = env.host(program, args).output().unwrap_or_else(|e| panic!("run {program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", common::describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn link_names(env: &TestEnv) -> BTreeSet<String> {
    host_output(env, "ip", &["-o", "link"]).lines().filter_map(|l| Some(l.split(':').nth(1)?.trim().split('@').next()?.to_string())).collect()
}

/// Whether the host's veth ends (`pt...`) come down to `count`: a stopped
/// container's go with its namespace, which the kernel dismantles in the
/// background (pontoon only takes them down, see network::bridge::retire).
fn veths_settle_at(env: &TestEnv, count: usize) -> bool {
    common::wait_until(10, || link_names(env).iter().filter(|l| l.starts_with("pt")).count() == count)
}

/// Every lease file under the runroot: (network id, its JSON text).
fn lease_files(env: &TestEnv) -> Vec<(String, String)> {
    let Ok(dirs) = std::fs::read_dir(env.runroot.join("networks")) else { return Vec::new() };
    let mut out: Vec<(String, String)> = dirs
        .flatten()
        .filter_map(|d| Some((d.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(d.path().join("leases.json")).ok()?)))
        .collect();
    out.sort();
    out
}

/// The addresses leased on every network.
fn leased_addresses(env: &TestEnv) -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in lease_files(env) {
        let v: Value = serde_json::from_str(&text).expect("leases.json is JSON");
        out.extend(v["leases"].as_array().into_iter().flatten().map(|l| l["address"].as_str().unwrap_or_default().to_string()));
    }
    out
}

fn leftovers(env: &TestEnv) -> Leftovers {
    let (links, ruleset) = match is_root() {
        true => (link_names(env), host_output(env, "nft", &["list", "ruleset"])),
        false => (BTreeSet::new(), String::new()),
    };
    Leftovers { links, ruleset, leases: lease_files(env) }
}

fn one_line_error(env: &TestEnv, args: &[&str], code: i32, wanted: &[&str]) {
    let (got, err) = env.fails(args);
    assert_eq!(got, code, "`pontoon {}`: {err}", args.join(" "));
    assert_eq!(err.trim_end().lines().count(), 1, "`pontoon {}`: one line: {err}", args.join(" "));
    for w in wanted {
        assert!(err.contains(w), "`pontoon {}` should say {w:?}: {err}", args.join(" "));
    }
}

#[test]
fn bad_input_fails_in_one_line_and_leaves_nothing_behind() {
    let env = env();
    env.ok(&["network", "create", "--subnet", "10.132.0.0/24", "app"]);
    run_api(&env, "app", &["--ip", "10.132.0.50"]);
    let before = leftovers(&env);
    let containers = env.ok(&["ps", "-a", "-q"]);
    let cases: &[(&[&str], i32, &[&str])] = &[
        (&["network", "create", "--subnet", "10.132.0.0/16", "wide"], 125, &["subnet 10.132.0.0/16 overlaps network app's subnet 10.132.0.0/24"]),
        (&["network", "create", "app"], 125, &["network name app is already in use"]),
        (&["network", "rm", "app"], 2, &["network app is in use by container api"]),
        (&["run", "--rm", "--network", "nosuch", "busybox", "true"], 125, &["nosuch", "pontoon network create nosuch"]),
        (&["run", "--rm", "--network", "app", "--ip", "10.133.0.5", "busybox", "true"], 125, &["10.133.0.5", "not in network app's subnet (10.132.0.0/24)"]),
        (&["run", "--rm", "--network", "app", "--ip", "10.132.0.1", "busybox", "true"], 125, &["10.132.0.1 cannot be given to a container on network app"]),
    ];
    for (args, code, wanted) in cases {
        one_line_error(&env, args, *code, wanted);
        assert_eq!(leftovers(&env), before, "`pontoon {}` left something behind", args.join(" "));
    }
    assert_eq!(env.ok(&["ps", "-a", "-q"]), containers, "a refused command left a container");
    assert_eq!(env.ok(&["network", "ls", "--format", "{{.Name}}"]), "app\nbridge\n");

    // An address in use is found only when the container starts: the
    // container stays created (as in Docker), nothing of its network does.
    let twin = ["run", "-d", "--name", "twin", "--network", "app", "--ip", "10.132.0.50", "busybox", "sleep", "1000"];
    one_line_error(&env, &twin, 125, &["address 10.132.0.50 is already in use on network app", "choose another --ip"]);
    assert_eq!(leftovers(&env), before, "a start refused for its address left something behind");
    assert!(env.ok(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]).contains("twin Exited (125)"));
    env.ok(&["rm", "twin"]);
}

/// The pid a file of the rootless network namespace's directory names,
/// when that process is alive.
fn rootless_netns_process(env: &TestEnv, file: &str) -> Option<i64> {
    let text = std::fs::read_to_string(env.runroot.join("rootless-netns").join(file)).ok()?;
    let pid: i64 = text.split_whitespace().next()?.parse().ok()?;
    common::process_alive(pid).then_some(pid)
}

fn comm(pid: i64) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string()
}

#[test]
fn removing_a_network_s_containers_and_the_network_leaves_nothing_of_it() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    let bridge = env.ok(&["network", "inspect", "--format", "{{.NetworkInterface}}", "app"]).trim().to_string();
    let subnet = env.ok(&["network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", "app"]).trim().to_string();
    run_api(&env, "app", &[]);
    run_sleeper(&env, "web", "app");
    // On the default network: what it makes may stay, what app made may not.
    run_sleeper(&env, "bystander", "bridge");
    assert_eq!(env.ok(&["exec", "web", "wget", "-qO-", "http://api:8000/hostname"]).trim(), hostname_of(&env, "api"));
    let (holder, pasta) = (rootless_netns_process(&env, "holder.pid"), rootless_netns_process(&env, "pasta.pid"));
    if is_root() {
        let links = link_names(&env);
        assert!(links.contains(&bridge) && links.iter().filter(|l| l.starts_with("pt")).count() == 3, "app's bridge and three veth ends: {links:?}");
        assert!(host_output(&env, "nft", &["list", "ruleset"]).contains(&format!("from-{bridge}")), "app's rules");
    } else {
        // Checked while running, so that "gone" below means something.
        assert_eq!(holder.map(comm).as_deref(), Some("pontoon-netns"), "the rootless network namespace's holder runs");
        // pasta may run as passt.avx2, the build it re-executes on such CPUs.
        let carrier = pasta.map(comm).unwrap_or_default();
        assert!(carrier.starts_with("pasta") || carrier.starts_with("passt"), "pasta carries the rootless network namespace: {pasta:?} is {carrier:?}");
    }

    env.ok(&["rm", "-f", "api", "web"]);
    env.ok(&["network", "rm", "app"]);
    assert_eq!(leased_addresses(&env).len(), 1, "only bystander may keep a lease: {:?}", lease_files(&env));
    if is_root() {
        let links = link_names(&env);
        assert!(!links.contains(&bridge), "app's bridge {bridge} stayed: {links:?}");
        assert!(veths_settle_at(&env, 1), "only bystander's veth end may stay: {:?}", link_names(&env));
        let ruleset = host_output(&env, "nft", &["list", "ruleset"]);
        assert!(!ruleset.contains(&bridge) && !ruleset.contains(&subnet), "app's rules ({bridge}, {subnet}) stayed:\n{ruleset}");
    }
    if !is_root() {
        assert_eq!(rootless_netns_process(&env, "holder.pid"), holder, "bystander, on the rootless default network, keeps the namespace");
    }
    env.ok(&["rm", "-f", "bystander"]);
    assert_eq!(leased_addresses(&env), Vec::<String>::new());
    if !is_root() {
        // The harness lingers 0 s (tests/rootless_default_network.rs checks the linger).
        let gone = common::wait_until(5, || holder.is_some_and(|p| !common::process_alive(p)) && pasta.is_some_and(|p| !common::process_alive(p)));
        assert!(gone, "the rootless network namespace (holder {holder:?}, pasta {pasta:?}) outlived its last user");
        assert!(!env.runroot.join("rootless-netns/holder.pid").exists(), "holder.pid stayed");
    }
    if is_root() {
        assert!(veths_settle_at(&env, 0), "a veth outlived its container: {:?}", link_names(&env));
    }
}

#[test]
fn a_killed_monitor_s_network_is_given_back_at_the_next_command() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    run_api(&env, "app", &[]);
    let api_only = leftovers(&env);
    run_sleeper(&env, "web", "app");
    let web_ip = address_on(&env, "web", "app");
    assert!(hosts_names(&env, "api").contains("web"));
    let monitor = env.state_field("web", "monitor_pid").as_i64().expect("web's monitor pid");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor as i32), nix::sys::signal::Signal::SIGKILL).expect("kill web's monitor");
    assert!(common::wait_until(5, || !common::process_alive(monitor)), "web's monitor survived SIGKILL");

    // ps notices the dead monitor and undoes what it held.
    let status = env.ok(&["ps", "-a", "--filter", "name=web", "--format", "{{.Status}}"]);
    assert!(status.starts_with("Exited (137)"), "{status}");
    assert!(!leased_addresses(&env).contains(&web_ip), "web's lease {web_ip} outlived its monitor: {:?}", lease_files(&env));
    if is_root() {
        let gone = common::wait_until(5, || link_names(&env).iter().filter(|l| l.starts_with("pt")).count() == 1);
        assert!(gone, "web's veth outlived it: {:?}", link_names(&env));
    }
    assert!(!hosts_names(&env, "api").contains("web"), "api still resolves the dead web");

    // The network works for the next container, which may take web's address.
    run_sleeper(&env, "next", "app");
    assert_eq!(address_on(&env, "next", "app"), web_ip, "the freed address is given again");
    assert_eq!(env.ok(&["exec", "next", "wget", "-qO-", "http://api:8000/hostname"]).trim(), hostname_of(&env, "api"));
    env.ok(&["rm", "-f", "web", "next"]);
    assert_eq!(leftovers(&env), api_only, "web or next left something behind");
}

#[test]
fn parallel_runs_on_a_network_get_distinct_addresses_and_give_them_back() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    // Rootless every run also joins the one rootless namespace: fewer.
    let count = if is_root() { 50 } else { 20 };
    let ids: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..count).map(|_| scope.spawn(|| env.run(&["run", "-d", "--network", "app", "busybox", "sleep", "100"]))).collect();
        runs.into_iter()
            .map(|r| {
                let out = r.join().expect("a run thread");
                assert!(out.status.success(), "a parallel run failed:\n{}", common::describe(&out));
                String::from_utf8_lossy(&out.stdout).trim().to_string()
            })
            .collect()
    });
    let addresses: BTreeSet<String> = ids.iter().map(|id| address_on(&env, id, "app")).collect();
    assert_eq!(addresses.len(), count, "{count} containers got {} distinct addresses: {addresses:?}", addresses.len());
    let mut leased = leased_addresses(&env);
    leased.sort();
    assert_eq!(leased, addresses.iter().cloned().collect::<Vec<_>>(), "the leases are the addresses inspect shows");
    let mut rm = vec!["rm", "-f"];
    rm.extend(ids.iter().map(String::as_str));
    env.ok(&rm);
    assert_eq!(leased_addresses(&env), Vec::<String>::new(), "rm -f left leases");
    if is_root() {
        assert!(veths_settle_at(&env, 0), "rm -f left veths: {:?}", link_names(&env));
    } else {
        assert_eq!(rootless_netns_process(&env, "holder.pid"), None, "the rootless network namespace outlived its {count} users");
    }
}

#[test]
fn a_container_on_a_network_reaches_the_host_by_name() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    // As root the host is the env's namespace, where app's bridge holds the
    // gateway address; rootless pasta takes the gateway to the host's loopback.
    let listener = env.listen_tcp(if is_root() { "0.0.0.0:0" } else { "127.0.0.1:0" });
    let port = listener.local_addr().expect("the listener's address").port().to_string();
    common::serve_reply(listener, "hello from the host\n");
    for name in ["host.containers.internal", "host.docker.internal"] {
        let got = run_net_helper(&env, &["--rm", "--network", "app"], &format!("tcp-read {name}:{port}"));
        let out = String::from_utf8_lossy(&got.stdout);
        assert!(out.lines().any(|l| l == "hello from the host"), "{name}: {}", common::describe(&got));
    }
}

#[test]
fn disconnecting_the_last_container_of_a_network_gives_everything_back() {
    let env = env();
    env.ok(&["network", "create", "app"]);
    run_sleeper(&env, "web", "app");
    let holder = rootless_netns_process(&env, "holder.pid");
    assert_eq!(holder.is_some(), !is_root(), "a rootless namespace holder exists exactly rootless");
    env.ok(&["network", "disconnect", "app", "web"]);
    assert_eq!(leased_addresses(&env), Vec::<String>::new(), "web's lease outlived the disconnect");
    if is_root() {
        let veths: Vec<String> = link_names(&env).into_iter().filter(|l| l.starts_with("pt")).collect();
        assert_eq!(veths, Vec::<String>::new(), "web's veth outlived the disconnect");
    } else {
        let gone = common::wait_until(5, || holder.is_some_and(|p| !common::process_alive(p)));
        assert!(gone, "the rootless network namespace outlived its last user's disconnect");
    }
    env.ok(&["network", "rm", "app"]);
    assert_eq!(env.ok(&["exec", "web", "cat", "/proc/net/dev"]).lines().filter(|l| l.contains(':')).map(|l| l.split(':').next().unwrap_or_default().trim().to_string()).collect::<Vec<_>>(), ["lo"]);
}
