//! Image builds (issue 10, in progress): the Dockerfile parser
//! (dockerfile), .dockerignore rules (ignore) and the scanned build context
//! (context); the executor and the build cache come next.

pub mod context;
pub mod dockerfile;
pub mod ignore;
