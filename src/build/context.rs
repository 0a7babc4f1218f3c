//! The build context: what a directory holds after `.dockerignore`, with a
//! content hash per file, the cache key of a COPY/ADD source set, and the
//! resolution of COPY sources (globs, directories, symlinks) against it.
//!
//! Docker sends `Dockerfile` and `.dockerignore` to the builder even when
//! `.dockerignore` lists them, but keeps them out of ADD, COPY and the cache
//! (the builder reads them itself). pontoon reads them straight from disk,
//! so the context here simply honours every rule: an ignored Dockerfile is
//! absent, exactly as COPY must see it.

#![allow(dead_code)] // wired into `pontoon build` in issue 10's next step

use std::collections::HashMap;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::ignore::{clean, DoubleStar, Glob, IgnoreRules};

/// Symlinks followed in a row before a COPY source is declared a loop
/// (Linux's own limit, ELOOP).
const MAX_SYMLINK_HOPS: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum ContextError {
    #[error("reading the build context at {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} in the build context has a name or link target that is not UTF-8: rename it or list it in .dockerignore", path.display())]
    NonUtf8Name { path: PathBuf },
    #[error("source {pattern:?} matches nothing in the build context: check the path, and that .dockerignore does not exclude it")]
    NoMatch { pattern: String },
    #[error("source {pattern:?} is outside the build context: move it into the context directory")]
    OutsideContext { pattern: String },
    #[error("source {pattern:?} is not a valid pattern ({reason}): fix the wildcard or escape it with \\")]
    BadPattern { pattern: String, reason: String },
    #[error("source {path:?} is a symlink to {target:?}, which is not in the build context: copy the target itself")]
    DanglingSymlink { path: String, target: String },
    #[error("source {path:?} is a symlink loop: fix the link")]
    SymlinkLoop { path: String },
}

/// What kind of file an entry is. Sockets are left out of a context, as
/// Docker's archiver does: a tar layer cannot carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    Symlink,
    Fifo,
    CharDevice,
    BlockDevice,
}

/// One file, directory or symlink of the context, as `lstat` saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Slash-separated, relative to the context root, cleaned (no `./`).
    pub path: String,
    pub kind: EntryKind,
    /// Permission bits with setuid, setgid and sticky (`mode & 0o7777`).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    /// Bytes of a regular file; 0 for the others.
    pub size: u64,
    /// Modification time, seconds and nanoseconds since the epoch.
    pub mtime: (i64, u32),
    /// The target of a symlink, verbatim: it is never followed by the walk.
    pub link_target: Option<String>,
    /// The device number of a character or block device.
    pub rdev: u64,
    /// `sha256:<hex>` of a regular file's content.
    pub sha256: Option<String>,
}

/// A scanned context: every included entry, sorted by path bytes so that a
/// directory's descendants are one contiguous run after it.
#[derive(Debug)]
pub struct Context {
    pub root: PathBuf,
    entries: Vec<Entry>,
    by_path: HashMap<String, usize>,
}

/// One entry that a COPY/ADD source puts into the image, and where: the
/// path relative to the destination directory (a file source keeps its
/// name, a directory source its contents, not itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyItem<'a> {
    pub entry: &'a Entry,
    pub dest_rel: &'a str,
}

/// Walks `dir` and hashes its regular files. Symlinks are recorded, never
/// followed, so nothing outside the context is read; an excluded directory
/// is skipped unless an exception may re-include something inside it, and
/// then it is listed only if something inside it is.
pub fn scan(dir: &Path, rules: &IgnoreRules) -> Result<Context, ContextError> {
    let mut entries = Vec::new();
    walk(dir, "", rules, &mut entries)?;
    entries.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    hash_files(dir, &mut entries)?;
    let by_path = entries
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.path.clone(), index))
        .collect();
    Ok(Context {
        root: dir.to_path_buf(),
        entries,
        by_path,
    })
}

