//! `pontoon import`: a root filesystem tarball (file, stdin or URL, plain or
//! compressed) becomes a one-layer image whose defaults come from --change.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

use common::oci::LayerBuilder;
use common::TestEnv;

/// A busybox root filesystem: the static binary and a few applet links.
fn busybox_rootfs() -> Vec<u8> {
    let binary = std::fs::read("/bin/busybox").expect("read /bin/busybox (install busybox-static)");
    let mut l = LayerBuilder::new();
    l.dir("bin", 0o755, 0, 0).dir("etc", 0o755, 0, 0).dir("tmp", 0o1777, 0, 0);
    l.file("bin/busybox", &binary, 0o755, 0, 0);
    for applet in ["sh", "ls", "cat", "echo"] {
        l.symlink(&format!("bin/{applet}"), "busybox");
    }
    l.file("etc/hostname", b"imported\n", 0o644, 0, 0);
    l.finish()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory")
}

fn files_named(dir: &Path, name: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if entry.file_name() == name {
            found.push(path.display().to_string());
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            found.extend(files_named(&path, name));
        }
    }
    found
}

#[test]
fn import_a_rootfs_with_changes() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("rootfs.tar"), busybox_rootfs()).unwrap();
    let id = env.ok(&["import", "--change", r#"CMD ["sh"]"#, "--change", "ENV A=1", "-c", "EXPOSE 80", "rootfs.tar", "mybox:1"]);
    let id = id.trim();
    assert!(id.starts_with("sha256:") && id.len() == 71, "import prints the Id: {id}");
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.Cmd}}", "mybox:1"]).trim(), r#"["sh"]"#);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.Env}}", "mybox:1"]).trim(), r#"["A=1"]"#);
    assert_eq!(env.ok(&["inspect", "--format", "{{json .Config.ExposedPorts}}", "mybox:1"]).trim(), r#"{"80/tcp":{}}"#);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "mybox:1"]).trim(), id);
    assert_eq!(env.ok(&["inspect", "--format", "{{.Comment}}", "mybox:1"]).trim(), "Imported from rootfs.tar");
    assert_eq!(env.ok(&["inspect", "--format", "{{len .RootFS.Layers}}", "mybox:1"]).trim(), "1");
    assert!(env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]).lines().any(|l| l == "mybox:1"));
}

#[test]
fn import_gzip_from_stdin_without_a_name_is_dangling() {
    let env = TestEnv::new();
    let out = env.run_with_input(&["import", "-m", "from a pipe", "-"], &gzip(&busybox_rootfs()));
    assert!(out.status.success(), "{}", common::describe(&out));
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(env.ok(&["images", "-q", "--no-trunc"]).trim(), id);
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}} {{.Tag}}"]).trim(), "<none> <none>");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Comment}}", &id]).trim(), "from a pipe");
}

#[test]
fn import_from_a_url() {
    let env = TestEnv::new();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let url = format!("http://{}/rootfs.tar.gz", listener.local_addr().unwrap());
    let body = gzip(&busybox_rootfs());
    let server = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().expect("accept the download");
        let mut request = [0u8; 4096];
        let _ = conn.read(&mut request);
        let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
        conn.write_all(head.as_bytes()).and_then(|_| conn.write_all(&body)).expect("serve the tarball");
    });
    env.ok(&["import", &url, "web:latest"]);
    server.join().expect("server thread");
    assert_eq!(env.ok(&["inspect", "--format", "{{.Comment}}", "web"]).trim(), format!("Imported from {url}"));
}

#[test]
fn a_bad_change_fails_and_records_nothing() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("rootfs.tar"), busybox_rootfs()).unwrap();
    let (code, stderr) = env.fails(&["import", "--change", "RUN rm -rf /", "rootfs.tar", "bad:1"]);
    assert_eq!(code, 125);
    assert!(stderr.contains("RUN is not supported") && stderr.contains("CMD, ENTRYPOINT"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
    let (code, stderr) = env.fails(&["import", "--change", "EXPOSE http", "rootfs.tar"]);
    assert_eq!(code, 125, "{stderr}");
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(files_named(&env.root, "layer.json").is_empty(), "no layer was unpacked");
}

#[test]
fn a_tarball_escaping_with_dotdot_is_refused() {
    let env = TestEnv::new();
    std::fs::write(env.path().join("evil.tar"), common::hostile_tar()).unwrap();
    let (code, stderr) = env.fails(&["import", "evil.tar", "evil:1"]);
    assert_eq!(code, 125, "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one-line error: {stderr}");
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(files_named(env.path(), "x").is_empty(), "nothing was written for ../x");
}
