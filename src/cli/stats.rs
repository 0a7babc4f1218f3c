//! `pontoon stats`, `pause` and `unpause`. Stats come from the container's
//! cgroup when it has one, else from /proc (its processes' RSS and CPU
//! time); CPU % is the CPU time used between two samples over the wall
//! time between them, as Docker computes it.

use std::time::{Duration, Instant};

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::output::{for_each, print_rows};
use super::Ctx;
use crate::engine::lifecycle::is_running;
use crate::format::table::Table;
use crate::runtime::cgroups::{self, procfs, Usage};
use crate::store::containers::Container;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Show all containers (default: running only)
    #[arg(short, long)]
    pub all: bool,
    /// Print one sample and exit
    #[arg(long)]
    pub no_stream: bool,
    /// Do not truncate Ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PauseArgs {
    #[arg(required = true)]
    pub containers: Vec<String>,
}

/// Time between the two samples of one CPU % reading.
const SAMPLE: Duration = Duration::from_millis(500);

pub fn pause(ctx: &Ctx, args: PauseArgs, paused: bool) -> Result<()> {
    let store = ctx.store_files_only()?;
    for_each(&args.containers, |name| {
        let c = store.containers.find(name)?;
        if paused {
            crate::engine::pause::pause(&store, &c)?;
        } else {
            crate::engine::pause::unpause(&store, &c)?;
        }
        println!("{name}");
        Ok(())
    })
}

struct Sample {
    usage: Usage,
    net: (u64, u64),
    at: Instant,
}

fn sample(c: &Container, backend: &cgroups::Backend) -> Option<Sample> {
    let init = c.state.pid?;
    let usage = match backend.open(&c.record.id) {
        Some(group) => group.usage(),
        None => procfs::usage(init),
    };
    Some(Sample { usage, net: procfs::net_io(init), at: Instant::now() })
}

fn selected(store: &Store, args: &StatsArgs) -> Result<Vec<Container>> {
    if args.containers.is_empty() {
        let mut all = store.containers.list()?;
        all.retain(|c| args.all || is_running(c));
        return Ok(all);
    }
    args.containers.iter().map(|n| store.containers.find(n)).collect()
}

pub fn stats(ctx: &Ctx, args: StatsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let backend = cgroups::detect();
    // SAFETY: sysconf only reads configuration.
    let cpus = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }.max(1) as f64;
    loop {
        let containers = selected(&store, &args)?;
        let first: Vec<Option<Sample>> = containers.iter().map(|c| sample(c, &backend)).collect();
        std::thread::sleep(SAMPLE);
        let rows: Vec<serde_json::Value> = containers
            .iter()
            .zip(first)
            .map(|(c, before)| row(c, before, sample(c, &backend), cpus, args.no_trunc))
            .collect();
        if !args.no_stream {
            // Clear the screen and redraw, as `docker stats` does.
            print!("\x1b[2J\x1b[H");
        }
        print_rows(&rows, args.format.as_deref(), |rows| {
            let mut table = Table::new(["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"]);
            for r in rows {
                let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
                table.push(vec![s("ID"), s("Name"), s("CPUPerc"), s("MemUsage"), s("MemPerc"), s("NetIO"), s("BlockIO"), s("PIDs")]);
            }
            table.render()
        })?;
        if args.no_stream {
            return Ok(());
        }
        std::thread::sleep(Duration::from_secs(1).saturating_sub(SAMPLE));
    }
}

fn row(c: &Container, before: Option<Sample>, after: Option<Sample>, cpus: f64, no_trunc: bool) -> serde_json::Value {
    let id = if no_trunc { c.record.id.clone() } else { c.record.id[..12].to_string() };
    let host_memory = host_memory();
    let (cpu, usage, net) = match (before, after) {
        (Some(b), Some(a)) => {
            let wall = a.at.duration_since(b.at).as_nanos().max(1) as f64;
            let used = a.usage.cpu_nanos.saturating_sub(b.usage.cpu_nanos) as f64;
            // Docker's CPU %: 100% is one CPU fully used; the cap is all of them.
            ((used / wall * 100.0).min(cpus * 100.0), a.usage, a.net)
        }
        _ => (0.0, Usage::default(), (0, 0)),
    };
    let limit = usage.memory_limit.unwrap_or(host_memory).min(host_memory.max(1));
    let mem_perc = if limit > 0 { usage.memory_bytes as f64 * 100.0 / limit as f64 } else { 0.0 };
    json!({
        "ID": id,
        "Container": id,
        "Name": c.record.name,
        "CPUPerc": format!("{cpu:.2}%"),
        "MemUsage": format!("{} / {}", bin_size(usage.memory_bytes), bin_size(limit)),
        "MemPerc": format!("{mem_perc:.2}%"),
        "NetIO": format!("{} / {}", dec_size(net.0), dec_size(net.1)),
        "BlockIO": format!("{} / {}", dec_size(usage.block_read), dec_size(usage.block_write)),
        "PIDs": usage.pids.to_string(),
    })
}

fn host_memory() -> u64 {
    let info = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()))
        .map(|kb| kb * 1024)
        .unwrap_or(0)
}

/// Memory as Docker prints it: binary units (KiB, MiB, GiB).
fn bin_size(bytes: u64) -> String {
    scaled(bytes, 1024.0, &["B", "KiB", "MiB", "GiB", "TiB"])
}

/// Network and block I/O as Docker prints them: decimal units (kB, MB).
fn dec_size(bytes: u64) -> String {
    scaled(bytes, 1000.0, &["B", "kB", "MB", "GB", "TB"])
}

fn scaled(bytes: u64, base: f64, units: &[&str]) -> String {
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= base && unit + 1 < units.len() {
        value /= base;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes}{}", units[0])
    } else {
        format!("{value:.3}{}", units[unit]).replacen(".000", "", 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_print_as_docker_prints_them() {
        assert_eq!(bin_size(64 << 20), "64MiB");
        assert_eq!(bin_size(1536), "1.500KiB");
        assert_eq!(dec_size(999), "999B");
        assert_eq!(dec_size(1_500_000), "1.500MB");
    }
}
