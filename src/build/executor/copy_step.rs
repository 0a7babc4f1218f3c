//! COPY and ADD: what a step copies (its plan, whose description is the
//! step's cache key) and doing it (passes of tar streams into the image's
//! root, see sources.rs and extract.rs), giving the step's layer.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use sha2::{Digest as _, Sha256};

use super::extract::{extract_into, Owner, Placement};
use super::sources::{archive_kind, write_context, write_files, write_from_root, expand_in_root, ArchiveKind, ContextFile};
use super::workdir::{spawn_in_layers, StepDirs};
use crate::build::context::Context;
use crate::store::layer_writer::{layer_from_upper, NewLayer};
use crate::store::Store;

/// Where one pass's stream comes from.
pub enum PassSource {
    /// Written by this process.
    Here(Local),
    /// Paths (patterns) in another stage or image, mounted from its layers.
    Image { lowers: Vec<PathBuf>, patterns: Vec<String>, parents: bool },
}

pub enum Local {
    Context(Vec<ContextFile>),
    /// `(name, content, mode, mtime)`: heredocs and downloads.
    Files(Vec<(String, Vec<u8>, u32, i64)>),
    /// A local archive ADD unpacks.
    Archive(PathBuf),
}

pub struct Pass {
    pub source: PassSource,
    pub place: Placement,
}

/// A COPY or ADD ready to run: its passes and what identifies it.
pub struct CopyPlan {
    pub passes: Vec<Pass>,
    /// The instruction with its sources' content digest: the cache key's part.
    pub description: String,
}

/// What the instruction said, expanded.
pub struct CopyArgs<'a> {
    pub keyword: &'a str,
    pub sources: Vec<String>,
    /// Heredoc files: `(name, content)`.
    pub heredocs: Vec<(String, String)>,
    /// Absolute (WORKDIR applied), with a trailing slash if it had one.
    pub dest: String,
    pub chown: Option<String>,
    pub chmod: Option<u32>,
    pub parents: bool,
    pub excludes: Vec<String>,
    /// `--from` resolved to an image: its Id and layers (top first).
    pub from: Option<(String, Vec<PathBuf>)>,
    /// ADD: unpack archives, fetch URLs; `--checksum` of a URL.
    pub is_add: bool,
    pub checksum: Option<String>,
}

fn base_name(p: &str) -> String {
    p.trim_end_matches('/').rsplit('/').next().unwrap_or(p).to_string()
}

/// Parses `--chmod` (octal, as Docker takes it).
pub fn parse_chmod(s: &str) -> Result<u32> {
    u32::from_str_radix(s, 8).ok().filter(|m| *m <= 0o7777).with_context(|| format!("invalid --chmod={s}: give octal permission bits such as 755"))
}

