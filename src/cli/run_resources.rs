//! The resource and process flags of `run` and `create` beyond `--memory`,
//! `--cpus` and `--pids-limit`, as Docker and Podman spell them; turned
//! into a `spec::resources::Tuning` (checked by the engine with the rest
//! of the spec).

use anyhow::{Context, Result};
use clap::Args;

use crate::spec::resources::{self, BlkioDevice, ImageVolumeMode, Tuning};

#[derive(Args, Debug, Default)]
pub struct ResourceFlags {
    /// Memory plus swap limit (e.g. 256m), -1 for unlimited swap; at least --memory
    #[arg(long, value_name = "SIZE", allow_hyphen_values = true)]
    pub memory_swap: Option<String>,
    /// Memory soft limit (e.g. 32m)
    #[arg(long, value_name = "SIZE")]
    pub memory_reservation: Option<String>,
    /// How readily the container's memory is swapped (0 to 100; -1: the host's)
    #[arg(long, value_name = "0-100", allow_negative_numbers = true)]
    pub memory_swappiness: Option<i64>,
    /// Do not let the kernel OOM-kill the container's processes (cgroup v1)
    #[arg(long)]
    pub oom_kill_disable: bool,
    /// Deprecated by Docker and the kernel: accepted and ignored, with a warning
    #[arg(long, value_name = "SIZE")]
    pub kernel_memory: Option<String>,
    /// CPU shares, a relative weight (default 1024)
    #[arg(short = 'c', long, value_name = "SHARES")]
    pub cpu_shares: Option<u64>,
    /// CFS period in microseconds (1000 to 1000000; not with --cpus)
    #[arg(long, value_name = "MICROSECONDS")]
    pub cpu_period: Option<u64>,
    /// CFS quota in microseconds per period (not with --cpus)
    #[arg(long, value_name = "MICROSECONDS", allow_negative_numbers = true)]
    pub cpu_quota: Option<i64>,
    /// CPUs the container may run on (e.g. 0-1,3)
    #[arg(long, value_name = "LIST")]
    pub cpuset_cpus: Option<String>,
    /// Memory nodes the container may use (e.g. 0)
    #[arg(long, value_name = "LIST")]
    pub cpuset_mems: Option<String>,
    /// Block I/O weight (10 to 1000)
    #[arg(long, value_name = "WEIGHT")]
    pub blkio_weight: Option<u16>,
    /// Block I/O weight of one device (/dev/sda:200)
    #[arg(long, value_name = "DEVICE:WEIGHT")]
    pub blkio_weight_device: Vec<String>,
    /// Read rate limit of a device (/dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_read_bps: Vec<String>,
    /// Write rate limit of a device (/dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE")]
    pub device_write_bps: Vec<String>,
    /// Read operations per second limit of a device (/dev/sda:1000)
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_read_iops: Vec<String>,
    /// Write operations per second limit of a device (/dev/sda:1000)
    #[arg(long, value_name = "DEVICE:IOPS")]
    pub device_write_iops: Vec<String>,
    /// OOM score adjustment of the container's processes (-1000 to 1000; rootless can only raise it)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub oom_score_adj: Option<i32>,
    /// Execution domain: LINUX, or LINUX32 (uname -m says i686)
    #[arg(long, value_name = "DOMAIN")]
    pub personality: Option<String>,
    /// The process's umask (default 0022)
    #[arg(long, value_name = "MASK")]
    pub umask: Option<String>,
    /// Stop the container this many seconds after it starts (0: never)
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u32>,
    /// With --read-only, mount a tmpfs on /run, /tmp and /var/tmp (default true)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub read_only_tmpfs: Option<bool>,
    /// What the image's VOLUMEs become: bind (anonymous volumes, default), tmpfs or ignore
    #[arg(long, value_name = "bind|tmpfs|ignore")]
    pub image_volume: Option<String>,
}

