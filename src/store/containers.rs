//! Container records under `containers/<id>/`: `container.json` (what was
//! asked for; written once at create, rewritten by rename) and `state.json`
//! (what is happening; rewritten atomically by whoever changes it). `ps`
//! reads these files only, so it never waits on a running container.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::errors::PontoonError;
use crate::spec::container::ContainerSpec;
use crate::store::atomic::{write_json_atomic_as, Durability};
use crate::store::container_names::cut_by_crash;
use crate::store::lock::{lock_dir, lock_exclusive, try_lock_dir};
use crate::store::reserve::{is_no_space, Reserve};

pub(super) const RECORD_FILE: &str = "container.json";
pub(super) const STATE_FILE: &str = "state.json";
/// `containers/.removing-<id>`: a container being removed (never 64
/// characters long, so listings and lookups skip it).
const TOMBSTONE_PREFIX: &str = ".removing-";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ContainerRecord {
    /// 64 hex characters.
    pub id: String,
    pub name: String,
    pub created: DateTime<Utc>,
    /// The image's Id (config digest) and the name the user gave.
    pub image_id: String,
    pub image_name: String,
    pub spec: ContainerSpec,
}

#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Created,
    Running,
    Paused,
    Stopping,
    Exited,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Stopping => "stopping",
            Status::Exited => "exited",
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ContainerState {
    pub status: Status,
    /// The container's init process, as seen from the host.
    #[serde(default)]
    pub pid: Option<i32>,
    /// The init's start time (/proc/PID/stat field 22), so that a process
    /// that later reused the pid is never taken for it.
    #[serde(default)]
    pub pid_start_time: Option<u64>,
    #[serde(default)]
    pub monitor_pid: Option<i32>,
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub exit_code: Option<i32>,
    #[serde(default)]
    pub oom_killed: bool,
    #[serde(default)]
    pub restart_count: u32,
    /// Set by `stop`, so that a restart policy does not bring it back.
    #[serde(default)]
    pub stopped_by_user: bool,
    #[serde(default)]
    pub error: Option<String>,
    /// The running container's addresses, one per network it is on (set
    /// by its monitor, network::setup; empty once it stops).
    #[serde(default)]
    pub endpoints: Vec<crate::spec::network::Endpoint>,
    /// What `host.containers.internal` resolves to for it, while running.
    #[serde(default)]
    pub host_gateway: Option<std::net::IpAddr>,
    /// A nameserver of its network's own (slirp4netns'), while running.
    #[serde(default)]
    pub network_dns: Option<std::net::IpAddr>,
    /// The published ports as bound while the container runs (real host
    /// ports, one entry per address): what `port`, `ps` and `inspect` show.
    #[serde(default)]
    pub ports: Vec<crate::spec::ports::PortMapping>,
    /// Docker's `.State.Health`, for a container with a healthcheck: set
    /// to starting at each start, then by each check's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<crate::spec::health::HealthState>,
    /// The `stop` command waiting for the container to exit, while the
    /// status says stopping: a stopping state whose stopper is gone
    /// (killed) is read as running again (see [`ContainerState::settle`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopper: Option<Stopper>,
    /// Set at create for a `--rm` container: its records are renamed into
    /// place but never synced ([`Durability::Volatile`]). A crash that
    /// loses one loses nothing that matters: the container's process dies
    /// with the host, and the container was to be removed at its exit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub volatile: bool,
}

/// A process, by pid and start time (so that a reused pid is not it).
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stopper {
    pub pid: i32,
    pub start_time: u64,
}

impl Stopper {
    /// This process, when /proc tells its start time.
    pub fn this_process() -> Option<Stopper> {
        let pid = std::process::id() as i32;
        Some(Stopper { pid, start_time: crate::runtime::process_start_time(pid)? })
    }

    fn alive(&self) -> bool {
        crate::runtime::process_start_time(self.pid) == Some(self.start_time)
    }
}

impl ContainerState {
    /// The state as it really is: "stopping" only while the stop command
    /// that wrote it still waits; otherwise the container is as running
    /// as before (whether it still runs is the monitor's to tell).
    pub(super) fn settle(&mut self) {
        if self.status == Status::Stopping && !self.stopper.is_some_and(|s| s.alive()) {
            self.status = Status::Running;
            self.stopper = None;
        }
    }
}

/// A container's record and state, as read together.
#[derive(Clone, Debug)]
pub struct Container {
    pub record: ContainerRecord,
    pub state: ContainerState,
}

#[derive(Clone, Debug)]
pub struct ContainerStore {
    dir: PathBuf,
    reserve: Reserve,
}

impl ContainerStore {
    pub fn new(root: &Path) -> ContainerStore {
        ContainerStore { dir: root.join("containers"), reserve: Reserve::new(root) }
    }

