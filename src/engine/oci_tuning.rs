//! The parts of the OCI spec that `spec::resources::Tuning` shapes: the
//! memory, CPU and block I/O sections of `linux.resources`, the
//! personality, and the tmpfs mounts of `--read-only`. Pure, like
//! engine::oci, which calls these.

use anyhow::Result;
use oci_spec::runtime::{
    LinuxBlockIo, LinuxBlockIoBuilder, LinuxCpu, LinuxCpuBuilder, LinuxMemory, LinuxMemoryBuilder, LinuxPersonality,
    LinuxPersonalityBuilder, LinuxPersonalityDomain, LinuxThrottleDevice, LinuxThrottleDeviceBuilder, LinuxWeightDeviceBuilder, Mount,
    MountBuilder,
};

use crate::spec::container::{ContainerSpec, ResourceLimits};
use crate::spec::resources::{BlkioDevice, Tuning, READ_ONLY_TMPFS};

/// `--memory` with `--memory-swap`, `--memory-reservation`,
/// `--memory-swappiness` and `--oom-kill-disable`; None when none is given.
pub fn memory(r: &ResourceLimits, t: &Tuning) -> Result<Option<LinuxMemory>> {
    if r.memory_bytes.is_none() && t.memory_swap.is_none() && t.memory_reservation.is_none() && t.memory_swappiness.is_none() && !t.oom_kill_disable {
        return Ok(None);
    }
    // The builder's setters take values, not options: set what is given.
    let mut m = LinuxMemoryBuilder::default();
    if let Some(v) = r.memory_bytes {
        m = m.limit(v);
    }
    if let Some(v) = t.memory_swap {
        m = m.swap(v);
    }
    if let Some(v) = t.memory_reservation {
        m = m.reservation(v);
    }
    if let Some(v) = t.memory_swappiness.and_then(|s| u64::try_from(s).ok()) {
        m = m.swappiness(v);
    }
    if t.oom_kill_disable {
        m = m.disable_oom_killer(true);
    }
    Ok(Some(m.build()?))
}

/// `--cpus` (a quota per 100ms period) or `--cpu-period`/`--cpu-quota`,
/// with `--cpu-shares` and the cpusets; None when none is given.
pub fn cpu(r: &ResourceLimits, t: &Tuning) -> Result<Option<LinuxCpu>> {
    let (mut period, mut quota) = (t.cpu_period, t.cpu_quota);
    if let Some(n) = r.nano_cpus {
        let p: u64 = 100_000;
        period = Some(p);
        quota = Some((n as i128 * p as i128 / 1_000_000_000) as i64);
    }
    if period.is_none() && quota.is_none() && t.cpu_shares.is_none() && t.cpuset_cpus.is_none() && t.cpuset_mems.is_none() {
        return Ok(None);
    }
    let mut c = LinuxCpuBuilder::default().build()?;
    c.set_period(period);
    c.set_quota(quota);
    c.set_shares(t.cpu_shares);
    c.set_cpus(t.cpuset_cpus.clone());
    c.set_mems(t.cpuset_mems.clone());
    Ok(Some(c))
}

/// `--blkio-weight`, `--blkio-weight-device` and the four throttles.
pub fn block_io(t: &Tuning) -> Result<Option<LinuxBlockIo>> {
    if t.blkio_weight.is_none() && t.blkio_weight_device.is_empty() && t.throttles().iter().all(|(_, d)| d.is_empty()) {
        return Ok(None);
    }
    let throttle = |list: &[BlkioDevice]| -> Result<Option<Vec<LinuxThrottleDevice>>> {
        if list.is_empty() {
            return Ok(None);
        }
        let out = list
            .iter()
            .map(|d| LinuxThrottleDeviceBuilder::default().major(d.major).minor(d.minor).rate(d.value).build())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(out))
    };
    let mut b = LinuxBlockIoBuilder::default().build()?;
    b.set_weight(t.blkio_weight);
    if !t.blkio_weight_device.is_empty() {
        let devices = t
            .blkio_weight_device
            .iter()
            .map(|d| LinuxWeightDeviceBuilder::default().major(d.major).minor(d.minor).weight(d.value.min(u64::from(u16::MAX)) as u16).build())
            .collect::<Result<Vec<_>, _>>()?;
        b.set_weight_device(Some(devices));
    }
    b.set_throttle_read_bps_device(throttle(&t.device_read_bps)?);
    b.set_throttle_write_bps_device(throttle(&t.device_write_bps)?);
    b.set_throttle_read_iops_device(throttle(&t.device_read_iops)?);
    b.set_throttle_write_iops_device(throttle(&t.device_write_iops)?);
    Ok(Some(b))
}

/// `--personality LINUX32`: the execution domain the init sets before exec.
pub fn personality(t: &Tuning) -> Result<Option<LinuxPersonality>> {
    let domain = match t.personality.as_deref() {
        None => return Ok(None),
        Some("LINUX32") => LinuxPersonalityDomain::PerLinux32,
        Some(_) => LinuxPersonalityDomain::PerLinux,
    };
    Ok(Some(LinuxPersonalityBuilder::default().domain(domain).build()?))
}

/// With `--read-only` (and `--read-only-tmpfs`, the default): a writable
/// tmpfs on /run, /tmp and /var/tmp, as Podman mounts them, where the user
/// mounted nothing else.
pub fn read_only_tmpfs(spec: &ContainerSpec) -> Result<Vec<Mount>> {
    if !spec.read_only || !spec.tuning.tmpfs_on_read_only() {
        return Ok(Vec::new());
    }
    let taken = |target: &str| spec.tmpfs.iter().any(|t| t.target == target) || spec.mounts.iter().any(|m| m.target == target);
    READ_ONLY_TMPFS
        .iter()
        .filter(|t| !taken(t))
        .map(|target| {
            let mode = if *target == "/run" { "mode=755" } else { "mode=1777" };
            let options = ["rw", "rprivate", "nosuid", "nodev", mode].iter().map(|s| s.to_string()).collect::<Vec<_>>();
            Ok(MountBuilder::default().destination(*target).typ("tmpfs").source("tmpfs").options(options).build()?)
        })
        .collect()
}
