//! The flags of the image, registry and system commands (pull, push,
//! save, load, rmi, history, image inspect/mount/unmount/prune, login,
//! logout, search, builder prune, system prune/migrate) in Docker and
//! Podman that pontoon accepts without acting on them, or refuses with the
//! way out (see src/cli/accepted.rs and docs/compatibility.md).

use super::accepted::{CompatArgs, CompatFlag, FlagTable};

const CERT_DIR: &str = "--cert-dir is not supported: pontoon reads no per-registry certificate directory; for a registry signed by its own CA use --tls-verify=false (or mark it insecure in registries.conf)";
const RETRY: &str = "pontoon: --retry is accepted and ignored: a transfer is tried once; run the command again";
const RETRY_DELAY: &str = "pontoon: --retry-delay is accepted and ignored: a transfer is tried once; run the command again";
const COMPAT_AUTH_FILE: &str = "--compat-auth-file is not supported: pontoon keeps one credentials file; name it with --authfile FILE (Docker's ~/.docker/config.json is read when REGISTRY_AUTH_FILE points at it)";
const ONE_PLATFORM: &str = "pontoon: --platform is accepted and ignored: pontoon keeps one platform of each image, and uses that one";

pub struct PullTable;
pub type PullAccepted = CompatArgs<PullTable>;

impl FlagTable for PullTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cert-dir", true, CERT_DIR),
        CompatFlag::refused(
            "decryption-key",
            true,
            "pull --decryption-key is not supported: pontoon does not decrypt images; pull an unencrypted image (decrypt it with skopeo copy --decryption-key)",
        ),
        // pontoon verifies no signatures (Docker Content Trust is off unless DOCKER_CONTENT_TRUST=1).
        CompatFlag::ignored("disable-content-trust", false),
        CompatFlag::noted("retry", true, RETRY),
        CompatFlag::noted("retry-delay", true, RETRY_DELAY),
    ];
}

pub struct PushTable;
pub type PushAccepted = CompatArgs<PushTable>;

const SIGN: &str = "push cannot sign images: pontoon does not sign; sign the pushed image with cosign sign or skopeo copy --sign-by";

impl FlagTable for PushTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cert-dir", true, CERT_DIR),
        // Podman compresses only what it writes to a dir: destination; pontoon pushes to registries.
        CompatFlag::ignored("compress", false),
        CompatFlag::only(
            "compression-format",
            true,
            &["gzip"],
            "pontoon pushes layers as they are stored, without recompressing them; recompress with skopeo copy --dest-compress-format",
        ),
        // With gzip as the one format there is no level to choose.
        CompatFlag::noted("compression-level", true, "pontoon: --compression-level is accepted and ignored: layers are pushed as they are stored, without recompressing them"),
        // pontoon verifies and makes no signatures (Docker Content Trust is off unless DOCKER_CONTENT_TRUST=1).
        CompatFlag::ignored("disable-content-trust", false),
        CompatFlag::refused(
            "encrypt-layer",
            true,
            "push --encrypt-layer is not supported: pontoon does not encrypt images; encrypt them with skopeo copy --encryption-key",
        ),
        CompatFlag::refused(
            "encryption-key",
            true,
            "push --encryption-key is not supported: pontoon does not encrypt images; encrypt them with skopeo copy --encryption-key",
        ),
        CompatFlag::noted("force-compression", false, "pontoon: --force-compression is accepted and ignored: layers are pushed as they are stored, without recompressing them"),
        CompatFlag::noted("platform", true, ONE_PLATFORM),
        // pontoon copies no signatures: there are none to remove.
        CompatFlag::ignored("remove-signatures", false),
        CompatFlag::noted("retry", true, RETRY),
        CompatFlag::noted("retry-delay", true, RETRY_DELAY),
        CompatFlag::refused("sign-by", true, SIGN),
        CompatFlag::refused("sign-by-sigstore", true, SIGN),
        CompatFlag::refused("sign-by-sigstore-private-key", true, SIGN),
        CompatFlag::refused("sign-by-sq-fingerprint", true, SIGN),
        CompatFlag::refused("sign-passphrase-file", true, SIGN),
    ];
}

