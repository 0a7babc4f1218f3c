//! Container names (`containers/names/<name>`, holding the owner's Id) and
//! the containers a crash left without a usable record.
//!
//! A name claim is an exclusive create, so two creates never get one name
//! without a listing. A claim outlives its container when the container's
//! record is gone or was cut empty by a crash (a `--rm` container's records
//! are never synced, see `ContainerState::volatile`): every reader takes
//! such a container for missing, so its claim and directory are dead and
//! are taken back, the claim by the next create of the name, the directory
//! by the next `rm` or prune (`ContainerStore::abandoned_tombstones`).
//!
//! What tells a dead container from one being created: `create` makes and
//! locks the container's directory before it claims the name, and keeps
//! the directory locked until the record is written. Claims change and
//! directories are found dead only under `containers/names.lock`, so no
//! cleaner sees a directory in the moment between its mkdir and its lock,
//! and no claim is dropped after someone else took it over.

use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::errors::PontoonError;
use crate::store::containers::{ContainerStore, RECORD_FILE};
use crate::store::lock::{lock_exclusive, try_lock_dir, LockGuard};

/// Whether the bytes of a record are what a crash leaves of a write that
/// never reached the disk: nothing, or (on some filesystems) zeros. A
/// record pontoon wrote starts with `{`. The one test of a usable record:
/// `read_json` and `ContainerStore::has_record` both ask it.
pub(super) fn cut_by_crash(bytes: &[u8]) -> bool {
    matches!(bytes.first(), None | Some(0))
}

/// A dead container's directory, renamed to its tombstone and still
/// locked; deleted once the names lock is released.
pub(super) struct Buried {
    tomb: PathBuf,
    _guard: LockGuard,
}

impl Buried {
    /// Best effort: a tree this process may not delete (rootless, outside
    /// the storage namespace) stays a tombstone, which the next `rm` or
    /// prune finishes.
    pub(super) fn delete(self) {
        let _ = crate::store::layers::remove_tree(&self.tomb);
    }
}

