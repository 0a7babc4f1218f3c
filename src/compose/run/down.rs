//! `compose down`: the project's containers stopped and removed, then its
//! networks; with `-v` its volumes (declared and anonymous), with `--rmi`
//! its images. External networks and volumes are never touched.

use anyhow::Result;

use super::containers;
use super::{names, resources};
use crate::compose::Project;
use crate::engine::lifecycle;
use crate::store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoveImages {
    None,
    /// Images built for the project that have no custom tag.
    Local,
    All,
}

pub struct DownOptions {
    pub volumes: bool,
    pub images: RemoveImages,
    pub remove_orphans: bool,
    pub timeout: Option<u32>,
    pub quiet: bool,
}

pub fn down(store: &Store, project: &Project, opts: &DownOptions) -> Result<()> {
    let say = super::up::say(opts.quiet);
    let all = containers::of_project(store, &project.name)?;
    // Dependents stop before what they depend on: the reverse start order.
    let order: Vec<String> = project.services_in_start_order().map(|o| o.into_iter().rev().map(|s| s.name.clone()).collect()).unwrap_or_default();
    let rank = |c: &crate::store::containers::Container| order.iter().position(|s| s == containers::service_of(c)).unwrap_or(usize::MAX);
    let mut doomed: Vec<_> = all.iter().filter(|c| opts.remove_orphans || containers::is_oneoff(c) || project.services.contains_key(containers::service_of(c))).collect();
    doomed.sort_by_key(|c| rank(c));
    for c in &doomed {
        let c = lifecycle::reconcile(store, c)?;
        let c = if lifecycle::is_running(&c) {
            lifecycle::stop(store, &c, opts.timeout.or(c.record.spec.stop_timeout))?;
            say("Container", &c.record.name, "Stopped");
            lifecycle::reconcile(store, &store.containers.load(&c.record.id)?)?
        } else {
            c
        };
        lifecycle::remove(store, &c, true)?;
        if opts.volumes {
            crate::store::volumes::remove_anonymous(store, &c.record)?;
        }
        say("Container", &c.record.name, "Removed");
    }
    let orphans = all.len() - doomed.len();
    if orphans > 0 && !opts.quiet {
        eprintln!("WARN Found orphan containers for this project; run `compose down --remove-orphans` to remove them");
    }
    for name in resources::project_networks(store, &project.name)? {
        crate::engine::networks::remove(store, &name, false)?;
        say("Network", &name, "Removed");
    }
    if opts.volumes {
        for name in resources::project_volumes(store, &project.name)? {
            crate::engine::volumes::remove(store, &name, false)?;
            say("Volume", &name, "Removed");
        }
    }
    if opts.images != RemoveImages::None {
        for (name, service) in &project.services {
            let custom = service.image.is_some();
            if opts.images == RemoveImages::Local && custom {
                continue;
            }
            let image = names::built_image(project, name);
            if crate::engine::images::resolve(store, &image).is_ok() {
                crate::engine::images::remove(store, &image, false)?;
                say("Image", &image, "Removed");
            }
        }
    }
    Ok(())
}
