//! `pontoon network` as a user meets it: creating networks with or without
//! a subnet, listing and inspecting them in Docker's shapes, the errors of
//! bad input (nothing half-made), a network in use that `rm` refuses until
//! `rm -f` takes its containers, prune, exists, and connecting and
//! disconnecting created containers. Running containers on networks are
//! the business of the networking tests that start them.

mod common;

use common::TestEnv;
use serde_json::Value;

fn names(env: &TestEnv) -> Vec<String> {
    env.ok(&["network", "ls", "--format", "{{.Name}}"]).lines().map(String::from).collect()
}

fn inspect(env: &TestEnv, network: &str) -> Value {
    let out: Value = serde_json::from_str(&env.ok(&["network", "inspect", network])).expect("inspect prints JSON");
    out[0].clone()
}

/// What the container's record says about its networks (the record is
/// what the next start reads).
fn network_mode(env: &TestEnv, container: &str) -> Value {
    let id = env.ok(&["inspect", "--format", "{{.Id}}", container]);
    let path = env.root.join("containers").join(id.trim()).join("container.json");
    let record: Value = serde_json::from_slice(&std::fs::read(&path).expect("read the container record")).expect("the record is JSON");
    record["spec"]["network"].clone()
}

fn one_line_error(env: &TestEnv, args: &[&str], code: i32, wanted: &str) {
    let (got, err) = env.fails(args);
    assert_eq!(got, code, "`pontoon {}`: {err}", args.join(" "));
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(wanted), "`pontoon {}` should say {wanted:?}: {err}", args.join(" "));
}

#[test]
fn the_default_network_is_listed_and_kept() {
    let env = TestEnv::with_netns();
    let table = env.ok(&["network", "ls"]);
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("a header").split_whitespace().collect();
    assert_eq!(header, ["NETWORK", "ID", "NAME", "DRIVER", "SCOPE"], "{table}");
    let row: Vec<&str> = lines.next().expect("the default network").split_whitespace().collect();
    assert_eq!((row[0].len(), row[1], row[2], row[3]), (12, "bridge", "bridge", "local"), "{table}");
    let bridge = inspect(&env, "bridge");
    let subnet = bridge["IPAM"]["Config"][0]["Subnet"].as_str().expect("a subnet").to_string();
    assert!(subnet.starts_with("10.") && subnet.ends_with(".0.0/16"), "{subnet}");
    assert_eq!(bridge["IPAM"]["Config"][0]["Gateway"], subnet.replace(".0.0/16", ".0.1"));
    assert_eq!(bridge["NetworkInterface"], "pontoon0");
    assert_eq!(bridge["DNSEnabled"], false, "names do not resolve on the default network, as in Docker");
    assert_eq!(inspect(&env, "bridge")["Id"], bridge["Id"], "the same network from one command to the next");
    one_line_error(&env, &["network", "rm", "bridge"], 125, "network bridge is the default network and cannot be removed");
    one_line_error(&env, &["network", "create", "bridge"], 125, "network name bridge is already in use");
}

