//! What `ps` lists of every container, read through a cache.
//!
//! A `ps` over a thousand containers spent most of its time opening and
//! parsing two JSON files per container, whose full spec it mostly throws
//! away. `containers/.listing-cache.json` keeps, per container, the fields
//! listings print and filter on, with the identity (inode, size, mtime,
//! ctime) of the two files they came from. A listing then stats the files
//! (two `fstatat`s relative to the containers directory) and reads only
//! those whose identity changed.
//!
//! Correctness does not depend on the cache: any file written since (by
//! any pontoon, by rename or in place) has another inode or ctime; an
//! unreadable or foreign cache is ignored and rewritten. As in git's
//! "racily clean" rule, an entry is cached only when both files' ctimes
//! are older than the listing by more than a filesystem timestamp tick, so
//! that a write landing in the same tick as the read can never look
//! unchanged. The cache is written without fsync by the store's atomic
//! write (store::atomic), 0600 like the records it copies from (it holds
//! commands, labels, mounts and healthchecks): after a crash it is at worst
//! missing or unparsable, and then rebuilt. A crash in the middle of a
//! write leaves a temporary file beside it (`.listing-cache.json.XXXXXX`):
//! the next write removes those it saw, so they never pile up.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::os::fd::AsRawFd;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use nix::fcntl::AtFlags;
use serde::{Deserialize, Serialize};

use crate::spec::container::ContainerSpec;
use crate::spec::health::HealthSpec;
use crate::spec::mounts::MountSpec;
use crate::spec::ports::PortMapping;
use crate::spec::restart::RestartPolicy;
use crate::store::atomic::{write_atomic_with_as, Durability};
use crate::store::containers::{read_json, Container, ContainerRecord, ContainerState, ContainerStore, RECORD_FILE, STATE_FILE};

const CACHE_FILE: &str = ".listing-cache.json";
/// The cache's temporary files (and those of the hand-written writes of
/// earlier versions, `.listing-cache.json.PID.RAND`) start with this.
const TMP_PREFIX: &str = ".listing-cache.json.";
/// Bumped whenever an entry's meaning changes: another format is ignored
/// (2: written 0600, so a cache an older pontoon left readable is replaced).
const FORMAT: u32 = 2;
/// How much older than the listing a file's ctime must be for its entry
/// to be cached: more than any filesystem's timestamp granularity.
const RACY_NANOS: i128 = 2_000_000_000;

/// A file's identity: inode, size, mtime and ctime (nanoseconds). Any
/// write, in place or by rename, changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey(u64, i64, i128, i128);

impl FileKey {
    fn of(stat: &nix::sys::stat::FileStat) -> FileKey {
        FileKey(
            stat.st_ino,
            stat.st_size,
            stat.st_mtime as i128 * 1_000_000_000 + stat.st_mtime_nsec as i128,
            stat.st_ctime as i128 * 1_000_000_000 + stat.st_ctime_nsec as i128,
        )
    }
}

/// The part of a container's spec listings use (see `ListedSpec::into_spec`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct ListedSpec {
    image: String,
    command: Vec<String>,
    entrypoint: Option<String>,
    labels: BTreeMap<String, String>,
    restart: RestartPolicy,
    mounts: Vec<MountSpec>,
    ports: Vec<PortMapping>,
    expose: Vec<PortMapping>,
    health: HealthSpec,
    pod: Option<String>,
}

impl ListedSpec {
    fn of(spec: &ContainerSpec) -> ListedSpec {
        ListedSpec {
            image: spec.image.clone(),
            command: spec.command.clone(),
            entrypoint: spec.entrypoint.clone(),
            labels: spec.labels.clone(),
            restart: spec.restart.clone(),
            mounts: spec.mounts.clone(),
            ports: spec.ports.clone(),
            expose: spec.expose.clone(),
            health: spec.health.clone(),
            pod: spec.pod.clone(),
        }
    }

