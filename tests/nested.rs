//! Pontoon inside pontoon, the README's "Running pontoon in CI without root"
//! recipe: an outer container started with exactly the recipe's flags, from
//! a CI image holding pontoon, newuidmap/newgidmap with file capabilities
//! and a user `ci` with a subordinate id range of its own, runs a rootless
//! pontoon as `ci` that loads an image, runs a container and builds an
//! image with `--isolation chroot`. The outer pontoon is root in the root
//! pass and pontoon-ci in the rootless one. The CI image is made here from
//! the host's files (no internet), with what the README's Containerfile
//! puts in it.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{describe, pontoon_bin, skip_unless, TestEnv};

/// The outer `pontoon run` flags of the README recipe, in its order. The
/// README's block is checked against this list
/// (`the_readme_recipe_is_the_one_tested`): change both together.
const RECIPE_FLAGS: &[&str] = &[
    "--user",
    "ci",
    "--security-opt",
    "seccomp=unconfined",
    "--security-opt",
    "no-new-privileges=false",
    "--security-opt",
    "unmask=/proc/*",
    "-v",
    "pontoon-ci-storage:/home/ci/.local/share/pontoon",
];

/// `ci`'s subordinate ids in the CI image: inside the 65536 ids that a
/// rootless outer pontoon maps, and clear of `ci` (1000) itself.
const CI_SUBIDS: &str = "ci:10000:50000\n";

/// The CI image's containers.conf: the job's containers and RUN steps use
/// the outer container's network unless they ask for another.
const CI_CONTAINERS_CONF: &str = "[containers]\nnetns = \"host\"\n";

const README: &str = include_str!("../README.md");
const RECIPE_START: &str = "<!-- nested-recipe:start -->";
const RECIPE_END: &str = "<!-- nested-recipe:end -->";

/// The words of the README recipe's `pontoon run` command: the lines
/// between the markers, continuation lines joined, single quotes removed.
fn readme_recipe_command() -> Vec<String> {
    let start = README.find(RECIPE_START).expect("the README marks the nested recipe's start") + RECIPE_START.len();
    let end = README[start..].find(RECIPE_END).expect("the README marks the nested recipe's end") + start;
    let block = &README[start..end];
    let joined = block.lines().filter(|l| !l.trim_start().starts_with("```")).collect::<Vec<_>>().join("\n").replace("\\\n", " ");
    let command = joined.lines().find(|l| l.trim_start().starts_with("pontoon run")).expect("the recipe has a pontoon run line");
    command.split_whitespace().map(|w| w.trim_matches('\'').to_string()).collect()
}

#[test]
fn the_readme_recipe_is_the_one_tested() {
    let words = readme_recipe_command();
    let image = words.iter().position(|w| w == "ci-image").expect("the recipe runs the image ci-image");
    // `pontoon run --rm FLAGS... ci-image COMMAND`
    assert_eq!(&words[..3], ["pontoon", "run", "--rm"], "{words:?}");
    assert_eq!(words[3..image], *RECIPE_FLAGS, "the README's flags are the test's (tests/nested.rs RECIPE_FLAGS)");
    assert!(README.contains(&format!("echo {} > /etc/subuid", CI_SUBIDS.trim())), "the README's subuid range is the test's");
    assert!(README.contains(&format!("printf '{}'", CI_CONTAINERS_CONF.replace('\n', "\\n"))), "the README's containers.conf is the test's");
}

/// The dynamic libraries `binary` loads (and its loader), as ldd lists them.
fn shared_libraries(binary: &Path) -> Vec<PathBuf> {
    let out = Command::new("ldd").arg(binary).output().expect("run ldd");
    assert!(out.status.success(), "ldd {}:\n{}", binary.display(), describe(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let path = l.split_once("=>").map_or(l, |(_, p)| p).split_whitespace().next()?;
            path.starts_with('/').then(|| PathBuf::from(path))
        })
        .collect()
}

