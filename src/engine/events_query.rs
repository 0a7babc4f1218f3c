//! Which events `pontoon events` shows: `--filter` as Docker combines
//! them (the same key repeated: any of the values; different keys: all of
//! them), `--since`/`--until` in the forms Docker and Podman take, and
//! Docker's names for Podman's statuses (`die` is `died`).

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::engine::events::Event;

const KEYS: [&str; 9] = ["container", "image", "event", "status", "type", "label", "pod", "volume", "network"];

/// The `--filter KEY=VALUE` flags, by key.
#[derive(Debug, Default)]
pub struct Filters {
    by_key: BTreeMap<String, Vec<String>>,
}

impl Filters {
    pub fn parse(flags: &[String]) -> Result<Filters> {
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for flag in flags {
            let Some((key, value)) = flag.split_once('=') else {
                bail!("invalid --filter {flag:?}: give KEY=VALUE, e.g. event=start or container=web");
            };
            let key = if key == "status" { "event" } else { key };
            if !KEYS.contains(&key) {
                bail!("invalid --filter {flag:?}: the keys are {}", KEYS.join(", "));
            }
            by_key.entry(key.to_string()).or_default().push(value.to_string());
        }
        Ok(Filters { by_key })
    }

    /// Whether `e` passes. Called on every event in order: a pod event
    /// teaches `pod=NAME` the pod's Id, which its containers' events carry.
    pub fn matches(&mut self, e: &Event) -> bool {
        if let Some(pods) = self.by_key.get_mut("pod") {
            if e.kind == "pod" && !e.id.is_empty() && pods.contains(&e.name) && !pods.contains(&e.id) {
                pods.push(e.id.clone());
            }
        }
        self.by_key.iter().all(|(key, values)| values.iter().any(|v| matches_one(key, v, e)))
    }
}

fn matches_one(key: &str, v: &str, e: &Event) -> bool {
    let id_or_name = |id: &str, name: &str| name == v || (!id.is_empty() && id.starts_with(v));
    match key {
        "container" => e.kind == "container" && id_or_name(&e.id, &e.name),
        "image" => {
            let same = |name: &str| !name.is_empty() && (name == v || familiar_with_tag(name) == familiar_with_tag(v));
            same(&e.image) || (e.kind == "image" && (same(&e.name) || (!e.id.is_empty() && e.id.starts_with(v.trim_start_matches("sha256:")))))
        }
        "event" => e.status == podman_status(v),
        "type" => e.kind == v,
        "label" => match v.split_once('=') {
            Some((k, want)) => e.attributes.get(k).is_some_and(|have| have == want),
            None => e.attributes.contains_key(v),
        },
        "pod" => (e.kind == "pod" && id_or_name(&e.id, &e.name)) || (!e.pod_id.is_empty() && e.pod_id.starts_with(v)),
        "volume" => e.kind == "volume" && e.name == v,
        "network" => e.network == v || (e.kind == "network" && e.status != "connect" && e.status != "disconnect" && e.id.starts_with(v)),
        _ => false,
    }
}

/// `busybox:latest` for `busybox`, `docker.io/library/busybox` and
/// `docker.io/library/busybox:latest` alike.
fn familiar_with_tag(name: &str) -> String {
    let familiar = crate::engine::images::familiar_tag(name);
    let last = familiar.rsplit('/').next().unwrap_or(&familiar);
    if last.contains([':', '@']) {
        familiar
    } else {
        format!("{familiar}:latest")
    }
}

/// Podman's status for a name Docker uses.
pub fn podman_status(name: &str) -> &str {
    match name {
        "die" => "died",
        "destroy" | "delete" => "remove",
        "exec_create" | "exec_start" => "exec",
        "exec_die" => "exec_died",
        "load" => "loadfromarchive",
        other => other,
    }
}

/// Docker's action for an event (its `Action` field).
pub fn docker_action(e: &Event) -> &str {
    match (e.kind.as_str(), e.status.as_str()) {
        (_, "died") => "die",
        ("image", "remove") => "delete",
        (_, "remove") => "destroy",
        (_, "exec") => "exec_start",
        (_, "exec_died") => "exec_die",
        (_, "loadfromarchive") => "load",
        (_, other) => other,
    }
}

/// `--since`/`--until`: RFC 3339 (with or without a zone: local time
/// then, as Docker), a date, Unix seconds (with a fraction), or a duration
/// before `now` (`10m`, `1h30m`).
pub fn parse_time(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, format) {
            return local(naive, text);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return local(date.and_time(chrono::NaiveTime::MIN), text);
    }
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let (secs, frac) = t.split_once('.').unwrap_or((t, ""));
        let secs: i64 = secs.parse().with_context(|| format!("invalid time {text:?}"))?;
        let nanos: u32 = if frac.is_empty() { 0 } else { format!("{frac:0<9}")[..9].parse().with_context(|| format!("invalid time {text:?}"))? };
        return Utc.timestamp_opt(secs, nanos).single().with_context(|| format!("invalid time {text:?}: out of range"));
    }
    let d = parse_duration(t).with_context(|| format!("invalid time {text:?}: give RFC 3339 (2006-01-02T15:04:05Z), Unix seconds or a duration such as 10m"))?;
    Ok(now - d)
}