/// Appends the included entries below `rel` (the directory `root/rel`).
fn walk(
    root: &Path,
    rel: &str,
    rules: &IgnoreRules,
    out: &mut Vec<Entry>,
) -> Result<(), ContextError> {
    let dir = root.join(rel);
    let io = |source| ContextError::Io {
        path: dir.clone(),
        source,
    };
    for dirent in std::fs::read_dir(&dir).map_err(io)? {
        let dirent = dirent.map_err(io)?;
        let full = dirent.path();
        let Some(name) = dirent.file_name().to_str().map(str::to_owned) else {
            let lossy = Path::new(rel).join(dirent.file_name());
            let lossy = lossy.to_string_lossy();
            if rules.excludes(&lossy) {
                continue;
            }
            return Err(ContextError::NonUtf8Name { path: full });
        };
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        // Like lstat: DirEntry::metadata never follows a symlink.
        let meta = dirent.metadata().map_err(|source| ContextError::Io {
            path: full.clone(),
            source,
        })?;
        let Some(entry) = entry_from(path, &full, &meta)? else {
            continue;
        };
        let excluded = rules.excludes(&entry.path);
        if entry.kind == EntryKind::Dir {
            if excluded && !rules.may_reinclude_below(&entry.path) {
                continue;
            }
            let mark = out.len();
            let path = entry.path.clone();
            out.push(entry);
            walk(root, &path, rules, out)?;
            if excluded && out.len() == mark + 1 {
                out.truncate(mark);
            }
        } else if !excluded {
            out.push(entry);
        }
    }
    Ok(())
}

fn entry_from(
    path: String,
    full: &Path,
    meta: &std::fs::Metadata,
) -> Result<Option<Entry>, ContextError> {
    let ft = meta.file_type();
    let kind = if ft.is_file() {
        EntryKind::File
    } else if ft.is_dir() {
        EntryKind::Dir
    } else if ft.is_symlink() {
        EntryKind::Symlink
    } else if ft.is_fifo() {
        EntryKind::Fifo
    } else if ft.is_char_device() {
        EntryKind::CharDevice
    } else if ft.is_block_device() {
        EntryKind::BlockDevice
    } else {
        return Ok(None);
    };
    let link_target = match kind {
        EntryKind::Symlink => Some(link_target(full)?),
        _ => None,
    };
    let size = if kind == EntryKind::File {
        meta.size()
    } else {
        0
    };
    Ok(Some(Entry {
        path,
        kind,
        mode: meta.mode() & 0o7777,
        uid: meta.uid(),
        gid: meta.gid(),
        size,
        mtime: (meta.mtime(), u32::try_from(meta.mtime_nsec()).unwrap_or(0)),
        link_target,
        rdev: meta.rdev(),
        sha256: None,
    }))
}

fn link_target(full: &Path) -> Result<String, ContextError> {
    let target = std::fs::read_link(full).map_err(|source| ContextError::Io {
        path: full.to_path_buf(),
        source,
    })?;
    let target = target.to_str().map(str::to_owned);
    target.ok_or_else(|| ContextError::NonUtf8Name {
        path: full.to_path_buf(),
    })
}

/// Hashes every regular file, a few threads at a time: a context of many
/// small files is bound by open/read latency, which threads overlap.
fn hash_files(root: &Path, entries: &mut [Entry]) -> Result<(), ContextError> {
    let files: Vec<usize> = (0..entries.len())
        .filter(|&i| entries[i].kind == EntryKind::File)
        .collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Hashed)>> = Mutex::new(Vec::new());
    let shared: &[Entry] = entries;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut buf = vec![0u8; 64 * 1024];
                let mut mine = Vec::new();
                loop {
                    let slot = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&index) = files.get(slot) else { break };
                    let full = root.join(&shared[index].path);
                    mine.push((index, hash_file(&full, &mut buf)));
                }
                // A poisoned lock only means another hasher panicked; its
                // results are lost but ours are still sound.
                let mut all = results
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                all.extend(mine);
            });
        }
    });
    let results = results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for (index, hashed) in results {
        let (digest, size) = hashed?;
        entries[index].sha256 = Some(digest);
        entries[index].size = size;
    }
    Ok(())
}

/// A file's `sha256:<hex>` digest and the number of bytes it covers.
type Hashed = Result<(String, u64), ContextError>;

/// Hashes one file and returns its digest and the bytes hashed, so that the
/// entry's size always describes the content its digest covers, even when
/// the file changed since `lstat`. `O_NOFOLLOW` keeps a file swapped for a
/// symlink since the walk from leading outside the context, and
/// `O_NONBLOCK` keeps one swapped for a FIFO from hanging the build.
fn hash_file(path: &Path, buf: &mut [u8]) -> Hashed {
    let io = |source| ContextError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::options()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        let changed = std::io::Error::other("it changed from a regular file during the build");
        return Err(io(changed));
    }
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    loop {
        let read = file.read(buf).map_err(io)?;
        if read == 0 {
            break;
        }
        hasher.update(&buf[..read]);
        size += read as u64;
    }
    Ok((format!("sha256:{}", hex::encode(hasher.finalize())), size))
}

