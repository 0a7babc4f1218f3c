//! Image builds: the Dockerfile parser (dockerfile), .dockerignore rules
//! (ignore), the scanned build context (context), build args (vars), the
//! build cache (cache) and the executor that runs the stages.

mod cache;
pub mod context;
pub mod dockerfile;
mod executor;
pub mod ignore;
mod request;
mod vars;

pub use executor::{build, prune};
pub use request::{BuildRequest, Isolation};
