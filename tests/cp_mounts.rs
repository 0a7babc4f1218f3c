//! `pontoon cp` where the container path is on one of its mounts, as a
//! user of Docker or Podman expects it: a named volume and a bind mount are
//! written and read at their source, whether the container runs or not; a
//! tmpfs of a running container is its live tmpfs; a symlink inside a
//! volume leads into the container, never to the host; two containers can
//! copy between each other (Podman's `cp CTR1:SRC CTR2:DEST`); and a
//! compressed tar stream on stdin is unpacked as it is given.

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::time::{SystemTime, UNIX_EPOCH};

use common::TestEnv;


/// The content of one file copied out of a container.
fn content(env: &TestEnv, what: &str) -> String {
    env.cp_out(what).into_iter().next().map(|e| e.2).unwrap_or_default()
}

fn unique(prefix: &str) -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{prefix}-{}-{nanos}", std::process::id())
}

/// The host uid the container's root is: ours (root, or rootless the
/// user namespace maps container root to the caller).
fn own_uid() -> u32 {
    nix::unistd::getuid().as_raw()
}

/// A one-file tar stream: `dir/name` saying `text`.
fn one_file_tar(path: &str, text: &str) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(text.len() as u64);
    h.set_mode(0o644);
    b.append_data(&mut h, path, text.as_bytes()).expect("tar");
    b.into_inner().expect("tar")
}

/// Waits until `cp CTR:PATH -` succeeds (a running container wrote it).
fn wait_for_file(env: &TestEnv, what: &str) {
    assert!(common::wait_until(20, || env.run(&["cp", what, "-"]).status.success()), "{what} appeared");
}

#[test]
fn cp_reaches_a_named_volume_of_a_stopped_container() {
    let env = TestEnv::with_busybox();
    env.ok(&["volume", "create", "vol"]);
    env.ok(&["run", "--name", "exited", "-v", "vol:/data", "busybox", "sh", "-c", "echo from the volume > /data/inside"]);
    env.ok(&["create", "--name", "created", "-v", "vol:/data", "busybox", "true"]);
    fs::write(env.path().join("file.txt"), "hello\n").expect("write");
    for name in ["exited", "created"] {
        assert_eq!(content(&env, &format!("{name}:/data/inside")), "from the volume\n", "{name} reads the volume");
        env.ok(&["cp", "file.txt", &format!("{name}:/data/{name}.txt")]);
        let seen = env.ok(&["run", "--rm", "-v", "vol:/data", "busybox", "sh", "-c", &format!("cat /data/{name}.txt; stat -c %u /data/{name}.txt")]);
        assert_eq!(seen, "hello\n0\n", "{name}: the file is in the volume, owned by the container's root");
        assert!(!env.ok(&["diff", name]).contains(&format!("{name}.txt")), "{name}: nothing went to the container's own layer");
    }
    // A directory, and a tar stream, land in the volume too.
    fs::create_dir_all(env.path().join("tree/sub")).expect("mkdir");
    fs::write(env.path().join("tree/sub/f"), "in a tree\n").expect("write");
    env.ok(&["cp", "tree", "created:/data/"]);
    let out = env.run_with_input(&["cp", "-", "created:/data"], &one_file_tar("streamed/s", "streamed\n"));
    assert!(out.status.success(), "{}", common::describe(&out));
    let seen = env.ok(&["run", "--rm", "-v", "vol:/data", "busybox", "cat", "/data/tree/sub/f", "/data/streamed/s"]);
    assert_eq!(seen, "in a tree\nstreamed\n");
    // Out to the host from the volume of a stopped container.
    env.ok(&["cp", "exited:/data/inside", "copied"]);
    assert_eq!(fs::read_to_string(env.path().join("copied")).expect("copied"), "from the volume\n");
}