impl Context {
    /// Every included entry, sorted by path.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at a cleaned context-relative path.
    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.by_path.get(path).map(|&index| &self.entries[index])
    }

    /// The entries strictly beneath the directory `dir` ("" is the root).
    fn descendants(&self, dir: &str) -> &[Entry] {
        if dir.is_empty() {
            return &self.entries;
        }
        let prefix = format!("{dir}/");
        let start = self
            .entries
            .partition_point(|e| e.path.as_bytes() < prefix.as_bytes());
        let len = self.entries[start..]
            .iter()
            .take_while(|e| e.path.starts_with(&prefix))
            .count();
        &self.entries[start..start + len]
    }

    /// What one COPY/ADD source puts into the image, with Docker's rules:
    /// the source is relative to the context (a leading `/` or `./` does
    /// not matter, `..` cannot leave it); wildcards follow Go's
    /// `filepath.Match`; a directory copies its contents, not itself; a
    /// symlink named as the source is followed (inside the context only),
    /// one found inside a copied directory is copied as a link; a source
    /// that matches nothing is an error naming it.
    pub fn resolve(&self, pattern: &str) -> Result<Vec<CopyItem<'_>>, ContextError> {
        let cleaned = clean(pattern);
        if cleaned == ".." || cleaned.starts_with("../") {
            return Err(ContextError::OutsideContext {
                pattern: pattern.to_string(),
            });
        }
        let cleaned = cleaned.trim_start_matches('/');
        if cleaned.is_empty() || cleaned == "." {
            return Ok(self.contents_of(""));
        }
        let matched: Vec<&Entry> = if cleaned.contains(['*', '?', '[', '\\']) {
            let glob = Glob::compile(cleaned, DoubleStar::Plain).map_err(|reason| {
                ContextError::BadPattern {
                    pattern: pattern.to_string(),
                    reason,
                }
            })?;
            self.entries
                .iter()
                .filter(|e| glob.matches(&e.path))
                .collect()
        } else {
            self.get(cleaned).into_iter().collect()
        };
        if matched.is_empty() {
            return Err(ContextError::NoMatch {
                pattern: pattern.to_string(),
            });
        }
        let mut items = Vec::new();
        for source in matched {
            match self.follow(source)? {
                None => items.extend(self.contents_of("")),
                Some(target) if target.kind == EntryKind::Dir => {
                    items.extend(self.contents_of(&target.path));
                }
                Some(target) => items.push(CopyItem {
                    entry: target,
                    dest_rel: base_name(&source.path),
                }),
            }
        }
        Ok(items)
    }

    /// The cache key of a COPY/ADD source set, `sha256:<hex>`. Docker's
    /// cache documentation: the checksum covers the files' content and
    /// metadata, and a change of modification time alone does not
    /// invalidate the step. So it hashes, in copy order, each item's path
    /// in the destination, type, permission bits, content digest, link
    /// target and device number, and leaves out mtime and ownership (COPY
    /// without `--chown` writes 0:0 whoever owns the source, and `--chown`
    /// is part of the instruction, which the cache compares anyway).
    pub fn digest_of(&self, items: &[CopyItem<'_>]) -> String {
        let mut hasher = Sha256::new();
        for item in items {
            let entry = item.entry;
            let kind = match entry.kind {
                EntryKind::File => 'f',
                EntryKind::Dir => 'd',
                EntryKind::Symlink => 'l',
                EntryKind::Fifo => 'p',
                EntryKind::CharDevice => 'c',
                EntryKind::BlockDevice => 'b',
            };
            let rdev = match entry.kind {
                EntryKind::CharDevice | EntryKind::BlockDevice => entry.rdev,
                _ => 0,
            };
            // NUL cannot occur in a path or a link target, so the fields
            // cannot run into each other.
            let record = format!(
                "{}\0{kind}\0{:o}\0{}\0{}\0{rdev}\n",
                item.dest_rel,
                entry.mode,
                entry.sha256.as_deref().unwrap_or(""),
                entry.link_target.as_deref().unwrap_or(""),
            );
            hasher.update(record.as_bytes());
        }
        format!("sha256:{}", hex::encode(hasher.finalize()))
    }

    /// The copy items of a directory's contents, relative to it.
    fn contents_of(&self, dir: &str) -> Vec<CopyItem<'_>> {
        let skip = if dir.is_empty() { 0 } else { dir.len() + 1 };
        self.descendants(dir)
            .iter()
            .map(|entry| CopyItem {
                entry,
                dest_rel: &entry.path[skip..],
            })
            .collect()
    }

    /// Follows a symlink source to what it names, scoped to the context as
    /// if it were `/`: an absolute target starts at the context root and
    /// `..` stops there, so no link reaches outside. `None` is the root.
    fn follow<'a>(&'a self, source: &'a Entry) -> Result<Option<&'a Entry>, ContextError> {
        if source.kind != EntryKind::Symlink {
            return Ok(Some(source));
        }
        let dangling = || ContextError::DanglingSymlink {
            path: source.path.clone(),
            target: source.link_target.clone().unwrap_or_default(),
        };
        let mut resolved: Vec<&str> = Vec::new();
        let mut pending: Vec<&str> = source.path.rsplit('/').collect();
        let mut hops = 0;
        while let Some(part) = pending.pop() {
            match part {
                "" | "." => continue,
                ".." => {
                    resolved.pop();
                    continue;
                }
                _ => {}
            }
            let candidate = if resolved.is_empty() {
                part.to_string()
            } else {
                format!("{}/{part}", resolved.join("/"))
            };
            let entry = self.get(&candidate).ok_or_else(dangling)?;
            match (&entry.kind, &entry.link_target) {
                (EntryKind::Symlink, Some(target)) => {
                    hops += 1;
                    if hops > MAX_SYMLINK_HOPS {
                        return Err(ContextError::SymlinkLoop {
                            path: source.path.clone(),
                        });
                    }
                    if target.starts_with('/') {
                        resolved.clear();
                    }
                    pending.extend(target.rsplit('/'));
                }
                _ => resolved.push(base_name(&entry.path)),
            }
        }
        if resolved.is_empty() {
            return Ok(None);
        }
        self.get(&resolved.join("/")).map(Some).ok_or_else(dangling)
    }
}

