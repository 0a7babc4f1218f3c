//! Which services an operation touches, in start order: the ones asked
//! (every service when none is) and, unless `--no-deps`, what they depend
//! on; each after its dependencies (the project's own order, which also
//! refuses cycles).

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use crate::compose::Project;

pub fn start_order(project: &Project, wanted: &[String], with_deps: bool) -> Result<Vec<String>> {
    for w in wanted {
        if !project.services.contains_key(w) {
            bail!("no such service: {w}");
        }
    }
    let full = project.services_in_start_order()?;
    if wanted.is_empty() {
        return Ok(full.into_iter().map(|s| s.name.clone()).collect());
    }
    let mut chosen: BTreeSet<String> = BTreeSet::new();
    let mut todo: Vec<String> = wanted.to_vec();
    while let Some(name) = todo.pop() {
        if !chosen.insert(name.clone()) || !with_deps {
            continue;
        }
        if let Some(s) = project.services.get(&name) {
            todo.extend(s.depends_on.keys().filter(|d| project.services.contains_key(*d)).cloned());
        }
    }
    Ok(full.into_iter().filter(|s| chosen.contains(&s.name)).map(|s| s.name.clone()).collect())
}
