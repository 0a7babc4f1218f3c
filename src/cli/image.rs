//! `images`, `rmi`, `tag`, `history` and `image prune`.

use std::collections::HashMap;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::output::{confirm, each_name, print_rows};
use super::Ctx;
use crate::engine::images::{self, familiar_tag, ImageView, Removal};
use crate::format::table::Table;
use crate::format::template::OutputFormat;
use crate::format::units::{ago, human_size};
use crate::image::reference::familiar;

#[derive(Args, Debug)]
pub struct ImagesArgs {
    /// Show only images whose repository matches (name[:tag])
    pub reference: Option<String>,
    /// Show all images (intermediate ones included)
    #[arg(short, long)]
    pub all: bool,
    /// Show only image Ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show manifest digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate Ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter: dangling=true|false, reference=PATTERN, label=KEY[=VALUE]
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Do not print the column names
    #[arg(long)]
    pub noheading: bool,
    /// Sort by created (newest first), id, repository (then tag), size (smallest first) or tag
    #[arg(long, value_name = "KEY", default_value = "created", value_parser = ["created", "id", "repository", "size", "tag"])]
    pub sort: String,
    #[command(flatten)]
    pub accepted: super::verbs_accepted::ImagesAccepted,
}

#[derive(Args, Debug)]
pub struct RmiArgs {
    /// Images to remove
    pub images: Vec<String>,
    /// Remove an image even when it has several names
    #[arg(short, long)]
    pub force: bool,
    /// Remove every image
    #[arg(short, long)]
    pub all: bool,
    /// Do not fail on images that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub accepted: super::image_accepted::RmiAccepted,
}

#[derive(Args, Debug)]
pub struct TagArgs {
    /// Existing image
    pub source: String,
    /// New name(s)
    #[arg(required = true)]
    pub targets: Vec<String>,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    pub image: String,
    /// Show full Ids and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Show only layer Ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Print sizes and dates in human readable format
    #[arg(short = 'H', long, default_value_t = true, action = clap::ArgAction::Set)]
    pub human: bool,
    #[arg(long)]
    pub format: Option<String>,
    #[command(flatten)]
    pub accepted: super::image_accepted::PlatformAccepted,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove all unused images, not just dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    #[command(flatten)]
    pub accepted: super::image_accepted::ImagePruneAccepted,
}

/// One line of `images`, in the shape templates see.
fn image_row(view: &ImageView, name: Option<&str>, no_trunc: bool) -> serde_json::Value {
    let (repo, tag) = match name {
        Some(n) => match n.rsplit_once(':') {
            Some((r, t)) if !t.contains('/') => (familiar(r), t.to_string()),
            _ => (familiar(n), "<none>".to_string()),
        },
        None => ("<none>".to_string(), "<none>".to_string()),
    };
    let digest = view
        .record
        .repo_digests
        .first()
        .and_then(|d| d.split_once('@').map(|(_, d)| d.to_string()))
        .unwrap_or_else(|| "<none>".into());
    let id = if no_trunc { view.record.id.to_string() } else { view.record.id.short().to_string() };
    let created = view.created();
    json!({
        "ID": id,
        // Podman's: the whole Id in bare hex.
        "Id": view.record.id.hex(),
        "Repository": repo,
        "Tag": tag,
        "Digest": digest,
        "CreatedSince": ago(created),
        "CreatedAt": created.to_rfc3339(),
        "Size": human_size(view.record.size),
        "VirtualSize": human_size(view.record.size),
        "Names": view.record.names.iter().map(|n| familiar_tag(n)).collect::<Vec<_>>(),
        "Labels": view.config.config.as_ref().and_then(|c| c.labels.clone()),
    })
}

/// What `images` keeps: conditions on the image (dangling, labels) and
/// patterns that each listed name must match (`reference=`, the positional
/// argument), as Docker filters rows by name rather than whole images.
#[derive(Debug, Default)]
struct Filters {
    dangling: Option<bool>,
    labels: Vec<(String, Option<String>)>,
    references: Vec<String>,
}

impl Filters {
    fn parse(filters: &[String], positional: Option<&str>) -> Result<Filters> {
        let mut out = Filters::default();
        for f in filters {
            let (key, value) = f.split_once('=').unwrap_or((f.as_str(), ""));
            match key {
                "dangling" => {
                    out.dangling = Some(match value {
                        "true" | "1" => true,
                        "false" | "0" => false,
                        _ => anyhow::bail!("invalid filter {f:?}: dangling takes true or false"),
                    })
                }
                "reference" if !value.is_empty() => out.references.push(value.to_string()),
                "label" if !value.is_empty() => match value.split_once('=') {
                    Some((k, v)) => out.labels.push((k.to_string(), Some(v.to_string()))),
                    None => out.labels.push((value.to_string(), None)),
                },
                _ => anyhow::bail!("invalid filter {f:?}: use dangling=true|false, reference=PATTERN or label=KEY[=VALUE]"),
            }
        }
        out.references.extend(positional.map(String::from));
        Ok(out)
    }

