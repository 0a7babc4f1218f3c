//! A container's changes as a layer: what `build` records for a RUN step
//! (and `commit` for a container).

use anyhow::{Context, Result};

use crate::engine::container_fs::diff::mount_points;
use crate::store::containers::Container;
use crate::store::layer_writer::{layer_from_upper, NewLayer};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

/// The container's filesystem changes as one layer (None when it changed
/// nothing); the mount points its bundle created are left out.
pub fn container_layer(store: &Store, c: &Container) -> Result<Option<NewLayer>> {
    let paths = ContainerPaths::new(store, &c.record.id);
    layer_from_upper(store, &paths.upper, &mount_points(&paths.config)).with_context(|| format!("read the changes of container {}", c.record.name))
}
