# shellcheck shell=bash
# The build rows (cached rebuild and cold build of a 6-step Dockerfile)
# and the compose rows (up -d and down of three services) of `make bench`.
# Sourced by bench.sh.

# --- build -----------------------------------------------------------------------
# `build` of a small Dockerfile FROM the busybox image: with every step in
# the cache (after one untimed build), and from scratch (--no-cache: each
# step runs and writes its image). The RUN step makes a container.
BUILD_CTX=$BENCH/build-context
make_build_context() {
  mkdir -p "$BUILD_CTX/src"
  local i
  for i in $(seq 20); do echo "file $i" >"$BUILD_CTX/src/f$i.txt"; done
  cat >"$BUILD_CTX/Dockerfile" <<'DOCKERFILE'
FROM busybox
ARG GREETING=hello
ENV APP_HOME=/app
WORKDIR $APP_HOME
COPY src/ ./src/
RUN echo "$GREETING" > greeting && ls src > listing
CMD ["cat", "greeting"]
DOCKERFILE
}

section_build() {
  stores root || return 0
  make_build_context
  # The global --runtime does not reach the RUN steps of podman build.
  local qbuild
  qbuild=$(q "${PODMAN_RUN_FLAGS[@]}" --runtime runc)
  in_mode bash -c "$PNS $PCLI build -q -t bench-build $(q "$BUILD_CTX") >/dev/null" || echo "   pontoon build: the first build failed"
  [[ -z $HAVE_PODMAN ]] || in_mode bash -c "$QNS $QCLI build -q $qbuild -t bench-build $(q "$BUILD_CTX") >/dev/null" ||
    echo "   podman build: the first build failed (the rows below will say why)"
  row build-cached-root "build, cached rebuild (6 steps)" root s lower "value<0.1 ratio>=3" "tar -c of the context | sha256sum"
  tool pontoon : "$PNS $PCLI build -q -t bench-build $(q "$BUILD_CTX")"
  podman_tool : "$QNS $QCLI build -q $qbuild -t bench-build $(q "$BUILD_CTX")"
  tool floor : "tar -cf - -C $(q "$BUILD_CTX") . | sha256sum >/dev/null"
  measure "$RUNS"
  row build-cold-root "build, cold: --no-cache (6 steps)" root s lower "" "the RUN step alone in crun"
  tool pontoon : "$PNS $PCLI build -q --no-cache -t bench-build $(q "$BUILD_CTX")"
  podman_tool : "$QNS $QCLI build -q --no-cache $qbuild -t bench-build $(q "$BUILD_CTX")"
  tool floor : "$FLOOR_CRUN run --bundle $(q "$FLOOR_DIR/buildstep") bench-build"
  measure "$RUNS"
}

# --- compose: `up -d` and `down` of a three-service project ------------------
# Three busybox web servers, each depending on the one before it (db with a
# named volume, web publishing a port), without healthchecks: the time is
# the engine's. Each up starts from nothing (no containers, network or
# volume); each down takes down what an untimed `up -d` just started.
# Rootful in a network namespace of each tool's own (compose makes a
# bridge), rootless as $NET_USER (through runuser, inside the timed
# command for both tools: compose takes seconds, runuser milliseconds).
# podman-compose drives an isolated podman store like the other podman
# rows, through a wrapper script that puts the store flags before the
# subcommand of every podman command it runs (its --podman-args come
# after it).
COMPOSE_PROJECT=benchc

# The services stop on SIGTERM (a shell as PID 1 ignores it unless it
# traps it), so that down measures stopping, not a grace period.
write_compose_file() {
  local service='trap "exit 0" TERM; mkdir -p /www; echo NAME >/www/index.html; httpd -f -p 80 -h /www & wait'
  cat >"$1" <<YAML
# pontoon's make bench: three web servers started one after the other.
services:
  db:
    image: busybox
    command: ["sh", "-c", '${service//NAME/db}']
    volumes:
      - dbdata:/data
  api:
    image: busybox
    command: ["sh", "-c", '${service//NAME/api}']
    depends_on: [db]
  web:
    image: busybox
    command: ["sh", "-c", '${service//NAME/web}']
    depends_on: [api]
    ports:
      - "127.0.0.1:$2:80"
volumes:
  dbdata: {}
YAML
}

