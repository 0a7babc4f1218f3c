//! The OCI runtime side: namespaces, id maps, rootfs, mounts, processes.

pub mod builtin;
pub mod cgroups;
pub mod enter;
pub mod fds;
pub mod oci_cli;
pub mod pause;
pub mod pids;
pub mod sealed;
pub mod sealed_view;
pub mod spawn;
pub mod search_path;
pub mod seccomp;
pub mod container_userns;
pub mod userns;
pub mod userns_holder;
pub mod userns_rootfs;
pub mod wait;

pub use pids::process_start_time;
