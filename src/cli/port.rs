//! `pontoon port`: the published ports of a running container, as Docker
//! prints them (`80/tcp -> 0.0.0.0:8080`, or `0.0.0.0:8080` for one port).

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::engine::lifecycle::is_running;
use crate::errors::PontoonError;
use crate::spec::ports::{parse_port_query, port_lines};

const EXAMPLES: &str = "\
Examples:
  pontoon port web
  pontoon port web 80
  pontoon port web 53/udp";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct PortArgs {
    /// The published ports of every running container, each line after its Id
    #[arg(short, long, conflicts_with_all = ["latest", "private"])]
    pub all: bool,
    #[command(flatten)]
    pub latest: super::targets::Latest,
    /// The container (name or id)
    #[arg(required_unless_present_any = ["latest", "all"])]
    pub container: Option<String>,
    /// PRIVATE_PORT[/PROTO]: show only where this port is published
    pub private: Option<String>,
}

pub fn port(ctx: &Ctx, args: PortArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    if args.all {
        return all_ports(&store, args.container.as_deref());
    }
    // With --latest a single word is the port (`port -l 80`).
    let (named, private) = match (args.latest.latest, args.private) {
        (true, None) => (None, args.container),
        (_, private) => (args.container, private),
    };
    let name = args.latest.name(&store, "port", named.as_deref())?;
    let c = store.containers.find(&name)?;
    // Only a running container has ports bound; a stopped one has none,
    // as in Docker (its listing is empty).
    let published = if is_running(&c) { c.state.ports.as_slice() } else { &[] };
    let query = private.as_deref().map(parse_port_query).transpose()?;
    match port_lines(published, query) {
        Some(lines) => {
            for line in lines {
                println!("{line}");
            }
            Ok(())
        }
        None => {
            let (number, protocol) = query.unwrap_or_default();
            Err(PontoonError::NoPublicPort { port: format!("{number}/{protocol}"), container: name }.into())
        }
    }
}

/// `port --all`: Podman's listing, every line of each running container's
/// ports after the container's short Id and a tab.
fn all_ports(store: &crate::store::Store, extra: Option<&str>) -> Result<()> {
    if let Some(word) = extra {
        anyhow::bail!("port --all takes no container or port ({word:?}): it lists every running container's ports");
    }
    for c in crate::engine::lifecycle::reconciled(store, store.containers.list()?) {
        if !is_running(&c) {
            continue;
        }
        for line in port_lines(&c.state.ports, None).unwrap_or_default() {
            println!("{}\t{line}", &c.record.id[..12]);
        }
    }
    Ok(())
}
