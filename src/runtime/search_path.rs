//! Looking a program up in a PATH list as a shell does: the first
//! directory that has a regular file of that name wins, an empty entry is
//! skipped, and a name with a '/' is a path already. Done by hand rather
//! than by execvp, which reports "permission denied" when some PATH
//! directory is unreadable (common for a user namespace's root) even if
//! the command simply does not exist.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// The search path of pontoon's own commands when $PATH is unset.
pub const HOST_DEFAULT_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Finds `program` in the colon-separated directories of `path`.
pub fn find_in(path: &OsStr, program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program));
    }
    path.as_bytes()
        .split(|b| *b == b':')
        .filter(|dir| !dir.is_empty())
        .map(|dir| Path::new(OsStr::from_bytes(dir)).join(program))
        .find(|candidate| candidate.is_file())
}

/// Finds `program` in the $PATH pontoon itself was started with.
pub fn find_on_host(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| HOST_DEFAULT_PATH.into());
    find_in(&path, program)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_directory_with_the_file_wins() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir_all(a.join("tool")).unwrap(); // a directory is no program
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(b.join("tool"), "").unwrap();
        let path = format!("::{}:{}", a.display(), b.display());
        assert_eq!(find_in(path.as_ref(), "tool"), Some(b.join("tool")));
        assert_eq!(find_in(path.as_ref(), "nope"), None);
        assert_eq!(find_in("".as_ref(), "./x/tool"), Some(PathBuf::from("./x/tool")), "a path is not looked up");
    }
}
