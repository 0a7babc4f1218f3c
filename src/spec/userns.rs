//! `--userns`, `--uidmap` and `--gidmap`: whether a container gets a user
//! namespace of its own and how its ids map to the ids outside, with
//! Podman's semantics. Outside means the user namespace pontoon runs in:
//! rootless, the one every command of the user shares (0 is the user,
//! 1..=N the subordinate ids), as root the host's. Parsing and the
//! arithmetic of the maps only, no I/O: the engine gives the numbers it
//! read (runtime::userns) and stores the maps in the OCI bundle.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// `--userns auto` without a size: Podman's smallest automatic range.
pub const AUTO_DEFAULT_SIZE: u32 = 1024;

/// One line of a uid or gid map: `container..container+size` inside are
/// `host..host+size` outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMap {
    pub container: u32,
    pub host: u32,
    pub size: u32,
}

impl IdMap {
    /// Parses `container:host:size`, as `--uidmap` takes it.
    pub fn parse(flag: &str, s: &str) -> Result<IdMap> {
        let parts: Vec<&str> = s.split(':').collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
        match numbers.as_deref() {
            Some([container, host, size]) if *size > 0 && container.checked_add(*size).is_some() && host.checked_add(*size).is_some() => {
                Ok(IdMap { container: *container, host: *host, size: *size })
            }
            _ => bail!("invalid {flag} {s:?}: give container_id:host_id:amount, as in 0:1:65536"),
        }
    }

    /// The line as `inspect` and /proc/PID/uid_map order it.
    pub fn text(&self) -> String {
        format!("{}:{}:{}", self.container, self.host, self.size)
    }

    fn host_end(&self) -> u64 {
        self.host as u64 + self.size as u64
    }
}

/// Maps the container id `id` to the outside, None when it is unmapped.
pub fn to_host(maps: &[IdMap], id: u32) -> Option<u32> {
    maps.iter().find(|m| id >= m.container && (id - m.container) < m.size).map(|m| m.host + (id - m.container))
}

/// Maps the outside id `id` back into the container, None when unmapped.
pub fn to_container(maps: &[IdMap], id: u32) -> Option<u32> {
    maps.iter().find(|m| id >= m.host && (id - m.host) < m.size).map(|m| m.container + (id - m.host))
}

/// What `--userns` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsernsMode {
    /// No user namespace of its own (the default).
    Host,
    /// The caller's uid and gid (or the given ones) inside map to the
    /// caller outside.
    KeepId { uid: Option<u32>, gid: Option<u32> },
    /// The caller's own ids are not mapped at all.
    NoMap,
    /// A range of its own, distinct from every other automatic one.
    Auto { size: Option<u32> },
    /// The maps of `--uidmap`/`--gidmap`.
    Private,
}

impl UsernsMode {
    /// Parses `--userns` given with (`maps`) or without `--uidmap/--gidmap`.
    pub fn parse(s: &str, maps: bool) -> Result<UsernsMode> {
        if maps {
            if !s.is_empty() {
                bail!("--userns and --uidmap/--gidmap/--subuidname/--subgidname are mutually exclusive");
            }
            return Ok(UsernsMode::Private);
        }
        let (name, options) = s.split_once(':').unwrap_or((s, ""));
        let options: Vec<(&str, &str)> = options.split(',').filter(|o| !o.is_empty()).map(|o| o.split_once('=').unwrap_or((o, ""))).collect();
        let number = |key: &str, value: &str| -> Result<u32> {
            value.parse::<u32>().with_context(|| format!("invalid --userns {s:?}: {key}= takes a number"))
        };
        match name {
            "" | "host" if options.is_empty() => Ok(UsernsMode::Host),
            "keep-id" => {
                let (mut uid, mut gid) = (None, None);
                for (key, value) in options {
                    match key {
                        "uid" => uid = Some(number(key, value)?),
                        "gid" => gid = Some(number(key, value)?),
                        other => bail!("invalid --userns {s:?}: unknown keep-id option {other:?} (use uid= and gid=)"),
                    }
                }
                Ok(UsernsMode::KeepId { uid, gid })
            }
            "nomap" if options.is_empty() => Ok(UsernsMode::NoMap),
            "auto" => {
                let mut size = None;
                for (key, value) in options {
                    match key {
                        "size" => size = Some(number(key, value)?).filter(|n| *n > 0),
                        "uidmapping" | "gidmapping" => bail!("--userns {s}: auto with {key}= is not supported; give the whole map with --uidmap and --gidmap"),
                        other => bail!("invalid --userns {s:?}: unknown auto option {other:?} (use size=)"),
                    }
                }
                Ok(UsernsMode::Auto { size })
            }
            "private" if options.is_empty() => bail!("must provide at least one UID or GID mapping to configure a user namespace"),
            "ns" | "container" => bail!("--userns {s} is not supported: use keep-id, nomap, auto or --uidmap/--gidmap"),
            _ => bail!("unrecognized namespace mode {s} passed"),
        }
    }

