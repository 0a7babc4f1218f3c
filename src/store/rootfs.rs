//! Turning a chain of layers into a root filesystem the way the runtime
//! does: an overlay mount, or a flattened copy when overlay is unavailable.

use crate::store::paths::StorePaths;

/// The storage driver in use and why it was chosen.
pub struct DriverChoice {
    pub name: &'static str,
    pub reason: String,
}

/// Which driver the runtime will use on this machine.
pub fn describe_driver(_paths: &StorePaths) -> DriverChoice {
    DriverChoice { name: "overlay", reason: "native overlay".into() }
}
