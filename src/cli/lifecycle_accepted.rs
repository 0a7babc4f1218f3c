//! The flags of the container verbs (start, commit, cp, container
//! prune, unshare) in Docker and Podman that pontoon accepts without acting
//! on them, or refuses with the way out (see src/cli/accepted.rs and
//! docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct StartTable;
pub type StartAccepted = CompatArgs<StartTable>;

impl FlagTable for StartTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("checkpoint", true, "start --checkpoint is not supported: pontoon makes no checkpoints (no CRIU); start the container afresh with pontoon start NAME"),
        CompatFlag::refused("checkpoint-dir", true, "start --checkpoint-dir is not supported: pontoon makes no checkpoints (no CRIU); start the container afresh with pontoon start NAME"),
    ];
}

pub struct CommitTable;
pub type CommitAccepted = CompatArgs<CommitTable>;

impl FlagTable for CommitTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::only(
            "format",
            true,
            &["oci"],
            "pontoon commits OCI images only; pontoon push --format v2s2 sends Docker's manifest format to a registry",
        ),
        CompatFlag::refused(
            "include-volumes",
            false,
            "commit --include-volumes is not supported: add the volumes to the image with --change 'VOLUME /path'",
        ),
        CompatFlag::refused(
            "squash",
            false,
            "commit --squash is not supported: to flatten a container into one layer, pontoon export NAME | pontoon import - IMAGE",
        ),
    ];
}

pub struct CpTable;
pub type CpAccepted = CompatArgs<CpTable>;

impl FlagTable for CpTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("follow-link", false, "cp --follow-link is not supported: give the path the link points to as the source"),
        CompatFlag::refused(
            "overwrite",
            false,
            "cp --overwrite is not supported: remove the destination first (pontoon exec NAME rm -rf PATH), then copy",
        ),
    ];
}

pub struct ContainerPruneTable;
pub type ContainerPruneAccepted = CompatArgs<ContainerPruneTable>;

impl FlagTable for ContainerPruneTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused(
        "filter",
        true,
        "container prune --filter is not supported: choose the containers with pontoon rm --filter KEY=VALUE (the filters of ps)",
    )];
}

pub struct UnshareTable;
pub type UnshareAccepted = CompatArgs<UnshareTable>;

impl FlagTable for UnshareTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused(
        "rootless-netns",
        false,
        "unshare --rootless-netns is not supported: the shared rootless network namespace holds only pontoon's bridges; enter a container's with pontoon exec NAME",
    )];
}
