//! Which repositories a name given to `pull` may mean, and where to fetch
//! each from. Pure functions of the reference and registries.conf.
//!
//! Short names: an alias wins; otherwise Docker's normalisation
//! (`busybox` is `docker.io/library/busybox`) unless registries.conf lists
//! search registries without docker.io, which are then tried in order
//! (or, with short-name-mode = "enforcing", refused when there are several:
//! pontoon never prompts).
//! Sources: the matching `[[registry]]`'s mirrors in order, then the
//! registry itself; a blocked registry is refused outright, mirrors included,
//! as containers-registries.conf(5) says "pulling images with matching names
//! is forbidden".

use anyhow::{bail, Result};

use crate::image::reference::{Reference, DEFAULT_REGISTRY};
use crate::image::registries::{RegistriesConf, ShortNameMode};
use crate::registry::client::Endpoint;

/// The fully qualified references to try, in order.
pub fn candidates(conf: &RegistriesConf, reference: &Reference, input: &str) -> Result<Vec<Reference>> {
    if !reference.short_name {
        return Ok(vec![reference.clone()]);
    }
    let typed = typed_name(input);
    let with_selector = |mut r: Reference| {
        r.tag = reference.tag.clone();
        r.digest = reference.digest.clone();
        r
    };
    let alias = conf.aliases.get(typed).or_else(|| typed.strip_prefix("library/").and_then(|t| conf.aliases.get(t)));
    if let Some(target) = alias {
        let parsed = Reference::parse(target).map_err(|e| anyhow::anyhow!("the short-name alias {typed:?} = {target:?} in registries.conf: {e}"))?;
        return Ok(vec![with_selector(parsed)]);
    }
    let search = &conf.unqualified_search_registries;
    if search.is_empty() || search.iter().any(|r| r == DEFAULT_REGISTRY) {
        return Ok(vec![reference.clone()]);
    }
    if search.len() > 1 && conf.short_name_mode == ShortNameMode::Enforcing {
        bail!(
            "short-name resolution enforced: {typed:?} could be in any of {} (registries.conf sets short-name-mode = \"enforcing\"); \
             use a fully qualified name such as {}/{typed}, or add it to [aliases]",
            search.join(", "),
            search[0]
        );
    }
    search
        .iter()
        .map(|registry| {
            let parsed = Reference::parse(&format!("{registry}/{typed}"))
                .map_err(|e| anyhow::anyhow!("search registry {registry:?} from registries.conf: {e}"))?;
            Ok(with_selector(parsed))
        })
        .collect()
}

/// What the user typed without tag and digest (`busybox`, `user/app`).
fn typed_name(input: &str) -> &str {
    let name = input.split('@').next().unwrap_or(input);
    match name.rfind(':') {
        Some(i) if !name[i..].contains('/') => &name[..i],
        _ => name,
    }
}

/// Where to reach the repository `name` (`host[:port]/path`) directly, as
/// registries.conf and the command's `--tls-verify` say (push, search).
pub fn endpoint(conf: &RegistriesConf, name: &str) -> Endpoint {
    Endpoint::from_name(name, conf.find(name).is_some_and(|e| e.insecure)).with_tls_verify(conf.tls_verify)
}

/// Where to fetch `reference` from: mirrors first, then the origin.
/// A command's `--tls-verify` applies to each of them alike.
pub fn sources(conf: &RegistriesConf, reference: &Reference) -> Result<Vec<Endpoint>> {
    Ok(configured_sources(conf, reference)?.into_iter().map(|e| e.with_tls_verify(conf.tls_verify)).collect())
}

