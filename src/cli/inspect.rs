//! `pontoon inspect` and `image inspect`: Docker's JSON shape, or a Go
//! template applied to each object.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::engine::images::{self, ImageView};
use crate::format::template::GoTemplate;

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Objects to inspect (images now; containers once they exist)
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Format the output with a Go template, e.g. '{{.Id}}' or '{{json .Config}}'
    #[arg(short, long)]
    pub format: Option<String>,
    /// Only this type of object (image)
    #[arg(long = "type")]
    pub kind: Option<String>,
}

pub fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    if let Some(kind) = args.kind.as_deref() {
        if kind != "image" {
            anyhow::bail!("invalid --type {kind:?}: only \"image\" is known to this version");
        }
    }
    let store = ctx.store()?;
    let template = match args.format.as_deref() {
        Some(f) if f != "json" => Some(GoTemplate::parse(f)?),
        _ => None,
    };
    let mut objects = Vec::new();
    let mut failures = 0;
    for name in &args.names {
        match images::resolve(&store, name).and_then(|r| ImageView::load(&store, r)) {
            Ok(view) => objects.push(images::inspect_json(&store, &view)),
            Err(e) => {
                eprintln!("Error: {}", crate::errors::one_line(&e));
                failures += 1;
            }
        }
    }
    match &template {
        Some(t) => {
            for o in &objects {
                println!("{}", t.render(o)?);
            }
        }
        None => println!("{}", serde_json::to_string_pretty(&objects)?),
    }
    if failures > 0 {
        return Err(crate::errors::PontoonError::AlreadyReported(crate::errors::EXIT_ENGINE).into());
    }
    Ok(())
}
