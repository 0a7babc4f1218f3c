//! What `pontoon build` was asked for, checked by the command line and
//! carried to the executor: plain data, no I/O.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::engine::container::PullPolicy;
use crate::spec::network::NetworkMode;

/// How RUN steps are isolated (Buildah's `--isolation` names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isolation {
    /// A container of the built-in runtime, with its own namespaces.
    Oci,
    /// `chroot`: no new namespaces; for CI runners that may not make them.
    Chroot,
}

impl Isolation {
    pub fn parse(s: &str) -> anyhow::Result<Isolation> {
        match s {
            "oci" | "default" | "process" => Ok(Isolation::Oci),
            "chroot" => Ok(Isolation::Chroot),
            "rootless" => Ok(Isolation::Oci),
            other => anyhow::bail!("invalid --isolation {other:?}: use oci or chroot"),
        }
    }
}

pub struct BuildRequest {
    /// The build context, a directory (a tarball or stdin was unpacked here).
    pub context_dir: PathBuf,
    /// The Dockerfile's text and how messages name it.
    pub dockerfile: String,
    pub dockerfile_name: String,
    /// The Dockerfile on disk (None for `-f -`): `NAME.dockerignore` beside it applies.
    pub dockerfile_path: Option<PathBuf>,
    /// Normalised `registry/repo:tag` names for the result.
    pub tags: Vec<String>,
    /// `--build-arg KEY=VALUE` (a bare `KEY` was resolved from the environment).
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
    /// `--label`: set on the result, after the Dockerfile's own.
    pub labels: BTreeMap<String, String>,
    /// `-q`: only the image id on stdout.
    pub quiet: bool,
    pub no_cache: bool,
    pub pull: PullPolicy,
    /// `--tls-verify` for the base images pulled.
    pub tls_verify: crate::image::registries::TlsVerify,
    /// `--secret id=ID,src=PATH`.
    pub secrets: BTreeMap<String, PathBuf>,
    /// `--network`: what RUN steps get unless they say `--network=`.
    pub network: NetworkMode,
    /// `--layers=false`: no cache, and the result's new layers squashed.
    pub layers: bool,
    /// `--squash`: the layers this build adds become one.
    pub squash: bool,
    pub isolation: Isolation,
    /// `os/arch[/variant]` the image is built for (only the host's can run).
    pub platform: String,
}
