//! `pontoon images`, `tag`, `rmi` and `image prune` as a user sees them:
//! Docker's columns and formats, filters, names coming and going, and
//! removed images taking their blobs and layers with them (but never a
//! layer another image still uses).

mod common;

use common::fixtures::busybox_layer;
use common::{busybox_layout, load_as, multilayer_layout, store_entries, Registry, TestEnv};

/// The text of column `name` in `line`, cut where the header puts the
/// columns: misaligned output yields wrong cells.
fn cell(header: &str, line: &str, name: &str) -> String {
    let start = header.find(name).unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    let after = start + name.len();
    // The next column starts at the first non-space after this one's name.
    let end = header[after..].find(|c: char| c != ' ').map_or(usize::MAX, |i| after + i);
    let chars: Vec<char> = line.chars().collect();
    assert!(start == 0 || chars.get(start - 1) == Some(&' '), "column {name} misaligned in {line:?}");
    let cut = |i: usize| i.min(chars.len());
    chars[cut(start)..cut(end)].iter().collect::<String>().trim().to_string()
}

/// Writes the busybox rootfs as a gzipped tarball for `pontoon import`.
fn rootfs_tarball(env: &TestEnv) -> String {
    let path = env.path().join("rootfs.tar.gz");
    std::fs::write(&path, busybox_layer().gzip).expect("write rootfs.tar.gz");
    path.display().to_string()
}

/// busybox:latest and multi:1 (loaded; the four-layer image shares the busybox
/// base layer), then labeled:1 imported with a label (newest of the three).
fn seed(env: &TestEnv) -> (String, String, String) {
    let busybox = load_as(env, &busybox_layout(), "busybox:latest");
    let multi = load_as(env, &multilayer_layout(), "multi:1");
    let tarball = rootfs_tarball(env);
    let labeled = env.ok(&["import", "--change", "LABEL k=v", "-c", "LABEL other=1", &tarball, "labeled:1"]).trim().to_string();
    (busybox, multi, labeled)
}

