#!/usr/bin/env bash
# `make bench`: pontoon side by side with Podman (configured here for this
# machine: runc, cgroupfs, file events, rlimits within the hard limits)
# and with a floor per scenario (the bare minimum doing the same work:
# crun alone on an unpacked bundle, tar -xzf of the same layers, raw
# loopback...), root and rootless, the tools' runs interleaved (A B F,
# B F A, ...) so that the machine's drift cancels in the ratios. Writes
# docs/benchmarks.md (machine, date, commit, versions, every row's
# medians, ratio, floor, distance to it, target met or missed, exact
# commands) with the hand-written docs/benchmarks-notes.md included.
#
# As root, the rootless rows run as $PONTOON_CI_USER (default pontoon-ci,
# the CI's unprivileged user) and the rootful rows of each tool in a
# network namespace of its own; as any other user, only rootless rows.
#
# Knobs (environment):
#   PONTOON_BENCH_QUICK=1     a quick check that every row works: 3 runs,
#                             small images, 50 containers (the report
#                             goes to $B/benchmarks.md unless
#                             PONTOON_BENCH_OUT is set)
#   PONTOON_BENCH_SECTIONS    the sections to run (default all), e.g.
#                             "section_run section_ps"; see SECTIONS below
#   PONTOON_BENCH_RUNS        rounds of the slower rows (default 7)
#   PONTOON_BENCH_FAST_RUNS   rounds of the quick rows: run --rm, exec,
#                             ps, images (default 21)
#   PONTOON_BENCH_NET_RUNS    rounds of the published-port rows (default 9)
#   PONTOON_BENCH_MB          size of the large pulled image (default 128)
#   PONTOON_BENCH_LAYER_MB    size of each of the postgres-like image's 6
#                             layers on busybox (default 5)
#   PONTOON_BENCH_NET_MB      file downloaded through -p (default 200)
#   PONTOON_BENCH_CONTAINERS  containers listed by ps -a (default 1000)
#   PONTOON_BENCH_IMAGES      images listed by images (default 200)
#   PONTOON_BENCH_MANY        running containers of the memory and disk
#                             rows (default 100)
#   PONTOON_BENCH_JOBS        parallel creates while filling stores (4)
#   PONTOON_BENCH_OUT         the report (default docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
START_TIME=$(date +%s)
# What is measured: the commit at the start (the tree may move on during
# the run), and how busy the machine was.
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo ' (with uncommitted changes)') (\"$(git log -1 --format=%s | cut -c1-72)…\")"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

if [[ -n ${PONTOON_BENCH_QUICK:-} ]]; then
  : "${PONTOON_BENCH_RUNS:=3}" "${PONTOON_BENCH_FAST_RUNS:=3}" "${PONTOON_BENCH_NET_RUNS:=3}"
  : "${PONTOON_BENCH_MB:=16}" "${PONTOON_BENCH_LAYER_MB:=1}" "${PONTOON_BENCH_NET_MB:=20}"
  : "${PONTOON_BENCH_CONTAINERS:=50}" "${PONTOON_BENCH_IMAGES:=20}" "${PONTOON_BENCH_MANY:=50}"
fi
RUNS=${PONTOON_BENCH_RUNS:-7}
FAST_RUNS=${PONTOON_BENCH_FAST_RUNS:-21}
NET_RUNS=${PONTOON_BENCH_NET_RUNS:-9}
MB=${PONTOON_BENCH_MB:-128}
LAYER_MB=${PONTOON_BENCH_LAYER_MB:-5}
NET_MB=${PONTOON_BENCH_NET_MB:-200}
PS_CONTAINERS=${PONTOON_BENCH_CONTAINERS:-1000}
IMAGES=${PONTOON_BENCH_IMAGES:-200}
MANY=${PONTOON_BENCH_MANY:-100}
BENCH_JOBS=${PONTOON_BENCH_JOBS:-4}
NET_USER=${PONTOON_CI_USER:-pontoon-ci}
SECTIONS=(section_run section_ps section_images section_memory section_pull section_build section_compose
  section_net_first_response section_net_throughput)
read -r -a SECTIONS <<<"${PONTOON_BENCH_SECTIONS:-${SECTIONS[*]}}"

scripts/install-deps.sh
# The report compares with Debian's Podman: installed here when missing
# (a fresh machine has none). Podman's crun refuses this kind of host's
# hybrid cgroup tree: its rows need runc; the compose rows podman-compose.
if [[ $(id -u) -eq 0 ]]; then
  for pkg in podman runc podman-compose; do
    command -v "$pkg" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
  done
fi
HAVE_PODMAN=
command -v podman >/dev/null && HAVE_PODMAN=1
command -v crun >/dev/null || { echo "bench: needs crun for the floors (apt-get install crun)" >&2; exit 1; }

BENCH=$(mktemp -d /tmp/pontoon-bench.XXXXXX)
NET_SHARE=$BENCH/ns
OUT=${PONTOON_BENCH_OUT:-docs/benchmarks.md}
[[ -n ${PONTOON_BENCH_QUICK:-} && -z ${PONTOON_BENCH_OUT:-} ]] && OUT=/tmp/pontoon-bench-quick.md
PONTOON=$PWD/target/x86_64-unknown-linux-gnu/release/pontoon
# shellcheck source=scripts/bench/lib.sh
source scripts/bench/lib.sh
# shellcheck source=scripts/bench/floor.sh
source scripts/bench/floor.sh
for part in containers memory pull build-compose network; do
  # shellcheck source=/dev/null
  source "scripts/bench/sections-$part.sh"
done

REGISTRY_PID=
cleanup() {
  [[ -n $REGISTRY_PID ]] && kill "$REGISTRY_PID" 2>/dev/null
  floor_teardown 2>/dev/null || true
  # Containers the rows left (a failed row may): every store's.
  local store
  for store in "$BENCH"/p* "$NET_SHARE"/w/p*; do
    [[ -d $store/root ]] || continue
    ids=$("$PONTOON" --root "$store/root" --runroot "$store/run" ps -aq 2>/dev/null || true)
    [[ -z $ids || $store == "$NET_SHARE"/* ]] || "$PONTOON" --root "$store/root" --runroot "$store/run" rm -f $ids >/dev/null 2>&1 || true
    [[ -z $ids || $store != "$NET_SHARE"/* ]] || as_net_user "$NET_SHARE/pontoon" --root "$store/root" --runroot "$store/run" rm -f $ids >/dev/null 2>&1 || true
  done
  if [[ -n $HAVE_PODMAN ]]; then
    for store in "$BENCH"/q* "$NET_SHARE"/w/q*; do
      [[ -d $store/root ]] || continue
      if [[ $store == "$NET_SHARE"/* ]]; then
        as_net_user "${PODMAN_BASE[@]}" --root "$store/root" --runroot "$store/run" --tmpdir "$store/tmp" rm -a -f -t 0 >/dev/null 2>&1 || true
      else
        "${PODMAN_BASE[@]}" --root "$store/root" --runroot "$store/run" --tmpdir "$store/tmp" rm -a -f -t 0 >/dev/null 2>&1 || true
      fi
    done
  fi
  # (made in command substitutions too: by name, not from NET_NAMESPACES)
  local ns
  for ns in /run/netns/pontoon-bench-$$-*; do [[ -e $ns ]] && ip netns del "${ns##*/}" 2>/dev/null; done
  # Rootless, each store has a process holding its user namespace.
  local holders pid
  holders=$(find "$BENCH" \( -name userns.pid -o -name pause.pid \) -exec awk '{ print $1 }' {} + 2>/dev/null || true)
  wipe "$BENCH"
  for pid in $holders; do
    case $(cat "/proc/$pid/comm" 2>/dev/null) in
      pontoon-userns | catatonit) kill -KILL "$pid" 2>/dev/null ;;
    esac
  done
  return 0
}
trap cleanup EXIT

echo "building pontoon (release) and the benchmark images..."
quietly cargo build --release
export PONTOON_FIXTURES_DIR=${PONTOON_FIXTURES_DIR:-/tmp/pontoon-fixtures-$(id -u)}
fixture_out=$(PONTOON_BENCH_MB=$MB PONTOON_BENCH_LAYER_MB=$LAYER_MB cargo test --quiet --test harness -- --ignored --exact bench_fixture --nocapture 2>&1) || true
LAYOUT=$(sed -n 's/^BENCH_LAYOUT=//p' <<<"$fixture_out")
LAYERED_LAYOUT=$(sed -n 's/^BENCH_LAYERED_LAYOUT=//p' <<<"$fixture_out")
[[ -n $LAYOUT && -n $LAYERED_LAYOUT ]] || {
  echo "bench: building the benchmark images failed (cargo test --test harness -- --ignored bench_fixture):" >&2
  tail -n 20 <<<"$fixture_out" >&2
  exit 1
}

# --- a registry holding the benchmark images (access log on: the parallel
# pulls row counts the blob GETs it served) ---------------------------------
port=$(((RANDOM % 20000) + 30000))
cat >"$BENCH/registry.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: false
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
LAYERED_IMAGE=$ADDR/bench/layered:latest
echo '{"default":[{"type":"insecureAcceptAnything"}]}' >"$BENCH/policy.json"
printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$ADDR" >"$BENCH/registries.conf"
echo "{}" >"$BENCH/auth.json"
export CONTAINERS_REGISTRIES_CONF=$BENCH/registries.conf REGISTRY_AUTH_FILE=$BENCH/auth.json
skopeo --policy "$BENCH/policy.json" copy --quiet --dest-tls-verify=false "oci:$LAYOUT:latest" "docker://$IMAGE"
skopeo --policy "$BENCH/policy.json" copy --quiet --dest-tls-verify=false "oci:$LAYERED_LAYOUT:latest" "docker://$LAYERED_IMAGE"

# --- the busybox image, for the container rows -----------------------------------
BUSYBOX_TAR=$BENCH/busybox-rootfs.tar
scripts/make-busybox-rootfs.sh "$BUSYBOX_TAR" >/dev/null
# Podman on this kind of machine needs help: no CAP_SYS_RESOURCE (its
# default rlimits are above the hard limits), and crun refuses hybrid
# cgroup trees (runc instead).
PODMAN_BASE=(podman --cgroup-manager cgroupfs --events-backend file)
command -v runc >/dev/null && PODMAN_BASE+=(--runtime runc)
# Root podman allocates a lock per container from one shared-memory table
# of 2048 for every root store on the machine; stores deleted without
# `podman rm` (earlier bench runs) never give theirs back, and the rows
# here need ~1200. With no podman running, the table is started afresh.
if [[ $(id -u) -eq 0 && -e /dev/shm/libpod_lock ]] && ! pgrep -x 'podman|conmon' >/dev/null; then
  rm -f /dev/shm/libpod_lock
fi
PODMAN_RUN_FLAGS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit "nproc=1000:1000")
"$PONTOON" --root "$BENCH/archive/root" --runroot "$BENCH/archive/run" import --change 'CMD ["sh"]' "$BUSYBOX_TAR" busybox >/dev/null
"$PONTOON" --root "$BENCH/archive/root" --runroot "$BENCH/archive/run" save -o "$BENCH/busybox-archive.tar" busybox

