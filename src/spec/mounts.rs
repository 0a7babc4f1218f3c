//! What `-v`, `--mount` and `--tmpfs` ask for, as a list of `MountSpec`s:
//! parsed and validated here, before anything is created, so that bad input
//! fails with one line and leaves no container or volume behind. The two
//! views of a container's mounts (the OCI mounts the runtime gets, Docker's
//! `Mounts` array for `inspect`) are the engine's (engine::mounts).
//!
//! Docker's rules, kept on purpose: `-v SRC:DST[:OPTS]` with two parts
//! reads `DST:OPTS` when the second part is a list of options; a `-v` bind
//! source that does not exist is created as a directory, while `--mount
//! type=bind` refuses it; `z`/`Z` are accepted and do nothing, since there
//! is no SELinux labelling here.
//!
//! No I/O here: whether a `--mount` bind source exists is asked of the
//! caller (`source_exists`), which engine::mounts::host_path_exists answers.

use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::spec::container::TmpfsMount;

#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MountKind {
    #[default]
    Bind,
    Volume,
    Tmpfs,
}

impl MountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MountKind::Bind => "bind",
            MountKind::Volume => "volume",
            MountKind::Tmpfs => "tmpfs",
        }
    }
}

/// One user mount, as stored in the container's record.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct MountSpec {
    pub kind: MountKind,
    /// Bind: the absolute host path. Volume: its name. Tmpfs: empty.
    pub source: String,
    /// Absolute, cleaned path inside the container.
    pub target: String,
    #[serde(default)]
    pub readonly: bool,
    /// The `-v` options as given (Docker's `Mode` in inspect).
    #[serde(default)]
    pub mode: String,
    /// Bind propagation (rprivate unless asked).
    #[serde(default)]
    pub propagation: String,
    /// `bind-nonrecursive`: submounts of the source are not carried over.
    #[serde(default)]
    pub nonrecursive: bool,
    /// `:U`: chown the source to the container's user (Podman's flag).
    #[serde(default)]
    pub chown: bool,
    /// Volumes: do not copy the image's content into a new volume.
    #[serde(default)]
    pub no_copy: bool,
    /// A volume made for this container (`-v /path`, an image VOLUME),
    /// removed with it by `rm -v` and `--rm`.
    #[serde(default)]
    pub anonymous: bool,
    /// `-v` creates a missing bind source as a directory; `--mount` does not.
    #[serde(default)]
    pub create_source: bool,
    /// Labels for a volume that this mount creates (`volume-label=`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub volume_labels: std::collections::BTreeMap<String, String>,
    /// Extra mount options: tmpfs `size=`/`mode=`, and flags such as noexec.
    #[serde(default)]
    pub options: Vec<String>,
    /// Filled in at create: the host directory a volume's data is in.
    #[serde(default)]
    pub host_path: Option<String>,
}

impl MountSpec {
    /// A read-only bind of a host file or directory (`--tz`'s zone file).
    pub fn read_only_bind(source: impl AsRef<std::path::Path>, target: &str) -> MountSpec {
        MountSpec { kind: MountKind::Bind, source: source.as_ref().display().to_string(), target: target.to_string(), readonly: true, mode: "ro".into(), ..Default::default() }
    }
}

const PROPAGATIONS: &[&str] = &["shared", "rshared", "slave", "rslave", "private", "rprivate"];
/// Mount flags Podman accepts on `-v` and that the runtime understands.
const FLAGS: &[&str] = &["exec", "noexec", "suid", "nosuid", "dev", "nodev"];

/// Docker's rule for volume names.
pub fn validate_volume_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = name.len() >= 2
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !ok {
        bail!("invalid volume name {name:?}: use at least two of [a-zA-Z0-9_.-], starting with a letter or digit; for a host directory give a path (/dir or ./dir)");
    }
    Ok(())
}

