//! The files a container gets from pontoon rather than its image:
//! /etc/hostname, /etc/hosts, /etc/resolv.conf and /run/.containerenv,
//! kept in the container's directory and bind-mounted in. The renderers
//! are pure functions of what the file depends on, so the network code
//! renders them again when addresses are known (start) and when peers
//! join or leave, and writes them with [`rewrite_in_place`].

pub mod containerenv;
pub mod hosts;
pub mod live;
pub mod resolv;

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nix::fcntl::{Flock, FlockArg};

pub use containerenv::{graph_root_mounted, render_containerenv, ContainerEnvInfo, CONTAINERENV_PATH};
pub use hosts::{render_hosts, HostsInput};
pub use resolv::{read_host_resolv_conf, render_resolv};

use crate::spec::container::ContainerSpec;
use crate::spec::network::NetworkMode;
use crate::store::atomic::{write_atomic_with_as, Durability};
use crate::store::containers::ContainerRecord;
use crate::store::Store;

/// The names of the files in the container's directory, with where they
/// appear in the container.
pub const HOSTNAME_FILE: (&str, &str) = ("hostname", "/etc/hostname");
pub const HOSTS_FILE: (&str, &str) = ("hosts", "/etc/hosts");
pub const RESOLV_FILE: (&str, &str) = ("resolv.conf", "/etc/resolv.conf");
pub const CONTAINERENV_FILE: (&str, &str) = ("containerenv", CONTAINERENV_PATH);

/// What `create` knows when it writes the files (no addresses yet).
pub struct CreateInputs<'a> {
    pub record: &'a ContainerRecord,
    /// From [`container_hostname`].
    pub hostname: &'a str,
    pub rootless: bool,
    /// The store's root, to tell whether a bind mount exposes it.
    pub store_root: &'a Path,
}

/// The hostname a container gets: `-h`, else the host's with `--network
/// host` or `--uts host` (as Docker and Podman do), else its short id.
pub fn container_hostname(spec: &ContainerSpec, id: &str, host_hostname: impl FnOnce() -> Option<String>) -> String {
    if let Some(h) = &spec.hostname {
        return h.clone();
    }
    if spec.network == NetworkMode::Host || spec.namespaces.uts == crate::spec::namespaces::NamespaceMode::Host {
        if let Some(h) = host_hostname().filter(|h| !h.is_empty()) {
            return h;
        }
    }
    id.chars().take(12).collect()
}

/// This host's name, for [`container_hostname`].
pub fn host_hostname() -> Option<String> {
    nix::unistd::gethostname().ok().and_then(|h| h.into_string().ok())
}

/// At create: writes the new container's files into its directory and
/// returns its hostname and the files to bind-mount, (path in the
/// container, path on the host). A `--network container:X` container
/// mounts X's hostname, hosts and resolv.conf instead of its own.
pub fn prepare(store: &Store, record: &ContainerRecord) -> Result<(String, Vec<(String, PathBuf)>)> {
    let shared = match &record.spec.network {
        NetworkMode::Container(target) => {
            let joined = store.containers.find(target).with_context(|| format!("--network container:{target}"))?;
            Some(shared_etc_files(&store.containers.dir_of(&joined.record.id))?)
        }
        _ => None,
    };
    let hostname = match (&shared, &record.spec.namespaces.uts) {
        (Some((theirs, _)), _) => theirs.clone(),
        // `--uts container:X`: X's hostname, in its own /etc/hostname too.
        (None, crate::spec::namespaces::NamespaceMode::Container(target)) => {
            let joined = store.containers.find(target).with_context(|| format!("--uts container:{target}"))?;
            shared_etc_files(&store.containers.dir_of(&joined.record.id))?.0
        }
        (None, _) => container_hostname(&record.spec, &record.id, host_hostname),
    };
    let input = CreateInputs { record, hostname: &hostname, rootless: store.paths.rootless, store_root: &store.paths.root };
    let mut mounts = write_etc_files(&store.containers.dir_of(&record.id), &input)?;
    if let Some((_, theirs)) = shared {
        mounts.retain(|(dest, _)| !theirs.iter().any(|(d, _)| d == dest));
        mounts.extend(theirs);
    }
    if record.spec.options.no_hosts {
        // `--no-hosts`: the image's own /etc/hosts stays visible.
        mounts.retain(|(dest, _)| dest != "/etc/hosts");
    }
    Ok((hostname, mounts))
}