/// A `security.capability` xattr (VFS_CAP_REVISION_2, effective) granting
/// the one capability `bit`: what `setcap cap_setuid=ep` writes.
fn file_capability(bit: u32) -> Vec<u8> {
    let mut v = 0x0200_0001u32.to_le_bytes().to_vec();
    v.extend_from_slice(&(1u32 << bit).to_le_bytes());
    v.extend_from_slice(&[0; 12]);
    v
}

const CAP_SETGID: u32 = 6;
const CAP_SETUID: u32 = 7;

/// Writes the CI image's root filesystem as a tarball: busybox for the
/// shell, the pontoon under test, newuidmap/newgidmap with their libraries
/// and file capabilities (not setuid, which would need CAP_SYS_ADMIN), the
/// users, `ci`'s subordinate ids, and `ci`'s storage directory (so that an
/// empty volume mounted there takes its owner).
fn write_ci_image_tar(path: &Path) {
    let file = fs::File::create(path).expect("create the CI image tarball");
    let mut tar = tar::Builder::new(std::io::BufWriter::new(file));
    let header = |kind: tar::EntryType, mode: u32, owner: u64, size: u64| {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode);
        h.set_uid(owner);
        h.set_gid(owner);
        h.set_size(size);
        h.set_mtime(1_704_067_200);
        h
    };
    let tools = [Path::new("/usr/bin/newuidmap"), Path::new("/usr/bin/newgidmap")];
    let libraries: BTreeSet<PathBuf> = tools.iter().flat_map(|t| shared_libraries(t)).collect();
    let mut dirs: BTreeSet<PathBuf> = ["bin", "dev", "etc", "proc", "sys", "run", "usr/bin", "usr/local/bin", "work"].iter().map(PathBuf::from).collect();
    for lib in &libraries {
        dirs.extend(lib.strip_prefix("/").expect("an absolute path").ancestors().skip(1).filter(|d| !d.as_os_str().is_empty()).map(Path::to_path_buf));
    }
    for dir in &dirs {
        tar.append_data(&mut header(tar::EntryType::Directory, 0o755, 0, 0), dir, std::io::empty()).expect("append a directory");
    }
    for (dir, mode, owner) in [("tmp", 0o1777, 0), ("home", 0o755, 0), ("home/ci", 0o755, 1000), ("home/ci/.local", 0o755, 1000), ("home/ci/.local/share", 0o755, 1000), ("home/ci/.local/share/pontoon", 0o755, 1000)] {
        tar.append_data(&mut header(tar::EntryType::Directory, mode, owner, 0), dir, std::io::empty()).expect("append a directory");
    }
    let add_file = |tar: &mut tar::Builder<_>, dest: &str, data: &[u8], mode: u32| {
        tar.append_data(&mut header(tar::EntryType::Regular, mode, 0, data.len() as u64), dest, data).expect("append a file");
    };
    let busybox = fs::read("/bin/busybox").expect("read /bin/busybox (install busybox-static)");
    add_file(&mut tar, "bin/busybox", &busybox, 0o755);
    let applets = Command::new("/bin/busybox").arg("--list").output().expect("run busybox --list");
    for applet in String::from_utf8_lossy(&applets.stdout).lines().filter(|a| !a.is_empty() && *a != "busybox") {
        tar.append_link(&mut header(tar::EntryType::Symlink, 0o777, 0, 0), format!("bin/{applet}"), "busybox").expect("append an applet link");
    }
    let pontoon = fs::read(pontoon_bin()).expect("read the pontoon binary");
    add_file(&mut tar, "usr/local/bin/pontoon", &pontoon, 0o755);
    for lib in &libraries {
        let data = fs::read(lib).unwrap_or_else(|e| panic!("read {}: {e}", lib.display()));
        add_file(&mut tar, &lib.display().to_string()[1..], &data, 0o755);
    }
    for (tool, bit) in [(tools[0], CAP_SETUID), (tools[1], CAP_SETGID)] {
        let data = fs::read(tool).unwrap_or_else(|e| panic!("read {}: {e}", tool.display()));
        tar.append_pax_extensions([("SCHILY.xattr.security.capability", &file_capability(bit)[..])]).expect("append the file capability");
        add_file(&mut tar, &tool.display().to_string()[1..], &data, 0o755);
    }
    add_file(&mut tar, "etc/passwd", b"root:x:0:0:root:/root:/bin/sh\nci:x:1000:1000:ci:/home/ci:/bin/sh\n", 0o644);
    add_file(&mut tar, "etc/group", b"root:x:0:\nci:x:1000:\n", 0o644);
    add_file(&mut tar, "etc/subuid", CI_SUBIDS.as_bytes(), 0o644);
    add_file(&mut tar, "etc/subgid", CI_SUBIDS.as_bytes(), 0o644);
    tar.append_data(&mut header(tar::EntryType::Directory, 0o755, 0, 0), "etc/containers", std::io::empty()).expect("append a directory");
    add_file(&mut tar, "etc/containers/containers.conf", CI_CONTAINERS_CONF.as_bytes(), 0o644);
    tar.into_inner().and_then(|w| w.into_inner().map_err(|e| e.into_error())).expect("finish the CI image tarball");
}

