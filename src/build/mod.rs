//! Dockerfile parser, build cache and stage executor.
pub mod context;
pub mod ignore;