/// Writes the container's files into `dir` at create and returns (path in
/// the container, path on the host) for each, to be bind-mounted.
pub fn write_etc_files(dir: &Path, input: &CreateInputs) -> Result<Vec<(String, PathBuf)>> {
    let spec = &input.record.spec;
    let host_etc_hosts = if spec.network == NetworkMode::Host { std::fs::read_to_string("/etc/hosts").unwrap_or_default() } else { String::new() };
    let hosts = render_hosts(&HostsInput {
        hostname: input.hostname,
        mode: &spec.network,
        own: vec![],
        own_names: vec![input.record.name.clone()],
        host_gateway: None,
        extra_hosts: &spec.extra_hosts,
        peers: vec![],
        host_etc_hosts: &host_etc_hosts,
    });
    let resolv = render_resolv(&read_host_resolv_conf(&spec.network), &spec.network, &spec.dns, None);
    let containerenv = render_containerenv(&ContainerEnvInfo {
        name: &input.record.name,
        id: &input.record.id,
        image: &input.record.image_name,
        image_id: &input.record.image_id,
        rootless: input.rootless,
        privileged: spec.privileged,
        graph_root_mounted: graph_root_mounted(input.store_root, &spec.mounts),
    });
    let files = [
        (HOSTNAME_FILE, format!("{}\n", input.hostname)),
        (HOSTS_FILE, hosts),
        (RESOLV_FILE, resolv),
        (CONTAINERENV_FILE, containerenv),
    ];
    let mut mounts = Vec::new();
    for ((name, in_container), content) in files {
        let path = dir.join(name);
        // Readable by every user of the container (`-u 1000` resolves
        // names too); a fresh file, not yet mounted anywhere, so the
        // atomic write is safe here.
        // A --rm container's files need not outlive a crash (see Durability).
        let durability = Durability::unless(input.record.spec.auto_remove);
        write_atomic_with_as(&path, ".tmp-", Some(0o644), durability, |f| f.write_all(content.as_bytes()).with_context(|| format!("write {}", path.display())))?;
        mounts.push((in_container.to_string(), path));
    }
    Ok(mounts)
}

/// Replaces the content of a file that may be bind-mounted into a running
/// container: the same inode is rewritten (a rename would leave the
/// container with the old file), under an flock so that two writers do not
/// interleave. The new text is written over the old before the file is cut
/// to length, so a reader never finds it empty.
pub fn rewrite_in_place(path: &Path, content: &str) -> Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o644)
        .open(path)
        .with_context(|| format!("open {}", path.display()))?;
    let file = Flock::lock(file, FlockArg::LockExclusive).map_err(|(_, errno)| errno).with_context(|| format!("lock {}", path.display()))?;
    file.write_all_at(content.as_bytes(), 0).with_context(|| format!("write {}", path.display()))?;
    file.set_len(content.len() as u64).with_context(|| format!("truncate {}", path.display()))?;
    Ok(())
}

