//! `build` (also `image build`, `buildx build`, `builder build`) and
//! `builder prune`: flags into a BuildRequest, the context and the
//! Dockerfile found or unpacked, the result's id printed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};

use super::Ctx;
use crate::build::{BuildRequest, Isolation};
use crate::engine::container::PullPolicy;
use crate::image::manifest::Platform;
use crate::image::reference::Reference;
use crate::spec::network::NetworkMode;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The build context: a directory, a tarball, or - (a tarball or a Dockerfile on stdin)
    #[arg(value_name = "CONTEXT", default_value = ".")]
    pub context: String,
    /// Name the image (repeatable): NAME[:TAG]
    #[arg(short = 't', long = "tag", value_name = "NAME")]
    pub tags: Vec<String>,
    /// The Dockerfile (default CONTEXT/Containerfile, else CONTEXT/Dockerfile); - for stdin
    #[arg(short = 'f', long = "file", value_name = "PATH")]
    pub file: Option<String>,
    /// A build arg: KEY=VALUE, or KEY to take it from the environment (repeatable)
    #[arg(long = "build-arg", value_name = "KEY[=VALUE]")]
    pub build_args: Vec<String>,
    /// Read build args from a file of KEY=VALUE (or KEY) lines; --build-arg wins (repeatable)
    #[arg(long = "build-arg-file", value_name = "FILE")]
    pub build_arg_files: Vec<PathBuf>,
    /// Build this stage and what it needs, not the last one
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// Set a label on the image (repeatable): KEY=VALUE
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the image id to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Do not use the build cache
    #[arg(long)]
    pub no_cache: bool,
    /// Pull base images: always (the default of a bare --pull), missing, never, newer
    #[arg(long, value_name = "POLICY", num_args = 0..=1, require_equals = true, default_missing_value = "always", default_value = "missing")]
    pub pull: String,
    #[command(flatten)]
    pub tls: super::tls_verify::TlsVerifyArgs,
    /// The image's platform: only this host's (linux/amd64 here) can be built
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR (repeatable)
    #[arg(long = "secret", value_name = "id=ID,src=PATH")]
    pub secrets: Vec<String>,
    /// The network of RUN steps: bridge, none, host, pasta, slirp4netns, or a network's name
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// Keep an image per step, the build cache (Podman's --layers; false: no cache)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", default_value = "true")]
    pub layers: bool,
    /// Squash the layers this build adds into one
    #[arg(long)]
    pub squash: bool,
    /// How RUN steps are isolated: oci (a container) or chroot (no namespaces)
    #[arg(long, value_name = "TYPE")]
    pub isolation: Option<String>,
    /// Remove intermediate containers (always done; accepted for Docker's scripts)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", default_value = "true", hide = true)]
    pub rm: bool,
    /// Accepted for Docker's scripts: intermediate containers are always removed
    #[arg(long, hide = true)]
    pub force_rm: bool,
    /// Image format, Podman's flag: oci or docker (both keep every config field, HEALTHCHECK included; push --format v2s2 sends Docker's manifest)
    #[arg(long, value_name = "FORMAT", value_parser = ["oci", "docker"])]
    pub format: Option<String>,
    /// Progress output (auto, plain, tty): accepted, the output is always plain
    #[arg(long, value_name = "TYPE", hide = true)]
    pub progress: Option<String>,
    #[command(flatten)]
    pub accepted: super::build_accepted::BuildAccepted,
}

// One value per process, parsed once: boxing the big variant would save
// nothing and would make `build`'s and `builder build`'s arms differ.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum BuilderCommand {
    /// Build an image from a Dockerfile
    Build(BuildArgs),
    /// Remove the build cache
    Prune(PruneArgs),
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Remove all of the cache (the cache is always removed whole)
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub accepted: super::image_accepted::BuilderPruneAccepted,
}

/// A context that was unpacked into a directory of ours, removed after.
struct Unpacked {
    _dir: tempfile::TempDir,
}