#[test]
fn create_ls_inspect_exists_and_rm() {
    let env = TestEnv::with_netns();
    let id = env.ok(&["network", "create", "app"]);
    assert!(id.trim().len() == 64 && id.trim().chars().all(|c| c.is_ascii_hexdigit()), "create prints the Id: {id}");
    env.ok(&["network", "create", "--subnet", "10.123.0.0/24", "--gateway", "10.123.0.254", "--ip-range", "10.123.0.128/25", "--label", "tier=back", "-o", "mtu=1400", "--internal", "db"]);
    env.ok(&["network", "create", "--ipv6", "--subnet", "fd00:123::/64", "--label", "tier=front", "dual"]);
    assert_eq!(names(&env), ["app", "bridge", "db", "dual"]);

    let app = inspect(&env, "app");
    assert_eq!((&app["Name"], &app["Id"], &app["Driver"], &app["Scope"]), (&"app".into(), &id.trim().into(), &"bridge".into(), &"local".into()));
    assert_eq!(app["IPAM"]["Driver"], "default");
    let subnet = app["IPAM"]["Config"][0]["Subnet"].as_str().expect("a subnet chosen for it");
    assert!(subnet.starts_with("10.127.") && subnet.ends_with(".0/24"), "{subnet}");
    assert_eq!((&app["Internal"], &app["EnableIPv6"], &app["DNSEnabled"]), (&false.into(), &false.into(), &true.into()));
    assert_eq!(app["Containers"], serde_json::json!({}));
    let db = inspect(&env, "db");
    assert_eq!(db["IPAM"]["Config"], serde_json::json!([{ "Subnet": "10.123.0.0/24", "Gateway": "10.123.0.254", "IPRange": "10.123.0.128/25" }]));
    assert_eq!((&db["Internal"], &db["Labels"]["tier"], &db["Options"]["mtu"]), (&true.into(), &"back".into(), &"1400".into()));
    let dual = inspect(&env, "dual");
    assert_eq!(dual["EnableIPv6"], true);
    assert_eq!(dual["IPAM"]["Config"][1], serde_json::json!({ "Subnet": "fd00:123::/64", "Gateway": "fd00:123::1" }), "IPv6 after the automatic IPv4 subnet");
    let interfaces: Vec<Value> = ["app", "db", "dual"].iter().map(|n| inspect(&env, n)["NetworkInterface"].clone()).collect();
    assert_eq!(interfaces, ["pontoon1", "pontoon2", "pontoon3"]);

    // By Id prefix, with a template, several at once.
    let short = &id.trim()[..8];
    assert_eq!(env.ok(&["network", "inspect", "--format", "{{.Name}} {{.Internal}}", short, "db"]), "app false\ndb true\n");
    let (code, err) = env.fails(&["network", "inspect", "app", "nope"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("unable to find network with name or ID nope: network not found"), "{err}");

    env.ok(&["network", "exists", "app"]);
    let missing = env.run(&["network", "exists", "nope"]);
    assert_eq!((missing.status.code(), missing.stdout.len(), missing.stderr.len()), (Some(1), 0, 0), "exit 1 and nothing printed");

    assert_eq!(env.ok(&["network", "rm", "app", "db"]), "app\ndb\n");
    assert_eq!(names(&env), ["bridge", "dual"]);
    assert_eq!(inspect(&env, "dual")["NetworkInterface"], "pontoon3");
    one_line_error(&env, &["network", "rm", "app"], 1, "unable to find network with name or ID app: network not found");
    assert_eq!(env.ok(&["network", "rm", "-f", "app"]), "", "-f: a missing network is no error");
    // A freed subnet and bridge name are given again.
    env.ok(&["network", "create", "again"]);
    assert_eq!(inspect(&env, "again")["NetworkInterface"], "pontoon1");
    assert_eq!(inspect(&env, "again")["IPAM"]["Config"][0]["Subnet"], subnet);
}

#[test]
fn ls_filters_and_formats() {
    let env = TestEnv::with_netns();
    let app = env.ok(&["network", "create", "--label", "tier=front", "app"]);
    env.ok(&["network", "create", "--label", "tier=back", "--label", "backup", "db"]);
    let ls = |args: &[&str]| -> String { env.ok(&[&["network", "ls"], args].concat()) };
    assert_eq!(ls(&["--filter", "name=ap", "--format", "{{.Name}}"]), "app\n");
    assert_eq!(ls(&["-f", "name=app", "-f", "name=db", "--format", "{{.Name}}"]), "app\ndb\n", "one key's values are alternatives");
    assert_eq!(ls(&["-f", "label=tier", "-f", "label=backup", "--format", "{{.Name}}"]), "db\n", "every label must be there");
    assert_eq!(ls(&["-f", "name=app", "-f", "label=backup", "--format", "{{.Name}}"]), "", "different keys must all match");
    assert_eq!(ls(&["-f", "label=tier=front", "--format", "{{.Name}}"]), "app\n");
    assert_eq!(ls(&["-f", &format!("id={}", &app[..10]), "--format", "{{.Name}}"]), "app\n");
    assert_eq!(ls(&["-f", "driver=bridge", "-q"]).lines().count(), 3);
    assert_eq!(ls(&["-f", "type=builtin", "--format", "{{.Name}}"]), "bridge\n");
    assert_eq!(ls(&["-f", "type=custom", "--format", "{{.Name}}"]), "app\ndb\n");
    let quiet = ls(&["-q"]);
    assert!(quiet.lines().count() == 3 && quiet.lines().all(|l| l.len() == 12), "{quiet}");
    assert!(ls(&["-q", "--no-trunc"]).lines().any(|l| l == app.trim()));
    let json: Value = serde_json::from_str(&ls(&["--format", "json"])).expect("JSON");
    let first = &json[0];
    assert_eq!((&first["Name"], &first["Driver"], &first["Scope"], &first["Labels"]), (&"app".into(), &"bridge".into(), &"local".into(), &"tier=front".into()));
    let custom = ls(&["--format", "table {{.Name}}\\t{{.Driver}}"]);
    assert_eq!(custom.lines().next().map(|h| h.split_whitespace().collect::<Vec<_>>()), Some(vec!["NAME", "DRIVER"]), "{custom}");
    one_line_error(&env, &["network", "ls", "-f", "colour=red"], 125, "use name, id, driver, label or type");
}

#[test]
fn bad_input_is_one_line_and_creates_nothing() {
    let env = TestEnv::with_netns();
    env.ok(&["network", "create", "--subnet", "10.124.0.0/24", "app"]);
    let before = names(&env);
    let store_files = || -> Vec<String> {
        let mut files: Vec<String> = std::fs::read_dir(env.root.join("networks")).expect("list the records").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        files
    };
    let files = store_files();
    let cases: &[(&[&str], &str)] = &[
        (&["network", "create", "app"], "network name app is already in use"),
        (&["network", "create", "_bad"], "invalid network name \"_bad\""),
        (&["network", "create", "host"], "network name \"host\" is reserved for --network host"),
        (&["network", "create", "--subnet", "10.124.0.0/16", "wide"], "subnet 10.124.0.0/16 overlaps network app's subnet 10.124.0.0/24"),
        (&["network", "create", "--subnet", "10.125.0.0/24", "--gateway", "10.126.0.1", "gw"], "gateway 10.126.0.1 is outside the subnet (10.125.0.0/24)"),
        (&["network", "create", "--subnet", "10.125.0.0/24", "--ip-range", "10.125.1.0/25", "rng"], "ip-range 10.125.1.0/25 is outside the subnet"),
        (&["network", "create", "--gateway", "10.125.0.1", "nosub"], "--gateway and --ip-range need --subnet"),
        (&["network", "create", "--subnet", "10.125.0.0/33", "cidr"], "invalid --subnet \"10.125.0.0/33\""),
        (&["network", "create", "--subnet", "banana", "cidr"], "invalid --subnet \"banana\": use a CIDR"),
        (&["network", "create", "--subnet", "10.125.0.0/24", "--gateway", "10.125.0.x", "gw"], "invalid --gateway \"10.125.0.x\""),
        (&["network", "create", "-d", "macvlan", "drv"], "unknown network driver \"macvlan\": only bridge"),
        (&["network", "create", "-o", "isolate=true", "opt"], "unknown network option \"isolate\""),
        (&["network", "create", "-o", "mtu=9", "opt"], "invalid -o mtu=9"),
    ];
    for (args, wanted) in cases {
        one_line_error(&env, args, 125, wanted);
    }
    assert_eq!(names(&env), before, "no network was made");
    assert_eq!(store_files(), files, "no record or temporary file was left");
}

#[test]
fn a_network_in_use_is_refused_until_rm_f_takes_its_containers() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "app"]);
    env.ok(&["create", "--name", "web", "--network", "app", "busybox", "true"]);
    env.ok(&["create", "--name", "bystander", "busybox", "true"]);
    one_line_error(&env, &["network", "rm", "app"], 2, "network app is in use by container web: remove or disconnect the container first, or use -f");
    assert!(names(&env).contains(&"app".to_string()));
    assert_eq!(env.ok(&["network", "rm", "-f", "app"]), "app\n");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "bystander\n", "-f removed the network's container only");
    assert!(!names(&env).contains(&"app".to_string()));
}

