//! cgroup v1: one hierarchy per controller (memory, cpu, cpuacct, pids,
//! freezer, blkio), found in /proc/self/mountinfo; the container's group
//! is `pontoon/<id>` in each. Only root may create groups there.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use oci_spec::runtime::LinuxResources;

use super::{keyed, read_u64, remove_dir, write, Usage};

const CONTROLLERS: &[&str] = &["memory", "cpu", "cpuacct", "pids", "freezer", "blkio", "devices"];
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
        if let (Some(limit), Some(dir)) = (r.memory().as_ref().and_then(|m| m.limit()), self.dir("memory")) {
            write(dir, "memory.limit_in_bytes", &limit.to_string())?;
            // No swap beyond the limit: the limit means what it says even
            // on hosts with swap (memsw exists only with swap accounting).
            if dir.join("memory.memsw.limit_in_bytes").exists() {
                write(dir, "memory.memsw.limit_in_bytes", &limit.to_string())?;
            }
        }
        if let (Some(cpu), Some(dir)) = (r.cpu().as_ref(), self.dir("cpu")) {
            if let Some(period) = cpu.period() {
                write(dir, "cpu.cfs_period_us", &period.to_string())?;
            }
            if let Some(quota) = cpu.quota() {
                write(dir, "cpu.cfs_quota_us", &quota.to_string())?;
            }
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
mod tests {
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
}
