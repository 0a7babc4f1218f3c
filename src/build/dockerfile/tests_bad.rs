//! Bad inputs and the one-line errors users see: file, line, instruction,
//! the problem and the fix.

use super::*;

#[test]
fn bad_dockerfiles_name_the_place_and_the_fix() {
    let cases: &[(&str, &str)] = &[
        ("", "Dockerfile: no FROM instruction: start the Dockerfile with FROM IMAGE (ARGs may come before it)"),
        ("# only a comment\nARG A=1\n", "Dockerfile: no FROM instruction"),
        ("RUN echo\nFROM a\n", "Dockerfile:1: RUN: RUN comes before the first FROM: only ARG may precede FROM"),
        ("FROM a\nFOO bar\n", "Dockerfile:2: FOO: unknown instruction FOO: use one of FROM, RUN, CMD"),
        ("FROM a\n\nRUN\n", "Dockerfile:3: RUN: RUN needs arguments: write RUN [--mount=...] [--network=none] COMMAND"),
        ("FROM a\nCOPY onlyone\n", "Dockerfile:2: COPY: COPY needs a source and a destination: write COPY SRC... DEST"),
        ("FROM a\nCMD [\"a\", 'b']\n", "Dockerfile:2: CMD: the exec form [\"a\", 'b'] is not a JSON array of strings: use double quotes around each word"),
        ("FROM a\nENTRYPOINT [\"a\", \"b\",]\n", "Dockerfile:2: ENTRYPOINT: the exec form [\"a\", \"b\",] is not a JSON array of strings: check its quotes and commas"),
        ("FROM a\nRUN --from=build make\n", "Dockerfile:2: RUN: unknown flag --from: RUN accepts --mount, --network, --security (only COPY takes --from; for RUN use --mount=type=bind,from=STAGE)"),
        ("FROM a\nADD --from=x a b\n", "Dockerfile:2: ADD: unknown flag --from: ADD accepts --chown, --chmod, --link, --checksum, --keep-git-dir, --exclude (only COPY takes --from)"),
        ("FROM a\nFORM b\n", "Dockerfile:2: FORM: unknown instruction FORM: did you mean FROM?"),
        ("FROM a\nentrypiont [\"x\"]\n", "Dockerfile:2: ENTRYPIONT: unknown instruction ENTRYPIONT: did you mean ENTRYPOINT?"),
        ("FROM a\nCOPY --form=x a b\n", "Dockerfile:2: COPY: unknown flag --form: COPY accepts --from, --chown"),
        ("FROM a\nCOPY --from a b\n", "Dockerfile:2: COPY: flag --from needs a value: write --from=VALUE"),
        ("FROM a\nCOPY --from=x --from=y a b\n", "Dockerfile:2: COPY: flag --from is given twice: keep one"),
        ("FROM a\nCOPY --link=yes a b\n", "Dockerfile:2: COPY: flag --link takes true or false"),
        ("FROM a\nCMD --help\n", "Dockerfile:2: CMD: unknown flag --help: CMD takes no flags"),
        ("FROM a\nRUN --network=bridge make\n", "Dockerfile:2: RUN: --network=bridge is unknown: use default, none or host"),
        ("FROM a\nRUN --mount=type=cache make\n", "Dockerfile:2: RUN: mount type=cache needs target=PATH"),
        ("FROM a\nRUN --mount=type=nfs,target=/x make\n", "Dockerfile:2: RUN: unknown mount type \"nfs\""),
        ("FROM a\nRUN --mount=type=tmpfs,target=/x,from=b make\n", "Dockerfile:2: RUN: mount option \"from\" does not apply to type=tmpfs"),
        ("FROM a\nRUN --mount=type=secret make\n", "Dockerfile:2: RUN: mount type=secret needs id=ID"),
        ("FROM a\nRUN --mount=type=cache,target=/c,mode=rwx make\n", "mount mode=rwx is not an octal mode"),
        ("FROM a\nRUN --mount=type=tmpfs,target=/t,size=lots make\n", "mount size=lots is not a size"),
        ("FROM a\nRUN <<EOF\necho hi\n", "Dockerfile:2: RUN: unterminated heredoc <<EOF: end its body with a line holding only EOF"),
        ("FROM a\nCOPY <<A <<B /x\nbody\nA\n", "Dockerfile:2: COPY: unterminated heredoc <<B"),
        ("FROM a\nRUN cat <<\n", "Dockerfile:2: RUN: heredoc marker << has no delimiter word"),
        ("FROM a\nCOPY a <<EOF\nx\nEOF\n", "Dockerfile:2: COPY: the destination cannot be the heredoc <<EOF"),
        ("FROM a\nSHELL /bin/bash -c\n", "Dockerfile:2: SHELL: SHELL needs the JSON form: write SHELL [\"executable\", \"arg\"]"),
        ("FROM a\nSHELL []\n", "Dockerfile:2: SHELL: SHELL needs the JSON form"),
        ("FROM a\nHEALTHCHECK curl localhost\n", "Dockerfile:2: HEALTHCHECK: expected CMD or NONE"),
        ("FROM a\nHEALTHCHECK --interval=5 CMD true\n", "Dockerfile:2: HEALTHCHECK: --interval=5 is not a duration: write it like 30s, 1m30s or 500ms"),
        ("FROM a\nHEALTHCHECK --timeout=10us CMD true\n", "--timeout=10us is less than 1ms"),
        ("FROM a\nHEALTHCHECK --retries=many CMD true\n", "--retries=many is not a whole number"),
        ("FROM a\nHEALTHCHECK --retries=2 NONE\n", "HEALTHCHECK NONE takes no options or command"),
        ("FROM a\nHEALTHCHECK CMD\n", "HEALTHCHECK CMD needs a command"),
        ("FROM a\nHEALTHCHECK --start=1s CMD true\n", "unknown flag --start: HEALTHCHECK accepts --interval"),
        ("FROM a\nONBUILD ONBUILD RUN x\n", "Dockerfile:2: ONBUILD: ONBUILD cannot trigger ONBUILD"),
        ("FROM a\nONBUILD FROM b\n", "ONBUILD cannot trigger FROM"),
        ("FROM a\nONBUILD BOGUS x\n", "Dockerfile:2: ONBUILD: unknown instruction BOGUS"),
        ("FROM a\nONBUILD COPY x\n", "Dockerfile:2: ONBUILD: COPY needs a source and a destination"),
        ("FROM a\nENV A=1 B\n", "Dockerfile:2: ENV: ENV word B has no =: write every pair as key=value"),
        ("FROM a\nENV ONLYKEY\n", "Dockerfile:2: ENV: ENV ONLYKEY has no value: write ENV ONLYKEY=VALUE"),
        ("FROM a\nLABEL =x\n", "Dockerfile:2: LABEL: LABEL pair =x has an empty key"),
        ("FROM a\nARG 9lives\n", "Dockerfile:2: ARG: ARG name \"9lives\" is not a variable name"),
        ("FROM a\nVOLUME [\"\"]\n", "Dockerfile:2: VOLUME: VOLUME has an empty path"),
        ("FROM\n", "Dockerfile:1: FROM: FROM needs an image: write FROM IMAGE [AS NAME] (FROM scratch for an empty one)"),
        ("FROM a b\n", "Dockerfile:1: FROM: FROM takes IMAGE [AS NAME], not \"a b\""),
        ("FROM a AS\n", "Dockerfile:1: FROM: FROM takes IMAGE [AS NAME]"),
        ("FROM --platform linux/amd64 a\n", "Dockerfile:1: FROM: flag --platform needs a value"),
        ("FROM a AS 1st\n", "Dockerfile:1: FROM: stage name \"1st\" is invalid"),
        ("FROM a AS build\nFROM b AS Build\n", "Dockerfile:2: FROM: stage name build is already used by the FROM on line 1"),
        ("# escape=x\nFROM a\n", "Dockerfile:1: invalid escape directive \"x\": use `# escape=\\` or `# escape=``"),
        ("# escape=`\n# escape=\\\nFROM a\n", "Dockerfile:2: parser directive escape given twice"),
    ];
    for (text, want) in cases {
        match parse(text, "Dockerfile") {
            Ok(d) => panic!("{text:?} should fail with {want:?}, parsed as {d:?}"),
            Err(e) => {
                let got = e.to_string();
                assert!(got.contains(want), "{text:?}\n got: {got}\nwant: {want}");
                assert!(!got.contains('\n'), "errors are one line: {got:?}");
            }
        }
    }
}

