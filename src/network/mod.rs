//! Container networking: namespaces (netns), the programs that carry a
//! rootless namespace's traffic (usermode), address leases (ipam), bridges,
//! veth pairs and NAT (bridge, link, nat), attaching containers to their
//! networks (attach), changes to running containers (live), and what a
//! container's monitor makes of it all (setup). See DESIGN.md's
//! "Networking rootless" for the model.

pub mod attach;
pub mod bridge;
pub mod forwarder;
pub mod ipam;
pub mod link;
pub mod netlink;
pub mod live;
pub mod nat;
pub mod netns;
pub mod rootless_netns;
pub mod setup;
pub mod usermode;
