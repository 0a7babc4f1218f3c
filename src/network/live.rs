//! Connecting and disconnecting a running container (`network connect` /
//! `disconnect` while it runs): a veth pair added to or taken from its
//! namespace (that of its init), its state's endpoints changed, and the
//! /etc/hosts of it and its peers rewritten.

use std::collections::BTreeSet;

use anyhow::{bail, Context, Result};

use super::{attach, netns};
use crate::spec::network::NetworkAttachment;
use crate::store::containers::Container;
use crate::store::Store;

/// Attaches the running `container` to `attachment.network` now.
pub fn connect(store: &Store, container: &Container, attachment: &NetworkAttachment) -> Result<()> {
    let (Some(pid), Some(monitor)) = (container.state.pid, container.state.monitor_pid) else {
        bail!("container {} is running but has no recorded process", container.record.name);
    };
    if container.state.endpoints.iter().any(|e| e.network == attachment.network) {
        bail!("container {} is already connected to network {}", container.record.name, attachment.network);
    }
    let ns = netns::of_process(pid).with_context(|| format!("open the network namespace of container {}", container.record.name))?;
    // The next free ethN: a disconnect may have left a gap.
    let index = (0..).find(|i| !container.state.endpoints.iter().any(|e| e.interface == format!("eth{i}"))).unwrap_or(0);
    let endpoint = attach::attach_more(store, &container.record, monitor, &ns, attachment, index)?;
    store.containers.update_state(&container.record.id, |st| {
        st.endpoints.push(endpoint.clone());
        if st.host_gateway.is_none() {
            st.host_gateway = endpoint.gateway;
        }
        Ok(())
    })?;
    crate::engine::etc_files::live::refresh_around(store, &container.record.id, true, &BTreeSet::new())
}

/// Detaches the running `container` from `network` now.
pub fn disconnect(store: &Store, container: &Container, network: &str) -> Result<()> {
    let Some(endpoint) = container.state.endpoints.iter().find(|e| e.network == network).cloned() else {
        bail!("container {} is not connected to network {network}", container.record.name);
    };
    attach::detach_one(store, &container.record, &endpoint)?;
    store.containers.update_state(&container.record.id, |st| {
        st.endpoints.retain(|e| e.network != network);
        Ok(())
    })?;
    // Off its last network, it no longer keeps the rootless namespace up.
    if store.paths.rootless && container.state.endpoints.iter().all(|e| e.network == network) {
        super::rootless_netns::release(&store.paths.runroot, &container.record.id);
    }
    let left: BTreeSet<String> = [network.to_string()].into();
    crate::engine::etc_files::live::refresh_around(store, &container.record.id, true, &left)
}