/// The last element of a slash path.
fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    const HELLO_SHA256: &str =
        "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    fn write(root: &Path, rel: &str, content: &str) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(path, content).expect("write file");
    }

    fn scan_with(root: &Path, ignore: &str) -> Context {
        let rules = IgnoreRules::parse(ignore).expect("rules parse");
        scan(root, &rules).expect("scan")
    }

    fn paths(context: &Context) -> Vec<&str> {
        context.entries().iter().map(|e| e.path.as_str()).collect()
    }

    /// A context with files, an ignored tree with one exception, symlinks
    /// to the outside and to a directory, and an ignored Dockerfile.
    fn sample() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, ".dockerignore", "ignored by its own rules\n");
        write(root, "app/main.c", "hello");
        write(root, "app/util.c", "int x;\n");
        write(root, "app/build.log", "noise");
        write(root, "docs/a.md", "# a\n");
        write(root, "secret/key", "k");
        write(root, "secret/keep/public.txt", "p");
        write(root, "tmp/junk/deep", "j");
        write(root, "run.sh", "#!/bin/sh\n");
        std::fs::set_permissions(root.join("run.sh"), std::fs::Permissions::from_mode(0o4755))
            .expect("chmod");
        symlink("/etc/passwd", root.join("passwd-link")).expect("symlink out");
        symlink("app", root.join("app-link")).expect("symlink to dir");
        symlink("app/main.c", root.join("main-link")).expect("symlink to file");
        dir
    }

    const SAMPLE_IGNORE: &str = "Dockerfile\n.dockerignore\n**/*.log\nsecret\n!secret/keep\ntmp\n";

    #[test]
    fn scan_lists_what_the_rules_keep_and_never_follows_links() {
        let dir = sample();
        let context = scan_with(dir.path(), SAMPLE_IGNORE);
        let want = "app app-link app/main.c app/util.c docs docs/a.md main-link passwd-link \
                    run.sh secret secret/keep secret/keep/public.txt";
        assert_eq!(paths(&context).join(" "), want);
        let main = context.get("app/main.c").expect("main.c listed");
        assert_eq!(main.kind, EntryKind::File);
        assert_eq!(main.size, 5);
        assert_eq!(main.sha256.as_deref(), Some(HELLO_SHA256));
        assert_eq!(main.uid, nix::unistd::getuid().as_raw());
        assert!(main.mtime.0 > 0);
        assert_eq!(context.get("run.sh").map(|e| e.mode), Some(0o4755));
        let out = context.get("passwd-link").expect("link listed");
        assert_eq!(out.kind, EntryKind::Symlink);
        assert_eq!(out.link_target.as_deref(), Some("/etc/passwd"));
        assert_eq!(out.sha256, None, "a symlink's target is never read");
        let to_dir = context.get("app-link").expect("dir link listed");
        assert_eq!(
            to_dir.kind,
            EntryKind::Symlink,
            "a link to a directory is not walked"
        );
        assert_eq!(context.get("secret").map(|e| e.kind), Some(EntryKind::Dir));
    }

    #[test]
    fn scan_without_rules_lists_everything() {
        let dir = sample();
        let context = scan_with(dir.path(), "");
        let ignored_before = "Dockerfile .dockerignore app/build.log secret/key tmp/junk/deep";
        for path in ignored_before.split(' ') {
            assert!(context.get(path).is_some(), "{path} listed");
        }
        assert_eq!(context.entries().len(), 19);
    }

    /// The items of a COPY source as `dest=entry` words, in order.
    fn resolved(context: &Context, pattern: &str) -> String {
        let items = context.resolve(pattern);
        let items = items.unwrap_or_else(|e| panic!("{pattern}: {e}"));
        let words: Vec<String> = items
            .iter()
            .map(|item| format!("{}={}", item.dest_rel, item.entry.path))
            .collect();
        words.join(" ")
    }

    #[test]
    fn copy_sources_resolve_as_docker_does() {
        let dir = sample();
        let context = scan_with(dir.path(), SAMPLE_IGNORE);
        let app = "main.c=app/main.c util.c=app/util.c";
        // (source, "path-in-destination=context-entry ...")
        let table = [
            ("run.sh", "run.sh=run.sh"),
            ("/run.sh", "run.sh=run.sh"),
            ("./app/../run.sh", "run.sh=run.sh"),
            ("app", app),
            ("app/", app),
            ("app/*.c", app),
            ("app/m?in.c", "main.c=app/main.c"),
            ("app/[u]*", "util.c=app/util.c"),
            ("*/a.md", "a.md=docs/a.md"),
            ("d*", "a.md=docs/a.md"),
            (
                "secret",
                "keep=secret/keep keep/public.txt=secret/keep/public.txt",
            ),
            // Links named as sources are followed inside the context...
            ("main-link", "main-link=app/main.c"),
            ("app-link", app),
        ];
        for (pattern, want) in table {
            assert_eq!(resolved(&context, pattern), want, "COPY {pattern}");
        }
        // ...and the root copies everything, links inside kept as links.
        let all = resolved(&context, ".");
        assert_eq!(all.split(' ').count(), context.entries().len());
        assert!(all.contains(" passwd-link=passwd-link "), "{all}");
    }

    #[test]
    fn copy_sources_that_cannot_be_copied_say_why() {
        let dir = sample();
        let root = dir.path();
        symlink("../../outside", root.join("up-link")).expect("symlink");
        symlink("loop-b", root.join("loop-a")).expect("symlink");
        symlink("loop-a", root.join("loop-b")).expect("symlink");
        let context = scan_with(root, SAMPLE_IGNORE);
        let table = [
            ("missing.txt", "matches nothing"),
            ("app/*.h", "matches nothing"),
            ("app/build.log", "matches nothing"),
            ("Dockerfile", "matches nothing"),
            ("../etc/passwd", "outside the build context"),
            ("app/[z-a]", "not a valid pattern"),
            // /etc/passwd scoped to the context is <context>/etc/passwd.
            ("passwd-link", "not in the build context"),
            ("up-link", "not in the build context"),
            ("loop-a", "symlink loop"),
        ];
        for (pattern, reason) in table {
            let message = context.resolve(pattern).expect_err(pattern).to_string();
            assert!(message.contains(reason), "COPY {pattern}: {message}");
            let named = format!("{pattern:?}");
            assert!(message.contains(&named), "names the source: {message}");
        }
    }

    #[test]
    fn a_link_scoped_to_the_context_root_finds_files_there() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "etc/conf", "c");
        symlink("/etc/conf", root.join("abs")).expect("symlink");
        symlink("../../../etc/conf", root.join("climb")).expect("symlink");
        std::fs::create_dir(root.join("sub")).expect("mkdir");
        symlink("..", root.join("sub/parent")).expect("symlink");
        let context = scan_with(root, "");
        assert_eq!(resolved(&context, "abs"), "abs=etc/conf");
        assert_eq!(resolved(&context, "climb"), "climb=etc/conf");
        let everything = resolved(&context, "sub/parent");
        assert_eq!(everything.split(' ').count(), context.entries().len());
    }

    fn digest(root: &Path, source: &str) -> String {
        let context = scan_with(root, "");
        let items = context.resolve(source).expect("resolve");
        context.digest_of(&items)
    }

    #[test]
    fn the_cache_key_follows_content_and_mode_but_not_mtime() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "src/a", "one");
        write(root, "src/b", "two");
        let first = digest(root, "src");
        assert!(first.starts_with("sha256:") && first.len() == 71, "{first}");

        let file = std::fs::File::options()
            .write(true)
            .open(root.join("src/a"));
        let touched = file.and_then(|f| f.set_modified(std::time::SystemTime::UNIX_EPOCH));
        touched.expect("set mtime");
        assert_eq!(digest(root, "src"), first, "a touched file keeps the cache");

        std::fs::set_permissions(root.join("src/a"), std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
        let chmodded = digest(root, "src");
        assert_ne!(chmodded, first, "a mode change invalidates");

        write(root, "src/a", "ONE");
        let edited = digest(root, "src");
        assert_ne!(edited, chmodded, "a content change invalidates");

        std::fs::rename(root.join("src/b"), root.join("src/c")).expect("rename");
        assert_ne!(digest(root, "src"), edited, "a renamed file invalidates");

        write(root, "src/new", "");
        let (with_new, without) = (digest(root, "src/*"), digest(root, "src/[ac]"));
        assert_ne!(with_new, without, "an added file counts");
    }

    #[test]
    fn fifos_are_listed_sockets_dropped_and_neither_is_ever_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let pipe = root.join("pipe");
        nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
        // Set the mode explicitly: mkfifo's is filtered by the umask.
        std::fs::set_permissions(&pipe, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let _socket = std::os::unix::net::UnixListener::bind(root.join("sock")).expect("bind");
        let context = scan_with(root, "");
        assert_eq!(paths(&context), ["pipe"]);
        assert_eq!(
            (context.entries()[0].kind, context.entries()[0].mode),
            (EntryKind::Fifo, 0o640)
        );
        // A file swapped for a FIFO or a link after the walk is refused,
        // not waited on or followed out of the context.
        symlink("/etc/passwd", root.join("link")).expect("symlink");
        let mut buf = [0u8; 2];
        for name in ["pipe", "link"] {
            let err = hash_file(&root.join(name), &mut buf).expect_err(name);
            assert!(err.to_string().contains(name), "{err}");
        }
        write(root, "plain", "hello");
        let hashed = hash_file(&root.join("plain"), &mut buf).expect("hash in small reads");
        assert_eq!(hashed, (HELLO_SHA256.to_string(), 5));
    }

    #[test]
    fn an_excluded_directory_is_never_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        write(root, "locked/inner", "x");
        write(root, "kept", "y");
        let locked = root.join("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // As an ordinary user, opening `locked` would fail the scan; as
        // root it is readable, and the rules alone keep it out.
        let context = scan_with(root, "locked\n");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(paths(&context), ["kept"]);
        // An exception that matches nothing inside leaves the dir out too.
        let context = scan_with(root, "locked\n!locked/absent\n");
        assert_eq!(paths(&context), ["kept"]);
    }

    #[test]
    fn ten_thousand_small_files_scan_and_hash_quickly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for d in 0..100 {
            let sub = root.join(format!("d{d:03}"));
            std::fs::create_dir(&sub).expect("mkdir");
            for f in 0..100 {
                std::fs::write(sub.join(format!("f{f:03}.txt")), format!("file {d} {f}\n"))
                    .expect("write");
            }
        }
        let rules = IgnoreRules::parse("**/*.tmp\n!keep.tmp\n").expect("rules");
        let started = std::time::Instant::now();
        let context = scan(root, &rules).expect("scan");
        let elapsed = started.elapsed();
        eprintln!("scanned and hashed 10,000 small files in {elapsed:?}");
        assert_eq!(context.entries().len(), 10_100);
        let hashed = context.entries().iter().filter(|e| e.sha256.is_some());
        assert_eq!(hashed.count(), 10_000);
    }
}
