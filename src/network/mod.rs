//! Container networking: none, host, slirp and bridge; IPAM; name resolution.

// Called by the monitor once network::setup wires it in (the lead's part).
#[allow(dead_code, unused_imports)]
pub mod forwarder;
