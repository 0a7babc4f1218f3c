//! The plan of `kube play` for each field it reads, without a store.

use super::*;
use crate::kube::yaml::read;
use crate::engine::container::PullPolicy;
use crate::spec::network::NetworkMode;

fn plan_of(text: &str) -> Result<Plan, String> {
    let docs = read("f.yaml", text).map_err(|e| e.to_string())?;
    plan(&PlayInput { file: "f.yaml", text, docs: &docs, config_maps: &[], network: None }).map_err(|e| e.to_string())
}

fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{spec}")
}

#[test]
fn command_and_args_are_entrypoint_and_cmd() {
    let p = plan_of(&pod("  containers:\n  - name: a\n    image: busybox\n    command: [sh, -c]\n    args: [\"echo $(X)\"]\n    env: [{name: X, value: hi}]\n")).unwrap();
    let c = &p.pods[0].containers[0];
    assert_eq!(c.name, "p-a");
    assert_eq!(c.spec.entrypoint.as_deref(), Some("sh"));
    assert_eq!(c.spec.command, ["-c", "echo hi"]);
    let p = plan_of(&pod("  containers:\n  - name: a\n    image: busybox\n    args: [ls]\n")).unwrap();
    assert_eq!((p.pods[0].containers[0].spec.entrypoint.clone(), p.pods[0].containers[0].spec.command.clone()), (None, vec!["ls".to_string()]), "args alone keep the image's entrypoint");
}

#[test]
fn pod_settings_become_the_pod_s_and_the_containers() {
    let text = pod(concat!(
        "  hostname: box\n  hostNetwork: true\n  restartPolicy: OnFailure\n  terminationGracePeriodSeconds: 2\n",
        "  hostAliases: [{ip: 10.0.0.1, hostnames: [db]}]\n  securityContext: {runAsUser: 1000, supplementalGroups: [5]}\n",
        "  containers:\n  - name: a\n    image: busybox\n    imagePullPolicy: Never\n    workingDir: /w\n    tty: true\n",
        "    ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 53, protocol: UDP}]\n",
        "    resources: {limits: {memory: 64Mi, cpu: 500m}}\n",
        "    securityContext: {runAsGroup: 7, privileged: true, readOnlyRootFilesystem: true, capabilities: {add: [NET_ADMIN], drop: [ALL]}}\n",
        "    livenessProbe: {exec: {command: [\"true\"]}, periodSeconds: 2, failureThreshold: 5}\n",
    ));
    let p = plan_of(&text).unwrap();
    let (pod, c) = (&p.pods[0].spec, &p.pods[0].containers[0]);
    let bridged = plan_of(&text.replace("  hostNetwork: true\n", "")).unwrap();
    assert_eq!(bridged.pods[0].spec.ports.len(), 1, "only a hostPort is published");
    assert_eq!((bridged.pods[0].spec.ports[0].host_port, bridged.pods[0].spec.ports[0].container_port), (8080, 80));
    assert_eq!((pod.hostname.as_deref(), &pod.network), (Some("box"), &NetworkMode::Host));
    assert!(pod.ports.is_empty() && !pod.shares(crate::pod::Share::Net), "with the host's network nothing is forwarded nor shared");
    assert_eq!(c.spec.network, NetworkMode::Host);
    assert_eq!(pod.extra_hosts.len(), 1);
    assert_eq!((c.spec.restart.name.as_str(), c.spec.stop_timeout), ("on-failure", Some(2)));
    assert_eq!(c.pull, PullPolicy::Never);
    assert_eq!((c.spec.workdir.as_deref(), c.spec.tty), (Some("/w"), true));
    assert_eq!((c.spec.resources.memory_bytes, c.spec.resources.nano_cpus), (Some(64 << 20), Some(500_000_000)));
    assert_eq!(c.spec.user.as_deref(), Some("1000:7"), "the pod's user, the container's group");
    assert_eq!(c.spec.namespaces.group_add, ["5"]);
    assert!(c.spec.privileged && c.spec.read_only);
    assert_eq!((c.spec.cap_add.clone(), c.spec.cap_drop.clone()), (vec!["NET_ADMIN".to_string()], vec!["ALL".to_string()]));
    let h = c.spec.health.config.as_ref().unwrap();
    assert_eq!((h.test.clone(), h.interval, h.retries), (vec!["CMD".to_string(), "true".into()], 2_000_000_000, 5));
    assert_eq!(c.spec.expose.len(), 2);
}

#[test]
fn workloads_are_one_pod_named_after_them() {
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: a\n        image: busybox\n";
    let p = plan_of(job).unwrap();
    assert_eq!(p.pods[0].spec.name, "once-pod");
    assert_eq!((p.pods[0].containers[0].spec.restart.name.as_str(), p.pods[0].containers[0].spec.restart.max_retries), ("on-failure", 2));
    let e = plan_of(&job.replace("OnFailure", "Always")).unwrap_err();
    assert!(e.contains("f.yaml:9:") && e.contains("restartPolicy"), "{e}");
    let ds = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers:\n      - name: a\n        image: busybox\n";
    let p = plan_of(ds).unwrap();
    assert_eq!((p.pods[0].spec.name.as_str(), p.pods[0].containers[0].spec.restart.name.as_str()), ("agent-pod", "always"));
    assert_eq!(p.pods[0].spec.labels["app"], "agent");
}

