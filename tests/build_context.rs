//! `pontoon build`'s context, COPY and ADD as a user meets them: what
//! `.dockerignore` keeps out, contexts given as directories, tarballs and
//! stdin, Docker's COPY destination rules with owners, modes and times,
//! copies between stages and images, ADD of archives and URLs, and the
//! safety of a destination that is a symlink in the image. Every test
//! runs the image it built and looks at the files.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{is_root, TestEnv};

/// 2001-01-01T00:00:00Z: a modification time no file made by the test has.
const OLD_MTIME: i64 = 978_307_200;

/// A fresh context directory `name` in the env's directory.
fn context(env: &TestEnv, name: &str) -> PathBuf {
    let dir = env.path().join(name);
    fs::create_dir_all(&dir).expect("create the context");
    dir
}

fn write(dir: &Path, rel: &str, content: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("a parent")).expect("create the parent");
    fs::write(&path, content).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `pontoon build ARGS`, asserted to succeed; the image id it printed last.
fn build(env: &TestEnv, args: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = env.ok(&all);
    let id = out.lines().last().unwrap_or_default().trim().to_string();
    assert_eq!(id.len(), 64, "build prints the image id last:\n{out}");
    id
}

/// `pontoon build ARGS` with `input` on stdin, asserted to succeed.
fn build_with_input(env: &TestEnv, args: &[&str], input: &[u8]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = env.run_with_input(&all, input);
    assert!(out.status.success(), "`pontoon {}` failed:\n{}", all.join(" "), common::describe(&out));
    String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or_default().trim().to_string()
}

/// Runs `script` with the image's shell; its stdout.
fn sh(env: &TestEnv, image: &str, script: &str) -> String {
    env.ok(&["run", "--rm", image, "sh", "-c", script])
}

/// `find DIR` in the image, sorted, relative, one path a line.
fn tree(env: &TestEnv, image: &str, dir: &str) -> String {
    sh(env, image, &format!("cd {dir} && find . | sort"))
}

fn tar_of(dir: &Path) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    b.append_dir_all(".", dir).expect("archive the context");
    b.into_inner().expect("finish the archive")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).expect("compress");
    z.finish().expect("finish compressing")
}

#[test]
fn dockerignore_keeps_files_out_and_exceptions_bring_them_back() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    for f in ["keep.txt", "app.log", "deep/a/b/x.tmp", "deep/a/b/y.txt", "top.tmp", "secret/key", "secret/pub.txt"] {
        write(&c, f, f);
    }
    write(&c, ".dockerignore", "# comments are no patterns\n*.log\n**/*.tmp\nsecret\n!secret/pub.txt\nDockerfile\n.dockerignore\n");
    write(&c, "Dockerfile", "FROM busybox\nCOPY . /ctx\n");
    let id = build(&env, &["-t", "ign", s(&c)]);
    assert_eq!(
        tree(&env, &id, "/ctx"),
        ".\n./deep\n./deep/a\n./deep/a/b\n./deep/a/b/y.txt\n./keep.txt\n./secret\n./secret/pub.txt\n",
        "ignored: *.log, **/*.tmp at any depth, secret but for its exception, and the (still used) Dockerfile"
    );
}

#[test]
fn containerignore_wins_over_dockerignore() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "a", "a");
    write(&c, "b", "b");
    write(&c, ".dockerignore", "a\n");
    write(&c, ".containerignore", "b\n");
    write(&c, "Dockerfile", "FROM busybox\nCOPY . /ctx\n");
    let id = build(&env, &[s(&c)]);
    let files = tree(&env, &id, "/ctx");
    assert!(files.contains("./a\n"), ".dockerignore is not read when .containerignore exists:\n{files}");
    assert!(!files.contains("./b\n"), ".containerignore's rule applies:\n{files}");
}

