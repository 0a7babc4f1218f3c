//! Container networking: namespaces (netns), the programs that carry a
//! rootless namespace's traffic (usermode), bridges for root and for user
//! networks (attach), and what a container's monitor makes of it all
//! (setup). See DESIGN.md's "Networking rootless" for the model.

pub mod attach;
pub mod netns;
pub mod rootless_netns;
pub mod setup;
pub mod usermode;
