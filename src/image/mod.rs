//! Image formats: references, digests, manifests and configs, archives,
//! registries.conf and credentials.

pub mod archive;
pub mod auth;
pub mod digest;
pub mod manifest;
pub mod reference;
pub mod registries;
