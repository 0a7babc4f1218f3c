//! The per-container supervisor (`pontoon __monitor ID`): mounts the
//! container's rootfs in a mount namespace of its own, holds the pty or the
//! stdio pipes, writes the log, serves attach clients on a unix socket,
//! records the exit, applies the restart policy, runs the healthcheck on
//! its timer (`health_timer`, `health`), and removes `--rm` containers. It is single-threaded and uses a few small buffers, so it
//! costs little memory while the container runs.

mod clients;
mod external;
mod footprint;
pub mod health;
mod health_timer;
mod shared_ns;
pub use clients::connect;
pub mod logfile;
pub mod protocol;
mod stdio;

use std::fs::File;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::time::Duration;

use anyhow::{Context, Result};
use chrono::Utc;
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;
use oci_spec::runtime::Spec;

use crate::runtime::{builtin, cgroups};
use crate::store::containers::{ContainerRecord, Status};
use crate::store::layout::ContainerPaths;
use crate::store::Store;
use clients::Clients;
use health_timer::HealthTimer;
use protocol::StartReport;
use logfile::LogWriter;
use stdio::MonitorStdio;

pub struct MonitorArgs {
    pub id: String,
    /// Write end of the pipe on which `start` waits for "ok" or an error.
    pub sync_fd: Option<i32>,
    /// Start the process only once a client has attached.
    pub attach_wait: bool,
    /// The attaching terminal's size (rows, cols), for the container's pty.
    pub tty_size: Option<(u16, u16)>,
    /// `run --preserve-fds N`: our fds 3..3+N go to the container.
    pub preserve_fds: u32,
}

/// Closes every fd the monitor inherited but its sync pipe and the ones
/// the user asked to pass to the container; called first thing.
pub fn close_inherited_fds(sync_fd: Option<i32>, preserve_fds: u32) {
    let mut keep: Vec<i32> = sync_fd.into_iter().collect();
    keep.extend(crate::runtime::fds::preserved(preserve_fds));
    crate::runtime::fds::close_all_except(&keep);
}

/// The size the container's pty starts with, from `start`; set once at the
/// top of this single-purpose process.
static TTY_SIZE: std::sync::OnceLock<(u16, u16)> = std::sync::OnceLock::new();

fn initial_tty_size() -> Option<(u16, u16)> {
    TTY_SIZE.get().copied()
}

/// How long an attaching `run` may take to connect before the container
/// starts anyway.
const ATTACH_TIMEOUT: Duration = Duration::from_secs(30);

pub fn run(store: &Store, args: MonitorArgs) -> Result<()> {
    footprint::limit_arenas();
    if let Some(size) = args.tty_size {
        let _ = TTY_SIZE.set(size);
    }
    // A `run` killed before reading our report must not kill us (and so
    // orphan the container) through SIGPIPE; the write just fails.
    // SAFETY: ignoring a signal is always sound; the container's init
    // resets every disposition before it execs.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    // SAFETY: the fd was passed to us across exec for exactly this use.
    let mut sync = args.sync_fd.map(|fd| unsafe { File::from_raw_fd(fd) });
    if let Some(fd) = args.sync_fd {
        // Keep it out of the container once the container execs.
        let _ = nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC));
    }
    let result = supervise(store, &args, &mut sync);
    if let Err(e) = &result {
        let text = crate::errors::one_line(e);
        let _ = store.containers.update_state(&args.id, |st| {
            st.status = Status::Exited;
            st.exit_code = Some(crate::errors::EXIT_ENGINE);
            st.error = Some(text.clone());
            st.finished_at = Some(Utc::now());
            st.pid = None;
            st.monitor_pid = None;
            Ok(())
        });
        // `run --rm` leaves nothing behind, also when the start failed;
        // removed before the report, so `run` returns to a clean `ps -a`.
        if store.containers.load(&args.id).is_ok_and(|c| c.record.spec.auto_remove) {
            let paths = ContainerPaths::new(store, &args.id);
            let _ = crate::store::rootfs::unmount(&paths.merged);
            let _ = store.containers.remove(&args.id);
            let _ = std::fs::remove_dir_all(&paths.run_dir);
        }
        report(&mut sync, StartReport::Failed { code: crate::errors::EXIT_ENGINE, message: text });
    }
    result
}

/// Sends `start` its one answer (the first call only).
fn report(sync: &mut Option<File>, report: StartReport) {
    if let Some(mut s) = sync.take() {
        let _ = s.write_all(&report.encode());
    }
}

