//! The device filter tested two ways: the assembled program run by a tiny
//! interpreter of the opcodes `compile` emits (no root needed), and, as
//! root, the real program attached to a cgroup of a cgroup2 mount made in
//! a temp dir, with a child process opening devices inside it.

use super::insn::*;
use super::*;
use oci_spec::runtime::LinuxDeviceCgroupBuilder;

const BLOCK: u32 = 1;
const CHAR: u32 = 2;
const M: u32 = 1;
const R: u32 = 2;
const W: u32 = 4;

fn rule(allow: bool, typ: LinuxDeviceType, major: Option<i64>, minor: Option<i64>, access: &str) -> LinuxDeviceCgroup {
    let mut b = LinuxDeviceCgroupBuilder::default().allow(allow).typ(typ).access(access);
    if let Some(major) = major {
        b = b.major(major);
    }
    if let Some(minor) = minor {
        b = b.minor(minor);
    }
    b.build().unwrap()
}

fn allow(typ: LinuxDeviceType, major: Option<i64>, minor: Option<i64>, access: &str) -> LinuxDeviceCgroup {
    rule(true, typ, major, minor, access)
}

fn deny_all() -> LinuxDeviceCgroup {
    rule(false, LinuxDeviceType::A, None, None, "rwm")
}

/// Docker's default list, in Docker's order.
fn docker_default() -> Vec<LinuxDeviceCgroup> {
    use LinuxDeviceType::{B, C};
    let c = |major, minor| allow(C, Some(major), Some(minor), "rwm");
    vec![
        deny_all(),
        allow(C, None, None, "m"),
        allow(B, None, None, "m"),
        c(1, 3),
        c(1, 5),
        c(1, 7),
        c(5, 0),
        c(5, 1),
        c(1, 8),
        c(1, 9),
        allow(C, Some(136), None, "rwm"),
        c(5, 2),
    ]
}

/// Runs `program` on one `struct bpf_cgroup_dev_ctx`, as the kernel would:
/// only the opcodes `compile` emits, forward jumps only (the verifier
/// refuses loops), and a program that must end with `exit`.
fn run(program: &[Insn], kind: u32, major: u32, minor: u32, access: u32) -> u64 {
    let ctx = [access << 16 | kind, major, minor];
    let mut m = Machine { reg: [0; 11], written: [false; 11] };
    m.set(R1, 0); // the context pointer (loads below read `ctx`)
    let mut pc = 0usize;
    loop {
        let i = *program.get(pc).unwrap_or_else(|| panic!("ran off the end at {pc}"));
        pc += 1;
        let (class, op) = (i.code & 0x07, i.code & 0xf0);
        let operand = |m: &Machine| if i.code & SRC_X != 0 { m.get(i.src()) } else { i.imm as i64 as u64 };
        match class {
            CLASS_LDX => {
                assert_eq!(i.code, CLASS_LDX | MODE_MEM | SIZE_W, "only 32-bit loads");
                assert_eq!(i.src(), R1, "loads only from the context");
                assert!(i.off >= 0 && i.off % 4 == 0 && i.off < 12, "a load outside bpf_cgroup_dev_ctx: {}", i.off);
                m.set(i.dst(), ctx[i.off as usize / 4] as u64);
            }
            CLASS_ALU => {
                let b = operand(&m) as u32;
                let a = if op == ALU_MOV { 0 } else { m.get(i.dst()) as u32 };
                let v = match op {
                    ALU_MOV => b,
                    ALU_AND => a & b,
                    ALU_OR => a | b,
                    ALU_XOR => a ^ b,
                    ALU_RSH => a >> b,
                    _ => panic!("unexpected ALU op {:#x}", i.code),
                };
                m.set(i.dst(), v as u64); // 32-bit ALU zero-extends
            }
            CLASS_JMP if op == JMP_EXIT => return m.get(R0),
            CLASS_JMP => {
                let taken = match op {
                    JMP_JEQ => m.get(i.dst()) == operand(&m),
                    JMP_JNE => m.get(i.dst()) != operand(&m),
                    _ => panic!("unexpected JMP op {:#x}", i.code),
                };
                assert!(i.off >= 0, "a backward jump at {}", pc - 1);
                if taken {
                    pc += i.off as usize;
                }
            }
            _ => panic!("unexpected instruction class {:#x}", i.code),
        }
    }
}

/// The registers, and which ones were written (the verifier refuses a
/// read of an uninitialised register).
struct Machine {
    reg: [u64; 11],
    written: [bool; 11],
}

impl Machine {
    fn get(&self, r: Reg) -> u64 {
        assert!(self.written[r as usize], "R{r} read before it was written");
        self.reg[r as usize]
    }

