//! Manifest lists as a user builds a multi-arch image: two images of
//! different architectures made into one list, inspected, annotated,
//! pushed to a registry with their images, and pulled back per platform.

mod common;

use common::{multiarch_layout, MultiarchLayout, Registry, TestEnv};
use serde_json::Value;

/// A store with the fixture's amd64 and arm64 images as `img:amd64` and
/// `img:arm64`, and the registry they came from.
fn env_with_two_arches() -> (TestEnv, Registry, MultiarchLayout) {
    let registry = Registry::start();
    let layout = multiarch_layout();
    registry.push_layout(&layout.dir, "src/multi:latest");
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let source = format!("{}/src/multi:latest", registry.addr());
    for arch in ["amd64", "arm64"] {
        env.ok(&["pull", "-q", "--platform", &format!("linux/{arch}"), &source]);
        env.ok(&["tag", &source, &format!("img:{arch}")]);
    }
    (env, registry, layout)
}

fn inspect(env: &TestEnv, list: &str) -> Value {
    serde_json::from_str(&env.ok(&["manifest", "inspect", list])).expect("manifest inspect prints JSON")
}

fn entry<'a>(index: &'a Value, arch: &str) -> &'a Value {
    index["manifests"].as_array().expect("manifests").iter().find(|m| m["platform"]["architecture"] == arch).unwrap_or_else(|| panic!("no {arch} entry in {index}"))
}

#[test]
fn a_list_of_two_arches_is_made_annotated_and_trimmed() {
    let (env, _registry, layout) = env_with_two_arches();
    let id = env.ok(&["manifest", "create", "mylist", "img:amd64"]);
    assert_eq!(id.trim().len(), 64, "{id}");
    env.ok(&["manifest", "exists", "mylist"]);
    assert_eq!(env.fails(&["manifest", "exists", "nolist"]).0, 1);
    assert_eq!(env.ok(&["manifest", "add", "mylist", "img:arm64"]), id, "add prints the list's Id");
    let index = inspect(&env, "mylist");
    assert_eq!(index["schemaVersion"], 2);
    assert_eq!(index["mediaType"], "application/vnd.docker.distribution.manifest.list.v2+json");
    assert_eq!(entry(&index, "amd64")["digest"], layout.amd64_digest.as_str());
    assert_eq!(entry(&index, "arm64")["digest"], layout.arm64_digest.as_str());
    assert_eq!(entry(&index, "arm64")["platform"]["os"], "linux");
    assert_eq!(inspect(&env, "localhost/mylist:latest"), index, "the full name is the same list");

    env.ok(&["manifest", "annotate", "--variant", "v8", "--annotation", "team=infra", "mylist", &layout.arm64_digest]);
    let index = inspect(&env, "mylist");
    assert_eq!(entry(&index, "arm64")["platform"]["variant"], "v8");
    assert_eq!(entry(&index, "arm64")["annotations"]["team"], "infra");

    env.ok(&["manifest", "remove", "mylist", &layout.amd64_digest]);
    let index = inspect(&env, "mylist");
    assert_eq!(index["manifests"].as_array().map(Vec::len), Some(1));
    env.ok(&["image", "exists", "img:amd64"]);

    let (code, err) = env.fails(&["manifest", "create", "mylist"]);
    assert_eq!(code, 125);
    assert!(err.contains("already exists") && err.contains("--amend"), "{err}");
    env.ok(&["manifest", "create", "--amend", "mylist", "img:amd64"]);
    assert_eq!(inspect(&env, "mylist")["manifests"].as_array().map(Vec::len), Some(2));

    let rm = env.ok(&["manifest", "rm", "mylist"]);
    assert_eq!(rm, format!("Untagged: localhost/mylist:latest\nDeleted: {id}"));
    assert_eq!(env.fails(&["manifest", "exists", "mylist"]).0, 1);
    env.ok(&["image", "exists", "img:arm64"]);
}

