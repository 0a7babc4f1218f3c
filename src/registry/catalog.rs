//! What a registry holds, for `search`: the v2 catalog (`GET /v2/_catalog`,
//! paginated with `n` and `last` through `Link: <...>; rel="next"`), and
//! Docker Hub's v1 search API, which is what Docker uses and the only search
//! Hub offers (it refuses the catalog). containers/image does the same:
//! Hub's v1 search, the catalog filtered by the term everywhere else.

use std::io::Read;

use serde::Deserialize;

use crate::registry::client::RegistryClient;
use crate::registry::error::RegistryError;

/// Repositories asked for per catalog page.
const PAGE: usize = 100;
/// Pages read at most: a registry with a broken `Link` cannot loop forever.
const MAX_PAGES: usize = 1000;
/// Where Docker Hub answers searches.
pub const HUB_SEARCH: &str = "https://index.docker.io/v1/search";

/// One repository found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The repository path in its registry (`library/busybox`).
    pub name: String,
    pub description: String,
    pub stars: u64,
    pub official: bool,
    pub automated: bool,
}

/// Repositories of the catalog whose name contains `term`, at most `limit`.
pub fn search_catalog(client: &RegistryClient, term: &str, limit: usize) -> Result<Vec<Found>, RegistryError> {
    #[derive(Deserialize)]
    struct Page {
        #[serde(default)]
        repositories: Option<Vec<String>>,
    }
    let mut found = Vec::new();
    let mut url = client.url(&format!("/v2/_catalog?n={PAGE}"));
    for _ in 0..MAX_PAGES {
        let resp = client.send("GET", &url, &[], None, "catalog")?;
        let next = resp.header("Link").and_then(next_link).map(|l| client.url(&l));
        let page: Page = read_json(client, resp, "catalog")?;
        for name in page.repositories.unwrap_or_default() {
            if name.contains(term) {
                found.push(Found { name, ..Found::default() });
                if found.len() >= limit {
                    return Ok(found);
                }
            }
        }
        match next {
            Some(n) if n != url => url = n,
            _ => break,
        }
    }
    Ok(found)
}

/// Docker Hub's search (`/v1/search?q=TERM&n=LIMIT`).
pub fn search_hub(client: &RegistryClient, term: &str, limit: usize) -> Result<Vec<Found>, RegistryError> {
    #[derive(Deserialize)]
    struct Results {
        #[serde(default)]
        results: Vec<HubResult>,
    }
    #[derive(Deserialize)]
    struct HubResult {
        #[serde(default)]
        name: String,
        #[serde(default)]
        description: Option<String>,
        #[serde(default)]
        star_count: u64,
        #[serde(default)]
        is_official: bool,
        #[serde(default)]
        is_automated: bool,
    }
    let url = format!("{HUB_SEARCH}?q={}&n={limit}", query_escape(term));
    let resp = client.send("GET", &url, &[], None, "search")?;
    let parsed: Results = read_json(client, resp, "search results")?;
    Ok(parsed
        .results
        .into_iter()
        .take(limit)
        .map(|r| Found {
            name: r.name,
            description: r.description.unwrap_or_default(),
            stars: r.star_count,
            official: r.is_official,
            automated: r.is_automated,
        })
        .collect())
}

fn read_json<T: serde::de::DeserializeOwned>(client: &RegistryClient, resp: ureq::Response, what: &str) -> Result<T, RegistryError> {
    let mut bytes = Vec::new();
    let invalid = |why: String| RegistryError::Invalid { registry: client.endpoint().host.clone(), what: what.to_string(), why };
    // 16 MiB of names is far beyond any page a registry sends.
    resp.into_reader().take(16 << 20).read_to_end(&mut bytes).map_err(|e| invalid(crate::registry::error::io_reason(&e)))?;
    serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))
}

/// The target of `rel="next"` in a `Link` header.
fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let is_next = params.split(';').any(|p| p.trim().replace(' ', "") == "rel=\"next\"" || p.trim() == "rel=next");
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        is_next.then(|| target.to_string())
    })
}

/// Percent-encodes a query value (unreserved characters pass).
fn query_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links_are_found() {
        assert_eq!(next_link(r#"</v2/_catalog?last=b&n=100>; rel="next""#).as_deref(), Some("/v2/_catalog?last=b&n=100"));
        assert_eq!(next_link(r#"<http://r/a>; rel="prev", <http://r/b>; rel=next"#).as_deref(), Some("http://r/b"));
        assert_eq!(next_link(r#"</x>; rel="prev""#), None);
        assert_eq!(next_link("garbage"), None);
    }

    #[test]
    fn terms_are_escaped() {
        assert_eq!(query_escape("my app/x"), "my%20app%2Fx");
        assert_eq!(query_escape("busy-box_1.0"), "busy-box_1.0");
    }
}
