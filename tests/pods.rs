//! Pods as a Podman user meets them: `pod create` makes a pod whose infra
//! container (pontoon's own pause, no image pulled) holds the namespaces
//! and the published ports; `run --pod` puts containers in it, where they
//! reach each other on localhost and share the pod's hostname; `pod
//! stop/start/rm` act on all of them in order and `pod rm -f` leaves
//! nothing behind; `pod ps` and `pod inspect` show what Podman shows.
//!
//! As root the tests that publish ports or use the bridge run in a network
//! namespace of their own (`TestEnv::with_netns`); rootless no test names
//! a fixed host port.

mod common;

use std::net::TcpListener;
use std::time::Duration;

use common::{process_alive, wait_until, TestEnv};
use serde_json::Value;

/// A host port free right now where the env's containers publish.
fn free_port(env: &TestEnv) -> u16 {
    let ns = env.netns.clone();
    std::thread::spawn(move || {
        if let Some(ns) = ns {
            let file = std::fs::File::open(format!("/run/netns/{ns}")).expect("open the test's network namespace");
            nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWNET).expect("join the test's network namespace");
        }
        TcpListener::bind("0.0.0.0:0").and_then(|l| l.local_addr()).expect("bind a random port").port()
    })
    .join()
    .expect("the host-side thread")
}

/// `cmd` retried until it succeeds (a server in a container is not up at
/// once); its stdout.
fn retried(what: &str, mut cmd: impl FnMut() -> std::process::Output) -> String {
    for _ in 0..100 {
        let out = cmd();
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{what} never succeeded");
}

fn pod_inspect(env: &TestEnv, pod: &str) -> Value {
    serde_json::from_str(&env.ok(&["pod", "inspect", pod])).expect("pod inspect prints JSON")
}

fn pod_status(env: &TestEnv, pod: &str) -> String {
    env.ok(&["pod", "ps", "--filter", &format!("name={pod}"), "--format", "{{.Status}}"]).trim().to_string()
}

fn state(env: &TestEnv, container: &str) -> String {
    env.ok(&["inspect", "--format", "{{.State.Status}}", container]).trim().to_string()
}

/// Every process whose command line names one of `ids` (monitors, and
/// anything else started for them), as pids.
fn processes_naming(ids: &[String]) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("list /proc").flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
        let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else { continue };
        let text = String::from_utf8_lossy(&cmdline);
        if ids.iter().any(|id| text.contains(id.as_str())) && process_alive(pid.into()) {
            found.push(pid);
        }
    }
    found
}

const HTTPD: &str = "mkdir -p /www && echo hello-from-the-pod > /www/index.html && exec httpd -f -p 80 -h /www";

#[test]
fn members_reach_each_other_on_localhost_and_the_host_reaches_the_pods_port() {
    let env = TestEnv::with_netns_and_busybox();
    let port = free_port(&env);
    let pod_id = env.ok(&["pod", "create", "-p", &format!("{port}:80"), "--name", "web"]).trim().to_string();
    assert_eq!(pod_id.len(), 64, "pod create prints the pod's Id: {pod_id:?}");
    // No image was pulled: the infra container's image is pontoon's own.
    assert!(env.ok(&["images", "--format", "{{.Repository}}"]).contains("localhost/pontoon-pause"));
    assert_eq!(pod_status(&env, "web"), "Created");
    env.ok(&["run", "-d", "--pod", "web", "--name", "httpd", "busybox", "sh", "-c", HTTPD]);
    // The infra container was started first, for the member to join it.
    assert_eq!(pod_status(&env, "web"), "Running");
    let fetched = retried("wget from a second member", || env.run(&["run", "--rm", "--pod", "web", "busybox", "wget", "-qO-", "http://localhost:80/"]));
    assert_eq!(fetched, "hello-from-the-pod\n");
    let url = format!("http://127.0.0.1:{port}/");
    let from_host = retried("curl from the host", || env.host("curl", &["-sf", "--max-time", "10", &url]).output().expect("run curl"));
    assert_eq!(from_host, "hello-from-the-pod\n");
    // Both containers have the pod's hostname.
    assert_eq!(env.ok(&["exec", "httpd", "hostname"]), "web\n");
    assert_eq!(env.ok(&["run", "--rm", "--pod", "web", "busybox", "hostname"]), "web\n");
    // The infra container's process is pontoon's pause, from the sealed
    // copy, never the host's binary.
    let infra = pod_inspect(&env, "web")["InfraContainerID"].as_str().expect("an infra container").to_string();
    let pid = env.ok(&["inspect", "--format", "{{.State.Pid}}", &infra]).trim().parse::<i32>().expect("a pid");
    common::assert_runs_sealed(i64::from(pid), &[&common::pontoon_bin(), &common::pontoon_monitor_bin()], "the pause");
    assert_eq!(std::fs::read_to_string(format!("/proc/{pid}/comm")).expect("read comm").trim(), "pontoon-pause");
}

