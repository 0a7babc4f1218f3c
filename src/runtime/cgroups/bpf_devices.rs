//! The cgroup v2 device controller: an eBPF program of type
//! BPF_PROG_TYPE_CGROUP_DEVICE, built from the OCI device rules
//! (`linux.resources.devices`) and attached to the container's cgroup,
//! so that the container opens or creates no host device beyond its
//! allow list. (On cgroup v1 the same rules go to devices.allow/deny.)
//!
//! What the rules mean, as runc and crun apply them on cgroup v2: the
//! LAST rule that matches a device decides, and a device no rule allows
//! is denied. A rule with type `a` and no major and no minor matches every
//! device whatever its access string says, as in the v1 kernel controller:
//! it resets the list to allow-all or deny-all (Docker's list starts with
//! `deny a *:* rwm`). The access bits are decided one by one, so an open
//! for read and write needs both allowed: a later `deny c 1:3 r` does deny
//! an O_RDWR open (crun lets it through, v1 does not).
//!
//! How it stays attached (kernel/bpf/cgroup.c): a BPF_PROG_ATTACH
//! attachment, unlike a bpf_link, holds its own reference to the program,
//! so the program keeps filtering after its fd is closed and after this
//! process exits, until BPF_PROG_DETACH or until the cgroup is removed;
//! nothing needs to keep the fd. We attach with BPF_F_ALLOW_MULTI, as
//! systemd, runc and crun do: a process is checked by the programs of its
//! cgroup and of every ancestor, and every one must allow, so a nested
//! runtime inside a --privileged container can attach its own filters
//! below ours (they can only deny more). Without flags the attachment
//! would be exclusive and the kernel would refuse any program below it
//! (EPERM). With ALLOW_MULTI, a second attach adds a program instead of
//! replacing the first; pontoon attaches once, to the group it created.
//!
//! Loading needs CAP_BPF or CAP_SYS_ADMIN in the initial user namespace:
//! rootless, the kernel refuses, and [`attach`] says so with
//! [`DeviceFilterError::Unavailable`] so that the caller can rely on the
//! other protection (nodev mounts) instead of failing the container.

mod insn;
mod kernel;
#[cfg(test)]
mod tests;

use std::fs::OpenOptions;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use nix::errno::Errno;
use oci_spec::runtime::{LinuxDeviceCgroup, LinuxDeviceType};

use insn::{Insn, ALU_AND, ALU_MOV, ALU_OR, ALU_RSH, ALU_XOR, JMP_JEQ, JMP_JNE, R0, R1, R2, R3, R4, R5, R6};

// struct bpf_cgroup_dev_ctx { u32 access_type; u32 major; u32 minor; }
// where access_type = access << 16 | type.
const CTX_ACCESS_TYPE: i16 = 0;
const CTX_MAJOR: i16 = 4;
const CTX_MINOR: i16 = 8;
const DEV_BLOCK: i32 = 1; // BPF_DEVCG_DEV_BLOCK
const DEV_CHAR: i32 = 2; // BPF_DEVCG_DEV_CHAR
const ACC_MKNOD: i32 = 1; // BPF_DEVCG_ACC_MKNOD
const ACC_READ: i32 = 2; // BPF_DEVCG_ACC_READ
const ACC_WRITE: i32 = 4; // BPF_DEVCG_ACC_WRITE
const ACC_ALL: i32 = ACC_MKNOD | ACC_READ | ACC_WRITE;

