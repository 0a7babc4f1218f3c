//! The container's environment as asked for: `--env-file` parsing, and the
//! variables a container gets when neither the image nor the user sets
//! them (Docker's and Podman's defaults, which scripts rely on).

use anyhow::{bail, Result};

/// PATH when neither the image nor the user sets one (Docker's default).
pub const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The value of `container` in every container, as Podman sets
/// `container=podman` (systemd and other programs test for it).
pub const CONTAINER_ENV_VALUE: &str = "pontoon";

/// What the defaults depend on.
pub struct EnvDefaults<'a> {
    /// The container's hostname, for `HOSTNAME`.
    pub hostname: &'a str,
    /// The home directory of the container's user in the image's
    /// /etc/passwd (`/` when it has none), for `HOME`.
    pub home: &'a str,
    /// `-t`: `TERM=xterm`, as Docker sets it for a terminal only.
    pub tty: bool,
}

/// Adds the defaults to `env` (the image's Env, then the user's `-e`,
/// already merged): `PATH`, `HOSTNAME`, `HOME`, `TERM` with `-t` and
/// `container=pontoon`, each only when `env` does not set it, so the image
/// and the user win, as in Docker.
pub fn with_defaults(mut env: Vec<String>, defaults: &EnvDefaults) -> Vec<String> {
    let home = if defaults.home.is_empty() { "/" } else { defaults.home };
    let wanted = [
        ("PATH", Some(DEFAULT_PATH)),
        ("HOSTNAME", Some(defaults.hostname)),
        ("HOME", Some(home)),
        ("TERM", defaults.tty.then_some("xterm")),
        ("container", Some(CONTAINER_ENV_VALUE)),
    ];
    for (key, value) in wanted {
        let Some(value) = value else { continue };
        if !env.iter().any(|kv| kv.split_once('=').map_or(kv.as_str(), |(k, _)| k) == key) {
            env.push(format!("{key}={value}"));
        }
    }
    env
}

fn key_of(kv: &str) -> &str {
    kv.split_once('=').map_or(kv, |(k, _)| k)
}

/// Podman's environment rules, on the final environment: `--env-merge`
/// rewrites a variable with `${NAME}` expanded from what is there,
/// `--unsetenv` removes names, `--unsetenv-all` keeps only the names the
/// user gave with `--env` (`user_keys`).
pub fn apply_rules(mut env: Vec<String>, merge: &[String], unset: &[String], unset_all: bool, user_keys: &[&str]) -> Vec<String> {
    for rule in merge {
        let Some((key, template)) = rule.split_once('=') else { continue };
        let value = expand(template, &env);
        let entry = format!("{key}={value}");
        match env.iter_mut().find(|kv| key_of(kv) == key) {
            Some(existing) => *existing = entry,
            None => env.push(entry),
        }
    }
    env.retain(|kv| {
        let key = key_of(kv);
        !unset.iter().any(|u| u == key) && (!unset_all || user_keys.contains(&key) || merge.iter().any(|m| key_of(m) == key))
    });
    env
}

/// `${NAME}` and `$NAME` in `template`, from `env` (empty when unset).
fn expand(template: &str, env: &[String]) -> String {
    let lookup = |name: &str| env.iter().find(|kv| key_of(kv) == name).and_then(|kv| kv.split_once('=')).map(|(_, v)| v.to_string()).unwrap_or_default();
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('$') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(body) = after.strip_prefix('{') {
            if let Some(end) = body.find('}') {
                out.push_str(&lookup(&body[..end]));
                rest = &body[end + 1..];
                continue;
            }
        }
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        if len == 0 {
            out.push('$');
        } else {
            out.push_str(&lookup(&after[..len]));
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Parses an `--env-file`: `KEY=VALUE` lines, `KEY` alone to pass the
/// caller's value, blank lines and `#` comments ignored.
pub fn parse_env_file(text: &str, file: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = line.split_once('=').map(|(k, _)| k).unwrap_or(line);
        if key.is_empty() || key.contains(char::is_whitespace) {
            bail!("{file}:{}: invalid variable name {key:?}: lines must be KEY=VALUE", n + 1);
        }
        out.push(line.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults(tty: bool) -> EnvDefaults<'static> {
        EnvDefaults { hostname: "box", home: "/home/user", tty }
    }

    #[test]
    fn merge_and_unset_rules_apply_to_the_final_environment() {
        let env = vec!["PATH=/bin".to_string(), "A=1".into(), "B=2".into(), "HOME=/root".into()];
        let out = apply_rules(env.clone(), &["PATH=/opt/bin:${PATH}".into(), "C=$A-x".into()], &["B".into()], false, &[]);
        assert_eq!(out, ["PATH=/opt/bin:/bin", "A=1", "HOME=/root", "C=1-x"]);
        let only = apply_rules(env, &[], &[], true, &["A"]);
        assert_eq!(only, ["A=1"]);
    }

    #[test]
    fn defaults_fill_what_is_unset() {
        let env = with_defaults(vec!["A=1".into()], &defaults(false));
        assert_eq!(env, ["A=1", &format!("PATH={DEFAULT_PATH}"), "HOSTNAME=box", "HOME=/home/user", "container=pontoon"]);
        let env = with_defaults(vec![], &defaults(true));
        assert!(env.contains(&"TERM=xterm".to_string()), "{env:?}");
    }

    #[test]
    fn the_image_and_the_user_win_over_defaults() {
        let set = ["PATH=/bin", "HOSTNAME=mine", "HOME=/srv", "TERM=dumb", "container=docker"].map(String::from).to_vec();
        assert_eq!(with_defaults(set.clone(), &defaults(true)), set);
        // An empty value is a value: kept.
        assert_eq!(with_defaults(vec!["HOME=".into()], &defaults(false))[0..2], ["HOME=".to_string(), format!("PATH={DEFAULT_PATH}")]);
    }

    #[test]
    fn an_empty_home_is_root() {
        let env = with_defaults(vec![], &EnvDefaults { hostname: "h", home: "", tty: false });
        assert!(env.contains(&"HOME=/".to_string()), "{env:?}");
    }

    #[test]
    fn env_files_parse() {
        let env = parse_env_file("# c\nA=1\n\nB\n", "f").unwrap();
        assert_eq!(env, ["A=1", "B"]);
        assert!(parse_env_file("BAD KEY=1", "f").is_err());
    }
}
