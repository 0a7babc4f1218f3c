//! A working day of a user who typed `alias docker=pontoon` (and one who
//! typed `alias podman=pontoon`): a shell script in each tool's own syntax,
//! from a hello-world through builds, volumes, networks, compose, a
//! registry round trip and the housekeeping lines of old scripts. The
//! script stops at the first line that fails and the test prints it with
//! everything the shell saw, so a regression names the habit it broke.
//!
//! The aliases live in a BASH_ENV file, so they hold in every bash the day
//! starts, including the one `script` runs on a pseudo-terminal for
//! `run -it`. As root the whole day runs in the test's network namespace.

mod common;

use std::path::Path;

use common::registry::Registry;
use common::{describe, TestEnv};

/// What both users do, with `@T@` the alias they type (written out before
/// bash reads the script: an alias is a word, never a variable's value).
/// The lines where the two tools differ are `@PUSH@` and `@EXISTS@`.
const DAY: &str = r#"
set -euo pipefail
trap 'echo "working day stopped at line $LINENO: $BASH_COMMAND" >&2' ERR
say() { echo "== $*"; }
expect() { # expect WHAT TEXT PATTERN
  case "$2" in *"$3"*) ;; *) echo "expected $1 to contain [$3], got [$2]" >&2; exit 1 ;; esac
}

say hello world
mkdir -p hello && printf 'FROM busybox\nCMD ["echo", "Hello from a container!"]\n' > hello/Dockerfile
@T@ build -t hello-world hello
expect "run hello-world" "$(@T@ run --rm hello-world)" "Hello from a container!"

say run -it on a terminal
out=$(script -qec "@T@ run -it --rm busybox sh -c 'tty; echo exit-\$((20+1))'" /dev/null)
expect "run -it" "$out" "/dev/pts/"
expect "run -it" "$out" "exit-21"

say a web server with -e and -p
mkdir -p site && echo unused > site/x
@T@ run -d --name web -e GREETING=bonjour -p 127.0.0.1::80 busybox \
  sh -c 'mkdir -p /www && echo "$GREETING" > /www/index.html && exec httpd -f -p 80 -h /www'
addr=$(@T@ port web 80)
for i in $(seq 100); do page=$(curl -fsS "http://$addr/" 2>/dev/null) && break; sleep 0.1; done
expect "the published page" "$page" "bonjour"
expect "ps" "$(@T@ ps)" "web"
@T@ stop -t 1 web
expect "ps -a after stop" "$(@T@ ps -a --format '{{.Names}} {{.Status}}')" "web Exited"
@T@ rm -f web

say a multi-stage build
mkdir -p multi
cat > multi/Dockerfile <<'EOF'
FROM busybox AS builder
RUN echo built-in-stage-one > /artifact
FROM busybox
COPY --from=builder /artifact /artifact
CMD ["cat", "/artifact"]
EOF
@T@ build -t multi:latest multi
expect "the multi-stage image" "$(@T@ run --rm multi)" "built-in-stage-one"

say volumes
@T@ volume create data
@T@ run --rm -v data:/data busybox sh -c 'echo kept > /data/file'
expect "the volume's file" "$(@T@ run --rm -v data:/data:ro busybox cat /data/file)" "kept"
expect "volume ls" "$(@T@ volume ls)" "data"

say a network with name resolution
@T@ network create app
@T@ run -d --name api --network app busybox sh -c 'mkdir /w && echo api-answers > /w/index.html && exec httpd -f -p 8000 -h /w'
for i in $(seq 100); do got=$(@T@ run --rm --network app busybox wget -qO- http://api:8000/ 2>/dev/null) && break; sleep 0.1; done
expect "api by name" "$got" "api-answers"
@T@ rm -f api
@T@ network rm app

say compose up, ps, logs, down
mkdir -p proj
cat > proj/compose.yaml <<'EOF'
services:
  talker:
    image: busybox
    command: sh -c 'echo compose-says-hello; exec sleep 1000'
EOF
(cd proj && @T@ compose up -d)
expect "compose ps" "$(cd proj && @T@ compose ps)" "talker"
for i in $(seq 100); do logs=$(cd proj && @T@ compose logs) && case "$logs" in *compose-says-hello*) break ;; esac; sleep 0.1; done
expect "compose logs" "$logs" "compose-says-hello"
(cd proj && @T@ compose down)
expect "ps -a after down" "$(@T@ ps -a --format '{{.Names}}')" ""

say tag, push and pull through the registry
@T@ tag busybox "$REGISTRY/day/busybox:v1"
@T@ push @PUSH@ "$REGISTRY/day/busybox:v1"
@T@ rmi "$REGISTRY/day/busybox:v1"
@T@ pull @PUSH@ "$REGISTRY/day/busybox:v1"
expect "inspect --format" "$(@T@ inspect --format '{{.Config.Cmd}}' hello-world)" "Hello from a container!"
expect "images" "$(@T@ images --format '{{.Repository}}:{{.Tag}}')" "$REGISTRY/day/busybox:v1"

say the housekeeping lines of old scripts
@T@ run -d --name left-running busybox sleep 1000
@T@ create --name left-created busybox true
@T@ rm -t 0 --all --force --ignore
@T@ rm -t 0 --all --force --ignore
test -z "$(@T@ ps --all --external -q)"
@EXISTS@ busybox
@T@ rmi -a -f
if @EXISTS@ busybox 2>/dev/null; then echo "busybox survived rmi -a -f" >&2; exit 1; fi
@T@ volume rm -a
test -z "$(@T@ volume ls -q)"
@T@ system prune -a -f
say the day is over
"#;

/// Runs the day with `alias NAME=pontoon`; `push_flags` and `exists` are
/// the lines where that tool's syntax differs.
fn working_day(alias: &str, push_flags: &str, exists: &str) {
    let env = TestEnv::with_netns_and_busybox();
    // As root the registry listens in the test's namespace, where the day runs.
    let registry = env.in_host_side(Registry::start);
    let aliases = env.path().join("aliases.sh");
    let bin = common::pontoon_bin();
    std::fs::write(&aliases, format!("shopt -s expand_aliases\nalias {alias}={}\n", bin.display())).expect("write the aliases");
    // The real tools (podman is installed for comparison) must never stand
    // in for a lost alias: first on PATH, a `docker` and `podman` that fail.
    let decoys = env.path().join("decoys");
    std::fs::create_dir_all(&decoys).expect("create the decoy dir");
    for tool in ["docker", "podman"] {
        let path = decoys.join(tool);
        std::fs::write(&path, format!("#!/bin/sh\necho \"the alias {tool}=pontoon did not hold: $0 $*\" >&2\nexit 99\n")).expect("write a decoy");
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("make the decoy executable");
    }
    let path = format!("{}:{}", decoys.display(), std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into()));
    let script = format!("REGISTRY='{}'\n{}", registry.addr(), DAY.replace("@T@", alias).replace("@PUSH@", push_flags).replace("@EXISTS@", exists));
    let out = env
        .cmd_with(Path::new("/bin/bash"), &["-c", &script])
        .env("BASH_ENV", &aliases)
        .env("SHELL", "/bin/bash")
        .env("PATH", path)
        .output()
        .expect("start bash");
    assert!(out.status.success(), "the {alias} user's working day failed:\n{}", describe(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("== the day is over"), "{}", describe(&out));
}

#[test]
fn a_docker_users_working_day() {
    // Docker trusts a registry on loopback over plain HTTP without a flag.
    working_day("docker", "", "docker image inspect --format {{.Id}}");
}

#[test]
fn a_podman_users_working_day() {
    working_day("podman", "--tls-verify=false", "podman image exists");
}
