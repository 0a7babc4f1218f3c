//! containers.conf's defaults, as Podman reads them: below the user's
//! flags, above nothing; and `--sysctl`, which `default_sysctls` feeds.

mod common;

use common::{is_root, TestEnv};

/// Writes the test's containers.conf; as root it keeps TestEnv's
/// `netns = "none"` (parallel tests must not share the host's bridge).
fn write_conf(env: &TestEnv, containers_table_body: &str, rest: &str) {
    let netns = if is_root() { "netns = \"none\"\n" } else { "" };
    std::fs::write(&env.containers_conf, format!("[containers]\n{netns}{containers_table_body}\n{rest}")).expect("write containers.conf");
}

fn sh(env: &TestEnv, flags: &[&str], script: &str) -> String {
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["busybox", "sh", "-c", script]);
    env.ok(&args)
}

#[test]
fn default_ulimits_and_env_come_under_the_flags_and_the_image() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "default_ulimits = [\"nofile=1234:2345\"]\nenv = [\"FROM_CONF=yes\", \"PATH=/from/conf\"]", "");
    assert_eq!(sh(&env, &[], "ulimit -n; ulimit -Hn; echo $FROM_CONF; echo $PATH"), "1234\n2345\nyes\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n", "the image's PATH wins over the file's");
    assert_eq!(sh(&env, &["--ulimit", "nofile=100:200", "-e", "FROM_CONF=flag"], "ulimit -n; echo $FROM_CONF"), "100\nflag\n", "flags win");
    write_conf(&env, "default_ulimits = [\"nofile=nonsense\"]", "");
    let (code, err) = env.fails(&["run", "--rm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("default_ulimits"), "{err}");
}

#[test]
fn default_capabilities_are_the_base_set() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "default_capabilities = [\"CHOWN\", \"KILL\"]", "");
    // CHOWN is bit 0, KILL bit 5.
    assert_eq!(sh(&env, &[], "grep CapEff /proc/self/status").split_whitespace().nth(1), Some("0000000000000021"));
    let with_raw = sh(&env, &["--cap-add", "NET_RAW"], "grep CapEff /proc/self/status");
    assert_eq!(with_raw.split_whitespace().nth(1), Some("0000000000002021"), "--cap-add adds to the file's set");
}

#[test]
fn sysctls_from_the_flag_and_the_file_are_set_in_the_containers_namespaces() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "default_sysctls = [\"net.ipv4.ping_group_range=0 0\"]", "");
    assert_eq!(sh(&env, &["--network", "none"], "cat /proc/sys/net/ipv4/ping_group_range"), "0\t0\n");
    let both = sh(&env, &["--network", "none", "--sysctl", "net.ipv4.ping_group_range=1 5", "--sysctl", "kernel.shmmax=123456"], "cat /proc/sys/net/ipv4/ping_group_range /proc/sys/kernel/shmmax");
    assert_eq!(both, "1\t5\n123456\n", "the flag wins over the file");
    let host_shmmax = std::fs::read_to_string("/proc/sys/kernel/shmmax").expect("read the host's shmmax");
    assert_ne!(host_shmmax.trim(), "123456", "the host's value is untouched");
    // With the host's network the file's net.* default is dropped, the flag's refused.
    env.ok(&["run", "--rm", "--network", "host", "busybox", "true"]);
    for (flags, wanted) in [
        (vec!["--network", "host", "--sysctl", "net.ipv4.ip_forward=1"], "host's network"),
        (vec!["--sysctl", "vm.swappiness=1"], "not namespaced"),
        (vec!["--sysctl", "net.ipv4.ip_forward"], "KEY=VALUE"),
        (vec!["--ipc", "host", "--sysctl", "kernel.shmmax=1"], "IPC namespace"),
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(&flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(wanted), "{flags:?}: {err}");
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "", "nothing was created");
}

#[test]
fn dns_and_runtime_defaults_apply_when_no_flag_is_given() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "dns_servers = [\"192.0.2.53\"]\ndns_searches = [\"corp.example\"]", "[engine]\nruntime = \"crun\"\n");
    env.ok(&["create", "--name", "c1", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.Runtime}} {{.HostConfig.Dns}} {{.HostConfig.DnsSearch}}", "c1"]).trim(), "crun [192.0.2.53] [corp.example]");
    env.ok(&["create", "--name", "c2", "--dns", "198.51.100.1", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.Runtime}} {{.HostConfig.Dns}}", "c2"]).trim(), "crun [198.51.100.1]");
}

#[test]
fn pids_limit_is_a_default_as_root() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "pids_limit = 77", "");
    env.ok(&["create", "--name", "p", "busybox", "true"]);
    let limit = env.ok(&["inspect", "--format", "{{.HostConfig.PidsLimit}}", "p"]);
    // Rootless pontoon has no cgroup to put it in, so the default is left out (Podman does the same).
    assert_eq!(limit.trim(), if is_root() { "77" } else { "<nil>" });
}

