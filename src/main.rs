//! pontoon: a daemonless, rootless container engine with Docker's CLI.

mod build;
mod cli;
mod compose;
mod engine;
mod errors;
mod format;
mod image;
mod kube;
mod monitor;
mod network;
mod pod;
mod registry;
mod runtime;
mod spec;
mod store;

use clap::Parser;

fn main() {
    // Rust ignores SIGPIPE by default; a CLI piped into `head` should just stop.
    // SAFETY: resetting a signal disposition to its default at startup.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    // `--init`'s supervisor, re-executed from a sealed copy of pontoon.
    let args: Vec<String> = std::env::args().take(2).collect();
    if args.first().is_some_and(|a| a == runtime::builtin::tiny_init::ARGV0) {
        runtime::builtin::tiny_init::main(&args);
    }
    // A pod's infra process, re-executed from a sealed copy of pontoon.
    if args.first().is_some_and(|a| a == runtime::pause::ARGV0) {
        runtime::pause::main();
    }
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Each container's monitor, exec'd by `start`: read by hand, without
    // building clap's command tree (see cli::monitor_argv).
    if let Some(parsed) = cli::monitor_argv::parse(&raw) {
        run_monitor(parsed);
    }
    let argv = cli::compose::argv(raw.into_iter());
    let cli = match cli::Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        // --help and --version, as clap prints them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            std::process::exit(0);
        }
        Err(e) => {
            for line in cli::usage::report_lines(&e, &argv) {
                eprintln!("{line}");
            }
            std::process::exit(errors::EXIT_ENGINE);
        }
    };
    let family = cli.family();
    if let Err(err) = cli::run(cli) {
        fail(&err, family);
    }
}

/// `pontoon --root R --runroot RR __monitor ID ...`: supervises one
/// container, then exits.
fn run_monitor(parsed: Result<cli::monitor_argv::MonitorArgv, String>) -> ! {
    let parsed = match parsed {
        Ok(p) => p,
        Err(message) => {
            eprintln!("Error: {message}");
            std::process::exit(errors::EXIT_ENGINE);
        }
    };
    // `start` passes both directories, and the storage.conf driver it
    // read reaches us through the environment: storage.conf is not read again.
    let paths = store::paths::StorePaths::resolve_defaults(Some(parsed.root), Some(parsed.runroot));
    if let Err(err) = engine::entry::monitor(&paths, parsed.args) {
        fail(&err, errors::Family::Other);
    }
    std::process::exit(0);
}

/// Prints a command's error as the CLI does and exits with its code.
fn fail(err: &anyhow::Error, family: errors::Family) -> ! {
    // The host checks behind a refused user namespace, before the error.
    cli::doctor::explain(err);
    for line in errors::report_lines(err) {
        eprintln!("{line}");
    }
    std::process::exit(errors::exit_code(err, family));
}