for section in "${SECTIONS[@]}"; do
  "$section" || echo "   $section failed (its rows say why)"
done

# --- the report ----------------------------------------------------------------------
elapsed=$(($(date +%s) - START_TIME))
{
  echo "# Benchmarks"
  echo
  echo "Generated by \`make bench\` (scripts/bench.sh); do not edit by hand: the"
  echo "notes on missed targets live in docs/benchmarks-notes.md."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC') (the run took $((elapsed / 60)) min $((elapsed % 60)) s)"
  echo "- command: \`$(env | grep -E '^PONTOON_(BENCH_[A-Z_]+|CI_USER)=' | sort | tr '\n' ' ')make bench\` as $(id -un)"
  echo "- pontoon: $COMMIT, release build"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, kernel $(uname -r), $(lsb_release -ds 2>/dev/null || sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"')"
  echo "- bench directory: $BENCH on $(df -T "$BENCH" | awk 'NR == 2 { print $2 " (" $1 ")" }'); cgroups: $(stat -fc %T /sys/fs/cgroup)$([[ -d /sys/fs/cgroup/unified ]] && echo ' + cgroup2 at unified (hybrid)'); load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- podman: $(podman --version 2>/dev/null | awk '{ print $3 }' || echo 'not installed') with $(runc --version 2>/dev/null | head -n1 || echo 'its default runtime') (\`${PODMAN_BASE[*]}\`, run with \`${PODMAN_RUN_FLAGS[*]}\`); podman-compose $(podman-compose --version 2>/dev/null | awk '/podman-compose/ { print $NF; exit }')"
  echo "- floor: $(crun --version | head -n1); $(tar --version | head -n1); busybox $(busybox 2>&1 | head -n1 | awk '{ print $2 }')"
  echo "- rounds: $RUNS (slow rows), $FAST_RUNS (quick rows), $NET_RUNS (ports); sizes: $MB MiB fixture, 6 × $LAYER_MB MiB layered image, $NET_MB MiB download, $PS_CONTAINERS containers (ps), $IMAGES images, $MANY running containers"
  echo
  echo "Root rows: as root, each tool in a network namespace of its own (\`nsenter --net\`, in the timed command of both tools); the floor's crun in a mount namespace where the hybrid cgroup2 mount is hidden (crun 1.8 refuses hybrid trees), entered with \`nsenter -m\` (one exec, in the floor's time). Rootless rows: as $NET_USER, timed by a loop running as that user; the floor's crun in a user and mount namespace of that user's (\`nsenter -U -m\`)."
} >"$BENCH/header.md"
scripts/bench/report.sh "$BENCH" "$BENCH/header.md" docs/benchmarks-notes.md "$OUT"
# The measurements are kept, so that editing the notes needs no new run:
# scripts/bench/report.sh target/bench-last target/bench-last/header.md docs/benchmarks-notes.md docs/benchmarks.md
rm -rf target/bench-last
mkdir -p target/bench-last
cp "$BENCH"/{rows,results,commands}.tsv "$BENCH/header.md" target/bench-last/ 2>/dev/null || true
echo
echo "report: $OUT ($((elapsed / 60)) min $((elapsed % 60)) s)"
