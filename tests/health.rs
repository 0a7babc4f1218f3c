//! Healthchecks as a user meets them: `run --health-*`, the image's
//! HEALTHCHECK, what `ps` and `inspect` show, `healthcheck run`'s exit
//! codes, `--health-on-failure`, and a check's timeout. The monitor runs
//! the checks on its own timer; nothing else runs between them.

mod common;

use common::{wait_until, TestEnv};

fn inspect(env: &TestEnv, name: &str, field: &str) -> serde_json::Value {
    let out = env.ok(&["inspect", "--format", &format!("{{{{json {field}}}}}"), name]);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{field} of {name} is not JSON ({e}): {out}"))
}

fn health_status(env: &TestEnv, name: &str) -> String {
    inspect(env, name, ".State.Health.Status").as_str().unwrap_or_default().to_string()
}

fn ps_status(env: &TestEnv, name: &str) -> String {
    env.ok(&["ps", "-a", "--filter", &format!("name={name}"), "--format", "{{.Status}}"]).trim().to_string()
}

fn ps_names(env: &TestEnv, filter: &str) -> Vec<String> {
    let mut names: Vec<String> = env.ok(&["ps", "-a", "--filter", filter, "--format", "{{.Names}}"]).lines().map(String::from).collect();
    names.sort();
    names
}

/// Processes on the host whose command line holds `needle`.
fn processes_with(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        if entry.file_name().to_str().is_none_or(|n| !n.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
        let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        // Whole words: another test's `sleep 300` is not this test's `sleep 3`.
        let words: Vec<&str> = text.split_whitespace().collect();
        let wanted: Vec<&str> = needle.split_whitespace().collect();
        let has = words.windows(wanted.len().max(1)).any(|w| w == wanted.as_slice());
        if has && common::process_alive(entry.file_name().to_str().unwrap().parse().unwrap()) {
            found.push(text);
        }
    }
    found
}

#[test]
fn a_passing_check_turns_healthy_and_ps_shows_it() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "good", "--health-cmd", "echo fine", "--health-interval", "1s", "busybox", "sleep", "1000"]);
    // A check an hour away: starting until then.
    env.ok(&["run", "-d", "--name", "slow", "--health-cmd", "true", "--health-interval", "1h", "busybox", "sleep", "1000"]);
    env.ok(&["run", "-d", "--name", "plain", "busybox", "sleep", "1000"]);
    assert!(ps_status(&env, "slow").ends_with(" (health: starting)"), "{}", ps_status(&env, "slow"));
    assert!(wait_until(15, || health_status(&env, "good") == "healthy"), "{:?}", inspect(&env, "good", ".State.Health"));
    let status = ps_status(&env, "good");
    assert!(status.starts_with("Up ") && status.ends_with(" (healthy)"), "{status}");
    assert!(!ps_status(&env, "plain").contains('('), "no check, no health: {}", ps_status(&env, "plain"));
    assert_eq!(ps_names(&env, "health=healthy"), ["good"]);
    assert_eq!(ps_names(&env, "health=starting"), ["slow"]);
    assert_eq!(ps_names(&env, "health=none"), ["plain"]);
    assert!(ps_names(&env, "health=unhealthy").is_empty());
    let (code, err) = env.fails(&["ps", "--filter", "health=sick"]);
    assert!(code == 125 && err.contains("invalid health filter"), "{err}");
    // Docker's `.State.Health` and `.Config.Healthcheck`.
    let health = inspect(&env, "good", ".State.Health");
    assert_eq!(health["FailingStreak"], 0, "{health}");
    let last = &health["Log"][0];
    assert_eq!((last["ExitCode"].as_i64(), last["Output"].as_str()), (Some(0), Some("fine\n")), "{health}");
    assert!(last["Start"].is_string() && last["End"].is_string(), "{health}");
    let config = inspect(&env, "good", ".Config.Healthcheck");
    assert_eq!(config, serde_json::json!({"Test": ["CMD-SHELL", "echo fine"], "Interval": 1_000_000_000u64}));
    assert_eq!(inspect(&env, "plain", ".State.Health"), serde_json::Value::Null);
    env.ok(&["rm", "-f", "good", "slow", "plain"]);
}

