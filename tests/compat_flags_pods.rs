//! The Docker and Podman flags of the pod, network, volume, secret and
//! manifest commands that pontoon implements beyond its first cut (the
//! others are accepted or refused as docs/compatibility.md's "Flags of
//! other commands" rows say, which tests/compat_other_flags.rs checks):
//! `pod VERB --latest` and `--pod-id-file`, `pod stop --ignore`,
//! `pod create --pod-id-file/--replace/--label-file`, `pod ps` and
//! `network ls --noheading`, `create --ignore` of networks, volumes and
//! secrets, `manifest rm --ignore`, `volume inspect --all` and `secret
//! inspect --showsecret`.
//!
//! Pods are made with `--network none`, so their infra containers start
//! the same as root and rootless; the network test runs, as root, in a
//! network namespace of its own.

mod common;

use common::TestEnv;
use serde_json::Value;

fn pod_labels(env: &TestEnv, pod: &str) -> Value {
    let inspect: Value = serde_json::from_str(&env.ok(&["pod", "inspect", pod])).expect("pod inspect prints JSON");
    let pod = if inspect.is_array() { inspect[0].clone() } else { inspect };
    pod["Labels"].clone()
}

fn pod_names(env: &TestEnv) -> Vec<String> {
    env.ok(&["pod", "ps", "--format", "{{.Name}}"]).lines().map(str::to_string).collect()
}

fn pod_status(env: &TestEnv, pod: &str) -> String {
    env.ok(&["pod", "ps", "--filter", &format!("name={pod}"), "--format", "{{.Status}}"]).trim().to_string()
}

#[test]
fn pod_verbs_act_on_the_latest_pod_or_on_the_pods_of_id_files() {
    let env = TestEnv::new();
    let id_file = env.path().join("web.id");
    let first = env.ok(&["pod", "create", "--network", "none", "--name", "first"]).trim().to_string();
    let web = env.ok(&["pod", "create", "--network", "none", "--pod-id-file", id_file.to_str().unwrap(), "--name", "web"]).trim().to_string();
    assert_eq!(std::fs::read_to_string(&id_file).unwrap().trim(), web, "--pod-id-file holds the new pod's Id");

    // --latest is the pod created last, not the first one.
    assert_eq!(env.ok(&["pod", "start", "--latest"]).trim(), web);
    assert_eq!(pod_status(&env, "web"), "Running");
    assert_eq!(pod_status(&env, "first"), "Created");
    assert_eq!(env.ok(&["pod", "stop", "-t", "1", "--pod-id-file", id_file.to_str().unwrap()]).trim(), web);
    assert_eq!(pod_status(&env, "web"), "Exited");
    assert_eq!(env.ok(&["pod", "start", "--pod-id-file", id_file.to_str().unwrap()]).trim(), web);
    assert_eq!(env.ok(&["pod", "rm", "-f", "-t", "1", "-l"]).trim(), web);
    assert_eq!(pod_names(&env), ["first"]);

    // --ignore passes over a pod (or id file) that is gone; without it, that fails.
    let (_, err) = env.fails(&["pod", "stop", "-t", "1", "no-such-pod"]);
    assert!(err.contains("no-such-pod"), "{err}");
    assert_eq!(env.ok(&["pod", "stop", "-t", "1", "--ignore", "no-such-pod", "first"]).trim(), first);
    env.ok(&["pod", "rm", "--ignore", "--pod-id-file", id_file.with_extension("gone").to_str().unwrap()]);
    let (_, err) = env.fails(&["pod", "rm", "--pod-id-file", id_file.with_extension("gone").to_str().unwrap()]);
    assert!(err.contains("--pod-id-file"), "{err}");
    let (_, err) = env.fails(&["pod", "rm", "--latest", "first"]);
    assert!(err.contains("cannot be used together"), "{err}");
}