    /// Whether the container gets a user namespace of its own.
    pub fn is_private(&self) -> bool {
        *self != UsernsMode::Host
    }
}

/// What [`plan`] needs to know of the machine.
#[derive(Clone, Debug)]
pub struct Outside {
    /// Rootless: ids 0..size of the shared namespace exist (0 the caller).
    /// As root: None, every host id exists.
    pub rootless_size: Option<u32>,
    /// The caller's uid and gid on the host (keep-id's defaults).
    pub uid: u32,
    pub gid: u32,
    /// As root, `--userns auto` takes ranges from the `containers` entry
    /// of /etc/subuid and /etc/subgid: (start, count) of each.
    pub auto_range: Option<((u32, u32), (u32, u32))>,
    /// Outside uid ranges (start, size) other automatic containers hold.
    pub auto_taken: Vec<(u32, u32)>,
    /// The highest uid or gid the image's /etc/passwd and /etc/group name
    /// (nobody's 65534 aside): `auto` without a size covers it.
    pub image_max_id: u32,
}

/// The highest id in passwd or group text, below nobody's 65534.
pub fn max_named_id(text: &str) -> u32 {
    text.lines().filter_map(|l| l.split(':').nth(2)?.parse::<u32>().ok()).filter(|id| *id < 65534).max().unwrap_or(0)
}

/// The uid and gid maps of a container, and the user it runs as by
/// default (keep-id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub uid_map: Vec<IdMap>,
    pub gid_map: Vec<IdMap>,
    /// keep-id: the uid and gid the process runs as unless `--user` says.
    pub default_user: Option<(u32, u32)>,
}

/// The maps `mode` (with the `--uidmap`/`--gidmap` lines) gives on this
/// machine; None when the container keeps pontoon's user namespace.
pub fn plan(mode: &UsernsMode, uidmap: &[IdMap], gidmap: &[IdMap], outside: &Outside) -> Result<Option<Plan>> {
    let rootless = outside.rootless_size;
    let plan = match mode {
        UsernsMode::Host => return Ok(None),
        UsernsMode::KeepId { uid, gid } => {
            let Some(total) = rootless else { bail!("keep-id is only supported in rootless mode") };
            let (u, g) = (uid.unwrap_or(outside.uid), gid.unwrap_or(outside.gid));
            Plan { uid_map: keep_id_map(u, total), gid_map: keep_id_map(g, total), default_user: Some((u, g)) }
        }
        UsernsMode::NoMap => {
            let Some(total) = rootless else { bail!("nomap is only supported in rootless mode") };
            let all = vec![IdMap { container: 0, host: 1, size: total - 1 }];
            Plan { uid_map: all.clone(), gid_map: all, default_user: None }
        }
        UsernsMode::Auto { size } => {
            // Podman's heuristic, in short: large enough for the image's users.
            let size = size.unwrap_or_else(|| AUTO_DEFAULT_SIZE.max(outside.image_max_id.saturating_add(1)));
            let ((ustart, ucount), (gstart, gcount)) = match (rootless, outside.auto_range) {
                (Some(total), _) => ((1, total - 1), (1, total - 1)),
                (None, Some(ranges)) => ranges,
                (None, None) => bail!("cannot find mappings for user \"containers\": add a range for it to /etc/subuid and /etc/subgid (usermod --add-subuids 200000-265535 --add-subgids 200000-265535 containers), or give --uidmap"),
            };
            let start = free_range(ustart, ucount.min(gcount), size, &outside.auto_taken)
                .with_context(|| format!("--userns auto: could not find enough available IDs ({size} in a range of {} that other containers share)", ucount.min(gcount)))?;
            let offset = start - ustart;
            Plan {
                uid_map: vec![IdMap { container: 0, host: start, size }],
                gid_map: vec![IdMap { container: 0, host: gstart + offset, size }],
                default_user: None,
            }
        }
        UsernsMode::Private => {
            // Podman: one of the two flags stands for both.
            let uid_map = if uidmap.is_empty() { gidmap.to_vec() } else { uidmap.to_vec() };
            let gid_map = if gidmap.is_empty() { uidmap.to_vec() } else { gidmap.to_vec() };
            for (flag, maps) in [("--uidmap", &uid_map), ("--gidmap", &gid_map)] {
                check_maps(flag, maps, rootless)?;
            }
            Plan { uid_map, gid_map, default_user: None }
        }
    };
    Ok(Some(plan))
}

