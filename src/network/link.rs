//! The kernel boundary of the bridge code: host tools (`ip`, `nft`,
//! `iptables`) run inside a network namespace given as a file descriptor,
//! namespaced sysctls, and the few facts about links that the bridge code
//! reads back (`ip -j`).
//!
//! Why tools and not netlink from our own process: iproute2, nftables and
//! iptables are on every Debian host, their `-batch`/`-f` modes apply many
//! changes in one process, and their error messages are the ones users
//! search for. A namespace is joined by the child between fork and exec
//! (`setns` in `pre_exec`), so our own threads never change namespace,
//! except the short-lived one [`write_sysctl`] starts.

use std::io::Write;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

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

/// Runs iproute2 commands, one per line, in one `ip -batch -` process:
/// an attach or a bridge costs one process, not one per change.
pub fn ip_batch(ns: Option<BorrowedFd>, lines: &[String], pass_fd: Option<BorrowedFd>) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let out = run_in(ns, "ip", &["-batch", "-"], &(lines.join("\n") + "\n"), pass_fd)?;
    if !out.success {
        // ip names the failed command by its line number: say which it was.
        bail!("ip failed: {} (commands: {})", out.stderr.replace('\n', " "), lines.join("; "));
    }
    Ok(())
}

fn package_hint(program: &str) -> &'static str {
    match program {
        "ip" => "install iproute2 (apt-get install iproute2)",
        "nft" => "install nftables (apt-get install nftables)",
        _ if program.starts_with("ip") => "install iptables (apt-get install iptables)",
        _ => "install it",
    }
}

/// The state of one link as `ip -j -d addr show` reports it.
#[derive(Debug, Deserialize, PartialEq)]
pub struct LinkState {
    pub ifname: String,
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub mtu: Option<u32>,
    #[serde(default)]
    pub linkinfo: Option<LinkInfo>,
    #[serde(default)]
    pub addr_info: Vec<AddrInfo>,
}

#[derive(Debug, Deserialize, PartialEq)]
pub struct LinkInfo {
    #[serde(default)]
    pub info_kind: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
pub struct AddrInfo {
    pub local: std::net::IpAddr,
    pub prefixlen: u8,
}

impl LinkState {
    pub fn is_up(&self) -> bool {
        self.flags.iter().any(|f| f == "UP")
    }

    pub fn kind(&self) -> Option<&str> {
        self.linkinfo.as_ref()?.info_kind.as_deref()
    }
}

/// Parses `ip -j -d addr show dev X`'s output (a list of one link).
pub fn parse_link_state(json: &str) -> Result<Option<LinkState>> {
    let mut links: Vec<LinkState> = serde_json::from_str(json).with_context(|| format!("read ip's description of a link: {json}"))?;
    Ok(links.pop())
}

/// The link `name` in `ns`, or `None` when there is no such link.
pub fn link_state(ns: Option<BorrowedFd>, name: &str) -> Result<Option<LinkState>> {
    let out = run_in(ns, "ip", &["-j", "-d", "addr", "show", "dev", name], "", None)?;
    if !out.success {
        if is_missing_device(&out.stderr) {
            return Ok(None);
        }
        bail!("ip addr show dev {name} failed: {}", out.stderr);
    }
    parse_link_state(&out.stdout)
}

/// Deletes the link `name` in `ns`; a link that is not there is fine
/// (the caller wants it gone, and a killed command may have gone first).
pub fn delete_link(ns: Option<BorrowedFd>, name: &str) -> Result<()> {
    let out = run_in(ns, "ip", &["link", "del", "dev", name], "", None)?;
    if out.success || is_missing_device(&out.stderr) {
        return Ok(());
    }
    bail!("delete the network link {name}: {}", out.stderr)
}

/// iproute2's words for "no such link" (6.x: `Cannot find device "x"`;
/// `ip addr show` of older versions: `Device "x" does not exist.`).
fn is_missing_device(stderr: &str) -> bool {
    stderr.contains("Cannot find device") || stderr.contains("does not exist")
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
    fn link_state_reads_ip_json_of_a_bridge() {
        let json = r#"[{"ifindex":5,"ifname":"pontoon0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,
            "linkinfo":{"info_kind":"bridge","info_data":{"stp_state":0}},
            "addr_info":[{"family":"inet","local":"10.88.0.1","prefixlen":16,"scope":"global"},
                         {"family":"inet6","local":"fd00::1","prefixlen":64}]}]"#;
        let state = parse_link_state(json).unwrap().unwrap();
        assert_eq!(state.ifname, "pontoon0");
        assert!(state.is_up());
        assert_eq!(state.kind(), Some("bridge"));
        assert_eq!(state.mtu, Some(1500));
        let addrs: Vec<String> = state.addr_info.iter().map(|a| format!("{}/{}", a.local, a.prefixlen)).collect();
        assert_eq!(addrs, ["10.88.0.1/16", "fd00::1/64"]);
    }

    #[test]
    fn a_down_link_without_addresses_is_read_as_such() {
        let state = parse_link_state(r#"[{"ifname":"br1","flags":["BROADCAST"],"addr_info":[]}]"#).unwrap().unwrap();
        assert!(!state.is_up());
        assert!(state.addr_info.is_empty());
        assert_eq!(state.kind(), None);
        assert_eq!(parse_link_state("[]").unwrap(), None);
    }

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
    fn missing_devices_are_recognised_in_both_wordings() {
        assert!(is_missing_device("Cannot find device \"vethx\""));
        assert!(is_missing_device("Device \"br9\" does not exist."));
        assert!(!is_missing_device("RTNETLINK answers: Operation not permitted"));
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
