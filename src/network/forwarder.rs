//! The userland port forwarder behind `-p`: it lives in the container's
//! monitor process tree (no daemon), listens on the host's side and
//! relays every connection or datagram to the container's loopback, from
//! inside the container's network namespace, as pasta does.
//!
//! The monitor calls [`bind`] in the host's network namespace before the
//! container starts, so that a port in use fails the start with nothing
//! left behind, records [`Bound::mappings`] (the real host ports) in the
//! container's state, then hands the listeners to [`spawn`], which forks
//! the forwarder process. It dies with the monitor (PR_SET_PDEATHSIG).
//!
//! Why a relay to 127.0.0.1 in the container's namespace rather than NAT:
//! it needs no privilege (rootless works the same), and no address of the
//! container has to be known. The price: the container sees connections
//! from 127.0.0.1, not from the client's address (see the README).
//!
//! TCP data moves with splice(2) through a pipe, kernel to kernel, so a
//! published port runs at loopback-class speed.

mod bind;
mod process;
mod relay;
mod socket;
mod udp;

pub use bind::bind;
pub use process::spawn;

use std::time::Duration;

/// How long a UDP flow (one client address) lives without a datagram in
/// either direction before its socket in the container's namespace closes.
pub const UDP_IDLE: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests;
