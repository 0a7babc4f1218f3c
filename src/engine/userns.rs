//! The container's own user namespace (`--userns keep-id|nomap|auto`,
//! `--uidmap/--gidmap`), decided at create: the maps (spec::userns) from
//! what this machine has, the user keep-id runs as, the passwd and group
//! lines it adds, all written into the OCI bundle. The monitor makes the
//! root filesystem match the maps (runtime::userns_rootfs) and the
//! runtime makes the namespace (runtime::builtin).

use anyhow::{Context, Result};
use oci_spec::runtime::{LinuxIdMapping, LinuxIdMappingBuilder, LinuxNamespaceBuilder, LinuxNamespaceType, Spec};

use crate::engine::process::ResolvedProcess;
use crate::runtime::userns as host;
use crate::runtime::userns_rootfs::{bundle_maps, GROUP_ANNOTATION, PASSWD_ANNOTATION};
use crate::spec::userns::{plan, IdMap, Outside, Plan, UsernsMode};
use crate::store::containers::ContainerRecord;
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// The annotation naming the mode (`keep-id`, `nomap`, `auto`,
/// `private`), for `inspect` and for the ranges `auto` must avoid.
pub const MODE_ANNOTATION: &str = "io.pontoon.userns";

/// What [`prepare`] decided for one container.
pub struct Userns {
    plan: Plan,
    mode: &'static str,
    /// keep-id: the lines the container's /etc/passwd and /etc/group get
    /// when the image has no entry for the user.
    passwd_line: Option<String>,
    group_line: Option<String>,
    /// `auto`: held until the bundle is written, so that two creates at
    /// once never take the same range.
    _auto_lock: Option<crate::store::lock::LockGuard>,
}

/// Decides the container's maps; for keep-id, also its default user
/// (`process.user`, unless `--user` was given). None: no namespace of its own.
pub fn prepare(store: &Store, record: &ContainerRecord, process: &mut ResolvedProcess, passwd: &str, group: &str) -> Result<Option<Userns>> {
    let ns = &record.spec.namespaces;
    let mode = ns.userns_mode()?;
    if !mode.is_private() {
        return Ok(None);
    }
    let rootless = store.paths.rootless;
    let mut auto_lock = None;
    let mut outside = Outside {
        rootless_size: None,
        uid: host::caller_uid(),
        gid: host::caller_gid(),
        auto_range: None,
        auto_taken: Vec::new(),
        image_max_id: crate::spec::userns::max_named_id(passwd).max(crate::spec::userns::max_named_id(group)),
    };
    if rootless {
        let count = host::own_id_count("/proc/self/uid_map")?.min(host::own_id_count("/proc/self/gid_map")?);
        outside.rootless_size = Some(count);
    }
    if let UsernsMode::Auto { .. } = mode {
        auto_lock = Some(crate::store::lock::lock_exclusive(&store.paths.runroot.join("userns-auto.lock"))?);
        outside.auto_taken = auto_ranges_in_use(store, &record.id);
        if !rootless {
            outside.auto_range = host::containers_ranges()?.map(|(u, g)| ((u.start, u.count), (g.start, g.count)));
        }
    }
    let plan = plan(&mode, &ns.uidmap, &ns.gidmap, &outside)?.context("a private user namespace without maps")?;
    let (mut passwd_line, mut group_line) = (None, None);
    if let Some((uid, gid)) = plan.default_user {
        if record.spec.user.is_none() {
            process.user = format!("{uid}:{gid}");
        }
        // As Podman: the caller gets an entry named after them, with the
        // working directory as home, unless the image has one for the uid.
        if uid == outside.uid && !has_id(passwd, uid) {
            let name = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)).ok().flatten().map_or_else(|| uid.to_string(), |u| u.name);
            passwd_line = Some(format!("{name}:*:{uid}:{gid}::{}:/bin/sh\n", process.cwd));
            if !has_id(group, gid) {
                group_line = Some(format!("{name}:x:{gid}:{name}\n"));
            }
        }
    }
    let mode_name = match mode {
        UsernsMode::KeepId { .. } => "keep-id",
        UsernsMode::NoMap => "nomap",
        UsernsMode::Auto { .. } => "auto",
        UsernsMode::Private | UsernsMode::Host => "private",
    };
    Ok(Some(Userns { plan, mode: mode_name, passwd_line, group_line, _auto_lock: auto_lock }))
}

