//! Multi-stage builds: a Debian builder stage compiles a C program with
//! gcc, and final stages FROM scratch and FROM busybox hold only the
//! result; `--target` builds a stage and only what it needs.

mod common;

use common::TestEnv;

const DOCKERFILE: &str = r#"FROM localhost/debian-gcc:bookworm AS builder
WORKDIR /src
COPY hello.c .
RUN gcc -static -O2 -o /hello hello.c

FROM busybox AS unused
RUN echo this stage is never built && exit 9

FROM scratch AS minimal
COPY --from=builder /hello /hello
ENTRYPOINT ["/hello"]

FROM busybox
COPY --from=0 /hello /usr/local/bin/hello
CMD ["hello", "from busybox"]
"#;

const HELLO_C: &str = r#"#include <stdio.h>
int main(int argc, char **argv) {
    printf("compiled says %s\n", argc > 1 ? argv[1] : "hi");
    return 0;
}
"#;

#[test]
fn a_builder_stage_compiles_and_the_final_stages_hold_only_the_result() {
    let env = TestEnv::with_busybox();
    env.load_debian_gcc();
    let ctx = env.path().join("ctx");
    std::fs::create_dir_all(&ctx).unwrap();
    std::fs::write(ctx.join("Dockerfile"), DOCKERFILE).unwrap();
    std::fs::write(ctx.join("hello.c"), HELLO_C).unwrap();
    let ctx = ctx.to_str().unwrap();

    let out = env.ok(&["build", "-t", "hello:busybox", ctx]);
    assert!(out.contains("[1/2] STEP 1/4: FROM localhost/debian-gcc:bookworm AS builder"), "{out}");
    assert!(!out.contains("never built"), "a stage the target does not need is skipped: {out}");
    assert_eq!(env.ok(&["run", "--rm", "hello:busybox"]), "compiled says from busybox\n");
    assert_eq!(env.ok(&["run", "--rm", "hello:busybox", "hello", "there"]), "compiled says there\n");
    // Nothing of the builder came along: no gcc, no source.
    let (code, _) = env.fails(&["run", "--rm", "hello:busybox", "sh", "-c", "ls /src || command -v gcc"]);
    assert_ne!(code, 0);

    // The scratch stage is the program alone, in one layer.
    let out = env.ok(&["build", "--target", "minimal", "-t", "hello:scratch", ctx]);
    assert!(out.contains("Using cache"), "the builder stage comes from the cache: {out}");
    assert_eq!(env.ok(&["run", "--rm", "hello:scratch", "alone"]), "compiled says alone\n");
    let layers = env.ok(&["image", "inspect", "--format", "{{len .RootFS.Layers}}", "hello:scratch"]);
    assert_eq!(layers.trim(), "1");
    let exported = env.path().join("scratch.tar");
    env.ok(&["create", "--name", "probe", "hello:scratch"]);
    env.ok(&["export", "-o", exported.to_str().unwrap(), "probe"]);
    let mut names: Vec<String> = tar::Archive::new(std::fs::File::open(&exported).unwrap())
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().trim_end_matches('/').to_string())
        .filter(|n| !matches!(n.as_str(), "" | "." | "./dev" | "./proc" | "./sys" | "dev" | "proc" | "sys" | "etc" | "./etc") && !n.contains("etc/"))
        .collect();
    names.sort();
    assert_eq!(names, ["hello"], "the scratch image holds only the program");
}
