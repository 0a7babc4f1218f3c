//! cgroup v2: one unified hierarchy. As root the container's group is
//! `pontoon/<id>` at the top; rootless it goes below the nearest group
//! systemd delegated to the user (owned by us, with the memory and pids
//! controllers enabled for its children). Controllers are passed down by
//! writing `cgroup.subtree_control` of `pontoon`, which holds no process.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use oci_spec::runtime::LinuxResources;

use super::{bpf_devices, keyed, read_u64, remove_dir, write, Usage};

const NEEDED: &[&str] = &["memory", "pids"];

#[derive(Clone, Debug)]
pub struct V2 {
    /// The group under which `pontoon/<id>` groups are made.
    base: PathBuf,
}

#[derive(Clone, Debug)]
pub struct Group {
    dir: PathBuf,
}

fn controllers(dir: &Path, file: &str) -> Vec<String> {
    fs::read_to_string(dir.join(file)).unwrap_or_default().split_whitespace().map(String::from).collect()
}

impl V2 {
    /// A usable unified hierarchy: mounted, with controllers, and a group
    /// we may create children in.
    pub fn find(mountinfo: &str, own_cgroup: &str) -> Option<V2> {
        let mount = mountinfo.lines().find_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            (right.split(' ').next() == Some("cgroup2")).then(|| PathBuf::from(left.split(' ').nth(4).unwrap_or_default()))
        })?;
        let have = controllers(&mount, "cgroup.controllers");
        if !NEEDED.iter().all(|c| have.iter().any(|h| h == c)) {
            return None;
        }
        if super::is_host_root() {
            return Some(V2 { base: mount });
        }
        let own = own_cgroup.lines().find_map(|l| l.strip_prefix("0::"))?.trim_start_matches('/');
        let uid = nix::unistd::geteuid().as_raw();
        // Walk up from our own group to the outermost one delegated to us.
        let mut best = None;
        let mut dir = mount.join(own);
        while dir.starts_with(&mount) && dir != mount {
            let delegated = fs::metadata(&dir).is_ok_and(|m| m.uid() == uid)
                && NEEDED.iter().all(|c| controllers(&dir, "cgroup.subtree_control").iter().any(|h| h == c));
            if delegated {
                best = Some(dir.clone());
            }
            if !dir.pop() {
                break;
            }
        }
        best.map(|base| V2 { base })
    }

    fn dir(&self, id: &str) -> PathBuf {
        self.base.join("pontoon").join(id)
    }

    pub fn create(&self, id: &str) -> Result<Group> {
        let parent = self.base.join("pontoon");
        fs::create_dir_all(&parent).with_context(|| format!("create the cgroup {}", parent.display()))?;
        let available = controllers(&parent, "cgroup.controllers");
        let enable: Vec<String> = ["cpu", "cpuset", "io", "memory", "pids"].iter().filter(|c| available.iter().any(|a| a == *c)).map(|c| format!("+{c}")).collect();
        write(&parent, "cgroup.subtree_control", &enable.join(" "))?;
        let dir = self.dir(id);
        fs::create_dir_all(&dir).with_context(|| format!("create the cgroup {}", dir.display()))?;
        Ok(Group { dir })
    }

    pub fn open(&self, id: &str) -> Option<Group> {
        let dir = self.dir(id);
        dir.is_dir().then_some(Group { dir })
    }
}

impl Group {
    pub fn apply(&self, r: &LinuxResources) -> Result<()> {
        if let Some(m) = r.memory() {
            if let Some(limit) = m.limit() {
                write(&self.dir, "memory.max", &limit.to_string())?;
            }
            // v2 counts swap apart from memory: the total minus the limit
            // (no swap beyond the limit unless --memory-swap says so).
            let swap = match (m.swap(), m.limit()) {
                (Some(-1), _) => Some("max".to_string()),
                (Some(total), Some(limit)) => Some(total.saturating_sub(limit).max(0).to_string()),
                (Some(total), None) => Some(total.to_string()),
                (None, Some(_)) => Some("0".to_string()),
                (None, None) => None,
            };
            if let (Some(swap), true) = (swap, self.dir.join("memory.swap.max").exists()) {
                write(&self.dir, "memory.swap.max", &swap)?;
            }
            if let Some(reservation) = m.reservation() {
                write(&self.dir, "memory.low", &reservation.to_string())?;
            }
            // As Docker on v2: said (in the monitor's log) and left out.
            if m.swappiness().is_some() || m.disable_oom_killer() == Some(true) {
                eprintln!("WARNING: cgroup v2 has no memory.swappiness nor oom_kill_disable: --memory-swappiness and --oom-kill-disable are ignored");
            }
        }
        if let Some(cpu) = r.cpu() {
            if let Some(quota) = cpu.quota() {
                let quota = if quota < 0 { "max".to_string() } else { quota.to_string() };
                write(&self.dir, "cpu.max", &format!("{quota} {}", cpu.period().unwrap_or(100_000)))?;
            }
            if let Some(shares) = cpu.shares() {
                // The OCI conversion of v1 shares (2..262144) to a v2 weight (1..10000).
                let weight = 1 + (shares.clamp(2, 262_144) - 2) * 9999 / 262_142;
                write(&self.dir, "cpu.weight", &weight.to_string())?;
            }
            if let Some(cpus) = cpu.cpus() {
                write(&self.dir, "cpuset.cpus", cpus)?;
            }
            if let Some(mems) = cpu.mems() {
                write(&self.dir, "cpuset.mems", mems)?;
            }
        }
        if let Some(io) = r.block_io() {
            apply_io(&self.dir, io)?;
        }
        if let Some(pids) = r.pids() {
            let value = if pids.limit() > 0 { pids.limit().to_string() } else { "max".into() };
            write(&self.dir, "pids.max", &value)?;
        }
        if let Some(rules) = r.devices() {
            // Stays attached, without an fd, until the group is removed.
            // Rootless the kernel loads no device filter: say so (in the
            // monitor's log) and rely on the nodev mounts.
            match bpf_devices::attach(&self.dir, rules) {
                Err(e) if e.is_unavailable() => eprintln!("{e}"),
                other => other?,
            }
        }
        Ok(())
    }

