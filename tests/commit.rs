//! `pontoon commit`, as a user types it: a container changes files, commit
//! makes an image of them, and containers of that image see the changes;
//! `-c`, `-m` and `-a` shape the new image, a name moves to it, a running
//! container is paused while its files are read.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use common::TestEnv;

/// The names in the tar of `image`'s top layer, from `pontoon save`.
fn top_layer_entries(env: &TestEnv, image: &str) -> (Vec<String>, Vec<u8>) {
    let layers: Vec<String> = serde_json::from_str(&env.ok(&["inspect", "--format", "{{json .RootFS.Layers}}", image])).expect("layers as JSON");
    let top = layers.last().expect("the image has layers").trim_start_matches("sha256:").to_string();
    let archive = env.path().join(format!("{}.tar", image.replace([':', '/'], "-")));
    env.ok(&["save", "-o", archive.to_str().expect("utf-8 path"), image]);
    let mut tar = tar::Archive::new(std::fs::File::open(&archive).expect("open the saved archive"));
    for entry in tar.entries().expect("read the saved archive") {
        let mut entry = entry.expect("read an archive entry");
        if entry.path().expect("an entry name") == Path::new(&format!("{top}/layer.tar")) {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("read the layer");
            let mut layer = tar::Archive::new(&bytes[..]);
            let names = layer
                .entries()
                .expect("read the layer tar")
                .map(|e| String::from_utf8(e.expect("a layer entry").path_bytes().into_owned()).expect("utf-8 name"))
                .collect();
            return (names, bytes);
        }
    }
    panic!("no {top}/layer.tar in the archive of {image}");
}

/// The container paths a layer's entries stand for, as `diff` names them:
/// `a/.wh.b` is the deleted `/a/b`, the opaque marker stands for its directory.
fn paths_of(entries: &[String]) -> BTreeSet<String> {
    entries
        .iter()
        .map(|name| {
            let name = name.trim_end_matches('/');
            let (dir, base) = name.rsplit_once('/').map_or(("", name), |(d, b)| (d, b));
            let base = if base == ".wh..wh..opq" { "" } else { base.strip_prefix(".wh.").unwrap_or(base) };
            let path = [dir, base].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("/");
            format!("/{path}")
        })
        .collect()
}

fn image_ids(env: &TestEnv) -> BTreeSet<String> {
    env.ok(&["images", "-q", "--no-trunc"]).lines().map(String::from).collect()
}

#[test]
fn commit_makes_an_image_of_what_the_container_changed() {
    let env = TestEnv::with_busybox();
    let script = "echo hello > /hello.txt; mkdir -p /data/sub; echo x > /data/sub/f; chown -R 1000:100 /data; chmod 4750 /data/sub/f; rm /bin/ls; echo m >> /etc/passwd";
    env.ok(&["run", "--name", "c", "busybox", "sh", "-c", script]);
    let diff = env.ok(&["diff", "c"]);
    assert_eq!(diff, "C /bin\nD /bin/ls\nA /data\nA /data/sub\nA /data/sub/f\nC /etc\nC /etc/passwd\nA /hello.txt\n");

    let id = env.ok(&["commit", "c", "snap:1"]);
    let id = id.trim();
    assert!(id.starts_with("sha256:") && id.len() == 71, "commit prints the full Id, as Docker does: {id}");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "snap:1"]).trim(), id);
    assert_eq!(env.ok(&["inspect", "--format", "{{len .RootFS.Layers}}", "snap:1"]).trim(), "2", "busybox's layer and the new one");

    let seen = env.ok(&["run", "--rm", "snap:1", "sh", "-c", "cat /hello.txt /data/sub/f; tail -n1 /etc/passwd; test -e /bin/ls && echo ls-there || echo ls-gone"]);
    assert_eq!(seen, "hello\nx\nm\nls-gone\n");
    // Owners and modes as the container set them (rootless too: the ids
    // on disk are the container's, mapped through the user namespace).
    assert_eq!(env.ok(&["run", "--rm", "snap:1", "stat", "-c", "%u:%g %a", "/data", "/data/sub/f"]), "1000:100 755\n1000:100 4750\n");

    // The layer holds exactly what `diff` lists: no mount point the runtime made.
    let (entries, layer) = top_layer_entries(&env, "snap:1");
    let diffed: BTreeSet<String> = diff.lines().map(|l| l[2..].to_string()).collect();
    assert_eq!(paths_of(&entries), diffed, "layer entries: {entries:?}");
    assert!(entries.contains(&"bin/.wh.ls".to_string()), "{entries:?}");
    // Any tar reads it: GNU tar lists the same entries.
    let file = env.path().join("layer.tar");
    std::fs::write(&file, &layer).unwrap();
    let listed = env.host("tar", &["-tf", file.to_str().unwrap()]).output().expect("run tar");
    assert!(listed.status.success(), "{}", common::describe(&listed));
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().collect::<Vec<_>>(), entries);

    let history = env.ok(&["history", "--no-trunc", "--format", "{{.CreatedBy}}", "snap:1"]);
    assert_eq!(history.lines().next(), Some(format!("sh -c {script}").as_str()), "Docker's created_by is the container's command: {history}");
}

