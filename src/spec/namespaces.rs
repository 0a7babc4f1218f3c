//! `--ipc`, `--pid`, `--uts`, `--shm-size` and `--group-add`: which IPC,
//! PID and UTS namespaces a container gets (its own, the host's, or
//! another container's) and the flags that go with them. Parsing and
//! validation only, no I/O: the engine resolves `container:NAME` to the
//! running container's /proc/PID/ns/* at start (engine::namespaces).

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

/// Docker's /dev/shm size when `--shm-size` is not given: 64 MiB.
pub const DEFAULT_SHM_SIZE: u64 = 64 * 1024 * 1024;

/// `--ipc`: the IPC namespace (SysV shared memory, semaphores, message
/// queues) and the /dev/shm that goes with it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum IpcMode {
    /// A namespace of its own that no other container may join.
    Private,
    /// A namespace of its own that others may join with `container:NAME`;
    /// the default, as in Podman.
    #[default]
    Shareable,
    /// Private, and no /dev/shm mounted at all (Docker's `none`).
    None,
    /// The host's IPC namespace (and /dev/shm): only when asked.
    Host,
    /// `container:NAME|ID`: another container's namespace (its SysV IPC;
    /// /dev/shm stays the container's own, see engine::oci).
    Container(String),
}

/// `--pid` and `--uts`: the namespace of its own (the default), the
/// host's, or another container's.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub enum NamespaceMode {
    #[default]
    Private,
    Host,
    Container(String),
}

/// Which flag a value came from, for the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ipc,
    Pid,
    Uts,
}

impl Kind {
    pub fn flag(self) -> &'static str {
        match self {
            Kind::Ipc => "--ipc",
            Kind::Pid => "--pid",
            Kind::Uts => "--uts",
        }
    }

    /// The name of the namespace under /proc/PID/ns.
    pub fn proc_name(self) -> &'static str {
        match self {
            Kind::Ipc => "ipc",
            Kind::Pid => "pid",
            Kind::Uts => "uts",
        }
    }
}

/// The target of `container:NAME`, or an error naming the flag.
fn container_target(kind: Kind, value: &str, target: &str) -> Result<String> {
    if target.is_empty() {
        bail!("invalid {} {value:?}: container: needs a container, as in container:NAME or container:ID", kind.flag());
    }
    Ok(target.to_string())
}

impl IpcMode {
    /// Parses one `--ipc` value as Docker and Podman accept it.
    pub fn parse(s: &str) -> Result<IpcMode> {
        if let Some(target) = s.strip_prefix("container:") {
            return Ok(IpcMode::Container(container_target(Kind::Ipc, s, target)?));
        }
        Ok(match s {
            "private" => IpcMode::Private,
            "" | "shareable" => IpcMode::Shareable,
            "none" => IpcMode::None,
            "host" => IpcMode::Host,
            other => bail!("invalid --ipc {other:?}: use host, private, shareable, none or container:NAME"),
        })
    }

    /// The mode as `inspect` shows it in HostConfig.IpcMode.
    pub fn name(&self) -> String {
        match self {
            IpcMode::Private => "private".into(),
            IpcMode::Shareable => "shareable".into(),
            IpcMode::None => "none".into(),
            IpcMode::Host => "host".into(),
            IpcMode::Container(c) => format!("container:{c}"),
        }
    }

    /// Whether another container may join this one's IPC namespace
    /// (Docker refuses private and none).
    pub fn is_shareable(&self) -> bool {
        matches!(self, IpcMode::Shareable | IpcMode::Host)
    }

    /// Whether `--shm-size` applies: the container's own namespace with a
    /// /dev/shm tmpfs.
    pub fn own_shm(&self) -> bool {
        matches!(self, IpcMode::Private | IpcMode::Shareable)
    }
}

impl NamespaceMode {
    /// Parses one `--pid` or `--uts` value: `host`, `private` or
    /// `container:NAME`.
    pub fn parse(kind: Kind, s: &str) -> Result<NamespaceMode> {
        if let Some(target) = s.strip_prefix("container:") {
            return Ok(NamespaceMode::Container(container_target(kind, s, target)?));
        }
        Ok(match s {
            "" | "private" => NamespaceMode::Private,
            "host" => NamespaceMode::Host,
            other => bail!("invalid {} {other:?}: use host, private or container:NAME", kind.flag()),
        })
    }