#[test]
fn a_context_of_ten_thousand_small_files_is_copied_whole() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    for d in 0..100 {
        let sub = c.join(format!("d{d:03}"));
        fs::create_dir(&sub).expect("mkdir");
        for f in 0..100 {
            fs::write(sub.join(format!("f{f:03}")), format!("{d} {f}\n")).expect("write a small file");
        }
    }
    // The Dockerfile lives outside the context, so the context is the files alone.
    let file = env.path().join("big.Dockerfile");
    fs::write(&file, "FROM busybox\nCOPY . /ctx\n").expect("write the Dockerfile");
    let id = build(&env, &["-q", "-f", s(&file), s(&c)]);
    let counts = sh(&env, &id, "find /ctx -type f | wc -l; find /ctx -mindepth 1 -type d | wc -l; cat /ctx/d042/f099");
    let counts: Vec<&str> = counts.split_whitespace().collect();
    assert_eq!(counts, ["10000", "100", "42", "99"], "every file and directory is in the image, with its content");
}

/// A context holding a Dockerfile that copies `hello` to /hello.
fn hello_context(env: &TestEnv, name: &str) -> PathBuf {
    let c = context(env, name);
    write(&c, "hello", "hello from the tarball\n");
    write(&c, "Dockerfile", "FROM busybox\nCOPY hello /hello\n");
    c
}

#[test]
fn a_tarball_is_a_context_as_a_file_and_on_stdin() {
    let env = TestEnv::with_busybox();
    let c = hello_context(&env, "ctx");
    let archive = env.path().join("ctx.tar.gz");
    fs::write(&archive, gzip(&tar_of(&c))).expect("write the tarball");
    let from_file = build(&env, &["-t", "fromfile", s(&archive)]);
    assert_eq!(sh(&env, &from_file, "cat /hello"), "hello from the tarball\n");

    let plain = tar_of(&c);
    let from_stdin = build_with_input(&env, &["-t", "fromstdin", "-"], &plain);
    assert_eq!(sh(&env, &from_stdin, "cat /hello"), "hello from the tarball\n");
}

#[test]
fn a_dockerfile_on_stdin_builds_without_a_context() {
    let env = TestEnv::with_busybox();
    let id = build_with_input(&env, &["-t", "nocontext", "-"], b"FROM busybox\nRUN echo made > /made\n");
    assert_eq!(sh(&env, &id, "cat /made"), "made\n");
    // With nothing to copy, a COPY fails naming its source.
    let out = env.run_with_input(&["build", "-"], b"FROM busybox\nCOPY hello /hello\n");
    assert!(!out.status.success(), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"hello\""), "{}", common::describe(&out));
}

#[test]
fn dash_f_names_the_dockerfile_on_stdin_or_another_file() {
    let env = TestEnv::with_busybox();
    let c = hello_context(&env, "ctx");
    let id = build_with_input(&env, &["-f", "-", s(&c)], b"FROM busybox\nCOPY hello /from-stdin\n");
    assert_eq!(sh(&env, &id, "cat /from-stdin"), "hello from the tarball\n", "the context is the directory, the Dockerfile stdin's");

    write(&c, "other.Dockerfile", "FROM busybox\nCOPY hello /from-other\n");
    let relative = build(&env, &["-f", "ctx/other.Dockerfile", s(&c)]);
    assert_eq!(sh(&env, &relative, "ls /from-other /hello 2>&1; true"), "ls: /hello: No such file or directory\n/from-other\n");
    // A name that is not a path from here is looked up in the context.
    let in_context = build(&env, &["-f", "other.Dockerfile", s(&c)]);
    assert_eq!(in_context, relative, "the same Dockerfile and context give the same (cached) image");

    // A tarball on stdin leaves no stdin for -f -.
    let out = env.run_with_input(&["build", "-f", "-", "-"], &tar_of(&c));
    assert_eq!(out.status.code(), Some(125), "{}", common::describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-f -") && err.contains("-f PATH"), "names the fix: {err}");
    // With a tarball on stdin, -f names a file in it.
    let id = build_with_input(&env, &["-f", "other.Dockerfile", "-"], &tar_of(&c));
    assert_eq!(sh(&env, &id, "cat /from-other"), "hello from the tarball\n");
}

#[test]
fn containerfile_is_found_and_preferred_over_dockerfile() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "only");
    write(&c, "Containerfile", "FROM busybox\nRUN echo containerfile > /which\n");
    let id = build(&env, &[s(&c)]);
    assert_eq!(sh(&env, &id, "cat /which"), "containerfile\n");

    write(&c, "Dockerfile", "FROM busybox\nRUN echo dockerfile > /which\n");
    let id = build(&env, &[s(&c)]);
    assert_eq!(sh(&env, &id, "cat /which"), "containerfile\n", "Podman reads Containerfile first");

    let none = context(&env, "none");
    let (_, err) = env.fails(&["build", s(&none)]);
    assert!(err.contains("Containerfile") && err.contains("-f"), "{err}");
}

