//! Checks of a `ContainerSpec` against what Docker accepts and what this
//! host can give, made at `create`/`run` before anything is written: a bad
//! flag fails at once with one line naming the flag, the value and what is
//! allowed, rather than at start, at `stop`, or by being silently clamped.
//! Pure functions of the spec and a `HostLimits`, so every rule is
//! unit-tested without touching the host.

use anyhow::{bail, Context, Result};
use nix::sys::resource::Resource;

use crate::spec::container::{ContainerSpec, Ulimit};

/// Docker's smallest memory limit: below it a container cannot even start.
pub const MIN_MEMORY_BYTES: i64 = 6 * 1024 * 1024;

/// Docker's smallest `--cpus` (in nano CPUs): 0.01.
const MIN_NANO_CPUS: i64 = 10_000_000;

/// What the host can give a container.
pub struct HostLimits {
    /// CPUs this process may run on (Docker counts them the same way).
    pub cpus: usize,
    /// The hard limit of a resource for this process (None: unlimited).
    pub hard_limit: fn(Resource) -> Result<Option<u64>>,
}

impl HostLimits {
    /// This host, as the calling process sees it.
    pub fn current() -> Result<HostLimits> {
        let set = nix::sched::sched_getaffinity(nix::unistd::Pid::from_raw(0)).context("read the CPUs this process may use")?;
        let cpus = (0..nix::sched::CpuSet::count()).filter(|&i| set.is_set(i).unwrap_or(false)).count();
        Ok(HostLimits { cpus: cpus.max(1), hard_limit: host_hard_limit })
    }
}

fn host_hard_limit(resource: Resource) -> Result<Option<u64>> {
    let (_, hard) = nix::sys::resource::getrlimit(resource).with_context(|| format!("read the host's {resource:?}"))?;
    Ok((hard != nix::sys::resource::RLIM_INFINITY).then_some(hard))
}

/// Every check, in the order the flags are usually written.
pub fn check(spec: &ContainerSpec, host: &HostLimits) -> Result<()> {
    check_labels(spec)?;
    crate::spec::dns::check_network_conflicts(&spec.network, spec.hostname.as_deref(), &spec.dns, &spec.extra_hosts)?;
    check_stop_signal(spec.stop_signal.as_deref())?;
    check_memory(spec.resources.memory_bytes)?;
    check_cpus(spec.resources.nano_cpus, host.cpus)?;
    spec.tuning.check(&spec.resources)?;
    for u in &spec.ulimits {
        check_ulimit(u, host.hard_limit)?;
    }
    Ok(())
}

fn check_labels(spec: &ContainerSpec) -> Result<()> {
    if let Some(value) = spec.labels.get("") {
        bail!("invalid --label {:?}: the key is empty; use KEY=VALUE with a key", format!("={value}"));
    }
    Ok(())
}

/// Docker refuses a stop signal it cannot name at create; so do we, rather
/// than at the first `pontoon stop`.
fn check_stop_signal(signal: Option<&str>) -> Result<()> {
    let Some(s) = signal else { return Ok(()) };
    if crate::engine::lifecycle::parse_signal(s).is_err() {
        bail!("invalid --stop-signal {s:?}: use a signal name such as TERM, QUIT or SIGINT, or a number such as 15");
    }
    Ok(())
}

fn check_memory(bytes: Option<i64>) -> Result<()> {
    match bytes {
        Some(b) if b < MIN_MEMORY_BYTES => bail!(
            "invalid --memory {b} bytes: the minimum memory limit is 6MB ({MIN_MEMORY_BYTES} bytes), or 0 for no limit"
        ),
        _ => Ok(()),
    }
}

fn check_cpus(nano_cpus: Option<i64>, host_cpus: usize) -> Result<()> {
    let Some(nano) = nano_cpus else { return Ok(()) };
    let max = i64::try_from(host_cpus).unwrap_or(i64::MAX).saturating_mul(1_000_000_000);
    if !(MIN_NANO_CPUS..=max).contains(&nano) {
        let asked = nano as f64 / 1e9;
        bail!("invalid --cpus {asked}: range of CPUs is from 0.01 to {host_cpus}.00, as there are only {host_cpus} CPUs available");
    }
    Ok(())
}

/// An unknown name, or a limit above the host's hard limit, which the
/// container could never get (an unprivileged process cannot raise a hard
/// limit; the runtime would fail, or clamp it behind the user's back).
fn check_ulimit(u: &Ulimit, hard_limit: fn(Resource) -> Result<Option<u64>>) -> Result<()> {
    let asked = format!("{}={}:{}", u.name, show(u.soft), show(u.hard));
    let resource = resource(&u.name).with_context(|| {
        format!("invalid --ulimit {asked}: unknown resource {:?}; use one of {}", u.name, ULIMIT_NAMES.join(", "))
    })?;
    if let Some(host) = hard_limit(resource)? {
        if u.hard > host {
            bail!("invalid --ulimit {asked}: the host's hard limit for {} is {host}; ask for at most {host}", u.name);
        }
    }
    Ok(())
}