#[test]
fn pod_stop_and_start_act_on_every_container_and_rm_f_leaves_nothing_behind() {
    let env = TestEnv::with_netns_and_busybox();
    let port = free_port(&env);
    env.ok(&["pod", "create", "-p", &format!("{port}:80"), "--name", "p"]);
    env.ok(&["run", "-d", "--pod", "p", "--name", "one", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--pod", "p", "--name", "two", "busybox", "sh", "-c", HTTPD]);
    let infra = pod_inspect(&env, "p")["InfraContainerID"].as_str().expect("an infra container").to_string();

    env.ok(&["pod", "stop", "-t", "1", "p"]);
    for c in ["one", "two", infra.as_str()] {
        assert_eq!(state(&env, c), "exited", "{c} after pod stop");
    }
    assert_eq!(pod_status(&env, "p"), "Exited");

    env.ok(&["pod", "start", "p"]);
    for c in ["one", "two", infra.as_str()] {
        assert_eq!(state(&env, c), "running", "{c} after pod start");
    }
    // Infra first: the members joined the namespaces of the infra
    // container as it runs now.
    let started = |c: &str| env.ok(&["inspect", "--format", "{{.State.StartedAt}}", c]).trim().to_string();
    let infra_started = chrono::DateTime::parse_from_rfc3339(&started(&infra)).expect("a time");
    for c in ["one", "two"] {
        assert!(chrono::DateTime::parse_from_rfc3339(&started(c)).expect("a time") >= infra_started, "{c} started before the infra container");
    }
    let net = |c: &str| env.ok(&["exec", c, "readlink", "/proc/self/ns/net"]);
    assert_eq!(net("one"), net("two"), "the members share a network namespace after pod start");
    let url = format!("http://127.0.0.1:{port}/");
    retried("curl after pod start", || env.host("curl", &["-sf", "--max-time", "10", &url]).output().expect("run curl"));

    // What must be gone afterwards.
    let ids: Vec<String> = ["one", "two", infra.as_str()].iter().map(|c| env.ok(&["inspect", "--format", "{{.Id}}", c]).trim().to_string()).collect();
    let pids: Vec<i32> = ["one", "two", infra.as_str()].iter().map(|c| env.ok(&["inspect", "--format", "{{.State.Pid}}", c]).trim().parse().expect("a pid")).collect();
    assert!(!processes_naming(&ids).is_empty(), "the monitors name their container's Id");
    let infra_ip = env.ok(&["inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", &infra]).trim().to_string();

    let infra_pid = pids[2];
    let namespaces: Vec<String> = ["net", "ipc", "uts"].iter().map(|k| std::fs::read_link(format!("/proc/{infra_pid}/ns/{k}")).expect("read a namespace").display().to_string()).collect();

    env.ok(&["pod", "rm", "-f", "-t", "1", "p"]);
    assert_eq!(env.ok(&["ps", "-aq"]), "", "no container is left");
    // No process anywhere holds the pod's namespaces any more.
    let holders = || -> Vec<String> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").expect("list /proc").flatten() {
            for k in ["net", "ipc", "uts"] {
                if let Ok(link) = std::fs::read_link(entry.path().join("ns").join(k)) {
                    if namespaces.contains(&link.display().to_string()) {
                        found.push(format!("{} holds {}", entry.file_name().to_string_lossy(), link.display()));
                    }
                }
            }
        }
        found
    };
    assert!(wait_until(10, || holders().is_empty()), "the pod's namespaces live on: {:?}", holders());
    let runtime_dirs = std::fs::read_dir(env.runroot.join("containers")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(runtime_dirs, 0, "the containers' runtime directories are gone");
    for lease in std::fs::read_dir(env.runroot.join("networks")).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(lease.path().join("leases.json")).unwrap_or_default();
        assert!(!ids.iter().any(|id| text.contains(id.as_str())), "an address lease is left: {text}");
    }
    assert_eq!(env.ok(&["pod", "ps", "-q"]), "", "no pod is left");
    assert!(wait_until(10, || pids.iter().all(|p| !process_alive((*p).into()))), "a container process survived pod rm -f");
    assert!(wait_until(10, || processes_naming(&ids).is_empty()), "a monitor or pause survived: {:?}", processes_naming(&ids));
    if let Some(ns) = &env.netns {
        // The kernel deletes the veth with the infra's namespace, in the
        // background (pontoon only takes it down): wait for it.
        let links = || String::from_utf8_lossy(&std::process::Command::new("ip").args(["-n", ns, "link"]).output().expect("run ip").stdout).into_owned();
        let veth = format!("pt{}", &ids[2][..11]);
        assert!(wait_until(10, || !links().contains(&veth)), "the infra container's veth is left:\n{}", links());
        let rules = String::from_utf8_lossy(&std::process::Command::new("ip").args(["netns", "exec", ns, "nft", "list", "ruleset"]).output().expect("run nft").stdout).into_owned();
        assert!(!infra_ip.is_empty() && !rules.contains(&infra_ip), "nft rules for {infra_ip} are left:\n{rules}");
        assert!(!rules.contains(&port.to_string()), "nft rules for port {port} are left");
    }
    assert!(TcpListener::bind(("127.0.0.1", port)).is_ok() || env.netns.is_some(), "the published port is free again");
}

