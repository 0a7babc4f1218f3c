//! The tar stream `cp - CONTAINER:DIR` reads on stdin, compressed or not:
//! Docker and Podman both accept a gzip, bzip2, xz or zstd compressed tar
//! there, told apart by its first bytes. gzip and zstd are decompressed
//! in-process (the crates the layer store uses); xz and bzip2, which no
//! crate in the tree reads, by the host's `xz` and `bzip2` programs, as
//! Docker itself runs `xz` for xz streams. Decompression happens on the
//! host side, before the stream reaches the worker in the container.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::store::unpack::decompress;

/// How a stream is compressed, by its magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    /// A plain tar, or gzip or zstd (which `store::unpack::decompress` reads).
    InProcess,
    Xz,
    Bzip2,
}

const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0x00];
/// The first block's magic (the digits of pi) after "BZh" and the block
/// size digit: checked too, so that a plain tar whose first file is named
/// "BZh..." is not taken for bzip2.
const BZIP2_BLOCK_MAGIC: &[u8] = &[0x31, 0x41, 0x59, 0x26, 0x53, 0x59];

impl Compression {
    pub fn detect(head: &[u8]) -> Compression {
        if head.starts_with(XZ_MAGIC) {
            Compression::Xz
        } else if head.len() >= 10 && head.starts_with(b"BZh") && (b'1'..=b'9').contains(&head[3]) && &head[4..10] == BZIP2_BLOCK_MAGIC {
            Compression::Bzip2
        } else {
            Compression::InProcess
        }
    }
}

/// Copies `input` to `out` as a plain tar stream, decompressed as its
/// magic says.
pub fn copy_plain_tar(input: impl Read + Send + 'static, mut out: impl Write) -> Result<()> {
    let mut buffered = BufReader::with_capacity(64 * 1024, input);
    let head = buffered.fill_buf().context("read the tar stream")?;
    let tool = match Compression::detect(head) {
        Compression::InProcess => {
            io::copy(&mut decompress(buffered)?, &mut out).context("pass the tar stream on")?;
            return Ok(());
        }
        Compression::Xz => "xz",
        Compression::Bzip2 => "bzip2",
    };
    let package = if tool == "xz" { "xz-utils" } else { "bzip2" };
    let mut child = Command::new(tool)
        .args(["-d", "-c", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("the tar stream is {tool}-compressed and decompressing it needs the {tool} program: install {package}"))?;
    let (Some(mut to_tool), Some(mut from_tool)) = (child.stdin.take(), child.stdout.take()) else {
        bail!("start {tool}: its standard streams are missing");
    };
    // Fed from a thread while this one reads: either side could fill a pipe.
    let feeder = std::thread::spawn(move || io::copy(&mut buffered, &mut to_tool).map(|_| ()));
    let copied = io::copy(&mut from_tool, &mut out).map(|_| ());
    drop(from_tool);
    let fed = feeder.join().map_err(|_| anyhow::anyhow!("the thread feeding {tool} panicked"))?;
    let output = child.wait_with_output().with_context(|| format!("wait for {tool}"))?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        bail!("decompress the tar stream with {tool}: {}", if said.is_empty() { output.status.to_string() } else { said });
    }
    copied.context("pass the tar stream on")?;
    fed.with_context(|| format!("feed the tar stream to {tool}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressions_are_told_by_their_magic() {
        assert_eq!(Compression::detect(&[0xfd, b'7', b'z', b'X', b'Z', 0, 0, 4]), Compression::Xz);
        let mut bz = b"BZh9".to_vec();
        bz.extend_from_slice(BZIP2_BLOCK_MAGIC);
        assert_eq!(Compression::detect(&bz), Compression::Bzip2);
        let mut tar_named_bzh = b"BZh9-notes.txt".to_vec();
        tar_named_bzh.resize(512, 0);
        assert_eq!(Compression::detect(&tar_named_bzh), Compression::InProcess);
        assert_eq!(Compression::detect(&[0x1f, 0x8b, 8]), Compression::InProcess);
        assert_eq!(Compression::detect(b""), Compression::InProcess);
    }

    #[test]
    fn gzip_is_decompressed_and_plain_passes_through() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"tar bytes").unwrap();
        let gz = gz.finish().unwrap();
        let mut out = Vec::new();
        copy_plain_tar(io::Cursor::new(gz), &mut out).unwrap();
        assert_eq!(out, b"tar bytes");
        let mut out = Vec::new();
        copy_plain_tar(io::Cursor::new(b"plain".to_vec()), &mut out).unwrap();
        assert_eq!(out, b"plain");
    }
}
