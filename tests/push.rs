//! `pontoon push` and `pontoon search` as a user runs them against the
//! harness's real registry: an image loaded from a docker-archive goes up,
//! comes back into another store with the same Id, a second push uploads
//! nothing, `--format v2s2` converts, and the failures name their cause.

mod common;

use common::{busybox_layout, load_as, multilayer_layout, Registry, TestEnv};

/// `TAG: digest: sha256:... size: N` → the digest.
fn printed_digest(stdout: &str, tag: &str) -> String {
    let line = stdout.lines().last().unwrap_or_default();
    let rest = line.strip_prefix(&format!("{tag}: digest: ")).unwrap_or_else(|| panic!("push prints Docker's digest line: {stdout}"));
    let (digest, size) = rest.split_once(" size: ").expect("digest line has a size");
    assert!(size.parse::<u64>().is_ok_and(|n| n > 0), "{line}");
    digest.to_string()
}

/// The digest skopeo reports for a reference on `registry`.
fn skopeo_digest(registry: &Registry, reference: &str) -> String {
    let args = ["inspect".to_string(), "--tls-verify=false".into(), format!("docker://{}/{reference}", registry.addr())];
    let out = registry.skopeo(&args);
    assert!(out.status.success(), "skopeo inspect: {}", common::describe(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("skopeo prints JSON");
    v["Digest"].as_str().expect("skopeo shows a Digest").to_string()
}

#[test]
fn push_a_loaded_image_then_pull_it_into_another_store() {
    let registry = Registry::start();
    let env = TestEnv::new();
    let id = load_as(&env, &multilayer_layout(), "app:1");
    let dest = format!("{}/team/app:1", registry.addr());

    let out = env.run(&["push", "app:1", &dest]);
    assert!(out.status.success(), "{}", common::describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Getting image source signatures"), "{stderr}");
    assert!(stderr.contains("Copying blob sha256:") && stderr.contains(" done"), "{stderr}");
    assert!(stderr.contains("Copying config sha256:"), "{stderr}");
    assert!(stderr.contains("Writing manifest to image destination"), "{stderr}");
    let digest = printed_digest(&stdout, "1");
    assert_eq!(skopeo_digest(&registry, "team/app:1"), digest, "the registry has the digest push printed");
    // The manifest went up as stored: uncompressed layers, OCI media types.
    let manifest = registry.raw_manifest(&format!("team/app@{digest}"));
    assert_eq!(manifest["mediaType"], "application/vnd.oci.image.manifest.v1+json");
    assert_eq!(manifest["layers"][0]["mediaType"], "application/vnd.oci.image.layer.v1.tar");

    let other = TestEnv::new();
    let pulled = other.ok(&["pull", "-q", &dest]);
    assert_eq!(format!("sha256:{}", pulled.trim()), id, "the pulled image is the pushed one");

    // Pushing again sends no blob: every one is reported as already there.
    let uploads = registry.count_requests("POST /v2/team/app/blobs/uploads/");
    assert!(uploads >= 2, "layers and config were uploaded: {}", registry.log_text());
    let again = env.run(&["push", "app:1", &dest]);
    assert!(again.status.success(), "{}", common::describe(&again));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(!stderr.contains(" done"), "nothing is copied twice: {stderr}");
    assert_eq!(stderr.matches("skipped: already exists").count(), manifest["layers"].as_array().unwrap().len() + 1, "{stderr}");
    assert_eq!(registry.count_requests("POST /v2/team/app/blobs/uploads/"), uploads, "second push opened uploads");
    assert_eq!(registry.count_requests("PUT /v2/team/app/blobs/uploads/"), uploads, "second push uploaded blobs");
    assert_eq!(printed_digest(&String::from_utf8_lossy(&again.stdout), "1"), digest);
}

#[test]
fn push_by_name_quietly_and_mount_into_another_repository() {
    let registry = Registry::start();
    let env = TestEnv::new();
    let name = format!("{}/tools/busybox:latest", registry.addr());
    load_as(&env, &busybox_layout(), &name);

    let out = env.run(&["push", "-q", &name]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(out.stderr.is_empty(), "-q shows no progress: {}", String::from_utf8_lossy(&out.stderr));
    let digest = printed_digest(&String::from_utf8_lossy(&out.stdout), "latest");

    // The image's name is on this registry: a push to another repository
    // mounts the blobs from it instead of uploading them.
    let uploads = registry.count_requests("PUT /v2/");
    let copy = env.run(&["image", "push", &name, &format!("docker://{}/mirror/busybox:v1", registry.addr())]);
    assert!(copy.status.success(), "{}", common::describe(&copy));
    let stderr = String::from_utf8_lossy(&copy.stderr);
    assert!(stderr.contains("skipped: mounted from tools/busybox"), "{stderr}");
    assert_eq!(registry.count_requests("PUT /v2/mirror/busybox/blobs/"), 0, "blobs were uploaded again: {stderr}");
    assert_eq!(registry.count_requests("PUT /v2/"), uploads + 1, "only the manifest was PUT");
    assert_eq!(printed_digest(&String::from_utf8_lossy(&copy.stdout), "v1"), digest);
}

#[test]
fn push_format_v2s2_keeps_the_image_id() {
    let registry = Registry::start();
    let env = TestEnv::new();
    let id = load_as(&env, &busybox_layout(), "busybox:latest");
    let dest = format!("{}/library/busybox:docker", registry.addr());
    let out = env.ok(&["push", "--format", "v2s2", "busybox", &dest]);
    let digest = printed_digest(&out, "docker");
    let manifest = registry.raw_manifest(&format!("library/busybox@{digest}"));
    assert_eq!(manifest["mediaType"], "application/vnd.docker.distribution.manifest.v2+json");
    assert_eq!(manifest["config"]["mediaType"], "application/vnd.docker.container.image.v1+json");
    let other = TestEnv::new();
    assert_eq!(format!("sha256:{}", other.ok(&["pull", "-q", &dest]).trim()), id);

    let (code, stderr) = env.fails(&["push", "--format", "v1", "busybox", &dest]);
    assert_eq!(code, 125);
    assert!(stderr.contains("oci or v2s2"), "{stderr}");
}

#[test]
fn push_failures_say_what_is_wrong() {
    let env = TestEnv::new();
    let (code, stderr) = env.fails(&["push", "nosuch:1", "127.0.0.1:5000/nosuch:1"]);
    assert_eq!(code, 1, "a missing image");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("Error: ") && stderr.contains("nosuch:1: image not known"), "{stderr}");

    load_as(&env, &busybox_layout(), "busybox:latest");
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dest = format!("127.0.0.1:{port}/busybox:latest");
    let (code, stderr) = env.fails(&["push", "busybox", &dest]);
    assert_eq!(code, 125);
    assert!(stderr.contains(&format!("registry 127.0.0.1:{port} unreachable")), "{stderr}");

    let (code, stderr) = env.fails(&["push", "busybox", "oci:/tmp/out"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("pontoon save"), "{stderr}");
}

#[test]
fn tls_verify_false_pushes_to_a_registry_whose_certificate_nobody_trusts() {
    let registry = Registry::start_with_tls(None);
    let env = TestEnv::new();
    load_as(&env, &busybox_layout(), "busybox:latest");
    let dest = format!("{}/team/busybox:1", registry.addr());

    let (code, stderr) = env.fails(&["push", "busybox", &dest]);
    assert_eq!(code, 125);
    assert!(stderr.contains("certificate is not trusted") && stderr.contains("--tls-verify=false"), "{stderr}");
    assert_eq!(registry.count_requests("POST /v2/team/busybox/blobs/uploads/"), 0, "nothing was sent: {}", registry.log_text());

    let out = env.ok(&["push", "--tls-verify=false", "busybox", &dest]);
    assert_eq!(skopeo_digest(&registry, "team/busybox:1"), printed_digest(&out, "1"), "the registry has what push printed");

    // --tls-verify=true wants HTTPS even from a loopback registry, trusted or not.
    let plain = Registry::start();
    env.trust_registry(&plain);
    let (code, stderr) = env.fails(&["push", "--tls-verify=true", "busybox", &format!("{}/team/busybox:1", plain.addr())]);
    assert_eq!(code, 125);
    assert!(stderr.contains("does not speak TLS") && stderr.contains("--tls-verify=true demands"), "{stderr}");
    env.ok(&["push", "-q", "busybox", &format!("{}/team/busybox:1", plain.addr())]);
}

#[test]
fn search_lists_matching_repositories_of_a_registry() {
    let registry = Registry::start();
    let layout = busybox_layout();
    for repo in ["library/busybox", "tools/busybox-static", "tools/other"] {
        registry.push_layout(&layout, &format!("{repo}:latest"));
    }
    let env = TestEnv::new();
    let addr = registry.addr();

    let out = env.ok(&["search", &format!("{addr}/busybox")]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("NAME") && lines[0].contains("DESCRIPTION") && lines[0].contains("STARS") && lines[0].contains("OFFICIAL"), "{out}");
    let names: Vec<&str> = lines[1..].iter().map(|l| l.split_whitespace().next().unwrap()).collect();
    assert_eq!(names, [format!("{addr}/library/busybox"), format!("{addr}/tools/busybox-static")], "{out}");

    let limited = env.ok(&["search", "--limit", "1", "--format", "{{.Name}}", &format!("{addr}/busybox")]);
    assert_eq!(limited.lines().count(), 1, "{limited}");

    let json: serde_json::Value = serde_json::from_str(&env.ok(&["search", "--format", "json", &format!("{addr}/other")])).unwrap();
    assert_eq!(json[0]["Name"], format!("{addr}/tools/other"));
    assert_eq!(json[0]["Index"], addr.as_str());

    let none = env.ok(&["search", &format!("{addr}/nothing-like-this")]);
    assert_eq!(none.lines().count(), 1, "only the header: {none}");

    // Without a registry in the term, the search registries are asked.
    env.write_registries_conf(&format!("unqualified-search-registries = [\"{addr}\"]\n"));
    let found = env.ok(&["search", "--format", "{{.Name}}", "other"]);
    assert_eq!(found.trim(), format!("{addr}/tools/other"));
}