impl ResourceFlags {
    /// The flags as the spec keeps them; the block devices are looked up
    /// on the host now (their numbers go into the cgroup).
    pub fn to_spec(&self) -> Result<Tuning> {
        let size = |flag: &str, v: &Option<String>| -> Result<Option<i64>> {
            v.as_deref().map(|s| super::run::parse_bytes(s).with_context(|| format!("invalid {flag} {s:?}"))).transpose()
        };
        let memory_swap = match self.memory_swap.as_deref().map(str::trim) {
            Some("-1") => Some(-1),
            // Docker's 0 is "not set".
            other => size("--memory-swap", &other.map(String::from))?.filter(|&b| b != 0),
        };
        Ok(Tuning {
            memory_swap,
            memory_reservation: size("--memory-reservation", &self.memory_reservation)?.filter(|&b| b != 0),
            // Docker's -1 is "the host's".
            memory_swappiness: self.memory_swappiness.filter(|&s| s != -1),
            oom_kill_disable: self.oom_kill_disable,
            kernel_memory: size("--kernel-memory", &self.kernel_memory)?,
            cpu_shares: self.cpu_shares.filter(|&s| s != 0),
            cpu_period: self.cpu_period.filter(|&p| p != 0),
            cpu_quota: self.cpu_quota.filter(|&q| q != 0),
            cpuset_cpus: self.cpuset_cpus.clone().filter(|s| !s.is_empty()),
            cpuset_mems: self.cpuset_mems.clone().filter(|s| !s.is_empty()),
            blkio_weight: self.blkio_weight.filter(|&w| w != 0),
            blkio_weight_device: devices("--blkio-weight-device", &self.blkio_weight_device, &|v| v.parse().ok())?,
            device_read_bps: devices("--device-read-bps", &self.device_read_bps, &rate)?,
            device_write_bps: devices("--device-write-bps", &self.device_write_bps, &rate)?,
            device_read_iops: devices("--device-read-iops", &self.device_read_iops, &|v| v.parse().ok())?,
            device_write_iops: devices("--device-write-iops", &self.device_write_iops, &|v| v.parse().ok())?,
            oom_score_adj: self.oom_score_adj,
            personality: self.personality.as_deref().map(resources::parse_personality).transpose()?,
            umask: self.umask.as_deref().map(resources::parse_umask).transpose()?,
            timeout: self.timeout.filter(|&t| t != 0),
            read_only_tmpfs: self.read_only_tmpfs,
            image_volume: self.image_volume.as_deref().map(ImageVolumeMode::parse).transpose()?.unwrap_or_default(),
        })
    }
}

/// A byte rate: `1mb`, `512k`, `1048576`.
fn rate(v: &str) -> Option<u64> {
    super::run::parse_bytes(v).ok().and_then(|b| u64::try_from(b).ok()).filter(|&b| b > 0)
}

/// `DEVICE:VALUE` entries, each device a block device of the host.
fn devices(flag: &str, values: &[String], parse: &dyn Fn(&str) -> Option<u64>) -> Result<Vec<BlkioDevice>> {
    values
        .iter()
        .map(|s| {
            let (path, value) = resources::split_device_value(flag, s)?;
            let value = parse(value).with_context(|| {
                format!("invalid {flag} {s:?}: invalid value {value:?} for device {path}: give a positive number, with kb, mb or gb for rates")
            })?;
            let (major, minor) = crate::engine::devices::block_device_numbers(path).with_context(|| format!("invalid {flag} {s:?}"))?;
            Ok(BlkioDevice { path: path.to_string(), major, minor, value })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_become_the_tuning() {
        let flags = ResourceFlags {
            memory_swap: Some("-1".into()),
            memory_swappiness: Some(-1),
            umask: Some("077".into()),
            personality: Some("linux32".into()),
            image_volume: Some("tmpfs".into()),
            ..Default::default()
        };
        let t = flags.to_spec().unwrap();
        assert_eq!(t.memory_swap, Some(-1));
        assert_eq!(t.memory_swappiness, None, "-1 is the host's");
        assert_eq!(t.umask, Some(0o77));
        assert_eq!(t.personality.as_deref(), Some("LINUX32"));
        assert_eq!(t.image_volume, ImageVolumeMode::Tmpfs);
        let t = ResourceFlags { memory_swap: Some("128m".into()), ..Default::default() }.to_spec().unwrap();
        assert_eq!(t.memory_swap, Some(128 << 20));
        let bad = ResourceFlags { device_read_bps: vec!["/dev/null:lots".into()], ..Default::default() }.to_spec().unwrap_err();
        assert!(format!("{bad:#}").contains("--device-read-bps"), "{bad:#}");
        let bad = ResourceFlags { device_read_bps: vec!["/dev/null:1mb".into()], ..Default::default() }.to_spec().unwrap_err();
        assert!(format!("{bad:#}").contains("not a block device"), "{bad:#}");
    }
}
