//! The flags of `network`, `volume` and `secret` in Docker and Podman that
//! pontoon accepts without acting on them, or refuses with the way out (see
//! src/cli/accepted.rs and docs/compatibility.md). Many are Docker Swarm's
//! (cluster networks and volumes, secret templates): pontoon has no swarm.

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct NetworkCreateTable;
pub type NetworkCreateAccepted = CompatArgs<NetworkCreateTable>;

const SWARM_NETWORK: &str = "this is a Docker Swarm network option: pontoon has no swarm; its networks are local bridges (pontoon network create NET)";

impl FlagTable for NetworkCreateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("attachable", false, SWARM_NETWORK),
        CompatFlag::refused("aux-address", true, "network create --aux-address is not supported: keep the addresses out of the containers' range with --ip-range CIDR"),
        CompatFlag::refused("config-from", true, SWARM_NETWORK),
        CompatFlag::refused("config-only", false, SWARM_NETWORK),
        CompatFlag::refused("dns", true, "network create --dns is not supported: give the nameserver to each container (pontoon run --network NET --dns IP)"),
        CompatFlag::refused("ingress", false, SWARM_NETWORK),
        CompatFlag::only("ipam-driver", true, &["default", "host-local"], "pontoon allocates the addresses itself (default); there are no IPAM plugins"),
        CompatFlag::refused("ipam-opt", true, "network create --ipam-opt is not supported: pontoon allocates the addresses itself; choose them with --subnet, --gateway and --ip-range"),
        CompatFlag::only("ipv4", false, &["true"], "pontoon's networks always have an IPv4 subnet (true): an IPv6-only network is not supported"),
        CompatFlag::refused("route", true, "network create --route is not supported: pontoon routes a network's subnet and the default gateway only"),
        CompatFlag::refused("scope", true, SWARM_NETWORK),
    ];
}

pub struct NetworkConnectTable;
pub type NetworkConnectAccepted = CompatArgs<NetworkConnectTable>;

impl FlagTable for NetworkConnectTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("driver-opt", true, "network connect --driver-opt is not supported: set driver options on the network (pontoon network create -o mtu=N NET)"),
        CompatFlag::refused("gw-priority", true, "network connect --gw-priority is not supported: the default route goes through the first network the container joined"),
        CompatFlag::refused("ip6", true, "network connect --ip6 is not supported: give the container's address with --ip"),
        CompatFlag::refused("link", true, "network connect --link is not supported (Docker's legacy links): containers on the same network resolve each other by name"),
        CompatFlag::refused("link-local-ip", true, "network connect --link-local-ip is not supported: give the container's address with --ip"),
    ];
}

pub struct NetworkInspectTable;
pub type NetworkInspectAccepted = CompatArgs<NetworkInspectTable>;

impl FlagTable for NetworkInspectTable {
    const FLAGS: &'static [CompatFlag] = &[
        // Docker's --verbose adds a swarm network's services; pontoon's networks are local.
        CompatFlag::ignored("verbose", false),
    ];
}

pub struct NetworkRmTable;
pub type NetworkRmAccepted = CompatArgs<NetworkRmTable>;

impl FlagTable for NetworkRmTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::noted(
        "time",
        true,
        "pontoon: network rm --time is accepted and ignored: -f stops the network's containers with their own stop timeout",
    )];
}

pub struct VolumeCreateTable;
pub type VolumeCreateAccepted = CompatArgs<VolumeCreateTable>;

const CLUSTER_VOLUME: &str = "cluster volumes are Docker Swarm's: pontoon has no swarm; its volumes are local directories (pontoon volume create NAME)";

impl FlagTable for VolumeCreateTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("availability", true, CLUSTER_VOLUME),
        CompatFlag::refused("group", true, CLUSTER_VOLUME),
        CompatFlag::refused("limit-bytes", true, CLUSTER_VOLUME),
        CompatFlag::refused("required-bytes", true, CLUSTER_VOLUME),
        CompatFlag::refused("scope", true, CLUSTER_VOLUME),
        CompatFlag::refused("secret", true, CLUSTER_VOLUME),
        CompatFlag::refused("sharing", true, CLUSTER_VOLUME),
        CompatFlag::refused("topology-preferred", true, CLUSTER_VOLUME),
        CompatFlag::refused("topology-required", true, CLUSTER_VOLUME),
        CompatFlag::refused("type", true, CLUSTER_VOLUME),
    ];
}

pub struct VolumeLsTable;
pub type VolumeLsAccepted = CompatArgs<VolumeLsTable>;

impl FlagTable for VolumeLsTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused("cluster", false, CLUSTER_VOLUME)];
}

pub struct SecretCreateTable;
pub type SecretCreateAccepted = CompatArgs<SecretCreateTable>;

impl FlagTable for SecretCreateTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused(
        "template-driver",
        true,
        "secret templates are Docker Swarm's: pontoon stores the data as given; render it first (e.g. envsubst < TEMPLATE | pontoon secret create NAME -)",
    )];
}
