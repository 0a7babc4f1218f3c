//! A container's files from the host, as a user types it: `diff` after the
//! container changed things, `export` of the merged filesystem, and `cp` in
//! and out of running and stopped containers, including tar streams and a
//! symlink that tries to lead out of the container.

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use common::TestEnv;


/// Runs pontoon with `input` on stdin; returns stdout.
fn ok_with_stdin(env: &TestEnv, args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = env.run_with_input(args, input);
    assert!(out.status.success(), "`pontoon {}` failed:\n{}", args.join(" "), common::describe(&out));
    out.stdout
}


fn unique(prefix: &str) -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{prefix}-{}-{nanos}", std::process::id())
}

#[test]
fn diff_shows_what_the_container_changed_and_the_image_is_untouched() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "probe", "busybox", "true"]);
    let lowers = env.ok(&["inspect", "--format", "{{.GraphDriver.Data.LowerDir}}", "probe"]);
    let listing = |env: &TestEnv| {
        let script = format!("find {} -printf '%p %s %m %U %T@\\n' | sort | sha256sum", lowers.trim().replace(':', " "));
        env.ok(&["unshare", "sh", "-c", &script])
    };
    let before = listing(&env);
    assert_eq!(env.ok(&["diff", "probe"]), "", "a new container has no changes");
    env.ok(&["run", "--name", "c", "busybox", "sh", "-c", "echo x > /new; mkdir -p /data/sub; echo y > /data/sub/f; rm /bin/ls; echo m >> /etc/passwd"]);
    assert_eq!(
        env.ok(&["diff", "c"]),
        "C /bin\nD /bin/ls\nA /data\nA /data/sub\nA /data/sub/f\nC /etc\nC /etc/passwd\nA /new\n"
    );
    assert_eq!(listing(&env), before, "the image's layers are unchanged");
    let (_, err) = env.fails(&["diff", "nope"]);
    assert!(err.contains("no such container"), "{err}");
}

#[test]
fn export_writes_the_merged_filesystem() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "c", "busybox", "sh", "-c", "echo written > /new; rm /bin/ls; ln /new /new-link"]);
    let out = env.run(&["export", "c"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    let all = common::tar_entries(&out.stdout);
    let names: Vec<&str> = all.iter().map(|e| e.0.as_str()).collect();
    assert!(all.iter().any(|e| e.0 == "new" && e.2 == "written\n"), "the container's file is exported");
    assert!(names.contains(&"bin/busybox") && names.contains(&"etc/passwd"), "the image's files are exported");
    assert!(!names.contains(&"bin/ls"), "a deleted file is absent");
    let mut archive = tar::Archive::new(&out.stdout[..]);
    let link = archive.entries().expect("tar").filter_map(|e| e.ok()).find(|e| e.path().is_ok_and(|p| p.ends_with("new-link"))).expect("the hard link is exported");
    assert!(link.header().entry_type().is_hard_link());
    env.ok(&["export", "-o", "c.tar", "c"]);
    assert_eq!(std::fs::read(env.path().join("c.tar")).expect("read c.tar"), out.stdout, "-o writes the same archive");
}

#[test]
fn cp_in_and_out_of_a_stopped_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "box", "busybox", "true"]);
    let host = env.path();
    std::fs::create_dir_all(host.join("tree/sub")).expect("mkdir");
    std::fs::write(host.join("tree/sub/f"), "in a tree\n").expect("write");
    std::fs::write(host.join("file.txt"), "hello\n").expect("write");
    env.ok(&["cp", "file.txt", "box:/tmp/"]);
    env.ok(&["cp", "file.txt", "box:/renamed.txt"]);
    env.ok(&["cp", "tree", "box:/opt"]);
    env.ok(&["cp", "tree/.", "box:/etc/"]);
    assert_eq!(env.cp_out("box:/tmp/file.txt"), [("file.txt".to_string(), 0, "hello\n".to_string())], "owned by root, as Docker does");
    assert_eq!(env.cp_out("box:/renamed.txt")[0].2, "hello\n");
    let opt: Vec<String> = env.cp_out("box:/opt").into_iter().map(|e| e.0).collect();
    assert_eq!(opt, ["opt", "opt/sub", "opt/sub/f"], "a missing destination takes the directory's place");
    assert_eq!(env.cp_out("box:/etc/sub/f")[0].2, "in a tree\n", "SRC/. copies the contents");
    // Out to the host: into a directory, to a new name, and a directory.
    env.ok(&["cp", "box:/etc/passwd", "."]);
    assert!(std::fs::read_to_string(host.join("passwd")).expect("passwd copied").starts_with("root:"));
    env.ok(&["cp", "box:/opt", "copied"]);
    assert_eq!(std::fs::read_to_string(host.join("copied/sub/f")).expect("tree copied"), "in a tree\n");
    let (_, err) = env.fails(&["cp", "box:/no/such/file", "."]);
    assert!(err.contains("could not find the file /no/such/file in container box"), "{err}");
    let (_, err) = env.fails(&["cp", "tree", "box:/etc/passwd"]);
    assert!(err.contains("cannot copy a directory to a file"), "{err}");
}

