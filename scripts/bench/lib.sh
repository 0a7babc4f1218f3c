# shellcheck shell=bash
# `make bench`'s bookkeeping: rows, the tools of a row, timing them
# interleaved (scripts/bench/interleave.sh), recording values for the
# report (scripts/bench/report.sh), and running things as the rootless
# user or in a network namespace of their own. Sourced by bench.sh.

# Files under $BENCH the report is written from:
#   rows.tsv     ROW  TITLE  MODE  UNIT  BETTER(lower|higher)  TARGETS  FLOOR-LABEL
#   results.tsv  ROW  TOOL   "v1 v2 ..." or "failed: reason"
#   commands.tsv ROW  TOOL   the exact command
ROWS=$BENCH/rows.tsv
RESULTS=$BENCH/results.tsv
COMMANDS=$BENCH/commands.tsv
SPEC=$BENCH/spec.tsv
: >"$ROWS"
: >"$RESULTS"
: >"$COMMANDS"
CUR_ROW=

# shellcheck source=scripts/bench/interleave.sh
source scripts/bench/interleave.sh

# row ID TITLE MODE UNIT BETTER TARGETS FLOOR-LABEL: starts a row of the
# report. TARGETS (space-separated, may be empty): ratio>=N, ratio>N,
# floor<=N, floor==N, value<N (in the unit's base: seconds, kB...).
row() {
  CUR_ROW=$1
  # (read with IFS=tab collapses empty fields: "-" stands for none)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "${6:--}" "${7:--}" >>"$ROWS"
  : >"$SPEC"
  echo "== $2 ($3)"
}

# q WORD...: the words quoted for eval, space-separated.
q() {
  local out
  printf -v out '%q ' "$@"
  echo "${out% }"
}

