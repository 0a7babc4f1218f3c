//! The benchmark image: `total_mb` megabytes of incompressible content from a
//! seeded PRNG (so every run builds the same bytes and the same digests),
//! split over several layers, each mixing many small files, some medium ones
//! and one or two large ones, the way real images do.

use std::path::PathBuf;

use serde_json::json;

use super::fixtures::{busybox_layer, cached_layout};
use super::oci::{Layer, LayerBuilder};

/// Number of data layers on top of the busybox base.
pub const LARGE_DATA_LAYERS: usize = 4;

/// splitmix64: tiny, fast, and stable forever (unlike library RNGs).
struct Prng(u64);

impl Prng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo) as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(len + 8);
        while out.len() < len {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        out.truncate(len);
        out
    }
}

/// One data layer of about `bytes` bytes: ~25% small files (1-16 KiB),
/// ~40% medium (64 KiB-2 MiB), the rest in large files of at most 16 MiB.
fn data_layer(index: usize, bytes: usize, rng: &mut Prng) -> Layer {
    let mut l = LayerBuilder::new();
    let root = format!("data/layer{index}");
    l.dir("data", 0o755, 0, 0).dir(&root, 0o755, 0, 0);
    let (mut written, mut n) = (0usize, 0usize);
    while written < bytes {
        let (kind, size) = if written < bytes / 4 {
            ("small", 1024 * (1 + (n * 7919) % 16))
        } else if written < bytes * 65 / 100 {
            ("medium", 64 * 1024 + (n * 104_729) % (2 * 1024 * 1024 - 64 * 1024))
        } else {
            ("large", (bytes - written).min(16 * 1024 * 1024))
        };
        // A hundred files per directory, as unpackers meet in real images.
        if n % 100 == 0 {
            l.dir(&format!("{root}/{}", n / 100), 0o755, 0, 0);
        }
        l.file(&format!("{root}/{}/{kind}{n:05}.bin", n / 100), &rng.bytes(size), 0o644, 0, 0);
        written += size;
        n += 1;
    }
    Layer::from_tar(l.finish(), &format!("ADD data/layer{index}"))
}

/// A busybox-based image with at least `total_mb` MiB of data in
/// `LARGE_DATA_LAYERS` layers on top.
pub fn large_layout(total_mb: usize) -> PathBuf {
    cached_layout(&format!("large-{total_mb}mb"), |w| {
        let mut rng = Prng(0x5eed_0f90_0700);
        let per_layer = total_mb * 1024 * 1024 / LARGE_DATA_LAYERS;
        let mut layers = vec![busybox_layer()];
        for i in 0..LARGE_DATA_LAYERS {
            // Vary layer sizes a little so they are not all the same shape.
            let jitter = rng.range(0, per_layer / 10 + 1);
            layers.push(data_layer(i, per_layer + jitter, &mut rng));
        }
        let manifest = w.image("amd64", &layers, json!({}))?;
        w.finish(&manifest)
    })
}

/// Number of layers of the postgres-like benchmark image, base included.
pub const LAYERED_LAYERS: usize = 7;

/// One layer of the postgres-like image: `bytes` bytes in files of 4 KiB
/// to 1 MiB, every other file text-like (compressible, as libraries'
/// symbol tables, locale data and SQL files are) and the rest random
/// (as compressed or stripped binaries are).
fn mixed_layer(index: usize, bytes: usize, rng: &mut Prng) -> Layer {
    let mut l = LayerBuilder::new();
    let root = format!("usr/lib/bench{index}");
    l.dir("usr", 0o755, 0, 0).dir("usr/lib", 0o755, 0, 0).dir(&root, 0o755, 0, 0);
    const WORDS: [&str; 8] = ["SELECT ", "relation ", "tuple ", "index ", "vacuum ", "toast ", "locale ", "\n"];
    let (mut written, mut n) = (0usize, 0usize);
    while written < bytes {
        let size = (4096 + rng.range(0, 1024 * 1024)).min(bytes - written).max(1);
        let data = if n % 2 == 0 {
            let mut text = Vec::with_capacity(size + 16);
            while text.len() < size {
                text.extend_from_slice(WORDS[rng.range(0, WORDS.len())].as_bytes());
            }
            text.truncate(size);
            text
        } else {
            rng.bytes(size)
        };
        l.file(&format!("{root}/part{n:04}"), &data, 0o644, 0, 0);
        written += size;
        n += 1;
    }
    Layer::from_tar(l.finish(), &format!("ADD usr/lib/bench{index}"))
}

/// A postgres-like image: the busybox base and six layers of
/// `mb_per_layer` MiB (give or take a tenth) of mixed content.
pub fn layered_layout(mb_per_layer: usize) -> PathBuf {
    cached_layout(&format!("layered-{mb_per_layer}mb"), |w| {
        let mut rng = Prng(0x706f_7374_6772_6573);
        let mut layers = vec![busybox_layer()];
        for i in 1..LAYERED_LAYERS {
            let bytes = mb_per_layer * 1024 * 1024;
            let jitter = rng.range(0, bytes / 10 + 1);
            layers.push(mixed_layer(i, bytes + jitter, &mut rng));
        }
        let manifest = w.image("amd64", &layers, json!({}))?;
        w.finish(&manifest)
    })
}
