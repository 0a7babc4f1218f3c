//! A real distribution registry (Debian's `docker-registry`) on a free
//! loopback port with its own storage, optionally behind basic auth or TLS
//! with a self-signed certificate, filled by skopeo so that pull is tested
//! against content pontoon did not write.

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const REGISTRY_BIN: &str = "/usr/bin/docker-registry";

pub struct Registry {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
    log: PathBuf,
    creds: Option<(String, String)>,
}

impl Registry {
    /// An open registry: no auth, deletes enabled.
    pub fn start() -> Registry {
        Self::spawn(None, false)
    }

    /// A registry that wants `user`/`pass` (htpasswd, bcrypt) for everything.
    pub fn start_with_basic_auth(user: &str, pass: &str) -> Registry {
        Self::spawn(Some((user.to_string(), pass.to_string())), false)
    }

    /// A registry that speaks only HTTPS, with a self-signed certificate for
    /// 127.0.0.1 that no client trusts, optionally behind basic auth.
    pub fn start_with_tls(creds: Option<(&str, &str)>) -> Registry {
        Self::spawn(creds.map(|(u, p)| (u.to_string(), p.to_string())), true)
    }

    fn spawn(creds: Option<(String, String)>, tls: bool) -> Registry {
        let dir = tempfile::Builder::new().prefix("pontoon-registry-").tempdir().expect("create registry temp dir");
        let mut auth = String::new();
        if let Some((user, pass)) = &creds {
            let htpasswd = dir.path().join("htpasswd");
            write_htpasswd(&htpasswd, user, pass);
            auth = format!("auth:\n  htpasswd:\n    realm: pontoon-test\n    path: {}\n", htpasswd.display());
        }
        let tls = if tls {
            let (cert, key) = write_self_signed_cert(dir.path());
            format!("  tls:\n    certificate: {}\n    key: {}\n", cert.display(), key.display())
        } else {
            String::new()
        };
        // The port may be taken between probing and binding: retry a few times.
        for _ in 0..5 {
            let port = free_port();
            let config = dir.path().join("config.yml");
            let yaml = format!(
                "version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: false\n\
                 storage:\n  filesystem:\n    rootdirectory: {data}\n  delete:\n    enabled: true\n\
                 http:\n  addr: 127.0.0.1:{port}\n  secret: pontoon-test-secret\n{tls}{auth}",
                data = dir.path().join("data").display()
            );
            fs::write(&config, yaml).expect("write registry config");
            let log = dir.path().join(format!("registry-{port}.log"));
            let log_file = fs::File::create(&log).expect("create registry log");
            let child = Command::new(REGISTRY_BIN)
                .arg("serve")
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("clone log handle"))
                .stderr(log_file)
                .spawn()
                .unwrap_or_else(|e| panic!("start {REGISTRY_BIN} (apt-get install docker-registry): {e}"));
            let mut child = child;
            if wait_until_up(&mut child, port, &log) {
                return Registry { child, dir, port, log, creds };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("docker-registry did not start; see its log in the test output above");
    }

    /// `127.0.0.1:PORT`
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The registry's log so far: access log lines such as
    /// `"GET /v2/library/busybox/blobs/sha256:... HTTP/1.1" 200`.
    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// How many access-log lines contain `needle` (e.g. `"GET /v2/library/busybox/blobs/"`).
    pub fn count_requests(&self, needle: &str) -> usize {
        self.log_text().lines().filter(|l| l.contains(needle)).count()
    }

    /// The credentials this registry wants, if any.
    pub fn creds(&self) -> Option<(&str, &str)> {
        self.creds.as_ref().map(|(u, p)| (u.as_str(), p.as_str()))
    }

    /// Pushes the OCI layout at `layout` (tag `latest`) as `repo_tag` with
    /// skopeo, all platforms if it is an index; returns the manifest digest.
    pub fn push_layout(&self, layout: &Path, repo_tag: &str) -> String {
        self.push(layout, repo_tag, &[])
    }

    /// As `push_layout`, converting a single image to Docker schema 2 media
    /// types (what Docker Hub serves for most images).
    pub fn push_layout_docker_v2(&self, layout: &Path, repo_tag: &str) -> String {
        self.push(layout, repo_tag, &["--format", "v2s2"])
    }

    fn push(&self, layout: &Path, repo_tag: &str, extra: &[&str]) -> String {
        // One file per push: tests may push from several threads at once.
        static PUSHES: AtomicUsize = AtomicUsize::new(0);
        let digest_file = self.dir.path().join(format!("pushed-digest-{}", PUSHES.fetch_add(1, Ordering::SeqCst)));
        let mut args: Vec<String> = vec!["copy".into(), "--quiet".into(), "--all".into(), "--dest-tls-verify=false".into()];
        args.extend(["--digestfile".into(), digest_file.display().to_string()]);
        if let Some((u, p)) = self.creds() {
            args.extend(["--dest-creds".into(), format!("{u}:{p}")]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("oci:{}:latest", layout.display()));
        args.push(format!("docker://{}/{repo_tag}", self.addr()));
        let out = self.skopeo(&args);
        assert!(out.status.success(), "skopeo {}:\n{}", args.join(" "), super::env::describe(&out));
        fs::read_to_string(&digest_file).expect("read skopeo's digest file").trim().to_string()
    }

    /// The raw manifest (or index) of `reference` (`repo:tag` or `repo@digest`), via skopeo.
    pub fn raw_manifest(&self, reference: &str) -> serde_json::Value {
        let mut args: Vec<String> = vec!["inspect".into(), "--raw".into(), "--tls-verify=false".into()];
        if let Some((u, p)) = self.creds() {
            args.extend(["--creds".into(), format!("{u}:{p}")]);
        }
        args.push(format!("docker://{}/{reference}", self.addr()));
        let out = self.skopeo(&args);
        assert!(out.status.success(), "skopeo {}:\n{}", args.join(" "), super::env::describe(&out));
        serde_json::from_slice(&out.stdout).expect("skopeo printed a JSON manifest")
    }

    /// Runs skopeo isolated from the host's policy, registries and auth files.
    pub fn skopeo(&self, args: &[String]) -> std::process::Output {
        let policy = self.dir.path().join("policy.json");
        if !policy.exists() {
            fs::write(&policy, br#"{"default":[{"type":"insecureAcceptAnything"}]}"#).expect("write skopeo policy");
            fs::write(self.dir.path().join("registries.conf"), b"").expect("write skopeo registries.conf");
        }
        Command::new("skopeo")
            .arg("--policy")
            .arg(&policy)
            .args(args)
            .env("CONTAINERS_REGISTRIES_CONF", self.dir.path().join("registries.conf"))
            .env("REGISTRY_AUTH_FILE", self.dir.path().join("skopeo-auth.json"))
            .output()
            .unwrap_or_else(|e| panic!("run skopeo (apt-get install skopeo): {e}"))
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for `GET /v2/` to answer (401 counts: the server is up).
fn wait_until_up(child: &mut Child, port: u16, log: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    let url = format!("http://127.0.0.1:{port}/v2/");
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
    let log_text = || fs::read_to_string(log).unwrap_or_default();
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            eprintln!("docker-registry exited with {status}:\n{}", log_text());
            return false;
        }
        match agent.get(&url).call() {
            Ok(_) | Err(ureq::Error::Status(_, _)) => return true,
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    eprintln!("docker-registry did not answer on {url} within 20s:\n{}", log_text());
    false
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("local address").port()
}

/// A self-signed certificate for IP 127.0.0.1 and its key (openssl), valid
/// for two days: trusted by nobody, which is the point.
fn write_self_signed_cert(dir: &Path) -> (PathBuf, PathBuf) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let out = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"])
        .args(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:FALSE", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap_or_else(|e| panic!("run openssl (apt-get install openssl): {e}"));
    assert!(out.status.success(), "openssl req failed: {}", String::from_utf8_lossy(&out.stderr));
    (cert, key)
}

/// Writes a bcrypt htpasswd file with `htpasswd -Bbn` (apache2-utils).
fn write_htpasswd(path: &Path, user: &str, pass: &str) {
    let out = Command::new("htpasswd")
        .args(["-Bbn", user, pass])
        .output()
        .unwrap_or_else(|e| panic!("run htpasswd (apt-get install apache2-utils): {e}"));
    assert!(out.status.success(), "htpasswd failed: {}", String::from_utf8_lossy(&out.stderr));
    fs::write(path, &out.stdout).expect("write htpasswd file");
}
