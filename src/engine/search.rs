//! `search`: which repositories a registry has whose name contains a term.
//! The registry is the one named in the term (`127.0.0.1:5000/bus`), else
//! each of registries.conf's unqualified-search-registries (docker.io when
//! none are set). Docker asks Hub's `/v1/search`, the only search Hub has;
//! pontoon does too for docker.io, and reads the v2 catalog of every other
//! registry, filtering it by the term, as Podman does (src/registry/catalog.rs).

use anyhow::{bail, Result};

use crate::image::auth;
use crate::image::reference::DEFAULT_REGISTRY;
use crate::image::registries::RegistriesConf;
use crate::registry::catalog::{self, Found};
use crate::registry::client::{Endpoint, RegistryClient};

/// One repository found, named with its registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchResult {
    /// The registry searched (`docker.io`, `127.0.0.1:5000`).
    pub index: String,
    /// `registry/repository`.
    pub name: String,
    pub description: String,
    pub stars: u64,
    pub official: bool,
    pub automated: bool,
}

/// Searches for `input` (`[registry/]term`), at most `limit` per registry.
/// A registry that fails is reported as a warning when another answered.
/// `credentials` (`--creds`) replace the saved ones.
pub fn search(conf: &RegistriesConf, input: &str, limit: usize, credentials: Option<&auth::Credentials>) -> Result<Vec<SearchResult>> {
    let (registries, term) = split_term(conf, input);
    let mut results = Vec::new();
    let mut failures = Vec::new();
    for registry in &registries {
        match search_one(conf, registry, term, limit, credentials) {
            Ok(found) => results.extend(found.into_iter().map(|f| named(registry, f))),
            Err(e) => failures.push(format!("search {registry}: {}", crate::errors::one_line(&e))),
        }
    }
    if failures.len() == registries.len() {
        bail!("{}", failures.join("; "));
    }
    for failure in failures {
        eprintln!("WARNING: {failure}");
    }
    Ok(results)
}

/// The registries to ask and the term: a first component that looks like
/// a host (has '.' or ':' or is localhost) names the registry.
fn split_term<'a>(conf: &RegistriesConf, input: &'a str) -> (Vec<String>, &'a str) {
    if let Some((first, rest)) = input.split_once('/') {
        if first.contains(['.', ':']) || first == "localhost" {
            return (vec![first.to_string()], rest);
        }
    }
    let registries = match conf.unqualified_search_registries.is_empty() {
        true => vec![DEFAULT_REGISTRY.to_string()],
        false => conf.unqualified_search_registries.clone(),
    };
    (registries, input)
}

fn search_one(conf: &RegistriesConf, registry: &str, term: &str, limit: usize, given: Option<&auth::Credentials>) -> Result<Vec<Found>> {
    let insecure = conf.find(registry).is_some_and(|e| e.insecure);
    let endpoint = Endpoint::from_name(registry, insecure).with_tls_verify(conf.tls_verify);
    let credentials = match given {
        Some(c) => Some(c.clone()),
        None => auth::lookup(registry)?,
    };
    let client = RegistryClient::connect(endpoint, credentials)?;
    if registry == DEFAULT_REGISTRY {
        Ok(catalog::search_hub(&client, term, limit)?)
    } else {
        Ok(catalog::search_catalog(&client, term, limit)?)
    }
}

fn named(registry: &str, found: Found) -> SearchResult {
    // Hub names its official images without `library/`; Podman shows them
    // with it, so that the name pulls as printed.
    let path = match registry == DEFAULT_REGISTRY && !found.name.contains('/') {
        true => format!("library/{}", found.name),
        false => found.name,
    };
    SearchResult {
        index: registry.to_string(),
        name: format!("{registry}/{path}"),
        description: found.description,
        stars: found.stars,
        official: found.official,
        automated: found.automated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_name_their_registry_or_use_the_search_list() {
        let mut conf = RegistriesConf::default();
        assert_eq!(split_term(&conf, "127.0.0.1:5000/bus"), (vec!["127.0.0.1:5000".to_string()], "bus"));
        assert_eq!(split_term(&conf, "localhost/x"), (vec!["localhost".to_string()], "x"));
        assert_eq!(split_term(&conf, "team/app"), (vec!["docker.io".to_string()], "team/app"));
        conf.unqualified_search_registries = vec!["quay.io".into(), "r.io:5000".into()];
        assert_eq!(split_term(&conf, "busybox").0, ["quay.io", "r.io:5000"]);
    }

    #[test]
    fn hub_official_images_get_library() {
        let f = Found { name: "busybox".into(), official: true, ..Found::default() };
        assert_eq!(named("docker.io", f).name, "docker.io/library/busybox");
        assert_eq!(named("r.io", Found { name: "a/b".into(), ..Found::default() }).name, "r.io/a/b");
    }
}
