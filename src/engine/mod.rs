//! The operations behind the commands. The CLI parses and prints; the engine
//! decides; the store, runtime and network act.

pub mod archive;
pub mod images;
pub mod import;
pub mod pull;
