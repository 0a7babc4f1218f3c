//! The `build` flags of Docker (the legacy builder and buildx) and Podman
//! (Buildah's) that pontoon accepts without acting on them, or refuses
//! with the way out (see src/cli/accepted.rs and docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct BuildTable;
pub type BuildAccepted = CompatArgs<BuildTable>;

/// A setting of the RUN steps' containers that pontoon's builder does not take.
macro_rules! step {
    ($flag:literal) => {
        CompatFlag::refused(
            $flag,
            true,
            concat!("build --", $flag, " is not supported: RUN steps run with pontoon's defaults; set it in the Dockerfile's RUN line, or when you run the image"),
        )
    };
}

/// A signing, attestation or SBOM feature pontoon's builder does not have.
macro_rules! supply_chain {
    ($flag:literal, $takes_value:literal) => {
        CompatFlag::refused(
            $flag,
            $takes_value,
            concat!("build --", $flag, " is not supported: pontoon makes no signatures, attestations or SBOMs; scan or sign the image after the build"),
        )
    };
}

impl FlagTable for BuildTable {
    const FLAGS: &'static [CompatFlag] = &[
        step!("add-host"),
        CompatFlag::refused("all-platforms", false, "build --all-platforms is not supported: pontoon builds for this machine's platform only (--platform)"),
        // BuildKit's entitlements: pontoon's RUN steps take --network host without one.
        CompatFlag::ignored("allow", true),
        CompatFlag::refused("annotation", true, "build --annotation is not supported: set metadata with --label KEY=VALUE"),
        CompatFlag::refused("arch", true, "build --arch is not supported: pontoon builds for this machine only; say so with --platform linux/ARCH"),
        supply_chain!("attest", true),
        CompatFlag::refused("authfile", true, "build --authfile is not supported: log in first with pontoon login REGISTRY, whose credentials the build reads"),
        CompatFlag::refused("build-context", true, "build --build-context is not supported: copy the files into the context, or COPY --from an image or stage"),
        CompatFlag::only("builder", true, &["default"], "pontoon builds in its own process: there are no builder instances"),
        CompatFlag::noted("cache-from", true, "pontoon: --cache-from is accepted and ignored: the build cache is pontoon's local store"),
        CompatFlag::noted("cache-to", true, "pontoon: --cache-to is accepted and ignored: the build cache is pontoon's local store"),
        CompatFlag::noted("cache-ttl", true, "pontoon: --cache-ttl is accepted and ignored: cached steps are kept until pontoon builder prune"),
        CompatFlag::refused("call", true, "build --call is not supported: pontoon only builds (build is the default of --call)"),
        step!("cap-add"),
        step!("cap-drop"),
        CompatFlag::refused("cert-dir", true, "build --cert-dir is not supported: pontoon trusts the public certificate authorities; for a registry with a CA of its own use --tls-verify=false, or its insecure key in registries.conf"),
        step!("cgroup-parent"),
        step!("cgroupns"),
        CompatFlag::refused("check", false, "build --check is not supported: pontoon builds; it has no Dockerfile linter"),
        CompatFlag::refused("compat-volumes", false, "build --compat-volumes is not supported: a VOLUME line records the path; RUN steps keep writing to it"),
        // The context is read in place: there is nothing sent to compress.
        CompatFlag::ignored("compress", false),
        CompatFlag::refused("cpp-flag", true, "build --cpp-flag is not supported: pontoon does not run Containerfile.in through cpp; preprocess it and give the result with -f"),
        step!("cpu-period"),
        step!("cpu-quota"),
        step!("cpu-shares"),
        step!("cpuset-cpus"),
        step!("cpuset-mems"),
        CompatFlag::only("created-annotation", false, &["false"], "pontoon writes no creation-time annotation"),
        CompatFlag::refused("creds", true, "build --creds is not supported: log in first with pontoon login REGISTRY"),
        CompatFlag::refused("cw", true, "build --cw is not supported: pontoon cannot build confidential-workload images"),
        CompatFlag::refused("debug", false, "build --debug is not supported: use the global --log-level debug"),
        CompatFlag::refused("decryption-key", true, "build --decryption-key is not supported: pontoon cannot pull encrypted images; use a decrypted base image"),
        step!("device"),
        // Layers are compressed when pushed, whatever this says.
        CompatFlag::ignored("disable-compression", false),
        // Docker's content trust: pontoon verifies digests, not signatures.
        CompatFlag::ignored("disable-content-trust", false),
        step!("dns"),
        step!("dns-option"),
        step!("dns-search"),
        CompatFlag::refused("env", true, "build --env is not supported: set the variable with an ENV line, or pass it with --build-arg and ARG"),
        CompatFlag::refused("from", true, "build --from is not supported: name the base image in the FROM line, e.g. ARG BASE and FROM $BASE with --build-arg BASE=IMAGE"),
        step!("group-add"),
        CompatFlag::refused("hooks-dir", true, "build --hooks-dir is not supported: pontoon runs no OCI hooks"),
        CompatFlag::noted("http-proxy", false, "pontoon: --http-proxy is accepted and ignored: pass proxy settings to RUN steps with --build-arg http_proxy=..."),
        CompatFlag::only("identity-label", false, &["false"], "pontoon adds no io.buildah.version label"),
        CompatFlag::refused("ignorefile", true, "build --ignorefile is not supported: name the file .dockerignore at the context's top"),
        CompatFlag::only("inherit-annotations", false, &["true"], "pontoon's images keep no annotations to inherit or drop"),
        CompatFlag::only("inherit-labels", false, &["true"], "pontoon's images keep the base image's labels; remove one with LABEL KEY= in the Dockerfile"),
        step!("ipc"),
        // Stages are built one after the other; only the time differs.
        CompatFlag::ignored("jobs", true),
        CompatFlag::refused("layer-label", true, "build --layer-label is not supported: set labels on the image with --label KEY=VALUE"),
        // Docker's buildx: the image goes to the local store, which is what pontoon always does.
        CompatFlag::ignored("load", false),
        CompatFlag::refused("logfile", true, "build --logfile is not supported: redirect the output, e.g. pontoon build . 2>&1 | tee FILE"),
        CompatFlag::refused("logsplit", false, "build --logsplit is not supported: redirect the output, e.g. pontoon build . 2>&1 | tee FILE"),
        CompatFlag::refused("manifest", true, "build --manifest is not supported: build, then add the image with pontoon manifest add LIST IMAGE"),
        step!("memory"),
        step!("memory-swap"),
        CompatFlag::refused("metadata-file", true, "build --metadata-file is not supported: write the image id with --iidfile FILE"),
        CompatFlag::refused("no-cache-filter", true, "build --no-cache-filter is not supported: rebuild every step with --no-cache"),
        CompatFlag::refused("no-hostname", false, "build --no-hostname is not supported: RUN steps run with pontoon's /etc/hostname"),
        CompatFlag::refused("no-hosts", false, "build --no-hosts is not supported: RUN steps run with pontoon's /etc/hosts"),
        CompatFlag::refused("omit-history", false, "build --omit-history is not supported: pontoon always records the image's history"),
        CompatFlag::refused("os", true, "build --os is not supported: pontoon builds Linux images for this machine; say so with --platform linux/ARCH"),
        CompatFlag::refused("os-feature", true, "build --os-feature is not supported: pontoon builds Linux images for this machine only"),
        CompatFlag::refused("os-version", true, "build --os-version is not supported: pontoon builds Linux images for this machine only"),
        CompatFlag::refused("output", true, "build --output is not supported: the image goes to pontoon's store; write it out with pontoon save, or its files with pontoon create and pontoon export"),
        step!("pid"),
        CompatFlag::refused("policy", true, "build --policy is not supported: pontoon has no build policies"),
        CompatFlag::only("provenance", true, &["false", "0"], "pontoon makes no provenance attestations"),
        CompatFlag::refused("push", false, "build --push is not supported: push after the build with pontoon push NAME"),
        step!("resource"),
        CompatFlag::noted("retry", true, "pontoon: --retry is accepted and ignored: a pull is tried once per mirror"),
        CompatFlag::noted("retry-delay", true, "pontoon: --retry-delay is accepted and ignored: a pull is tried once per mirror"),
        CompatFlag::refused("rewrite-timestamp", false, "build --rewrite-timestamp is not supported: pontoon cannot rewrite the layers' file times"),
        CompatFlag::refused("runtime", true, "build --runtime is not supported: RUN steps use pontoon's built-in runtime; run the image with pontoon run --runtime"),
        CompatFlag::refused("runtime-flag", true, "build --runtime-flag is not supported: RUN steps use pontoon's built-in runtime"),
        CompatFlag::only("sbom", true, &["false", "0"], "pontoon makes no SBOMs; scan the image after the build"),
        supply_chain!("sbom-image-output", true),
        supply_chain!("sbom-image-purl-output", true),
        supply_chain!("sbom-merge-strategy", true),
        supply_chain!("sbom-output", true),
        supply_chain!("sbom-purl-output", true),
        supply_chain!("sbom-scanner-command", true),
        supply_chain!("sbom-scanner-image", true),
        step!("security-opt"),
        step!("shm-size"),
        supply_chain!("sign-by", true),
        CompatFlag::only("skip-unused-stages", false, &["true"], "pontoon builds only the stages the target needs"),
        CompatFlag::refused("source-date-epoch", true, "build --source-date-epoch is not supported: pontoon records the build's own time"),
        CompatFlag::refused("squash-all", false, "build --squash-all is not supported: --squash squashes the layers this build adds into one"),
        CompatFlag::refused("ssh", true, "build --ssh is not supported: give keys to RUN steps with --secret id=ID,src=PATH and RUN --mount=type=secret"),
        CompatFlag::refused("stdin", false, "build --stdin is not supported: RUN steps get no standard input"),
        CompatFlag::refused("timestamp", true, "build --timestamp is not supported: pontoon records the build's own time"),
        step!("ulimit"),
        CompatFlag::refused("unsetannotation", true, "build --unsetannotation is not supported: pontoon's images keep no annotations"),
        CompatFlag::refused("unsetenv", true, "build --unsetenv is not supported: reset the variable with an ENV line"),
        CompatFlag::refused("unsetlabel", true, "build --unsetlabel is not supported: empty the label with LABEL KEY= in the Dockerfile"),
        step!("userns"),
        step!("userns-gid-map"),
        step!("userns-gid-map-group"),
        step!("userns-uid-map"),
        step!("userns-uid-map-user"),
        step!("uts"),
        CompatFlag::refused("variant", true, "build --variant is not supported: pontoon builds for this machine only; say so with --platform linux/ARCH"),
        step!("volume"),
    ];
}
