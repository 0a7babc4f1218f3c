//! `pontoon events` without a daemon: what a session of commands did, read
//! back from the event log in the store, filtered and formatted as Podman
//! and Docker users type it, and followed while containers come and go.

mod common;

use std::io::BufRead;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use common::{wait_until, TestEnv};

/// `TYPE STATUS NAME` of every event, oldest first.
fn events(env: &TestEnv, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--stream=false", "--format", "{{.Type}} {{.Status}} {{.Name}}"];
    args.extend_from_slice(extra);
    env.ok(&args).lines().map(|l| l.trim_end().to_string()).collect()
}

/// Asserts that `wanted` appear in `got` in this order (others may come between).
fn assert_in_order(got: &[String], wanted: &[&str]) {
    let mut rest = got.iter();
    for w in wanted {
        assert!(rest.any(|g| g == w), "{w:?} missing or out of order in:\n{}", got.join("\n"));
    }
}

fn add_containers_conf(env: &TestEnv, text: &str) {
    let mut conf = std::fs::read_to_string(&env.containers_conf).unwrap_or_default();
    conf.push_str(text);
    std::fs::write(&env.containers_conf, conf).expect("write containers.conf");
}

#[test]
fn a_session_is_listed_in_order_with_types_and_names() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["run", "-d", "--name", "web", "--label", "app=shop", "busybox", "sleep", "100"]);
    env.ok(&["pause", "web"]);
    env.ok(&["unpause", "web"]);
    env.ok(&["exec", "web", "true"]);
    env.ok(&["stop", "-t", "1", "web"]);
    env.ok(&["rm", "web"]);
    env.ok(&["tag", "busybox", "mine:1"]);
    env.ok(&["rmi", "mine:1"]);
    env.ok(&["volume", "create", "data"]);
    env.ok(&["volume", "rm", "data"]);
    env.ok(&["network", "create", "backend"]);
    env.ok(&["network", "rm", "backend"]);
    env.ok(&["pod", "create", "--name", "pack"]);
    env.ok(&["pod", "rm", "pack"]);
    let got = events(&env, &[]);
    assert_in_order(
        &got,
        &[
            "image loadfromarchive",
            "container create web",
            "container init web",
            "container start web",
            "container pause web",
            "container unpause web",
            "container exec web",
            "container exec_died web",
            "container stop web",
            "container died web",
            "container remove web",
            "image tag mine:1",
            "image untag mine:1",
            "volume create data",
            "volume remove data",
            "network create backend",
            "network remove backend",
            "pod create pack",
            "pod remove pack",
        ],
    );
    // Podman's text line: time, type, status, Id, then image, name and labels.
    let text = env.ok(&["events", "--stream=false", "--filter", "event=create", "--filter", "container=web"]);
    let line = text.lines().next().expect("the create event");
    assert!(line.contains(" UTC container create ") && line.contains("(image=busybox, name=web, app=shop)"), "{line}");
}

