//! pontoon: a daemonless, rootless container engine with Docker's CLI.
//!
//! The engine is a library with two thin executables over it: `pontoon`,
//! the command line (src/main.rs), and `pontoon-monitor`, the supervisor
//! that stays with each running container (src/bin/pontoon-monitor.rs).
//! The monitor links only what supervising needs (no clap, registry,
//! build, compose or kube code), so each running container costs a
//! fraction of the memory a copy of the whole engine would.

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
mod entry_points;

pub use entry_points::{cli_main, monitor_main};