#[test]
fn podman_s_refusals() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["pod", "create", "--name", "p"]);
    // A member cannot publish ports of its own.
    let (code, err) = env.fails(&["run", "--pod", "p", "-p", "8000:80", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(
        err.contains("invalid config provided: published or exposed ports must be defined when the pod is created: network cannot be configured when it is shared with a pod"),
        "{err}"
    );
    assert_eq!(env.ok(&["ps", "-a", "--filter", "pod=p", "-q"]).lines().count(), 1, "only the infra container exists");
    // The infra container goes only with its pod.
    let infra = pod_inspect(&env, "p")["InfraContainerID"].as_str().expect("an infra container").to_string();
    let (code, err) = env.fails(&["rm", "-f", &infra]);
    assert_eq!(code, 125);
    assert!(err.contains("is the infra container of pod") && err.contains("pod rm p"), "{err}");
    // A running pod is removed only with -f.
    env.ok(&["run", "-d", "--pod", "p", "--name", "c", "busybox", "sleep", "300"]);
    let (code, err) = env.fails(&["pod", "rm", "p"]);
    assert_eq!(code, 2);
    assert!(err.contains("pod p has running containers (c)") && err.contains("-f"), "{err}");
    assert_eq!(state(&env, "c"), "running", "a refused pod rm touches nothing");
    // exists
    env.ok(&["pod", "exists", "p"]);
    let out = env.run(&["pod", "exists", "nope"]);
    assert_eq!(out.status.code(), Some(1), "pod exists of a missing pod");
    assert!(out.stderr.is_empty(), "pod exists prints nothing");
    // No infra container: no ports.
    let (code, err) = env.fails(&["pod", "create", "--infra=false", "-p", "8000:80", "--name", "bare"]);
    assert_eq!(code, 125);
    assert!(err.contains("infra container"), "{err}");
    assert_eq!(env.run(&["pod", "exists", "bare"]).status.code(), Some(1), "nothing was made");
    // Names are unique among pods.
    let (_, err) = env.fails(&["pod", "create", "--name", "p"]);
    assert!(err.contains("pod already exists"), "{err}");
    // A missing pod is a missing object.
    let (code, err) = env.fails(&["pod", "inspect", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("no pod with name or ID nope found: no such pod"), "{err}");
    let (code, _) = env.fails(&["run", "--pod", "nope", "busybox", "true"]);
    assert_eq!(code, 125);
}

#[test]
fn pod_ps_shows_podman_s_columns_and_statuses() {
    let env = TestEnv::with_busybox();
    let id = env.ok(&["pod", "create", "--name", "p", "--label", "tier=web"]).trim().to_string();
    let out = env.ok(&["pod", "ps"]);
    let header: Vec<&str> = out.lines().next().expect("a header").split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(header, ["POD ID", "NAME", "STATUS", "CREATED", "INFRA ID", "# OF CONTAINERS"]);
    let row = out.lines().nth(1).expect("a row");
    assert!(row.starts_with(&id[..12]) && row.contains(" p ") && row.contains("Created") && row.trim_end().ends_with('1'), "{row}");
    assert_eq!(pod_status(&env, "p"), "Created");

    env.ok(&["run", "-d", "--pod", "p", "--name", "a", "busybox", "sleep", "300"]);
    env.ok(&["create", "--pod", "p", "--name", "b", "busybox", "sleep", "300"]);
    assert_eq!(pod_status(&env, "p"), "Degraded", "running and created");
    env.ok(&["start", "b"]);
    assert_eq!(pod_status(&env, "p"), "Running");
    env.ok(&["stop", "-t", "1", "b"]);
    assert_eq!(pod_status(&env, "p"), "Degraded", "running and exited");
    env.ok(&["start", "b"]);
    env.ok(&["pod", "pause", "p"]);
    assert_eq!(pod_status(&env, "p"), "Paused");
    env.ok(&["pod", "unpause", "p"]);
    assert_eq!(pod_status(&env, "p"), "Running");
    env.ok(&["pod", "stop", "-t", "1", "p"]);
    assert_eq!(pod_status(&env, "p"), "Exited");
    env.ok(&["create", "--pod", "p", "--name", "c", "busybox", "true"]);
    assert_eq!(pod_status(&env, "p"), "Stopped", "exited and created");

    let out = env.ok(&["pod", "ps", "--ctr-names", "--ctr-status"]);
    assert!(out.lines().next().expect("a header").contains("NAMES") && !out.contains("# OF CONTAINERS"), "{out}");
    assert!(out.contains("-infra,a,b,c") && out.contains("exited,exited,exited,created"), "{out}");
    assert_eq!(env.ok(&["pod", "ps", "--format", "{{.Name}} {{.NumberOfContainers}} {{.Labels.tier}}"]), "p 4 web\n");
    assert_eq!(env.ok(&["pod", "ps", "-q"]), format!("{id}\n"));
    for (filter, shown) in [("name=p", true), ("name=zz", false), ("label=tier=web", true), ("label=tier=db", false), ("status=stopped", true), ("status=running", false), ("id=", true)] {
        let filter = if filter == "id=" { format!("id={}", &id[..6]) } else { filter.to_string() };
        assert_eq!(!env.ok(&["pod", "ps", "-q", "--filter", &filter]).is_empty(), shown, "--filter {filter}");
    }
    let json: Value = serde_json::from_str(&env.ok(&["pod", "ps", "--format", "json"])).expect("JSON");
    assert_eq!(json[0]["Name"], "p");
    assert_eq!(json[0]["Status"], "Stopped");
    assert_eq!(json[0]["Containers"].as_array().map(Vec::len), Some(4));
    // ps --pod
    let out = env.ok(&["ps", "-a", "--pod"]);
    let header: Vec<&str> = out.lines().next().expect("a header").split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(header[header.len() - 2..], ["POD ID", "PODNAME"], "{out}");
    assert!(out.lines().skip(1).all(|l| l.contains(&id[..12]) && l.trim_end().ends_with(" p")), "{out}");
    assert_eq!(env.ok(&["ps", "-a", "--filter", "pod=p", "--format", "{{.Names}}"]).lines().count(), 4);
    assert_eq!(env.ok(&["ps", "-a", "--filter", "pod=nope", "-q"]), "");
}

#[test]
fn pod_inspect_has_podman_s_keys() {
    let env = TestEnv::with_netns_and_busybox();
    let port = free_port(&env);
    let id = env
        .ok(&["pod", "create", "--name", "p", "-p", &format!("{port}:80"), "--hostname", "podhost", "--label", "a=b", "--add-host", "db:10.0.0.5", "--dns", "9.9.9.9"])
        .trim()
        .to_string();
    env.ok(&["create", "--pod", "p", "--name", "c", "busybox", "true"]);
    let doc = pod_inspect(&env, "p");
    assert_eq!(doc["Id"], id.as_str());
    assert_eq!(doc["Name"], "p");
    assert!(doc["Created"].as_str().is_some_and(|c| chrono::DateTime::parse_from_rfc3339(c).is_ok()), "{doc}");
    assert_eq!(doc["State"], "Created");
    assert_eq!(doc["Hostname"], "podhost");
    assert_eq!(doc["Labels"]["a"], "b");
    assert_eq!(doc["CreateInfra"], true);
    let infra = doc["InfraContainerID"].as_str().expect("InfraContainerID");
    assert_eq!(doc["SharedNamespaces"], serde_json::json!(["net", "ipc", "uts"]));
    assert_eq!(doc["NumContainers"], 2);
    assert_eq!(doc["Containers"][0]["Id"], infra);
    assert_eq!(doc["Containers"][1]["Name"], "c");
    assert_eq!(doc["Containers"][1]["State"], "created");
    assert_eq!(doc["InfraConfig"]["PortBindings"]["80/tcp"][0]["HostPort"], port.to_string());
    assert_eq!(doc["InfraConfig"]["HostAdd"][0], "db:10.0.0.5");
    assert_eq!(doc["InfraConfig"]["DNSServer"][0], "9.9.9.9");
    assert_eq!(env.ok(&["pod", "inspect", "--format", "{{.Name}} {{.NumContainers}}", "p"]), "p 2\n");
    // `inspect` finds pods too, after containers and images, as Podman's does.
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "p"]), format!("{id}\n"));
    assert_eq!(env.ok(&["inspect", "--type", "pod", "--format", "{{.Hostname}}", "p"]), "podhost\n");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Pod}} {{.IsInfra}}", "c"]), format!("{id} false\n"));
    assert_eq!(env.ok(&["inspect", "--format", "{{.Pod}} {{.IsInfra}}", infra]), format!("{id} true\n"));
    // The member sees the pod's hosts entry and nameserver.
    env.ok(&["start", "c"]);
    let hosts = env.ok(&["run", "--rm", "--pod", "p", "busybox", "cat", "/etc/hosts", "/etc/resolv.conf"]);
    assert!(hosts.contains("10.0.0.5") && hosts.contains("db") && hosts.contains("nameserver 9.9.9.9"), "{hosts}");
}