#[test]
fn changes_message_and_author_shape_the_new_image() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "c", "-e", "FROM_RUN=1", "-w", "/tmp", "busybox", "sh", "-c", "echo ok > /tmp/out"]);
    env.ok(&["commit", "-c", r#"CMD ["cat", "out"]"#, "--change", "ENV GREETING=hi", "-c", "EXPOSE 8080", "-m", "my message", "-a", "Jane <jane@example.com>", "c", "shaped:1"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.Cmd}}", "shaped:1"]).trim(), r#"["cat","out"]"#);
    let env_list: Vec<String> = serde_json::from_str(&env.ok(&["inspect", "--format", "{{json .Config.Env}}", "shaped:1"])).unwrap();
    assert!(env_list.contains(&"FROM_RUN=1".to_string()) && env_list.contains(&"GREETING=hi".to_string()), "{env_list:?}");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Config.WorkingDir}}", "shaped:1"]).trim(), "/tmp", "what run was given is kept");
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.ExposedPorts}}", "shaped:1"]).trim(), r#"{"8080/tcp":{}}"#);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Comment}}", "shaped:1"]).trim(), "my message");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Author}}", "shaped:1"]).trim(), "Jane <jane@example.com>");
    assert_eq!(env.ok(&["history", "--format", "{{.Comment}}", "shaped:1"]).lines().next(), Some("my message"));
    assert_eq!(env.ok(&["run", "--rm", "shaped:1"]), "ok\n", "the new CMD runs in the kept working directory");
}

#[test]
fn commit_into_a_name_in_use_moves_the_name() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "one", "busybox", "sh", "-c", "echo 1 > /v"]);
    env.ok(&["run", "--name", "two", "busybox", "sh", "-c", "echo 2 > /v"]);
    let first = env.ok(&["commit", "one", "app"]);
    assert_eq!(env.ok(&["run", "--rm", "app:latest", "cat", "/v"]), "1\n", "no tag means latest");
    let second = env.ok(&["commit", "two", "app:latest"]);
    assert_ne!(first, second);
    assert_eq!(env.ok(&["run", "--rm", "app", "cat", "/v"]), "2\n");
    assert_eq!(env.ok(&["inspect", "--format", "{{json .RepoTags}}", first.trim()]).trim(), "[]", "the first image is dangling now");
    // Without a name, a dangling image.
    let unnamed = env.ok(&["commit", "one"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .RepoTags}}", unnamed.trim()]).trim(), "[]");
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}", "app"]).trim(), "app:latest");
}

#[test]
fn a_running_container_is_paused_for_the_commit_and_resumed() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "live", "busybox", "sh", "-c", "echo started > /state; exec sleep 1000"]);
    assert!(common::wait_until(10, || env.run(&["exec", "live", "cat", "/state"]).status.success()), "the container wrote its file");
    env.ok(&["commit", "live", "live:1"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}}", "live"]).trim(), "running", "resumed after the commit");
    assert_eq!(env.ok(&["exec", "live", "echo", "alive"]), "alive\n");
    assert_eq!(env.ok(&["run", "--rm", "live:1", "cat", "/state"]), "started\n");
    // Without pausing, and of a container the user paused: it stays paused.
    env.ok(&["commit", "--pause=false", "live", "live:2"]);
    env.ok(&["pause", "live"]);
    env.ok(&["commit", "live", "live:3"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}}", "live"]).trim(), "paused");
    env.ok(&["unpause", "live"]);
    assert_eq!(env.ok(&["run", "--rm", "live:3", "cat", "/state"]), "started\n");
    env.ok(&["rm", "-f", "live"]);
}

#[test]
fn a_container_that_changed_nothing_adds_an_empty_history_entry_and_no_layer() {
    let env = TestEnv::with_busybox();
    // Its runtime made mount points (/etc/hosts...): they are no change.
    env.ok(&["run", "--name", "ran", "busybox", "true"]);
    env.ok(&["create", "--name", "created", "busybox", "true"]);
    assert_eq!(env.ok(&["diff", "ran"]), "");
    for name in ["ran", "created"] {
        let image = format!("same-{name}");
        env.ok(&["commit", "-m", "nothing", name, &image]);
        assert_eq!(
            env.ok(&["inspect", "--format", "{{json .RootFS.Layers}}", &image]),
            env.ok(&["inspect", "--format", "{{json .RootFS.Layers}}", "busybox"]),
            "no layer added for {name}"
        );
        let rows = env.ok(&["history", "--format", "{{.CreatedBy}}|{{.Size}}|{{.Comment}}", &image]);
        assert_eq!(rows.lines().next(), Some("true|0B|nothing"), "{rows}");
        assert_eq!(rows.lines().count(), 2, "busybox's row and the commit's: {rows}");
    }
}

#[test]
fn a_bad_change_fails_in_one_line_and_makes_no_image() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "c", "busybox", "sh", "-c", "echo x > /x"]);
    let before = image_ids(&env);
    let (code, stderr) = env.fails(&["commit", "-c", "RUN rm -rf /", "c", "bad:1"]);
    assert_eq!(code, 125);
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
    assert!(stderr.contains("RUN is not supported") && stderr.contains("CMD, ENTRYPOINT"), "{stderr}");
    let (code, stderr) = env.fails(&["commit", "-c", "EXPOSE http", "c"]);
    assert_eq!((code, stderr.trim().lines().count()), (125, 1), "{stderr}");
    assert_eq!(image_ids(&env), before);
    let (code, stderr) = env.fails(&["commit", "nope", "x:1"]);
    assert!(code != 0 && stderr.contains("no container with name or ID \"nope\" found: no such container"), "{code} {stderr}");
    let (code, stderr) = env.fails(&["commit", "c", "Bad Name"]);
    assert!(code != 0 && stderr.contains("invalid reference format"), "{code} {stderr}");
    assert_eq!(image_ids(&env), before);
}

#[test]
fn the_vfs_driver_cannot_commit_and_says_so() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "c", "busybox", "true"]);
    let out = env.cmd(&["commit", "c", "x:1"]).env("PONTOON_STORAGE_DRIVER", "vfs").output().expect("run pontoon");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("commit needs an overlay storage driver"), "{stderr}");
}
