//! The finer resource and process flags of `run`, as a Docker or Podman
//! user types them: swap, reservation, shares, cpusets and block I/O in the
//! container's cgroup (refused rootless where there is none, as --memory
//! is), the OOM score, the personality, the umask, a run timeout, the
//! tmpfs of --read-only and what the image's VOLUMEs become.

mod common;

use common::oci::LayerBuilder;
use common::{is_root, skip_unless, TestEnv};
use serde_json::json;

/// Whether this host gives the current user cgroups (as `info` says).
fn has_cgroups(env: &TestEnv) -> bool {
    env.ok(&["info", "--format", "{{.Host.CgroupManager}}"]).trim() != "none"
}

/// A block device of this host, with its numbers as the blkio files show them.
fn block_device() -> (String, String) {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    for name in ["/dev/vda", "/dev/sda", "/dev/nvme0n1", "/dev/loop0"] {
        if let Ok(md) = std::fs::metadata(name) {
            if md.file_type().is_block_device() {
                let rdev = md.rdev();
                return (name.to_string(), format!("{}:{}", nix::sys::stat::major(rdev), nix::sys::stat::minor(rdev)));
            }
        }
    }
    panic!("no block device on this host");
}

/// A control file of container `id`'s v1 group, as the kernel shows it.
fn cgroup_file(controller: &str, id: &str, file: &str) -> String {
    let path = format!("/sys/fs/cgroup/{controller}/pontoon/{id}/{file}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}")).trim().to_string()
}

