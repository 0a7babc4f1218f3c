//! run/create flags Podman and Docker users type: --cidfile, --pidfile,
//! --conmon-pidfile, --replace, --log-driver/--log-opt, --tz, --env-host,
//! --env-merge, --unsetenv, --label-file, --annotation, --no-hosts,
//! --requires, --rmi, --attach, --entrypoint in JSON, --pull newer, and
//! the accepted-and-explained ones.

mod common;

use common::{process_alive, wait_until, TestEnv};

fn sh(env: &TestEnv, flags: &[&str], script: &str) -> String {
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["busybox", "sh", "-c", script]);
    env.ok(&args)
}

fn inspect(env: &TestEnv, format: &str, name: &str) -> String {
    env.ok(&["inspect", "--format", format, name]).trim().to_string()
}

#[test]
fn id_and_pid_files_name_the_container_and_its_processes() {
    let env = TestEnv::with_busybox();
    let cid = env.path().join("web.cid");
    let pid = env.path().join("web.pid");
    let mon = env.path().join("web.monitor.pid");
    let p = |f: &std::path::Path| f.to_string_lossy().to_string();
    env.ok(&["run", "-d", "--name", "web", "--cidfile", &p(&cid), "--pidfile", &p(&pid), "--conmon-pidfile", &p(&mon), "busybox", "sleep", "300"]);
    assert_eq!(std::fs::read_to_string(&cid).expect("cidfile"), inspect(&env, "{{.Id}}", "web"));
    assert_eq!(std::fs::read_to_string(&pid).expect("pidfile"), inspect(&env, "{{.State.Pid}}", "web"));
    let monitor: i64 = std::fs::read_to_string(&mon).expect("conmon pidfile").trim().parse().expect("a pid");
    assert!(process_alive(monitor), "the monitor's pid");
    let (code, err) = env.fails(&["create", "--cidfile", &p(&cid), "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("exists"), "an existing cidfile is refused: {err}");
    assert_eq!(env.ok(&["ps", "-aq"]).lines().count(), 1, "and nothing was created");
    // The pid files follow a restart.
    env.ok(&["restart", "-t", "1", "web"]);
    assert_eq!(std::fs::read_to_string(&pid).expect("pidfile"), inspect(&env, "{{.State.Pid}}", "web"));
    env.ok(&["rm", "-f", "--cidfile", &p(&cid)]);
}

#[test]
fn replace_takes_the_place_of_a_container_of_the_same_name() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "app", "busybox", "sleep", "300"]);
    let first = inspect(&env, "{{.Id}}", "app");
    let (code, _) = env.fails(&["run", "-d", "--name", "app", "busybox", "sleep", "300"]);
    assert_ne!(code, 0, "without --replace the name is taken");
    env.ok(&["run", "-d", "--replace", "--name", "app", "busybox", "sleep", "300"]);
    assert_ne!(inspect(&env, "{{.Id}}", "app"), first);
    assert_eq!(env.ok(&["ps", "-aq"]).lines().count(), 1);
    env.ok(&["rm", "-f", "app"]);
}

#[test]
fn log_driver_none_keeps_no_log_and_max_size_bounds_it() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "quiet", "--log-driver", "none", "busybox", "echo", "unseen"]);
    let (code, err) = env.fails(&["logs", "quiet"]);
    assert_ne!(code, 0);
    assert!(err.contains("--log-driver none"), "{err}");
    assert_eq!(inspect(&env, "{{.HostConfig.LogConfig.Type}}", "quiet"), "none");
    let path = env.path().join("elsewhere.log");
    let opt = format!("path={}", path.display());
    env.ok(&["run", "--name", "loud", "--log-driver", "json-file", "--log-opt", &opt, "--log-opt", "max-size=4k", "busybox", "sh", "-c", "i=0; while [ $i -lt 400 ]; do echo line-$i; i=$((i+1)); done"]);
    let size = std::fs::metadata(&path).expect("the log is at path=").len();
    assert!(size <= 4096, "max-size bounds the file: {size} bytes");
    let logs = env.ok(&["logs", "loud"]);
    assert!(logs.contains("line-399\n") && !logs.contains("line-0\n"), "the newest lines stay: {logs}");
    assert_eq!(inspect(&env, "{{.HostConfig.LogConfig.Type}}", "loud"), "k8s-file", "json-file is k8s-file, as in Podman");
    for (flags, wanted) in [(vec!["--log-driver", "syslog"], "invalid --log-driver"), (vec!["--log-driver", "journald"], "journald"), (vec!["--log-opt", "colour=red"], "invalid --log-opt")] {
        let mut args = vec!["create"];
        args.extend_from_slice(&flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(wanted), "{flags:?}: {err}");
    }
}