#[test]
fn share_pid_lets_a_member_see_the_others_processes() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--name", "p", "--share", "net,ipc,uts,pid"]);
    env.ok(&["run", "-d", "--pod", "p", "--name", "sleeper", "busybox", "sleep", "4242"]);
    let ps = env.ok(&["run", "--rm", "--pod", "p", "busybox", "ps", "-o", "args"]);
    assert!(ps.contains("sleep 4242"), "the sleeper is visible in the pod's PID namespace:\n{ps}");
    assert!(ps.contains("pontoon-pause"), "the pause is the pod's PID 1:\n{ps}");
    assert_eq!(pod_inspect(&env, "p")["SharedNamespaces"], serde_json::json!(["net", "ipc", "uts", "pid"]));
    // As root (with a cgroup per container), a member that stops takes
    // its other processes along, though the namespace lives on.
    if common::is_root() {
        env.ok(&["run", "-d", "--pod", "p", "--name", "forker", "busybox", "sh", "-c", "sleep 4141 & exec sleep 4040"]);
        env.ok(&["stop", "-t", "1", "forker"]);
        let ps = env.ok(&["exec", "sleeper", "ps", "-o", "args"]);
        assert!(!ps.contains("sleep 4141") && ps.contains("sleep 4242"), "the stopped member's child is gone, the others stay:\n{ps}");
    }
    // Without pid in --share, each member has its own.
    env.ok(&["pod", "create", "--name", "q"]);
    env.ok(&["run", "-d", "--pod", "q", "--name", "other", "busybox", "sleep", "4343"]);
    let ps = env.ok(&["run", "--rm", "--pod", "q", "busybox", "ps", "-o", "args"]);
    assert!(!ps.contains("sleep 4343"), "{ps}");
    // A pod that does not share its network: its members get the usual
    // default network (containers.conf's, `none` in these tests as root).
    env.ok(&["pod", "create", "--name", "nonet", "--share", "ipc,uts"]);
    env.ok(&["create", "--pod", "nonet", "--name", "loner", "busybox", "true"]);
    let mode = env.ok(&["inspect", "--format", "{{.HostConfig.NetworkMode}}", "loner"]);
    assert_eq!(mode.trim(), if common::is_root() { "none" } else { "bridge" });
    let mode = env.ok(&["inspect", "--format", "{{.HostConfig.NetworkMode}}", "other"]);
    assert!(mode.starts_with("container:"), "{mode}");
}

