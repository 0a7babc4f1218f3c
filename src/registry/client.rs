//! A client for one repository on one registry (distribution spec v2):
//! ping and scheme choice, Bearer-token and Basic auth, manifests with
//! digest checks, blob streams, tag lists; retries with back-off on
//! transient failures (connect errors, 408/429, 5xx), never on other 4xx.
//!
//! Plain HTTP: only for registries (and mirrors) that registries.conf marks
//! `insecure = true`, and for loopback hosts (localhost, 127.0.0.0/8, ::1).
//! Podman requires `insecure = true` even for localhost; Docker treats
//! loopback registries as insecure by default. pontoon follows Docker here
//! because `alias docker=pontoon` users run `docker run -p 5000:5000
//! registry` and push to it, and loopback traffic never leaves the machine.
//! HTTPS is always tried first. Certificates are checked except for
//! `insecure` registries (containers-registries.conf(5): "TLS connections
//! with untrusted certificates are allowed"); loopback does not waive that.
//! A command's `--tls-verify` overrides all of this (see [`TlsVerify`]).

use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Result;
use base64::Engine as _;

use crate::image::auth::Credentials;
use crate::image::digest::Digest;
use crate::image::manifest::MANIFEST_ACCEPT;
use crate::image::registries::TlsVerify;
use crate::registry::challenge::{self, Challenge};
use crate::registry::error::{body_detail, transient_status, transport_reason, RegistryError};
use crate::registry::tls;

/// Attempts per request, counting the first.
const ATTEMPTS: u32 = 3;
/// First back-off; doubled after each failed attempt.
const BACKOFF: Duration = Duration::from_millis(500);
/// Manifests larger than this are refused (containers/image uses the same).
const MAX_MANIFEST: u64 = 4 * 1024 * 1024;

/// Where `docker.io` images are served from.
pub const DOCKER_HUB_API: &str = "registry-1.docker.io";

/// Where to reach one repository and how.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// `host[:port]`.
    pub host: String,
    /// Repository path on that host (`library/busybox`).
    pub repository: String,
    /// Plain HTTP and unverified certificates are allowed for this host
    /// (registries.conf's `insecure = true`, or `--tls-verify=false`).
    pub insecure: bool,
    /// HTTPS only, loopback hosts included (`--tls-verify=true`).
    pub require_tls: bool,
}

impl Endpoint {
    /// Splits `host/path/to/repo`. Docker Hub's API lives on another host
    /// than the name its images carry.
    pub fn from_name(name: &str, insecure: bool) -> Endpoint {
        let (host, repository) = name.split_once('/').unwrap_or((name, ""));
        let host = if host == crate::image::reference::DEFAULT_REGISTRY { DOCKER_HUB_API } else { host };
        Endpoint { host: host.to_string(), repository: repository.to_string(), insecure, require_tls: false }
    }

    /// This endpoint as a command's `--tls-verify` wants it reached.
    pub fn with_tls_verify(mut self, tls_verify: TlsVerify) -> Endpoint {
        match tls_verify {
            TlsVerify::AsConfigured => {}
            TlsVerify::Required => (self.insecure, self.require_tls) = (false, true),
            TlsVerify::Skipped => (self.insecure, self.require_tls) = (true, false),
        }
        self
    }

    fn allow_http(&self) -> bool {
        !self.require_tls && (self.insecure || is_loopback(&self.host))
    }
}

/// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
pub fn is_loopback(host: &str) -> bool {
    let bare = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or(rest)
    } else {
        host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host)
    };
    bare == "localhost" || bare == "::1" || bare.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
}

/// A manifest or index as fetched.
pub struct FetchedManifest {
    pub bytes: Vec<u8>,
    pub digest: Digest,
    pub media_type: String,
}

/// What the client asks a token server for on the repository.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Pull,
    /// `pull,push`: uploads need both (a push first checks what exists).
    Push,
}