pub fn build(ctx: &Ctx, args: BuildArgs) -> Result<()> {
    args.accepted.check()?;
    let mut request_parts = parse_flags(&args)?;
    // Secrets given by environment variable live in files of ours until the build ends.
    let (secrets, _secret_files) = parse_secrets(&args.secrets)?;
    request_parts.secrets = secrets;
    let (context_dir, _unpacked, stdin_dockerfile) = open_context(&args.context)?;
    // Stdin can hold a Dockerfile alone (then -f - says the same), but not
    // a tarball and a Dockerfile both.
    if args.context == "-" && args.file.as_deref() == Some("-") && stdin_dockerfile.is_none() {
        bail!("-f - and a tarball context on stdin cannot both be read from stdin: put the Dockerfile in the tarball and name it with -f PATH");
    }
    let (dockerfile, dockerfile_name, dockerfile_path) = read_dockerfile(args.file.as_deref(), &context_dir, stdin_dockerfile)?;
    let store = ctx.store()?;
    let _lock = store.lock_shared()?;
    let request = BuildRequest { context_dir, dockerfile, dockerfile_name, dockerfile_path, ..request_parts };
    let image = crate::build::build(&store, &request)?;
    crate::engine::events::emit(&store, crate::engine::events::Event::image("build", &image.id.to_string(), &image.names.first().map(|n| crate::engine::images::familiar_tag(n)).unwrap_or_default()));
    if let Some(file) = &args.iidfile {
        // As Docker and Podman write it: the digest, no newline.
        std::fs::write(file, image.id.to_string()).with_context(|| format!("write --iidfile {}", file.display()))?;
    }
    println!("{}", image.id.hex());
    Ok(())
}

/// Everything but the context and the Dockerfile, checked before any work.
fn parse_flags(args: &BuildArgs) -> Result<BuildRequest> {
    let mut tags = Vec::new();
    for t in &args.tags {
        tags.push(Reference::parse_new_name(t, "a built image")?);
    }
    let mut build_args = BTreeMap::new();
    // The files' lines first, so that --build-arg overrides them.
    let mut given = Vec::new();
    for file in &args.build_arg_files {
        let text = std::fs::read_to_string(file).with_context(|| format!("read --build-arg-file {}", file.display()))?;
        given.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string));
    }
    given.extend(args.build_args.iter().cloned());
    for a in &given {
        match a.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                build_args.insert(k.to_string(), v.to_string());
            }
            Some(_) => bail!("invalid --build-arg {a:?}: use KEY=VALUE or KEY"),
            None => {
                if let Ok(v) = std::env::var(a) {
                    build_args.insert(a.clone(), v);
                }
            }
        }
    }
    let mut labels = BTreeMap::new();
    for l in &args.labels {
        let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
        if k.is_empty() {
            bail!("invalid --label {l:?}: use KEY=VALUE");
        }
        labels.insert(k.to_string(), v.to_string());
    }
    let pull = match args.pull.as_str() {
        "true" => PullPolicy::Always,
        "false" => PullPolicy::Missing,
        other => PullPolicy::parse(other)?,
    };
    let host = Platform::host();
    let platform = match &args.platform {
        Some(p) => {
            let parsed = Platform::parse(p)?;
            format!("{}/{}", parsed.os, parsed.architecture)
        }
        None => format!("{}/{}", host.os, host.architecture),
    };
    let network = match &args.network {
        Some(n) => NetworkMode::parse(n)?,
        None => match crate::engine::containers_conf::default_netns()? {
            Some(default) => NetworkMode::parse(&default).with_context(|| format!("containers.conf: netns = {default:?}"))?,
            None => NetworkMode::Default,
        },
    };
    let isolation = match &args.isolation {
        Some(i) => Isolation::parse(i)?,
        None => Isolation::Oci,
    };
    Ok(BuildRequest {
        context_dir: PathBuf::new(),
        dockerfile: String::new(),
        dockerfile_name: String::new(),
        dockerfile_path: None,
        tags,
        build_args,
        target: args.target.clone(),
        labels,
        quiet: args.quiet,
        no_cache: args.no_cache,
        pull,
        tls_verify: args.tls.policy(),
        secrets: BTreeMap::new(),
        network,
        layers: args.layers,
        squash: args.squash,
        isolation,
        platform,
    })
}