#[test]
fn cp_reaches_a_bind_mount_of_a_stopped_container() {
    let env = TestEnv::with_busybox();
    let host = env.path().join("bound");
    fs::create_dir_all(&host).expect("mkdir");
    fs::write(host.join("from-host"), "written on the host\n").expect("write");
    let ro = env.path().join("bound-ro");
    fs::create_dir_all(&ro).expect("mkdir");
    let bind = format!("{}:/data", host.display());
    let bind_ro = format!("{}:/ro:ro", ro.display());
    env.ok(&["create", "--name", "box", "-v", &bind, "-v", &bind_ro, "busybox", "true"]);
    assert_eq!(content(&env, "box:/data/from-host"), "written on the host\n");
    fs::write(env.path().join("file.txt"), "hello\n").expect("write");
    env.ok(&["cp", "file.txt", "box:/data/"]);
    let copied = host.join("file.txt");
    assert_eq!(fs::read_to_string(&copied).expect("the file is in the bind source"), "hello\n");
    assert_eq!(fs::metadata(&copied).expect("stat").uid(), own_uid(), "owned by the container's root on the host");
    let out = env.run(&["cp", "file.txt", "box:/ro/"]);
    assert!(!out.status.success(), "a read-only bind mount refuses the copy: {}", common::describe(&out));
    assert_eq!(fs::read_dir(&ro).expect("list").count(), 0, "nothing was written to the read-only source");
    // Once run, the container sees what was copied.
    env.ok(&["rm", "box"]);
    assert_eq!(env.ok(&["run", "--rm", "-v", &bind, "busybox", "cat", "/data/file.txt"]), "hello\n");
}

#[test]
fn cp_reaches_the_volumes_and_tmpfs_of_a_running_container() {
    let env = TestEnv::with_busybox();
    let host = env.path().join("bound");
    fs::create_dir_all(&host).expect("mkdir");
    let bind = format!("{}:/bind", host.display());
    let script = "while [ ! -e /scratch/go ]; do sleep 0.1; done; cat /data/v /bind/b /scratch/go; echo out > /scratch/out; sleep 1000";
    env.ok(&["run", "-d", "--name", "w", "-v", "vol:/data", "-v", &bind, "--tmpfs", "/scratch", "busybox", "sh", "-c", script]);
    for (file, dest) in [("v", "w:/data/v"), ("b", "w:/bind/b"), ("go", "w:/scratch/go")] {
        fs::write(env.path().join(file), format!("copied {file}\n")).expect("write");
        env.ok(&["cp", file, dest]);
    }
    assert!(common::wait_until(20, || env.ok(&["logs", "w"]).contains("copied v\ncopied b\ncopied go\n")), "the container read every copy");
    assert_eq!(fs::read_to_string(host.join("b")).expect("in the bind source"), "copied b\n");
    wait_for_file(&env, "w:/scratch/out");
    assert_eq!(content(&env, "w:/scratch/out"), "out\n", "cp out of the live tmpfs");
    let diff = env.ok(&["diff", "w"]);
    assert!(!diff.contains("/data/v") && !diff.contains("/scratch/go"), "nothing went to the container's own layer: {diff}");
    env.ok(&["rm", "-f", "-t", "1", "w"]);
    assert_eq!(env.ok(&["run", "--rm", "-v", "vol:/data", "busybox", "cat", "/data/v"]), "copied v\n");
}

#[test]
fn a_symlink_in_a_volume_leads_into_the_container_not_the_host() {
    let env = TestEnv::with_busybox();
    let probe = unique("cp-mount-probe");
    fs::write(env.path().join(&probe), "probe\n").expect("write");
    let host_dir = env.path().join("host-target");
    fs::create_dir_all(&host_dir).expect("mkdir");
    let bound = env.path().join("bound");
    fs::create_dir_all(&bound).expect("mkdir");
    // Links made on the host in a bind source: absolute, to the host's
    // /etc and to a host directory, and one climbing out.
    std::os::unix::fs::symlink("/etc", bound.join("etc-link")).expect("symlink");
    std::os::unix::fs::symlink(&host_dir, bound.join("host-link")).expect("symlink");
    std::os::unix::fs::symlink("../../../../../../..", bound.join("up")).expect("symlink");
    let bind = format!("{}:/bind", bound.display());
    let links = "ln -s /etc /data/etc-link; ln -s ../../../../../.. /data/up";
    env.ok(&["run", "--name", "stopped", "-v", "vol:/data", "-v", &bind, "busybox", "sh", "-c", links]);
    env.ok(&["run", "-d", "--name", "running", "-v", "vol:/data", "-v", &bind, "busybox", "sleep", "1000"]);
    for name in ["stopped", "running"] {
        for (i, dir) in ["/data/etc-link/", "/bind/etc-link/", "/data/up/etc/", "/bind/up/etc/"].into_iter().enumerate() {
            env.ok(&["cp", &probe, &format!("{name}:{dir}{probe}-{i}")]);
            assert_eq!(content(&env, &format!("{name}:/etc/{probe}-{i}")), "probe\n", "{name}:{dir} is the container's /etc");
        }
        let out = env.run(&["cp", &probe, &format!("{name}:/bind/host-link/")]);
        assert!(!out.status.success(), "{name}: the host directory is not reachable: {}", common::describe(&out));
        assert!(content(&env, &format!("{name}:/data/etc-link/passwd")).contains("user:x:1000"), "reading through the link reads the container's file");
    }
    for i in 0..4 {
        assert!(!std::path::Path::new("/etc").join(format!("{probe}-{i}")).exists(), "nothing was written to the host's /etc");
    }
    assert_eq!(fs::read_dir(&host_dir).expect("list").count(), 0, "nothing was written to the host directory");
    env.ok(&["rm", "-f", "-t", "1", "running", "stopped"]);
}

