//! A service's image: built from its `build:` (when asked with `--build`,
//! or when the image is missing), else pulled by its pull policy.

use std::collections::BTreeMap;

use anyhow::{Context, Result};

use super::names;
use super::up::UpOptions;
use crate::build::{BuildRequest, Isolation};
use crate::compose::Project;
use crate::engine::container::{ensure_image, PullPolicy};
use crate::store::Store;

/// Makes sure the service's image is in the store; returns its name.
pub fn ensure(store: &Store, project: &Project, name: &str, opts: &UpOptions) -> Result<String> {
    let service = &project.services[name];
    let image = names::built_image(project, name);
    let present = crate::engine::images::resolve(store, &image).is_ok();
    if service.build.is_some() && !opts.no_build && (opts.build || !present) {
        build(store, project, name, false)?;
        return Ok(image);
    }
    let policy = match service.pull_policy.as_deref() {
        Some("always") => PullPolicy::Always,
        Some("never") => PullPolicy::Never,
        _ => opts.pull,
    };
    ensure_image(store, &image, policy).with_context(|| format!("service {name}: image {image}"))?;
    Ok(image)
}

/// `compose build` of one service (and `up --build`).
pub fn build(store: &Store, project: &Project, name: &str, no_cache: bool) -> Result<()> {
    let service = &project.services[name];
    let Some(b) = &service.build else { return Ok(()) };
    let context_dir = project.working_dir.join(&b.context);
    let (dockerfile, dockerfile_name, dockerfile_path) = match &b.dockerfile_inline {
        Some(text) => (text.clone(), "Dockerfile".to_string(), None),
        None => {
            let file = b.dockerfile.clone().unwrap_or_else(|| if context_dir.join("Containerfile").exists() && !context_dir.join("Dockerfile").exists() { "Containerfile".into() } else { "Dockerfile".into() });
            let path = context_dir.join(&file);
            let text = std::fs::read_to_string(&path).with_context(|| format!("service {name}: read {}", path.display()))?;
            (text, file, Some(path))
        }
    };
    let build_args: BTreeMap<String, String> = b.args.iter().filter_map(|(k, v)| v.clone().or_else(|| project.environment.get(k).cloned()).map(|v| (k.clone(), v))).collect();
    let mut tags = vec![crate::image::reference::Reference::parse_new_name(&names::built_image(project, name), "a service's image")?];
    for t in &b.tags {
        tags.push(crate::image::reference::Reference::parse_new_name(t, "a service's image")?);
    }
    let request = BuildRequest {
        context_dir,
        dockerfile,
        dockerfile_name,
        dockerfile_path,
        tags,
        build_args,
        target: b.target.clone(),
        labels: b.labels.clone(),
        quiet: false,
        no_cache: no_cache || b.no_cache.unwrap_or(false),
        pull: if b.pull.unwrap_or(false) { PullPolicy::Always } else { PullPolicy::Missing },
        tls_verify: Default::default(),
        secrets: BTreeMap::new(),
        network: b.network.as_deref().map(crate::spec::network::NetworkMode::parse).transpose()?.unwrap_or_default(),
        layers: true,
        squash: false,
        isolation: Isolation::Oci,
        platform: format!("{}/{}", crate::image::manifest::Platform::host().os, crate::image::manifest::Platform::host().architecture),
    };
    let _lock = store.lock_shared()?;
    crate::build::build(store, &request).with_context(|| format!("build service {name}"))?;
    Ok(())
}