fn supervise(store: &Store, args: &MonitorArgs, sync: &mut Option<File>) -> Result<()> {
    let container = store.containers.load(&args.id)?;
    let record = container.record;
    let paths = ContainerPaths::new(store, &record.id);
    let mut spec = Spec::load(&paths.config).with_context(|| format!("read the bundle {}", paths.config.display()))?;
    let _shared_namespaces = shared_ns::hold(&mut spec, &paths.config)?;
    let mut signals = SigSet::empty();
    for s in [Signal::SIGCHLD, Signal::SIGTERM, Signal::SIGINT, Signal::SIGHUP] {
        signals.add(s);
    }
    signals.thread_block().context("block signals in the monitor")?;
    let signal_fd = SignalFd::with_flags(&signals, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK).context("create a signalfd")?;
    // The rootfs mount belongs to the monitor alone and vanishes with it:
    // the rootless network namespace's holder, which this monitor may
    // fork, goes back to the namespace it had before.
    crate::network::rootless_netns::remember_mount_namespace()?;
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS).context("create the monitor's mount namespace")?;
    nix::mount::mount(None::<&str>, "/", None::<&str>, nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_SLAVE, None::<&str>)
        .context("make / a slave mount")?;
    mount_rootfs(store, &record, &paths, &spec)?;
    let mut clients = Clients::listen(&paths.socket())?;
    let mut log = LogWriter::for_container(&record.spec.options.log, &paths.log)?;
    // The network is made once, before the first start, and kept across
    // restarts; undone below whatever happens.
    let mut sandbox = crate::network::setup::prepare(store, &record, &paths)?;
    let ran = run_until_done(store, args, sync, &record, &spec, &signal_fd, &mut clients, &mut log, &sandbox);
    // Before anyone hears of the exit: a `run --rm` that returned has left
    // no lease, link or forwarder behind.
    sandbox.teardown(store, &record);
    // Also when the run failed: a fuse-overlayfs daemon ends only with its mount.
    let _ = crate::store::rootfs::unmount(&paths.merged);
    let final_code = ran?;
    // `run --rm` returns only once the container is gone, as in Docker:
    // remove before telling attached clients the exit code.
    if record.spec.auto_remove {
        store.containers.remove(&record.id)?;
        crate::engine::events::emit(store, crate::engine::events::Event::container("remove", &record));
        // `--rm` takes the container's anonymous volumes with it, as in Docker.
        if let Err(e) = crate::store::volumes::remove_anonymous(store, &record) {
            eprintln!("remove the anonymous volumes of {}: {}", record.name, crate::errors::one_line(&e));
        }
        // `--rmi`: the image too, unless another container still uses it.
        if record.spec.options.remove_image {
            // By the name it ran by, as Podman: the last name takes the image with it.
            if let Err(e) = crate::engine::images::remove(store, &record.image_name, false) {
                eprintln!("--rmi: keep image {}: {}", record.image_name, crate::errors::one_line(&e));
            }
        }
    }
    store.containers.update_state_if_exists(&record.id, |st| {
        st.monitor_pid = None;
        Ok(())
    })?;
    clients.broadcast(protocol::EXIT, &final_code.to_be_bytes());
    clients.close();
    if record.spec.auto_remove {
        let _ = std::fs::remove_dir_all(&paths.run_dir);
    }
    // Last: the pod may stop with it (pod create --exit-policy stop).
    if let Err(e) = crate::engine::pods_ops::after_member_exit(store, &record) {
        eprintln!("{}", crate::errors::one_line(&e));
    }
    Ok(())
}

