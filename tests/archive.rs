//! `pontoon save` and `pontoon load`: docker-archive and oci-archive round
//! trips keep image Ids and names, archives written by skopeo load, and
//! broken or hostile archives fail cleanly without touching the store.

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use common::fixtures::busybox_layer;
use common::oci::sha256_hex;
use common::{busybox_layout, TestEnv};

/// Two images sharing the busybox layer: busybox:latest and other:1.
fn seed(env: &TestEnv) -> (String, String) {
    std::fs::write(env.path().join("rootfs.tar.gz"), busybox_layer().gzip).unwrap();
    let a = env.ok(&["import", "-c", r#"CMD ["sh"]"#, "rootfs.tar.gz", "busybox:latest"]).trim().to_string();
    let b = env.ok(&["import", "-c", "ENV B=2", "rootfs.tar.gz", "other:1"]).trim().to_string();
    (a, b)
}

fn id_of(env: &TestEnv, image: &str) -> String {
    env.ok(&["inspect", "--format", "{{.Id}}", image]).trim().to_string()
}

fn names(env: &TestEnv) -> Vec<String> {
    let mut names: Vec<String> = env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]).lines().map(String::from).collect();
    names.sort();
    names
}

/// Files left in the store's tmp/ (spools of failed loads must be gone).
fn leftovers(env: &TestEnv) -> usize {
    std::fs::read_dir(env.root.join("tmp")).map(|d| d.count()).unwrap_or(0)
}

/// Runs skopeo with a permissive policy kept inside the test env.
fn skopeo(env: &TestEnv, args: &[&str]) {
    let policy = env.path().join("policy.json");
    std::fs::write(&policy, br#"{"default":[{"type":"insecureAcceptAnything"}]}"#).unwrap();
    let out = Command::new("skopeo").arg("--policy").arg(&policy).args(args).output().expect("run skopeo");
    assert!(out.status.success(), "skopeo {args:?}:\n{}", common::describe(&out));
}

fn members(archive: &Path) -> Vec<String> {
    let mut archive = tar::Archive::new(std::fs::File::open(archive).unwrap());
    archive.entries().unwrap().map(|e| e.unwrap().path().unwrap().display().to_string()).collect()
}

/// Rewrites a tar archive, passing each member's name and bytes through `edit`.
fn rewrite(src: &Path, dest: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut archive = tar::Archive::new(std::fs::File::open(src).unwrap());
    let mut out = tar::Builder::new(Vec::new());
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().display().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        let data = edit(&name, data);
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        out.append_data(&mut h, &name, &data[..]).unwrap();
    }
    std::fs::write(dest, out.into_inner().unwrap()).unwrap();
}

#[test]
fn docker_archive_round_trips_several_images() {
    let env = TestEnv::new();
    let (a, b) = seed(&env);
    env.ok(&["save", "-o", "both.tar", "busybox", "other:1"]);
    let listing = members(&env.path().join("both.tar"));
    assert!(listing.contains(&"manifest.json".to_string()) && listing.contains(&"repositories".to_string()), "{listing:?}");
    assert_eq!(listing.iter().filter(|m| m.ends_with("/layer.tar")).count(), 1, "the shared layer is saved once: {listing:?}");
    env.ok(&["rmi", "busybox", "other:1"]);
    assert_eq!(env.ok(&["images", "-q"]), "");
    let out = env.ok(&["load", "-i", "both.tar"]);
    assert_eq!(out, "Loaded image: busybox:latest\nLoaded image: other:1\n");
    assert_eq!((id_of(&env, "busybox"), id_of(&env, "other:1")), (a, b));
    assert_eq!(names(&env), ["busybox:latest", "other:1"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.Cmd}}", "busybox"]).trim(), r#"["sh"]"#);
}

#[test]
fn oci_archive_round_trips_through_a_gzip_pipe() {
    let env = TestEnv::new();
    let (a, b) = seed(&env);
    let saved = env.cmd(&["save", "--format", "oci-archive", "busybox", "other:1"]).output().expect("run save");
    assert!(saved.status.success(), "{}", common::describe(&saved));
    env.ok(&["rmi", "busybox", "other:1"]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&saved.stdout).unwrap();
    let out = env.run_with_input(&["load"], &gz.finish().unwrap());
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Loaded image: busybox:latest\nLoaded image: other:1\n");
    assert_eq!((id_of(&env, "busybox"), id_of(&env, "other:1")), (a, b));
    assert_eq!(names(&env), ["busybox:latest", "other:1"]);
}

#[test]
fn an_image_saved_by_id_loads_without_a_name() {
    let env = TestEnv::new();
    let (a, _) = seed(&env);
    env.ok(&["save", "-o", "byid.tar", &a[7..19]]);
    env.ok(&["rmi", "busybox"]);
    assert_eq!(env.ok(&["load", "-i", "byid.tar"]), format!("Loaded image ID: {a}\n"));
}

#[test]
fn archives_written_by_skopeo_load() {
    let env = TestEnv::new();
    let layout = busybox_layout();
    let manifest = common::fixtures::layout_manifest(&layout);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(layout.join("blobs/sha256").join(&manifest.digest[7..])).unwrap()).unwrap();
    let config_id = manifest["config"]["digest"].as_str().unwrap().to_string();
    let src = format!("oci:{}:latest", layout.display());
    let docker = env.path().join("sk-docker.tar");
    let oci = env.path().join("sk-oci.tar");
    skopeo(&env, &["copy", "-q", &src, &format!("docker-archive:{}:skopeo/docker:1", docker.display())]);
    skopeo(&env, &["copy", "-q", &src, &format!("oci-archive:{}:skopeo/oci:2", oci.display())]);
    assert_eq!(env.ok(&["load", "-q", "-i", "sk-docker.tar"]), "Loaded image: skopeo/docker:1\n");
    assert_eq!(env.ok(&["load", "-i", "sk-oci.tar"]), "Loaded image: skopeo/oci:2\n");
    assert_eq!(id_of(&env, "skopeo/docker:1"), config_id);
    assert_eq!(id_of(&env, "skopeo/oci:2"), config_id);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.Cmd}}", "skopeo/oci:2"]).trim(), r#"["sh"]"#);
}

