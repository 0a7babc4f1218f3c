//! Dockerfile parser, build cache and stage executor.
pub mod ignore;
