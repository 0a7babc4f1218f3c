//! Unit tests of spec::ports: `-p` parsed as Docker parses it (a table of
//! good and bad values), `--expose`, `-P`, and the ways ports are shown.

use super::*;

fn m(host_ip: Option<&str>, host_port: u16, container_port: u16, protocol: Protocol) -> PortMapping {
    PortMapping { host_ip: host_ip.map(|ip| ip.parse().expect("a test address")), host_port, container_port, protocol, host_port_end: None }
}

fn tcp(host_port: u16, container_port: u16) -> PortMapping {
    m(None, host_port, container_port, Protocol::Tcp)
}

#[test]
fn publish_values_parse_as_docker_parses_them() {
    use Protocol::*;
    let cases: Vec<(&str, Vec<PortMapping>)> = vec![
        ("8080:80", vec![tcp(8080, 80)]),
        ("80", vec![tcp(0, 80)]),
        ("0:80", vec![tcp(0, 80)]),
        ("127.0.0.1:8080:80", vec![m(Some("127.0.0.1"), 8080, 80, Tcp)]),
        ("127.0.0.1::80", vec![m(Some("127.0.0.1"), 0, 80, Tcp)]),
        ("0.0.0.0:80:80/udp", vec![m(Some("0.0.0.0"), 80, 80, Udp)]),
        ("53:53/UDP", vec![m(None, 53, 53, Udp)]),
        ("8080:80/tcp", vec![tcp(8080, 80)]),
        ("8080:80/", vec![tcp(8080, 80)]),
        ("[::1]:8080:80", vec![m(Some("::1"), 8080, 80, Tcp)]),
        ("[::1]::80/udp", vec![m(Some("::1"), 0, 80, Udp)]),
        // Docker takes the address as everything before the last two parts.
        ("::1:8080:80", vec![m(Some("::1"), 8080, 80, Tcp)]),
        ("8000-8002:8000-8002", vec![tcp(8000, 8000), tcp(8001, 8001), tcp(8002, 8002)]),
        ("9000-9001:80-81/udp", vec![m(None, 9000, 80, Udp), m(None, 9001, 81, Udp)]),
        ("80-81", vec![tcp(0, 80), tcp(0, 81)]),
        ("127.0.0.1::80-81", vec![m(Some("127.0.0.1"), 0, 80, Tcp), m(Some("127.0.0.1"), 0, 81, Tcp)]),
        ("65535:1", vec![tcp(65535, 1)]),
    ];
    for (spec, want) in cases {
        let got = parse_publish(spec).unwrap_or_else(|e| panic!("-p {spec}: {e}"));
        assert_eq!(got, want, "-p {spec}");
    }
}

#[test]
fn a_host_range_for_one_container_port_is_where_a_free_port_is_picked() {
    let got = parse_publish("8000-8010:80").expect("a host range for one port");
    assert_eq!(got, vec![PortMapping { host_port: 8000, host_port_end: Some(8010), container_port: 80, ..Default::default() }]);
    assert_eq!(port_bindings_json(&got), json!({"80/tcp": [{"HostIp": "", "HostPort": "8000-8010"}]}));
}