#[test]
fn a_pushed_list_pulls_back_as_each_platform() {
    let (env, registry, layout) = env_with_two_arches();
    env.ok(&["manifest", "create", "app", "img:amd64", "img:arm64"]);
    let dest = format!("{}/team/app:1", registry.addr());
    let pushed = env.ok(&["manifest", "push", "-q", "--format", "oci", "app", &format!("docker://{dest}")]);
    let raw = registry.raw_manifest("team/app:1");
    assert_eq!(raw["mediaType"], "application/vnd.oci.image.index.v1+json");
    assert_eq!(raw["manifests"].as_array().map(Vec::len), Some(2), "{raw}");
    assert!(pushed.trim().starts_with("sha256:"), "{pushed}");
    // The images went along, by digest.
    assert_eq!(registry.raw_manifest(&format!("team/app@{}", layout.arm64_digest))["layers"].as_array().map(Vec::len), Some(1));

    let fresh = TestEnv::new();
    fresh.trust_registry(&registry);
    fresh.ok(&["pull", "-q", "--platform", "linux/arm64", &dest]);
    assert_eq!(fresh.ok(&["inspect", "--format", "{{.Architecture}}", &dest]).trim(), "arm64");
    fresh.ok(&["pull", "-q", "--platform", "linux/amd64", &dest]);
    assert_eq!(fresh.ok(&["inspect", "--format", "{{.Architecture}}", &dest]).trim(), "amd64");
    // A remote list is inspected as the registry has it.
    let remote: Value = serde_json::from_str(&fresh.ok(&["manifest", "inspect", &format!("docker://{dest}")])).expect("JSON");
    assert_eq!(remote["manifests"], raw["manifests"]);
}

#[test]
fn an_index_on_a_registry_is_added_whole_with_all() {
    let (env, registry, layout) = env_with_two_arches();
    env.ok(&["manifest", "create", "remote"]);
    let source = format!("docker://{}/src/multi:latest", registry.addr());
    env.ok(&["manifest", "add", "--all", "remote", &source]);
    let index = inspect(&env, "remote");
    assert_eq!(entry(&index, "amd64")["digest"], layout.amd64_digest.as_str());
    assert_eq!(entry(&index, "arm64")["digest"], layout.arm64_digest.as_str());
    env.ok(&["manifest", "create", "one"]);
    env.ok(&["manifest", "add", "--arch", "arm64", "one", &source]);
    let index = inspect(&env, "one");
    assert_eq!(index["manifests"].as_array().map(Vec::len), Some(1));
    assert_eq!(index["manifests"][0]["digest"], layout.arm64_digest.as_str());
    // Pushed elsewhere with its images, copied from where they were.
    env.ok(&["rmi", "-f", "img:arm64", "img:amd64"]);
    env.ok(&["manifest", "push", "-q", "remote", &format!("{}/copy/multi:v1", registry.addr())]);
    assert_eq!(registry.raw_manifest(&format!("copy/multi@{}", layout.arm64_digest))["layers"].as_array().map(Vec::len), Some(1));
}

#[test]
fn bad_input_is_refused_in_one_line() {
    let (env, _registry, _) = env_with_two_arches();
    env.ok(&["manifest", "create", "l"]);
    for (args, expected) in [
        (&["manifest", "inspect", "nolist"][..], "no such manifest list"),
        (&["manifest", "add", "nolist", "img:amd64"], "no such manifest list"),
        (&["manifest", "annotate", "--arch", "arm", "l", "sha256:0000"], "has no entry"),
        (&["manifest", "remove", "l", "sha256:0000"], "has no entry"),
        (&["manifest", "rm", "nolist"], "no such manifest list"),
        (&["manifest", "push", "--format", "v3", "l", "127.0.0.1:1/x:1"], "invalid --format"),
        (&["manifest", "create", "Bad:Name:x"], "invalid manifest list name"),
        (&["manifest", "create", "img:amd64"], "already the name of image"),
        (&["manifest", "annotate", "--annotation", "=x", "l", "sha256:0000"], "--annotation"),
    ] {
        let (code, err) = env.fails(args);
        assert_eq!(code, 125, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: one line: {err}");
    }
}
