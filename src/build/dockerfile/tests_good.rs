//! Good inputs and the model they give.

use std::time::Duration;

use super::*;

fn parse_ok(text: &str) -> Dockerfile {
    match parse(text, "Dockerfile") {
        Ok(d) => d,
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

/// The instructions of the only stage of `FROM base` + `body`.
fn body(body: &str) -> Vec<Instruction> {
    let d = parse_ok(&format!("FROM base\n{body}"));
    assert_eq!(d.stages.len(), 1, "{body}");
    d.stages[0].instructions.iter().map(|s| s.instruction.clone()).collect()
}

fn s(v: &str) -> String {
    v.to_string()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn kv(pairs: &[(&str, &str)]) -> Vec<KeyValue> {
    pairs.iter().map(|(k, v)| KeyValue { key: s(k), value: s(v) }).collect()
}

fn run(command: Command) -> Run {
    Run { command, mounts: vec![], network: None, security: None, heredocs: vec![] }
}

fn transfer(sources: &[&str], dest: &str) -> Transfer {
    Transfer { sources: sources.iter().map(|p| Source::Path(s(p))).collect(), dest: s(dest), ..Default::default() }
}

fn mount(kind: MountKind, target: &str) -> RunMount {
    RunMount {
        kind,
        target: Some(s(target)),
        source: None,
        from: None,
        id: None,
        readonly: matches!(kind, MountKind::Bind | MountKind::Secret | MountKind::Ssh),
        sharing: CacheSharing::Shared,
        mode: None,
        uid: None,
        gid: None,
        size: None,
        required: false,
        env: None,
    }
}

#[test]
fn each_instruction_form_gives_its_model() {
    use Instruction as I;
    let cases: Vec<(&str, Instruction)> = vec![
        ("RUN echo hi", I::Run(run(Command::Shell(s("echo hi"))))),
        ("run  echo   hi  ", I::Run(run(Command::Shell(s("echo   hi"))))),
        ("RUN [\"/bin/echo\", \"a b\"]", I::Run(run(Command::Exec(strings(&["/bin/echo", "a b"]))))),
        ("RUN [ -f /etc/passwd ]", I::Run(run(Command::Shell(s("[ -f /etc/passwd ]"))))),
        ("RUN [ \"$A\" = b ]", I::Run(run(Command::Shell(s("[ \"$A\" = b ]"))))),
        (
            "RUN --network=none --security=insecure make",
            I::Run(Run { network: Some(RunNetwork::None), security: Some(s("insecure")), ..run(Command::Shell(s("make"))) }),
        ),
        ("RUN -- --not-a-flag", I::Run(run(Command::Shell(s("--not-a-flag"))))),
        ("CMD [\"nginx\", \"-g\", \"daemon off;\"]", I::Cmd(Command::Exec(strings(&["nginx", "-g", "daemon off;"])))),
        ("CMD []", I::Cmd(Command::Exec(vec![]))),
        ("CMD echo $HOME", I::Cmd(Command::Shell(s("echo $HOME")))),
        ("ENTRYPOINT [\"/init\"]", I::Entrypoint(Command::Exec(strings(&["/init"])))),
        ("ENTRYPOINT exec top -b", I::Entrypoint(Command::Shell(s("exec top -b")))),
        ("ENV A=1 B=\"two words\" C=", I::Env(kv(&[("A", "1"), ("B", "\"two words\""), ("C", "")]))),
        ("ENV PATH /usr/local/bin:$PATH", I::Env(kv(&[("PATH", "/usr/local/bin:$PATH")]))),
        ("ENV GREETING hello big   world", I::Env(kv(&[("GREETING", "hello big   world")]))),
        ("ENV A=a\\ b", I::Env(kv(&[("A", "a\\ b")]))),
        (
            "ARG VERSION ARG2=default",
            I::Arg(vec![
                ArgDecl { name: s("VERSION"), default: None },
                ArgDecl { name: s("ARG2"), default: Some(s("default")) },
            ]),
        ),
        (
            "LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0 description='a b'",
            I::Label(kv(&[("\"com.example.vendor\"", "\"ACME Inc\""), ("version", "1.0"), ("description", "'a b'")])),
        ),
        ("EXPOSE 80 53/udp 8000-8010/tcp", I::Expose(strings(&["80", "53/udp", "8000-8010/tcp"]))),
        ("VOLUME [\"/data\", \"/logs\"]", I::Volume(strings(&["/data", "/logs"]))),
        ("VOLUME /data /logs", I::Volume(strings(&["/data", "/logs"]))),
        ("USER app:staff", I::User(s("app:staff"))),
        ("WORKDIR /My Documents", I::Workdir(s("/My Documents"))),
        ("STOPSIGNAL SIGTERM", I::StopSignal(s("SIGTERM"))),
        ("MAINTAINER Jane Doe <jane@example.com>", I::Maintainer(s("Jane Doe <jane@example.com>"))),
        ("SHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]", I::Shell(strings(&["/bin/bash", "-euo", "pipefail", "-c"]))),
        ("COPY a.txt /dst/", I::Copy(Copy { transfer: transfer(&["a.txt"], "/dst/"), from: None, parents: false })),
        (
            "COPY --from=builder --chown=1000:1000 --chmod=0755 --link /out/app /usr/bin/app",
            I::Copy(Copy {
                transfer: Transfer {
                    chown: Some(s("1000:1000")),
                    chmod: Some(s("0755")),
                    link: true,
                    ..transfer(&["/out/app"], "/usr/bin/app")
                },
                from: Some(s("builder")),
                parents: false,
            }),
        ),
        (
            "COPY --link=false --parents --exclude=*.md --exclude=tmp src/*.c lib/ /app/",
            I::Copy(Copy {
                transfer: Transfer { exclude: strings(&["*.md", "tmp"]), ..transfer(&["src/*.c", "lib/"], "/app/") },
                from: None,
                parents: true,
            }),
        ),
        ("COPY [\"my file\", \"/dst dir/\"]", I::Copy(Copy { transfer: transfer(&["my file"], "/dst dir/"), from: None, parents: false })),
        (
            "ADD --checksum=sha256:abc --keep-git-dir https://example.com/a.tar.gz /opt/",
            I::Add(Add {
                transfer: transfer(&["https://example.com/a.tar.gz"], "/opt/"),
                checksum: Some(s("sha256:abc")),
                keep_git_dir: true,
            }),
        ),
        ("ADD rootfs.tar.xz /", I::Add(Add { transfer: transfer(&["rootfs.tar.xz"], "/"), checksum: None, keep_git_dir: false })),
        ("HEALTHCHECK NONE", I::Healthcheck(Healthcheck::None)),
        (
            "HEALTHCHECK --interval=5m --timeout=3s --start-period=1m30s --start-interval=500ms --retries=4 CMD curl -f http://localhost/",
            I::Healthcheck(Healthcheck::Check(HealthcheckCommand {
                test: Command::Shell(s("curl -f http://localhost/")),
                interval: Some(Duration::from_secs(300)),
                timeout: Some(Duration::from_secs(3)),
                start_period: Some(Duration::from_secs(90)),
                start_interval: Some(Duration::from_millis(500)),
                retries: Some(4),
            })),
        ),
        (
            "HEALTHCHECK cmd [\"/bin/check\", \"--quiet\"]",
            I::Healthcheck(Healthcheck::Check(HealthcheckCommand {
                test: Command::Exec(strings(&["/bin/check", "--quiet"])),
                interval: None,
                timeout: None,
                start_period: None,
                start_interval: None,
                retries: None,
            })),
        ),
        (
            "ONBUILD RUN make install",
            I::OnBuild { trigger: s("RUN make install"), instruction: Box::new(I::Run(run(Command::Shell(s("make install"))))) },
        ),
        (
            "ONBUILD copy . /src",
            I::OnBuild {
                trigger: s("copy . /src"),
                instruction: Box::new(I::Copy(Copy { transfer: transfer(&["."], "/src"), from: None, parents: false })),
            },
        ),
    ];
    for (text, want) in cases {
        assert_eq!(body(text), vec![want], "{text}");
    }
}

#[test]
fn run_mounts_are_parsed_into_their_fields() {
    let got = body(
        "RUN --mount=type=cache,target=/root/.cache,id=pip,sharing=locked,mode=0700,uid=1000,gid=1000 \\\n\
         --mount=type=bind,source=go.mod,target=/src/go.mod,from=deps,rw \\\n\
         --mount=type=tmpfs,target=/tmp,size=64m \\\n\
         --mount=type=secret,id=aws,env=AWS_KEY,required \\\n\
         --mount=target=/ctx --mount=type=ssh pip install .",
    );
    let Instruction::Run(r) = &got[0] else { panic!("not a RUN: {got:?}") };
    let cache = RunMount {
        id: Some(s("pip")),
        sharing: CacheSharing::Locked,
        mode: Some(0o700),
        uid: Some(1000),
        gid: Some(1000),
        ..mount(MountKind::Cache, "/root/.cache")
    };
    let bind = RunMount {
        source: Some(s("go.mod")),
        from: Some(s("deps")),
        readonly: false,
        ..mount(MountKind::Bind, "/src/go.mod")
    };
    let tmpfs = RunMount { size: Some(64 << 20), ..mount(MountKind::Tmpfs, "/tmp") };
    let secret = RunMount {
        target: None,
        id: Some(s("aws")),
        env: Some(s("AWS_KEY")),
        required: true,
        ..mount(MountKind::Secret, "")
    };
    let ssh = RunMount { target: None, ..mount(MountKind::Ssh, "") };
    assert_eq!(r.mounts, vec![cache, bind, tmpfs, secret, mount(MountKind::Bind, "/ctx"), ssh]);
    assert_eq!(r.command, Command::Shell(s("pip install .")));
}

/// Index, name, base, platform, FROM line, instruction count.
type StageSummary = (usize, Option<String>, String, Option<String>, usize, usize);

#[test]
fn stages_get_indexes_names_bases_and_platforms() {
    let d = parse_ok(
        "ARG BASE=debian:12\nARG TAG\nFROM --platform=$BUILDPLATFORM ${BASE} AS Builder\nRUN make\n\
         from builder as test\nRUN make test\nFROM scratch\nCOPY --from=builder /app /app\n",
    );
    let args: Vec<&Instruction> = d.global_args.iter().map(|a| &a.instruction).collect();
    assert_eq!(
        args,
        vec![
            &Instruction::Arg(vec![ArgDecl { name: s("BASE"), default: Some(s("debian:12")) }]),
            &Instruction::Arg(vec![ArgDecl { name: s("TAG"), default: None }]),
        ]
    );
    let summary: Vec<StageSummary> = d
        .stages
        .iter()
        .map(|st| (st.index, st.name.clone(), st.base.clone(), st.platform.clone(), st.line, st.instructions.len()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (0, Some(s("builder")), s("${BASE}"), Some(s("$BUILDPLATFORM")), 3, 1),
            (1, Some(s("test")), s("builder"), None, 5, 1),
            (2, None, s("scratch"), None, 7, 1),
        ]
    );
    assert_eq!(d.stages[0].original, "FROM --platform=$BUILDPLATFORM ${BASE} AS Builder");
}

#[test]
fn steps_keep_their_line_and_text_with_continuations_joined() {
    let d = parse_ok(
        "# a comment\n\nFROM alpine\n\n  # indented comment\nRUN apk add \\\n    curl \\\n# comment inside\n\n    git\n\
         CMD [\"sh\"]   \r\nRUN echo done \\  \n",
    );
    let steps: Vec<(usize, &str)> = d.stages[0].instructions.iter().map(|s| (s.line, s.original.as_str())).collect();
    assert_eq!(
        steps,
        vec![(6, "RUN apk add     curl     git"), (11, "CMD [\"sh\"]"), (12, "RUN echo done")]
    );
}

#[test]
fn directives_are_read_only_at_the_top() {
    let d = parse_ok("# syntax=docker/dockerfile:1.7\n#  ESCAPE = `\n# check=skip=all\nFROM a\nRUN dir c:\\ `\n  /w\n");
    assert_eq!(
        d.directives,
        Directives { syntax: Some(s("docker/dockerfile:1.7")), escape: '`', check: Some(s("skip=all")) }
    );
    assert_eq!(d.stages[0].instructions[0].original, "RUN dir c:\\   /w");

    // After a comment or a blank line, a directive is only a comment.
    for text in ["# hello\n# escape=`\nFROM a\n", "\n# escape=`\nFROM a\n", "# unknown=x\n# escape=`\nFROM a\n"] {
        assert_eq!(parse_ok(text).directives.escape, '\\', "{text:?}");
    }
    // A BOM does not hide the first directive.
    assert_eq!(parse_ok("\u{feff}# escape=`\nFROM a\n").directives.escape, '`');
}

#[test]
fn run_heredocs_collect_their_bodies() {
    let got = body(
        "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n\
         RUN <<-'SCRIPT' bash\n\t\techo $HOME\n\tSCRIPT\n\
         RUN cat <<A > /a && cat <<\"B\" > /b\none\nA\ntwo\nB\nENV X=1\n",
    );
    let heredocs: Vec<Vec<Heredoc>> = got
        .iter()
        .filter_map(|i| match i {
            Instruction::Run(r) => Some(r.heredocs.clone()),
            _ => None,
        })
        .collect();
    let doc = |name: &str, content: &str, expand: bool, strip_tabs: bool| Heredoc {
        name: s(name),
        content: s(content),
        expand,
        strip_tabs,
    };
    assert_eq!(
        heredocs,
        vec![
            vec![doc("EOF", "apt-get update\napt-get install -y curl\n", true, false)],
            vec![doc("SCRIPT", "echo $HOME\n", false, true)],
            vec![doc("A", "one\n", true, false), doc("B", "two\n", false, false)],
        ]
    );
    assert_eq!(got[3], Instruction::Env(kv(&[("X", "1")])));
    let Instruction::Run(first) = &got[0] else { panic!("not a RUN") };
    assert_eq!(first.command, Command::Shell(s("<<EOF")));
}

#[test]
fn copy_heredocs_are_sources() {
    let got = body("COPY <<EOF /etc/app.conf\nkey=value\nEOF\nCOPY --chmod=755 <<one <<two /bin/\n#!/bin/sh\none\ntwo\n");
    let doc = |name: &str, content: &str| Source::Heredoc(Heredoc { name: s(name), content: s(content), expand: true, strip_tabs: false });
    let Instruction::Copy(first) = &got[0] else { panic!("not a COPY: {got:?}") };
    assert_eq!(first.transfer.sources, vec![doc("EOF", "key=value\n")]);
    assert_eq!(first.transfer.dest, "/etc/app.conf");
    let Instruction::Copy(second) = &got[1] else { panic!("not a COPY: {got:?}") };
    assert_eq!(second.transfer.sources, vec![doc("one", "#!/bin/sh\n"), doc("two", "")]);
    assert_eq!(second.transfer.chmod.as_deref(), Some("755"));
}

#[test]
fn heredoc_bodies_are_taken_as_written() {
    // No comment removal, no continuation, no blank-line skipping inside.
    let got = body("RUN <<EOF\n# kept\necho a \\\n\n  indented\nEOF\n");
    let Instruction::Run(r) = &got[0] else { panic!("not a RUN: {got:?}") };
    assert_eq!(r.heredocs[0].content, "# kept\necho a \\\n\n  indented\n");
}

#[test]
fn the_backtick_escape_continues_lines_and_leaves_backslashes() {
    let d = parse_ok("# escape=`\nFROM mcr.microsoft.com/windows\nCOPY C:\\src\\ `\n  C:\\dst\\\n");
    let Instruction::Copy(c) = &d.stages[0].instructions[0].instruction else { panic!("not a COPY") };
    assert_eq!(c.transfer.sources, vec![Source::Path(s("C:\\src\\"))]);
    assert_eq!(c.transfer.dest, "C:\\dst\\");
}

#[test]
fn stages_are_found_by_name_or_index_and_anything_else_is_an_image() {
    let d = parse_ok("FROM golang AS Build\nRUN make\nFROM alpine\nCOPY --from=build /app /app\n");
    let index = |r: &str| d.stage(r).map(|st| st.index);
    assert_eq!(index("build"), Some(0));
    assert_eq!(index("BUILD"), Some(0));
    assert_eq!(index("0"), Some(0));
    assert_eq!(index("1"), Some(1));
    assert_eq!(index("2"), None);
    assert_eq!(index("+1"), None);
    assert_eq!(index("alpine"), None);
    assert_eq!(index("busybox:1.36"), None);
}
