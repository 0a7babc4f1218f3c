//! `pontoon save`, `load` and `import`.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::Ctx;
use crate::engine::archive as engine;
use crate::engine::images::familiar_tag;
use crate::engine::import::{self, ImportRequest};
use crate::image::archive::ArchiveFormat;
use crate::image::manifest::ContainerConfig;
use crate::image::reference::Reference;

#[derive(Args, Debug)]
pub struct SaveArgs {
    /// Images to save
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Archive format: docker-archive (default) or oci-archive
    #[arg(long, default_value = "docker-archive")]
    pub format: String,
    #[command(flatten)]
    pub accepted: super::image_accepted::SaveAccepted,
}

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Read from this file instead of standard input
    #[arg(short, long)]
    pub input: Option<PathBuf>,
    /// Do not report each layer as it is loaded
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub accepted: super::image_accepted::PlatformAccepted,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Tarball path, http(s) URL, or - for standard input
    pub source: String,
    /// Name for the new image
    pub reference: Option<String>,
    /// Apply a Dockerfile instruction (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)
    #[arg(short, long)]
    pub change: Vec<String>,
    /// Commit message recorded in the image history
    #[arg(short, long)]
    pub message: Option<String>,
    /// Print nothing but the image Id
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub platform: super::platform_flags::PlatformFlags,
}

pub fn save(ctx: &Ctx, args: SaveArgs) -> Result<()> {
    args.accepted.check()?;
    let format: ArchiveFormat = args.format.parse()?;
    let Some(output) = args.output else {
        if io::stdout().is_terminal() {
            bail!("cowardly refusing to write an image archive to a terminal: use -o FILE or redirect standard output to a file or pipe");
        }
        let store = ctx.store()?;
        return engine::save(&store, &args.images, format, io::stdout().lock());
    };
    let store = ctx.store()?;
    engine::save_to_file(&store, &args.images, format, &output)
}

pub fn load(ctx: &Ctx, args: LoadArgs) -> Result<()> {
    args.accepted.check()?;
    let label = args.input.as_ref().map_or_else(|| "standard input".to_string(), |p| p.display().to_string());
    let input: Box<dyn io::Read> = match &args.input {
        Some(path) => Box::new(fs::File::open(path).with_context(|| format!("open {}", path.display()))?),
        None if io::stdin().is_terminal() => {
            bail!("cowardly refusing to read an image archive from a terminal: use -i FILE or pipe the archive in")
        }
        None => Box::new(io::stdin()),
    };
    let store = ctx.store()?;
    let quiet = args.quiet;
    let loaded = engine::load(&store, input, |diff_id| {
        if !quiet {
            eprintln!("Loading layer {}", diff_id.short());
        }
    })
    .with_context(|| format!("load {label}"))?;
    let mut out = io::stdout().lock();
    for image in loaded {
        if image.names.is_empty() {
            writeln!(out, "Loaded image ID: {}", image.id)?;
        }
        for name in &image.names {
            writeln!(out, "Loaded image: {}", familiar_tag(name))?;
        }
    }
    Ok(())
}

pub fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    // Everything the user typed is checked before the tarball is read.
    let mut config = ContainerConfig::default();
    import::apply_changes(&args.change, &mut config)?;
    let name = args.reference.as_deref().map(|r| Reference::parse_new_name(r, "an imported image")).transpose()?;
    let platform = args.platform.platform()?;
    if args.source == "-" && io::stdin().is_terminal() {
        bail!("cowardly refusing to read a tarball from a terminal: pipe it in or give a path or URL");
    }
    let store = ctx.store()?;
    let tarball = import::open_source(&args.source)?;
    let request = ImportRequest { source: args.source.clone(), config, message: args.message, name, platform };
    let id = import::import(&store, tarball, request).with_context(|| format!("import {}", args.source))?;
    println!("{id}");
    Ok(())
}