/// Whether a passwd or group text has an entry with id `id` (third field).
fn has_id(text: &str, id: u32) -> bool {
    text.lines().any(|l| l.split(':').nth(2).and_then(|f| f.parse::<u32>().ok()) == Some(id))
}

impl Userns {
    /// The image's passwd text as the container will have it.
    pub fn extend_passwd(&self, passwd: &mut String) {
        if let Some(line) = &self.passwd_line {
            if !passwd.is_empty() && !passwd.ends_with('\n') {
                passwd.push('\n');
            }
            passwd.push_str(line);
        }
    }

    /// Adds the user namespace, its maps and the keep-id lines to the bundle.
    pub fn apply(&self, spec: &mut Spec) -> Result<()> {
        let oci = |maps: &[IdMap]| -> Result<Vec<LinuxIdMapping>> {
            maps.iter()
                .map(|m| LinuxIdMappingBuilder::default().container_id(m.container).host_id(m.host).size(m.size).build().context("build an id mapping"))
                .collect()
        };
        let linux = spec.linux_mut().as_mut().context("the bundle has no linux section")?;
        let mut namespaces = linux.namespaces().clone().unwrap_or_default();
        namespaces.push(LinuxNamespaceBuilder::default().typ(LinuxNamespaceType::User).build()?);
        linux.set_namespaces(Some(namespaces));
        linux.set_uid_mappings(Some(oci(&self.plan.uid_map)?));
        linux.set_gid_mappings(Some(oci(&self.plan.gid_map)?));
        // The network namespace is pontoon's, not the container's user
        // namespace's: sysfs cannot be mounted for it from inside, so the
        // host's is bound read-only (what Podman does), for any runtime.
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        for m in mounts.iter_mut().filter(|m| m.typ().as_deref() == Some("sysfs")) {
            m.set_typ(Some("bind".into()));
            m.set_source(Some("/sys".into()));
            m.set_options(Some(["rbind", "ro", "nosuid", "noexec", "nodev"].iter().map(|s| s.to_string()).collect()));
        }
        spec.set_mounts(Some(mounts));
        let mut annotations = spec.annotations().clone().unwrap_or_default();
        annotations.insert(MODE_ANNOTATION.to_string(), self.mode.to_string());
        if let Some(line) = &self.passwd_line {
            annotations.insert(PASSWD_ANNOTATION.to_string(), line.clone());
        }
        if let Some(line) = &self.group_line {
            annotations.insert(GROUP_ANNOTATION.to_string(), line.clone());
        }
        spec.set_annotations(Some(annotations));
        Ok(())
    }
}

/// The named volumes this container fills or makes (none filled yet):
/// call before `engine::volumes::materialize`.
pub fn fresh_volumes(store: &Store, record: &ContainerRecord) -> Vec<String> {
    use crate::spec::mounts::MountKind;
    record
        .spec
        .mounts
        .iter()
        .filter(|m| m.kind == MountKind::Volume)
        .filter(|m| match store.volumes.load(&m.source) {
            Ok(v) => !v.initialized && !v.options.contains_key("device"),
            Err(_) => true,
        })
        .map(|m| m.source.clone())
        .collect()
}

impl Userns {
    /// Gives the volumes just made (`fresh`, from [`fresh_volumes`]) the
    /// owners the container sees: the image's content copied into them,
    /// and their root, belong to the ids inside, as Podman chowns them.
    pub fn shift_volumes(&self, store: &Store, fresh: &[String]) -> Result<()> {
        for name in fresh {
            let data = store.volumes.data_dir(name);
            if data.is_dir() {
                crate::runtime::userns_rootfs::shift_tree(&data, &self.plan.uid_map, &self.plan.gid_map)
                    .with_context(|| format!("give volume {name} the owners of the container's user namespace"))?;
            }
        }
        Ok(())
    }
}

