//! The Docker and Podman flags of the container, image and system commands
//! that pontoon implements beyond its first set (docs/compatibility.md's
//! "Flags of other commands" tables list the accepted and refused ones):
//! Podman's `--latest`, Docker's `stop --signal`, Podman's `wait`
//! conditions, `port --all`, `diff --format json`, `import --arch`,
//! `commit --iidfile`, and the registry flags `push --all-tags`,
//! `pull --authfile`, `pull --arch`, `search --filter`, `login --get-login`.

mod common;

use common::{busybox_layout, load_as, multiarch_layout, wait_until, Registry, TestEnv};

fn inspect(env: &TestEnv, template: &str, name: &str) -> String {
    env.ok(&["inspect", "--format", template, name]).trim().to_string()
}

#[test]
fn latest_names_the_newest_container_for_every_verb_that_takes_one() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "older", "busybox", "sleep", "1000"]);
    env.ok(&["run", "-d", "--name", "newer", "busybox", "sh", "-c", "echo from-newer; touch /made-by-newer; exec sleep 1000"]);
    assert!(wait_until(10, || env.ok(&["logs", "newer"]).contains("from-newer")), "the newer container ran its script");

    assert_eq!(env.ok(&["inspect", "-l", "--format", "{{.Name}}"]).trim(), "/newer");
    assert_eq!(env.ok(&["container", "inspect", "--latest", "--format", "{{.Name}}"]).trim(), "/newer");
    assert_eq!(env.ok(&["logs", "-l"]), "from-newer\n");
    assert!(env.ok(&["exec", "-l", "ls", "/"]).contains("made-by-newer"), "exec -l runs in the newest");
    assert!(env.ok(&["diff", "--latest"]).contains("A /made-by-newer"));
    let top = env.ok(&["top", "-l"]);
    assert!(top.contains("sleep 1000"), "top -l shows the newest's process: {top}");
    assert_eq!(env.ok(&["stats", "-l", "--no-stream", "--format", "{{.Name}}"]).trim(), "newer");
    env.ok(&["port", "-l"]);

    let (code, err) = env.fails(&["exec", "newer"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("exec needs a command to run in container newer"), "{err}");

    // A name as well as --latest is one or the other.
    let (code, err) = env.fails(&["logs", "-l", "older"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--latest cannot be used with container names"), "{err}");

    env.ok(&["stop", "-t", "1", "newer"]);
    // sleep as PID 1 ignores SIGTERM: stop kills it, and wait -l reports that.
    assert_eq!(env.ok(&["wait", "-l"]).trim(), "137", "wait -l waits for the newest, which stop killed");
    let (code, err) = env.fails(&["attach", "-l"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("cannot attach to container newer: it is not running"), "{err}");
    env.ok(&["rm", "-f", "older", "newer"]);
}

#[test]
fn latest_with_no_containers_says_so() {
    let env = TestEnv::new();
    let (code, err) = env.fails(&["inspect", "-l"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("there are no containers"), "{err}");
}

#[test]
fn stop_and_restart_signal_is_sent_instead_of_the_stop_signal() {
    let env = TestEnv::with_busybox();
    let script = "trap 'echo got-usr1; exit 3' USR1; echo ready; while :; do sleep 0.1; done";
    env.ok(&["run", "-d", "--name", "trapper", "busybox", "sh", "-c", script]);
    assert!(wait_until(10, || env.ok(&["logs", "trapper"]).contains("ready")), "the trap is set");
    env.ok(&["stop", "--signal", "USR1", "--timeout", "30", "trapper"]);
    assert!(env.ok(&["logs", "trapper"]).contains("got-usr1"), "the container got SIGUSR1");
    assert_eq!(inspect(&env, "{{.State.ExitCode}}", "trapper"), "3", "it exited from the trap, not by SIGKILL");

    env.ok(&["start", "trapper"]);
    assert!(wait_until(10, || env.ok(&["logs", "trapper"]).matches("ready").count() == 2), "started again");
    env.ok(&["restart", "-s", "USR1", "-t", "30", "trapper"]);
    assert!(wait_until(10, || env.ok(&["logs", "trapper"]).matches("got-usr1").count() == 2), "restart sent SIGUSR1");
    assert!(wait_until(10, || env.ok(&["logs", "trapper"]).matches("ready").count() == 3), "and started it again");

    let (code, err) = env.fails(&["stop", "--signal", "NOPE", "trapper"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "trapper"]);
}

#[test]
fn wait_conditions_interval_ignore_and_first_match() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "made", "busybox", "true"]);
    assert_eq!(env.ok(&["wait", "--condition", "created", "made"]), "-1\n", "a state condition prints -1, as Podman does");
    env.ok(&["run", "-d", "--name", "long", "busybox", "sleep", "1000"]);
    assert_eq!(env.ok(&["wait", "--condition", "running", "--interval", "50ms", "long"]), "-1\n");
    env.run(&["run", "--name", "quick", "busybox", "sh", "-c", "exit 4"]);
    assert_eq!(env.ok(&["wait", "--condition", "stopped", "quick"]), "4\n", "stopped waits for the exit and prints its code");
    // long is still running: only the first to exit answers.
    assert_eq!(env.ok(&["wait", "--exit-first-match", "-i", "100", "long", "quick"]), "4\n");
    assert_eq!(env.ok(&["wait", "--ignore", "no-such-container", "quick"]), "-1\n4\n");

    let (code, err) = env.fails(&["wait", "--condition", "removing", "quick"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("wait --condition \"removing\""), "{err}");
    let (code, err) = env.fails(&["wait", "--interval", "soon", "quick"]);
    assert_ne!(code, 0, "{err}");
    env.ok(&["rm", "-f", "made", "long", "quick"]);
}

#[test]
fn port_all_lists_every_running_container_s_ports_after_its_id() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "web", "-p", "80", "busybox", "sleep", "1000"]);
    env.ok(&["run", "-d", "--name", "plain", "busybox", "sleep", "1000"]);
    let id = inspect(&env, "{{.Id}}", "web");
    let all = env.ok(&["port", "--all"]);
    let lines: Vec<&str> = all.lines().collect();
    assert!(!lines.is_empty(), "web publishes port 80: {all}");
    for line in &lines {
        let (short, port) = line.split_once('\t').unwrap_or_else(|| panic!("ID<tab>port: {line}"));
        assert_eq!(short, &id[..12], "{all}");
        assert!(port.starts_with("80/tcp -> "), "{all}");
    }
    let (code, err) = env.fails(&["port", "--all", "web"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "web", "plain"]);
}

