//! `pontoon healthcheck run`: a container's healthcheck, once, now
//! (Podman's command; the monitor's timer runs the same one).

use anyhow::Result;
use clap::{Args, Subcommand};

use super::Ctx;
use crate::errors::PontoonError;
use crate::spec::health::HealthStatus;

const EXAMPLES: &str = "\
Examples:
  pontoon run -d --name web --health-cmd 'wget -q -O- http://localhost/' busybox httpd -f
  pontoon healthcheck run web && echo healthy";

#[derive(Subcommand, Debug)]
pub enum HealthcheckCommand {
    /// Run a container's healthcheck now: exit 0 when it passes, 1 when it fails
    Run(HealthcheckRunArgs),
}

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct HealthcheckRunArgs {
    /// The running container
    pub container: String,
}

pub fn run(ctx: &Ctx, command: HealthcheckCommand) -> Result<()> {
    match command {
        HealthcheckCommand::Run(args) => run_check(ctx, args),
    }
}

fn run_check(ctx: &Ctx, args: HealthcheckRunArgs) -> Result<()> {
    // The check's fork runs pontoon code inside the container until it
    // execs: from a sealed copy, as `exec`.
    crate::runtime::sealed::reexec_sealed()?;
    let store = ctx.store()?;
    let outcome = crate::engine::entry::healthcheck_run(&store, &args.container)?;
    // Podman's output: nothing when the check passed; else "unhealthy",
    // or "starting" for a failure the start period forgave; exit 1.
    if outcome.result.exit_code == 0 {
        return Ok(());
    }
    let forgiven = outcome.status == HealthStatus::Starting && outcome.failing_streak == 0;
    println!("{}", if forgiven { "starting" } else { "unhealthy" });
    Err(PontoonError::Exit(1).into())
}
