//! `ps` reads containers through `containers/.listing-cache.json`
//! (store::container_listing): whatever changed a container's files since,
//! by any pontoon or by hand, shows at once, even a rewrite that keeps the
//! size and the mtime; a dead monitor still shows as exited.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use common::{process_alive, wait_until, TestEnv};

fn id_of(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.Id}}", name]).trim().to_string()
}

fn cache_file(env: &TestEnv) -> PathBuf {
    env.root.join("containers").join(".listing-cache.json")
}

/// Lists until the cache holds `id`'s entry with `needle` in it (an entry
/// is cached once its files are older than a timestamp tick).
fn wait_cached(env: &TestEnv, id: &str, needle: &str) {
    let cached = wait_until(30, || {
        env.ok(&["ps", "-a"]);
        fs::read_to_string(cache_file(env)).is_ok_and(|text| {
            text.split("{\"id\":").any(|entry| entry.starts_with(&format!("\"{id}\"")) && entry.contains(needle))
        })
    });
    assert!(cached, "ps caches {id} with {needle}");
}

fn ps_field(env: &TestEnv, name: &str, field: &str) -> String {
    env.ok(&["ps", "-a", "--filter", &format!("name={name}"), "--format", &format!("{{{{.{field}}}}}")]).trim().to_string()
}

#[test]
fn changes_by_other_commands_show_through_the_cache() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "first", "-l", "tier=web", "busybox", "true"]);
    let first = id_of(&env, "first");
    wait_cached(&env, &first, "\"first\"");
    // Another pontoon renames it (a new record file, by rename).
    env.ok(&["rename", "first", "renamed"]);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "renamed\n");
    // A container created and one removed after the cache was written.
    env.ok(&["create", "--name", "second", "busybox", "true"]);
    let names = env.ok(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(names, "second\nrenamed\n", "newest first");
    wait_cached(&env, &id_of(&env, "second"), "\"second\"");
    env.ok(&["rm", "second"]);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "renamed\n");
    // A run changes the state file: ps shows it exited.
    env.ok(&["start", "-a", "renamed"]);
    assert_eq!(ps_field(&env, "renamed", "State"), "exited");
}

#[test]
fn a_rewrite_keeping_size_and_mtime_still_shows() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "labelled", "-l", "tier=aaaa", "busybox", "true"]);
    let id = id_of(&env, "labelled");
    wait_cached(&env, &id, "aaaa");
    let record = env.root.join("containers").join(&id).join("container.json");
    let before = fs::metadata(&record).expect("the record");
    let text = fs::read_to_string(&record).expect("read the record");
    assert_eq!(text.matches("aaaa").count(), 1, "{text}");
    // In place, same length, then the old mtime put back: only the ctime
    // (and the content) tell.
    fs::write(&record, text.replace("aaaa", "bbbb")).expect("rewrite the record in place");
    let mtime = filetime_arg(before.mtime(), before.mtime_nsec());
    let touched = std::process::Command::new("touch").args(["-m", "-d", &mtime, record.to_str().expect("utf-8 path")]).status().expect("touch");
    assert!(touched.success());
    let after = fs::metadata(&record).expect("the record");
    assert_eq!((after.len(), after.mtime(), after.mtime_nsec(), after.ino()), (before.len(), before.mtime(), before.mtime_nsec(), before.ino()));
    assert_eq!(env.ok(&["ps", "-a", "-f", "label=tier=bbbb", "--format", "{{.Names}}"]), "labelled\n");
    assert_eq!(env.ok(&["ps", "-a", "-f", "label=tier=aaaa", "-q"]), "");
}

/// `touch -d` wants `@SECONDS.NANOS`.
fn filetime_arg(secs: i64, nanos: i64) -> String {
    format!("@{secs}.{nanos:09}")
}

#[test]
fn an_unreadable_cache_is_ignored_and_rewritten() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "kept", "busybox", "true"]);
    let id = id_of(&env, "kept");
    wait_cached(&env, &id, "\"kept\"");
    fs::write(cache_file(&env), b"{\"format\":1,\"entries\":[{\"id\":").expect("break the cache");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "kept\n");
    wait_cached(&env, &id, "\"kept\"");
}

#[test]
fn a_dead_monitor_shows_as_exited_through_the_cache() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "victim", "busybox", "sleep", "1000"]);
    let id = id_of(&env, "victim");
    wait_cached(&env, &id, "\"running\"");
    assert!(ps_field(&env, "victim", "Status").starts_with("Up "));
    let monitor = env.state_field("victim", "monitor_pid").as_i64().expect("a monitor pid");
    kill(Pid::from_raw(monitor as i32), Signal::SIGKILL).expect("kill the monitor");
    assert!(wait_until(10, || !process_alive(monitor)), "the monitor is gone");
    let status = ps_field(&env, "victim", "Status");
    assert!(status.starts_with("Exited (137)"), "{status}");
    assert_eq!(env.ok(&["ps", "-q"]), "", "not running");
    env.ok(&["rm", "-f", "victim"]);
}

#[test]
fn the_cache_is_private_and_crashed_writes_leave_nothing_for_long() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "secretive", "-l", "token=hunter2", "busybox", "true"]);
    let id = id_of(&env, "secretive");
    wait_cached(&env, &id, "hunter2");
    // It copies commands and labels from records only their owner reads.
    let mode = fs::metadata(cache_file(&env)).expect("the cache").mode();
    assert_eq!(mode & 0o077, 0, "the cache is 0600, like the records: {mode:o}");
    // What writes killed between their temporary file and its rename left,
    // of this version and of earlier ones.
    let containers = env.root.join("containers");
    let leftovers = [containers.join(".listing-cache.json.Ab3dE9"), containers.join(".listing-cache.json.4242.123456")];
    for tmp in &leftovers {
        fs::write(tmp, b"{\"format\":1,\"entries\":[").expect("a crashed write's temporary file");
    }
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "secretive\n");
    for tmp in &leftovers {
        assert!(!tmp.exists(), "the next listing removed {}", tmp.display());
    }
    let left: Vec<String> = fs::read_dir(&containers).expect("list").filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.starts_with(".listing-cache")).collect();
    assert_eq!(left, vec![".listing-cache.json".to_string()], "only the cache itself");
}
