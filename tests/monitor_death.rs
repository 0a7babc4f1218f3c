//! A container never outlives the record of it: killing its monitor kills
//! it, and the next read says `Exited (137)` with the reason; what an
//! external runtime's container leaves behind a dead monitor is killed by
//! the next command; a `run -d` killed at any moment leaves no orphan, and
//! one killed before its monitor reported leaves a running container.

mod common;

use std::time::Duration;

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

use common::{process_alive, wait_until, TestEnv};


fn pid_of(env: &TestEnv, name: &str, field: &str) -> i64 {
    env.state_field(name, field).as_i64().unwrap_or_else(|| panic!("{name} has a {field}"))
}

fn kill_monitor(env: &TestEnv, name: &str) {
    let monitor = pid_of(env, name, "monitor_pid");
    kill(Pid::from_raw(monitor as i32), Signal::SIGKILL).expect("kill the monitor");
    assert!(wait_until(10, || !process_alive(monitor)), "the monitor is gone");
}

#[test]
fn a_container_dies_with_its_monitor_and_says_why() {
    let env = TestEnv::with_busybox();
    // As root, as another user (the parent-death signal is lost on setuid
    // and must be set again), and with pontoon's init as PID 1.
    for (name, flags) in [("plain", vec![]), ("user", vec!["-u", "1000"]), ("init", vec!["--init"])] {
        let mut args = vec!["run", "-d", "--name", name];
        args.extend(flags);
        args.extend(["busybox", "sleep", "1000"]);
        env.ok(&args);
        let init = pid_of(&env, name, "pid");
        kill_monitor(&env, name);
        assert!(wait_until(10, || !process_alive(init)), "{name}: the container died with its monitor");
        let status = env.ok(&["ps", "-a", "--filter", &format!("name={name}"), "--format", "{{.Status}}"]);
        assert!(status.starts_with("Exited (137)"), "{name}: {status}");
        let error = env.ok(&["inspect", "--format", "{{.State.Error}}", name]);
        assert!(error.contains("monitor"), "{name}: the reason is recorded: {error}");
        env.ok(&["rm", name]);
    }
}

#[test]
fn stop_kill_and_rm_kill_what_a_dead_monitor_left() {
    if common::skip_unless(common::is_root() && std::path::Path::new("/usr/bin/crun").exists(), "needs root and crun (an external runtime's container does not die with the monitor)") {
        return;
    }
    let env = TestEnv::with_busybox();
    for verb in ["stop", "rm -f", "ps"] {
        let out = env.run(&["run", "-d", "--name", "ext", "--runtime", "crun", "busybox", "sleep", "1000"]);
        if common::skip_unless(out.status.success(), "crun cannot run containers on this host") {
            return;
        }
        let init = pid_of(&env, "ext", "pid");
        let id = env.ok(&["inspect", "--format", "{{.Id}}", "ext"]).trim().to_string();
        kill_monitor(&env, "ext");
        assert!(process_alive(init), "crun's container outlives the monitor (the case to handle)");
        let mut args: Vec<&str> = verb.split(' ').collect();
        if verb == "ps" {
            args.push("-a");
        } else {
            args.push("ext");
        }
        env.ok(&args);
        assert!(!process_alive(init), "`{verb}` killed the container's processes");
        assert!(!std::path::Path::new("/sys/fs/cgroup/pids/pontoon").join(&id).exists(), "`{verb}` removed the cgroup");
        let _ = env.run(&["rm", "-f", "ext"]);
    }
}

#[test]
fn a_killed_run_d_leaves_no_orphan() {
    let env = TestEnv::with_busybox();
    let marker = "4242";
    for i in 0..13u64 {
        let mut child = env.cmd(&["run", "-d", "busybox", "sleep", marker]).spawn().expect("start run -d");
        std::thread::sleep(Duration::from_millis(2 + i * 3 / 2));
        let _ = kill(Pid::from_raw(child.id() as i32), Signal::SIGKILL);
        let _ = child.wait();
    }
    // Whatever started is either tracked and running, or created and idle.
    std::thread::sleep(Duration::from_millis(500));
    let running = env.ok(&["ps", "-q"]).lines().count();
    let sleepers = std::fs::read_dir("/proc")
        .expect("read /proc")
        .flatten()
        .filter(|e| std::fs::read(e.path().join("cmdline")).is_ok_and(|c| c == format!("sleep\0{marker}\0").as_bytes()))
        .count();
    assert_eq!(sleepers, running, "every running `sleep {marker}` is a running container in ps");
    for line in env.ok(&["ps", "-a", "--format", "{{.Status}}"]).lines() {
        assert!(line.starts_with("Up") || line.starts_with("Created"), "no broken state: {line}");
    }
    env.ok(&["rm", "-f", "--all"]);
    assert!(wait_until(10, || std::fs::read_dir("/proc").expect("read /proc").flatten().all(|e| !std::fs::read(e.path().join("cmdline")).is_ok_and(|c| c == format!("sleep\0{marker}\0").as_bytes()))), "rm -f --all leaves none");
}

/// The pid of the monitor of a container of `env`, once its `pontoon
/// __monitor` has exec'd; polled without sleeping, so that it is caught
/// long before it starts the container.
fn catch_monitor(env: &TestEnv) -> i32 {
    let store = env.path().display().to_string();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        for entry in std::fs::read_dir("/proc").expect("read /proc").flatten() {
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
            let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
            if args.contains(&&b"__monitor"[..]) && args.iter().any(|a| a.starts_with(store.as_bytes())) {
                if let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) {
                    return pid;
                }
            }
        }
        assert!(std::time::Instant::now() < deadline, "run -d started no monitor");
        std::thread::yield_now();
    }
}

#[test]
fn a_run_d_killed_before_its_monitor_reports_leaves_a_running_container() {
    let env = TestEnv::with_busybox();
    let mut run = env.cmd(&["run", "-d", "--name", "late", "busybox", "sleep", "1000"]).spawn().expect("start run -d");
    // Hold the monitor, kill `run` (the reader of the monitor's report), and
    // let the monitor go on: its report meets a pipe without a reader,
    // which must fail the write (EPIPE), not kill the monitor (SIGPIPE).
    let monitor = Pid::from_raw(catch_monitor(&env));
    kill(monitor, Signal::SIGSTOP).expect("stop the monitor");
    let _ = kill(Pid::from_raw(run.id() as i32), Signal::SIGKILL);
    let _ = run.wait();
    kill(monitor, Signal::SIGCONT).expect("continue the monitor");
    let status = || env.ok(&["ps", "-a", "--filter", "name=late", "--format", "{{.Status}}"]);
    assert!(wait_until(10, || status().starts_with("Up")), "the container is up (its monitor lived on): {}", status());
    // The report is written once the container is up; then it runs on.
    let out = env.run(&["exec", "late", "echo", "alive"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "alive\n", "the container runs on: {}", common::describe(&out));
    assert!(process_alive(monitor.as_raw() as i64), "the monitor outlived the `run` it reports to");
    assert!(status().starts_with("Up"), "still up: {}", status());
    env.ok(&["rm", "-f", "late"]);
}
