//! `kube down FILE`: removes the pods a file made, with their containers
//! and the volumes made for them (configMap, secret, emptyDir); named
//! volumes stay, so a claim's data survives.

use anyhow::{Context, Result};

use crate::engine::pods;
use crate::errors::PontoonError;
use crate::store::Store;

/// Removes the pods named; returns the Ids of those removed. A pod that
/// is not there is an error, as in Podman, after the others were removed.
pub fn down(store: &Store, pod_names: &[String], timeout: Option<u32>) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    let mut errors = Vec::new();
    for name in pod_names {
        match pods::find(store, name) {
            Ok(pod) => match pods::remove(store, &pod, true, timeout).with_context(|| format!("remove pod {}", pod.name)) {
                Ok(()) => removed.push(pod.id),
                Err(e) => errors.push(e),
            },
            Err(e) if matches!(e.downcast_ref::<PontoonError>(), Some(PontoonError::NoSuchPod(_))) => errors.push(anyhow::anyhow!("no pod with name or ID {name} found: was the file played (pontoon kube play)?")),
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(removed),
        1 => Err(errors.remove(0)),
        _ => Err(PontoonError::Several(errors).into()),
    }
}
