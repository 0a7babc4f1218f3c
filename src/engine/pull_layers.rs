//! A pull's downloads and unpacks, overlapped: layers are unpacked in order,
//! each as soon as its blob is in the store, while the later blobs still
//! download (on a local registry the downloads took 0.8 s of a 9 s pull of a
//! 7-layer image, all before the first unpack).

use std::sync::{Condvar, Mutex};

use anyhow::{anyhow, Context, Result};

use crate::image::digest::Digest;
use crate::image::manifest::Descriptor;
use crate::image::reference::Reference;
use crate::registry::client::RegistryClient;
use crate::registry::fetch;
use crate::registry::progress::Progress;
use crate::store::Store;

/// Downloads `missing` and unpacks every layer of the image not yet
/// unpacked (`layers` with their diff_ids, in order).
pub fn fetch_and_unpack(
    store: &Store,
    client: &RegistryClient,
    reference: &Reference,
    missing: &[Descriptor],
    layers: &[(Descriptor, Digest)],
    progress: &Progress,
) -> Result<()> {
    let downloads = Downloads { finished: Mutex::new(false), changed: Condvar::new() };
    std::thread::scope(|scope| {
        let fetching = scope.spawn(|| {
            let fetched = fetch::fetch_all_then(client, &store.blobs, missing, progress, |_| downloads.notify());
            downloads.finish();
            fetched
        });
        let unpacked = unpack_in_order(store, reference, layers, &downloads);
        let fetched = fetching.join().map_err(|_| anyhow!("the download threads panicked"))?;
        // A failed download also stops the unpacking: its error is the cause.
        fetched.and(unpacked)
    })
}

fn unpack_in_order(store: &Store, reference: &Reference, layers: &[(Descriptor, Digest)], downloads: &Downloads) -> Result<()> {
    for (layer, diff_id) in layers {
        if store.layers.has(diff_id) {
            continue;
        }
        if !downloads.wait_for(|| store.blobs.has(&layer.digest)) {
            return Err(anyhow!("blob {} was not downloaded", layer.digest));
        }
        let file = store.blobs.open(&layer.digest)?;
        store.layers.unpack(diff_id, file, &store.unpack_options()).with_context(|| format!("unpack layer {} of {reference}", layer.digest))?;
    }
    Ok(())
}

/// Tells the unpacking thread that a blob arrived or that the downloads ended.
struct Downloads {
    finished: Mutex<bool>,
    changed: Condvar,
}

impl Downloads {
    fn notify(&self) {
        // Taking the lock orders the notification after a waiter's check.
        let _guard = self.finished.lock();
        self.changed.notify_all();
    }

    fn finish(&self) {
        if let Ok(mut finished) = self.finished.lock() {
            *finished = true;
        }
        self.changed.notify_all();
    }

    /// Waits until `present` holds (true) or the downloads ended without it (false).
    fn wait_for(&self, present: impl Fn() -> bool) -> bool {
        let Ok(mut finished) = self.finished.lock() else { return present() };
        loop {
            if present() {
                return true;
            }
            if *finished {
                return false;
            }
            finished = match self.changed.wait(finished) {
                Ok(guard) => guard,
                Err(_) => return present(),
            };
        }
    }
}
