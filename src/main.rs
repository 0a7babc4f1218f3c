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
    let argv = cli::compose::argv(std::env::args_os());
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
        for line in errors::report_lines(&err) {
            eprintln!("{line}");
        }
        std::process::exit(errors::exit_code(&err, family));
    }
}