#[derive(Debug, thiserror::Error)]
pub enum DeviceFilterError {
    /// The kernel gives this process no BPF device filter (rootless, in a
    /// user namespace, or no bpf(2)). Not a failure of the container.
    #[error("no BPF device filter for the cgroup {}: {errno}: {why}; host devices are kept out by nodev mounts only", path.display())]
    Unavailable { path: PathBuf, errno: Errno, why: &'static str },
    #[error("the device rule {rule} cannot be applied: {why}")]
    BadRule { rule: String, why: String },
    #[error("open the cgroup {}: {errno}", path.display())]
    Open { path: PathBuf, errno: Errno },
    #[error("load the BPF device filter for the cgroup {}: {errno}: {why}{}", path.display(), log_suffix(log))]
    Load { path: PathBuf, errno: Errno, why: &'static str, log: String },
    #[error("attach the BPF device filter to the cgroup {}: {errno}: {why}", path.display())]
    Attach { path: PathBuf, errno: Errno, why: &'static str },
}

impl DeviceFilterError {
    /// True when the filter is out of reach rather than broken: the caller
    /// goes on without it.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, DeviceFilterError::Unavailable { .. })
    }
}

fn log_suffix(log: &str) -> String {
    if log.is_empty() {
        String::new()
    } else {
        format!("; the verifier said: {log}")
    }
}

/// Builds the filter for `rules` and attaches it to the cgroup directory
/// `dir`. The program stays attached until the cgroup is removed.
pub fn attach(dir: &Path, rules: &[LinuxDeviceCgroup]) -> Result<(), DeviceFilterError> {
    let program = compile(rules)?;
    let host_root = super::is_host_root();
    let prog = kernel::load(&program).map_err(|(errno, log)| match unavailable(errno, host_root) {
        Some(why) => DeviceFilterError::Unavailable { path: dir.into(), errno, why },
        None => DeviceFilterError::Load { path: dir.into(), errno, why: load_hint(errno), log },
    })?;
    let cgroup: OwnedFd = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(dir)
        .map_err(|e| DeviceFilterError::Open { path: dir.into(), errno: Errno::from_raw(e.raw_os_error().unwrap_or(0)) })?
        .into();
    kernel::attach(cgroup.as_fd(), prog.as_fd()).map_err(|errno| match unavailable(errno, host_root) {
        Some(why) => DeviceFilterError::Unavailable { path: dir.into(), errno, why },
        None => DeviceFilterError::Attach { path: dir.into(), errno, why: attach_hint(errno) },
    })
}

/// Whether `errno` from bpf(2) means "not for this process" rather than
/// "this went wrong", and why. Host root is refused only by something
/// worth reporting (a lockdown, RLIMIT_MEMLOCK before Linux 5.11, an
/// ancestor's exclusive filter), so it gets the error, not the fallback.
fn unavailable(errno: Errno, host_root: bool) -> Option<&'static str> {
    match errno {
        Errno::ENOSYS => Some("this kernel has no bpf(2) (CONFIG_BPF_SYSCALL) or a seccomp filter blocks it"),
        Errno::EPERM | Errno::EACCES if !host_root => Some("loading a BPF device filter needs CAP_BPF or CAP_SYS_ADMIN on the host, which a rootless container engine does not have"),
        _ => None,
    }
}

fn load_hint(errno: Errno) -> &'static str {
    match errno {
        Errno::EPERM | Errno::EACCES => "run as root with CAP_SYS_ADMIN (or CAP_BPF); on Linux before 5.11 also raise RLIMIT_MEMLOCK (ulimit -l), and check that kernel lockdown does not forbid BPF",
        Errno::EINVAL => "the kernel rejected the program; it needs CONFIG_CGROUP_BPF (Linux 4.15 or later)",
        _ => "report this as a pontoon bug with the rules of the container",
    }
}

fn attach_hint(errno: Errno) -> &'static str {
    match errno {
        Errno::EPERM => "an ancestor cgroup has an exclusive device filter (attached without BPF_F_ALLOW_MULTI); run the container under a cgroup that allows nested filters",
        Errno::EINVAL | Errno::EBADF => "the kernel cannot attach device filters here (is it a cgroup v2 directory?)",
        _ => "check that the cgroup still exists",
    }
}

/// One OCI rule in the program's terms.
#[derive(Debug, PartialEq)]
struct Rule {
    allow: bool,
    /// DEV_BLOCK or DEV_CHAR; None for `a` (both).
    kind: Option<i32>,
    /// None: any major (or minor).
    major: Option<i32>,
    minor: Option<i32>,
    /// ACC_* bits.
    access: i32,
}

