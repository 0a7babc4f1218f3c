//! Named and anonymous volumes as a user meets them: data that outlives
//! containers, a new volume that starts with what the image has at its
//! path (owners and modes kept, as a postgres image needs), volumes that
//! cannot be removed while a container uses them, prune and `system df`.

mod common;

use common::oci::{Layer, LayerBuilder};
use common::TestEnv;
use serde_json::json;

/// busybox plus /var/lib/db owned by 999:999 (mode 0700) holding
/// PG_VERSION (0600), declared as a VOLUME: the shape of a postgres image.
fn db_layout() -> std::path::PathBuf {
    common::fixtures::cached_layout("volume-db", |w| {
        let mut l = LayerBuilder::new();
        l.dir("var/lib", 0o755, 0, 0).dir("var/lib/db", 0o700, 999, 999).file("var/lib/db/PG_VERSION", b"15\n", 0o600, 999, 999);
        let db = Layer::from_tar(l.finish(), "RUN mkdir /var/lib/db && chown 999:999 /var/lib/db");
        let manifest = w.image("amd64", &[common::fixtures::busybox_layer(), db], json!({ "Volumes": { "/var/lib/db": {} } }))?;
        w.finish(&manifest)
    })
}

fn env_with_images() -> TestEnv {
    let env = TestEnv::new();
    env.load_busybox();
    common::load_as(&env, &db_layout(), "dbimage:latest");
    env
}

fn volume_names(env: &TestEnv) -> Vec<String> {
    env.ok(&["volume", "ls", "-q"]).lines().map(String::from).collect()
}

#[test]
fn a_named_volume_outlives_its_container() {
    let env = env_with_images();
    env.ok(&["run", "--name", "writer", "-v", "notes:/notes", "busybox", "sh", "-c", "echo 'kept across containers' > /notes/a"]);
    let mounts: serde_json::Value = serde_json::from_str(&env.ok(&["inspect", "--format", "{{json .Mounts}}", "writer"])).expect("Mounts is JSON");
    assert_eq!(mounts[0]["Type"], "volume");
    assert_eq!(mounts[0]["Name"], "notes");
    assert_eq!(mounts[0]["Destination"], "/notes");
    assert_eq!(mounts[0]["Source"], env.root.join("volumes/notes/_data").display().to_string());
    assert_eq!(mounts[0]["RW"], true);
    let go = env.ok(&["inspect", "--format", "{{ .Mounts }}", "writer"]);
    assert!(go.starts_with("[map[") && go.contains("Destination:/notes"), "Go's form of a list of maps: {go}");
    env.ok(&["rm", "writer"]);
    assert_eq!(volume_names(&env), ["notes"], "the volume was created on first use");
    let read = env.ok(&["run", "--rm", "-v", "notes:/elsewhere", "busybox", "cat", "/elsewhere/a"]);
    assert_eq!(read, "kept across containers\n");
    let inspect = env.ok(&["volume", "inspect", "--format", "{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}}", "notes"]);
    let mountpoint = env.root.join("volumes/notes/_data");
    assert_eq!(inspect.trim(), format!("notes local local {}", mountpoint.display()));
}

#[test]
fn a_new_volume_starts_with_the_images_files_and_owners() {
    let env = env_with_images();
    let stat = "stat -c '%u:%g %a %n' /var/lib/db /var/lib/db/PG_VERSION; cat /var/lib/db/PG_VERSION";
    let expected = "999:999 700 /var/lib/db\n999:999 600 /var/lib/db/PG_VERSION\n15\n";
    assert_eq!(env.ok(&["run", "--rm", "-v", "pgdata:/var/lib/db", "dbimage", "sh", "-c", stat]), expected);
    // The image's VOLUME gets an anonymous volume, filled the same way.
    assert_eq!(env.ok(&["run", "--name", "anon", "dbimage", "sh", "-c", stat]), expected);
    let names = volume_names(&env);
    assert_eq!(names.len(), 2, "pgdata and one anonymous volume: {names:?}");
    // A volume with content is not filled again.
    env.ok(&["run", "--rm", "-v", "pgdata:/var/lib/db", "busybox", "sh", "-c", "rm /var/lib/db/PG_VERSION"]);
    let after = env.ok(&["run", "--rm", "-v", "pgdata:/var/lib/db", "dbimage", "ls", "-A", "/var/lib/db"]);
    assert_eq!(after, "", "an emptied volume stays as the containers left it");
    env.ok(&["rm", "-v", "anon"]);
    assert_eq!(volume_names(&env), ["pgdata"], "rm -v removes the anonymous volume, not the named one");
}

