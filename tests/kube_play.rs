//! `kube play` of what people write for a cluster: a Deployment with a
//! ConfigMap and a claim whose data outlives `kube down`, Secrets,
//! emptyDir, hostPath and init containers, `--replace`, `--start=false`,
//! `--build`, the warnings for what pontoon ignores, and bad files that
//! fail with the field's path and line and make nothing.

mod common;

use common::{describe, wait_until, TestEnv};

fn names(env: &TestEnv) -> Vec<String> {
    let mut n: Vec<String> = env.ok(&["ps", "-a", "--format", "{{.Names}}"]).lines().map(str::to_string).collect();
    n.sort();
    n
}

fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.path().join(name);
    std::fs::write(&path, text).expect("write the manifest");
    path.display().to_string()
}

/// `exec CONTAINER cat FILE` once the file is there.
fn cat_when_there(env: &TestEnv, container: &str, file: &str) -> String {
    let found = wait_until(20, || {
        let out = env.run(&["exec", container, "cat", file]);
        out.status.success() && !out.stdout.is_empty()
    });
    assert!(found, "{file} never appeared in {container}: {}", describe(&env.run(&["exec", container, "cat", file])));
    env.ok(&["exec", container, "cat", file])
}

const APP: &str = r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  MODE: production
  app.conf: |
    greeting=hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      terminationGracePeriodSeconds: 1
      nodeSelector:
        disktype: ssd
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c"]
        args: ["echo run $(MODE) $LEVEL $(cat /etc/app/app.conf) >> /data/log; exec sleep 1000"]
        env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: MODE
        envFrom:
        - prefix: CFG_
          configMapRef:
            name: app-config
        volumeMounts:
        - name: data
          mountPath: /data
        - name: config
          mountPath: /etc/app
        livenessProbe:
          grpc:
            port: 9000
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: app-data
      - name: config
        configMap:
          name: app-config
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: app-data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
"#;

#[test]
fn a_deployment_with_a_config_map_and_a_claim_keeps_its_data_across_down_and_play() {
    let env = TestEnv::with_netns_and_busybox();
    let file = write(&env, "app.yaml", &APP.replace("$LEVEL", "$CFG_MODE"));
    let out = env.run(&["kube", "play", &file]);
    assert!(out.status.success(), "{}", describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Volumes:\napp-data\nPod:\n"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for warning in [
        "warning: Deployment app: spec.template.spec.containers[0].livenessProbe.grpc is not supported, ignored",
        "warning: Deployment app: spec.template.spec.nodeSelector is not supported, ignored",
        "warning: Deployment app: 3 replicas asked, one is made",
    ] {
        assert!(stderr.contains(warning), "no {warning:?} in:\n{stderr}");
    }
    let all = names(&env);
    assert!(all.contains(&"app-pod-main".to_string()) && all.len() == 2, "one replica, named <deployment>-pod-<container>: {all:?}");
    assert!(env.ok(&["pod", "ps", "--format", "{{.Name}}"]).contains("app-pod"));
    assert_eq!(cat_when_there(&env, "app-pod-main", "/data/log"), "run production production greeting=hello\n");
    assert_eq!(env.ok(&["exec", "app-pod-main", "cat", "/etc/app/app.conf"]), "greeting=hello\n", "the ConfigMap's key is a file");

    env.ok(&["kube", "down", &file]);
    assert!(names(&env).is_empty(), "{:?}", names(&env));
    assert!(env.ok(&["volume", "ls", "-q"]).lines().any(|v| v == "app-data"), "the claim's volume stays");
    env.ok(&["kube", "play", &file]);
    let log = || String::from_utf8_lossy(&env.run(&["exec", "app-pod-main", "cat", "/data/log"]).stdout).into_owned();
    assert!(wait_until(20, || log().lines().count() == 2), "the second play appends to the first one's data: {:?}", log());
    // Generated back: the pod, with the ConfigMap its volume came from.
    env.ok(&["kube", "generate", "app-pod", "-f", "regen.yaml"]);
    let regen = env.path().join("regen.yaml");
    common::kube::assert_cluster_accepts(&regen, env.path());
    let text = std::fs::read_to_string(&regen).expect("the manifest");
    assert!(text.contains("kind: ConfigMap") && text.contains("name: app-config") && text.contains("configMap:\n      name: app-config"), "{text}");
    env.ok(&["kube", "down", &file]);
    assert_eq!(env.ok(&["volume", "ls", "-q"]).trim(), "app-data", "configMap volumes go with their pod, the claim stays");
    env.ok(&["kube", "play", regen.to_str().expect("utf-8")]);
    assert_eq!(cat_when_there(&env, "app-pod-main", "/etc/app/app.conf"), "greeting=hello\n", "the generated ConfigMap plays as the first");
    env.ok(&["kube", "down", regen.to_str().expect("utf-8")]);
}