impl ContainerStore {
    /// Whether container `id` has a usable record (see [`cut_by_crash`]).
    /// Only a missing record or one a crash cut counts as none: a record
    /// that cannot be read now (out of descriptors, an I/O error) is kept,
    /// as burying it would delete a container that may be running.
    pub(super) fn has_record(&self, id: &str) -> bool {
        let mut first = [0u8; 1];
        match fs::File::open(self.dir_of(id).join(RECORD_FILE)) {
            Ok(mut f) => f.read(&mut first).map_or(true, |n| !cut_by_crash(&first[..n])),
            Err(e) => !matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory),
        }
    }

    /// Held while name claims change and while dead directories are found.
    pub(super) fn lock_names(&self) -> Result<LockGuard> {
        fs::create_dir_all(self.containers_dir()).with_context(|| format!("create {}", self.containers_dir().display()))?;
        lock_exclusive(&self.containers_dir().join("names.lock"))
    }

    fn name_file(&self, name: &str) -> PathBuf {
        self.containers_dir().join("names").join(name)
    }

    /// The Id `name` is claimed for; None when unclaimed.
    pub(super) fn name_owner(&self, name: &str) -> Option<String> {
        fs::read_to_string(self.name_file(name)).ok()
    }

    /// Claims `name` for `id`, taking over a claim whose container is dead
    /// (its directory is returned buried, for the caller to delete once it
    /// has released the names lock).
    pub(super) fn reserve_name(&self, _names: &LockGuard, name: &str, id: &str) -> Result<Option<Buried>> {
        let path = self.name_file(name);
        let dir = self.containers_dir().join("names");
        fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
        let mut buried = None;
        for _ in 0..2 {
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(id.as_bytes()).with_context(|| format!("write {}", path.display()))?;
                    return Ok(buried);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let owner = fs::read_to_string(&path).unwrap_or_default();
                    if owner == id {
                        break;
                    }
                    match self.dead_owner(name, &owner)? {
                        Dead::No => break,
                        Dead::Yes(b) => buried = b.or(buried),
                    }
                    fs::remove_file(&path).with_context(|| format!("remove the dead claim {}", path.display()))?;
                }
                Err(e) => return Err(e).with_context(|| format!("claim the name in {}", path.display())),
            }
        }
        if let Some(b) = buried {
            b.delete();
        }
        Err(PontoonError::NameInUse(name.to_string()).into())
    }

    /// Drops `id`'s claim on `name`, if it still has it. Best effort: a
    /// claim left behind is dead, and taken over by the next create.
    pub(super) fn release_name(&self, name: &str, id: &str) {
        let Ok(_names) = self.lock_names() else { return };
        let path = self.name_file(name);
        if fs::read_to_string(&path).is_ok_and(|owner| owner == id) {
            let _ = fs::remove_file(&path);
        }
    }

    /// Whether the claim of `name` by `owner` is dead; a dead owner's
    /// directory, if any, is buried. Under the names lock.
    fn dead_owner(&self, name: &str, owner: &str) -> Result<Dead> {
        if !is_id(owner) {
            // The claim's own content was lost in a crash (claims are never
            // synced): dead unless a container still has the name.
            let taken = self.list()?.iter().any(|c| c.record.name == name);
            return Ok(if taken { Dead::No } else { Dead::Yes(None) });
        }
        if self.has_record(owner) {
            return Ok(Dead::No);
        }
        match self.bury_if_dead(owner)? {
            Burial::InUse => Ok(Dead::No),
            Burial::Absent => Ok(Dead::Yes(None)),
            Burial::Buried(b) => Ok(Dead::Yes(Some(b))),
        }
    }

    /// Renames container `id`'s directory to its tombstone when it has no
    /// usable record and no create holds it. Under the names lock.
    fn bury_if_dead(&self, id: &str) -> Result<Burial> {
        let dir = self.dir_of(id);
        let guard = match try_lock_dir(&dir) {
            Ok(Some(g)) => g,
            Ok(None) => return Ok(Burial::InUse),
            Err(_) if !dir.exists() => return Ok(Burial::Absent),
            Err(e) => return Err(e),
        };
        // A create that held the lock until a moment ago wrote the record.
        if self.has_record(id) {
            return Ok(Burial::InUse);
        }
        let tomb = self.tombstone_of(id);
        // A tombstone of an earlier, interrupted removal is in the way.
        crate::store::layers::remove_tree(&tomb).with_context(|| format!("remove {}", tomb.display()))?;
        fs::rename(&dir, &tomb).with_context(|| format!("rename {} to {}", dir.display(), tomb.display()))?;
        Ok(Burial::Buried(Buried { tomb, _guard: guard }))
    }

    /// Turns every container directory without a usable record (a record
    /// cut empty by a crash, a create killed before it wrote one) into a
    /// tombstone, and drops the claims of those containers: for `rm` and
    /// the prunes, which then finish the tombstones.
    pub(super) fn bury_dead(&self) -> Result<()> {
        let Ok(entries) = fs::read_dir(self.containers_dir()) else { return Ok(()) };
        let candidates: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_id(n) && !self.has_record(n))
            .collect();
        if candidates.is_empty() {
            return Ok(());
        }
        let _names = self.lock_names()?;
        let mut buried = Vec::new();
        for id in candidates {
            if let Burial::Buried(b) = self.bury_if_dead(&id)? {
                buried.push((id, b));
            }
        }
        if let Ok(claims) = fs::read_dir(self.containers_dir().join("names")) {
            for claim in claims.filter_map(|e| e.ok()) {
                if fs::read_to_string(claim.path()).is_ok_and(|owner| buried.iter().any(|(id, _)| *id == owner)) {
                    let _ = fs::remove_file(claim.path());
                }
            }
        }
        // The tombstones stay locked until here, then are the caller's.
        Ok(())
    }
}

