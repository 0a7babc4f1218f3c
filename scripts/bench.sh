#!/usr/bin/env bash
# `make bench`: pontoon side by side with other tools on the same machine,
# median wall-clock seconds of several runs, each from a fresh store (the
# networking rows: seconds to a first answer, and MiB/s through -p).
#   PONTOON_BENCH_MB    size of the pulled image (default 128)
#   PONTOON_BENCH_RUNS  runs per row (default 5)
#   PONTOON_BENCH_NET_MB  size of the file downloaded through a published
#                       port (default 200)
#   PONTOON_BENCH_NET_RUNS  runs per networking row (default 11: loopback
#                       rates on a shared machine are noisy)
#   PONTOON_BENCH_SECTIONS  the sections to run, e.g. "section_run
#                       section_net_throughput" (default: all)
# Sections are functions listed in SECTIONS; add one per benchmark family
# (run --rm true, ps -a over 1000 containers, monitor RSS...) with
# bench_section and bench_row (or bench_values, for a command that
# measures by itself).
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${PONTOON_BENCH_MB:-128}
RUNS=${PONTOON_BENCH_RUNS:-5}

scripts/install-deps.sh
# Podman's crun refuses this kind of host's hybrid cgroup tree: its rows
# need runc.
if command -v podman >/dev/null && ! command -v runc >/dev/null && [[ $(id -u) -eq 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends runc >/dev/null
fi
# The compose rows' reference (section_compose), for the same podman.
if command -v podman >/dev/null && ! command -v podman-compose >/dev/null && [[ $(id -u) -eq 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman-compose >/dev/null
fi
echo "building pontoon (release) and the ${MB} MiB benchmark image..."
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
quietly cargo build --release
PONTOON=$PWD/target/x86_64-unknown-linux-gnu/release/pontoon
export PONTOON_FIXTURES_DIR=${PONTOON_FIXTURES_DIR:-/tmp/pontoon-fixtures-$(id -u)}
LAYOUT=$(PONTOON_BENCH_MB=$MB cargo test --quiet --test harness -- --ignored --exact bench_fixture --nocapture 2>/dev/null |
  sed -n 's/^BENCH_LAYOUT=//p')
[[ -n $LAYOUT ]] || { echo "bench: building the benchmark image failed (cargo test --test harness -- --ignored bench_fixture)" >&2; exit 1; }

BENCH=$(mktemp -d /tmp/pontoon-bench.XXXXXX)
REGISTRY_PID=
NET_NAMESPACES=() # made by bench_netns, as root
cleanup() {
  [[ -n $REGISTRY_PID ]] && kill "$REGISTRY_PID" 2>/dev/null
  local ns
  for ns in "${NET_NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null; done
  # Rootless, each runroot has a process holding its user namespace.
  local holders pid bridges br
  holders=$(find "$BENCH" -name userns.pid -exec awk '{ print $1 }' {} + 2>/dev/null || true)
  # As root, the stores' default networks made bridges in this namespace;
  # the networking rows' stores made theirs in namespaces of their own
  # (deleted above, or a rootless user's), and a name they share with a
  # host bridge is not theirs to remove. (A failing command here would end
  # the trap under set -e, leaving $BENCH behind.)
  bridges=$(find "$BENCH" \( -path "$BENCH/net-root" -o -path "${NET_SHARE:-$BENCH/ns}" \) -prune -o -path '*/networks/*.json' \
    -exec sed -n 's/.*"interface": *"\([^"]*\)".*/\1/p' {} + 2>/dev/null || true)
  for br in $bridges; do
    if [[ $(id -u) -eq 0 ]]; then ip link del "$br" 2>/dev/null || true; fi
  done
  wipe "$BENCH"
  for pid in $holders; do
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == pontoon-userns ]] && kill -KILL "$pid" 2>/dev/null
  done
  return 0
}
trap cleanup EXIT

# Removes a directory that may hold files owned by subuids (rootless stores).
wipe() {
  if [[ $(id -u) -ne 0 && -e $1 ]]; then
    "$PONTOON" --root "$BENCH/none" --runroot "$BENCH/none-run" unshare rm -rf "$1" 2>/dev/null || true
  fi
  rm -rf "$1" 2>/dev/null || true
}

# --- a registry holding the benchmark image ---------------------------------
port=$(( (RANDOM % 20000) + 30000 ))
cat >"$BENCH/registry.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $BENCH/registry
http:
  addr: 127.0.0.1:$port
  secret: pontoon-bench
YAML
/usr/bin/docker-registry serve "$BENCH/registry.yml" >"$BENCH/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
ADDR=127.0.0.1:$port
IMAGE=$ADDR/bench/large:latest
echo '{"default":[{"type":"insecureAcceptAnything"}]}' >"$BENCH/policy.json"
printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$ADDR" >"$BENCH/registries.conf"
echo "{}" >"$BENCH/auth.json"
export CONTAINERS_REGISTRIES_CONF=$BENCH/registries.conf REGISTRY_AUTH_FILE=$BENCH/auth.json
skopeo --policy "$BENCH/policy.json" copy --quiet --dest-tls-verify=false "oci:$LAYOUT:latest" "docker://$IMAGE"

# --- measuring ---------------------------------------------------------------
TABLE=()   # "section|label|median|baseline|unit"
SECTION=
BASELINE=  # median of the section's first row, "failed" if it failed

bench_section() {
  SECTION=$1
  BASELINE=
  echo "== $SECTION"
}

# bench_row LABEL PREPARE CMD...: median seconds of CMD over $RUNS runs,
# running the shell snippet PREPARE (untimed) before each. The first row of
# a section is the baseline the others are compared with.
bench_row() {
  local label=$1 prepare=$2
  shift 2
  local times=() i t0 t1
  for ((i = 0; i < RUNS; i++)); do
    eval "$prepare"
    t0=$(date +%s.%N)
    if ! "$@" >"$BENCH/last.out" 2>&1; then
      echo "   $label: failed: $(tail -n 3 "$BENCH/last.out" | tr '\n' ' ')"
      [[ -z $BASELINE ]] && BASELINE=failed
      TABLE+=("$SECTION|$label|failed|$BASELINE|s")
      return 0
    fi
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | awk '{ split($0, a, " - "); printf "%.3f", a[1] - a[2] }')")
  done
  add_row "$label" s "${times[@]}"
}

# add_row LABEL UNIT VALUE...: the median of the values as a row.
add_row() {
  local label=$1 unit=$2 median
  shift 2
  median=$(printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "   $label: $* -> median $median $unit"
  [[ -z $BASELINE ]] && BASELINE=$median
  TABLE+=("$SECTION|$label|$median|$BASELINE|$unit")
}

# bench_values LABEL UNIT CMD...: a row from the values CMD prints, one a
# line (CMD measures by itself, e.g. scripts/bench-network.sh).
bench_values() {
  local label=$1 unit=$2 values
  shift 2
  if ! "$@" >"$BENCH/last.out" 2>"$BENCH/last.err"; then
    echo "   $label: failed: $(tail -n 3 "$BENCH/last.err" | tr '\n' ' ')"
    [[ -z $BASELINE ]] && BASELINE=failed
    TABLE+=("$SECTION|$label|failed|$BASELINE|$unit")
    return 0
  fi
  mapfile -t values <"$BENCH/last.out"
  add_row "$label" "$unit" "${values[@]}"
}

print_table() {
  printf '\n%-40s %-36s %14s %8s\n' "benchmark" "tool" "median" "ratio"
  local row section label median base unit ratio
  for row in "${TABLE[@]}"; do
    IFS='|' read -r section label median base unit <<<"$row"
    ratio=-
    if [[ $median != failed && -n $base && $base != failed ]]; then
      ratio=$(awk -v m="$median" -v b="$base" 'BEGIN { printf (b > 0) ? "%.2fx" : "-", m / b }')
    fi
    [[ $median != failed ]] && median="$median $unit"
    printf '%-40s %-36s %14s %8s\n' "$section" "$label" "$median" "$ratio"
  done
  echo "(ratio: median / the first row of its benchmark: for s lower is better, for MiB/s higher;"
  echo " podman rows only when podman is installed, rootless rows as root only when $NET_USER exists)"
}

# --- sections ------------------------------------------------------------------
# Download with skopeo, then unpack every layer with GNU tar: a reference for
# what pulling costs on this machine's disk (no whiteout handling needed for
# the benchmark image, which has none).
skopeo_then_untar() {
  local dir=$1 manifest layer
  # (set -e does not apply inside bench_row's `if`: check every step.)
  mkdir -p "$dir/rootfs" || return 1
  skopeo --policy "$BENCH/policy.json" copy --quiet --src-tls-verify=false "docker://$IMAGE" "oci:$dir/layout:latest" || return 1
  manifest=$(grep -o '"digest":"sha256:[0-9a-f]*"' "$dir/layout/index.json" | head -n1 | cut -d: -f3 | tr -d '"')
  [[ -n $manifest ]] || return 1
  # The manifest names the config first, then the layers in order.
  for layer in $(grep -o '"digest":"sha256:[0-9a-f]*"' "$dir/layout/blobs/sha256/$manifest" | tail -n +2 | cut -d: -f3 | tr -d '"'); do
    tar -xzf "$dir/layout/blobs/sha256/$layer" -C "$dir/rootfs" || return 1
  done
}

section_pull() {
  bench_section "pull ${MB} MiB image"
  bench_row "pontoon pull" "wipe $BENCH/pontoon" \
    "$PONTOON" --root "$BENCH/pontoon/root" --runroot "$BENCH/pontoon/run" pull -q "$IMAGE"
  bench_row "skopeo copy to oci: (download only, no unpack)" "wipe $BENCH/skopeo" \
    skopeo --policy "$BENCH/policy.json" copy --quiet --src-tls-verify=false "docker://$IMAGE" "oci:$BENCH/skopeo:latest"
  bench_row "skopeo copy + tar -x (reference)" "wipe $BENCH/untar" skopeo_then_untar "$BENCH/untar"
  if command -v podman >/dev/null; then
    bench_row "podman pull" "wipe $BENCH/podman" \
      podman --root "$BENCH/podman/root" --runroot "$BENCH/podman/run" --cgroup-manager cgroupfs --events-backend file \
      pull -q "$IMAGE"
  fi
}

# A busybox image in a store of the given tool, for the container rows.
BUSYBOX_TAR=$BENCH/busybox-rootfs.tar
scripts/make-busybox-rootfs.sh "$BUSYBOX_TAR" >/dev/null
PSTORE=(--root "$BENCH/run-store/root" --runroot "$BENCH/run-store/run")
"$PONTOON" "${PSTORE[@]}" import --change 'CMD ["sh"]' "$BUSYBOX_TAR" busybox >/dev/null
# Podman on this kind of machine needs help: no CAP_SYS_RESOURCE (its default
# rlimits are above the hard limits), and crun refuses hybrid cgroup trees.
PODMAN=(podman --root "$BENCH/podman-store/root" --runroot "$BENCH/podman-store/run" --cgroup-manager cgroupfs --events-backend file)
PODMAN_RUN_FLAGS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit "nproc=1000:1000")
if command -v podman >/dev/null; then
  command -v runc >/dev/null && PODMAN+=(--runtime runc)
  "$PONTOON" "${PSTORE[@]}" save -o "$BENCH/busybox-archive.tar" busybox
  "${PODMAN[@]}" load -q -i "$BENCH/busybox-archive.tar" >/dev/null
fi
FAST_RUNS=${PONTOON_BENCH_FAST_RUNS:-31}

# bench_fast LABEL CMD...: median of many runs of a quick command.
bench_fast() {
  local saved=$RUNS
  RUNS=$FAST_RUNS
  bench_row "$@"
  RUNS=$saved
}

section_run() {
  bench_section "run --rm busybox true"
  bench_fast "pontoon run --rm" ":" "$PONTOON" "${PSTORE[@]}" run --rm busybox true
  if command -v podman >/dev/null; then
    bench_fast "podman run --rm" ":" "${PODMAN[@]}" run --rm "${PODMAN_RUN_FLAGS[@]}" busybox true
  fi
}

section_ps() {
  local n=${PONTOON_BENCH_CONTAINERS:-1000} i
  echo "   creating $n containers in each store..."
  for ((i = 0; i < n; i++)); do "$PONTOON" "${PSTORE[@]}" create busybox true >/dev/null; done
  if command -v podman >/dev/null; then
    for ((i = 0; i < n; i++)); do "${PODMAN[@]}" create "${PODMAN_RUN_FLAGS[@]}" busybox true >/dev/null; done
  fi
  bench_section "ps -a over $n containers"
  bench_fast "pontoon ps -a" ":" "$PONTOON" "${PSTORE[@]}" ps -a
  if command -v podman >/dev/null; then
    bench_fast "podman ps -a" ":" "${PODMAN[@]}" ps -a
  fi
}

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
  make_build_context
  local label="(6 steps)"
  PODMAN_BUILD_FLAGS=("${PODMAN_RUN_FLAGS[@]}")
  "$PONTOON" "${PSTORE[@]}" build -q -t bench-build "$BUILD_CTX" >/dev/null
  bench_section "build, cached rebuild $label"
  bench_row "pontoon build" ":" "$PONTOON" "${PSTORE[@]}" build -q -t bench-build "$BUILD_CTX"
  if command -v podman >/dev/null; then
    # The global --runtime does not reach the RUN steps of podman build.
    command -v runc >/dev/null && PODMAN_BUILD_FLAGS+=(--runtime runc)
    "${PODMAN[@]}" build -q "${PODMAN_BUILD_FLAGS[@]}" -t bench-build "$BUILD_CTX" >/dev/null ||
      echo "   podman build: the first build failed (the rows below will say why)"
    bench_row "podman build" ":" "${PODMAN[@]}" build -q "${PODMAN_BUILD_FLAGS[@]}" -t bench-build "$BUILD_CTX"
  fi
  bench_section "build, cold: --no-cache $label"
  bench_row "pontoon build --no-cache" ":" "$PONTOON" "${PSTORE[@]}" build -q --no-cache -t bench-build "$BUILD_CTX"
  if command -v podman >/dev/null; then
    bench_row "podman build --no-cache" ":" "${PODMAN[@]}" build -q --no-cache "${PODMAN_BUILD_FLAGS[@]}" -t bench-build "$BUILD_CTX"
  fi
}