# shown TEXT: TEXT with this run's paths made readable ($B: the bench
# directory; the pontoon binary as `pontoon`).
shown() {
  local text=$1
  text=${text//"$NET_SHARE/pontoon"/pontoon}
  text=${text//"$PONTOON"/pontoon}
  text=${text//"$BENCH"/\$B}
  text=${text//"pontoon-bench-$$-"/pontoon-bench-}
  sed -E 's/nsenter -t [0-9]+ /nsenter -t $HOLDER /g; s/  +/ /g; s/ +$//' <<<"$text"
}

# describe TOOL TEXT: the command the report shows for TOOL in this row.
describe() {
  printf '%s\t%s\t%s\n' "$CUR_ROW" "$1" "$(shown "$2" | tr '\t\n' '  ')" >>"$COMMANDS"
}

# tool TOOL PREPARE COMMAND: a tool of the current row, timed by measure
# (both bash snippets: build them with q).
tool() {
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$SPEC"
  describe "$1" "$3"
}

# record TOOL VALUE...: values of TOOL in the current row.
record() {
  local t=$1
  shift
  printf '%s\t%s\t%s\n' "$CUR_ROW" "$t" "$*" >>"$RESULTS"
  echo "   $t: $*"
}

# record_failed TOOL REASON...
record_failed() {
  local t=$1
  shift
  printf '%s\t%s\tfailed: %s\n' "$CUR_ROW" "$t" "$(echo "$*" | tr '\t\n' '  ' | cut -c1-300)" >>"$RESULTS"
  echo "   $t: failed: $*"
}

# measure RUNS [user]: times the row's tools interleaved, RUNS rounds, in
# this shell or (user) as $NET_USER through scripts/bench/interleave.sh.
measure() {
  local runs=$1 where=${2:-self} out=$BENCH/measure.out t values
  if [[ $where == user ]]; then
    install -m 644 "$SPEC" "$NET_SHARE/spec.tsv"
    as_net_user "$NET_SHARE/interleave.sh" "$NET_SHARE/spec.tsv" "$runs" >"$out" 2>&1 || true
  else
    interleave "$SPEC" "$runs" >"$out" 2>&1 || true
  fi
  for t in $(cut -f1 "$SPEC"); do
    if grep -q "^$t failed: " "$out"; then
      record_failed "$t" "$(sed -n "s/^$t failed: //p" "$out" | head -n1)"
      continue
    fi
    values=$(awk -v t="$t" '$1 == t && $2 ~ /^[0-9.]+$/ { printf "%s ", $2 }' "$out")
    if [[ -n $values ]]; then record "$t" $values; else record_failed "$t" "no value: $(tail -n 2 "$out" | tr '\n' ' ')"; fi
  done
}

# --- running as the rootless user and in network namespaces ------------------
# As root, rootless rows run as $NET_USER (the CI's unprivileged user, as
# scripts/run-unprivileged.sh runs the tests); as any other user, only the
# rootless rows run, as that user. Rootful rows of each tool run in a
# network namespace of their own (as the tests' TestEnv::with_netns), so
# that the default bridge pontoon0, podman's cni-podman0 and their
# firewall rules are made there and go with it; one per tool because both
# default networks would take 10.88.0.0/16 in one namespace.
NET_NAMESPACES=()

modes() {
  if [[ $(id -u) -ne 0 ]]; then
    echo rootless
    return
  fi
  echo root
  if id -u "$NET_USER" >/dev/null 2>&1; then echo rootless; fi
}

# bench_netns NAME: sets NETNS to the network namespace NAME of this run,
# made (with lo up) on first use and deleted by cleanup.
bench_netns() {
  NETNS=pontoon-bench-$$-$1
  [[ -e /run/netns/$NETNS ]] && return 0
  ip netns add "$NETNS" || return 1
  NET_NAMESPACES+=("$NETNS")
  ip -n "$NETNS" link set lo up
}

# in_netns NAME: the words that run a command in network namespace NAME
# (nothing when not root: rootless tools make their own).
in_netns() {
  [[ $(id -u) -eq 0 ]] || return 0
  bench_netns "$1" >/dev/null || return 1
  q nsenter --net="/run/netns/pontoon-bench-$$-$1" --
}

# net_share: $NET_SHARE with what $NET_USER runs (once): copies it can
# read under short paths (rootless podman refuses a runroot over 50
# characters) and its work directory w/.
net_share() {
  [[ -d $NET_SHARE ]] && return 0
  chmod 711 "$BENCH"
  install -d -m 755 "$NET_SHARE"
  install -d -o "$NET_USER" "$NET_SHARE/w"
  install -m 755 "$PONTOON" "$(dirname "$PONTOON")/pontoon-monitor" scripts/bench-network.sh scripts/bench/interleave.sh "$NET_SHARE/"
  install -m 644 "$BUSYBOX_TAR" "$NET_SHARE/busybox-rootfs.tar"
  [[ -e $BENCH/busybox-archive.tar ]] && install -m 644 "$BENCH/busybox-archive.tar" "$NET_SHARE/"
  return 0
}

# as_net_user VAR=VALUE... CMD...: CMD as $NET_USER in $NET_SHARE, in a
# clean environment (nothing of root's leaks into the rootless run) plus
# the VARs. Not root: CMD as this user.
as_net_user() {
  if [[ $(id -u) -ne 0 ]]; then
    env "$@"
    return
  fi
  (cd "$NET_SHARE" && runuser -u "$NET_USER" -- env -i \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME="$(getent passwd "$NET_USER" | cut -d: -f6)" \
    USER="$NET_USER" LOGNAME="$NET_USER" LANG=C.UTF-8 TMPDIR=/tmp "$@")
}

# Removes a directory that may hold files owned by subuids (rootless stores).
wipe() {
  [[ -e $1 ]] || return 0
  if [[ $(id -u) -ne 0 ]]; then
    "$PONTOON" --root "$BENCH/none" --runroot "$BENCH/none-run" unshare rm -rf "$1" 2>/dev/null || true
  fi
  rm -rf "$1" 2>/dev/null || true
}

# stop_recorded PIDFILE COMM...: kills the process named in PIDFILE if it
# is still the one recorded (its command name is one of COMM).
stop_recorded() {
  local pid file=$1
  shift
  pid=$(awk '{ print $1; exit }' "$file" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  local comm
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 0
  for c in "$@"; do [[ $comm == "$c" ]] && kill -KILL "$pid" 2>/dev/null; done
  return 0
}

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