/// What `ci` runs inside: the inner session of the README (images come
/// from /work, a directory the test binds, instead of a registry).
const INNER_SESSION: &str = r#"set -e
cd /work
pontoon load -q -i busybox.tar
pontoon run --rm busybox sh -c 'echo inner says hi; cat /proc/self/uid_map; ps -o pid,args'
pontoon build --isolation chroot -t hello ctx
pontoon run --rm hello
"#;

/// An env with busybox, the CI image imported as `ci-image`, and /work
/// (busybox.tar and a two-step build context) for the inner session.
fn env_with_ci_image() -> (TestEnv, PathBuf) {
    let env = TestEnv::with_busybox();
    let work = env.dir_with_files("work", &[("ctx/Dockerfile", "FROM busybox\nRUN echo one > /one\nRUN cat /one > /two && echo two >> /two\nCMD [\"cat\", \"/two\"]\n")]);
    env.ok(&["save", "-o", &work.join("busybox.tar").display().to_string(), "busybox:latest"]);
    let tarball = env.path().join("ci-image.tar");
    write_ci_image_tar(&tarball);
    env.ok(&["import", "-q", &tarball.display().to_string(), "ci-image"]);
    fs::remove_file(&tarball).expect("remove the CI image tarball");
    (env, work)
}

/// `pontoon run --rm FLAGS... ci-image sh -c SCRIPT` with the test's own
/// additions to the recipe: its files at /work, and no network for the
/// outer container (nothing here needs one).
fn run_outer(env: &TestEnv, work: &Path, flags: &[&str], script: &str) -> std::process::Output {
    let bind = format!("{}:/work:ro", work.display());
    let mut args = vec!["run", "--rm"];
    args.extend_from_slice(flags);
    args.extend_from_slice(&["--network", "none", "-v", &bind, "ci-image", "sh", "-c", script]);
    env.run(&args)
}

fn has_id_mappers() -> bool {
    Path::new("/usr/bin/newuidmap").exists() && Path::new("/usr/bin/newgidmap").exists()
}

const NO_ID_MAPPERS: &str = "the CI image takes newuidmap and newgidmap from the host: install uidmap";

#[test]
fn a_rootless_pontoon_runs_and_builds_inside_a_pontoon_container() {
    if skip_unless(has_id_mappers(), NO_ID_MAPPERS) {
        return;
    }
    let (env, work) = env_with_ci_image();
    let out = run_outer(&env, &work, RECIPE_FLAGS, INNER_SESSION);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the inner session:\n{}", describe(&out));

    assert!(stdout.contains("inner says hi"), "the inner container ran:\n{}", describe(&out));
    // Rootless inside: root of the inner container is `ci`, its other ids
    // are ci's subordinate range.
    let maps: Vec<Vec<&str>> = stdout.lines().map(|l| l.split_whitespace().collect::<Vec<_>>()).filter(|w| w.len() == 3 && w.iter().all(|n| n.parse::<u64>().is_ok())).collect();
    assert_eq!(maps, [vec!["0", "1000", "1"], vec!["1", "10000", "50000"]], "the inner container's uid map:\n{}", describe(&out));
    // Its own /proc (`unmask=/proc/*`): only its own processes, none of
    // the outer container's.
    assert!(!stdout.contains("pontoon"), "the inner container sees only its processes:\n{}", describe(&out));
    assert!(stdout.contains("Successfully tagged") && stdout.lines().any(|l| l == "two"), "the chroot build made an image that runs:\n{}", describe(&out));
    assert!(stdout.contains("one\ntwo\n"), "both RUN steps' files are in the image:\n{}", describe(&out));
}

