//! The finer resource and process flags of `run`/`create` beyond
//! `--memory`, `--cpus` and `--pids-limit`: swap, reservation and
//! swappiness, CPU shares, CFS period and quota, cpusets, block I/O
//! weights and throttles (all written to the container's cgroup), and the
//! process knobs (`--oom-score-adj`, `--personality`, `--umask`,
//! `--timeout`, `--read-only-tmpfs`, `--image-volume`). Parsing and
//! Docker's validation only: engine::oci turns these into the OCI spec.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::spec::container::ResourceLimits;

/// Docker's smallest memory reservation (as its smallest memory limit).
const MIN_RESERVATION: i64 = 6 * 1024 * 1024;

/// One block device and a value for it (`--blkio-weight-device
/// /dev/sda:200`, `--device-read-bps /dev/sda:1mb`), with the device's
/// numbers read when the flag was given.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct BlkioDevice {
    pub path: String,
    pub major: i64,
    pub minor: i64,
    pub value: u64,
}

/// What `--image-volume` makes of the image's VOLUMEs.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ImageVolumeMode {
    /// An anonymous volume each (Docker's and Podman's default).
    #[default]
    Bind,
    /// A tmpfs each: nothing of the image's content, gone with the container.
    Tmpfs,
    /// Nothing: the path stays part of the container's root filesystem.
    Ignore,
}

impl ImageVolumeMode {
    pub fn parse(s: &str) -> Result<ImageVolumeMode> {
        Ok(match s {
            "bind" => ImageVolumeMode::Bind,
            "tmpfs" => ImageVolumeMode::Tmpfs,
            "ignore" => ImageVolumeMode::Ignore,
            _ => bail!("invalid --image-volume {s:?}: use bind, tmpfs or ignore"),
        })
    }
}

/// The flags themselves, as stored with the container. None (or empty)
/// is "not given": the kernel's or the runtime's default applies.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Tuning {
    /// `--memory-swap`: memory plus swap in bytes, -1 for unlimited swap.
    pub memory_swap: Option<i64>,
    pub memory_reservation: Option<i64>,
    pub memory_swappiness: Option<i64>,
    pub oom_kill_disable: bool,
    /// `--kernel-memory`: accepted as Docker does, and ignored (kernels
    /// since 5.4 deprecate kernel memory limits, cgroup v2 has none).
    pub kernel_memory: Option<i64>,
    pub cpu_shares: Option<u64>,
    pub cpu_period: Option<u64>,
    pub cpu_quota: Option<i64>,
    pub cpuset_cpus: Option<String>,
    pub cpuset_mems: Option<String>,
    pub blkio_weight: Option<u16>,
    pub blkio_weight_device: Vec<BlkioDevice>,
    pub device_read_bps: Vec<BlkioDevice>,
    pub device_write_bps: Vec<BlkioDevice>,
    pub device_read_iops: Vec<BlkioDevice>,
    pub device_write_iops: Vec<BlkioDevice>,
    pub oom_score_adj: Option<i32>,
    /// `--personality`: "LINUX" or "LINUX32".
    pub personality: Option<String>,
    /// `--umask`; None is the runtime default, 0022.
    pub umask: Option<u32>,
    /// `--timeout`: seconds the container may run before the monitor stops it.
    pub timeout: Option<u32>,
    /// `--read-only-tmpfs=false`: with `--read-only`, no tmpfs on /run,
    /// /tmp and /var/tmp (None is Podman's default, true).
    pub read_only_tmpfs: Option<bool>,
    pub image_volume: ImageVolumeMode,
}

/// The umask a container gets without `--umask`, as Podman's.
pub const DEFAULT_UMASK: u32 = 0o022;

/// Where `--read-only` puts a writable tmpfs, as Podman does.
pub const READ_ONLY_TMPFS: &[&str] = &["/run", "/tmp", "/var/tmp"];

impl Tuning {
    pub fn is_default(&self) -> bool {
        *self == Tuning::default()
    }

