//! Container networking: none, host, slirp and bridge; IPAM; name resolution.

// The kernel side of bridge networks; src/network/setup.rs wires it into
// container start and stop, until then parts of it are used by tests only.
#[allow(dead_code)]
pub mod bridge;
#[allow(dead_code)]
pub mod link;
#[allow(dead_code)]
pub mod nat;
