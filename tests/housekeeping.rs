//! The housekeeping lines Podman and Docker users type from memory and
//! keep in scripts: `rm -t 0 --all --force --ignore`, `stop --all`,
//! `start --all`, `--latest`, `--cidfile`, `--filter`, `rm --depend`.

mod common;

use common::TestEnv;

fn names(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = env.ok(args).lines().map(str::to_string).collect();
    v.sort();
    v
}

fn state(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.State.Status}}", name]).trim().to_string()
}

fn id_of(env: &TestEnv, name: &str) -> String {
    env.ok(&["inspect", "--format", "{{.Id}}", name]).trim().to_string()
}

#[test]
fn rm_with_podmans_cleanup_flags_removes_every_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "up", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "made", "busybox", "true"]);
    let ids = vec![id_of(&env, "made"), id_of(&env, "up")];
    let mut printed: Vec<String> = env.ok(&["rm", "-t", "0", "--all", "--force", "--ignore"]).lines().map(str::to_string).collect();
    printed.sort();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(printed, expected, "--all prints the full Ids");
    assert_eq!(env.ok(&["ps", "-aq"]), "");
    // Nothing left: the same line succeeds again with nothing to do.
    assert_eq!(env.ok(&["rm", "-t", "0", "--all", "--force", "--ignore"]), "");
}

#[test]
fn ignore_skips_names_that_match_nothing() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "real", "busybox", "true"]);
    let (code, err) = env.fails(&["rm", "nosuch"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(env.ok(&["rm", "--ignore", "nosuch", "real"]), "real\n", "the existing one is removed, the missing one skipped");
    assert_eq!(env.ok(&["stop", "--ignore", "nosuch"]), "");
    assert_eq!(env.ok(&["rm", "-i", "nosuch"]), "");
}

#[test]
fn all_and_names_together_are_refused() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "one", "busybox", "true"]);
    for verb in ["rm", "stop", "kill", "start", "restart", "pause", "unpause"] {
        let (code, err) = env.fails(&[verb, "--all", "one"]);
        assert_eq!(code, 125, "{verb}: {err}");
        assert!(err.contains("cannot be used with container names"), "{verb}: {err}");
    }
    let (_, err) = env.fails(&["stop"]);
    assert!(err.contains("--all"), "the error names the alternative: {err}");
    assert_eq!(state(&env, "one"), "created", "nothing was done");
}

#[test]
fn stop_start_kill_and_restart_all_take_the_containers_in_the_right_state() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "a", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--name", "b", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "c", "busybox", "sleep", "300"]);
    let (a, b, c) = (id_of(&env, "a"), id_of(&env, "b"), id_of(&env, "c"));
    let mut running = vec![a.clone(), b.clone()];
    running.sort();
    assert_eq!(names(&env, &["stop", "-t", "1", "--all"]), running, "stop --all takes the running ones");
    assert_eq!(state(&env, "a"), "exited");
    assert_eq!(state(&env, "c"), "created");
    let mut all = vec![a.clone(), b.clone(), c.clone()];
    all.sort();
    assert_eq!(names(&env, &["start", "--all"]), all, "start --all takes the ones not running");
    for n in ["a", "b", "c"] {
        assert_eq!(state(&env, n), "running", "{n}");
    }
    assert_eq!(names(&env, &["kill", "--filter", "name=c"]), vec![c.clone()], "kill --filter");
    assert_eq!(state(&env, "c"), "exited");
    assert_eq!(names(&env, &["restart", "-t", "1", "--running", "--all"]), running, "restart --running --all");
    assert_eq!(state(&env, "c"), "exited", "--running left the stopped one alone");
    assert_eq!(names(&env, &["kill", "--all"]), running);
    env.ok(&["rm", "-f", "--all"]);
}

#[test]
fn pause_and_unpause_all() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "p1", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--name", "p2", "busybox", "sleep", "300"]);
    assert_eq!(names(&env, &["pause", "--all"]).len(), 2);
    assert_eq!(state(&env, "p1"), "paused");
    assert_eq!(state(&env, "p2"), "paused");
    assert_eq!(names(&env, &["unpause", "--all"]).len(), 2);
    assert_eq!(state(&env, "p1"), "running");
    env.ok(&["rm", "-f", "p1", "p2"]);
}

#[test]
fn latest_and_cidfile_name_the_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "old", "busybox", "sleep", "300"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    env.ok(&["run", "-d", "--name", "new", "busybox", "sleep", "300"]);
    assert_eq!(env.ok(&["stop", "-t", "1", "--latest"]).trim(), id_of(&env, "new"));
    assert_eq!(state(&env, "new"), "exited");
    assert_eq!(state(&env, "old"), "running");
    let cidfile = env.path().join("old.cid");
    std::fs::write(&cidfile, id_of(&env, "old")).expect("write the cidfile");
    let cid = cidfile.to_string_lossy().to_string();
    env.ok(&["kill", "--cidfile", &cid]);
    assert_eq!(state(&env, "old"), "exited");
    env.ok(&["rm", "--cidfile", &cid]);
    let (code, err) = env.fails(&["inspect", "old"]);
    assert_ne!(code, 0, "{err}");
    let gone = env.path().join("gone.cid").to_string_lossy().to_string();
    let (code, err) = env.fails(&["rm", "--cidfile", &gone]);
    assert_eq!(code, 125, "a missing cidfile is an error: {err}");
    assert!(err.contains("--cidfile"), "{err}");
    assert_eq!(env.ok(&["rm", "--ignore", "--cidfile", &gone]), "", "unless --ignore");
    env.ok(&["rm", "-f", "--all"]);
}

#[test]
fn rm_depend_removes_the_containers_that_join_it_first() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "base", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--name", "side", "--network", "container:base", "busybox", "sleep", "300"]);
    env.ok(&["create", "--name", "other", "busybox", "true"]);
    let side = id_of(&env, "side");
    let out = env.ok(&["rm", "-f", "-t", "0", "--depend", "base"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, vec![side.as_str(), "base"], "the dependent first, then the one named: {out}");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "other\n");
}
