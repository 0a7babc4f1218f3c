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
