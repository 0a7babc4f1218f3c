//! Registry credentials in the containers ecosystem's `auth.json` and
//! Docker's `config.json`: both are `{"auths": {"<registry>": {"auth":
//! base64("user:pass")}}}`. Credential helpers are not run; entries that
//! only name a helper are skipped, so a Docker setup with `credsStore`
//! still works for anonymous pulls.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use base64::Engine as _;
use serde_json::{json, Map, Value};

use crate::store::atomic::write_atomic;

/// Environment variable naming the one auth file to read and write.
pub const AUTH_FILE_ENV: &str = "REGISTRY_AUTH_FILE";

/// A user name and password (or token) for basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    // Never print a password, not even in debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials({:?}, ***)", self.username)
    }
}

/// The files searched, in order; the first holding an entry wins.
pub fn auth_files() -> Vec<PathBuf> {
    let env = |v: &str| std::env::var_os(v).filter(|s| !s.is_empty()).map(PathBuf::from);
    if let Some(file) = env(AUTH_FILE_ENV) {
        return vec![file];
    }
    let home = env("HOME").unwrap_or_else(|| PathBuf::from("/"));
    let mut files = Vec::new();
    if let Some(run) = env("XDG_RUNTIME_DIR") {
        files.push(run.join("containers/auth.json"));
    }
    files.push(env("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config")).join("containers/auth.json"));
    files.push(env("DOCKER_CONFIG").unwrap_or_else(|| home.join(".docker")).join("config.json"));
    files
}

/// Where `login` writes: the first of the containers locations.
pub fn default_write_file() -> PathBuf {
    auth_files().into_iter().next().unwrap_or_else(|| PathBuf::from("auth.json"))
}

/// Credentials for `name` (`registry/repository` or just a registry).
pub fn lookup(name: &str) -> Result<Option<Credentials>> {
    lookup_in(&auth_files(), name)
}

pub fn lookup_in(files: &[PathBuf], name: &str) -> Result<Option<Credentials>> {
    for file in files {
        let Some(doc) = read(file)? else { continue };
        if let Some(found) = find(&doc, name).with_context(|| format!("read credentials for {name} from {}", file.display()))? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn read(file: &Path) -> Result<Option<Value>> {
    let bytes = match fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(None);
    }
    let doc = serde_json::from_slice(&bytes)
        .with_context(|| format!("parse {}: it is not valid JSON; fix or remove it", file.display()))?;
    Ok(Some(doc))
}

/// The keys an entry for `name` may be stored under, most specific first:
/// `host/ns/repo`, `host/ns`, `host`, and Docker's URL forms of the host.
fn candidate_keys(name: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut path = name.to_string();
    loop {
        keys.push(path.clone());
        match path.rfind('/') {
            Some(i) => path.truncate(i),
            None => break,
        }
    }
    let host = path;
    keys.push(format!("https://{host}"));
    keys.push(format!("http://{host}"));
    keys.push(format!("https://{host}/v1/"));
    keys.push(format!("https://{host}/v2/"));
    if host == "docker.io" {
        for alias in ["https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io", "https://registry-1.docker.io"] {
            keys.push(alias.to_string());
        }
    }
    keys
}

fn find(doc: &Value, name: &str) -> Result<Option<Credentials>> {
    let Some(auths) = doc.get("auths").and_then(Value::as_object) else { return Ok(None) };
    for key in candidate_keys(name) {
        let Some(entry) = auths.get(&key) else { continue };
        // An entry without `auth` is managed by a credential helper: skip it.
        let Some(encoded) = entry.get("auth").and_then(Value::as_str).filter(|s| !s.is_empty()) else { continue };
        return decode(encoded).with_context(|| format!("the \"auth\" entry for {key:?}")).map(Some);
    }
    Ok(None)
}

fn decode(encoded: &str) -> Result<Credentials> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .context("it is not base64; log in again to rewrite it")?;
    let text = String::from_utf8(bytes).context("it is not UTF-8 text; log in again to rewrite it")?;
    let (user, pass) = text.split_once(':').context("it is not \"user:password\"; log in again to rewrite it")?;
    Ok(Credentials { username: user.to_string(), password: pass.to_string() })
}

