//! The Compose spec: the application model, interpolation, merging of
//! several files and their discovery, then (in later modules) the planner
//! and the `compose` commands. Everything here is pure: it reads files and
//! the environment, and starts nothing.
//!
//! Loading ([`load`]) goes: find the files ([`discover`]), parse each with
//! line and column in errors ([`yaml`]), interpolate `${VAR}` in the raw
//! values ([`interpolate`], with [`dotenv`] for `.env`), type each file
//! into the [`model`] (every short form turned into its long one), merge
//! the files ([`merge`]), then resolve and validate the [`Project`]
//! ([`project`]): `project.services_in_start_order()`,
//! `project.config_hash(name)`.

pub mod discover;
pub mod dotenv;
pub mod error;
pub mod fields;
pub mod flex;
pub mod interpolate;
mod loader;
pub mod merge;
pub mod model;
pub mod mounts;
pub mod ports;
pub mod project;
pub mod units;
pub mod yaml;

pub use discover::Options;
#[allow(unused_imports)] // the API `compose up` and the others will use
pub use error::ComposeError;
pub use loader::load;
#[allow(unused_imports)]
pub use model::{Project, Service};
pub mod run;
