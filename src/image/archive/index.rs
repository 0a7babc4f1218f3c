//! A table of contents of an image archive that was spooled to a file, so
//! that its members can be read in any order (a docker-archive's
//! manifest.json may come after the layers it names).
//!
//! Member names are hostile input: absolute names and `..` are refused when
//! the archive is indexed, and links are resolved only inside the archive.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::FileExt;

use anyhow::{bail, Context, Result};
use serde::de::DeserializeOwned;

/// JSON members (manifests, configs, indexes) larger than this are refused
/// rather than read into memory.
const MAX_JSON: u64 = 16 * 1024 * 1024;
/// Links followed before a member is declared a loop.
const MAX_LINKS: usize = 16;

#[derive(Clone, Debug)]
enum Member {
    File { offset: u64, size: u64 },
    /// A symbolic or hard link, already resolved to an archive path.
    Link(String),
}

/// Where each regular file of a tar archive lies in the spooled file.
pub struct ArchiveIndex {
    file: File,
    members: HashMap<String, Member>,
}

impl ArchiveIndex {
    /// Reads every header of the uncompressed tar archive in `file`.
    pub fn build(file: File) -> Result<ArchiveIndex> {
        let len = file.metadata().context("stat the spooled archive")?.len();
        let mut members = HashMap::new();
        let mut archive = tar::Archive::new(&file);
        let entries = archive.entries().context("the archive is not a tar file")?;
        for entry in entries {
            let entry = entry.context("the archive is truncated or corrupt")?;
            let name = normalize(&String::from_utf8_lossy(&entry.path_bytes()))?;
            let header = entry.header();
            let member = match header.entry_type() {
                tar::EntryType::Regular | tar::EntryType::Continuous => {
                    let (offset, size) = (entry.raw_file_position(), entry.size());
                    if offset.saturating_add(size) > len {
                        bail!("the archive is truncated: member {name} needs {size} bytes, only {} remain", len.saturating_sub(offset));
                    }
                    Member::File { offset, size }
                }
                tar::EntryType::Symlink | tar::EntryType::Link => {
                    let target = entry.link_name_bytes().map(|b| String::from_utf8_lossy(&b).into_owned());
                    let target = target.with_context(|| format!("link {name} in the archive has no target"))?;
                    let resolved = if header.entry_type() == tar::EntryType::Link {
                        normalize(&target)?
                    } else {
                        resolve_symlink(&name, &target)?
                    };
                    Member::Link(resolved)
                }
                _ => continue,
            };
            members.insert(name, member);
        }
        Ok(ArchiveIndex { file, members })
    }

    pub fn contains(&self, name: &str) -> bool {
        normalize(name).is_ok_and(|n| self.locate(&n).is_ok())
    }

    /// The size of member `name`.
    pub fn size(&self, name: &str) -> Result<u64> {
        Ok(self.locate(&normalize(name)?)?.1)
    }

    /// A reader over the content of member `name`.
    pub fn open(&self, name: &str) -> Result<MemberReader<'_>> {
        let (offset, size) = self.locate(&normalize(name)?)?;
        Ok(MemberReader { file: &self.file, pos: offset, end: offset + size })
    }

    /// Reads a small member whole.
    pub fn read(&self, name: &str) -> Result<Vec<u8>> {
        let size = self.size(name)?;
        if size > MAX_JSON {
            bail!("member {name} of the archive is {size} bytes, too large for metadata");
        }
        let mut bytes = Vec::with_capacity(size as usize);
        self.open(name)?.read_to_end(&mut bytes).with_context(|| format!("read {name} from the archive"))?;
        Ok(bytes)
    }

    /// Reads and parses a JSON member.
    pub fn read_json<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        let bytes = self.read(name)?;
        serde_json::from_slice(&bytes).with_context(|| format!("{name} in the archive is not valid"))
    }

    fn locate(&self, name: &str) -> Result<(u64, u64)> {
        let mut current = name.to_string();
        for _ in 0..MAX_LINKS {
            match self.members.get(&current) {
                Some(Member::File { offset, size }) => return Ok((*offset, *size)),
                Some(Member::Link(target)) => current = target.clone(),
                None => bail!("the archive has no {name}: it is incomplete or not an image archive"),
            }
        }
        bail!("{name} in the archive is a loop of links")
    }
}

