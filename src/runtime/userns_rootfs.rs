//! The root filesystem of a container with a user namespace of its own:
//! its image's files must be owned inside by the ids of the image (root's
//! by 0), so on disk they must be owned by those ids mapped outside.
//!
//! An idmapped mount would do it without copying, but neither kind works
//! here rootless: overlayfs does not allow idmapped mounts of itself
//! (mount_setattr gives EINVAL), idmapping the layer directories needs
//! CAP_SYS_ADMIN over the host filesystem, and fuse-overlayfs with
//! uidmapping= needs /dev/fuse, which is root's alone on many hosts. So
//! the monitor flattens the image once per container into `shifted/` with
//! every owner mapped (what Podman's storage does when it has no mount
//! program), and the overlay uses that as its only lower layer; the upper
//! layer then holds the outside ids the kernel writes through the maps.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxIdMapping, Spec};

use crate::spec::userns::{to_host, IdMap};

/// keep-id: the line the container's /etc/passwd gets (the engine's word).
pub const PASSWD_ANNOTATION: &str = "io.pontoon.userns.passwd";
/// keep-id: the line the container's /etc/group gets.
pub const GROUP_ANNOTATION: &str = "io.pontoon.userns.group";

/// The uid and gid maps of a bundle (empty without a user namespace).
pub fn bundle_maps(spec: &Spec) -> (Vec<IdMap>, Vec<IdMap>) {
    let convert = |maps: &Option<Vec<LinuxIdMapping>>| -> Vec<IdMap> {
        maps.iter().flatten().map(|m| IdMap { container: m.container_id(), host: m.host_id(), size: m.size() }).collect()
    };
    match spec.linux() {
        Some(l) => (convert(l.uid_mappings()), convert(l.gid_mappings())),
        None => (Vec::new(), Vec::new()),
    }
}

/// The shifted copy a container's monitor made, if it made one: what its
/// root filesystem is made of while it is stopped, too.
pub fn existing(container_dir: &Path) -> Option<PathBuf> {
    let shifted = container_dir.join("shifted");
    shifted.is_dir().then_some(shifted)
}

/// For a bundle with id maps: the shifted copy of `layers` in
/// `container_dir` (made at the first start, kept for restarts) to mount
/// instead of them, with `upper`'s root owned by root inside. None: the
/// bundle has no user namespace of its own and the layers serve as they are.
pub fn prepare(spec: &Spec, container_dir: &Path, upper: &Path, layers: &[PathBuf]) -> Result<Option<PathBuf>> {
    let (uids, gids) = bundle_maps(spec);
    if uids.is_empty() && gids.is_empty() {
        return Ok(None);
    }
    let owner = |map: &[IdMap], id: u32, what: &str| {
        to_host(map, id).with_context(|| format!("the container's user namespace maps no {what} {id}: give --uidmap/--gidmap lines that cover it"))
    };
    let (root_uid, root_gid) = (owner(&uids, 0, "uid")?, owner(&gids, 0, "gid")?);
    std::os::unix::fs::lchown(upper, Some(root_uid), Some(root_gid))
        .with_context(|| format!("give {} to the container's root", upper.display()))?;
    if let Some(shifted) = existing(container_dir) {
        return Ok(Some(shifted));
    }
    let shifted = container_dir.join("shifted");
    let partial = container_dir.join("shifted.partial");
    if fs::symlink_metadata(&partial).is_ok() {
        crate::store::layers::remove_tree(&partial).with_context(|| format!("remove the unfinished copy {}", partial.display()))?;
    }
    crate::store::rootfs::flatten(layers, &partial)?;
    shift_tree(&partial, &uids, &gids)?;
    let annotations = spec.annotations().clone().unwrap_or_default();
    for (annotation, file) in [(PASSWD_ANNOTATION, "passwd"), (GROUP_ANNOTATION, "group")] {
        if let Some(line) = annotations.get(annotation) {
            append_etc_line(&partial, file, line, root_uid, root_gid)?;
        }
    }
    fs::rename(&partial, &shifted).with_context(|| format!("rename {} to {}", partial.display(), shifted.display()))?;
    Ok(Some(shifted))
}

