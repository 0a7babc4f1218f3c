//! Unit tests of engine::mounts: the OCI mounts made and Docker's inspect
//! `Mounts`.

use std::path::PathBuf;

use super::*;
use crate::spec::mounts::{parse_mount, parse_volume};
use crate::store::containers::ContainerRecord;

fn cwd() -> &'static Path {
    Path::new("/home/u/project")
}

fn record_with(mounts: Vec<MountSpec>) -> ContainerRecord {
    ContainerRecord {
        id: "0".repeat(64),
        name: "c".into(),
        created: chrono::Utc::now(),
        image_id: "x".into(),
        image_name: "busybox".into(),
        spec: ContainerSpec { mounts, ..Default::default() },
    }
}

#[test]
fn oci_mounts_bind_in_order_with_flags() {
    let mut vol = parse_volume("data:/data/db:ro", cwd()).unwrap();
    vol.host_path = Some("/store/volumes/data/_data".into());
    let bind = parse_volume("/h:/data", cwd()).unwrap();
    let tmp = parse_mount("type=tmpfs,target=/t,tmpfs-size=1m", cwd(), &host_path_exists).unwrap();
    let record = record_with(vec![vol.clone(), bind, tmp]);
    let mounts = oci_mounts(&record.spec).unwrap();
    let dests: Vec<String> = mounts.iter().map(|m| m.destination().display().to_string()).collect();
    assert_eq!(dests, ["/data", "/t", "/data/db"], "parents before children");
    let db = &mounts[2];
    assert_eq!(db.source().as_ref().unwrap(), &PathBuf::from("/store/volumes/data/_data"));
    assert_eq!(db.options().as_ref().unwrap(), &["rbind", "rprivate", "nodev", "ro"], "no device node works on a volume");
    assert_eq!(mounts[1].typ().as_deref(), Some("tmpfs"));
    assert!(mounts[1].options().as_ref().unwrap().contains(&"size=1m".to_string()));
    vol.host_path = None;
    assert!(oci_mounts(&record_with(vec![vol]).spec).is_err(), "an unprepared volume is an error, not a silent skip");
}

#[test]
fn inspect_mounts_look_like_docker() {
    let mut vol = parse_volume("data:/db", cwd()).unwrap();
    vol.host_path = Some("/store/volumes/data/_data".into());
    let bind = parse_volume("/h:/h:ro", cwd()).unwrap();
    let record = record_with(vec![vol, bind]);
    let json = mounts_json(&record);
    assert_eq!(json[0]["Type"], "volume");
    assert_eq!(json[0]["Name"], "data");
    assert_eq!(json[0]["Source"], "/store/volumes/data/_data");
    assert_eq!(json[0]["Destination"], "/db");
    assert_eq!(json[0]["Driver"], "local");
    assert_eq!(json[0]["RW"], true);
    assert_eq!(json[1]["Type"], "bind");
    assert_eq!(json[1]["Source"], "/h");
    assert_eq!(json[1]["RW"], false);
    assert_eq!(json[1]["Mode"], "ro");
    assert_eq!(json[1]["Propagation"], "rprivate");
    assert_eq!(mount_names(&record), "data,/h");
}