impl Rule {
    fn parse(r: &LinuxDeviceCgroup) -> Result<Rule, DeviceFilterError> {
        let bad = |why: String| DeviceFilterError::BadRule { rule: describe(r), why };
        let kind = match r.typ() {
            None | Some(LinuxDeviceType::A) => None,
            Some(LinuxDeviceType::B) => Some(DEV_BLOCK),
            // `u` (unbuffered) is a character device to the kernel.
            Some(LinuxDeviceType::C) | Some(LinuxDeviceType::U) => Some(DEV_CHAR),
            Some(LinuxDeviceType::P) => return Err(bad("a FIFO is not a device the cgroup controls".into())),
        };
        // runc writes -1 for "any" in config.json; the kernel's device
        // numbers are at most 32 bits, and compares take a positive i32.
        let number = |n: Option<i64>, what: &str| match n {
            None => Ok(None),
            Some(n) if n < 0 => Ok(None),
            Some(n) => i32::try_from(n).map(Some).map_err(|_| bad(format!("the {what} number {n} is out of range"))),
        };
        let mut access = 0;
        for c in r.access().as_deref().unwrap_or("").chars() {
            access |= match c {
                'r' => ACC_READ,
                'w' => ACC_WRITE,
                'm' => ACC_MKNOD,
                _ => return Err(bad(format!("unknown access {c:?} (use r, w and m)"))),
            };
        }
        Ok(Rule { allow: r.allow(), kind, major: number(r.major(), "major")?, minor: number(r.minor(), "minor")?, access })
    }

    /// `a` with no numbers: matches every device for every access.
    fn is_reset(&self) -> bool {
        self.kind.is_none() && self.major.is_none() && self.minor.is_none()
    }
}

/// A rule as `allow c 1:3 rw` for error messages.
fn describe(r: &LinuxDeviceCgroup) -> String {
    format!("{} {r}", if r.allow() { "allow" } else { "deny" })
}

/// The program for `rules`. R6 holds the access bits allowed so far for
/// the device asked about; each matching rule sets or clears its bits, in
/// order, so the last rule to mention a bit decides it.
fn compile(rules: &[LinuxDeviceCgroup]) -> Result<Vec<Insn>, DeviceFilterError> {
    let rules = rules.iter().map(Rule::parse).collect::<Result<Vec<_>, _>>()?;
    // Everything before the last allow-all/deny-all is overridden by it.
    let (start, allowed) = match rules.iter().rposition(Rule::is_reset) {
        Some(i) => (i + 1, if rules[i].allow { ACC_ALL } else { 0 }),
        None => (0, 0),
    };
    let mut p = vec![
        // R2 = device type, R3 = the access asked (one or more ACC_ bits).
        Insn::load_u32(R2, R1, CTX_ACCESS_TYPE),
        Insn::alu_imm(ALU_AND, R2, 0xffff),
        Insn::load_u32(R3, R1, CTX_ACCESS_TYPE),
        Insn::alu_imm(ALU_RSH, R3, 16),
        // R4 = major, R5 = minor.
        Insn::load_u32(R4, R1, CTX_MAJOR),
        Insn::load_u32(R5, R1, CTX_MINOR),
        // R6 = what the last reset (or the default, deny) allows.
        Insn::alu_imm(ALU_MOV, R6, allowed),
    ];
    for rule in &rules[start..] {
        if rule.access == 0 {
            continue; // no access letter: the rule changes nothing
        }
        // Each test that fails skips the rest of the block: the tests
        // left after it and the one instruction that applies the rule.
        let tests: Vec<(u8, i32)> =
            [(R2, rule.kind), (R4, rule.major), (R5, rule.minor)].into_iter().filter_map(|(reg, v)| v.map(|v| (reg, v))).collect();
        for (i, (reg, value)) in tests.iter().enumerate() {
            p.push(Insn::jump_imm(JMP_JNE, *reg, *value, (tests.len() - i) as i16));
        }
        p.push(if rule.allow { Insn::alu_imm(ALU_OR, R6, rule.access) } else { Insn::alu_imm(ALU_AND, R6, ACC_ALL & !rule.access) });
    }
    p.extend([
        // R6 = the bits asked for but not allowed; none left means allow.
        Insn::alu_imm(ALU_XOR, R6, ACC_ALL),
        Insn::alu_reg(ALU_AND, R6, R3),
        Insn::alu_imm(ALU_MOV, R0, 1),
        Insn::jump_imm(JMP_JEQ, R6, 0, 1),
        Insn::alu_imm(ALU_MOV, R0, 0),
        Insn::exit(),
    ]);
    Ok(p)
}
