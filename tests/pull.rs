//! `pontoon pull` as a user runs it: through a docker.io mirror (the
//! harness's real registry), by digest, multi-arch, and every way it can
//! fail, each leaving the store as it was. Token auth, corrupt blobs and a
//! pull killed mid-download use a tiny HTTP registry in this file
//! (`fake::FakeRegistry`), which can do what a real one won't.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{busybox_layout, multiarch_layout, Registry, TestEnv};
use fake::{FakeImage, FakeRegistry};

/// Every file path under the store's blobs/ and layers/ directories.
fn store_files(env: &TestEnv) -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            out.insert(e.path().display().to_string());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&e.path(), out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&env.root.join("blobs"), &mut out);
    walk(&env.root.join("layers"), &mut out);
    out
}

/// Runs a pull that must fail: exit 125, one `Error:` line naming
/// `needle`, and no new image, blob or layer.
fn pull_fails_cleanly(env: &TestEnv, args: &[&str], needle: &str) -> String {
    let images_before = env.ok(&["images", "-q"]);
    let files_before = store_files(env);
    let (code, stderr) = env.fails(args);
    assert_eq!(code, 125, "stderr: {stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("Error:")).collect();
    assert_eq!(errors.len(), 1, "one error line expected: {stderr}");
    assert!(errors[0].contains(needle), "error should mention {needle:?}: {stderr}");
    assert_eq!(env.ok(&["images", "-q"]), images_before, "images changed");
    assert_eq!(store_files(env), files_before, "blobs/ or layers/ changed");
    errors[0].to_string()
}

#[test]
fn pull_busybox_through_a_docker_io_mirror() {
    let registry = Registry::start();
    let digest = registry.push_layout(&busybox_layout(), "library/busybox:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);

    let out = env.run(&["pull", "busybox"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(id.len(), 64, "stdout is the image Id: {id}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Trying to pull docker.io/library/busybox:latest..."), "{stderr}");
    assert!(stderr.contains("Copying blob sha256:") && stderr.contains(" done"), "{stderr}");
    assert!(stderr.contains("Writing manifest to image destination"), "{stderr}");

    let images = env.ok(&["images", "--format", "{{.Repository}} {{.Tag}} {{.ID}}"]);
    assert_eq!(images.trim(), format!("busybox latest {}", &id[..12]));
    let repo_digests = env.ok(&["inspect", "--format", "{{.RepoDigests}}", "busybox"]);
    assert!(repo_digests.contains(&format!("busybox@{digest}")), "{repo_digests}");

    // Pulling again downloads no blob.
    let blob_gets = registry.count_requests("GET /v2/library/busybox/blobs/");
    assert!(blob_gets >= 2, "config and layer were fetched: {}", registry.log_text());
    let again = env.run(&["pull", "busybox"]);
    assert!(again.status.success(), "{}", common::describe(&again));
    assert!(String::from_utf8_lossy(&again.stderr).contains("skipped: already exists"));
    assert_eq!(registry.count_requests("GET /v2/library/busybox/blobs/"), blob_gets, "second pull fetched blobs");

    // By digest: the same image, recorded by repo digest only.
    let by_digest = env.ok(&["pull", "-q", &format!("busybox@{digest}")]);
    assert_eq!(by_digest.trim(), id, "-q prints only the Id");
}

#[test]
fn multi_arch_index_resolves_to_the_host_or_the_asked_platform() {
    let registry = Registry::start();
    let layout = multiarch_layout();
    registry.push_layout(&layout.dir, "library/multi:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);

    env.ok(&["pull", "-q", "multi"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Architecture}}", "multi"]).trim(), "amd64");
    let repo_digests = env.ok(&["inspect", "--format", "{{.RepoDigests}}", "multi"]);
    assert!(repo_digests.contains(&layout.index_digest), "the index digest is the repo digest: {repo_digests}");

    env.ok(&["pull", "-q", "--platform", "linux/arm64", "multi"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Architecture}}", "multi"]).trim(), "arm64");

    pull_fails_cleanly(&env, &["pull", "--platform", "linux/s390x", "multi"], "no image for platform linux/s390x");
}

#[test]
fn failures_are_one_line_and_leave_the_store_alone() {
    let registry = Registry::start();
    registry.push_layout(&busybox_layout(), "library/busybox:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);
    env.ok(&["pull", "-q", "busybox"]);

    pull_fails_cleanly(&env, &["pull", "Bad:Name"], "invalid reference format");
    let addr = registry.addr();
    pull_fails_cleanly(&env, &["pull", &format!("{addr}/library/nosuch:1")], &format!("manifest unknown: image nosuch:1 does not exist in {addr}"));
    // Through the mirror the origin (no internet here) fails too, and the
    // mirror's answer is still shown.
    pull_fails_cleanly(&env, &["pull", "busybox:nosuch"], "manifest unknown");
    pull_fails_cleanly(&env, &["pull", "127.0.0.1:1/x"], "registry 127.0.0.1:1 unreachable: connection refused");

    env.write_registries_conf("[[registry]\n");
    pull_fails_cleanly(&env, &["pull", "busybox"], "registries.conf line 1");
}

#[test]
fn docker_schema2_images_and_all_tags() {
    let registry = Registry::start();
    registry.push_layout_docker_v2(&busybox_layout(), "team/tools:1");
    registry.push_layout(&busybox_layout(), "team/tools:2");
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let name = format!("{}/team/tools", registry.addr());

    env.ok(&["pull", "-q", &format!("{name}:1")]);
    env.ok(&["pull", "-q", "--all-tags", &name]);
    let tags = env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    let mut tags: Vec<&str> = tags.lines().collect();
    tags.sort();
    assert_eq!(tags, [format!("{name}:1"), format!("{name}:2")]);
    pull_fails_cleanly(&env, &["pull", "-a", &format!("{name}:1")], "--all-tags takes a repository name");
}

#[test]
fn a_blob_that_does_not_match_its_digest_is_refused() {
    let image = FakeImage::new(b"honest content");
    let fake = FakeRegistry::start(&[("test/evil", &image)]);
    fake.corrupt_layer(&image);
    let env = TestEnv::new();
    env.ok(&["images", "-q"]);
    let line = pull_fails_cleanly(&env, &["pull", &format!("{}/test/evil", fake.addr())], "digest mismatch");
    assert!(line.contains(&fake.addr()), "names the registry: {line}");
}

#[test]
fn token_auth_with_credentials_from_the_auth_file() {
    let image = FakeImage::new(b"secret layer");
    let fake = FakeRegistry::start(&[("team/app", &image)]);
    fake.require_token("alice", "wonderland");
    let env = TestEnv::new();
    env.ok(&["images", "-q"]);

    pull_fails_cleanly(&env, &["pull", &format!("{}/team/app", fake.addr())], "pull access denied for team/app");

    let auth = serde_json::json!({"auths": {fake.addr(): {"auth": "YWxpY2U6d29uZGVybGFuZA=="}}});
    fs::write(&env.auth_file, auth.to_string()).unwrap();
    let id = env.ok(&["pull", "-q", &format!("{}/team/app:latest", fake.addr())]);
    assert_eq!(id.trim(), image.config_digest.trim_start_matches("sha256:"));
    let log = fake.log();
    assert!(log.iter().any(|l| l.starts_with("GET /token?") && l.contains("scope=repository%3Ateam%2Fapp%3Apull") && l.contains("Basic")), "{log:#?}");
    assert!(log.iter().any(|l| l.starts_with("GET /v2/team/app/blobs/") && l.contains("Bearer fake-token")), "{log:#?}");
}

#[test]
fn a_pull_killed_mid_download_leaves_nothing_visible_and_the_next_completes() {
    // 8 MiB of incompressible data, served at 256 KiB per 100 ms.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let data: Vec<u8> = (0..8 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let image = FakeImage::new(&data);
    let fake = FakeRegistry::start(&[("test/big", &image)]);
    fake.throttle(true);
    let env = TestEnv::new();
    env.ok(&["images", "-q"]);
    let name = format!("{}/test/big", fake.addr());

    // Its own process group, so that the kill also reaches the worker that
    // a rootless pontoon forks into the user namespace.
    use std::os::unix::process::CommandExt;
    let mut child = env.cmd(&["pull", &name]).stderr(std::process::Stdio::null()).process_group(0).spawn().unwrap();
    let tmp = env.root.join("tmp");
    let deadline = Instant::now() + Duration::from_secs(30);
    // Wait until part of the layer is on disk in a temporary file.
    while !fs::read_dir(&tmp).into_iter().flatten().flatten().any(|e| e.metadata().is_ok_and(|m| m.len() > 0)) {
        assert!(Instant::now() < deadline, "the download never started: {:#?}", fake.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    nix::sys::signal::killpg(nix::unistd::Pid::from_raw(child.id() as i32), nix::sys::signal::Signal::SIGKILL).unwrap();
    child.wait().unwrap();

    let layer_hex = image.layer_digest.trim_start_matches("sha256:");
    let diff_hex = image.diff_id.trim_start_matches("sha256:");
    assert!(!env.root.join("blobs/sha256").join(layer_hex).exists(), "half a blob is visible");
    assert!(!env.root.join("layers").join(diff_hex).join("layer.json").exists(), "half a layer is complete");
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(fs::read_dir(&tmp).unwrap().count() > 0, "the killed pull's temp file is there to clean");

    fake.throttle(false);
    let id = env.ok(&["pull", "-q", &name]);
    assert_eq!(id.trim(), image.config_digest.trim_start_matches("sha256:"));
    assert!(env.root.join("blobs/sha256").join(layer_hex).exists());
    assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0, "the dead pull's temp file was cleaned");
    assert!(env.ok(&["images"]).contains("test/big"));
}

#[test]
fn tls_verify_false_reaches_a_registry_whose_certificate_nobody_trusts() {
    let registry = Registry::start_with_tls(None);
    registry.push_layout(&busybox_layout(), "team/busybox:1");
    let env = TestEnv::new();
    let image = format!("{}/team/busybox:1", registry.addr());

    let error = pull_fails_cleanly(&env, &["pull", &image], "certificate is not trusted");
    assert!(error.contains("--tls-verify=false") && error.contains("insecure = true"), "the error names both fixes: {error}");

    let id = env.ok(&["pull", "-q", "--tls-verify=false", &image]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", &image]).trim(), format!("sha256:{}", id.trim()));

    // registries.conf's insecure = true does the same for every command...
    let trusting = TestEnv::new();
    trusting.trust_registry(&registry);
    trusting.ok(&["pull", "-q", &image]);
    // ...and --tls-verify=true takes it back for one.
    let other = TestEnv::new();
    other.trust_registry(&registry);
    pull_fails_cleanly(&other, &["pull", "--tls-verify=true", &image], "certificate is not trusted");
}

#[test]
fn tls_verify_true_refuses_plain_http_even_on_loopback() {
    let registry = Registry::start();
    registry.push_layout(&busybox_layout(), "team/busybox:1");
    let env = TestEnv::new();
    env.trust_registry(&registry);
    let image = format!("{}/team/busybox:1", registry.addr());

    let error = pull_fails_cleanly(&env, &["pull", "--tls-verify", &image], "does not speak TLS");
    assert!(error.contains(&registry.addr()), "{error}");
    // Through a mirror too: the flag is for every registry the pull reaches.
    env.mirror_docker_io(&registry);
    registry.push_layout(&busybox_layout(), "library/busybox:latest");
    pull_fails_cleanly(&env, &["pull", "--tls-verify=true", "busybox"], "TLS");
    env.ok(&["pull", "-q", "busybox"]);
}

/// A registry that serves a fixed set of images from memory over plain
/// HTTP, logs every request with its Authorization header, and can demand
/// Bearer tokens, corrupt a blob, or serve blobs slowly.
mod fake {
    use std::collections::HashMap;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use serde_json::json;

    use crate::common::oci::{sha256_hex, Layer, LayerBuilder, MEDIA_CONFIG, MEDIA_LAYER_GZIP, MEDIA_MANIFEST};

    const TOKEN: &str = "fake-token";

    /// A one-layer amd64 image whose layer holds `/data` with `content`.
    pub struct FakeImage {
        pub layer: Vec<u8>,
        pub layer_digest: String,
        pub diff_id: String,
        pub config: Vec<u8>,
        pub config_digest: String,
        pub manifest: Vec<u8>,
        pub manifest_digest: String,
    }

    impl FakeImage {
        pub fn new(content: &[u8]) -> FakeImage {
            let mut tar = LayerBuilder::new();
            tar.file("data", content, 0o644, 0, 0);
            let layer = Layer::from_tar(tar.finish(), "ADD data");
            let layer_digest = format!("sha256:{}", sha256_hex(&layer.gzip));
            let config = serde_json::to_vec(&json!({
                "architecture": "amd64", "os": "linux",
                "config": {"Cmd": ["/data"]},
                "rootfs": {"type": "layers", "diff_ids": [layer.diff_id]},
            }))
            .unwrap();
            let config_digest = format!("sha256:{}", sha256_hex(&config));
            let manifest = serde_json::to_vec(&json!({
                "schemaVersion": 2, "mediaType": MEDIA_MANIFEST,
                "config": {"mediaType": MEDIA_CONFIG, "digest": config_digest, "size": config.len()},
                "layers": [{"mediaType": MEDIA_LAYER_GZIP, "digest": layer_digest, "size": layer.gzip.len()}],
            }))
            .unwrap();
            let manifest_digest = format!("sha256:{}", sha256_hex(&manifest));
            FakeImage { diff_id: layer.diff_id, layer: layer.gzip, layer_digest, config, config_digest, manifest, manifest_digest }
        }
    }

    #[derive(Default)]
    struct State {
        /// Path -> body; manifests are recognised by their path.
        routes: Mutex<HashMap<String, Vec<u8>>>,
        log: Mutex<Vec<String>>,
        /// `Basic ...` that /token wants, when tokens are required.
        token_basic: Mutex<Option<String>>,
        throttle: AtomicBool,
    }

    pub struct FakeRegistry {
        addr: String,
        state: Arc<State>,
    }

    impl FakeRegistry {
        pub fn start(images: &[(&str, &FakeImage)]) -> FakeRegistry {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
            let addr = listener.local_addr().unwrap().to_string();
            let state = Arc::new(State::default());
            {
                let mut routes = state.routes.lock().unwrap();
                routes.insert("/v2/".into(), b"{}".to_vec());
                for (repo, image) in images {
                    routes.insert(format!("/v2/{repo}/manifests/latest"), image.manifest.clone());
                    routes.insert(format!("/v2/{repo}/manifests/{}", image.manifest_digest), image.manifest.clone());
                    routes.insert(format!("/v2/{repo}/blobs/{}", image.config_digest), image.config.clone());
                    routes.insert(format!("/v2/{repo}/blobs/{}", image.layer_digest), image.layer.clone());
                }
            }
            let serving = state.clone();
            let realm = format!("http://{addr}/token");
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let state = serving.clone();
                    let realm = realm.clone();
                    std::thread::spawn(move || {
                        let _ = serve(stream, &state, &realm);
                    });
                }
            });
            FakeRegistry { addr, state }
        }

        pub fn addr(&self) -> String {
            self.addr.clone()
        }

        /// Every request so far: `GET /path auth=<Authorization>`.
        pub fn log(&self) -> Vec<String> {
            self.state.log.lock().unwrap().clone()
        }

        /// Serves the layer with one byte changed (same length).
        pub fn corrupt_layer(&self, image: &FakeImage) {
            let mut routes = self.state.routes.lock().unwrap();
            for (path, body) in routes.iter_mut() {
                if path.ends_with(&image.layer_digest) {
                    let last = body.len() - 1;
                    body[last] ^= 0xff;
                }
            }
        }

        /// Demands a Bearer token, which /token gives for these credentials.
        pub fn require_token(&self, user: &str, pass: &str) {
            use base64::Engine as _;
            let basic = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
            *self.state.token_basic.lock().unwrap() = Some(format!("Basic {basic}"));
        }

        pub fn throttle(&self, on: bool) {
            self.state.throttle.store(on, Ordering::SeqCst);
        }
    }

    fn serve(mut stream: TcpStream, state: &State, realm: &str) -> std::io::Result<()> {
        let mut first = [0u8; 1];
        stream.peek(&mut first)?;
        if first[0] == 0x16 {
            // A TLS handshake: this registry speaks plain HTTP only.
            return Ok(());
        }
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        let mut auth = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("authorization") {
                    auth = v.trim().to_string();
                }
            }
        }
        let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
        state.log.lock().unwrap().push(format!("GET {target} auth={auth}"));
        let wanted = state.token_basic.lock().unwrap().clone();
        if let Some(wanted) = wanted {
            if target.starts_with("/token") {
                // Anonymous callers get a token that opens nothing.
                let token = if auth == wanted { TOKEN } else { "anonymous" };
                return respond(&mut stream, "200 OK", &[], json!({ "token": token }).to_string().as_bytes(), false);
            }
            if auth != format!("Bearer {TOKEN}") {
                let challenge = format!("WWW-Authenticate: Bearer realm=\"{realm}\",service=\"fake\"");
                return respond(&mut stream, "401 Unauthorized", &[&challenge], br#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, false);
            }
        }
        let body = state.routes.lock().unwrap().get(&target).cloned();
        match body {
            Some(body) => {
                let manifest = target.contains("/manifests/");
                let headers: Vec<String> = if manifest {
                    vec![format!("Content-Type: {MEDIA_MANIFEST}"), format!("Docker-Content-Digest: sha256:{}", sha256_hex(&body))]
                } else {
                    vec!["Content-Type: application/octet-stream".into()]
                };
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                let slow = !manifest && state.throttle.load(Ordering::SeqCst);
                respond(&mut stream, "200 OK", &headers, &body, slow)
            }
            None => respond(&mut stream, "404 Not Found", &[], br#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}"#, false),
        }
    }

    fn respond(stream: &mut TcpStream, status: &str, headers: &[&str], body: &[u8], slow: bool) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if slow {
            for chunk in body.chunks(256 * 1024) {
                stream.write_all(chunk)?;
                std::thread::sleep(Duration::from_millis(100));
            }
        } else {
            stream.write_all(body)?;
        }
        stream.flush()?;
        // Drain whatever the client still sends so the close is clean.
        let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
        let _ = stream.read(&mut [0u8; 64]);
        Ok(())
    }
}
