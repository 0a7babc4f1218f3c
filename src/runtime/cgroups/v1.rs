//! cgroup v1: one hierarchy per controller (memory, cpu, cpuacct, pids,
//! freezer, blkio, cpuset, devices), found in /proc/self/mountinfo; the container's group
//! is `pontoon/<id>` in each. Only root may create groups there.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use oci_spec::runtime::LinuxResources;

use super::{keyed, read_u64, remove_dir, write, Usage};

const CONTROLLERS: &[&str] = &["memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "blkio", "devices"];
/// Without these, pontoon cannot honour its flags; the others only feed `stats`.
const REQUIRED: &[&str] = &["memory", "cpu", "pids", "freezer"];

#[derive(Clone, Debug)]
pub struct V1 {
    /// Controller name -> where its hierarchy is mounted.
    mounts: BTreeMap<&'static str, PathBuf>,
}

#[derive(Clone, Debug)]
pub struct Group {
    /// Controller name -> the container's group directory.
    dirs: BTreeMap<&'static str, PathBuf>,
}

impl V1 {
    pub fn find(mountinfo: &str) -> Option<V1> {
        let mut mounts = BTreeMap::new();
        for line in mountinfo.lines() {
            let Some((left, right)) = line.split_once(" - ") else { continue };
            let mut r = right.split(' ');
            if r.next() != Some("cgroup") {
                continue;
            }
            let options = r.nth(1).unwrap_or_default();
            let Some(point) = left.split(' ').nth(4) else { continue };
            for c in CONTROLLERS {
                if options.split(',').any(|o| o == *c) {
                    mounts.entry(*c).or_insert_with(|| PathBuf::from(point));
                }
            }
        }
        REQUIRED.iter().all(|c| mounts.contains_key(c)).then_some(V1 { mounts })
    }

    /// Whether the devices controller is mounted (it guards host devices).
    pub fn has_devices(&self) -> bool {
        self.mounts.contains_key("devices")
    }

    fn dirs(&self, id: &str) -> BTreeMap<&'static str, PathBuf> {
        self.mounts.iter().map(|(c, m)| (*c, m.join("pontoon").join(id))).collect()
    }

    pub fn create(&self, id: &str) -> Result<Group> {
        let dirs = self.dirs(id);
        for dir in dirs.values() {
            fs::create_dir_all(dir).with_context(|| format!("create the cgroup {}", dir.display()))?;
        }
        if let Some(dir) = dirs.get("cpuset") {
            // A new cpuset group starts with no CPU and no memory node, and
            // takes no process until it has some: inherit the parent's.
            for level in [dir.parent(), Some(dir.as_path())].into_iter().flatten() {
                inherit_cpuset(level)?;
            }
        }
        Ok(Group { dirs })
    }

    pub fn open(&self, id: &str) -> Option<Group> {
        let dirs = self.dirs(id);
        dirs.get("memory").is_some_and(|d| d.is_dir()).then_some(Group { dirs })
    }
}

impl Group {
    fn dir(&self, controller: &str) -> Option<&PathBuf> {
        self.dirs.get(controller)
    }

