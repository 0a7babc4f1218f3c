//! Running the container with an external OCI runtime (`--runtime`):
//! create, cgroup, start, then the same event loop as the built-in one.
//! The monitor becomes a child subreaper so that the container's init,
//! which the runtime forks and leaves, is reparented to it and waited for.

use std::fs::File;

use std::os::fd::AsRawFd;
use std::os::unix::net::UnixListener;

use anyhow::{bail, Context, Result};
use nix::sys::signalfd::SignalFd;
use oci_spec::runtime::Spec;

use super::clients::{self, Clients};
use super::logfile::LogWriter;
use super::stdio::MonitorStdio;
use super::{mark_running, record_exit, report, setup_cgroup, ATTACH_TIMEOUT};
use crate::runtime::oci_cli::External;
use crate::store::containers::ContainerRecord;
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// The monitor's channels the run loop needs.
pub struct Io<'a, 'h> {
    pub signal_fd: &'a SignalFd,
    pub clients: &'a mut Clients,
    pub log: &'a mut LogWriter,
    pub sync: &'a mut Option<File>,
    /// `run --preserve-fds N`, passed on to the runtime.
    pub preserve_fds: u32,
    /// The network namespace the monitor made (network::setup).
    pub netns: Option<std::os::fd::RawFd>,
    /// The healthcheck's timer, run by the event loop.
    pub health: &'a mut super::health_timer::HealthTimer<'h>,
}

/// Points the bundle's network namespace at the monitor's: the runtime
/// joins it by path (this monitor's fd, open for the container's life).
fn join_monitor_netns(bundle_config: &std::path::Path, netns: std::os::fd::RawFd) -> Result<()> {
    let mut spec = Spec::load(bundle_config).with_context(|| format!("read {}", bundle_config.display()))?;
    let path = std::path::PathBuf::from(format!("/proc/{}/fd/{netns}", std::process::id()));
    if let Some(linux) = spec.linux_mut() {
        if let Some(namespaces) = linux.namespaces_mut() {
            for ns in namespaces.iter_mut().filter(|n| n.typ() == oci_spec::runtime::LinuxNamespaceType::Network) {
                ns.set_path(Some(path.clone()));
            }
        }
    }
    spec.save(bundle_config).with_context(|| format!("write {}", bundle_config.display()))
}

#[allow(clippy::too_many_arguments)]
pub fn run(
    store: &Store,
    record: &ContainerRecord,
    runtime: &str,
    spec: &Spec,
    mut stdio: MonitorStdio,
    io: Io,
    wait_for_client: bool,
    first: bool,
) -> Result<i32> {
    if record.spec.init {
        bail!("--init with --runtime {runtime} is not supported: pontoon's init lives in the built-in runtime; drop --runtime");
    }
    let rt = External::find(runtime, &store.paths.runroot)?;
    // SAFETY: prctl with constant arguments.
    if unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) } < 0 {
        bail!("become a child subreaper: {}", std::io::Error::last_os_error());
    }
    let paths = ContainerPaths::new(store, &record.id);
    if let Some(netns) = io.netns {
        join_monitor_netns(&paths.config, netns)?;
    }
    // With -t the runtime makes the pty and sends its master to a socket
    // we listen on; a short path, since sun_path holds only 108 bytes.
    let console = if record.spec.tty {
        let dir = tempfile::Builder::new().prefix("pontoon-console-").tempdir().context("create a directory for the console socket")?;
        let listener = UnixListener::bind(dir.path().join("s")).context("listen for the runtime's terminal")?;
        Some((dir, listener))
    } else {
        None
    };
    let socket = console.as_ref().map(|(dir, _)| dir.path().join("s"));
    let pid = rt.create(&paths.dir, &record.id, stdio.container(), socket.as_deref(), io.preserve_fds)?;
    stdio.close_child_ends();
    if let Some((_dir, listener)) = console {
        let (stream, _) = listener.accept().context("wait for the runtime's terminal")?;
        let master = crate::runtime::builtin::console::receive_fd(stream.as_raw_fd())?;
        stdio.adopt_console(master)?;
        if let Some((rows, cols)) = super::initial_tty_size() {
            stdio.resize(rows, cols);
        }
    }
    let cgroup = match setup_cgroup(&record.id, spec, pid) {
        Ok(g) => g,
        Err(e) => {
            rt.delete(&record.id);
            super::reap(pid);
            return Err(e);
        }
    };
    if wait_for_client {
        mark_running(store, record, None)?;
        report(io.sync, super::protocol::StartReport::Started);
        io.clients.wait_for_first(ATTACH_TIMEOUT)?;
        crate::engine::events::emit(store, crate::engine::events::Event::container("attach", record));
    }
    if let Err(e) = rt.start(&record.id) {
        rt.delete(&record.id);
        super::reap(pid);
        record_exit(store, record, cgroup, crate::errors::EXIT_ENGINE)?;
        return Err(e);
    }
    mark_running(store, record, Some(pid))?;
    if first {
        report(io.sync, super::protocol::StartReport::Started);
    }
    io.health.on_start();
    let code = clients::pump(pid, io.signal_fd, &mut stdio, io.clients, io.log, io.health);
    io.health.on_exit();
    let code = io.health.exit_code(code?);
    rt.delete(&record.id);
    record_exit(store, record, cgroup, code)?;
    Ok(code)
}
