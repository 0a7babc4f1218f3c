//! A container's files from the outside: what it changed (`diff`), its
//! whole filesystem as a tar (`export`), and copies in and out (`cp`),
//! for running and stopped containers alike.

pub mod between;
pub mod binds;
pub mod copy;
pub mod diff;
pub mod enter;
pub mod stream;
pub mod tree;
