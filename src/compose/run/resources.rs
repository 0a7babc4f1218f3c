//! The project's networks and volumes: made when `up` needs them (labelled
//! as the project's), required to exist when `external`, removed by `down`.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{bail, Context, Result};

use super::names;
use crate::compose::Project;
use crate::engine::networks::CreateRequest;
use crate::store::Store;

/// The network keys the services use (`default` for those that name none
/// and have no network_mode).
pub fn used_networks(project: &Project, services: &[String]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for name in services {
        let Some(s) = project.services.get(name) else { continue };
        if s.network_mode.is_some() {
            continue;
        }
        if s.networks.is_empty() {
            keys.insert("default".to_string());
        }
        keys.extend(s.networks.keys().cloned());
    }
    keys
}

/// Makes each network the services use that is not there yet.
pub fn ensure_networks(store: &Store, project: &Project, services: &[String], say: &dyn Fn(&str, &str, &str)) -> Result<()> {
    for key in used_networks(project, services) {
        let declared = project.networks.get(&key);
        if key != "default" && declared.is_none() {
            bail!("a service uses network {key:?}, which is not declared in the top-level networks: add it there");
        }
        let name = names::network_name(project, &key);
        if store.networks.find(&name).is_ok() {
            continue;
        }
        if declared.is_some_and(|n| n.external) {
            bail!("network {name} is declared as external, but could not be found: create it with `pontoon network create {name}`");
        }
        let mut labels: BTreeMap<String, String> = declared.map(|n| n.labels.clone()).unwrap_or_default();
        labels.insert(names::PROJECT.into(), project.name.clone());
        labels.insert(names::NETWORK.into(), key.clone());
        let request = CreateRequest {
            name: name.clone(),
            driver: declared.and_then(|n| n.driver.clone()).unwrap_or_else(|| "bridge".into()),
            internal: declared.is_some_and(|n| n.internal),
            labels,
            options: declared.map(|n| n.driver_opts.clone()).unwrap_or_default(),
            ..Default::default()
        };
        crate::engine::networks::create(store, request).with_context(|| format!("create network {name}"))?;
        say("Network", &name, "Created");
    }
    Ok(())
}

/// Makes each declared volume the services mount that is not there yet.
pub fn ensure_volumes(store: &Store, project: &Project, services: &[String], say: &dyn Fn(&str, &str, &str)) -> Result<()> {
    let mut keys = BTreeSet::new();
    for name in services {
        let Some(s) = project.services.get(name) else { continue };
        keys.extend(s.volumes.iter().filter(|m| m.kind == crate::compose::mounts::MountType::Volume).filter_map(|m| m.source.clone()));
    }
    for key in keys {
        let Some(declared) = project.volumes.get(&key) else { continue };
        let name = names::volume_name(project, &key);
        if store.volumes.load(&name).is_ok() {
            continue;
        }
        if declared.external {
            bail!("volume {name} is declared as external, but could not be found: create it with `pontoon volume create {name}`");
        }
        let mut labels = declared.labels.clone();
        labels.insert(names::PROJECT.into(), project.name.clone());
        labels.insert(names::VOLUME.into(), key.clone());
        crate::engine::volumes::create(store, Some(&name), labels, declared.driver_opts.clone()).with_context(|| format!("create volume {name}"))?;
        say("Volume", &name, "Created");
    }
    Ok(())
}

/// The project's own networks (not external ones): `down` removes them.
pub fn project_networks(store: &Store, project_name: &str) -> Result<Vec<String>> {
    Ok(store.networks.list()?.into_iter().filter(|n| n.labels.get(names::PROJECT).is_some_and(|p| p == project_name)).map(|n| n.name).collect())
}

/// The project's own volumes: `down -v` removes them.
pub fn project_volumes(store: &Store, project_name: &str) -> Result<Vec<String>> {
    Ok(store.volumes.list()?.into_iter().filter(|v| v.labels.get(names::PROJECT).is_some_and(|p| p == project_name)).map(|v| v.name).collect())
}
