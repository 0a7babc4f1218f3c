//! `KEY=VALUE` flags (`--label`, `--opt`) and `--filter label=...` as
//! Docker reads them.

use std::collections::BTreeMap;

use anyhow::{bail, Result};

/// Parses repeated `KEY=VALUE` values of `flag`; `--label KEY` alone
/// means an empty value, as in Docker.
pub fn key_values(list: &[String], flag: &str) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for item in list {
        match item.split_once('=') {
            Some((k, v)) if !k.is_empty() => out.insert(k.to_string(), v.to_string()),
            _ if flag == "--label" && !item.is_empty() => out.insert(item.clone(), String::new()),
            _ => bail!("invalid {flag} {item:?}: use KEY=VALUE"),
        };
    }
    Ok(out)
}

/// The `--filter label=KEY[=VALUE]` values of a `prune` (its only filter).
pub fn label_filters(filters: &[String]) -> Result<Vec<String>> {
    filters
        .iter()
        .map(|f| match f.split_once('=') {
            Some(("label", l)) => Ok(l.to_string()),
            _ => bail!("invalid filter {f:?}: use label=KEY or label=KEY=VALUE"),
        })
        .collect()
}