    /// `containers/`, holding a directory per container.
    pub(super) fn containers_dir(&self) -> &Path {
        &self.dir
    }

    /// The directory holding one container's files (and its rootfs upper layer).
    pub fn dir_of(&self, id: &str) -> PathBuf {
        self.dir.join(id)
    }

    /// Records a new container; fails when its name is taken. The
    /// directory is made and locked before the name is claimed and stays
    /// locked until the record is written: a claim whose container has a
    /// locked directory is a create in progress, not a dead one (see
    /// store::container_names).
    pub fn create(&self, record: &ContainerRecord) -> Result<()> {
        let dir = self.dir_of(&record.id);
        let (_creating, buried) = {
            let names = self.lock_names()?;
            fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
            let creating = try_lock_dir(&dir)?.with_context(|| format!("{} is locked by another command", dir.display()))?;
            match self.reserve_name(&names, &record.name, &record.id) {
                Ok(buried) => (creating, buried),
                Err(e) => {
                    let _ = fs::remove_dir(&dir);
                    return Err(e);
                }
            }
        };
        if let Some(buried) = buried {
            buried.delete();
        }
        let volatile = record.spec.auto_remove;
        let state = ContainerState { volatile, ..Default::default() };
        let written = write_json_atomic_as(&dir.join(STATE_FILE), &state, Durability::unless(volatile))
            // The record is written last: a directory without it is an
            // interrupted create, which `list` ignores and prune removes.
            .and_then(|_| write_json_atomic_as(&dir.join(RECORD_FILE), record, Durability::unless(volatile)));
        if written.is_err() {
            self.release_name(&record.name, &record.id);
        }
        written
    }

    /// Gives a container another name (as `rename`).
    pub fn rename(&self, id: &str, new_name: &str) -> Result<()> {
        let mut c = self.load(id)?;
        let buried = self.reserve_name(&self.lock_names()?, new_name, id)?;
        if let Some(buried) = buried {
            buried.delete();
        }
        let old = std::mem::replace(&mut c.record.name, new_name.to_string());
        if let Err(e) = write_json_atomic_as(&self.dir_of(id).join(RECORD_FILE), &c.record, Durability::unless(c.state.volatile)) {
            self.release_name(new_name, id);
            return Err(e);
        }
        self.release_name(&old, id);
        Ok(())
    }

    /// Changes a container's record (`network connect` / `disconnect`)
    /// under a per-container lock; returns the record as written.
    pub fn update_record(&self, id: &str, change: impl FnOnce(&mut ContainerRecord) -> Result<()>) -> Result<ContainerRecord> {
        self.load(id)?; // a missing container is NoSuchContainer, not a lock error
        let dir = self.dir_of(id);
        let _guard = lock_exclusive(&dir.join("record.lock"))?;
        let mut record = self.load(id)?.record;
        change(&mut record)?;
        write_json_atomic_as(&dir.join(RECORD_FILE), &record, Durability::unless(record.spec.auto_remove))?;
        Ok(record)
    }

    pub fn load(&self, id: &str) -> Result<Container> {
        let dir = self.dir_of(id);
        let record: ContainerRecord = read_json(&dir.join(RECORD_FILE))?.ok_or_else(|| PontoonError::NoSuchContainer(id.to_string()))?;
        let mut state: ContainerState = read_json(&dir.join(STATE_FILE))?.unwrap_or_default();
        state.settle();
        Ok(Container { record, state })
    }

    pub fn save_state(&self, id: &str, state: &ContainerState) -> Result<()> {
        write_json_atomic_as(&self.dir_of(id).join(STATE_FILE), state, Durability::unless(state.volatile))
    }

    /// Reads, changes and writes a container's state under a per-container lock.
    pub fn update_state<T>(&self, id: &str, change: impl FnOnce(&mut ContainerState) -> Result<T>) -> Result<T> {
        let dir = self.dir_of(id);
        let _guard = lock_exclusive(&dir.join("state.lock"))?;
        let mut state: ContainerState = read_json(&dir.join(STATE_FILE))?.unwrap_or_default();
        state.settle();
        let out = change(&mut state)?;
        self.save_state(id, &state)?;
        Ok(out)
    }

    /// Like `update_state`, but does nothing when the container was removed.
    pub fn update_state_if_exists(&self, id: &str, change: impl FnOnce(&mut ContainerState) -> Result<()>) -> Result<()> {
        if !self.has_record(id) {
            return Ok(());
        }
        self.update_state(id, change)
    }