#[test]
fn run_pod_new_makes_the_pod_and_starting_a_member_starts_the_infra_first() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--pod", "new:fresh", "--name", "m", "busybox", "sleep", "300"]);
    env.ok(&["pod", "exists", "fresh"]);
    assert_eq!(pod_status(&env, "fresh"), "Running");
    assert_eq!(env.ok(&["ps", "--filter", "pod=fresh", "--format", "{{.Names}}"]).lines().count(), 2);
    // A member started alone brings its infra container up first.
    env.ok(&["pod", "stop", "-t", "1", "fresh"]);
    let infra = pod_inspect(&env, "fresh")["InfraContainerID"].as_str().expect("an infra container").to_string();
    assert_eq!(state(&env, &infra), "exited");
    env.ok(&["start", "m"]);
    assert_eq!(state(&env, &infra), "running");
    assert_eq!(state(&env, "m"), "running");
    assert_eq!(env.ok(&["exec", "m", "hostname"]), "fresh\n");
    // `create --pod new:` too.
    env.ok(&["create", "--pod", "new:later", "--name", "n", "busybox", "true"]);
    assert_eq!(pod_status(&env, "later"), "Created");
    // pod rm takes the members with it.
    env.ok(&["pod", "rm", "-f", "-t", "1", "fresh"]);
    env.ok(&["pod", "rm", "later"]);
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}