/// `--secret id=ID,src=PATH` (also `source=`), or `id=ID,env=VAR`, whose
/// value goes to a file of ours that lives as long as the process.
fn parse_secrets(values: &[String]) -> Result<(BTreeMap<String, PathBuf>, Vec<tempfile::TempPath>)> {
    let mut out = BTreeMap::new();
    let mut files = Vec::new();
    for v in values {
        let mut id = None;
        let mut src = None;
        let mut env = None;
        for part in v.split(',') {
            match part.split_once('=') {
                Some(("id", x)) => id = Some(x.to_string()),
                Some(("src" | "source", x)) => src = Some(PathBuf::from(x)),
                Some(("env", x)) => env = Some(x.to_string()),
                Some(("type", "file" | "env")) => {}
                _ => bail!("invalid --secret {v:?}: use id=ID,src=PATH or id=ID,env=VAR"),
            }
        }
        let id = id.with_context(|| format!("invalid --secret {v:?}: it needs id=ID"))?;
        let path = match (src, env) {
            (Some(p), _) => {
                if !p.is_file() {
                    bail!("--secret {id}: {} is not a file", p.display());
                }
                std::path::absolute(&p).with_context(|| format!("--secret {id}: resolve {}", p.display()))?
            }
            (None, var) => {
                let var = var.unwrap_or_else(|| id.clone());
                let value = std::env::var(&var).with_context(|| format!("--secret {id}: the environment variable {var} is not set"))?;
                let file = tempfile::NamedTempFile::new().context("create a file for the secret")?;
                std::fs::write(file.path(), value).context("write the secret")?;
                let temp = file.into_temp_path();
                let path = temp.to_path_buf();
                files.push(temp);
                path
            }
        };
        out.insert(id, path);
    }
    Ok((out, files))
}

/// The context directory; a tarball (or stdin) is unpacked first. Stdin
/// that is not an archive is a Dockerfile, with an empty context.
fn open_context(context: &str) -> Result<(PathBuf, Option<Unpacked>, Option<String>)> {
    if context.starts_with("http://") || context.starts_with("https://") || context.starts_with("git@") || context.starts_with("git://") {
        bail!("a URL or git repository as build context is not supported: download or clone it, then give the directory or tarball");
    }
    if context == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("read the build context from stdin")?;
        let dir = tempfile::tempdir().context("create a directory for the context")?;
        if is_tar(&bytes) {
            unpack(&bytes[..], dir.path())?;
            return Ok((dir.path().to_path_buf(), Some(Unpacked { _dir: dir }), None));
        }
        let text = String::from_utf8(bytes).context("stdin is neither a tarball nor a UTF-8 Dockerfile")?;
        return Ok((dir.path().to_path_buf(), Some(Unpacked { _dir: dir }), Some(text)));
    }
    let path = Path::new(context);
    let md = std::fs::metadata(path).with_context(|| format!("build context {context}: no such file or directory"))?;
    if md.is_dir() {
        return Ok((std::path::absolute(path).with_context(|| format!("resolve {context}"))?, None, None));
    }
    let bytes = std::fs::read(path).with_context(|| format!("read the build context {context}"))?;
    if !is_tar(&bytes) {
        bail!("build context {context} is neither a directory nor a tarball");
    }
    let dir = tempfile::tempdir().context("create a directory for the context")?;
    unpack(&bytes[..], dir.path())?;
    Ok((dir.path().to_path_buf(), Some(Unpacked { _dir: dir }), None))
}