/// A request body that can be produced again for a retry: the bytes and
/// their length (sent as Content-Length, never chunked: registries differ in
/// how they take chunked uploads).
pub type Body<'a> = &'a dyn Fn() -> std::io::Result<(Box<dyn Read + 'a>, u64)>;

pub struct RegistryClient {
    agent: ureq::Agent,
    access: Access,
    endpoint: Endpoint,
    /// `https://host` or `http://host`, chosen by the ping.
    base: String,
    credentials: Option<Credentials>,
    /// The `Authorization` header value in use, if any.
    authorization: Mutex<Option<String>>,
}

impl RegistryClient {
    /// Pings the registry (`GET /v2/`), choosing the scheme and
    /// authenticating when it asks for it.
    pub fn connect(endpoint: Endpoint, credentials: Option<Credentials>) -> Result<RegistryClient, RegistryError> {
        RegistryClient::connect_for(endpoint, credentials, Access::Pull)
    }

    /// As `connect`, asking for `access` whenever a token is needed.
    pub fn connect_for(endpoint: Endpoint, credentials: Option<Credentials>, access: Access) -> Result<RegistryClient, RegistryError> {
        let mut builder = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(15))
            .timeout_read(Duration::from_secs(60))
            .timeout_write(Duration::from_secs(60))
            .redirects(5)
            .user_agent(concat!("pontoon/", env!("CARGO_PKG_VERSION")));
        if endpoint.insecure {
            let config = tls::unverified_config().map_err(|e| RegistryError::Unreachable { registry: endpoint.host.clone(), why: format!("cannot set up TLS: {e}") })?;
            builder = builder.tls_config(config);
        }
        let agent = builder.build();
        let mut schemes = vec!["https"];
        if endpoint.allow_http() {
            schemes.push("http");
        }
        let mut last = None;
        // A refused certificate or handshake says more than what plain HTTP
        // to the same port answers afterwards (HTTP 400).
        let mut tls_failure = None;
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                std::thread::sleep(BACKOFF * 2u32.pow(attempt - 1));
            }
            for scheme in &schemes {
                let base = format!("{scheme}://{}", endpoint.host);
                match agent.get(&format!("{base}/v2/")).call() {
                    Ok(_) => return Ok(RegistryClient::new(agent, endpoint, base, credentials, access)),
                    Err(ureq::Error::Status(401, resp)) => {
                        let client = RegistryClient::new(agent, endpoint, base, credentials, access);
                        client.authenticate(resp.header("WWW-Authenticate"))?;
                        return Ok(client);
                    }
                    // What an HTTPS-only server says to plain HTTP.
                    Err(ureq::Error::Status(400, _)) if tls_failure.is_some() => {
                        return Err(tls::refused(endpoint, tls_failure.unwrap_or_default()));
                    }
                    Err(ureq::Error::Status(status, resp)) if !transient_status(status) => {
                        let detail = body_detail(&resp.into_string().unwrap_or_default());
                        return Err(RegistryError::Status { registry: endpoint.host.clone(), what: "/v2/".into(), status, detail });
                    }
                    Err(ureq::Error::Status(status, _)) => last = Some(format!("HTTP {status}")),
                    Err(ureq::Error::Transport(t)) => {
                        if let Some(why) = tls::failure(&t) {
                            tls_failure = Some(why);
                        }
                        last = Some(transport_reason(&t));
                    }
                }
            }
            if tls_failure.is_some() && !endpoint.allow_http() {
                // HTTPS is all there is, and a certificate is refused the
                // same way every time.
                break;
            }
        }
        // Where plain HTTP was tried too, its failure is the one to show
        // (an HTTPS-only server answered it with 400, handled above).
        if let Some(why) = tls_failure.filter(|_| !endpoint.allow_http()) {
            return Err(tls::refused(endpoint, why));
        }
        Err(RegistryError::Unreachable { registry: endpoint.host, why: last.unwrap_or_else(|| "no answer".into()) })
    }

    fn new(agent: ureq::Agent, endpoint: Endpoint, base: String, credentials: Option<Credentials>, access: Access) -> RegistryClient {
        RegistryClient { agent, access, endpoint, base, credentials, authorization: Mutex::new(None) }
    }

    /// Whether the registry accepts the credentials: `GET /v2/` with the
    /// authorization the ping chose must answer 200. For Basic auth the ping
    /// only picked the scheme, so this is where a wrong password shows.
    pub fn check_login(&self) -> Result<(), RegistryError> {
        self.send("GET", &self.url("/v2/"), &[], None, "/v2/").map(|_| ())
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Fetches a manifest or index by tag or digest. A manifest fetched by
    /// digest must hash to it; one fetched by tag gets the digest of its bytes,
    /// which must equal `Docker-Content-Digest` when the registry sends one.
    pub fn manifest(&self, selector: &str) -> Result<FetchedManifest, RegistryError> {
        let what = format!("manifest {}:{selector}", self.endpoint.repository);
        let resp = self.get(&format!("manifests/{selector}"), Some(MANIFEST_ACCEPT), &what).map_err(|e| match e {
            RegistryError::Status { status: 404, .. } => RegistryError::ManifestUnknown {
                image: image_name(&self.endpoint.repository, selector),
                registry: self.endpoint.host.clone(),
            },
            other => other,
        })?;
        let invalid = |why: String| RegistryError::Invalid { registry: self.endpoint.host.clone(), what: what.clone(), why };
        let header_digest = resp.header("Docker-Content-Digest").map(str::to_string);
        let content_type = resp.header("Content-Type").map(|c| c.split(';').next().unwrap_or(c).trim().to_string());
        let mut bytes = Vec::new();
        resp.into_reader()
            .take(MAX_MANIFEST + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| invalid(format!("reading it failed: {}", crate::registry::error::io_reason(&e))))?;
        if bytes.len() as u64 > MAX_MANIFEST {
            return Err(invalid("it is larger than 4 MiB".into()));
        }
        let digest = Digest::of_bytes(&bytes);
        if let Ok(pinned) = selector.parse::<Digest>() {
            if digest != pinned {
                return Err(invalid(format!("its content has digest {digest}, not the {pinned} it was asked for")));
            }
        } else if let Some(Ok(claimed)) = header_digest.as_deref().map(str::parse::<Digest>) {
            if claimed != digest {
                return Err(invalid(format!("Docker-Content-Digest says {claimed} but the content has {digest}")));
            }
        }
        let media_type = media_type_of(&bytes).or(content_type).unwrap_or_default();
        Ok(FetchedManifest { bytes, digest, media_type })
    }

    /// Opens a blob's content stream (following redirects to storage).
    pub fn blob(&self, digest: &Digest) -> Result<Box<dyn Read + Send + Sync>, RegistryError> {
        let what = format!("blob {digest}");
        Ok(self.get(&format!("blobs/{digest}"), None, &what)?.into_reader())
    }

    /// Every tag of the repository.
    pub fn tags(&self) -> Result<Vec<String>, RegistryError> {
        #[derive(serde::Deserialize)]
        struct TagList {
            #[serde(default)]
            tags: Option<Vec<String>>,
        }
        let what = format!("tag list of {}", self.endpoint.repository);
        let resp = self.get("tags/list", None, &what)?;
        let list: TagList = resp
            .into_json()
            .map_err(|e| RegistryError::Invalid { registry: self.endpoint.host.clone(), what, why: e.to_string() })?;
        Ok(list.tags.unwrap_or_default())
    }

    /// GET `/v2/<repository>/<path>` with auth and retries.
    fn get(&self, path: &str, accept: Option<&str>, what: &str) -> Result<ureq::Response, RegistryError> {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("Accept", a)).into_iter().collect();
        self.send("GET", &self.repo_url(path), &headers, None, what)
    }

    /// `<base>/v2/<repository>/<path>`.
    pub fn repo_url(&self, path: &str) -> String {
        format!("{}/v2/{}/{path}", self.base, self.endpoint.repository)
    }

    /// `<base><path>`, or `path` itself when it is already a full URL (an
    /// upload `Location` may be either).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    /// Sends one request with auth and retries: a 401 is answered once by
    /// authenticating again, transient failures are retried with back-off
    /// (the body is produced anew for each attempt).
    pub fn send(&self, method: &str, url: &str, headers: &[(&str, &str)], body: Option<Body>, what: &str) -> Result<ureq::Response, RegistryError> {
        let mut reauthenticated = false;
        let mut attempt = 0;
        loop {
            let mut req = self.agent.request(method, url);
            for (name, value) in headers {
                req = req.set(name, value);
            }
            if let Some(auth) = self.current_authorization() {
                req = req.set("Authorization", &auth);
            }
            let result = match body {
                None => req.call(),
                Some(make) => match make() {
                    Ok((reader, len)) => req.set("Content-Length", &len.to_string()).send(reader),
                    Err(e) => {
                        return Err(RegistryError::Invalid {
                            registry: self.endpoint.host.clone(),
                            what: what.to_string(),
                            why: format!("its content cannot be read: {}", crate::registry::error::io_reason(&e)),
                        })
                    }
                },
            };
            let wait = match result {
                Ok(resp) => return Ok(resp),
                Err(ureq::Error::Status(401, resp)) if !reauthenticated => {
                    reauthenticated = true;
                    self.authenticate(resp.header("WWW-Authenticate"))?;
                    continue;
                }
                Err(ureq::Error::Status(401 | 403, _)) => {
                    return Err(match self.credentials {
                        Some(_) => RegistryError::BadCredentials { registry: self.endpoint.host.clone(), repository: self.endpoint.repository.clone() },
                        None => self.denied(),
                    });
                }
                Err(ureq::Error::Status(status, resp)) if transient_status(status) && attempt + 1 < ATTEMPTS => {
                    retry_after(&resp).unwrap_or(BACKOFF * 2u32.pow(attempt))
                }
                Err(ureq::Error::Status(status, resp)) => {
                    let detail = body_detail(&resp.into_string().unwrap_or_default());
                    return Err(RegistryError::Status { registry: self.endpoint.host.clone(), what: what.to_string(), status, detail });
                }
                Err(ureq::Error::Transport(_)) if attempt + 1 < ATTEMPTS => BACKOFF * 2u32.pow(attempt),
                Err(ureq::Error::Transport(t)) => {
                    return Err(RegistryError::Unreachable { registry: self.endpoint.host.clone(), why: transport_reason(&t) })
                }
            };
            attempt += 1;
            std::thread::sleep(wait);
        }
    }

    /// Access refused to an anonymous client, worded for what it tried.
    fn denied(&self) -> RegistryError {
        let (registry, repository) = (self.endpoint.host.clone(), self.endpoint.repository.clone());
        match self.access {
            Access::Pull => RegistryError::Denied { registry, repository },
            Access::Push => RegistryError::PushDenied { registry, repository },
        }
    }

    fn current_authorization(&self) -> Option<String> {
        self.authorization.lock().map(|a| a.clone()).unwrap_or(None)
    }

    /// Answers a challenge: fetches a token, or switches to Basic.
    fn authenticate(&self, header: Option<&str>) -> Result<(), RegistryError> {
        let repository = &self.endpoint.repository;
        let value = match header.and_then(challenge::parse) {
            Some(Challenge::Basic) => match &self.credentials {
                Some(c) => basic(c),
                None => return Err(self.denied()),
            },
            Some(Challenge::Bearer { realm, service, scope }) => {
                let scope = token_scope(self.access, repository, scope);
                format!("Bearer {}", self.token(&realm, service.as_deref(), scope.as_deref())?)
            }
            None => return Err(self.denied()),
        };
        if let Ok(mut auth) = self.authorization.lock() {
            *auth = Some(value);
        }
        Ok(())
    }

    /// Gets a token from the auth server, with credentials when configured.
    fn token(&self, realm: &str, service: Option<&str>, scope: Option<&str>) -> Result<String, RegistryError> {
        #[derive(serde::Deserialize)]
        struct TokenResponse {
            #[serde(default)]
            token: Option<String>,
            #[serde(default)]
            access_token: Option<String>,
        }
        let registry = self.endpoint.host.clone();
        let what = format!("token request to {realm}");
        let mut req = self.agent.get(realm);
        if let Some(scope) = scope {
            req = req.query("scope", scope);
        }
        if let Some(service) = service {
            req = req.query("service", service);
        }
        if let Some(c) = &self.credentials {
            req = req.set("Authorization", &basic(c));
        }
        let resp = match req.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(401 | 403, _)) if self.credentials.is_some() => {
                return Err(RegistryError::BadCredentials { registry, repository: self.endpoint.repository.clone() })
            }
            Err(ureq::Error::Status(status, resp)) => {
                let detail = body_detail(&resp.into_string().unwrap_or_default());
                return Err(RegistryError::Status { registry, what, status, detail });
            }
            Err(ureq::Error::Transport(t)) => {
                let host = realm.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or(realm);
                return Err(RegistryError::Unreachable { registry: format!("{registry} (auth server {host})"), why: transport_reason(&t) });
            }
        };
        let parsed: TokenResponse =
            resp.into_json().map_err(|e| RegistryError::Invalid { registry: registry.clone(), what: what.clone(), why: e.to_string() })?;
        parsed.token.or(parsed.access_token).filter(|t| !t.is_empty()).ok_or(RegistryError::Invalid {
            registry,
            what,
            why: "the answer has neither \"token\" nor \"access_token\"".into(),
        })
    }
}

