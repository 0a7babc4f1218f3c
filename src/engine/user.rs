//! `-u user[:group]` resolved against the container's /etc/passwd and
//! /etc/group, as Docker does when the container starts.

use anyhow::{bail, Result};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedUser {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    pub home: String,
}

/// Resolves `spec` (`name`, `uid`, `name:group`, `uid:gid`...) with the
/// contents of the container's passwd and group files (empty when absent).
pub fn resolve_user(spec: &str, passwd: &str, group: &str) -> Result<ResolvedUser> {
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let entry = passwd.lines().filter_map(PasswdEntry::parse).find(|e| match user_part.parse::<u32>() {
        Ok(uid) => e.uid == uid,
        Err(_) => e.name == user_part,
    });
    let (uid, mut gid, home, name) = match (user_part.parse::<u32>(), &entry) {
        (_, Some(e)) => (e.uid, e.gid, e.home.clone(), Some(e.name.clone())),
        (Ok(uid), None) => (uid, 0, "/".to_string(), None),
        (Err(_), None) => bail!("unable to find user {user_part}: no matching entries in the container's /etc/passwd"),
    };
    if let Some(g) = group_part {
        gid = match g.parse::<u32>() {
            Ok(gid) => gid,
            Err(_) => group
                .lines()
                .filter_map(GroupEntry::parse)
                .find(|e| e.name == g)
                .map(|e| e.gid)
                .ok_or_else(|| anyhow::anyhow!("unable to find group {g}: no matching entries in the container's /etc/group"))?,
        };
    }
    let additional_gids = match (&name, group_part) {
        (Some(n), None) => group
            .lines()
            .filter_map(GroupEntry::parse)
            .filter(|e| e.members.iter().any(|m| m == n) && e.gid != gid)
            .map(|e| e.gid)
            .collect(),
        _ => Vec::new(),
    };
    Ok(ResolvedUser { uid, gid, additional_gids, home })
}

struct PasswdEntry {
    name: String,
    uid: u32,
    gid: u32,
    home: String,
}

impl PasswdEntry {
    fn parse(line: &str) -> Option<PasswdEntry> {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() < 6 {
            return None;
        }
        Some(PasswdEntry { name: f[0].into(), uid: f[2].parse().ok()?, gid: f[3].parse().ok()?, home: f[5].into() })
    }
}

struct GroupEntry {
    name: String,
    gid: u32,
    members: Vec<String>,
}

impl GroupEntry {
    fn parse(line: &str) -> Option<GroupEntry> {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() < 3 {
            return None;
        }
        let members = f.get(3).map(|m| m.split(',').filter(|s| !s.is_empty()).map(Into::into).collect()).unwrap_or_default();
        Some(GroupEntry { name: f[0].into(), gid: f[2].parse().ok()?, members })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n";
    const GROUP: &str = "root:x:0:\nuser:x:1000:\nwheel:x:10:user\n";

    #[test]
    fn resolves_names_and_numbers() {
        let u = resolve_user("user", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid, u.additional_gids.clone(), u.home.as_str()), (1000, 1000, vec![10], "/home/user"));
        let u = resolve_user("1000:1000", "", "").unwrap();
        assert_eq!((u.uid, u.gid), (1000, 1000));
        let u = resolve_user("user:wheel", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid), (1000, 10));
        let u = resolve_user("4242", PASSWD, GROUP).unwrap();
        assert_eq!((u.uid, u.gid, u.home.as_str()), (4242, 0, "/"));
    }

    #[test]
    fn unknown_names_are_errors() {
        assert!(resolve_user("nobody", PASSWD, GROUP).is_err());
        assert!(resolve_user("user:nogroup", PASSWD, GROUP).is_err());
    }
}