/// Stores credentials for `registry` in `file`, keeping everything else.
pub fn store(file: &Path, registry: &str, creds: &Credentials) -> Result<()> {
    let mut doc = read(file)?.unwrap_or_else(|| json!({}));
    let root = doc.as_object_mut().with_context(|| format!("{} is not a JSON object; fix or remove it", file.display()))?;
    let auths = root.entry("auths").or_insert_with(|| Value::Object(Map::new()));
    let auths = auths.as_object_mut().with_context(|| format!("\"auths\" in {} is not an object", file.display()))?;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", creds.username, creds.password));
    auths.insert(registry.to_string(), json!({ "auth": encoded }));
    write_private(file, &doc)
}

/// Removes the credentials for `registry`; returns whether there were any.
pub fn remove(file: &Path, registry: &str) -> Result<bool> {
    let Some(mut doc) = read(file)? else { return Ok(false) };
    let removed = doc.get_mut("auths").and_then(Value::as_object_mut).and_then(|a| a.remove(registry)).is_some();
    if removed {
        write_private(file, &doc)?;
    }
    Ok(removed)
}

/// Removes every entry of `auths`, keeping the rest of the file; returns
/// whether there were any.
pub fn remove_all(file: &Path) -> Result<bool> {
    let Some(mut doc) = read(file)? else { return Ok(false) };
    let removed = doc.get_mut("auths").and_then(Value::as_object_mut).map(|a| std::mem::take(a).len()).unwrap_or(0) > 0;
    if removed {
        write_private(file, &doc)?;
    }
    Ok(removed)
}

fn write_private(file: &Path, doc: &Value) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let bytes = serde_json::to_vec_pretty(doc).context("serialise credentials")?;
    write_atomic(file, &bytes)?;
    // Passwords are for the owner only, as Podman and Docker keep them.
    fs::set_permissions(file, fs::Permissions::from_mode(0o600)).with_context(|| format!("chmod {}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_docker_and_containers_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("auth.json");
        let docker = dir.path().join("config.json");
        fs::write(&first, r#"{"auths": {"quay.io": {"auth": "cXVheTpwdw=="}}}"#).unwrap();
        fs::write(
            &docker,
            r#"{"credsStore": "desktop", "credHelpers": {"gcr.io": "gcloud"},
               "auths": {"https://index.docker.io/v1/": {"auth": "aHViOnNlY3JldDpjb2xvbg=="}, "gcr.io": {}}}"#,
        )
        .unwrap();
        let files = [dir.path().join("missing.json"), first, docker];
        let hub = lookup_in(&files, "docker.io/library/busybox").unwrap().unwrap();
        assert_eq!((hub.username.as_str(), hub.password.as_str()), ("hub", "secret:colon"));
        assert_eq!(lookup_in(&files, "quay.io/x/y").unwrap().unwrap().username, "quay");
        assert!(lookup_in(&files, "gcr.io/p/i").unwrap().is_none(), "helper-only entries are skipped");
        assert!(lookup_in(&files, "other.io/a").unwrap().is_none());
    }

    #[test]
    fn repository_scoped_entries_win() {
        let doc = json!({"auths": {"r.io": {"auth": "YTpi"}, "r.io/team": {"auth": "Yzpk"}}});
        assert_eq!(find(&doc, "r.io/team/app").unwrap().unwrap().username, "c");
        assert_eq!(find(&doc, "r.io/other/app").unwrap().unwrap().username, "a");
    }

    #[test]
    fn bad_entries_say_how_to_fix() {
        let doc = json!({"auths": {"r.io": {"auth": "not base64!"}}});
        let err = format!("{:#}", find(&doc, "r.io/a").unwrap_err());
        assert!(err.contains("log in again"), "{err}");
    }

    #[test]
    fn store_and_remove_keep_other_entries() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("containers/auth.json");
        let creds = Credentials { username: "u".into(), password: "p".into() };
        store(&file, "a.io", &creds).unwrap();
        store(&file, "b.io", &creds).unwrap();
        assert_eq!(lookup_in(std::slice::from_ref(&file), "a.io/x").unwrap(), Some(creds.clone()));
        assert!(remove(&file, "a.io").unwrap());
        assert!(lookup_in(std::slice::from_ref(&file), "a.io/x").unwrap().is_none());
        assert!(lookup_in(std::slice::from_ref(&file), "b.io/x").unwrap().is_some());
        assert!(remove_all(&file).unwrap());
        assert!(lookup_in(std::slice::from_ref(&file), "b.io/x").unwrap().is_none());
        assert!(!remove_all(&file).unwrap());
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}