fn short(id: &str) -> &str {
    &id["sha256:".len().."sha256:".len() + 12]
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn images_prints_docker_columns_newest_first() {
    let env = TestEnv::new();
    let (busybox, multi, labeled) = seed(&env);
    env.ok(&["tag", "busybox", "mybox:v2"]);

    let out = env.ok(&["images"]);
    let rows = lines(&out);
    let header = rows[0];
    let names: Vec<&str> = header.split("   ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(names, ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], "{out}");
    assert_eq!(rows.len(), 5, "one row per name:\n{out}");
    // The import is newest; the fixtures share one old date, so their order is free.
    assert_eq!(cell(header, rows[1], "REPOSITORY"), "labeled", "{out}");
    assert_eq!(cell(header, rows[1], "CREATED"), "Less than a second ago", "{out}");
    let mut seen = Vec::new();
    for row in &rows[1..] {
        let (repo, tag, id) = (cell(header, row, "REPOSITORY"), cell(header, row, "TAG"), cell(header, row, "IMAGE ID"));
        let want = match repo.as_str() {
            "busybox" | "mybox" => &busybox,
            "multi" => &multi,
            "labeled" => &labeled,
            other => panic!("unexpected repository {other}:\n{out}"),
        };
        assert_eq!(id, short(want), "{out}");
        assert!(cell(header, row, "CREATED").ends_with(" ago"), "{out}");
        assert!(cell(header, row, "SIZE").ends_with("MB"), "busybox-static is megabytes:\n{out}");
        seen.push(format!("{repo}:{tag}"));
    }
    seen.sort();
    assert_eq!(seen, ["busybox:latest", "labeled:1", "multi:1", "mybox:v2"]);

    // -q: each image once, even with two names.
    let quiet = env.ok(&["images", "-q"]);
    let mut ids: Vec<&str> = quiet.lines().collect();
    assert_eq!(ids[0], short(&labeled), "newest first:\n{quiet}");
    ids.sort();
    let mut want = vec![short(&busybox), short(&multi), short(&labeled)];
    want.sort();
    assert_eq!(ids, want, "{quiet}");

    // --no-trunc: full Ids; -q --no-trunc too.
    let full = env.ok(&["images", "--no-trunc", "busybox"]);
    let full_rows = lines(&full);
    assert_eq!(cell(full_rows[0], full_rows[1], "IMAGE ID"), busybox, "{full}");
    assert!(env.ok(&["images", "-q", "--no-trunc"]).lines().any(|l| l == busybox));

    // -a: nothing is intermediate here, so the same rows.
    assert_eq!(env.ok(&["images", "-a"]).lines().count(), 5);
}

#[test]
fn images_digests_column_shows_the_pulled_manifest() {
    let registry = Registry::start();
    let digest = registry.push_layout(&busybox_layout(), "library/busybox:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);
    env.ok(&["pull", "-q", "busybox"]);
    load_as(&env, &multilayer_layout(), "multi:1");

    let out = env.ok(&["images", "--digests"]);
    let rows = lines(&out);
    let names: Vec<&str> = rows[0].split("   ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(names, ["REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE"], "{out}");
    let digest_of = |repo: &str| {
        let row = rows.iter().find(|r| r.starts_with(repo)).unwrap_or_else(|| panic!("no {repo} row:\n{out}"));
        cell(rows[0], row, "DIGEST")
    };
    assert_eq!(digest_of("busybox"), digest, "{out}");
    assert_eq!(digest_of("multi"), "<none>", "a loaded image has no registry digest:\n{out}");
    assert_eq!(env.ok(&["images", "--format", "{{.Digest}}", "busybox"]).trim(), digest);
}

#[test]
fn images_formats() {
    let env = TestEnv::new();
    let (busybox, _, _) = seed(&env);

    let json: serde_json::Value = serde_json::from_str(&env.ok(&["images", "--format", "json"])).expect("--format json is JSON");
    let rows = json.as_array().expect("an array of images");
    assert_eq!(rows.len(), 3);
    let bb = rows.iter().find(|r| r["Repository"] == "busybox").expect("busybox in the JSON");
    assert_eq!(bb["Tag"], "latest");
    assert_eq!(bb["ID"], short(&busybox));

    let mut names: Vec<String> = env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]).lines().map(String::from).collect();
    names.sort();
    assert_eq!(names, ["busybox:latest", "labeled:1", "multi:1"]);

    let table = env.ok(&["images", "--format", "table {{.ID}}\\t{{.Size}}"]);
    let rows = lines(&table);
    assert_eq!(rows[0], format!("IMAGE ID{}SIZE", " ".repeat(12 - "IMAGE ID".len() + 3)), "{table}");
    assert_eq!(rows.len(), 4, "{table}");
    for row in &rows[1..] {
        assert_eq!(row.find(' '), Some(12), "{table}");
        assert!(cell(rows[0], row, "SIZE").ends_with('B'), "{table}");
    }

    let (code, err) = env.fails(&["images", "--format", "{{.ID"]);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
}

#[test]
fn images_filters() {
    let env = TestEnv::new();
    let (_, _, labeled) = seed(&env);
    env.ok(&["tag", "busybox", "mybox:v2"]);
    let dangling = env.ok(&["import", &rootfs_tarball(&env)]).trim().to_string();
    let names = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["images", "--format", "{{.Repository}}:{{.Tag}}"];
        all.extend_from_slice(args);
        let mut v: Vec<String> = env.ok(&all).lines().map(String::from).collect();
        v.sort();
        v
    };

    assert_eq!(names(&[]).len(), 5);
    assert_eq!(names(&["-f", "dangling=true"]), ["<none>:<none>"]);
    assert_eq!(env.ok(&["images", "-q", "-f", "dangling=true"]).trim(), short(&dangling));
    assert_eq!(names(&["--filter", "dangling=false"]), ["busybox:latest", "labeled:1", "multi:1", "mybox:v2"]);
    // Rows are filtered by name: mybox:v2 is the same image but does not match.
    assert_eq!(names(&["-f", "reference=busy*"]), ["busybox:latest"]);
    assert_eq!(names(&["-f", "reference=*box:v2"]), ["mybox:v2"]);
    assert_eq!(names(&["busybox"]), ["busybox:latest"]);
    assert_eq!(names(&["mybox:v2"]), ["mybox:v2"]);
    assert_eq!(names(&["-f", "label=k=v"]), ["labeled:1"]);
    assert_eq!(names(&["-f", "label=other"]), ["labeled:1"]);
    assert!(names(&["-f", "label=k=w"]).is_empty());
    assert_eq!(env.ok(&["images", "-q", "-f", "label=k=v"]).trim(), short(&labeled));
    // Different keys combine.
    assert_eq!(names(&["-f", "dangling=false", "-f", "reference=multi"]), ["multi:1"]);

    for bad in ["bogus=1", "dangling=maybe", "label="] {
        let (code, err) = env.fails(&["images", "-f", bad]);
        assert_eq!(code, 125, "{bad}: {err}");
        assert_eq!(err.lines().count(), 1, "{bad}: one line: {err}");
        assert!(err.contains(bad), "{bad}: the error names the filter: {err}");
    }
}

#[test]
fn tag_then_rmi_untags_and_deletes_the_last_name() {
    let env = TestEnv::new();
    let empty = (store_entries(&env, "blobs/sha256"), store_entries(&env, "layers"));
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    assert!(!store_entries(&env, "layers").is_empty() && !store_entries(&env, "blobs/sha256").is_empty());

    env.ok(&["tag", "busybox", "mybox:v2", "localhost:5000/team/box:1"]);
    let listed = env.ok(&["images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}"]);
    let mut rows: Vec<&str> = listed.lines().collect();
    rows.sort();
    let s = short(&id);
    assert_eq!(rows, [format!("busybox latest {s}"), format!("localhost:5000/team/box 1 {s}"), format!("mybox v2 {s}")]);

    // An Id with several names needs -f.
    let (code, err) = env.fails(&["rmi", s]);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
    assert!(err.contains(s) && err.contains("-f"), "{err}");

    assert_eq!(env.ok(&["rmi", "mybox:v2"]), "Untagged: mybox:v2\n");
    assert_eq!(env.ok(&["image", "rm", "localhost:5000/team/box:1"]), "Untagged: localhost:5000/team/box:1\n");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]).trim(), id, "the image is still there");

    assert_eq!(env.ok(&["rmi", "busybox"]), format!("Untagged: busybox:latest\nDeleted: {id}\n"));
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert_eq!((store_entries(&env, "blobs/sha256"), store_entries(&env, "layers")), empty, "blobs and layers are collected");
}