    /// Whether the image itself passes (every label and `dangling`).
    fn keeps_image(&self, view: &ImageView) -> bool {
        if self.dangling.is_some_and(|d| d != view.record.names.is_empty()) {
            return false;
        }
        let labels = view.config.config.as_ref().and_then(|c| c.labels.as_ref());
        self.labels.iter().all(|(k, v)| match (labels.and_then(|l| l.get(k)), v) {
            (Some(have), Some(want)) => have == want,
            (Some(_), None) => true,
            (None, _) => false,
        })
    }

    /// Whether a row for `name` (familiar, e.g. `busybox:latest`) is shown;
    /// any one reference pattern may match, as in Docker.
    fn keeps_name(&self, name: &str) -> bool {
        let repo = match name.rsplit_once(':') {
            Some((repo, tag)) if !tag.contains('/') => repo,
            _ => name,
        };
        self.references.is_empty() || self.references.iter().any(|p| glob_match(p, name) || glob_match(p, repo))
    }
}

/// Shell-style matching with `*` and `?`, as Docker's reference filter.
fn glob_match(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match (p.first(), t.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], t) || (!t.is_empty() && go(p, &t[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &t[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &t[1..]),
            _ => false,
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    go(&p, &t)
}

pub fn images(ctx: &Ctx, args: ImagesArgs) -> Result<()> {
    args.accepted.check()?;
    // A bad filter fails before the store is touched.
    let filters = Filters::parse(&args.filter, args.reference.as_deref())?;
    let store = ctx.store()?;
    let mut views = Vec::new();
    // A build step's image is cache, not the user's: shown with -a only.
    for record in store.images.list()?.into_iter().filter(|r| args.all || !r.intermediate) {
        views.push(ImageView::load(&store, record)?);
    }
    views.sort_by_key(|v| std::cmp::Reverse(v.created()));
    let mut rows = Vec::new();
    // The images that gave at least one row, for Podman's per-image JSON.
    let mut listed = Vec::new();
    for view in views.iter().filter(|v| filters.keeps_image(v)) {
        let before = rows.len();
        if view.record.names.is_empty() && filters.references.is_empty() {
            rows.push(image_row(view, None, args.no_trunc));
        }
        for name in view.record.names.iter().filter(|n| filters.keeps_name(&familiar_tag(n))) {
            rows.push(image_row(view, Some(name), args.no_trunc));
        }
        if rows.len() > before {
            listed.push(view);
        }
    }

    sort_rows(&mut rows, &args.sort, &views);
    if args.quiet {
        let mut seen = std::collections::HashSet::new();
        for row in &rows {
            if seen.insert(row["ID"].to_string()) {
                println!("{}", row["ID"].as_str().unwrap_or_default());
            }
        }
        return Ok(());
    }
    if matches!(OutputFormat::parse(args.format.as_deref()), OutputFormat::Json) {
        let mut containers: HashMap<String, usize> = HashMap::new();
        for c in store.containers.list()? {
            *containers.entry(c.record.image_id.clone()).or_default() += 1;
        }
        println!("{}", serde_json::to_string_pretty(&super::images_json::images_json(listed, &containers, args.no_trunc))?);
        return Ok(());
    }
    print_rows(&rows, args.format.as_deref(), |rows| {
        let mut header = vec!["REPOSITORY", "TAG"];
        if args.digests {
            header.push("DIGEST");
        }
        header.extend(["IMAGE ID", "CREATED", "SIZE"]);
        let mut table = Table::new(header);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            let mut line = vec![s("Repository"), s("Tag")];
            if args.digests {
                line.push(s("Digest"));
            }
            line.extend([s("ID"), s("CreatedSince"), s("Size")]);
            table.push(line);
        }
        let text = table.render();
        match text.split_once('\n') {
            Some((_, rows)) if args.noheading => rows.to_string(),
            _ => text,
        }
    })
}

/// `images --sort KEY`, as Podman orders them: the rows come newest
/// first, which a stable sort keeps among equal keys. Sizes are the
/// images' bytes (`views`), not the rows' human text.
fn sort_rows(rows: &mut [serde_json::Value], key: &str, views: &[ImageView]) {
    let text = |row: &serde_json::Value, k: &str| row[k].as_str().unwrap_or_default().to_string();
    let sizes: std::collections::HashMap<String, u64> = views.iter().map(|v| (v.record.id.to_string(), v.record.size)).collect();
    match key {
        "id" => rows.sort_by_key(|r| text(r, "Id")),
        "repository" => rows.sort_by_key(|r| (text(r, "Repository"), text(r, "Tag"))),
        "tag" => rows.sort_by_key(|r| text(r, "Tag")),
        "size" => rows.sort_by_key(|r| sizes.get(&text(r, "Id")).copied().unwrap_or_default()),
        _ => {}
    }
}

pub fn rmi(ctx: &Ctx, args: RmiArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    let wanted: Vec<String> = match (args.all, args.images.is_empty()) {
        (true, true) => store.images.list()?.into_iter().map(|i| i.id.to_string()).collect(),
        (true, false) => anyhow::bail!("rmi: --all cannot be used with image names: give one or the other"),
        (false, true) => anyhow::bail!("rmi needs at least one image name or Id (or --all)"),
        (false, false) => args.images.clone(),
    };
    let (_, failures) = each_name(&wanted, |name| {
        let removed = match images::remove(&store, name, args.force) {
            // --all: an image removed with another one's (a parent) is gone already.
            Err(e) if (args.ignore || args.all) && is_missing_image(&e) => return Ok(()),
            other => other?,
        };
        for e in removed {
            match e {
                Removal::Untagged(n) => println!("Untagged: {n}"),
                Removal::Deleted(id) => println!("Deleted: {id}"),
            }
        }
        Ok(())
    });
    // Podman's codes: 1 when every image was missing, 2 when every one was in use, else 125.
    failures.into_result()
}

fn is_missing_image(e: &anyhow::Error) -> bool {
    matches!(e.downcast_ref::<crate::errors::PontoonError>(), Some(crate::errors::PontoonError::ImageNotFound(_)))
}

pub fn tag(ctx: &Ctx, args: TagArgs) -> Result<()> {
    let store = ctx.store()?;
    for target in &args.targets {
        images::tag(&store, &args.source, target)?;
    }
    Ok(())
}

pub fn history(ctx: &Ctx, args: HistoryArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    let record = images::resolve(&store, &args.image)?;
    let view = ImageView::load(&store, record)?;
    let rows: Vec<serde_json::Value> = images::history(&store, &view)
        .into_iter()
        .map(|h| {
            let created_by = if args.no_trunc || h.created_by.chars().count() <= 45 {
                h.created_by.clone()
            } else {
                format!("{}…", h.created_by.chars().take(44).collect::<String>())
            };
            let id = match &h.id {
                Some(id) if args.no_trunc => id.to_string(),
                Some(id) => id.short().to_string(),
                None => "<missing>".to_string(),
            };
            // Docker's CreatedAt is RFC 3339 to the second; its
            // CreatedSince, and Podman's Created, are "3 hours ago", or the
            // time itself with --human=false.
            let created_at = h.created.map(|c| c.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let created = match (args.human, h.created) {
                (true, Some(t)) => ago(t),
                (false, Some(_)) => created_at.clone().unwrap_or_default(),
                (_, None) => "N/A".into(),
            };
            json!({
                "ID": id,
                "Created": created,
                "CreatedSince": created,
                "CreatedAt": created_at.unwrap_or_default(),
                "CreatedBy": created_by,
                "Size": if args.human { human_size(h.size) } else { h.size.to_string() },
                "Comment": h.comment,
            })
        })
        .collect();
    if args.quiet {
        for r in &rows {
            println!("{}", r["ID"].as_str().unwrap_or_default());
        }
        return Ok(());
    }
    print_rows(&rows, args.format.as_deref(), |rows| {
        let mut table = Table::new(["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("ID"), s("CreatedSince"), s("CreatedBy"), s("Size"), s("Comment")]);
        }
        table.render()
    })
}

pub fn prune(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    args.accepted.check()?;
    let warning = if args.all {
        "WARNING! This will remove all images without at least one container associated to them."
    } else {
        "WARNING! This will remove all dangling images."
    };
    if !args.force && !confirm(warning)? {
        println!("Total reclaimed space: 0B");
        return Ok(());
    }
    let store = ctx.store()?;
    let (removed, bytes) = images::prune(&store, args.all)?;
    if !removed.is_empty() {
        println!("Deleted Images:");
        for id in &removed {
            println!("deleted: {id}");
        }
        println!();
    }
    println!("Total reclaimed space: {}", human_size(bytes));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_like_docker_reference_filter() {
        assert!(glob_match("busy*", "busybox"));
        assert!(glob_match("busybox:l?test", "busybox:latest"));
        assert!(!glob_match("alpine*", "busybox"));
    }
}