/// An absolute, cleaned container path (no `.`, `..` or `//`; never `/`).
fn clean_target(raw: &str, what: &str) -> Result<String> {
    if raw.is_empty() {
        bail!("invalid {what}: the container path is empty; give an absolute path such as /data");
    }
    if !raw.starts_with('/') {
        bail!("invalid {what}: the container path {raw:?} is not absolute; give an absolute path such as /data");
    }
    let cleaned = clean(Path::new(raw));
    if cleaned == Path::new("/") {
        bail!("invalid {what}: a mount cannot replace the container's root /");
    }
    if cleaned.starts_with("/proc") && !PROC_ALLOWED.iter().any(|p| cleaned == Path::new(p)) {
        bail!(
            "invalid {what}: the container path {} is in /proc, which belongs to the container's procfs; mount elsewhere (below /proc only {} may be replaced, as runc allows)",
            cleaned.display(),
            PROC_ALLOWED.join(", ")
        );
    }
    Ok(cleaned.display().to_string())
}

/// The files below /proc a mount may replace: runc's list, there so that
/// tools like lxcfs can give a container its own view of memory and CPUs.
/// Anything else below /proc (or /proc itself) would let a mount shadow the
/// kernel files the runtime masks or makes read-only (/proc/sys,
/// /proc/sysrq-trigger...), the trick behind CVE-2019-19921.
const PROC_ALLOWED: &[&str] = &[
    "/proc/cpuinfo",
    "/proc/diskstats",
    "/proc/meminfo",
    "/proc/stat",
    "/proc/swaps",
    "/proc/uptime",
    "/proc/loadavg",
    "/proc/slabinfo",
    "/proc/net/dev",
];

/// Lexically cleans an absolute path; `..` never climbs above `/`.
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    out
}

/// A host path: relative ones are resolved against `cwd`, as Docker does.
fn host_path(raw: &str, cwd: &Path) -> String {
    clean(&cwd.join(raw)).display().to_string()
}

fn is_host_path(source: &str) -> bool {
    source.starts_with('/') || source == "." || source == ".." || source.starts_with("./") || source.starts_with("../")
}

fn is_option_list(s: &str) -> bool {
    !s.is_empty() && !s.starts_with('/') && s.split(',').all(|o| matches!(o, "ro" | "rw" | "z" | "Z" | "U" | "nocopy" | "copy") || PROPAGATIONS.contains(&o) || FLAGS.contains(&o))
}

/// The name of a volume made for one container: 64 hex characters, the
/// form of a container Id (store::containers::new_id).
fn anonymous_volume_name() -> String {
    let bytes: [u8; 32] = rand::random();
    hex::encode(bytes)
}

/// Parses one `-v` / `--volume` value.
pub fn parse_volume(raw: &str, cwd: &Path) -> Result<MountSpec> {
    let what = format!("-v {raw:?}");
    let parts: Vec<&str> = raw.split(':').collect();
    let (source, target, options) = match parts.as_slice() {
        [t] => ("", *t, ""),
        [t, o] if is_option_list(o) => ("", *t, *o),
        [s, t] => (*s, *t, ""),
        [s, t, o] => (*s, *t, *o),
        _ => bail!("invalid {what}: too many ':'; use [SOURCE:]TARGET[:OPTIONS], e.g. data:/data:ro"),
    };
    // `-v :/x` is an empty section between colons, as Docker calls it, not
    // an anonymous volume (that is `-v /x`).
    if source.is_empty() && parts.len() > 1 && parts[0].is_empty() {
        bail!("invalid {what}: the source is empty; give a volume name or a host path before the first ':'");
    }
    let target = clean_target(target, &what)?;
    let mut m = MountSpec { target, mode: options.to_string(), create_source: true, ..Default::default() };
    if source.is_empty() {
        m.kind = MountKind::Volume;
        m.anonymous = true;
        m.source = anonymous_volume_name();
    } else if is_host_path(source) {
        m.kind = MountKind::Bind;
        m.source = host_path(source, cwd);
    } else {
        validate_volume_name(source).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?;
        m.kind = MountKind::Volume;
        m.source = source.to_string();
    }
    let (mut ro, mut rw) = (false, false);
    for o in options.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" => ro = true,
            "rw" => rw = true,
            // No SELinux here: nothing to relabel.
            "z" | "Z" => {}
            "U" => m.chown = true,
            "copy" => {}
            "nocopy" if m.kind == MountKind::Volume => m.no_copy = true,
            p if PROPAGATIONS.contains(&p) && m.kind == MountKind::Bind => m.propagation = p.to_string(),
            f if FLAGS.contains(&f) => m.options.push(f.to_string()),
            "nocopy" => bail!("invalid {what}: nocopy applies to volumes, not to a host directory"),
            p if PROPAGATIONS.contains(&p) => bail!("invalid {what}: propagation {p} applies to host directories, not to volumes"),
            other => bail!("invalid {what}: unknown option {other:?}; use ro, rw, z, Z, U, nocopy or a propagation such as rprivate"),
        }
    }
    if ro && rw {
        bail!("invalid {what}: ro and rw together; give one");
    }
    m.readonly = ro;
    Ok(m)
}

