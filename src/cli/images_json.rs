//! `images --format json` in Podman's shape: one object per image (not per
//! name), with Podman's keys and value types (`Id` in bare hex, `Size` in
//! bytes, `Created` in Unix seconds), plus the keys pontoon's rows had that
//! do not clash with them (`ID`, `Repository`, `Tag`, `CreatedSince`).

use std::collections::HashMap;

use chrono::SecondsFormat;
use serde_json::{json, Value};

use crate::engine::images::{familiar_tag, ImageView};
use crate::format::units::ago;
use crate::image::reference::familiar;

/// Each image once, in the order given, with how many containers use it
/// (`containers` counts by image Id, `sha256:` included).
pub fn images_json<'a>(views: impl IntoIterator<Item = &'a ImageView>, containers: &HashMap<String, usize>, no_trunc: bool) -> Value {
    let mut seen = std::collections::HashSet::new();
    let rows: Vec<Value> = views.into_iter().filter(|v| seen.insert(v.record.id.to_string())).map(|v| image_json(v, containers, no_trunc)).collect();
    Value::Array(rows)
}

fn image_json(view: &ImageView, containers: &HashMap<String, usize>, no_trunc: bool) -> Value {
    let record = &view.record;
    let created = view.created();
    let (repository, tag) = match record.names.first().map(|n| familiar_tag(n)) {
        Some(name) => match name.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (familiar(r), t.to_string()),
            _ => (name, "<none>".to_string()),
        },
        None => ("<none>".to_string(), "<none>".to_string()),
    };
    json!({
        "Id": record.id.hex(),
        "ParentId": "",
        "RepoTags": record.names,
        "RepoDigests": record.repo_digests,
        "Size": record.size,
        "SharedSize": 0,
        "VirtualSize": record.size,
        "Labels": view.config.config.as_ref().and_then(|c| c.labels.clone()),
        "Containers": containers.get(&record.id.to_string()).copied().unwrap_or(0),
        "Names": record.names,
        "Digest": record.manifest.to_string(),
        "History": record.names,
        "Created": created.timestamp(),
        "CreatedAt": created.to_rfc3339_opts(SecondsFormat::Secs, true),
        // pontoon's own row keys, which Podman's JSON does not have.
        "ID": if no_trunc { record.id.to_string() } else { record.id.short().to_string() },
        "Repository": repository,
        "Tag": tag,
        "CreatedSince": ago(created),
    })
}
