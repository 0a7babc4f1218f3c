//! The flags of the `pod` verbs in Podman that pontoon accepts without
//! acting on them, or refuses with the way out (see src/cli/accepted.rs and
//! docs/compatibility.md). Most of pod create's are per-pod settings Podman
//! gives the infra container or every member; pontoon's infra container is
//! its built-in pause and a pod has no cgroup of its own, so they belong on
//! each `pontoon run --pod POD`.

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct PodCreateTable;
pub type PodCreateAccepted = CompatArgs<PodCreateTable>;

const NO_POD_CGROUP: &str = "pod resource limits are not supported: pontoon gives a pod no cgroup of its own; set the limit on each container (pontoon run --pod POD --memory 512m --cpus 1)";
const NO_INFRA_CHOICE: &str = "pontoon's infra container is its built-in pause process and cannot be replaced: use --infra=false and run a container of your own in the pod first";
const NO_POD_ADDRESS: &str = "a pod's address, MAC and aliases are not supported: pontoon assigns the infra container's from its network (pontoon pod inspect POD shows it)";

impl FlagTable for PodCreateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("blkio-weight", true, NO_POD_CGROUP),
        CompatFlag::refused("blkio-weight-device", true, NO_POD_CGROUP),
        CompatFlag::refused("cgroup-parent", true, "pod create --cgroup-parent is not supported: pontoon places each container's cgroup itself"),
        CompatFlag::refused("cpu-shares", true, NO_POD_CGROUP),
        CompatFlag::refused("cpus", true, NO_POD_CGROUP),
        CompatFlag::refused("cpuset-cpus", true, NO_POD_CGROUP),
        CompatFlag::refused("cpuset-mems", true, NO_POD_CGROUP),
        CompatFlag::refused("device", true, "pod create --device is not supported: give --device to each container (pontoon run --pod POD --device /dev/fuse)"),
        CompatFlag::refused("device-read-bps", true, NO_POD_CGROUP),
        CompatFlag::refused("device-write-bps", true, NO_POD_CGROUP),
        CompatFlag::refused("gidmap", true, "pods share no user namespace in pontoon: give --gidmap to each container (pontoon run --pod POD --gidmap ...)"),
        CompatFlag::refused("gpus", true, "pod create --gpus is not supported: pass the GPU's device files to each container (pontoon run --pod POD --device /dev/dri)"),
        CompatFlag::refused("hosts-file", true, "pod create --hosts-file is not supported: add lines with --add-host NAME:IP"),
        CompatFlag::refused("infra-command", true, NO_INFRA_CHOICE),
        CompatFlag::refused("infra-conmon-pidfile", true, "pontoon has no conmon: pontoon pod inspect POD shows the infra container, pontoon inspect its pid"),
        CompatFlag::refused("infra-image", true, NO_INFRA_CHOICE),
        CompatFlag::refused("ip", true, NO_POD_ADDRESS),
        CompatFlag::refused("ip6", true, NO_POD_ADDRESS),
        CompatFlag::refused("mac-address", true, NO_POD_ADDRESS),
        CompatFlag::refused("memory", true, NO_POD_CGROUP),
        CompatFlag::refused("memory-swap", true, NO_POD_CGROUP),
        CompatFlag::refused("network-alias", true, NO_POD_ADDRESS),
        CompatFlag::refused("no-hostname", false, "pod create --no-hostname is not supported: pontoon always writes /etc/hostname; bind your own with pontoon run --pod POD -v FILE:/etc/hostname:ro"),
        CompatFlag::refused("no-hosts", false, "pod create --no-hosts is not supported: pontoon writes the pod's /etc/hosts; give pontoon run --pod POD --no-hosts to keep the image's"),
        CompatFlag::refused("pid", true, "pod create --pid is not supported: share the pod's own pid namespace with --share +pid, or give --pid to each container"),
        CompatFlag::refused("security-opt", true, "pod create --security-opt is not supported: give --security-opt to each container (pontoon run --pod POD --security-opt ...)"),
        // Podman puts the members' cgroups under the pod's; pontoon's pods have none to share.
        CompatFlag::ignored("share-parent", false),
        CompatFlag::refused("shm-size", true, "pod create --shm-size is not supported: give --shm-size to each container (pontoon run --pod POD --shm-size 1g)"),
        // pontoon mounts no systemd tmpfs in a pod's containers, so there is no size to set.
        CompatFlag::ignored("shm-size-systemd", true),
        CompatFlag::refused("subgidname", true, "pods share no user namespace in pontoon: give --gidmap to each container (pontoon run --pod POD --gidmap ...)"),
        CompatFlag::refused("subuidname", true, "pods share no user namespace in pontoon: give --uidmap to each container (pontoon run --pod POD --uidmap ...)"),
        CompatFlag::refused("uidmap", true, "pods share no user namespace in pontoon: give --uidmap to each container (pontoon run --pod POD --uidmap ...)"),
        CompatFlag::refused("userns", true, "pods share no user namespace in pontoon: give --userns to each container (pontoon run --pod POD --userns keep-id)"),
        CompatFlag::refused("uts", true, "pod create --uts is not supported: the pod shares its uts namespace (--share uts), or give --uts to each container"),
        CompatFlag::refused("volumes-from", true, "pod create --volumes-from is not supported: give the pod the volumes with --volume, or --volumes-from to each container (pontoon run --pod POD --volumes-from CTR)"),
    ];
}

pub struct PodPsTable;
pub type PodPsAccepted = CompatArgs<PodPsTable>;

impl FlagTable for PodPsTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("namespace", false, "pod ps --namespace is not supported: pontoon pod inspect POD shows the namespaces its containers share"),
        CompatFlag::refused("ns", false, "pod ps --ns is not supported: pontoon pod inspect POD shows the namespaces its containers share"),
    ];
}

pub struct PodLogsTable;
pub type PodLogsAccepted = CompatArgs<PodLogsTable>;

impl FlagTable for PodLogsTable {
    const FLAGS: &'static [CompatFlag] = &[
        // Colours are a terminal nicety; the lines are the same.
        CompatFlag::ignored("color", false),
    ];
}

pub struct PodStatsTable;
pub type PodStatsAccepted = CompatArgs<PodStatsTable>;

impl FlagTable for PodStatsTable {
    const FLAGS: &'static [CompatFlag] = &[
        // The rows are printed again on each tick either way.
        CompatFlag::ignored("no-reset", false),
    ];
}