/// The scope to ask a token for. A push asks for both actions itself: the
/// challenge of a HEAD or GET names only `pull`. Without a repository
/// (login, catalog) only what the challenge names is asked for.
fn token_scope(access: Access, repository: &str, challenged: Option<String>) -> Option<String> {
    match (access, challenged) {
        (_, s) if repository.is_empty() => s,
        (Access::Push, _) => Some(format!("repository:{repository}:pull,push")),
        (Access::Pull, Some(s)) => Some(s),
        (Access::Pull, None) => Some(format!("repository:{repository}:pull")),
    }
}

fn basic(c: &Credentials) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", c.username, c.password)))
}

/// `Retry-After` in seconds, capped so a registry cannot stall a pull for long.
fn retry_after(resp: &ureq::Response) -> Option<Duration> {
    let secs: u64 = resp.header("Retry-After")?.trim().parse().ok()?;
    Some(Duration::from_secs(secs.min(30)))
}

/// `repo:tag` or `repo@sha256:...` for messages.
fn image_name(repository: &str, selector: &str) -> String {
    let short = crate::image::reference::familiar(&format!("docker.io/{repository}"));
    if selector.starts_with("sha256:") {
        format!("{short}@{selector}")
    } else {
        format!("{short}:{selector}")
    }
}

