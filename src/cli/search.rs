//! `pontoon search [--limit N] [--format F] [--no-trunc] [REGISTRY/]TERM`:
//! Docker's columns NAME DESCRIPTION STARS OFFICIAL; `--format json` and Go
//! templates over Podman's JSON shape (Index, Name, Description, Stars,
//! Official, Automated).

use anyhow::{bail, Result};
use clap::Args;
use serde_json::json;

use super::output::print_rows;
use super::Ctx;
use crate::engine::search::{search as search_registries, SearchResult};
use crate::format::table::Table;
use crate::image::registries::RegistriesConf;

/// Description characters shown before `...`, as Podman truncates.
const DESCRIPTION_WIDTH: usize = 44;

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon search 127.0.0.1:5000/busy\n  pontoon search --limit 5 --format '{{.Name}}' alpine")]
pub struct SearchArgs {
    /// What to look for; a leading registry (host[:port]/) searches only there
    pub term: String,
    /// Results shown per registry
    #[arg(long, default_value_t = 25)]
    pub limit: usize,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Do not truncate descriptions
    #[arg(long)]
    pub no_trunc: bool,
}

pub fn search(ctx: &Ctx, args: SearchArgs) -> Result<()> {
    if args.limit == 0 {
        bail!("--limit must be at least 1");
    }
    let conf = RegistriesConf::load(&ctx.paths)?;
    let results = search_registries(&conf, &args.term, args.limit)?;
    let rows: Vec<serde_json::Value> = results.iter().map(|r| row(r, args.no_trunc)).collect();
    print_rows(&rows, args.format.as_deref(), |rows| {
        let mut table = Table::new(["NAME", "DESCRIPTION", "STARS", "OFFICIAL"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("Name"), s("Description"), r["Stars"].to_string(), s("Official")]);
        }
        table.render()
    })
}

fn row(r: &SearchResult, no_trunc: bool) -> serde_json::Value {
    let flag = |b: bool| if b { "[OK]" } else { "" };
    json!({
        "Index": r.index,
        "Name": r.name,
        "Description": if no_trunc { r.description.clone() } else { truncate(&r.description) },
        "Stars": r.stars,
        "Official": flag(r.official),
        "Automated": flag(r.automated),
    })
}

/// One line of at most DESCRIPTION_WIDTH characters, then `...`.
fn truncate(description: &str) -> String {
    let flat = description.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(DESCRIPTION_WIDTH) {
        Some((i, _)) => format!("{}...", &flat[..i]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_are_cut() {
        assert_eq!(truncate("short\nline"), "short line");
        let long = "x".repeat(60);
        assert_eq!(truncate(&long), format!("{}...", "x".repeat(44)));
    }
}
