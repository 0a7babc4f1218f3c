//! `run --secret NAME[,type=mount|env,target=,uid=,gid=,mode=]`: which
//! secret a container gets and how, as Podman spells it. Only the secret's
//! name (and, once created, its Id) is kept; the data stays in the secret
//! store and in the container's private copy.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// Where the secret shows up in the container.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SecretKind {
    /// A read-only file, /run/secrets/NAME unless `target` says otherwise.
    #[default]
    Mount,
    /// An environment variable named `target` (NAME unless given).
    Env,
}

/// Podman's default for a mounted secret: readable by every user of the
/// container, owned by root.
pub const DEFAULT_MODE: u32 = 0o444;

/// Where secrets are mounted when the target is not an absolute path.
pub const SECRETS_DIR: &str = "/run/secrets";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SecretRequest {
    pub name: String,
    /// The secret's Id, filled in at create (empty before).
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub kind: SecretKind,
    /// As given; see [`SecretRequest::mount_path`] and [`SecretRequest::env_name`].
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub uid: u32,
    #[serde(default)]
    pub gid: u32,
    pub mode: u32,
}

impl SecretRequest {
    /// Parses one `--secret` value.
    pub fn parse(value: &str) -> Result<SecretRequest> {
        let mut parts: Vec<&str> = value.split(',').collect();
        // NAME first, as Podman writes it, or Docker's source=NAME anywhere.
        let source = parts.iter().position(|p| p.starts_with("source=") || p.starts_with("src="));
        let name = match source {
            Some(i) => parts.remove(i).split_once('=').map_or("", |(_, n)| n),
            None if !parts[0].contains('=') => parts.remove(0),
            None => "",
        };
        let name = name.trim();
        if name.is_empty() {
            bail!("invalid --secret {value:?}: give the secret's name first, as NAME[,type=mount|env,target=PATH,uid=UID,gid=GID,mode=MODE]");
        }
        let mut request = SecretRequest { name: name.to_string(), id: String::new(), kind: SecretKind::Mount, target: None, uid: 0, gid: 0, mode: DEFAULT_MODE };
        let mut owner_or_mode = false;
        for part in parts {
            let Some((key, v)) = part.split_once('=') else {
                bail!("invalid --secret {value:?}: {part:?} is not KEY=VALUE (type, target, uid, gid or mode)");
            };
            let number = |radix: u32, what: &str| {
                u32::from_str_radix(v, radix).with_context(|| format!("invalid --secret {value:?}: {key}={v:?} is not {what}"))
            };
            match key {
                "type" => {
                    request.kind = match v {
                        "mount" => SecretKind::Mount,
                        "env" => SecretKind::Env,
                        _ => bail!("invalid --secret {value:?}: type={v:?}: use mount or env"),
                    }
                }
                "target" | "dst" | "destination" if !v.is_empty() => request.target = Some(v.to_string()),
                "uid" => (request.uid, owner_or_mode) = (number(10, "a number")?, true),
                "gid" => (request.gid, owner_or_mode) = (number(10, "a number")?, true),
                "mode" => {
                    let mode = number(8, "an octal mode such as 0400")?;
                    if mode > 0o777 {
                        bail!("invalid --secret {value:?}: mode={v} is more than 0777");
                    }
                    (request.mode, owner_or_mode) = (mode, true);
                }
                _ => bail!("invalid --secret {value:?}: unknown option {key:?}: use type, target, uid, gid or mode"),
            }
        }
        if request.kind == SecretKind::Env && owner_or_mode {
            bail!("invalid --secret {value:?}: uid, gid and mode apply to type=mount only");
        }
        if let (SecretKind::Env, Some(t)) = (request.kind, &request.target) {
            if t.contains('=') || t.contains('\0') {
                bail!("invalid --secret {value:?}: target={t:?} is not a variable name");
            }
        }
        Ok(request)
    }

    /// The file's path in the container: an absolute target as is, a
    /// relative one (or none) under /run/secrets.
    pub fn mount_path(&self) -> String {
        match &self.target {
            Some(t) if t.starts_with('/') => t.clone(),
            Some(t) => format!("{SECRETS_DIR}/{t}"),
            None => format!("{SECRETS_DIR}/{}", self.name),
        }
    }

    /// The variable's name for type=env.
    pub fn env_name(&self) -> &str {
        self.target.as_deref().unwrap_or(&self.name)
    }
}

/// Parses every `--secret`; a secret asked twice for the same place is refused.
pub fn parse_all(values: &[String]) -> Result<Vec<SecretRequest>> {
    let requests = values.iter().map(|v| SecretRequest::parse(v)).collect::<Result<Vec<_>>>()?;
    for (i, r) in requests.iter().enumerate() {
        let place = |r: &SecretRequest| match r.kind {
            SecretKind::Mount => r.mount_path(),
            SecretKind::Env => format!("${}", r.env_name()),
        };
        if requests[..i].iter().any(|o| place(o) == place(r)) {
            bail!("--secret {}: {} is given twice: use a different target", r.name, place(r));
        }
    }
    Ok(requests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_is_a_file_under_run_secrets_readable_by_all() {
        let r = SecretRequest::parse("db").unwrap();
        assert_eq!((r.kind, r.mount_path(), r.uid, r.gid, r.mode), (SecretKind::Mount, "/run/secrets/db".to_string(), 0, 0, 0o444));
    }

    #[test]
    fn options_set_target_owner_mode_and_type() {
        let r = SecretRequest::parse("db,target=/etc/pw,uid=5,gid=6,mode=0400").unwrap();
        assert_eq!((r.mount_path(), r.uid, r.gid, r.mode), ("/etc/pw".to_string(), 5, 6, 0o400));
        assert_eq!(SecretRequest::parse("db,target=pw").unwrap().mount_path(), "/run/secrets/pw");
        let e = SecretRequest::parse("db,type=env,target=PW").unwrap();
        assert_eq!((e.kind, e.env_name()), (SecretKind::Env, "PW"));
        assert_eq!(SecretRequest::parse("db,type=env").unwrap().env_name(), "db");
        let docker = SecretRequest::parse("source=db,target=pw,mode=0400").unwrap();
        assert_eq!((docker.name.as_str(), docker.mount_path(), docker.mode), ("db", "/run/secrets/pw".to_string(), 0o400));
    }

    #[test]
    fn bad_values_are_refused_with_the_fix() {
        for bad in ["", ",type=env", "source=", "type=env,target=x", "db,type=file", "db,mode=999", "db,mode=01777", "db,uid=x", "db,bogus=1", "db,type=env,mode=0400", "db,target"] {
            let e = SecretRequest::parse(bad).unwrap_err().to_string();
            assert!(e.starts_with("invalid --secret"), "{bad}: {e}");
        }
        assert!(parse_all(&["a".into(), "b,target=a".into()]).is_err());
        assert!(parse_all(&["a".into(), "a,type=env".into()]).is_ok());
    }
}
