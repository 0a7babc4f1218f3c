//! `pontoon inspect`, `container inspect` and `image inspect`: Docker's JSON
//! shape, or a Go template applied to each object. A name is looked up
//! among containers first, then images, as Docker does, unless `--type`
//! says which.

use anyhow::{bail, Result};
use clap::Args;
use serde_json::Value;

use super::output::{each_name, Failures};
use super::Ctx;
use crate::engine::images::{self, ImageView};
use crate::engine::inspect_container::{self, Sizes};
use crate::engine::volumes::dir_size;
use crate::errors::PontoonError;
use crate::format::template::GoTemplate;
use crate::store::containers::Container;
use crate::store::layout::{layer_dirs, ContainerPaths};
use crate::store::Store;

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Containers or images to inspect
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Format the output with a Go template, e.g. '{{.Id}}' or '{{json .Config}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Only this type of object: container, image or pod
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// Show container sizes (SizeRw, SizeRootFs)
    #[arg(short, long)]
    pub size: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Any,
    Container,
    Image,
    Pod,
}

/// `inspect`: containers first, then images.
pub fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    let kind = match args.kind.as_deref() {
        None => Kind::Any,
        Some("container") => Kind::Container,
        Some("image") => Kind::Image,
        Some("pod") => Kind::Pod,
        Some(other) => bail!("invalid --type {other:?}: use container, image or pod"),
    };
    run(ctx, args, kind)
}

/// `image inspect`.
pub fn inspect_images(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    run(ctx, args, Kind::Image)
}

/// `container inspect`.
pub fn inspect_containers(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    run(ctx, args, Kind::Container)
}

fn run(ctx: &Ctx, args: InspectArgs, kind: Kind) -> Result<()> {
    let store = ctx.store()?;
    let template = match args.format.as_deref() {
        Some(f) if f != "json" => Some(GoTemplate::parse(f)?),
        _ => None,
    };
    let (objects, failures) = each_name(&args.names, |name| find(&store, name, kind, args.size));
    print_inspected(&objects, template.as_ref(), failures)
}

/// Prints inspected objects (a JSON array, or the template once per object)
/// and fails, without printing again, when some names were not found.
pub(super) fn print_inspected(objects: &[Value], template: Option<&GoTemplate>, failures: Failures) -> Result<()> {
    match template {
        Some(t) => {
            for o in objects {
                println!("{}", t.render(o)?);
            }
        }
        None => println!("{}", serde_json::to_string_pretty(objects)?),
    }
    failures.into_result()
}

fn find(store: &Store, name: &str, kind: Kind, size: bool) -> Result<Value> {
    if kind == Kind::Pod {
        return pod_json(store, name);
    }
    if kind != Kind::Image {
        match store.containers.find(name) {
            Ok(c) => {
                // A container whose monitor died reads as it really is.
                let c = crate::engine::lifecycle::reconciled(store, vec![c.clone()]).pop().unwrap_or(c);
                return container_json(store, &c, size);
            }
            Err(e) if kind == Kind::Container => return Err(e),
            Err(e) if !matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchContainer(_))) => return Err(e),
            Err(_) => {}
        }
    }
    match images::resolve(store, name).and_then(|r| ImageView::load(store, r)) {
        Ok(view) => Ok(images::inspect_json(store, &view)),
        // Then pods, as Podman looks them up last.
        Err(e) if kind == Kind::Any && matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::ImageNotFound(_))) => match pod_json(store, name) {
            Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_))) => Err(PontoonError::NoSuchObject(name.to_string()).into()),
            found => found,
        },
        Err(e) => Err(e),
    }
}

fn pod_json(store: &Store, name: &str) -> Result<Value> {
    let pod = crate::engine::pods::find(store, name)?;
    Ok(crate::engine::pods_view::inspect(&pod, &crate::engine::pods::members(store, &pod)?))
}

fn container_json(store: &Store, c: &Container, size: bool) -> Result<Value> {
    let view = images::resolve(store, &c.record.image_id).and_then(|r| ImageView::load(store, r)).ok();
    let layers = view.as_ref().map(|v| layer_dirs(store, &v.config)).unwrap_or_default();
    let sizes = size.then(|| {
        let rw = dir_size(&ContainerPaths::new(store, &c.record.id).upper);
        Sizes { rw, root_fs: rw + view.as_ref().map_or(0, |v| v.record.size) }
    });
    Ok(inspect_container::inspect_json(store, c, &layers, sizes))
}