#[test]
fn a_check_that_starts_failing_turns_unhealthy_within_interval_times_retries() {
    let env = TestEnv::with_busybox();
    env.ok(&[
        "run", "-d", "--name", "web", "--health-cmd", "test -e /tmp/ok && echo ok || { echo gone; exit 1; }", "--health-interval", "1s",
        "--health-retries", "2", "busybox", "sh", "-c", "touch /tmp/ok; exec sleep 1000",
    ]);
    assert!(wait_until(15, || health_status(&env, "web") == "healthy"), "{:?}", inspect(&env, "web", ".State.Health"));
    env.ok(&["exec", "web", "rm", "/tmp/ok"]);
    // Two failures one second apart (and a check's own time): well within 15s.
    assert!(wait_until(15, || health_status(&env, "web") == "unhealthy"), "{:?}", inspect(&env, "web", ".State.Health"));
    assert!(ps_status(&env, "web").ends_with(" (unhealthy)"), "{}", ps_status(&env, "web"));
    assert_eq!(ps_names(&env, "health=unhealthy"), ["web"]);
    let health = inspect(&env, "web", ".State.Health");
    assert!(health["FailingStreak"].as_u64() >= Some(2), "{health}");
    let log = health["Log"].as_array().expect("a log");
    assert!(log.len() <= 5, "Docker keeps 5 results: {health}");
    assert!(log.iter().any(|r| r["ExitCode"] == 0 && r["Output"] == "ok\n"), "{health}");
    assert!(log.iter().any(|r| r["ExitCode"] == 1 && r["Output"] == "gone\n"), "{health}");
    // Without --health-on-failure the container runs on.
    assert_eq!(inspect(&env, "web", ".State.Running"), true);
    env.ok(&["rm", "-f", "web"]);
}

#[test]
fn healthcheck_run_exits_0_when_healthy_and_1_when_not() {
    let env = TestEnv::with_busybox();
    // No timer: only `healthcheck run` checks it.
    env.ok(&["run", "-d", "--name", "manual", "--health-cmd", "test -e /tmp/ok", "--health-interval", "disable", "busybox", "sleep", "1000"]);
    let out = env.run(&["healthcheck", "run", "manual"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "unhealthy\n");
    env.ok(&["exec", "manual", "touch", "/tmp/ok"]);
    assert_eq!(env.ok(&["healthcheck", "run", "manual"]), "", "a passing check prints nothing");
    assert_eq!(health_status(&env, "manual"), "healthy");
    let log = inspect(&env, "manual", ".State.Health.Log");
    assert_eq!(log.as_array().map(Vec::len), Some(2), "both runs are recorded, and only they: {log}");
    // Podman's errors, with 125.
    env.ok(&["run", "-d", "--name", "plain", "busybox", "sleep", "1000"]);
    let (code, err) = env.fails(&["healthcheck", "run", "plain"]);
    assert!(code == 125 && err.contains("has no defined healthcheck"), "{code}: {err}");
    let (code, err) = env.fails(&["healthcheck", "run", "nosuch"]);
    assert!(code == 125 && err.contains("no such container"), "{code}: {err}");
    env.ok(&["stop", "-t", "0", "manual"]);
    let (code, err) = env.fails(&["healthcheck", "run", "manual"]);
    assert!(code == 125 && err.contains("is not running"), "{code}: {err}");
    env.ok(&["rm", "-f", "manual", "plain"]);
}

#[test]
fn the_image_s_healthcheck_runs_and_flags_change_or_disable_it() {
    let env = TestEnv::with_busybox();
    let ctx = env.path().join("checked");
    std::fs::create_dir_all(&ctx).unwrap();
    std::fs::write(ctx.join("Dockerfile"), "FROM busybox\nHEALTHCHECK --interval=1s --retries=5 CMD echo image check\n").unwrap();
    env.ok(&["build", "-t", "checked", ctx.to_str().unwrap()]);
    env.ok(&["run", "-d", "--name", "inherits", "checked", "sleep", "1000"]);
    env.ok(&["run", "-d", "--name", "disabled", "--no-healthcheck", "checked", "sleep", "1000"]);
    // The flags' command with the image's interval; one failure is enough.
    env.ok(&["run", "-d", "--name", "overridden", "--health-cmd", "false", "--health-retries", "1", "checked", "sleep", "1000"]);
    assert!(wait_until(15, || health_status(&env, "inherits") == "healthy"), "{:?}", inspect(&env, "inherits", ".State.Health"));
    assert_eq!(inspect(&env, "inherits", ".State.Health.Log")[0]["Output"], "image check\n");
    assert_eq!(inspect(&env, "inherits", ".Config.Healthcheck.Test"), serde_json::json!(["CMD-SHELL", "echo image check"]));
    assert!(wait_until(15, || health_status(&env, "overridden") == "unhealthy"), "{:?}", inspect(&env, "overridden", ".State.Health"));
    let merged = inspect(&env, "overridden", ".Config.Healthcheck");
    assert_eq!(merged, serde_json::json!({"Test": ["CMD-SHELL", "false"], "Interval": 1_000_000_000u64, "Retries": 1}));
    assert_eq!(inspect(&env, "disabled", ".Config.Healthcheck.Test"), serde_json::json!(["NONE"]));
    assert_eq!(inspect(&env, "disabled", ".State.Health"), serde_json::Value::Null);
    assert!(!ps_status(&env, "disabled").contains('('), "{}", ps_status(&env, "disabled"));
    assert!(ps_names(&env, "health=none").contains(&"disabled".to_string()));
    let (code, err) = env.fails(&["healthcheck", "run", "disabled"]);
    assert!(code == 125 && err.contains("has no defined healthcheck"), "{code}: {err}");
    env.ok(&["rm", "-f", "inherits", "disabled", "overridden"]);
}

#[test]
fn health_on_failure_restart_restarts_the_container() {
    let env = TestEnv::with_busybox();
    env.ok(&[
        "run", "-d", "--name", "phoenix", "--health-cmd", "test -e /tmp/ok", "--health-interval", "1s", "--health-retries", "1",
        "--health-on-failure", "restart", "--stop-timeout", "1", "busybox", "sh", "-c", "touch /tmp/ok; exec sleep 1000",
    ]);
    assert!(wait_until(15, || health_status(&env, "phoenix") == "healthy"), "{:?}", inspect(&env, "phoenix", ".State.Health"));
    let started = inspect(&env, "phoenix", ".State.StartedAt");
    env.ok(&["exec", "phoenix", "rm", "/tmp/ok"]);
    assert!(wait_until(20, || inspect(&env, "phoenix", ".RestartCount") == 1), "{:?}", inspect(&env, "phoenix", ".State"));
    // The new run touched /tmp/ok again: healthy again, started anew.
    assert!(wait_until(15, || health_status(&env, "phoenix") == "healthy"), "{:?}", inspect(&env, "phoenix", ".State.Health"));
    assert_ne!(inspect(&env, "phoenix", ".State.StartedAt"), started);
    assert_eq!(inspect(&env, "phoenix", ".State.Running"), true);
    env.ok(&["rm", "-f", "phoenix"]);
}

#[test]
fn health_on_failure_kill_and_stop_end_the_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "doomed", "--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1", "--health-on-failure", "kill", "busybox", "sleep", "1000"]);
    env.ok(&[
        "run", "-d", "--name", "halted", "--restart", "always", "--health-cmd", "false", "--health-interval", "1s", "--health-retries", "1",
        "--health-on-failure", "stop", "--stop-timeout", "1", "busybox", "sleep", "1000",
    ]);
    assert!(wait_until(15, || inspect(&env, "doomed", ".State.Status") == "exited"), "{:?}", inspect(&env, "doomed", ".State"));
    assert_eq!(inspect(&env, "doomed", ".State.ExitCode"), 137, "killed");
    assert_eq!(health_status(&env, "doomed"), "unhealthy");
    // Stopped as `pontoon stop` stops it: the restart policy leaves it so.
    assert!(wait_until(15, || inspect(&env, "halted", ".State.Status") == "exited"), "{:?}", inspect(&env, "halted", ".State"));
    assert_eq!(inspect(&env, "halted", ".RestartCount"), 0);
    env.ok(&["rm", "-f", "doomed", "halted"]);
}