/// How a container's upper directory's owners (ids outside) read inside,
/// for `commit`: unchanged without a user namespace of its own.
pub fn owner_inside(config: &std::path::Path) -> impl Fn(u64, u64) -> Result<(u64, u64)> {
    let (uids, gids) = Spec::load(config).map(|s| bundle_maps(&s)).unwrap_or_default();
    move |uid, gid| {
        if uids.is_empty() {
            return Ok((uid, gid));
        }
        let back = |maps: &[IdMap], id: u64| u32::try_from(id).ok().and_then(|i| crate::spec::userns::to_container(maps, i));
        match (back(&uids, uid), back(&gids, gid)) {
            (Some(u), Some(g)) => Ok((u.into(), g.into())),
            _ => anyhow::bail!("owned by {uid}:{gid}, which the container's user namespace does not map"),
        }
    }
}

/// `inspect`: HostConfig.UsernsMode and IDMappings as Podman shows them
/// ("private" and the maps, for every mode with a namespace of its own).
pub fn add_inspect(host_config: &mut serde_json::Value, config: &std::path::Path) {
    let Ok(spec) = Spec::load(config) else { return };
    let (uids, gids) = bundle_maps(&spec);
    if uids.is_empty() && gids.is_empty() {
        return;
    }
    let text = |maps: &[IdMap]| maps.iter().map(IdMap::text).collect::<Vec<_>>();
    host_config["UsernsMode"] = serde_json::json!("private");
    host_config["IDMappings"] = serde_json::json!({ "UidMap": text(&uids), "GidMap": text(&gids) });
}

/// The outside uid ranges that other `--userns auto` containers hold.
fn auto_ranges_in_use(store: &Store, own_id: &str) -> Vec<(u32, u32)> {
    let Ok(containers) = store.containers.list() else { return Vec::new() };
    containers
        .iter()
        .filter(|c| c.record.id != own_id)
        .filter_map(|c| Spec::load(ContainerPaths::new(store, &c.record.id).config).ok())
        .filter(|s| s.annotations().as_ref().and_then(|a| a.get(MODE_ANNOTATION)).is_some_and(|m| m == "auto"))
        .flat_map(|s| bundle_maps(&s).0)
        .map(|m| (m.host, m.size))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_gets_the_namespace_its_maps_and_the_hosts_sys() {
        let map = vec![IdMap { container: 0, host: 1, size: 1000 }];
        let userns = Userns {
            plan: Plan { uid_map: map.clone(), gid_map: map, default_user: None },
            mode: "private",
            passwd_line: Some("me:*:5:5::/:/bin/sh\n".into()),
            group_line: None,
            _auto_lock: None,
        };
        let sys = oci_spec::runtime::MountBuilder::default().destination("/sys").typ("sysfs").source("sysfs").build().unwrap();
        let linux = oci_spec::runtime::LinuxBuilder::default().namespaces(vec![]).build().unwrap();
        let mut spec = oci_spec::runtime::SpecBuilder::default().mounts(vec![sys]).linux(linux).build().unwrap();
        userns.apply(&mut spec).unwrap();
        let linux = spec.linux().as_ref().unwrap();
        assert!(linux.namespaces().as_ref().unwrap().iter().any(|n| n.typ() == LinuxNamespaceType::User));
        assert_eq!(bundle_maps(&spec).1, vec![IdMap { container: 0, host: 1, size: 1000 }]);
        let sys = &spec.mounts().as_ref().unwrap()[0];
        assert_eq!((sys.typ().as_deref(), sys.source().as_deref()), (Some("bind"), Some(std::path::Path::new("/sys"))));
        let annotations = spec.annotations().as_ref().unwrap();
        assert_eq!(annotations[MODE_ANNOTATION], "private");
        assert!(annotations[PASSWD_ANNOTATION].starts_with("me:"));
        let mut passwd = "root:x:0:0::/root:/bin/sh".to_string();
        userns.extend_passwd(&mut passwd);
        assert_eq!(passwd, "root:x:0:0::/root:/bin/sh\nme:*:5:5::/:/bin/sh\n");
    }

    #[test]
    fn finds_entries_by_id() {
        assert!(has_id("root:x:0:0::/root:/bin/sh\nme:x:1001:1001::/:/bin/sh\n", 1001));
        assert!(!has_id("root:x:0:0::/root:/bin/sh\n", 1001));
    }
}
