//! Blob downloads into the store: each blob streams into a temporary file
//! and becomes visible under its digest only after its sha256 matched
//! (BlobStore::put_verified); several blobs download at once on a few
//! threads. A transfer cut short is retried from the start; content that
//! arrives whole but hashes wrong is refused at once.

use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{anyhow, Context, Result};

use crate::image::digest::Digest;
use crate::image::manifest::Descriptor;
use crate::registry::client::RegistryClient;
use crate::registry::error::{io_reason, RegistryError};
use crate::registry::progress::{Progress, Transfer};
use crate::store::blobs::BlobStore;

/// Downloads at once, as Docker and Podman default to.
pub const PARALLEL: usize = 3;
/// Attempts per blob when the stream breaks.
const ATTEMPTS: u32 = 3;
/// Configs are small; a larger one is refused instead of read into memory.
const MAX_CONFIG: u64 = 16 * 1024 * 1024;

/// Downloads every blob of `wanted` into `blobs`, `PARALLEL` at a time.
/// Stops starting new downloads after the first failure and returns it.
pub fn fetch_all(client: &RegistryClient, blobs: &BlobStore, wanted: &[Descriptor], progress: &Progress) -> Result<()> {
    fetch_all_then(client, blobs, wanted, progress, &AtomicBool::new(false), |_| {})
}

/// As [`fetch_all`], calling `stored` with each blob once it is in the
/// store: a pull unpacks a layer while the next ones still download. Once
/// `cancel` is set (the unpacking failed), no further blob is started; the
/// ones under way finish, and the result is Ok unless one of them failed.
pub fn fetch_all_then(
    client: &RegistryClient,
    blobs: &BlobStore,
    wanted: &[Descriptor],
    progress: &Progress,
    cancel: &AtomicBool,
    stored: impl Fn(&Digest) + Sync,
) -> Result<()> {
    each_parallel_until(wanted, cancel, |desc| {
        fetch_blob(client, blobs, desc, progress)?;
        stored(&desc.digest);
        Ok(())
    })
}

/// Runs `work` on every item, `PARALLEL` at a time (pull's downloads, push's
/// uploads); stops starting new items after the first failure and returns it.
pub fn each_parallel<T: Sync>(items: &[T], work: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    each_parallel_until(items, &AtomicBool::new(false), work)
}

/// As [`each_parallel`], also stopping before the next item once `stop` is
/// set from outside (the flag is shared with the caller: a failure here sets
/// it too).
pub fn each_parallel_until<T: Sync>(items: &[T], stop: &AtomicBool, work: impl Fn(&T) -> Result<()> + Sync) -> Result<()> {
    let next = AtomicUsize::new(0);
    let first_error: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL.min(items.len()) {
            scope.spawn(|| loop {
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let Some(item) = items.get(next.fetch_add(1, Ordering::SeqCst)) else { return };
                if let Err(e) = work(item) {
                    stop.store(true, Ordering::SeqCst);
                    if let Ok(mut slot) = first_error.lock() {
                        slot.get_or_insert(e);
                    }
                    return;
                }
            });
        }
    });
    match first_error.into_inner() {
        Ok(None) => Ok(()),
        Ok(Some(e)) => Err(e),
        Err(_) => Err(anyhow!("a transfer thread panicked")),
    }
}

/// Downloads one blob (layer) into the store, showing its progress.
pub fn fetch_blob(client: &RegistryClient, blobs: &BlobStore, desc: &Descriptor, progress: &Progress) -> Result<()> {
    let transfer = progress.start("blob", &desc.digest, desc.size);
    match download(client, blobs, desc, &transfer) {
        Ok(()) => {
            transfer.done();
            Ok(())
        }
        Err(e) => {
            transfer.failed();
            Err(e)
        }
    }
}

fn download(client: &RegistryClient, blobs: &BlobStore, desc: &Descriptor, transfer: &Transfer) -> Result<()> {
    // A parallel pull may be fetching the same blob: wait for it, then use
    // what it stored instead of downloading again.
    let _lock = blobs.lock(&desc.digest)?;
    if blobs.has(&desc.digest) {
        return Ok(());
    }
    let registry = client.endpoint().host.clone();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let stream = client.blob(&desc.digest)?;
        // At most the declared size: a registry streaming more is cut off
        // and then fails the digest check instead of filling the disk.
        let mut reader = Counting { inner: stream.take(desc.size), count: 0, broken: None };
        let result = blobs.put_verified(&desc.digest, &mut reader, |n| transfer.set(n));
        let truncated = reader.count < desc.size;
        match (result, reader.broken.take()) {
            (Ok(_), _) => return Ok(()),
            // A cut stream (error or early end) is worth another try.
            (Err(_), _) if truncated && attempt < ATTEMPTS => std::thread::sleep(Duration::from_millis(500) * attempt),
            (Err(_), Some(why)) => {
                return Err(RegistryError::Unreachable { registry, why: format!("download of blob {} broke off: {why}", desc.digest) }.into())
            }
            (Err(e), None) => return Err(e.context(format!("blob {} from {registry}", desc.digest))),
        }
    }
}

/// Fetches a small blob (an image config) into memory, verified.
pub fn fetch_small(client: &RegistryClient, digest: &Digest) -> Result<Vec<u8>> {
    let registry = &client.endpoint().host;
    let mut bytes = Vec::new();
    client
        .blob(digest)?
        .take(MAX_CONFIG + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| RegistryError::Unreachable { registry: registry.clone(), why: format!("download of {digest} broke off: {}", io_reason(&e)) })?;
    if bytes.len() as u64 > MAX_CONFIG {
        anyhow::bail!("blob {digest} from {registry} is larger than 16 MiB; it cannot be an image config");
    }
    crate::store::blobs::verify_bytes(&bytes, digest).with_context(|| format!("blob {digest} from {registry}"))?;
    Ok(bytes)
}

/// Counts the bytes read and remembers a read error, so that a broken
/// stream (worth a retry) can be told from corrupt content (not).
struct Counting<R> {
    inner: R,
    count: u64,
    broken: Option<String>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.count += n as u64;
                Ok(n)
            }
            Err(e) => {
                self.broken = Some(io_reason(&e));
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stop_set_from_outside_starts_no_further_item() {
        let items: Vec<usize> = (0..10).collect();
        let stop = AtomicBool::new(false);
        let ran = AtomicUsize::new(0);
        // Item 0 plays the failed unpack: it raises the flag. The others
        // started meanwhile hold their thread until it is raised, so that
        // every item after the first PARALLEL would start after it. (Fewer
        // than PARALLEL run when a thread gets going only after the flag.)
        let result = each_parallel_until(&items, &stop, |item| {
            ran.fetch_add(1, Ordering::SeqCst);
            if *item == 0 {
                stop.store(true, Ordering::SeqCst);
            }
            while !stop.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            Ok(())
        });
        assert!(result.is_ok());
        let ran = ran.load(Ordering::SeqCst);
        assert!((1..=PARALLEL).contains(&ran), "{ran} of 10 items ran");
    }

    #[test]
    fn a_stop_set_before_the_start_runs_nothing() {
        let ran = AtomicUsize::new(0);
        let result = each_parallel_until(&[1, 2, 3], &AtomicBool::new(true), |_| {
            ran.fetch_add(1, Ordering::SeqCst);
            Ok(())
        });
        assert!(result.is_ok());
        assert_eq!(ran.load(Ordering::SeqCst), 0);
    }
}
