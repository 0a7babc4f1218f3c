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
    assert!(common::wait_until(10, || state(&env, "c") == "exited"), "{}", state(&env, "c"));
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
    // kill sends the signal; the exit follows.
    assert!(common::wait_until(10, || state(&env, "old") == "exited"), "{}", state(&env, "old"));
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

#[test]
fn exists_answers_with_the_exit_code_alone() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "here", "busybox", "true"]);
    env.ok(&["volume", "create", "vol"]);
    for (args, code) in [
        (vec!["image", "exists", "busybox"], 0),
        (vec!["image", "exists", "nosuch:1"], 1),
        (vec!["container", "exists", "here"], 0),
        (vec!["container", "exists", "--external", "here"], 0),
        (vec!["container", "exists", "gone"], 1),
        (vec!["volume", "exists", "vol"], 0),
        (vec!["volume", "exists", "novol"], 1),
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", common::describe(&out));
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{args:?} prints nothing: {}", common::describe(&out));
    }
}

#[test]
fn untag_removes_names_and_rmi_all_removes_every_image() {
    let env = TestEnv::with_busybox();
    env.ok(&["tag", "busybox", "app:1", "app:2"]);
    env.ok(&["untag", "busybox", "app:1"]);
    assert_eq!(env.run(&["image", "exists", "app:1"]).status.code(), Some(1));
    assert_eq!(env.run(&["image", "exists", "app:2"]).status.code(), Some(0));
    let (code, err) = env.fails(&["untag", "busybox", "other:9"]);
    assert_eq!(code, 125);
    assert!(err.contains("tag not known"), "{err}");
    env.ok(&["image", "untag", "app:2"]);
    assert_eq!(env.ok(&["images", "-q"]).lines().count(), 1, "the image stays without names");
    assert_eq!(env.run(&["image", "exists", "busybox"]).status.code(), Some(1), "untag without names took them all");
    let (code, _) = env.fails(&["rmi", "nosuch:1"]);
    assert_eq!(code, 1);
    assert_eq!(env.ok(&["rmi", "--ignore", "nosuch:1"]), "");
    let out = env.ok(&["rmi", "-a", "-f"]);
    assert!(out.contains("Deleted: sha256:"), "{out}");
    assert_eq!(env.ok(&["images", "-aq"]), "");
}

#[test]
fn ps_sorts_hides_its_heading_and_shows_namespaces() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "zed", "--network", "none", "busybox", "sleep", "300"]);
    env.ok(&["run", "-d", "--name", "amy", "--network", "container:zed", "busybox", "sleep", "300"]);
    assert_eq!(env.ok(&["ps", "--sort", "names", "--format", "{{.Names}}"]), "amy\nzed\n");
    let table = env.ok(&["ps", "--all", "--external", "--noheading", "--sort", "names"]);
    assert!(!table.contains("CONTAINER ID"), "{table}");
    assert_eq!(table.lines().count(), 2, "{table}");
    let ns = env.ok(&["ps", "--ns", "--sort", "names"]);
    let header = ns.lines().next().unwrap_or_default().to_string();
    for col in ["CONTAINER ID", "NAMES", "PID", "IPC", "MNT", "NET", "PIDNS", "USERNS", "UTS"] {
        assert!(header.contains(col), "{col} in {header}");
    }
    let nets = env.ok(&["ps", "--ns", "--format", "{{.Namespaces.NET}} {{.Namespaces.MNT}}", "--sort", "names"]);
    let rows: Vec<Vec<&str>> = nets.lines().map(|l| l.split(' ').collect()).collect();
    assert_eq!(rows.len(), 2, "{nets}");
    assert!(rows[0][0].parse::<u64>().is_ok(), "an inode number: {nets}");
    assert_eq!(rows[0][0], rows[1][0], "amy shares zed's network namespace: {nets}");
    assert_ne!(rows[0][1], rows[1][1], "but not its mount namespace: {nets}");
    let (code, err) = env.fails(&["ps", "--sort", "colour"]);
    assert_eq!(code, 125, "{err}");
    env.ok(&["rm", "-f", "-t", "0", "--all"]);
}

#[test]
fn volumes_rm_all_ls_by_regex_and_travel_as_tar() {
    let env = TestEnv::with_busybox();
    for v in ["data-1", "data-2", "logs"] {
        env.ok(&["volume", "create", v]);
    }
    assert_eq!(env.ok(&["volume", "ls", "-q", "--filter", "name=^data-[0-9]$"]), "data-1\ndata-2\n");
    let table = env.ok(&["volume", "ls", "--noheading", "--filter", "name=logs"]);
    assert!(!table.contains("VOLUME NAME") && table.contains("logs"), "{table}");
    let (code, err) = env.fails(&["volume", "ls", "--filter", "name=("]);
    assert_eq!(code, 125);
    assert!(err.contains("regular expression"), "{err}");
    // Content, a link to a host file, and owners: an export holds the link itself.
    env.ok(&["run", "--rm", "-v", "data-1:/d", "busybox", "sh", "-c", "echo hello > /d/file && mkdir /d/sub && echo deep > /d/sub/x && chown 7:8 /d/file && ln -s /etc/shadow /d/link"]);
    let archive = env.path().join("data.tar");
    env.ok(&["volume", "export", "data-1", "-o", archive.to_str().expect("utf-8")]);
    let mut names = Vec::new();
    let mut ar = tar::Archive::new(std::fs::File::open(&archive).expect("open the export"));
    for e in ar.entries().expect("read the export") {
        let e = e.expect("an entry");
        let path = e.path().expect("a path").to_string_lossy().trim_end_matches('/').to_string();
        if path == "link" {
            assert!(e.header().entry_type().is_symlink(), "the link is archived as a link");
        }
        if path == "file" {
            assert_eq!((e.header().uid().unwrap_or(0), e.header().gid().unwrap_or(0)), (7, 8), "owners kept");
        }
        names.push(path);
    }
    names.sort();
    assert_eq!(names, ["file", "link", "sub", "sub/x"]);
    env.ok(&["volume", "create", "copy"]);
    env.ok(&["volume", "import", "copy", archive.to_str().expect("utf-8")]);
    let out = env.ok(&["run", "--rm", "-v", "copy:/c", "busybox", "sh", "-c", "cat /c/file /c/sub/x; stat -c %u:%g /c/file; readlink /c/link"]);
    assert_eq!(out, "hello\ndeep\n7:8\n/etc/shadow\n");
    // An archive that climbs out of the volume is refused.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(2);
    h.set_mode(0o644);
    h.as_gnu_mut().expect("gnu header").name[..13].copy_from_slice(b"../escaped.tx");
    h.set_cksum();
    b.append(&h, &b"hi"[..]).expect("append");
    let hostile = b.into_inner().expect("finish");
    let out = env.run_with_input(&["volume", "import", "copy", "-"], &hostile);
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    assert!(!env.path().join("escaped.tx").exists());
    // rm --all takes every volume no container uses.
    env.ok(&["create", "--name", "user", "-v", "logs:/l", "busybox", "true"]);
    let removed = env.ok(&["volume", "rm", "--all"]);
    assert_eq!(removed, "copy\ndata-1\ndata-2\n", "logs is in use and stays");
    assert_eq!(env.ok(&["volume", "ls", "-q"]), "logs\n");
    env.ok(&["rm", "user"]);
    assert_eq!(env.ok(&["volume", "rm", "-a", "-t", "0"]), "logs\n");
}
