//! Flags pontoon took on for Docker's and Podman's users (see
//! docs/compatibility.md): what the user sees when they use them.

mod common;

use common::{describe, TestEnv};

#[test]
fn images_noheading_lists_the_images_without_the_column_names() {
    let env = TestEnv::with_busybox();
    let with = env.ok(&["images"]);
    assert!(with.lines().next().is_some_and(|l| l.starts_with("REPOSITORY")), "{with}");
    let without = env.ok(&["images", "--noheading"]);
    assert!(!without.contains("REPOSITORY"), "{without}");
    assert_eq!(without.lines().collect::<Vec<_>>(), with.lines().skip(1).collect::<Vec<_>>());
    assert!(without.contains("busybox"), "{without}");
}

#[test]
fn an_accepted_flag_podman_would_act_on_runs_the_container_with_a_note() {
    let env = TestEnv::with_busybox();
    let out = env.run(&["run", "--rm", "--retry", "3", "--retry-delay", "1s", "busybox", "echo", "ran"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ran");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pontoon: --retry is accepted and ignored"), "{stderr}");
    assert!(stderr.contains("pontoon: --retry-delay is accepted and ignored"), "{stderr}");
}

#[test]
fn accepted_values_that_are_what_pontoon_does_run_quietly_and_others_are_refused() {
    let env = TestEnv::with_busybox();
    let out = env.run(&["run", "--rm", "--cgroupns", "private", "--volume-driver", "local", "--isolation=default", "busybox", "echo", "ran"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ran");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("pontoon:"), "{}", describe(&out));
    let (code, stderr) = env.fails(&["run", "--rm", "--cgroupns", "host", "busybox", "true"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.starts_with("Error: --cgroupns host: pontoon always gives a container its own cgroup namespace"), "{stderr}");
    // Refused before anything is made: no container is left behind.
    assert_eq!(env.ok(&["ps", "-a", "-q"]).trim(), "");
}

#[test]
fn a_boolean_flag_does_not_take_the_image_as_its_value() {
    let env = TestEnv::with_busybox();
    // Podman's --passwd is a boolean: `--passwd busybox` is the flag, then the image.
    let out = env.ok(&["run", "--rm", "--passwd", "busybox", "echo", "ran"]);
    assert_eq!(out.trim(), "ran");
    let (code, stderr) = env.fails(&["run", "--rm", "--passwd=false", "busybox", "true"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.contains("--userns keep-id"), "{stderr}");
}

#[test]
fn ps_namespace_is_podman_s_name_for_ns() {
    let env = TestEnv::with_busybox();
    let ns = env.ok(&["ps", "-a", "--ns"]);
    let namespace = env.ok(&["ps", "-a", "--namespace"]);
    assert_eq!(ns.lines().next(), namespace.lines().next(), "the same columns");
}

#[test]
fn a_refused_command_names_the_alternative_and_touches_no_store() {
    let env = TestEnv::new();
    let root = tempfile::tempdir().expect("a temp dir");
    let store = root.path().join("store");
    let store_arg = store.to_string_lossy().into_owned();
    let (code, stderr) = env.fails(&["--root", &store_arg, "swarm", "init", "--advertise-addr", "127.0.0.1"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.starts_with("Error: pontoon has no swarm mode") && stderr.contains("pontoon compose up"), "{stderr}");
    assert!(!store.exists(), "a refusal opens no store");
    // A typo is still clap's, with its suggestion.
    let (code, stderr) = env.fails(&["lgos"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("unrecognized subcommand"), "{stderr}");
}

#[test]
fn image_search_is_search() {
    let env = TestEnv::new();
    let help = env.ok(&["image", "search", "--help"]);
    assert!(help.starts_with("Search a registry for repositories"), "{help}");
}

#[test]
fn build_arg_file_gives_build_args_that_build_arg_overrides() {
    let env = TestEnv::with_busybox();
    let ctx = env.dir_with_files(
        "argfile-ctx",
        &[
            ("Dockerfile", "FROM busybox\nARG FROM_FILE\nARG OVERRIDDEN\nRUN echo \"$FROM_FILE $OVERRIDDEN\" > /args\n"),
            ("args.conf", "# build args\nFROM_FILE=file\n\nOVERRIDDEN=file\n"),
        ],
    );
    let ctx = ctx.to_string_lossy().into_owned();
    let file = format!("{ctx}/args.conf");
    env.ok(&["build", "-q", "--build-arg-file", &file, "--build-arg", "OVERRIDDEN=cli", "-t", "argfile", &ctx]);
    assert_eq!(env.ok(&["run", "--rm", "argfile", "cat", "/args"]), "file cli\n");
    let (code, stderr) = env.fails(&["build", "--build-arg-file", "/nonexistent/args.conf", &ctx]);
    assert_eq!(code, 125);
    assert!(stderr.contains("read --build-arg-file /nonexistent/args.conf"), "{stderr}");
}

#[test]
fn images_sort_orders_by_repository_then_tag_or_by_tag() {
    let env = TestEnv::with_busybox();
    env.ok(&["tag", "busybox", "zzz:aa"]);
    env.ok(&["tag", "busybox", "aaa:zz"]);
    env.ok(&["tag", "busybox", "aaa:bb"]);
    let list = |key: &str| env.ok(&["images", "--sort", key, "--format", "{{.Repository}}:{{.Tag}}"]);
    let repositories = list("repository");
    let names: Vec<&str> = repositories.lines().filter(|l| !l.contains("busybox")).collect();
    assert_eq!(names, ["aaa:bb", "aaa:zz", "zzz:aa"], "{repositories}");
    let tags = list("tag");
    let tag_order: Vec<&str> = tags.lines().map(|l| l.rsplit(':').next().unwrap_or_default()).collect();
    let mut sorted = tag_order.clone();
    sorted.sort();
    assert_eq!(tag_order, sorted, "{tags}");
    let (code, stderr) = env.fails(&["images", "--sort", "colour"]);
    assert_eq!(code, 125, "{stderr}");
}

#[test]
fn docker_s_and_podman_s_global_options_are_accepted_with_a_note_or_refused_with_the_way_out() {
    let env = TestEnv::new();
    let out = env.run(&["--syslog", "--tmpdir", "/tmp", "version"]);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pontoon: --syslog is accepted and ignored"), "{}", describe(&out));
    let (code, stderr) = env.fails(&["--tlsverify", "--tlscacert", "/etc/ca.pem", "ps"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.starts_with("Error: pontoon has no daemon or service to connect to"), "{stderr}");
    let (code, stderr) = env.fails(&["--context", "remote-box", "ps"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.contains("pontoon has no contexts"), "{stderr}");
    assert!(env.run(&["--context", "default", "version"]).status.success());
}