#[test]
fn volumes_map_to_their_sources() {
    let text = pod(concat!(
        "  containers:\n  - name: a\n    image: busybox\n    volumeMounts:\n",
        "    - {name: claim, mountPath: /c}\n    - {name: named, mountPath: /n}\n    - {name: host, mountPath: /h, readOnly: true}\n",
        "    - {name: scratch, mountPath: /s}\n    - {name: mem, mountPath: /m}\n    - {name: missing, mountPath: /o}\n",
        "  volumes:\n  - {name: claim, persistentVolumeClaim: {claimName: data, readOnly: true}}\n  - {name: named, hostPath: {path: vol1}}\n",
        "  - {name: host, hostPath: {path: /srv, type: Directory}}\n  - {name: scratch, emptyDir: {}}\n",
        "  - {name: mem, emptyDir: {medium: Memory, sizeLimit: 1Mi}}\n  - {name: missing, configMap: {name: nope, optional: true}}\n",
    ));
    let p = plan_of(&text).unwrap();
    let m = &p.pods[0].containers[0].mounts;
    assert_eq!(m.len(), 5, "a missing optional configMap mounts nothing: {m:?}");
    assert_eq!((m[0].source.clone(), m[0].read_only), (MountSource::Named("data".into()), true), "a readOnly claim mounts read-only");
    assert_eq!(m[1].source, MountSource::Named("vol1".into()), "a hostPath without a slash names a volume");
    assert_eq!((m[2].source.clone(), m[2].read_only), (MountSource::Bind { path: "/srv".into(), kind: "Directory".into() }, true));
    assert_eq!(m[3].source, MountSource::EmptyDir("scratch".into()));
    assert_eq!(m[4].source, MountSource::Tmpfs(Some(1 << 20)));
    let e = plan_of(&text.replace(", optional: true", "")).unwrap_err();
    assert!(e.contains("volumes[5].configMap") && e.contains("no ConfigMap \"nope\""), "{e}");
}

#[test]
fn a_config_map_from_the_command_line_serves_the_pods() {
    let text = pod("  containers:\n  - name: a\n    image: busybox\n    envFrom: [{configMapRef: {name: extra}}]\n");
    let docs = read("f.yaml", &text).unwrap();
    let cms: Vec<crate::kube::model::ConfigMap> = read("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {K: v}\n").unwrap().into_iter().map(|d| match d.object {
        crate::kube::model::Object::ConfigMap(c) => c,
        _ => unreachable!(),
    }).collect();
    let p = plan(&PlayInput { file: "f.yaml", text: &text, docs: &docs, config_maps: &cms, network: Some(NetworkMode::None) }).unwrap();
    assert_eq!(p.pods[0].containers[0].spec.env, ["K=v"]);
    assert_eq!(p.pods[0].spec.network, NetworkMode::None);
}

#[test]
fn conflicts_in_the_file_are_errors_at_their_field() {
    let twice = format!("{}---\n{}", pod("  containers:\n  - name: a\n    image: busybox\n"), pod("  containers:\n  - name: b\n    image: busybox\n"));
    let e = plan_of(&twice).unwrap_err();
    assert!(e.contains("f.yaml:13:") && e.contains("a second pod named \"p\""), "{e}");
    let e = plan_of(&pod("  containers:\n  - name: a\n    image: busybox\n  - name: a\n    image: busybox\n")).unwrap_err();
    assert!(e.contains("spec.containers[1].name") && e.contains("a second container"), "{e}");
    let e = plan_of(&pod("  containers:\n  - name: a\n    image: busybox\n    ports: [{containerPort: 1, hostPort: 9}]\n  - name: b\n    image: busybox\n    ports: [{containerPort: 2, hostPort: 9}]\n")).unwrap_err();
    assert!(e.contains("host port 9 is published twice"), "{e}");
    let e = plan_of(&pod("  containers: []\n")).unwrap_err();
    assert!(e.contains("spec.containers: is empty"), "{e}");
    let e = plan_of("apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n").unwrap_err();
    assert!(e.contains("metadata.name: is required"), "{e}");
}

