//! Pausing and resuming containers: the freezer cgroup when the container
//! has one, else SIGSTOP/SIGCONT to each of its processes, sent by its
//! monitor (the only process allowed to signal them all when rootless).

use std::io::Write;

use anyhow::{bail, Context, Result};

use crate::engine::lifecycle::{is_running, reconcile};
use crate::monitor::protocol;
use crate::runtime::cgroups;
use crate::store::containers::{Container, Status};
use crate::store::layout::ContainerPaths;
use crate::store::Store;

pub fn pause(store: &Store, c: &Container) -> Result<()> {
    let c = reconcile(store, c)?;
    if !is_running(&c) {
        let message = format!("container {} is not running: start it before pausing", c.record.name);
        return Err(crate::errors::PontoonError::ContainerNotRunning { name: c.record.name.clone(), message }.into());
    }
    if c.state.status == Status::Paused {
        bail!("container {} is already paused", c.record.name);
    }
    set_frozen(store, &c, true)?;
    crate::engine::events::emit(store, crate::engine::events::Event::container("pause", &c.record));
    store.containers.update_state(&c.record.id, |st| {
        st.status = Status::Paused;
        Ok(())
    })
}

pub fn unpause(store: &Store, c: &Container) -> Result<()> {
    let c = reconcile(store, c)?;
    if c.state.status != Status::Paused || !is_running(&c) {
        bail!("container {} is not paused", c.record.name);
    }
    thaw(store, &c)?;
    crate::engine::events::emit(store, crate::engine::events::Event::container("unpause", &c.record));
    Ok(())
}

/// Resumes a paused container (before `stop`, `kill` or `rm`, since a
/// frozen or stopped process cannot act on a signal). Does nothing to a
/// container that is not paused.
pub fn thaw(store: &Store, c: &Container) -> Result<()> {
    if c.state.status != Status::Paused {
        return Ok(());
    }
    set_frozen(store, c, false)?;
    store.containers.update_state(&c.record.id, |st| {
        if st.status == Status::Paused {
            st.status = Status::Running;
        }
        Ok(())
    })
}

fn set_frozen(store: &Store, c: &Container, frozen: bool) -> Result<()> {
    if let Some(group) = cgroups::detect().open(&c.record.id) {
        return group.freeze(frozen);
    }
    let socket = ContainerPaths::new(store, &c.record.id).socket();
    let mut stream = crate::monitor::connect(&socket).with_context(|| format!("reach the monitor of container {}", c.record.name))?;
    stream.write_all(&protocol::encode(protocol::PAUSE, &[frozen as u8])).context("ask the monitor to pause the container")
}
