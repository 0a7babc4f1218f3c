//! The command `ps` shows for a container: the process it runs, as Docker's
//! COMMAND column shows `Path` and `Args`, so that a container made with
//! the image's defaults (`pontoon run -d nginx`) shows the image's
//! entrypoint and Cmd rather than nothing.

use std::collections::HashMap;

use crate::engine::images::{self, ImageView};
use crate::engine::process::resolve_args;
use crate::image::manifest::ContainerConfig;
use crate::store::containers::Container;
use crate::store::Store;

/// Resolves containers' commands, reading each image's config once (a
/// store of many containers usually has few images).
pub struct CommandResolver<'a> {
    store: &'a Store,
    configs: HashMap<String, Option<ContainerConfig>>,
}

impl<'a> CommandResolver<'a> {
    pub fn new(store: &'a Store) -> CommandResolver<'a> {
        CommandResolver { store, configs: HashMap::new() }
    }

    /// The container's argv: its entrypoint and command merged with its
    /// image's by Docker's rules; only what the user gave when the image
    /// is gone or unreadable.
    pub fn words(&mut self, c: &Container) -> Vec<String> {
        let spec = &c.record.spec;
        // An explicit entrypoint leaves nothing to take from the image.
        if spec.entrypoint.is_some() {
            return resolve_args(spec, &ContainerConfig::default());
        }
        let store = self.store;
        let config = self.configs.entry(c.record.image_id.clone()).or_insert_with(|| {
            let view = images::resolve(store, &c.record.image_id).and_then(|r| ImageView::load(store, r)).ok()?;
            Some(view.config.config.unwrap_or_default())
        });
        resolve_args(spec, config.as_ref().unwrap_or(&ContainerConfig::default()))
    }
}
