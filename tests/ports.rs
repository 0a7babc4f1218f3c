//! Published ports as a user meets them before any traffic flows: `-p`
//! values Docker refuses are refused before anything is created, what was
//! asked shows in `inspect`, and `port` and `ps` show what is bound. (The
//! end-to-end `curl localhost:8080` tests live with the network setup.)

mod common;

use common::TestEnv;

fn inspect(env: &TestEnv, template: &str, name: &str) -> String {
    env.ok(&["inspect", "--format", template, name]).trim().to_string()
}

#[test]
fn bad_publish_values_fail_with_one_line_and_create_nothing() {
    let env = TestEnv::with_busybox();
    for (value, says) in [("70000:80", "out of range 1-65535"), ("a:b", "is not a port number"), ("1:2:3:4", "is not an IP address"), ("80/sctp", "sctp is not supported")] {
        for verb in ["run", "create"] {
            let (code, err) = env.fails(&[verb, "-p", value, "busybox", "true"]);
            assert_eq!(code, 125, "pontoon {verb} -p {value}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "pontoon {verb} -p {value}: one line: {err}");
            assert!(err.contains(says) && err.contains(value), "pontoon {verb} -p {value}: {err}");
        }
    }
    let (code, err) = env.fails(&["run", "--expose", "0", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["create", "--name", "web", "busybox", "true"]);
    let (code, err) = env.fails(&["run", "-p", "8080:80", "--network", "container:web", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("conflicting options: port publishing"), "{err}");
    env.ok(&["rm", "web"]);
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "no container was left behind");
}

#[test]
fn create_records_the_bindings_as_docker_shows_them() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "web", "-p", "8080:80", "-p", "127.0.0.1::53/udp", "-p", "9000-9001:9000-9001", "busybox", "true"]);
    assert_eq!(
        inspect(&env, "{{json .HostConfig.PortBindings}}", "web"),
        r#"{"53/udp":[{"HostIp":"127.0.0.1","HostPort":""}],"80/tcp":[{"HostIp":"","HostPort":"8080"}],"9000/tcp":[{"HostIp":"","HostPort":"9000"}],"9001/tcp":[{"HostIp":"","HostPort":"9001"}]}"#
    );
    assert_eq!(inspect(&env, "{{json .Config.ExposedPorts}}", "web"), r#"{"53/udp":{},"80/tcp":{},"9000/tcp":{},"9001/tcp":{}}"#);
    assert_eq!(inspect(&env, "{{.HostConfig.PublishAllPorts}}", "web"), "false");
    // Nothing is bound before the container runs.
    assert_eq!(inspect(&env, "{{json .NetworkSettings.Ports}}", "web"), "{}");
    assert_eq!(env.ok(&["port", "web"]), "", "a container that does not run lists no ports");
    let (code, err) = env.fails(&["port", "web", "80"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.trim(), "Error: no public port '80/tcp' published for web");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}|{{.Ports}}"]), "web|\n");
}

#[test]
fn publish_all_takes_the_image_s_exposed_ports_and_expose() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "source", "busybox", "true"]);
    let rootfs = env.path().join("rootfs.tar");
    env.ok(&["export", "-o", rootfs.to_str().expect("a UTF-8 path"), "source"]);
    env.ok(&["import", "--change", "EXPOSE 80 53/udp", rootfs.to_str().expect("a UTF-8 path"), "exposing:1"]);
    env.ok(&["create", "--name", "all", "-P", "--expose", "9000-9001", "-p", "8080:80", "exposing:1", "true"]);
    assert_eq!(inspect(&env, "{{.HostConfig.PublishAllPorts}}", "all"), "true");
    assert_eq!(inspect(&env, "{{json .Config.ExposedPorts}}", "all"), r#"{"53/udp":{},"80/tcp":{},"9000/tcp":{},"9001/tcp":{}}"#);
    // -P publishes when the container starts: PortBindings keeps what -p asked.
    assert_eq!(inspect(&env, "{{json .HostConfig.PortBindings}}", "all"), r#"{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}"#);
}

/// Writes the ports a monitor records once it has bound them, as the
/// network setup does when the container starts.
fn record_bound_ports(env: &TestEnv, name: &str, ports: serde_json::Value) {
    let id = inspect(env, "{{.Id}}", name);
    let path = env.root.join("containers").join(id).join("state.json");
    let mut state: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read state.json")).expect("state.json is JSON");
    state["ports"] = ports;
    std::fs::write(&path, serde_json::to_vec(&state).expect("JSON")).expect("write state.json");
}

#[test]
fn port_ps_and_inspect_show_a_running_container_s_bound_ports() {
    let env = TestEnv::with_busybox();
    // Random host ports, so that the test collides with nothing once the
    // monitor binds them; the state then says which, as recorded here.
    env.ok(&["run", "-d", "--name", "web", "--expose", "9000", "-p", "80", "-p", "127.0.0.1::53/udp", "busybox", "sleep", "1000"]);
    let bound = |ip: &str, host: u16, container: u16, proto: &str| serde_json::json!({"host_ip": ip, "host_port": host, "container_port": container, "protocol": proto});
    record_bound_ports(&env, "web", serde_json::json!([bound("0.0.0.0", 8080, 80, "tcp"), bound("::", 8080, 80, "tcp"), bound("127.0.0.1", 5353, 53, "udp")]));
    assert_eq!(env.ok(&["port", "web"]), "53/udp -> 127.0.0.1:5353\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
    assert_eq!(env.ok(&["port", "web", "80"]), "0.0.0.0:8080\n[::]:8080\n");
    assert_eq!(env.ok(&["port", "web", "53/udp"]), "127.0.0.1:5353\n");
    let (code, err) = env.fails(&["port", "web", "9000"]);
    assert_eq!(code, 1, "exposed is not published: {err}");
    assert!(err.contains("no public port '9000/tcp' published for web"), "{err}");
    assert_eq!(env.ok(&["ps", "--format", "{{.Ports}}"]), "9000/tcp, 127.0.0.1:5353->53/udp, 0.0.0.0:8080->80/tcp, :::8080->80/tcp\n");
    let table = env.ok(&["ps"]);
    assert!(table.contains("0.0.0.0:8080->80/tcp, :::8080->80/tcp"), "{table}");
    assert_eq!(
        inspect(&env, "{{json .NetworkSettings.Ports}}", "web"),
        r#"{"53/udp":[{"HostIp":"127.0.0.1","HostPort":"5353"}],"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}],"9000/tcp":null}"#
    );
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn a_stopped_container_shows_no_ports() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "done", "-p", "80", "busybox", "true"]);
    let bound = serde_json::json!([{"host_ip": "0.0.0.0", "host_port": 8080, "container_port": 80, "protocol": "tcp"}]);
    record_bound_ports(&env, "done", bound);
    assert_eq!(env.ok(&["port", "done"]), "");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Ports}}"]), "\n");
    assert_eq!(inspect(&env, "{{json .NetworkSettings.Ports}}", "done"), "{}");
    assert_eq!(inspect(&env, "{{json .HostConfig.PortBindings}}", "done"), r#"{"80/tcp":[{"HostIp":"","HostPort":""}]}"#);
}
