//! Events without a daemon: each command (and each container's monitor)
//! appends what it did to the event log in the store, in the shape of
//! Podman's file backend, and `pontoon events` reads it. Emitting never
//! fails the command: a full disk or an unwritable log loses the event,
//! not the container.
//!
//! Where events go is decided once per process: `--events-backend` (passed
//! on to monitors through [`BACKEND_ENV`]), else containers.conf's
//! `events_logger`, else the file. `journald` writes the file too: pontoon
//! has no journald writer, and `pontoon events` reads the file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::store::containers::ContainerRecord;
use crate::store::events::{EventLog, DEFAULT_MAX_SIZE};
use crate::store::paths::StorePaths;
use crate::store::Store;

/// The `--events-backend` of the command that started this process.
pub const BACKEND_ENV: &str = "PONTOON_EVENTS_BACKEND";

/// One event, with Podman's field names (its file backend's JSON line).
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Event {
    #[serde(rename = "ContainerExitCode", default, skip_serializing_if = "Option::is_none")]
    pub container_exit_code: Option<i32>,
    #[serde(rename = "ID", default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(rename = "Image", default, skip_serializing_if = "String::is_empty")]
    pub image: String,
    #[serde(rename = "Name", default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The network's name, in network events.
    #[serde(rename = "network", default, skip_serializing_if = "String::is_empty")]
    pub network: String,
    #[serde(rename = "Status")]
    pub status: String,
    #[serde(rename = "Time")]
    pub time: DateTime<Utc>,
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(rename = "PodID", default, skip_serializing_if = "String::is_empty")]
    pub pod_id: String,
    /// A container's labels, and details such as `containerExitCode`.
    #[serde(rename = "Attributes", default, deserialize_with = "null_as_empty")]
    pub attributes: BTreeMap<String, String>,
}

/// Podman writes `"Attributes":null` for events without any.
fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    Ok(Option::<BTreeMap<String, String>>::deserialize(d)?.unwrap_or_default())
}

impl Event {
    fn new(kind: &str, status: &str) -> Event {
        Event { kind: kind.into(), status: status.into(), time: Utc::now(), ..Default::default() }
    }

    /// A container event: its Id, name, image, labels and pod.
    pub fn container(status: &str, record: &ContainerRecord) -> Event {
        Event {
            id: record.id.clone(),
            name: record.name.clone(),
            image: record.image_name.clone(),
            pod_id: record.spec.pod.clone().unwrap_or_default(),
            attributes: record.spec.labels.clone(),
            ..Event::new("container", status)
        }
    }

    /// The container's process exited with `code` (written by its monitor).
    pub fn died(record: &ContainerRecord, code: i32) -> Event {
        Event::container("died", record).exit_code(code)
    }

    pub fn image(status: &str, id: &str, name: &str) -> Event {
        Event { id: id.trim_start_matches("sha256:").into(), name: name.into(), ..Event::new("image", status) }
    }

    pub fn volume(status: &str, name: &str) -> Event {
        Event { name: name.into(), ..Event::new("volume", status) }
    }

    pub fn network(status: &str, id: &str, name: &str) -> Event {
        Event { id: id.into(), name: name.into(), network: name.into(), ..Event::new("network", status) }
    }

    /// `network connect`/`disconnect`: Podman's shape, the container's Id
    /// and name with the network's name.
    pub fn network_link(status: &str, network: &str, record: &ContainerRecord) -> Event {
        Event { id: record.id.clone(), name: record.name.clone(), network: network.into(), ..Event::new("network", status) }
    }

    pub fn pod(status: &str, pod: &crate::store::pods::PodRecord) -> Event {
        Event { id: pod.id.clone(), name: pod.name.clone(), ..Event::new("pod", status) }
    }

    pub fn exit_code(mut self, code: i32) -> Event {
        self.container_exit_code = Some(code);
        self.attributes.insert("containerExitCode".into(), code.to_string());
        self
    }

    pub fn named(mut self, name: &str) -> Event {
        self.name = name.into();
        self
    }

    pub fn attr(mut self, key: &str, value: &str) -> Event {
        self.attributes.insert(key.into(), value.into());
        self
    }
}

/// Where this process's events go.
struct Settings {
    enabled: bool,
    path: Option<std::path::PathBuf>,
    max_size: u64,
}

/// The settings as `start` hands them to a monitor: the monitor writes
/// where its command does without reading and parsing containers.conf (a
/// TOML parser it would otherwise link and run at every container start).
pub const SETTINGS_ENV: &str = "_PONTOON_EVENTS_SETTINGS";

/// `SETTINGS_ENV`'s value for a process this one starts.
pub fn settings_for_child() -> (&'static str, String) {
    let s = settings();
    let path = s.path.as_deref().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    (SETTINGS_ENV, format!("{} {} {path}", u8::from(s.enabled), s.max_size))
}