pub struct SaveTable;
pub type SaveAccepted = CompatArgs<SaveTable>;

impl FlagTable for SaveTable {
    const FLAGS: &'static [CompatFlag] = &[
        // Podman compresses only the layers of a docker-dir/oci-dir; pontoon writes archives.
        CompatFlag::ignored("compress", false),
        // pontoon's docker-archive always holds every image named.
        CompatFlag::ignored("multi-image-archive", false),
        CompatFlag::noted("platform", true, ONE_PLATFORM),
        // pontoon save prints no progress.
        CompatFlag::ignored("quiet", false),
        // pontoon writes the layers as they are stored whatever the format.
        CompatFlag::ignored("uncompressed", false),
    ];
}

pub struct PlatformTable;
/// `--platform` on load, history and image inspect: one platform per image.
pub type PlatformAccepted = CompatArgs<PlatformTable>;

impl FlagTable for PlatformTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::noted("platform", true, ONE_PLATFORM)];
}

pub struct RmiTable;
pub type RmiAccepted = CompatArgs<RmiTable>;

impl FlagTable for RmiTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon keeps no untagged parent images (build stages are not stored as images).
        CompatFlag::ignored("no-prune", false),
        CompatFlag::refused(
            "platform",
            true,
            "rmi --platform is not supported: pontoon keeps one platform of each image; pontoon rmi IMAGE removes it",
        ),
    ];
}

pub struct ImageMountTable;
pub type ImageMountAccepted = CompatArgs<ImageMountTable>;

impl FlagTable for ImageMountTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("all", false, "image mount --all is not supported: mount the images by name, e.g. pontoon image mount IMAGE"),
        CompatFlag::refused("format", true, "image mount --format is not supported: pontoon image mount IMAGE prints the mount point"),
    ];
}

pub struct ImageUnmountTable;
pub type ImageUnmountAccepted = CompatArgs<ImageUnmountTable>;

impl FlagTable for ImageUnmountTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("all", false, "image unmount --all is not supported: unmount the images by name, e.g. pontoon image unmount IMAGE"),
        CompatFlag::refused("force", false, "image unmount --force is not supported: pontoon image unmount IMAGE unmounts it once per mount"),
    ];
}

pub struct ImagePruneTable;
pub type ImagePruneAccepted = CompatArgs<ImagePruneTable>;

impl FlagTable for ImagePruneTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon's build keeps no cache outside the images themselves.
        CompatFlag::ignored("build-cache", false),
        // pontoon has no external (Buildah) containers whose images to keep.
        CompatFlag::ignored("external", false),
        CompatFlag::refused(
            "filter",
            true,
            "image prune --filter is not supported: choose the images with pontoon images --filter KEY=VALUE -q, then pontoon rmi them",
        ),
    ];
}

pub struct LoginTable;
pub type LoginAccepted = CompatArgs<LoginTable>;

impl FlagTable for LoginTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cert-dir", true, CERT_DIR),
        CompatFlag::refused("compat-auth-file", true, COMPAT_AUTH_FILE),
        CompatFlag::refused(
            "secret",
            true,
            "login --secret is not supported: pipe the password in with --password-stdin",
        ),
        // pontoon login prints only its result.
        CompatFlag::ignored("verbose", false),
    ];
}

pub struct LogoutTable;
pub type LogoutAccepted = CompatArgs<LogoutTable>;

impl FlagTable for LogoutTable {
    const FLAGS: &'static [CompatFlag] = &[CompatFlag::refused("compat-auth-file", true, COMPAT_AUTH_FILE)];
}

pub struct SearchTable;
pub type SearchAccepted = CompatArgs<SearchTable>;

