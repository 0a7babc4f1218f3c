//! `TestEnv`: one hermetic pontoon installation per test. A temp dir holds
//! the store (PONTOON_ROOT / PONTOON_RUNROOT), HOME, the XDG directories,
//! registries.conf and the auth file, so a test never sees the user's real
//! configuration or images, and tests run in parallel without sharing state.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine as _;

use super::registry::Registry;
use super::{is_root, pontoon_bin};

pub struct TestEnv {
    dir: PathBuf,
    pub root: PathBuf,
    pub runroot: PathBuf,
    pub home: PathBuf,
    /// Exported as CONTAINERS_REGISTRIES_CONF; absent until written.
    pub registries_conf: PathBuf,
    /// Exported as REGISTRY_AUTH_FILE; absent until written.
    pub auth_file: PathBuf,
    /// Exported as CONTAINERS_CONF (the only containers.conf read).
    pub containers_conf: PathBuf,
    /// As root, a network namespace of the test's own (`ip netns add`) in
    /// which every pontoon command and [`TestEnv::host`] command runs, so
    /// that bridges, NAT rules and ports never touch the machine's network.
    /// Rootless, None: pontoon's namespaces are the user's own already.
    pub netns: Option<String>,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        // Removed by Drop (not by TempDir) so a failing test can keep it.
        let dir = tempfile::Builder::new().prefix("pontoon-test-").tempdir().expect("create a temp dir for the test env").keep();
        // Containers may run as other users; let them traverse to their rootfs.
        let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o755));
        let p = dir.as_path();
        for sub in ["home", "config", "run", "data"] {
            fs::create_dir_all(p.join(sub)).expect("create a test env directory");
        }
        let _ = fs::set_permissions(p.join("run"), fs::Permissions::from_mode(0o700));
        let env = TestEnv {
            root: p.join("store/root"),
            runroot: p.join("store/run"),
            home: p.join("home"),
            registries_conf: p.join("config/registries.conf"),
            auth_file: p.join("config/auth.json"),
            containers_conf: p.join("config/containers.conf"),
            dir,
            netns: None,
        };
        // As root the default network is a bridge in the host's namespace,
        // which parallel tests with stores of their own would fight over:
        // outside `with_netns` containers get `--network none` by default
        // (containers.conf's netns), what they had before bridges existed.
        let conf = if is_root() { "[containers]\nnetns = \"none\"\n" } else { "" };
        fs::write(&env.containers_conf, conf).expect("write the test's containers.conf");
        env
    }

    /// A new env whose commands run in a network namespace of their own as
    /// root (see [`TestEnv::netns`]), with loopback up.
    pub fn with_netns() -> TestEnv {
        let mut env = TestEnv::new();
        if is_root() {
            let name = format!("pontoon-t-{}", env.dir.file_name().and_then(|n| n.to_str()).unwrap_or("x").trim_start_matches("pontoon-test-"));
            // Parallel `ip netns add`s race on setting up /run/netns: one
            // may fail without a word, and a second try succeeds.
            let add = || Command::new("ip").args(["netns", "add", &name]).status().expect("run ip netns add");
            let made = (0..3).any(|try_| {
                if try_ > 0 {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    let _ = Command::new("ip").args(["netns", "del", &name]).status();
                }
                add().success()
            });
            assert!(made, "ip netns add {name} failed three times");
            let up = Command::new("ip").args(["-n", &name, "link", "set", "lo", "up"]).status().expect("run ip link");
            assert!(up.success(), "bring lo up in {name}");
            env.netns = Some(name);
            // Its containers get the real default network, in its namespace.
            fs::write(&env.containers_conf, "").expect("write the test's containers.conf");
        }
        env
    }

    /// A host command (curl, a server...) run where this env's containers
    /// publish their ports: in the env's network namespace as root.
    pub fn host(&self, program: &str, args: &[&str]) -> Command {
        match &self.netns {
            Some(ns) => {
                let mut c = Command::new("nsenter");
                c.arg(format!("--net=/run/netns/{ns}")).arg("--").arg(program).args(args);
                c
            }
            None => {
                let mut c = Command::new(program);
                c.args(args);
                c
            }
        }
    }

    /// Runs `f` where the env's containers publish their ports (the env's own
    /// network namespace as root), on a thread of its own so that the test's
    /// thread stays where it was. A socket made there stays there.
    pub fn in_host_side<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
        let ns = self.netns.clone();
        std::thread::spawn(move || {
            if let Some(ns) = ns {
                let file = std::fs::File::open(format!("/run/netns/{ns}")).expect("open the test's network namespace");
                nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWNET).expect("join the test's network namespace");
            }
            f()
        })
        .join()
        .expect("the host-side thread")
    }

    /// A directory `name` in the env holding these files (parents made):
    /// a build context, a compose project.
    pub fn dir_with_files(&self, name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.dir.join(name);
        fs::create_dir_all(&dir).expect("create the directory");
        for (path, text) in files {
            let p = dir.join(path);
            fs::create_dir_all(p.parent().expect("a parent")).expect("create the parent");
            fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        }
        dir
    }

    /// The temp dir; also the working directory of every command.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// A `pontoon ARGS...` command with this env's store and configuration.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_with(&pontoon_bin(), args)
    }

    /// Like [`TestEnv::cmd`], with another pontoon binary (a copy the test
    /// may watch or let a container attack).
    pub fn cmd_with(&self, bin: &Path, args: &[&str]) -> Command {
        let p = self.dir.as_path();
        let mut c = match &self.netns {
            Some(ns) => {
                let mut c = Command::new("nsenter");
                c.arg(format!("--net=/run/netns/{ns}")).arg("--").arg(bin);
                c
            }
            None => Command::new(bin),
        };
        c.args(args)
            .current_dir(p)
            .env("PONTOON_ROOT", &self.root)
            .env("PONTOON_RUNROOT", &self.runroot)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", p.join("config"))
            .env("XDG_DATA_HOME", p.join("data"))
            .env("XDG_RUNTIME_DIR", p.join("run"))
            .env("CONTAINERS_REGISTRIES_CONF", &self.registries_conf)
            .env("REGISTRY_AUTH_FILE", &self.auth_file)
            .env("CONTAINERS_CONF", &self.containers_conf)
            .env("CONTAINERS_STORAGE_CONF", p.join("config/storage.conf"))
            .env("DOCKER_CONFIG", self.home.join(".docker"))
            // The rootless network namespace goes with its last user, as
            // the tests that check it is gone expect; tests of its linger
            // set their own.
            .env("PONTOON_ROOTLESS_NETNS_LINGER", "0")
            .env_remove("_PONTOON_USERNS")
            .env_remove("_PONTOON_HOST_UID");
        c
    }

    /// Runs `pontoon ARGS...` and returns whatever happened.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap_or_else(|e| panic!("start {}: {e}", pontoon_bin().display()))
    }

    /// Runs `pontoon ARGS...`, asserts it succeeded, returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "`pontoon {}` failed:\n{}", args.join(" "), describe(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `pontoon ARGS...`, asserts it failed, returns (exit code, stderr).
    pub fn fails(&self, args: &[&str]) -> (i32, String) {
        let out = self.run(args);
        assert!(!out.status.success(), "`pontoon {}` should have failed:\n{}", args.join(" "), describe(&out));
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
    }

    pub fn write_registries_conf(&self, toml: &str) {
        fs::write(&self.registries_conf, toml).expect("write registries.conf");
    }

    /// Makes `registry` a mirror of docker.io (and trusted over plain HTTP),
    /// so `pontoon pull busybox` reaches it.
    pub fn mirror_docker_io(&self, registry: &Registry) {
        let addr = registry.addr();
        self.write_registries_conf(&format!(
            "unqualified-search-registries = [\"docker.io\"]\n\n\
             [[registry]]\nlocation = \"docker.io\"\n\n\
             [[registry.mirror]]\nlocation = \"{addr}\"\ninsecure = true\n\n\
             [[registry]]\nlocation = \"{addr}\"\ninsecure = true\n"
        ));
    }

    /// Trusts `registry` over plain HTTP, for pulls by its address.
    pub fn trust_registry(&self, registry: &Registry) {
        self.write_registries_conf(&format!("[[registry]]\nlocation = \"{}\"\ninsecure = true\n", registry.addr()));
    }

    /// Writes REGISTRY_AUTH_FILE with credentials for `registry`.
    pub fn write_auth(&self, registry: &Registry, user: &str, pass: &str) {
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
        let json = serde_json::json!({ "auths": { registry.addr(): { "auth": auth } } });
        fs::write(&self.auth_file, serde_json::to_vec_pretty(&json).expect("encode auth.json")).expect("write auth.json");
    }
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        if std::env::var_os("PONTOON_KEEP_TEST_DIRS").is_some() {
            eprintln!("keeping test env {}", self.dir.display());
            return;
        }
        let holder = fs::read_to_string(self.runroot.join("userns.pid")).ok().and_then(|t| t.split_whitespace().next()?.parse::<i32>().ok());
        // A failed test must not leave containers running behind it.
        let has_containers = fs::read_dir(self.root.join("containers")).is_ok_and(|d| d.flatten().any(|e| e.file_name() != "names"));
        if has_containers {
            let _ = self.cmd(&["rm", "-f", "--all"]).output();
        }
        // A rootless network namespace a test let linger goes too.
        if self.runroot.join("rootless-netns/holder.pid").exists() {
            let _ = self.cmd(&["system", "migrate"]).output();
        }
        // Rootless stores hold files owned by subuids, which only the user
        // namespace can delete.
        // (`system migrate` above ends the first holder of the user
        // namespace: the `unshare` starts another, read before the store
        // and its runroot go.)
        let mut holder_now = None;
        if !is_root() && self.root.parent().is_some_and(Path::exists) {
            let store = self.dir.join("store");
            let _ = self.cmd(&["unshare", "true"]).output();
            holder_now = fs::read_to_string(self.runroot.join("userns.pid")).ok().and_then(|t| t.split_whitespace().next()?.parse::<i32>().ok());
            let _ = self.cmd(&["unshare", "rm", "-rf", &store.display().to_string()]).output();
        }
        // Rootless, the user namespace's holder (pontoon's pause process)
        // for this env's runroot goes too, once the store is gone.
        for pid in holder.into_iter().chain(holder_now) {
            let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
        }
        // Containers are gone: their links went with their namespaces;
        // the namespace takes the bridges and NAT rules.
        if let Some(ns) = &self.netns {
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
        }
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl TestEnv {
    /// A field of a container's state file (`pid`, `monitor_pid`...), as
    /// the monitor wrote it.
    pub fn state_field(&self, name: &str, field: &str) -> serde_json::Value {
        let id = self.ok(&["inspect", "--format", "{{.Id}}", name]);
        let path = self.root.join("containers").join(id.trim()).join("state.json");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let v: serde_json::Value = serde_json::from_str(&text).expect("state.json is JSON");
        v[field].clone()
    }
}

