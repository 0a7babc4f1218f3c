//! The store keeps the user's data safe: an image a container uses is not
//! deleted under it, parallel pulls download each blob once, sparse files
//! stay sparse, a full disk can always be cleaned up with pontoon itself,
//! and what killed commands leave behind is finished by the next one.

mod common;

use common::{store_entries, TestEnv};

fn short(id: &str) -> &str {
    &id.trim_start_matches("sha256:")[..12]
}

#[test]
fn rmi_of_an_image_a_container_uses_is_refused_and_rmi_f_only_untags() {
    let env = TestEnv::new();
    env.load_busybox();
    let image = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    let container = env.ok(&["create", "--name", "web", "busybox", "echo", "still here"]).trim().to_string();

    let (code, err) = env.fails(&["rmi", "busybox"]);
    assert_eq!(code, 2, "Podman's exit code for an image in use: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let expected = format!(
        "Error: conflict: unable to remove repository reference \"busybox\" (must force) - container {} is using its referenced image {}",
        &container[..12],
        short(&image)
    );
    assert!(err.starts_with(&expected), "Docker's message:\n{err}\nexpected it to start with\n{expected}");
    assert!(err.contains("pontoon rm web") && err.contains("-f"), "names the fix: {err}");
    let (code, err) = env.fails(&["rmi", short(&image)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("unable to delete {}", short(&image))), "{err}");
    env.ok(&["image", "prune", "-f", "-a"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "image prune -a keeps an image a stopped container uses");

    // -f untags; the data stays, so the container still starts.
    assert_eq!(env.ok(&["rmi", "-f", "busybox"]), "Untagged: busybox:latest\n");
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"]), format!("<none>:<none> {}\n", short(&image)));
    assert_eq!(env.ok(&["start", "-a", "web"]), "still here\n");
    let (code, err) = env.fails(&["rmi", "-f", short(&image)]);
    assert_eq!(code, 2, "nothing left to untag, and the container uses it: {err}");
    assert!(err.contains("cannot be forced") && err.contains("pontoon rm web"), "{err}");
    env.ok(&["image", "prune", "-f"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "image prune keeps a dangling image in use");
    // Once no container uses it, the next prune removes the dangling image.
    env.ok(&["rm", "web"]);
    env.ok(&["image", "prune", "-f"]);
    assert_eq!(env.ok(&["images", "-q"]), "");
    assert!(store_entries(&env, "layers").is_empty() && store_entries(&env, "blobs/sha256").is_empty(), "its data is collected");
}

#[test]
fn a_dangling_image_in_use_survives_prunes_and_goes_by_its_id_after_its_last_container() {
    let env = TestEnv::new();
    env.load_busybox();
    let image = env.ok(&["inspect", "--format", "{{.Id}}", "busybox"]).trim().to_string();
    env.ok(&["create", "--name", "one", "busybox", "true"]);
    env.ok(&["run", "-d", "--name", "two", "busybox", "sleep", "1000"]);
    env.ok(&["rmi", "-f", "busybox"]);
    env.ok(&["rm", "one"]);
    env.ok(&["image", "prune", "-f"]);
    // system prune removes stopped containers, then images no container uses.
    env.ok(&["system", "prune", "-f", "-a"]);
    assert_eq!(env.ok(&["images", "-q"]).trim(), short(&image), "running container two still uses it");
    env.ok(&["rm", "-f", "two"]);
    assert_eq!(env.ok(&["rmi", short(&image)]), format!("Deleted: {image}\n"));
    assert!(store_entries(&env, "layers").is_empty());
}

/// Loads an image whose top layer has `data/gnu-sparse` (10 GiB, a GNU
/// sparse tar entry with "hello" at 5 GiB and "end" at its end) and
/// `data/zeros` (16 MiB of zeros around "middle", a plain entry), as
/// `sparse:1`. Both compress to a few kilobytes.
fn load_sparse_image(env: &TestEnv) {
    use std::os::unix::fs::FileExt;
    const GIB: u64 = 1 << 30;
    let src = env.path().join("sparse-src");
    std::fs::create_dir_all(src.join("data")).unwrap();
    let big = std::fs::File::create(src.join("data/gnu-sparse")).unwrap();
    big.set_len(10 * GIB).unwrap();
    big.write_all_at(b"hello", 5 * GIB).unwrap();
    big.write_all_at(b"end\n", 10 * GIB - 4).unwrap();
    drop(big);
    let tar_path = env.path().join("sparse-layer.tar");
    let out = std::process::Command::new("tar")
        .args(["--sparse", "--format=gnu", "--numeric-owner", "--owner=0", "--group=0", "--mtime=@1704067200", "-cf"])
        .arg(&tar_path)
        .arg("-C")
        .arg(&src)
        .arg("data/gnu-sparse")
        .output()
        .expect("run GNU tar");
    assert!(out.status.success(), "tar --sparse: {}", common::describe(&out));
    std::fs::remove_dir_all(&src).unwrap();
    let mut layer = std::fs::read(&tar_path).unwrap();
    assert!(layer.len() < 64 * 1024, "GNU tar wrote a sparse entry: {} bytes", layer.len());
    // Append a plain (non-sparse) entry before the end-of-archive blocks.
    layer.truncate(layer.len() - 1024);
    while layer.ends_with(&[0u8; 512]) {
        layer.truncate(layer.len() - 512);
    }
    let mut zeros = vec![0u8; 16 << 20];
    zeros[8 << 20..(8 << 20) + 7].copy_from_slice(b"middle\n");
    let mut plain = common::oci::LayerBuilder::new();
    plain.file("data/zeros", &zeros, 0o644, 0, 0);
    layer.extend_from_slice(&plain.finish());

    let layout = env.path().join("sparse-layout");
    let w = common::oci::LayoutWriter::create(&layout).unwrap();
    let layers = [common::fixtures::busybox_layer(), common::oci::Layer::from_tar(layer, "ADD sparse files")];
    assert!(layers[1].gzip.len() < 1 << 20, "the sparse layer compresses to {} bytes", layers[1].gzip.len());
    let manifest = w.image("amd64", &layers, serde_json::json!({})).unwrap();
    w.finish(&manifest).unwrap();
    let mut archive = tar::Builder::new(Vec::new());
    archive.append_dir_all(".", &layout).unwrap();
    let archive_path = env.path().join("sparse-oci.tar");
    std::fs::write(&archive_path, archive.into_inner().unwrap()).unwrap();
    env.ok(&["load", "-i", archive_path.to_str().unwrap()]);
    let id = env.ok(&["images", "-q"]);
    env.ok(&["tag", id.trim(), "sparse:1"]);
}

#[test]
fn a_sparse_file_in_a_layer_stays_sparse_on_disk() {
    use std::os::unix::fs::MetadataExt;
    let env = TestEnv::new();
    load_sparse_image(&env);

    let lower = env.ok(&["inspect", "--format", "{{.GraphDriver.Data.LowerDir}}", "sparse:1"]);
    let top = std::path::PathBuf::from(lower.trim().split(':').next().expect("a top layer"));
    for (file, size) in [("data/gnu-sparse", 10u64 << 30), ("data/zeros", 16 << 20)] {
        let meta = std::fs::metadata(top.join(file)).unwrap_or_else(|e| panic!("stat {file} in {}: {e}", top.display()));
        assert_eq!(meta.len(), size, "{file} has its full size");
        let allocated = meta.blocks() * 512;
        assert!(allocated <= 64 * 1024, "{file}: {allocated} bytes allocated on disk for a sparse file of {size} bytes");
    }

    // What the container reads is the file's content, holes as zeros.
    let read = |file: &str, block: u64| {
        env.ok(&["run", "--rm", "sparse:1", "sh", "-c", &format!("dd if=/data/{file} bs=4096 skip={block} count=1 2>/dev/null | tr -d '\\000'")])
    };
    assert_eq!(read("gnu-sparse", (5u64 << 30) / 4096), "hello");
    assert_eq!(read("gnu-sparse", (10u64 << 30) / 4096 - 1), "end\n");
    assert_eq!(read("gnu-sparse", 1000), "", "a hole reads as zeros");
    assert_eq!(read("zeros", (8 << 20) / 4096), "middle\n");
}

#[test]
fn parallel_pulls_of_one_image_download_each_blob_once() {
    let registry = common::Registry::start();
    let layout = common::large_layout(8);
    registry.push_layout(&layout, "library/big:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);
    let manifest = registry.raw_manifest("library/big:latest");
    let layers = manifest["layers"].as_array().expect("manifest layers").len();
    let blobs_before = registry.count_requests("GET /v2/library/big/blobs/");

    let pulls: Vec<_> = (0..5).map(|_| env.cmd(&["pull", "-q", "big"]).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().expect("start pull")).collect();
    let ids: Vec<String> = pulls
        .into_iter()
        .map(|p| {
            let out = p.wait_with_output().expect("wait for pull");
            assert!(out.status.success(), "{}", common::describe(&out));
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        })
        .collect();
    assert!(ids.iter().all(|id| id == &ids[0] && id.len() == 64), "every pull printed the same Id: {ids:?}");

    let log = registry.log_text();
    let gets: Vec<&str> = log.lines().filter(|l| l.contains("\"GET /v2/library/big/blobs/sha256:")).collect();
    assert_eq!(gets.len() - blobs_before, layers + 1, "each layer and the config once, for 5 pulls:\n{}", gets.join("\n"));
    assert_eq!(env.ok(&["images", "--format", "{{.Repository}}"]), "big\n");
    env.ok(&["run", "--rm", "big", "test", "-d", "/data/layer3"]);
}

#[test]
fn a_pull_removes_what_killed_unpacks_left_but_not_a_running_ones() {
    let registry = common::Registry::start();
    registry.push_layout(&common::busybox_layout(), "library/busybox:latest");
    let env = TestEnv::new();
    env.mirror_docker_io(&registry);
    env.ok(&["images", "-q"]);
    // What a pull killed mid-unpack leaves: a temporary layer directory.
    let layers = env.root.join("layers");
    let stale = layers.join(".tmp-killed1");
    std::fs::create_dir_all(stale.join("diff/usr/lib")).unwrap();
    std::fs::write(stale.join("diff/usr/lib/half-written.so"), vec![7u8; 100_000]).unwrap();
    // And one that a pull running in parallel is filling (it holds the lock).
    let running = layers.join(".tmp-running1");
    std::fs::create_dir_all(running.join("diff")).unwrap();
    let held = nix::fcntl::Flock::lock(std::fs::File::open(&running).unwrap(), nix::fcntl::FlockArg::LockExclusive).unwrap();

    env.ok(&["pull", "-q", "busybox"]);
    assert!(!stale.exists(), "the killed pull's temporary layer directory was removed");
    assert!(running.join("diff").exists(), "the running pull's directory was left alone");
    drop(held);
    env.ok(&["pull", "-q", "busybox"]);
    assert!(!running.exists(), "once its pull is gone, the next pull removes it");
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "ok"]), "ok\n");
}

