//! `compose logs` and attached `up`: every container's log, each line
//! prefixed by the container's name (coloured on a terminal, padded so the
//! lines align, as docker compose prints them), followed in one loop over
//! the log files, with no thread per container.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use crate::engine::lifecycle::is_running;
use crate::monitor::logfile;
use crate::store::containers::Container;
use crate::store::Store;

/// Colours docker compose cycles through for service prefixes.
const COLOURS: [u8; 6] = [36, 33, 32, 35, 34, 31];

pub struct LogView {
    pub follow: bool,
    /// Lines from the end of each log; None for all.
    pub tail: Option<usize>,
    pub timestamps: bool,
    pub no_prefix: bool,
    pub colour: bool,
}

struct Source {
    id: String,
    prefix: String,
    path: PathBuf,
    offset: u64,
    done: bool,
}

/// Prints the logs; with `follow`, until every container has stopped, or
/// `stop_early` says so: it is asked on every round (with None) and for
/// each container that stopped (with it).
pub fn show(store: &Store, containers: &[Container], view: &LogView, mut stop_early: impl FnMut(Option<&Container>) -> bool) -> Result<()> {
    let width = containers.iter().map(|c| c.record.name.len()).max().unwrap_or(0);
    let mut sources: Vec<Source> = containers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = format!("{:width$}", c.record.name);
            let prefix = match (view.no_prefix, view.colour) {
                (true, _) => String::new(),
                (false, true) => format!("\x1b[{}m{name}  |\x1b[0m ", COLOURS[i % COLOURS.len()]),
                (false, false) => format!("{name}  | "),
            };
            Source { id: c.record.id.clone(), prefix, path: crate::engine::logs::log_path(store, &c.record), offset: 0, done: false }
        })
        .collect();
    let mut out = std::io::stdout();
    for s in &mut sources {
        let (records, next) = logfile::read_from(&s.path, 0)?;
        s.offset = next;
        let start = view.tail.map_or(0, |n| records.len().saturating_sub(n));
        print_records(&mut out, s, &records[start..], view.timestamps)?;
    }
    if !view.follow {
        return Ok(());
    }
    loop {
        let mut stop = false;
        for s in sources.iter_mut().filter(|s| !s.done) {
            let c = store.containers.load(&s.id)?;
            let running = is_running(&c);
            let (records, next) = logfile::read_from(&s.path, s.offset)?;
            s.offset = next;
            print_records(&mut out, s, &records, view.timestamps)?;
            if !running {
                s.done = true;
                stop |= stop_early(Some(&c));
            }
        }
        if stop || stop_early(None) || sources.iter().all(|s| s.done) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn print_records(out: &mut impl Write, s: &Source, records: &[logfile::LogRecord], timestamps: bool) -> Result<()> {
    for r in records {
        let mut line = s.prefix.clone().into_bytes();
        if timestamps {
            line.extend(r.time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true).into_bytes());
            line.push(b' ');
        }
        line.extend(&r.text);
        if r.full {
            line.push(b'\n');
        }
        out.write_all(&line)?;
    }
    out.flush()?;
    Ok(())
}