#[test]
fn tz_binds_the_zone_and_sets_tz() {
    let env = TestEnv::with_busybox();
    assert!(std::path::Path::new("/usr/share/zoneinfo/Asia/Tokyo").exists(), "tzdata is installed");
    let out = sh(&env, &["--tz", "Asia/Tokyo"], "date +%Z; cmp /etc/localtime /dev/null >/dev/null || echo a-zone-file");
    assert_eq!(out, "JST\na-zone-file\n");
    let (code, err) = env.fails(&["run", "--rm", "--tz", "Mars/Olympus", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("zoneinfo"), "{err}");
}

#[test]
fn environment_rules_host_merge_and_unset() {
    let env = TestEnv::with_busybox();
    let mut cmd = env.cmd(&["run", "--rm", "--env-host", "-e", "MINE=1", "busybox", "sh", "-c", "echo $FROM_HOST $MINE"]);
    cmd.env("FROM_HOST", "hello");
    let out = cmd.output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello 1\n", "{}", common::describe(&out));
    let mut cmd = env.cmd(&["run", "--rm", "busybox", "sh", "-c", "echo ${https_proxy:-none} ${FROM_HOST:-none}"]);
    cmd.env("https_proxy", "http://proxy.example:3128").env("FROM_HOST", "hello");
    assert_eq!(String::from_utf8_lossy(&cmd.output().expect("run").stdout), "http://proxy.example:3128 none\n", "proxies pass by default, nothing else");
    let out = sh(&env, &["--env-merge", "PATH=/opt/bin:${PATH}"], "echo $PATH");
    assert_eq!(out, "/opt/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
    // (busybox's shell sets a HOSTNAME of its own: look at the environment it was given)
    assert_eq!(sh(&env, &["--unsetenv", "HOSTNAME"], "tr '\\0' '\\n' < /proc/1/environ | grep -c ^HOSTNAME= || true"), "0\n");
    // The environment the process was given (the shell adds PATH and others of its own).
    let all = sh(&env, &["--unsetenv-all", "-e", "ONLY=me"], "tr '\\0' '\\n' < /proc/1/environ; true");
    assert_eq!(all, "ONLY=me\n");
}

#[test]
fn labels_from_a_file_annotations_and_no_hosts() {
    let env = TestEnv::with_busybox();
    let file = env.path().join("labels");
    std::fs::write(&file, "# team labels\ntier=web\nowner=ann\n").expect("write the label file");
    env.ok(&["create", "--name", "l", "--label-file", &file.to_string_lossy(), "--label", "owner=bob", "--annotation", "org.example/note=hi", "busybox", "true"]);
    assert_eq!(inspect(&env, "{{index .Config.Labels \"tier\"}} {{index .Config.Labels \"owner\"}}", "l"), "web bob");
    assert_eq!(inspect(&env, "{{index .Config.Annotations \"org.example/note\"}}", "l"), "hi");
    let (code, err) = env.fails(&["create", "--annotation", "io.pontoon.device-sources=x", "busybox", "true"]);
    assert_eq!(code, 125, "pontoon's own annotations are not the user's: {err}");
    let hosts = sh(&env, &["--no-hosts", "--add-host", "db:10.0.0.5"], "cat /etc/hosts 2>/dev/null | grep -c db || true");
    assert_eq!(hosts.trim(), "0", "--no-hosts writes no /etc/hosts");
}

#[test]
fn requires_starts_the_containers_named_first() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "db", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "app", "--requires", "db", "busybox", "sleep", "300"]);
    env.ok(&["start", "app"]);
    assert_eq!(inspect(&env, "{{.State.Status}}", "db"), "running", "db was started first");
    let (code, err) = env.fails(&["create", "--requires", "nosuch", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--requires nosuch"), "{err}");
    assert_eq!(env.ok(&["rm", "-f", "-t", "0", "--depend", "db"]).lines().count(), 2, "app depends on db");
}

#[test]
fn rmi_takes_the_image_when_the_container_goes() {
    let env = TestEnv::with_busybox();
    env.ok(&["tag", "busybox", "throwaway:1"]);
    assert_eq!(env.ok(&["run", "--rm", "--rmi", "throwaway:1", "echo", "once"]), "once\n");
    // The name it ran by goes (the last name takes the image with it); busybox stays.
    assert!(wait_until(10, || env.run(&["image", "exists", "throwaway:1"]).status.code() == Some(1)), "the name is gone");
    assert_eq!(env.run(&["image", "exists", "busybox"]).status.code(), Some(0));
    let (code, err) = env.fails(&["create", "--rmi", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("--rm"), "{err}");
}

#[test]
fn attach_picks_the_streams_and_entrypoint_takes_json() {
    let env = TestEnv::with_busybox();
    let out = env.run(&["run", "--rm", "-a", "stderr", "busybox", "sh", "-c", "echo out; echo err >&2"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "err\n");
    let out = env.run(&["run", "--rm", "--attach", "stdout", "busybox", "sh", "-c", "echo out; echo err >&2"]);
    assert_eq!((String::from_utf8_lossy(&out.stdout).as_ref(), String::from_utf8_lossy(&out.stderr).as_ref()), ("out\n", ""));
    let (code, err) = env.fails(&["run", "-d", "-a", "stdout", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(env.ok(&["run", "--rm", "--entrypoint", "[\"sh\",\"-c\"]", "busybox", "echo json form"]), "json form\n");
    let (code, err) = env.fails(&["run", "--rm", "--entrypoint", "[\"sh\",", "busybox"]);
    assert_eq!(code, 125);
    assert!(err.contains("JSON"), "{err}");
}

#[test]
fn pull_newer_runs_the_local_image_when_the_registry_is_away() {
    let env = TestEnv::with_busybox();
    env.write_registries_conf("unqualified-search-registries = []\n[[registry]]\nlocation = \"127.0.0.1:9\"\ninsecure = true\n");
    env.ok(&["tag", "busybox", "127.0.0.1:9/busybox:latest"]);
    let out = env.run(&["run", "--rm", "--pull", "newer", "127.0.0.1:9/busybox:latest", "echo", "local"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "local\n", "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("using the local image"), "{}", common::describe(&out));
    let (code, _) = env.fails(&["run", "--rm", "--pull", "always", "127.0.0.1:9/busybox:latest", "true"]);
    assert_eq!(code, 125, "always needs the registry");
}

#[test]
fn accepted_flags_are_checked_and_refused_ones_name_the_way_out() {
    let env = TestEnv::with_busybox();
    let arch = std::env::consts::ARCH;
    let platform = format!("linux/{arch}");
    let ok = env.ok(&["run", "--rm", "-q", "--sdnotify", "conmon", "--systemd", "false", "--disable-content-trust", "--platform", &platform, "--http-proxy=false", "busybox", "echo", "fine"]);
    assert_eq!(ok, "fine\n");
    for (flags, wanted) in [
        (vec!["--platform", "linux/s390x"], "no emulation"),
        (vec!["--arch", "riscv64"], "no emulation"),
        (vec!["--sdnotify", "container"], "NOTIFY_SOCKET"),
        (vec!["--systemd", "always"], "systemd"),
        (vec!["--pull", "sometimes"], "newer"),
    ] {
        let mut args = vec!["create"];
        args.extend_from_slice(&flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(wanted), "{flags:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}