    pub fn apply(&self, r: &LinuxResources) -> Result<()> {
        if let (Some(m), Some(dir)) = (r.memory().as_ref(), self.dir("memory")) {
            apply_memory(dir, m)?;
        }
        if let (Some(cpu), Some(dir)) = (r.cpu().as_ref(), self.dir("cpu")) {
            if let Some(period) = cpu.period() {
                write(dir, "cpu.cfs_period_us", &period.to_string())?;
            }
            if let Some(quota) = cpu.quota() {
                write(dir, "cpu.cfs_quota_us", &quota.to_string())?;
            }
            if let Some(shares) = cpu.shares() {
                write(dir, "cpu.shares", &shares.to_string())?;
            }
        }
        if let Some(cpu) = r.cpu().as_ref().filter(|c| c.cpus().is_some() || c.mems().is_some()) {
            let dir = self.dir("cpuset").context("cannot apply --cpuset-cpus or --cpuset-mems: the cgroup v1 cpuset controller is not mounted")?;
            if let Some(cpus) = cpu.cpus() {
                write(dir, "cpuset.cpus", cpus)?;
            }
            if let Some(mems) = cpu.mems() {
                write(dir, "cpuset.mems", mems)?;
            }
        }
        if let Some(io) = r.block_io() {
            let dir = self.dir("blkio").context("cannot apply the --blkio-* and --device-*-bps/iops limits: the cgroup v1 blkio controller is not mounted")?;
            apply_block_io(dir, io)?;
        }
        if let (Some(pids), Some(dir)) = (r.pids().as_ref(), self.dir("pids")) {
            let value = if pids.limit() > 0 { pids.limit().to_string() } else { "max".into() };
            write(dir, "pids.max", &value)?;
        }
        if let (Some(rules), Some(dir)) = (r.devices().as_ref(), self.dir("devices")) {
            // In order, as the OCI spec says: the list starts with "deny all".
            for rule in rules {
                let file = if rule.allow() { "devices.allow" } else { "devices.deny" };
                write(dir, file, &device_rule(rule))?;
            }
        }
        Ok(())
    }

    pub fn add(&self, pid: i32) -> Result<()> {
        for dir in self.dirs.values() {
            write(dir, "cgroup.procs", &pid.to_string())?;
        }
        Ok(())
    }