#[test]
fn pod_create_replaces_a_pod_writes_no_id_over_a_file_and_reads_label_files() {
    let env = TestEnv::new();
    let labels = env.path().join("labels");
    std::fs::write(&labels, "# the team's labels\ntier=back\nowner=ops\n").unwrap();
    env.ok(&["pod", "create", "--network", "none", "--label-file", labels.to_str().unwrap(), "--label", "owner=dev", "--name", "p"]);
    let have = pod_labels(&env, "p");
    assert_eq!(have["tier"], "back", "{have}");
    assert_eq!(have["owner"], "dev", "--label wins over the file: {have}");

    let (code, _) = env.fails(&["pod", "create", "--network", "none", "--name", "p"]);
    assert_eq!(code, 125, "the name is taken");
    env.ok(&["pod", "start", "p"]);
    let new = env.ok(&["pod", "create", "--network", "none", "--replace", "--label", "v=2", "--name", "p"]).trim().to_string();
    assert_eq!(pod_names(&env), ["p"]);
    assert_eq!(pod_labels(&env, "p")["v"], "2");
    assert_eq!(env.ok(&["pod", "ps", "--no-trunc", "-q"]).trim(), new);

    let id_file = env.path().join("taken.id");
    std::fs::write(&id_file, "x").unwrap();
    let (code, err) = env.fails(&["pod", "create", "--network", "none", "--pod-id-file", id_file.to_str().unwrap(), "--name", "q"]);
    assert_eq!(code, 125);
    assert!(err.contains("exists"), "{err}");
    assert_eq!(pod_names(&env), ["p"], "no pod is made when its id file exists");
}

