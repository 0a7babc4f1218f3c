//! The containers ecosystem's storage.conf, read as Podman reads it:
//! `CONTAINERS_STORAGE_CONF` alone when set, else for root
//! /etc/containers/storage.conf (or /usr/share/containers/storage.conf),
//! and for a user $XDG_CONFIG_HOME/containers/storage.conf, falling back
//! to the system file's `rootless_storage_path`.
//!
//! Honoured: `[storage] driver`, `graphroot`, `runroot`,
//! `rootless_storage_path` and `[storage.options.overlay] mount_program`.
//! pontoon's store is not containers/storage's: when a graphroot already
//! holds containers/storage's files (Podman's store), pontoon keeps its
//! own in a `pontoon` directory inside it, so the two never mix.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

#[derive(Debug, Default, Clone, PartialEq)]
pub struct StorageConf {
    pub driver: Option<String>,
    pub graphroot: Option<PathBuf>,
    pub runroot: Option<PathBuf>,
    pub mount_program: Option<String>,
    /// The files read, in order (for `info`).
    pub files: Vec<PathBuf>,
}

/// What `$UID`, `$USER` and `$HOME` expand to in rootless_storage_path.
struct User {
    uid: u32,
    name: String,
    home: String,
}

impl StorageConf {
    /// Reads the storage.conf that applies; `rootless` as the store is.
    pub fn load(rootless: bool) -> Result<StorageConf> {
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        let system = ["/etc/containers/storage.conf", "/usr/share/containers/storage.conf"].map(PathBuf::from).into_iter().find(|p| p.exists());
        let mut conf = StorageConf::default();
        if let Some(only) = env("CONTAINERS_STORAGE_CONF") {
            conf.read(&only, rootless, false)?;
            return Ok(conf);
        }
        if !rootless {
            if let Some(file) = system {
                conf.read(&file, false, false)?;
            }
            return Ok(conf);
        }
        let user = env("XDG_CONFIG_HOME").or_else(|| env("HOME").map(|h| h.join(".config"))).map(|c| c.join("containers/storage.conf"));
        match user.filter(|u| u.exists()) {
            Some(file) => conf.read(&file, true, false)?,
            // A user without a file of their own gets the system file's
            // driver and rootless_storage_path, never its graphroot.
            None => {
                if let Some(file) = system {
                    conf.read(&file, true, true)?;
                }
            }
        }
        Ok(conf)
    }

    fn read(&mut self, file: &Path, rootless: bool, system_for_user: bool) -> Result<()> {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
        };
        self.apply(&text, rootless, system_for_user, &current_user()).with_context(|| format!("storage.conf {}", file.display()))?;
        self.files.push(file.to_path_buf());
        Ok(())
    }

    fn apply(&mut self, text: &str, rootless: bool, system_for_user: bool, user: &User) -> Result<()> {
        let doc: toml::Table = text.parse().context("not valid TOML")?;
        let Some(storage) = doc.get("storage").and_then(|s| s.as_table()) else { return Ok(()) };
        let text_of = |key: &str| -> Result<Option<String>> {
            match storage.get(key) {
                None => Ok(None),
                Some(toml::Value::String(s)) if s.is_empty() => Ok(None),
                Some(toml::Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => bail!("{key} must be a string, not {}", other.type_str()),
            }
        };
        if let Some(d) = text_of("driver")? {
            self.driver = Some(d);
        }
        if !system_for_user {
            self.graphroot = text_of("graphroot")?.map(PathBuf::from).or(self.graphroot.take());
            self.runroot = text_of("runroot")?.map(PathBuf::from).or(self.runroot.take());
        }
        if rootless && self.graphroot.is_none() {
            if let Some(p) = text_of("rootless_storage_path")? {
                let expanded = p.replace("$UID", &user.uid.to_string()).replace("$USER", &user.name).replace("$HOME", &user.home);
                self.graphroot = Some(PathBuf::from(expanded));
            }
        }
        let program = storage.get("options").and_then(|o| o.get("overlay")).and_then(|o| o.get("mount_program")).and_then(|m| m.as_str());
        if let Some(p) = program.filter(|p| !p.is_empty()) {
            self.mount_program = Some(p.to_string());
        }
        for (key, path) in [("graphroot", &self.graphroot), ("runroot", &self.runroot)] {
            if path.as_ref().is_some_and(|p| !p.is_absolute()) {
                bail!("{key} must be an absolute path");
            }
        }
        Ok(())
    }

    /// The storage driver it asks for, in pontoon's names.
    pub fn driver_name(&self) -> Result<Option<&'static str>> {
        if self.mount_program.as_deref().is_some_and(|p| p.ends_with("fuse-overlayfs")) {
            return Ok(Some("fuse-overlayfs"));
        }
        match self.driver.as_deref() {
            None => Ok(None),
            Some("overlay" | "overlay2") => Ok(Some("overlay")),
            Some("vfs") => Ok(Some("vfs")),
            Some(other) => bail!("storage.conf driver = {other:?}: pontoon has overlay (native or fuse-overlayfs) and vfs; change the driver or set CONTAINERS_STORAGE_CONF to another file"),
        }
    }
}