#[test]
fn diff_format_json_groups_the_paths_by_change() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "changer", "busybox", "sh", "-c", "touch /added && rm /bin/true"]);
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["diff", "--format", "json", "changer"])).expect("diff --format json prints JSON");
    let has = |key: &str, path: &str| json[key].as_array().is_some_and(|a| a.iter().any(|p| p == path));
    assert!(has("added", "/added"), "{json}");
    assert!(has("deleted", "/bin/true"), "{json}");
    assert!(has("changed", "/bin"), "{json}");
    let (code, err) = env.fails(&["diff", "--format", "yaml", "changer"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "changer"]);
}

#[test]
fn stats_interval_must_be_a_whole_number_of_seconds() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "s", "busybox", "sleep", "1000"]);
    assert_eq!(env.ok(&["stats", "--interval", "2", "--no-stream", "--format", "{{.Name}}", "s"]).trim(), "s");
    let (code, err) = env.fails(&["stats", "-i", "0", "--no-stream", "s"]);
    assert_ne!(code, 0, "{err}");
    env.ok(&["rm", "-f", "s"]);
}

#[test]
fn commit_iidfile_holds_the_new_image_s_id() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "c", "busybox", "touch", "/x"]);
    let file = env.path().join("iid");
    let printed = env.ok(&["commit", "--iidfile", &file.display().to_string(), "c", "committed:1"]);
    assert_eq!(std::fs::read_to_string(&file).expect("commit wrote the iidfile"), printed.trim());
    env.ok(&["rm", "c"]);
}