# The resident memory of the process that supervises one running container.
section_monitor_rss() {
  local id pid rss
  id=$("$PONTOON" "${PSTORE[@]}" run -d busybox sleep 1000)
  pid=$(sed -n 's/.*"monitor_pid": *\([0-9]*\).*/\1/p' "$BENCH/run-store/root/containers/$id/state.json")
  MEMORY+=("pontoon monitor (pontoon __monitor)|$(memory_of "$pid")")
  "$PONTOON" "${PSTORE[@]}" rm -f "$id" >/dev/null
  if command -v podman >/dev/null; then
    id=$("${PODMAN[@]}" run -d "${PODMAN_RUN_FLAGS[@]}" busybox sleep 1000)
    pid=$(pgrep -f "conmon.*$id" | head -n1)
    [[ -n $pid ]] && MEMORY+=("podman monitor (conmon)|$(memory_of "$pid")")
    "${PODMAN[@]}" rm -f "$id" >/dev/null
  fi
}

# "RSS|private dirty" in KiB: RSS counts the binary's pages, which every
# monitor shares; private dirty memory is what each one really adds.
memory_of() {
  awk '/^Rss:/ { r = $2 } /^Private_Dirty:/ { d = $2 } END { print r "|" d }' "/proc/$1/smaps_rollup"
}

