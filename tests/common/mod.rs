//! The integration-test harness: every tests/<topic>.rs starts with
//! `mod common;` and gets a hermetic pontoon (`TestEnv`), a real registry
//! (`Registry`), and image fixtures built from Debian's busybox-static (and a
//! debootstrapped Debian with gcc, for builds) as OCI layouts. Each test
//! binary uses only part of it, hence unused items are allowed.
#![allow(dead_code, unused_imports)]

pub mod debian;
pub mod env;
pub mod fixtures;
pub mod kube;
pub mod large;
pub mod multilayer;
pub mod oci;
pub mod registry;
pub mod seed;

use std::path::{Path, PathBuf};

pub use debian::{debian_gcc_layout, DEBIAN_GCC_IMAGE};
pub use env::{describe, hostile_tar, process_alive, run_with_input, serve_http, serve_reply, tar_entries, wait_until, TestEnv};
pub use fixtures::{busybox_layout, multiarch_layout, MultiarchLayout};
pub use large::{large_layout, layered_layout};
pub use multilayer::{
    multilayer_layout, MULTILAYER_ABSENT, MULTILAYER_CONTENTS, MULTILAYER_LAYERS, MULTILAYER_LINK, MULTILAYER_OWNERS,
    MULTILAYER_PRESENT,
};
pub use registry::Registry;
pub use seed::{load_as, store_entries};

/// The pontoon binary under test: $PONTOON_BIN (the unprivileged CI run
/// copies the binary somewhere its user can read), else cargo's build.
pub fn pontoon_bin() -> PathBuf {
    match std::env::var_os("PONTOON_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_pontoon")),
    }
}

/// The `pontoon-monitor` that goes with [`pontoon_bin`]: beside it, as
/// cargo builds it and the unprivileged CI run copies it.
pub fn pontoon_monitor_bin() -> PathBuf {
    pontoon_bin().with_file_name("pontoon-monitor")
}

/// The device and inode of `path`, following links (a /proc/PID/exe
/// leads to the file the process runs from).
pub fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// That process `pid` runs from none of `binaries` (by device and inode,
/// whatever /proc/PID/exe is named) and that its binary takes no write.
pub fn assert_runs_sealed(pid: i64, binaries: &[&Path], what: &str) {
    let exe = format!("/proc/{pid}/exe");
    let running = file_identity(Path::new(&exe));
    assert!(running.is_some(), "{what} runs");
    let hosts: Vec<_> = binaries.iter().filter_map(|b| file_identity(b)).collect();
    assert!(!hosts.contains(&running.unwrap_or_default()), "{what} runs from the host's binary: {:?}", std::fs::read_link(&exe));
    let write = std::fs::OpenOptions::new().append(true).open(&exe).and_then(|mut f| std::io::Write::write_all(&mut f, b"evil"));
    assert!(write.is_err(), "{what}'s binary took a write");
}

pub fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Returns true (and says why) when a test must be skipped: write
/// `if skip_unless(cond, "why") { return; }`. cargo hides a passing test's
/// stderr, so the reason is also appended to the file $PONTOON_SKIP_LOG
/// names (`make test` sets it and prints the skips at the end).
pub fn skip_unless(cond: bool, why: &str) -> bool {
    if !cond {
        let test = std::thread::current().name().unwrap_or("?").to_string();
        let binary = std::env::args().next().and_then(|a| Some(Path::new(&a).file_name()?.to_string_lossy().into_owned())).unwrap_or_default();
        let binary = binary.rsplit_once('-').map_or(binary.as_str(), |(name, _hash)| name).to_string();
        eprintln!("SKIPPED: {why}");
        if let Some(log) = std::env::var_os("PONTOON_SKIP_LOG").filter(|l| !l.is_empty()) {
            use std::io::Write;
            let line = format!("{binary}::{test}: {why}\n");
            let appended = std::fs::OpenOptions::new().create(true).append(true).open(&log).and_then(|mut f| f.write_all(line.as_bytes()));
            if let Err(e) = appended {
                eprintln!("cannot record the skip in {}: {e}", Path::new(&log).display());
            }
        }
    }
    !cond
}
