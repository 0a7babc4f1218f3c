//! What `pontoon stats` shows. Usage comes from the container's cgroup
//! when it has one, else from /proc (its processes' RSS and CPU time);
//! CPU % is the CPU time used between two samples over the wall time
//! between them, as Docker computes it.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::engine::lifecycle::is_running;
use crate::runtime::cgroups::{self, procfs, Usage};
use crate::store::containers::Container;
use crate::store::Store;

/// Time between the two samples of one CPU % reading.
pub const SAMPLE: Duration = Duration::from_millis(500);

/// One container's usage over one sampling interval.
pub struct StatsRow {
    pub id: String,
    pub name: String,
    /// 100 is one CPU fully used.
    pub cpu_percent: f64,
    pub memory_bytes: u64,
    /// The container's memory limit, at most the host's memory.
    pub memory_limit: u64,
    pub memory_percent: f64,
    /// Bytes received and sent.
    pub net_io: (u64, u64),
    pub block_read: u64,
    pub block_write: u64,
    pub pids: u64,
}

/// Samples containers: the cgroup backend and CPU count are read once.
pub struct Sampler {
    backend: cgroups::Backend,
    cpus: f64,
}

struct Sample {
    usage: Usage,
    net: (u64, u64),
    at: Instant,
}

impl Sampler {
    pub fn new() -> Self {
        // SAFETY: sysconf only reads configuration.
        let cpus = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }.max(1) as f64;
        Sampler { backend: cgroups::detect(), cpus }
    }

    /// The containers named, or every running one (every one with `all`),
    /// sampled twice [`SAMPLE`] apart.
    pub fn rows(&self, store: &Store, names: &[String], all: bool) -> Result<Vec<StatsRow>> {
        let containers = selected(store, names, all)?;
        let first: Vec<Option<Sample>> = containers.iter().map(|c| self.sample(c)).collect();
        std::thread::sleep(SAMPLE);
        Ok(containers.iter().zip(first).map(|(c, before)| self.row(c, before, self.sample(c))).collect())
    }

    fn sample(&self, c: &Container) -> Option<Sample> {
        let init = c.state.pid?;
        let usage = match self.backend.open(&c.record.id) {
            Some(group) => group.usage(),
            None => procfs::usage(init),
        };
        Some(Sample { usage, net: procfs::net_io(init), at: Instant::now() })
    }

    fn row(&self, c: &Container, before: Option<Sample>, after: Option<Sample>) -> StatsRow {
        let host_memory = host_memory();
        let (cpu, usage, net) = match (before, after) {
            (Some(b), Some(a)) => {
                let wall = a.at.duration_since(b.at).as_nanos().max(1) as f64;
                let used = a.usage.cpu_nanos.saturating_sub(b.usage.cpu_nanos) as f64;
                // Docker's CPU %: 100% is one CPU fully used; the cap is all of them.
                ((used / wall * 100.0).min(self.cpus * 100.0), a.usage, a.net)
            }
            _ => (0.0, Usage::default(), (0, 0)),
        };
        let limit = usage.memory_limit.unwrap_or(host_memory).min(host_memory.max(1));
        let memory_percent = if limit > 0 { usage.memory_bytes as f64 * 100.0 / limit as f64 } else { 0.0 };
        StatsRow {
            id: c.record.id.clone(),
            name: c.record.name.clone(),
            cpu_percent: cpu,
            memory_bytes: usage.memory_bytes,
            memory_limit: limit,
            memory_percent,
            net_io: net,
            block_read: usage.block_read,
            block_write: usage.block_write,
            pids: usage.pids,
        }
    }
}

impl Default for Sampler {
    fn default() -> Self {
        Self::new()
    }
}

fn selected(store: &Store, names: &[String], all: bool) -> Result<Vec<Container>> {
    if names.is_empty() {
        let mut list = store.containers.list()?;
        list.retain(|c| all || is_running(c));
        return Ok(list);
    }
    names.iter().map(|n| store.containers.find(n)).collect()
}

fn host_memory() -> u64 {
    let info = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()))
        .map(|kb| kb * 1024)
        .unwrap_or(0)
}