#[test]
fn cgroup_flags_reach_the_containers_group_and_inspect() {
    let env = TestEnv::with_busybox();
    if skip_unless(has_cgroups(&env) && std::path::Path::new("/sys/fs/cgroup/memory").is_dir(), "no cgroup v1 backend for this user") {
        return;
    }
    let (dev, numbers) = block_device();
    let read_bps = format!("{dev}:1mb");
    let write_iops = format!("{dev}:300");
    #[rustfmt::skip]
    let id = env.ok(&[
        "run", "-d", "--memory", "64m", "--memory-swap", "128m", "--memory-reservation", "32m", "--memory-swappiness", "10",
        "--oom-kill-disable", "-c", "512", "--cpu-period", "50000", "--cpu-quota", "25000", "--cpuset-cpus", "0", "--cpuset-mems", "0",
        "--blkio-weight", "300", "--device-read-bps", &read_bps, "--device-write-iops", &write_iops,
        "busybox", "sleep", "1000",
    ]);
    let id = id.trim();
    assert_eq!(cgroup_file("memory", id, "memory.limit_in_bytes"), "67108864");
    assert_eq!(cgroup_file("memory", id, "memory.memsw.limit_in_bytes"), "134217728", "--memory-swap is memory plus swap");
    assert_eq!(cgroup_file("memory", id, "memory.soft_limit_in_bytes"), "33554432");
    assert_eq!(cgroup_file("memory", id, "memory.swappiness"), "10");
    assert!(cgroup_file("memory", id, "memory.oom_control").contains("oom_kill_disable 1"));
    assert_eq!(cgroup_file("cpu", id, "cpu.shares"), "512");
    assert_eq!(cgroup_file("cpu", id, "cpu.cfs_period_us"), "50000");
    assert_eq!(cgroup_file("cpu", id, "cpu.cfs_quota_us"), "25000");
    assert_eq!(cgroup_file("cpuset", id, "cpuset.cpus"), "0");
    assert_eq!(cgroup_file("cpuset", id, "cpuset.mems"), "0");
    let weight = std::fs::read_to_string(format!("/sys/fs/cgroup/blkio/pontoon/{id}/blkio.weight"))
        .or_else(|_| std::fs::read_to_string(format!("/sys/fs/cgroup/blkio/pontoon/{id}/blkio.bfq.weight")))
        .unwrap();
    assert!(weight.contains("300"), "{weight}");
    assert_eq!(cgroup_file("blkio", id, "blkio.throttle.read_bps_device"), format!("{numbers} 1048576"));
    assert_eq!(cgroup_file("blkio", id, "blkio.throttle.write_iops_device"), format!("{numbers} 300"));
    // The container's process really is in the cpuset: the kernel lets it run on CPU 0 only.
    let pid = env.ok(&["inspect", "--format", "{{.State.Pid}}", id]);
    let status = std::fs::read_to_string(format!("/proc/{}/status", pid.trim())).unwrap();
    let allowed = status.lines().find(|l| l.starts_with("Cpus_allowed_list")).unwrap();
    assert!(allowed.ends_with("\t0"), "{allowed}");
    // So is what `exec` runs there: the container's limits hold for it too.
    let allowed = env.ok(&["exec", id, "grep", "Cpus_allowed_list", "/proc/self/status"]);
    assert!(allowed.trim().ends_with("\t0"), "{allowed}");
    let procs = cgroup_file("memory", id, "cgroup.procs");
    env.ok(&["exec", "-d", id, "sleep", "30"]);
    let after = cgroup_file("memory", id, "cgroup.procs");
    assert!(after.lines().count() > procs.lines().count(), "the exec'd sleep is in the memory group: {after}");

    let format = "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.HostConfig.MemorySwappiness}} \
                  {{.HostConfig.OomKillDisable}} {{.HostConfig.CpuShares}} {{.HostConfig.CpuPeriod}} {{.HostConfig.CpuQuota}} \
                  {{.HostConfig.CpusetCpus}} {{.HostConfig.CpusetMems}} {{.HostConfig.BlkioWeight}}";
    assert_eq!(env.ok(&["inspect", "--format", format, id]).trim(), "67108864 134217728 33554432 10 true 512 50000 25000 0 0 300");
    let rates = env.ok(&["inspect", "--format", "{{json .HostConfig.BlkioDeviceReadBps}}", id]);
    assert_eq!(rates.trim(), format!("[{{\"Path\":\"{dev}\",\"Rate\":1048576}}]"));
    env.ok(&["rm", "-f", "-t", "1", id]);

    // A per-device weight needs the device's scheduler to be bfq.
    let weight_dev = format!("{dev}:200");
    let scheduler = std::fs::read_to_string(format!("/sys/dev/block/{numbers}/queue/scheduler")).unwrap_or_default();
    let out = env.run(&["run", "--rm", "--blkio-weight-device", &weight_dev, "busybox", "true"]);
    if scheduler.contains("[bfq]") {
        assert!(out.status.success(), "{}", common::describe(&out));
    } else {
        assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--blkio-weight-device") && err.contains("bfq"), "{err}");
    }
    let id = env.ok(&["create", "--blkio-weight-device", &weight_dev, "busybox", "true"]);
    let weights = env.ok(&["inspect", "--format", "{{json .HostConfig.BlkioWeightDevice}}", id.trim()]);
    assert_eq!(weights.trim(), format!("[{{\"Path\":\"{dev}\",\"Weight\":200}}]"));

    // -1: unlimited swap.
    let id = env.ok(&["run", "-d", "--memory", "64m", "--memory-swap", "-1", "busybox", "sleep", "1000"]);
    let id = id.trim();
    assert_eq!(cgroup_file("memory", id, "memory.memsw.limit_in_bytes"), "9223372036854771712");
    env.ok(&["rm", "-f", "-t", "1", id]);
}

