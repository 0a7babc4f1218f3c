//! The flags of `kube` and `manifest` in Podman and Docker that pontoon
//! accepts without acting on them, or refuses with the way out (see
//! src/cli/accepted.rs and docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct KubePlayTable;
pub type KubePlayAccepted = CompatArgs<KubePlayTable>;

const PULL_FIRST: &str = "kube play takes no registry options: pull the images first (pontoon login REGISTRY; pontoon pull --authfile FILE --tls-verify=false IMAGE), then play the file";

impl FlagTable for KubePlayTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("annotation", true, "kube play --annotation is not supported: put the annotations in the file's metadata.annotations"),
        CompatFlag::refused("authfile", true, PULL_FIRST),
        CompatFlag::refused("cert-dir", true, PULL_FIRST),
        CompatFlag::refused("context-dir", true, "kube play --context-dir is not supported: build the images first (pontoon build -t NAME DIR), or use --build with a directory named like the image"),
        CompatFlag::refused("creds", true, PULL_FIRST),
        CompatFlag::refused("force", false, "kube play --force is not supported: remove the pods with pontoon kube down FILE, then their volumes with pontoon volume rm NAME"),
        CompatFlag::refused("ip", true, "kube play --ip is not supported: pontoon assigns the pods' addresses from their network (--network NET)"),
        CompatFlag::refused("log-driver", true, "kube play --log-driver is not supported: pontoon keeps each container's log in its file (pontoon logs CTR)"),
        CompatFlag::refused("log-opt", true, "kube play --log-opt is not supported: pontoon keeps each container's log in its file (pontoon logs CTR)"),
        CompatFlag::refused("mac-address", true, "kube play --mac-address is not supported: pontoon assigns the pods' addresses from their network (--network NET)"),
        CompatFlag::refused("no-hostname", false, "kube play --no-hostname is not supported: pontoon writes /etc/hostname from the pod's hostname (spec.hostname)"),
        CompatFlag::refused("no-hosts", false, "kube play --no-hosts is not supported: pontoon writes the pod's /etc/hosts; add entries with the file's spec.hostAliases"),
        CompatFlag::refused("no-pod-prefix", false, "kube play --no-pod-prefix is not supported: containers are named POD-CONTAINER, as Podman names them by default"),
        CompatFlag::refused("publish-all", false, "kube play --publish-all is not supported: declare the ports in the file (containers[].ports[].hostPort)"),
        // pontoon's kube play prints the pods' and containers' Ids only, no pull progress to silence.
        CompatFlag::ignored("quiet", false),
        CompatFlag::refused("seccomp-profile-root", true, "kube play --seccomp-profile-root is not supported: the containers get pontoon's default seccomp profile"),
        CompatFlag::only("tls-verify", false, &["true"], PULL_FIRST),
        CompatFlag::refused("userns", true, "kube play --userns is not supported: create the pod with pontoon pod create and run its containers with pontoon run --pod POD --userns MODE"),
        CompatFlag::refused("wait", false, "kube play --wait is not supported: play the file, follow it with pontoon pod logs -f POD, and remove it with pontoon kube down FILE"),
    ];
}

pub struct KubeDownTable;
pub type KubeDownAccepted = CompatArgs<KubeDownTable>;

impl FlagTable for KubeDownTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused(
        "force",
        false,
        "kube down --force is not supported: remove the volumes afterwards with pontoon volume rm NAME",
    )];
}

pub struct KubeGenerateTable;
pub type KubeGenerateAccepted = CompatArgs<KubeGenerateTable>;

impl FlagTable for KubeGenerateTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon writes no Podman-only annotations to leave out.
        CompatFlag::ignored("podman-only", false),
        CompatFlag::refused("replicas", true, "kube generate --replicas is not supported: edit spec.replicas of the generated Deployment"),
    ];
}

const NO_ARTIFACTS: &str = "pontoon has no OCI artifacts: put the files in an image (FROM scratch, COPY) and add that image to the list";
const LOGIN_FIRST: &str = "credentials on the command line are not supported here: log in first with pontoon login REGISTRY";

