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
    /// Show only the results that match: stars=N (at least N), is-official=BOOL, is-automated=BOOL
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Credentials file for the registries (default: pontoon login's)
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<std::path::PathBuf>,
    /// Credentials for the registry, USER:PASSWORD (instead of the saved ones)
    #[arg(long, value_name = "USER:PASSWORD", value_parser = super::login::parse_creds)]
    pub creds: Option<crate::image::auth::Credentials>,
    #[command(flatten)]
    pub tls: super::tls_verify::TlsVerifyArgs,
    #[command(flatten)]
    pub accepted: super::image_accepted::SearchAccepted,
}

pub fn search(ctx: &Ctx, args: SearchArgs) -> Result<()> {
    args.accepted.check()?;
    if args.limit == 0 {
        bail!("--limit must be at least 1");
    }
    let filters = args.filter.iter().map(|f| SearchFilter::parse(f)).collect::<Result<Vec<_>>>()?;
    if let Some(file) = &args.authfile {
        // Read where every credentials lookup of this process reads, as run --authfile does.
        std::env::set_var(crate::image::auth::AUTH_FILE_ENV, file);
    }
    let conf = RegistriesConf::load(&ctx.paths)?.with_tls_verify(args.tls.policy());
    let results = search_registries(&conf, &args.term, args.limit, args.creds.as_ref())?;
    let rows: Vec<serde_json::Value> =
        results.iter().filter(|r| filters.iter().all(|f| f.keeps(r))).map(|r| row(r, args.no_trunc)).collect();
    print_rows(&rows, args.format.as_deref(), |rows| {
        let mut table = Table::new(["NAME", "DESCRIPTION", "STARS", "OFFICIAL"]);
        for r in rows {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            table.push(vec![s("Name"), s("Description"), r["Stars"].to_string(), s("Official")]);
        }
        table.render()
    })
}

/// One `search --filter`, Docker's and Podman's keys.
#[derive(Debug, PartialEq)]
enum SearchFilter {
    Stars(u64),
    Official(bool),
    Automated(bool),
}

impl SearchFilter {
    fn parse(text: &str) -> Result<SearchFilter> {
        let bool_of = |v: &str| v.parse::<bool>().map_err(|_| anyhow::anyhow!("search --filter {text}: the value must be true or false"));
        match text.split_once('=') {
            Some(("stars", v)) => Ok(SearchFilter::Stars(v.parse().map_err(|_| anyhow::anyhow!("search --filter {text}: stars takes a number"))?)),
            Some(("is-official", v)) => Ok(SearchFilter::Official(bool_of(v)?)),
            Some(("is-automated", v)) => Ok(SearchFilter::Automated(bool_of(v)?)),
            _ => bail!("invalid search --filter {text:?}: use stars=N, is-official=BOOL or is-automated=BOOL"),
        }
    }

    fn keeps(&self, r: &SearchResult) -> bool {
        match *self {
            SearchFilter::Stars(n) => r.stars >= n,
            SearchFilter::Official(b) => r.official == b,
            SearchFilter::Automated(b) => r.automated == b,
        }
    }
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
    fn filters_parse_docker_s_keys() {
        assert_eq!(SearchFilter::parse("stars=3").unwrap(), SearchFilter::Stars(3));
        assert_eq!(SearchFilter::parse("is-official=true").unwrap(), SearchFilter::Official(true));
        assert!(SearchFilter::parse("is-official=maybe").is_err());
        assert!(SearchFilter::parse("name=x").is_err());
    }

    #[test]
    fn long_descriptions_are_cut() {
        assert_eq!(truncate("short\nline"), "short line");
        let long = "x".repeat(60);
        assert_eq!(truncate(&long), format!("{}...", "x".repeat(44)));
    }
}
