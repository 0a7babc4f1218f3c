//! Lookups in the image's layers (passwd, group) made before any rootfs is
//! mounted, and the directories a container's rootfs needs. The files a
//! container gets from pontoon (/etc/hosts...) are engine::etc_files.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Reads a file as the merged image would show it, searching the layers
/// from the top; a whiteout (0/0 char device) hides lower versions.
pub fn read_from_layers(layers_top_first: &[PathBuf], path: &str) -> Option<String> {
    use std::os::unix::fs::FileTypeExt;
    let rel = path.trim_start_matches('/');
    for layer in layers_top_first {
        let candidate = layer.join(rel);
        match fs::symlink_metadata(&candidate) {
            Ok(md) if md.file_type().is_char_device() => return None,
            Ok(md) if md.is_file() => return fs::read_to_string(&candidate).ok(),
            _ => continue,
        }
    }
    None
}

/// Creates the directories overlay needs next to the container's record.
pub fn make_rootfs_dirs(dir: &Path) -> Result<()> {
    for sub in ["upper", "work", "merged"] {
        let d = dir.join(sub);
        fs::create_dir_all(&d).with_context(|| format!("create {}", d.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_lookup_honours_whiteouts() {
        let dir = tempfile::tempdir().unwrap();
        let (top, bottom) = (dir.path().join("top"), dir.path().join("bottom"));
        fs::create_dir_all(top.join("etc")).unwrap();
        fs::create_dir_all(bottom.join("etc")).unwrap();
        fs::write(bottom.join("etc/passwd"), "root:x:0:0::/root:/bin/sh\n").unwrap();
        fs::write(bottom.join("etc/group"), "root:x:0:\n").unwrap();
        let layers = vec![top.clone(), bottom];
        assert!(read_from_layers(&layers, "/etc/passwd").unwrap().starts_with("root"));
        nix::sys::stat::mknod(&top.join("etc/group"), nix::sys::stat::SFlag::S_IFCHR, nix::sys::stat::Mode::empty(), 0).ok();
        if top.join("etc/group").exists() {
            assert_eq!(read_from_layers(&layers, "/etc/group"), None);
        }
    }
}