    fn set(&mut self, r: Reg, v: u64) {
        self.reg[r as usize] = v;
        self.written[r as usize] = true;
    }
}

fn allows(rules: &[LinuxDeviceCgroup], kind: u32, major: u32, minor: u32, access: u32) -> bool {
    let program = compile(rules).unwrap();
    match run(&program, kind, major, minor, access) {
        0 => false,
        1 => true,
        other => panic!("the program returned {other}, the kernel only takes 0 or 1"),
    }
}

#[test]
fn bpf_docker_default_list() {
    let d = docker_default();
    assert!(allows(&d, CHAR, 1, 3, R | W), "/dev/null rw");
    assert!(allows(&d, CHAR, 1, 9, R), "/dev/urandom r");
    assert!(allows(&d, CHAR, 136, 5, R | W), "/dev/pts/5 rw");
    assert!(allows(&d, CHAR, 5, 2, R | W), "/dev/ptmx rw");
    assert!(allows(&d, BLOCK, 7, 0, M), "mknod of a loop device");
    assert!(allows(&d, CHAR, 1, 1, M), "mknod of any char device");
    assert!(!allows(&d, BLOCK, 7, 0, R), "read of a loop device");
    assert!(!allows(&d, CHAR, 1, 1, R), "read of /dev/mem");
    assert!(!allows(&d, CHAR, 10, 237, R | W), "/dev/loop-control");
    assert!(!allows(&d, BLOCK, 8, 0, W), "write to /dev/sda");
    assert!(allows(&d, CHAR, 1, 3, R | W | M), "/dev/null rwm");
    assert!(!allows(&d, CHAR, 137, 0, R), "136:* is only major 136");
}

#[test]
fn bpf_allow_all() {
    let all = [allow(LinuxDeviceType::A, None, None, "rwm")];
    for (kind, major, minor) in [(CHAR, 1, 1), (BLOCK, 8, 0), (CHAR, 10, 237), (BLOCK, 259, 1 << 19)] {
        assert!(allows(&all, kind, major, minor, R | W | M), "{kind} {major}:{minor}");
    }
}

#[test]
fn bpf_deny_all_only_and_empty_deny_everything() {
    for rules in [vec![deny_all()], vec![]] {
        for (kind, major, minor, access) in [(CHAR, 1, 3, R), (CHAR, 1, 3, M), (BLOCK, 7, 0, M), (CHAR, 136, 0, W)] {
            assert!(!allows(&rules, kind, major, minor, access), "{rules:?}: {kind} {major}:{minor} {access}");
        }
    }
}

#[test]
fn bpf_wildcard_major() {
    let rules = [deny_all(), allow(LinuxDeviceType::C, None, Some(5), "rw")];
    assert!(allows(&rules, CHAR, 1, 5, R));
    assert!(allows(&rules, CHAR, 250, 5, R | W));
    assert!(!allows(&rules, CHAR, 1, 6, R), "another minor");
    assert!(!allows(&rules, BLOCK, 1, 5, R), "a block device");
    assert!(!allows(&rules, CHAR, 1, 5, M), "no m in the rule");
    // runc's config.json says -1 for "any".
    let minus_one = [deny_all(), allow(LinuxDeviceType::C, Some(-1), Some(5), "rw")];
    assert_eq!(compile(&minus_one).unwrap(), compile(&rules).unwrap());
}

#[test]
fn bpf_the_last_matching_rule_wins_bit_by_bit() {
    use LinuxDeviceType::{A, C};
    let rules = [deny_all(), allow(C, Some(1), Some(3), "rwm"), rule(false, C, Some(1), Some(3), "w")];
    assert!(allows(&rules, CHAR, 1, 3, R));
    assert!(!allows(&rules, CHAR, 1, 3, W));
    assert!(!allows(&rules, CHAR, 1, 3, R | W), "an O_RDWR open needs w too");
    // A hole punched in a wildcard, then a narrower allow again.
    let rules = [allow(A, None, None, "rwm"), rule(false, C, None, None, "rwm"), allow(C, Some(1), Some(3), "r")];
    assert!(allows(&rules, CHAR, 1, 3, R));
    assert!(!allows(&rules, CHAR, 1, 3, R | W));
    assert!(!allows(&rules, CHAR, 1, 5, R));
    assert!(allows(&rules, BLOCK, 8, 0, R | W), "block devices stay allowed");
    // Two rules that each allow one bit allow both (v1 merges them too).
    let rules = [deny_all(), allow(C, Some(1), Some(3), "r"), allow(C, Some(1), Some(3), "w")];
    assert!(allows(&rules, CHAR, 1, 3, R | W));
}