fn parse_bool(key: &str, value: Option<&str>, what: &str) -> Result<bool> {
    match value {
        None | Some("true") | Some("1") => Ok(true),
        Some("false") | Some("0") => Ok(false),
        Some(v) => bail!("invalid {what}: {key}={v} is not a boolean; use {key}, {key}=true or {key}=false"),
    }
}

/// Parses one `--mount` value (`type=...,source=...,target=...,...`).
pub fn parse_mount(raw: &str, cwd: &Path, source_exists: &dyn Fn(&str) -> bool) -> Result<MountSpec> {
    let what = format!("--mount {raw:?}");
    let mut fields = Vec::new();
    for field in raw.split(',').filter(|f| !f.is_empty()) {
        let (key, value) = match field.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim())),
            None => (field.trim().to_ascii_lowercase(), None),
        };
        fields.push((key, value));
    }
    let kind = match fields.iter().find(|(k, _)| k == "type").map(|(_, v)| v.unwrap_or("")) {
        None | Some("volume") => MountKind::Volume,
        Some("bind") => MountKind::Bind,
        Some("tmpfs") => MountKind::Tmpfs,
        Some(other) => bail!("invalid {what}: unknown type {other:?}; use bind, volume or tmpfs"),
    };
    let mut m = MountSpec { kind, ..Default::default() };
    let (mut source, mut target) = (None, None);
    for (key, value) in &fields {
        let need = |v: &Option<&str>| -> Result<String> {
            match v {
                Some(v) if !v.is_empty() => Ok(v.to_string()),
                _ => bail!("invalid {what}: {key} needs a value ({key}=...)"),
            }
        };
        let only = |k: MountKind| -> Result<()> {
            if kind != k {
                bail!("invalid {what}: {key} applies to type={}, not type={}", k.as_str(), kind.as_str());
            }
            Ok(())
        };
        match key.as_str() {
            "type" => {}
            "source" | "src" => source = Some(need(value)?),
            "target" | "destination" | "dst" => target = Some(value.unwrap_or("").to_string()),
            "readonly" | "ro" => m.readonly = parse_bool(key, *value, &what)?,
            "consistency" => {}
            "bind-propagation" => {
                only(MountKind::Bind)?;
                let p = need(value)?;
                if !PROPAGATIONS.contains(&p.as_str()) {
                    bail!("invalid {what}: unknown bind-propagation {p:?}; use one of {}", PROPAGATIONS.join(", "));
                }
                m.propagation = p;
            }
            "bind-nonrecursive" => {
                only(MountKind::Bind)?;
                m.nonrecursive = parse_bool(key, *value, &what)?;
            }
            "volume-nocopy" => {
                only(MountKind::Volume)?;
                m.no_copy = parse_bool(key, *value, &what)?;
            }
            "volume-label" => {
                only(MountKind::Volume)?;
                let label = need(value)?;
                let (k, v) = label.split_once('=').unwrap_or((&label, ""));
                m.volume_labels.insert(k.to_string(), v.to_string());
            }
            "volume-driver" => {
                only(MountKind::Volume)?;
                if need(value)? != "local" {
                    bail!("invalid {what}: only the local volume driver exists here");
                }
            }
            "volume-opt" => bail!("invalid {what}: volume-opt is not supported here; create the volume first with `pontoon volume create -o ...`"),
            "tmpfs-size" => {
                only(MountKind::Tmpfs)?;
                let size = need(value)?;
                validate_size(&size).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?;
                m.options.push(format!("size={size}"));
            }
            "tmpfs-mode" => {
                only(MountKind::Tmpfs)?;
                let mode = need(value)?;
                validate_mode(&mode).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?;
                m.options.push(format!("mode={mode}"));
            }
            "u" | "chown" => m.chown = parse_bool(key, *value, &what)?,
            "relabel" | "z" => {}
            other => bail!("invalid {what}: unknown key {other:?}; use type, source, target, readonly, bind-propagation, volume-nocopy, tmpfs-size or tmpfs-mode"),
        }
    }
    let target = target.ok_or_else(|| anyhow::anyhow!("invalid {what}: target is missing; add target=/path"))?;
    m.target = clean_target(&target, &what)?;
    match (kind, source) {
        (MountKind::Bind, None) => bail!("invalid {what}: a bind mount needs source=/host/path"),
        (MountKind::Bind, Some(s)) => {
            let path = host_path(&s, cwd);
            if !source_exists(&path) {
                bail!("invalid {what}: bind source path {path} does not exist; create it first (unlike -v, --mount does not create it)");
            }
            m.source = path;
        }
        (MountKind::Volume, None) => {
            m.anonymous = true;
            m.source = anonymous_volume_name();
        }
        (MountKind::Volume, Some(s)) => {
            validate_volume_name(&s).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?;
            m.source = s;
        }
        (MountKind::Tmpfs, Some(_)) => bail!("invalid {what}: a tmpfs mount takes no source"),
        (MountKind::Tmpfs, None) => {}
    }
    Ok(m)
}

