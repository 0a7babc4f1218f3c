//! Container networking: none, host, slirp and bridge; IPAM; name resolution.

pub mod ipam;
pub mod live;