/// Runs the container, again as its restart policy says; returns its last
/// exit code.
#[allow(clippy::too_many_arguments)]
fn run_until_done(
    store: &Store,
    args: &MonitorArgs,
    sync: &mut Option<File>,
    record: &ContainerRecord,
    spec: &Spec,
    signal_fd: &SignalFd,
    clients: &mut Clients,
    log: &mut LogWriter,
    sandbox: &crate::network::setup::Sandbox,
) -> Result<i32> {
    // `--init` runs its supervisor, an infra container its pause, from a
    // sealed executable of pontoon (the monitor's own, when `start` exec'd
    // it from one), opened once and kept for restarts.
    let sealed = if (builtin::wants_tiny_init(spec) || crate::runtime::pause::wanted(spec)) && record.spec.runtime.is_none() { Some(crate::runtime::sealed::sealed_self()?) } else { None };
    let extras = builtin::InitExtras {
        preserve_fds: args.preserve_fds,
        sealed_exe: sealed.as_ref().map(std::os::fd::AsRawFd::as_raw_fd),
        netns: sandbox.netns.as_ref().map(std::os::fd::AsRawFd::as_raw_fd),
        ..Default::default()
    };
    let mut health = HealthTimer::new(store, record);
    let mut first = true;
    let final_code = loop {
        let io = RunIo { signal_fd, clients, log, sync, health: &mut health };
        let code = run_once(store, record, spec, extras, io, first && args.attach_wait, first)?;
        first = false;
        let state = store.containers.load(&record.id)?.state;
        // `--health-on-failure restart` restarts whatever the policy says.
        let health_restart = health.take_restart() && !state.stopped_by_user;
        if !health_restart && !record.spec.restart.should_restart(code, state.restart_count, state.stopped_by_user) {
            break code;
        }
        clients.broadcast(protocol::EXIT, &code.to_be_bytes());
        let delay = Duration::from_millis(100u64.saturating_mul(1 << state.restart_count.min(9)));
        std::thread::sleep(delay);
        store.containers.update_state(&record.id, |st| {
            st.restart_count += 1;
            Ok(())
        })?;
        if store.containers.load(&record.id)?.state.stopped_by_user {
            break code;
        }
    };
    Ok(final_code)
}
fn mount_rootfs(store: &Store, record: &ContainerRecord, paths: &ContainerPaths, spec: &Spec) -> Result<()> {
    let mut layers = crate::store::layout::image_layer_dirs(store, &record.image_id)?;
    // A user namespace of its own: the image's owners shifted to its maps.
    if let Some(shifted) = crate::runtime::userns_rootfs::prepare(spec, &paths.dir, &paths.upper, &layers)? {
        layers = vec![shifted];
    }
    let (driver, _) = crate::store::rootfs::driver::choose(&store.paths)?;
    // A vfs root is a copy made at the first start and kept: copying the
    // layers again on a restart would undo the container's own changes.
    let already_copied = std::fs::read_dir(&paths.merged).map(|mut d| d.next().is_some()).unwrap_or(false);
    if driver == crate::store::rootfs::Driver::Vfs && already_copied {
        return Ok(());
    }
    // Mounted by `pontoon mount` (this namespace is a copy of the one it
    // was made in): the container runs on that very overlay, as a second
    // one over the same upper directory is refused or corrupts it.
    if driver != crate::store::rootfs::Driver::Vfs && crate::store::rootfs::is_mountpoint(&paths.merged) {
        return Ok(());
    }
    // A --rm container's writes go with it: no syncing them (see
    // mount_rootfs_volatile). It is mounted once: it is never restarted.
    match record.spec.auto_remove {
        true => crate::store::rootfs::mount_rootfs_volatile(&layers, &paths.upper, &paths.work, &paths.merged, driver),
        false => crate::store::rootfs::mount_rootfs(&layers, Some(&paths.upper), Some(&paths.work), &paths.merged, driver),
    }
    .with_context(|| format!("mount the root filesystem of container {}", &record.id[..12]))
}

/// The monitor's channels and timers that one run of the container uses.
struct RunIo<'r, 'h> {
    signal_fd: &'r SignalFd,
    clients: &'r mut Clients,
    log: &'r mut LogWriter,
    sync: &'r mut Option<File>,
    health: &'r mut HealthTimer<'h>,
}

