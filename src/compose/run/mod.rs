//! Running a project: its services as containers of pontoon's own, named
//! and labelled as docker compose does, on the project's networks and
//! volumes. `up`, `down` and the other commands live here; the model they
//! read is the rest of `compose`.

pub mod containers;
pub mod down;
pub mod images;
pub mod logs;
pub mod names;
pub mod ops;
pub mod order;
pub mod resources;
pub mod spec;
pub mod up;
