//! Putting fixture images into a test env's store the way a user would: an
//! OCI layout becomes a docker-archive (via skopeo) that `pontoon load`
//! reads, so the image arrives with its name; and a look at the store's
//! blobs/ and layers/ directories for garbage-collection checks.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use super::env::{describe, TestEnv};

/// Loads the OCI layout `layout` as `name` (e.g. `busybox:latest`) and
/// returns the image Id (`sha256:...`).
pub fn load_as(env: &TestEnv, layout: &Path, name: &str) -> String {
    let policy = env.path().join("policy.json");
    std::fs::write(&policy, br#"{"default":[{"type":"insecureAcceptAnything"}]}"#).expect("write the skopeo policy");
    let archive = env.path().join(format!("{}.tar", name.replace([':', '/'], "_")));
    let _ = std::fs::remove_file(&archive); // skopeo refuses to overwrite
    let out = Command::new("skopeo")
        .arg("--policy")
        .arg(&policy)
        .args(["copy", "-q", &format!("oci:{}", layout.display()), &format!("docker-archive:{}:{name}", archive.display())])
        .output()
        .expect("run skopeo (install skopeo)");
    assert!(out.status.success(), "skopeo copy {}:\n{}", layout.display(), describe(&out));
    let loaded = env.ok(&["load", "-i", &archive.display().to_string()]);
    assert!(loaded.contains(&format!("Loaded image: {name}")), "load names the image:\n{loaded}");
    env.ok(&["inspect", "--format", "{{.Id}}", name]).trim().to_string()
}

/// The names in `<store root>/<sub>` (e.g. `blobs/sha256`, `layers`); empty
/// when the directory does not exist yet.
pub fn store_entries(env: &TestEnv, sub: &str) -> BTreeSet<String> {
    std::fs::read_dir(env.root.join(sub))
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}