    pub fn freeze(&self, frozen: bool) -> Result<()> {
        let dir = self.dir("freezer").context("the freezer controller is not mounted")?;
        let want = if frozen { "FROZEN" } else { "THAWED" };
        write(dir, "freezer.state", want)?;
        // Freezing completes asynchronously; wait until it has.
        for _ in 0..500 {
            if fs::read_to_string(dir.join("freezer.state")).unwrap_or_default().trim() == want {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        anyhow::bail!("the freezer of {} did not reach {want}", dir.display())
    }

    pub fn oom_kills(&self) -> u64 {
        self.dir("memory").and_then(|d| keyed(d.join("memory.oom_control"), "oom_kill")).unwrap_or(0)
    }

    pub fn usage(&self) -> Usage {
        let mem = self.dir("memory");
        let usage = mem.and_then(|d| read_u64(d.join("memory.usage_in_bytes"))).unwrap_or(0);
        // Docker subtracts the page cache that can be reclaimed.
        let cache = mem.and_then(|d| keyed(d.join("memory.stat"), "total_inactive_file")).unwrap_or(0);
        let limit = mem.and_then(|d| read_u64(d.join("memory.limit_in_bytes"))).filter(|l| *l < (1 << 62));
        let (read, written) = self.dir("blkio").map(|d| blkio(d.join("blkio.throttle.io_service_bytes"))).unwrap_or((0, 0));
        Usage {
            memory_bytes: usage.saturating_sub(cache),
            memory_limit: limit,
            cpu_nanos: self.dir("cpuacct").and_then(|d| read_u64(d.join("cpuacct.usage"))).unwrap_or(0),
            pids: self.dir("pids").and_then(|d| read_u64(d.join("pids.current"))).unwrap_or(0),
            block_read: read,
            block_write: written,
        }
    }

    pub fn remove(&self) {
        for dir in self.dirs.values() {
            remove_dir(dir);
        }
    }

    /// Every process of the group (each controller holds them all).
    pub fn procs(&self) -> Vec<i32> {
        let mut all: Vec<i32> = self.dirs.values().flat_map(|d| super::read_procs(d)).collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Copies the parent's cpuset.cpus and cpuset.mems into `dir` where
/// they are still empty.
fn inherit_cpuset(dir: &std::path::Path) -> Result<()> {
    let Some(parent) = dir.parent() else { return Ok(()) };
    for file in ["cpuset.cpus", "cpuset.mems"] {
        let own = fs::read_to_string(dir.join(file)).unwrap_or_default();
        if own.trim().is_empty() {
            let from = fs::read_to_string(parent.join(file)).with_context(|| format!("read {}", parent.join(file).display()))?;
            write(dir, file, from.trim())?;
        }
    }
    Ok(())
}

fn apply_memory(dir: &std::path::Path, m: &oci_spec::runtime::LinuxMemory) -> Result<()> {
    if let Some(limit) = m.limit() {
        write(dir, "memory.limit_in_bytes", &limit.to_string())?;
    }
    // memsw exists only with swap accounting. Without --memory-swap there
    // is no swap beyond the limit: the limit means what it says even on
    // hosts with swap.
    let memsw = dir.join("memory.memsw.limit_in_bytes").exists();
    match (m.swap(), m.limit()) {
        (Some(_), _) if !memsw => anyhow::bail!(
            "cannot apply --memory-swap: this kernel does not account swap (no memory.memsw.limit_in_bytes); boot it with swapaccount=1 or drop --memory-swap"
        ),
        (Some(total), _) => write(dir, "memory.memsw.limit_in_bytes", &total.to_string())?,
        (None, Some(limit)) if memsw => write(dir, "memory.memsw.limit_in_bytes", &limit.to_string())?,
        _ => {}
    }
    if let Some(reservation) = m.reservation() {
        write(dir, "memory.soft_limit_in_bytes", &reservation.to_string())?;
    }
    if let Some(swappiness) = m.swappiness() {
        write(dir, "memory.swappiness", &swappiness.to_string())?;
    }
    if m.disable_oom_killer() == Some(true) {
        write(dir, "memory.oom_control", "1")?;
    }
    Ok(())
}

/// Weights go to blkio.weight, or with the BFQ scheduler (the only one
/// with weights on current kernels) to blkio.bfq.weight.
fn apply_block_io(dir: &std::path::Path, io: &oci_spec::runtime::LinuxBlockIo) -> Result<()> {
    let weight_file = |name: &str| -> Result<String> {
        [format!("blkio.{name}"), format!("blkio.bfq.{name}")].into_iter().find(|f| dir.join(f).exists()).with_context(|| {
            format!("cannot apply --blkio-weight: the kernel offers no blkio.{name} (load the bfq I/O scheduler, or drop the flag)")
        })
    };
    if let Some(w) = io.weight() {
        write(dir, &weight_file("weight")?, &w.to_string())?;
    }
    for d in io.weight_device().iter().flatten() {
        if let Some(w) = d.weight() {
            let (major, minor) = (d.major(), d.minor());
            write(dir, &weight_file("weight_device")?, &format!("{major}:{minor} {w}")).map_err(|e| {
                let unsupported = e.root_cause().downcast_ref::<std::io::Error>().and_then(|e| e.raw_os_error()) == Some(libc::EOPNOTSUPP);
                if unsupported {
                    anyhow::anyhow!(
                        "cannot apply --blkio-weight-device to device {major}:{minor}: its I/O scheduler has no weights (only bfq has; see /sys/dev/block/{major}:{minor}/queue/scheduler)"
                    )
                } else {
                    e
                }
            })?;
        }
    }
    let throttles = [
        ("read_bps_device", io.throttle_read_bps_device()),
        ("write_bps_device", io.throttle_write_bps_device()),
        ("read_iops_device", io.throttle_read_iops_device()),
        ("write_iops_device", io.throttle_write_iops_device()),
    ];
    for (name, list) in throttles {
        for d in list.iter().flatten() {
            write(dir, &format!("blkio.throttle.{name}"), &format!("{}:{} {}", d.major(), d.minor(), d.rate()))?;
        }
    }
    Ok(())
}

/// A rule in the devices controller's syntax: `c 1:3 rwm`, `a *:* rwm`.
fn device_rule(rule: &oci_spec::runtime::LinuxDeviceCgroup) -> String {
    use oci_spec::runtime::LinuxDeviceType;
    let typ = match rule.typ() {
        Some(LinuxDeviceType::C) | Some(LinuxDeviceType::U) => "c",
        Some(LinuxDeviceType::B) => "b",
        _ => "a",
    };
    let number = |n: Option<i64>| n.map_or("*".to_string(), |n| n.to_string());
    let access = rule.access().clone().unwrap_or_else(|| "rwm".into());
    format!("{typ} {}:{} {access}", number(rule.major()), number(rule.minor()))
}

/// Sums the Read and Write lines of blkio.throttle.io_service_bytes.
fn blkio(path: PathBuf) -> (u64, u64) {
    let text = fs::read_to_string(path).unwrap_or_default();
    let mut sums = (0, 0);
    for line in text.lines() {
        let mut f = line.split_whitespace();
        let (_, op, n) = (f.next(), f.next(), f.next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0));
        match op {
            Some("Read") => sums.0 += n,
            Some("Write") => sums.1 += n,
            _ => {}
        }
    }
    sums
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn hybrid_mountinfo_finds_each_controller() {
        let info = "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n\
                    31 25 0:27 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n\
                    32 25 0:28 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n\
                    33 25 0:29 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer\n\
                    34 25 0:30 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
        let v1 = V1::find(info).unwrap();
        assert_eq!(v1.dirs("abc")["memory"], PathBuf::from("/sys/fs/cgroup/memory/pontoon/abc"));
        assert!(V1::find("34 25 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n").is_none());
        assert!(!v1.has_devices());
    }

    #[test]
    fn device_rules_in_the_controllers_syntax() {
        let rules = crate::spec::devices::default_rules();
        assert_eq!(device_rule(&rules[0]), "a *:* rwm");
        assert_eq!(device_rule(&rules[1]), "c *:* m");
        assert!(rules.iter().map(device_rule).any(|r| r == "c 136:* rwm"));
    }

    /// The tuning flags' resources as the OCI spec carries them.
    pub(crate) fn tuned_resources() -> LinuxResources {
        let json = serde_json::json!({
            "memory": { "limit": 67108864, "swap": 134217728, "reservation": 33554432, "swappiness": 10, "disableOOMKiller": true },
            "cpu": { "shares": 512, "period": 50000, "quota": 25000, "cpus": "0", "mems": "0" },
            "blockIO": { "weight": 300, "throttleReadBpsDevice": [{ "major": 254, "minor": 0, "rate": 1048576 }] }
        });
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn tuning_lands_in_the_v1_files() {
        let root = tempfile::tempdir().unwrap();
        let dirs: BTreeMap<&'static str, PathBuf> = ["memory", "cpu", "cpuset", "blkio"].iter().map(|c| (*c, root.path().join(c))).collect();
        for d in dirs.values() {
            fs::create_dir_all(d).unwrap();
        }
        // Swap accounting and the bfq weight file, as on this kind of host.
        fs::write(dirs["memory"].join("memory.memsw.limit_in_bytes"), "").unwrap();
        fs::write(dirs["blkio"].join("blkio.bfq.weight"), "").unwrap();
        Group { dirs: dirs.clone() }.apply(&tuned_resources()).unwrap();
        let read = |c: &str, f: &str| fs::read_to_string(dirs[c].join(f)).unwrap();
        assert_eq!(read("memory", "memory.memsw.limit_in_bytes"), "134217728");
        assert_eq!(read("memory", "memory.soft_limit_in_bytes"), "33554432");
        assert_eq!(read("memory", "memory.oom_control"), "1");
        assert_eq!(read("cpu", "cpu.shares"), "512");
        assert_eq!(read("cpuset", "cpuset.cpus"), "0");
        assert_eq!(read("blkio", "blkio.bfq.weight"), "300");
        assert_eq!(read("blkio", "blkio.throttle.read_bps_device"), "254:0 1048576");
        fs::remove_file(dirs["memory"].join("memory.memsw.limit_in_bytes")).unwrap();
        let err = Group { dirs }.apply(&tuned_resources()).unwrap_err().to_string();
        assert!(err.contains("--memory-swap") && err.contains("swapaccount=1"), "{err}");
    }
}