/// The `mediaType` a manifest declares, or what its shape says it is.
fn media_type_of(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if let Some(m) = value.get("mediaType").and_then(|m| m.as_str()) {
        return Some(m.to_string());
    }
    if value.get("manifests").is_some() {
        Some(crate::image::manifest::OCI_INDEX.to_string())
    } else if value.get("layers").is_some() {
        Some(crate::image::manifest::OCI_MANIFEST.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "localhost:5000", "127.0.0.1:1", "127.3.2.1", "[::1]:5000"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["docker.io", "10.0.0.1:5000", "localhost.example.com", "[fe80::1]:5000"] {
            assert!(!is_loopback(h), "{h}");
        }
    }

    #[test]
    fn token_scopes() {
        let pull = Some("repository:a/b:pull".to_string());
        assert_eq!(token_scope(Access::Push, "a/b", pull.clone()).as_deref(), Some("repository:a/b:pull,push"));
        assert_eq!(token_scope(Access::Pull, "a/b", pull.clone()), pull);
        assert_eq!(token_scope(Access::Pull, "a/b", None).as_deref(), Some("repository:a/b:pull"));
        assert_eq!(token_scope(Access::Pull, "", None), None, "login asks for no scope");
        let catalog = Some("registry:catalog:*".to_string());
        assert_eq!(token_scope(Access::Pull, "", catalog.clone()), catalog);
    }

    #[test]
    fn tls_verify_decides_plain_http() {
        let loopback = Endpoint::from_name("127.0.0.1:5000/app", false);
        assert!(loopback.allow_http(), "loopback registries may use plain HTTP (Docker's rule)");
        assert!(!loopback.clone().with_tls_verify(TlsVerify::Required).allow_http(), "--tls-verify=true: not even loopback");
        let remote = Endpoint::from_name("registry.example.com/app", false);
        assert!(!remote.allow_http());
        let skipped = remote.with_tls_verify(TlsVerify::Skipped);
        assert!(skipped.allow_http() && skipped.insecure, "--tls-verify=false: as insecure = true");
        let insecure = Endpoint::from_name("registry.example.com/app", true);
        assert!(insecure.clone().with_tls_verify(TlsVerify::AsConfigured).allow_http());
        let required = insecure.with_tls_verify(TlsVerify::Required);
        assert!(!required.allow_http() && !required.insecure, "--tls-verify=true beats insecure = true");
    }

    #[test]
    fn endpoints_split_host_and_repository() {
        let e = Endpoint::from_name("mirror.example.com:5000/hub/library/busybox", false);
        assert_eq!((e.host.as_str(), e.repository.as_str()), ("mirror.example.com:5000", "hub/library/busybox"));
        assert_eq!(image_name("library/busybox", "nope"), "busybox:nope");
        assert_eq!(Endpoint::from_name("docker.io/library/busybox", false).host, DOCKER_HUB_API);
        assert_eq!(image_name("u/app", "sha256:ab"), "u/app@sha256:ab");
    }
}
