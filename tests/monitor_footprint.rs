//! What a running container's monitor costs and how it starts: its own
//! memory (heap, stack, anonymous pages) stays small while the container
//! runs; its command line is read by the monitor's own parser, not clap's;
//! a `--rm` container's records are volatile, and a volatile record cut
//! empty by a crash reads as a missing container.

mod common;

use common::{pontoon_monitor_bin, wait_until, TestEnv};

/// kB of Private_Dirty per mapping of /proc/PID/smaps, with its name.
fn private_dirty(pid: i64) -> Vec<(String, u64)> {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).expect("read the monitor's smaps");
    let mut out: Vec<(String, u64)> = Vec::new();
    for line in smaps.lines() {
        if let Some(kb) = line.strip_prefix("Private_Dirty:") {
            out.last_mut().expect("a mapping before its fields").1 = kb.trim().trim_end_matches("kB").trim().parse().unwrap();
        } else if line.split_whitespace().next().is_some_and(|r| r.contains('-') && !r.ends_with(':')) {
            out.push((line.split_whitespace().nth(5).unwrap_or("").to_string(), 0));
        }
    }
    out
}

#[test]
fn a_running_monitor_keeps_little_memory_of_its_own() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "idle", "--network", "none", "busybox", "sh", "-c", "while true; do echo tick; sleep 0.2; done"]);
    // Running and writing its log: the monitor is past its setup.
    assert!(wait_until(20, || env.ok(&["logs", "idle"]).lines().count() >= 3), "the container logs");
    let monitor = env.state_field("idle", "monitor_pid").as_i64().expect("a monitor pid");
    let maps = private_dirty(monitor);
    let heap: u64 = maps.iter().filter(|(name, _)| name == "[heap]").map(|(_, kb)| kb).sum();
    let stack: u64 = maps.iter().filter(|(name, _)| name == "[stack]").map(|(_, kb)| kb).sum();
    // Everything but the binary's own relocated data (which depends on the
    // build, not on the monitor's code path).
    let own: u64 = maps.iter().filter(|(name, _)| !name.contains("pontoon")).map(|(_, kb)| kb).sum();
    // Measured: heap 132 kB (release) to 144 kB (debug), stack 64 to 136 kB;
    // with clap's command tree and setup's stack kept, 292 and 208 kB.
    assert!(heap < 288, "the monitor's heap holds {heap} kB: {maps:?}");
    assert!(stack < 280, "the monitor's stack holds {stack} kB: {maps:?}");
    assert!(own < 640, "the monitor holds {own} kB of its own: {maps:?}");
    env.ok(&["rm", "-f", "-t", "0", "idle"]);
}

/// argv[0] of a process: the program `start` executed.
fn argv0(pid: i64) -> String {
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).expect("read the monitor's cmdline");
    String::from_utf8_lossy(cmdline.split(|b| *b == 0).next().unwrap_or_default()).into_owned()
}

#[test]
fn the_small_monitor_supervises_when_installed_and_the_engine_does_without_it() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "small", "--network", "none", "busybox", "sleep", "1000"]);
    let monitor = env.state_field("small", "monitor_pid").as_i64().expect("a monitor pid");
    assert_eq!(argv0(monitor), pontoon_monitor_bin().display().to_string(), "the monitor beside pontoon runs");
    // A pontoon copied alone (no pontoon-monitor beside it, none in
    // ../libexec/pontoon) supervises with its own `__monitor`.
    let alone = tempfile::tempdir().expect("a dir for a lone pontoon");
    let bin = alone.path().join("pontoon");
    std::fs::copy(common::pontoon_bin(), &bin).expect("copy pontoon");
    let out = env.cmd_with(&bin, &["run", "-d", "--name", "whole", "--network", "none", "busybox", "sleep", "1000"]).output().expect("run the lone pontoon");
    assert!(out.status.success(), "{}", common::describe(&out));
    let monitor = env.state_field("whole", "monitor_pid").as_i64().expect("a monitor pid");
    // Exec'd from a sealed view of the engine, under the engine's name.
    assert_eq!(argv0(monitor), bin.display().to_string(), "the engine's own monitor runs");
    let exe = std::fs::read_link(format!("/proc/{monitor}/exe")).expect("the monitor's binary");
    assert!(exe.file_name().is_some_and(|n| n == "pontoon"), "{}", exe.display());
    let running = env.ok(&["ps", "--format", "{{.Names}}"]);
    assert!(running.contains("small") && running.contains("whole"), "{running}");
    env.ok(&["rm", "-f", "-t", "0", "small", "whole"]);
}

