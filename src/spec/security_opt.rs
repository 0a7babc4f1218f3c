//! `--security-opt` choices beyond seccomp that loosen pontoon's defaults
//! for one container, as Docker and Podman name them:
//! `no-new-privileges=false` lets setuid binaries (newuidmap) gain their
//! privileges, and `unmask=PATHS` / `systempaths=unconfined` show /proc and
//! /sys paths that are masked or read-only by default. A rootless engine
//! inside the container needs both: newuidmap to map its subordinate ids,
//! and a /proc without over-mounts, as the kernel lets a user namespace
//! mount a new proc only where the whole of one is already visible.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

/// Podman's word for "every masked and read-only path".
const UNMASK_ALL: &str = "ALL";

/// The loosened defaults a container asked for (all off by default).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecurityOptions {
    /// `no-new-privileges=false`: the container's processes run without
    /// no_new_privs, so setuid and file-capability binaries work.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_privileges: bool,
    /// `unmask=...` patterns (absolute paths, `*` within a path component,
    /// or `ALL`); `systempaths=unconfined` is `ALL`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmask: Vec<String>,
}

impl SecurityOptions {
    /// Takes the option `opt` (split into `key` and `value`) if it is one
    /// of these; false when it is not, so the caller tries its own keys.
    pub fn apply(&mut self, opt: &str, key: &str, value: &str) -> Result<bool> {
        match (key, value) {
            ("no-new-privileges", "" | "true") => self.new_privileges = false,
            ("no-new-privileges", "false") => self.new_privileges = true,
            ("no-new-privileges", _) => bail!("invalid --security-opt {opt:?}: use no-new-privileges=true or no-new-privileges=false"),
            ("systempaths", "unconfined") => self.unmask = vec![UNMASK_ALL.to_string()],
            ("systempaths", _) => bail!("invalid --security-opt {opt:?}: the only value of systempaths is unconfined"),
            ("unmask", patterns) => {
                let patterns: Vec<&str> = patterns.split(':').collect();
                if let Some(bad) = patterns.iter().find(|p| **p != UNMASK_ALL && !p.starts_with('/')) {
                    bail!("invalid --security-opt {opt:?}: {bad:?} is not an absolute path; use unmask=ALL or unmask=/proc/*:/sys/firmware");
                }
                self.unmask.extend(patterns.into_iter().map(String::from));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Whether the default masked or read-only `path` stays so.
    pub fn keeps_masked(&self, path: &str) -> bool {
        !self.unmask.iter().any(|p| p == UNMASK_ALL || glob_matches(p, path))
    }
}

/// A shell-style match of an absolute path against a pattern whose `*`
/// stands for any run of characters within one path component (so
/// `/proc/*` is every entry of /proc, not of /proc/sys/...).
fn glob_matches(pattern: &str, path: &str) -> bool {
    let (pattern, path) = (pattern.trim_end_matches('/'), path.trim_end_matches('/'));
    let pattern_parts: Vec<&str> = pattern.split('/').collect();
    let path_parts: Vec<&str> = path.split('/').collect();
    pattern_parts.len() == path_parts.len() && pattern_parts.iter().zip(&path_parts).all(|(p, s)| component_matches(p, s))
}

/// `*` matches any run of characters; everything else matches itself.
fn component_matches(pattern: &str, text: &str) -> bool {
    let mut pieces = pattern.split('*');
    let first = pieces.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty(); // no `*`: the whole component matched
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(opts: &[&str]) -> Result<SecurityOptions> {
        let mut s = SecurityOptions::default();
        for opt in opts {
            let (key, value) = opt.split_once('=').unwrap_or((opt, ""));
            assert!(s.apply(opt, key, value)?, "{opt} is a security option of this module");
        }
        Ok(s)
    }

    #[test]
    fn no_new_privileges_false_allows_them_and_true_is_the_default() {
        assert!(parsed(&["no-new-privileges=false"]).unwrap().new_privileges);
        assert!(!parsed(&["no-new-privileges=false", "no-new-privileges"]).unwrap().new_privileges, "the last one wins");
        assert_eq!(parsed(&["no-new-privileges=true"]).unwrap(), SecurityOptions::default());
        assert!(parsed(&["no-new-privileges=maybe"]).unwrap_err().to_string().contains("no-new-privileges=false"));
    }

    #[test]
    fn unmask_takes_paths_globs_and_all() {
        let s = parsed(&["unmask=/proc/*"]).unwrap();
        assert!(!s.keeps_masked("/proc/kcore") && !s.keeps_masked("/proc/sys"));
        assert!(s.keeps_masked("/sys/firmware") && s.keeps_masked("/sys/devices/virtual/powercap"));
        let s = parsed(&["unmask=/proc/acpi:/sys/firmware"]).unwrap();
        assert!(!s.keeps_masked("/proc/acpi") && !s.keeps_masked("/sys/firmware") && s.keeps_masked("/proc/kcore"));
        let s = parsed(&["unmask=/proc/sched_*"]).unwrap();
        assert!(!s.keeps_masked("/proc/sched_debug") && s.keeps_masked("/proc/sys"));
        for all in ["unmask=ALL", "systempaths=unconfined"] {
            let s = parsed(&[all]).unwrap();
            assert!(!s.keeps_masked("/proc/kcore") && !s.keeps_masked("/sys/firmware"), "{all}");
        }
        assert!(SecurityOptions::default().keeps_masked("/proc/kcore"));
    }

    #[test]
    fn bad_unmask_and_systempaths_values_are_refused() {
        assert!(parsed(&["unmask=proc/kcore"]).unwrap_err().to_string().contains("not an absolute path"));
        assert!(parsed(&["unmask="]).is_err());
        assert!(parsed(&["systempaths=confined"]).unwrap_err().to_string().contains("unconfined"));
    }

    #[test]
    fn other_keys_are_left_to_the_caller() {
        assert!(!SecurityOptions::default().apply("seccomp=unconfined", "seccomp", "unconfined").unwrap());
    }

    #[test]
    fn globs_match_within_one_component() {
        assert!(glob_matches("/proc/*", "/proc/kcore"));
        assert!(!glob_matches("/proc/*", "/proc/sys/kernel"));
        assert!(glob_matches("/proc/*_list", "/proc/timer_list"));
        assert!(glob_matches("/proc/t*_*s", "/proc/timer_stats"));
        assert!(!glob_matches("/proc/t*_*s", "/proc/timer_list"));
        assert!(glob_matches("/sys/firmware/", "/sys/firmware"));
        assert!(!glob_matches("/proc/kc", "/proc/kcore"));
    }
}
