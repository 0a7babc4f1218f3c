//! `--network` modes that need no bridge: none, host, container:NAME, and
//! rootless pasta / slirp4netns with outbound access to the host.

mod common;

use common::{is_root, serve_http, skip_unless, TestEnv};

fn links(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut cmd = vec!["run", "--rm"];
    cmd.extend_from_slice(args);
    cmd.extend_from_slice(&["busybox", "ip", "-o", "link"]);
    env.ok(&cmd).lines().map(|l| l.split(':').nth(1).unwrap_or("").trim().split('@').next().unwrap_or("").to_string()).collect()
}

#[test]
fn none_has_only_loopback() {
    let env = TestEnv::with_busybox();
    assert_eq!(links(&env, &["--network", "none"]), vec!["lo"]);
}

#[test]
fn host_sees_the_hosts_interfaces_and_its_ports_are_the_hosts() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    // The env's namespace gets links the container must see.
    if let Some(ns) = &env.netns {
        let made = std::process::Command::new("ip").args(["-n", ns, "link", "add", "hostonly0", "type", "veth", "peer", "name", "hostonly1"]).status().expect("run ip");
        assert!(made.success());
    }
    let host_links = String::from_utf8(env.host("ip", &["-o", "link"]).output().expect("run ip").stdout).expect("utf-8");
    let inside = links(&env, &["--network", "host"]);
    for l in &inside {
        assert!(host_links.contains(&format!(": {l}")), "{l} is not a host link: {host_links}");
    }
    assert!(inside.len() >= 2, "{inside:?}");
    let port = free_port(&env);
    env.ok(&["run", "-d", "--name", "web", "--network", "host", "busybox", "httpd", "-f", "-p", &format!("127.0.0.1:{port}"), "-h", "/etc"]);
    let got = fetch_from_host(&env, &format!("http://127.0.0.1:{port}/hostname"));
    assert!(!got.is_empty(), "httpd in the host namespace answered nothing");
}

#[test]
fn container_mode_shares_the_others_loopback() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["run", "-d", "--name", "web", "--network", "none", "busybox", "httpd", "-f", "-p", "127.0.0.1:8000", "-h", "/etc"]);
    let out = env.ok(&["run", "--rm", "--network", "container:web", "busybox", "wget", "-qO-", "http://127.0.0.1:8000/hostname"]);
    let web_host = env.ok(&["inspect", "--format", "{{.Config.Hostname}}", "web"]);
    assert_eq!(out.trim(), web_host.trim(), "not web's loopback");
    let (code, err) = env.fails(&["run", "--rm", "--network", "container:nope", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("nope"), "{err}");
    env.ok(&["stop", "-t", "0", "web"]);
    let (_, err) = env.fails(&["run", "--rm", "--network", "container:web", "busybox", "true"]);
    assert!(err.contains("not running"), "{err}");
}

/// Rootless outbound: through pasta (the default) the gateway is the
/// host's loopback; slirp4netns reaches it at 10.0.2.2 when allowed.
#[test]
fn rootless_outbound_reaches_a_server_on_the_hosts_loopback() {
    if skip_unless(!is_root(), "pasta and slirp4netns carry rootless namespaces; as root the bridge does (tests/bridge_networks.rs)") {
        return;
    }
    let env = TestEnv::with_busybox();
    let listener = env.listen_tcp("127.0.0.1:0");
    let port = listener.local_addr().expect("local addr").port();
    serve_http(listener, "hello from the host\n");
    for (mode, target) in [("pasta", "host.containers.internal"), ("bridge", "host.docker.internal"), ("slirp4netns:allow_host_loopback=true", "10.0.2.2")] {
        let out = env.ok(&["run", "--rm", "--network", mode, "busybox", "wget", "-qO-", &format!("http://{target}:{port}/")]);
        assert_eq!(out, "hello from the host\n", "--network {mode} to {target}");
    }
    // Without allow_host_loopback slirp4netns refuses the host's loopback
    // (busybox wget fails, by a crash of its own, when refused).
    let out = env.run(&["run", "--rm", "--network", "slirp4netns", "busybox", "wget", "-qO-", &format!("http://10.0.2.2:{port}/")]);
    assert!(!out.status.success(), "slirp4netns reached the host's loopback without allow_host_loopback");
    assert_ne!(String::from_utf8_lossy(&out.stdout), "hello from the host\n");
}

