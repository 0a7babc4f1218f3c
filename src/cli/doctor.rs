//! `pontoon system doctor`: prints engine::doctor's checks of the host,
//! one actionable line each. Also used, showing only the failures, when a
//! rootless command cannot create its user namespace.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::engine::doctor::{self, Check, Level};
use crate::errors::PontoonError;

#[derive(Args, Debug)]
pub struct DoctorArgs {}

pub fn doctor(ctx: &Ctx, _args: DoctorArgs) -> Result<()> {
    let mut checks = doctor::host_checks();
    checks.push(doctor::storage_check(&ctx.paths));
    let mut failed = false;
    for c in &checks {
        let tag = match c.level {
            Level::Ok => "OK  ",
            Level::Warn => "WARN",
            Level::Fail => "FAIL",
        };
        failed |= c.level == Level::Fail;
        println!("{tag} {}", c.line);
    }
    if failed {
        // The FAIL lines above are the report: exit 1 without more text.
        return Err(PontoonError::Exit(1).into());
    }
    Ok(())
}

/// Prints the failing host checks to stderr when `err` is a rootless
/// command's failure to create its user namespace; else nothing.
pub fn explain(err: &anyhow::Error) {
    if doctor::userns_refused(err) {
        print_failed(&doctor::host_failures());
    }
}

/// Prints checks that failed to stderr, one `FAIL` line each.
pub fn print_failed(checks: &[Check]) {
    for c in checks.iter().filter(|c| c.level == Level::Fail) {
        eprintln!("FAIL {}", c.line);
    }
}