#[test]
fn filters_combine_as_docker_s_and_times_bound_the_list() {
    // Names that are no Id prefix (container= takes both).
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "one", "--label", "tier=front", "busybox", "true"]);
    env.ok(&["run", "--name", "two", "busybox", "true"]);
    env.ok(&["volume", "create", "v1"]);
    assert_eq!(events(&env, &["--filter", "container=one", "--filter", "event=die"]), ["container died one"], "Docker's die");
    assert_eq!(events(&env, &["--filter", "event=create", "--filter", "event=died", "--filter", "container=two"]), ["container create two", "container died two"]);
    assert_eq!(events(&env, &["--filter", "type=volume"]), ["volume create v1"]);
    assert_eq!(events(&env, &["--filter", "label=tier=front", "--filter", "status=create"]), ["container create one"]);
    assert_eq!(events(&env, &["--filter", "volume=v1"]), ["volume create v1"]);
    assert!(events(&env, &["--filter", "container=nothing"]).is_empty());
    let (_, err) = env.fails(&["events", "--stream=false", "--filter", "colour=red"]);
    assert!(err.contains("--filter") && err.contains("container"), "{err}");

    // --since and --until take Unix times with nanoseconds, RFC 3339 and durations.
    let timed = env.ok(&["events", "--stream=false", "--filter", "container=two", "--filter", "event=create", "--format", "{{.TimeNano}}"]);
    let nanos: i64 = timed.trim().parse().expect("TimeNano is a number");
    let at = format!("{}.{:09}", nanos / 1_000_000_000, nanos % 1_000_000_000);
    let since = events(&env, &["--since", &at, "--filter", "type=container"]);
    assert_eq!(since.first().map(String::as_str), Some("container create two"), "{since:?}");
    let until = events(&env, &["--until", &at, "--filter", "type=container"]);
    assert_eq!(until.last().map(String::as_str), Some("container create two"), "{until:?}");
    assert!(until.contains(&"container died one".to_string()));
    assert!(events(&env, &["--since", "1h"]).len() >= 7);
    assert!(events(&env, &["--until", "1h"]).is_empty());
    assert!(events(&env, &["--until", "2000-01-01T00:00:00Z"]).is_empty());
    assert!(events(&env, &["--since", "2000-01-01T00:00:00Z"]).len() >= 7);
}

#[test]
fn json_and_templates_with_podman_s_and_docker_s_fields() {
    let env = TestEnv::with_busybox();
    let id = env.ok(&["create", "--name", "box", "busybox", "true"]).trim().to_string();
    let lines = env.ok(&["events", "--stream=false", "--filter", "container=box", "--format", "json"]);
    let e: serde_json::Value = serde_json::from_str(lines.lines().next().expect("one event")).expect("a JSON line");
    assert_eq!((e["ID"].as_str(), e["Name"].as_str(), e["Status"].as_str(), e["Type"].as_str()), (Some(id.as_str()), Some("box"), Some("create"), Some("container")));
    assert_eq!(e["Image"], "busybox");
    assert!(e["Time"].as_str().is_some_and(|t| t.ends_with('Z') && t.contains('T')), "{e}");
    let t = env.ok(&["events", "--stream=false", "--filter", "container=box", "--format", "{{.Id}} {{.ID}} {{.Status}}/{{.Type}} {{.Image}}"]);
    assert_eq!(t.trim(), format!("{id} {id} create/container busybox"));
    let docker = env.ok(&["events", "--stream=false", "--filter", "container=box", "--format", "{{json .}}"]);
    let d: serde_json::Value = serde_json::from_str(docker.trim()).expect("{{json .}} is JSON");
    assert_eq!((d["Action"].as_str(), d["status"].as_str(), d["id"].as_str()), (Some("create"), Some("create"), Some(id.as_str())));
    assert_eq!(d["Actor"]["Attributes"]["name"], "box");
    assert_eq!(d["from"], "busybox");
    assert!(d["timeNano"].as_i64().is_some_and(|n| n > 0) && d["time"].as_i64().is_some_and(|n| n > 0));
    // Podman's `system events`, Docker's --no-stream spelling, and a map as Go prints it.
    let id2 = env.ok(&["create", "--name", "tagged", "--label", "k=v", "--label", "a=b", "busybox", "true"]).trim().to_string();
    let system = env.ok(&["system", "events", "--no-stream", "--filter", "container=tagged", "--format", "{{.ID}} {{.Attributes}}"]);
    assert_eq!(system.trim(), format!("{id2} map[a:b k:v]"));
}

