//! `WWW-Authenticate` challenges of a registry (RFC 7235 syntax): which
//! scheme to answer with and, for Bearer, where to get a token.

use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Challenge {
    /// Get a token from `realm` for `service` and `scope`.
    Bearer { realm: String, service: Option<String>, scope: Option<String> },
    /// Send the user name and password on every request.
    Basic,
}

/// Parses the first challenge pontoon can answer, or `None`.
pub fn parse(header: &str) -> Option<Challenge> {
    let trimmed = header.trim();
    let (scheme, rest) = trimmed.split_once(char::is_whitespace).unwrap_or((trimmed, ""));
    match scheme.to_ascii_lowercase().as_str() {
        "bearer" => {
            let mut params = params(rest);
            let realm = params.remove("realm").filter(|r| !r.is_empty())?;
            Some(Challenge::Bearer { realm, service: params.remove("service"), scope: params.remove("scope") })
        }
        "basic" => Some(Challenge::Basic),
        _ => None,
    }
}

/// `key=value` or `key="quoted, value"` pairs separated by commas; keys are
/// case-insensitive.
fn params(s: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let key: String = chars.by_ref().take_while(|c| *c != '=').collect::<String>().trim().to_ascii_lowercase();
        if key.is_empty() {
            return out;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
            // Skip up to the separating comma.
            for c in chars.by_ref() {
                if c == ',' {
                    break;
                }
            }
        } else {
            value = chars.by_ref().take_while(|c| *c != ',').collect::<String>().trim().to_string();
        }
        out.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_docker_hub_bearer() {
        let h = r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull,push""#;
        assert_eq!(
            parse(h),
            Some(Challenge::Bearer {
                realm: "https://auth.docker.io/token".into(),
                service: Some("registry.docker.io".into()),
                scope: Some("repository:library/busybox:pull,push".into()),
            })
        );
    }

    #[test]
    fn parses_unquoted_spaced_and_escaped_values() {
        let h = r#"bearer  Realm=http://h/t , service="a \"b\"""#;
        assert_eq!(parse(h), Some(Challenge::Bearer { realm: "http://h/t".into(), service: Some("a \"b\"".into()), scope: None }));
        assert_eq!(parse(r#"Basic realm="Registry Realm""#), Some(Challenge::Basic));
    }

    #[test]
    fn refuses_what_cannot_be_answered() {
        assert_eq!(parse("Bearer service=x"), None);
        assert_eq!(parse("Negotiate abc"), None);
        assert_eq!(parse(""), None);
    }
}