#[test]
fn a_broken_file_is_an_error_naming_it() {
    let env = TestEnv::with_busybox();
    std::fs::write(&env.containers_conf, "[containers\n").expect("write containers.conf");
    let (code, err) = env.fails(&["run", "--rm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains(&env.containers_conf.display().to_string()) && err.contains("TOML"), "{err}");
}

/// `pontoon ARGS` with storage.conf deciding the store (no PONTOON_ROOT).
fn by_storage_conf(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut cmd = env.cmd(args);
    cmd.env_remove("PONTOON_ROOT").env_remove("PONTOON_RUNROOT");
    cmd.output().expect("run pontoon")
}

#[test]
fn storage_conf_places_the_store_and_picks_the_driver() {
    let env = TestEnv::new();
    let graph = env.path().join("store/graph");
    // The env's own runroot, so that its clean-up finds the rootless namespace holder.
    let conf = format!("[storage]\ndriver = \"vfs\"\ngraphroot = \"{}\"\nrunroot = \"{}\"\n", graph.display(), env.runroot.display());
    let conf_file = env.path().join("config/storage.conf");
    std::fs::write(&conf_file, conf).expect("write storage.conf");
    let out = by_storage_conf(&env, &["info", "--format", "{{.Store.GraphRoot}} {{.Store.GraphDriverName}} {{.Store.ConfigFile}}"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("{} vfs {}", graph.display(), conf_file.display()));
    let archive = env.path().join("busybox-oci.tar");
    let mut b = tar::Builder::new(Vec::new());
    b.append_dir_all(".", common::busybox_layout()).expect("archive the busybox layout");
    std::fs::write(&archive, b.into_inner().expect("finish")).expect("write the archive");
    let out = by_storage_conf(&env, &["load", "-i", &archive.to_string_lossy()]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(std::fs::read_dir(&graph).map(|d| d.count()).unwrap_or(0) > 0, "the image went to storage.conf's graphroot");
    assert!(!env.root.exists(), "and not to the default store");
    // --root still wins over the file.
    let out = by_storage_conf(&env, &["--root", &env.root.to_string_lossy(), "info", "--format", "{{.Store.GraphRoot}}"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), env.root.display().to_string());
    std::fs::write(&conf_file, "[storage]\ndriver = \"btrfs\"\n").expect("write storage.conf");
    let out = by_storage_conf(&env, &["images"]);
    assert_eq!(out.status.code(), Some(125));
    assert!(String::from_utf8_lossy(&out.stderr).contains("storage.conf driver"), "{}", common::describe(&out));
}

#[test]
fn a_graphroot_podman_uses_gets_a_pontoon_directory_of_its_own() {
    let env = TestEnv::new();
    let graph = env.path().join("store/shared");
    std::fs::create_dir_all(graph.join("overlay-layers")).expect("make containers/storage's directory");
    std::fs::write(graph.join("storage.lock"), "").expect("containers/storage's lock");
    let conf = format!("[storage]\ngraphroot = \"{}\"\nrunroot = \"{}\"\n", graph.display(), env.runroot.display());
    std::fs::write(env.path().join("config/storage.conf"), conf).expect("write storage.conf");
    let out = by_storage_conf(&env, &["info", "--format", "{{.Store.GraphRoot}}"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), graph.join("pontoon").display().to_string(), "{}", common::describe(&out));
}

#[test]
fn log_driver_and_log_size_max_are_the_defaults_the_flags_override() {
    let env = TestEnv::with_busybox();
    write_conf(&env, "log_driver = \"none\"", "");
    env.ok(&["run", "--name", "quiet", "busybox", "echo", "unseen"]);
    let (_, err) = env.fails(&["logs", "quiet"]);
    assert!(err.contains("--log-driver none"), "containers.conf's log_driver = none keeps no log: {err}");
    env.ok(&["run", "--name", "heard", "--log-driver", "k8s-file", "busybox", "echo", "seen"]);
    assert_eq!(env.ok(&["logs", "heard"]), "seen\n", "--log-driver wins over containers.conf");

    write_conf(&env, "log_size_max = 4096", "");
    let script = "i=0; while [ $i -lt 400 ]; do echo line-$i; i=$((i+1)); done";
    env.ok(&["run", "--name", "bounded", "busybox", "sh", "-c", script]);
    let logs = env.ok(&["logs", "bounded"]);
    assert!(logs.contains("line-399\n") && !logs.contains("line-0\n"), "log_size_max bounds the log, keeping the newest lines: {logs}");
    env.ok(&["run", "--name", "unbounded", "--log-opt", "max-size=-1", "busybox", "sh", "-c", script]);
    assert!(env.ok(&["logs", "unbounded"]).contains("line-0\n"), "--log-opt max-size wins over log_size_max");

    write_conf(&env, "log_driver = \"syslog\"", "");
    let (code, err) = env.fails(&["run", "--rm", "busybox", "true"]);
    assert_eq!(code, 125);
    assert!(err.contains("containers.conf log_driver"), "{err}");
}
