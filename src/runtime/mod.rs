//! The OCI runtime side: namespaces, id maps, rootfs, mounts, processes.

pub mod builtin;
pub mod userns;
