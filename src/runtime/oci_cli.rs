//! External OCI runtimes (`--runtime crun`, runc, youki): the monitor runs
//! `RUNTIME --root <runroot>/runtime/<name> create --bundle <dir> <id>`
//! with the container's stdio, puts the created init in its cgroup, then
//! `start`s it. The monitor is a child subreaper, so the container's init
//! becomes its child and is waited for, signalled and measured exactly
//! like one of the built-in runtime. The bundle's config.json is the
//! whole contract.

use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use nix::unistd::Pid;

use super::builtin::ContainerStdio;

pub struct External {
    program: PathBuf,
    name: String,
    state_root: PathBuf,
}

/// The `--runtime-flag` values of the command, one a line.
pub const RUNTIME_FLAGS_ENV: &str = "_PONTOON_RUNTIME_FLAGS";

impl External {
    /// Finds `runtime` (a name on PATH or a path).
    pub fn find(runtime: &str, runroot: &Path) -> Result<External> {
        let program = super::search_path::find_on_host(runtime).with_context(|| {
            format!("OCI runtime {runtime:?} not found in $PATH: install it (e.g. apt install {runtime}) or give its path")
        })?;
        if !program.is_file() {
            bail!("OCI runtime {} does not exist: give the path of an executable", program.display());
        }
        let name = program.file_name().and_then(|n| n.to_str()).unwrap_or("runtime").to_string();
        let state_root = runroot.join("runtime").join(&name);
        Ok(External { program, name, state_root })
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        if self.name == "crun" {
            // pontoon makes the cgroups itself (crun cannot use a hybrid
            // v1/v2 tree, and rootless has none): crun must not try.
            cmd.arg("--cgroup-manager=disabled");
        }
        cmd.arg("--root").arg(&self.state_root);
        // `pontoon --runtime-flag debug ...`: global flags of the runtime,
        // for every call this command (and the monitor it starts) makes.
        if let Ok(flags) = std::env::var(RUNTIME_FLAGS_ENV) {
            for flag in flags.split('\n').filter(|f| !f.is_empty()) {
                cmd.arg(if flag.starts_with('-') { flag.to_string() } else { format!("--{flag}") });
            }
        }
        cmd
    }

    /// crun refuses to run at all on a hybrid host whose cgroup v2 mount
    /// has a controller ("cgroups in hybrid mode not supported"), even
    /// with its cgroup manager disabled. pontoon makes the cgroups itself,
    /// so the monitor hides that mount from crun with an empty tmpfs, in
    /// the monitor's own mount namespace (the host is not affected).
    fn hide_hybrid_unified(&self) -> Result<()> {
        let unified = Path::new("/sys/fs/cgroup/unified");
        let is_cgroup2 = nix::sys::statfs::statfs(unified).is_ok_and(|s| s.filesystem_type() == nix::sys::statfs::CGROUP2_SUPER_MAGIC);
        if self.name != "crun" || !is_cgroup2 {
            return Ok(());
        }
        nix::mount::mount(Some("tmpfs"), unified, Some("tmpfs"), nix::mount::MsFlags::MS_RDONLY, Some("size=4k"))
            .with_context(|| format!("hide {} from crun on this hybrid cgroup host", unified.display()))
    }

    /// `create`: returns the container's init, created and waiting for
    /// `start`. The caller must be a child subreaper to wait for it.
    /// With `console_socket`, the bundle asks for a terminal: the runtime
    /// makes the pty and sends its master to that socket.
    pub fn create(&self, bundle: &Path, id: &str, stdio: &ContainerStdio, console_socket: Option<&Path>, preserve_fds: u32) -> Result<Pid> {
        std::fs::create_dir_all(&self.state_root).with_context(|| format!("create {}", self.state_root.display()))?;
        self.hide_hybrid_unified()?;
        // A container of this Id left over from a crash would make create fail.
        let _ = self.command().args(["delete", "--force", id]).stdout(Stdio::null()).stderr(Stdio::null()).status();
        let pid_file = bundle.join("runtime.pid");
        let _ = std::fs::remove_file(&pid_file);
        let dup = |fd: i32| -> Result<Stdio> {
            let copy = nix::unistd::dup(fd).context("duplicate a container stream")?;
            // SAFETY: dup returned a fresh fd that nothing else owns.
            Ok(Stdio::from(unsafe { OwnedFd::from_raw_fd(copy) }))
        };
        let log = bundle.join("runtime.log");
        let _ = std::fs::remove_file(&log);
        let mut cmd = self.command();
        cmd.arg("--log").arg(&log).arg("create").arg("--bundle").arg(bundle).arg("--pid-file").arg(&pid_file);
        if preserve_fds > 0 {
            cmd.arg("--preserve-fds").arg(preserve_fds.to_string());
        }
        match console_socket {
            Some(socket) => {
                cmd.arg("--console-socket").arg(socket);
                cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
            }
            None => {
                cmd.stdin(dup(stdio.stdin)?)
                    .stdout(dup(stdio.stdout)?)
                    // The runtime hands its stderr to the container: give it
                    // the container's, and read its errors from the log.
                    .stderr(dup(stdio.stderr)?);
            }
        }
        let status = cmd.arg(id).status().with_context(|| format!("run {}", self.program.display()))?;
        if !status.success() {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            bail!("{} create failed ({status}): {}", self.name, text.trim().lines().last().unwrap_or("see the container's log"));
        }
        let text = std::fs::read_to_string(&pid_file).with_context(|| format!("read {}", pid_file.display()))?;
        let pid: i32 = text.trim().parse().with_context(|| format!("{} wrote no pid to {}", self.name, pid_file.display()))?;
        Ok(Pid::from_raw(pid))
    }

    pub fn start(&self, id: &str) -> Result<()> {
        let output = self.command().arg("start").arg(id).output().with_context(|| format!("run {}", self.program.display()))?;
        if !output.status.success() {
            bail!("{} start failed: {}", self.name, String::from_utf8_lossy(&output.stderr).trim());
        }
        Ok(())
    }

    /// Forgets the container in the runtime's state once it has exited.
    pub fn delete(&self, id: &str) {
        let _ = self.command().args(["delete", "--force", id]).stdout(Stdio::null()).stderr(Stdio::null()).status();
    }
}
