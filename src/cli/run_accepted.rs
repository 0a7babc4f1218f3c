//! The `run` and `create` flags of Docker and Podman that pontoon accepts
//! without acting on them, or refuses with the way out (see
//! src/cli/accepted.rs and docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

/// `run`'s and `create`'s table.
pub struct RunTable;

/// `run` and `create` parse these; `CreateFlags` flattens them.
pub type RunAccepted = CompatArgs<RunTable>;

impl FlagTable for RunTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cert-dir", true, "--cert-dir is not supported: pontoon trusts the public certificate authorities; for a registry with a CA of its own use --tls-verify=false, or its insecure key in registries.conf"),
        CompatFlag::refused("cgroup-conf", true, "--cgroup-conf is not supported: set limits with --memory, --cpus, --cpu-shares, --pids-limit, --blkio-weight or --device-read-bps"),
        CompatFlag::refused("cgroup-parent", true, "--cgroup-parent is not supported: pontoon places each container's cgroup itself; set limits with --memory, --cpus or --pids-limit"),
        CompatFlag::only("cgroupns", true, &["private"], "pontoon always gives a container its own cgroup namespace (private); --cgroupns host is not supported"),
        CompatFlag::only("cgroups", true, &["enabled"], "pontoon always puts a container in a cgroup of its own where it can (enabled); run without limits to not need one"),
        CompatFlag::refused("chrootdirs", true, "--chrootdirs is not supported: bind the files a chroot needs with -v HOST:/CHROOT/etc/hosts:ro"),
        CompatFlag::refused("cpu-count", true, "--cpu-count is Docker's for Windows containers: on Linux use --cpus"),
        CompatFlag::refused("cpu-percent", true, "--cpu-percent is Docker's for Windows containers: on Linux use --cpus"),
        CompatFlag::refused("cpu-rt-period", true, "--cpu-rt-period is not supported (real-time CPU scheduling): limit CPU time with --cpus or --cpu-quota"),
        CompatFlag::refused("cpu-rt-runtime", true, "--cpu-rt-runtime is not supported (real-time CPU scheduling): limit CPU time with --cpus or --cpu-quota"),
        CompatFlag::refused("creds", true, "--creds is not supported: log in first with pontoon login REGISTRY, or give a credentials file with --authfile FILE"),
        CompatFlag::refused("decryption-key", true, "--decryption-key is not supported: pontoon cannot pull encrypted images; pull a decrypted copy"),
        CompatFlag::refused("domainname", true, "--domainname is not supported: give the full name with --hostname NAME.DOMAIN, or a search domain with --dns-search"),
        CompatFlag::refused("gpus", true, "--gpus is not supported: pass the GPU's device files with --device /dev/dri (or /dev/nvidia0, /dev/nvidiactl)"),
        CompatFlag::refused("group-entry", true, "--group-entry is not supported: add the group to the image's /etc/group, or use --group-add GID"),
        CompatFlag::only("health-log-destination", true, &["local"], "pontoon keeps the health log in the container's state only (local): read it with pontoon inspect"),
        CompatFlag::refused("health-max-log-count", true, "--health-max-log-count is not supported: pontoon keeps the last health results in the container's state (pontoon inspect)"),
        CompatFlag::refused("health-max-log-size", true, "--health-max-log-size is not supported: pontoon keeps the last health results in the container's state (pontoon inspect)"),
        CompatFlag::refused("health-startup-cmd", true, "startup healthchecks are not supported: use --health-cmd with --health-start-period and --health-start-interval"),
        CompatFlag::refused("health-startup-interval", true, "startup healthchecks are not supported: use --health-cmd with --health-start-period and --health-start-interval"),
        CompatFlag::refused("health-startup-retries", true, "startup healthchecks are not supported: use --health-cmd with --health-start-period and --health-start-interval"),
        CompatFlag::refused("health-startup-success", true, "startup healthchecks are not supported: use --health-cmd with --health-start-period and --health-start-interval"),
        CompatFlag::refused("health-startup-timeout", true, "startup healthchecks are not supported: use --health-cmd with --health-start-period and --health-start-interval"),
        CompatFlag::refused("hosts-file", true, "--hosts-file is not supported: add lines with --add-host NAME:IP, or keep the image's file with --no-hosts"),
        CompatFlag::refused("hostuser", true, "--hostuser is not supported: run as that user's uid with --user UID:GID"),
        CompatFlag::refused("init-path", true, "--init-path is not supported: pontoon's --init is built in and needs no binary"),
        CompatFlag::refused("io-maxbandwidth", true, "--io-maxbandwidth is Docker's for Windows containers: on Linux use --device-read-bps and --device-write-bps"),
        CompatFlag::refused("io-maxiops", true, "--io-maxiops is Docker's for Windows containers: on Linux use --device-read-iops and --device-write-iops"),
        CompatFlag::refused("ip6", true, "--ip6 is not supported: give the container's IPv6 address with --ip"),
        CompatFlag::only("isolation", true, &["default"], "Docker's isolation technologies are for Windows: a Linux container runs in namespaces (default)"),
        CompatFlag::refused("link", true, "--link is not supported (Docker's legacy links): put both containers on a network (pontoon network create NET; --network NET) and they resolve each other by name"),
        CompatFlag::refused("link-local-ip", true, "--link-local-ip is not supported: give the container's address with --ip"),
        CompatFlag::refused("no-hostname", false, "--no-hostname is not supported: pontoon always writes /etc/hostname; bind your own with -v FILE:/etc/hostname:ro"),
        CompatFlag::only("passwd", false, &["true"], "pontoon adds the user's /etc/passwd entry only with --userns keep-id: drop keep-id to keep the image's file as it is"),
        CompatFlag::refused("passwd-entry", true, "--passwd-entry is not supported: add the user to the image's /etc/passwd, or run as --user UID:GID"),
        CompatFlag::refused("preserve-fd", true, "--preserve-fd is not supported: pass the descriptors as 3, 4... and use --preserve-fds N"),
        CompatFlag::refused("rdt-class", true, "--rdt-class is not supported (Intel RDT): limit memory with --memory"),
        CompatFlag::noted("retry", true, "pontoon: --retry is accepted and ignored: a pull is tried once per mirror"),
        CompatFlag::noted("retry-delay", true, "pontoon: --retry-delay is accepted and ignored: a pull is tried once per mirror"),
        CompatFlag::refused("rootfs", false, "--rootfs is not supported: make the directory an image first (tar -C DIR -c . | pontoon import - NAME) and run NAME"),
        CompatFlag::only("seccomp-policy", true, &["default"], "pontoon takes the seccomp profile from --security-opt seccomp=FILE, not from the image"),
        CompatFlag::ignored("shm-size-systemd", true),
        CompatFlag::refused("subgidname", true, "--subgidname is not supported: map ids with --gidmap CONTAINER_GID:HOST_GID:AMOUNT"),
        CompatFlag::refused("subuidname", true, "--subuidname is not supported: map ids with --uidmap CONTAINER_UID:HOST_UID:AMOUNT"),
        CompatFlag::refused("use-api-socket", false, "--use-api-socket is not supported: pontoon has no daemon and no API socket to give"),
        CompatFlag::only("volume-driver", true, &["local"], "pontoon's volumes are local directories (local); there are no volume plugins"),
    ];
}

/// The flags of `create` alone.
pub struct CreateTable;

pub type CreateAccepted = CompatArgs<CreateTable>;

impl FlagTable for CreateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("attach", true, "create --attach is not supported: choose the streams when you start it (pontoon start -a NAME), or use pontoon run -a STREAM"),
        CompatFlag::refused("init-ctr", true, "--init-ctr is not supported: start the setup container first (pontoon run --rm --pod POD IMAGE), then the others"),
    ];
}
