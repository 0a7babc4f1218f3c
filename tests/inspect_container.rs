//! `inspect` on containers, and the small container verbs `rename`, `port`
//! and `container prune`, as a user types them.

mod common;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::TestEnv;


fn format(env: &TestEnv, template: &str, name: &str) -> String {
    env.ok(&["inspect", "--format", template, name]).trim_end().to_string()
}

#[test]
fn inspect_shows_running_and_exited_containers() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "web", "--restart", "unless-stopped", "-e", "GREETING=hi", "busybox", "sleep", "1000"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while format(&env, "{{.State.Status}}", "web") != "running" {
        assert!(Instant::now() < deadline, "web runs");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(format(&env, "{{.State.Status}} {{.State.ExitCode}} {{.Name}}", "web"), "running 0 /web");
    assert!(format(&env, "{{.State.Pid}}", "web").parse::<i32>().is_ok_and(|p| p > 0));
    assert_eq!(format(&env, "{{.HostConfig.RestartPolicy.Name}}", "web"), "unless-stopped");
    assert_eq!(format(&env, "{{ .Mounts }}", "web"), "[]");
    let config: serde_json::Value = serde_json::from_str(&format(&env, "{{json .Config}}", "web")).expect("{{json .Config}} is JSON");
    assert_eq!(config["Cmd"], serde_json::json!(["sleep", "1000"]));
    assert_eq!(config["Image"], "busybox");
    assert!(config["Env"].as_array().is_some_and(|e| e.iter().any(|v| v == "GREETING=hi")), "{config}");

    assert_eq!(env.run(&["run", "--name", "done", "busybox", "sh", "-c", "echo data > /file; exit 3"]).status.code(), Some(3));
    assert_eq!(format(&env, "{{.State.Status}} {{.State.ExitCode}} {{.Name}}", "done"), "exited 3 /done");
    assert_eq!(format(&env, "{{.HostConfig.RestartPolicy.Name}} {{.State.Running}} {{.Path}} {{.Args}}", "done"), "no false sh [-c echo data > /file; exit 3]");
    let full: serde_json::Value = serde_json::from_str(&env.ok(&["container", "inspect", "-s", "done"])).expect("inspect prints JSON");
    let c = &full[0];
    assert_eq!(c["Id"].as_str().map(str::len), Some(64));
    assert!(c["Image"].as_str().is_some_and(|i| i.starts_with("sha256:")));
    assert_eq!(c["Platform"], "linux");
    assert!(c["SizeRw"].as_u64().is_some_and(|s| s >= 5), "the written file counts: {}", c["SizeRw"]);
    assert!(c["SizeRootFs"].as_u64() > c["SizeRw"].as_u64());
    for key in ["UpperDir", "MergedDir", "WorkDir", "LowerDir"] {
        assert!(c["GraphDriver"]["Data"][key].is_string(), "GraphDriver.Data.{key}");
    }
    assert!(c["State"]["FinishedAt"].as_str().is_some_and(|t| !t.starts_with("0001")));
    env.ok(&["rm", "-f", "web", "done"]);
}

#[test]
fn names_resolve_to_containers_before_images() {
    let env = TestEnv::with_busybox();
    let image_id = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]);
    assert!(image_id.starts_with("sha256:"), "an image when no container has the name");
    env.ok(&["create", "--name", "busybox", "busybox", "true"]);
    assert_eq!(format(&env, "{{.Name}}", "busybox"), "/busybox", "a container named like an image comes first");
    assert_eq!(env.ok(&["inspect", "--type", "image", "--format", "{{.Id}}", "busybox"]), image_id);
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.Id}}", "busybox"]), image_id);
    assert_eq!(env.ok(&["container", "inspect", "--format", "{{.Name}}", "busybox"]).trim(), "/busybox");
    let (code, err) = env.fails(&["inspect", "nothing-by-this-name"]);
    assert_eq!(code, 1, "a missing object");
    assert!(err.contains("no such object"), "{err}");
    let (_, err) = env.fails(&["container", "inspect", "nothing-by-this-name"]);
    assert!(err.contains("no such container"), "{err}");
    let (code, err) = env.fails(&["inspect", "--type", "volume", "busybox"]);
    assert!(code == 1 && err.contains("no such volume"), "a volume only, as Podman's --type volume: {err}");
    let (_, err) = env.fails(&["inspect", "--type", "node", "busybox"]);
    assert!(err.contains("use container, image, volume, network, pod or all"), "{err}");
}

#[test]
fn rename_port_and_prune() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "old", "busybox", "sleep", "1000"]);
    env.ok(&["create", "--name", "other", "busybox", "true"]);
    env.ok(&["rename", "old", "new"]);
    assert_eq!(format(&env, "{{.Name}}", "new"), "/new", "a running container can be renamed");
    let (_, err) = env.fails(&["rename", "new", "other"]);
    assert!(err.contains("already in use"), "{err}");
    let (_, err) = env.fails(&["rename", "new", "bad name!"]);
    assert!(err.contains("invalid container name"), "{err}");
    env.fails(&["inspect", "old"]);

    assert_eq!(env.ok(&["port", "new"]), "", "no published ports");
    let (_, err) = env.fails(&["port", "new", "80"]);
    assert!(err.contains("80/tcp"), "{err}");
    let (_, err) = env.fails(&["port", "ghost"]);
    assert!(err.contains("no such container"), "{err}");

    env.ok(&["run", "--name", "exited", "busybox", "sh", "-c", "echo some-bytes > /f"]);
    let exited = format(&env, "{{.Id}}", "exited");
    let other = format(&env, "{{.Id}}", "other");
    let mut declined = env.cmd(&["container", "prune"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("start prune");
    declined.stdin.take().expect("stdin").write_all(b"n\n").expect("answer");
    let out = declined.wait_with_output().expect("prune");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Are you sure"), "prune asks first");
    assert_eq!(env.ok(&["ps", "-aq"]).lines().count(), 3, "answering no keeps everything");
    let out = env.ok(&["container", "prune", "-f"]);
    assert!(out.starts_with("Deleted Containers:\n"), "{out}");
    assert!(out.contains(&exited) && out.contains(&other), "{out}");
    assert!(out.contains("Total reclaimed space: "), "{out}");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]).trim(), "new", "the running container stays");
    env.ok(&["rm", "-f", "new"]);
}