#[test]
fn create_needs_the_network_to_exist_and_records_its_name() {
    let env = TestEnv::with_netns_and_busybox();
    one_line_error(&env, &["create", "--name", "web", "--network", "nope", "busybox", "true"], 125, "unable to find network with name or ID nope: network not found");
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "no container was made");
    let id = env.ok(&["network", "create", "app"]);
    // Given by Id prefix, recorded by name (names survive, ids are typed once).
    env.ok(&["create", "--name", "web", "--network", &id[..12], "busybox", "true"]);
    assert_eq!(network_mode(&env, "web"), serde_json::json!({ "Networks": [{ "network": "app", "aliases": [], "ip": null, "mac": null }] }));
}

#[test]
fn connect_and_disconnect_a_created_container() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "--subnet", "10.127.0.0/24", "app"]);
    env.ok(&["network", "create", "--subnet", "10.127.1.0/24", "db"]);
    env.ok(&["create", "--name", "web", "--network", "app", "busybox", "true"]);
    env.ok(&["network", "connect", "--alias", "api", "--ip", "10.127.1.50", "db", "web"]);
    let networks = &network_mode(&env, "web")["Networks"];
    assert_eq!(networks[1], serde_json::json!({ "network": "db", "aliases": ["api"], "ip": "10.127.1.50", "mac": null }));
    one_line_error(&env, &["network", "rm", "db"], 2, "network db is in use by container web");
    one_line_error(&env, &["network", "connect", "db", "web"], 125, "container web is already connected to network db");
    one_line_error(&env, &["network", "connect", "nope", "web"], 1, "unable to find network with name or ID nope: network not found");
    one_line_error(&env, &["network", "connect", "db", "ghost"], 1, "no container with name or ID \"ghost\" found: no such container");

    env.ok(&["network", "disconnect", "db", "web"]);
    assert_eq!(network_mode(&env, "web")["Networks"].as_array().map(Vec::len), Some(1));
    one_line_error(&env, &["network", "disconnect", "db", "web"], 125, "container web is not connected to network db");
    env.ok(&["network", "disconnect", "-f", "db", "web"]);
    env.ok(&["network", "disconnect", "-f", "gone", "web"]);
    assert_eq!(env.ok(&["network", "rm", "db"]), "db\n", "no longer in use");
    env.ok(&["network", "disconnect", "app", "web"]);
    assert_eq!(network_mode(&env, "web"), serde_json::json!({ "Networks": [] }), "loopback only until connected again");
    env.ok(&["network", "connect", "app", "web"]);
    assert_eq!(network_mode(&env, "web")["Networks"][0]["network"], "app");
}

