//! The containers of a project, found by their Compose labels.

use anyhow::Result;

use super::names;
use crate::store::containers::Container;
use crate::store::Store;

/// Every container of project `name` (one-off `compose run` ones too),
/// sorted by service then number.
pub fn of_project(store: &Store, name: &str) -> Result<Vec<Container>> {
    let mut found: Vec<Container> = store.containers.list()?.into_iter().filter(|c| c.record.spec.labels.get(names::PROJECT).is_some_and(|p| p == name)).collect();
    found.sort_by_key(|c| (service_of(c).to_string(), number_of(c)));
    Ok(found)
}

pub fn service_of(c: &Container) -> &str {
    c.record.spec.labels.get(names::SERVICE).map_or("", String::as_str)
}

pub fn number_of(c: &Container) -> u32 {
    c.record.spec.labels.get(names::NUMBER).and_then(|n| n.parse().ok()).unwrap_or(0)
}

pub fn is_oneoff(c: &Container) -> bool {
    c.record.spec.labels.get(names::ONEOFF).is_some_and(|v| v == "True")
}

/// The project's containers of `service` (not one-off ones).
pub fn of_service(all: &[Container], service: &str) -> Vec<Container> {
    all.iter().filter(|c| service_of(c) == service && !is_oneoff(c)).cloned().collect()
}
