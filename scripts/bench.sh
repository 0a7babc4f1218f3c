#!/usr/bin/env bash
# `make bench`: pontoon side by side with other tools on the same machine,
# median wall-clock seconds of several runs, each from a fresh store.
#   PONTOON_BENCH_MB    size of the pulled image (default 128)
#   PONTOON_BENCH_RUNS  runs per row (default 5)
# Sections are functions listed in SECTIONS; add one per benchmark family
# (run --rm true, ps -a over 1000 containers, monitor RSS...) with
# bench_section and bench_row.
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
cleanup() {
  [[ -n $REGISTRY_PID ]] && kill "$REGISTRY_PID" 2>/dev/null
  wipe "$BENCH"
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
TABLE=()   # "section|label|median|baseline"
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
      TABLE+=("$SECTION|$label|failed|$BASELINE")
      return 0
    fi
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | awk '{ split($0, a, " - "); printf "%.3f", a[1] - a[2] }')")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "   $label: ${times[*]} -> median $median s"
  [[ -z $BASELINE ]] && BASELINE=$median
  TABLE+=("$SECTION|$label|$median|$BASELINE")
}

print_table() {
  printf '\n%-28s %-44s %10s %8s\n' "benchmark" "tool" "median s" "ratio"
  local row section label median base ratio
  for row in "${TABLE[@]}"; do
    IFS='|' read -r section label median base <<<"$row"
    ratio=-
    if [[ $median != failed && -n $base && $base != failed ]]; then
      ratio=$(awk -v m="$median" -v b="$base" 'BEGIN { printf (b > 0) ? "%.2fx" : "-", m / b }')
    fi
    printf '%-28s %-44s %10s %8s\n' "$section" "$label" "$median" "$ratio"
  done
  echo "(ratio: median / the first row of its benchmark; podman rows only when podman is installed)"
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

SECTIONS=(section_pull section_run section_ps section_monitor_rss)
for section in "${SECTIONS[@]}"; do
  "$section"
done
print_table
print_memory
