//! `pontoon secret create|ls|inspect|rm|exists`, as Podman spells them.
//! The data goes from the file, stdin or variable straight to the engine;
//! nothing here prints it.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use serde_json::Value;

use super::key_values::key_values;
use super::output::{each_name, for_each, print_rows_with, Heading};
use super::Ctx;
use crate::engine::secrets::{self, CreateOptions};
use crate::errors::PontoonError;
use crate::format::table::Table;
use crate::format::template::GoTemplate;
use crate::format::units::ago;
use crate::store::secrets::SecretRecord;

#[derive(Subcommand, Debug)]
pub enum SecretCommand {
    /// Create a secret from a file, stdin (-) or an environment variable (--env)
    Create(CreateArgs),
    /// List secrets
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show secrets' metadata (never their data) as JSON, a template or --pretty
    Inspect(InspectArgs),
    /// Remove secrets (containers created with one keep their copy)
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Exit 0 when a secret exists, 1 when it does not
    Exists(ExistsArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The secret's name
    pub name: String,
    /// A file with the data, - for stdin, or with --env the variable's name
    pub source: String,
    /// Driver: file (the only one)
    #[arg(short, long, value_name = "DRIVER")]
    pub driver: Option<String>,
    /// Driver options (KEY=VALUE), kept with the secret
    #[arg(long = "driver-opts", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub driver_opts: Vec<String>,
    /// Set metadata (KEY=VALUE)
    #[arg(short, long)]
    pub label: Vec<String>,
    /// Read the data from the environment variable SOURCE
    #[arg(long)]
    pub env: bool,
    /// Give an existing secret of that name the new data
    #[arg(long)]
    pub replace: bool,
    /// No error when a secret of that name exists already (its Id is printed, its data kept)
    #[arg(short, long, conflicts_with = "replace")]
    pub ignore: bool,
    #[command(flatten)]
    pub accepted: super::network_accepted::SecretCreateAccepted,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Output: table, json, or a Go template ({{.ID}}, {{.Name}}, {{.Driver}}, {{.CreatedAt}}, {{.UpdatedAt}})
    #[arg(long)]
    pub format: Option<String>,
    /// Filter: name=REGEX, id=PREFIX (repeatable; all must match)
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Print Ids only
    #[arg(short, long)]
    pub quiet: bool,
    /// Leave out the column names
    #[arg(long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Go template applied to each secret
    #[arg(short, long)]
    pub format: Option<String>,
    /// Show each secret as lines of text rather than JSON
    #[arg(long)]
    pub pretty: bool,
    /// Show the secrets' data too (SecretData)
    #[arg(long)]
    pub showsecret: bool,
    #[arg(required = true)]
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove every secret
    #[arg(short, long)]
    pub all: bool,
    /// Say nothing about secrets that do not exist
    #[arg(short, long)]
    pub ignore: bool,
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub name: String,
}

pub fn run(ctx: &Ctx, command: SecretCommand) -> Result<()> {
    match command {
        SecretCommand::Create(a) => create(ctx, a),
        SecretCommand::Ls(a) => ls(ctx, a),
        SecretCommand::Inspect(a) => inspect(ctx, a),
        SecretCommand::Rm(a) => rm(ctx, a),
        SecretCommand::Exists(a) => exists(ctx, a),
    }
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    args.accepted.check()?;
    if args.ignore {
        // Podman's --ignore: the existing secret is the answer; its data stays (stdin is not read).
        let store = ctx.store_files_only()?;
        if let Some(existing) = secrets::list(&store)?.into_iter().find(|s| s.name == args.name) {
            println!("{}", existing.id);
            return Ok(());
        }
    }
    let data = read_data(&args)?;
    let opts = CreateOptions {
        driver: args.driver.clone(),
        driver_options: key_values(&args.driver_opts, "--driver-opts")?,
        labels: key_values(&args.label, "--label")?,
        replace: args.replace,
    };
    let store = ctx.store_files_only()?;
    let record = secrets::create(&store, &args.name, &data, opts)?;
    println!("{}", record.id);
    Ok(())
}

/// The data, from where the user said; the messages name the source only.
fn read_data(args: &CreateArgs) -> Result<Vec<u8>> {
    if args.env {
        return match std::env::var_os(&args.source) {
            Some(v) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str()).to_vec()),
            None => bail!("secret {}: environment variable {} is not set: export it first, or give a file", args.name, args.source),
        };
    }
    if args.source == "-" {
        let mut data = Vec::new();
        std::io::stdin().read_to_end(&mut data).with_context(|| format!("secret {}: read the data from stdin", args.name))?;
        return Ok(data);
    }
    let path = Path::new(&args.source);
    // A secret over the size limit is refused by the engine; read one byte more to tell.
    let file = std::fs::File::open(path).with_context(|| format!("secret {}: open {}: give a readable file, or - for stdin", args.name, path.display()))?;
    let mut data = Vec::new();
    file.take(secrets::MAX_SIZE as u64 + 1).read_to_end(&mut data).with_context(|| format!("secret {}: read {}", args.name, path.display()))?;
    Ok(data)
}

