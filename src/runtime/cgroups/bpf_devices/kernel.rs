//! The two bpf(2) calls of the device filter: BPF_PROG_LOAD and
//! BPF_PROG_ATTACH. The attribute structs are the leading fields of the
//! kernel's `union bpf_attr` for each command (include/uapi/linux/bpf.h);
//! the kernel zero-fills the fields a shorter struct leaves out.

use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use nix::errno::Errno;

use super::insn::Insn;

// enum bpf_cmd
const BPF_PROG_LOAD: libc::c_int = 5;
const BPF_PROG_ATTACH: libc::c_int = 8;
// enum bpf_prog_type
const BPF_PROG_TYPE_CGROUP_DEVICE: u32 = 15;
// enum bpf_attach_type
const BPF_CGROUP_DEVICE: u32 = 6;
/// Several programs may be attached to the cgroup and to its descendants;
/// a device access must be allowed by every one of them.
const BPF_F_ALLOW_MULTI: u32 = 1 << 1;

/// Verifier log size: our programs are a few dozen instructions, the log
/// of a rejected one is a few kilobytes.
const LOG_SIZE: usize = 64 * 1024;

/// The BPF_PROG_LOAD part of `union bpf_attr`.
#[repr(C)]
#[derive(Default)]
struct ProgLoadAttr {
    prog_type: u32,
    insn_cnt: u32,
    insns: u64,
    license: u64,
    log_level: u32,
    log_size: u32,
    log_buf: u64,
    kern_version: u32,
    prog_flags: u32,
    prog_name: [u8; 16],
}

/// The BPF_PROG_ATTACH part of `union bpf_attr`.
#[repr(C)]
struct ProgAttachAttr {
    target_fd: u32,
    attach_bpf_fd: u32,
    attach_type: u32,
    attach_flags: u32,
}

/// Calls bpf(2) with `attr`; returns its non-negative result.
fn bpf<T>(cmd: libc::c_int, attr: &mut T) -> Result<libc::c_long, Errno> {
    // SAFETY: `attr` is a live, initialised #[repr(C)] prefix of union
    // bpf_attr for `cmd`, and the size passed is exactly its size; any
    // pointer inside it points to memory the caller keeps alive.
    let ret = unsafe { libc::syscall(libc::SYS_bpf, cmd, attr as *mut T, std::mem::size_of::<T>() as libc::c_uint) };
    if ret < 0 {
        Err(Errno::last())
    } else {
        Ok(ret)
    }
}

/// Loads `insns` as a BPF_PROG_TYPE_CGROUP_DEVICE program. On failure,
/// the errno and the verifier's log (empty when the kernel refused before
/// verifying, e.g. EPERM).
pub fn load(insns: &[Insn]) -> Result<OwnedFd, (Errno, String)> {
    // The license only matters for GPL-only helpers; this program calls
    // no helper at all, so the project's own license is accepted.
    let license = c"Apache-2.0";
    let mut name = [0u8; 16];
    name[..15].copy_from_slice(b"pontoon_devices");
    let mut attr = ProgLoadAttr {
        prog_type: BPF_PROG_TYPE_CGROUP_DEVICE,
        insn_cnt: insns.len() as u32,
        insns: insns.as_ptr() as u64,
        license: license.as_ptr() as u64,
        prog_name: name,
        ..Default::default()
    };
    let errno = match bpf(BPF_PROG_LOAD, &mut attr) {
        Ok(fd) => return Ok(owned(fd)),
        Err(errno) => errno,
    };
    // Load again with the verifier's log, only to explain the failure.
    let mut log = vec![0u8; LOG_SIZE];
    attr.log_level = 1;
    attr.log_size = LOG_SIZE as u32;
    attr.log_buf = log.as_mut_ptr() as u64;
    if let Ok(fd) = bpf(BPF_PROG_LOAD, &mut attr) {
        return Ok(owned(fd));
    }
    let end = log.iter().position(|&b| b == 0).unwrap_or(log.len());
    Err((errno, String::from_utf8_lossy(&log[..end]).trim().to_string()))
}

/// Attaches `prog` to the cgroup open as `cgroup` (an O_DIRECTORY fd).
pub fn attach(cgroup: BorrowedFd, prog: BorrowedFd) -> Result<(), Errno> {
    let mut attr = ProgAttachAttr {
        target_fd: cgroup.as_raw_fd() as u32,
        attach_bpf_fd: prog.as_raw_fd() as u32,
        attach_type: BPF_CGROUP_DEVICE,
        attach_flags: BPF_F_ALLOW_MULTI,
    };
    bpf(BPF_PROG_ATTACH, &mut attr).map(drop)
}

fn owned(fd: libc::c_long) -> OwnedFd {
    // SAFETY: BPF_PROG_LOAD returned a new file descriptor that nothing
    // else owns.
    unsafe { OwnedFd::from_raw_fd(fd as libc::c_int) }
}