#[test]
fn copy_places_files_by_dockers_destination_rules() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "a.txt", "a\n");
    write(&c, "b.txt", "b\n");
    write(&c, "src/one", "1\n");
    write(&c, "src/sub/two", "2\n");
    write(&c, "lonely/only", "only\n");
    write(&c, "v1.2-artifact.bin", "artifact\n");
    fs::create_dir(c.join("empty")).expect("mkdir");
    write(&c, "Dockerfile", "\
FROM busybox
COPY a.txt /renamed
COPY a.txt /into/
COPY a.txt /tmp
COPY a.txt b.txt /both/
COPY *.txt /glob/
COPY *-artifact.bin /artifact.bin
COPY src /contents
COPY lonely /lonely
COPY empty /empty
WORKDIR /work
COPY a.txt rel
COPY b.txt reldir/
COPY a.txt .
");
    let id = build(&env, &[s(&c)]);
    let out = sh(&env, &id, "cat /renamed /into/a.txt /tmp/a.txt /artifact.bin; cd / && find both glob contents lonely empty work | sort");
    assert_eq!(
        out,
        "a\na\na\nartifact\nboth\nboth/a.txt\nboth/b.txt\ncontents\ncontents/one\ncontents/sub\ncontents/sub/two\nempty\n\
         glob\nglob/a.txt\nglob/b.txt\nlonely\nlonely/only\nwork\nwork/a.txt\nwork/rel\nwork/reldir\nwork/reldir/b.txt\n",
        "a file to a new name is renamed (a wildcard's one match too), to dir/ or an existing directory keeps its name; \
         a directory copies its contents, even one file or none; a relative destination is under WORKDIR"
    );
}

#[test]
fn several_sources_need_a_directory_destination() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "a.txt", "a");
    write(&c, "b.txt", "b");
    write(&c, "Dockerfile", "FROM busybox\nCOPY a.txt b.txt /dest\n");
    let (code, err) = env.fails(&["build", "-t", "multi", s(&c)]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("more than one source") && err.contains("/dest/"), "names the fix: {err}");
    assert!(!env.ok(&["images"]).contains("multi"), "no image tagged");
    // One wildcard that matches several files makes the destination a
    // directory, as BuildKit and Buildah do (the classic builder refused).
    write(&c, "Dockerfile", "FROM busybox\nCOPY *.txt /dest\n");
    let id = build(&env, &[s(&c)]);
    assert_eq!(tree(&env, &id, "/dest"), ".\n./a.txt\n./b.txt\n");
}