impl FlagTable for SearchTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused("cert-dir", true, CERT_DIR),
        // pontoon's columns are Docker's already.
        CompatFlag::ignored("compatible", false),
        CompatFlag::refused(
            "list-tags",
            false,
            "search --list-tags is not supported: pontoon pull --all-tags REPOSITORY fetches every tag; skopeo list-tags docker://REPOSITORY lists them",
        ),
    ];
}

pub struct BuilderPruneTable;
pub type BuilderPruneAccepted = CompatArgs<BuilderPruneTable>;

impl FlagTable for BuilderPruneTable {
    const FLAGS: &'static [CompatFlag] = &[
        CompatFlag::refused(
            "filter",
            true,
            "builder prune --filter is not supported: choose the images with pontoon images --filter KEY=VALUE -q, then pontoon rmi them",
        ),
        // pontoon's build keeps no cache beyond the images, so there is no size to keep.
        CompatFlag::ignored("keep-storage", true),
    ];
}

pub struct SystemPruneTable;
pub type SystemPruneAccepted = CompatArgs<SystemPruneTable>;

impl FlagTable for SystemPruneTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon's build keeps no cache beyond the images and containers pruned anyway.
        CompatFlag::ignored("build", false),
        // pontoon has no external (Buildah) containers.
        CompatFlag::ignored("external", false),
        CompatFlag::refused(
            "filter",
            true,
            "system prune --filter is not supported: prune by kind with pontoon rm --filter, pontoon images --filter ... -q | xargs pontoon rmi",
        ),
    ];
}

pub struct MigrateTable;
pub type MigrateAccepted = CompatArgs<MigrateTable>;

impl FlagTable for MigrateTable {
    const FLAGS: &'static [CompatFlag] = &[
        // pontoon's store has no database to migrate.
        CompatFlag::ignored("migrate-db", false),
        CompatFlag::refused(
            "new-runtime",
            true,
            "system migrate --new-runtime is not supported: pontoon's containers keep the runtime they were made with; recreate them with pontoon run --runtime PATH",
        ),
    ];
}

#[cfg(test)]
mod tests {
    //! Every flag of these tables and of lifecycle_accepted's has its row,
    //! for each command that takes it, in docs/compatibility.md's "Flags of
    //! other commands: containers, images and the system", saying what the
    //! table does (tests/compat_other_flags.rs checks the rows against the
    //! binary).

    use super::super::compat_doc_tests::check_other_commands;
    use super::super::lifecycle_accepted::*;
    use super::*;

    #[test]
    fn every_flag_of_the_tables_is_documented_as_it_is_treated() {
        let check = |commands: &[&str], flags| check_other_commands("containers", commands, flags);
        check(&["pull", "image pull"], PullTable::FLAGS);
        check(&["push", "image push"], PushTable::FLAGS);
        check(&["save", "image save"], SaveTable::FLAGS);
        check(&["load", "image load", "history", "image history", "image inspect"], PlatformTable::FLAGS);
        check(&["rmi", "image rm"], RmiTable::FLAGS);
        check(&["image mount"], ImageMountTable::FLAGS);
        check(&["image unmount"], ImageUnmountTable::FLAGS);
        check(&["image prune"], ImagePruneTable::FLAGS);
        check(&["login"], LoginTable::FLAGS);
        check(&["logout"], LogoutTable::FLAGS);
        check(&["search"], SearchTable::FLAGS);
        check(&["builder prune"], BuilderPruneTable::FLAGS);
        check(&["system prune"], SystemPruneTable::FLAGS);
        check(&["system migrate"], MigrateTable::FLAGS);
        check(&["start", "container start"], StartTable::FLAGS);
        check(&["commit", "container commit"], CommitTable::FLAGS);
        check(&["cp", "container cp"], CpTable::FLAGS);
        check(&["container prune"], ContainerPruneTable::FLAGS);
        check(&["unshare"], UnshareTable::FLAGS);
    }
}