#[test]
fn errors_name_the_file_as_the_user_gave_it() {
    let e = parse("FROM a\n  bogus x\n", "app/Containerfile").expect_err("unknown instruction");
    assert_eq!((e.file.as_deref(), e.line, e.instruction.as_deref()), (Some("app/Containerfile"), Some(2), Some("BOGUS")));
}

#[test]
fn an_error_on_a_continued_line_names_its_first_line() {
    let e = parse("FROM a\nRUN --network=bridge \\\n  make\n", "Dockerfile").expect_err("bad network");
    assert_eq!(e.line, Some(2));
}

/// Pieces that stress the lexer, the flags, the JSON form and expansion.
const PIECES: &[&str] = &[
    "FROM a\n", "FROM ", " AS ", "RUN ", "COPY ", "ADD ", "ENV ", "LABEL ", "ONBUILD ", "HEALTHCHECK ", "CMD ",
    "SHELL ", "# escape=`\n", "<<", "<<-", "EOF", "\n", "\\", "`", "\"", "'", "[", "]", ",", "${", "}", ":-",
    ":+", "?", "$", "--mount=", "type=cache", "target=", "--", "=", " ", "\t", "#", "é", "\r\n", "NONE", "x",
];

#[test]
fn arbitrary_text_gives_a_model_or_a_one_line_error_never_a_panic() {
    // A fixed linear congruential sequence: the same inputs on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut errors = 0;
    for _ in 0..3000 {
        let len = 1 + next() % 24;
        let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
        if let Err(e) = parse(&text, "Dockerfile") {
            errors += 1;
            let shown = e.to_string();
            assert!(shown.starts_with("Dockerfile"), "{text:?}: {shown}");
            assert!(!shown.contains('\n'), "{text:?}: {shown:?}");
        }
        if let Err(e) = expand(&text, &|_| None, '\\') {
            assert!(!e.message.is_empty(), "{text:?}");
        }
    }
    assert!(errors > 0, "the pieces should make some bad Dockerfiles");
}