    fn into_spec(self) -> ContainerSpec {
        ContainerSpec {
            image: self.image,
            command: self.command,
            entrypoint: self.entrypoint,
            labels: self.labels,
            restart: self.restart,
            mounts: self.mounts,
            ports: self.ports,
            expose: self.expose,
            health: self.health,
            pod: self.pod,
            ..Default::default()
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    id: String,
    record_key: FileKey,
    /// None: the container has no state file yet (read as the default state).
    state_key: Option<FileKey>,
    name: String,
    created: DateTime<Utc>,
    image_id: String,
    image_name: String,
    spec: ListedSpec,
    state: ContainerState,
}

impl Entry {
    /// A container's entry; its state as settled (a stopper found gone
    /// stays gone, so settling again later gives the same).
    fn of(c: &Container, record_key: FileKey, state_key: Option<FileKey>) -> Entry {
        let r = &c.record;
        Entry {
            id: r.id.clone(),
            record_key,
            state_key,
            name: r.name.clone(),
            created: r.created,
            image_id: r.image_id.clone(),
            image_name: r.image_name.clone(),
            spec: ListedSpec::of(&r.spec),
            state: c.state.clone(),
        }
    }

    fn into_container(self) -> Container {
        let record = ContainerRecord { id: self.id, name: self.name, created: self.created, image_id: self.image_id, image_name: self.image_name, spec: self.spec.into_spec() };
        let mut state = self.state;
        state.settle();
        Container { record, state }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct Cache {
    format: u32,
    entries: Vec<Entry>,
}

impl ContainerStore {
    /// Every complete container, newest first, for listings (`ps`): the
    /// record's spec holds only the image, command, entrypoint, labels,
    /// restart policy, mounts, ports, exposed ports, healthcheck and pod;
    /// the rest is default. Whatever acts on a container loads it in full
    /// (`load`, `find`).
    pub fn list_for_listing(&self) -> Result<Vec<Container>> {
        let dir = self.containers_dir();
        // Stats relative to the directory walk two path components, not all.
        let dir_fd = match fs::File::open(dir) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(anyhow::Error::new(e).context(format!("open {}", dir.display()))),
        };
        let cache_path = dir.join(CACHE_FILE);
        let mut cached: HashMap<String, Entry> = read_cache(&cache_path).into_iter().map(|e| (e.id.clone(), e)).collect();
        let loaded_count = cached.len();
        let now = now_nanos();
        // Containers are large (2 kB): each is built once, in its place in
        // the newest-first list. The scan only notes where each comes from;
        // the small notes are sorted, then the list is built in order.
        let mut found: Vec<Found> = Vec::with_capacity(loaded_count + 16);
        let mut fresh: Vec<Option<Container>> = Vec::new();
        let mut changed = false;
        // Temporary files of cache writes a crash cut short.
        let mut leftovers = Vec::new();
        let ids = fs::read_dir(dir).map_err(|e| anyhow::Error::new(e).context(format!("list {}", dir.display())))?;
        for entry in ids.filter_map(|e| e.ok()) {
            let name = entry.file_name();
            if name.to_str().is_some_and(|n| n.starts_with(TMP_PREFIX)) {
                leftovers.push(entry.path());
                continue;
            }
            let Some(id) = name.to_str().filter(|n| n.len() == 64) else { continue };
            let Some(record_key) = stat_at(&dir_fd, &format!("{id}/{RECORD_FILE}"))? else { continue };
            let state_key = stat_at(&dir_fd, &format!("{id}/{STATE_FILE}"))?;
            if let Some(hit) = cached.get(id).filter(|e| e.record_key == record_key && e.state_key == state_key) {
                found.push(Found { created: hit.created, from: Source::Cache(id.to_string()), keys: Some((record_key, state_key)) });
                continue;
            }
            // Stat first, read second: a file replaced in between is read
            // new under the old key, and read again next time.
            let container_dir = dir.join(id);
            let Some(record) = read_json::<ContainerRecord>(&container_dir.join(RECORD_FILE))? else { continue };
            let mut state: ContainerState = read_json(&container_dir.join(STATE_FILE))?.unwrap_or_default();
            state.settle();
            let settled = [Some(record_key), state_key].iter().flatten().all(|k| k.3 < now - RACY_NANOS);
            changed |= settled;
            found.push(Found { created: record.created, from: Source::Read(fresh.len()), keys: settled.then_some((record_key, state_key)) });
            fresh.push(Some(Container { record, state }));
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.created));
        let mut out: Vec<Container> = Vec::with_capacity(found.len());
        let mut keys: Vec<Option<(FileKey, Option<FileKey>)>> = Vec::with_capacity(found.len());
        for f in found {
            let container = match f.from {
                Source::Cache(id) => cached.remove(&id).map(Entry::into_container),
                Source::Read(i) => fresh.get_mut(i).and_then(Option::take),
            };
            if let Some(c) = container {
                out.push(c);
                keys.push(f.keys);
            }
        }
        let kept = keys.iter().flatten().count();
        // Fewer kept than loaded: containers were removed since.
        if changed || kept != loaded_count || !leftovers.is_empty() {
            let entries = out.iter().zip(&keys).filter_map(|(c, k)| k.map(|(record_key, state_key)| Entry::of(c, record_key, state_key))).collect();
            write_cache(&cache_path, entries, &leftovers);
        }
        Ok(out)
    }
}

/// Where the scan found one container, and its files' keys when its entry
/// may be cached.
struct Found {
    created: DateTime<Utc>,
    from: Source,
    keys: Option<(FileKey, Option<FileKey>)>,
}

enum Source {
    /// Its cache entry, still valid (by Id).
    Cache(String),
    /// Read from its files (index into the scan's fresh containers).
    Read(usize),
}

fn stat_at(dir: &fs::File, path: &str) -> Result<Option<FileKey>> {
    match nix::sys::stat::fstatat(Some(dir.as_raw_fd()), path, AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(st) => Ok(Some(FileKey::of(&st))),
        Err(nix::errno::Errno::ENOENT) | Err(nix::errno::Errno::ENOTDIR) => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context(format!("stat {path}"))),
    }
}

fn now_nanos() -> i128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as i128).unwrap_or(0)
}

/// The cached entries; none when the cache is missing, unreadable or of
/// another format.
fn read_cache(path: &Path) -> Vec<Entry> {
    let Ok(bytes) = fs::read(path) else { return Vec::new() };
    match serde_json::from_slice::<Cache>(&bytes) {
        Ok(cache) if cache.format == FORMAT => cache.entries,
        _ => Vec::new(),
    }
}

/// Best effort: a listing works the same without its cache (read-only
/// store, full disk, another user's store). `leftovers` are temporary
/// files of earlier writes, removed first: one that a parallel listing is
/// writing right now only costs that listing its cache write.
fn write_cache(path: &Path, entries: Vec<Entry>, leftovers: &[PathBuf]) {
    for tmp in leftovers {
        let _ = fs::remove_file(tmp);
    }
    let Ok(bytes) = serde_json::to_vec(&Cache { format: FORMAT, entries }) else { return };
    let _ = write_atomic_with_as(path, TMP_PREFIX, Some(0o600), Durability::Volatile, |file| file.write_all(&bytes).context("write the listing cache"));
}