const PARTS: &str = r#"apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: aHVudGVyMg==
stringData:
  user: admin
---
apiVersion: v1
kind: Pod
metadata:
  name: parts
spec:
  hostname: parts-host
  restartPolicy: Never
  terminationGracePeriodSeconds: 1
  initContainers:
  - name: prepare
    image: busybox
    command: ["sh", "-c", "echo prepared > /shared/init"]
    volumeMounts:
    - {name: shared, mountPath: /shared}
  containers:
  - name: main
    image: busybox
    command: ["sleep", "1000"]
    env:
    - name: PASSWORD
      valueFrom:
        secretKeyRef: {name: creds, key: password}
    securityContext:
      capabilities:
        drop: ["ALL"]
    volumeMounts:
    - {name: shared, mountPath: /shared}
    - {name: creds, mountPath: /run/creds}
    - {name: host, mountPath: /host, readOnly: true}
    - {name: scratch, mountPath: /scratch}
  - name: peer
    image: busybox
    command: ["sleep", "1000"]
    volumeMounts:
    - {name: shared, mountPath: /from-peer}
  volumes:
  - name: shared
    emptyDir: {}
  - name: creds
    secret:
      secretName: creds
      items:
      - {key: user, path: user.txt}
  - name: host
    hostPath: {path: HOSTDIR, type: Directory}
  - name: scratch
    emptyDir: {medium: Memory, sizeLimit: 8Mi}
"#;

#[test]
fn secrets_empty_dirs_host_paths_and_init_containers() {
    let env = TestEnv::with_busybox();
    let host = env.dir_with_files("hostdir", &[("hello.txt", "from the host\n")]);
    let file = write(&env, "parts.yaml", &PARTS.replace("HOSTDIR", &host.display().to_string()));
    env.ok(&["kube", "play", "--network", "none", &file]);
    assert_eq!(env.ok(&["exec", "parts-main", "cat", "/shared/init"]), "prepared\n", "the init container ran first, into the emptyDir");
    assert_eq!(env.ok(&["exec", "parts-peer", "cat", "/from-peer/init"]), "prepared\n", "the emptyDir is the pod's, shared");
    assert_eq!(env.ok(&["exec", "parts-main", "sh", "-c", "echo $PASSWORD"]), "hunter2\n", "secret data is base64");
    assert_eq!(env.ok(&["exec", "parts-main", "cat", "/run/creds/user.txt"]), "admin", "stringData, under the item's path");
    assert_eq!(env.ok(&["exec", "parts-main", "cat", "/host/hello.txt"]), "from the host\n");
    assert!(!env.run(&["exec", "parts-main", "touch", "/host/x"]).status.success(), "readOnly hostPath");
    assert!(env.ok(&["exec", "parts-main", "grep", " /scratch ", "/proc/mounts"]).contains("tmpfs"), "medium Memory is a tmpfs");
    assert_eq!(env.ok(&["exec", "parts-main", "hostname"]), "parts-host\n");
    assert!(!names(&env).iter().any(|n| n.contains("prepare")), "the init container is gone once it ran: {:?}", names(&env));
    env.ok(&["kube", "generate", "parts", "-f", "parts-again.yaml"]);
    let again = env.path().join("parts-again.yaml");
    common::kube::assert_cluster_accepts(&again, env.path());
    let text = std::fs::read_to_string(&again).expect("the manifest");
    assert!(text.contains("kind: Secret") && text.contains("user.txt: YWRtaW4=") && text.contains("secretName: creds"), "the secret volume's files, as a Secret:\n{text}");
    env.ok(&["kube", "down", &file]);
    assert!(names(&env).is_empty(), "{:?}", names(&env));
    assert_eq!(env.ok(&["volume", "ls", "-q"]), "", "emptyDir and secret volumes go with the pod");
}