    /// Every complete container, newest first.
    pub fn list(&self) -> Result<Vec<Container>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("list {}", self.dir.display())),
        };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.len() != 64 {
                continue;
            }
            match self.load(&name) {
                Ok(c) => out.push(c),
                Err(e) if is_missing(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        out.sort_by_key(|c| std::cmp::Reverse(c.record.created));
        Ok(out)
    }

    /// Finds a container by full Id, name, or unique Id prefix, reading
    /// only the one container's files.
    pub fn find(&self, wanted: &str) -> Result<Container> {
        if wanted.len() == 64 && self.has_record(wanted) {
            return self.load(wanted);
        }
        if !wanted.is_empty() && !wanted.contains('/') {
            if let Some(id) = self.name_owner(wanted) {
                if let Ok(c) = self.load(&id) {
                    if c.record.name == wanted {
                        return Ok(c);
                    }
                }
            }
        }
        let ids: Vec<String> = match fs::read_dir(&self.dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.len() == 64 && !wanted.is_empty() && n.starts_with(wanted))
                .filter(|n| self.has_record(n))
                .collect(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e).with_context(|| format!("list {}", self.dir.display())),
        };
        match ids.as_slice() {
            [one] => self.load(one),
            [] => Err(PontoonError::NoSuchContainer(wanted.to_string()).into()),
            _ => Err(PontoonError::Ambiguous { prefix: wanted.to_string(), what: "container" }.into()),
        }
    }

    /// Removes a container's files, crash-safe: the directory is locked and
    /// renamed to a tombstone first (one rename: listings skip it at once,
    /// and it needs no new disk space), the name claim is dropped, then the
    /// tree is deleted. A command killed midway leaves a tombstone that
    /// `tombstones` lists and the next rm or prune finishes.
    pub fn remove(&self, id: &str) -> Result<()> {
        let dir = self.dir_of(id);
        let tomb = self.tombstone_of(id);
        let loaded = self.load(id).ok();
        // A `--rm` container's removal need not outlive a crash either.
        let volatile = loaded.as_ref().is_some_and(|c| c.state.volatile);
        let name = loaded.map(|c| c.record.name);
        match lock_dir(&dir) {
            Ok(_held) => {
                // A tombstone of an earlier, interrupted removal is in the way.
                crate::store::layers::remove_tree(&tomb).with_context(|| format!("remove {}", tomb.display()))?;
                match fs::rename(&dir, &tomb) {
                    // A parallel rm of the same container got there first.
                    Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                    renamed => renamed.with_context(|| format!("rename {} to {}", dir.display(), tomb.display()))?,
                }
                // The lock moved with the directory: a cleaner skips it.
                if !volatile {
                    let _ = crate::store::atomic::sync_dir(&self.dir);
                }
                if let Some(name) = &name {
                    self.release_name(name, id);
                }
                crate::store::layers::remove_tree(&tomb).with_context(|| format!("remove container {id}"))?;
            }
            Err(_) if !dir.exists() => {}
            Err(e) => return Err(e),
        }
        self.reserve.refill();
        Ok(())
    }

    pub(super) fn tombstone_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{TOMBSTONE_PREFIX}{id}"))
    }

    /// Tombstones nobody is deleting now (their remove was killed), and
    /// the directories of containers without a usable record (made
    /// tombstones first, see store::container_names): the directory,
    /// locked for the caller, and what it recorded.
    pub fn abandoned_tombstones(&self) -> Vec<Tombstone> {
        if let Err(e) = self.bury_dead() {
            eprintln!("warning: containers without a usable record are left: {}", crate::errors::one_line(&e));
        }
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut out = Vec::new();
        for entry in entries.filter_map(|e| e.ok()) {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = file_name.strip_prefix(TOMBSTONE_PREFIX) else { continue };
            let dir = entry.path();
            let Ok(Some(guard)) = try_lock_dir(&dir) else { continue };
            let record: Option<ContainerRecord> = read_json(&dir.join(RECORD_FILE)).ok().flatten();
            let state: ContainerState = read_json(&dir.join(STATE_FILE)).ok().flatten().unwrap_or_default();
            out.push(Tombstone { id: id.to_string(), dir, name: record.map(|r| r.name), state, _guard: guard });
        }
        out
    }

    /// Deletes a tombstone and drops its name claim if it still has it.
    pub fn finish_removal(&self, tomb: Tombstone) -> Result<()> {
        if let Some(name) = &tomb.name {
            self.release_name(name, &tomb.id);
        }
        crate::store::layers::remove_tree(&tomb.dir).with_context(|| format!("finish removing container {} ({})", tomb.id, tomb.dir.display()))?;
        self.reserve.refill();
        Ok(())
    }

    /// As `update_state`, but a full disk is no failure: for the state
    /// written on the way to stopping or removing a container, which must
    /// work when the store's filesystem is full. Returns whether it wrote.
    pub fn update_state_best_effort(&self, id: &str, change: impl FnOnce(&mut ContainerState) -> Result<()>) -> Result<bool> {
        match self.update_state(id, change) {
            Ok(()) => Ok(true),
            Err(e) if is_no_space(&e) => {
                eprintln!("warning: the state of container {} was not saved: {}", &id[..id.len().min(12)], crate::errors::one_line(&e));
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

/// A container directory renamed for removal (see `ContainerStore::remove`).
pub struct Tombstone {
    pub id: String,
    pub dir: PathBuf,
    pub name: Option<String>,
    pub state: ContainerState,
    _guard: crate::store::lock::LockGuard,
}

fn is_missing(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_)))
}

