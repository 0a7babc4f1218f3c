//! How a project's objects are named and labelled, as docker compose does,
//! so that `compose ps` (ours or another tool's reading the labels) finds
//! them: containers `PROJECT-SERVICE-N`, networks `PROJECT_NAME`, volumes
//! `PROJECT_NAME`, built images `PROJECT-SERVICE`.

use crate::compose::Project;

pub const PROJECT: &str = "com.docker.compose.project";
pub const SERVICE: &str = "com.docker.compose.service";
pub const NUMBER: &str = "com.docker.compose.container-number";
pub const CONFIG_HASH: &str = "com.docker.compose.config-hash";
pub const ONEOFF: &str = "com.docker.compose.oneoff";
pub const NETWORK: &str = "com.docker.compose.network";
pub const VOLUME: &str = "com.docker.compose.volume";

/// The name of replica `n` (1-based) of `service` (the project's rule;
/// a service not in the project gets Compose's default form).
pub fn container_name(project: &Project, service: &str, n: u32) -> String {
    match project.services.get(service) {
        Some(s) => project.container_name(s, n),
        None => format!("{}-{service}-{n}", project.name),
    }
}

/// The image a service runs (or its `build:` makes).
pub fn built_image(project: &Project, service: &str) -> String {
    match project.services.get(service) {
        Some(s) => project.image_name(s),
        None => format!("{}-{service}", project.name),
    }
}

/// A network's name on the host: its `name:`, else `PROJECT_KEY`.
pub fn network_name(project: &Project, key: &str) -> String {
    project.networks.get(key).and_then(|n| n.name.clone()).unwrap_or_else(|| format!("{}_{key}", project.name))
}

/// A volume's name in the store: its `name:`, else `PROJECT_KEY`.
pub fn volume_name(project: &Project, key: &str) -> String {
    project.volumes.get(key).and_then(|v| v.name.clone()).unwrap_or_else(|| format!("{}_{key}", project.name))
}