#[test]
fn import_records_the_platform_it_is_told() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "src", "busybox", "true"]);
    let tar = env.path().join("fs.tar");
    env.ok(&["export", "-o", &tar.display().to_string(), "src"]);
    let tar = tar.display().to_string();
    env.ok(&["import", "--arch", "arm64", &tar, "imported:arm"]);
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", "imported:arm"]).trim(), "linux/arm64");
    env.ok(&["image", "import", "--platform", "linux/arm/v7", &tar, "imported:v7"]);
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.Architecture}}/{{.Variant}}", "imported:v7"]).trim(), "arm/v7");
    env.ok(&["import", "--os", "freebsd", "--variant", "v8", &tar, "imported:bsd"]);
    let shown = env.ok(&["image", "inspect", "--format", "{{.Os}} {{.Variant}}", "imported:bsd"]);
    assert_eq!(shown.trim(), "freebsd v8");
    env.ok(&["rm", "src"]);
}

#[test]
fn push_all_tags_pushes_every_local_tag_of_the_repository() {
    let registry = Registry::start();
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let repo = format!("{}/team/tools", registry.addr());
    load_as(&env, &busybox_layout(), &format!("{repo}:1"));
    env.ok(&["tag", &format!("{repo}:1"), &format!("{repo}:2")]);
    let out = env.ok(&["push", "--all-tags", &repo]);
    assert!(out.contains("1: digest: sha256:") && out.contains("2: digest: sha256:"), "{out}");
    for tag in ["1", "2"] {
        assert!(registry.raw_manifest(&format!("team/tools:{tag}"))["layers"].is_array(), "tag {tag} is on the registry");
    }
    let (code, err) = env.fails(&["push", "-a", &format!("{repo}:1")]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("without a tag"), "{err}");
}

#[test]
fn pull_and_search_authfile_and_login_get_login_read_the_file_named() {
    let registry = Registry::start_with_basic_auth("alice", "secret");
    let pusher = TestEnv::new();
    pusher.trust_registry(&registry);
    pusher.write_auth(&registry, "alice", "secret");
    let image = format!("{}/team/box:1", registry.addr());
    load_as(&pusher, &busybox_layout(), &image);
    pusher.ok(&["push", &image]);

    let env = TestEnv::new();
    env.trust_registry(&registry);
    let (code, err) = env.fails(&["pull", "-q", &image]);
    assert_ne!(code, 0, "no credentials, no pull: {err}");
    let file = env.path().join("elsewhere.json");
    let auth = serde_json::json!({ "auths": { registry.addr(): { "auth": "YWxpY2U6c2VjcmV0" } } });
    std::fs::write(&file, auth.to_string()).expect("write the auth file");
    let file = file.display().to_string();
    env.ok(&["pull", "-q", "--authfile", &file, &image]);
    assert_eq!(env.ok(&["login", "--get-login", "--authfile", &file, &registry.addr()]).trim(), "alice");
    let (code, err) = env.fails(&["login", "--get-login", &registry.addr()]);
    assert_eq!(code, 125, "not logged in with the default file: {err}");
    assert!(err.contains("not logged into"), "{err}");

    let (code, err) = env.fails(&["search", &format!("{}/box", registry.addr())]);
    assert_eq!(code, 125, "no credentials, no search: {err}");
    let found = env.ok(&["search", "--authfile", &file, "--format", "{{.Name}}", &format!("{}/box", registry.addr())]);
    assert!(found.contains("team/box"), "{found}");
    let official = env.ok(&["search", "--authfile", &file, "--filter", "is-official=true", "--format", "{{.Name}}", &format!("{}/box", registry.addr())]);
    assert_eq!(official, "", "a registry's catalog has no official images");
    let (code, err) = env.fails(&["search", "--filter", "colour=red", "x"]);
    assert_eq!(code, 125, "{err}");
}