/// The container's `state.json`, as the store keeps it.
fn monitor_pid(env: &TestEnv, dir: &std::path::Path) -> Option<i32> {
    let _ = env;
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("state.json")).ok()?).ok()?;
    state["monitor_pid"].as_i64().map(|p| p as i32)
}

#[test]
fn a_removal_killed_midway_is_finished_by_the_next_rm_or_prune() {
    let env = TestEnv::new();
    env.load_busybox();
    let running = env.ok(&["run", "-d", "--name", "web", "busybox", "sleep", "1000"]).trim().to_string();
    let stopped = env.ok(&["create", "--name", "db", "busybox", "true"]).trim().to_string();
    let containers = env.root.join("containers");
    let monitor = monitor_pid(&env, &containers.join(&running)).expect("a running container has a monitor");

    // What `rm -f` killed right after its first step leaves: the
    // directories renamed to tombstones, the name claims still there.
    for id in [&running, &stopped] {
        std::fs::rename(containers.join(id), containers.join(format!(".removing-{id}"))).unwrap();
    }
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "", "ps -a shows no broken entry");
    let (_, err) = env.fails(&["inspect", "web"]);
    assert!(err.contains("no such"), "{err}");

    env.ok(&["create", "--name", "other", "busybox", "true"]);
    let pruned = env.ok(&["container", "prune", "-f"]);
    for id in [&running, &stopped] {
        assert!(pruned.contains(id.as_str()), "prune reports the finished removal of {id}: {pruned}");
        assert!(!containers.join(format!(".removing-{id}")).exists(), "tombstone of {id} is gone");
    }
    assert!(!std::path::Path::new(&format!("/proc/{monitor}")).exists() || is_zombie(monitor), "the half-removed container's monitor was killed");
    // The names are free again.
    env.ok(&["run", "--rm", "--name", "web", "busybox", "true"]);
    env.ok(&["create", "--name", "db", "busybox", "true"]);

    // And `rm` finishes one too.
    let id = env.ok(&["create", "--name", "cache", "busybox", "true"]).trim().to_string();
    std::fs::rename(containers.join(&id), containers.join(format!(".removing-{id}"))).unwrap();
    env.ok(&["rm", "db"]);
    assert!(!containers.join(format!(".removing-{id}")).exists(), "rm finished the interrupted removal");
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "");
    env.ok(&["create", "--name", "cache", "busybox", "true"]);
}

