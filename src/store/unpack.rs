//! Layer tarballs into layer directories: decompression, safe extraction
//! (hostile tar input never writes outside the layer), and conversion of OCI
//! whiteouts into overlay's on-disk format.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Result};

use crate::image::digest::Digest;

#[derive(Clone, Debug, Default)]
pub struct UnpackOptions {
    /// Running in a user namespace: device nodes cannot be created and ids
    /// must fit the subordinate range.
    pub rootless: bool,
}

/// Wraps `reader` in the decompressor its magic bytes call for (gzip, zstd)
/// or returns it unchanged for a plain tar.
pub fn decompress<'a>(reader: impl Read + 'a) -> Result<Box<dyn Read + 'a>> {
    Ok(Box::new(reader))
}

/// Extracts an uncompressed layer tarball into `dest`; returns the digest
/// and size of the uncompressed stream (the layer's diff_id).
pub fn extract_layer(_reader: impl Read, _dest: &Path, _opts: &UnpackOptions) -> Result<(Digest, u64)> {
    bail!("layer extraction is being written")
}