/// Gives every file under `root` (and `root`) the outside owner of its
/// owner inside; a hard-linked file is changed once.
pub fn shift_tree(root: &Path, uids: &[IdMap], gids: &[IdMap]) -> Result<()> {
    let mut seen = HashSet::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let md = fs::symlink_metadata(&path).with_context(|| format!("stat {}", path.display()))?;
        if md.is_dir() {
            for entry in fs::read_dir(&path).with_context(|| format!("list {}", path.display()))? {
                pending.push(entry.with_context(|| format!("list {}", path.display()))?.path());
            }
        }
        if !seen.insert((md.dev(), md.ino())) {
            continue;
        }
        let inside = |p: &Path| p.strip_prefix(root).map(|r| Path::new("/").join(r)).unwrap_or_else(|_| p.to_path_buf());
        let uid = to_host(uids, md.uid()).with_context(|| {
            format!("{} in the image is owned by uid {}, which the container's user namespace does not map: give a larger --userns auto:size= or a --uidmap that covers it", inside(&path).display(), md.uid())
        })?;
        let gid = to_host(gids, md.gid()).with_context(|| {
            format!("{} in the image is owned by gid {}, which the container's user namespace does not map: give a larger --userns auto:size= or a --gidmap that covers it", inside(&path).display(), md.gid())
        })?;
        std::os::unix::fs::lchown(&path, Some(uid), Some(gid))
            .with_context(|| format!("change the owner of {}", path.display()))?;
        // chown clears set-user-ID and set-group-ID bits: put them back.
        if md.is_file() && md.mode() & 0o6000 != 0 {
            fs::set_permissions(&path, fs::Permissions::from_mode(md.mode() & 0o7777)).with_context(|| format!("restore the mode of {}", path.display()))?;
        }
    }
    Ok(())
}

/// Appends `line` to the copy's etc/`file`, made (owned by root inside)
/// when the image has none; a symlink there is never followed.
fn append_etc_line(root: &Path, file: &str, line: &str, uid: u32, gid: u32) -> Result<()> {
    let etc = root.join("etc");
    match fs::symlink_metadata(&etc) {
        Ok(md) if md.is_dir() => {}
        Ok(_) => bail!("the image's /etc is not a directory: cannot add the keep-id user to /etc/{file}"),
        Err(_) => {
            fs::create_dir(&etc).with_context(|| format!("create {}", etc.display()))?;
            std::os::unix::fs::lchown(&etc, Some(uid), Some(gid))
                .with_context(|| format!("change the owner of {}", etc.display()))?;
        }
    }
    let path = etc.join(file);
    let existed = fs::symlink_metadata(&path).is_ok();
    let mut f = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)
        .with_context(|| format!("open /etc/{file} of the container to add the keep-id user"))?;
    let ends_in_newline = fs::read(&path).map(|b| b.is_empty() || b.ends_with(b"\n")).unwrap_or(true);
    let text = if ends_in_newline { line.to_string() } else { format!("\n{line}") };
    f.write_all(text.as_bytes()).with_context(|| format!("add the keep-id user to /etc/{file} of the container"))?;
    if !existed {
        std::os::unix::fs::lchown(&path, Some(uid), Some(gid))
            .with_context(|| format!("change the owner of {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_lines_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("etc")).unwrap();
        fs::write(root.join("etc/passwd"), "root:x:0:0::/root:/bin/sh").unwrap();
        let (uid, gid) = (nix::unistd::getuid().as_raw(), nix::unistd::getgid().as_raw());
        append_etc_line(root, "passwd", "me:*:1001:1001::/:/bin/sh\n", uid, gid).unwrap();
        assert_eq!(fs::read_to_string(root.join("etc/passwd")).unwrap(), "root:x:0:0::/root:/bin/sh\nme:*:1001:1001::/:/bin/sh\n");
        append_etc_line(root, "group", "me:x:1001:me\n", uid, gid).unwrap();
        assert_eq!(fs::read_to_string(root.join("etc/group")).unwrap(), "me:x:1001:me\n");
        let outside = dir.path().join("outside");
        fs::write(&outside, "").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("etc/shadow")).unwrap();
        assert!(append_etc_line(root, "shadow", "x\n", uid, gid).is_err());
        assert_eq!(fs::read_to_string(&outside).unwrap(), "", "the link was followed");
    }

    #[test]
    fn an_owner_outside_the_maps_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let me = nix::unistd::getuid().as_raw();
        let maps = [IdMap { container: me + 1, host: 0, size: 1 }];
        let err = format!("{:#}", shift_tree(dir.path(), &maps, &maps).unwrap_err());
        assert!(err.contains(&format!("owned by uid {me}")) && err.contains("--uidmap"), "{err}");
    }
}