impl TestEnv {
    /// The long flags `pontoon ARGS... --help` shows (`--name <X>` and
    /// `-n, --name <X>` both give `name`).
    pub fn help_flags(&self, args: &[&str]) -> std::collections::BTreeSet<String> {
        let mut argv = args.to_vec();
        argv.push("--help");
        let help = self.ok(&argv);
        help.lines()
            .filter_map(|l| {
                let l = l.trim_start();
                let name = match l.get(2..6) {
                    Some(", --") if l.starts_with('-') => l.get(6..)?,
                    _ => l.strip_prefix("--")?,
                };
                Some(name.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).next()?.to_string())
            })
            .filter(|n| !n.is_empty())
            .collect()
    }
}

/// (name, uid, content) of every entry of a tar stream.
pub fn tar_entries(tar_bytes: &[u8]) -> Vec<(String, u64, String)> {
    let mut archive = tar::Archive::new(tar_bytes);
    let mut out = Vec::new();
    for e in archive.entries().expect("read tar") {
        let mut e = e.expect("read tar entry");
        let mut content = String::new();
        std::io::Read::read_to_string(&mut e, &mut content).ok();
        let name = e.path().expect("entry name").display().to_string();
        out.push((name.trim_end_matches('/').to_string(), e.header().uid().expect("uid"), content));
    }
    out
}

