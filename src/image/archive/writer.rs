//! Writing an archive: a tar stream whose members have fixed owners, modes
//! and times, so that saving the same images twice gives the same bytes.

use std::collections::HashSet;
use std::io::{self, Read, Write};

use anyhow::{bail, Context, Result};

pub struct ArchiveWriter<W: Write> {
    builder: tar::Builder<W>,
    written: HashSet<String>,
}

impl<W: Write> ArchiveWriter<W> {
    pub fn new(out: W) -> ArchiveWriter<W> {
        ArchiveWriter { builder: tar::Builder::new(out), written: HashSet::new() }
    }

    /// True when `name` is already in the archive (a layer shared by two images).
    pub fn has(&self, name: &str) -> bool {
        self.written.contains(name)
    }

    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        self.add_reader(name, bytes.len() as u64, bytes)
    }

    /// Adds a member of exactly `size` bytes read from `content`; fails when
    /// `content` holds fewer or more bytes than promised.
    pub fn add_reader(&mut self, name: &str, size: u64, content: impl Read) -> Result<()> {
        let mut header = tar::Header::new_ustar();
        header.set_size(size);
        header.set_mode(0o644);
        header.set_mtime(0);
        header.set_uid(0);
        header.set_gid(0);
        header.set_entry_type(tar::EntryType::Regular);
        let mut counted = Counted { inner: content.take(size), count: 0 };
        self.builder
            .append_data(&mut header, name, &mut counted)
            .with_context(|| format!("write {name} into the archive"))?;
        if counted.count != size {
            bail!("{name} has {} bytes, {size} were expected: the store content changed or is damaged", counted.count);
        }
        let mut extra = [0u8; 1];
        if counted.inner.into_inner().read(&mut extra).context("read past the end of a member")? != 0 {
            bail!("{name} is longer than the {size} bytes expected: the store content is damaged");
        }
        self.written.insert(name.to_string());
        Ok(())
    }

    /// Writes the end-of-archive marker and returns the output.
    pub fn finish(self) -> Result<W> {
        self.builder.into_inner().context("finish the archive")
    }
}

struct Counted<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_content_of_the_wrong_length() {
        let mut w = ArchiveWriter::new(Vec::new());
        w.add_bytes("a", b"abc").unwrap();
        assert!(w.has("a"));
        assert!(w.add_reader("short", 10, &b"abc"[..]).is_err());
        let mut w = ArchiveWriter::new(Vec::new());
        assert!(w.add_reader("long", 2, &b"abc"[..]).is_err());
    }
}
