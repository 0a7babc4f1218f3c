//! User-mode networking for namespaces that no bridge serves (rootless):
//! pasta (Debian's `passt`) or slirp4netns give the namespace an interface
//! whose traffic they carry through sockets of the host. They only carry
//! outbound traffic here: published ports are forwarded by the monitor's
//! forwarder (network::forwarder) the same way in every mode.
//!
//! - pasta copies the host's address and default gateway into the
//!   namespace, and connections to the gateway's address reach the host's
//!   loopback (so `host.containers.internal` is the gateway).
//! - slirp4netns gives 10.0.2.100/24, gateway 10.0.2.2 (the host's
//!   loopback when `allow_host_loopback=true`), DNS on 10.0.2.3.

use std::fs;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use super::netns;

/// Which program carries a namespace's traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier {
    Pasta,
    Slirp4netns,
}

impl Carrier {
    pub fn name(self) -> &'static str {
        match self {
            Carrier::Pasta => "pasta",
            Carrier::Slirp4netns => "slirp4netns",
        }
    }
}

/// What an installed carrier gave the namespace.
#[derive(Debug)]
pub struct Carried {
    pub carrier: Carrier,
    /// The default gateway in the namespace (the host for the container).
    pub gateway: Option<IpAddr>,
    /// A nameserver the carrier answers on, when it has one.
    pub dns: Option<IpAddr>,
    /// slirp4netns exits when this closes (the monitor's end of a pipe).
    _exit_fd: Option<OwnedFd>,
}

const NEITHER: &str = "rootless networking needs pasta or slirp4netns: install one (`apt-get install passt` or `apt-get install slirp4netns`), or use --network none";

/// The carrier the default network uses: pasta when installed, else
/// slirp4netns; an error naming both packages when neither is.
pub fn default_carrier() -> Result<Carrier> {
    if installed("pasta") {
        Ok(Carrier::Pasta)
    } else if installed("slirp4netns") {
        Ok(Carrier::Slirp4netns)
    } else {
        bail!("{NEITHER}")
    }
}

fn installed(program: &str) -> bool {
    crate::runtime::search_path::find_on_host(program).is_some()
}

fn require(program: &str, package: &str) -> Result<PathBuf> {
    crate::runtime::search_path::find_on_host(program)
        .with_context(|| format!("--network {program} needs {program}, which is not installed: `apt-get install {package}` (or use the default network)"))
}

/// Starts pasta on `ns`, with the user's extra options (`pasta:OPTS`).
/// Returns once pasta has configured the namespace (it forks into the
/// background only then). Its pid goes to `run_dir/pasta.pid` for
/// [`stop`].
pub fn start_pasta(ns: &OwnedFd, options: &[String], run_dir: &Path) -> Result<Carried> {
    let program = require("pasta", "passt")?;
    let pid_file = run_dir.join("pasta.pid");
    let log_file = run_dir.join("pasta.log");
    let _ = fs::remove_file(&pid_file);
    let mut cmd = Command::new(program);
    // No port forwarding of pasta's own in either direction: the monitor
    // forwards published ports, and the container must not reach the
    // host's loopback services through its own loopback.
    cmd.args(["--config-net", "--quiet", "-t", "none", "-u", "none", "-T", "none", "-U", "none"]);
    // As (namespace) root pasta would switch to nobody before opening the
    // namespace; it needs no more rights than ours, so keep them.
    cmd.args(["--runas", "0"]);
    cmd.arg("--pid").arg(&pid_file).arg("--log-file").arg(&log_file);
    cmd.args(options);
    cmd.arg("--netns").arg(netns::inherited_path(ns));
    netns::pass_to_child(&mut cmd, ns);
    let out = cmd.stdin(Stdio::null()).output().context("run pasta")?;
    if !out.status.success() {
        let log = fs::read_to_string(&log_file).unwrap_or_default();
        let said = String::from_utf8_lossy(&out.stderr).lines().chain(log.lines()).rfind(|l| !l.contains("syslog")).unwrap_or("").trim().to_string();
        bail!("pasta could not set up the container's network: {said} (options {options:?}; see `pasta --help`)");
    }
    Ok(Carried { carrier: Carrier::Pasta, gateway: namespace_gateway(ns), dns: None, _exit_fd: None })
}