/// Reads one member's bytes with positioned reads, so that several readers
/// of one archive never disturb each other.
pub struct MemberReader<'a> {
    file: &'a File,
    pos: u64,
    end: u64,
}

impl Read for MemberReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.end - self.pos;
        if left == 0 {
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        if n == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the archive ends inside a member"));
        }
        self.pos += n as u64;
        Ok(n)
    }
}

/// `./a//b/` -> `a/b`; refuses absolute names and `..`.
pub fn normalize(name: &str) -> Result<String> {
    if name.starts_with('/') {
        bail!("the archive holds an absolute name {name:?}: refusing a hostile archive");
    }
    let mut parts = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => bail!("the archive holds a name with '..' ({name:?}): refusing a hostile archive"),
            p => parts.push(p),
        }
    }
    Ok(parts.join("/"))
}

/// The archive path a symlink at `link` pointing to `target` names; a target
/// that leaves the archive is refused.
fn resolve_symlink(link: &str, target: &str) -> Result<String> {
    if target.starts_with('/') {
        bail!("symlink {link} in the archive points to the absolute path {target:?}: refusing a hostile archive");
    }
    let mut parts: Vec<&str> = link.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    bail!("symlink {link} in the archive points outside it ({target:?}): refusing a hostile archive");
                }
            }
            p => parts.push(p),
        }
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Seek, Write};

    fn archive(build: impl FnOnce(&mut tar::Builder<&mut File>)) -> File {
        let mut file = tempfile::tempfile().unwrap();
        {
            let mut b = tar::Builder::new(&mut file);
            build(&mut b);
            b.finish().unwrap();
        }
        file.flush().unwrap();
        file.rewind().unwrap();
        file
    }

    fn add(b: &mut tar::Builder<&mut File>, name: &str, data: &[u8]) {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, data).unwrap();
    }

    #[test]
    fn reads_members_and_follows_links_inside() {
        let file = archive(|b| {
            add(b, "./a/layer.tar", b"layer");
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(tar::EntryType::Symlink);
            h.set_size(0);
            h.set_cksum();
            b.append_link(&mut h, "b/layer.tar", "../a/layer.tar").unwrap();
        });
        let index = ArchiveIndex::build(file).unwrap();
        assert_eq!(index.read("a/layer.tar").unwrap(), b"layer");
        assert_eq!(index.read("b/layer.tar").unwrap(), b"layer");
        assert!(!index.contains("manifest.json"));
        let err = index.read("manifest.json").unwrap_err().to_string();
        assert!(err.contains("has no manifest.json"), "{err}");
    }

    #[test]
    fn refuses_hostile_names() {
        assert!(normalize("../x").is_err());
        assert!(normalize("a/../../x").is_err());
        assert!(normalize("/etc/passwd").is_err());
        assert_eq!(normalize("./a//b/").unwrap(), "a/b");
        assert!(resolve_symlink("a/l", "../../x").is_err());
        assert!(resolve_symlink("a/l", "/x").is_err());
        assert_eq!(resolve_symlink("a/l", "../b/c").unwrap(), "b/c");
    }

    #[test]
    fn a_cut_archive_is_reported_truncated() {
        let file = archive(|b| add(b, "big", &vec![7u8; 4096]));
        file.set_len(512 + 1024).unwrap();
        let err = match ArchiveIndex::build(file) {
            Ok(_) => panic!("a cut archive was accepted"),
            Err(e) => format!("{e:#}"),
        };
        assert!(err.contains("truncated"), "{err}");
    }
}
