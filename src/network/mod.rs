//! Container networking: none, host, slirp and bridge; IPAM; name resolution.