#[test]
fn pull_arch_os_and_variant_pick_from_an_index() {
    let registry = Registry::start();
    let layout = multiarch_layout();
    registry.push_layout(&layout.dir, "library/multi:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);

    env.ok(&["pull", "-q", "--arch", "arm64", "multi"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Architecture}}", "multi"]).trim(), "arm64");
    env.ok(&["image", "pull", "-q", "--os", "linux", "--arch", "amd64", "multi"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Architecture}}", "multi"]).trim(), "amd64");
    let (code, err) = env.fails(&["pull", "--arch", "s390x", "multi"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("no image for platform linux/s390x"), "{err}");
}

#[test]
fn creds_on_pull_push_and_search_are_used_instead_of_the_saved_ones() {
    let registry = Registry::start_with_basic_auth("alice", "secret");
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let image = format!("{}/team/creds:1", registry.addr());
    load_as(&env, &busybox_layout(), &image);
    let (code, err) = env.fails(&["push", &image]);
    assert_ne!(code, 0, "nothing saved, no push: {err}");
    let pushed = env.ok(&["push", "--creds", "alice:secret", &image]);
    assert!(pushed.contains("1: digest: sha256:"), "{pushed}");
    let (code, err) = env.fails(&["push", "--creds", "alice:wrong", &image]);
    assert_ne!(code, 0, "the given credentials, not others: {err}");

    let other = TestEnv::new();
    other.trust_registry(&registry);
    let (code, err) = other.fails(&["pull", "-q", &image]);
    assert_ne!(code, 0, "{err}");
    other.ok(&["image", "pull", "-q", "--creds", "alice:secret", &image]);
    let found = other.ok(&["search", "--creds", "alice:secret", "--format", "{{.Name}}", &format!("{}/creds", registry.addr())]);
    assert!(found.contains("team/creds"), "{found}");
    let (code, err) = other.fails(&["pull", "--creds", "alice", &image]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("USER:PASSWORD"), "{err}");
}

/// The first `lines` lines `pontoon stats ...` prints while it streams.
fn streamed_stats(env: &TestEnv, args: &[&str], lines: usize) -> String {
    use std::io::BufRead;
    let mut child = env.cmd(args).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::null()).spawn().expect("start pontoon stats");
    let mut reader = std::io::BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut out = String::new();
    for _ in 0..lines {
        if reader.read_line(&mut out).unwrap_or(0) == 0 {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    out
}

#[test]
fn stats_no_reset_prints_each_sample_below_the_last() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "s", "busybox", "sleep", "1000"]);
    let cleared = streamed_stats(&env, &["stats", "--format", "{{.Name}}", "s"], 2);
    assert!(cleared.contains("\x1b[2J"), "stats clears the screen by default: {cleared:?}");
    let kept = streamed_stats(&env, &["stats", "--no-reset", "--format", "{{.Name}}", "s"], 2);
    assert_eq!(kept, "s\ns\n", "two samples, nothing cleared");
    env.ok(&["rm", "-f", "s"]);
}

#[test]
fn pull_policy_missing_and_never_use_the_stored_image() {
    let registry = Registry::start();
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let image = format!("{}/team/policy:1", registry.addr());
    let id = load_as(&env, &busybox_layout(), &image);
    env.ok(&["push", &image]);

    let asked = registry.count_requests("/v2/team/policy/manifests/");
    assert_eq!(format!("sha256:{}", env.ok(&["pull", "--policy", "missing", &image]).trim()), id);
    assert_eq!(format!("sha256:{}", env.ok(&["pull", "--policy", "never", &image]).trim()), id);
    assert_eq!(registry.count_requests("/v2/team/policy/manifests/"), asked, "the registry was not asked");
    env.ok(&["pull", "-q", "--policy", "always", &image]);
    assert!(registry.count_requests("/v2/team/policy/manifests/") > asked, "always asks");

    let other = TestEnv::new();
    other.trust_registry(&registry);
    let (code, err) = other.fails(&["pull", "--policy", "never", &image]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("is not in the local store"), "{err}");
    assert_eq!(format!("sha256:{}", other.ok(&["pull", "-q", "--policy", "missing", &image]).trim()), id, "missing pulls what is not here");
    let (code, err) = other.fails(&["pull", "--policy", "newer", &image]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("--policy newer is not supported"), "{err}");
}