#[test]
fn cp_between_two_containers() {
    let env = TestEnv::with_busybox();
    env.ok(&["run", "--name", "src", "-v", "vol:/data", "busybox", "sh", "-c", "mkdir -p /tree/sub; echo deep > /tree/sub/f; echo in volume > /data/v; echo top > /top"]);
    env.ok(&["create", "--name", "stopped", "busybox", "true"]);
    env.ok(&["run", "-d", "--name", "running", "busybox", "sleep", "1000"]);
    for dest in ["stopped", "running"] {
        env.ok(&["cp", "src:/top", &format!("{dest}:/tmp/")]);
        env.ok(&["cp", "src:/tree", &format!("{dest}:/copied")]);
        env.ok(&["cp", "src:/data/v", &format!("{dest}:/renamed")]);
        assert_eq!(env.cp_out(&format!("{dest}:/tmp/top")), [("top".to_string(), 0, "top\n".to_string())], "{dest}: owned by root");
        assert_eq!(content(&env, &format!("{dest}:/copied/sub/f")), "deep\n", "{dest}: a tree copied to a new name");
        assert_eq!(content(&env, &format!("{dest}:/renamed")), "in volume\n", "{dest}: from the source's volume");
    }
    // From a running container, and a refusal names the missing file.
    env.ok(&["exec", "running", "sh", "-c", "echo live > /live"]);
    env.ok(&["cp", "running:/live", "stopped:/"]);
    assert_eq!(content(&env, "stopped:/live"), "live\n");
    let (code, err) = env.fails(&["cp", "src:/no/such", "stopped:/tmp/"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("could not find the file /no/such in container src"), "{err}");
    let (_, err) = env.fails(&["cp", "src:/tree", "stopped:/tmp/top"]);
    assert!(err.contains("cannot copy a directory to a file"), "{err}");
    // Within one container, stopped or running (a single worker: a stopped
    // container's overlay cannot be mounted twice at once).
    for name in ["stopped", "running"] {
        env.ok(&["cp", &format!("{name}:/copied"), &format!("{name}:/again")]);
        assert_eq!(content(&env, &format!("{name}:/again/sub/f")), "deep\n", "{name}: copied within itself");
        let (code, err) = env.fails(&["cp", &format!("{name}:/copied"), &format!("{name}:/copied/sub/")]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("into itself"), "{name}: {err}");
    }
    env.ok(&["rm", "-f", "-t", "1", "running"]);
}

#[test]
fn cp_accepts_a_compressed_tar_on_stdin() {
    let env = TestEnv::with_busybox();
    env.ok(&["create", "--name", "box", "busybox", "true"]);
    let plain = one_file_tar("gz/f", "gzip\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain).expect("gzip");
    let gz = gz.finish().expect("gzip");
    let zst = zstd::encode_all(&one_file_tar("zst/f", "zstd\n")[..], 3).expect("zstd");
    for (stream, file, text) in [(gz, "/tmp/gz/f", "gzip\n"), (zst, "/tmp/zst/f", "zstd\n")] {
        let out = env.run_with_input(&["cp", "-", "box:/tmp"], &stream);
        assert!(out.status.success(), "{}", common::describe(&out));
        assert_eq!(content(&env, &format!("box:{file}")), text);
    }
    // xz and bzip2 as the host's tools write them, when it has them.
    for (tool, dir) in [("xz", "xz"), ("bzip2", "bz")] {
        let tar = one_file_tar(&format!("{dir}/f"), &format!("{tool}\n"));
        let Ok(mut child) = std::process::Command::new(tool)
            .arg("-c")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
        else {
            eprintln!("no {tool} on this host: its stream is not tested");
            continue;
        };
        child.stdin.take().expect("stdin").write_all(&tar).expect("feed the compressor");
        let compressed = child.wait_with_output().expect("compress").stdout;
        let out = env.run_with_input(&["cp", "-", "box:/tmp"], &compressed);
        assert!(out.status.success(), "{tool}: {}", common::describe(&out));
        assert_eq!(content(&env, &format!("box:/tmp/{dir}/f")), format!("{tool}\n"));
    }
    // What is no archive at all is refused with one line.
    let (code, err) = {
        let out = env.run_with_input(&["cp", "-", "box:/tmp"], b"this is not a tar stream, compressed or not, at all........");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    assert_eq!(code, Some(125), "{err}");
}

#[test]
fn cp_onto_a_bind_mounted_file_writes_its_content() {
    let env = TestEnv::with_busybox();
    let conf = env.path().join("app.conf");
    fs::write(&conf, "old\n").expect("write");
    let bind = format!("{}:/etc/app.conf", conf.display());
    env.ok(&["create", "--name", "stopped", "-v", &bind, "busybox", "true"]);
    env.ok(&["run", "-d", "--name", "running", "-v", &bind, "busybox", "sleep", "1000"]);
    for name in ["stopped", "running"] {
        let new = env.path().join(format!("{name}.conf"));
        fs::write(&new, format!("from cp into {name}\n")).expect("write");
        // The mounted file cannot be replaced; its content is what changes.
        env.ok(&["cp", &new.display().to_string(), &format!("{name}:/etc/app.conf")]);
        assert_eq!(fs::read_to_string(&conf).expect("read"), format!("from cp into {name}\n"), "{name}: the host's file has the copy");
        assert_eq!(content(&env, &format!("{name}:/etc/app.conf")), format!("from cp into {name}\n"));
    }
    assert_eq!(env.ok(&["exec", "running", "cat", "/etc/app.conf"]), "from cp into running\n", "the running container sees it");
    env.ok(&["rm", "-f", "-t", "1", "running"]);
}

#[test]
fn a_refused_large_copy_out_ends_instead_of_hanging() {
    let env = TestEnv::with_busybox();
    // More than a pipe holds, so the container's side blocks if it is left writing.
    env.ok(&["run", "--name", "box", "busybox", "sh", "-c", "mkdir /big; for i in 1 2 3 4; do head -c 1000000 /dev/zero > /big/$i; done"]);
    fs::write(env.path().join("file"), "a file\n").expect("write");
    for dest in ["file", "box2:/etc/passwd"] {
        if dest.starts_with("box2") {
            env.ok(&["create", "--name", "box2", "busybox", "true"]);
        }
        let child = env.cmd(&["cp", "box:/big", dest]).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().expect("start cp");
        let child = std::cell::RefCell::new(child);
        let ended = common::wait_until(120, || child.borrow_mut().try_wait().is_ok_and(|s| s.is_some()));
        let mut child = child.into_inner();
        if !ended {
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait for cp");
        assert!(ended, "cp box:/big {dest} ended");
        assert_eq!(out.status.code(), Some(125), "{dest}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot copy a directory to a file"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(fs::read_to_string(env.path().join("file")).expect("read"), "a file\n", "the file is left as it was");
}

#[test]
fn cp_into_the_volume_of_a_container_with_its_own_user_namespace_gives_files_to_its_root() {
    let env = TestEnv::with_busybox();
    let mode: &[&str] = if common::is_root() { &["--uidmap", "0:100000:65536"] } else { &["--userns", "keep-id"] };
    let with_mode = |head: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> { head.iter().chain(mode).chain(tail).copied().collect() };
    env.ok(&with_mode(&["create", "--name", "stopped"], &["-v", "vol:/data", "busybox", "true"]));
    env.ok(&with_mode(&["run", "-d", "--name", "running"], &["-v", "vol:/data", "busybox", "sleep", "1000"]));
    fs::write(env.path().join("note"), "copied\n").expect("write");
    for name in ["stopped", "running"] {
        env.ok(&["cp", "note", &format!("{name}:/data/{name}")]);
    }
    let seen = env.ok(&["exec", "running", "sh", "-c", "cat /data/stopped /data/running; stat -c '%u %g' /data/stopped /data/running"]);
    assert_eq!(seen, "copied\ncopied\n0 0\n0 0\n", "in the volume, owned by the container's root as it sees them");
    env.ok(&["rm", "-f", "-t", "1", "running", "stopped"]);
}