#[test]
fn pod_ps_noheading_leaves_out_the_column_names() {
    let env = TestEnv::new();
    env.ok(&["pod", "create", "--network", "none", "--name", "quiet-pod"]);
    assert!(env.ok(&["pod", "ps"]).starts_with("POD ID"));
    let out = env.ok(&["pod", "ps", "--noheading"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("quiet-pod") && !out.contains("POD ID"), "{out}");
}

#[test]
fn network_create_ignore_answers_with_the_existing_network_and_ls_noheading() {
    let env = TestEnv::with_netns();
    let id = env.ok(&["network", "create", "--label", "v=1", "app"]).trim().to_string();
    let (code, err) = env.fails(&["network", "create", "app"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(env.ok(&["network", "create", "--ignore", "--label", "v=2", "app"]).trim(), id);
    assert_eq!(env.ok(&["network", "inspect", "--format", "{{index .Labels \"v\"}}", "app"]).trim(), "1", "the existing network is kept as it was");
    let out = env.ok(&["network", "ls", "--noheading"]);
    assert!(out.contains("app") && !out.contains("NETWORK ID"), "{out}");
    assert!(env.ok(&["network", "ls"]).starts_with("NETWORK ID"));
}

#[test]
fn volume_create_ignore_keeps_the_volume_and_inspect_all_shows_every_one() {
    let env = TestEnv::new();
    env.ok(&["volume", "create", "--label", "v=1", "data"]);
    env.ok(&["volume", "create", "logs"]);
    assert_eq!(env.ok(&["volume", "create", "--ignore", "--label", "v=2", "data"]).trim(), "data");
    assert_eq!(env.ok(&["volume", "inspect", "--format", "{{index .Labels \"v\"}}", "data"]).trim(), "1");
    let mut names: Vec<String> = env.ok(&["volume", "inspect", "--all", "--format", "{{.Name}}"]).lines().map(str::to_string).collect();
    names.sort();
    assert_eq!(names, ["data", "logs"]);
    let (code, _) = env.fails(&["volume", "inspect", "--all", "data"]);
    assert_eq!(code, 125);
}

#[test]
fn secret_create_ignore_keeps_the_data_and_inspect_showsecret_shows_it() {
    let env = TestEnv::new();
    let first = env.path().join("first");
    let second = env.path().join("second");
    std::fs::write(&first, "first data").unwrap();
    std::fs::write(&second, "second data").unwrap();
    let id = env.ok(&["secret", "create", "token", first.to_str().unwrap()]).trim().to_string();
    let (code, _) = env.fails(&["secret", "create", "token", second.to_str().unwrap()]);
    assert_eq!(code, 125);
    assert_eq!(env.ok(&["secret", "create", "--ignore", "token", second.to_str().unwrap()]).trim(), id);
    let shown: Value = serde_json::from_str(&env.ok(&["secret", "inspect", "--showsecret", "token"])).unwrap();
    assert_eq!(shown[0]["SecretData"], "first data", "{shown}");
    let hidden: Value = serde_json::from_str(&env.ok(&["secret", "inspect", "token"])).unwrap();
    assert!(hidden[0].get("SecretData").is_none(), "the data is shown only when asked: {hidden}");
}

#[test]
fn manifest_rm_ignore_passes_over_missing_lists() {
    let env = TestEnv::new();
    let (code, _) = env.fails(&["manifest", "rm", "no-such-list"]);
    assert_eq!(code, 125);
    env.ok(&["manifest", "rm", "--ignore", "no-such-list"]);
}

#[test]
fn pod_exit_policy_stop_stops_the_pod_with_its_last_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--network", "none", "--exit-policy", "stop", "--name", "job"]);
    env.ok(&["pod", "create", "--network", "none", "--name", "service"]);
    let inspect: Value = serde_json::from_str(&env.ok(&["pod", "inspect", "job"])).unwrap();
    assert_eq!(inspect["ExitPolicy"], "stop");
    env.ok(&["run", "--pod", "job", "busybox", "true"]);
    env.ok(&["run", "--pod", "service", "busybox", "true"]);
    assert!(common::wait_until(30, || pod_status(&env, "job") == "Exited"), "the job's pod stops: {}", pod_status(&env, "job"));
    // The default policy (continue) keeps the infra container, and so the pod, running.
    assert_eq!(pod_status(&env, "service"), "Degraded");
    // pod stop of such a pod (its member's monitor stops the infra container too) ends cleanly.
    env.ok(&["pod", "create", "--network", "none", "--exit-policy", "stop", "--name", "daemon"]);
    env.ok(&["run", "-d", "--pod", "daemon", "busybox", "sleep", "600"]);
    assert_eq!(pod_status(&env, "daemon"), "Running");
    env.ok(&["pod", "stop", "-t", "1", "daemon"]);
    assert_eq!(pod_status(&env, "daemon"), "Exited");
    env.ok(&["pod", "start", "daemon"]);
    assert_eq!(pod_status(&env, "daemon"), "Running", "a stopped pod starts again");
    env.ok(&["pod", "rm", "-f", "-t", "1", "daemon"]);
    let (code, err) = env.fails(&["pod", "create", "--exit-policy", "later", "--name", "x"]);
    assert_eq!(code, 125);
    assert!(err.contains("continue or stop"), "{err}");
}

#[test]
fn pod_create_names_the_infra_container_and_mounts_its_volumes_in_every_member() {
    let env = TestEnv::with_busybox();
    let shared = env.dir_with_files("shared", &[("greeting", "hello from the pod")]);
    let bind = format!("{}:/shared:ro", shared.display());
    env.ok(&["pod", "create", "--network", "none", "--infra-name", "holder", "-v", &bind, "-v", "podvol:/data", "--name", "p"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Name}}", "holder"]).trim().trim_start_matches('/'), "holder");
    assert_eq!(env.ok(&["run", "--rm", "--pod", "p", "busybox", "cat", "/shared/greeting"]), "hello from the pod");
    env.ok(&["run", "--rm", "--pod", "p", "busybox", "sh", "-c", "echo kept > /data/note"]);
    assert_eq!(env.ok(&["run", "--rm", "--pod", "p", "busybox", "cat", "/data/note"]).trim(), "kept", "the named volume is shared");
    // A member's own mount at the same path wins.
    let own = env.dir_with_files("own", &[("greeting", "the member's own")]);
    let own_bind = format!("{}:/shared:ro", own.display());
    assert_eq!(env.ok(&["run", "--rm", "--pod", "p", "-v", &own_bind, "busybox", "cat", "/shared/greeting"]), "the member's own");
    let (code, err) = env.fails(&["pod", "create", "--infra=false", "--infra-name", "x", "--name", "bare"]);
    assert_eq!(code, 125);
    assert!(err.contains("--infra-name"), "{err}");
}

#[test]
fn pod_ps_sorts_and_the_show_verbs_take_latest() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--network", "none", "--name", "b-pod"]);
    env.ok(&["pod", "create", "--network", "none", "--name", "c-pod"]);
    let latest = env.ok(&["pod", "create", "--network", "none", "--name", "a-pod"]).trim().to_string();
    let names = |sort: &str| env.ok(&["pod", "ps", "--sort", sort, "--format", "{{.Name}}"]).lines().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(names("name"), ["a-pod", "b-pod", "c-pod"]);
    assert_eq!(names("created"), ["a-pod", "c-pod", "b-pod"], "newest first");
    let (code, _) = env.fails(&["pod", "ps", "--sort", "size"]);
    assert_ne!(code, 0);

    let inspect: Value = serde_json::from_str(&env.ok(&["pod", "inspect", "--latest"])).unwrap();
    assert_eq!(inspect["Id"], latest.as_str(), "one pod is shown as an object, the latest");
    env.ok(&["run", "-d", "--name", "greeter", "--pod", "a-pod", "busybox", "sh", "-c", "echo hello; sleep 600"]);
    assert!(common::wait_until(30, || env.ok(&["pod", "logs", "--latest"]).contains("hello")));
    let named = env.ok(&["pod", "logs", "--names", "-l"]);
    assert!(named.lines().any(|l| l == "greeter hello"), "--names starts the lines with the container's name: {named:?}");
    assert!(env.ok(&["pod", "top", "--latest"]).contains("sleep"));
    env.ok(&["pod", "rm", "-f", "-t", "1", "--latest"]);
}

#[test]
fn manifest_add_and_annotate_set_the_os_version_and_features() {
    let env = TestEnv::with_busybox();
    env.ok(&["manifest", "create", "multi"]);
    env.ok(&["manifest", "add", "--os-version", "10.0.17763", "--features", "sse4,avx", "multi", "busybox"]);
    let index: Value = serde_json::from_str(&env.ok(&["manifest", "inspect", "multi"])).unwrap();
    let entry = &index["manifests"][0];
    assert_eq!(entry["platform"]["os.version"], "10.0.17763", "{index}");
    assert_eq!(entry["platform"]["features"], serde_json::json!(["sse4", "avx"]), "{index}");
    let digest = entry["digest"].as_str().unwrap().to_string();
    env.ok(&["manifest", "annotate", "--os-features", "win32k", "--os-version", "10.0.20348", "multi", &digest]);
    let index: Value = serde_json::from_str(&env.ok(&["manifest", "inspect", "multi"])).unwrap();
    let platform = &index["manifests"][0]["platform"];
    assert_eq!(platform["os.features"], serde_json::json!(["win32k"]), "{index}");
    assert_eq!(platform["os.version"], "10.0.20348");
    assert_eq!(platform["features"], serde_json::json!(["sse4", "avx"]), "annotate keeps what it is not given");
}

#[test]
fn volume_create_uid_and_gid_give_the_volume_to_a_container_user() {
    let env = TestEnv::with_busybox();
    env.ok(&["volume", "create", "--uid", "1000", "--gid", "1001", "owned"]);
    assert_eq!(env.ok(&["run", "--rm", "-v", "owned:/data", "busybox", "stat", "-c", "%u:%g", "/data"]).trim(), "1000:1001");
    // The user can write there without being root in the container.
    env.ok(&["run", "--rm", "--user", "1000:1001", "-v", "owned:/data", "busybox", "touch", "/data/mine"]);
    env.ok(&["volume", "create", "--uid", "7", "only-uid"]);
    assert_eq!(env.ok(&["run", "--rm", "-v", "only-uid:/data", "busybox", "stat", "-c", "%u:%g", "/data"]).trim(), "7:0");
}

#[test]
fn network_create_interface_name_names_the_bridge() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "--interface-name", "pnt-custom", "named-bridge"]);
    assert_eq!(env.ok(&["network", "inspect", "--format", "{{.NetworkInterface}}", "named-bridge"]).trim(), "pnt-custom");
    let (code, err) = env.fails(&["network", "create", "--interface-name", "pnt-custom", "other"]);
    assert_eq!(code, 125);
    assert!(err.contains("named-bridge"), "the network that has it is named: {err}");
    let (_, err) = env.fails(&["network", "create", "--interface-name", "no/slash", "other"]);
    assert!(err.contains("invalid --interface-name"), "{err}");
    env.ok(&["run", "--rm", "--network", "named-bridge", "busybox", "true"]);
    if common::is_root() {
        // Rootless, the bridge is in pontoon's own network namespace, out of the test's reach.
        let link = env.host("ip", &["link", "show", "pnt-custom"]).output().expect("run ip link");
        assert!(link.status.success(), "the bridge exists by that name: {}", String::from_utf8_lossy(&link.stderr));
    }
}