pub(super) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    match fs::read(path) {
        // Only a volatile write cut by a crash leaves an empty record (see
        // `ContainerState::volatile`): that container is gone, as a missing
        // record says.
        Ok(bytes) if cut_by_crash(&bytes) => Ok(None),
        Ok(bytes) => Ok(Some(serde_json::from_slice(&bytes).with_context(|| format!("parse {}", path.display()))?)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("read {}", path.display())),
    }
}

/// A new random container Id: 64 hex characters.
pub fn new_id() -> String {
    let bytes: [u8; 32] = rand::random();
    hex::encode(bytes)
}

/// A generated name, `adjective_noun`, as Docker gives.
pub fn random_name() -> String {
    use rand::seq::SliceRandom;
    const ADJECTIVES: &[&str] = &[
        "agile", "bold", "brave", "calm", "clever", "cool", "eager", "fervent", "gentle", "happy", "jolly", "keen",
        "kind", "lucid", "merry", "nifty", "quiet", "quirky", "serene", "sharp", "stoic", "sweet", "tender", "vivid",
        "wise", "zealous", "festive", "focused", "hungry", "modest",
    ];
    const NOUNS: &[&str] = &[
        "albatross", "badger", "barracuda", "beaver", "canoe", "dolphin", "ferry", "gull", "heron", "jetty", "kayak",
        "keel", "lagoon", "mooring", "otter", "paddle", "pelican", "pier", "puffin", "raft", "reef", "sail", "seal",
        "skiff", "tern", "tide", "walrus", "wharf", "whale", "yacht",
    ];
    let mut rng = rand::thread_rng();
    format!("{}_{}", ADJECTIVES.choose(&mut rng).unwrap_or(&"calm"), NOUNS.choose(&mut rng).unwrap_or(&"raft"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopping_holds_only_while_its_stopper_lives() {
        let me = Stopper::this_process().expect("our own start time");
        let mut waiting = ContainerState { status: Status::Stopping, stopper: Some(me), ..Default::default() };
        waiting.settle();
        assert_eq!(waiting.status, Status::Stopping);
        // The same pid with another start time is another process.
        let gone = Stopper { pid: me.pid, start_time: me.start_time + 1 };
        let mut stale = ContainerState { status: Status::Stopping, stopper: Some(gone), ..Default::default() };
        stale.settle();
        assert_eq!((stale.status, stale.stopper), (Status::Running, None));
    }

    fn record(id: &str, name: &str) -> ContainerRecord {
        ContainerRecord {
            id: id.into(),
            name: name.into(),
            created: Utc::now(),
            image_id: "x".into(),
            image_name: "busybox".into(),
            spec: ContainerSpec::default(),
        }
    }

    #[test]
    fn names_are_unique_and_prefixes_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let store = ContainerStore::new(dir.path());
        let a = format!("aa{}", "0".repeat(62));
        let b = format!("ab{}", "0".repeat(62));
        store.create(&record(&a, "web")).unwrap();
        store.create(&record(&b, "db")).unwrap();
        let err = store.create(&record(&new_id(), "web")).unwrap_err();
        assert!(err.to_string().contains("already in use"), "{err}");
        assert_eq!(store.find("web").unwrap().record.id, a);
        assert_eq!(store.find("ab").unwrap().record.name, "db");
        assert!(store.find("a").unwrap_err().to_string().contains("ambiguous"));
        assert!(store.find("zz").is_err());
        assert!(store.rename(&b, "web").unwrap_err().to_string().contains("already in use"));
        store.rename(&b, "cache").unwrap();
        assert_eq!(store.find("cache").unwrap().record.id, b);
        store.update_state(&a, |s| {
            s.status = Status::Running;
            Ok(())
        })
        .unwrap();
        assert_eq!(store.load(&a).unwrap().state.status, Status::Running);
        store.remove(&a).unwrap();
        assert_eq!(store.list().unwrap().len(), 1);
        store.create(&record(&new_id(), "web")).expect("a removed container's name is free again");
        store.rename(&b, "database").unwrap();
        assert_eq!(store.find("database").unwrap().record.id, b);
        assert!(store.find("db").is_err() && store.find("cache").is_err());
    }

    #[test]
    fn generated_names_and_ids_have_docker_shapes() {
        assert_eq!(new_id().len(), 64);
        assert!(random_name().contains('_'));
    }
}