    /// The mode as `inspect` shows it (HostConfig.PidMode, UTSMode):
    /// empty for the default, as in Docker.
    pub fn name(&self) -> String {
        match self {
            NamespaceMode::Private => String::new(),
            NamespaceMode::Host => "host".into(),
            NamespaceMode::Container(c) => format!("container:{c}"),
        }
    }
}

/// What the namespace flags ask for, as stored in the container's spec.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct NamespaceSettings {
    #[serde(default)]
    pub ipc: IpcMode,
    #[serde(default)]
    pub pid: NamespaceMode,
    #[serde(default)]
    pub uts: NamespaceMode,
    /// `--shm-size` in bytes; None for Docker's 64m.
    #[serde(default)]
    pub shm_size: Option<u64>,
    /// `--userns` as given (see [`crate::spec::userns::UsernsMode`]).
    #[serde(default)]
    pub userns: String,
    /// `--uidmap` and `--gidmap` lines, in order.
    #[serde(default)]
    pub uidmap: Vec<crate::spec::userns::IdMap>,
    #[serde(default)]
    pub gidmap: Vec<crate::spec::userns::IdMap>,
    /// `--group-add`, as given: group names (looked up in the image's
    /// /etc/group when the container is created) or numeric gids.
    #[serde(default)]
    pub group_add: Vec<String>,
}

impl NamespaceSettings {
    /// The size of /dev/shm, in bytes.
    pub fn shm_bytes(&self) -> u64 {
        self.shm_size.unwrap_or(DEFAULT_SHM_SIZE)
    }

    /// The `container:NAME` targets, by namespace, for the engine to
    /// resolve at start.
    pub fn joined(&self) -> Vec<(Kind, &str)> {
        let mut out = Vec::new();
        if let IpcMode::Container(c) = &self.ipc {
            out.push((Kind::Ipc, c.as_str()));
        }
        if let NamespaceMode::Container(c) = &self.pid {
            out.push((Kind::Pid, c.as_str()));
        }
        if let NamespaceMode::Container(c) = &self.uts {
            out.push((Kind::Uts, c.as_str()));
        }
        out
    }

    /// Refuses combinations Docker and Podman refuse: a hostname or a
    /// /dev/shm size for namespaces the container does not own.
    pub fn check(&self, hostname: Option<&str>) -> Result<()> {
        if hostname.is_some() && self.uts != NamespaceMode::Private {
            bail!("--hostname cannot be set with --uts {}: the UTS namespace (and its hostname) is not the container's own; drop one of them", self.uts.name());
        }
        if self.shm_size.is_some() && !self.ipc.own_shm() {
            bail!("--shm-size cannot be set with --ipc {}: the container has no /dev/shm of its own; drop one of them", self.ipc.name());
        }
        if self.shm_size == Some(0) {
            bail!("invalid --shm-size 0: give a size such as 64m");
        }
        for g in &self.group_add {
            check_group(g)?;
        }
        let userns = self.userns_mode()?;
        if let (true, NamespaceMode::Container(c)) = (userns.is_private(), &self.pid) {
            // Its PID namespace belongs to pontoon's user namespace: the
            // container's root could not mount its /proc.
            bail!("--pid container:{c} cannot be combined with a user namespace of the container's own (--userns, --uidmap): drop one of them");
        }
        Ok(())
    }

    /// `--userns` (with `--uidmap`/`--gidmap`) parsed.
    pub fn userns_mode(&self) -> Result<crate::spec::userns::UsernsMode> {
        crate::spec::userns::UsernsMode::parse(&self.userns, !self.uidmap.is_empty() || !self.gidmap.is_empty())
    }
}

/// A `--group-add` value: a gid, or a group name as /etc/group spells it.
fn check_group(g: &str) -> Result<()> {
    if g == "keep-groups" {
        bail!("--group-add keep-groups is not supported: pontoon cannot keep your supplementary groups in the container; add the groups by name or gid");
    }
    let ok = !g.is_empty() && !g.starts_with('-') && !g.contains(|c: char| c == ':' || c == ',' || c.is_whitespace() || c.is_control());
    if !ok {
        bail!("invalid --group-add {g:?}: give a group name or a numeric gid");
    }
    Ok(())
}

