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
    assert_eq!((pod.hostname.as_deref(), &pod.network), (Some("box"), &NetworkMode::Host));
    assert_eq!(pod.ports.len(), 1, "only a hostPort is published");
    assert_eq!((pod.ports[0].host_port, pod.ports[0].container_port), (8080, 80));
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
        "  volumes:\n  - {name: claim, persistentVolumeClaim: {claimName: data}}\n  - {name: named, hostPath: {path: vol1}}\n",
        "  - {name: host, hostPath: {path: /srv, type: Directory}}\n  - {name: scratch, emptyDir: {}}\n",
        "  - {name: mem, emptyDir: {medium: Memory, sizeLimit: 1Mi}}\n  - {name: missing, configMap: {name: nope, optional: true}}\n",
    ));
    let p = plan_of(&text).unwrap();
    let m = &p.pods[0].containers[0].mounts;
    assert_eq!(m.len(), 5, "a missing optional configMap mounts nothing: {m:?}");
    assert_eq!(m[0].source, MountSource::Named("data".into()));
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