#[test]
fn bpf_a_reset_forgets_the_rules_before_it() {
    use LinuxDeviceType::{A, C};
    // `a` without numbers resets whatever its access says (v1, runc).
    let rules = [allow(C, Some(1), Some(3), "rwm"), rule(false, A, None, None, "")];
    assert!(!allows(&rules, CHAR, 1, 3, R));
    assert_eq!(compile(&rules).unwrap(), compile(&[deny_all()]).unwrap(), "no instruction for overridden rules");
    // A rule without access changes nothing.
    let rules = [deny_all(), allow(C, Some(1), Some(3), "")];
    assert!(!allows(&rules, CHAR, 1, 3, R));
}

#[test]
fn bpf_bad_rules_name_the_rule() {
    use LinuxDeviceType::{C, P};
    let err = compile(&[allow(C, Some(1), Some(3), "rx")]).unwrap_err().to_string();
    assert!(err.contains("allow c 1:3 rx") && err.contains("'x'"), "{err}");
    let err = compile(&[allow(P, None, None, "rwm")]).unwrap_err().to_string();
    assert!(err.contains("FIFO"), "{err}");
    let err = compile(&[allow(C, Some(1 << 40), None, "r")]).unwrap_err().to_string();
    assert!(err.contains("major number 1099511627776"), "{err}");
}

#[test]
fn bpf_refusals_are_unavailable_only_rootless() {
    assert!(unavailable(Errno::EPERM, false).is_some_and(|why| why.contains("CAP_BPF")));
    assert!(unavailable(Errno::EACCES, false).is_some());
    assert!(unavailable(Errno::ENOSYS, true).is_some());
    assert!(unavailable(Errno::EPERM, true).is_none(), "host root refused is a failure to report");
    assert!(unavailable(Errno::EINVAL, false).is_none(), "a rejected program is a bug, not a fallback");
    let e = DeviceFilterError::Unavailable { path: "/sys/fs/cgroup/x".into(), errno: Errno::EPERM, why: "w" };
    assert!(e.is_unavailable());
    let text = e.to_string();
    assert!(text.contains("/sys/fs/cgroup/x") && text.contains("EPERM") && text.contains("nodev"), "{text}");
}

