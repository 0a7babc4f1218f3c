//! Which pods a `pod` verb acts on: named ones, every one (`--all`), the
//! newest (`--latest`), or those whose Ids files hold (`--pod-id-file`,
//! as `pod create --pod-id-file` writes them).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::engine::pods;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct PodTargets {
    /// Act on every pod
    #[arg(short, long)]
    pub all: bool,
    /// Act on the latest created pod
    #[arg(short, long)]
    pub latest: bool,
    /// Act on the pod whose Id this file holds (repeatable)
    #[arg(long, value_name = "FILE")]
    pub pod_id_file: Vec<PathBuf>,
    pub pods: Vec<String>,
}

impl PodTargets {
    /// The pods' names or Ids. With `ignore`, an Id file that is missing
    /// names no pod (Podman's `--ignore`).
    pub fn resolve(&self, store: &Store, ignore: bool) -> Result<Vec<String>> {
        let mut names = self.pods.clone();
        for file in &self.pod_id_file {
            match read_id_file(file) {
                Ok(id) => names.push(id),
                Err(_) if ignore && !file.exists() => {}
                Err(e) => return Err(e),
            }
        }
        let chosen = usize::from(self.all) + usize::from(self.latest) + usize::from(!names.is_empty() || !self.pod_id_file.is_empty());
        if chosen > 1 {
            bail!("--all, --latest and pod names (or --pod-id-file) cannot be used together: give one of them");
        }
        if self.all {
            return Ok(pods::list(store)?.into_iter().map(|p| p.id).collect());
        }
        if self.latest {
            // pods::list is newest first.
            return match pods::list(store)?.into_iter().next() {
                Some(pod) => Ok(vec![pod.id]),
                None => bail!("--latest: there are no pods"),
            };
        }
        if names.is_empty() && self.pod_id_file.is_empty() {
            bail!("no pod given: name at least one pod (or use --all or --latest)");
        }
        Ok(names)
    }
}

fn read_id_file(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path).with_context(|| format!("read --pod-id-file {}", path.display()))?;
    let id = text.trim();
    if id.is_empty() {
        bail!("--pod-id-file {} is empty: it should hold a pod's Id (pontoon pod create --pod-id-file writes it)", path.display());
    }
    Ok(id.to_string())
}