#[test]
fn cgroup_flags_without_cgroups_are_refused_as_memory_is() {
    let env = TestEnv::with_busybox();
    if skip_unless(!has_cgroups(&env), "this user has cgroups, so the flags apply (see cgroup_flags_reach_the_containers_group_and_inspect)") {
        return;
    }
    let (dev, _) = block_device();
    let read_bps = format!("{dev}:1mb");
    for flags in [
        &["--memory-reservation", "32m"][..],
        &["--memory-swappiness", "10"],
        &["-c", "512"],
        &["--cpu-quota", "50000"],
        &["--cpuset-cpus", "0"],
        &["--blkio-weight", "300"],
        &["--device-read-bps", &read_bps],
        &["--memory-swap", "-1"],
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains("cannot apply --memory, --cpus or --pids-limit") && err.contains("delegate"), "{flags:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
}

#[test]
fn oom_score_adj_is_the_inits() {
    let env = TestEnv::with_busybox();
    let out = env.ok(&["run", "--rm", "--oom-score-adj", "500", "busybox", "cat", "/proc/self/oom_score_adj"]);
    assert_eq!(out.trim(), "500");
    let id = env.ok(&["create", "--oom-score-adj", "300", "busybox", "true"]);
    assert_eq!(env.ok(&["inspect", "--format", "{{.HostConfig.OomScoreAdj}}", id.trim()]).trim(), "300");
    let current: i32 = std::fs::read_to_string("/proc/self/oom_score_adj").unwrap().trim().parse().unwrap();
    let lower = (current - 100).max(-1000).to_string();
    // Lowering it needs CAP_SYS_RESOURCE: root has it unless the host withholds it.
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let eff = status.lines().find_map(|l| l.strip_prefix("CapEff:")).map(|h| u64::from_str_radix(h.trim(), 16).unwrap()).unwrap();
    if is_root() && eff & (1 << 24) != 0 {
        let out = env.ok(&["run", "--rm", "--oom-score-adj", &lower, "busybox", "cat", "/proc/self/oom_score_adj"]);
        assert_eq!(out.trim(), lower, "root may lower it");
    } else {
        let (code, err) = env.fails(&["run", "--rm", "--oom-score-adj", &lower, "busybox", "true"]);
        assert_eq!(code, 125, "{err}");
        assert!(err.contains("--oom-score-adj") && err.contains("only raise"), "{err}");
    }
}

#[test]
fn personality_linux32_makes_uname_say_i686() {
    let env = TestEnv::with_busybox();
    assert_eq!(env.ok(&["run", "--rm", "busybox", "uname", "-m"]).trim(), "x86_64");
    assert_eq!(env.ok(&["run", "--rm", "--personality", "LINUX32", "busybox", "uname", "-m"]).trim(), "i686");
    assert_eq!(env.ok(&["run", "--rm", "--personality", "LINUX", "busybox", "uname", "-m"]).trim(), "x86_64");
}

#[test]
fn umask_is_the_processes() {
    let env = TestEnv::with_busybox();
    assert_eq!(env.ok(&["run", "--rm", "busybox", "sh", "-c", "umask"]).trim(), "0022");
    assert_eq!(env.ok(&["run", "--rm", "--umask", "0077", "busybox", "sh", "-c", "umask"]).trim(), "0077");
    let made = env.ok(&["run", "--rm", "--umask", "027", "busybox", "sh", "-c", "touch /f && stat -c %a /f"]);
    assert_eq!(made.trim(), "640");
}

#[test]
fn timeout_stops_the_container_by_itself() {
    let env = TestEnv::with_busybox();
    // busybox sleep as PID 1 ignores SIGTERM: the stop timeout's SIGKILL ends it.
    let out = env.run(&["run", "--name", "brief", "--timeout", "2", "--stop-timeout", "1", "busybox", "sleep", "600"]);
    assert_eq!(out.status.code(), Some(255), "{}", common::describe(&out));
    assert_eq!(env.ok(&["inspect", "--format", "{{.State.Status}} {{.State.ExitCode}} {{.Config.Timeout}}", "brief"]).trim(), "exited -1 2");
    env.ok(&["rm", "brief"]);
    // A container that ends in time keeps its own exit code.
    let out = env.run(&["run", "--rm", "--timeout", "60", "busybox", "sh", "-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3), "{}", common::describe(&out));
}

#[test]
fn read_only_gets_writable_tmpfs_where_podman_puts_them() {
    let env = TestEnv::with_busybox();
    let out = env.ok(&["run", "--rm", "--read-only", "busybox", "sh", "-c", "touch /tmp/x /run/y /var/tmp/z && echo ok"]);
    assert_eq!(out.trim(), "ok");
    let (code, err) = env.fails(&["run", "--rm", "--read-only", "busybox", "touch", "/etc/x"]);
    assert_eq!(code, 1, "the root stays read-only: {err}");
    let out = env.run(&["run", "--rm", "--read-only", "--read-only-tmpfs=false", "busybox", "touch", "/tmp/x"]);
    assert_eq!(out.status.code(), Some(1), "{}", common::describe(&out));
    let (code, err) = env.fails(&["run", "--rm", "--read-only-tmpfs=maybe", "busybox", "true"]);
    assert_eq!(code, 125, "{err}");
}

/// busybox declaring VOLUME /vol with a file in it.
fn volume_image(env: &TestEnv) {
    let layout = common::fixtures::cached_layout("runres-volume", |w| {
        let mut l = LayerBuilder::new();
        l.dir("vol", 0o755, 0, 0).file("vol/from-image", b"yes\n", 0o644, 0, 0);
        let layer = common::oci::Layer::from_tar(l.finish(), "RUN mkdir /vol");
        let manifest = w.image("amd64", &[common::fixtures::busybox_layer(), layer], json!({ "Volumes": { "/vol": {} } }))?;
        w.finish(&manifest)
    });
    common::load_as(env, &layout, "volimage:latest");
}

#[test]
fn image_volume_chooses_what_the_images_volumes_become() {
    let env = TestEnv::with_busybox();
    volume_image(&env);
    let mounts = |mode: &str| env.ok(&["run", "--rm", "--image-volume", mode, "volimage", "sh", "-c", "grep ' /vol ' /proc/mounts; ls /vol"]);
    let tmpfs = mounts("tmpfs");
    assert!(tmpfs.starts_with("tmpfs /vol tmpfs"), "a tmpfs, empty: {tmpfs}");
    assert!(!tmpfs.contains("from-image"), "{tmpfs}");
    let bind = mounts("bind");
    assert!(bind.contains(" /vol ") && !bind.starts_with("tmpfs") && bind.contains("from-image"), "an anonymous volume filled from the image: {bind}");
    let ignore = mounts("ignore");
    assert_eq!(ignore.trim(), "from-image", "no mount, the image's directory: {ignore}");
    assert_eq!(env.ok(&["volume", "ls", "-q"]), "", "--rm took the anonymous volume, tmpfs and ignore made none");
}

#[test]
fn bad_values_fail_in_one_line_with_dockers_words() {
    let env = TestEnv::with_busybox();
    let (dev, _) = block_device();
    let bad_rate = format!("{dev}:fast");
    #[rustfmt::skip]
    let cases: &[(&[&str], &str)] = &[
        (&["--memory", "64m", "--memory-swap", "32m"], "Minimum memoryswap limit should be larger than memory limit"),
        (&["--memory-swap", "128m"], "You should always set the Memory limit when using Memoryswap limit"),
        (&["--memory", "64m", "--memory-reservation", "128m"], "Minimum memory limit can not be less than memory reservation limit"),
        (&["--memory-reservation", "1k"], "Minimum memory reservation allowed is 6MB"),
        (&["--memory-swappiness", "200"], "valid memory swappiness range is 0-100"),
        (&["--cpus", "1", "--cpu-quota", "50000"], "Conflicting options: Nano CPUs and CPU Quota cannot both be set"),
        (&["--cpus", "1", "--cpu-period", "50000"], "Conflicting options: Nano CPUs and CPU Period cannot both be set"),
        (&["--cpu-period", "10"], "CPU cfs period can not be less than 1ms"),
        (&["--cpuset-cpus", "zero"], "--cpuset-cpus"),
        (&["--blkio-weight", "5"], "Range of blkio weight is from 10 to 1000"),
        (&["--device-read-bps", &bad_rate], "--device-read-bps"),
        (&["--device-read-bps", "/dev/null:1mb"], "not a block device"),
        (&["--oom-score-adj", "2000"], "range for oom score adj is [-1000, 1000]"),
        (&["--umask", "0999"], "--umask"),
        (&["--personality", "BSD"], "LINUX32"),
        (&["--image-volume", "copy"], "bind, tmpfs or ignore"),
    ];
    for (flags, words) in cases {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(flags);
        args.extend_from_slice(&["busybox", "true"]);
        let (code, err) = env.fails(&args);
        assert_eq!(code, 125, "{flags:?}: {err}");
        assert!(err.contains(words), "{flags:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(env.ok(&["ps", "-aq"]), "", "nothing was created");
    // --kernel-memory: accepted, explained, ignored.
    let out = env.run(&["run", "--rm", "--kernel-memory", "64m", "busybox", "echo", "ran"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ran\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("kernel memory limit is deprecated"), "{}", common::describe(&out));
}

#[test]
fn crun_gets_the_same_process_knobs_from_the_bundle() {
    let env = TestEnv::with_busybox();
    if skip_unless(std::path::Path::new("/usr/bin/crun").exists(), "crun is not installed") {
        return;
    }
    let out = env.run(&[
        "run", "--rm", "--runtime", "crun", "--umask", "0077", "--personality", "LINUX32", "--oom-score-adj", "200", "busybox", "sh", "-c",
        "umask; uname -m; cat /proc/self/oom_score_adj",
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0077\ni686\n200\n", "{}", common::describe(&out));
    let out = env.run(&["run", "--runtime", "crun", "--name", "brief", "--timeout", "1", "--stop-timeout", "1", "busybox", "sleep", "600"]);
    assert_eq!(out.status.code(), Some(255), "the monitor keeps --timeout for crun too: {}", common::describe(&out));
}