#[test]
fn copy_sets_owner_mode_and_keeps_mtime() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    for f in ["plain", "ids", "named", "namedgroup", "moded"] {
        write(&c, f, f);
        let file = fs::File::options().write(true).open(c.join(f)).expect("open");
        file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(OLD_MTIME as u64)).expect("set mtime");
        fs::set_permissions(c.join(f), fs::Permissions::from_mode(0o640)).expect("chmod");
        if is_root() {
            // Rootless, the files belong to the caller, already not root.
            std::os::unix::fs::chown(c.join(f), Some(1234), Some(1234)).expect("chown");
        }
    }
    write(&c, "Dockerfile", "\
FROM busybox
RUN echo 'app:x:2345:2345::/:/bin/sh' >> /etc/passwd && echo 'grp:x:3456:' >> /etc/group
COPY plain /plain
COPY --chown=1000:1000 ids /ids
COPY --chown=app named /named
COPY --chown=app:grp namedgroup /namedgroup
COPY --chmod=751 moded /moded
COPY --chown=1000:1000 --chmod=751 moded /dir/
COPY suid /suid
COPY --chown=1000:1000 suid /suid-chowned
COPY tree /tree/
");
    write(&c, "tree/sub/leaf", "leaf");
    let sub = fs::File::open(c.join("tree/sub")).expect("open the directory");
    sub.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(OLD_MTIME as u64)).expect("set the directory's mtime");
    write(&c, "suid", "suid");
    fs::set_permissions(c.join("suid"), fs::Permissions::from_mode(0o4755)).expect("chmod");
    let id = build(&env, &[s(&c)]);
    let out = sh(&env, &id, "cd / && stat -c '%n %u:%g %a %Y' plain ids named namedgroup moded dir dir/moded");
    let want = format!(
        "plain 0:0 640 {t}\nids 1000:1000 640 {t}\nnamed 2345:2345 640 {t}\nnamedgroup 2345:3456 640 {t}\nmoded 0:0 751 {t}\n",
        t = OLD_MTIME
    );
    let (files, dirs) = out.split_at(want.len().min(out.len()));
    assert_eq!(files, want, "owner 0:0 unless --chown (resolved in the image), --chmod's bits, the source's mtime:\n{out}");
    let dir_lines: Vec<&str> = dirs.lines().collect();
    assert_eq!(dir_lines.len(), 2, "{out}");
    assert!(dir_lines[0].starts_with("dir 1000:1000 755 "), "a directory COPY makes belongs to --chown: {out}");
    assert_eq!(dir_lines[1], format!("dir/moded 1000:1000 751 {OLD_MTIME}"));
    assert_eq!(sh(&env, &id, "stat -c '%n %u:%g %a' /suid /suid-chowned"), "/suid 0:0 4755\n/suid-chowned 1000:1000 4755\n", "setuid survives the chown");
    assert_eq!(sh(&env, &id, "stat -c %Y /tree/sub"), format!("{OLD_MTIME}\n"), "a directory keeps its mtime though files were written into it");
}

#[test]
fn copy_from_a_stage_and_from_an_image() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "Dockerfile", "\
FROM busybox AS maker
RUN mkdir -p /out/sub /empty && echo built > /out/sub/file && chmod 700 /out/sub/file && chown 1000:1000 /out/sub/file \\
 && ln -s /out/sub/file /abs-link && ln -s /etc /etc-link