pub fn plan(args: CopyArgs<'_>, context: &Context) -> Result<CopyPlan> {
    let dest_is_dir = args.dest.ends_with('/');
    let dest = PathBuf::from(&args.dest);
    let owner = Owner::Chown(args.chown.clone());
    let place = |single_file: bool| Placement { dest: dest.clone(), single_file, owner: owner.clone(), chmod: args.chmod };
    let mut hasher = Sha256::new();
    let mut passes = Vec::new();
    let many = args.sources.len() + args.heredocs.len() > 1;
    if let Some((image, lowers)) = &args.from {
        hasher.update(format!("from {image}\n"));
        for s in &args.sources {
            hasher.update(format!("{s}\n"));
        }
        // The source's own root decides whether it found one file (see
        // copy_between_roots); a wildcard matching one file renames it, as
        // it does from the context.
        let single = !many && !dest_is_dir;
        passes.push(Pass { source: PassSource::Image { lowers: lowers.clone(), patterns: args.sources.clone(), parents: args.parents }, place: place(single) });
    } else {
        let mut files = Vec::new();
        let mut fetched = Vec::new();
        // Only a file named as the one source can become the destination
        // itself; a directory source (even of one file) copies into it.
        let mut only_files = true;
        // A directory source makes the destination even when it is empty.
        let mut copies_a_dir = false;
        for source in &args.sources {
            if args.is_add && (source.starts_with("git@") || (source.contains("://") && source.ends_with(".git"))) {
                bail!("a git repository ({source}) cannot be added: clone it into the build context and COPY it");
            }
            if args.is_add && (source.starts_with("http://") || source.starts_with("https://")) {
                let (name, content, mtime) = download(source, args.checksum.as_deref())?;
                hasher.update(format!("url {source} {}\n", hex::encode(Sha256::digest(&content))));
                fetched.push((name, content, 0o600, mtime));
                continue;
            }
            let items = context.resolve(source)?;
            let named_files = names_only_files(context, source, &items);
            only_files &= named_files;
            copies_a_dir |= !named_files;
            let excluded = |rel: &str| args.excludes.iter().any(|p| crate::build::ignore::Glob::compile(p, crate::build::ignore::DoubleStar::Plain).is_ok_and(|g| g.matches(rel)));
            let mut kept: Vec<_> = items.iter().filter(|i| !excluded(&i.entry.path)).copied().collect();
            if args.is_add && named_files {
                // ADD unpacks each archive it is given by name (or by a
                // wildcard), never one found inside a directory it copies.
                let mut plain = Vec::new();
                for item in kept {
                    let path = context.root.join(&item.entry.path);
                    match archive_kind(&path) {
                        ArchiveKind::Unpacked => {
                            hasher.update(format!("archive {}\n", context.digest_of(std::slice::from_ref(&item))));
                            // The archive's own ids, unless --chown says otherwise
                            // (as BuildKit does since v0.23).
                            let owner = if args.chown.is_some() { owner.clone() } else { Owner::Keep };
                            passes.push(Pass { source: PassSource::Here(Local::Archive(path)), place: Placement { owner, ..place(false) } });
                        }
                        ArchiveKind::Unsupported(format) => bail!("{source} is a {format} archive, which cannot be unpacked yet: unpack it in the context, or ADD a .tar.gz"),
                        ArchiveKind::Plain => plain.push(item),
                    }
                }
                kept = plain;
            }
            hasher.update(format!("{source} {}\n", context.digest_of(&kept)));
            for item in &kept {
                let rel = if args.parents { item.entry.path.clone() } else { item.dest_rel.to_string() };
                files.push(ContextFile::from_item(item, rel));
            }
        }
        let single = !many && !dest_is_dir && only_files && files.len() == 1;
        if !files.is_empty() || copies_a_dir {
            passes.push(Pass { source: PassSource::Here(Local::Context(files)), place: place(single) });
        }
        let mut made = fetched;
        for (name, content) in &args.heredocs {
            hasher.update(format!("heredoc {name} {}\n", hex::encode(Sha256::digest(content.as_bytes()))));
            made.push((name.clone(), content.clone().into_bytes(), 0o644, 0));
        }
        if !made.is_empty() {
            let single = !many && !dest_is_dir && made.len() == 1;
            passes.push(Pass { source: PassSource::Here(Local::Files(made)), place: place(single) });
        }
    }
    if many && !dest_is_dir {
        bail!("more than one source needs a destination directory ending with /: write {}/", args.dest);
    }
    let description = format!(
        "{} chown={} chmod={} parents={} dest={} sources={}",
        args.keyword,
        args.chown.as_deref().unwrap_or(""),
        args.chmod.map(|m| format!("{m:o}")).unwrap_or_default(),
        args.parents,
        args.dest,
        hex::encode(hasher.finalize())
    );
    Ok(CopyPlan { passes, description })
}

