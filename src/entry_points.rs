//! Where each pontoon executable starts: the hidden re-executions from a
//! sealed copy (`--init`'s supervisor, a pod's infra process), then the
//! command line or a container's monitor.

use std::ffi::OsString;

use clap::Parser;

use crate::{cli, engine, errors, runtime, store};

/// `pontoon`: the command line. A monitor's argv is still taken here, for
/// an engine installed without its `pontoon-monitor`.
pub fn cli_main() -> ! {
    let raw = start_process();
    // Each container's monitor, exec'd by `start`: read by hand, without
    // building clap's command tree (see cli::monitor_argv).
    if let Some(parsed) = cli::monitor_argv::parse(&raw) {
        run_monitor(parsed);
    }
    engine::monitor_exe::forget_monitor_env();
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
        // The host checks behind a refused user namespace, before the error.
        cli::doctor::explain(&err);
        exit_with(&err, family);
    }
    std::process::exit(0);
}

/// `pontoon-monitor`: a container's monitor and nothing else (see
/// engine::monitor_binary for how `start` finds it).
pub fn monitor_main() -> ! {
    let raw = start_process();
    match cli::monitor_argv::parse(&raw) {
        Some(parsed) => run_monitor(parsed),
        None => {
            eprintln!("Error: pontoon-monitor is started by `pontoon start` only (its command line is pontoon's own); run `pontoon` instead");
            std::process::exit(errors::EXIT_ENGINE);
        }
    }
}

/// What every pontoon executable does first; returns its argv unless it
/// was one of the sealed re-executions, which never return.
fn start_process() -> Vec<OsString> {
    // Rust ignores SIGPIPE by default; a CLI piped into `head` should just stop.
    // SAFETY: resetting a signal disposition to its default at startup.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let raw: Vec<OsString> = std::env::args_os().collect();
    let argv0 = raw.first().and_then(|a| a.to_str());
    // `--init`'s supervisor, re-executed from a sealed copy of the binary.
    if argv0 == Some(runtime::builtin::tiny_init::ARGV0) {
        let args: Vec<String> = raw.iter().take(2).map(|a| a.to_string_lossy().into_owned()).collect();
        runtime::builtin::tiny_init::main(&args);
    }
    // A pod's infra process, re-executed from a sealed copy of the binary.
    if argv0 == Some(runtime::pause::ARGV0) {
        runtime::pause::main();
    }
    raw
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
        exit_with(&err, errors::Family::Other);
    }
    std::process::exit(0);
}

/// Prints a command's error as the CLI does and exits with its code.
fn exit_with(err: &anyhow::Error, family: errors::Family) -> ! {
    for line in errors::report_lines(err) {
        eprintln!("{line}");
    }
    std::process::exit(errors::exit_code(err, family));
}
