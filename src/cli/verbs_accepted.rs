//! The flags of `ps`, `images`, `exec`, `logs` and `rm` in Docker and
//! Podman that pontoon accepts without acting on them, or refuses with the
//! way out (see src/cli/accepted.rs and docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct PsTable;
pub type PsAccepted = CompatArgs<PsTable>;

impl FlagTable for PsTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon's ps reads every container's state file and checks its monitor each time.
        CompatFlag::ignored("sync", false),
        CompatFlag::refused("watch", true, "ps --watch is not supported: repeat it with watch -n SECONDS pontoon ps"),
    ];
}

pub struct ImagesTable;
pub type ImagesAccepted = CompatArgs<ImagesTable>;

impl FlagTable for ImagesTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("history", false, "images --history is not supported: pontoon history IMAGE shows how an image was made, pontoon image inspect its names"),
        CompatFlag::refused("tree", false, "images --tree is not supported: pontoon images -a lists every image, pontoon history IMAGE its layers"),
    ];
}

pub struct ExecTable;
pub type ExecAccepted = CompatArgs<ExecTable>;

impl FlagTable for ExecTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cidfile", true, "exec --cidfile is not supported: name the container, e.g. pontoon exec \"$(cat FILE)\" COMMAND"),
        // pontoon keeps no exec sessions: there is nothing to leave out.
        CompatFlag::ignored("no-session", false),
        CompatFlag::refused("preserve-fd", true, "--preserve-fd is not supported: pass the descriptors as 3, 4... and use --preserve-fds N"),
    ];
}

pub struct LogsTable;
pub type LogsAccepted = CompatArgs<LogsTable>;

impl FlagTable for LogsTable {
    const FLAGS: &'static [CompatFlag] = &[
        // Podman colours the lines of several containers; pontoon shows one.
        CompatFlag::ignored("color", false),
        // The extra attributes come from --log-opt labels=/env=, which pontoon does not record.
        CompatFlag::ignored("details", false),
        // Podman prefixes names only to the lines of several containers; pontoon shows one.
        CompatFlag::ignored("names", false),
    ];
}

pub struct RmTable;
pub type RmAccepted = CompatArgs<RmTable>;

impl FlagTable for RmTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused(
        "link",
        false,
        "rm --link is not supported: pontoon has no legacy links; disconnect a container from a network with pontoon network disconnect NET NAME",
    )];
}
