#!/usr/bin/env bash
# The networking rows of `make bench`, measured as the user who runs this
# script: rootful as root, rootless otherwise (bench.sh runs it as itself
# and, as root, once more as the unprivileged CI user).
#
#   bench-network.sh WORKDIR TOOL MEASURE RUNS
#     TOOL     pontoon | podman | loopback (a busybox httpd on the host's
#              127.0.0.1 serving the same files: the raw loopback floor)
#     MEASURE  first-response: seconds from `run -d -p` to the first
#              answered HTTP request (curl every 5 ms)
#              throughput: MiB/s of curl downloading a file (made on a
#              tmpfs inside the container) through its published port
#   Environment: PONTOON (the binary), BUSYBOX_TAR (a root filesystem
#   tarball), BUSYBOX_ARCHIVE (the same image as a docker-archive, for
#   podman), PONTOON_BENCH_NET_MB (file size, default 200).
#
# Prints one number per run on stdout; on failure exits non-zero with the
# reason on stderr. The tool's store lives in WORKDIR/TOOL; everything the
# script starts (containers, httpd, rootless namespace holders) is gone
# when it exits.
set -euo pipefail

WORKDIR=${1:?usage: $0 WORKDIR TOOL MEASURE RUNS}
TOOL=${2:?usage: $0 WORKDIR TOOL MEASURE RUNS}
MEASURE=${3:?usage: $0 WORKDIR TOOL MEASURE RUNS}
RUNS=${4:?usage: $0 WORKDIR TOOL MEASURE RUNS}
FILE_MB=${PONTOON_BENCH_NET_MB:-200}
STORE=$WORKDIR/$TOOL

fail() {
  echo "$*" >&2
  exit 1
}
command -v curl >/dev/null || fail "needs curl (apt-get install curl)"

# --- the tool's commands -----------------------------------------------------
CLI=()       # the tool's command with its store flags
RUN_FLAGS=() # flags every `run` needs on this machine
RM=()        # removes a container at once
case $TOOL in
  pontoon)
    CLI=("${PONTOON:?PONTOON must name the pontoon binary}" --root "$STORE/root" --runroot "$STORE/run")
    RM=("${CLI[@]}" rm -f)
    ;;
  podman)
    command -v podman >/dev/null || fail "podman is not installed"
    CLI=(podman --root "$STORE/root" --runroot "$STORE/run" --tmpdir "$STORE/tmp"
      --cgroup-manager cgroupfs --events-backend file)
    # crun refuses this kind of host's hybrid cgroup tree; no
    # CAP_SYS_RESOURCE here, so rlimits within the hard limits.
    command -v runc >/dev/null && CLI+=(--runtime runc)
    RUN_FLAGS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit "nproc=1000:1000")
    # httpd as PID 1 ignores SIGTERM: no grace period.
    RM=("${CLI[@]}" rm -f -t 0)
    ;;
  loopback) ;;
  *) fail "unknown tool $TOOL: use pontoon, podman or loopback" ;;
esac

CONTAINERS=()
HTTPD_PID=
SHM_DIR=
cleanup() {
  local id
  for id in "${CONTAINERS[@]}"; do "${RM[@]}" "$id" >/dev/null 2>&1 || true; done
  [[ -n $HTTPD_PID ]] && kill "$HTTPD_PID" 2>/dev/null
  [[ -n $SHM_DIR ]] && rm -rf "$SHM_DIR"
  # Rootless, both tools keep a process holding their user namespace
  # (pontoon's pontoon-userns, podman's catatonit pause process).
  stop_recorded "$STORE/run/userns.pid" pontoon-userns
  stop_recorded "$STORE/tmp/pause.pid" catatonit
  return 0
}
trap cleanup EXIT

# stop_recorded PIDFILE COMM: kills the process named in PIDFILE if it is
# still the one recorded (its command name is COMM).
stop_recorded() {
  local pid
  pid=$(awk '{ print $1; exit }' "$1" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] && kill -KILL "$pid" 2>/dev/null
  return 0
}

# The busybox image in the tool's store, once per store.
prepare_image() {
  [[ -e $STORE/.image ]] && return 0
  mkdir -p "$STORE"
  local log=$STORE/prepare.log
  case $TOOL in
    pontoon) "${CLI[@]}" import --change 'CMD ["sh"]' "${BUSYBOX_TAR:?}" busybox >"$log" 2>&1 ;;
    podman) "${CLI[@]}" load -q -i "${BUSYBOX_ARCHIVE:?}" >"$log" 2>&1 ;;
  esac || fail "$TOOL: loading the busybox image failed: $(tail -n 2 "$log" | tr '\n' ' ')"
  touch "$STORE/.image"
}