fn configured_sources(conf: &RegistriesConf, reference: &Reference) -> Result<Vec<Endpoint>> {
    let name = reference.name();
    let Some(entry) = conf.find(&name) else {
        return Ok(vec![Endpoint::from_name(&name, false)]);
    };
    if entry.blocked {
        let files: Vec<String> = conf.sources.iter().map(|p| p.display().to_string()).collect();
        bail!(
            "registry {} is blocked in registries.conf ({}); remove `blocked = true` from its [[registry]] table to pull from it",
            entry.prefix(),
            files.join(", ")
        );
    }
    let mut endpoints = Vec::new();
    if !(entry.mirror_by_digest_only && reference.digest.is_none()) {
        for mirror in &entry.mirrors {
            endpoints.push(Endpoint::from_name(&entry.rewrite(&name, &mirror.location), mirror.insecure));
        }
    }
    let origin = if entry.location.is_empty() { name.clone() } else { entry.rewrite(&name, &entry.location) };
    endpoints.push(Endpoint::from_name(&origin, entry.insecure));
    Ok(endpoints)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::registries::{Mirror, RegistryEntry, TlsVerify};

    fn conf(search: &[&str]) -> RegistriesConf {
        RegistriesConf { unqualified_search_registries: search.iter().map(|s| s.to_string()).collect(), ..Default::default() }
    }

    fn names(c: &RegistriesConf, input: &str) -> Vec<String> {
        let r = Reference::parse(input).unwrap();
        candidates(c, &r, input).unwrap().iter().map(|r| r.to_string()).collect()
    }

    #[test]
    fn short_names_follow_docker_unless_search_says_otherwise() {
        assert_eq!(names(&conf(&[]), "busybox"), ["docker.io/library/busybox:latest"]);
        assert_eq!(names(&conf(&["quay.io", "docker.io"]), "busybox:1"), ["docker.io/library/busybox:1"]);
        assert_eq!(names(&conf(&["quay.io", "r.example.com:5000"]), "team/app:2"), ["quay.io/team/app:2", "r.example.com:5000/team/app:2"]);
        assert_eq!(names(&conf(&["quay.io"]), "quay.io/x/y"), ["quay.io/x/y:latest"], "qualified names are left alone");
    }

    #[test]
    fn enforcing_refuses_an_ambiguous_short_name_but_not_an_alias_or_a_single_registry() {
        let mut c = conf(&["quay.io", "r.example.com"]);
        c.short_name_mode = ShortNameMode::Enforcing;
        let r = Reference::parse("team/app").unwrap();
        let err = candidates(&c, &r, "team/app").unwrap_err().to_string();
        assert!(err.contains("short-name resolution enforced") && err.contains("quay.io/team/app"), "{err}");
        assert_eq!(names(&c, "quay.io/team/app"), ["quay.io/team/app:latest"]);
        c.aliases.insert("team/app".into(), "quay.io/team/app".into());
        assert_eq!(names(&c, "team/app"), ["quay.io/team/app:latest"]);
        let mut one = conf(&["quay.io"]);
        one.short_name_mode = ShortNameMode::Enforcing;
        assert_eq!(names(&one, "app"), ["quay.io/app:latest"]);
        // docker.io in the list keeps Docker's meaning of short names.
        let mut hub = conf(&["quay.io", "docker.io"]);
        hub.short_name_mode = ShortNameMode::Enforcing;
        assert_eq!(names(&hub, "busybox"), ["docker.io/library/busybox:latest"]);
    }

    #[test]
    fn aliases_come_first_and_keep_the_selector() {
        let mut c = conf(&["quay.io"]);
        c.aliases.insert("box".into(), "registry.example.com/tools/busybox".into());
        assert_eq!(names(&c, "box:1.36"), ["registry.example.com/tools/busybox:1.36"]);
        let d = format!("sha256:{}", "b".repeat(64));
        assert_eq!(names(&c, &format!("box@{d}")), [format!("registry.example.com/tools/busybox@{d}")]);
    }

    #[test]
    fn mirrors_come_before_the_origin() {
        let mut c = conf(&[]);
        c.registries.push(RegistryEntry {
            location: "docker.io".into(),
            mirrors: vec![
                Mirror { location: "127.0.0.1:5000".into(), insecure: true, pull_from_mirror: None },
                Mirror { location: "mirror.example.com/hub".into(), insecure: false, pull_from_mirror: None },
            ],
            ..Default::default()
        });
        let r = Reference::parse("busybox").unwrap();
        let got: Vec<(String, String, bool)> =
            sources(&c, &r).unwrap().into_iter().map(|e| (e.host, e.repository, e.insecure)).collect();
        assert_eq!(
            got,
            [
                ("127.0.0.1:5000".to_string(), "library/busybox".to_string(), true),
                ("mirror.example.com".to_string(), "hub/library/busybox".to_string(), false),
                ("registry-1.docker.io".to_string(), "library/busybox".to_string(), false),
            ]
        );
        c.registries[0].mirror_by_digest_only = true;
        assert_eq!(sources(&c, &r).unwrap().len(), 1, "tag pulls skip digest-only mirrors");
        c.registries[0].blocked = true;
        let err = sources(&c, &r).unwrap_err().to_string();
        assert!(err.contains("blocked") && err.contains("docker.io"), "{err}");
        let other = Reference::parse("quay.io/a/b").unwrap();
        assert_eq!(sources(&c, &other).unwrap()[0].host, "quay.io");
    }

    #[test]
    fn tls_verify_overrides_every_source() {
        let mut c = conf(&[]);
        c.registries.push(RegistryEntry {
            location: "docker.io".into(),
            mirrors: vec![Mirror { location: "127.0.0.1:5000".into(), insecure: true, pull_from_mirror: None }],
            ..Default::default()
        });
        let r = Reference::parse("busybox").unwrap();
        let policy = |c: &RegistriesConf| -> Vec<(bool, bool)> { sources(c, &r).unwrap().iter().map(|e| (e.insecure, e.require_tls)).collect() };
        assert_eq!(policy(&c), [(true, false), (false, false)], "as configured");
        let c = c.with_tls_verify(TlsVerify::Skipped);
        assert_eq!(policy(&c), [(true, false), (true, false)], "--tls-verify=false: all insecure");
        let c = c.with_tls_verify(TlsVerify::Required);
        assert_eq!(policy(&c), [(false, true), (false, true)], "--tls-verify=true: TLS everywhere, the insecure mirror too");
        let direct = endpoint(&c, "127.0.0.1:5000/team/app");
        assert!(direct.require_tls && !direct.insecure, "{direct:?}");
        assert_eq!(direct.repository, "team/app");
    }
}
