//! The Compose spec: the application model, interpolation, merging of
//! several files and their discovery, then (in later modules) the planner
//! and the `compose` commands. Everything here is pure: it reads files and
//! the environment, and starts nothing.
//!
//! Loading goes: find the files ([`discover`]), parse each with line and
//! column in errors ([`yaml`]), interpolate `${VAR}` in the raw values
//! ([`interpolate`], with [`dotenv`] for `.env`), type each file into the
//! [`model`] (every short form turned into its long one), merge the files
//! ([`merge`]), then resolve and validate the [`Project`] ([`project`]).

pub mod error;
pub mod fields;
pub mod flex;
pub mod model;
pub mod mounts;
pub mod ports;
pub mod units;
pub mod yaml;

pub use error::ComposeError;
pub use model::{Project, Service};
