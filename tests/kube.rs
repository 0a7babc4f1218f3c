//! `kube generate` and the way back: a pod's manifest that a cluster
//! accepts (both kubernetes-validate and kubectl read it), played again
//! with `kube play` into a pod that serves as the first did, and removed
//! with `kube down`.

mod common;

use std::time::Duration;

use common::kube::assert_cluster_accepts;
use common::TestEnv;

fn free_port(env: &TestEnv) -> u16 {
    env.listen_tcp("127.0.0.1:0").local_addr().expect("local address").port()
}

/// The page at `url` as the host fetches it, retried while httpd starts.
fn fetch(env: &TestEnv, url: &str) -> String {
    for _ in 0..100 {
        let out = env.host("curl", &["-sf", "--max-time", "5", url]).output().expect("run curl (install curl)");
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{url} never answered");
}

fn names(env: &TestEnv) -> Vec<String> {
    let mut n: Vec<String> = env.ok(&["ps", "-a", "--format", "{{.Names}}"]).lines().map(str::to_string).collect();
    n.sort();
    n
}

/// Podman's output of a play: `Pod:`, its Id, `Container:`, their Ids.
fn played_ids(out: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = out.lines().collect();
    let at = lines.iter().position(|l| *l == "Pod:").unwrap_or_else(|| panic!("no Pod: in {out:?}"));
    assert_eq!(lines.get(at + 2), Some(&"Container:"), "{out:?}");
    let pod = lines[at + 1].to_string();
    let containers: Vec<String> = lines[at + 3..].iter().take_while(|l| !l.is_empty()).map(|l| l.to_string()).collect();
    for id in std::iter::once(&pod).chain(&containers) {
        assert!(id.len() == 64 && id.chars().all(|c| c.is_ascii_hexdigit()), "an Id: {id:?} in {out:?}");
    }
    (pod, containers)
}

const SERVE: &str = "mkdir -p /www && echo hello-from-kube > /www/index.html && exec httpd -f -p 80 -h /www";

#[test]
fn a_generated_pod_plays_back_and_serves_again() {
    let env = TestEnv::with_netns_and_busybox();
    let port = free_port(&env);
    let publish = format!("127.0.0.1:{port}:80");
    env.ok(&["pod", "create", "-p", &publish, "--name", "web"]);
    env.ok(&["run", "-d", "--pod", "web", "--name", "web-httpd", "--stop-timeout", "1", "busybox", "sh", "-c", SERVE]);
    env.ok(&["run", "-d", "--pod", "web", "--name", "web-client", "--stop-timeout", "1", "busybox", "sleep", "1000"]);
    let url = format!("http://127.0.0.1:{port}/");
    assert_eq!(fetch(&env, &url), "hello-from-kube\n");

    env.ok(&["kube", "generate", "web", "-f", "web.yaml"]);
    let file = env.path().join("web.yaml");
    let yaml = std::fs::read_to_string(&file).expect("kube generate -f wrote the file");
    assert!(yaml.contains("kind: Pod") && yaml.contains("name: web\n") && yaml.contains("hostPort: "), "{yaml}");
    assert!(yaml.contains("- name: httpd\n"), "the container is named without the pod's prefix:\n{yaml}");
    assert!(!yaml.contains("null"), "no null fields:\n{yaml}");
    assert_cluster_accepts(&file, env.path());

    // The pod goes, and comes back from its manifest.
    env.ok(&["pod", "rm", "-f", "-t", "1", "web"]);
    assert!(names(&env).is_empty(), "pod rm -f left {:?}", names(&env));
    let out = env.ok(&["kube", "play", "web.yaml"]);
    let (_, containers) = played_ids(&out);
    assert_eq!(containers.len(), 2, "{out}");
    assert_eq!(fetch(&env, &url), "hello-from-kube\n", "the played pod serves on the same host port");
    let all = names(&env);
    assert!(all.contains(&"web-httpd".to_string()) && all.contains(&"web-client".to_string()) && all.len() == 3, "the containers, named <pod>-<container>, and the infra container: {all:?}");
    assert_eq!(env.ok(&["exec", "web-client", "wget", "-qO-", "http://localhost:80/"]), "hello-from-kube\n", "the members share the pod's network again");

    let down = env.ok(&["kube", "down", "web.yaml"]);
    assert!(down.starts_with("Pods stopped:\n") && down.contains("Pods removed:\n"), "{down}");
    assert!(names(&env).is_empty(), "kube down left {:?}", names(&env));
    assert_eq!(env.ok(&["pod", "ps", "-q"]), "", "kube down removed the pod");
    let (code, err) = env.fails(&["kube", "down", "web.yaml"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("web"), "{err}");
}

#[test]
fn every_generated_manifest_is_one_a_cluster_accepts() {
    let env = TestEnv::with_netns_and_busybox();
    let port = free_port(&env);
    let share = env.dir_with_files("share", &[("index.html", "x\n")]);
    let bind = format!("{}:/srv:ro", share.display());
    let publish = format!("{port}:8080");
    env.ok(&[
        "create", "--pod", "new:full", "-p", &publish, "--add-host", "db:10.1.2.3", "--name", "full-app",
        "-e", "GREETING=hello", "-w", "/srv", "-u", "1000:1000", "--read-only", "--cap-drop", "NET_RAW", "--cap-add", "CAP_NET_ADMIN",
        "-v", "appdata:/data", "-v", &bind, "--tmpfs", "/cache:size=16m",
        "--health-cmd", "wget -q -O /dev/null http://localhost:8080/", "--health-interval", "5s", "--health-retries", "2",
        "--restart", "on-failure", "--stop-timeout", "3",
        "busybox", "httpd", "-f", "-p", "8080",
    ]);
    env.ok(&["create", "--pod", "full", "--name", "full-sidecar", "--entrypoint", "sleep", "busybox", "1000"]);
    env.ok(&["create", "--name", "lone", "--init", "busybox", "sleep", "1000"]);

    let manifest = |args: &[&str], file: &str| -> String {
        let mut all = vec!["kube", "generate", "-f", file];
        all.extend_from_slice(args);
        env.ok(&all);
        let path = env.path().join(file);
        assert_cluster_accepts(&path, env.path());
        std::fs::read_to_string(&path).expect("the manifest")
    };
    let pod = manifest(&["full"], "pod.yaml");
    for expected in [
        "claimName: appdata", "hostPath:", "type: Directory", "medium: Memory", "sizeLimit: 16Mi", "readOnly: true",
        "runAsUser: 1000", "runAsGroup: 1000", "readOnlyRootFilesystem: true", "- NET_RAW", "- NET_ADMIN",
        "livenessProbe:", "periodSeconds: 5", "failureThreshold: 2", "restartPolicy: OnFailure", "terminationGracePeriodSeconds: 3",
        "workingDir: /srv", "name: GREETING", "containerPort: 8080", &format!("hostPort: {port}"),
        "- name: sidecar", "command:\n    - sleep", "args:\n    - '1000'", "hostAliases:\n  - ip: 10.1.2.3\n    hostnames:\n    - db",
    ] {
        assert!(pod.contains(expected), "no {expected:?} in:\n{pod}");
    }
    assert!(!pod.contains("name: PATH"), "the image's own environment is left out:\n{pod}");
    let with_service = manifest(&["-s", "full"], "service.yaml");
    assert!(with_service.contains("kind: Service") && with_service.contains("type: NodePort") && with_service.contains("port: 8080"), "{with_service}");
    let deployment = manifest(&["--type", "deployment", "full"], "deployment.yaml");
    assert!(deployment.contains("kind: Deployment") && deployment.contains("name: full-deployment") && deployment.contains("matchLabels:"), "{deployment}");
    assert!(deployment.contains("restartPolicy: Always"), "a Deployment's pods restart Always:\n{deployment}");
    let lone = manifest(&["lone"], "lone.yaml");
    let out = env.run(&["kube", "generate", "lone"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: container lone: --init is not in the manifest"), "{}", common::describe(&out));
    assert!(lone.contains("name: lone-pod") && lone.contains("- name: lone"), "{lone}");

    // A volume is a claim: with its pod, the file plays with its data.
    let with_claim = manifest(&["appdata", "full"], "claim.yaml");
    assert!(with_claim.contains("kind: PersistentVolumeClaim\nmetadata:\n  name: appdata") && with_claim.contains("storage: 1Gi"), "{with_claim}");
    let (code, err) = env.fails(&["kube", "generate", "nothing-here"]);
    assert_ne!(code, 0);
    assert!(err.contains("nothing-here"), "{err}");
}

#[test]
fn the_podman_spellings_and_stdin_work() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "one", "busybox", "sleep", "1000"]);
    let yaml = env.ok(&["generate", "kube", "one"]);
    assert!(yaml.contains("kind: Pod"), "{yaml}");
    let out = env.run_with_input(&["play", "kube", "--network", "none", "--start=false", "-"], yaml.as_bytes());
    assert!(out.status.success(), "{}", common::describe(&out));
    let (_, containers) = played_ids(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(containers.len(), 1);
    assert!(names(&env).contains(&"one-pod-one".to_string()), "{:?}", names(&env));
    let out = env.run_with_input(&["play", "kube", "--down", "-"], yaml.as_bytes());
    assert!(out.status.success(), "{}", common::describe(&out));
    // And from a URL, as Podman reads one.
    let listener = env.listen_tcp("127.0.0.1:0");
    let url = format!("http://{}/pod.yaml", listener.local_addr().expect("address"));
    common::serve_http(listener, SERVED);
    env.ok(&["kube", "play", "--network", "none", "--start=false", &url]);
    assert!(names(&env).contains(&"served-c".to_string()), "{:?}", names(&env));
    let out = env.run(&["kube", "down", &url]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(names(&env), ["one"]);
}

const SERVED: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: served\nspec:\n  containers:\n  - name: c\n    image: busybox\n";

