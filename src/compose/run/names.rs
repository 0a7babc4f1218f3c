//! How a project's objects are named and labelled, as docker compose does,
//! so that `compose ps` (ours or another tool's reading the labels) finds
//! them: containers `PROJECT-SERVICE-N`, networks `PROJECT_NAME`, volumes
//! `PROJECT_NAME`, built images `PROJECT-SERVICE`.

use std::collections::BTreeMap;

use crate::compose::Project;

pub const PROJECT: &str = "com.docker.compose.project";
pub const SERVICE: &str = "com.docker.compose.service";
pub const NUMBER: &str = "com.docker.compose.container-number";
pub const CONFIG_HASH: &str = "com.docker.compose.config-hash";
pub const ONEOFF: &str = "com.docker.compose.oneoff";
pub const WORKING_DIR: &str = "com.docker.compose.project.working_dir";
pub const CONFIG_FILES: &str = "com.docker.compose.project.config_files";
pub const NETWORK: &str = "com.docker.compose.network";
pub const VOLUME: &str = "com.docker.compose.volume";

/// The name of replica `n` (1-based) of `service`.
pub fn container_name(project: &Project, service: &str, n: u32) -> String {
    match project.services.get(service).and_then(|s| s.container_name.clone()) {
        Some(name) => name,
        None => format!("{}-{service}-{n}", project.name),
    }
}

/// The image a service's `build:` makes when it names none.
pub fn built_image(project: &Project, service: &str) -> String {
    match project.services.get(service).and_then(|s| s.image.clone()) {
        Some(image) => image,
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

/// The labels every container of the project carries.
pub fn container_labels(project: &Project, service: &str, n: u32, hash: &str, oneoff: bool) -> BTreeMap<String, String> {
    let files = project.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(",");
    [
        (PROJECT, project.name.clone()),
        (SERVICE, service.to_string()),
        (NUMBER, n.to_string()),
        (CONFIG_HASH, hash.to_string()),
        (ONEOFF, if oneoff { "True" } else { "False" }.to_string()),
        (WORKING_DIR, project.working_dir.display().to_string()),
        (CONFIG_FILES, files),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}
