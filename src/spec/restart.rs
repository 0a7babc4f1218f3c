//! `--restart`: the policy the monitor applies when a container exits.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

/// `--restart`: no, always, unless-stopped, on-failure[:N].
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RestartPolicy {
    pub name: String,
    /// For on-failure: how many restarts at most (0: no limit).
    pub max_retries: u32,
}

impl RestartPolicy {
    pub fn parse(s: &str) -> Result<RestartPolicy> {
        let (name, count) = s.split_once(':').map(|(n, c)| (n, Some(c))).unwrap_or((s, None));
        let max_retries = match (name, count) {
            ("on-failure", Some(c)) => c.parse().map_err(|_| anyhow::anyhow!("invalid restart count {c:?}: use on-failure:N with a number"))?,
            (_, Some(_)) => bail!("only on-failure takes a count: use on-failure:N"),
            _ => 0,
        };
        match name {
            "" | "no" | "always" | "unless-stopped" | "on-failure" => Ok(RestartPolicy { name: if name.is_empty() { "no".into() } else { name.into() }, max_retries }),
            other => bail!("invalid restart policy {other:?}: use no, always, unless-stopped or on-failure[:N]"),
        }
    }

    /// Whether a container that exited with `code` after `restarts`
    /// restarts should run again. `stopped` is true after `pontoon stop`.
    pub fn should_restart(&self, code: i32, restarts: u32, stopped: bool) -> bool {
        if stopped {
            return false;
        }
        match self.name.as_str() {
            "always" | "unless-stopped" => true,
            "on-failure" => code != 0 && (self.max_retries == 0 || restarts < self.max_retries),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_policies_follow_docker() {
        let on_failure = RestartPolicy::parse("on-failure:3").unwrap();
        assert!(on_failure.should_restart(1, 2, false));
        assert!(!on_failure.should_restart(1, 3, false));
        assert!(!on_failure.should_restart(0, 0, false));
        let always = RestartPolicy::parse("always").unwrap();
        assert!(always.should_restart(0, 100, false));
        assert!(!always.should_restart(0, 0, true));
        assert!(!RestartPolicy::parse("no").unwrap().should_restart(1, 0, false));
        assert!(RestartPolicy::parse("sometimes").is_err());
        assert!(RestartPolicy::parse("always:3").is_err());
    }
}