fn is_tar(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b]) || bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) || (bytes.len() >= 262 && &bytes[257..262] == b"ustar")
}

/// Unpacks a context tarball; the tar crate keeps every entry inside `dir`
/// (no `..`, no writing through links).
fn unpack(bytes: &[u8], dir: &Path) -> Result<()> {
    let mut archive = tar::Archive::new(crate::store::unpack::decompress(bytes)?);
    archive.set_preserve_ownerships(false);
    archive.unpack(dir).context("unpack the build context tarball")
}

/// The Dockerfile's text, how messages name it, and its path on disk.
fn read_dockerfile(file: Option<&str>, context: &Path, from_stdin: Option<String>) -> Result<(String, String, Option<PathBuf>)> {
    if let Some(text) = from_stdin {
        if file.is_some_and(|f| f != "-") {
            bail!("stdin holds a Dockerfile, so -f cannot name another: give a tarball on stdin or drop -f");
        }
        return Ok((text, "Dockerfile".into(), None));
    }
    let path = match file {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("read the Dockerfile from stdin")?;
            return Ok((text, "Dockerfile".into(), None));
        }
        Some(f) => {
            let given = PathBuf::from(f);
            if given.exists() || given.is_absolute() {
                given
            } else {
                context.join(f)
            }
        }
        None => ["Containerfile", "Dockerfile"].iter().map(|n| context.join(n)).find(|p| p.exists()).with_context(|| {
            format!("no Containerfile or Dockerfile in {}: add one or name it with -f", context.display())
        })?,
    };
    let text = std::fs::read_to_string(&path).with_context(|| format!("read {}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "Dockerfile".into());
    Ok((text, name, Some(path)))
}

pub fn prune(ctx: &Ctx, args: PruneArgs) -> Result<()> {
    args.accepted.check()?;
    let _ = (args.force, args.all);
    let store = ctx.store()?;
    let (images, bytes) = crate::build::prune(&store)?;
    println!("Deleted {images} build cache images");
    println!("Total reclaimed space: {}", crate::format::units::human_size(bytes));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cmd {
        #[command(flatten)]
        build: BuildArgs,
    }

    fn parse(args: &[&str]) -> BuildArgs {
        Cmd::try_parse_from(std::iter::once("build").chain(args.iter().copied())).expect("flags parse").build
    }

    #[test]
    fn flags_with_optional_values_never_swallow_the_context() {
        let a = parse(&["--pull", "ctx"]);
        assert_eq!((a.pull.as_str(), a.context.as_str()), ("always", "ctx"));
        let a = parse(&["--layers", "ctx"]);
        assert!(a.layers);
        assert_eq!(a.context, "ctx");
        let a = parse(&["--pull=never", "--layers=false"]);
        assert_eq!((a.pull.as_str(), a.layers, a.context.as_str()), ("never", false, "."));
        let a = parse(&["-t", "a", "-t", "b:2", "--build-arg", "X=1", "--label", "k=v", "-f", "-", "-q", "dir"]);
        assert_eq!(a.tags, ["a", "b:2"]);
        assert_eq!(a.file.as_deref(), Some("-"));
        assert!(a.quiet);
        let req = parse_flags(&a).expect("valid flags");
        assert_eq!(req.tags, ["docker.io/library/a:latest", "docker.io/library/b:2"]);
        assert_eq!(req.build_args["X"], "1");
        assert_eq!(req.labels["k"], "v");
    }

    #[test]
    fn bad_flags_are_refused_before_any_work() {
        for bad in [&["--build-arg", "=x"][..], &["--label", "=v"], &["-t", "UPPER"], &["--isolation", "vm"], &["--pull=sometimes"]] {
            assert!(parse_flags(&parse(bad)).is_err(), "{bad:?}");
        }
        let err = parse_secrets(&["id=x,src=/no/such/file".to_string()]).unwrap_err();
        assert!(err.to_string().contains("not a file"), "{err}");
    }
}