#[test]
fn pod_top_logs_kill_restart_and_prune() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--name", "p"]);
    env.ok(&["run", "-d", "--pod", "p", "--name", "a", "busybox", "sh", "-c", "echo from-a; exec sleep 300"]);
    env.ok(&["run", "-d", "--pod", "p", "--name", "b", "busybox", "sh", "-c", "echo from-b; exec sleep 301"]);
    let ids: Vec<String> = ["a", "b"].iter().map(|c| env.ok(&["inspect", "--format", "{{.Id}}", c]).trim()[..12].to_string()).collect();
    let both = || {
        let logs = env.ok(&["pod", "logs", "p"]);
        logs.contains("from-a") && logs.contains("from-b")
    };
    assert!(wait_until(10, both), "both containers wrote their line");
    let logs = env.ok(&["pod", "logs", "p"]);
    assert!(logs.contains(&format!("{} from-a", ids[0])) && logs.contains(&format!("{} from-b", ids[1])), "lines carry the container's Id:\n{logs}");
    assert_eq!(env.ok(&["pod", "logs", "-c", "a", "p"]), "from-a\n", "one container: no prefix");
    let top = env.ok(&["pod", "top", "p"]);
    assert!(top.contains("sleep 300") && top.contains("sleep 301") && top.contains("pontoon-pause"), "{top}");
    let stats = env.ok(&["pod", "stats", "--no-stream", "p"]);
    assert!(stats.lines().next().is_some_and(|h| h.starts_with("POD")) && stats.lines().count() == 4, "{stats}");
    env.ok(&["pod", "kill", "p"]);
    assert!(wait_until(10, || pod_status(&env, "p") == "Exited"), "pod kill ends every container: {}", pod_status(&env, "p"));
    env.ok(&["pod", "restart", "p"]);
    assert_eq!(pod_status(&env, "p"), "Running");
    env.ok(&["pod", "create", "--name", "idle"]);
    let pruned = env.ok(&["pod", "prune", "-f"]);
    assert_eq!(pruned.lines().count(), 1, "only the pod that does not run: {pruned}");
    assert_eq!(env.run(&["pod", "exists", "idle"]).status.code(), Some(1));
    env.ok(&["pod", "exists", "p"]);
    // rm -af takes pods too.
    env.ok(&["rm", "-af"]);
    assert_eq!(env.ok(&["pod", "ps", "-q"]), "");
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}