    pub fn add(&self, pid: i32) -> Result<()> {
        write(&self.dir, "cgroup.procs", &pid.to_string())
    }

    pub fn freeze(&self, frozen: bool) -> Result<()> {
        write(&self.dir, "cgroup.freeze", if frozen { "1" } else { "0" })?;
        let want = if frozen { 1 } else { 0 };
        for _ in 0..500 {
            if keyed(self.dir.join("cgroup.events"), "frozen") == Some(want) {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        anyhow::bail!("the cgroup {} did not {}", self.dir.display(), if frozen { "freeze" } else { "thaw" })
    }

    pub fn oom_kills(&self) -> u64 {
        keyed(self.dir.join("memory.events"), "oom_kill").unwrap_or(0)
    }

    pub fn usage(&self) -> Usage {
        let usage = read_u64(self.dir.join("memory.current")).unwrap_or(0);
        let cache = keyed(self.dir.join("memory.stat"), "inactive_file").unwrap_or(0);
        let (mut read, mut written) = (0, 0);
        for line in fs::read_to_string(self.dir.join("io.stat")).unwrap_or_default().lines() {
            for field in line.split_whitespace() {
                if let Some(n) = field.strip_prefix("rbytes=").and_then(|n| n.parse::<u64>().ok()) {
                    read += n;
                }
                if let Some(n) = field.strip_prefix("wbytes=").and_then(|n| n.parse::<u64>().ok()) {
                    written += n;
                }
            }
        }
        Usage {
            memory_bytes: usage.saturating_sub(cache),
            memory_limit: read_u64(self.dir.join("memory.max")),
            cpu_nanos: keyed(self.dir.join("cpu.stat"), "usage_usec").unwrap_or(0) * 1000,
            pids: read_u64(self.dir.join("pids.current")).unwrap_or(0),
            block_read: read,
            block_write: written,
        }
    }

    pub fn remove(&self) {
        remove_dir(&self.dir);
    }

    pub fn procs(&self) -> Vec<i32> {
        super::read_procs(&self.dir)
    }
}

/// Block I/O on v2: io.weight (or io.bfq.weight) and io.max.
fn apply_io(dir: &Path, io: &oci_spec::runtime::LinuxBlockIo) -> Result<()> {
    let weight_file = if dir.join("io.bfq.weight").exists() { "io.bfq.weight" } else { "io.weight" };
    if let Some(w) = io.weight() {
        write(dir, weight_file, &w.to_string())?;
    }
    for d in io.weight_device().iter().flatten() {
        if let Some(w) = d.weight() {
            write(dir, weight_file, &format!("{}:{} {w}", d.major(), d.minor()))?;
        }
    }
    let limits = [
        ("rbps", io.throttle_read_bps_device()),
        ("wbps", io.throttle_write_bps_device()),
        ("riops", io.throttle_read_iops_device()),
        ("wiops", io.throttle_write_iops_device()),
    ];
    for (key, list) in limits {
        for d in list.iter().flatten() {
            write(dir, "io.max", &format!("{}:{} {key}={}", d.major(), d.minor(), d.rate()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuning_lands_in_the_v2_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("memory.swap.max"), "").unwrap();
        Group { dir: dir.path().to_path_buf() }.apply(&super::super::v1::tests::tuned_resources()).unwrap();
        let read = |f: &str| fs::read_to_string(dir.path().join(f)).unwrap();
        assert_eq!(read("memory.max"), "67108864");
        assert_eq!(read("memory.swap.max"), "67108864", "v2 counts swap apart: total minus the limit");
        assert_eq!(read("memory.low"), "33554432");
        assert_eq!(read("cpu.max"), "25000 50000");
        assert_eq!(read("cpu.weight"), "20", "512 shares as a v2 weight");
        assert_eq!(read("cpuset.cpus"), "0");
        assert_eq!(read("io.weight"), "300");
        assert_eq!(read("io.max"), "254:0 rbps=1048576");
    }
}