/// Resolves `--group-add` values against the container's /etc/group
/// text: numbers as they are, names to their gid.
pub fn resolve_groups(groups: &[String], group_file: &str) -> Result<Vec<u32>> {
    groups
        .iter()
        .map(|g| match g.parse::<u32>() {
            Ok(gid) => Ok(gid),
            Err(_) => group_file
                .lines()
                .map(|l| l.split(':').collect::<Vec<_>>())
                .find(|f| f.len() >= 3 && f[0] == g)
                .and_then(|f| f[2].parse::<u32>().ok())
                .ok_or_else(|| anyhow::anyhow!("unable to find group {g}: no matching entries in the container's /etc/group (give a numeric gid instead)")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ipc_modes_as_docker_names_them() {
        assert_eq!(IpcMode::parse("private").unwrap(), IpcMode::Private);
        assert_eq!(IpcMode::parse("shareable").unwrap(), IpcMode::Shareable);
        assert_eq!(IpcMode::parse("none").unwrap(), IpcMode::None);
        assert_eq!(IpcMode::parse("host").unwrap(), IpcMode::Host);
        assert_eq!(IpcMode::parse("container:db").unwrap(), IpcMode::Container("db".into()));
        assert_eq!(IpcMode::default().name(), "shareable");
        for bad in ["container:", "bogus", "ns:/x", "host:x"] {
            let err = IpcMode::parse(bad).unwrap_err().to_string();
            assert!(err.starts_with("invalid --ipc"), "{bad}: {err}");
        }
    }

    #[test]
    fn only_shareable_ipc_namespaces_may_be_joined() {
        assert!(IpcMode::Shareable.is_shareable());
        assert!(!IpcMode::Private.is_shareable() && !IpcMode::None.is_shareable());
        assert!(!IpcMode::None.own_shm() && !IpcMode::Host.own_shm() && IpcMode::Private.own_shm());
    }

    #[test]
    fn parses_pid_and_uts_modes() {
        assert_eq!(NamespaceMode::parse(Kind::Pid, "host").unwrap(), NamespaceMode::Host);
        assert_eq!(NamespaceMode::parse(Kind::Uts, "container:web").unwrap(), NamespaceMode::Container("web".into()));
        assert_eq!(NamespaceMode::parse(Kind::Pid, "private").unwrap(), NamespaceMode::Private);
        assert_eq!(NamespaceMode::Private.name(), "");
        let err = NamespaceMode::parse(Kind::Uts, "shareable").unwrap_err().to_string();
        assert!(err.starts_with("invalid --uts \"shareable\""), "{err}");
        assert!(NamespaceMode::parse(Kind::Pid, "container:").unwrap_err().to_string().contains("--pid"));
    }

    #[test]
    fn refuses_flags_for_namespaces_not_owned() {
        let uts = NamespaceSettings { uts: NamespaceMode::Host, ..Default::default() };
        assert!(uts.check(Some("box")).unwrap_err().to_string().contains("--hostname"));
        assert!(uts.check(None).is_ok());
        let shm = NamespaceSettings { ipc: IpcMode::None, shm_size: Some(1 << 20), ..Default::default() };
        assert!(shm.check(None).unwrap_err().to_string().contains("--shm-size"));
        let zero = NamespaceSettings { shm_size: Some(0), ..Default::default() };
        assert!(zero.check(None).is_err());
        assert_eq!(NamespaceSettings::default().shm_bytes(), 64 << 20);
    }

    #[test]
    fn group_add_takes_names_and_gids() {
        let group = "root:x:0:\naudio:x:29:\nwheel:x:10:root\n";
        assert_eq!(resolve_groups(&["audio".into(), "1234".into()], group).unwrap(), vec![29, 1234]);
        assert!(resolve_groups(&["nope".into()], group).unwrap_err().to_string().contains("unable to find group nope"));
        for bad in ["", "a:b", "-x", "a b", "keep-groups"] {
            let s = NamespaceSettings { group_add: vec![bad.into()], ..Default::default() };
            assert!(s.check(None).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_joined_pid_namespace_needs_pontoons_user_namespace() {
        let s = NamespaceSettings { pid: NamespaceMode::Container("a".into()), userns: "keep-id".into(), ..Default::default() };
        assert!(s.check(None).unwrap_err().to_string().contains("--pid container:a cannot be combined"));
        let host = NamespaceSettings { pid: NamespaceMode::Container("a".into()), userns: "host".into(), ..Default::default() };
        assert!(host.check(None).is_ok());
    }

    #[test]
    fn lists_the_containers_to_join() {
        let s = NamespaceSettings { ipc: IpcMode::Container("a".into()), uts: NamespaceMode::Container("b".into()), ..Default::default() };
        assert_eq!(s.joined(), vec![(Kind::Ipc, "a"), (Kind::Uts, "b")]);
    }
}