/// Not root: the kernel really refuses, and that is "unavailable".
#[test]
fn bpf_unprivileged_load_is_unavailable() {
    if nix::unistd::geteuid().is_root() {
        eprintln!("SKIPPED: bpf_unprivileged_load_is_unavailable: needs a user without CAP_BPF (run cargo test as a user)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let err = attach(dir.path(), &docker_default()).unwrap_err();
    assert!(err.is_unavailable(), "{err}");
    assert!(err.to_string().contains(&dir.path().display().to_string()), "{err}");
}

/// Root: the real kernel, in a cgroup2 hierarchy mounted for the test.
#[test]
fn bpf_attached_filter_blocks_devices_as_root() {
    match root::run() {
        Ok(()) => {}
        Err(root::Skip(why)) => eprintln!("SKIPPED: bpf_attached_filter_blocks_devices_as_root: {why}"),
    }
}

mod root {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};

    use nix::mount::{mount, umount2, MntFlags, MsFlags};
    use nix::sys::stat::{makedev, mknod, Mode, SFlag};
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::{fork, ForkResult};

    pub struct Skip(pub String);

    /// Unmounts the cgroup2 mount and removes the test's group, on every
    /// path out of the test (a failed assert included).
    struct Mounted {
        dir: tempfile::TempDir,
        group: PathBuf,
    }

    impl Drop for Mounted {
        fn drop(&mut self) {
            super::super::super::remove_dir(&self.group);
            let _ = umount2(self.dir.path(), MntFlags::MNT_DETACH);
        }
    }

    // What the child reports as its exit code.
    const OK: i32 = 0;
    const NOT_MOVED: i32 = 10;
    const NULL_REFUSED: i32 = 11;
    const KMSG_OPENED: i32 = 12;
    const KMSG_OTHER_ERRNO: i32 = 13;
    const MKNOD_REFUSED: i32 = 14;
    const LOOP_OPENED: i32 = 15;
    const LOOP_OTHER_ERRNO: i32 = 16;

    fn cstr(p: &Path) -> CString {
        CString::new(p.as_os_str().as_bytes()).unwrap()
    }

    pub fn run() -> Result<(), Skip> {
        if !nix::unistd::geteuid().is_root() {
            return Err(Skip("needs root (run cargo test as root)".into()));
        }
        let dir = tempfile::tempdir().unwrap();
        mount(Some("none"), dir.path(), Some("cgroup2"), MsFlags::empty(), None::<&str>)
            .map_err(|e| Skip(format!("cannot mount cgroup2 on {}: {e}", dir.path().display())))?;
        let group = dir.path().join(format!("pontoon-bpf-test-{}", std::process::id()));
        let mounted = Mounted { dir, group: group.clone() };
        std::fs::create_dir(&group).unwrap();

        // Nodes outside Docker's list: 1:11 (/dev/kmsg), which root can
        // open when no filter is in the way, and 7:0 (/dev/loop0).
        let nodes = tempfile::tempdir().unwrap();
        let kmsg = nodes.path().join("kmsg");
        mknod(&kmsg, SFlag::S_IFCHR, Mode::from_bits_truncate(0o600), makedev(1, 11)).unwrap();
        std::fs::File::open(&kmsg).map_err(|e| Skip(format!("a device node in {} cannot be opened even without a filter: {e}", nodes.path().display())))?;

        match super::attach(&group, &super::docker_default()) {
            Ok(()) => {}
            Err(e) if e.is_unavailable() => return Err(Skip(e.to_string())),
            Err(e) => panic!("{e}"),
        }

        // Everything the child touches is made before fork: between fork
        // and _exit it only makes raw syscalls.
        let procs = cstr(&group.join("cgroup.procs"));
        let (null, kmsg, loop0) = (cstr(Path::new("/dev/null")), cstr(&kmsg), cstr(&nodes.path().join("loop0")));
        // SAFETY: the child only calls async-signal-safe functions (open,
        // write, close, mknod, _exit) on memory prepared before the fork.
        let code = match unsafe { fork() }.unwrap() {
            ForkResult::Child => unsafe { child(&procs, &null, &kmsg, &loop0) },
            ForkResult::Parent { child } => match waitpid(child, None).unwrap() {
                WaitStatus::Exited(_, code) => code,
                other => panic!("the child ended with {other:?}"),
            },
        };
        let what = match code {
            OK => "",
            NOT_MOVED => "could not move itself into the cgroup",
            NULL_REFUSED => "could not open /dev/null",
            KMSG_OPENED => "opened c 1:11, which the list does not allow",
            KMSG_OTHER_ERRNO => "was refused c 1:11 with another errno than EPERM",
            MKNOD_REFUSED => "could not mknod b 7:0 (c/b *:* m allows it)",
            LOOP_OPENED => "opened b 7:0 for reading",
            LOOP_OTHER_ERRNO => "was refused b 7:0 with another errno than EPERM",
            _ => "failed in an unexpected way",
        };
        drop(mounted);
        assert_eq!(code, OK, "the child in the filtered cgroup {what}");
        // A directory that is no cgroup: the error names it and says why.
        let err = super::attach(nodes.path(), &super::docker_default()).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, super::DeviceFilterError::Attach { .. }), "{text}");
        assert!(text.contains(&nodes.path().display().to_string()) && text.contains("cgroup v2 directory"), "{text}");
        Ok(())
    }

    /// # Safety
    /// Runs in a forked child of a multi-threaded process: raw syscalls only.
    unsafe fn child(procs: &CString, null: &CString, kmsg: &CString, loop0: &CString) -> ! {
        // Writing 0 moves the writer itself.
        let fd = libc::open(procs.as_ptr(), libc::O_WRONLY);
        if fd < 0 || libc::write(fd, c"0".as_ptr().cast(), 1) != 1 {
            libc::_exit(NOT_MOVED);
        }
        libc::close(fd);
        let fd = libc::open(null.as_ptr(), libc::O_RDWR);
        if fd < 0 {
            libc::_exit(NULL_REFUSED);
        }
        libc::close(fd);
        if let Some(code) = refused(kmsg, KMSG_OPENED, KMSG_OTHER_ERRNO) {
            libc::_exit(code);
        }
        if libc::mknod(loop0.as_ptr(), libc::S_IFBLK | 0o600, libc::makedev(7, 0)) != 0 {
            libc::_exit(MKNOD_REFUSED);
        }
        if let Some(code) = refused(loop0, LOOP_OPENED, LOOP_OTHER_ERRNO) {
            libc::_exit(code);
        }
        libc::_exit(OK)
    }

    /// None when opening `path` read-only fails with EPERM, as the device
    /// cgroup refuses; else the code saying what happened instead.
    unsafe fn refused(path: &CString, opened: i32, other: i32) -> Option<i32> {
        let fd = libc::open(path.as_ptr(), libc::O_RDONLY);
        if fd >= 0 {
            libc::close(fd);
            return Some(opened);
        }
        (*libc::__errno_location() != libc::EPERM).then_some(other)
    }
}
