//! Volume operations: create, inspect, remove (never while a container
//! uses the volume), prune; and a container's side of them: `prepare`
//! (before the record is written: expand `--volumes-from`, add anonymous
//! volumes for the image's VOLUMEs, say where each volume's data is) and
//! `materialize` (after: create missing volumes, copy the image's content
//! into new empty ones, create missing `-v` bind sources, apply `:U`).
//!
//! Every change to the set of volumes, and every "is it in use?" check,
//! holds the volumes lock. A container's record is written before its
//! volumes are made, so `volume rm` either sees the container or runs
//! entirely before it.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::Utc;
use serde_json::{json, Value};

use crate::engine::images::ImageView;
use crate::engine::user::ResolvedUser;
use crate::spec::container::ContainerSpec;
use crate::spec::mounts::{validate_volume_name, MountKind, MountSpec};
use crate::spec::resources::ImageVolumeMode;
use crate::store::containers::{Container, ContainerRecord};
use crate::store::volumes::{is_not_found, volumes_in_use, VolumeRecord};
use crate::store::Store;

/// Checks the local driver's `-o` options: only a bind of an existing host
/// directory (`type=none,o=bind,device=/path`) is possible without root.
pub fn validate_options(options: &BTreeMap<String, String>) -> Result<()> {
    for key in options.keys() {
        if !matches!(key.as_str(), "type" | "device" | "o") {
            bail!("unknown volume option {key:?}: the local driver takes type, device and o");
        }
    }
    if options.is_empty() {
        return Ok(());
    }
    let binds = options.get("o").is_some_and(|o| o.split(',').any(|x| x == "bind" || x == "rbind"));
    let typ = options.get("type").map(String::as_str).unwrap_or("none");
    let Some(device) = options.get("device") else { bail!("volume option device= is missing: use -o type=none -o o=bind -o device=/host/dir") };
    if typ != "none" || !binds {
        bail!("unsupported volume options: only type=none with o=bind and device=/host/dir can be mounted here");
    }
    if !Path::new(device).is_absolute() || !Path::new(device).is_dir() {
        bail!("volume device {device:?} is not an existing absolute directory: create it first");
    }
    Ok(())
}

/// Where a volume's data is: its `_data`, or the host directory it binds.
pub fn mountpoint(store: &Store, v: &VolumeRecord) -> PathBuf {
    match v.options.get("device") {
        Some(device) if v.options.contains_key("o") => PathBuf::from(device),
        _ => store.volumes.data_dir(&v.name),
    }
}

/// Creates a volume, or returns the existing one of that name (as Docker).
/// Needs the volumes lock.
fn create_locked(store: &Store, name: &str, labels: BTreeMap<String, String>, options: BTreeMap<String, String>, anonymous: bool) -> Result<(VolumeRecord, bool)> {
    match store.volumes.load(name) {
        Ok(existing) => return Ok((existing, false)),
        Err(e) if is_not_found(&e) => {}
        Err(e) => return Err(e),
    }
    let record = VolumeRecord { name: name.to_string(), driver: "local".into(), created: Utc::now(), labels, options, anonymous, initialized: false };
    store.volumes.create(&record)?;
    crate::engine::events::emit(store, crate::engine::events::Event::volume("create", &record.name));
    Ok((record, true))
}

/// `volume create`: a generated name when none is given.
pub fn create(store: &Store, name: Option<&str>, labels: BTreeMap<String, String>, options: BTreeMap<String, String>) -> Result<VolumeRecord> {
    let name = match name {
        Some(n) => {
            validate_volume_name(n)?;
            n.to_string()
        }
        None => crate::store::containers::new_id(),
    };
    validate_options(&options)?;
    let _lock = store.volumes.lock()?;
    Ok(create_locked(store, &name, labels, options, false)?.0)
}

/// `volume create --uid/--gid` (Podman's): the new volume's directory
/// belongs to these ids, as the container sees them (rootless, the store
/// is opened in the user namespace, so they map as a container's do).
/// Not for a bind volume (`-o device=`): that directory is the user's own.
pub fn set_owner(store: &Store, volume: &VolumeRecord, uid: Option<u32>, gid: Option<u32>) -> Result<()> {
    if uid.is_none() && gid.is_none() {
        return Ok(());
    }
    if volume.options.contains_key("device") {
        bail!("--uid and --gid are not supported for a volume of -o device=: chown the device directory itself");
    }
    let dir = store.volumes.data_dir(&volume.name);
    std::os::unix::fs::chown(&dir, uid, gid).with_context(|| format!("give volume {} to uid {uid:?} gid {gid:?}: use ids the user namespace maps (see /etc/subuid)", volume.name))
}

fn uses(c: &Container, name: &str) -> bool {
    c.record.spec.mounts.iter().any(|m| m.kind == MountKind::Volume && m.source == name)
}