FROM busybox
COPY --from=maker /out /copied
COPY --from=maker /out/sub/file /single
COPY --from=maker /out/*/fi?e /globbed
COPY --from=maker /out/sub /lonely
COPY --from=maker /empty /empty
COPY --from=maker /abs-link /via-link
COPY --from=maker /etc-link/group /group
COPY --from=busybox:latest /etc/passwd /from-image
");
    let id = build(&env, &[s(&c)]);
    let out = sh(&env, &id, "cat /copied/sub/file /single /via-link; stat -c '%n %u:%g %a' /copied/sub/file /single /globbed /lonely/file /empty; head -n1 /from-image /group");
    assert_eq!(
        out,
        "built\nbuilt\nbuilt\n/copied/sub/file 0:0 700\n/single 0:0 700\n/globbed 0:0 700\n/lonely/file 0:0 700\n/empty 0:0 755\n\
         ==> /from-image <==\nroot:x:0:0:root:/root:/bin/sh\n\n==> /group <==\nroot:x:0:\n",
        "a stage's directory copies its contents (one file or none too), owned by root unless --chown, modes kept; \
         links are followed inside the stage"
    );

    write(&c, "Dockerfile", "FROM busybox\nCOPY --from=busybox /nonexistent /x\n");
    let (code, err) = env.fails(&["build", "-t", "nofrom", s(&c)]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains("\"/nonexistent\"") && err.contains("matches nothing"), "{err}");
}

#[test]
fn from_scratch_with_a_static_binary_copied_from_a_stage_runs() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "Dockerfile", "FROM busybox AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /busybox\nCMD [\"/busybox\", \"echo\", \"hi\"]\n");
    let id = build(&env, &["-t", "tiny", s(&c)]);
    assert_eq!(env.ok(&["run", "--rm", &id]), "hi\n");
    assert_eq!(env.ok(&["run", "--rm", "tiny", "/busybox", "echo", "again"]), "again\n");
    let files = env.ok(&["run", "--rm", "tiny", "/busybox", "ls", "/"]);
    assert!(!files.contains("bin\n"), "scratch has nothing but what was copied (and what a container mounts): {files}");
}

#[test]
fn add_unpacks_a_local_tarball_and_copies_a_plain_file() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    let payload = context(&env, "payload");
    write(&payload, "top", "top\n");
    write(&payload, "dir/inner", "inner\n");
    fs::write(c.join("bundle.tar.gz"), gzip(&tar_of(&payload))).expect("write the archive");
    // A tarball's name does not matter to ADD, its bytes do.
    fs::write(c.join("named-oddly"), tar_of(&payload)).expect("write the archive");
    write(&c, "notes.tar.gz", "not an archive at all\n");
    write(&c, "archives/in-a-dir.tar", "");
    fs::write(c.join("archives/in-a-dir.tar"), tar_of(&payload)).expect("write the archive");
    write(&c, "Dockerfile", "\
FROM busybox
ADD bundle.tar.gz /unpacked/
ADD named-oddly /odd
ADD notes.tar.gz /notes/
ADD bundle.* named-* /globbed/
ADD archives /kept/
");
    let id = build(&env, &[s(&c)]);
    assert_eq!(
        sh(&env, &id, "cat /unpacked/top /unpacked/dir/inner /odd/dir/inner /notes/notes.tar.gz /globbed/top; ls /globbed; ls /kept"),
        "top\ninner\ninner\nnot an archive at all\ntop\ndir\ntop\nin-a-dir.tar\n",
        "archives named or matched are unpacked, one inside a directory source is copied as it is"
    );
}

/// A tar with what `tar -x` takes and Docker's ADD too: an absolute name,
/// ids and a setuid mode, a hard link, and a link to /etc with a file
/// written through it.
fn awkward_tar(through: &str) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let mut file = |name: &str, body: &[u8], mode: u32, ids: u64| {
        let mut h = tar::Header::new_gnu();
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_entry_type(tar::EntryType::Regular);
        h.set_size(body.len() as u64);
        h.set_mode(mode);
        h.set_uid(ids);
        h.set_gid(ids);
        h.set_mtime(OLD_MTIME as u64);
        h.set_cksum();
        b.append(&h, body).expect("append a file");
    };
    file("/absolute", b"abs\n", 0o644, 0);
    file("owned", b"owned\n", 0o4755, 1000);
    let mut link = |kind: tar::EntryType, name: &str, target: &str| {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(kind);
        h.set_size(0);
        h.set_mode(0o777);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(OLD_MTIME as u64);
        b.append_link(&mut h, name, target).expect("append a link");
    };
    link(tar::EntryType::Link, "hard", "owned");
    link(tar::EntryType::Symlink, "etc-link", "/etc");
    let mut h = tar::Header::new_gnu();
    h.set_size(8);
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(OLD_MTIME as u64);
    b.append_data(&mut h, format!("etc-link/{through}"), &b"through\n"[..]).expect("append through the link");
    b.into_inner().expect("finish the archive")
}

#[test]
fn add_unpacks_an_archive_as_tar_does_and_inside_the_image() {
    let env = TestEnv::with_busybox();
    let through = format!("pontoon-add-through-{}", std::process::id());
    let c = context(&env, "ctx");
    fs::write(c.join("awkward.tar"), awkward_tar(&through)).expect("write the archive");
    write(&c, "Dockerfile", "FROM busybox\nADD awkward.tar /x/\nADD --chown=2000:3000 awkward.tar /chowned/\n");
    let id = build(&env, &[s(&c)]);
    assert!(!Path::new("/etc").join(&through).exists(), "the archive wrote the host's /etc");
    let out = sh(&env, &id, &format!("cat /x/absolute /etc/{through}; stat -c '%n %u:%g %a %h %Y' /x/owned /chowned/owned /chowned/absolute; readlink /x/etc-link; [ /x/owned -ef /x/hard ] && echo linked"));
    assert_eq!(
        out,
        format!(
            "abs\nthrough\n/x/owned 1000:1000 4755 2 {OLD_MTIME}\n/chowned/owned 2000:3000 4755 2 {OLD_MTIME}\n\
             /chowned/absolute 2000:3000 644 1 {OLD_MTIME}\n/etc\nlinked\n"
        ),
        "a leading / is dropped, ids (unless --chown), modes, times and hard links are kept, a link is followed inside the image"
    );
}

#[test]
fn add_downloads_a_url_with_mode_0600_and_checks_its_checksum() {
    let env = TestEnv::with_busybox();
    let listener = env.listen_tcp("127.0.0.1:0");
    let port = listener.local_addr().expect("the server's address").port();
    common::serve_http(listener, "downloaded\n");
    let url = format!("http://127.0.0.1:{port}/files/remote.txt");
    let c = context(&env, "ctx");
    write(&c, "Dockerfile", &format!("FROM busybox\nADD {url} /fetched/\nADD {url} /renamed\n"));
    let id = build(&env, &[s(&c)]);
    assert_eq!(
        sh(&env, &id, "cat /fetched/remote.txt; stat -c '%n %u:%g %a' /fetched/remote.txt /renamed"),
        "downloaded\n/fetched/remote.txt 0:0 600\n/renamed 0:0 600\n"
    );

    // The download's own sha256 passes, any other fails.
    let real = {
        use sha2::Digest;
        format!("sha256:{}", hex::encode(sha2::Sha256::digest(b"downloaded\n")))
    };
    write(&c, "Dockerfile", &format!("FROM busybox\nADD --checksum={real} {url} /checked\n"));
    let id = build(&env, &[s(&c)]);
    assert_eq!(sh(&env, &id, "cat /checked"), "downloaded\n");
    let wrong = format!("sha256:{}", "0".repeat(64));
    write(&c, "Dockerfile", &format!("FROM busybox\nADD --checksum={wrong} {url} /checked\n"));
    let (code, err) = env.fails(&["build", "-t", "badsum", s(&c)]);
    assert_ne!(code, 0);
    assert!(err.contains("checksum") && err.contains(&wrong), "{err}");
    assert!(!env.ok(&["images"]).contains("badsum"), "no image tagged");

    // A server's refusal is one line naming the URL and the answer.
    let missing = env.listen_tcp("127.0.0.1:0");
    let missing_port = missing.local_addr().expect("the server's address").port();
    common::serve_reply(missing, "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let gone = format!("http://127.0.0.1:{missing_port}/gone.txt");
    write(&c, "Dockerfile", &format!("FROM busybox\nADD {gone} /gone\n"));
    let (code, err) = env.fails(&["build", s(&c)]);
    assert_eq!(code, 125, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains(&gone) && err.contains("HTTP 404"), "{err}");
}

#[test]
fn a_destination_symlinked_to_etc_stays_in_the_image() {
    let env = TestEnv::with_busybox();
    let name = format!("pontoon-escape-{}", std::process::id());
    let host_file = Path::new("/etc").join(&name);
    let c = context(&env, "ctx");
    write(&c, "f", "inside\n");
    write(&c, "Dockerfile", &format!("FROM busybox\nRUN ln -s /etc /target\nCOPY f /target/{name}\n"));
    let id = build(&env, &[s(&c)]);
    assert!(!host_file.exists(), "the copy wrote the host's {}", host_file.display());
    assert_eq!(sh(&env, &id, &format!("cat /etc/{name}; readlink /target")), "inside\n/etc\n", "the link is followed inside the image");
}

#[test]
fn a_context_symlink_out_of_the_context_cannot_be_copied() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    std::os::unix::fs::symlink("/etc/passwd", c.join("leak")).expect("symlink");
    write(&c, "Dockerfile", "FROM busybox\nCOPY leak /leak\n");
    let (code, err) = env.fails(&["build", "-t", "leaky", s(&c)]);
    assert_eq!(code, 125, "{err}");
    assert!(err.contains("\"leak\"") && err.contains("not in the build context"), "{err}");
    assert!(!env.ok(&["images"]).contains("leaky"), "no image tagged");
}

#[test]
fn a_source_that_matches_nothing_fails_naming_it() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "present", "p");
    for source in ["absent.txt", "*.nothing"] {
        write(&c, "Dockerfile", &format!("FROM busybox\nCOPY present /p\nCOPY {source} /dest/\n"));
        let (code, err) = env.fails(&["build", "-t", "nomatch", s(&c)]);
        assert_eq!(code, 125, "{err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(&format!("{source:?}")) && err.contains("matches nothing"), "{err}");
    }
    assert!(!env.ok(&["images"]).contains("nomatch"), "no image tagged");
}

#[test]
fn the_cache_follows_the_contents_of_what_is_copied() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    write(&c, "f", "first\n");
    write(&c, "Dockerfile", "FROM busybox\nCOPY f /f\nRUN cat /f > /seen\n");
    let iid = env.path().join("iid");
    let out = env.ok(&["build", "-q", "--iidfile", s(&iid), s(&c)]);
    let first = out.trim().to_string();
    assert_eq!(out, format!("{first}\n"), "-q prints the id alone");
    assert_eq!(fs::read_to_string(&iid).expect("the iidfile"), format!("sha256:{first}"), "the iidfile holds the digest alone, as Docker writes it");
    assert_eq!(sh(&env, &first, "cat /seen"), "first\n");

    let file = fs::File::options().write(true).open(c.join("f")).expect("open");
    file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(OLD_MTIME as u64)).expect("touch");
    let out = env.ok(&["build", s(&c)]);
    assert!(out.contains("--> Using cache"), "a touched file keeps the cache:\n{out}");
    assert_eq!(out.lines().last(), Some(first.as_str()));

    write(&c, "f", "second\n");
    let second = build(&env, &[s(&c)]);
    assert_ne!(second, first, "an edited file misses the cache");
    assert_eq!(sh(&env, &second, "cat /seen"), "second\n", "and the steps after it run again");
}

/// `security.capability` of cap_net_raw, effective (a version 2 value,
/// which a user namespace turns into its own version 3).
const NET_RAW_CAPABILITY: [u8; 20] = [1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/// getcap of paths in an image, read from `pontoon image mount` inside
/// `pontoon unshare` (rootless, the store's files are the namespace's).
fn getcap(env: &TestEnv, image: &str, paths: &[&str]) -> String {
    let bin = common::pontoon_bin();
    let list: Vec<String> = paths.iter().map(|p| format!("\"$R{p}\"")).collect();
    let script = format!("R=$({} image mount {image}) || exit 1; cd \"$R\" && /usr/sbin/getcap {}; {} image unmount {image} >/dev/null", bin.display(), list.join(" "), bin.display());
    let out = env.cmd(&["unshare", "sh", "-c", &script]).output().expect("run pontoon unshare");
    assert!(out.status.success(), "{}", common::describe(&out));
    let root = String::from_utf8_lossy(&out.stdout).into_owned();
    // getcap prints the full path; keep the part inside the image.
    root.lines().map(|l| l.split_once("/merged").map_or(l, |(_, rest)| rest).to_string() + "\n").collect()
}

#[test]
fn file_capabilities_survive_copy_add_and_copy_from() {
    let env = TestEnv::with_busybox();
    let c = context(&env, "ctx");
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(5);
    h.set_mode(0o755);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(OLD_MTIME as u64);
    b.append_pax_extensions([("SCHILY.xattr.security.capability", &NET_RAW_CAPABILITY[..])]).expect("append the capability");
    b.append_data(&mut h, "pinger", &b"ping\n"[..]).expect("append the file");
    fs::write(c.join("caps.tar"), b.into_inner().expect("finish the archive")).expect("write the archive");
    let mut dockerfile = String::from("FROM busybox AS caps\nADD caps.tar /bin/\nFROM caps\nADD --chown=1000:1000 caps.tar /chowned/\n");
    let mut want = String::from("/bin/pinger cap_net_raw=ep\n/chowned/pinger cap_net_raw=ep\n/from-stage cap_net_raw=ep\n");
    let mut paths = vec!["/bin/pinger", "/chowned/pinger", "/from-stage"];
    if is_root() {
        // Only root can give a host file a capability; the context's is kept too.
        write(&c, "capped", "capped\n");
        let set = std::process::Command::new("/usr/sbin/setcap").args(["cap_net_raw+ep", s(&c.join("capped"))]).status().expect("run setcap");
        assert!(set.success(), "setcap");
        dockerfile.push_str("COPY capped /capped\n");
        want.push_str("/capped cap_net_raw=ep\n");
        paths.push("/capped");
    }
    dockerfile.push_str("COPY --from=caps /bin/pinger /from-stage\n");
    write(&c, "Dockerfile", &dockerfile);
    let id = build(&env, &[s(&c)]);
    assert_eq!(getcap(&env, &id, &paths), want, "the capability is kept where chown would clear it");
}