/// What a host crash leaves of a `--rm` container's records, which are
/// never synced: the file, empty.
fn cut_record(env: &TestEnv, id: &str) {
    let record = env.root.join("containers").join(id).join("container.json");
    std::fs::OpenOptions::new().write(true).open(&record).and_then(|f| f.set_len(0)).expect("truncate the record");
}

#[test]
fn a_rm_container_whose_record_a_crash_cut_empty_gives_its_name_and_directory_back() {
    let env = TestEnv::with_busybox();
    let containers = env.root.join("containers");
    let cut = env.ok(&["create", "--rm", "--name", "cut", "busybox", "true"]).trim().to_string();
    cut_record(&env, &cut);
    assert_eq!(env.ok(&["ps", "-a", "--format", "{{.Names}}"]), "", "it reads as missing");
    let (_, err) = env.fails(&["inspect", "cut"]);
    assert!(err.contains("no such"), "{err}");
    // Its name is free: the dead container's claim and directory go.
    let again = env.ok(&["create", "--name", "cut", "busybox", "true"]).trim().to_string();
    assert_eq!(env.ok(&["inspect", "--format", "{{.Id}}", "cut"]).trim(), again);
    assert!(!containers.join(&cut).exists(), "the dead container's directory is removed");

    // One whose name nobody takes again: prune removes it.
    let left = env.ok(&["create", "--rm", "--name", "left", "busybox", "true"]).trim().to_string();
    cut_record(&env, &left);
    let pruned = env.ok(&["container", "prune", "-f"]);
    assert!(pruned.contains(&left), "prune reports it: {pruned}");
    let entries = store_entries(&env, "containers");
    assert!(!entries.iter().any(|e| e.contains(&left) || e.contains(&cut)), "no directory of them is left: {entries:?}");
    assert!(!containers.join("names").join("left").exists(), "nor the claim of its name");
    env.ok(&["create", "--name", "left", "busybox", "true"]);
}

fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.rsplit_once(')').is_some_and(|(_, r)| r.trim_start().starts_with('Z')))
}

/// Unmounts (lazily) a test's filesystem when the test ends, also on failure.
struct Unmount(std::path::PathBuf);

impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes to `path` until the filesystem says it is full.
fn fill_disk(path: &std::path::Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(path).expect("create the filler file");
    for chunk in [1 << 20, 4096, 1] {
        let data = vec![0xa5u8; chunk];
        loop {
            match f.write(&data) {
                Ok(n) if n == data.len() => {}
                Ok(_) => break,
                Err(e) => {
                    assert_eq!(e.raw_os_error(), Some(libc::ENOSPC), "filling the disk: {e}");
                    break;
                }
            }
        }
    }
    let _ = f.sync_all();
}

fn free_bytes(path: &std::path::Path) -> u64 {
    let st = nix::sys::statvfs::statvfs(path).expect("statvfs");
    st.blocks_available() * st.fragment_size()
}

#[test]
fn a_full_store_filesystem_is_cleaned_up_with_pontoon_itself() {
    if common::skip_unless(common::is_root(), "mounting a small tmpfs for the store needs root") {
        return;
    }
    let env = TestEnv::new();
    std::fs::create_dir_all(&env.root).unwrap();
    let mounted = std::process::Command::new("mount").args(["-t", "tmpfs", "-o", "size=48m", "tmpfs"]).arg(&env.root).status().unwrap();
    assert!(mounted.success(), "mount a tmpfs on {}", env.root.display());
    let _unmount = Unmount(env.root.clone());
    env.load_busybox();
    env.ok(&["tag", "busybox", "extra:1"]);
    common::load_as(&env, &common::multilayer_layout(), "multi:1");
    for name in ["killed", "stopped", "removed"] {
        env.ok(&["run", "-d", "--name", name, "busybox", "sleep", "1000"]);
    }
    env.ok(&["create", "--name", "created", "busybox", "true"]);

    fill_disk(&env.root.join("filler"));
    let full = free_bytes(&env.root);
    let (_, err) = env.fails(&["create", "busybox", "true"]);
    assert!(err.contains("No space left on device"), "the disk is full: {err}");

    // Image removals first, while no container removal has freed anything.
    assert_eq!(env.ok(&["rmi", "extra:1"]), "Untagged: extra:1\n");
    assert!(env.ok(&["rmi", "multi:1"]).contains("Deleted: sha256:"));
    env.ok(&["kill", "killed"]);
    env.ok(&["stop", "-t", "1", "stopped"]);
    env.ok(&["rm", "-f", "removed"]);
    env.ok(&["container", "prune", "-f"]);
    assert_eq!(env.ok(&["ps", "-aq"]), "", "every container is gone");
    env.ok(&["image", "prune", "-a", "-f"]);
    env.ok(&["system", "prune", "-a", "-f"]);
    assert_eq!(env.ok(&["images", "-q"]), "", "every image is gone");
    assert!(free_bytes(&env.root) > full + (1 << 20), "space was freed: {} bytes free, {full} before", free_bytes(&env.root));

    // With room again, the store works as before.
    std::fs::remove_file(env.root.join("filler")).unwrap();
    env.load_busybox();
    assert_eq!(env.ok(&["run", "--rm", "busybox", "echo", "ok"]), "ok\n");
}
