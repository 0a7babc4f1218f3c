//! The OCI runtime side: namespaces, id maps, rootfs, mounts, processes.

pub mod builtin;
pub mod cgroups;
pub mod oci_cli;
pub mod seccomp;
pub mod userns;