impl TestEnv {
    /// `pontoon cp WHAT -`: the entries of the file or tree copied out.
    pub fn cp_out(&self, what: &str) -> Vec<(String, u64, String)> {
        let out = self.run(&["cp", what, "-"]);
        assert!(out.status.success(), "cp {what} -: {}", describe(&out));
        tar_entries(&out.stdout)
    }
}

/// Whether a process with this pid exists (a zombie counts as gone).
pub fn process_alive(pid: i64) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'),
        Err(_) => false,
    }
}

/// Waits up to `secs` for `cond`.
pub fn wait_until(secs: u64, cond: impl Fn() -> bool) -> bool {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while std::time::Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    cond()
}

/// A command's exit status, stdout and stderr, for assertion messages.
pub fn describe(out: &Output) -> String {
    format!(
        "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

impl TestEnv {
    /// A new env with the busybox fixture loaded as `busybox:latest`.
    pub fn with_busybox() -> TestEnv {
        let env = TestEnv::new();
        env.load_busybox();
        env
    }

    /// [`TestEnv::with_netns`] with the busybox fixture loaded.
    pub fn with_netns_and_busybox() -> TestEnv {
        let env = TestEnv::with_netns();
        env.load_busybox();
        env
    }

    /// Puts the busybox fixture in this env's store as `busybox:latest`
    /// (through `pontoon load` of an oci-archive of the layout).
    pub fn load_busybox(&self) {
        let archive = self.path().join("busybox-oci.tar");
        if !archive.exists() {
            let mut b = tar::Builder::new(Vec::new());
            b.append_dir_all(".", super::busybox_layout()).expect("archive the busybox layout");
            std::fs::write(&archive, b.into_inner().expect("finish the archive")).expect("write the archive");
        }
        self.ok(&["load", "-i", archive.to_str().expect("utf-8 path")]);
        let id = self.ok(&["images", "-q"]);
        self.ok(&["tag", id.lines().next().expect("an image was loaded").trim(), "busybox:latest"]);
    }
}

/// Runs `cmd` with `input` on its stdin and waits for it. pontoon may stop
/// before reading all of stdin (a refused archive or flag): a closed pipe
/// is then no failure of the test.
pub fn run_with_input(mut cmd: Command, input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start pontoon");
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait for pontoon")
}

impl TestEnv {
    /// `pontoon ARGS` with `input` on stdin.
    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> Output {
        run_with_input(self.cmd(args), input)
    }
}

/// A tar whose one entry is named `../x` (which a tar builder would refuse
/// to write): hostile input for load, import and layer extraction.
pub fn hostile_tar() -> Vec<u8> {
    let mut header = tar::Header::new_old();
    header.as_old_mut().name[..4].copy_from_slice(b"../x");
    header.set_size(5);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    header.set_cksum();
    let mut out = header.as_bytes().to_vec();
    out.extend_from_slice(b"evil\n");
    out.resize(1024, 0);
    out.extend_from_slice(&[0u8; 1024]);
    out
}

impl TestEnv {
    /// A TCP listener on `addr` (port 0: any) where this env's containers
    /// see "the host": in the env's network namespace as root.
    pub fn listen_tcp(&self, addr: &str) -> std::net::TcpListener {
        let addr = addr.to_string();
        let ns = self.netns.clone();
        std::thread::spawn(move || {
            if let Some(ns) = ns {
                let f = fs::File::open(format!("/run/netns/{ns}")).expect("open the test's network namespace");
                nix::sched::setns(&f, nix::sched::CloneFlags::CLONE_NEWNET).expect("join the test's network namespace");
            }
            std::net::TcpListener::bind(&addr).unwrap_or_else(|e| panic!("listen on {addr}: {e}"))
        })
        .join()
        .expect("the listening thread")
    }
}

/// Answers every HTTP request to `listener` with `body` (200, then close),
/// on a thread: the client speaks first and closes last, which every
/// carrier handles (pasta of Debian 12 can hang a connection that the
/// container half-closes first, as `nc </dev/null` does).
pub fn serve_http(listener: std::net::TcpListener, body: &'static str) {
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            use std::io::{Read, Write};
            let mut seen = Vec::new();
            let mut buf = [0u8; 1024];
            while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                match conn.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => seen.extend_from_slice(&buf[..n]),
                }
            }
            let _ = write!(conn, "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
}

/// Answers every connection to `listener` with `reply`, on a thread.
pub fn serve_reply(listener: std::net::TcpListener, reply: &'static str) {
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            use std::io::Write;
            let _ = conn.write_all(reply.as_bytes());
        }
    });
}