# A loopback port nothing listens on (rootless, the published port is the
# host's), below the ephemeral range.
compose_port() {
  local port
  for _ in $(seq 50); do
    port=$(((RANDOM % 12000) + 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# compose_setup MODE TOOL: the project's files and TOOL's store for MODE,
# with the busybox image; sets C_AS (the quoted prefix running a command
# as the mode's user, in its network namespace), C_CLI (TOOL's compose
# command with the project, a snippet) and C_CLEAN (a snippet removing
# every trace of the project).
compose_setup() {
  local mode=$1 tool=$2 files store bin=$PONTOON archive=$BENCH/busybox-archive.tar tar=$BUSYBOX_TAR
  # Short paths: podman refuses a runroot path over 50 characters.
  files=$BENCH/c${tool:0:1}${tool: -1}
  store=$files/s
  C_AS=
  if [[ $(id -u) -eq 0 && $mode == root ]]; then
    C_AS=$(in_netns "compose-$tool") || return 1
  elif [[ $(id -u) -eq 0 ]]; then
    net_share
    files=$NET_SHARE/c${tool:0:1}${tool: -1}
    store=$NET_SHARE/w/c${tool:0:1}${tool: -1}
    bin=$NET_SHARE/pontoon archive=$NET_SHARE/busybox-archive.tar tar=$NET_SHARE/busybox-rootfs.tar
    C_AS=as_net_user
  fi
  local first=
  if [[ ! -e $files/compose.yaml ]]; then
    first=1
    mkdir -p "$files"
    chmod 755 "$files"
    eval "$C_AS mkdir -p $(q "$store")"
    write_compose_file "$files/compose.yaml" "$(compose_port)" || return 1
  fi
  case $tool in
    pontoon)
      C_CLI="$C_AS $(q "$bin" --root "$store/root" --runroot "$store/run" compose -f "$files/compose.yaml" -p "$COMPOSE_PROJECT")"
      if [[ -n $first ]]; then
        eval "$C_AS $(q "$bin" --root "$store/root" --runroot "$store/run" import --change 'CMD ["sh"]' "$tar" busybox) >/dev/null" || return 1
      fi
      C_CLEAN="$C_CLI down -v"
      ;;
    podman-compose)
      local podman=("${PODMAN_BASE[@]}" --root "$store/root" --runroot "$store/run" --tmpdir "$store/tmp"
        --network-config-dir "$store/networks")
      if [[ -n $first ]]; then
        printf '#!/bin/sh\nexec %s "$@"\n' "${podman[*]}" >"$files/podman"
        chmod 755 "$files/podman"
        eval "$C_AS $(q "$files/podman" load -q -i "$archive") >/dev/null" || return 1
      fi
      local pc
      pc="$C_AS $(q podman-compose --podman-path "$files/podman" --podman-run-args "${PODMAN_RUN_FLAGS[*]}" -f "$files/compose.yaml" -p "$COMPOSE_PROJECT")"
      C_CLI="podman_compose_checked $pc"
      # podman-compose's down leaves the project's network, which the next
      # up would reuse: an up from nothing makes it. (Either may have
      # nothing to remove.)
      C_CLEAN="{ $pc down -v; $C_AS $(q "$files/podman") network rm -f ${COMPOSE_PROJECT}_default; true; }"
      ;;
  esac
  C_PORT=$(sed -n 's/.*"127.0.0.1:\([0-9]*\):80".*/\1/p' "$files/compose.yaml")
}

# podman-compose exits 0 whatever the podman commands it runs do: a row
# must fail when one of them failed.
podman_compose_checked() {
  local out rc=0
  out=$(mktemp)
  "$@" >"$out" 2>&1 || rc=$?
  cat "$out"
  if ((rc == 0)) && grep -q '^exit code: [1-9]' "$out"; then rc=1; fi
  rm -f "$out"
  return "$rc"
}

# compose_check: the project that `up -d` started answers on its port,
# with its three services running.
compose_check() {
  local answer
  answer=$(eval "$C_AS curl -fsS --max-time 5 http://127.0.0.1:$C_PORT/" 2>&1) || { echo "web on 127.0.0.1:$C_PORT: $answer"; return 1; }
  [[ $answer == web ]] || { echo "127.0.0.1:$C_PORT answered \"$answer\", not web"; return 1; }
  local running
  running=$(eval "$C_CLI ps" 2>&1 | grep -c 'Up' || true)
  ((running == 3)) || { echo "$running of 3 services running"; eval "$C_CLI ps" 2>&1 | tail -n 5; return 1; }
}

# compose_floor MODE: sets F_UP and F_DOWN, the floor's snippets: three
# crun containers started detached, and deleted.
compose_floor() {
  floor_setup "$1" || return 1
  local as=
  [[ $1 == rootless && $(id -u) -eq 0 ]] && as=as_net_user
  local b i
  b=$(q "$FLOOR_DIR/sleep")
  F_UP= F_DOWN=
  for i in 1 2 3; do
    F_UP+="${F_UP:+ && }$as $FLOOR_CRUN run -d --bundle $b bench-compose-$i"
    F_DOWN+="${F_DOWN:+ && }$as $FLOOR_CRUN delete -f bench-compose-$i"
  done
  F_CLEAN="for i in 1 2 3; do $as $FLOOR_CRUN delete -f bench-compose-\$i >/dev/null 2>&1; done; true"
}

section_compose() {
  local mode t tools=(pontoon) broken
  # Rootful podman's CNI plugins keep a directory per network on the
  # host, even for a network in another namespace: ours goes at the end.
  local cni_state=/var/lib/cni/networks/${COMPOSE_PROJECT}_default cni_existed=
  [[ -e $cni_state ]] && cni_existed=1
  [[ -n $HAVE_PODMAN ]] && command -v podman-compose >/dev/null && tools+=(podman-compose)
  for mode in $(modes); do
    # Once untimed, checked: the project comes up and answers.
    broken=()
    for t in "${tools[@]}"; do
      if ! compose_setup "$mode" "$t" >"$BENCH/last.out" 2>&1 ||
        ! { eval "$C_CLEAN"; eval "$C_CLI up -d" && compose_check; } >"$BENCH/last.out" 2>&1; then
        echo "   $t ($mode): the project did not come up: $(tail -n 3 "$BENCH/last.out" | tr '\n' ' ')"
        broken+=("$t:$(tail -n 3 "$BENCH/last.out" | tr '\n' ' ')")
      fi
      eval "$C_CLEAN" >/dev/null 2>&1 || true
    done
    compose_floor "$mode" || echo "   the compose floor's setup failed"
    local what
    for what in up down; do
      if [[ $what == up ]]; then
        row "compose-up-$mode" "compose up -d (3 services)" "$mode" s lower "ratio>=5" "3 x crun run -d"
      else
        row "compose-down-$mode" "compose down (3 services)" "$mode" s lower "" "3 x crun delete -f"
      fi
      for t in "${tools[@]}"; do
        local name=$t reason
        [[ $t == podman-compose ]] && name=podman
        reason=$(printf '%s\n' "${broken[@]}" | sed -n "s/^$t://p")
        compose_setup "$mode" "$t" >/dev/null 2>&1
        if [[ -n $reason ]]; then
          describe "$name" "$C_CLI $what"
          record_failed "$name" "the project did not come up: $reason"
        elif [[ $what == up ]]; then
          tool "$name" "$C_CLEAN >/dev/null 2>&1 || true" "$C_CLI up -d"
        else
          tool "$name" "$C_CLEAN >/dev/null 2>&1; $C_CLI up -d" "$C_CLI down"
        fi
      done
      if [[ -n ${F_UP:-} ]]; then
        if [[ $what == up ]]; then tool floor "$F_CLEAN" "$F_UP"; else tool floor "$F_CLEAN; $F_UP" "$F_DOWN"; fi
      fi
      measure "$RUNS"
    done
    [[ -n ${F_CLEAN:-} ]] && eval "$F_CLEAN"
    compose_teardown "$mode" "${tools[@]}"
  done
  [[ -z $cni_existed && $(id -u) -eq 0 ]] && rm -rf "$cni_state"
  return 0
}

# compose_teardown MODE TOOL...: the projects taken down and the stores
# gone, with the processes holding rootless user namespaces (pontoon's
# pontoon-userns, podman's catatonit pause process).
compose_teardown() {
  local mode=$1 t pidfile dir dirs=("$BENCH"/cp?)
  shift
  for t in "$@"; do
    compose_setup "$mode" "$t" >/dev/null 2>&1 && eval "$C_CLEAN" >/dev/null 2>&1 || true
  done
  [[ $(id -u) -eq 0 && $mode == rootless ]] && dirs=("$NET_SHARE/w"/cp? "$NET_SHARE"/cp?)
  for pidfile in $(find "${dirs[@]}" \( -name userns.pid -o -name pause.pid \) 2>/dev/null); do
    stop_recorded "$pidfile" pontoon-userns catatonit
  done
  for dir in "${dirs[@]}"; do wipe "$dir"; done
  return 0
}
