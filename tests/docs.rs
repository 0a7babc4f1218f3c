//! The committed man pages and shell completions are what the CLI
//! definition generates: a change to a flag or a help text that forgets
//! `make docs` fails here.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Every file of `dir` by name, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let entry = entry.expect("a directory entry");
        let bytes = fs::read(entry.path()).unwrap_or_else(|e| panic!("read {}: {e}", entry.path().display()));
        out.insert(entry.file_name().to_string_lossy().into_owned(), bytes);
    }
    out
}

#[test]
fn committed_man_pages_and_completions_are_up_to_date() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    if common::skip_unless(fs::read_dir(repo.join("man")).is_ok(), "the checkout's man/ is not readable by this user") {
        return;
    }
    let tmp = tempfile::tempdir().expect("a temp dir");
    let out = Command::new(common::pontoon_bin())
        .arg("__generate-docs")
        .arg("--man")
        .arg(tmp.path().join("man"))
        .arg("--completions")
        .arg(tmp.path().join("completions"))
        .output()
        .expect("run pontoon");
    assert!(out.status.success(), "{}", common::describe(&out));
    for dir in ["man", "completions"] {
        let committed = files(&repo.join(dir));
        let generated = files(&tmp.path().join(dir));
        let stale: Vec<&String> = generated
            .keys()
            .chain(committed.keys())
            .filter(|name| committed.get(*name) != generated.get(*name))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert!(stale.is_empty(), "{dir}/ is stale ({stale:?} differ from what the CLI generates): run `make docs` and commit {dir}/");
    }
}
