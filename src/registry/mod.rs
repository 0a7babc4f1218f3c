//! Client of the distribution API: token and basic auth, mirrors, pull,
//! push (uploads reuse the client and the progress display) and search.

pub mod catalog;
pub mod challenge;
pub mod client;
pub mod error;
pub mod fetch;
pub mod progress;
pub mod push;
pub mod resolve;
pub mod stale;
pub mod tls;
