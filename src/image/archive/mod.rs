//! Image archives as `docker save` / `podman save` write them: the
//! docker-archive (manifest.json + config + uncompressed layer tars) and the
//! oci-archive (an OCI image layout in a tarball). This module knows the
//! formats; reading the store and recording images is the engine's job.
//!
//! Archives are hostile input: entry names are checked before anything is
//! looked up by them (see [`index`]).

pub mod docker_archive;
pub mod index;
pub mod oci_archive;
pub mod writer;

use std::fmt;
use std::str::FromStr;

/// The archive formats `save` writes and `load` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArchiveFormat {
    DockerArchive,
    OciArchive,
}

impl FromStr for ArchiveFormat {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> anyhow::Result<ArchiveFormat> {
        match s {
            "docker-archive" | "docker" => Ok(ArchiveFormat::DockerArchive),
            "oci-archive" | "oci" => Ok(ArchiveFormat::OciArchive),
            other => anyhow::bail!("unsupported archive format {other:?}: use docker-archive or oci-archive"),
        }
    }
}

impl fmt::Display for ArchiveFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ArchiveFormat::DockerArchive => "docker-archive",
            ArchiveFormat::OciArchive => "oci-archive",
        })
    }
}

/// Which format an archive is, from the files it holds. Docker 25 and later
/// write both manifest.json and an OCI layout; manifest.json is preferred
/// because its RepoTags carry the names Docker users expect.
pub fn detect(index: &index::ArchiveIndex) -> anyhow::Result<ArchiveFormat> {
    if index.contains(docker_archive::MANIFEST_FILE) {
        Ok(ArchiveFormat::DockerArchive)
    } else if index.contains(oci_archive::INDEX_FILE) {
        Ok(ArchiveFormat::OciArchive)
    } else {
        anyhow::bail!(
            "not an image archive: it has neither {} (docker-archive) nor {} (oci-archive)",
            docker_archive::MANIFEST_FILE,
            oci_archive::INDEX_FILE
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_format_names() {
        assert_eq!("docker-archive".parse::<ArchiveFormat>().unwrap(), ArchiveFormat::DockerArchive);
        assert_eq!("oci-archive".parse::<ArchiveFormat>().unwrap(), ArchiveFormat::OciArchive);
        let err = "zip".parse::<ArchiveFormat>().unwrap_err().to_string();
        assert!(err.contains("docker-archive or oci-archive"), "{err}");
    }
}
