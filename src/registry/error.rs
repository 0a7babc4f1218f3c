//! What can go wrong talking to a registry, in words that name the registry
//! and the fix. `pull` tries the next mirror on any of these.

use std::io;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum RegistryError {
    #[error("registry {registry} unreachable: {why}; check the address and your network")]
    Unreachable { registry: String, why: String },
    #[error("registry {registry} failed the TLS handshake: {why}; {fix}")]
    Tls { registry: String, why: String, fix: &'static str },
    #[error("manifest unknown: image {image} does not exist in {registry}")]
    ManifestUnknown { image: String, registry: String },
    #[error("pull access denied for {repository} on {registry}: the repository does not exist or needs credentials; run `pontoon login {registry}`")]
    Denied { registry: String, repository: String },
    #[error("push access denied for {repository} on {registry}: authentication required; run `pontoon login {registry}`")]
    PushDenied { registry: String, repository: String },
    #[error("registry {registry} rejected the credentials for {repository}; run `pontoon login {registry}` again")]
    BadCredentials { registry: String, repository: String },
    #[error("registry {registry} answered {what} with HTTP {status}: {detail}")]
    Status { registry: String, what: String, status: u16, detail: String },
    #[error("registry {registry} sent an invalid {what}: {why}")]
    Invalid { registry: String, what: String, why: String },
}

/// Whether an HTTP status is worth retrying: rate limits and server errors.
/// 4xx other than 408/429 means the request itself is wrong.
pub fn transient_status(status: u16) -> bool {
    status == 408 || status == 429 || (500..600).contains(&status)
}

/// A short lowercase reason for a transport failure, from the deepest I/O
/// error when there is one ("connection refused", "timed out").
pub fn transport_reason(err: &ureq::Transport) -> String {
    if err.kind() == ureq::ErrorKind::Dns {
        return "cannot resolve the host name".to_string();
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(s) = source {
        if let Some(io_err) = s.downcast_ref::<io::Error>() {
            return io_reason(io_err);
        }
        source = s.source();
    }
    err.message().map(str::to_string).unwrap_or_else(|| err.kind().to_string()).to_lowercase()
}

pub fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::ConnectionRefused => "connection refused".into(),
        io::ErrorKind::ConnectionReset => "connection reset".into(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => "timed out".into(),
        io::ErrorKind::UnexpectedEof => "the connection closed early".into(),
        _ => {
            // io::Error's text ends in "(os error N)"; keep the words.
            let text = err.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

/// The `message` of a distribution-spec error body, else the start of it.
pub fn body_detail(body: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<Item>,
    }
    #[derive(serde::Deserialize)]
    struct Item {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
    }
    if let Ok(parsed) = serde_json::from_str::<Errors>(body) {
        let parts: Vec<String> =
            parsed.errors.iter().map(|e| if e.message.is_empty() { e.code.to_lowercase() } else { e.message.clone() }).collect();
        if !parts.is_empty() {
            return parts.join("; ");
        }
    }
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        "no details".into()
    } else {
        flat.chars().take(200).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_come_from_distribution_errors() {
        let body = r#"{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}"#;
        assert_eq!(body_detail(body), "manifest unknown");
        assert_eq!(body_detail("  <html>\n oops </html>"), "<html> oops </html>");
        assert!(transient_status(503) && transient_status(429) && !transient_status(404) && !transient_status(401));
    }
}