#[test]
fn a_timeout_kills_a_hanging_check() {
    let env = TestEnv::with_busybox();
    env.ok(&[
        "run", "-d", "--name", "hung", "--health-cmd", "sleep 567", "--health-timeout", "1s", "--health-interval", "1s", "--health-retries", "1",
        "busybox", "sleep", "1000",
    ]);
    assert!(wait_until(20, || health_status(&env, "hung") == "unhealthy"), "{:?}", inspect(&env, "hung", ".State.Health"));
    let last = inspect(&env, "hung", ".State.Health.Log")[0].clone();
    assert_eq!((last["ExitCode"].as_i64(), last["Output"].as_str()), (Some(-1), Some("Health check exceeded timeout (1s)")), "{last}");
    // Run by hand, it ends within its timeout and leaves nothing behind.
    env.ok(&["run", "-d", "--name", "manual", "--health-cmd", "sleep 678", "--health-timeout", "1s", "--health-interval", "disable", "busybox", "sleep", "1000"]);
    let out = env.run(&["healthcheck", "run", "manual"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::describe(&out));
    let ps = env.ok(&["exec", "manual", "ps"]);
    assert!(!ps.contains("sleep 678"), "the timed-out check was killed:\n{ps}");
    env.ok(&["rm", "-f", "hung", "manual"]);
}

#[test]
fn stopping_a_container_stops_its_checks() {
    let env = TestEnv::with_busybox();
    // A check that is nearly always running when we stop.
    env.ok(&["run", "-d", "--name", "busy", "--health-cmd", "sleep 3", "--health-interval", "1ms", "busybox", "sleep", "1000"]);
    let id = env.ok(&["inspect", "--format", "{{.Id}}", "busy"]).trim().to_string();
    assert!(wait_until(15, || env.ok(&["exec", "busy", "ps"]).contains("sleep 3")), "a check runs");
    env.ok(&["stop", "-t", "1", "busy"]);
    assert_eq!(inspect(&env, "busy", ".State.Status"), "exited");
    // Neither the check's `healthcheck run` nor anything it started survives.
    assert!(wait_until(10, || processes_with(&id).is_empty()), "{:?}", processes_with(&id));
    assert!(wait_until(10, || processes_with("sleep 3").is_empty()), "{:?}", processes_with("sleep 3"));
    env.ok(&["rm", "-f", "busy"]);
}
