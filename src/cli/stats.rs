//! `pontoon stats`, `pause` and `unpause`: engine::stats samples, this file
//! prints the rows as Docker does.

use std::time::Duration;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::output::print_rows;
use super::Ctx;
use crate::engine::stats::{Sampler, StatsRow, SAMPLE};
use crate::format::table::Table;

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Show all containers (default: running only)
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub latest: super::targets::Latest,
    /// Seconds between samples (default 1)
    #[arg(short, long, value_name = "SECONDS", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
    /// Do not clear the screen between samples (each is printed below the last)
    #[arg(long)]
    pub no_reset: bool,
    #[command(flatten)]
    pub display: StatsDisplay,
    pub containers: Vec<String>,
}

/// How `stats` and `pod stats` show their samples.
#[derive(Args, Debug)]
pub struct StatsDisplay {
    /// Print one sample and exit
    #[arg(long)]
    pub no_stream: bool,
    /// Do not truncate Ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
}

impl StatsDisplay {
    /// Prints `sample()`'s rows once a second (redrawing the screen, as
    /// `docker stats` does) or once with --no-stream; `render` draws the
    /// table form.
    pub fn show(&self, sample: impl FnMut() -> Result<Vec<serde_json::Value>>, render: impl Fn(&[serde_json::Value]) -> String) -> Result<()> {
        self.show_every(Duration::from_secs(1), true, sample, render)
    }

    /// [`StatsDisplay::show`] with a sample every `interval`, clearing the
    /// screen before each unless `clear` is false (`stats --no-reset`).
    pub fn show_every(
        &self,
        interval: Duration,
        clear: bool,
        mut sample: impl FnMut() -> Result<Vec<serde_json::Value>>,
        render: impl Fn(&[serde_json::Value]) -> String,
    ) -> Result<()> {
        loop {
            let rows = sample()?;
            if !self.no_stream && clear {
                print!("\x1b[2J\x1b[H");
            }
            print_rows(&rows, self.format.as_deref(), &render)?;
            if self.no_stream {
                return Ok(());
            }
            std::thread::sleep(interval.saturating_sub(SAMPLE));
        }
    }
}

#[derive(Args, Debug)]
pub struct PauseArgs {
    /// Do not fail on containers that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub select: super::targets::Selection,
}

pub fn pause(ctx: &Ctx, args: PauseArgs, paused: bool) -> Result<()> {
    let store = ctx.store_files_only()?;
    let (verb, applies): (&str, &dyn Fn(&crate::store::containers::Container) -> bool) = match paused {
        // --all pauses the running containers and unpauses the paused ones.
        true => ("pause", &|c| crate::engine::lifecycle::is_running(c) && c.state.status != crate::store::containers::Status::Paused),
        false => ("unpause", &|c| c.state.status == crate::store::containers::Status::Paused),
    };
    let wanted = super::targets::Wanted { verb, applies, ignore_missing: args.ignore };
    super::targets::for_each_target(args.select.resolve(&store, &wanted)?, |t| match paused {
        true => crate::engine::pause::pause(&store, &t.container),
        false => crate::engine::pause::unpause(&store, &t.container),
    })
}

pub fn stats(ctx: &Ctx, args: StatsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let containers = match args.latest.latest {
        true => args.latest.names(&store, "stats", &args.containers)?,
        false => args.containers.clone(),
    };
    let sampler = Sampler::new();
    let no_trunc = args.display.no_trunc;
    args.display.show_every(
        Duration::from_secs(args.interval),
        !args.no_reset,
        || Ok(sampler.rows(&store, &containers, args.all)?.iter().map(|r| row(r, no_trunc)).collect()),
        |rows| {
            let mut table = Table::new(["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"]);
            for r in rows {
                let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
                table.push(vec![s("ID"), s("Name"), s("CPUPerc"), s("MemUsage"), s("MemPerc"), s("NetIO"), s("BlockIO"), s("PIDs")]);
            }
            table.render()
        },
    )
}

pub fn row(r: &StatsRow, no_trunc: bool) -> serde_json::Value {
    let id = if no_trunc { r.id.clone() } else { r.id[..12].to_string() };
    json!({
        "ID": id,
        "Container": id,
        "Name": r.name,
        "CPUPerc": format!("{:.2}%", r.cpu_percent),
        "MemUsage": format!("{} / {}", bin_size(r.memory_bytes), bin_size(r.memory_limit)),
        "MemPerc": format!("{:.2}%", r.memory_percent),
        "NetIO": format!("{} / {}", dec_size(r.net_io.0), dec_size(r.net_io.1)),
        "BlockIO": format!("{} / {}", dec_size(r.block_read), dec_size(r.block_write)),
        "PIDs": r.pids.to_string(),
    })
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