const SIMPLE: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: simple\nspec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: c\n    image: IMAGE\n    command: [\"sleep\", \"1000\"]\n";

#[test]
fn replace_start_false_and_build() {
    let env = TestEnv::with_busybox();
    let file = write(&env, "simple.yaml", &SIMPLE.replace("IMAGE", "busybox"));
    env.ok(&["kube", "play", "--network", "none", "--start=false", &file]);
    let status = env.ok(&["ps", "-a", "--filter", "name=simple-c", "--format", "{{.Status}}"]);
    assert!(status.starts_with("Created"), "--start=false only creates: {status}");
    let (code, err) = env.fails(&["kube", "play", "--network", "none", &file]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("pod simple already exists") && err.contains("--replace"), "{err}");
    let before = env.ok(&["ps", "-a", "-q", "--no-trunc", "--filter", "name=simple-c"]);
    env.ok(&["kube", "play", "--network", "none", "--replace", &file]);
    let after = env.ok(&["ps", "-q", "--no-trunc", "--filter", "name=simple-c"]);
    assert!(!after.is_empty() && after != before, "--replace made a new, running container: {before} -> {after}");
    env.ok(&["kube", "down", &file]);

    // An image with a directory of its name next to the file is built.
    env.dir_with_files("kubeapp", &[("myimg/Containerfile", "FROM busybox\nRUN echo built-here > /built\n")]);
    let dir = env.path().join("kubeapp");
    std::fs::write(dir.join("pod.yaml"), SIMPLE.replace("IMAGE", "myimg")).expect("write the manifest");
    let pod = dir.join("pod.yaml").display().to_string();
    env.ok(&["kube", "play", "--network", "none", &pod]);
    assert_eq!(env.ok(&["exec", "simple-c", "cat", "/built"]), "built-here\n");
    env.ok(&["kube", "down", &pod]);
    std::fs::write(dir.join("myimg/Containerfile"), "FROM busybox\nRUN echo rebuilt > /built\n").expect("change the Containerfile");
    env.ok(&["kube", "play", "--network", "none", &pod]);
    assert_eq!(env.ok(&["exec", "simple-c", "cat", "/built"]), "built-here\n", "without --build a present image is used");
    env.ok(&["kube", "play", "--network", "none", "--replace", "--build", &pod]);
    assert_eq!(env.ok(&["exec", "simple-c", "cat", "/built"]), "rebuilt\n", "--build builds again");
    env.ok(&["kube", "down", &pod]);
}

#[test]
fn bad_files_name_the_field_and_the_line_and_make_nothing() {
    let env = TestEnv::with_busybox();
    let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: kept\n";
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: [\"sleep\", \"1000\"]\n";
    let cases = [
        ("unknown-kind.yaml", format!("{claim}---\n{pod}---\napiVersion: v1\nkind: Gizmo\nmetadata:\n  name: g\n"), ":17:", "kind: unknown kind \"Gizmo\""),
        ("no-image.yaml", format!("{claim}---\n{pod}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: noimage\n    command: [sleep]\n"), ":22:", "Pod bad: spec.containers[0].image: is required"),
        ("invalid.yaml", format!("{claim}---\n{pod}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n"), ":20:", "while parsing a flow sequence"),
        ("bad-type.yaml", format!("{claim}---\n{pod}    ports:\n    - containerPort: http\n"), ":16:", "spec.containers[0].ports[0].containerPort"),
        ("hostile-key.yaml", format!("{claim}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: evil\ndata:\n  ../../escape: x\n---\n{pod}"), ":11:", "ConfigMap evil: data.../../escape: is not a valid key"),
        ("bad-mount.yaml", format!("{claim}---\n{pod}    volumeMounts:\n    - name: nowhere\n      mountPath: /x\n"), ":16:", "spec.containers[0].volumeMounts[0].name: no volume named \"nowhere\""),
    ];
    for (name, text, line, message) in cases {
        let file = write(&env, name, &text);
        let (code, err) = env.fails(&["kube", "play", "--network", "none", &file]);
        assert_eq!(code, 125, "{name}: {err}");
        assert!(err.contains(&format!("{name}{line}")), "{name}: the line {line} in {err}");
        assert!(err.contains(message), "{name}: {message:?} in {err}");
        assert!(names(&env).is_empty(), "{name}: containers made: {:?}", names(&env));
        assert_eq!(env.ok(&["pod", "ps", "-q"]), "", "{name}: pods made");
        assert_eq!(env.ok(&["volume", "ls", "-q"]), "", "{name}: volumes made");
    }
    // A failure while making (an image that is nowhere) undoes what was made.
    let file = write(&env, "no-such-image.yaml", &format!("{claim}---\n{}", SIMPLE.replace("IMAGE", "localhost:1/nothing:here")));
    let (code, _) = env.fails(&["kube", "play", "--network", "none", &file]);
    assert_eq!(code, 125);
    assert!(names(&env).is_empty() && env.ok(&["volume", "ls", "-q"]).is_empty() && env.ok(&["pod", "ps", "-q"]).is_empty());
    // So does one after the pod was made: an init container that fails.
    let failing = SIMPLE.replace("IMAGE", "busybox").replace("  containers:\n", "  initContainers:\n  - name: setup\n    image: busybox\n    command: [\"false\"]\n  containers:\n");
    let file = write(&env, "failing-init.yaml", &format!("{claim}---\n{failing}"));
    let (code, err) = env.fails(&["kube", "play", "--network", "none", &file]);
    assert_eq!(code, 125);
    assert!(err.contains("init container setup") && err.contains("exited with code 1"), "{err}");
    assert!(names(&env).is_empty(), "the failed play left {:?}", names(&env));
    assert_eq!(env.ok(&["pod", "ps", "-q"]), "", "the failed play's pod is removed");
    assert_eq!(env.ok(&["volume", "ls", "-q"]), "", "the failed play's claim volume is removed");
}

const PROBED: &str = r#"apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: web
    image: busybox
    command: ["sh", "-c", "mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 8080 -h /www"]
    ports:
    - name: http
      containerPort: 8080
    livenessProbe:
      httpGet: {path: /index.html, port: http}
      periodSeconds: 1
  - name: peer
    image: busybox
    command: ["sleep", "1000"]
    securityContext:
      runAsUser: 1000
      runAsGroup: 1000
    livenessProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 1
  - name: sick
    image: busybox
    command: ["sleep", "1000"]
    livenessProbe:
      exec: {command: ["false"]}
      periodSeconds: 1
      failureThreshold: 1
"#;

#[test]
fn probes_are_healthchecks_and_security_contexts_apply() {
    let env = TestEnv::with_busybox();
    let file = write(&env, "probed.yaml", PROBED);
    env.ok(&["kube", "play", "--network", "none", &file]);
    let health = |c: &str| env.ok(&["inspect", "--format", "{{.State.Health.Status}}", c]).trim().to_string();
    for (container, wanted) in [("probed-web", "healthy"), ("probed-peer", "healthy"), ("probed-sick", "unhealthy")] {
        assert!(wait_until(30, || health(container) == wanted), "{container} is {}, not {wanted}", health(container));
    }
    assert_eq!(env.ok(&["exec", "probed-peer", "id", "-u"]), "1000\n", "runAsUser");
    assert_eq!(env.ok(&["exec", "probed-peer", "id", "-g"]), "1000\n", "runAsGroup");
    env.ok(&["kube", "down", &file]);
}

#[test]
fn resource_limits_apply_or_the_play_says_why_not() {
    let env = TestEnv::with_busybox();
    let file = write(&env, "limits.yaml", &SIMPLE.replace("IMAGE", "busybox").replace("    command:", "    resources:\n      limits: {memory: 64Mi, cpu: 500m}\n    command:"));
    let out = env.run(&["kube", "play", "--network", "none", &file]);
    // Root always has cgroups; a user has them when controllers are delegated.
    if common::is_root() || out.status.success() {
        assert!(out.status.success(), "{}", describe(&out));
        assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}", "simple-c"]).trim(), "67108864 500000000");
        env.ok(&["kube", "down", &file]);
    } else {
        // No cgroup v2 controllers delegated to this user: the limit cannot
        // be applied, and the play fails saying so, leaving nothing.
        assert_eq!(out.status.code(), Some(125), "{}", describe(&out));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot apply --memory"), "{}", describe(&out));
        assert!(names(&env).is_empty() && env.ok(&["pod", "ps", "-q"]).is_empty(), "{:?}", names(&env));
    }
}

#[test]
fn config_maps_from_the_command_line_and_jobs_and_daemon_sets() {
    let env = TestEnv::with_busybox();
    let cm = write(&env, "extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  WHO: command-line\n");
    let job = r#"apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: say
        image: busybox
        command: ["sh", "-c", "echo hello $WHO"]
        envFrom:
        - configMapRef: {name: extra}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: run
        image: busybox
        command: ["sleep", "1000"]
"#;
    let file = write(&env, "job.yaml", job);
    let (code, err) = env.fails(&["kube", "play", "--network", "none", &file]);
    assert_eq!(code, 125);
    assert!(err.contains("envFrom[0].configMapRef.name") && err.contains("no ConfigMap \"extra\""), "{err}");
    env.ok(&["kube", "play", "--network", "none", "--configmap", &cm, &file]);
    assert!(wait_until(20, || env.ok(&["ps", "-a", "--filter", "name=once-pod-say", "--format", "{{.Status}}"]).starts_with("Exited (0)")), "the Job's container runs once to its end");
    assert_eq!(env.ok(&["logs", "once-pod-say"]), "hello command-line\n");
    let status = env.ok(&["ps", "--filter", "name=agent-pod-run", "--format", "{{.Status}}"]);
    assert!(status.starts_with("Up"), "the DaemonSet's pod runs: {status:?}");
    env.ok(&["kube", "down", &file]);
    assert!(names(&env).is_empty(), "{:?}", names(&env));
}

#[test]
fn a_host_network_pod_has_the_host_s_interfaces() {
    let env = TestEnv::with_netns_and_busybox();
    let file = write(&env, "hn.yaml", &SIMPLE.replace("IMAGE", "busybox").replace("  containers:", "  hostNetwork: true\n  containers:"));
    env.ok(&["kube", "play", &file]);
    let interfaces = |out: &[u8]| String::from_utf8_lossy(out).lines().filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit())).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()).collect::<Vec<_>>();
    let inside = interfaces(&env.run(&["exec", "simple-c", "ip", "link"]).stdout);
    let host = interfaces(&env.host("ip", &["link"]).output().expect("run ip link").stdout);
    assert!(!inside.is_empty() && inside.iter().all(|i| host.iter().any(|h| h.starts_with(i.split('@').next().unwrap_or(i)))), "the container sees the host's interfaces {host:?}, not {inside:?}");
    env.ok(&["kube", "down", &file]);
    assert!(names(&env).is_empty(), "{:?}", names(&env));
}
