//! `exec`: a new process in a running container. The process is the
//! container's own (from its bundle's config.json: environment, working
//! directory, user, capabilities, no_new_privs, rlimits) with the caller's
//! command and overrides; the built-in runtime joins the container's
//! namespaces and starts it. With a terminal, this process holds the pty
//! master and relays it to the caller's terminal (`engine::exec_tty`).

use std::fs::File;
use std::os::fd::AsRawFd;

use anyhow::{bail, Context, Result};
use nix::unistd::Pid;
use oci_spec::runtime::{Capability, LinuxCapabilitiesBuilder, Process, Spec, UserBuilder};

use crate::engine::exec_pipes::Pipes;
use crate::engine::exec_tty::{relay, RelayEnd};
use crate::engine::lifecycle::{is_running, reconcile};
use crate::engine::user::resolve_user;
use crate::errors::PontoonError;
use crate::runtime::builtin::exec::{spawn, ExecStdio, SpawnOptions};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

pub struct ExecOptions {
    pub command: Vec<String>,
    /// `-e`/`--env-file` entries in order (`KEY=VALUE`, or `KEY` to pass ours).
    pub env: Vec<String>,
    pub workdir: Option<String>,
    pub user: Option<String>,
    pub privileged: bool,
    pub interactive: bool,
    pub tty: bool,
    pub detach: bool,
    pub detach_keys: Vec<u8>,
    /// `--preserve-fds N`: our fds 3..3+N go to the process.
    pub preserve_fds: u32,
}

/// How an exec ended.
pub enum ExecEnd {
    Exited(i32),
    /// `-d`, or the user typed the detach keys: the process runs on.
    Detached,
}

/// Runs `opts.command` in the running container `name`. Must be called
/// before any thread is started (joining a user namespace needs it).
pub fn exec(store: &Store, name: &str, opts: &ExecOptions) -> Result<ExecEnd> {
    if opts.command.is_empty() {
        bail!("no command given: use `pontoon exec CONTAINER COMMAND [ARG...]`");
    }
    // Our forks run pontoon code inside the container until they exec the
    // command: they must not be backed by the host's binary.
    crate::runtime::sealed::reexec_sealed()?;
    crate::runtime::fds::keep_across_exec(opts.preserve_fds).map_err(|e| anyhow::anyhow!(e))?;
    let c = store.containers.find(name)?;
    let c = reconcile(store, &c)?;
    let pid = match c.state.pid {
        Some(pid) if is_running(&c) => Pid::from_raw(pid),
        _ => return Err(not_running(&c.record.name)),
    };
    let paths = ContainerPaths::new(store, &c.record.id);
    let spec = Spec::load(&paths.config).with_context(|| format!("read the bundle {}", paths.config.display()))?;
    let base = spec.process().clone().context("the container's bundle has no process")?;
    let (passwd, group) = match &opts.user {
        // The container's own files, through the init's root.
        Some(_) => (read_in_container(pid, "etc/passwd"), read_in_container(pid, "etc/group")),
        None => (String::new(), String::new()),
    };
    let process = exec_process(&base, opts, &passwd, &group, &|k| std::env::var(k).ok())?;
    let null = File::options().read(true).write(true).open("/dev/null").context("open /dev/null")?;
    let mut pipes = None;
    let stdio = if opts.detach {
        let fd = null.as_raw_fd();
        ExecStdio::Fds { stdin: fd, stdout: fd, stderr: fd }
    } else if opts.tty {
        let (rows, cols) = crate::engine::attach::terminal_size().unwrap_or((24, 80));
        ExecStdio::Pty { rows, cols }
    } else {
        let p = pipes.insert(Pipes::new(opts.interactive)?);
        ExecStdio::Fds { stdin: p.child_stdin.as_raw_fd(), stdout: p.child_stdout.as_raw_fd(), stderr: p.child_stderr.as_raw_fd() }
    };
    let seccomp = match spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(section) => crate::runtime::seccomp::compile(section)?,
        None => Vec::new(),
    };
    let spawn_opts = SpawnOptions { detach: opts.detach, preserve_fds: opts.preserve_fds };
    let spawned = match spawn(pid, &process, &seccomp, &stdio, spawn_opts) {
        Ok(s) => s,
        Err(e) => match e.downcast_ref::<crate::runtime::builtin::StartError>() {
            Some(start) => return Err(PontoonError::StartFailed { code: start.exit_code(), message: start.to_string() }.into()),
            None => return Err(e),
        },
    };
    drop(null);
    crate::engine::events::emit(store, crate::engine::events::Event::container("exec", &c.record));
    let exited = |code: i32| {
        crate::engine::events::emit(store, crate::engine::events::Event::container("exec_died", &c.record).exit_code(code));
        ExecEnd::Exited(code)
    };
    if let Some(p) = pipes {
        let waiter = crate::runtime::pids::Process::find(spawned.waiter.as_raw(), None).context("watch the exec'd process")?;
        p.relay(waiter.as_raw_fd())?;
        return Ok(exited(spawned.wait()?));
    }
    if opts.detach {
        spawned.wait()?;
        return Ok(ExecEnd::Detached);
    }
    if let Some(master) = &spawned.master {
        if relay(master, opts.interactive, &opts.detach_keys)? == RelayEnd::Detached {
            // After a detach, the process must keep its terminal: a child of ours
            // holds the master and drains its output until the process is gone.
            crate::runtime::spawn::hold_terminal(master)?;
            return Ok(ExecEnd::Detached);
        }
    }
    Ok(exited(spawned.wait()?))
}