/// keep-id: `id` inside is the caller (0 outside); the ids below it are
/// 1..=id outside and the ones above it themselves, up to the end.
fn keep_id_map(id: u32, total: u32) -> Vec<IdMap> {
    let below = id.min(total - 1);
    let mut maps = vec![IdMap { container: 0, host: 1, size: below }, IdMap { container: id, host: 0, size: 1 }];
    if id + 1 < total {
        maps.push(IdMap { container: id + 1, host: id + 1, size: total - id - 1 });
    }
    maps.retain(|m| m.size > 0);
    maps
}

/// The first start in `start..start+count` of `size` free ids.
fn free_range(start: u32, count: u32, size: u32, taken: &[(u32, u32)]) -> Option<u32> {
    let end = start as u64 + count as u64;
    let mut candidate = start as u64;
    let mut taken: Vec<(u64, u64)> = taken.iter().map(|(s, n)| (*s as u64, *s as u64 + *n as u64)).collect();
    taken.sort();
    for (s, e) in taken {
        if candidate + size as u64 <= s {
            break;
        }
        candidate = candidate.max(e);
    }
    (candidate + size as u64 <= end).then_some(candidate as u32)
}

/// Refuses overlapping lines and, rootless, outside ids the shared
/// namespace does not have.
fn check_maps(flag: &str, maps: &[IdMap], rootless: Option<u32>) -> Result<()> {
    for (i, a) in maps.iter().enumerate() {
        if let Some(total) = rootless {
            if a.host_end() > total as u64 {
                bail!(
                    "{flag} {}: rootless, host ids are ids of your user namespace, 0 to {} (0 is you, 1.. your subordinate ids); use a range inside it",
                    a.text(),
                    total - 1
                );
            }
        }
        for b in &maps[i + 1..] {
            let overlap = |x: u32, y: u32| (x as u64) < y as u64 + b.size as u64 && (y as u64) < x as u64 + a.size as u64;
            if overlap(a.container, b.container) || overlap(a.host, b.host) {
                bail!("{flag} {} overlaps {}: give ranges that do not overlap", a.text(), b.text());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outside(rootless: bool) -> Outside {
        Outside { rootless_size: rootless.then_some(65537), uid: 1001, gid: 1002, auto_range: None, auto_taken: vec![], image_max_id: 1000 }
    }

    fn m(container: u32, host: u32, size: u32) -> IdMap {
        IdMap { container, host, size }
    }

    #[test]
    fn parses_podmans_modes() {
        assert_eq!(UsernsMode::parse("", false).unwrap(), UsernsMode::Host);
        assert_eq!(UsernsMode::parse("host", false).unwrap(), UsernsMode::Host);
        assert_eq!(UsernsMode::parse("keep-id", false).unwrap(), UsernsMode::KeepId { uid: None, gid: None });
        assert_eq!(UsernsMode::parse("keep-id:uid=200,gid=300", false).unwrap(), UsernsMode::KeepId { uid: Some(200), gid: Some(300) });
        assert_eq!(UsernsMode::parse("nomap", false).unwrap(), UsernsMode::NoMap);
        assert_eq!(UsernsMode::parse("auto:size=2000", false).unwrap(), UsernsMode::Auto { size: Some(2000) });
        assert_eq!(UsernsMode::parse("", true).unwrap(), UsernsMode::Private);
        assert!(UsernsMode::parse("keep-id", true).unwrap_err().to_string().contains("mutually exclusive"));
        assert!(UsernsMode::parse("private", false).unwrap_err().to_string().contains("at least one UID or GID mapping"));
        assert_eq!(UsernsMode::parse("bogus", false).unwrap_err().to_string(), "unrecognized namespace mode bogus passed");
        assert!(UsernsMode::parse("keep-id:uid=x", false).is_err());
        assert!(UsernsMode::parse("keep-id:home=/", false).is_err());
    }

    #[test]
    fn id_maps_parse_as_the_flags_take_them() {
        assert_eq!(IdMap::parse("--uidmap", "0:1:1000").unwrap(), m(0, 1, 1000));
        for bad in ["0:1", "0:1:0", "a:1:2", "0:1:2:3", "4294967295:0:2"] {
            assert!(IdMap::parse("--uidmap", bad).unwrap_err().to_string().starts_with("invalid --uidmap"), "{bad}");
        }
    }

    #[test]
    fn keep_id_maps_the_caller_to_its_own_ids() {
        let p = plan(&UsernsMode::KeepId { uid: None, gid: None }, &[], &[], &outside(true)).unwrap().unwrap();
        // What podman 4.3 writes for uid 1001 with 65536 subuids.
        assert_eq!(p.uid_map, vec![m(0, 1, 1001), m(1001, 0, 1), m(1002, 1002, 64535)]);
        assert_eq!(p.gid_map, vec![m(0, 1, 1002), m(1002, 0, 1), m(1003, 1003, 64534)]);
        assert_eq!(p.default_user, Some((1001, 1002)));
        let p = plan(&UsernsMode::KeepId { uid: Some(200), gid: Some(300) }, &[], &[], &outside(true)).unwrap().unwrap();
        assert_eq!(p.uid_map, vec![m(0, 1, 200), m(200, 0, 1), m(201, 201, 65336)]);
        assert_eq!(p.default_user, Some((200, 300)));
        // A uid beyond the subordinate range: everything below it, then it.
        assert_eq!(keep_id_map(100_000, 65537), vec![m(0, 1, 65536), m(100_000, 0, 1)]);
        assert_eq!(keep_id_map(0, 65537), vec![m(0, 0, 1), m(1, 1, 65536)]);
        assert_eq!(to_host(&p.uid_map, 0), Some(1));
        assert_eq!(to_host(&p.uid_map, 200), Some(0));
        assert_eq!(to_host(&p.uid_map, 70000), None);
        assert_eq!((to_container(&p.uid_map, 0), to_container(&p.uid_map, 1)), (Some(200), Some(0)));
    }

    #[test]
    fn root_gets_podmans_refusals() {
        for (mode, text) in [(UsernsMode::KeepId { uid: None, gid: None }, "keep-id is only supported in rootless mode"), (UsernsMode::NoMap, "nomap is only supported in rootless mode")] {
            assert_eq!(plan(&mode, &[], &[], &outside(false)).unwrap_err().to_string(), text);
        }
        let err = plan(&UsernsMode::Auto { size: None }, &[], &[], &outside(false)).unwrap_err().to_string();
        assert!(err.contains("cannot find mappings for user \"containers\""), "{err}");
        let root_map = plan(&UsernsMode::Private, &[m(0, 100_000, 65536)], &[], &outside(false)).unwrap().unwrap();
        assert_eq!(root_map.gid_map, vec![m(0, 100_000, 65536)], "--uidmap alone maps gids too");
    }

    #[test]
    fn nomap_leaves_the_caller_out() {
        let p = plan(&UsernsMode::NoMap, &[], &[], &outside(true)).unwrap().unwrap();
        assert_eq!(p.uid_map, vec![m(0, 1, 65536)]);
    }

    #[test]
    fn auto_ranges_do_not_overlap() {
        let mut o = outside(true);
        let first = plan(&UsernsMode::Auto { size: None }, &[], &[], &o).unwrap().unwrap();
        assert_eq!(first.uid_map, vec![m(0, 1, 1024)]);
        o.auto_taken = vec![(1, 1024), (3000, 10)];
        let second = plan(&UsernsMode::Auto { size: Some(2000) }, &[], &[], &o).unwrap().unwrap();
        assert_eq!(second.uid_map, vec![m(0, 3010, 2000)], "1025..3000 is too small for 2000");
        o.image_max_id = 5000;
        let big = plan(&UsernsMode::Auto { size: None }, &[], &[], &o).unwrap().unwrap();
        assert_eq!(big.uid_map, vec![m(0, 3010, 5001)], "an image naming uid 5000 gets room for it");
        assert_eq!(max_named_id("root:x:0:0\nnobody:x:65534:65534\nweb:x:33:33\n"), 33);
        let small = plan(&UsernsMode::Auto { size: Some(500) }, &[], &[], &o).unwrap().unwrap();
        assert_eq!(small.uid_map, vec![m(0, 1025, 500)]);
        o.auto_taken = vec![(1, 65536)];
        assert!(plan(&UsernsMode::Auto { size: None }, &[], &[], &o).unwrap_err().to_string().contains("could not find enough available IDs"));
        let mut root = outside(false);
        root.auto_range = Some(((200_000, 65536), (300_000, 65536)));
        let p = plan(&UsernsMode::Auto { size: None }, &[], &[], &root).unwrap().unwrap();
        assert_eq!((p.uid_map, p.gid_map), (vec![m(0, 200_000, 1024)], vec![m(0, 300_000, 1024)]));
    }

    #[test]
    fn explicit_maps_stay_inside_the_namespace() {
        let p = plan(&UsernsMode::Private, &[m(0, 1, 1000)], &[m(0, 2, 500)], &outside(true)).unwrap().unwrap();
        assert_eq!((p.uid_map, p.gid_map), (vec![m(0, 1, 1000)], vec![m(0, 2, 500)]));
        let err = plan(&UsernsMode::Private, &[m(0, 100_000, 10)], &[], &outside(true)).unwrap_err().to_string();
        assert!(err.contains("0 to 65536"), "{err}");
        let err = plan(&UsernsMode::Private, &[m(0, 1, 10), m(5, 20, 10)], &[], &outside(true)).unwrap_err().to_string();
        assert!(err.contains("overlaps"), "{err}");
    }
}