#[test]
fn following_prints_events_as_they_happen_until_interrupted() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "earlier", "busybox", "true"]);
    let mut follower = env.cmd(&["events", "--format", "{{.Name}} {{.Status}}"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start pontoon events");
    let stdout = follower.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Once it shows a volume made after it started, it is reading the log.
    let mut seen = Vec::new();
    for i in 0..30 {
        env.ok(&["volume", "create", &format!("mark{i}")]);
        if let Ok(line) = rx.recv_timeout(Duration::from_secs(2)) {
            seen.push(line);
            break;
        }
    }
    assert!(seen.first().is_some_and(|l| l.starts_with("mark")), "events shows new events: {seen:?}");
    assert_eq!(env.run(&["run", "--name", "live", "busybox", "sh", "-c", "exit 4"]).status.code(), Some(4));
    while !seen.iter().any(|s| s == "live died") {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    let still_running = follower.try_wait().expect("poll pontoon events").is_none();
    // Ctrl-C ends the stream, as a success.
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(follower.id() as i32), nix::sys::signal::Signal::SIGINT);
    let status = follower.wait().expect("wait for pontoon events");
    assert!(still_running, "events follows until it is interrupted");
    assert!(status.success(), "SIGINT ends events with status 0: {status:?}");
    assert_in_order(&seen, &["live create", "live start", "live died"]);
    assert!(!seen.iter().any(|s| s.starts_with("earlier")), "the stream starts when events does: {seen:?}");

    // With --since the stream starts with what the log holds.
    let out = env.ok(&["events", "--since", "1h", "--until", &chrono_like_now_plus(1), "--filter", "event=died", "--format", "{{.Name}}"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), ["earlier", "live"]);
}

#[test]
fn the_monitor_writes_died_with_the_exit_code_when_no_command_runs() {
    let env = TestEnv::with_busybox();
    let out = env.run(&["run", "--name", "three", "busybox", "sh", "-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3));
    // Detached: the container exits long after `run -d` returned.
    env.ok(&["run", "-d", "--name", "later", "busybox", "sh", "-c", "sleep 1; exit 5"]);
    assert!(wait_until(60, || env.ok(&["ps", "-a", "--filter", "name=later", "--format", "{{.Status}}"]).starts_with("Exited")), "the container exits");
    let died = env.ok(&["events", "--stream=false", "--filter", "event=died", "--format", "{{.Name}} {{.ContainerExitCode}} {{index .Attributes \"containerExitCode\"}}"]);
    assert_eq!(died.lines().collect::<Vec<_>>(), ["three 3 3", "later 5 5"]);
    let text = env.ok(&["events", "--stream=false", "--filter", "container=later", "--filter", "event=died"]);
    assert!(text.contains("containerExitCode=5"), "{text}");
}

#[test]
fn events_backend_none_writes_nothing() {
    let env = TestEnv::with_busybox();
    let before = events(&env, &[]).len();
    env.ok(&["--events-backend", "none", "run", "--rm", "--name", "quiet", "busybox", "true"]);
    env.ok(&["--events-backend=none", "volume", "create", "hush"]);
    assert_eq!(events(&env, &[]).len(), before, "neither the command nor the monitor wrote");
    add_containers_conf(&env, "[engine]\nevents_logger = \"none\"\n");
    env.ok(&["volume", "rm", "hush"]);
    assert_eq!(events(&env, &[]).len(), before, "containers.conf's events_logger");
    // journald is written to the file too (pontoon has no journald writer).
    env.ok(&["--events-backend", "journald", "volume", "create", "loud"]);
    assert_eq!(events(&env, &["--filter", "volume=loud"]), ["volume create loud"]);
}

#[test]
fn the_log_rotates_and_keeps_the_newest_events() {
    let env = TestEnv::new();
    add_containers_conf(&env, "[engine]\nevents_logfile_max_size = 2048\n");
    for i in 0..40 {
        env.ok(&["volume", "create", &format!("vol-{i:02}")]);
    }
    let log = env.root.join("events/events.log");
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    assert!(size(&log) > 0 && size(&log) <= 2048, "{} bytes", size(&log));
    assert!(size(&env.root.join("events/events.log.1")) <= 2048, "one older file, bounded too");
    let got = events(&env, &[]);
    assert_eq!(got.last().map(String::as_str), Some("volume create vol-39"));
    assert!(!got.contains(&"volume create vol-00".to_string()), "the oldest events are gone: {got:?}");
    assert!(got.len() >= 10, "a rotation keeps the previous file: {}", got.len());
}

#[test]
fn an_unwritable_or_full_log_does_not_fail_run() {
    let env = TestEnv::with_busybox();
    let dir = env.root.join("events");
    std::fs::create_dir_all(&dir).expect("create the events directory");
    // A full disk: every write fails with ENOSPC.
    let _ = std::fs::remove_file(dir.join("events.log"));
    std::os::unix::fs::symlink("/dev/full", dir.join("events.log")).expect("link the log to /dev/full");
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "still runs"]), "still runs\n");
    env.ok(&["volume", "create", "vv"]);
    // A log that cannot be opened for writing at all.
    std::fs::remove_file(dir.join("events.log")).expect("remove the link");
    std::fs::create_dir(dir.join("events.log")).expect("put a directory in the log's place");
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "again"]), "again\n");
    env.ok(&["events", "--stream=false"]);
}