/// Where pontoon's store goes for a storage.conf directory: the directory
/// itself, or a `pontoon` directory inside it when containers/storage
/// (Podman, Buildah) already keeps its files there.
pub fn own_dir(dir: &Path) -> PathBuf {
    let theirs = ["storage.lock", "overlay-layers", "overlay-images", "libpod", "vfs-layers"].iter().any(|f| dir.join(f).exists());
    if theirs {
        dir.join("pontoon")
    } else {
        dir.to_path_buf()
    }
}

fn current_user() -> User {
    let uid = crate::runtime::userns::caller_uid();
    let entry = nix::unistd::User::from_uid(uid.into()).ok().flatten();
    User {
        uid,
        name: entry.as_ref().map(|u| u.name.clone()).or_else(|| std::env::var("USER").ok()).unwrap_or_default(),
        home: std::env::var("HOME").ok().or_else(|| entry.map(|u| u.dir.display().to_string())).unwrap_or_else(|| "/".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> User {
        User { uid: 1000, name: "ann".into(), home: "/home/ann".into() }
    }

    #[test]
    fn keys_are_read_and_paths_checked() {
        let mut c = StorageConf::default();
        c.apply("[storage]\ndriver = \"vfs\"\ngraphroot = \"/data/g\"\nrunroot = \"/run/g\"\n", false, false, &user()).unwrap();
        assert_eq!((c.graphroot.as_deref(), c.runroot.as_deref()), (Some(Path::new("/data/g")), Some(Path::new("/run/g"))));
        assert_eq!(c.driver_name().unwrap(), Some("vfs"));
        assert!(StorageConf::default().apply("[storage]\ngraphroot = \"rel\"\n", false, false, &user()).is_err());
        let mut bad = StorageConf::default();
        bad.apply("[storage]\ndriver = \"btrfs\"\n", false, false, &user()).unwrap();
        assert!(bad.driver_name().is_err());
    }

    #[test]
    fn a_user_gets_the_system_files_rootless_path_not_its_graphroot() {
        let mut c = StorageConf::default();
        let text = "[storage]\ngraphroot = \"/var/lib/containers/storage\"\nrootless_storage_path = \"$HOME/store-$UID-$USER\"\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n";
        c.apply(text, true, true, &user()).unwrap();
        assert_eq!(c.graphroot.as_deref(), Some(Path::new("/home/ann/store-1000-ann")));
        assert_eq!(c.driver_name().unwrap(), Some("fuse-overlayfs"));
    }

    #[test]
    fn a_containers_storage_directory_gets_a_pontoon_directory_inside() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(own_dir(dir.path()), dir.path());
        std::fs::write(dir.path().join("storage.lock"), "").unwrap();
        assert_eq!(own_dir(dir.path()), dir.path().join("pontoon"));
    }
}