/// `volume rm`: refuses while a container uses the volume; `force` only
/// makes a missing volume not an error (as Docker's `-f`).
pub fn remove(store: &Store, name: &str, force: bool) -> Result<()> {
    let _lock = store.volumes.lock()?;
    if let Err(e) = store.volumes.load(name) {
        return if force && is_not_found(&e) { Ok(()) } else { Err(e) };
    }
    if let Some(c) = store.containers.list()?.into_iter().find(|c| uses(c, name)) {
        return Err(crate::errors::PontoonError::VolumeInUse { volume: name.to_string(), container: c.record.name }.into());
    }
    store.volumes.remove(name)?;
    crate::engine::events::emit(store, crate::engine::events::Event::volume("remove", name));
    Ok(())
}

/// `volume prune`: unused anonymous volumes, or with `all` every unused
/// one, that have the labels in `labels` (`key` or `key=value`). Returns
/// the names removed and the bytes freed.
pub fn prune(store: &Store, all: bool, labels: &[String]) -> Result<(Vec<String>, u64)> {
    let _lock = store.volumes.lock()?;
    let used = volumes_in_use(store)?;
    let mut removed = Vec::new();
    let mut bytes = 0;
    for v in store.volumes.list()? {
        let labelled = labels.iter().all(|l| match l.split_once('=') {
            Some((k, val)) => v.labels.get(k).is_some_and(|have| have == val),
            None => v.labels.contains_key(l),
        });
        if used.contains(&v.name) || !(all || v.anonymous) || !labelled {
            continue;
        }
        bytes += dir_size(&store.volumes.data_dir(&v.name));
        store.volumes.remove(&v.name)?;
        crate::engine::events::emit(store, crate::engine::events::Event::volume("remove", &v.name));
        removed.push(v.name);
    }
    if !removed.is_empty() {
        crate::engine::events::emit(store, crate::engine::events::Event::volume("prune", ""));
    }
    Ok((removed, bytes))
}

/// `volume inspect`, as Docker shows it.
pub fn inspect_json(store: &Store, v: &VolumeRecord) -> Value {
    let mut labels = v.labels.clone();
    if v.anonymous {
        labels.insert("com.docker.volume.anonymous".into(), String::new());
    }
    json!({
        "CreatedAt": v.created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "Driver": v.driver,
        "Labels": labels,
        "Mountpoint": mountpoint(store, v).display().to_string(),
        "Name": v.name,
        "Options": v.options,
        "Scope": "local",
    })
}

/// How many containers use each volume (for `volume ls -f dangling=` and df).
pub fn usage_counts(store: &Store) -> Result<BTreeMap<String, usize>> {
    let mut counts = BTreeMap::new();
    for c in store.containers.list()? {
        for m in c.record.spec.mounts.iter().filter(|m| m.kind == MountKind::Volume) {
            *counts.entry(m.source.clone()).or_default() += 1;
        }
    }
    Ok(counts)
}

/// Bytes of the files under `path` (each hard-linked file once), as
/// Docker's `system df` counts them; 0 when it cannot be read.
pub fn dir_size(path: &Path) -> u64 {
    let mut seen = HashSet::new();
    let mut total = 0;
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let Ok(md) = entry.path().symlink_metadata() else { continue };
            if md.is_dir() {
                stack.push(entry.path());
            } else if md.nlink() <= 1 || seen.insert((md.dev(), md.ino())) {
                total += md.len();
            }
        }
    }
    total
}

/// Before a container's record is written: adds `--volumes-from` mounts
/// and anonymous volumes for the image's VOLUMEs not covered by a user
/// mount, and records where each volume's data is.
pub fn prepare(store: &Store, mut spec: ContainerSpec, image: &ImageView) -> Result<ContainerSpec> {
    let image_volumes: Vec<String> = image.config.config.as_ref().and_then(|c| c.volumes.as_ref()).map(|v| v.keys().cloned().collect()).unwrap_or_default();
    let taken = |spec: &ContainerSpec, target: &str| spec.mounts.iter().any(|m| m.target == target) || spec.tmpfs.iter().any(|t| t.target == target);
    for from in spec.volumes_from.clone() {
        let (name, mode) = match from.rsplit_once(':') {
            Some((n, m)) if m == "ro" || m == "rw" => (n, Some(m)),
            Some((_, m)) => bail!("invalid --volumes-from {from:?}: unknown mode {m:?}; use CONTAINER[:ro|rw]"),
            None => (from.as_str(), None),
        };
        let source = store.containers.find(name).with_context(|| format!("--volumes-from {name}"))?;
        for m in source.record.spec.mounts.iter().filter(|m| m.kind != MountKind::Tmpfs) {
            if taken(&spec, &m.target) {
                continue;
            }
            let mut copy = MountSpec { anonymous: false, chown: false, create_source: false, ..m.clone() };
            if let Some(mode) = mode {
                copy.readonly = mode == "ro";
            }
            spec.mounts.push(copy);
        }
    }
    for path in &image_volumes {
        let target = crate::spec::mounts::parse_volume(path, Path::new("/"))
            .with_context(|| format!("the image's VOLUME {path:?}"))?
            .target;
        // `--image-volume`: an anonymous volume (bind), a tmpfs, or nothing.
        let kind = match spec.tuning.image_volume {
            ImageVolumeMode::Bind => MountKind::Volume,
            ImageVolumeMode::Tmpfs => MountKind::Tmpfs,
            ImageVolumeMode::Ignore => continue,
        };
        if !taken(&spec, &target) {
            let source = if kind == MountKind::Volume { crate::store::containers::new_id() } else { String::new() };
            spec.mounts.push(MountSpec { kind, source, target, anonymous: kind == MountKind::Volume, ..Default::default() });
        }
    }
    for m in spec.mounts.iter_mut().filter(|m| m.kind == MountKind::Volume) {
        let path = match store.volumes.load(&m.source) {
            Ok(v) => mountpoint(store, &v),
            Err(e) if is_not_found(&e) => store.volumes.data_dir(&m.source),
            Err(e) => return Err(e),
        };
        m.host_path = Some(path.display().to_string());
    }
    Ok(spec)
}