fn ls(ctx: &Ctx, args: LsArgs) -> Result<()> {
    let mut name_patterns = Vec::new();
    let mut ids = Vec::new();
    for f in &args.filter {
        match f.split_once('=') {
            Some(("name", v)) => name_patterns.push(regex::Regex::new(v).map_err(|e| anyhow::anyhow!("invalid filter name={v:?}: not a regular expression ({e})"))?),
            Some(("id", v)) => ids.push(v.to_string()),
            _ => bail!("invalid filter {f:?}: use name=REGEX or id=PREFIX"),
        }
    }
    let store = ctx.store_files_only()?;
    let rows: Vec<SecretRecord> = secrets::list(&store)?
        .into_iter()
        .filter(|s| name_patterns.iter().all(|p| p.is_match(&s.name)))
        .filter(|s| ids.iter().all(|id| s.id.starts_with(id.as_str())))
        .collect();
    if args.quiet {
        rows.iter().for_each(|s| println!("{}", s.id));
        return Ok(());
    }
    let json: Vec<Value> = rows.iter().map(ls_row).collect();
    print_rows_with(&json, args.format.as_deref(), Heading::from_noheading(args.noheading), |rows| {
        let mut table = Table::new(["ID", "NAME", "DRIVER", "CREATED", "UPDATED"]);
        let text = |r: &Value, k: &str| r[k].as_str().unwrap_or_default().to_string();
        for r in rows {
            table.push(vec![text(r, "ID"), text(r, "Name"), text(r, "Driver"), text(r, "CreatedAt"), text(r, "UpdatedAt")]);
        }
        table.render()
    })
}

/// Podman's row of `secret ls`: the inspect shape with its columns on top.
fn ls_row(s: &SecretRecord) -> Value {
    let mut row = secrets::inspect_json(s);
    row["Name"] = s.name.clone().into();
    row["Driver"] = s.driver.clone().into();
    row["CreatedAt"] = ago(s.created).into();
    row["UpdatedAt"] = ago(s.updated).into();
    row
}

fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    if args.pretty && args.format.is_some() {
        bail!("secret inspect: --pretty and --format cannot be used together: give one");
    }
    let template = args.format.as_deref().filter(|f| *f != "json").map(GoTemplate::parse).transpose()?;
    let store = ctx.store_files_only()?;
    let (found, failures) = each_name(&args.names, |name| secrets::find(&store, name));
    if args.pretty {
        for s in &found {
            print!("{}", pretty(s));
        }
        return failures.into_result();
    }
    let mut objects: Vec<Value> = found.iter().map(secrets::inspect_json).collect();
    if args.showsecret {
        for (object, record) in objects.iter_mut().zip(&found) {
            let data = secrets::data(&store, record)?;
            object["SecretData"] = Value::String(String::from_utf8_lossy(&data).into_owned());
        }
    }
    super::inspect::print_inspected(&objects, template.as_ref(), failures)
}

/// Podman's `--pretty` lines.
fn pretty(s: &SecretRecord) -> String {
    let time = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M:%S%.f %z UTC").to_string();
    let mut out = format!("ID:              {}\nName:            {}\nDriver:          {}\nCreated at:      {}\nUpdated at:      {}\n", s.id, s.name, s.driver, time(s.created), time(s.updated));
    if !s.labels.is_empty() {
        out.push_str("Labels:\n");
        for (k, v) in &s.labels {
            out.push_str(&format!("  {k}={v}\n"));
        }
    }
    out
}

fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let names: Vec<String> = match (args.all, args.names.is_empty()) {
        (true, true) => secrets::list(&store)?.into_iter().map(|s| s.id).collect(),
        (true, false) => bail!("secret rm: --all cannot be used with secret names: give one or the other"),
        (false, true) => bail!("secret rm needs at least one secret name or Id (or --all)"),
        (false, false) => args.names.clone(),
    };
    for_each(&names, |name| match secrets::remove(&store, name) {
        Ok(record) => {
            println!("{}", record.id);
            Ok(())
        }
        Err(e) if args.ignore && secrets::is_no_such_secret(&e) => Ok(()),
        Err(e) => Err(e),
    })
}

fn exists(ctx: &Ctx, args: ExistsArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    match secrets::find(&store, &args.name) {
        Ok(_) => Ok(()),
        Err(e) if secrets::is_no_such_secret(&e) => Err(PontoonError::Exit(1).into()),
        Err(e) => Err(e),
    }
}