#[test]
fn truncated_archives_fail_and_leave_the_store_alone() {
    let env = TestEnv::new();
    seed(&env);
    env.ok(&["save", "-o", "whole.tar", "busybox"]);
    // Only an image with another layer stays, so the archive's layer must be read.
    let mut keep = common::oci::LayerBuilder::new();
    keep.file("keep", b"keep\n", 0o644, 0, 0);
    std::fs::write(env.path().join("keep.tar"), keep.finish()).unwrap();
    env.ok(&["import", "keep.tar", "keep:1"]);
    env.ok(&["rmi", "busybox", "other:1"]);
    let before = env.ok(&["images", "-q"]);
    let whole = std::fs::read(env.path().join("whole.tar")).unwrap();
    std::fs::write(env.path().join("half.tar"), &whole[..whole.len() / 2]).unwrap();
    let (code, stderr) = env.fails(&["load", "-i", "half.tar"]);
    assert_eq!(code, 125);
    assert!(stderr.starts_with("Error: load half.tar:") && stderr.contains("truncated"), "{stderr}");
    assert_eq!(stderr.lines().filter(|l| l.starts_with("Error")).count(), 1, "{stderr}");

    // A complete archive whose layer tar inside was cut short.
    rewrite(&env.path().join("whole.tar"), &env.path().join("cutlayer.tar"), |name, data| {
        if name.ends_with("layer.tar") { data[..data.len() / 2].to_vec() } else { data }
    });
    let (code, stderr) = env.fails(&["load", "-i", "cutlayer.tar"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("cutlayer.tar") && stderr.contains("digest mismatch"), "{stderr}");
    assert_eq!(env.ok(&["images", "-q"]), before);
    assert_eq!(names(&env), ["keep:1"]);
    assert_eq!(leftovers(&env), 0, "the spooled archive was removed");
}

#[test]
fn hostile_archives_are_refused() {
    let env = TestEnv::new();
    seed(&env);
    env.ok(&["save", "-o", "good.tar", "busybox"]);
    env.ok(&["rmi", "busybox"]);
    let before = env.ok(&["images", "-q"]);

    // An archive member named ../x.
    let mut good = std::fs::read(env.path().join("good.tar")).unwrap();
    let end = good.len() - 1024;
    good.truncate(end);
    let mut header = tar::Header::new_old();
    header.as_old_mut().name[..4].copy_from_slice(b"../x");
    header.set_size(0);
    header.set_cksum();
    good.extend_from_slice(header.as_bytes());
    good.extend_from_slice(&[0u8; 1024]);
    std::fs::write(env.path().join("dotdot.tar"), &good).unwrap();
    let (code, stderr) = env.fails(&["load", "-i", "dotdot.tar"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("'..'") && stderr.contains("hostile"), "{stderr}");

    // A layer that escapes with ../x, named correctly by the config.
    let layer = common::hostile_tar();
    let diff_id = format!("sha256:{}", sha256_hex(&layer));
    let config = serde_json::json!({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": [diff_id]}});
    let config = serde_json::to_vec(&config).unwrap();
    let manifest = serde_json::json!([{"Config": "c.json", "RepoTags": ["evil:1"], "Layers": ["l/layer.tar"]}]);
    let mut out = tar::Builder::new(Vec::new());
    for (name, data) in [("l/layer.tar", layer), ("c.json", config), ("manifest.json", serde_json::to_vec(&manifest).unwrap())] {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        out.append_data(&mut h, name, &data[..]).unwrap();
    }
    std::fs::write(env.path().join("evil-layer.tar"), out.into_inner().unwrap()).unwrap();
    let (code, stderr) = env.fails(&["load", "-i", "evil-layer.tar"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("..") && stderr.contains("l/layer.tar"), "{stderr}");
    assert_eq!(env.ok(&["images", "-q"]), before);
    assert!(!env.path().join("x").exists() && !env.root.join("layers/x").exists());
    assert_eq!(leftovers(&env), 0);
}

#[test]
fn save_refuses_a_terminal_and_unknown_formats() {
    let env = TestEnv::new();
    seed(&env);
    let (code, stderr) = env.fails(&["save", "--format", "zip", "-o", "x.tar", "busybox"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("docker-archive or oci-archive"), "{stderr}");
    let (_, stderr) = env.fails(&["save", "-o", "x.tar", "nosuch"]);
    assert!(stderr.contains("nosuch"), "{stderr}");
    assert!(!env.path().join("x.tar").exists(), "a failed save leaves no file");
    assert!(std::fs::read_dir(env.path()).unwrap().flatten().all(|e| !e.file_name().to_string_lossy().starts_with(".pontoon-save-")));
    // `script` gives the command a terminal as its standard output.
    if common::skip_unless(Path::new("/usr/bin/script").exists(), "script (util-linux) is not installed") {
        return;
    }
    let line = format!("{} save busybox", common::pontoon_bin().display());
    let pontoon = env.cmd(&[]);
    let mut script = Command::new("script");
    script.args(["-qec", &line, "/dev/null"]).current_dir(env.path());
    for (key, value) in pontoon.get_envs() {
        match value {
            Some(v) => script.env(key, v),
            None => script.env_remove(key),
        };
    }
    let out = script.output().expect("run script");
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cowardly refusing"), "{}", common::describe(&out));
}