#[test]
fn bad_publish_values_get_one_line_errors_that_name_the_problem() {
    let cases = [
        ("70000:80", "port 70000 is out of range 1-65535"),
        ("8080:70000", "port 70000 is out of range 1-65535"),
        ("8080:0", "out of range 1-65535"),
        ("a:b", "the container port \"b\" is not a port number"),
        ("a:80", "the host port \"a\" is not a port number"),
        ("1:2:3:4", "\"1:2\" is not an IP address"),
        ("localhost:8080:80", "\"localhost\" is not an IP address"),
        ("[::1:8080:80", "lacks its closing ']'"),
        ("", "give [IP:][HOST_PORT:]CONTAINER_PORT"),
        ("  ", "give [IP:][HOST_PORT:]CONTAINER_PORT"),
        ("8080:", "no container port given"),
        ("80/sctp", "sctp is not supported"),
        ("80/icmp", "unknown protocol \"icmp\""),
        ("8000-8010:80-81", "differ in length"),
        ("8080:80-81", "differ in length"),
        ("90-80", "ends before it starts"),
        ("-80", "is not a port number"),
        ("127.0.0.1:80", "the host port \"127.0.0.1\" is not a port number"),
    ];
    for (spec, want) in cases {
        let err = match parse_publish(spec) {
            Ok(got) => panic!("-p {spec:?} should fail, got {got:?}"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains(want), "-p {spec:?}: {err:?} should say {want:?}");
        assert!(!err.contains('\n'), "-p {spec:?}: one line: {err:?}");
        assert!(err.contains(&format!("{spec:?}")), "-p {spec:?}: the value is named: {err}");
    }
}

#[test]
fn expose_takes_ports_ranges_and_protocols() {
    assert_eq!(parse_expose("80").unwrap(), vec![tcp(0, 80)]);
    assert_eq!(parse_expose("53/udp").unwrap(), vec![m(None, 0, 53, Protocol::Udp)]);
    assert_eq!(parse_expose("8000-8001/tcp").unwrap(), vec![tcp(0, 8000), tcp(0, 8001)]);
    assert!(parse_expose("8080:80").is_err(), "no host part in --expose");
    assert!(parse_expose("0").is_err());
    let err = parse_expose("80/sctp").unwrap_err().to_string();
    assert!(err.contains("sctp is not supported"), "{err}");
    // An image's sctp port is left out; its other ports are kept.
    let keys = ["80/tcp".to_string(), "132/sctp".to_string(), "53/udp".to_string()];
    assert_eq!(parse_image_exposed(&keys).unwrap(), vec![tcp(0, 80), m(None, 0, 53, Protocol::Udp)]);
    let err = parse_image_exposed(&["http/tcp".to_string()]).unwrap_err().to_string();
    assert!(err.contains("ExposedPorts"), "{err}");
}

#[test]
fn publish_all_adds_every_exposed_port_and_explicit_ones_win() {
    let exposed = vec![tcp(0, 80), tcp(0, 443), m(None, 0, 53, Protocol::Udp)];
    let explicit = vec![m(Some("127.0.0.1"), 8080, 80, Protocol::Tcp)];
    let all = publish_all_ports(&exposed, &explicit);
    assert_eq!(all, vec![m(Some("127.0.0.1"), 8080, 80, Protocol::Tcp), tcp(0, 443), m(None, 0, 53, Protocol::Udp)]);
    // 80/udp is not 80/tcp.
    let all = publish_all_ports(&[m(None, 0, 80, Protocol::Udp)], &[tcp(8080, 80)]);
    assert_eq!(all.len(), 2);
}

#[test]
fn what_the_monitor_publishes_depends_on_p_and_the_network() {
    use crate::spec::container::ContainerSpec;
    use crate::spec::network::NetworkMode;
    let mut spec = ContainerSpec { ports: vec![tcp(8080, 80)], expose: vec![tcp(0, 80), tcp(0, 9000)], ..Default::default() };
    assert_eq!(to_publish(&spec), vec![tcp(8080, 80)], "without -P only -p");
    spec.publish_all = true;
    assert_eq!(to_publish(&spec), vec![tcp(8080, 80), tcp(0, 9000)]);
    spec.network = NetworkMode::Host;
    assert!(to_publish(&spec).is_empty(), "the host's ports are the container's");
    let err = check_network(&NetworkMode::Container("web".into()), &[tcp(8080, 80)], false).unwrap_err().to_string();
    assert!(err.contains("conflicting options") && err.contains("web"), "{err}");
    assert!(check_network(&NetworkMode::Container("web".into()), &[], true).is_err(), "-P too");
    assert!(check_network(&NetworkMode::Container("web".into()), &[], false).is_ok());
    assert!(check_network(&NetworkMode::Default, &[tcp(8080, 80)], true).is_ok());
}

#[test]
fn merge_exposed_keeps_one_entry_per_port() {
    let mut expose = vec![tcp(0, 80)];
    merge_exposed(&mut expose, &[tcp(0, 80), tcp(9, 443)]);
    assert_eq!(expose, vec![tcp(0, 80), tcp(0, 443)], "host ports are not kept for exposed ports");
}

#[test]
fn inspect_shows_bindings_as_asked_and_ports_as_resolved() {
    let asked = vec![tcp(8080, 80), m(Some("127.0.0.1"), 0, 53, Protocol::Udp)];
    assert_eq!(
        port_bindings_json(&asked),
        json!({"80/tcp": [{"HostIp": "", "HostPort": "8080"}], "53/udp": [{"HostIp": "127.0.0.1", "HostPort": ""}]})
    );
    assert_eq!(port_bindings_json(&[]), json!({}));
    let exposed = exposed_set(&[tcp(0, 9000)], &asked);
    assert_eq!(exposed, vec![(80, Protocol::Tcp), (9000, Protocol::Tcp), (53, Protocol::Udp)]);
    assert_eq!(exposed_ports_json(&[tcp(0, 9000)], &asked), json!({"80/tcp": {}, "9000/tcp": {}, "53/udp": {}}));
    assert_eq!(exposed_ports_json(&[], &[]), Value::Null);
    let resolved = vec![m(Some("0.0.0.0"), 8080, 80, Protocol::Tcp), m(Some("::"), 8080, 80, Protocol::Tcp), m(Some("127.0.0.1"), 40001, 53, Protocol::Udp)];
    assert_eq!(
        ports_json(&resolved, &exposed),
        json!({
            "80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}, {"HostIp": "::", "HostPort": "8080"}],
            "9000/tcp": null,
            "53/udp": [{"HostIp": "127.0.0.1", "HostPort": "40001"}],
        })
    );
}

#[test]
fn port_lists_mappings_in_docker_s_natural_order() {
    let resolved = vec![
        m(Some("::"), 8443, 443, Protocol::Tcp),
        m(Some("0.0.0.0"), 8443, 443, Protocol::Tcp),
        m(Some("::"), 8080, 80, Protocol::Tcp),
        m(Some("0.0.0.0"), 8080, 80, Protocol::Tcp),
        m(Some("127.0.0.1"), 5353, 53, Protocol::Udp),
    ];
    assert_eq!(
        port_lines(&resolved, None).unwrap(),
        vec!["53/udp -> 127.0.0.1:5353", "80/tcp -> 0.0.0.0:8080", "80/tcp -> [::]:8080", "443/tcp -> 0.0.0.0:8443", "443/tcp -> [::]:8443"]
    );
    assert_eq!(port_lines(&resolved, Some((80, Protocol::Tcp))).unwrap(), vec!["0.0.0.0:8080", "[::]:8080"]);
    assert_eq!(port_lines(&resolved, Some((53, Protocol::Udp))).unwrap(), vec!["127.0.0.1:5353"]);
    assert_eq!(port_lines(&resolved, Some((53, Protocol::Tcp))), None, "53/tcp is not published");
    assert_eq!(port_lines(&[], None), Some(vec![]));
    assert_eq!(parse_port_query("80").unwrap(), (80, Protocol::Tcp));
    assert_eq!(parse_port_query("53/udp").unwrap(), (53, Protocol::Udp));
    assert!(parse_port_query("http").is_err());
    assert_eq!(natural_cmp("a9", "a10"), std::cmp::Ordering::Less);
    assert_eq!(natural_cmp("a010", "a9"), std::cmp::Ordering::Greater);
    assert_eq!(natural_cmp("x", "x"), std::cmp::Ordering::Equal);
}

#[test]
fn the_ps_column_reads_as_docker_s() {
    let both = |host: u16, ctr: u16| vec![m(Some("0.0.0.0"), host, ctr, Protocol::Tcp), m(Some("::"), host, ctr, Protocol::Tcp)];
    assert_eq!(ps_ports(&both(8080, 80), &[(80, Protocol::Tcp)]), "0.0.0.0:8080->80/tcp, :::8080->80/tcp");
    // A run of ports that keep their numbers collapses into one range.
    let range: Vec<PortMapping> = (8000..=8010).map(|p| m(Some("0.0.0.0"), p, p, Protocol::Tcp)).collect();
    assert_eq!(ps_ports(&range, &[]), "0.0.0.0:8000-8010->8000-8010/tcp");
    // A gap starts a new range; the finished one is listed first.
    let gapped = vec![m(Some("0.0.0.0"), 80, 80, Protocol::Tcp), m(Some("0.0.0.0"), 81, 81, Protocol::Tcp), m(Some("0.0.0.0"), 90, 90, Protocol::Tcp)];
    assert_eq!(ps_ports(&gapped, &[]), "0.0.0.0:80-81->80-81/tcp, 0.0.0.0:90->90/tcp");
    // Exposed but unpublished ports show bare, grouped too.
    let exposed = [(80, Protocol::Tcp), (9000, Protocol::Tcp), (9001, Protocol::Tcp), (53, Protocol::Udp)];
    assert_eq!(ps_ports(&both(8080, 80), &exposed), "53/udp, 9000-9001/tcp, 0.0.0.0:8080->80/tcp, :::8080->80/tcp");
    assert_eq!(ps_ports(&[], &[]), "");
    let udp = vec![m(Some("127.0.0.1"), 5353, 53, Protocol::Udp)];
    assert_eq!(ps_ports(&udp, &[(53, Protocol::Udp)]), "127.0.0.1:5353->53/udp");
}

#[test]
fn mappings_survive_the_container_record() {
    let mapping = parse_publish("8000-8010:80").unwrap().remove(0);
    let text = serde_json::to_string(&mapping).unwrap();
    assert_eq!(serde_json::from_str::<PortMapping>(&text).unwrap(), mapping);
    let plain = serde_json::to_value(tcp(8080, 80)).unwrap();
    assert_eq!(plain, json!({"host_ip": null, "host_port": 8080, "container_port": 80, "protocol": "tcp"}));
    let old: PortMapping = serde_json::from_value(plain).unwrap();
    assert_eq!(old.host_port_end, None);
}