    /// The four throttle lists with the names of the cgroup v1 files.
    pub fn throttles(&self) -> [(&'static str, &[BlkioDevice]); 4] {
        [
            ("read_bps_device", &self.device_read_bps),
            ("write_bps_device", &self.device_write_bps),
            ("read_iops_device", &self.device_read_iops),
            ("write_iops_device", &self.device_write_iops),
        ]
    }

    pub fn tmpfs_on_read_only(&self) -> bool {
        self.read_only_tmpfs.unwrap_or(true)
    }

    /// Docker's checks of these flags together with `--memory` and
    /// `--cpus`, with Docker's words (scripts grep for them).
    pub fn check(&self, limits: &ResourceLimits) -> Result<()> {
        let memory = limits.memory_bytes.unwrap_or(0);
        if let Some(swap) = self.memory_swap {
            if swap > 0 && memory == 0 {
                bail!("invalid --memory-swap {swap}: You should always set the Memory limit when using Memoryswap limit, see usage (add --memory)");
            }
            if swap > 0 && swap < memory {
                bail!("invalid --memory-swap {swap}: Minimum memoryswap limit should be larger than memory limit, see usage (--memory is {memory})");
            }
            if swap == 0 || swap < -1 {
                bail!("invalid --memory-swap {swap}: give memory plus swap (at least --memory), or -1 for unlimited swap");
            }
        }
        if let Some(r) = self.memory_reservation {
            if r > 0 && r < MIN_RESERVATION {
                bail!("invalid --memory-reservation {r}: Minimum memory reservation allowed is 6MB");
            }
            if memory > 0 && r > memory {
                bail!("invalid --memory-reservation {r}: Minimum memory limit can not be less than memory reservation limit, see usage (--memory is {memory})");
            }
        }
        if let Some(s) = self.memory_swappiness {
            if !(0..=100).contains(&s) {
                bail!("invalid --memory-swappiness {s}: Invalid value: {s}, valid memory swappiness range is 0-100");
            }
        }
        if limits.nano_cpus.is_some() && self.cpu_period.is_some() {
            bail!("Conflicting options: Nano CPUs and CPU Period cannot both be set: give --cpus or --cpu-period and --cpu-quota");
        }
        if limits.nano_cpus.is_some() && self.cpu_quota.is_some() {
            bail!("Conflicting options: Nano CPUs and CPU Quota cannot both be set: give --cpus or --cpu-period and --cpu-quota");
        }
        if let Some(p) = self.cpu_period {
            if !(1000..=1_000_000).contains(&p) {
                bail!("invalid --cpu-period {p}: CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
            }
        }
        if let Some(q) = self.cpu_quota {
            if q > 0 && q < 1000 {
                bail!("invalid --cpu-quota {q}: CPU cfs quota can not be less than 1ms (i.e. 1000)");
            }
        }
        for (flag, value) in [("--cpuset-cpus", &self.cpuset_cpus), ("--cpuset-mems", &self.cpuset_mems)] {
            if let Some(v) = value {
                if !is_cpu_list(v) {
                    bail!("invalid {flag} {v:?}: Invalid value {v} for cpuset; use a list such as 0-2,4");
                }
            }
        }
        if let Some(w) = self.blkio_weight {
            if !(10..=1000).contains(&w) {
                bail!("invalid --blkio-weight {w}: Range of blkio weight is from 10 to 1000");
            }
        }
        for d in &self.blkio_weight_device {
            if !(10..=1000).contains(&d.value) {
                bail!("invalid --blkio-weight-device {}:{}: Range of blkio weight is from 10 to 1000", d.path, d.value);
            }
        }
        if let Some(o) = self.oom_score_adj {
            if !(-1000..=1000).contains(&o) {
                bail!("invalid --oom-score-adj {o}: Invalid value {o}, range for oom score adj is [-1000, 1000]");
            }
        }
        Ok(())
    }

    /// What Docker warns about and goes on with.
    pub fn warnings(&self, limits: &ResourceLimits) -> Vec<String> {
        let mut out = Vec::new();
        if self.kernel_memory.is_some_and(|k| k != 0) {
            out.push("Specifying a kernel memory limit is deprecated and will be removed in a future release: --kernel-memory is ignored (kernels no longer support it)".to_string());
        }
        if self.oom_kill_disable && limits.memory_bytes.is_none() {
            out.push("OOM killer is disabled for the container, but no memory limit is set, this can result in the system running out of resources".to_string());
        }
        out
    }
}

/// A cpuset list: numbers and ranges separated by commas (`0-2,4`).
fn is_cpu_list(s: &str) -> bool {
    !s.is_empty()
        && s.split(',').all(|part| {
            let mut ends = part.splitn(2, '-').map(|n| n.parse::<u32>());
            match (ends.next(), ends.next()) {
                (Some(Ok(_)), None) => true,
                (Some(Ok(a)), Some(Ok(b))) => a <= b,
                _ => false,
            }
        })
}

/// `--umask 0022` (octal, at most 0777), as Podman reads it.
pub fn parse_umask(s: &str) -> Result<u32> {
    match u32::from_str_radix(s, 8) {
        Ok(v) if v <= 0o777 && !s.is_empty() => Ok(v),
        _ => bail!("invalid --umask {s:?}: give an octal mask such as 0022 or 077"),
    }
}

/// `--personality LINUX|LINUX32` (either case), in the OCI spelling.
pub fn parse_personality(s: &str) -> Result<String> {
    match s.to_ascii_uppercase().as_str() {
        d @ ("LINUX" | "LINUX32") => Ok(d.to_string()),
        _ => bail!("invalid --personality {s:?}: use LINUX or LINUX32"),
    }
}

/// Splits `PATH:VALUE` at its last colon (Docker's device flags).
pub fn split_device_value<'a>(flag: &str, s: &'a str) -> Result<(&'a str, &'a str)> {
    match s.rsplit_once(':') {
        Some((path, value)) if path.starts_with("/dev/") && !value.is_empty() => Ok((path, value)),
        Some((path, _)) if !path.starts_with('/') => bail!("invalid {flag} {s:?}: bad format for device path: {path}; give /dev/NAME:VALUE"),
        _ => bail!("invalid {flag} {s:?}: bad format: {s}; give /dev/NAME:VALUE"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(memory: Option<i64>, cpus: Option<i64>) -> ResourceLimits {
        ResourceLimits { memory_bytes: memory, nano_cpus: cpus, pids_limit: None }
    }

    fn err(t: &Tuning, l: &ResourceLimits) -> String {
        t.check(l).unwrap_err().to_string()
    }

    #[test]
    fn docker_checks_with_docker_words() {
        let m64 = limits(Some(64 << 20), None);
        let t = Tuning { memory_swap: Some(32 << 20), ..Default::default() };
        assert!(err(&t, &m64).contains("Minimum memoryswap limit should be larger than memory limit"));
        assert!(err(&t, &limits(None, None)).contains("always set the Memory limit"));
        Tuning { memory_swap: Some(-1), ..Default::default() }.check(&m64).unwrap();
        Tuning { memory_swap: Some(128 << 20), ..Default::default() }.check(&m64).unwrap();
        let t = Tuning { memory_reservation: Some(128 << 20), ..Default::default() };
        assert!(err(&t, &m64).contains("can not be less than memory reservation"));
        let t = Tuning { memory_swappiness: Some(101), ..Default::default() };
        assert!(err(&t, &m64).contains("valid memory swappiness range is 0-100"));
        let t = Tuning { cpu_quota: Some(50_000), ..Default::default() };
        assert!(err(&t, &limits(None, Some(1_000_000_000))).contains("Nano CPUs and CPU Quota"));
        t.check(&limits(None, None)).unwrap();
        let t = Tuning { cpu_period: Some(10), ..Default::default() };
        assert!(err(&t, &limits(None, None)).contains("CPU cfs period"));
        let t = Tuning { cpuset_cpus: Some("0-x".into()), ..Default::default() };
        assert!(err(&t, &limits(None, None)).contains("--cpuset-cpus"));
        Tuning { cpuset_cpus: Some("0-1,3".into()), ..Default::default() }.check(&limits(None, None)).unwrap();
        let t = Tuning { blkio_weight: Some(5), ..Default::default() };
        assert!(err(&t, &limits(None, None)).contains("Range of blkio weight is from 10 to 1000"));
        let t = Tuning { oom_score_adj: Some(1001), ..Default::default() };
        assert!(err(&t, &limits(None, None)).contains("range for oom score adj is [-1000, 1000]"));
    }

    #[test]
    fn knobs_parse() {
        assert_eq!(parse_umask("0022").unwrap(), 0o22);
        assert_eq!(parse_umask("077").unwrap(), 0o77);
        assert!(parse_umask("0999").is_err() && parse_umask("1777").is_err());
        assert_eq!(parse_personality("linux32").unwrap(), "LINUX32");
        assert!(parse_personality("BSD").is_err());
        assert_eq!(ImageVolumeMode::parse("tmpfs").unwrap(), ImageVolumeMode::Tmpfs);
        assert!(ImageVolumeMode::parse("copy").is_err());
        assert_eq!(split_device_value("--device-read-bps", "/dev/sda:1mb").unwrap(), ("/dev/sda", "1mb"));
        assert!(split_device_value("--device-read-bps", "sda:1mb").is_err());
    }
}
