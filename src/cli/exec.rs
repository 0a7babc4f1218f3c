//! `pontoon exec`, `attach` and `top`: working with a running container.


use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::engine::attach::{attach as attach_to, parse_detach_keys, AttachEnd, AttachOptions};
use crate::engine::exec::{ExecEnd, ExecOptions};
use crate::engine::lifecycle::{is_running, reconcile};
use crate::errors::PontoonError;
use crate::format::table::Table;
use crate::store::layout::ContainerPaths;

const EXAMPLES: &str = "\
Examples:
  pontoon exec web ls /
  pontoon exec -it web sh
  pontoon exec -u 0 -w /tmp -e DEBUG=1 web env
  pontoon exec -d web sh -c 'date > /tmp/stamp'";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct ExecArgs {
    /// Keep stdin open
    #[arg(short, long)]
    pub interactive: bool,
    /// Allocate a pseudo-terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Run the command in the background
    #[arg(short, long)]
    pub detach: bool,
    #[command(flatten)]
    pub process: super::run::ProcessFlags,
    /// Give the command every capability
    #[arg(long)]
    pub privileged: bool,
    /// Key sequence to detach
    #[arg(long, default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Pass N more file descriptors (3 to 3+N-1) to the process
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub preserve_fds: u32,
    #[command(flatten)]
    pub latest: super::targets::Latest,
    #[command(flatten)]
    pub accepted: super::verbs_accepted::ExecAccepted,
    // One positional so that option parsing stops at the container: every
    // word after it belongs to the command, as in Docker (`exec ctr ps -ef`;
    // `exec ctr id -u` passes `-u` to id, it is not pontoon's --user).
    /// The container (unless --latest), then the command and its arguments (passed as they are)
    #[arg(value_names = ["CONTAINER", "COMMAND"], required = true, num_args = 1.., trailing_var_arg = true)]
    pub container_and_command: Vec<String>,
}

impl ExecArgs {
    /// The container: the first positional word (none with --latest).
    pub fn container(&self) -> Option<&str> {
        match self.latest.latest {
            true => None,
            false => self.container_and_command.first().map(String::as_str),
        }
    }

    /// The command: every word after the container, verbatim.
    pub fn command(&self) -> &[String] {
        let skip = usize::from(!self.latest.latest);
        self.container_and_command.get(skip..).unwrap_or_default()
    }
}

#[derive(Args, Debug)]
pub struct AttachArgs {
    /// Key sequence to detach
    #[arg(long, default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Do not attach stdin
    #[arg(long)]
    pub no_stdin: bool,
    /// Forward received signals to the container
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    #[command(flatten)]
    pub latest: super::targets::Latest,
    /// Container name or Id
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
}

#[derive(Args, Debug)]
pub struct TopArgs {
    #[command(flatten)]
    pub latest: super::targets::Latest,
    /// Container name or Id
    #[arg(required_unless_present = "latest")]
    pub container: Option<String>,
    /// ps options (accepted for compatibility; the columns are ps -ef's)
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub ps_options: Vec<String>,
}

pub fn exec(ctx: &Ctx, args: ExecArgs) -> Result<()> {
    args.accepted.check()?;
    // Not the storage namespace: the process joins the container's own
    // user namespace, which we may as its owner.
    super::tty_check::require_terminal_stdin(args.interactive, args.tty, args.detach)?;
    let store = ctx.store_files_only()?;
    let container = args.latest.name(&store, "exec", args.container())?;
    if args.command().is_empty() {
        anyhow::bail!("exec needs a command to run in container {container}");
    }
    let opts = ExecOptions {
        env: args.process.env_entries(&super::run::read_host_file)?,
        command: args.command().to_vec(),
        workdir: args.process.workdir,
        user: args.process.user,
        privileged: args.privileged,
        interactive: args.interactive,
        tty: args.tty,
        detach: args.detach,
        detach_keys: parse_detach_keys(&args.detach_keys)?,
        preserve_fds: args.preserve_fds,
    };
    match crate::engine::exec::exec(&store, &container, &opts)? {
        ExecEnd::Exited(0) | ExecEnd::Detached => Ok(()),
        ExecEnd::Exited(code) => Err(PontoonError::ContainerExit(code).into()),
    }
}

pub fn attach(ctx: &Ctx, args: AttachArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let name = args.latest.name(&store, "attach", args.container.as_deref())?;
    let c = reconcile(&store, &store.containers.find(&name)?)?;
    if !is_running(&c) {
        let message = format!("cannot attach to container {0}: it is not running; start it with `pontoon start -ai {0}`", c.record.name);
        return Err(PontoonError::ContainerNotRunning { name: c.record.name.clone(), message }.into());
    }
    let opts = AttachOptions {
        stdin: c.record.spec.interactive && !args.no_stdin,
        tty: c.record.spec.tty,
        detach_keys: parse_detach_keys(&args.detach_keys)?,
        sig_proxy: args.sig_proxy,
        streams: Default::default(),
    };
    crate::engine::events::emit(&store, crate::engine::events::Event::container("attach", &c.record));
    match attach_to(&ContainerPaths::new(&store, &c.record.id).socket(), opts)? {
        AttachEnd::Exited(0) | AttachEnd::Detached => Ok(()),
        AttachEnd::Exited(code) => Err(PontoonError::ContainerExit(code).into()),
    }
}

pub fn top(ctx: &Ctx, args: TopArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let mut table = Table::new(crate::engine::top::COLUMNS);
    // With --latest the first word is already a ps option (`top -l aux`).
    let named = args.container.as_deref().filter(|_| !args.latest.latest);
    let name = args.latest.name(&store, "top", named)?;
    for row in crate::engine::top::top(&store, &name)? {
        table.push(row);
    }
    print!("{}", table.render());
    Ok(())
}
