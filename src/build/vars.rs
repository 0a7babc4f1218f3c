//! Build arguments and Docker's scoping of them.
//!
//! - ARGs before the first FROM are global: usable in FROM lines, and in a
//!   stage only once the stage re-declares them (`ARG NAME` takes the
//!   global value).
//! - A declared ARG's value is the `--build-arg` one, else its default.
//! - In a stage, ENV wins over an ARG of the same name when words are
//!   expanded; RUN steps see both, as environment variables.
//! - The proxy args may be given without an ARG line; they reach RUN steps
//!   but stay out of history and the cache key (see dockerfile::predefined).

use std::collections::{BTreeMap, BTreeSet};

use super::dockerfile::predefined::{platform_args, PROXY_ARGS};
use super::dockerfile::ArgDecl;

/// The build args of the whole build, and which of them a stage declared.
pub struct BuildArgs {
    given: BTreeMap<String, String>,
    /// Platform args, defined without an ARG line in the global scope.
    platform: Vec<(String, String)>,
    /// Names some stage (or the global scope) declared: the rest of
    /// `given` is reported as unused, as Docker warns.
    consumed: BTreeSet<String>,
}

impl BuildArgs {
    pub fn new(given: BTreeMap<String, String>, platform: &str) -> BuildArgs {
        BuildArgs { given, platform: platform_args(platform, platform), consumed: BTreeSet::new() }
    }

    /// The value of a declaration: given, else its (already expanded) default.
    pub fn declare(&mut self, decl: &ArgDecl, expanded_default: Option<String>, global: &Scope) -> Option<String> {
        self.consumed.insert(decl.name.clone());
        if let Some(v) = self.given.get(&decl.name) {
            return Some(v.clone());
        }
        expanded_default.or_else(|| global.get(&decl.name))
    }

    /// The scope FROM lines see before any global ARG: the platform args.
    pub fn platform_scope(&self) -> Scope {
        Scope { values: self.platform.to_vec() }
    }

    /// Proxy args given on the command line: RUN steps get them.
    pub fn proxies(&self) -> Vec<(String, String)> {
        PROXY_ARGS.iter().filter_map(|k| self.given.get(*k).map(|v| (k.to_string(), v.clone()))).collect()
    }

    /// `--build-arg`s no ARG line used (proxies excepted).
    pub fn unused(&self) -> Vec<String> {
        self.given.keys().filter(|k| !self.consumed.contains(*k) && !PROXY_ARGS.contains(&k.as_str())).cloned().collect()
    }
}

/// The ARGs a scope declared so far, in declaration order (history and the
/// cache key list them so).
#[derive(Clone, Debug, Default)]
pub struct Scope {
    values: Vec<(String, String)>,
}

impl Scope {
    pub fn get(&self, name: &str) -> Option<String> {
        self.values.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    pub fn set(&mut self, name: &str, value: String) {
        self.values.retain(|(k, _)| k != name);
        self.values.push((name.to_string(), value));
    }

    pub fn entries(&self) -> &[(String, String)] {
        &self.values
    }
}

/// Looks a name up in an image config's `Env` list.
pub fn env_value(env: &[String], name: &str) -> Option<String> {
    env.iter().rev().find_map(|e| e.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
}

/// Sets `name=value` in an `Env` list, replacing an earlier entry in place.
pub fn set_env(env: &mut Vec<String>, name: &str, value: &str) {
    let entry = format!("{name}={value}");
    match env.iter_mut().find(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) == name) {
        Some(existing) => *existing = entry,
        None => env.push(entry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decl(name: &str, default: Option<&str>) -> ArgDecl {
        ArgDecl { name: name.into(), default: default.map(Into::into) }
    }

    #[test]
    fn given_values_win_then_defaults_then_globals() {
        let mut args = BuildArgs::new([("A".to_string(), "given".to_string()), ("UNUSED".into(), "x".into()), ("http_proxy".into(), "p".into())].into(), "linux/amd64");
        let mut global = Scope::default();
        global.set("G", "global".into());
        assert_eq!(args.declare(&decl("A", Some("default")), Some("default".into()), &global).as_deref(), Some("given"));
        assert_eq!(args.declare(&decl("B", Some("d")), Some("d".into()), &global).as_deref(), Some("d"));
        assert_eq!(args.declare(&decl("G", None), None, &global).as_deref(), Some("global"));
        assert_eq!(args.declare(&decl("NONE", None), None, &global), None);
        assert_eq!(args.unused(), ["UNUSED"]);
        assert_eq!(args.proxies(), [("http_proxy".to_string(), "p".to_string())]);
        assert_eq!(args.platform_scope().get("TARGETARCH").as_deref(), Some("amd64"));
    }

    #[test]
    fn env_lists_are_read_and_replaced_in_place() {
        let mut env = vec!["PATH=/bin".to_string(), "A=1".into()];
        set_env(&mut env, "PATH", "/usr/bin:/bin");
        set_env(&mut env, "B", "x=y");
        assert_eq!(env, ["PATH=/usr/bin:/bin", "A=1", "B=x=y"]);
        assert_eq!(env_value(&env, "B").as_deref(), Some("x=y"));
        assert_eq!(env_value(&env, "C"), None);
    }
}
