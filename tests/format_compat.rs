//! Output that scripts written for Docker or for Podman parse: field names
//! under both CLIs' spellings, Podman's `images --format json`, the `ps`
//! COMMAND column of each (chosen by the name pontoon runs as, or
//! PONTOON_COMPAT), a repeated flag taking its last value, and `inspect` of
//! volumes and networks.

mod common;

use std::path::PathBuf;

use common::{pontoon_bin, TestEnv};

/// A link to pontoon named `name` in the env's directory, as a user's
/// `ln -s $(which pontoon) ~/bin/podman` makes.
fn link_named(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.path().join("links");
    std::fs::create_dir_all(&dir).expect("create the links directory");
    let link = dir.join(name);
    std::os::unix::fs::symlink(pontoon_bin(), &link).expect("link pontoon");
    link
}

/// Runs `pontoon ARGS` through `cmd` and returns its stdout, failing the
/// test with everything it printed when it fails.
fn stdout_of(mut cmd: std::process::Command) -> String {
    let out = cmd.output().expect("start pontoon");
    assert!(out.status.success(), "{cmd:?} failed:\n{}", common::describe(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn containers_and_images_answer_to_docker_s_and_podman_s_names() {
    let env = TestEnv::with_busybox();
    let id = env.ok(&["create", "--name", "c", "busybox", "true"]).trim().to_string();
    let image_id = env.ok(&["image", "inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    assert!(image_id.starts_with("sha256:"), "Docker's image Id: {image_id}");

    // Both spellings of the Id, in inspect and in the lists.
    assert_eq!(env.ok(&["inspect", "--format", "{{.ID}}|{{.Id}}", "c"]).trim(), format!("{id}|{id}"));
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.ID}}", "busybox"]).trim(), image_id);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.ID}}|{{.Id}}"]).trim(), format!("{}|{id}", &id[..12]));
    let hex = image_id.trim_start_matches("sha256:");
    assert_eq!(env.ok(&["images", "--format", "{{.ID}}|{{.Id}}"]).trim(), format!("{}|{hex}", &hex[..12]), "Podman's image .Id is bare hex");

    // Podman's Digest (the manifest's) on images; Docker's RepoDigests beside it.
    let digest = env.ok(&["image", "inspect", "--format", "{{.Digest}}", "busybox"]).trim().to_string();
    assert!(digest.starts_with("sha256:") && digest.len() == 71, "{digest}");
    assert_ne!(digest, image_id, "the manifest's digest, not the config's");
    assert_eq!(env.ok(&["image", "inspect", "--format", "{{.RepoDigests}}", "busybox"]).trim(), "[]", "a loaded image was pulled by no digest");

    // Containers: Docker's .Image is the image Id; Podman's ImageName and ImageDigest.
    let fields = env.ok(&["inspect", "--format", "{{.Image}}|{{.ImageName}}|{{.ImageDigest}}", "c"]);
    assert_eq!(fields.trim(), format!("{image_id}|busybox|{digest}"));
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["container", "inspect", "c"])).expect("inspect prints JSON");
    assert_eq!(json[0]["ImageName"], "busybox");
    assert!(json[0].get("ID").is_none(), "the JSON keeps Docker's one spelling: {}", json[0]["Id"]);
}

#[test]
fn history_and_df_fields_of_both_clis() {
    let env = TestEnv::with_busybox();
    // The fixture's layer was made at a known time: Docker's RFC 3339
    // CreatedAt, its CreatedSince and Podman's Created in words.
    let rows = env.ok(&["history", "--format", "{{.Created}}|{{.CreatedSince}}|{{.CreatedAt}}", "busybox"]);
    let first = rows.lines().next().expect("a history row");
    let [created, since, at] = first.split('|').collect::<Vec<_>>()[..] else { panic!("three fields: {first}") };
    assert!(created.ends_with(" ago") && created == since, "{first}");
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok() && at.ends_with('Z') && !at.contains('.'), "{first}");
    // --human=false: the time itself, in every field.
    let rows = env.ok(&["history", "--human=false", "--format", "{{.Created}}|{{.CreatedSince}}|{{.CreatedAt}}", "busybox"]);
    let first = rows.lines().next().expect("a history row");
    assert_eq!(first, [at, at, at].join("|"), "{rows}");

    env.ok(&["create", "busybox", "true"]);
    let df = env.ok(&["system", "df", "--format", "{{.Type}}={{.Total}}/{{.TotalCount}}/{{.Active}}"]);
    assert_eq!(df.lines().next(), Some("Images=1/1/1"), "Podman's .Total and Docker's .TotalCount:\n{df}");
    assert!(df.lines().any(|l| l == "Containers=1/1/0"), "{df}");
}