fn show(v: u64) -> String {
    if v == u64::MAX { "unlimited".into() } else { v.to_string() }
}

/// The `--ulimit` names Docker accepts.
pub const ULIMIT_NAMES: &[&str] = &[
    "as", "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime",
    "sigpending", "stack",
];

fn resource(name: &str) -> Option<Resource> {
    Some(match name {
        "as" => Resource::RLIMIT_AS,
        "core" => Resource::RLIMIT_CORE,
        "cpu" => Resource::RLIMIT_CPU,
        "data" => Resource::RLIMIT_DATA,
        "fsize" => Resource::RLIMIT_FSIZE,
        "locks" => Resource::RLIMIT_LOCKS,
        "memlock" => Resource::RLIMIT_MEMLOCK,
        "msgqueue" => Resource::RLIMIT_MSGQUEUE,
        "nice" => Resource::RLIMIT_NICE,
        "nofile" => Resource::RLIMIT_NOFILE,
        "nproc" => Resource::RLIMIT_NPROC,
        "rss" => Resource::RLIMIT_RSS,
        "rtprio" => Resource::RLIMIT_RTPRIO,
        "rttime" => Resource::RLIMIT_RTTIME,
        "sigpending" => Resource::RLIMIT_SIGPENDING,
        "stack" => Resource::RLIMIT_STACK,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A host with 2 CPUs and a nofile hard limit of 20000, the rest unlimited.
    fn host() -> HostLimits {
        fn hard(r: Resource) -> Result<Option<u64>> {
            Ok((r == Resource::RLIMIT_NOFILE).then_some(20_000))
        }
        HostLimits { cpus: 2, hard_limit: hard }
    }

    fn err(spec: &ContainerSpec) -> String {
        match check(spec, &host()) {
            Ok(()) => panic!("{spec:?} was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn good_values_pass() {
        let mut s = ContainerSpec::default();
        s.labels.insert("k".into(), "".into());
        s.stop_signal = Some("SIGQUIT".into());
        s.resources.memory_bytes = Some(MIN_MEMORY_BYTES);
        s.resources.nano_cpus = Some(2_000_000_000);
        s.ulimits = vec![Ulimit { name: "nofile".into(), soft: 1024, hard: 20_000 }, Ulimit { name: "core".into(), soft: u64::MAX, hard: u64::MAX }];
        check(&s, &host()).unwrap();
        check(&ContainerSpec::default(), &host()).unwrap();
        for sig in ["TERM", "15", "sigint", "KILL"] {
            check_stop_signal(Some(sig)).unwrap();
        }
    }

    #[test]
    fn each_bad_value_names_its_flag() {
        let mut s = ContainerSpec::default();
        s.labels.insert("".into(), "v".into());
        assert!(err(&s).contains("--label \"=v\"") && err(&s).contains("key is empty"), "{}", err(&s));

        let s = ContainerSpec { stop_signal: Some("BOGUS".into()), ..Default::default() };
        assert!(err(&s).contains("--stop-signal \"BOGUS\""), "{}", err(&s));

        let mut s = ContainerSpec::default();
        s.resources.memory_bytes = Some(1);
        assert!(err(&s).contains("--memory 1 bytes") && err(&s).contains("6MB"), "{}", err(&s));

        let mut s = ContainerSpec::default();
        s.resources.nano_cpus = Some(3_000_000_000);
        assert_eq!(err(&s), "invalid --cpus 3: range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
        s.resources.nano_cpus = Some(1_000_000);
        assert!(err(&s).contains("--cpus 0.001"), "{}", err(&s));
        s.resources.nano_cpus = Some(-1_000_000_000);
        assert!(err(&s).contains("--cpus -1"), "{}", err(&s));

        let mut s = ContainerSpec { ulimits: vec![Ulimit { name: "nofile".into(), soft: 1024, hard: 30_000 }], ..Default::default() };
        assert_eq!(err(&s), "invalid --ulimit nofile=1024:30000: the host's hard limit for nofile is 20000; ask for at most 20000");
        s.ulimits = vec![Ulimit { name: "nofile".into(), soft: u64::MAX, hard: u64::MAX }];
        assert!(err(&s).contains("nofile=unlimited:unlimited"), "{}", err(&s));
        s.ulimits = vec![Ulimit { name: "bogus".into(), soft: 1, hard: 1 }];
        assert!(err(&s).contains("unknown resource \"bogus\"") && err(&s).contains("nofile"), "{}", err(&s));
    }

    #[test]
    fn this_host_has_cpus_and_limits() {
        let h = HostLimits::current().unwrap();
        assert!(h.cpus >= 1);
        (h.hard_limit)(Resource::RLIMIT_NOFILE).unwrap();
    }
}