fn not_running(name: &str) -> anyhow::Error {
    let message = format!("container {name} is not running: start it with `pontoon start {name}` first");
    PontoonError::ContainerNotRunning { name: name.into(), message }.into()
}

/// The exec'd process's settings: the container's process with the
/// caller's command, environment, directory and user.
fn exec_process(base: &Process, opts: &ExecOptions, passwd: &str, group: &str, host_env: &dyn Fn(&str) -> Option<String>) -> Result<Process> {
    let mut process = base.clone();
    process.set_args(Some(opts.command.clone()));
    let mut env = base.env().clone().unwrap_or_default();
    let mut set = |kv: String| {
        let key = kv.split_once('=').map_or(kv.as_str(), |(k, _)| k).to_string();
        env.retain(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) != key);
        env.push(kv);
    };
    if opts.tty {
        set("TERM=xterm".into());
    }
    for entry in &opts.env {
        if entry.contains('=') {
            set(entry.clone());
        } else if let Some(value) = host_env(entry) {
            set(format!("{entry}={value}"));
        }
    }
    process.set_env(Some(env));
    if let Some(dir) = &opts.workdir {
        if !dir.starts_with('/') {
            bail!("the working directory {dir:?} is not absolute: give -w an absolute path such as /tmp");
        }
        process.set_cwd(dir.into());
    }
    if let Some(spec) = &opts.user {
        let user = resolve_user(spec, passwd, group)?;
        let built = UserBuilder::default()
            .uid(user.uid)
            .gid(user.gid)
            .additional_gids(user.additional_gids)
            .build()
            .context("build the exec user")?;
        process.set_user(built);
    }
    process.set_terminal(Some(opts.tty));
    if opts.privileged {
        let all: std::collections::HashSet<Capability> = all_capabilities();
        let caps = LinuxCapabilitiesBuilder::default()
            .bounding(all.clone())
            .effective(all.clone())
            .permitted(all.clone())
            .inheritable(all.clone())
            .ambient(std::collections::HashSet::new())
            .build()
            .context("build the privileged capability set")?;
        process.set_capabilities(Some(caps));
        process.set_no_new_privileges(Some(false));
    }
    Ok(process)
}

fn all_capabilities() -> std::collections::HashSet<Capability> {
    caps::all().iter().filter_map(|c| c.to_string().trim_start_matches("CAP_").parse::<Capability>().ok()).collect()
}

fn read_in_container(pid: Pid, path: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/root/{path}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oci_spec::runtime::ProcessBuilder;

    fn opts(command: &[&str]) -> ExecOptions {
        ExecOptions {
            command: command.iter().map(|s| s.to_string()).collect(),
            env: Vec::new(),
            workdir: None,
            user: None,
            privileged: false,
            interactive: false,
            tty: false,
            detach: false,
            detach_keys: Vec::new(),
            preserve_fds: 0,
        }
    }

    fn base() -> Process {
        ProcessBuilder::default()
            .args(vec!["sleep".to_string(), "1000".to_string()])
            .env(vec!["PATH=/bin".to_string(), "X=0".to_string()])
            .cwd("/srv")
            .user(UserBuilder::default().uid(5u32).gid(6u32).build().unwrap())
            .build()
            .unwrap()
    }

    #[test]
    fn the_containers_process_with_our_command() {
        let p = exec_process(&base(), &opts(&["ps"]), "", "", &|_| None).unwrap();
        assert_eq!(p.args().clone().unwrap(), ["ps"]);
        assert_eq!(p.cwd().to_str(), Some("/srv"));
        assert_eq!((p.user().uid(), p.user().gid()), (5, 6));
    }

    #[test]
    fn overrides_replace_the_containers_settings() {
        let mut o = opts(&["sh"]);
        o.env = vec!["X=1".into(), "FROM_HOST".into(), "UNSET".into()];
        o.workdir = Some("/tmp".into());
        o.user = Some("user".into());
        o.tty = true;
        let passwd = "root:x:0:0::/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n";
        let host = |k: &str| (k == "FROM_HOST").then(|| "yes".to_string());
        let p = exec_process(&base(), &o, passwd, "", &host).unwrap();
        assert_eq!(p.env().clone().unwrap(), ["PATH=/bin", "TERM=xterm", "X=1", "FROM_HOST=yes"]);
        assert_eq!(p.cwd().to_str(), Some("/tmp"));
        assert_eq!((p.user().uid(), p.user().gid()), (1000, 1000));
        o.workdir = Some("relative".into());
        assert!(exec_process(&base(), &o, passwd, "", &host).is_err());
    }

    #[test]
    fn privileged_gets_every_capability() {
        let mut o = opts(&["sh"]);
        o.privileged = true;
        let p = exec_process(&base(), &o, "", "", &|_| None).unwrap();
        let bounding = p.capabilities().as_ref().and_then(|c| c.bounding().clone()).unwrap();
        assert!(bounding.contains(&Capability::SysAdmin) && bounding.contains(&Capability::NetAdmin));
    }
}