#[test]
fn pods_and_network_links_have_their_events() {
    let env = TestEnv::with_netns_and_busybox();
    env.ok(&["network", "create", "backend"]);
    env.ok(&["network", "create", "front"]);
    env.ok(&["create", "--name", "peer", "--network", "front", "busybox", "true"]);
    env.ok(&["network", "connect", "backend", "peer"]);
    env.ok(&["network", "disconnect", "backend", "peer"]);
    assert_eq!(events(&env, &["--filter", "network=backend"]), ["network create backend", "network connect peer", "network disconnect peer"]);
    let text = env.ok(&["events", "--stream=false", "--filter", "event=connect"]);
    assert!(text.contains("network connect") && text.contains("name=backend"), "{text}");

    env.ok(&["pod", "create", "--name", "pack"]);
    env.ok(&["run", "-d", "--pod", "pack", "--name", "member", "busybox", "sleep", "100"]);
    env.ok(&["pod", "pause", "pack"]);
    env.ok(&["pod", "unpause", "pack"]);
    env.ok(&["pod", "stop", "-t", "1", "pack"]);
    env.ok(&["pod", "start", "pack"]);
    env.ok(&["pod", "kill", "pack"]);
    env.ok(&["pod", "rm", "-f", "pack"]);
    let pods = events(&env, &["--filter", "type=pod"]);
    assert_eq!(pods, ["pod create pack", "pod pause pack", "pod unpause pack", "pod stop pack", "pod start pack", "pod kill pack", "pod remove pack"]);
    // pod=NAME takes its members' events too, which carry the pod's Id.
    let members = events(&env, &["--filter", "pod=pack", "--filter", "type=container", "--filter", "container=member"]);
    assert_in_order(&members, &["container create member", "container start member", "container pause member", "container stop member", "container died member", "container remove member"]);
    let text = env.ok(&["events", "--stream=false", "--filter", "container=member", "--filter", "event=create"]);
    assert!(text.contains(", pod_id="), "{text}");
}

