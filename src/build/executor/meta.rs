//! The instructions that only change the image config (ENV, LABEL, CMD,
//! ...): each gives the new config and the text that describes it in the
//! history and the cache key.

use std::time::Duration;

use anyhow::{Context, Result};
use serde_json::json;

use crate::build::dockerfile::{Command, Healthcheck, HealthcheckCommand};
use crate::build::vars::set_env;
use crate::image::manifest::ContainerConfig;

/// The stage's shell for shell forms: SHELL, else `/bin/sh -c`.
pub fn shell_of(c: &ContainerConfig) -> Vec<String> {
    c.shell.clone().unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()])
}

/// CMD, ENTRYPOINT, RUN and HEALTHCHECK commands as the argv they run.
pub fn argv_of(command: &Command, c: &ContainerConfig) -> Vec<String> {
    match command {
        Command::Exec(argv) => argv.clone(),
        Command::Shell(line) => {
            let mut argv = shell_of(c);
            argv.push(line.clone());
            argv
        }
    }
}

pub fn set_envs(c: &mut ContainerConfig, pairs: &[(String, String)]) {
    let env = c.env.get_or_insert_with(Vec::new);
    for (k, v) in pairs {
        set_env(env, k, v);
    }
}

pub fn set_labels(c: &mut ContainerConfig, pairs: &[(String, String)]) {
    let labels = c.labels.get_or_insert_with(Default::default);
    for (k, v) in pairs {
        labels.insert(k.clone(), v.clone());
    }
}

/// EXPOSE's ports, checked as `import --change` checks them.
pub fn expose(c: &mut ContainerConfig, ports: &[String]) -> Result<()> {
    crate::engine::import::apply_changes(&[format!("EXPOSE {}", ports.join(" "))], c).map_err(|e| anyhow::anyhow!("{}", crate::errors::one_line(&e)))
}

pub fn add_volumes(c: &mut ContainerConfig, paths: &[String]) {
    let volumes = c.volumes.get_or_insert_with(Default::default);
    for p in paths {
        volumes.insert(p.clone(), json!({}));
    }
}

/// WORKDIR: relative to the previous one, cleaned.
pub fn workdir(c: &ContainerConfig, dir: &str) -> String {
    let joined = if dir.starts_with('/') { dir.to_string() } else { format!("{}/{dir}", c.working_dir.as_deref().unwrap_or("/")) };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

fn nanos(d: Option<Duration>) -> Option<u128> {
    d.map(|d| d.as_nanos())
}

/// HEALTHCHECK as Docker writes it in the config (durations in nanoseconds).
pub fn healthcheck(h: &Healthcheck) -> serde_json::Value {
    match h {
        Healthcheck::None => json!({ "Test": ["NONE"] }),
        Healthcheck::Check(HealthcheckCommand { test, interval, timeout, start_period, start_interval, retries }) => {
            let test = match test {
                Command::Exec(argv) => std::iter::once("CMD".to_string()).chain(argv.iter().cloned()).collect::<Vec<_>>(),
                Command::Shell(line) => vec!["CMD-SHELL".to_string(), line.clone()],
            };
            let mut v = json!({ "Test": test });
            for (key, value) in [("Interval", nanos(*interval)), ("Timeout", nanos(*timeout)), ("StartPeriod", nanos(*start_period)), ("StartInterval", nanos(*start_interval))] {
                if let Some(n) = value {
                    v[key] = json!(n as u64);
                }
            }
            if let Some(r) = retries {
                v["Retries"] = json!(r);
            }
            v
        }
    }
}

/// STOPSIGNAL's value, checked.
pub fn stop_signal(s: &str) -> Result<String> {
    crate::engine::lifecycle::parse_signal(s).with_context(|| format!("STOPSIGNAL {s}"))?;
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workdirs_join_and_clean() {
        let mut c = ContainerConfig::default();
        assert_eq!(workdir(&c, "app"), "/app");
        c.working_dir = Some("/app".into());
        assert_eq!(workdir(&c, "sub/../src/"), "/app/src");
        assert_eq!(workdir(&c, "/x"), "/x");
    }

    #[test]
    fn shell_forms_use_the_stage_shell() {
        let mut c = ContainerConfig::default();
        assert_eq!(argv_of(&Command::Shell("echo hi".into()), &c), ["/bin/sh", "-c", "echo hi"]);
        c.shell = Some(vec!["/bin/bash".into(), "-eu".into(), "-c".into()]);
        assert_eq!(argv_of(&Command::Shell("x".into()), &c), ["/bin/bash", "-eu", "-c", "x"]);
        assert_eq!(argv_of(&Command::Exec(vec!["a".into()]), &c), ["a"]);
    }

    #[test]
    fn healthchecks_are_written_as_docker_writes_them() {
        let h = Healthcheck::Check(HealthcheckCommand { test: Command::Shell("curl -f x".into()), interval: Some(Duration::from_secs(5)), timeout: None, start_period: None, start_interval: None, retries: Some(2) });
        assert_eq!(healthcheck(&h), json!({"Test": ["CMD-SHELL", "curl -f x"], "Interval": 5_000_000_000u64, "Retries": 2}));
        assert_eq!(healthcheck(&Healthcheck::None), json!({"Test": ["NONE"]}));
    }
}