#[test]
fn rmi_force_removes_an_image_with_several_names() {
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    env.ok(&["tag", "busybox", "mybox:v2"]);
    let out = env.ok(&["rmi", "-f", short(&id)]);
    let mut untagged: Vec<&str> = out.lines().filter(|l| l.starts_with("Untagged: ")).collect();
    untagged.sort();
    assert_eq!(untagged, ["Untagged: busybox:latest", "Untagged: mybox:v2"], "{out}");
    assert_eq!(out.lines().last(), Some(format!("Deleted: {id}").as_str()), "{out}");
    assert!(store_entries(&env, "layers").is_empty() && store_entries(&env, "blobs/sha256").is_empty());
}

#[test]
fn rmi_several_and_missing_images() {
    let env = TestEnv::new();
    let (busybox, multi, labeled) = seed(&env);

    let out = env.ok(&["rmi", "busybox", "multi:1"]);
    assert_eq!(out, format!("Untagged: busybox:latest\nDeleted: {busybox}\nUntagged: multi:1\nDeleted: {multi}\n"));

    let (code, err) = env.fails(&["rmi", "nosuch"]);
    assert_eq!((code, err.lines().count()), (1, 1), "a missing image: {err}");
    assert!(err.contains("nosuch"), "{err}");

    // A missing name does not stop the others.
    let out = env.run(&["rmi", "nosuch", "labeled:1"]);
    assert_eq!(out.status.code(), Some(1), "the one failure was a missing image");
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("Untagged: labeled:1\nDeleted: {labeled}\n"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().count() == 1 && err.contains("nosuch"), "{err}");
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(store_entries(&env, "layers").is_empty());
}

