use super::*;

fn flags() -> HealthFlags {
    HealthFlags::default()
}

fn result(start: DateTime<Utc>, code: i32) -> HealthResult {
    HealthResult { start, end: start, exit_code: code, output: String::new() }
}

#[test]
fn health_cmd_is_a_shell_line_or_a_json_list() {
    let mut f = flags();
    f.cmd = Some("test -e /tmp/ok".into());
    assert_eq!(f.parse().unwrap().config.unwrap().test, ["CMD-SHELL", "test -e /tmp/ok"]);
    f.cmd = Some(r#"["CMD", "true"]"#.into());
    assert_eq!(f.parse().unwrap().config.unwrap().test, ["CMD", "true"]);
    f.cmd = Some(r#"["test", "-e", "/x"]"#.into());
    assert_eq!(f.parse().unwrap().config.unwrap().test, ["CMD", "test", "-e", "/x"]);
    f.cmd = Some("none".into());
    assert!(!f.parse().unwrap().config.unwrap().is_enabled());
    f.cmd = Some(r#"["CMD"]"#.into());
    assert!(f.parse().is_err());
    f.cmd = Some("[not json".into());
    assert!(f.parse().is_err());
}

#[test]
fn durations_and_retries_are_docker_s() {
    let mut f = flags();
    f.interval = Some("1m30s".into());
    f.timeout = Some("500ms".into());
    f.start_period = Some("2s".into());
    f.start_interval = Some("0.5s".into());
    f.retries = Some(5);
    let c = f.parse().unwrap().config.unwrap();
    assert_eq!((c.interval, c.timeout, c.start_period, c.start_interval, c.retries), (90_000_000_000, 500_000_000, 2_000_000_000, 500_000_000, 5));
    assert!(c.test.is_empty(), "the image gives the command");
    for bad in ["5", "10us", "-1s", "1x", ""] {
        f.interval = Some(bad.into());
        assert!(f.parse().is_err(), "{bad:?} is refused");
    }
}

#[test]
fn zero_means_default_and_disable_means_no_timer() {
    let mut f = flags();
    f.cmd = Some("true".into());
    f.interval = Some("0".into());
    let spec = f.parse().unwrap();
    let c = spec.check().unwrap();
    assert_eq!((c.interval(), c.timeout(), c.retries(), c.start_period()), (DEFAULT_INTERVAL, DEFAULT_TIMEOUT, 3, Duration::ZERO));
    assert!(spec.scheduled().is_some());
    f.interval = Some("disable".into());
    let spec = f.parse().unwrap();
    assert!(spec.check().is_some() && spec.scheduled().is_none());
}

#[test]
fn flags_win_over_the_image_and_no_healthcheck_disables_it() {
    let image = HealthConfig { test: vec!["CMD".into(), "/check".into()], interval: 5, retries: 2, ..Default::default() };
    let none = flags().parse().unwrap().resolve(Some(&image));
    assert_eq!(none.config.as_ref(), Some(&image));
    let mut f = flags();
    f.retries = Some(7);
    let merged = f.parse().unwrap().resolve(Some(&image)).config.unwrap();
    assert_eq!((merged.test.clone(), merged.interval, merged.retries), (image.test.clone(), 5, 7));
    f.cmd = Some("true".into());
    assert_eq!(f.parse().unwrap().resolve(Some(&image)).config.unwrap().test, ["CMD-SHELL", "true"]);
    let mut off = flags();
    off.no_healthcheck = true;
    assert!(off.parse().unwrap().resolve(Some(&image)).check().is_none());
    off.retries = Some(1);
    assert!(off.parse().is_err(), "--no-healthcheck with --health-* is a conflict");
    assert!(flags().parse().unwrap().resolve(None).check().is_none());
}

#[test]
fn on_failure_actions() {
    let mut f = flags();
    for (text, want) in [("none", OnFailure::None), ("kill", OnFailure::Kill), ("restart", OnFailure::Restart), ("stop", OnFailure::Stop)] {
        f.on_failure = Some(text.into());
        assert_eq!(f.parse().unwrap().on_failure, want);
    }
    f.on_failure = Some("explode".into());
    assert!(f.parse().is_err());
}

#[test]
fn image_config_reads_docker_s_json() {
    let v = serde_json::json!({"Test": ["CMD-SHELL", "curl -f x"], "Interval": 5_000_000_000u64, "Retries": 2});
    let c = HealthConfig::from_image(Some(&v)).unwrap();
    assert_eq!(c.argv(), ["/bin/sh", "-c", "curl -f x"]);
    assert_eq!((c.interval(), c.retries()), (Duration::from_secs(5), 2));
    assert_eq!(serde_json::to_value(&c).unwrap(), v);
    assert!(!HealthConfig::from_image(Some(&serde_json::json!({"Test": ["NONE"]}))).unwrap().is_enabled());
}

#[test]
fn results_follow_docker_s_rules() {
    let config = HealthConfig { test: vec!["CMD".into(), "x".into()], retries: 2, start_period: 10_000_000_000, ..Default::default() };
    let started = Utc::now();
    let mut h = HealthState::default();
    // Failures within the start period, while starting, do not count.
    assert!(!h.record(result(started + chrono::Duration::seconds(1), 1), Some(started), &config));
    assert_eq!((h.status, h.failing_streak), (HealthStatus::Starting, 0));
    assert!(!h.record(result(started + chrono::Duration::seconds(2), 0), Some(started), &config));
    assert_eq!(h.status, HealthStatus::Healthy);
    // Once healthy, failures count even within the start period.
    assert!(!h.record(result(started + chrono::Duration::seconds(3), 1), Some(started), &config));
    assert_eq!((h.status, h.failing_streak), (HealthStatus::Healthy, 1));
    assert!(h.record(result(started + chrono::Duration::seconds(4), 1), Some(started), &config), "turns unhealthy");
    assert!(!h.record(result(started + chrono::Duration::seconds(5), 1), Some(started), &config), "only once");
    assert_eq!((h.status, h.failing_streak), (HealthStatus::Unhealthy, 3));
    for i in 0..10 {
        h.record(result(started + chrono::Duration::seconds(6 + i), 0), Some(started), &config);
    }
    assert_eq!(h.log.len(), MAX_LOG_ENTRIES);
    h.restart();
    assert_eq!((h.status, h.failing_streak, h.log.len()), (HealthStatus::Starting, 0, MAX_LOG_ENTRIES));
    let json = serde_json::to_value(&h).unwrap();
    assert_eq!(json["Status"], "starting");
    assert!(json["Log"][0]["Start"].is_string() && json["Log"][0]["ExitCode"] == 0);
}

#[test]
fn start_interval_applies_while_starting_in_the_start_period() {
    let config = HealthConfig { start_period: 60_000_000_000, start_interval: 1_000_000_000, interval: 20_000_000_000, ..Default::default() };
    let mut h = HealthState::default();
    assert_eq!(h.next_delay(Duration::from_secs(1), &config), Duration::from_secs(1));
    assert_eq!(h.next_delay(Duration::from_secs(61), &config), Duration::from_secs(20));
    h.status = HealthStatus::Healthy;
    assert_eq!(h.next_delay(Duration::from_secs(1), &config), Duration::from_secs(20));
    assert_eq!(HealthState::default().next_delay(Duration::ZERO, &HealthConfig::default()), DEFAULT_INTERVAL);
}

#[test]
fn output_is_truncated_as_docker_does() {
    assert_eq!(truncate_output(b"ok\n"), "ok\n");
    let long = vec![b'a'; MAX_OUTPUT_LEN + 10];
    let out = truncate_output(&long);
    assert_eq!(out.len(), MAX_OUTPUT_LEN + 3);
    assert!(out.ends_with("a..."));
}

#[test]
fn go_durations_print_as_go_does() {
    for (d, text) in [(Duration::from_secs(30), "30s"), (Duration::from_millis(1500), "1.5s"), (Duration::from_secs(90), "1m30s"), (Duration::from_millis(500), "500ms"), (Duration::from_secs(3600), "1h0m0s")] {
        assert_eq!(go_duration_text(d), text);
        assert_eq!(go_duration(text), Some(d));
    }
}
