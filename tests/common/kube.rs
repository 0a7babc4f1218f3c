//! Checking manifests as a cluster would: `kubernetes-validate --strict`
//! (the OpenAPI schemas of recent Kubernetes, offline; installed by
//! scripts/install-deps.sh) and `kubectl create --dry-run=client` against
//! a tiny discovery server of our own, since kubectl needs an API server
//! to map kinds to resources even when it sends nothing.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

pub const KUBERNETES_VALIDATE: &str = "/var/cache/pontoon-tests/kube-venv/bin/kubernetes-validate";

fn resource(name: &str, singular: &str, kind: &str) -> String {
    format!(r#"{{"name":"{name}","singularName":"{singular}","namespaced":true,"kind":"{kind}","verbs":["create","delete","get","list","update"]}}"#)
}

fn body_for(path: &str) -> Option<String> {
    let path = path.split('?').next().unwrap_or(path);
    Some(match path {
        "/version" => r#"{"major":"1","minor":"32","gitVersion":"v1.32.0"}"#.to_string(),
        "/api" => r#"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:6443"}]}"#.to_string(),
        "/apis" => {
            let group = |g: &str| format!(r#"{{"name":"{g}","versions":[{{"groupVersion":"{g}/v1","version":"v1"}}],"preferredVersion":{{"groupVersion":"{g}/v1","version":"v1"}}}}"#);
            format!(r#"{{"kind":"APIGroupList","apiVersion":"v1","groups":[{},{}]}}"#, group("apps"), group("batch"))
        }
        "/api/v1" => format!(
            r#"{{"kind":"APIResourceList","groupVersion":"v1","resources":[{},{},{},{},{}]}}"#,
            resource("pods", "pod", "Pod"),
            resource("services", "service", "Service"),
            resource("configmaps", "configmap", "ConfigMap"),
            resource("secrets", "secret", "Secret"),
            resource("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim")
        ),
        "/apis/apps/v1" => format!(r#"{{"kind":"APIResourceList","groupVersion":"apps/v1","resources":[{},{}]}}"#, resource("deployments", "deployment", "Deployment"), resource("daemonsets", "daemonset", "DaemonSet")),
        "/apis/batch/v1" => format!(r#"{{"kind":"APIResourceList","groupVersion":"batch/v1","resources":[{}]}}"#, resource("jobs", "job", "Job")),
        _ => return None,
    })
}

/// Starts the discovery server on a free loopback port; returns the port.
pub fn fake_api_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the fake API server");
    let port = listener.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut seen = Vec::new();
            let mut buf = [0u8; 4096];
            while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                match conn.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => seen.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&seen);
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let reply = match body_for(&path) {
                Some(body) => format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
                None => "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".to_string(),
            };
            let _ = conn.write_all(reply.as_bytes());
        }
    });
    port
}

/// Asserts that `file` passes kubernetes-validate --strict and that
/// kubectl reads every object back; returns kubectl's output.
pub fn assert_cluster_accepts(file: &Path, work: &Path) -> String {
    let out = Command::new(KUBERNETES_VALIDATE).arg("--strict").arg(file).output().unwrap_or_else(|e| panic!("run {KUBERNETES_VALIDATE} (scripts/install-deps.sh installs it): {e}"));
    let text = std::fs::read_to_string(file).unwrap_or_default();
    assert!(out.status.success(), "kubernetes-validate --strict refused the manifest:\n{}{}\n--- manifest ---\n{text}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let kubeconfig = work.join("kubeconfig");
    std::fs::write(&kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n").expect("write a kubeconfig");
    let port = fake_api_server();
    let out = Command::new("kubectl")
        .args(["create", "--dry-run=client", "--validate=false", "-o", "yaml", "-f"])
        .arg(file)
        .arg("--server")
        .arg(format!("http://127.0.0.1:{port}"))
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .arg("--cache-dir")
        .arg(work.join("kube-cache"))
        .output()
        .unwrap_or_else(|e| panic!("run kubectl (scripts/install-deps.sh installs it): {e}"));
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "kubectl refused the manifest:\n{printed}{}\n--- manifest ---\n{text}", String::from_utf8_lossy(&out.stderr));
    for line in text.lines().filter(|l| l.starts_with("kind: ")) {
        assert!(printed.contains(line), "kubectl did not print back the {line}:\n{printed}");
    }
    printed
}
