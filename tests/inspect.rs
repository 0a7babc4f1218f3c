//! `pontoon inspect`, `history`, `info` and `version` as a user sees them:
//! Docker's JSON shape and Go templates, Id prefixes, missing and ambiguous
//! names, layer history newest first, and where the store lives.

mod common;

use common::oci::{sha256_hex, LayerBuilder};
use common::{busybox_layout, is_root, load_as, multilayer_layout, TestEnv};
use serde_json::{json, Value};

fn short(id: &str) -> &str {
    &id["sha256:".len().."sha256:".len() + 12]
}

#[test]
fn inspect_prints_docker_json() {
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    load_as(&env, &multilayer_layout(), "multi:1");

    let out = env.ok(&["inspect", "busybox"]);
    let all: Value = serde_json::from_str(&out).expect("inspect prints JSON");
    let list = all.as_array().expect("an array, as Docker prints");
    assert_eq!(list.len(), 1);
    let image = &list[0];
    assert_eq!(image["Id"], id.as_str());
    assert_eq!(image["RepoTags"], json!(["busybox:latest"]));
    assert_eq!(image["RepoDigests"], json!([]));
    assert!(image["Created"].as_str().is_some_and(|c| c.starts_with("2024-01-01T00:00:00")), "{image}");
    assert_eq!(image["Config"]["Cmd"], json!(["sh"]));
    assert_eq!(image["Config"]["Env"], json!(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]));
    assert_eq!(image["Architecture"], "amd64");
    assert_eq!(image["Os"], "linux");
    let busybox_size = std::fs::metadata("/bin/busybox").expect("stat /bin/busybox").len();
    assert!(image["Size"].as_u64().is_some_and(|s| s >= busybox_size), "Size counts the layer: {image}");
    assert_eq!(image["RootFS"]["Type"], "layers");
    assert_eq!(image["RootFS"]["Layers"].as_array().map(Vec::len), Some(1));

    // `image inspect` is the same command; several names give several objects.
    assert_eq!(env.ok(&["image", "inspect", "busybox"]), out);
    let two: Value = serde_json::from_str(&env.ok(&["inspect", "busybox", "multi:1"])).expect("JSON");
    assert_eq!(two[1]["RepoTags"], json!(["multi:1"]));
    assert_eq!(two[1]["RootFS"]["Layers"].as_array().map(Vec::len), Some(4));
}

#[test]
fn inspect_formats() {
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    env.ok(&["tag", "busybox", "mybox:v2"]);

    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]), format!("{id}\n"));
    assert_eq!(env.ok(&["inspect", "-f", "{{.Os}}/{{.Architecture}}", "mybox:v2"]), "linux/amd64\n");
    let config: Value = serde_json::from_str(&env.ok(&["inspect", "--format", "{{json .Config}}", "busybox"])).expect("json .Config is JSON");
    assert_eq!(config["Cmd"], json!(["sh"]));
    assert_eq!(env.ok(&["inspect", "--format", "{{range .RepoTags}}{{.}} {{end}}", "busybox"]), "busybox:latest mybox:v2 \n");
    assert_eq!(env.ok(&["inspect", "--format", "{{len .RootFS.Layers}}", "busybox"]), "1\n");
    // Lists and maps print as Go prints them.
    assert_eq!(env.ok(&["inspect", "--format", "{{.RepoTags}} {{.Config.Cmd}}", "busybox"]), "[busybox:latest mybox:v2] [sh]\n");
    assert_eq!(env.ok(&["images", "--format", "{{.Names}}", "busybox"]), "[busybox:latest mybox:v2]\n");

    let out = env.run(&["inspect", "--format", "{{.Id", "busybox"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(125));
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("template"), "{err}");
    assert!(out.stdout.is_empty(), "nothing printed for a bad template");
}