/// `64m`, `1g`, `1048576`, `50%`: what tmpfs's size= accepts.
fn validate_size(size: &str) -> Result<()> {
    let digits = size.trim_end_matches(['k', 'K', 'm', 'M', 'g', 'G', '%']);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || size.len() - digits.len() > 1 {
        bail!("invalid tmpfs size {size:?}: use bytes or a number with k, m or g (e.g. 64m), or a percentage of memory");
    }
    Ok(())
}

fn validate_mode(mode: &str) -> Result<()> {
    if mode.is_empty() || mode.len() > 4 || !mode.chars().all(|c| ('0'..='7').contains(&c)) {
        bail!("invalid tmpfs mode {mode:?}: use octal permissions such as 1777 or 700");
    }
    Ok(())
}

/// Parses one `--tmpfs PATH[:OPTIONS]`, checking each option.
pub fn parse_tmpfs(raw: &str) -> Result<TmpfsMount> {
    let what = format!("--tmpfs {raw:?}");
    let (target, opts) = raw.split_once(':').unwrap_or((raw, ""));
    let target = clean_target(target, &what)?;
    let mut options = Vec::new();
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o.split_once('=') {
            Some(("size", v)) => validate_size(v).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?,
            Some(("mode", v)) => validate_mode(v).map_err(|e| anyhow::anyhow!("invalid {what}: {e}"))?,
            Some(("nr_inodes" | "uid" | "gid", v)) if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()) => {}
            None if matches!(o, "ro" | "rw" | "noatime" | "atime" | "strictatime" | "nodiratime" | "sync" | "async") || FLAGS.contains(&o) => {}
            _ => bail!("invalid {what}: unknown or malformed option {o:?}; use size=64m, mode=1777, uid=, gid=, nr_inodes=, ro, noexec..."),
        }
        options.push(o.to_string());
    }
    Ok(TmpfsMount { target, options })
}

/// Parses every mount flag of `run`/`create` and checks that no two
/// mounts share a target.
pub fn parse_all(volumes: &[String], mounts: &[String], tmpfs: &[String], cwd: &Path, source_exists: &dyn Fn(&str) -> bool) -> Result<(Vec<MountSpec>, Vec<TmpfsMount>)> {
    let mut out = Vec::new();
    for v in volumes {
        out.push(parse_volume(v, cwd)?);
    }
    for m in mounts {
        out.push(parse_mount(m, cwd, source_exists)?);
    }
    let tmpfs = tmpfs.iter().map(|t| parse_tmpfs(t)).collect::<Result<Vec<_>>>()?;
    let mut seen = std::collections::HashSet::new();
    for target in out.iter().map(|m| &m.target).chain(tmpfs.iter().map(|t| &t.target)) {
        if !seen.insert(target.clone()) {
            bail!("duplicate mount point {target}: give each container path one mount");
        }
    }
    Ok((out, tmpfs))
}

#[cfg(test)]
#[path = "mounts_tests.rs"]
mod tests;
