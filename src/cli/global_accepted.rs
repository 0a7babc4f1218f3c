//! Docker's and Podman's global options that pontoon does not implement
//! (given before the command, as those tools take them): accepted where
//! they change nothing, refused with the way out otherwise (see
//! src/cli/accepted.rs and docs/compatibility.md). The remote-mode
//! --url, --host, --remote and --connection are src/cli/global.rs's.

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

pub struct GlobalTable;
pub type GlobalAccepted = CompatArgs<GlobalTable>;

const REMOTE: &str = "pontoon has no daemon or service to connect to: run pontoon on the machine itself (ssh HOST pontoon ...)";

impl FlagTable for GlobalTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cdi-spec-dir", true, "pontoon has no CDI devices: give a container host devices with --device"),
        // pontoon's own monitor takes conmon's place; there is no conmon to choose.
        CompatFlag::ignored("conmon", true),
        CompatFlag::only("context", true, &["default"], "pontoon has no contexts: it works on this machine's store; point it at another one with --root and --runroot"),
        CompatFlag::refused("hooks-dir", true, "pontoon runs no OCI hooks"),
        CompatFlag::refused("identity", true, REMOTE),
        CompatFlag::refused("imagestore", true, "pontoon keeps images in its store: give another store with --root"),
        CompatFlag::refused("module", true, "pontoon reads containers.conf from its usual places only: put the settings there"),
        CompatFlag::refused("namespace", true, "pontoon has no libpod namespaces: give each group its own store with --root"),
        CompatFlag::refused("network-cmd-path", true, "pontoon runs pasta or slirp4netns from PATH: put the one you want first in PATH"),
        CompatFlag::refused("network-config-dir", true, "pontoon keeps networks in its store (pontoon network ls)"),
        CompatFlag::refused("out", true, "pontoon has no --out: redirect the output (pontoon COMMAND > FILE)"),
        CompatFlag::refused("ssh", true, REMOTE),
        CompatFlag::noted("syslog", false, "pontoon: --syslog is accepted and ignored: pontoon logs to stderr only"),
        CompatFlag::refused("tls", false, REMOTE),
        CompatFlag::refused("tls-ca", true, REMOTE),
        CompatFlag::refused("tls-cert", true, REMOTE),
        CompatFlag::refused("tls-key", true, REMOTE),
        CompatFlag::refused("tlscacert", true, REMOTE),
        CompatFlag::refused("tlscert", true, REMOTE),
        CompatFlag::refused("tlskey", true, REMOTE),
        CompatFlag::refused("tlsverify", false, REMOTE),
        // Podman's temporary files; pontoon's run state is under --runroot.
        CompatFlag::ignored("tmpdir", true),
        CompatFlag::noted("transient-store", false, "pontoon: --transient-store is accepted and ignored: container records stay in the store across reboots"),
        CompatFlag::refused("volumepath", true, "pontoon keeps volumes in its store: give another store with --root"),
    ];
}
