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
