//! One Dockerfile that uses every instruction, as the acceptance test's
//! Dockerfile will.

use super::*;

const EVERY: &str = r#"# syntax=docker/dockerfile:1
# escape=\
ARG BASE=debian:bookworm
FROM --platform=linux/amd64 ${BASE} AS build
MAINTAINER pontoon <dev@example.com>
ARG VERSION=1.0
ENV CC=gcc CFLAGS="-O2 -Wall"
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
COPY --chown=0:0 --chmod=644 main.c Makefile ./
ADD --link https://example.com/lib.tar.gz /opt/
RUN --mount=type=cache,target=/var/cache/apt \
    --network=none \
    make VERSION=$VERSION
RUN <<EOF
echo built > /src/stamp
EOF

FROM scratch
COPY --from=build /src/app /app
COPY <<EOF /etc/app.conf
mode=production
EOF
LABEL org.opencontainers.image.title="app" version=1.0
EXPOSE 8080/tcp
VOLUME ["/data"]
USER 1000:1000
HEALTHCHECK --interval=30s --retries=3 CMD ["/app", "--check"]
STOPSIGNAL SIGINT
ONBUILD COPY . /src
ENTRYPOINT ["/app"]
CMD ["--serve"]
"#;

fn keyword(i: &Instruction) -> &'static str {
    match i {
        Instruction::Run(_) => "RUN",
        Instruction::Cmd(_) => "CMD",
        Instruction::Entrypoint(_) => "ENTRYPOINT",
        Instruction::Env(_) => "ENV",
        Instruction::Arg(_) => "ARG",
        Instruction::Label(_) => "LABEL",
        Instruction::Expose(_) => "EXPOSE",
        Instruction::Volume(_) => "VOLUME",
        Instruction::User(_) => "USER",
        Instruction::Workdir(_) => "WORKDIR",
        Instruction::Copy(_) => "COPY",
        Instruction::Add(_) => "ADD",
        Instruction::Healthcheck(_) => "HEALTHCHECK",
        Instruction::Shell(_) => "SHELL",
        Instruction::StopSignal(_) => "STOPSIGNAL",
        Instruction::OnBuild { .. } => "ONBUILD",
        Instruction::Maintainer(_) => "MAINTAINER",
    }
}

#[test]
fn a_dockerfile_with_every_instruction_parses_into_two_stages() {
    let d = parse(EVERY, "Dockerfile").expect("parses");
    assert_eq!(d.directives.syntax.as_deref(), Some("docker/dockerfile:1"));
    assert_eq!(d.global_args.len(), 1);
    assert_eq!(d.global_args[0].line, 3);

    let steps = |i: usize| -> Vec<(usize, &'static str)> {
        d.stages[i].instructions.iter().map(|s| (s.line, keyword(&s.instruction))).collect()
    };
    assert_eq!(
        (d.stages[0].name.as_deref(), d.stages[0].base.as_str(), d.stages[0].platform.as_deref()),
        (Some("build"), "${BASE}", Some("linux/amd64"))
    );
    assert_eq!(
        steps(0),
        vec![
            (5, "MAINTAINER"),
            (6, "ARG"),
            (7, "ENV"),
            (8, "SHELL"),
            (9, "WORKDIR"),
            (10, "COPY"),
            (11, "ADD"),
            (12, "RUN"),
            (15, "RUN"),
        ]
    );
    assert_eq!((d.stages[1].index, d.stages[1].name.as_deref(), d.stages[1].line), (1, None, 19));
    assert_eq!(
        steps(1),
        vec![
            (20, "COPY"),
            (21, "COPY"),
            (24, "LABEL"),
            (25, "EXPOSE"),
            (26, "VOLUME"),
            (27, "USER"),
            (28, "HEALTHCHECK"),
            (29, "STOPSIGNAL"),
            (30, "ONBUILD"),
            (31, "ENTRYPOINT"),
            (32, "CMD"),
        ]
    );

    // Every instruction kind of the model appears.
    let mut seen: Vec<&str> = d.stages.iter().flat_map(|s| s.instructions.iter()).map(|s| keyword(&s.instruction)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 17, "{seen:?}");

    let run = &d.stages[0].instructions[7];
    assert_eq!(run.original, "RUN --mount=type=cache,target=/var/cache/apt     --network=none     make VERSION=$VERSION");
    let Instruction::Run(r) = &run.instruction else { panic!("not a RUN") };
    assert_eq!((r.mounts.len(), r.network), (1, Some(RunNetwork::None)));
    assert_eq!(r.command, Command::Shell("make VERSION=$VERSION".to_string()));
}
