//! `pontoon build` end to end: every instruction into the image config,
//! the build cache's rules, failures that leave no image, RUN's network
//! and mounts, and an image built here pushed and pulled back unchanged.
//! (The context, COPY and ADD rules are tests/build_context.rs's.)

mod common;

use std::path::{Path, PathBuf};

use common::{Registry, TestEnv};

/// A context directory in the env with these files (`Dockerfile` among them).
fn context(env: &TestEnv, name: &str, files: &[(&str, &str)]) -> PathBuf {
    env.dir_with_files(name, files)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn inspect(env: &TestEnv, image: &str, field: &str) -> String {
    env.ok(&["image", "inspect", "--format", &format!("{{{{json {field}}}}}"), image]).trim().to_string()
}

const EVERY_INSTRUCTION: &str = r#"# syntax=docker/dockerfile:1
ARG BASE=busybox
FROM ${BASE} AS base
MAINTAINER someone@example.com
ARG VERSION=1.0
ENV APP_HOME=/srv/app \
    GREETING="hello world"
LABEL org.example.version=$VERSION "two words"=yes
WORKDIR $APP_HOME
COPY greeting.txt ./
ADD notes.txt /srv/notes/
RUN echo "built $VERSION" > built.txt
RUN <<EOF
echo from a heredoc > heredoc.txt
EOF
COPY <<EOF /etc/app.conf
home=${APP_HOME}
EOF
EXPOSE 8080 53/udp
VOLUME ["/data"]
USER 1000:1000
HEALTHCHECK --interval=5s --retries=2 CMD cat /srv/app/built.txt
SHELL ["/bin/sh", "-e", "-c"]
STOPSIGNAL SIGINT
ONBUILD RUN echo child
ENTRYPOINT ["/bin/echo", "entry"]
CMD ["default", "args"]
"#;

#[test]
fn every_instruction_lands_in_the_config_and_the_image_runs_by_docker_s_rules() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", EVERY_INSTRUCTION), ("greeting.txt", "hi\n"), ("notes.txt", "n\n")]);
    let out = env.ok(&["build", "-t", "every:1", s(&ctx)]);
    assert!(out.contains("STEP 1/20: FROM ${BASE} AS base") && out.contains("STEP 20/20: CMD"), "{out}");
    let id = out.lines().last().unwrap().trim().to_string();
    assert_eq!(id.len(), 64, "the last line is the image id: {out}");
    assert_eq!(inspect(&env, "every:1", ".Id"), format!("\"sha256:{id}\""));
    let env_list = inspect(&env, "every:1", ".Config.Env");
    assert!(env_list.contains(r#""APP_HOME=/srv/app""#) && env_list.contains(r#""GREETING=hello world""#), "{env_list}");
    assert_eq!(inspect(&env, "every:1", ".Config.Labels"), r#"{"org.example.version":"1.0","two words":"yes"}"#);
    assert_eq!(inspect(&env, "every:1", ".Config.WorkingDir"), r#""/srv/app""#);
    assert_eq!(inspect(&env, "every:1", ".Config.ExposedPorts"), r#"{"53/udp":{},"8080/tcp":{}}"#);
    assert_eq!(inspect(&env, "every:1", ".Config.Volumes"), r#"{"/data":{}}"#);
    assert_eq!(inspect(&env, "every:1", ".Config.User"), r#""1000:1000""#);
    assert_eq!(inspect(&env, "every:1", ".Config.Healthcheck"), r#"{"Interval":5000000000,"Retries":2,"Test":["CMD-SHELL","cat /srv/app/built.txt"]}"#);
    assert_eq!(inspect(&env, "every:1", ".Config.Shell"), r#"["/bin/sh","-e","-c"]"#);
    assert_eq!(inspect(&env, "every:1", ".Config.StopSignal"), r#""SIGINT""#);
    assert_eq!(inspect(&env, "every:1", ".Config.OnBuild"), r#"["RUN echo child"]"#);
    assert_eq!(inspect(&env, "every:1", ".Config.Entrypoint"), r#"["/bin/echo","entry"]"#);
    assert_eq!(inspect(&env, "every:1", ".Config.Cmd"), r#"["default","args"]"#);
    assert_eq!(inspect(&env, "every:1", ".Author"), r#""someone@example.com""#);
    // History as Docker writes it: a RUN shows its build args, metadata is empty_layer.
    let history = env.ok(&["history", "--no-trunc", "--format", "{{.CreatedBy}}", "every:1"]);
    assert!(history.contains("|1 VERSION=1.0 /bin/sh -c echo \"built $VERSION\" > built.txt"), "{history}");
    assert!(history.contains("#(nop) EXPOSE 8080 53/udp"), "{history}");

    // The files the steps wrote, as the image's user.
    let files = env.ok(&["run", "--rm", "--entrypoint", "sh", "every:1", "-c", "cat greeting.txt built.txt heredoc.txt /srv/notes/notes.txt /etc/app.conf; id -u"]);
    assert_eq!(files, "hi\nbuilt 1.0\nfrom a heredoc\nn\nhome=/srv/app\n1000\n");
    // Exec ENTRYPOINT + CMD as its default args; run's args replace CMD.
    assert_eq!(env.ok(&["run", "--rm", "every:1"]), "entry default args\n");
    assert_eq!(env.ok(&["run", "--rm", "every:1", "mine"]), "entry mine\n");

    // A child image runs the ONBUILD trigger; a shell-form ENTRYPOINT ignores CMD and args.
    let child = context(&env, "child", &[("Dockerfile", "FROM every:1\nUSER 0\nENTRYPOINT echo shell form\n")]);
    let out = env.ok(&["build", "-t", "child", s(&child)]);
    assert!(out.contains("child\n"), "the trigger ran: {out}");
    assert_eq!(inspect(&env, "child", ".Config.OnBuild"), "null", "triggers are not inherited");
    assert_eq!(inspect(&env, "child", ".Config.Cmd"), "null", "an ENTRYPOINT resets the base image's CMD");
    assert_eq!(env.ok(&["run", "--rm", "child", "ignored"]), "shell form\n");
}

#[test]
fn the_cache_is_used_until_a_step_changes_and_not_after() {
    let env = TestEnv::with_busybox();
    let dockerfile = "FROM busybox\nARG FLAVOUR=plain\nCOPY early.txt /early.txt\nRUN echo $FLAVOUR > /flavour\nCOPY late.txt /late.txt\nCMD [\"cat\", \"/flavour\", \"/late.txt\"]\n";
    let ctx = context(&env, "ctx", &[("Dockerfile", dockerfile), ("early.txt", "e\n"), ("late.txt", "one\n")]);
    let first = env.ok(&["build", "-t", "cached", s(&ctx)]);
    assert!(!first.contains("Using cache"), "a first build has no cache: {first}");
    let id = first.lines().last().unwrap().to_string();

    let again = env.ok(&["build", "-t", "cached", s(&ctx)]);
    assert_eq!(again.matches("Using cache").count(), 5, "every step after FROM comes from the cache: {again}");
    assert_eq!(again.lines().last().unwrap(), id, "an unchanged rebuild is the same image");

    // A file copied late: the steps before it are cached, it and after are not.
    std::fs::write(ctx.join("late.txt"), "two\n").unwrap();
    let late = env.ok(&["build", "-t", "cached", s(&ctx)]);
    let cached: Vec<&str> = late.lines().filter(|l| l.starts_with("--> Using cache")).collect();
    assert_eq!(cached.len(), 3, "ARG, COPY early and RUN are cached: {late}");
    assert!(late.split("STEP 5/6").nth(1).is_some_and(|rest| !rest.contains("Using cache")), "{late}");
    assert_eq!(env.ok(&["run", "--rm", "cached"]), "plain\ntwo\n");

    // A build arg a RUN uses: cached up to that RUN, rebuilt from it.
    let arg = env.ok(&["build", "--build-arg", "FLAVOUR=spicy", "-t", "cached", s(&ctx)]);
    let (before, after) = arg.split_once("STEP 4/6").unwrap();
    assert_eq!(before.matches("Using cache").count(), 2, "ARG and COPY early are cached: {arg}");
    assert!(!after.contains("Using cache"), "the RUN and what follows are rebuilt: {arg}");
    assert_eq!(env.ok(&["run", "--rm", "cached"]), "spicy\ntwo\n");

    // --no-cache rebuilds everything; the cache is kept between invocations
    // as hidden images that `images -a` shows and `builder prune` removes.
    let nocache = env.ok(&["build", "--no-cache", "-t", "cached", s(&ctx)]);
    assert!(!nocache.contains("Using cache"), "{nocache}");
    let shown = env.ok(&["images", "-q"]).lines().count();
    let all = env.ok(&["images", "-a", "-q"]).lines().count();
    assert!(all > shown + 4, "intermediate images are hidden from images: {shown} vs {all}");
    let pruned = env.ok(&["builder", "prune", "-f"]);
    assert!(pruned.contains("Deleted"), "{pruned}");
    assert_eq!(env.ok(&["images", "-a", "-q"]).lines().count(), shown, "builder prune left only real images");
    assert_eq!(env.ok(&["run", "--rm", "cached"]), "plain\ntwo\n", "the tagged image survives builder prune");
    let after_prune = env.ok(&["build", "-t", "cached", s(&ctx)]);
    assert!(!after_prune.contains("Using cache"), "the cache is gone: {after_prune}");
}

#[test]
fn a_failing_run_stops_the_build_with_its_code_and_output_and_tags_nothing() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nRUN echo first step\nRUN echo about to fail && exit 3\nRUN echo never\n")]);
    let out = env.run(&["build", "-t", "broken", s(&ctx)]);
    assert_eq!(out.status.code(), Some(3), "the RUN's exit code: {}", common::describe(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("about to fail") && !stdout.contains("never"), "{stdout}");
    assert!(stderr.contains("RUN echo about to fail && exit 3") && stderr.contains("Dockerfile:3") && stderr.contains("code 3"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    let (code, _) = env.fails(&["image", "inspect", "broken"]);
    assert_eq!(code, 1, "no image was tagged");
    assert_eq!(env.ok(&["ps", "-a", "-q"]), "", "no step container is left behind");
    // What built before the failure is cache for the next try; a killed
    // build's step directories (its pid is gone) are cleaned up then.
    let leftover = env.root.join("build-tmp/step-4194305-killed");
    std::fs::create_dir_all(leftover.join("upper")).unwrap();
    let retry = env.run(&["build", "-t", "broken", s(&ctx)]);
    assert!(!leftover.exists(), "a dead build's step directory is removed");
    assert!(String::from_utf8_lossy(&retry.stdout).contains("Using cache"), "{}", common::describe(&retry));

    // Errors in the file name its line and instruction, before anything runs.
    let bad = context(&env, "bad", &[("Dockerfile", "FROM busybox\nRUN true\nFROBNICATE now\n")]);
    let (code, err) = env.fails(&["build", s(&bad)]);
    assert_ne!(code, 0);
    assert!(err.contains("Dockerfile:3") && err.to_lowercase().contains("frobnicate"), "{err}");
    let heredoc = context(&env, "heredoc", &[("Dockerfile", "FROM busybox\nRUN <<EOF\necho never closed\n")]);
    let (_, err) = env.fails(&["build", s(&heredoc)]);
    assert!(err.contains("Dockerfile:2") && err.contains("EOF"), "{err}");
}

#[test]
fn run_steps_get_the_network_asked_and_their_mounts() {
    let env = TestEnv::with_busybox();
    std::fs::write(env.path().join("token"), "s3cret\n").unwrap();
    let dockerfile = "FROM busybox\n\
        RUN --network=none cat /proc/net/dev | cut -d: -f1 | tr -d ' ' | tail -n +3 | sort > /links\n\
        RUN --mount=type=cache,target=/cache sh -c 'echo run >> /cache/log; wc -l < /cache/log > /cache-count'\n\
        RUN --mount=type=secret,id=token,required=true wc -c < /run/secrets/token > /seen-secret-length\n\
        RUN --mount=type=tmpfs,target=/scratch touch /scratch/x && ls /scratch > /tmpfs-list\n\
        RUN --mount=type=bind,source=data.txt,target=/data.txt cp /data.txt /copied\n";
    let ctx = context(&env, "ctx", &[("Dockerfile", dockerfile), ("data.txt", "bound\n")]);
    let token = env.path().join("token");
    let secret = format!("id=token,src={}", token.display());
    env.ok(&["build", "--secret", &secret, "-t", "mounts", s(&ctx)]);
    let got = env.ok(&["run", "--rm", "mounts", "sh", "-c", "cat /links /cache-count /seen-secret-length /tmpfs-list /copied; cat /run/secrets/token 2>/dev/null | wc -c; ls /scratch | wc -l"]);
    assert_eq!(got, "lo\n1\n7\nx\nbound\n0\n0\n", "only loopback without a network; the secret and the tmpfs are not in the image");
    // The cache mount outlives the build: a rebuild of that step sees the first run's file.
    env.ok(&["build", "--no-cache", "--secret", &secret, "-t", "mounts", s(&ctx)]);
    assert_eq!(env.ok(&["run", "--rm", "mounts", "cat", "/cache-count"]), "2\n");
    // A secret the step needs and the build lacks is refused by name.
    let (_, err) = env.fails(&["build", "--no-cache", s(&ctx)]);
    assert!(err.contains("token") && err.contains("--secret"), "{err}");
}

#[test]
fn an_image_built_here_is_pushed_and_pulled_back_with_the_same_id() {
    let registry = Registry::start();
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nCOPY app.txt /app.txt\nRUN echo built > /built\nCMD [\"cat\", \"/app.txt\", \"/built\"]\n"), ("app.txt", "app\n")]);
    let name = format!("{}/app:1", registry.addr());
    let iidfile = env.path().join("iid");
    let id = env.ok(&["build", "-q", "--iidfile", s(&iidfile), "-t", &name, s(&ctx)]);
    let id = id.trim();
    assert_eq!(id.len(), 64, "-q prints only the id: {id}");
    assert_eq!(std::fs::read_to_string(&iidfile).unwrap().trim(), format!("sha256:{id}"));
    env.ok(&["push", &name]);
    env.ok(&["rmi", &name]);
    let other = TestEnv::new();
    let pulled = other.ok(&["pull", "-q", &name]);
    assert_eq!(pulled.trim(), id, "the pulled image is the one built");
    assert_eq!(other.ok(&["run", "--rm", &name]), "app\nbuilt\n");
}

#[test]
fn buildx_build_and_image_build_are_build() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nARG TARGETARCH\nRUN echo $TARGETARCH > /arch\n")]);
    env.ok(&["buildx", "build", "--platform", "linux/amd64", "-t", "bx", s(&ctx)]);
    assert_eq!(env.ok(&["run", "--rm", "bx", "cat", "/arch"]), "amd64\n");
    let out = env.ok(&["image", "build", "-t", "ib", s(&ctx)]);
    assert!(out.contains("Using cache"), "{out}");
    let (_, err) = env.fails(&["build", "--platform", "linux/arm64", s(&ctx)]);
    assert!(err.contains("linux/arm64") && err.contains("linux/amd64"), "{err}");
    let (_, err) = env.fails(&["build", "--target", "nope", s(&ctx)]);
    assert!(err.contains("--target nope"), "{err}");
}

#[test]
fn isolation_chroot_runs_steps_without_namespaces_of_their_own() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nWORKDIR /w\nRUN hostname > host && ls /dev | tr '\\n' ' ' > devs && echo ran\nRUN (chroot / true 2>/dev/null && echo escaped || echo contained) > /w/chroot && (cat /proc/sys/kernel/printk > /tmp/p && cat /tmp/p > /proc/sys/kernel/printk 2>/dev/null && echo wrote || echo kept) > /w/proc\n")]);
    let out = env.ok(&["build", "--isolation", "chroot", "-t", "chrooted", s(&ctx)]);
    assert!(out.contains("ran\n"), "{out}");
    let host = String::from_utf8(std::process::Command::new("hostname").output().unwrap().stdout).unwrap();
    let got = env.ok(&["run", "--rm", "chrooted", "sh", "-c", "cat host; cat devs; echo; ls /w"]);
    // The host's own hostname: no UTS namespace was made; only the harmless devices.
    assert_eq!(got, format!("{host}full null random tty urandom zero \nchroot\ndevs\nhost\nproc\n"));
    // Without CAP_SYS_CHROOT no second chroot climbs out; the host's /proc/sys is read-only.
    assert_eq!(env.ok(&["run", "--rm", "chrooted", "cat", "/w/chroot", "/w/proc"]), "contained\nkept\n");
    let (_, err) = env.fails(&["build", "--isolation", "vm", s(&ctx)]);
    assert!(err.contains("--isolation") && err.contains("chroot"), "{err}");
}

#[test]
fn tls_verify_false_lets_build_pull_its_base_from_an_untrusted_registry() {
    let registry = Registry::start_with_tls(None);
    registry.push_layout(&common::busybox_layout(), "team/busybox:1");
    let env = TestEnv::new();
    let base = format!("{}/team/busybox:1", registry.addr());
    let ctx = context(&env, "ctx", &[("Dockerfile", &format!("FROM {base}\nRUN echo pulled > /p\n"))]);
    let (_, err) = env.fails(&["build", "-t", "tls", s(&ctx)]);
    assert!(err.contains("--tls-verify=false"), "{err}");
    env.ok(&["build", "--tls-verify=false", "-t", "tls", s(&ctx)]);
    assert_eq!(env.ok(&["run", "--rm", "tls", "cat", "/p"]), "pulled\n");
}

#[test]
fn system_prune_removes_the_build_cache_and_keeps_the_built_image() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nENV A=1\nRUN echo a > /a\nRUN --mount=type=cache,target=/c touch /c/kept\nCMD [\"cat\", \"/a\"]\n")]);
    env.ok(&["build", "-t", "kept", s(&ctx)]);
    assert!(env.ok(&["images", "-a", "-q"]).lines().count() > env.ok(&["images", "-q"]).lines().count());
    let out = env.ok(&["system", "prune", "-f"]);
    assert!(out.contains("Deleted build cache objects: 3"), "ENV and both RUN steps' images: {out}");
    assert_eq!(env.ok(&["images", "-a", "-q"]), env.ok(&["images", "-q"]));
    assert_eq!(env.ok(&["run", "--rm", "kept"]), "a\n");
    let rebuilt = env.ok(&["build", "-t", "kept", s(&ctx)]);
    assert!(!rebuilt.contains("Using cache"), "{rebuilt}");
}

#[test]
fn run_bind_mounts_from_a_stage_and_writable_binds_leave_the_context_alone() {
    let env = TestEnv::with_busybox();
    let dockerfile = "FROM busybox AS maker\nRUN mkdir /out && echo made > /out/x && ln -s /etc /out/escape\n\
        FROM busybox\n\
        RUN --mount=type=bind,from=maker,source=/out,target=/in cat /in/x > /got\n\
        RUN --mount=type=bind,source=.,target=/ctx,rw echo scribble > /ctx/data.txt && cat /ctx/data.txt > /wrote\n";
    let ctx = context(&env, "ctx", &[("Dockerfile", dockerfile), ("data.txt", "original\n")]);
    env.ok(&["build", "-t", "binds", s(&ctx)]);
    assert_eq!(env.ok(&["run", "--rm", "binds", "cat", "/got", "/wrote"]), "made\nscribble\n");
    assert_eq!(std::fs::read_to_string(ctx.join("data.txt")).unwrap(), "original\n", "a rw bind writes to a copy");
    // A source that is a link in the stage resolves inside the stage, not on the host.
    let linked = context(&env, "linked", &[("Dockerfile", "FROM busybox AS maker\nRUN echo the-stage-s > /etc/issue && ln -s /etc/issue /leak\nFROM busybox\nRUN --mount=type=bind,from=maker,source=/leak,target=/in cat /in > /got\n")]);
    env.ok(&["build", "-t", "linked", s(&linked)]);
    assert_eq!(env.ok(&["run", "--rm", "linked", "cat", "/got"]), "the-stage-s\n", "the stage's file, not the host's");
}

#[test]
fn squash_makes_the_build_s_layers_one_that_still_hides_what_it_deleted() {
    let env = TestEnv::with_busybox();
    let ctx = context(&env, "ctx", &[("Dockerfile", "FROM busybox\nRUN rm /bin/ls\nRUN mkdir /d && echo a > /d/a\nRUN echo b > /d/b && rm /d/a\nCMD [\"sh\"]\n")]);
    let base = inspect(&env, "busybox", ".RootFS.Layers");
    let base_count = base.matches("sha256:").count();
    for (flags, name) in [(&["--squash"][..], "squashed"), (&["--layers=false"][..], "unlayered")] {
        let mut args = vec!["build"];
        args.extend_from_slice(flags);
        args.extend(["-t", name, s(&ctx)]);
        env.ok(&args);
        let layers = inspect(&env, name, ".RootFS.Layers");
        assert_eq!(layers.matches("sha256:").count(), base_count + 1, "{name}: the base's layers and one: {layers}");
        assert!(layers.starts_with(&base[..base.len() - 1]), "{name}: the base's layers are kept as they are");
        assert_eq!(env.ok(&["run", "--rm", name, "sh", "-c", "ls /d; test -e /bin/ls || echo no ls"]), "b\nno ls\n");
    }
    let again = env.ok(&["build", "--layers=false", "-t", "unlayered", s(&ctx)]);
    assert!(!again.contains("Using cache"), "--layers=false uses no cache: {again}");
}

/// A cached rebuild skips rewriting the image records only when its tags
/// are all on the image already: a new tag, or one another build took
/// since, is (re)applied.
#[test]
fn a_cached_rebuild_still_moves_its_tags() {
    let env = TestEnv::with_busybox();
    let one = context(&env, "one", &[("Dockerfile", "FROM busybox\nENV WHICH=one\n")]);
    let two = context(&env, "two", &[("Dockerfile", "FROM busybox\nENV WHICH=two\n")]);
    let id_one = env.ok(&["build", "-q", "-t", "app", s(&one)]).trim().to_string();
    let id_two = env.ok(&["build", "-q", "-t", "app", s(&two)]).trim().to_string();
    assert_ne!(id_one, id_two);
    let id_of = |name: &str| env.ok(&["image", "inspect", "--format", "{{.Id}}", name]).trim().trim_start_matches("sha256:").to_string();
    assert!(id_two.contains(&id_of("app")[..12]), "app is two's: {id_two} vs {}", id_of("app"));
    // Cached rebuild of one: app comes back to it, with a new tag too.
    let again = env.ok(&["build", "-q", "-t", "app", "-t", "extra", s(&one)]).trim().to_string();
    assert_eq!(again, id_one, "a cached rebuild is the same image");
    assert_eq!(id_of("app"), id_of("extra"));
    assert!(id_one.contains(&id_of("app")[..12]), "app moved back to one: {id_one} vs {}", id_of("app"));
    // Nothing to change: the same tags again.
    assert_eq!(env.ok(&["build", "-q", "-t", "app", "-t", "extra", s(&one)]).trim(), id_one);
    assert_eq!(env.ok(&["run", "--rm", "app", "sh", "-c", "echo $WHICH"]), "one\n");
    assert_eq!(env.ok(&["run", "--rm", "extra", "sh", "-c", "echo $WHICH"]), "one\n");
}