enum Dead {
    No,
    Yes(Option<Buried>),
}

enum Burial {
    InUse,
    Absent,
    Buried(Buried),
}

/// A container Id: 64 lowercase hex characters (so also a safe path component).
fn is_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::container::ContainerSpec;
    use crate::store::containers::{new_id, ContainerRecord};

    fn record(id: &str, name: &str) -> ContainerRecord {
        ContainerRecord { id: id.into(), name: name.into(), created: chrono::Utc::now(), image_id: "x".into(), image_name: "busybox".into(), spec: ContainerSpec::default() }
    }

    #[test]
    fn a_record_cut_by_a_crash_is_no_record() {
        assert!(cut_by_crash(b"") && cut_by_crash(&[0, 0, 0]));
        assert!(!cut_by_crash(b"{\"id\":1}"));
    }

    #[test]
    fn the_name_of_a_container_whose_record_was_cut_empty_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let store = ContainerStore::new(dir.path());
        let dead = new_id();
        store.create(&record(&dead, "web")).unwrap();
        fs::write(store.dir_of(&dead).join(RECORD_FILE), "").unwrap();
        assert!(store.find("web").is_err(), "an empty record is a missing container");
        let second = new_id();
        store.create(&record(&second, "web")).expect("the dead container's name is free");
        assert_eq!(store.find("web").unwrap().record.id, second);
        assert!(!store.dir_of(&dead).exists() && !store.tombstone_of(&dead).exists(), "its directory is deleted");
    }

    #[test]
    fn a_record_that_cannot_be_read_now_is_never_buried() {
        let dir = tempfile::tempdir().unwrap();
        let store = ContainerStore::new(dir.path());
        let live = new_id();
        store.create(&record(&live, "web")).unwrap();
        // Opens, then fails to read (EISDIR), as an I/O error would.
        let path = store.dir_of(&live).join(RECORD_FILE);
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
        assert!(store.has_record(&live));
        store.bury_dead().unwrap();
        assert!(store.dir_of(&live).exists(), "a prune leaves it alone");
        assert_eq!(store.name_owner("web").as_deref(), Some(live.as_str()));
    }

    #[test]
    fn a_create_in_progress_keeps_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = ContainerStore::new(dir.path());
        // What a create holds between claiming the name and writing the record.
        let creating = new_id();
        fs::create_dir_all(store.dir_of(&creating)).unwrap();
        let _held = crate::store::lock::lock_dir(&store.dir_of(&creating)).unwrap();
        fs::create_dir_all(dir.path().join("containers/names")).unwrap();
        fs::write(store.name_file("web"), &creating).unwrap();
        let err = store.create(&record(&new_id(), "web")).unwrap_err();
        assert!(err.to_string().contains("already in use"), "{err}");
        store.bury_dead().unwrap();
        assert!(store.dir_of(&creating).exists(), "a prune leaves it alone");
        assert_eq!(store.name_owner("web").as_deref(), Some(creating.as_str()));
    }

    #[test]
    fn prune_buries_directories_without_a_record_and_their_claims() {
        let dir = tempfile::tempdir().unwrap();
        let store = ContainerStore::new(dir.path());
        let (dead, kept) = (new_id(), new_id());
        store.create(&record(&dead, "cut")).unwrap();
        store.create(&record(&kept, "whole")).unwrap();
        fs::write(store.dir_of(&dead).join(RECORD_FILE), [0u8; 16]).unwrap();
        let tombs: Vec<String> = store.abandoned_tombstones().into_iter().map(|t| t.id.clone()).collect();
        assert_eq!(tombs, vec![dead.clone()]);
        assert!(!store.dir_of(&dead).exists() && store.name_owner("cut").is_none());
        assert_eq!(store.name_owner("whole").as_deref(), Some(kept.as_str()));
    }
}