# A loopback port nothing listens on (other users of the machine may hold
# some: a fixed port could answer with someone else's server), below the
# ephemeral range (32768-60999 on Linux), where clients' sockets sit.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$(((RANDOM % 12000) + 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  fail "no free loopback port found"
}

now() { date +%s.%N; }

# wait_for URL TEXT SECONDS: polls until URL answers TEXT (our own server,
# not a stranger's), every 5 ms.
wait_for() {
  local deadline
  deadline=$(awk -v n="$(now)" -v s="$3" 'BEGIN { printf "%.3f", n + s }')
  until [[ $(curl -fsS --max-time 1 "$1" 2>/dev/null) == "$2" ]]; do
    awk -v n="$(now)" -v d="$deadline" 'BEGIN { exit !(n > d) }' && return 1
    sleep 0.005
  done
}

# start_httpd PORT SCRIPT: a detached busybox httpd container publishing
# 127.0.0.1:PORT -> 80 after running the shell snippet SCRIPT; its id
# goes to CONTAINERS.
start_httpd() {
  local id
  id=$("${CLI[@]}" run -d "${RUN_FLAGS[@]}" --tmpfs /srv -p "127.0.0.1:$1:80" busybox \
    sh -c "$2; exec httpd -f -p 80 -h /srv") || fail "$TOOL run -d -p 127.0.0.1:$1:80 failed"
  CONTAINERS+=("$id")
}

# start_host_httpd PORT SCRIPT: the floor's busybox httpd on the host's
# 127.0.0.1:PORT, serving a tmpfs directory (made by the shell snippet
# SCRIPT, given it as $1), as a container's httpd would be.
start_host_httpd() {
  [[ -n $SHM_DIR ]] || SHM_DIR=$(mktemp -d /dev/shm/pontoon-bench.XXXXXX) || fail "cannot make a directory in /dev/shm"
  sh -c "$2" sh "$SHM_DIR" || fail "preparing $SHM_DIR failed"
  busybox httpd -f -p "127.0.0.1:$1" -h "$SHM_DIR" &
  HTTPD_PID=$!
}

# --- the measures -----------------------------------------------------------
first_response() {
  local i port token t0 t1
  prepare_image
  for ((i = 0; i < RUNS; i++)); do
    port=$(free_port)
    token=pontoon-bench-$RANDOM$RANDOM
    t0=$(now)
    if [[ $TOOL == loopback ]]; then
      start_host_httpd "$port" "echo $token >\"\$1/index.html\""
    else
      start_httpd "$port" "echo $token >/srv/index.html"
    fi
    wait_for "http://127.0.0.1:$port/" "$token" 30 || fail "$TOOL: nothing answered on 127.0.0.1:$port within 30 s"
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
    if [[ $TOOL == loopback ]]; then
      kill "$HTTPD_PID" 2>/dev/null
      wait "$HTTPD_PID" 2>/dev/null || true
      HTTPD_PID=
    else
      "${RM[@]}" "${CONTAINERS[-1]}" >/dev/null 2>&1 || fail "$TOOL rm -f failed"
      unset 'CONTAINERS[-1]'
    fi
  done
}

throughput() {
  local port token i got size speed
  port=$(free_port)
  token=pontoon-bench-$RANDOM$RANDOM
  # The file lives on a tmpfs in both cases: sendfile(2) from tmpfs runs
  # at a fraction of its speed from a disk's page cache, and the storage
  # driver is not what is measured.
  if [[ $TOOL == loopback ]]; then
    start_host_httpd "$port" "dd if=/dev/zero of=\"\$1/big\" bs=1M count=$FILE_MB 2>/dev/null && echo $token >\"\$1/index.html\""
  else
    prepare_image
    start_httpd "$port" "dd if=/dev/zero of=/srv/big bs=1M count=$FILE_MB 2>/dev/null; echo $token >/srv/index.html"
  fi
  wait_for "http://127.0.0.1:$port/" "$token" 60 || fail "$TOOL: nothing answered on 127.0.0.1:$port within 60 s"
  size=$((FILE_MB * 1024 * 1024))
  for ((i = 0; i < RUNS; i++)); do
    got=$(curl -fsS --max-time 120 -o /dev/null -w '%{size_download} %{speed_download}' "http://127.0.0.1:$port/big") ||
      fail "$TOOL: the download through 127.0.0.1:$port failed"
    read -r got speed <<<"$got"
    # A short download would be fast for the wrong reason.
    [[ $got == "$size" ]] || fail "$TOOL: $got of $size bytes arrived"
    awk -v s="$speed" 'BEGIN { printf "%.0f\n", s / 1048576 }'
  done
}

case $MEASURE in
  first-response) first_response ;;
  throughput) throughput ;;
  *) fail "unknown measure $MEASURE: use first-response or throughput" ;;
esac
