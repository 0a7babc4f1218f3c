//! `pontoon cp CTR:FILE DEST` where DEST is not a plain path: a symlink is
//! followed as `cp` follows it (into a directory, onto a file, the link
//! kept), a dangling link, a fifo or a device is refused with one line and
//! exit 125, and nothing the user did not name changes. `-` is a tar stream.
//! Everything happens in the test's temp dir, never at /dev/stdout itself.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::Path;

use common::TestEnv;

/// A container whose /tmp/file.txt says "from the container".
fn env_with_file() -> TestEnv {
    let env = TestEnv::new();
    env.load_busybox();
    env.ok(&["run", "--name", "box", "busybox", "sh", "-c", "echo from the container > /tmp/file.txt"]);
    env
}

/// Every entry below `dir`: its kind and (for files) content, (for links) target.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("list") {
            let path = e.expect("entry").path();
            let md = fs::symlink_metadata(&path).expect("lstat");
            let ft = md.file_type();
            let what = if ft.is_symlink() {
                format!("link -> {}", fs::read_link(&path).expect("readlink").display())
            } else if ft.is_dir() {
                stack.push(path.clone());
                "dir".into()
            } else if ft.is_fifo() {
                "fifo".into()
            } else {
                format!("file {:?}", fs::read_to_string(&path).unwrap_or_default())
            };
            out.insert(path.strip_prefix(dir).expect("below dir").display().to_string(), what);
        }
    }
    out
}

/// The test's sandbox: a file, a directory, links to each, a dangling
/// link, a fifo and a link to it (what /dev/stdout is when piped).
fn sandbox(env: &TestEnv) -> std::path::PathBuf {
    let d = env.path().join("dest");
    fs::create_dir_all(d.join("dir")).expect("mkdir");
    fs::write(d.join("file"), "old content\n").expect("write");
    symlink("file", d.join("to-file")).expect("symlink");
    symlink("dir", d.join("to-dir")).expect("symlink");
    symlink("nowhere", d.join("dangling")).expect("symlink");
    nix::unistd::mkfifo(&d.join("fifo"), nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("mkfifo");
    symlink("fifo", d.join("stdout")).expect("symlink");
    d
}

#[test]
fn cp_follows_a_symlink_to_a_file_and_keeps_the_link() {
    let env = env_with_file();
    let d = sandbox(&env);
    let mut expected = snapshot(&d);
    env.ok(&["cp", "box:/tmp/file.txt", &d.join("to-file").display().to_string()]);
    expected.insert("file".into(), "file \"from the container\\n\"".into());
    assert_eq!(snapshot(&d), expected, "only the file the link names changed; the link is still a link");
}

#[test]
fn cp_follows_a_symlink_to_a_directory_into_it() {
    let env = env_with_file();
    let d = sandbox(&env);
    let mut expected = snapshot(&d);
    env.ok(&["cp", "box:/tmp/file.txt", &d.join("to-dir").display().to_string()]);
    expected.insert("dir/file.txt".into(), "file \"from the container\\n\"".into());
    assert_eq!(snapshot(&d), expected, "the file landed in the directory; the link is still a link");
    // With a trailing slash too, and a directory copied through the link.
    env.ok(&["cp", "box:/tmp", &format!("{}/", d.join("to-dir").display())]);
    assert_eq!(fs::read_to_string(d.join("dir/tmp/file.txt")).expect("copied"), "from the container\n");
    assert!(fs::symlink_metadata(d.join("to-dir")).expect("lstat").file_type().is_symlink());
}

#[test]
fn cp_refuses_dangling_links_fifos_and_devices() {
    let env = env_with_file();
    let d = sandbox(&env);
    let expected = snapshot(&d);
    for (dest, says) in [("dangling", "symlink to nowhere"), ("fifo", "is a fifo"), ("stdout", "is a fifo (through a symlink)")] {
        let path = d.join(dest).display().to_string();
        let (code, err) = env.fails(&["cp", "box:/tmp/file.txt", &path]);
        assert_eq!(code, 125, "{dest}: {err}");
        assert!(err.contains("invalid destination") && err.contains(&path) && err.contains(says), "{dest}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
    assert_eq!(snapshot(&d), expected, "nothing changed");
    // A device is refused the same way (/dev/null is left as it is).
    let (code, err) = env.fails(&["cp", "box:/tmp/file.txt", "/dev/null"]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("/dev/null") && err.contains("character device"), "{err}");
    assert!(fs::metadata("/dev/null").expect("stat /dev/null").file_type().is_char_device());
}

#[test]
fn cp_to_dash_is_a_tar_stream_on_stdout() {
    let env = env_with_file();
    let out = env.run(&["cp", "box:/tmp/file.txt", "-"]);
    assert!(out.status.success(), "{}", common::describe(&out));
    let mut archive = tar::Archive::new(&out.stdout[..]);
    let names: Vec<String> =
        archive.entries().expect("a tar stream").map(|e| e.expect("entry").path().expect("name").display().to_string()).collect();
    assert_eq!(names, ["file.txt"]);
}