/// A member sharing the pod's PID namespace sees the pause as its PID 1
/// and tries to write through /proc/1/exe (CVE-2019-5736): the pause runs
/// from the sealed copy, so the binary that made the pod, a private copy
/// here, stays as it was.
#[test]
fn the_pause_is_never_backed_by_the_host_binary() {
    let dir = tempfile::tempdir().expect("create a dir for the victim");
    let victim = dir.path().join("pontoon");
    std::fs::copy(common::pontoon_bin(), &victim).expect("copy pontoon");
    let original = std::fs::read(&victim).expect("read the victim");
    let env = TestEnv::with_busybox();
    let run = |args: &[&str]| {
        let out = env.cmd_with(&victim, args).output().expect("run the victim");
        assert!(out.status.success(), "`pontoon {}` failed:\n{}", args.join(" "), common::describe(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["pod", "create", "--name", "p", "--share", "+pid"]);
    let attack = "readlink /proc/1/exe; stat -L -c 'inode=%d:%i' /proc/1/exe; for i in 1 2 3; do echo evil >> /proc/1/exe; done; echo attacked";
    let out = run(&["run", "--rm", "--pod", "p", "--cap-add", "SYS_PTRACE", "busybox", "sh", "-c", attack]);
    assert!(out.contains("attacked") && out.contains("inode="), "the attack ran: {out}");
    let (dev, inode) = common::file_identity(&victim).expect("stat the victim");
    assert!(!out.contains(&victim.display().to_string()) && !out.contains(&format!("inode={dev}:{inode}\n")), "the pod's PID 1 runs from a sealed copy: {out}");
    assert!(std::fs::read(&victim).expect("read the victim") == original, "the binary was changed through the pause");
    run(&["pod", "rm", "-f", "-t", "0", "p"]);
}

#[test]
fn container_prune_leaves_pods_alone_and_system_prune_takes_stopped_pods() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--name", "p"]);
    env.ok(&["create", "--pod", "p", "--name", "member", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "loose", "busybox", "true"]);
    env.ok(&["container", "prune", "-f"]);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]).lines().count(), 2, "the pod's infra container and member stay");
    env.ok(&["pod", "start", "p"]);
    assert_eq!(pod_status(&env, "p"), "Running");
    env.ok(&["pod", "stop", "-t", "1", "p"]);
    env.ok(&["system", "prune", "-f"]);
    assert_eq!(env.ok(&["pod", "ps", "-q"]), "", "the stopped pod went");
    assert_eq!(env.ok(&["ps", "-aq"]), "", "with its containers");
}