#[test]
fn images_json_is_podman_s() {
    let env = TestEnv::with_busybox();
    env.ok(&["tag", "busybox", "other:1"]);
    env.ok(&["create", "busybox", "true"]);
    let image_id = env.ok(&["image", "inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    let digest = env.ok(&["image", "inspect", "--format", "{{.Digest}}", "busybox"]).trim().to_string();
    let size: u64 = env.ok(&["image", "inspect", "--format", "{{.Size}}", "busybox"]).trim().parse().expect("a size in bytes");

    let json: serde_json::Value = serde_json::from_str(&env.ok(&["images", "--format", "json"])).expect("--format json is JSON");
    let images = json.as_array().expect("an array");
    assert_eq!(images.len(), 1, "one object per image, not per name: {json:#}");
    let i = &images[0];
    assert_eq!(i["Id"], image_id.trim_start_matches("sha256:"), "bare hex, as Podman: {i:#}");
    assert_eq!(i["Size"], size);
    assert_eq!(i["VirtualSize"], size);
    assert_eq!(i["SharedSize"], 0);
    assert_eq!(i["Digest"], digest.as_str());
    assert_eq!(i["Containers"], 1);
    assert_eq!(i["ParentId"], "");
    let mut names: Vec<&str> = i["Names"].as_array().expect("Names").iter().filter_map(|n| n.as_str()).collect();
    names.sort();
    assert_eq!(names, ["docker.io/library/busybox:latest", "docker.io/library/other:1"]);
    assert!(i["RepoDigests"].is_array() && i["RepoTags"].is_array() && i["History"].is_array(), "{i:#}");
    assert!(i["Created"].as_i64().is_some_and(|t| t > 0), "Unix seconds: {i:#}");
    let at = i["CreatedAt"].as_str().expect("CreatedAt");
    assert_eq!(chrono::DateTime::parse_from_rfc3339(at).map(|t| t.timestamp()).ok(), i["Created"].as_i64(), "{i:#}");
    assert!(i.get("Labels").is_some(), "{i:#}");
    // pontoon's row keys stay where Podman has none.
    assert_eq!(i["ID"], &image_id["sha256:".len().."sha256:".len() + 12]);
    assert!(i["Repository"].is_string() && i["Tag"].is_string() && i["CreatedSince"].is_string(), "{i:#}");
}

#[test]
fn ps_command_column_of_docker_and_of_podman() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "c", "busybox", "sh", "-c", "sleep 1000; echo \"hi\" there"]);
    let docker = "\"sh -c 'sleep 1000; …\"";
    let podman = "sh -c sleep 1000;...";

    // Docker's by default and under the name docker.
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Command}}"]).trim(), docker);
    assert!(env.ok(&["ps", "-a"]).contains(&format!("   {docker}   ")), "{}", env.ok(&["ps", "-a"]));
    let as_docker = link_named(&env, "docker");
    assert_eq!(stdout_of(env.cmd_with(&as_docker, &["ps", "-a", "--format", "{{.Command}}"])).trim(), docker);
    assert_eq!(
        env.ok(&["ps", "-a", "--no-trunc", "--format", "{{.Command}}"]).trim(),
        "\"sh -c 'sleep 1000; echo \\\"hi\\\" there'\"",
        "the whole line, Go-quoted"
    );

    // Podman's under the name podman, or with PONTOON_COMPAT=podman.
    let as_podman = link_named(&env, "podman");
    assert_eq!(stdout_of(env.cmd_with(&as_podman, &["ps", "-a", "--format", "{{.Command}}"])).trim(), podman);
    let table = stdout_of(env.cmd_with(&as_podman, &["ps", "-a"]));
    assert!(table.contains(&format!("   {podman}   ")), "{table}");
    let mut by_env = env.cmd(&["ps", "-a", "--no-trunc", "--format", "{{.Command}}"]);
    by_env.env("PONTOON_COMPAT", "podman");
    assert_eq!(stdout_of(by_env).trim(), "sh -c sleep 1000; echo \"hi\" there");
    // The variable wins over the name.
    let mut both = env.cmd_with(&as_podman, &["ps", "-a", "--format", "{{.Command}}"]);
    both.env("PONTOON_COMPAT", "docker");
    assert_eq!(stdout_of(both).trim(), docker);
}