MEMORY=()   # "label|RSS KiB|private dirty KiB"
print_memory() {
  ((${#MEMORY[@]})) || return 0
  printf '\n%-40s %12s %20s\n' "per-container monitor" "RSS KiB" "private dirty KiB"
  local row label rss dirty
  for row in "${MEMORY[@]}"; do
    IFS='|' read -r label rss dirty <<<"$row"
    printf '%-40s %12s %20s\n' "$label" "$rss" "$dirty"
  done
}

# --- networking: scripts/bench-network.sh measures, as the mode's user ------
# As root both modes: rootful as root, rootless as $NET_USER (the CI's
# unprivileged user, as scripts/run-unprivileged.sh runs the tests); as
# any other user, rootless only. The rootful rows of each tool run in a
# network namespace of their own (as the tests' TestEnv::with_netns), so
# that the default bridge pontoon0, podman's cni-podman0 and their
# firewall rules are made there and go with it, leaving the host as it
# was; one per tool because both default networks would take 10.88.0.0/16
# in an empty namespace.
NET_USER=${PONTOON_CI_USER:-pontoon-ci}
NET_MB=${PONTOON_BENCH_NET_MB:-200}
NET_RUNS=${PONTOON_BENCH_NET_RUNS:-11}
# Copies $NET_USER can read (binary, helper, image) and its work dir,
# under short paths: rootless podman refuses a runroot over 50 characters.
NET_SHARE=$BENCH/ns

net_modes() {
  if [[ $(id -u) -ne 0 ]]; then
    echo rootless
    return
  fi
  echo root
  if id -u "$NET_USER" >/dev/null 2>&1; then echo rootless; fi
}

# bench_network MODE TOOL MEASURE: the helper's values for TOOL in MODE.
bench_network() {
  local mode=$1
  shift
  local helper=(env PONTOON="$PONTOON" BUSYBOX_TAR="$BUSYBOX_TAR" BUSYBOX_ARCHIVE="$BENCH/busybox-archive.tar"
    PONTOON_BENCH_NET_MB="$NET_MB" scripts/bench-network.sh "$BENCH/net-$mode" "$@" "$NET_RUNS")
  if [[ $(id -u) -ne 0 ]]; then
    "${helper[@]}"
    return
  fi
  if [[ $mode == root ]]; then
    bench_netns "$1" || return 1
    nsenter --net="/run/netns/$NETNS" -- "${helper[@]}"
    return
  fi
  net_share
  as_net_user PONTOON="$NET_SHARE/pontoon" BUSYBOX_TAR="$NET_SHARE/busybox-rootfs.tar" \
    BUSYBOX_ARCHIVE="$NET_SHARE/busybox-archive.tar" PONTOON_BENCH_NET_MB="$NET_MB" \
    "$NET_SHARE/bench-network.sh" "$NET_SHARE/w" "$@" "$NET_RUNS"
}

# bench_netns TOOL: sets NETNS to the network namespace of TOOL's rootful
# rows, made (with lo up) on first use and deleted by cleanup.
bench_netns() {
  NETNS=pontoon-bench-$$-$1
  [[ -e /run/netns/$NETNS ]] && return 0
  ip netns add "$NETNS" || return 1
  NET_NAMESPACES+=("$NETNS")
  ip -n "$NETNS" link set lo up
}

# net_share: $NET_SHARE with what $NET_USER runs (once).
net_share() {
  [[ -d $NET_SHARE ]] && return 0
  chmod 711 "$BENCH"
  install -d -m 755 "$NET_SHARE"
  install -d -o "$NET_USER" "$NET_SHARE/w"
  install -m 755 "$PONTOON" scripts/bench-network.sh "$NET_SHARE/"
  install -m 644 "$BUSYBOX_TAR" "$NET_SHARE/busybox-rootfs.tar"
  [[ -e $BENCH/busybox-archive.tar ]] && install -m 644 "$BENCH/busybox-archive.tar" "$NET_SHARE/"
  return 0
}

# as_net_user VAR=VALUE... CMD...: CMD as $NET_USER in $NET_SHARE, in a
# clean environment (nothing of root's leaks into the rootless run) plus
# the VARs.
as_net_user() {
  (cd "$NET_SHARE" && runuser -u "$NET_USER" -- env -i \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME="$(getent passwd "$NET_USER" | cut -d: -f6)" \
    USER="$NET_USER" LOGNAME="$NET_USER" LANG=C.UTF-8 TMPDIR=/tmp "$@")
}

# How long a web server takes to answer on its published port.
section_net_first_response() {
  local mode
  for mode in $(net_modes); do
    bench_section "run -d -p to first response ($mode)"
    bench_values "pontoon" s bench_network "$mode" pontoon first-response
    if command -v podman >/dev/null; then
      bench_values "podman" s bench_network "$mode" podman first-response
    fi
  done
}

# A large download through a published port, against the same file over
# the host's own loopback.
section_net_throughput() {
  local mode
  for mode in $(net_modes); do
    bench_section "curl $NET_MB MiB via -p ($mode)"
    bench_values "raw loopback (host busybox httpd)" MiB/s bench_network "$mode" loopback throughput
    bench_values "pontoon -p" MiB/s bench_network "$mode" pontoon throughput
    if command -v podman >/dev/null; then
      bench_values "podman -p" MiB/s bench_network "$mode" podman throughput
    fi
  done
}

# --- compose: `up -d` and `down` of a three-service project ------------------
# Three busybox web servers, each depending on the one before it (db with a
# named volume, web publishing a port), without healthchecks: the time is
# the engine's. Each up starts from nothing (no containers, network or
# volume); each down takes down what an untimed `up -d` just started. Both
# tools get the same modes as the networking rows: rootful in a network
# namespace of their own (compose makes a bridge), rootless as $NET_USER.
# podman-compose drives an isolated podman store like the other podman rows,
# through a wrapper script that puts the store flags before the subcommand
# of every podman command it runs (its --podman-args come after it).
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
# with the busybox image; sets C_AS (the prefix running a command as the
# mode's user, in its network namespace), C_CLI (TOOL's compose command
# with the project) and C_CLEAN (removes every trace of the project).
compose_setup() {
  local mode=$1 tool=$2 files store bin=$PONTOON archive=$BENCH/busybox-archive.tar tar=$BUSYBOX_TAR
  # Short paths: podman refuses a runroot path over 50 characters.
  files=$BENCH/c${tool:0:1}${tool: -1}
  store=$files/s
  C_AS=()
  if [[ $(id -u) -eq 0 && $mode == root ]]; then
    bench_netns "compose-$tool" || return 1
    C_AS=(nsenter --net="/run/netns/$NETNS" --)
  elif [[ $(id -u) -eq 0 ]]; then
    net_share
    files=$NET_SHARE/c${tool:0:1}${tool: -1}
    store=$NET_SHARE/w/c${tool:0:1}${tool: -1}
    bin=$NET_SHARE/pontoon archive=$NET_SHARE/busybox-archive.tar tar=$NET_SHARE/busybox-rootfs.tar
    C_AS=(as_net_user)
  fi
  local first=
  if [[ ! -e $files/compose.yaml ]]; then
    first=1
    mkdir -p "$files"
    chmod 755 "$files"
    "${C_AS[@]}" mkdir -p "$store"
    write_compose_file "$files/compose.yaml" "$(compose_port)" || return 1
  fi
  case $tool in
    pontoon)
      C_CLI=("${C_AS[@]}" "$bin" --root "$store/root" --runroot "$store/run" compose -f "$files/compose.yaml" -p "$COMPOSE_PROJECT")
      if [[ -n $first ]]; then
        "${C_AS[@]}" "$bin" --root "$store/root" --runroot "$store/run" import --change 'CMD ["sh"]' "$tar" busybox >/dev/null || return 1
      fi
      C_CLEAN=("${C_CLI[@]}" down -v)
      ;;
    podman-compose)
      local podman=(podman --root "$store/root" --runroot "$store/run" --tmpdir "$store/tmp"
        --network-config-dir "$store/networks" --cgroup-manager cgroupfs --events-backend file)
      command -v runc >/dev/null && podman+=(--runtime runc)
      if [[ -n $first ]]; then
        printf '#!/bin/sh\nexec %s "$@"\n' "${podman[*]}" >"$files/podman"
        chmod 755 "$files/podman"
        "${C_AS[@]}" "$files/podman" load -q -i "$archive" >/dev/null || return 1
      fi
      C_PC=("${C_AS[@]}" podman-compose --podman-path "$files/podman"
        --podman-run-args "${PODMAN_RUN_FLAGS[*]}" -f "$files/compose.yaml" -p "$COMPOSE_PROJECT")
      C_CLI=(podman_compose_checked "${C_PC[@]}")
      # podman-compose's down leaves the project's network, which the next
      # up would reuse: an up from nothing makes it. (Either may have
      # nothing to remove: a clean that did not clean makes the up fail.)
      C_CLEAN=(eval '"${C_PC[@]}" down -v; "${C_AS[@]}" "'"$files"'/podman" network rm -f '"${COMPOSE_PROJECT}_default"'; true')
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
  answer=$("${C_AS[@]}" curl -fsS --max-time 5 "http://127.0.0.1:$C_PORT/" 2>&1) || { echo "web on 127.0.0.1:$C_PORT: $answer"; return 1; }
  [[ $answer == web ]] || { echo "127.0.0.1:$C_PORT answered \"$answer\", not web"; return 1; }
  local running
  running=$("${C_CLI[@]}" ps 2>&1 | grep -c 'Up' || true)
  ((running == 3)) || { echo "$running of 3 services running"; "${C_CLI[@]}" ps 2>&1 | tail -n 5; return 1; }
}

# compose_unless_broken CMD...: CMD, unless the untimed step before it
# failed (C_BROKEN set): a down of nothing is no measure of down.
compose_unless_broken() {
  [[ -z $C_BROKEN ]] || { echo "the untimed compose up -d before it failed"; return 1; }
  "$@"
}

# failed_row LABEL: a row that could not be measured.
failed_row() {
  [[ -z $BASELINE ]] && BASELINE=failed
  TABLE+=("$SECTION|$1|failed|$BASELINE|s")
}

section_compose() {
  local mode tool tools=(pontoon) broken
  # Rootful podman's CNI plugins keep a directory per network on the
  # host, even for a network in another namespace: ours goes at the end.
  local cni_state=/var/lib/cni/networks/${COMPOSE_PROJECT}_default cni_existed=
  [[ -e $cni_state ]] && cni_existed=1
  command -v podman >/dev/null && command -v podman-compose >/dev/null && tools+=(podman-compose)
  for mode in $(net_modes); do
    # Once untimed, checked: the project comes up and answers.
    broken=()
    for tool in "${tools[@]}"; do
      if ! compose_setup "$mode" "$tool" >"$BENCH/last.out" 2>&1 ||
        ! { "${C_CLEAN[@]}"; "${C_CLI[@]}" up -d && compose_check; } >"$BENCH/last.out" 2>&1; then
        echo "   $tool ($mode): the project did not come up: $(tail -n 3 "$BENCH/last.out" | tr '\n' ' ')"
        broken+=("$tool")
      fi
      "${C_CLEAN[@]}" >/dev/null 2>&1 || true
    done
    bench_section "compose up -d (3 services, $mode)"
    for tool in "${tools[@]}"; do
      [[ " ${broken[*]} " == *" $tool "* ]] && { failed_row "$tool"; continue; }
      compose_setup "$mode" "$tool"
      bench_row "$tool" '"${C_CLEAN[@]}" >/dev/null 2>&1 || true' "${C_CLI[@]}" up -d
    done
    bench_section "compose down (3 services, $mode)"
    for tool in "${tools[@]}"; do
      [[ " ${broken[*]} " == *" $tool "* ]] && { failed_row "$tool"; continue; }
      compose_setup "$mode" "$tool"
      bench_row "$tool" 'C_BROKEN=; "${C_CLEAN[@]}" >/dev/null 2>&1; "${C_CLI[@]}" up -d >/dev/null 2>&1 || C_BROKEN=1' \
        compose_unless_broken "${C_CLI[@]}" down
    done
    compose_teardown "$mode" "${tools[@]}"
  done
  [[ -z $cni_existed && $(id -u) -eq 0 ]] && rm -rf "$cni_state"
  return 0
}

# compose_teardown MODE TOOL...: the projects taken down and the stores
# gone, with the processes holding rootless user namespaces (pontoon's
# pontoon-userns, podman's catatonit pause process).
compose_teardown() {
  local mode=$1 tool pidfile pid dir dirs=("$BENCH"/cp?)
  shift
  for tool in "$@"; do
    compose_setup "$mode" "$tool" >/dev/null 2>&1 && "${C_CLEAN[@]}" >/dev/null 2>&1 || true
  done
  [[ $(id -u) -eq 0 && $mode == rootless ]] && dirs=("$NET_SHARE/w"/cp? "$NET_SHARE"/cp?)
  for pidfile in $(find "${dirs[@]}" \( -name userns.pid -o -name pause.pid \) 2>/dev/null); do
    pid=$(awk '{ print $1; exit }' "$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || continue
    case $(cat "/proc/$pid/comm" 2>/dev/null) in
      pontoon-userns | catatonit) kill -KILL "$pid" ;;
    esac
  done
  for dir in "${dirs[@]}"; do wipe "$dir"; done
  return 0
}

SECTIONS=(section_pull section_run section_build section_ps section_monitor_rss section_compose section_net_first_response section_net_throughput)
read -r -a SECTIONS <<<"${PONTOON_BENCH_SECTIONS:-${SECTIONS[*]}}"
for section in "${SECTIONS[@]}"; do
  "$section"
done
print_table
print_memory