#[test]
fn a_generated_manifest_plays_back_to_the_same_specs() {
    use crate::kube::generate::{pod as generate_pod, Group, Member};
    use crate::spec::container::{ContainerSpec, TmpfsMount};
    use crate::spec::mounts::{MountKind, MountSpec};
    let mut spec = ContainerSpec { image: "busybox".into(), entrypoint: Some("sh".into()), command: vec!["-c".into(), "exec httpd -f".into()], ..Default::default() };
    spec.env = vec!["A=1".into(), "B=two words".into()];
    spec.workdir = Some("/srv".into());
    spec.user = Some("1000:1000".into());
    spec.cap_add = vec!["NET_ADMIN".into()];
    spec.cap_drop = vec!["NET_RAW".into()];
    spec.read_only = true;
    spec.resources.memory_bytes = Some(64 << 20);
    spec.resources.nano_cpus = Some(1_500_000_000);
    spec.restart = crate::spec::restart::RestartPolicy::parse("on-failure").unwrap();
    spec.stop_timeout = Some(3);
    spec.health.config = Some(crate::spec::health::HealthConfig { test: vec!["CMD".into(), "true".into()], interval: 5_000_000_000, timeout: 2_000_000_000, retries: 4, ..Default::default() });
    spec.mounts = vec![
        MountSpec { kind: MountKind::Volume, source: "data".into(), target: "/data".into(), ..Default::default() },
        MountSpec { kind: MountKind::Bind, source: "/srv/www".into(), target: "/www".into(), readonly: true, ..Default::default() },
    ];
    spec.tmpfs = vec![TmpfsMount { target: "/cache".into(), options: vec!["size=1m".into()] }];
    let group = Group { name: "rt".into(), hostname: Some("rt-host".into()), host_network: false, ports: crate::spec::ports::parse_publish("8080:80").unwrap(), extra_hosts: Vec::new(), labels: Default::default(), members: vec![Member { name: "rt-web".into(), spec: spec.clone(), image_env: Vec::new(), sources: Default::default() }] };
    let text = serde_yaml_ng::to_string(&generate_pod(&group, &|_| false)).unwrap();
    let p = plan_of(&text).unwrap();
    assert!(p.warnings.is_empty(), "a generated manifest has no field pontoon ignores: {:?}", p.warnings);
    let (pod, c) = (&p.pods[0].spec, &p.pods[0].containers[0]);
    assert_eq!((pod.name.as_str(), pod.hostname.as_deref(), c.name.as_str()), ("rt", Some("rt-host"), "rt-web"));
    assert_eq!((pod.ports[0].host_port, pod.ports[0].container_port), (8080, 80));
    let s = &c.spec;
    assert_eq!((s.entrypoint.as_deref(), &s.command), (Some("sh"), &spec.command));
    assert_eq!((&s.env, &s.workdir, &s.user), (&spec.env, &spec.workdir, &spec.user));
    assert_eq!((&s.cap_add, &s.cap_drop, s.read_only), (&spec.cap_add, &spec.cap_drop, true));
    assert_eq!((&s.resources, &s.restart, s.stop_timeout), (&spec.resources, &spec.restart, Some(3)));
    let h = s.health.config.as_ref().unwrap();
    assert_eq!((&h.test, h.interval, h.timeout, h.retries), (&vec!["CMD".to_string(), "true".into()], 5_000_000_000, 2_000_000_000, 4));
    assert_eq!(c.mounts[0], PlannedMount { source: MountSource::Named("data".into()), target: "/data".into(), read_only: false });
    assert_eq!(c.mounts[1], PlannedMount { source: MountSource::Bind { path: "/srv/www".into(), kind: "Directory".into() }, target: "/www".into(), read_only: true });
    assert_eq!(c.mounts[2], PlannedMount { source: MountSource::Tmpfs(Some(1 << 20)), target: "/cache".into(), read_only: false });
}

#[test]
fn what_podman_and_kubectl_write_plays_without_warnings() {
    let podman = concat!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: default\n  annotations:\n    io.podman.annotations.autoremove/web: \"FALSE\"\n",
        "  creationTimestamp: \"2026-12-02T05:23:46Z\"\n  labels:\n    app: web-pod\n  name: web-pod\n",
        "spec:\n  automountServiceAccountToken: false\n  containers:\n  - command: [httpd, -f]\n    image: busybox\n    name: web\n",
        "    resources: {}\n    securityContext:\n      capabilities: {}\n  enableServiceLinks: false\nstatus: {}\n",
    );
    assert_eq!(plan_of(podman).unwrap().warnings, Vec::<String>::new());
    let p = plan_of(&podman.replace("enableServiceLinks: false", "enableServiceLinks: true")).unwrap();
    assert_eq!(p.warnings, ["Pod web-pod: spec.enableServiceLinks is not supported, ignored"]);
    let elsewhere = podman.replace("namespace: default", "namespace: prod");
    assert_eq!(plan_of(&elsewhere).unwrap().warnings, ["Pod web-pod: metadata.namespace is not supported, ignored"]);
    let odd = podman.replace("resources: {}", "resources: {limits: {nvidia.com/gpu: 1, memory: 1Gi}}").replace("  enableServiceLinks: false\n", "  volumes: [{name: v, emptyDir: {sizeLimit: 1Gi}}]\n");
    assert_eq!(plan_of(&odd).unwrap().warnings, [
        "Pod web-pod: spec.containers[0].resources.limits.nvidia.com/gpu is not supported, ignored",
        "Pod web-pod: spec.volumes[0].emptyDir.sizeLimit is not supported, ignored",
    ]);
}