/// The recipe's flags but the pair whose value is `value`: they are pairs
/// (flag, value).
fn recipe_without(value: &str) -> Vec<&'static str> {
    let flags: Vec<&str> = RECIPE_FLAGS.chunks(2).filter(|pair| pair[1] != value).flatten().copied().collect();
    assert_eq!(flags.len(), RECIPE_FLAGS.len() - 2, "the recipe has {value}");
    flags
}

#[test]
fn without_no_new_privileges_false_the_inner_pontoon_names_the_flag() {
    if skip_unless(has_id_mappers(), NO_ID_MAPPERS) {
        return;
    }
    let (env, work) = env_with_ci_image();
    let out = run_outer(&env, &work, &recipe_without("no-new-privileges=false"), "pontoon images");
    assert!(!out.status.success(), "no id mapping without the flag:\n{}", describe(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no_new_privs") && stderr.contains("--security-opt no-new-privileges=false"), "the error names the fix:\n{}", describe(&out));
}

#[test]
fn without_seccomp_unconfined_the_inner_pontoon_says_it_cannot_make_its_namespace() {
    if skip_unless(has_id_mappers(), NO_ID_MAPPERS) {
        return;
    }
    let (env, work) = env_with_ci_image();
    // `; echo status=$?`: the inner command's own status and message, not
    // a signal's (it once died of SIGPIPE there without a word).
    let out = run_outer(&env, &work, &recipe_without("seccomp=unconfined"), "pontoon images; echo status=$?");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("status=125"), "an engine error, not a signal:\n{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("create a user namespace"), "the error says what failed:\n{}", describe(&out));
}

#[test]
fn without_unmask_the_inner_container_is_refused_rather_than_shown_the_outer_processes() {
    if skip_unless(has_id_mappers(), NO_ID_MAPPERS) {
        return;
    }
    let (env, work) = env_with_ci_image();
    // The outer container's own processes, which the inner one must not see.
    let script = "cd /work && pontoon load -q -i busybox.tar && pontoon run --rm busybox ps -o pid,args; echo status=$?";
    let out = run_outer(&env, &work, &recipe_without("unmask=/proc/*"), script);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("status=126") || stdout.contains("status=125"), "the inner run fails:\n{}", describe(&out));
    assert!(!stdout.contains("pontoon load") && !stdout.contains("sh -c"), "no outer process is listed:\n{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--security-opt unmask=/proc/*"), "the error names the fix:\n{}", describe(&out));
}

#[test]
fn without_a_volume_for_its_store_the_inner_pontoon_picks_a_driver_that_works_there() {
    if skip_unless(has_id_mappers(), NO_ID_MAPPERS) {
        return;
    }
    let (env, work) = env_with_ci_image();
    // Its store is then on the outer container's overlay, where the kernel
    // takes no overlay upper directory: the probe must see that.
    let flags: Vec<&str> = RECIPE_FLAGS.chunks(2).filter(|pair| pair[0] != "-v").flatten().copied().collect();
    let script = "cd /work && pontoon info --format '{{.Store.GraphDriverName}}' && pontoon load -q -i busybox.tar && pontoon run --rm busybox echo inner-ran";
    let out = run_outer(&env, &work, &flags, script);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("inner-ran"), "the inner run works on the outer overlay:\n{}", describe(&out));
    assert!(!stdout.starts_with("overlay"), "native overlay is not what works there:\n{}", describe(&out));
}