#[test]
fn pontoon_monitor_refuses_another_engine_version_and_any_other_command() {
    let env = TestEnv::new();
    let root = env.path().join("r").to_string_lossy().into_owned();
    let runroot = env.path().join("rr").to_string_lossy().into_owned();
    let out = env
        .cmd_with(&pontoon_monitor_bin(), &["--root", &root, "--runroot", &runroot, "__monitor", "abc"])
        .env("_PONTOON_ENGINE_VERSION", "0.0.0-elsewhere")
        .output()
        .expect("run pontoon-monitor");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(125), "{stderr}");
    assert!(stderr.contains("started by pontoon 0.0.0-elsewhere") && stderr.contains("same build"), "{stderr}");
    let out = env.cmd_with(&pontoon_monitor_bin(), &["ps"]).output().expect("run pontoon-monitor");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(125), "{stderr}");
    assert!(stderr.contains("run `pontoon` instead"), "{stderr}");
}

#[test]
fn the_monitor_reads_only_the_command_line_start_writes() {
    let env = TestEnv::new();
    let root = env.path().join("r").to_string_lossy().into_owned();
    let runroot = env.path().join("rr").to_string_lossy().into_owned();
    // clap would take `--sync-fd=3`; the monitor's own parser refuses any
    // form `start` does not write.
    let (code, stderr) = env.fails(&["--root", &root, "--runroot", &runroot, "__monitor", "abc", "--sync-fd=3"]);
    assert_eq!(code, 125, "{stderr}");
    assert!(stderr.contains("written by `start` only"), "{stderr}");
}

#[test]
fn a_rm_container_is_volatile_and_a_created_one_is_not() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "kept", "busybox", "true"]);
    env.ok(&["create", "--rm", "--name", "passing", "busybox", "true"]);
    assert_eq!(env.state_field("kept", "volatile"), serde_json::Value::Null);
    assert_eq!(env.state_field("passing", "volatile"), serde_json::Value::Bool(true));
}

#[test]
fn a_record_left_empty_by_a_crash_reads_as_no_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--rm", "--name", "cut", "busybox", "true"]);
    env.ok(&["create", "--name", "whole", "busybox", "true"]);
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "cut"]);
    // What a crash leaves of a new, never synced file.
    std::fs::write(env.root.join("containers").join(id.trim()).join("container.json"), "").unwrap();
    let names = env.ok(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(names.trim(), "whole", "an empty record is a missing container, the others are listed");
}

#[test]
fn what_start_tells_a_monitor_is_ignored_by_every_other_command() {
    let env = TestEnv::new();
    let planted = env.path().join("planted-events.log");
    let out = env
        .cmd(&["volume", "create", "v1"])
        .env("_PONTOON_EVENTS_SETTINGS", format!("1 1048576 {}", planted.display()))
        .env("_PONTOON_ENGINE_VERSION", "0.0.0-elsewhere")
        .output()
        .expect("run pontoon");
    assert!(out.status.success(), "{}", common::describe(&out));
    assert!(!planted.exists(), "an inherited setting chose where the events go");
    let events = env.ok(&["events", "--stream=false", "--format", "{{.Type}} {{.Status}} {{.Name}}"]);
    assert!(events.contains("volume create v1"), "{events}");
}
