//! What a container uses when it has no cgroup: its processes are the
//! init and its descendants (found through the ppid field of
//! /proc/PID/stat, which every user may read), and their usage is summed
//! from /proc. Also used to stop and continue them when no freezer exists.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use super::Usage;

/// The init and all its descendants, init first.
pub fn container_pids(init: i32) -> Vec<i32> {
    let mut children: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else { continue };
        if let Some(ppid) = stat_fields(pid).and_then(|f| f.get(1).and_then(|p| p.parse::<i32>().ok())) {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut out = vec![init];
    let mut seen = BTreeSet::from([init]);
    let mut i = 0;
    while i < out.len() {
        for &child in children.get(&out[i]).map(Vec::as_slice).unwrap_or_default() {
            if seen.insert(child) {
                out.push(child);
            }
        }
        i += 1;
    }
    out
}

/// The fields of /proc/PID/stat after the command name: state is [0],
/// ppid [1], utime [11], stime [12].
fn stat_fields(pid: i32) -> Option<Vec<String>> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = text.rsplit_once(')')?.1;
    Some(after.split_whitespace().map(String::from).collect())
}

pub fn usage(init: i32) -> Usage {
    // SAFETY: sysconf with valid constants only reads configuration.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as u64;
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let pids = container_pids(init);
    let mut usage = Usage { pids: pids.len() as u64, ..Default::default() };
    for pid in &pids {
        let rss = fs::read_to_string(format!("/proc/{pid}/statm")).ok().and_then(|s| s.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()));
        usage.memory_bytes += rss.unwrap_or(0) * page;
        if let Some(f) = stat_fields(*pid) {
            let t = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            usage.cpu_nanos += (t(11) + t(12)) * 1_000_000_000 / ticks;
        }
    }
    usage
}

/// Received and sent bytes on the container's interfaces other than lo.
pub fn net_io(init: i32) -> (u64, u64) {
    let text = fs::read_to_string(format!("/proc/{init}/net/dev")).unwrap_or_default();
    let mut sums = (0, 0);
    for line in text.lines().skip(2) {
        let Some((name, rest)) = line.split_once(':') else { continue };
        if name.trim() == "lo" {
            continue;
        }
        let f: Vec<u64> = rest.split_whitespace().filter_map(|v| v.parse().ok()).collect();
        sums.0 += f.first().copied().unwrap_or(0);
        sums.1 += f.get(8).copied().unwrap_or(0);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_own_process_tree_is_found_and_measured() {
        let me = std::process::id() as i32;
        let mut child = std::process::Command::new("sleep").arg("5").spawn().expect("spawn sleep");
        let pids = container_pids(me);
        assert_eq!(pids[0], me);
        assert!(pids.contains(&(child.id() as i32)), "{pids:?}");
        let u = usage(me);
        assert!(u.memory_bytes > 0 && u.pids >= 2);
        let _ = child.kill();
        let _ = child.wait();
    }
}
