//! Image references parsed and normalised exactly as the Docker CLI does:
//! `busybox` is `docker.io/library/busybox:latest`, `host:5000/a/b:tag` keeps
//! its registry, `name@sha256:...` pins a manifest.

use std::fmt;

use crate::errors::PontoonError;
use crate::image::digest::Digest;

pub const DEFAULT_REGISTRY: &str = "docker.io";
pub const DEFAULT_TAG: &str = "latest";
const MAX_NAME_LEN: usize = 255;
const MAX_TAG_LEN: usize = 128;

/// A fully qualified image reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    /// Registry host, with port when given (`docker.io`, `localhost:5000`).
    pub registry: String,
    /// Repository path inside the registry (`library/busybox`).
    pub repository: String,
    /// Tag; `None` only when a digest was given without a tag.
    pub tag: Option<String>,
    pub digest: Option<Digest>,
    /// True when the user named no registry (a "short name"), so that
    /// registries.conf search lists and aliases may apply.
    pub short_name: bool,
}

impl Reference {
    /// Parses what a user typed, normalising it the way Docker does.
    pub fn parse(input: &str) -> Result<Reference, PontoonError> {
        let bad = |why: &str| PontoonError::InvalidReference { reference: input.to_string(), why: why.to_string() };
        if input.is_empty() {
            return Err(bad("the reference is empty"));
        }
        let (rest, digest) = match input.split_once('@') {
            Some((name, d)) => (name, Some(d.parse::<Digest>().map_err(|e| bad(&e.to_string()))?)),
            None => (input, None),
        };
        // A tag is what follows the last ':' when that ':' comes after the last '/'.
        let (name, tag) = match rest.rfind(':') {
            Some(i) if !rest[i..].contains('/') => (&rest[..i], Some(&rest[i + 1..])),
            _ => (rest, None),
        };
        if let Some(t) = tag {
            validate_tag(t).map_err(|why| bad(&why))?;
        }
        if name.is_empty() {
            return Err(bad("the repository name is empty"));
        }
        if name.len() > MAX_NAME_LEN {
            return Err(bad("the repository name is longer than 255 characters"));
        }
        let (registry, path, short_name) = split_registry(name);
        if registry.is_empty() {
            return Err(bad("the registry host is empty"));
        }
        if path.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(bad("repository name must be lowercase"));
        }
        for component in path.split('/') {
            validate_path_component(component).map_err(|why| bad(&why))?;
        }
        let repository = if registry == DEFAULT_REGISTRY && !path.contains('/') {
            format!("library/{path}")
        } else {
            path.to_string()
        };
        let tag = match (tag, &digest) {
            (Some(t), _) => Some(t.to_string()),
            (None, Some(_)) => None,
            (None, None) => Some(DEFAULT_TAG.to_string()),
        };
        Ok(Reference { registry: registry.to_string(), repository, tag, digest, short_name })
    }

    /// `registry/repository` without tag or digest.
    pub fn name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// `registry/repository:tag`, or `None` when only a digest was given.
    pub fn tagged_name(&self) -> Option<String> {
        self.tag.as_ref().map(|t| format!("{}:{t}", self.name()))
    }

    /// The normalised `registry/repository:tag` a new image of `what` (an
    /// imported, committed, built image) is named by: a digest is refused.
    pub fn parse_new_name(s: &str, what: &str) -> Result<String, PontoonError> {
        let reference = Reference::parse(s)?;
        match (&reference.digest, reference.tagged_name()) {
            (None, Some(name)) => Ok(name),
            _ => Err(PontoonError::InvalidReference { reference: s.to_string(), why: format!("{what} is named by a tag, not a digest") }),
        }
    }

    /// What the registry API is asked for: the digest when pinned, else the tag.
    pub fn manifest_selector(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => DEFAULT_TAG.to_string(),
        }
    }
}

/// Shortens a normalised repository name the way Docker displays it.
pub fn familiar(name: &str) -> String {
    match name.strip_prefix("docker.io/") {
        Some(rest) => rest.strip_prefix("library/").filter(|r| !r.contains('/')).unwrap_or(rest).to_string(),
        None => name.to_string(),
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// The first component is a registry when it looks like a host: it has a
/// '.', a ':' or is `localhost`; otherwise the name is on Docker Hub.
fn split_registry(name: &str) -> (&str, &str, bool) {
    match name.split_once('/') {
        Some((first, rest)) if first.contains('.') || first.contains(':') || first == "localhost" => (first, rest, false),
        _ => (DEFAULT_REGISTRY, name, true),
    }
}

fn validate_tag(tag: &str) -> Result<(), String> {
    let mut chars = tag.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !first_ok || !rest_ok || tag.len() > MAX_TAG_LEN {
        return Err(format!("tag {tag:?} must be 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'"));
    }
    Ok(())
}

/// A path component is lowercase alphanumerics joined by single '.', one or
/// two '_', or any number of '-'.
fn validate_path_component(c: &str) -> Result<(), String> {
    let err = || Err(format!("repository path component {c:?} must be lowercase letters and digits separated by '.', '_', '__' or '-'"));
    let bytes = c.as_bytes();
    if bytes.is_empty() || !is_alnum(bytes[0]) || !is_alnum(bytes[bytes.len() - 1]) {
        return err();
    }
    let mut i = 0;
    while i < bytes.len() {
        if is_alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !is_alnum(bytes[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|b| b == b'-');
        if !ok {
            return err();
        }
    }
    Ok(())
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Reference::parse(s).unwrap().to_string()
    }

    #[test]
    fn normalises_like_docker() {
        assert_eq!(norm("busybox"), "docker.io/library/busybox:latest");
        assert_eq!(norm("busybox:1.36"), "docker.io/library/busybox:1.36");
        assert_eq!(norm("user/app"), "docker.io/user/app:latest");
        assert_eq!(norm("localhost/app"), "localhost/app:latest");
        assert_eq!(norm("host:5000/a/b:tag"), "host:5000/a/b:tag");
        assert_eq!(norm("quay.io/x/y"), "quay.io/x/y:latest");
        let d = format!("sha256:{}", "a".repeat(64));
        assert_eq!(norm(&format!("busybox@{d}")), format!("docker.io/library/busybox@{d}"));
        assert_eq!(norm(&format!("busybox:1@{d}")), format!("docker.io/library/busybox:1@{d}"));
        assert!(Reference::parse("busybox").unwrap().short_name);
        assert!(!Reference::parse("docker.io/busybox").unwrap().short_name);
    }

    #[test]
    fn familiar_names_hide_docker_hub() {
        assert_eq!(familiar("docker.io/library/busybox"), "busybox");
        assert_eq!(familiar("docker.io/user/app"), "user/app");
        assert_eq!(familiar("localhost:5000/app"), "localhost:5000/app");
    }

    #[test]
    fn rejects_malformed_references() {
        for bad in ["", "Busybox", "a//b", "busybox:", "busybox:-x", "-a", "a@sha256:zz", "a@md5:00", ":tag", "a/b/", "a..b"] {
            assert!(Reference::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn accepts_separators() {
        for good in ["a_b", "a__b", "a---b", "a.b", "a-b/c.d_e"] {
            assert!(Reference::parse(good).is_ok(), "{good:?} should parse");
        }
    }
}
