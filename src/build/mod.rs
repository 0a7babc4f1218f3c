//! Dockerfile parser, build cache and stage executor.