/// Whether `source` names only files (or links to files), each copied as
/// itself, rather than a directory whose contents are copied. The items
/// are what `Context::resolve` gave for it.
fn names_only_files(context: &Context, source: &str, items: &[crate::build::context::CopyItem<'_>]) -> bool {
    use crate::build::context::EntryKind;
    use crate::build::ignore::{clean, DoubleStar, Glob};
    let cleaned = clean(source);
    let cleaned = cleaned.trim_start_matches('/');
    if cleaned.is_empty() || cleaned == "." {
        return false;
    }
    let matched: Vec<_> = if cleaned.contains(['*', '?', '[', '\\']) {
        match Glob::compile(cleaned, DoubleStar::Plain) {
            Ok(glob) => context.entries().iter().filter(|e| glob.matches(&e.path)).collect(),
            Err(_) => return false,
        }
    } else {
        context.get(cleaned).into_iter().collect()
    };
    matched.iter().all(|m| match m.kind {
        EntryKind::Dir => false,
        // A link to a file gives one item named as the link; a link to a
        // directory gives the directory's contents.
        EntryKind::Symlink => matched.len() == 1 && items.len() == 1 && items[0].entry.kind != EntryKind::Dir && items[0].dest_rel == base_name(&m.path),
        _ => true,
    })
}

/// Fetches an ADD URL: its file name (the URL's last segment), content and
/// Last-Modified time.
fn download(url: &str, checksum: Option<&str>) -> Result<(String, Vec<u8>, i64)> {
    let response = ureq::get(url).call().map_err(|e| match e {
        ureq::Error::Status(code, _) => anyhow::anyhow!("{url}: the server answered HTTP {code}: check the URL"),
        ureq::Error::Transport(t) => {
            // The transport's own text repeats the URL; its cause says what failed.
            let why = std::error::Error::source(&t).map(|s| s.to_string()).or_else(|| t.message().map(str::to_string)).unwrap_or_else(|| t.kind().to_string());
            anyhow::anyhow!("{url}: cannot download it ({why}): check the URL and that the server is up")
        }
    })?;
    let mtime = response.header("Last-Modified").and_then(|t| chrono::DateTime::parse_from_rfc2822(t).ok()).map_or(0, |t| t.timestamp());
    let mut content = Vec::new();
    response.into_reader().read_to_end(&mut content).with_context(|| format!("{url}: read the download"))?;
    if let Some(want) = checksum {
        let got = format!("sha256:{}", hex::encode(Sha256::digest(&content)));
        if got != want {
            bail!("{url}: the download's checksum is {got}, not the --checksum={want} given: fix the checksum or the URL");
        }
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path.rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or("download").to_string();
    Ok((name, content, mtime))
}

/// Runs the passes over the image's layers; the step's layer, if it changed anything.
pub fn execute(store: &Store, plan: CopyPlan, lowers: &[PathBuf], context_root: &Path) -> Result<Option<NewLayer>> {
    let dirs = StepDirs::new(store)?;
    for pass in plan.passes {
        run_pass(store, pass, lowers, &dirs, context_root)?;
    }
    layer_from_upper(store, &dirs.upper, &BTreeSet::new())
}

fn run_pass(store: &Store, pass: Pass, lowers: &[PathBuf], dirs: &StepDirs, context_root: &Path) -> Result<()> {
    match pass.source {
        PassSource::Here(local) => send_from_here(store, local, pass.place, lowers, dirs, context_root),
        PassSource::Image { lowers: from_lowers, patterns, parents } => copy_between_roots(store, &from_lowers, patterns, parents, pass.place, lowers, dirs),
    }
}

fn send_from_here(store: &Store, local: Local, place: Placement, lowers: &[PathBuf], dirs: &StepDirs, context_root: &Path) -> Result<()> {
    let (r, w) = nix::unistd::pipe().context("create a pipe")?;
    let raw_w = w.as_raw_fd();
    // The writing end stays with us: the receiving child closes its copy,
    // or it would never see the end of the stream.
    let worker = spawn_in_layers(store, "the COPY destination", lowers, dirs, true, move || {
        let _ = nix::unistd::close(raw_w);
        extract_into(File::from(r), &place).map(|_| ())
    })?;
    // SAFETY: ignoring SIGPIPE is always sound: a receiver that fails early
    // makes our writes fail with EPIPE, and its own error is what is shown.
    let _ = unsafe { nix::sys::signal::signal(nix::sys::signal::Signal::SIGPIPE, nix::sys::signal::SigHandler::SigIgn) };
    let mut out = File::from(w);
    let sent = match &local {
        Local::Context(files) => write_context(out, context_root, files),
        Local::Files(files) => write_files(out, files),
        Local::Archive(path) => File::open(path)
            .with_context(|| format!("open {}", path.display()))
            .and_then(crate::store::unpack::decompress)
            .and_then(|mut tar| std::io::copy(&mut tar, &mut out).map(|_| ()).with_context(|| format!("unpack {}", path.display()))),
    };
    // The receiver's error explains a failed send better than EPIPE does.
    worker.wait()?;
    sent
}

/// COPY --from: the source's files are read by a child in a root of their
/// own, so that its links resolve inside it; its first byte says whether
/// the stream is one file.
fn copy_between_roots(store: &Store, from_lowers: &[PathBuf], patterns: Vec<String>, parents: bool, mut place: Placement, lowers: &[PathBuf], dirs: &StepDirs) -> Result<()> {
    let (r, w) = nix::unistd::pipe().context("create a pipe")?;
    let src_dirs = StepDirs::new(store)?;
    let source = spawn_in_layers(store, "the COPY --from source", from_lowers, &src_dirs, false, move || {
        let mut out = File::from(w);
        let mut found = Vec::new();
        for p in &patterns {
            found.extend(expand_in_root(p)?);
        }
        let one_file = found.len() == 1 && !std::fs::metadata(&found[0]).is_ok_and(|m| m.is_dir());
        out.write_all(if one_file { b"f" } else { b"d" }).context("write to the pipe")?;
        write_from_root(out, &found, parents)
    })?;
    let receiver = spawn_in_layers(store, "the COPY destination", lowers, dirs, true, move || {
        let mut input = File::from(r);
        let mut kind = [0u8; 1];
        if input.read(&mut kind).context("read the files to copy")? == 0 {
            // The source failed before sending anything: its error is the one to show.
            return Ok(());
        }
        place.single_file = place.single_file && kind[0] == b'f';
        extract_into(input, &place).map(|_| ())
    })?;
    let sent = source.wait();
    receiver.wait()?;
    sent
}
