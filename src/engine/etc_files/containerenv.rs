//! `/run/.containerenv`, as Podman writes it: its presence tells a process
//! it runs in a container (toolbox, distrobox and many scripts test for
//! it). Like Podman, only a `--privileged` container learns the engine,
//! its name, id and image from it; any container learns whether the
//! store's directory is mounted into it (`graphRootMounted=1`).

use std::path::Path;

use crate::spec::mounts::{MountKind, MountSpec};

/// Where the file is bind-mounted, read-only, in every container.
pub const CONTAINERENV_PATH: &str = "/run/.containerenv";

/// What the file tells.
pub struct ContainerEnvInfo<'a> {
    pub name: &'a str,
    pub id: &'a str,
    /// The image as the user named it.
    pub image: &'a str,
    /// The image's id, with or without its `sha256:` prefix.
    pub image_id: &'a str,
    pub rootless: bool,
    pub privileged: bool,
    /// A bind mount shows the store's directory (see [`graph_root_mounted`]).
    pub graph_root_mounted: bool,
}

/// The file's text: `engine="pontoon-VERSION"`, `name=`, `id=`, `image=`,
/// `imageid=` and `rootless=0|1` for a privileged container, then
/// `graphRootMounted=1` when it applies; empty otherwise.
pub fn render_containerenv(info: &ContainerEnvInfo) -> String {
    let mut out = String::new();
    if info.privileged {
        let image_id = info.image_id.strip_prefix("sha256:").unwrap_or(info.image_id);
        out.push_str(&format!(
            "engine=\"pontoon-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{image_id}\"\nrootless={}\n",
            env!("CARGO_PKG_VERSION"),
            info.name,
            info.id,
            info.image,
            u8::from(info.rootless),
        ));
    }
    if info.graph_root_mounted {
        out.push_str("graphRootMounted=1\n");
    }
    out
}

/// True when a bind mount's source is the store's root or one of its
/// parents, so the container can see the store (Podman's test).
pub fn graph_root_mounted(store_root: &Path, mounts: &[MountSpec]) -> bool {
    mounts.iter().any(|m| m.kind == MountKind::Bind && store_root.starts_with(&m.source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(privileged: bool, graph_root_mounted: bool) -> ContainerEnvInfo<'static> {
        ContainerEnvInfo {
            name: "web",
            id: "0123abcd",
            image: "docker.io/library/busybox:latest",
            image_id: "sha256:feed",
            rootless: true,
            privileged,
            graph_root_mounted,
        }
    }

    #[test]
    fn privileged_containers_learn_who_runs_them() {
        let version = env!("CARGO_PKG_VERSION");
        assert_eq!(
            render_containerenv(&info(true, false)),
            format!("engine=\"pontoon-{version}\"\nname=\"web\"\nid=\"0123abcd\"\nimage=\"docker.io/library/busybox:latest\"\nimageid=\"feed\"\nrootless=1\n")
        );
        assert!(render_containerenv(&info(true, true)).ends_with("rootless=1\ngraphRootMounted=1\n"));
    }

    #[test]
    fn others_get_an_empty_file_unless_the_store_is_mounted() {
        assert_eq!(render_containerenv(&info(false, false)), "");
        assert_eq!(render_containerenv(&info(false, true)), "graphRootMounted=1\n");
    }

    #[test]
    fn the_store_counts_as_mounted_through_any_parent() {
        let bind = |source: &str| MountSpec { kind: MountKind::Bind, source: source.into(), target: "/host".into(), ..Default::default() };
        let root = Path::new("/home/u/.local/share/pontoon");
        assert!(graph_root_mounted(root, &[bind("/")]));
        assert!(graph_root_mounted(root, &[bind("/home/u")]));
        assert!(graph_root_mounted(root, &[bind("/home/u/.local/share/pontoon")]));
        assert!(!graph_root_mounted(root, &[bind("/home/u/project")]));
        assert!(!graph_root_mounted(root, &[bind("/home/u/.local/share/pontoon/volumes")]));
        let volume = MountSpec { kind: MountKind::Volume, source: "/".into(), ..Default::default() };
        assert!(!graph_root_mounted(root, &[volume]));
    }
}