/// The files of the container whose network a `--network container:X`
/// container joins, as Docker shares them: its hostname (read from its
/// /etc/hostname) and its /etc files, mounted as they are so that its
/// updates are seen.
pub fn shared_etc_files(target_dir: &Path) -> Result<(String, Vec<(String, PathBuf)>)> {
    let hostname_path = target_dir.join(HOSTNAME_FILE.0);
    let hostname = std::fs::read_to_string(&hostname_path)
        .with_context(|| format!("read the hostname of the container to share a network with ({})", hostname_path.display()))?;
    let mounts = [HOSTNAME_FILE, HOSTS_FILE, RESOLV_FILE].into_iter().map(|(name, dest)| (dest.to_string(), target_dir.join(name))).collect();
    Ok((hostname.trim_end().to_string(), mounts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    use crate::spec::dns::{DnsSettings, ExtraHost};

    fn record(spec: ContainerSpec) -> ContainerRecord {
        ContainerRecord {
            id: "f".repeat(64),
            name: "web".into(),
            created: chrono::Utc::now(),
            image_id: "sha256:abc".into(),
            image_name: "busybox".into(),
            spec,
        }
    }

    #[test]
    fn create_writes_readable_files_for_every_mount() {
        let dir = tempfile::tempdir().unwrap();
        let spec = ContainerSpec {
            network: NetworkMode::None,
            extra_hosts: vec![ExtraHost::parse("db:10.0.0.5").unwrap()],
            dns: DnsSettings { servers: vec!["1.1.1.1".parse().unwrap()], ..Default::default() },
            privileged: true,
            ..Default::default()
        };
        let rec = record(spec);
        let input = CreateInputs { record: &rec, hostname: "box", rootless: false, store_root: Path::new("/var/lib/pontoon") };
        let mounts = write_etc_files(dir.path(), &input).unwrap();
        let dests: Vec<&str> = mounts.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(dests, ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/run/.containerenv"]);
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(read("hostname"), "box\n");
        assert!(read("hosts").ends_with("10.0.0.5\tdb\n127.0.1.1\tbox web\n"), "{}", read("hosts"));
        assert_eq!(read("resolv.conf").lines().filter(|l| l.starts_with("nameserver")).collect::<Vec<_>>(), ["nameserver 1.1.1.1"]);
        assert!(read("containerenv").contains("name=\"web\"\n") && read("containerenv").contains("rootless=0\n"));
        for (_, path) in &mounts {
            assert_eq!(std::fs::metadata(path).unwrap().mode() & 0o777, 0o644, "{}", path.display());
        }
    }

    #[test]
    fn hostname_is_the_flag_the_hosts_with_host_networking_else_the_short_id() {
        let id = "0123456789abcdef";
        let named = ContainerSpec { hostname: Some("box".into()), network: NetworkMode::Host, ..Default::default() };
        assert_eq!(container_hostname(&named, id, || Some("buildhost".into())), "box");
        let host = ContainerSpec { network: NetworkMode::Host, ..Default::default() };
        assert_eq!(container_hostname(&host, id, || Some("buildhost".into())), "buildhost");
        assert_eq!(container_hostname(&host, id, || None), "0123456789ab");
        assert_eq!(container_hostname(&ContainerSpec::default(), id, || Some("buildhost".into())), "0123456789ab");
    }

    #[test]
    fn rewrites_keep_the_inode_and_never_leave_a_tail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hosts");
        std::fs::write(&path, "a long first version of the file\n").unwrap();
        let inode = std::fs::metadata(&path).unwrap().ino();
        rewrite_in_place(&path, "short\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "short\n");
        rewrite_in_place(&path, "a longer second version\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a longer second version\n");
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode, "a bind mount of the file sees the change");
        let err = rewrite_in_place(&dir.path().join("missing/hosts"), "x").unwrap_err();
        assert!(format!("{err:#}").contains("missing/hosts"), "{err:#}");
    }

    #[test]
    fn a_shared_network_shares_the_targets_files_and_hostname() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hostname"), "webhost\n").unwrap();
        let (hostname, mounts) = shared_etc_files(dir.path()).unwrap();
        assert_eq!(hostname, "webhost");
        assert_eq!(mounts, [
            ("/etc/hostname".to_string(), dir.path().join("hostname")),
            ("/etc/hosts".to_string(), dir.path().join("hosts")),
            ("/etc/resolv.conf".to_string(), dir.path().join("resolv.conf")),
        ]);
        assert!(shared_etc_files(&dir.path().join("gone")).is_err());
    }
}
