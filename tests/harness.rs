//! Checks the test harness itself, independently of pontoon's own commands:
//! the registry starts and answers, fixtures push with skopeo and have the
//! shape the other tests rely on, and a test env runs the binary.

mod common;

use common::{busybox_layout, multiarch_layout, multilayer_layout, Registry, TestEnv, MULTILAYER_LAYERS};

#[test]
fn registry_answers_and_takes_a_pushed_busybox() {
    let registry = Registry::start();
    let digest = registry.push_layout(&busybox_layout(), "library/busybox:latest");
    assert!(digest.starts_with("sha256:"), "skopeo digest: {digest}");
    let manifest = registry.raw_manifest("library/busybox:latest");
    assert_eq!(manifest["layers"].as_array().map(Vec::len), Some(1), "manifest: {manifest}");
    assert!(registry.count_requests("PUT /v2/library/busybox/manifests/latest") >= 1, "log:\n{}", registry.log_text());
}

#[test]
fn multilayer_fixture_has_all_its_layers() {
    let registry = Registry::start();
    registry.push_layout(&multilayer_layout(), "test/multilayer:1");
    let manifest = registry.raw_manifest("test/multilayer:1");
    assert_eq!(manifest["layers"].as_array().map(Vec::len), Some(MULTILAYER_LAYERS), "manifest: {manifest}");
}

#[test]
fn multiarch_fixture_pushes_as_an_index() {
    let registry = Registry::start();
    let layout = multiarch_layout();
    let digest = registry.push_layout(&layout.dir, "test/multiarch:latest");
    assert_eq!(digest, layout.index_digest);
    let index = registry.raw_manifest("test/multiarch:latest");
    let digests: Vec<&str> = index["manifests"].as_array().into_iter().flatten().filter_map(|m| m["digest"].as_str()).collect();
    assert_eq!(digests, [layout.amd64_digest.as_str(), layout.arm64_digest.as_str()]);
    let arm = registry.raw_manifest(&format!("test/multiarch@{}", layout.arm64_digest));
    assert_eq!(arm["layers"].as_array().map(Vec::len), Some(1));
}

#[test]
fn basic_auth_registry_refuses_strangers_and_takes_its_user() {
    let registry = Registry::start_with_basic_auth("tester", "s3cret");
    let url = format!("http://{}/v2/", registry.addr());
    match ureq::get(&url).call() {
        Err(ureq::Error::Status(401, _)) => {}
        other => panic!("anonymous GET /v2/ should be 401, got {other:?}"),
    }
    registry.push_layout(&busybox_layout(), "private/busybox:latest");
    assert_eq!(registry.raw_manifest("private/busybox:latest")["layers"].as_array().map(Vec::len), Some(1));
}

#[test]
fn test_env_runs_pontoon_in_its_own_store() {
    let env = TestEnv::new();
    let version = env.ok(&["version", "--format", "{{.Client.Version}}"]);
    assert_eq!(version.trim(), env!("CARGO_PKG_VERSION"));
    let (code, stderr) = env.fails(&["no-such-command"]);
    assert_eq!(code, 125, "stderr: {stderr}");
}

/// Builds the benchmark images for scripts/bench.sh, which runs it with
/// `--ignored --exact bench_fixture` and reads the `BENCH_LAYOUT=` line
/// (PONTOON_BENCH_MB MiB in 5 layers) and the `BENCH_LAYERED_LAYOUT=` line
/// (the postgres-like image: 7 layers, 6 of PONTOON_BENCH_LAYER_MB MiB).
#[test]
#[ignore]
fn bench_fixture() {
    let mb = std::env::var("PONTOON_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(128);
    let dir = common::large_layout(mb);
    let blobs: u64 = std::fs::read_dir(dir.join("blobs/sha256"))
        .expect("read the layout's blobs")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    assert!(blobs >= (mb as u64) << 20, "layout has only {blobs} bytes of blobs");
    println!("BENCH_LAYOUT={}", dir.display());
    let layer_mb = std::env::var("PONTOON_BENCH_LAYER_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let layered = common::layered_layout(layer_mb);
    println!("BENCH_LAYERED_LAYOUT={}", layered.display());
}