/// After the record is written: creates missing volumes (copying the
/// image's content into new empty ones), creates missing `-v` bind
/// sources, and chowns `:U` sources to the container's user. On failure,
/// anonymous volumes made here are removed again.
pub fn materialize(store: &Store, record: &ContainerRecord, layers_top_first: &[PathBuf], user: &ResolvedUser) -> Result<()> {
    let _lock = store.volumes.lock()?;
    let mut made = Vec::new();
    let result = record.spec.mounts.iter().try_for_each(|m| materialize_one(store, m, layers_top_first, user, &mut made));
    if result.is_err() {
        for name in made {
            let _ = store.volumes.remove(&name);
        }
    }
    result
}

fn materialize_one(store: &Store, m: &MountSpec, layers: &[PathBuf], user: &ResolvedUser, made: &mut Vec<String>) -> Result<()> {
    let source = match m.kind {
        MountKind::Tmpfs => return Ok(()),
        MountKind::Bind => {
            let path = PathBuf::from(&m.source);
            if fs::symlink_metadata(&path).is_err() {
                if !m.create_source {
                    bail!("bind source path {} does not exist: create it first", path.display());
                }
                // Docker's -v makes a missing host directory.
                fs::create_dir_all(&path).with_context(|| format!("create the bind source {} (as -v does)", path.display()))?;
            }
            path
        }
        MountKind::Volume => {
            let (mut v, created) = create_locked(store, &m.source, m.volume_labels.clone(), BTreeMap::new(), m.anonymous)?;
            if created && m.anonymous {
                made.push(v.name.clone());
            }
            let data = mountpoint(store, &v);
            if !v.initialized {
                // As Docker: a volume's first container fills it from the
                // image, if it is empty (and not a bind of a host directory).
                let empty = fs::read_dir(&data).map(|mut d| d.next().is_none()).unwrap_or(false);
                if empty && !m.no_copy && !v.options.contains_key("device") {
                    crate::engine::copy_up::copy_up(layers, &m.target, &data)
                        .with_context(|| format!("copy the image's {} into volume {}", m.target, v.name))?;
                }
                v.initialized = true;
                store.volumes.create(&v)?;
            }
            data
        }
    };
    if m.chown {
        chown_tree(&source, user.uid, user.gid)?;
    }
    Ok(())
}

/// `:U`: gives a tree to the container's user, symlinks themselves too.
fn chown_tree(path: &Path, uid: u32, gid: u32) -> Result<()> {
    std::os::unix::fs::lchown(path, Some(uid), Some(gid)).with_context(|| format!("chown {} to {uid}:{gid} (:U)", path.display()))?;
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        for entry in fs::read_dir(path).with_context(|| format!("list {}", path.display()))? {
            chown_tree(&entry.with_context(|| format!("list {}", path.display()))?.path(), uid, gid)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bind_options_are_accepted() {
        let opts = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<BTreeMap<_, _>>();
        assert!(validate_options(&opts(&[])).is_ok());
        let dir = tempfile::tempdir().unwrap();
        let device = dir.path().display().to_string();
        assert!(validate_options(&opts(&[("type", "none"), ("o", "bind"), ("device", &device)])).is_ok());
        assert!(validate_options(&opts(&[("type", "nfs"), ("o", "addr=1.2.3.4"), ("device", ":/x")])).is_err());
        assert!(validate_options(&opts(&[("o", "bind"), ("device", "/no/such/dir")])).is_err());
        assert!(validate_options(&opts(&[("size", "1g")])).is_err());
    }

    #[test]
    fn sizes_count_hard_links_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a"), vec![0u8; 1000]).unwrap();
        fs::hard_link(dir.path().join("a"), dir.path().join("b")).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/c"), vec![0u8; 24]).unwrap();
        assert_eq!(dir_size(dir.path()), 1024);
    }
}