#[test]
fn image_and_container_commands_have_their_events() {
    let env = TestEnv::with_busybox();
    env.ok(&["save", "-o", "bb.tar", "busybox"]);
    env.ok(&["load", "-i", "bb.tar"]);
    env.ok(&["create", "--name", "old", "busybox", "true"]);
    env.ok(&["rename", "old", "new"]);
    env.ok(&["commit", "new", "snap:1"]);
    env.ok(&["export", "-o", "fs.tar", "new"]);
    env.ok(&["import", "fs.tar", "imported:1"]);
    let ctx = env.dir_with_files("ctx", &[("Dockerfile", "FROM busybox\nLABEL made=here\n")]);
    env.ok(&["build", "-q", "-t", "built:1", ctx.to_str().expect("utf-8 path")]);
    env.ok(&["run", "-d", "--name", "again", "busybox", "sleep", "100"]);
    env.ok(&["restart", "-t", "1", "again"]);
    env.ok(&["kill", "again"]);
    env.ok(&["wait", "again"]);
    let got = events(&env, &[]);
    assert_in_order(
        &got,
        &[
            "image save busybox:latest",
            "image loadfromarchive busybox:latest",
            "container create old",
            "container rename new",
            "container commit new",
            "image import fs.tar",
            "image build built:1",
            "container start again",
            "container stop again",
            "container died again",
            "container start again",
            "container restart again",
            "container kill again",
            "container died again",
        ],
    );
    let renamed = env.ok(&["events", "--stream=false", "--filter", "event=rename", "--format", "{{.Attributes.oldName}}"]);
    assert_eq!(renamed.trim(), "old");
    let imported = env.ok(&["images", "--no-trunc", "-q", "imported:1"]).trim().trim_start_matches("sha256:").to_string();
    env.ok(&["image", "prune", "-a", "-f"]);
    let removed = env.ok(&["events", "--stream=false", "--filter", "type=image", "--filter", "event=delete", "--format", "{{.ID}}"]);
    assert!(removed.lines().any(|l| l == imported), "prune's removals: {removed}");
}

#[test]
fn following_ends_when_a_future_until_is_reached() {
    let env = TestEnv::new();
    let until = chrono_like_now_plus(2);
    let mut follower = env.cmd(&["events", "--until", &until]).stdout(Stdio::null()).spawn().expect("start pontoon events");
    // At most a minute; it should end two seconds from now.
    let mut ended = false;
    for _ in 0..600 {
        if follower.try_wait().expect("poll pontoon events").is_some() {
            ended = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if !ended {
        let _ = follower.kill();
    }
    let status = follower.wait().expect("wait for pontoon events");
    assert!(ended && status.success(), "events --until in the future ends by itself: {status:?}");
}

/// Unix seconds a few seconds from now, as `--until` takes them.
fn chrono_like_now_plus(secs: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("a clock after 1970");
    (now.as_secs() + secs).to_string()
}

#[test]
fn a_container_whose_monitor_died_gets_its_died_event() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "orphan", "busybox", "sleep", "1000"]);
    let monitor = env.state_field("orphan", "monitor_pid").as_i64().expect("a monitor pid");
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(monitor as i32), nix::sys::signal::Signal::SIGKILL).expect("kill the monitor");
    assert!(wait_until(10, || !common::process_alive(monitor)), "the monitor is gone");
    env.ok(&["ps", "-a"]);
    let died = env.ok(&["events", "--stream=false", "--filter", "container=orphan", "--filter", "event=died", "--format", "{{.ContainerExitCode}}"]);
    assert_eq!(died.trim(), "137");
}

#[test]
fn push_and_pull_have_their_events() {
    let registry = common::Registry::start();
    let env = TestEnv::with_busybox();
    let dest = format!("{}/team/bb:1", registry.addr());
    env.ok(&["push", "-q", "busybox", &dest]);
    let id = env.ok(&["images", "--no-trunc", "-q", "busybox"]).trim().trim_start_matches("sha256:").to_string();
    let pushed = env.ok(&["events", "--stream=false", "--filter", "event=push", "--format", "{{.ID}} {{.Name}}"]);
    assert_eq!(pushed.trim(), format!("{id} {dest}"));
    let other = TestEnv::new();
    other.ok(&["pull", "-q", &dest]);
    let pulled = other.ok(&["events", "--stream=false", "--filter", "type=image", "--format", "{{.Status}} {{.ID}} {{.Name}}"]);
    assert_eq!(pulled.trim(), format!("pull {id} {dest}"));
    assert_eq!(other.ok(&["events", "--stream=false", "--filter", &format!("image={dest}"), "--format", "{{.Status}}"]).trim(), "pull");
}
