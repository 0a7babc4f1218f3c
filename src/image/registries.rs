//! registries.conf (v2 TOML) from the containers ecosystem's locations and
//! pontoon's own: search registries, mirrors, insecure and blocked
//! registries, short-name aliases.
//!
//! Files are read in the containers ecosystem's order and merged key by key:
//! a later file replaces `unqualified-search-registries` when it sets it,
//! replaces a `[[registry]]` with the same prefix, and adds or replaces
//! single aliases. `CONTAINERS_REGISTRIES_CONF` names the only file to read.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use crate::store::paths::StorePaths;

/// Environment variable naming the only registries.conf to read.
pub const CONF_ENV: &str = "CONTAINERS_REGISTRIES_CONF";

#[derive(Debug, Default)]
pub struct RegistriesConf {
    pub unqualified_search_registries: Vec<String>,
    /// `[[registry]]` tables, later files having replaced earlier prefixes.
    pub registries: Vec<RegistryEntry>,
    /// Short name (`busybox`, `rhel/ubi8`) to fully qualified repository.
    pub aliases: BTreeMap<String, String>,
    /// The files that were read, in order.
    pub sources: Vec<PathBuf>,
    /// What the command's `--tls-verify` says over the files' `insecure`.
    pub tls_verify: TlsVerify,
    /// `short-name-mode`: what a short name that could mean several
    /// repositories does.
    pub short_name_mode: ShortNameMode,
}

/// containers-registries.conf(5)'s `short-name-mode`. Podman prompts on a
/// terminal in `enforcing` and `permissive`; pontoon never prompts, so
/// `enforcing` refuses an ambiguous name outright and the others try the
/// search registries in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShortNameMode {
    Enforcing,
    #[default]
    Permissive,
    Disabled,
}

/// Podman's `--tls-verify` of one command, which overrides registries.conf
/// for every registry and mirror that command reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TlsVerify {
    /// No flag: each registry as registries.conf says.
    #[default]
    AsConfigured,
    /// `--tls-verify=true`: HTTPS with a verified certificate only, even for
    /// a registry marked `insecure = true` and for loopback hosts.
    Required,
    /// `--tls-verify=false`: every registry as if marked `insecure = true`
    /// (plain HTTP allowed, certificates not checked).
    Skipped,
}

impl TlsVerify {
    /// The policy for `--tls-verify=VALUE`, or for no flag at all.
    pub fn from_flag(value: Option<bool>) -> TlsVerify {
        match value {
            None => TlsVerify::AsConfigured,
            Some(true) => TlsVerify::Required,
            Some(false) => TlsVerify::Skipped,
        }
    }
}

/// One `[[registry]]` table.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RegistryEntry {
    #[serde(default)]
    pub location: String,
    /// Which names the entry applies to; defaults to `location`. May start
    /// with `*.` to match every subdomain.
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub insecure: bool,
    #[serde(default)]
    pub blocked: bool,
    #[serde(default)]
    pub mirror_by_digest_only: bool,
    #[serde(default, rename = "mirror")]
    pub mirrors: Vec<Mirror>,
    /// Accepted for compatibility with containers-registries.conf(5); pontoon
    /// always pulls from mirrors when there are some.
    #[serde(default)]
    pub pull_from_mirror: Option<String>,
}

/// One `[[registry.mirror]]` table.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Mirror {
    pub location: String,
    #[serde(default)]
    pub insecure: bool,
    #[serde(default)]
    pub pull_from_mirror: Option<String>,
}

/// The file format. Unknown top-level keys (credential helpers...) are
/// accepted and ignored: they belong to other tools.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct ConfFile {
    unqualified_search_registries: Option<Vec<String>>,
    #[serde(default)]
    registry: Vec<RegistryEntry>,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
    short_name_mode: Option<ShortNameMode>,
    /// v1 format, refused with a message saying how to convert.
    registries: Option<toml::Value>,
}

impl RegistryEntry {
    /// The prefix names are matched against.
    pub fn prefix(&self) -> &str {
        self.prefix.as_deref().unwrap_or(&self.location)
    }

    /// Whether `name` (`registry/repository`) falls under this entry.
    pub fn matches(&self, name: &str) -> bool {
        let prefix = self.prefix();
        if let Some(domain) = prefix.strip_prefix("*.") {
            let host = name.split('/').next().unwrap_or(name);
            return host.ends_with(&format!(".{domain}"));
        }
        match name.strip_prefix(prefix) {
            Some(rest) => rest.is_empty() || rest.starts_with('/') || prefix.ends_with('/'),
            None => false,
        }
    }

