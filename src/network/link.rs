//! The kernel boundary of the bridge code: the firewall tools (`nft`,
//! `iptables`) run inside a network namespace given as a file descriptor,
//! namespaced sysctls, and the few facts about links that the bridge code
//! reads back (over netlink, see [`super::netlink`]).
//!
//! Why tools for the firewall: nftables and iptables are on every Debian
//! host, their `-f`/restore modes apply a whole rule set in one process,
//! and it is done once per network, not per container. Links, addresses
//! and routes, which every container start makes, are netlink requests of
//! our own (~10 ms less per `ip` process). A tool's namespace is joined
//! by the child between fork and exec (`setns` in `pre_exec`), so our own
//! threads never change namespace, except the short-lived ones
//! [`write_sysctl`] and [`Netlink::open`] start.

use std::io::Write;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use super::netlink::Netlink;

/// Where host tools live: `PATH` first, then the sbin directories that an
/// unprivileged user's `PATH` often lacks on Debian (`ip`, `nft` and
/// `iptables` are in /usr/sbin there).
pub fn host_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// What a tool printed, once it has exited.
pub struct Output {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `program args` inside the network namespace `ns` (ours when
/// `None`), feeding it `stdin`. `pass_fd` stays open across the exec, so
/// that the tool can name it as `/proc/self/fd/N` (how `ip link ... netns`
/// is pointed at a second namespace).
pub fn run_in(ns: Option<BorrowedFd>, program: &str, args: &[&str], stdin: &str, pass_fd: Option<BorrowedFd>) -> Result<Output> {
    let path = host_program(program).with_context(|| format!("{program} is not installed: {}", package_hint(program)))?;
    let mut cmd = Command::new(&path);
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let ns_fd = ns.map(|fd| fd.as_raw_fd());
    let keep_fd = pass_fd.map(|fd| fd.as_raw_fd());
    if ns_fd.is_some() || keep_fd.is_some() {
        // SAFETY: pre_exec runs between fork and exec; setns and fcntl are
        // plain system calls (async-signal-safe) on descriptors that the
        // caller's borrows keep open until this function returns.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(move || {
                if let Some(fd) = ns_fd {
                    if libc::setns(fd, libc::CLONE_NEWNET) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                if let Some(fd) = keep_fd {
                    let flags = libc::fcntl(fd, libc::F_GETFD);
                    if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
    }
    let what = || format!("{program} {}", args.join(" "));
    let mut child = cmd.spawn().with_context(|| format!("start {}", what()))?;
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).with_context(|| format!("write the input of {}", what()))?;
    }
    let out = child.wait_with_output().with_context(|| format!("wait for {}", what()))?;
    Ok(Output {
        success: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
    })
}

/// As [`run_in`], failing with the tool's own message when it fails.
pub fn run_ok(ns: Option<BorrowedFd>, program: &str, args: &[&str], stdin: &str, pass_fd: Option<BorrowedFd>) -> Result<String> {
    let out = run_in(ns, program, args, stdin, pass_fd)?;
    if !out.success {
        bail!("{program} {} failed: {}", args.join(" "), out.stderr.replace('\n', " "));
    }
    Ok(out.stdout)
}

fn package_hint(program: &str) -> &'static str {
    match program {
        "ip" => "install iproute2 (apt-get install iproute2)",
        "nft" => "install nftables (apt-get install nftables)",
        _ if program.starts_with("ip") => "install iptables (apt-get install iptables)",
        _ => "install it",
    }
}

/// The state of one link, as the bridge code checks it.
#[derive(Debug, PartialEq)]
pub struct LinkState {
    pub index: u32,
    pub ifname: String,
    pub up: bool,
    pub mtu: Option<u32>,
    /// "bridge", "veth"...; None for a plain device.
    pub kind: Option<String>,
    /// With their prefix lengths, link-local ones included.
    pub addresses: Vec<(std::net::IpAddr, u8)>,
}

impl LinkState {
    pub fn is_up(&self) -> bool {
        self.up
    }

    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
}

/// The link `name` on the netlink socket `nl`, or `None` when there is
/// no such link.
pub fn link_state_on(nl: &mut Netlink, name: &str) -> Result<Option<LinkState>> {
    let Some(link) = nl.link(name)? else { return Ok(None) };
    let addresses = nl.addresses(link.index)?;
    Ok(Some(LinkState { index: link.index, ifname: link.name, up: link.up, mtu: link.mtu, kind: link.kind, addresses }))
}

/// Deletes the link `name` in `ns`; a link that is not there is fine
/// (the caller wants it gone, and a killed command may have gone first).
pub fn delete_link(ns: Option<BorrowedFd>, name: &str) -> Result<()> {
    Netlink::open(ns)?.delete_link(name).map(drop)
}

/// A link name the kernel takes: 1 to 15 bytes, no '/', ':' or blank,
/// not "." or "..". We are stricter (letters, digits, '.', '-', '_') so
/// that a name is always safe inside an nft or iptables rule too.
pub fn check_ifname(name: &str) -> Result<()> {
    let charset_ok = name.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if name.is_empty() || name.len() > 15 || !charset_ok || name == "." || name == ".." {
        bail!("invalid network interface name {name:?}: use 1 to 15 letters, digits, '.', '-' or '_'");
    }
    Ok(())
}

/// A random unicast MAC address with the "locally administered" bit set,
/// as the kernel would pick, but known to us before the link exists.
pub fn random_mac() -> String {
    let mut bytes: [u8; 6] = rand::random();
    bytes[0] = (bytes[0] & 0xfe) | 0x02;
    bytes.map(|b| format!("{b:02x}")).join(":")
}

/// Checks a MAC address given by the user (`--mac-address`): six
/// hexadecimal pairs, unicast (a multicast address cannot be a link's).
pub fn check_mac(mac: &str) -> Result<()> {
    let parts: Vec<&str> = mac.split(':').collect();
    let hex_ok = parts.len() == 6 && parts.iter().all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_hexdigit()));
    if !hex_ok {
        bail!("invalid MAC address {mac:?}: use six hexadecimal pairs, as in 02:42:ac:11:00:02");
    }
    let first = u8::from_str_radix(parts[0], 16).with_context(|| format!("invalid MAC address {mac:?}"))?;
    if first & 1 == 1 {
        bail!("invalid MAC address {mac:?}: it is a multicast address; a container's must be unicast (even first byte)");
    }
    Ok(())
}

