//! `pontoon ps` as a user reads it: Docker's columns and wording, filters,
//! formats, and a store with a thousand containers.

mod common;

use std::time::Instant;

use common::TestEnv;

#[test]
fn columns_filters_and_formats() {
    let env = TestEnv::new();
    env.load_busybox();
    env.ok(&["run", "-d", "--name", "up", "-l", "tier=web", "busybox", "sleep", "1000"]);
    assert_eq!(env.run(&["run", "--name", "done", "busybox", "sh", "-c", "exit 3"]).status.code(), Some(3));
    env.ok(&["create", "--name", "fresh", "busybox", "true"]);
    let table = env.ok(&["ps"]);
    let header = table.lines().next().expect("a header");
    for column in ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"] {
        assert!(header.contains(column), "{header}");
    }
    assert_eq!(table.lines().count(), 2, "only running containers without -a:\n{table}");
    assert!(table.contains("Up ") && table.contains("\"sleep 1000\""), "{table}");
    let all = env.ok(&["ps", "-a", "--format", "{{.Names}}|{{.Status}}|{{.State}}"]);
    assert!(all.contains("up|Up "), "{all}");
    assert!(all.contains("done|Exited (3) ") && all.contains(" ago|exited"), "{all}");
    assert!(all.contains("fresh|Created|created"), "{all}");
    assert_eq!(env.ok(&["ps", "-a", "-f", "status=exited", "--format", "{{.Names}}"]), "done\n");
    assert_eq!(env.ok(&["ps", "-a", "-f", "exited=3", "--format", "{{.Names}}"]), "done\n");
    assert_eq!(env.ok(&["ps", "-a", "-f", "label=tier=web", "--format", "{{.Names}}"]), "up\n");
    assert_eq!(env.ok(&["ps", "-a", "-f", "name=fre", "--format", "{{.Names}}"]), "fresh\n");
    assert_eq!(env.ok(&["ps", "-a", "-f", "ancestor=busybox", "-q"]).lines().count(), 3);
    assert_eq!(env.ok(&["ps", "-l", "--format", "{{.Names}}"]), "fresh\n", "-l is the latest created");
    assert_eq!(env.ok(&["ps", "-n", "2", "--format", "{{.Names}}"]), "fresh\ndone\n");
    let ids = env.ok(&["ps", "-aq"]);
    assert!(ids.lines().all(|l| l.len() == 12), "{ids}");
    assert!(env.ok(&["ps", "-aq", "--no-trunc"]).lines().all(|l| l.len() == 64));
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["ps", "-a", "--format", "json"])).expect("valid JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    let custom = env.ok(&["ps", "-a", "--format", "table {{.Names}}\\t{{.Image}}"]);
    assert!(custom.starts_with("NAMES") && custom.contains("IMAGE"), "{custom}");
    let (code, err) = env.fails(&["ps", "-f", "color=blue"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "up", "done", "fresh"]);
}

#[test]
fn ps_lists_a_thousand_containers() {
    let env = TestEnv::new();
    env.load_busybox();
    let bin = common::pontoon_bin();
    let started = Instant::now();
    let script = format!("for i in $(seq 1000); do {} create busybox true >/dev/null || exit 1; done", bin.display());
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .envs(env.cmd(&[]).get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
        .current_dir(env.path())
        .output()
        .expect("create containers");
    assert!(out.status.success(), "{}", common::describe(&out));
    eprintln!("created 1000 containers in {:?}", started.elapsed());
    let started = Instant::now();
    let listed = env.ok(&["ps", "-a"]);
    eprintln!("ps -a over 1000 containers took {:?}", started.elapsed());
    assert_eq!(listed.lines().count(), 1001, "a header and 1000 rows");
    let names: std::collections::HashSet<&str> = listed.lines().skip(1).filter_map(|l| l.split_whitespace().last()).collect();
    assert_eq!(names.len(), 1000, "every generated name is unique");
    env.ok(&["container", "prune", "-f"]);
    assert_eq!(env.ok(&["ps", "-aq"]), "");
}

#[test]
fn size_shows_what_the_container_wrote() {
    let env = TestEnv::new();
    env.load_busybox();
    env.ok(&["run", "--name", "writer", "busybox", "sh", "-c", "head -c 5000 /dev/zero > /blob"]);
    let table = env.ok(&["ps", "-a", "-s"]);
    assert!(table.lines().next().is_some_and(|h| h.ends_with("SIZE")), "{table}");
    let size = env.ok(&["ps", "-a", "-s", "--format", "{{.Size}}"]);
    assert!(size.starts_with("5kB (virtual "), "{size}");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Size}}"]), "\n", "no sizes without -s");
    env.ok(&["rm", "writer"]);
}
