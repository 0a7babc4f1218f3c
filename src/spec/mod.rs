//! The data model that is persisted with a container and passed down to
//! the layers that act on it: the container spec and its parts (mounts,
//! devices, network mode, IPC/PID/UTS namespaces, DNS flags, restart policy, seccomp choice
//! and the other security options,
//! environment, healthcheck).
//! Parsing and validation only, no I/O: the store and the runtime depend
//! on this module, never on the engine.

pub mod container;
pub mod devices;
pub mod dns;
pub mod env;
pub mod health;
pub mod mounts;
pub mod namespaces;
pub mod network;
pub mod ports;
pub mod resources;
pub mod restart;
pub mod run_options;
pub mod seccomp;
pub mod secret;
pub mod security_opt;
pub mod signal;
pub mod sysctl;
pub mod userns;