    /// `name` with this entry's prefix replaced by `location` (used to
    /// rewrite a name onto a mirror).
    pub fn rewrite(&self, name: &str, location: &str) -> String {
        let prefix = self.prefix();
        if prefix.starts_with("*.") {
            return name.to_string();
        }
        match name.strip_prefix(prefix) {
            Some(rest) => format!("{location}{rest}"),
            None => name.to_string(),
        }
    }
}

impl RegistriesConf {
    /// Reads every applicable file for the calling user.
    pub fn load(paths: &StorePaths) -> Result<RegistriesConf> {
        RegistriesConf::load_files(&conf_files(paths)?)
    }

    /// Reads and merges `files` in order; missing files are skipped.
    pub fn load_files(files: &[PathBuf]) -> Result<RegistriesConf> {
        let mut conf = RegistriesConf::default();
        for file in files {
            let text = match fs::read_to_string(file) {
                Ok(t) => t,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e).with_context(|| format!("read {}", file.display())),
            };
            conf.merge(parse(&text, file)?);
            conf.sources.push(file.clone());
        }
        Ok(conf)
    }

    fn merge(&mut self, file: ConfFile) {
        if let Some(search) = file.unqualified_search_registries {
            self.unqualified_search_registries = search;
        }
        for entry in file.registry {
            self.registries.retain(|r| r.prefix() != entry.prefix());
            self.registries.push(entry);
        }
        self.aliases.extend(file.aliases);
        if let Some(mode) = file.short_name_mode {
            self.short_name_mode = mode;
        }
    }

    /// This configuration with a command's `--tls-verify` applied.
    pub fn with_tls_verify(mut self, tls_verify: TlsVerify) -> RegistriesConf {
        self.tls_verify = tls_verify;
        self
    }

    /// The entry whose prefix matches `name` most specifically.
    pub fn find(&self, name: &str) -> Option<&RegistryEntry> {
        self.registries.iter().filter(|r| r.matches(name)).max_by_key(|r| {
            // An exact prefix beats any wildcard; longer beats shorter.
            let p = r.prefix();
            (!p.starts_with("*."), p.len())
        })
    }
}

/// The files to read, in order.
fn conf_files(paths: &StorePaths) -> Result<Vec<PathBuf>> {
    if let Some(only) = std::env::var_os(CONF_ENV).filter(|v| !v.is_empty()) {
        return Ok(vec![PathBuf::from(only)]);
    }
    let mut files = vec![PathBuf::from("/etc/containers/registries.conf")];
    files.extend(drop_ins(Path::new("/etc/containers/registries.conf.d"))?);
    if paths.rootless {
        let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/"));
        let config = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| home.join(".config"));
        files.push(config.join("containers/registries.conf"));
        files.extend(drop_ins(&config.join("containers/registries.conf.d"))?);
        // The alias cache that Podman writes when a user picks a short name.
        files.push(home.join(".cache/containers/short-name-aliases.conf"));
    } else {
        files.push(PathBuf::from("/var/cache/containers/short-name-aliases.conf"));
    }
    files.push(paths.config_dir.join("registries.conf"));
    Ok(files)
}

/// `*.conf` files of a drop-in directory, sorted by name.
fn drop_ins(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("list {}", dir.display())),
    };
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "conf")).collect();
    files.sort();
    Ok(files)
}