pub struct ManifestAddTable;
pub type ManifestAddAccepted = CompatArgs<ManifestAddTable>;

impl FlagTable for ManifestAddTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("artifact", false, NO_ARTIFACTS),
        CompatFlag::refused("artifact-config", true, NO_ARTIFACTS),
        CompatFlag::refused("artifact-config-type", true, NO_ARTIFACTS),
        CompatFlag::refused("artifact-exclude-titles", false, NO_ARTIFACTS),
        CompatFlag::refused("artifact-layer-type", true, NO_ARTIFACTS),
        CompatFlag::refused("artifact-subject", true, NO_ARTIFACTS),
        CompatFlag::refused("artifact-type", true, NO_ARTIFACTS),
        CompatFlag::refused("authfile", true, "manifest add --authfile is not supported: pull the image first (pontoon pull --authfile FILE IMAGE), then add it"),
        CompatFlag::refused("cert-dir", true, "manifest add --cert-dir is not supported: pull the image first (pontoon pull --tls-verify=false IMAGE), then add it"),
        CompatFlag::refused("creds", true, LOGIN_FIRST),
    ];
}

pub struct ManifestAnnotateTable;
pub type ManifestAnnotateAccepted = CompatArgs<ManifestAnnotateTable>;

impl FlagTable for ManifestAnnotateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("index", false, "manifest annotate --index is not supported: annotate the list's entries with --annotation KEY=VALUE"),
        CompatFlag::refused("subject", true, "manifest annotate --subject is not supported: pontoon's lists refer to no subject"),
    ];
}

pub struct ManifestCreateTable;
pub type ManifestCreateAccepted = CompatArgs<ManifestCreateTable>;

impl FlagTable for ManifestCreateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("annotation", true, "manifest create --annotation is not supported: annotate the entries with pontoon manifest annotate --annotation KEY=VALUE LIST IMAGE"),
        CompatFlag::refused("insecure", false, "--insecure is not supported: use --tls-verify=false"),
    ];
}

pub struct ManifestInspectTable;
pub type ManifestInspectAccepted = CompatArgs<ManifestInspectTable>;

impl FlagTable for ManifestInspectTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("authfile", true, LOGIN_FIRST),
        CompatFlag::refused("insecure", false, "--insecure is not supported: use --tls-verify=false"),
        // pontoon prints the whole list (or manifest) either way.
        CompatFlag::ignored("verbose", false),
    ];
}

const NO_SIGNING: &str = "pontoon does not sign images: push, then sign the pushed digest (e.g. cosign sign REGISTRY/IMAGE@DIGEST)";
const AS_STORED: &str = "pontoon pushes the layers as they are stored (gzip): recompressing is not supported";

pub struct ManifestPushTable;
pub type ManifestPushAccepted = CompatArgs<ManifestPushTable>;

impl FlagTable for ManifestPushTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("add-compression", true, AS_STORED),
        CompatFlag::refused("cert-dir", true, "manifest push --cert-dir is not supported: pontoon trusts the public certificate authorities; use --tls-verify=false for a registry with a CA of its own"),
        CompatFlag::only("compression-format", true, &["gzip"], AS_STORED),
        CompatFlag::refused("compression-level", true, AS_STORED),
        CompatFlag::refused("creds", true, LOGIN_FIRST),
        CompatFlag::refused("force-compression", false, AS_STORED),
        CompatFlag::refused("insecure", false, "--insecure is not supported: use --tls-verify=false"),
        // pontoon copies no signatures, so there are none to remove.
        CompatFlag::ignored("remove-signatures", false),
        CompatFlag::refused("sign-by", true, NO_SIGNING),
        CompatFlag::refused("sign-by-sigstore", true, NO_SIGNING),
        CompatFlag::refused("sign-by-sigstore-private-key", true, NO_SIGNING),
        CompatFlag::refused("sign-by-sq-fingerprint", true, NO_SIGNING),
        CompatFlag::refused("sign-passphrase-file", true, NO_SIGNING),
    ];
}
