//! Output: aligned tables, `--format` Go templates, JSON, and human units.

pub mod template;
pub mod text;
pub mod table;
pub mod units;
