//! The operations behind the commands. The CLI parses and prints; the engine
//! decides; the store, runtime and network act.

pub mod images;
pub mod container_spec;
pub mod user;
pub mod oci;
pub mod container_files;
pub mod container;
pub mod attach;
