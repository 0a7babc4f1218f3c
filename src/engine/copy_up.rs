//! Copying what an image has at a path into a new, empty volume (Docker's
//! "copy-up"), so that a volume over `/var/lib/postgresql/data` starts with
//! the image's files, owners and modes. The image is read straight from its
//! layer directories with overlay's rules (0/0 devices delete, opaque
//! directories hide what is below), so no mount is needed; symlinks on the
//! way are followed inside the image, never out of it.

use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use crate::store::unpack::whiteout::{is_opaque, is_whiteout};


/// Most symlinks followed while resolving one path (as the kernel's limit).
const MAX_LINKS: usize = 40;


/// What the merged image has at one path.
enum Found {
    /// A directory, made of these layer directories (top first).
    Dir(Vec<PathBuf>),
    /// A symlink with this target.
    Link(PathBuf),
    /// Anything else, or nothing.
    Other,
}

/// Looks `name` up under `parents` (the layer directories of its parent
/// directory, top first).
fn lookup(parents: &[PathBuf], name: &std::ffi::OsStr) -> Found {
    let mut dirs = Vec::new();
    for parent in parents {
        let candidate = parent.join(name);
        let Ok(md) = fs::symlink_metadata(&candidate) else { continue };
        if md.is_dir() {
            let opaque = is_opaque(&candidate);
            dirs.push(candidate);
            if opaque {
                break;
            }
            continue;
        }
        if !dirs.is_empty() || is_whiteout(&md) {
            // A file or whiteout under a directory of a higher layer is hidden
            // by it; in the topmost layer it hides everything below.
            break;
        }
        if md.file_type().is_symlink() {
            return fs::read_link(&candidate).map(Found::Link).unwrap_or(Found::Other);
        }
        return Found::Other;
    }
    if dirs.is_empty() {
        Found::Other
    } else {
        Found::Dir(dirs)
    }
}

/// The layer directories that make up directory `path` of the image (top
/// first), or None when the image has no directory there.
pub fn image_dir_layers(layers_top_first: &[PathBuf], path: &str) -> Option<Vec<PathBuf>> {
    let mut pending: Vec<PathBuf> = Path::new(path).components().rev().filter_map(normal).collect();
    let mut stack: Vec<Vec<PathBuf>> = vec![layers_top_first.to_vec()];
    let mut links = 0;
    while let Some(part) = pending.pop() {
        if part == Path::new("..") {
            if stack.len() > 1 {
                stack.pop();
            }
            continue;
        }
        let current = stack.last()?;
        match lookup(current, part.as_os_str()) {
            Found::Dir(dirs) => stack.push(dirs),
            Found::Link(target) if links < MAX_LINKS => {
                links += 1;
                if target.is_absolute() {
                    stack.truncate(1);
                }
                pending.extend(target.components().rev().filter_map(normal));
            }
            _ => return None,
        }
    }
    stack.pop().filter(|_| !stack.is_empty())
}

fn normal(c: Component) -> Option<PathBuf> {
    match c {
        Component::Normal(n) => Some(PathBuf::from(n)),
        Component::ParentDir => Some(PathBuf::from("..")),
        _ => None,
    }
}

/// Copies the image's directory `path` (with owners, modes, times and the
/// directory's own owner and mode) into `dest`. Returns false when the
/// image has no directory there (nothing to copy).
pub fn copy_up(layers_top_first: &[PathBuf], path: &str, dest: &Path) -> Result<bool> {
    match image_dir_layers(layers_top_first, path) {
        Some(dirs) => {
            crate::store::rootfs::flatten(&dirs, dest)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};

    #[test]
    fn the_merged_directory_is_copied_with_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let (bottom, top) = (dir.path().join("bottom"), dir.path().join("top"));
        fs::create_dir_all(bottom.join("var/lib/db")).unwrap();
        fs::write(bottom.join("var/lib/db/old"), "old").unwrap();
        fs::write(bottom.join("var/lib/db/kept"), "kept").unwrap();
        fs::create_dir_all(top.join("var/lib/db")).unwrap();
        fs::set_permissions(top.join("var/lib/db"), fs::Permissions::from_mode(0o700)).unwrap();
        fs::write(top.join("var/lib/db/new"), "new").unwrap();
        // A whiteout needs mknod; without the privilege the deletion part is skipped.
        let whiteout = nix::sys::stat::mknod(&top.join("var/lib/db/old"), nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), 0).is_ok();
        symlink("lib/db", top.join("var/link")).unwrap();
        let layers = vec![top.clone(), bottom.clone()];
        let dest = dir.path().join("dest");
        assert!(copy_up(&layers, "/var/link", &dest).unwrap(), "symlinks resolve inside the image");
        assert_eq!(fs::read_to_string(dest.join("new")).unwrap(), "new");
        assert_eq!(fs::read_to_string(dest.join("kept")).unwrap(), "kept");
        assert_eq!(dest.join("old").exists(), !whiteout);
        assert_eq!(fs::metadata(&dest).unwrap().mode() & 0o7777, 0o700, "the top layer's mode wins");
        assert!(!copy_up(&layers, "/nope", &dir.path().join("d2")).unwrap());
        assert!(image_dir_layers(&layers, "/var/lib/db/new").is_none(), "a file is not a directory");
    }
}