/// Parses one file; errors name the file and line and how to fix them.
fn parse(text: &str, file: &Path) -> Result<ConfFile> {
    let conf: ConfFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let at = line.map(|l| format!(" line {l}")).unwrap_or_default();
        let why = e.message().replace('\n', " ");
        anyhow::anyhow!(
            "{}{at}: {why}; fix the file (format: containers-registries.conf(5) version 2) or point {CONF_ENV} at another one",
            file.display()
        )
    })?;
    if conf.registries.is_some() {
        bail!(
            "{}: the v1 format ([registries.search]) is not supported; rewrite it as version 2 (unqualified-search-registries = [...] and [[registry]] tables)",
            file.display()
        );
    }
    for entry in &conf.registry {
        if entry.location.is_empty() && entry.prefix.is_none() {
            bail!("{}: a [[registry]] table has neither location nor prefix; add location = \"host[:port][/path]\"", file.display());
        }
        if entry.mirrors.iter().any(|m| m.location.is_empty()) {
            bail!("{}: a [[registry.mirror]] of {} has an empty location", file.display(), entry.prefix());
        }
    }
    Ok(conf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn parses_v2_with_mirrors_and_aliases() {
        let dir = tempfile::tempdir().unwrap();
        let f = write(
            dir.path(),
            "r.conf",
            r#"
unqualified-search-registries = ["quay.io", "docker.io"]
short-name-mode = "enforcing"
[[registry]]
location = "docker.io"
[[registry.mirror]]
location = "127.0.0.1:5000"
insecure = true
[[registry.mirror]]
location = "mirror.example.com/hub"
[[registry]]
prefix = "*.internal"
location = "internal.example.com"
blocked = true
[aliases]
"box" = "docker.io/library/busybox"
"#,
        );
        let conf = RegistriesConf::load_files(&[f.clone(), dir.path().join("missing.conf")]).unwrap();
        assert_eq!(conf.unqualified_search_registries, ["quay.io", "docker.io"]);
        assert_eq!(conf.sources, [f]);
        let hub = conf.find("docker.io/library/busybox").unwrap();
        assert_eq!(hub.mirrors.len(), 2);
        assert_eq!(hub.rewrite("docker.io/library/busybox", &hub.mirrors[1].location), "mirror.example.com/hub/library/busybox");
        assert!(hub.mirrors[0].insecure && !hub.insecure);
        assert!(conf.find("a.internal/x").unwrap().blocked);
        assert!(conf.find("docker.iox/y").is_none());
        assert_eq!(conf.aliases["box"], "docker.io/library/busybox");
        assert_eq!(conf.short_name_mode, ShortNameMode::Enforcing);
        let bad = write(dir.path(), "bad.conf", "short-name-mode = \"sometimes\"\n");
        let err = RegistriesConf::load_files(&[bad]).unwrap_err().to_string();
        assert!(err.contains("bad.conf line 1") && err.contains("enforcing"), "{err}");
    }

    #[test]
    fn later_files_override_earlier_keys() {
        let dir = tempfile::tempdir().unwrap();
        let a = write(
            dir.path(),
            "a.conf",
            "unqualified-search-registries = [\"a.io\"]\n[[registry]]\nlocation = \"x.io\"\ninsecure = true\n[aliases]\n\"p\" = \"a.io/p\"\n\"q\" = \"a.io/q\"\n",
        );
        let b = write(dir.path(), "b.conf", "[[registry]]\nlocation = \"x.io\"\n[aliases]\n\"p\" = \"b.io/p\"\n");
        let conf = RegistriesConf::load_files(&[a, b]).unwrap();
        assert_eq!(conf.unqualified_search_registries, ["a.io"], "unset key keeps the earlier value");
        assert_eq!(conf.registries.len(), 1);
        assert!(!conf.find("x.io/r").unwrap().insecure, "same prefix replaced");
        assert_eq!(conf.aliases["p"], "b.io/p");
        assert_eq!(conf.aliases["q"], "a.io/q");
    }

    #[test]
    fn most_specific_prefix_wins() {
        let dir = tempfile::tempdir().unwrap();
        let f = write(
            dir.path(),
            "r.conf",
            "[[registry]]\nlocation = \"docker.io\"\n[[registry]]\nprefix = \"docker.io/library\"\nlocation = \"docker.io/library\"\nblocked = true\n",
        );
        let conf = RegistriesConf::load_files(&[f]).unwrap();
        assert!(conf.find("docker.io/library/busybox").unwrap().blocked);
        assert!(!conf.find("docker.io/user/app").unwrap().blocked);
    }

    #[test]
    fn errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let f = write(dir.path(), "bad.conf", "unqualified-search-registries = [\"a\"]\n\n[[registry]\nlocation = 1\n");
        let err = RegistriesConf::load_files(std::slice::from_ref(&f)).unwrap_err().to_string();
        assert!(err.contains(&format!("{} line 3", f.display())), "{err}");
        assert!(err.contains("fix the file"), "{err}");

        let typo = write(dir.path(), "typo.conf", "[[registry]]\nlocation = \"a.io\"\ninsecur = true\n");
        let err = RegistriesConf::load_files(&[typo]).unwrap_err().to_string();
        assert!(err.contains("line 3") && err.contains("insecur"), "{err}");

        let v1 = write(dir.path(), "v1.conf", "[registries.search]\nregistries = [\"docker.io\"]\n");
        let err = RegistriesConf::load_files(&[v1]).unwrap_err().to_string();
        assert!(err.contains("v1 format"), "{err}");
    }
}
