//! The Debian builder image that the build tests compile C programs in
//! (tests/common/debian.rs, made by scripts/make-debian-builder.sh): loaded
//! into a store, it names itself, says what it runs, and its gcc makes a
//! static binary that runs, so that a build's final busybox or scratch
//! stage can hold the result alone.

mod common;

use common::{describe, TestEnv, DEBIAN_GCC_IMAGE};

#[test]
fn the_debian_builder_compiles_a_static_c_program_that_runs() {
    let env = TestEnv::new();
    env.load_debian_gcc();

    let images = env.ok(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(images.trim(), DEBIAN_GCC_IMAGE, "the loaded image, by its name");
    let config = env.ok(&["inspect", "--format", "{{json .Config.Cmd}} {{json .Config.Env}}", DEBIAN_GCC_IMAGE]);
    assert_eq!(
        config.trim(),
        r#"["bash"] ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]"#,
        "the image runs bash with Debian's PATH"
    );

    let program = r#"echo "int main(){return 42;}" > /tmp/a.c && gcc -static -o /tmp/a /tmp/a.c && /tmp/a"#;
    let out = env.run(&["run", "--rm", DEBIAN_GCC_IMAGE, "sh", "-c", program]);
    assert_eq!(out.status.code(), Some(42), "the compiled program's exit code is the container's:\n{}", describe(&out));

    // Static: no interpreter, nothing of the builder needed to run it.
    let file = env.ok(&["run", "--rm", DEBIAN_GCC_IMAGE, "sh", "-c", "echo 'int main(){return 0;}' > /tmp/b.c && gcc -static -o /tmp/b /tmp/b.c && ldd /tmp/b 2>&1 || true"]);
    assert!(file.contains("not a dynamic executable"), "gcc -static links statically:\n{file}");
}