#[test]
fn pod_create_sysctl_and_restart_reach_the_members() {
    let env = TestEnv::with_busybox();
    env.ok(&["pod", "create", "--network", "none", "--sysctl", "net.ipv4.ip_unprivileged_port_start=80", "--restart", "on-failure:2", "--name", "p"]);
    let port_start = env.ok(&["run", "--rm", "--pod", "p", "busybox", "cat", "/proc/sys/net/ipv4/ip_unprivileged_port_start"]);
    assert_eq!(port_start.trim(), "80", "the members share the infra container's network namespace, where it is set");
    env.ok(&["create", "--name", "member", "--pod", "p", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", "member"]).trim(), "on-failure");
    env.ok(&["create", "--name", "own", "--pod", "p", "--restart", "always", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", "own"]).trim(), "always", "a member's own policy wins");
    let (code, err) = env.fails(&["pod", "create", "--restart", "sometimes", "--name", "q"]);
    assert_eq!(code, 125);
    assert!(err.contains("invalid restart policy"), "{err}");
}

#[test]
fn kube_play_publish_overrides_the_files_host_ports() {
    let env = TestEnv::with_netns_and_busybox();
    let dir = env.dir_with_files(
        "kube",
        &[(
            "web.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: srv\n    image: busybox\n    command: [sleep, '600']\n    ports:\n    - {containerPort: 80, hostPort: 8080}\n    - {containerPort: 53, hostPort: 5353}\n",
        )],
    );
    let file = dir.join("web.yaml");
    env.ok(&["kube", "play", "--start=false", "--publish", "9090:80", "--publish", "7070:70", file.to_str().unwrap()]);
    let inspect: Value = serde_json::from_str(&env.ok(&["pod", "inspect", "web"])).unwrap();
    let bindings = &inspect["InfraConfig"]["PortBindings"];
    let host_port = |key: &str| bindings[key][0]["HostPort"].as_str().map(str::to_string);
    assert_eq!(host_port("80/tcp").as_deref(), Some("9090"), "the flag wins for containerPort 80: {bindings}");
    assert_eq!(host_port("53/tcp").as_deref(), Some("5353"), "the file's other ports stay: {bindings}");
    assert_eq!(host_port("70/tcp").as_deref(), Some("7070"), "a port the file does not give is added: {bindings}");
    env.ok(&["kube", "down", file.to_str().unwrap()]);
}
