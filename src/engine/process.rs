//! The process a container runs: the user's `ContainerSpec` merged with
//! the image's config by Docker's rules (entrypoint, command, environment,
//! working directory, user).

use anyhow::{bail, Result};

use crate::image::manifest::ContainerConfig;
use crate::spec::container::ContainerSpec;

/// The process a container runs, after merging the image's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedProcess {
    pub args: Vec<String>,
    pub env: Vec<String>,
    pub cwd: String,
    pub user: String,
}

/// The container's argv by Docker's rules: the user's entrypoint or the
/// image's, then the user's command or the image's Cmd.
pub fn resolve_args(spec: &ContainerSpec, image: &ContainerConfig) -> Vec<String> {
    let (entrypoint, cmd) = match &spec.entrypoint {
        // An explicit entrypoint drops the image's Cmd as well, as in Docker.
        Some(e) if e.is_empty() => (Vec::new(), spec.command.clone()),
        Some(e) => (vec![e.clone()], spec.command.clone()),
        None => {
            let cmd = if spec.command.is_empty() { image.cmd.clone().unwrap_or_default() } else { spec.command.clone() };
            (image.entrypoint.clone().unwrap_or_default(), cmd)
        }
    };
    entrypoint.into_iter().chain(cmd).collect()
}

/// Applies Docker's rules for entrypoint, command, environment, working
/// directory and user on top of the image's config.
pub fn resolve_process(spec: &ContainerSpec, image: &ContainerConfig, host_env: &dyn Fn(&str) -> Option<String>) -> Result<ResolvedProcess> {
    let args = resolve_args(spec, image);
    if args.is_empty() {
        bail!("no command specified: the image {} has no CMD or ENTRYPOINT; give one after the image name", spec.image);
    }
    let mut env = EnvList::default();
    for kv in spec.default_env.iter().chain(image.env.iter().flatten()) {
        env.set(kv);
    }
    for entry in &spec.env {
        if entry.contains('=') {
            env.set(entry);
        } else if let Some(value) = host_env(entry) {
            env.set(&format!("{entry}={value}"));
        }
    }
    // PATH, HOSTNAME, HOME, TERM... are added once the user and the
    // hostname are known (spec::env::with_defaults).
    let cwd = spec.workdir.clone().or_else(|| image.working_dir.clone()).filter(|w| !w.is_empty()).unwrap_or_else(|| "/".into());
    if !cwd.starts_with('/') {
        bail!("the working directory {cwd:?} is not absolute: give -w an absolute path such as /app");
    }
    let user = spec.user.clone().or_else(|| image.user.clone()).filter(|u| !u.is_empty()).unwrap_or_else(|| "0".into());
    Ok(ResolvedProcess { args, env: env.0, cwd, user })
}

/// An environment in order, where setting a key again replaces its value.
#[derive(Default)]
struct EnvList(Vec<String>);

impl EnvList {
    fn key(kv: &str) -> &str {
        kv.split_once('=').map(|(k, _)| k).unwrap_or(kv)
    }
    fn set(&mut self, kv: &str) {
        let key = Self::key(kv);
        match self.0.iter_mut().find(|e| Self::key(e) == key) {
            Some(existing) => *existing = kv.to_string(),
            None => self.0.push(kv.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(entrypoint: Option<&[&str]>, cmd: Option<&[&str]>) -> ContainerConfig {
        ContainerConfig {
            entrypoint: entrypoint.map(|e| e.iter().map(|s| s.to_string()).collect()),
            cmd: cmd.map(|e| e.iter().map(|s| s.to_string()).collect()),
            env: Some(vec!["PATH=/bin".into(), "A=image".into()]),
            ..Default::default()
        }
    }

    fn spec(command: &[&str], entrypoint: Option<&str>) -> ContainerSpec {
        ContainerSpec {
            image: "busybox".into(),
            command: command.iter().map(|s| s.to_string()).collect(),
            entrypoint: entrypoint.map(Into::into),
            ..Default::default()
        }
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn command_follows_docker_rules() {
        let img = image(Some(&["/entry"]), Some(&["default"]));
        assert_eq!(resolve_process(&spec(&[], None), &img, &no_env).unwrap().args, ["/entry", "default"]);
        assert_eq!(resolve_process(&spec(&["x"], None), &img, &no_env).unwrap().args, ["/entry", "x"]);
        assert_eq!(resolve_process(&spec(&["x"], Some("/other")), &img, &no_env).unwrap().args, ["/other", "x"]);
        assert_eq!(resolve_process(&spec(&["x"], Some("")), &img, &no_env).unwrap().args, ["x"]);
        let empty = image(None, None);
        assert!(resolve_process(&spec(&[], None), &empty, &no_env).is_err());
    }

    #[test]
    fn user_env_overrides_image_env() {
        let img = image(None, Some(&["sh"]));
        let mut s = spec(&[], None);
        s.env = vec!["A=user".into(), "FROM_HOST".into(), "MISSING".into()];
        let host = |k: &str| (k == "FROM_HOST").then(|| "yes".to_string());
        let p = resolve_process(&s, &img, &host).unwrap();
        assert_eq!(p.env, ["PATH=/bin", "A=user", "FROM_HOST=yes"]);
        assert_eq!(p.cwd, "/");
        assert_eq!(p.user, "0");
    }

    #[test]
    fn relative_workdir_is_refused() {
        let mut s = spec(&["sh"], None);
        s.workdir = Some("app".into());
        assert!(resolve_process(&s, &image(None, None), &no_env).is_err());
    }
}
