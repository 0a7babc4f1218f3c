//! `RUN --mount=type=cache,target=/root/.cache,...` into a [`RunMount`],
//! with the keys BuildKit's Dockerfile reference gives each type.

use super::error::{fail, Result};
use super::model::{CacheSharing, MountKind, RunMount};

/// Keys every type takes, then the keys of each type.
const COMMON: &[&str] = &["type", "target", "dst", "destination"];
const BIND: &[&str] = &["source", "src", "from", "ro", "readonly", "rw", "readwrite"];
const CACHE: &[&str] =
    &["id", "source", "src", "from", "ro", "readonly", "rw", "readwrite", "sharing", "mode", "uid", "gid"];
const TMPFS: &[&str] = &["size"];
const SECRET: &[&str] = &["id", "required", "mode", "uid", "gid", "env"];
const SSH: &[&str] = &["id", "required", "mode", "uid", "gid"];

pub fn parse_mount(spec: &str) -> Result<RunMount> {
    let pairs: Vec<(&str, Option<&str>)> = spec
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (p, None),
        })
        .collect();
    let kind = match pairs.iter().find(|(k, _)| *k == "type").map(|(_, v)| v.unwrap_or("")) {
        None | Some("bind") => MountKind::Bind,
        Some("cache") => MountKind::Cache,
        Some("tmpfs") => MountKind::Tmpfs,
        Some("secret") => MountKind::Secret,
        Some("ssh") => MountKind::Ssh,
        Some(other) => return fail(format!("unknown mount type {other:?}: use bind, cache, tmpfs, secret or ssh")),
    };
    let (type_name, allowed) = match kind {
        MountKind::Bind => ("bind", BIND),
        MountKind::Cache => ("cache", CACHE),
        MountKind::Tmpfs => ("tmpfs", TMPFS),
        MountKind::Secret => ("secret", SECRET),
        MountKind::Ssh => ("ssh", SSH),
    };
    let mut mount = RunMount {
        kind,
        target: None,
        source: None,
        from: None,
        id: None,
        // Bind mounts, secrets and ssh sockets are read-only unless asked.
        readonly: matches!(kind, MountKind::Bind | MountKind::Secret | MountKind::Ssh),
        sharing: CacheSharing::Shared,
        mode: None,
        uid: None,
        gid: None,
        size: None,
        required: false,
        env: None,
    };
    for (key, value) in pairs {
        if !COMMON.contains(&key) && !allowed.contains(&key) {
            return fail(format!(
                "mount option {key:?} does not apply to type={type_name}: it takes {}",
                allowed.join(", ")
            ));
        }
        let text = || match value {
            Some(v) if !v.is_empty() => Ok(v.to_string()),
            _ => fail(format!("mount option {key} needs a value: write {key}=VALUE")),
        };
        match key {
            "type" => {}
            "target" | "dst" | "destination" => mount.target = Some(text()?),
            "source" | "src" => mount.source = Some(text()?),
            "from" => mount.from = Some(text()?),
            "id" => mount.id = Some(text()?),
            "env" => mount.env = Some(text()?),
            "ro" | "readonly" => mount.readonly = switch(key, value)?,
            "rw" | "readwrite" => mount.readonly = !switch(key, value)?,
            "required" => mount.required = switch(key, value)?,
            "sharing" => {
                mount.sharing = match text()?.as_str() {
                    "shared" => CacheSharing::Shared,
                    "private" => CacheSharing::Private,
                    "locked" => CacheSharing::Locked,
                    other => return fail(format!("mount sharing={other} is unknown: use shared, private or locked")),
                }
            }
            "mode" => {
                let v = text()?;
                mount.mode = Some(
                    u32::from_str_radix(&v, 8)
                        .or_else(|_| fail(format!("mount mode={v} is not an octal mode: write mode=0755")))?,
                );
            }
            "uid" | "gid" => {
                let v = text()?;
                let id = v.parse::<u32>().or_else(|_| fail(format!("mount {key}={v} is not a number")))?;
                if key == "uid" {
                    mount.uid = Some(id);
                } else {
                    mount.gid = Some(id);
                }
            }
            "size" => mount.size = Some(size(&text()?)?),
            other => return fail(format!("mount option {other:?} is unknown")),
        }
    }
    if mount.target.is_none() && matches!(kind, MountKind::Bind | MountKind::Cache | MountKind::Tmpfs) {
        return fail(format!("mount type={type_name} needs target=PATH"));
    }
    if kind == MountKind::Secret && mount.id.is_none() && mount.target.is_none() {
        return fail("mount type=secret needs id=ID (the id given to --secret id=ID,src=FILE)");
    }
    Ok(mount)
}

fn switch(key: &str, value: Option<&str>) -> Result<bool> {
    match value {
        None | Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(other) => fail(format!("mount option {key}={other} takes true or false")),
    }
}

/// `64m`, `1g`, `4096` (bytes); units are powers of 1024 as Docker's are.
fn size(text: &str) -> Result<u64> {
    let lower = text.to_ascii_lowercase();
    let trimmed = lower.trim_end_matches('b');
    let (digits, shift) = match trimmed.chars().last() {
        Some('k') => (&trimmed[..trimmed.len() - 1], 10),
        Some('m') => (&trimmed[..trimmed.len() - 1], 20),
        Some('g') => (&trimmed[..trimmed.len() - 1], 30),
        _ => (trimmed, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .map_or_else(|| fail(format!("mount size={text} is not a size: write size=64m")), Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_switches_and_sizes() {
        let ro = |spec: &str| parse_mount(spec).expect(spec).readonly;
        assert!(ro("target=/a"), "bind mounts default to read-only");
        assert!(!ro("target=/a,rw"));
        assert!(!ro("target=/a,readwrite=true"));
        assert!(!ro("target=/a,ro=false"));
        assert!(!ro("type=cache,target=/c"), "caches are writable");
        assert!(ro("type=cache,target=/c,readonly"));

        let size = |spec: &str| parse_mount(&format!("type=tmpfs,target=/t,size={spec}")).expect(spec).size;
        assert_eq!(size("4096"), Some(4096));
        assert_eq!(size("64k"), Some(64 << 10));
        assert_eq!(size("1g"), Some(1 << 30));
        assert_eq!(size("512MB"), Some(512 << 20));

        let err = parse_mount("target=/a,ro=maybe").expect_err("bad switch");
        assert_eq!(err.message, "mount option ro=maybe takes true or false");
        let err = parse_mount("type=cache,target=/c,sharing=all").expect_err("bad sharing");
        assert_eq!(err.message, "mount sharing=all is unknown: use shared, private or locked");
        let err = parse_mount("type=cache,target=/c,uid=me").expect_err("bad uid");
        assert_eq!(err.message, "mount uid=me is not a number");
        let err = parse_mount("type=bind,target=").expect_err("empty target");
        assert_eq!(err.message, "mount option target needs a value: write target=VALUE");
    }
}
