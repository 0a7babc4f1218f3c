//! `pontoon network create|ls|inspect|rm|prune|exists|connect|disconnect`,
//! as Docker and Podman spell them.

use std::net::IpAddr;

use super::key_values::key_values;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use ipnet::IpNet;

use super::output::{each_name, for_each, print_rows_with, Heading};
use super::Ctx;
use crate::engine::networks::{self, CreateRequest};
use crate::errors::PontoonError;
use crate::format::table::Table;
use crate::format::template::GoTemplate;

#[derive(Subcommand, Debug)]
pub enum NetworkCommand {
    /// Create a network (a bridge with its own subnet; containers on it resolve each other by name)
    Create(CreateArgs),
    /// List networks
    #[command(visible_alias = "list")]
    Ls(LsArgs),
    /// Show networks as JSON or through a template
    Inspect(InspectArgs),
    /// Remove networks (never one a container uses, unless -f removes those containers)
    #[command(visible_alias = "remove")]
    Rm(RmArgs),
    /// Remove every network no container uses
    Prune(PruneArgs),
    /// Exit 0 if the network exists, 1 if not
    Exists(ExistsArgs),
    /// Connect a container to a network
    Connect(ConnectArgs),
    /// Disconnect a container from a network
    Disconnect(DisconnectArgs),
    /// Docker's and Podman's commands that pontoon answers with the way out
    #[command(flatten)]
    Refused(super::refused::Refused<super::refused::Network>),
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  pontoon network create app\n  pontoon network create --subnet 10.90.0.0/24 --gateway 10.90.0.254 --label tier=back db\n  pontoon network create --ipv6 --subnet fd00:90::/64 dual")]
pub struct CreateArgs {
    /// Network name
    pub name: String,
    /// Driver (only "bridge")
    #[arg(short, long, default_value = "bridge")]
    pub driver: String,
    /// Subnet in CIDR form, e.g. 10.90.0.0/24 (one IPv4 and one IPv6 at most)
    #[arg(long, value_name = "CIDR")]
    pub subnet: Vec<String>,
    /// Gateway of the subnet that holds it (default: the subnet's first address)
    #[arg(long, value_name = "IP")]
    pub gateway: Vec<String>,
    /// Allocate container addresses from this part of the subnet
    #[arg(long, value_name = "CIDR")]
    pub ip_range: Vec<String>,
    /// No outbound access: containers reach only each other
    #[arg(long)]
    pub internal: bool,
    /// Give containers IPv6 addresses too
    #[arg(long)]
    pub ipv6: bool,
    /// Do not resolve container names on this network
    #[arg(long)]
    pub disable_dns: bool,
    /// Set metadata (KEY=VALUE)
    #[arg(long)]
    pub label: Vec<String>,
    /// Driver options: mtu=N
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// The bridge's name (default: the next free pontoonN)
    #[arg(long, value_name = "NAME")]
    pub interface_name: Option<String>,
    /// No error when the network exists already (its Id is printed)
    #[arg(long)]
    pub ignore: bool,
    #[command(flatten)]
    pub accepted: super::network_accepted::NetworkCreateAccepted,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Show only network Ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show full network Ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Filter: name=, id=, driver=, label=KEY[=VALUE], type=custom|builtin
    #[arg(short, long)]
    pub filter: Vec<String>,
    /// Output: table, json, `table TEMPLATE` or a Go template
    #[arg(long)]
    pub format: Option<String>,
    /// Leave out the column names
    #[arg(long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    #[arg(required = true, value_name = "NETWORK")]
    pub names: Vec<String>,
    /// Format the output with a Go template, e.g. '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}'
    #[arg(short, long)]
    pub format: Option<String>,
    #[command(flatten)]
    pub accepted: super::network_accepted::NetworkInspectAccepted,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove the containers that use the network first; no error for a missing network
    #[arg(short, long)]
    pub force: bool,
    #[arg(required = true, value_name = "NETWORK")]
    pub names: Vec<String>,
    #[command(flatten)]
    pub accepted: super::network_accepted::NetworkRmAccepted,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Filter: label=KEY[=VALUE]
    #[arg(long)]
    pub filter: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub name: String,
}

#[derive(Args, Debug)]
pub struct ConnectArgs {
    /// Another name the container answers to on this network
    #[arg(long)]
    pub alias: Vec<String>,
    /// A fixed IPv4 or IPv6 address on this network
    #[arg(long)]
    pub ip: Option<String>,
    /// A fixed MAC address on this network
    #[arg(long)]
    pub mac_address: Option<String>,
    pub network: String,
    pub container: String,
    #[command(flatten)]
    pub accepted: super::network_accepted::NetworkConnectAccepted,
}

#[derive(Args, Debug)]
pub struct DisconnectArgs {
    /// No error when the network is gone or the container is not on it
    #[arg(short, long)]
    pub force: bool,
    pub network: String,
    pub container: String,
}

pub fn run(ctx: &Ctx, command: NetworkCommand) -> Result<()> {
    match command {
        NetworkCommand::Refused(r) => r.refuse(),
        NetworkCommand::Create(a) => create(ctx, a),
        NetworkCommand::Ls(a) => ls(ctx, a),
        NetworkCommand::Inspect(a) => inspect(ctx, a),
        NetworkCommand::Rm(a) => rm(ctx, a),
        NetworkCommand::Prune(a) => prune(ctx, a),
        NetworkCommand::Exists(a) => exists(ctx, a),
        NetworkCommand::Connect(a) => connect(ctx, a),
        NetworkCommand::Disconnect(a) => disconnect(ctx, a),
    }
}

fn parse_cidr(value: &str, flag: &str) -> Result<IpNet> {
    value.parse().ok().with_context(|| format!("invalid {flag} {value:?}: use a CIDR such as 10.90.0.0/24 or fd00:90::/64"))
}

fn parse_ip(value: &str, flag: &str) -> Result<IpAddr> {
    value.parse().ok().with_context(|| format!("invalid {flag} {value:?}: use an address such as 10.90.0.1 or fd00:90::1"))
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    args.accepted.check()?;
    let request = CreateRequest {
        subnets: args.subnet.iter().map(|s| parse_cidr(s, "--subnet")).collect::<Result<_>>()?,
        gateways: args.gateway.iter().map(|s| parse_ip(s, "--gateway")).collect::<Result<_>>()?,
        ip_ranges: args.ip_range.iter().map(|s| parse_cidr(s, "--ip-range")).collect::<Result<_>>()?,
        labels: key_values(&args.label, "--label")?,
        options: key_values(&args.opt, "--opt")?,
        name: args.name,
        driver: args.driver,
        internal: args.internal,
        ipv6: args.ipv6,
        disable_dns: args.disable_dns,
        interface: args.interface_name,
    };
    let store = ctx.store()?;
    if args.ignore {
        // Podman's --ignore: an existing network of that name is the answer, whatever its settings.
        if let Ok(existing) = store.networks.find(&request.name) {
            println!("{}", existing.id);
            return Ok(());
        }
    }
    let record = networks::create(&store, request)?;
    println!("{}", record.id);
    Ok(())
}

fn ls(ctx: &Ctx, args: LsArgs) -> Result<()> {
    let store = ctx.store()?;
    let mut rows = Vec::new();
    for record in store.networks.list()? {
        if networks::matches_filters(&record, &args.filter)? {
            rows.push(networks::ls_json(&record, args.no_trunc));
        }
    }
    if args.quiet {
        rows.iter().for_each(|r| println!("{}", r["ID"].as_str().unwrap_or_default()));
        return Ok(());
    }
    print_rows_with(&rows, args.format.as_deref(), Heading::from_noheading(args.noheading), |rows| {
        let mut table = Table::new(["NETWORK ID", "NAME", "DRIVER", "SCOPE"]);
        let field = |r: &serde_json::Value, k: &str| r[k].as_str().unwrap_or_default().to_string();
        for r in rows {
            table.push(vec![field(r, "ID"), field(r, "Name"), field(r, "Driver"), field(r, "Scope")]);
        }
        table.render()
    })
}

fn inspect(ctx: &Ctx, args: InspectArgs) -> Result<()> {
    args.accepted.check()?;
    let template = args.format.as_deref().filter(|f| *f != "json").map(GoTemplate::parse).transpose()?;
    let store = ctx.store()?;
    let (objects, failures) = each_name(&args.names, |name| networks::inspect_json(&store, &store.networks.find(name)?));
    super::inspect::print_inspected(&objects, template.as_ref(), failures)
}

fn rm(ctx: &Ctx, args: RmArgs) -> Result<()> {
    args.accepted.check()?;
    let store = ctx.store()?;
    for_each(&args.names, |name| {
        if networks::remove(&store, name, args.force)? {
            println!("{name}");
        }
        Ok(())
    })
}

fn prune(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    let labels = super::key_values::label_filters(&args.filter)?;
    if !args.force && !super::output::confirm("WARNING! This will remove all custom networks not used by at least one container.")? {
        return Ok(());
    }
    let store = ctx.store()?;
    let removed = networks::prune(&store, &labels)?;
    if !removed.is_empty() {
        println!("Deleted Networks:");
        removed.iter().for_each(|n| println!("{n}"));
    }
    Ok(())
}

/// Exit 0 or 1 and print nothing, as Podman's `network exists`.
fn exists(ctx: &Ctx, args: ExistsArgs) -> Result<()> {
    let store = ctx.store()?;
    match store.networks.find(&args.name) {
        Ok(_) => Ok(()),
        Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchNetwork(_))) => Err(PontoonError::Exit(1).into()),
        Err(e) => Err(e),
    }
}

fn connect(ctx: &Ctx, args: ConnectArgs) -> Result<()> {
    args.accepted.check()?;
    let ip = args.ip.as_deref().map(|s| parse_ip(s, "--ip")).transpose()?;
    let store = ctx.store()?;
    networks::connect(&store, &args.network, &args.container, args.alias, ip, args.mac_address)
}

fn disconnect(ctx: &Ctx, args: DisconnectArgs) -> Result<()> {
    let store = ctx.store()?;
    networks::disconnect(&store, &args.network, &args.container, args.force)
}
