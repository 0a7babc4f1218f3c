//! Client of the distribution API: token and basic auth, mirrors, pull
//! (push will reuse the client and the progress display).

pub mod challenge;
pub mod client;
pub mod error;
pub mod fetch;
pub mod progress;
pub mod resolve;
pub mod stale;