/// Writes a sysctl of `ns` (`path` below /proc/sys, e.g.
/// `net/ipv4/ip_forward`), unless it already has `value`. /proc/sys/net
/// shows the namespace of whoever opens it, so a thread of ours joins
/// `ns`, opens the file and ends; the caller's thread never moves.
pub fn write_sysctl(ns: Option<BorrowedFd>, path: &str, value: &str) -> Result<()> {
    let file = Path::new("/proc/sys").join(path);
    let write = || -> Result<()> {
        let current = std::fs::read_to_string(&file).with_context(|| format!("read {}", file.display()))?;
        if current.trim() != value {
            std::fs::write(&file, value).with_context(|| format!("set {} to {value}", file.display()))?;
        }
        Ok(())
    };
    let Some(ns) = ns else { return write() };
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWNET).context("join the network namespace to set a sysctl")?;
                write()
            })
            .join()
            .unwrap_or_else(|_| bail!("the thread setting {} panicked", file.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_names_are_checked() {
        for good in ["pontoon0", "veth1234abcd0", "br-app_1.x", "a23456789012345"] {
            assert!(check_ifname(good).is_ok(), "{good}");
        }
        for bad in ["", "a234567890123456", "a/b", "a:b", "a b", ".", "..", "a\"b", "eth0;"] {
            let err = check_ifname(bad).unwrap_err().to_string();
            assert!(err.contains("invalid network interface name"), "{bad}: {err}");
        }
    }

    #[test]
    fn random_macs_are_local_unicast_and_differ() {
        let a = random_mac();
        let b = random_mac();
        assert_ne!(a, b);
        check_mac(&a).unwrap();
        let first = u8::from_str_radix(&a[..2], 16).unwrap();
        assert_eq!(first & 0b11, 0b10, "{a}: locally administered, unicast");
    }

    #[test]
    fn user_macs_are_checked() {
        check_mac("02:42:ac:11:00:02").unwrap();
        assert!(check_mac("02:42:ac:11:00").unwrap_err().to_string().contains("six hexadecimal pairs"));
        assert!(check_mac("02:42:ac:11:00:zz").is_err());
        assert!(check_mac("01:00:5e:00:00:01").unwrap_err().to_string().contains("multicast"));
    }

    #[test]
    fn a_missing_tool_is_named_with_its_package() {
        assert!(package_hint("nft").contains("nftables"));
        assert!(package_hint("ip6tables-save").contains("iptables"));
        assert!(package_hint("ip").contains("iproute2"));
        assert!(host_program("sh").is_some());
        assert!(host_program("pontoon-no-such-tool").is_none());
    }
}