/// Runs the container's process once; returns its exit code.
fn run_once(store: &Store, record: &ContainerRecord, spec: &Spec, extras: builtin::InitExtras, io: RunIo, wait_for_client: bool, first: bool) -> Result<i32> {
    let RunIo { signal_fd, clients, log, sync, health } = io;
    let mut stdio = MonitorStdio::new(record.spec.tty, record.spec.interactive)?;
    if let Some(runtime) = &record.spec.runtime {
        let io = external::Io { signal_fd, clients, log, sync, preserve_fds: extras.preserve_fds, netns: extras.netns, health };
        return external::run(store, record, runtime, spec, stdio, io, wait_for_client, first);
    }
    let created = builtin::create(spec, stdio.container(), extras)?;
    stdio.close_child_ends();
    let pid = created.pid;
    // The init waits for `release`: put it in its cgroup first, so that
    // nothing of the container ever runs outside its limits.
    let cgroup = match setup_cgroup(&record.id, spec, pid) {
        Ok(g) => g,
        Err(e) => {
            // The init holds its own copy of the release pipe, so closing
            // ours would not end it: kill it.
            let _ = nix::sys::signal::kill(pid, Signal::SIGKILL);
            drop(created);
            reap(pid);
            return Err(e);
        }
    };
    if wait_for_client {
        mark_running(store, record, None)?;
        report(sync, StartReport::Started);
        clients.wait_for_first(ATTACH_TIMEOUT)?;
        crate::engine::events::emit(store, crate::engine::events::Event::container("attach", record));
    }
    let code = match created.release_with_size(initial_tty_size().filter(|_| record.spec.tty)) {
        Ok(_) => {
            // Only now that the init runs the container's command may `exec`
            // find it: before, it was pontoon code backed by our binary.
            mark_running(store, record, Some(pid))?;
            stdio.receive_console()?;
            if first {
                report(sync, StartReport::Started);
            }
            // Setup parsed the bundle and built filters: give its heap,
            // stack and code back before idling for the container's life.
            footprint::shed_setup_memory();
            health.on_start();
            let code = clients::pump(pid, signal_fd, &mut stdio, clients, log, health);
            health.on_exit();
            health.exit_code(code?)
        }
        Err(e) => {
            let message = format!("Error: {e}\n");
            let _ = log.write("stderr", message.as_bytes());
            clients.broadcast(protocol::STDERR, message.as_bytes());
            reap(pid);
            if first {
                report(sync, StartReport::Failed { code: e.exit_code(), message: e.to_string() });
            }
            e.exit_code()
        }
    };
    // In another container's PID namespace (a pod's with --share pid,
    // --pid container:X) the init's end does not end its processes: its
    // cgroup does, when it has one.
    if let (Some(g), true) = (&cgroup, shared_ns::joins_pid_namespace(spec)) {
        g.kill_all();
    }
    record_exit(store, record, cgroup, code)?;
    Ok(code)
}

/// Marks the container running under this monitor; with the init's pid
/// once it runs the container's command (and the pid's start time, so that
/// a later command can tell it from a process that reused the pid). One
/// state write on the start path.
pub(crate) fn mark_running(store: &Store, record: &ContainerRecord, pid: Option<Pid>) -> Result<()> {
    let start = pid.and_then(|p| crate::runtime::process_start_time(p.as_raw()));
    if pid.is_some() {
        // Written before `start` hears of it, so before any "died".
        for status in ["init", "start"] {
            crate::engine::events::emit(store, crate::engine::events::Event::container(status, record));
        }
    }
    store.containers.update_state(&record.id, |st| {
        st.status = Status::Running;
        st.stopper = None;
        st.pid = pid.map(Pid::as_raw);
        st.pid_start_time = start;
        st.monitor_pid = Some(std::process::id() as i32);
        st.started_at = Some(Utc::now());
        st.finished_at = None;
        st.exit_code = None;
        st.error = None;
        st.oom_killed = false;
        // Each start begins a new "starting" period (Docker's).
        if pid.is_some() && record.spec.health.check().is_some() {
            st.health.get_or_insert_with(Default::default).restart();
        }
        Ok(())
    })
}

/// Records the exit of the container's process and removes its cgroup.
fn record_exit(store: &Store, record: &ContainerRecord, cgroup: Option<cgroups::Group>, code: i32) -> Result<()> {
    // OOM: the kernel killed a process of the group, and the container's
    // process died of SIGKILL (Docker's OOMKilled).
    let oom_killed = code == 128 + libc::SIGKILL && cgroup.as_ref().is_some_and(|g| g.oom_killed());
    if let Some(g) = &cgroup {
        g.remove();
    }
    let recorded = store.containers.update_state(&record.id, |st| {
        st.status = Status::Exited;
        // A stop waiting for this exit is over.
        st.stopper = None;
        st.oom_killed = oom_killed;
        st.exit_code = Some(code);
        st.finished_at = Some(Utc::now());
        st.pid = None;
        Ok(())
    });
    crate::engine::events::emit(store, crate::engine::events::Event::died(record, code));
    recorded
}

/// Creates the container's cgroup with its limits and moves the init in.
/// None when no limit is asked and the host gives no cgroups.
fn setup_cgroup(id: &str, spec: &Spec, pid: Pid) -> Result<Option<cgroups::Group>> {
    let resources = spec.linux().as_ref().and_then(|l| l.resources().as_ref());
    let Some(group) = cgroups::detect().create(id, resources)? else {
        return Ok(None);
    };
    if let Err(e) = group.add(pid.as_raw()) {
        group.remove();
        return Err(e);
    }
    Ok(Some(group))
}

fn reap(pid: Pid) {
    let _ = crate::runtime::wait::wait_for(pid);
}

/// Reaps `pid` if it has exited, without blocking.
pub fn try_reap(pid: Pid) -> Option<i32> {
    match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
        Ok(status) => crate::runtime::wait::exit_code(status),
        Err(_) => None,
    }
}