#[test]
fn a_non_root_user_writes_to_the_volume_the_image_prepared() {
    let env = env_with_images();
    let out = env.ok(&["run", "--rm", "-u", "999:999", "-v", "pg:/var/lib/db", "dbimage", "sh", "-c", "echo row > /var/lib/db/table && cat /var/lib/db/table && id -u"]);
    assert_eq!(out, "row\n999\n");
    // Without the image's directory a new volume is root's: the same user cannot write.
    let (code, err) = env.fails(&["run", "--rm", "-u", "999:999", "-v", "plain:/data", "busybox", "sh", "-c", "echo row > /data/table"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Permission denied"), "{err}");
}

#[test]
fn a_volume_in_use_cannot_be_removed_until_its_container_is_gone() {
    let env = env_with_images();
    env.ok(&["create", "--name", "holder", "-v", "busy:/data", "busybox", "true"]);
    let (code, err) = env.fails(&["volume", "rm", "busy"]);
    assert_eq!(code, 2, "a volume in use");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("volume busy is in use by container holder"), "{err}");
    assert_eq!(volume_names(&env), ["busy"]);
    env.ok(&["rm", "holder"]);
    assert_eq!(env.ok(&["volume", "rm", "busy"]), "busy\n");
    assert!(volume_names(&env).is_empty());
    assert!(!env.root.join("volumes/busy").exists(), "its data is gone too");
    let (code, err) = env.fails(&["volume", "rm", "busy"]);
    assert_eq!(code, 1, "a missing volume: {err}");
    assert!(err.contains("no volume with name \"busy\" found: no such volume"), "{err}");
    env.ok(&["volume", "rm", "-f", "busy"]);
}

#[test]
fn run_rm_takes_anonymous_volumes_and_volumes_from_shares_them() {
    let env = env_with_images();
    env.ok(&["run", "--rm", "-v", "/scratch", "-v", "named:/named", "busybox", "touch", "/scratch/x", "/named/x"]);
    assert_eq!(volume_names(&env), ["named"], "--rm removed only the anonymous volume");
    env.ok(&["create", "--name", "data", "-v", "/shared", "-v", "named:/named", "busybox", "true"]);
    let out = env.ok(&["run", "--rm", "--volumes-from", "data:ro", "busybox", "sh", "-c", "ls /named; touch /shared/y 2>/dev/null || echo read-only"]);
    assert_eq!(out, "x\nread-only\n");
    assert_eq!(volume_names(&env).len(), 2, "the anonymous volume of `data` stays while `data` exists");
    let mounts = env.ok(&["ps", "-a", "--filter", "name=data", "--format", "{{.Mounts}}"]);
    assert!(mounts.contains("named"), "{mounts}");
    env.ok(&["rm", "-v", "data"]);
    assert_eq!(volume_names(&env), ["named"]);
}

#[test]
fn create_ls_inspect_prune_and_system_df() {
    let env = env_with_images();
    assert_eq!(env.ok(&["volume", "create", "--label", "tier=db", "labelled"]), "labelled\n");
    assert_eq!(env.ok(&["volume", "create", "labelled"]), "labelled\n", "creating an existing volume is not an error, as in Docker");
    let host = env.path().join("device");
    std::fs::create_dir(&host).expect("create the device directory");
    std::fs::write(host.join("f"), "on the host\n").expect("write a host file");
    let device = format!("device={}", host.display());
    env.ok(&["volume", "create", "-o", "type=none", "-o", "o=bind", "-o", &device, "bound"]);
    assert_eq!(env.ok(&["run", "--rm", "-v", "bound:/b", "busybox", "cat", "/b/f"]), "on the host\n");
    let (code, err) = env.fails(&["volume", "create", "-o", "type=nfs", "-o", "device=:/x", "-o", "o=addr=10.0.0.1", "nfs"]);
    assert_eq!(code, 125, "{err}");
    let (code, _) = env.fails(&["volume", "create", "no/slashes"]);
    assert_eq!(code, 125);
    assert_eq!(env.ok(&["volume", "ls", "-q", "--filter", "label=tier=db"]), "labelled\n");
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["volume", "inspect", "labelled"])).expect("inspect prints JSON");
    assert_eq!(json[0]["Labels"]["tier"], "db");
    assert!(json[0]["CreatedAt"].as_str().is_some_and(|c| c.ends_with('Z')));
    env.ok(&["run", "--rm", "-v", "labelled:/d", "busybox", "sh", "-c", "head -c 100000 /dev/zero > /d/blob"]);
    env.ok(&["create", "--name", "keep", "-v", "/anon", "busybox", "true"]);
    let df = env.ok(&["system", "df"]);
    let volumes_row = df.lines().find(|l| l.starts_with("Local Volumes")).unwrap_or_default().to_string();
    let cols: Vec<&str> = volumes_row.split_whitespace().collect();
    assert_eq!(&cols[2..5], ["3", "1", "100kB"], "3 volumes, 1 in use, 100kB: {df}");
    assert!(df.lines().any(|l| l.starts_with("Images") && l.split_whitespace().nth(1) == Some("2")), "{df}");
    assert!(df.lines().any(|l| l.starts_with("Containers") && l.split_whitespace().nth(1) == Some("1")), "{df}");
    assert!(env.ok(&["system", "df", "-v"]).contains("labelled"));
    // prune: anonymous unused volumes only, then with --all the named ones.
    env.ok(&["rm", "keep"]);
    let pruned = env.ok(&["volume", "prune", "-f"]);
    assert!(pruned.contains("Deleted Volumes:") && !pruned.contains("labelled"), "{pruned}");
    assert_eq!(volume_names(&env), ["bound", "labelled"]);
    let pruned = env.ok(&["volume", "prune", "-f", "--all"]);
    assert!(pruned.contains("labelled") && pruned.contains("Total reclaimed space: 100kB"), "{pruned}");
    assert!(volume_names(&env).is_empty());
    assert!(host.join("f").exists(), "pruning a bind volume leaves the host directory alone");
}

#[test]
fn system_prune_with_volumes() {
    let env = env_with_images();
    env.ok(&["create", "--name", "stopped", "-v", "/anon", "-v", "named:/n", "busybox", "true"]);
    let out = env.ok(&["system", "prune", "-f", "--volumes"]);
    assert!(out.contains("Deleted Containers:") && out.contains("Deleted Volumes:"), "{out}");
    assert_eq!(env.ok(&["ps", "-aq"]), "");
    assert_eq!(volume_names(&env), ["named"], "named volumes survive system prune");
    assert!(env.ok(&["images", "-q"]).lines().count() == 2, "named images survive without -a");
    env.ok(&["system", "prune", "-f", "-a"]);
    assert_eq!(env.ok(&["images", "-q"]), "", "-a removes images no container uses");
}