#[test]
fn ps_shows_the_command_the_image_adds() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "plain", "busybox"]);
    env.ok(&["commit", "--change", "ENTRYPOINT [\"sleep\"]", "plain", "sleeper:1"]);
    env.ok(&["create", "--name", "sleeper", "sleeper:1", "1000"]);
    env.ok(&["create", "--name", "own", "--entrypoint", "echo", "sleeper:1", "hi"]);
    let shown = env.ok(&["ps", "-a", "--format", "{{.Names}} {{.Command}}"]);
    let mut lines: Vec<&str> = shown.lines().collect();
    lines.sort();
    assert_eq!(lines, ["own \"echo hi\"", "plain \"sh\"", "sleeper \"sleep 1000\""], "the image's Cmd and Entrypoint, as Docker shows them");
}

#[test]
fn a_repeated_flag_takes_its_last_value() {
    let env = TestEnv::with_busybox();
    // run and create: the last --name; -e still collects.
    env.ok(&["create", "--name", "first", "--name", "second", "-e", "A=1", "-e", "B=2", "-l", "k=1", "-l", "j=2", "busybox", "true"]);
    assert_eq!(env.fails(&["inspect", "--type", "container", "first"]).0, 1, "no container took the first name");
    let env_vars = env.ok(&["inspect", "--format", "{{.Name}} {{index .Config.Labels \"k\"}}{{index .Config.Labels \"j\"}} {{range .Config.Env}}{{.}},{{end}}", "second"]);
    assert!(env_vars.starts_with("/second 12 ") && env_vars.contains(",A=1,B=2,"), "{env_vars}");
    let out = env.run(&["run", "--rm", "--name", "x", "--name", "y", "-e", "V=1", "-e", "W=2", "busybox", "sh", "-c", "echo $V$W"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12\n");

    // Formats and types: the last one counts.
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.ID}}", "--format", "{{.Names}}"]), "second\n");
    assert_eq!(env.ok(&["images", "--format", "nope", "--format", "{{.Repository}}"]), "busybox\n");
    assert_eq!(env.ok(&["inspect", "--type", "image", "--type", "container", "--format", "{{.Name}}", "second"]), "/second\n");
    // Boolean and global flags given twice.
    assert_eq!(env.ok(&["ps", "-a", "--all", "-q", "-q"]).lines().count(), 1);
    let out = env.run(&["--log-level", "error", "--log-level", "debug", "ps"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("level=debug"), "{}", common::describe(&out));
}

#[test]
fn inspect_finds_volumes_and_networks() {
    let env = TestEnv::with_netns();
    env.load_busybox();
    env.ok(&["volume", "create", "data"]);
    env.ok(&["network", "create", "data"]);
    env.ok(&["network", "create", "net"]);

    // --type volume and --type network, as Podman and Docker take them.
    assert_eq!(env.ok(&["inspect", "--type", "volume", "--format", "{{.Name}} {{.Driver}}", "data"]), "data local\n");
    assert_eq!(env.ok(&["inspect", "--type", "network", "--format", "{{.Name}} {{.Driver}}", "data"]), "data bridge\n");
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["inspect", "--type", "volume", "data"])).expect("JSON");
    assert!(json[0]["Mountpoint"].is_string(), "{json:#}");

    // Without --type: a volume before a network of the same name, as
    // Podman looks them up; a network when it is the only one so named.
    assert_eq!(env.ok(&["inspect", "--format", "{{.Name}} {{.Driver}}", "data"]), "data local\n");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Name}} {{.Driver}}", "net"]), "net bridge\n");
    // Containers and images still come first.
    env.ok(&["create", "--name", "net", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Name}}", "net"]), "/net\n");
    // Several names, several kinds.
    assert_eq!(env.ok(&["inspect", "--format", "{{.Name}}", "data", "net", "busybox"]).lines().count(), 3);

    let (code, err) = env.fails(&["inspect", "--type", "volume", "nothere"]);
    assert_eq!(code, 1, "{err}");
    let (code, err) = env.fails(&["inspect", "nothere"]);
    assert!(code == 1 && err.contains("nothere"), "{code} {err}");
    let (code, err) = env.fails(&["inspect", "--type", "bogus", "data"]);
    assert!(code == 125 && err.contains("volume") && err.contains("network"), "{code} {err}");
}