#[test]
fn the_network_is_up_before_the_command_starts() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    // The very first act of the command: an interface with an address and
    // a default route must already be there.
    let out = env.ok(&["run", "--rm", "busybox", "sh", "-c", "ip -4 -o addr show scope global; ip route show default"]);
    assert!(out.contains("inet "), "no address at the first instruction: {out}");
    assert!(out.contains("default via"), "no default route at the first instruction: {out}");
}

#[test]
fn unknown_modes_are_refused_with_the_choices() {
    let env = TestEnv::with_busybox();
    for (mode, needle) in [("container:", "container"), ("host:x", "takes no options"), ("weird:thing", "unknown network mode")] {
        let (code, err) = env.fails(&["run", "--rm", "--network", mode, "busybox", "true"]);
        assert_eq!(code, 125, "{mode}: {err}");
        assert!(err.contains(needle), "{mode}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{mode}: {err}");
    }
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "a refused mode left a container");
}

fn free_port(env: &TestEnv) -> u16 {
    env.listen_tcp("127.0.0.1:0").local_addr().expect("local addr").port()
}

/// GETs `url` from where the env's containers publish, retrying while the
/// server starts.
fn fetch_from_host(env: &TestEnv, url: &str) -> String {
    for _ in 0..50 {
        let out = env.host("curl", &["-sf", "--max-time", "5", url]).output().expect("run curl");
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{url} never answered");
}

#[test]
fn ip_and_mac_address_are_the_ones_asked_for() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["network", "create", "--subnet", "10.99.7.0/24", "fixed"]);
    let out = env.ok(&["run", "--rm", "--network", "fixed", "--ip", "10.99.7.50", "--mac-address", "02:42:ac:11:00:99", "busybox", "ip", "addr", "show", "eth0"]);
    assert!(out.contains("inet 10.99.7.50/24"), "{out}");
    assert!(out.contains("link/ether 02:42:ac:11:00:99"), "{out}");
    let (code, err) = env.fails(&["run", "--rm", "--network-alias", "x", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("user-defined networks"), "{err}");
    let (code, err) = env.fails(&["run", "--rm", "--network", "fixed", "--ip", "10.1.1.1", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("10.1.1.1"), "{err}");
}

/// containers.conf's `[containers] netns` is the mode without --network.
#[test]
fn containers_conf_sets_the_default_mode() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    std::fs::write(&env.containers_conf, "[containers]\nnetns = \"none\"\n").expect("write containers.conf");
    assert_eq!(links(&env, &[]), vec!["lo"]);
    assert!(links(&env, &["--network", "bridge"]).len() >= 2, "--network wins over containers.conf");
    std::fs::write(&env.containers_conf, "[containers]\nnetns = \"nonsense:x\"\n").expect("write containers.conf");
    let (code, err) = env.fails(&["run", "--rm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("containers.conf"), "{err}");
}

/// Rootless with neither pasta nor slirp4netns on PATH: the default
/// network is refused with both packages named, never a silent
/// loopback-only namespace; `--network pasta` names passt.
#[test]
fn rootless_without_a_carrier_names_both_packages() {
    if skip_unless(!is_root(), "pasta and slirp4netns carry only rootless namespaces") {
        return;
    }
    let env = TestEnv::with_busybox();
    // A PATH with the id mappers and nothing else.
    let bin = env.path().join("bin-without-carriers");
    std::fs::create_dir_all(&bin).expect("create a bin directory");
    for tool in ["newuidmap", "newgidmap"] {
        std::os::unix::fs::symlink(format!("/usr/bin/{tool}"), bin.join(tool)).expect("link an id mapper");
    }
    let run = |args: &[&str]| env.cmd(args).env("PATH", &bin).output().expect("run pontoon");
    let out = run(&["run", "--rm", "busybox", "true"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(125), "{err}");
    assert!(err.contains("apt-get install passt") && err.contains("slirp4netns"), "{err}");
    let out = run(&["run", "--rm", "--network", "pasta", "busybox", "true"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("apt-get install passt"), "{err}");
    // --network none needs neither.
    assert!(run(&["run", "--rm", "--network", "none", "busybox", "true"]).status.success());
}