fn local(naive: NaiveDateTime, text: &str) -> Result<DateTime<Utc>> {
    Local.from_local_datetime(&naive).earliest().map(|d| d.with_timezone(&Utc)).with_context(|| format!("invalid time {text:?}: not a local time"))
}

/// Go's duration syntax: numbers with units, e.g. `1h30m`, `1.5s`, `300ms`.
fn parse_duration(text: &str) -> Result<chrono::Duration> {
    let mut rest = text;
    let mut total = 0f64;
    if rest.is_empty() {
        bail!("empty duration");
    }
    while !rest.is_empty() {
        let num_end = rest.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len());
        let unit_end = rest[num_end..].find(|c: char| c.is_ascii_digit() || c == '.').map_or(rest.len(), |i| num_end + i);
        let number: f64 = rest[..num_end].parse().with_context(|| format!("bad number in {text:?}"))?;
        let seconds = match &rest[num_end..unit_end] {
            "ns" => 1e-9,
            "us" | "µs" => 1e-6,
            "ms" => 1e-3,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            other => bail!("unknown unit {other:?} in {text:?}"),
        };
        total += number * seconds;
        rest = &rest[unit_end..];
    }
    Ok(chrono::Duration::nanoseconds((total * 1e9) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: &str, status: &str, name: &str) -> Event {
        Event { kind: kind.into(), status: status.into(), name: name.into(), id: format!("{name}0123"), time: Utc::now(), ..Default::default() }
    }

    #[test]
    fn same_keys_or_different_keys_and() {
        let mut f = Filters::parse(&["event=start".into(), "event=die".into(), "type=container".into()]).unwrap();
        assert!(f.matches(&event("container", "start", "a")));
        assert!(f.matches(&event("container", "died", "a")), "Docker's die is Podman's died");
        assert!(!f.matches(&event("container", "create", "a")));
        assert!(!f.matches(&event("pod", "start", "a")));
        let mut f = Filters::parse(&["container=a".into(), "container=b0".into()]).unwrap();
        assert!(f.matches(&event("container", "start", "a")) && f.matches(&event("container", "start", "b")), "name or Id prefix");
        assert!(!f.matches(&event("volume", "create", "a")));
        assert!(Filters::parse(&["bogus=1".into()]).is_err() && Filters::parse(&["event".into()]).is_err());
    }

    #[test]
    fn labels_and_images_match_as_docker_s() {
        let mut e = event("container", "start", "a");
        e.image = "docker.io/library/busybox:latest".into();
        e.attributes.insert("app".into(), "web".into());
        assert!(Filters::parse(&["label=app".into()]).unwrap().matches(&e));
        let mut pod = Filters::parse(&["pod=pack".into()]).unwrap();
        let mut member = e.clone();
        member.pod_id = "feed01".into();
        assert!(!pod.matches(&member), "the pod's Id is not known yet");
        assert!(pod.matches(&Event { kind: "pod".into(), status: "create".into(), name: "pack".into(), id: "feed01".into(), ..Default::default() }));
        assert!(pod.matches(&member), "a member's event after its pod's");
        assert!(Filters::parse(&["label=app=web".into()]).unwrap().matches(&e));
        assert!(!Filters::parse(&["label=app=db".into()]).unwrap().matches(&e));
        assert!(Filters::parse(&["image=busybox".into()]).unwrap().matches(&e));
    }

    #[test]
    fn times_in_every_form() {
        let now = Utc.timestamp_opt(1_700_000_000, 0).unwrap();
        assert_eq!(parse_time("10m", now).unwrap(), now - chrono::Duration::minutes(10));
        assert_eq!(parse_time("1h30m", now).unwrap(), now - chrono::Duration::minutes(90));
        assert_eq!(parse_time("1600000000", now).unwrap().timestamp(), 1_600_000_000);
        assert_eq!(parse_time("1600000000.5", now).unwrap().timestamp_subsec_millis(), 500);
        assert_eq!(parse_time("2023-11-14T22:13:20Z", now).unwrap(), now);
        assert_eq!(parse_time("2023-11-14T23:13:20+01:00", now).unwrap(), now);
        assert!(parse_time("2023-11-14", now).is_ok());
        assert!(parse_time("yesterday", now).is_err());
    }
}
