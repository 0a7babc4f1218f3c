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
    /// The container (name or id)
    pub container: String,
    /// PRIVATE_PORT[/PROTO]: show only where this port is published
    pub private: Option<String>,
}

pub fn port(ctx: &Ctx, args: PortArgs) -> Result<()> {
    let store = ctx.store_files_only()?;
    let c = store.containers.find(&args.container)?;
    // Only a running container has ports bound; a stopped one has none,
    // as in Docker (its listing is empty).
    let published = if is_running(&c) { c.state.ports.as_slice() } else { &[] };
    let query = args.private.as_deref().map(parse_port_query).transpose()?;
    match port_lines(published, query) {
        Some(lines) => {
            for line in lines {
                println!("{line}");
            }
            Ok(())
        }
        None => {
            let (number, protocol) = query.unwrap_or_default();
            Err(PontoonError::NoPublicPort { port: format!("{number}/{protocol}"), container: args.container }.into())
        }
    }
}