#[test]
fn cp_streams_and_archive_mode() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "box", "busybox", "true"]);
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(6);
    h.set_mode(0o640);
    h.set_uid(1234);
    h.set_gid(1234);
    b.append_data(&mut h, "streamed/owned", &b"owned\n"[..]).expect("tar");
    let stream = b.into_inner().expect("tar");
    ok_with_stdin(&env, &["cp", "-", "box:/tmp"], &stream);
    assert_eq!(env.cp_out("box:/tmp/streamed/owned")[0].1, 0, "without -a files belong to root");
    ok_with_stdin(&env, &["cp", "-a", "-", "box:/home"], &stream);
    assert_eq!(env.cp_out("box:/home/streamed/owned"), [("owned".to_string(), 1234, "owned\n".to_string())], "-a keeps the owner");
    let out = env.run(&["cp", "-a", "box:/home/streamed", "-"]);
    let listing = common::tar_entries(&out.stdout);
    assert_eq!(listing.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["streamed", "streamed/owned"]);
}

#[test]
fn cp_into_a_running_container_is_seen_at_once() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "-d", "--name", "w", "busybox", "sh", "-c", "while [ ! -e /tmp/go ]; do sleep 0.1; done; cat /tmp/go; echo changed > /tmp/out; sleep 1000"]);
    std::fs::write(env.path().join("go"), "copied while running\n").expect("write");
    env.ok(&["cp", "go", "w:/tmp/go"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !env.ok(&["logs", "w"]).contains("copied while running") {
        assert!(std::time::Instant::now() < deadline, "the container saw the copied file");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let out = env.run(&["cp", "w:/tmp/out", "-"]);
        if out.status.success() {
            assert_eq!(common::tar_entries(&out.stdout)[0].2, "changed\n", "cp out of a running container");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{}", common::describe(&out));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(env.ok(&["diff", "w"]).contains("A /tmp/out"));
    let export = env.run(&["export", "w"]);
    assert!(common::tar_entries(&export.stdout).iter().any(|e| e.0 == "tmp/out"), "export of a running container");
    env.ok(&["rm", "-f", "w"]);
}

#[test]
fn cp_through_a_symlink_stays_inside_the_container() {
    let env = TestEnv::with_busybox();
    let probe = unique("escape-probe");
    let host_dir = env.path().join("target-dir");
    std::fs::create_dir_all(&host_dir).expect("mkdir");
    std::fs::write(env.path().join(&probe), "probe\n").expect("write");
    env.ok(&["run", "--name", "stopped", "busybox", "ln", "-s", "/../../..", "/esc"]);
    env.ok(&["run", "-d", "--name", "running", "busybox", "sh", "-c", "ln -s /../../.. /esc; sleep 1000"]);
    let through = format!("/esc{}", host_dir.display());
    for name in ["stopped", "running"] {
        // Wait for the running one's symlink.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !env.run(&["cp", &format!("{name}:/esc"), "-"]).status.success() {
            assert!(std::time::Instant::now() < deadline, "the symlink exists");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let out = env.run(&["cp", &probe, &format!("{name}:{through}/")]);
        assert!(!out.status.success(), "the host directory is not reachable: {}", common::describe(&out));
        env.ok(&["cp", &probe, &format!("{name}:/esc/tmp/")]);
        assert_eq!(env.cp_out(&format!("{name}:/tmp/{probe}"))[0].2, "probe\n", "it landed in the container's /tmp");
        let out = env.run(&["cp", &format!("{name}:/esc/etc/passwd"), "-"]);
        assert!(common::tar_entries(&out.stdout)[0].2.contains("user:x:1000"), "reading through the link reads the container's file");
    }
    assert_eq!(std::fs::read_dir(&host_dir).expect("list").count(), 0, "nothing was written on the host");
    assert!(!std::path::Path::new("/tmp").join(&probe).exists(), "nothing was written to the host's /tmp");
    env.ok(&["rm", "-f", "running", "stopped"]);
}