/// Starts slirp4netns on `ns` with `slirp4netns:OPTS` (Podman's names:
/// allow_host_loopback, mtu, cidr, enable_ipv6, outbound_addr). Returns
/// once it reports the interface configured. It exits with the monitor
/// (its exit fd is our pipe).
pub fn start_slirp4netns(ns: &OwnedFd, options: &[String]) -> Result<Carried> {
    let program = require("slirp4netns", "slirp4netns")?;
    let mut args = vec!["--configure".to_string(), "--mtu=65520".to_string(), "--netns-type=path".to_string()];
    let mut host_loopback = false;
    let mut cidr: Option<String> = None;
    for opt in options {
        let (key, value) = opt.split_once('=').unwrap_or((opt, "true"));
        match key {
            "allow_host_loopback" => host_loopback = value == "true",
            "mtu" => args.push(format!("--mtu={value}")),
            "cidr" => cidr = Some(value.to_string()),
            "enable_ipv6" if value == "true" => args.push("--enable-ipv6".into()),
            "enable_ipv6" => {}
            "outbound_addr" => args.push(format!("--outbound-addr={value}")),
            "port_handler" => {}
            other => bail!("unknown slirp4netns option {other:?}: use allow_host_loopback, mtu, cidr, enable_ipv6 or outbound_addr"),
        }
    }
    if !host_loopback {
        args.push("--disable-host-loopback".into());
    }
    if let Some(c) = &cidr {
        args.push(format!("--cidr={c}"));
    }
    let (ready_r, ready_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create a pipe")?;
    let (exit_r, exit_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("create a pipe")?;
    args.push(format!("--ready-fd={}", ready_w.as_raw_fd()));
    args.push(format!("--exit-fd={}", exit_r.as_raw_fd()));
    let mut cmd = Command::new(program);
    cmd.args(&args).arg(netns::inherited_path(ns)).arg("tap0");
    let keep = [ns.as_raw_fd(), ready_w.as_raw_fd(), exit_r.as_raw_fd()];
    // SAFETY: fcntl and prctl are async-signal-safe; the fds are open in
    // the parent for the whole spawn.
    unsafe {
        cmd.pre_exec(move || {
            for fd in keep {
                if libc::fcntl(fd, libc::F_SETFD, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().context("run slirp4netns")?;
    drop(ready_w);
    drop(exit_r);
    let mut byte = [0u8; 1];
    let ready = fs::File::from(ready_r).read_exact(&mut byte).is_ok() && byte[0] == b'1';
    if !ready {
        let mut said = String::new();
        let _ = child.kill();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut said);
        }
        let _ = child.wait();
        bail!("slirp4netns could not set up the container's network: {}", said.lines().last().unwrap_or("no reason given").trim());
    }
    // The child is reaped by the monitor's exit; it must not linger as a
    // zombie before that, which std's Child would not prevent: forget it.
    std::mem::forget(child);
    let base = slirp_base(cidr.as_deref());
    Ok(Carried {
        carrier: Carrier::Slirp4netns,
        gateway: Some(IpAddr::V4(add(base, 2))),
        dns: Some(IpAddr::V4(add(base, 3))),
        _exit_fd: Some(exit_w),
    })
}

fn slirp_base(cidr: Option<&str>) -> Ipv4Addr {
    cidr.and_then(|c| c.split('/').next()?.parse().ok()).unwrap_or(Ipv4Addr::new(10, 0, 2, 0))
}

fn add(base: Ipv4Addr, n: u32) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(base).wrapping_add(n))
}

/// Stops the pasta recorded in `run_dir`, if it still runs (checked by its
/// command name, so that a reused pid is never killed).
pub fn stop_pasta(run_dir: &Path) {
    let Some(pid) = recorded_pasta(run_dir) else {
        return;
    };
    kill_pasta(pid);
    let _ = fs::remove_file(run_dir.join("pasta.pid"));
}

/// The pid `run_dir/pasta.pid` names, if any.
pub fn recorded_pasta(run_dir: &Path) -> Option<i32> {
    fs::read_to_string(run_dir.join("pasta.pid")).ok().and_then(|t| t.trim().parse::<i32>().ok())
}

/// Kills `pid` if it is a pasta (it may run as passt.avx2, the build it
/// re-executes on such CPUs), so that a reused pid is never killed.
pub fn kill_pasta(pid: i32) {
    let comm = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if comm.trim().starts_with("pasta") || comm.trim().starts_with("passt") {
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL);
    }
}

/// The IPv4 default gateway inside `ns`, read by a thread that joined it.
pub fn namespace_gateway(ns: &OwnedFd) -> Option<IpAddr> {
    netns::run_in(ns, || Ok(fs::read_to_string("/proc/net/route")?)).ok().and_then(|t| default_gateway(&t))
}

/// The gateway of the default route in a /proc/net/route table.
pub fn default_gateway(route_table: &str) -> Option<IpAddr> {
    route_table.lines().skip(1).find_map(|line| {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 3 || f[1] != "00000000" {
            return None;
        }
        let raw = u32::from_str_radix(f[2], 16).ok()?;
        // The table is in the kernel's (little-endian) byte order.
        Some(IpAddr::V4(Ipv4Addr::from(raw.to_le_bytes())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_default_gateway_from_the_route_table() {
        let table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n\
                     eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n\
                     eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        assert_eq!(default_gateway(table), Some("192.0.2.1".parse().unwrap()));
        assert_eq!(default_gateway("Iface\tDestination\n"), None);
    }

    #[test]
    fn slirp_addresses_follow_its_cidr() {
        assert_eq!(add(slirp_base(None), 2), Ipv4Addr::new(10, 0, 2, 2));
        assert_eq!(add(slirp_base(Some("10.5.0.0/24")), 3), Ipv4Addr::new(10, 5, 0, 3));
    }
}
