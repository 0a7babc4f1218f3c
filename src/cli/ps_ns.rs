//! `ps --ns`: Podman's table of each running container's namespaces, by
//! the inode numbers /proc/PID/ns shows (equal numbers, shared namespace).

use serde_json::{json, Value};

use crate::format::table::Table;
use crate::store::containers::Container;

/// The namespaces Podman's `--ns` table shows, as /proc/PID/ns names them.
const KINDS: [(&str, &str); 8] =
    [("CGROUPNS", "cgroup"), ("IPC", "ipc"), ("MNT", "mnt"), ("NET", "net"), ("PIDNS", "pid"), ("USERNS", "user"), ("UTS", "uts"), ("TIMENS", "time")];

/// The inode number of each namespace of a running container's process,
/// keyed as Podman's JSON keys them; empty for a stopped container.
pub fn namespaces(c: &Container) -> Value {
    let Some(pid) = c.state.pid.filter(|_| crate::engine::lifecycle::is_running(c)) else {
        return json!({});
    };
    let mut out = serde_json::Map::new();
    for (key, ns) in KINDS {
        let inode = std::fs::read_link(format!("/proc/{pid}/ns/{ns}"))
            .ok()
            .and_then(|l| l.to_string_lossy().rsplit_once('[').map(|(_, n)| n.trim_end_matches(']').to_string()))
            .unwrap_or_default();
        out.insert(key.into(), json!(inode));
    }
    out.insert("PID".into(), json!(pid.to_string()));
    Value::Object(out)
}

/// The `--ns` table: CONTAINER ID, NAMES, PID and one column a namespace.
pub fn table(rows: &[Value]) -> String {
    let mut header = vec!["CONTAINER ID", "NAMES", "PID"];
    header.extend(KINDS.iter().map(|(k, _)| *k));
    let mut table = Table::new(header);
    for r in rows {
        let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
        let ns = &r["Namespaces"];
        let mut row = vec![s(&r["ID"]), s(&r["Names"]), s(&ns["PID"])];
        row.extend(KINDS.iter().map(|(k, _)| s(&ns[*k])));
        table.push(row);
    }
    table.render()
}
