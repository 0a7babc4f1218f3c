//! Unit tests of spec::mounts: parsing every flag form and the errors bad
//! input gets.

use super::*;

fn cwd() -> &'static Path {
    Path::new("/home/u/project")
}

/// The host check the engine gives the parser.
fn exists(path: &str) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

#[test]
fn volume_flag_forms() {
    let named = parse_volume("data:/var/lib/db:ro,z", cwd()).unwrap();
    assert_eq!((named.kind, named.source.as_str(), named.target.as_str(), named.readonly), (MountKind::Volume, "data", "/var/lib/db", true));
    assert_eq!(named.mode, "ro,z");
    let bind = parse_volume("./src:/app/", cwd()).unwrap();
    assert_eq!((bind.kind, bind.source.as_str(), bind.target.as_str()), (MountKind::Bind, "/home/u/project/src", "/app"));
    assert!(bind.create_source, "-v creates a missing host directory");
    assert_eq!(parse_volume(".:/app", cwd()).unwrap().source, "/home/u/project");
    let anon = parse_volume("/cache", cwd()).unwrap();
    assert!(anon.anonymous && anon.kind == MountKind::Volume && anon.source.len() == 64);
    let anon_ro = parse_volume("/cache:ro", cwd()).unwrap();
    assert!(anon_ro.anonymous && anon_ro.readonly, "DST:OPTIONS with two parts");
    let u = parse_volume("/srv:/srv:U,rshared", cwd()).unwrap();
    assert!(u.chown);
    assert_eq!(u.propagation, "rshared");
    assert!(parse_volume("data:/d:nocopy", cwd()).unwrap().no_copy);
}

#[test]
fn bad_volume_flags_say_what_is_wrong() {
    let err = |s: &str| parse_volume(s, cwd()).unwrap_err().to_string();
    assert!(err("data:").contains("empty"), "{}", err("data:"));
    assert!(err("data:relative").contains("not absolute"));
    assert!(err("data:/d:bogus").contains("unknown option \"bogus\""));
    assert!(err("a:/b:ro:x").contains("too many"));
    assert!(err("data:/").contains("root"));
    assert!(err(":/d:ro").contains("source is empty"));
    assert!(err(":/d").contains("source is empty"), "an empty section is not an anonymous volume");
    assert!(parse_volume("/d:ro", cwd()).unwrap().anonymous, "-v /d:ro still is one");
    assert!(err("data:/d:ro,rw").contains("ro and rw"));
    assert!(err("/h:/d:nocopy").contains("nocopy"));
    assert!(err("bad name!:/d").contains("invalid volume name"));
    for e in [err("data:"), err("a:/b:ro:x")] {
        assert!(!e.contains('\n'), "one line: {e}");
    }
}

#[test]
fn mount_flag_forms_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().display().to_string();
    let b = parse_mount(&format!("type=bind,src={src},dst=/x/../data,readonly"), cwd(), &exists).unwrap();
    assert_eq!((b.kind, b.target.as_str(), b.readonly, b.create_source), (MountKind::Bind, "/data", true, false));
    let v = parse_mount("source=db,target=/db,volume-nocopy,volume-label=a=b", cwd(), &exists).unwrap();
    assert!(v.kind == MountKind::Volume && v.no_copy && v.volume_labels["a"] == "b");
    let t = parse_mount("type=tmpfs,target=/t,tmpfs-size=1m,tmpfs-mode=1770", cwd(), &exists).unwrap();
    assert_eq!(t.options, ["size=1m", "mode=1770"]);
    let err = |s: &str| parse_mount(s, cwd(), &exists).unwrap_err().to_string();
    assert!(err("type=volume,target=/x,colour=red").contains("unknown key \"colour\""));
    assert!(err("type=bind,source=/no/such/dir,target=/x").contains("does not exist"));
    assert!(err("type=bind,target=/x").contains("needs source"));
    assert!(err("type=nfs,target=/x").contains("unknown type"));
    assert!(err("type=tmpfs,target=/x,tmpfs-size=lots").contains("size"));
    assert!(err("type=tmpfs,target=/x,tmpfs-mode=999").contains("mode"));
    assert!(err("type=bind,source=/,target=/x,volume-nocopy").contains("applies to type=volume"));
    assert!(err("type=volume,source=v").contains("target is missing"));
    assert!(err("type=volume,target=/x,readonly=maybe").contains("boolean"));
}

#[test]
fn tmpfs_options_are_checked() {
    let t = parse_tmpfs("/run:size=64m,mode=1777,noexec").unwrap();
    assert_eq!((t.target.as_str(), t.options.len()), ("/run", 3));
    assert!(parse_tmpfs("run").is_err());
    assert!(parse_tmpfs("/run:size=big").is_err());
    assert!(parse_tmpfs("/run:mode=rwx").is_err());
    assert!(parse_tmpfs("/run:colour=red").is_err());
}

#[test]
fn duplicate_targets_are_refused() {
    let e = parse_all(&["a1:/d".into()], &[], &["/d".into()], cwd(), &exists).unwrap_err();
    assert!(e.to_string().contains("duplicate mount point /d"), "{e}");
}

#[test]
fn proc_and_relative_targets_are_refused() {
    for bad in ["/etc:/proc", "/etc:/proc/", "/etc:/proc/sys", "/etc:/x/../proc/sysrq-trigger", "/etc:etc", "/etc:/"] {
        assert!(parse_volume(bad, cwd()).is_err(), "{bad}");
    }
    let err = parse_volume("/etc:/proc", cwd()).unwrap_err().to_string();
    assert!(err.contains("-v") && err.contains("/proc") && err.contains("/proc/meminfo"), "{err}");
    assert!(parse_mount("type=bind,source=/etc,target=/proc/self", cwd(), &exists).is_err());
    assert!(parse_tmpfs("/proc").is_err());
    assert_eq!(parse_volume("/srv/meminfo:/proc/meminfo:ro", cwd()).unwrap().target, "/proc/meminfo", "runc's allow list");
    assert_eq!(parse_volume("/srv:/processes", cwd()).unwrap().target, "/processes", "a name that only starts like proc");
}