#[test]
fn inspect_of_missing_names_prints_what_it_found() {
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");

    let out = env.run(&["inspect", "busybox", "nosuch"]);
    assert_eq!(out.status.code(), Some(1), "a missing object");
    let found: Value = serde_json::from_slice(&out.stdout).expect("the found ones as JSON");
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    assert_eq!(found[0]["Id"], id.as_str());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().count() == 1 && err.contains("nosuch"), "{err}");

    let out = env.run(&["inspect", "--format", "{{.Id}}", "nosuch", "busybox"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{id}\n"));

    let out = env.run(&["inspect", "nosuch"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

/// A docker-archive holding two one-layer images whose Ids share their first
/// three hex digits: configs differ only in a label, tried until two collide.
fn ambiguous_archive() -> (Vec<u8>, String, String, String) {
    let mut l = LayerBuilder::new();
    l.file("hello", b"hello\n", 0o644, 0, 0);
    let layer = l.finish();
    let diff_id = format!("sha256:{}", sha256_hex(&layer));
    let config = |n: u32| -> Vec<u8> {
        let c = json!({
            "architecture": "amd64", "os": "linux", "created": "2024-01-01T00:00:00Z",
            "config": { "Cmd": ["/hello"], "Labels": { "n": n.to_string() } },
            "rootfs": { "type": "layers", "diff_ids": [diff_id] },
        });
        serde_json::to_vec(&c).expect("encode config")
    };
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let (a, b) = (0..100_000)
        .find_map(|n| {
            let hex = sha256_hex(&config(n));
            seen.insert(hex[..3].to_string(), n).map(|earlier| (earlier, n))
        })
        .expect("two configs share a 3-digit prefix");
    let mut archive = tar::Builder::new(Vec::new());
    let mut add = |path: &str, data: &[u8]| {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        archive.append_data(&mut h, path, data).expect("append to the archive");
    };
    let (ca, cb) = (config(a), config(b));
    let (ha, hb) = (sha256_hex(&ca), sha256_hex(&cb));
    add("layer.tar", &layer);
    add(&format!("{ha}.json"), &ca);
    add(&format!("{hb}.json"), &cb);
    let manifest = json!([
        { "Config": format!("{ha}.json"), "RepoTags": ["amb:a"], "Layers": ["layer.tar"] },
        { "Config": format!("{hb}.json"), "RepoTags": ["amb:b"], "Layers": ["layer.tar"] },
    ]);
    add("manifest.json", &serde_json::to_vec(&manifest).expect("encode manifest.json"));
    let prefix = ha[..3].to_string();
    (archive.into_inner().expect("finish the archive"), prefix, format!("sha256:{ha}"), format!("sha256:{hb}"))
}

#[test]
fn inspect_by_id_prefix_and_ambiguous_prefixes() {
    let env = TestEnv::new();
    let (archive, prefix, a, b) = ambiguous_archive();
    let path = env.path().join("amb.tar");
    std::fs::write(&path, archive).expect("write amb.tar");
    env.ok(&["load", "-i", &path.display().to_string()]);

    for wanted in [short(&a), &a["sha256:".len()..], &a, &format!("sha256:{}", short(&a))] {
        assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", wanted]), format!("{a}\n"), "inspect {wanted}");
    }
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", short(&b)]), format!("{b}\n"));

    let (code, err) = env.fails(&["inspect", &prefix]);
    assert_eq!((code, err.lines().count()), (125, 1), "{err}");
    assert!(err.contains(&prefix) && err.contains("ambiguous"), "{err}");
    let (code, err) = env.fails(&["rmi", &prefix]);
    assert!(code == 125 && err.contains("ambiguous"), "{err}");
    assert_eq!(env.ok(&["images", "-q"]).lines().count(), 2, "nothing was removed");
}

#[test]
fn history_lists_layers_newest_first() {
    let env = TestEnv::new();
    let id = load_as(&env, &multilayer_layout(), "multi:1");

    let out = env.ok(&["history", "multi:1"]);
    let rows: Vec<&str> = out.lines().collect();
    let header = rows[0];
    let names: Vec<&str> = header.split("   ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(names, ["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"], "{out}");
    assert_eq!(rows.len(), 5, "one row per layer:\n{out}");
    let by = header.find("CREATED BY").expect("CREATED BY column");
    let size = header.find("SIZE").expect("SIZE column");
    let created_by = |row: &str| row.chars().skip(by).take(size - by).collect::<String>().trim().to_string();
    assert!(rows[1].starts_with(short(&id)), "the newest row carries the image Id:\n{out}");
    assert!(created_by(rows[1]).starts_with("RUN mkdir data/olddir"), "newest first:\n{out}");
    assert!(created_by(rows[1]).ends_with('…'), "long commands are cut:\n{out}");
    assert_eq!(created_by(rows[4]), "ADD busybox-static rootfs", "{out}");
    for row in &rows[2..] {
        assert!(row.starts_with("<missing>"), "{out}");
    }
    let base_size: String = rows[4].chars().skip(size).take_while(|c| *c != ' ').collect();
    assert!(base_size.ends_with("MB"), "the busybox layer is megabytes:\n{out}");

    let full = env.ok(&["history", "--no-trunc", "multi:1"]);
    assert!(full.lines().nth(1).is_some_and(|l| l.starts_with(&id)), "full Id:\n{full}");
    assert!(full.contains("RUN mkdir data/olddir && echo c > data/olddir/c.txt"), "full command:\n{full}");

    assert_eq!(env.ok(&["history", "-q", "multi:1"]), format!("{}\n<missing>\n<missing>\n<missing>\n", short(&id)));
    let formatted = env.ok(&["history", "--format", "{{.CreatedBy}}|{{.Size}}", "multi:1"]);
    let last = formatted.lines().last().expect("rows");
    assert!(last.starts_with("ADD busybox-static rootfs|") && last.ends_with("MB"), "{formatted}");

    let (code, err) = env.fails(&["history", "nosuch"]);
    assert!(code == 1 && err.lines().count() == 1 && err.contains("nosuch"), "a missing image: {err}");
}

#[test]
fn info_and_version() {
    let env = TestEnv::new();
    load_as(&env, &busybox_layout(), "busybox:latest");

    let text = env.ok(&["info"]);
    assert!(text.contains(&format!("graphRoot: {}\n", env.root.display())), "{text}");
    assert!(text.contains("imageCount: 1\n"), "{text}");

    let info: Value = serde_json::from_str(&env.ok(&["info", "--format", "json"])).expect("info --format json is JSON");
    // Podman's JSON: camelCase sections and keys, its version section capitalised.
    assert_eq!(info["store"]["graphRoot"], env.root.display().to_string());
    assert_eq!(info["store"]["runRoot"], env.runroot.display().to_string());
    assert!(info["store"]["graphDriverName"].as_str().is_some_and(|d| !d.is_empty()), "{info}");
    assert_eq!(info["host"]["security"]["rootless"], !is_root(), "{info}");
    assert_eq!(info["store"]["imageStore"]["number"], 1);
    assert_eq!(info["version"]["Version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["configFiles"]["containersConf"][0], env.containers_conf.display().to_string(), "the files read are named");
    // Templates: Podman's tree and Docker's top-level fields.
    assert_eq!(env.ok(&["system", "info", "--format", "{{.Store.GraphRoot}}"]).trim(), env.root.display().to_string());
    let docker = env.ok(&["info", "--format", "{{.ServerVersion}}|{{.Driver}}|{{.OSType}}|{{.Images}}|{{.Host.Arch}}|{{.Version.Version}}"]);
    let driver = info["store"]["graphDriverName"].as_str().unwrap_or_default().to_string();
    let v = env!("CARGO_PKG_VERSION");
    assert_eq!(docker.trim(), format!("{v}|{driver}|linux|1|{}|{v}", std::env::consts::ARCH));
    assert!(!env.ok(&["info", "--format", "{{.OperatingSystem}}"]).trim().is_empty());

    let version = env.ok(&["version", "--format", "{{.Client.Version}}"]);
    assert_eq!(version.trim(), env!("CARGO_PKG_VERSION"));
    assert!(env.ok(&["version"]).contains(&format!("Version:     {}", env!("CARGO_PKG_VERSION"))));
    let v: Value = serde_json::from_str(&env.ok(&["version", "--format", "json"])).expect("version json");
    assert_eq!(v["Client"]["Os"], "linux");
}
