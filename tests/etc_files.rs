//! The files and variables a container gets from pontoon, as a user sees
//! them from inside: /etc/hosts with `--add-host`, /etc/resolv.conf with
//! `--dns`, `--dns-search` and `--dns-option`, the hostname, the default
//! environment (HOSTNAME, HOME, TERM, container), /run/.containerenv, and
//! the flags Docker refuses with `--network container:`.

mod common;

use std::collections::BTreeMap;

use common::TestEnv;
use serde_json::json;

/// `pontoon run --rm ARGS... busybox sh -c SCRIPT`, its stdout.
fn sh(env: &TestEnv, args: &[&str], script: &str) -> String {
    let mut full = vec!["run", "--rm"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["busybox", "sh", "-c", script]);
    env.ok(&full)
}

/// The container's environment as `env` prints it (a terminal's \r dropped).
fn env_of(env: &TestEnv, args: &[&str], image: &str) -> BTreeMap<String, String> {
    let mut full = vec!["run", "--rm"];
    full.extend_from_slice(args);
    full.extend_from_slice(&[image, "env"]);
    env.ok(&full)
        .lines()
        .filter_map(|l| l.trim_end_matches('\r').split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect()
}

const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

#[test]
fn add_host_and_the_hostname_are_in_etc_hosts_as_docker_writes_them() {
    let env = TestEnv::with_busybox();
    let hosts = sh(&env, &["--name", "probe", "-h", "box", "--add-host", "db:10.0.0.5", "--add-host", "v6:[2001:db8::1]", "--add-host", "old=192.0.2.7"], "cat /etc/hosts");
    let lines: Vec<&str> = hosts.lines().collect();
    assert_eq!(
        lines[..6],
        ["127.0.0.1\tlocalhost", "::1\tlocalhost ip6-localhost ip6-loopback", "fe00::0\tip6-localnet", "ff00::0\tip6-mcastprefix", "ff02::1\tip6-allnodes", "ff02::2\tip6-allrouters"],
        "{hosts}"
    );
    assert_eq!(lines[6..9], ["10.0.0.5\tdb", "2001:db8::1\tv6", "192.0.2.7\told"], "--add-host entries in order: {hosts}");
    assert!(lines[9..].iter().any(|l| l.ends_with("\tbox probe")), "the hostname, then the name: {hosts}");
    // Every user of the container resolves names, not only root.
    assert_eq!(sh(&env, &["-u", "user", "--add-host", "db:10.0.0.5"], "grep -w db /etc/hosts; cat /etc/resolv.conf >/dev/null && echo readable"), "10.0.0.5\tdb\nreadable\n");
    let (_, err) = env.fails(&["run", "--rm", "--add-host", "db", "busybox", "true"]);
    assert!(err.contains("invalid --add-host \"db\": use NAME:IP"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    let (_, err) = env.fails(&["run", "--rm", "--add-host", "db:999.1.1.1", "busybox", "true"]);
    assert!(err.contains("invalid IP address \"999.1.1.1\""), "{err}");
    assert_eq!(env.ok(&["ps", "-aq"]), "", "a refused flag leaves no container");
}

#[test]
fn dns_flags_replace_the_hosts_resolvers() {
    let env = TestEnv::with_busybox();
    let flags = ["--network", "none", "--dns", "192.0.2.53", "--dns", "2001:db8::53", "--dns-search", "example.com", "--dns-option", "ndots:3", "--dns-opt", "edns0"];
    assert_eq!(sh(&env, &flags, "cat /etc/resolv.conf"), "search example.com\nnameserver 192.0.2.53\nnameserver 2001:db8::53\noptions ndots:3 edns0\n");
    let cleared = sh(&env, &["--network", "none", "--dns", "192.0.2.53", "--dns-search", "."], "cat /etc/resolv.conf");
    assert!(!cleared.contains("search") && cleared.contains("nameserver 192.0.2.53\n"), "--dns-search . leaves no search line: {cleared}");
    let (_, err) = env.fails(&["run", "--rm", "--dns", "dns.google", "busybox", "true"]);
    assert!(err.contains("invalid --dns \"dns.google\": give a nameserver's IP address"), "{err}");
    let (_, err) = env.fails(&["run", "--rm", "--dns-search=-bad-", "busybox", "true"]);
    assert!(err.contains("invalid --dns-search \"-bad-\""), "{err}");
}

#[test]
fn a_private_namespace_never_gets_a_loopback_nameserver() {
    let env = TestEnv::with_busybox();
    let resolv = sh(&env, &["--network", "none"], "cat /etc/resolv.conf");
    let servers: Vec<&str> = resolv.lines().filter_map(|l| l.strip_prefix("nameserver ")).collect();
    assert!(!servers.is_empty(), "some nameserver, the host's or Docker's fallback: {resolv}");
    for s in &servers {
        let ip: std::net::IpAddr = s.trim().parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        assert!(!ip.is_loopback(), "{s} would be the container itself: {resolv}");
    }
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let host_servers: Vec<&str> = host.lines().filter_map(|l| l.strip_prefix("nameserver ")).filter(|s| !s.starts_with("127.") && *s != "::1").collect();
    if !host_servers.is_empty() && !std::path::Path::new("/run/systemd/resolve/resolv.conf").exists() {
        assert_eq!(servers, host_servers, "the host's own servers, in order");
    }
}

#[test]
fn host_networking_keeps_the_hosts_files_and_name() {
    let env = TestEnv::with_busybox();
    let host_name = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("read the host's name");
    let out = sh(&env, &["--network", "host"], "hostname; echo $HOSTNAME; cat /etc/resolv.conf");
    let host_resolv = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    assert_eq!(out, format!("{}\n{}\n{host_resolv}", host_name.trim(), host_name.trim()), "the host's name and resolvers, as Docker gives them");
    let hosts = sh(&env, &["--network", "host", "-h", "other", "--add-host", "db:10.0.0.5"], "cat /etc/hosts");
    let host_hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    assert!(hosts.starts_with(host_hosts.trim_end()), "the host's /etc/hosts first:\n{hosts}");
    assert!(hosts.contains("\n10.0.0.5\tdb\n") && hosts.contains("\n127.0.1.1\tother "), "then --add-host and the hostname:\n{hosts}");
}

#[test]
fn the_default_environment_is_what_scripts_expect() {
    let env = TestEnv::with_busybox();
    let vars = env_of(&env, &["-h", "box"], "busybox");
    assert_eq!(vars.get("HOSTNAME").map(String::as_str), Some("box"));
    assert_eq!(vars.get("HOME").map(String::as_str), Some("/root"), "root's home in the image's /etc/passwd");
    assert_eq!(vars.get("container").map(String::as_str), Some("pontoon"));
    assert_eq!(vars.get("PATH").map(String::as_str), Some(DEFAULT_PATH));
    assert_eq!(vars.get("TERM"), None, "TERM only with a terminal, as in Docker");
    let tty = env_of(&env, &["-t"], "busybox");
    assert_eq!(tty.get("TERM").map(String::as_str), Some("xterm"), "{tty:?}");
    assert_eq!(tty.get("HOSTNAME").map(|h| h.len()), Some(12), "the short id: {tty:?}");
    assert_eq!(env_of(&env, &["-u", "user"], "busybox").get("HOME").map(String::as_str), Some("/home/user"));
    assert_eq!(env_of(&env, &["-u", "4242"], "busybox").get("HOME").map(String::as_str), Some("/"), "a uid without an entry");
    let overridden = env_of(&env, &["-t", "-e", "HOME=/x", "-e", "HOSTNAME=mine", "-e", "TERM=dumb", "-e", "container=docker"], "busybox");
    for (k, v) in [("HOME", "/x"), ("HOSTNAME", "mine"), ("TERM", "dumb"), ("container", "docker")] {
        assert_eq!(overridden.get(k).map(String::as_str), Some(v), "-e {k} wins: {overridden:?}");
    }
}

/// An image whose config sets HOME and no PATH, with a user `app` whose
/// home is /srv/app.
fn env_image(env: &TestEnv) -> String {
    let layout = common::fixtures::cached_layout("etc-files-env", |w| {
        let mut l = common::oci::LayerBuilder::new();
        l.dir("srv", 0o755, 0, 0).dir("srv/app", 0o755, 2000, 2000);
        l.file("etc/passwd", b"root:x:0:0:root:/root:/bin/sh\napp:x:2000:2000:app:/srv/app:/bin/sh\n", 0o644, 0, 0);
        let users = common::oci::Layer::from_tar(l.finish(), "ADD passwd with app");
        let manifest = w.image("amd64", &[common::fixtures::busybox_layer(), users], json!({ "Env": ["HOME=/data", "GREETING=hi"] }))?;
        w.finish(&manifest)
    });
    common::load_as(env, &layout, "envimage:latest");
    "envimage:latest".to_string()
}

#[test]
fn the_images_env_wins_over_defaults_and_passwd_gives_home() {
    let env = TestEnv::new();
    let image = env_image(&env);
    let vars = env_of(&env, &[], &image);
    assert_eq!(vars.get("HOME").map(String::as_str), Some("/data"), "the image's ENV wins over passwd: {vars:?}");
    assert_eq!(vars.get("PATH").map(String::as_str), Some(DEFAULT_PATH), "Docker's PATH when the image has none");
    assert_eq!(vars.get("GREETING").map(String::as_str), Some("hi"));
    let user = env_of(&env, &["-u", "app"], &image);
    assert_eq!(user.get("HOME").map(String::as_str), Some("/data"), "the image's HOME wins over app's /srv/app too");
}

#[test]
fn containerenv_tells_a_container_what_it_is() {
    let env = TestEnv::with_busybox();
    assert_eq!(sh(&env, &[], "test -f /run/.containerenv && wc -c < /run/.containerenv"), "0\n", "present and empty, as Podman writes it");
    let id = env.ok(&["run", "-d", "--privileged", "--name", "priv", "busybox", "sleep", "1000"]);
    let image_id = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]);
    let content = env.ok(&["exec", "priv", "cat", "/run/.containerenv"]);
    let rootless = if common::is_root() { 0 } else { 1 };
    assert_eq!(
        content,
        format!(
            "engine=\"pontoon-{}\"\nname=\"priv\"\nid=\"{}\"\nimage=\"busybox\"\nimageid=\"{}\"\nrootless={rootless}\n",
            env!("CARGO_PKG_VERSION"),
            id.trim(),
            image_id.trim().trim_start_matches("sha256:")
        )
    );
    let write = env.run(&["exec", "priv", "sh", "-c", "echo forged > /run/.containerenv"]);
    assert!(!write.status.success(), "read-only even for a privileged container: {}", common::describe(&write));
    env.ok(&["rm", "-f", "priv"]);
    let store_parent = env.root.parent().expect("the store's parent").display().to_string();
    let mounted = sh(&env, &["-v", &format!("{store_parent}:/host:ro")], "cat /run/.containerenv");
    assert_eq!(mounted, "graphRootMounted=1\n", "the store is visible through the bind mount");
}

#[test]
fn a_shared_network_shares_the_name_files_and_refuses_its_own() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "web", "-h", "webhost", "--add-host", "db:10.0.0.5", "--dns", "192.0.2.53", "busybox", "sleep", "1000"]);
    let out = env.ok(&["run", "--rm", "--network", "container:web", "busybox", "sh", "-c", "hostname; echo $HOSTNAME; grep -w db /etc/hosts; grep nameserver /etc/resolv.conf"]);
    assert_eq!(out, "webhost\nwebhost\n10.0.0.5\tdb\nnameserver 192.0.2.53\n", "web's hostname and files, as Docker shares them");
    for (flags, what) in [
        (&["--dns", "1.1.1.1"][..], "dns"),
        (&["--add-host", "a:1.2.3.4"][..], "custom host-to-IP mapping"),
        (&["-h", "mine"][..], "hostname"),
    ] {
        let mut args = vec!["run", "--rm", "--name", "refused", "--network", "container:web"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (_, err) = env.fails(&args);
        assert!(err.contains(&format!("conflicting options: {what} and the network mode")), "{flags:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert!(!env.ok(&["ps", "-a", "--format", "{{.Names}}"]).contains("refused"), "nothing was created");
    env.ok(&["rm", "-f", "web"]);
}