#[test]
fn a_shared_layer_survives_removing_one_image() {
    let env = TestEnv::new();
    load_as(&env, &busybox_layout(), "busybox:latest");
    load_as(&env, &multilayer_layout(), "multi:1");
    let layers_of = |image: &str| -> Vec<String> {
        let out = env.ok(&["inspect", "--format", "{{range .RootFS.Layers}}{{.}} {{end}}", image]);
        out.split_whitespace().map(|d| d.trim_start_matches("sha256:").to_string()).collect()
    };
    let (base, multi) = (layers_of("busybox"), layers_of("multi:1"));
    assert_eq!(base.len(), 1);
    assert_eq!(multi.len(), 4);
    assert_eq!(multi[0], base[0], "the fixtures share the busybox layer");

    env.ok(&["rmi", "busybox"]);
    let left = store_entries(&env, "layers");
    for layer in &multi {
        assert!(left.contains(layer), "layer {layer} of multi:1 was removed: {left:?}");
    }
    assert_eq!(left.len(), 4, "{left:?}");

    // And the image still mounts, base layer included.
    let bin = common::pontoon_bin();
    let script = format!("R=$({0} image mount multi:1) && cat \"$R/data/keep.txt\" && test -x \"$R/bin/busybox\" && {0} image unmount multi:1 >/dev/null", bin.display());
    let out = env.cmd(&["unshare", "sh", "-c", &script]).output().expect("run pontoon unshare");
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "keep\n");
}

#[test]
fn image_prune_removes_dangling_images_then_all() {
    let env = TestEnv::new();
    let (busybox, _, _) = seed(&env);
    let dangling = env.ok(&["import", &rootfs_tarball(&env)]).trim().to_string();
    let count = || env.ok(&["images", "-q"]).lines().count();
    assert_eq!(count(), 4);

    // Without -f it asks; no answer (stdin is empty) keeps everything.
    let out = env.ok(&["image", "prune"]);
    assert!(out.starts_with("WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] "), "{out}");
    assert!(out.ends_with("Total reclaimed space: 0B\n"), "{out}");
    assert_eq!(count(), 4);

    let out = env.ok(&["image", "prune", "-f"]);
    assert_eq!(out.lines().take(2).collect::<Vec<_>>(), ["Deleted Images:", &format!("deleted: {dangling}")], "{out}");
    let reclaimed = out.lines().last().and_then(|l| l.strip_prefix("Total reclaimed space: ")).expect("a reclaimed line");
    assert!(reclaimed.ends_with('B') && reclaimed != "0B", "{out}");
    assert_eq!(count(), 3, "only the dangling image went");
    assert_eq!(env.ok(&["image", "prune", "-f"]), "Total reclaimed space: 0B\n", "nothing left to prune");

    // -a takes every image; the answer may come on stdin.
    let mut child = env
        .cmd(&["image", "prune", "-a"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start pontoon");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), b"y\n").expect("answer y");
    let out = child.wait_with_output().expect("wait for pontoon");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains(&format!("deleted: {busybox}\n")), "{text}");
    let reclaimed = text.lines().last().and_then(|l| l.strip_prefix("Total reclaimed space: ")).expect("a reclaimed line");
    assert!(reclaimed.ends_with("MB"), "the layers are megabytes: {text}");
    assert_eq!(count(), 0);
    assert!(store_entries(&env, "layers").is_empty() && store_entries(&env, "blobs/sha256").is_empty());
}