#[test]
fn connect_refuses_what_cannot_be_connected() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "--subnet", "10.128.0.0/24", "app"]);
    env.ok(&["create", "--name", "web", "--network", "app", "busybox", "true"]);
    for (mode, name) in [("none", "isolated"), ("host", "hosted"), ("container:web", "sidecar")] {
        env.ok(&["create", "--name", name, "--network", mode, "busybox", "true"]);
        let wanted = format!("container {name} uses --network {mode}, which cannot be connected to network app: create the container with --network app instead");
        one_line_error(&env, &["network", "connect", "app", name], 125, &wanted);
    }
    one_line_error(&env, &["network", "connect", "--ip", "10.129.0.5", "app", "isolated"], 125, "address 10.129.0.5 is not in network app's subnet (10.128.0.0/24)");
    one_line_error(&env, &["network", "connect", "--ip", "10.128.0.1", "app", "isolated"], 125, "address 10.128.0.1 cannot be given to a container on network app");
    one_line_error(&env, &["network", "connect", "--ip", "nine", "app", "isolated"], 125, "invalid --ip \"nine\"");
    one_line_error(&env, &["network", "connect", "--mac-address", "01:00:5e:00:00:01", "app", "isolated"], 125, "invalid MAC address");
    assert_eq!(network_mode(&env, "isolated"), serde_json::json!("None"), "nothing changed");
}

#[test]
fn prune_asks_then_removes_the_networks_no_container_uses() {
    let env = TestEnv::with_netns_and_busybox();
    for (name, label) in [("used", "keep=no"), ("idle", "keep=no"), ("precious", "keep=yes")] {
        env.ok(&["network", "create", "--label", label, name]);
    }
    env.ok(&["create", "--name", "web", "--network", "used", "busybox", "true"]);
    let declined = env.run_with_input(&["network", "prune"], b"n\n");
    assert!(declined.status.success(), "{}", common::describe(&declined));
    assert!(String::from_utf8_lossy(&declined.stdout).contains("Are you sure you want to continue? [y/N]"));
    assert_eq!(names(&env).len(), 4, "nothing removed on no");
    assert_eq!(env.ok(&["network", "prune", "-f", "--filter", "label=keep=no"]), "Deleted Networks:\nidle\n");
    let accepted = env.run_with_input(&["network", "prune"], b"y\n");
    assert!(String::from_utf8_lossy(&accepted.stdout).ends_with("Deleted Networks:\nprecious\n"), "{}", common::describe(&accepted));
    assert_eq!(names(&env), ["bridge", "used"], "the default network and the one in use stay");
    one_line_error(&env, &["network", "prune", "-f", "--filter", "until=1h"], 125, "use label=KEY or label=KEY=VALUE");
}

#[test]
fn parallel_creates_get_distinct_subnets_and_bridges() {
    let env = TestEnv::with_netns();
    env.ok(&["network", "ls"]); // the default network first, as a user's first command would make it
    let piped = std::process::Stdio::piped;
    let children: Vec<_> = (0..8).map(|i| env.cmd(&["network", "create", &format!("n{i}")]).stdout(piped()).stderr(piped()).spawn().expect("start pontoon")).collect();
    for child in children {
        let out = child.wait_with_output().expect("wait for pontoon");
        assert!(out.status.success(), "{}", common::describe(&out));
    }
    let shown = env.ok(&["network", "inspect", "--format", "{{.NetworkInterface}} {{range .IPAM.Config}}{{.Subnet}}{{end}}", "n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"]);
    let mut interfaces = std::collections::HashSet::new();
    let mut subnets = std::collections::HashSet::new();
    for line in shown.lines() {
        let (interface, subnet) = line.split_once(' ').expect("interface and subnet");
        interfaces.insert(interface.to_string());
        subnets.insert(subnet.to_string());
    }
    assert_eq!((interfaces.len(), subnets.len()), (8, 8), "{shown}");
}