/// `settings_for_child`'s text, back; None for anything it never writes.
fn settings_from_parent(text: &str) -> Option<Settings> {
    let mut fields = text.splitn(3, ' ');
    let enabled = match fields.next()? {
        "1" => true,
        "0" => false,
        _ => return None,
    };
    let max_size = fields.next()?.parse().ok()?;
    let path = fields.next()?;
    Some(Settings { enabled, path: (!path.is_empty()).then(|| path.into()), max_size })
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        if let Some(given) = std::env::var(SETTINGS_ENV).ok().and_then(|t| settings_from_parent(&t)) {
            return given;
        }
        // A broken containers.conf is reported by the commands that use it;
        // events then go to the default place.
        let conf = crate::engine::containers_conf::ContainersConf::load().unwrap_or_default();
        let flag = std::env::var(BACKEND_ENV).ok().filter(|b| !b.is_empty());
        let backend = flag.or(conf.events_logger.clone()).unwrap_or_else(|| "file".into());
        Settings {
            enabled: backend != "none",
            path: conf.events_logfile_path.filter(|p| !p.is_empty()).map(Into::into),
            max_size: conf.events_logfile_max_size.filter(|n| *n > 0).unwrap_or(DEFAULT_MAX_SIZE),
        }
    })
}

/// Emits the event once `result` is known to be a success; passes it on.
pub fn on_success<T>(store: &Store, result: anyhow::Result<T>, event: impl FnOnce() -> Event) -> anyhow::Result<T> {
    if result.is_ok() {
        emit(store, event());
    }
    result
}

/// The event log of the store at `paths` (containers.conf's
/// `events_logfile_path` when set).
pub fn log(paths: &StorePaths) -> EventLog {
    let s = settings();
    let path = s.path.clone().unwrap_or_else(|| paths.root.join("events").join("events.log"));
    EventLog::new(path, s.max_size)
}

/// Appends `event` to the log, unless events are off; never fails.
pub fn emit(store: &Store, event: Event) {
    emit_at(&store.paths, event)
}

/// [`emit`] for callers that hold only the store's paths.
pub fn emit_at(paths: &StorePaths, event: Event) {
    if !settings().enabled {
        return;
    }
    let Ok(mut line) = serde_json::to_vec(&event) else { return };
    line.push(b'\n');
    // The event is lost, the command goes on (see the module comment).
    let _ = log(paths).append(&line);
}

/// The events in the log, oldest first; lines that do not parse (a write
/// cut short by a full disk) are skipped.
pub fn read(paths: &StorePaths) -> Vec<Event> {
    log(paths).read_all().iter().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

/// Follows the log: each event as it is written, after (with
/// `from_start`) what the log already holds.
pub struct Follow {
    pending: Vec<Event>,
    follower: crate::store::events::Follower,
}

impl Follow {
    pub fn start(paths: &StorePaths, from_start: bool) -> Follow {
        let log = log(paths);
        if !from_start {
            return Follow { pending: Vec::new(), follower: log.follow() };
        }
        let pending = log.read_rotated().iter().filter_map(|l| serde_json::from_str(l).ok()).collect();
        Follow { pending, follower: log.follow_from_start() }
    }

    /// The events written since the last call (the first: all there are).
    pub fn next_batch(&mut self) -> Vec<Event> {
        let mut out = std::mem::take(&mut self.pending);
        out.extend(self.follower.poll().iter().filter_map(|l| serde_json::from_str::<Event>(l).ok()));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_monitor_reads_back_the_settings_its_start_wrote() {
        let s = settings_from_parent("1 4096 /var/log/my events.log").unwrap();
        assert!(s.enabled && s.max_size == 4096);
        assert_eq!(s.path.as_deref(), Some(std::path::Path::new("/var/log/my events.log")));
        let s = settings_from_parent("0 10 ").unwrap();
        assert!(!s.enabled && s.path.is_none());
        for bad in ["", "yes 1 /x", "1 big /x", "1 10"] {
            assert!(settings_from_parent(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn lines_have_podman_s_field_names() {
        let e = Event::volume("create", "v1");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["Name"], "v1");
        assert_eq!(json["Type"], "volume");
        assert_eq!(json["Status"], "create");
        assert!(json.get("ID").is_none() && json.get("ContainerExitCode").is_none());
        let text = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), e, "round trip with nanoseconds");
        let podman = r#"{"ID":"8d5d","Image":"localhost/busybox:latest","Name":"ev1","Status":"create","Time":"2026-12-02T06:13:24.801353067Z","Type":"container","Attributes":{"a":"b"}}"#;
        let parsed: Event = serde_json::from_str(podman).unwrap();
        assert_eq!((parsed.name.as_str(), parsed.attributes["a"].as_str()), ("ev1", "b"));
        assert_eq!(parsed.time.timestamp_subsec_nanos(), 801353067);
        let bare: Event = serde_json::from_str(r#"{"Name":"v1","Status":"create","Time":"2026-12-02T06:13:25.386520052Z","Type":"volume","Attributes":null}"#).unwrap();
        assert!(bare.attributes.is_empty());
    }
}
