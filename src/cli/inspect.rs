//! `pontoon inspect`, `container inspect` and `image inspect`: Docker's JSON
//! shape (with Podman's extra keys), or a Go template applied to each
//! object. Without `--type`, a name is looked up as Podman does: among
//! containers, then images, volumes, networks and last pods.

use anyhow::{bail, Result};
use clap::Args;
use serde_json::{json, Value};

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
    /// Containers, images, volumes, networks or pods to inspect
    #[arg(required_unless_present = "latest")]
    pub names: Vec<String>,
    #[command(flatten)]
    pub latest: super::targets::Latest,
    #[command(flatten)]
    pub accepted: super::image_accepted::PlatformAccepted,
    /// Format the output with a Go template, e.g. '{{.Id}}' or '{{json .Config}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Only this type of object: container, image, volume, network, pod (or all)
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
    Volume,
    Network,
    Pod,
}

/// The order Podman looks a name up in when no `--type` is given.
const LOOKUP_ORDER: [Kind; 5] = [Kind::Container, Kind::Image, Kind::Volume, Kind::Network, Kind::Pod];

impl Kind {
    fn parse(text: Option<&str>) -> Result<Kind> {
        Ok(match text {
            None | Some("all") => Kind::Any,
            Some("container") => Kind::Container,
            Some("image") => Kind::Image,
            Some("volume") => Kind::Volume,
            Some("network") => Kind::Network,
            Some("pod") => Kind::Pod,
            Some(other) => bail!("invalid --type {other:?}: use container, image, volume, network, pod or all"),
        })
    }
}

/// `inspect`: every kind of object, in Podman's order, unless `--type`.
pub fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    let kind = Kind::parse(args.kind.as_deref())?;
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
    args.accepted.check()?;
    let store = ctx.store()?;
    let template = match args.format.as_deref() {
        Some(f) if f != "json" => Some(GoTemplate::parse(f)?),
        _ => None,
    };
    // --latest names the newest container, looked up as one.
    let (names, kind) = match args.latest.latest {
        true => (args.latest.names(&store, "inspect", &args.names)?, Kind::Container),
        false => (args.names.clone(), kind),
    };
    let (objects, failures) = each_name(&names, |name| find(&store, name, kind, args.size));
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
    if kind != Kind::Any {
        return find_kind(store, name, kind, size);
    }
    for kind in LOOKUP_ORDER {
        match find_kind(store, name, kind, size) {
            Err(e) if is_missing(&e) => continue,
            found => return found,
        }
    }
    Err(PontoonError::NoSuchObject(name.to_string()).into())
}

/// Whether a lookup failed only because there is no such object of its
/// kind, so that the next kind may be tried.
fn is_missing(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<PontoonError>(),
        Some(
            PontoonError::NoSuchContainer(_)
                | PontoonError::ImageNotFound(_)
                | PontoonError::NoSuchVolume(_)
                | PontoonError::NoSuchNetwork(_)
                | PontoonError::NoSuchPod(_)
        )
    )
}

fn find_kind(store: &Store, name: &str, kind: Kind, size: bool) -> Result<Value> {
    match kind {
        Kind::Container => {
            let c = store.containers.find(name)?;
            // A container whose monitor died reads as it really is.
            let c = crate::engine::lifecycle::reconciled(store, vec![c.clone()]).pop().unwrap_or(c);
            container_json(store, &c, size)
        }
        Kind::Image => {
            let view = ImageView::load(store, images::resolve(store, name)?)?;
            Ok(image_json(store, &view))
        }
        Kind::Volume => Ok(crate::engine::volumes::inspect_json(store, &store.volumes.load(name)?)),
        Kind::Network => crate::engine::networks::inspect_json(store, &store.networks.find(name)?),
        Kind::Pod => pod_json(store, name),
        Kind::Any => find(store, name, kind, size),
    }
}

/// Docker's image shape, and Podman's `Digest` (the manifest's) beside it.
fn image_json(store: &Store, view: &ImageView) -> Value {
    let mut out = images::inspect_json(store, view);
    out["Digest"] = json!(view.record.manifest.to_string());
    out
}

fn pod_json(store: &Store, name: &str) -> Result<Value> {
    let pod = crate::engine::pods::find(store, name)?;
    Ok(crate::engine::pods_view::inspect(&pod, &crate::engine::pods::members(store, &pod)?))
}

/// Docker's container shape (`.Image` is the image's Id), and Podman's
/// `ImageName` (the name the user gave) and `ImageDigest` (the manifest's).
fn container_json(store: &Store, c: &Container, size: bool) -> Result<Value> {
    let view = images::resolve(store, &c.record.image_id).and_then(|r| ImageView::load(store, r)).ok();
    let layers = view.as_ref().map(|v| layer_dirs(store, &v.config)).unwrap_or_default();
    let sizes = size.then(|| {
        let rw = dir_size(&ContainerPaths::new(store, &c.record.id).upper);
        Sizes { rw, root_fs: rw + view.as_ref().map_or(0, |v| v.record.size) }
    });
    let mut out = inspect_container::inspect_json(store, c, &layers, sizes);
    out["ImageName"] = json!(c.record.image_name);
    out["ImageDigest"] = json!(view.as_ref().map(|v| v.record.manifest.to_string()).unwrap_or_default());
    Ok(out)
}
