# shellcheck shell=bash
# The floors of the container rows: crun alone on an unpacked bundle of
# the same busybox root filesystem, made with `crun spec` (rootless:
# `crun spec --rootless`), args set, terminal off, no rlimits (the
# default spec asks RLIMIT_NOFILE 1024 soft/hard, fine, but this host's
# hard limit is 20000 and nothing else must differ from the tools' runs)
# and no linux.resources. The default spec's namespaces include a network
# namespace of its own: the `--network none` equivalent.
#
# crun 1.8 refuses this kind of host's hybrid cgroup tree ("cgroups in
# hybrid mode not supported"), even with --cgroup-manager=disabled: it
# finds controllers in /sys/fs/cgroup/unified. So crun runs in a mount
# namespace where that mount is gone: one held by a `sleep` per mode,
# which each floor command enters with nsenter (one exec more than crun
# alone, ~1 ms, counted in the floor). Root: unshare -m, umount -l
# /sys/fs/cgroup/unified. Rootless: unshare -Urm (a user namespace of
# $NET_USER's own, where crun then makes the container's), a tmpfs over
# /sys/fs/cgroup (the inherited mounts are locked there). Sourced by bench.sh.

# floor_bundle DIR NAME ARG...: DIR/NAME/config.json running ARG... on the
# shared root filesystem DIR/rootfs (crun spec must already have made
# DIR/spec.json).
floor_bundle() {
  local dir=$1 name=$2
  shift 2
  mkdir -p "$dir/$name"
  python3 - "$dir/spec.json" "$dir/$name/config.json" "$dir/rootfs" "$@" <<'PY'
import json, sys
spec, out, rootfs, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
s = json.load(open(spec))
s["process"]["args"] = args
s["process"]["terminal"] = False
s["process"].pop("rlimits", None)
s["linux"].pop("resources", None)
s["root"] = {"path": rootfs, "readonly": True}
json.dump(s, open(out, "w"), indent=1)
PY
}

# floor_make DIR [--rootless]: the root filesystem and bundles under DIR,
# as the user running it (bench.sh runs it as $NET_USER for rootless).
floor_make() {
  local dir=$1 rootless=${2:-}
  mkdir -p "$dir/rootfs" "$dir/state" "$dir/specdir"
  tar -xf "$BUSYBOX_TAR" -C "$dir/rootfs" 2>/dev/null || tar --no-same-owner -xf "$BUSYBOX_TAR" -C "$dir/rootfs"
  (cd "$dir/specdir" && crun spec $rootless) && mv "$dir/specdir/config.json" "$dir/spec.json"
  floor_bundle "$dir" true true
  floor_bundle "$dir" sleep sleep 1000
  floor_bundle "$dir" buildstep sh -c 'echo hello >/dev/null && ls / >/dev/null'
}

# floor_setup MODE: the bundles and holder of MODE, once; sets FLOOR_DIR
# and FLOOR_CRUN (the quoted words running crun in the holder's
# namespaces, with its state under FLOOR_DIR).
floor_setup() {
  local mode=$1 pid i
  if [[ $mode == root ]]; then
    FLOOR_DIR=$BENCH/floor
    if [[ ! -e $FLOOR_DIR/holder.pid ]]; then
      (BUSYBOX_TAR=$BUSYBOX_TAR; floor_make "$FLOOR_DIR") >"$BENCH/floor.log" 2>&1 || { cat "$BENCH/floor.log" >&2; return 1; }
      unshare -m --propagation private sh -c 'umount -l /sys/fs/cgroup/unified 2>/dev/null; echo $$ >"$1.tmp"; mv "$1.tmp" "$1"; exec sleep infinity' sh "$FLOOR_DIR/holder.pid" &
      disown
    fi
    floor_wait "$FLOOR_DIR/holder.pid" || return 1
    FLOOR_CRUN=$(q nsenter -t "$(cat "$FLOOR_DIR/holder.pid")" -m -- crun --root "$FLOOR_DIR/state" --cgroup-manager=disabled)
  else
    net_share
    FLOOR_DIR=$NET_SHARE/w/floor
    if [[ ! -e $FLOOR_DIR/holder.pid ]]; then
      install -m 644 scripts/bench/floor.sh "$NET_SHARE/floor.sh"
      as_net_user BUSYBOX_TAR="$NET_SHARE/busybox-rootfs.tar" bash -c 'q() { :; }; source ./floor.sh && floor_make "$1" --rootless' sh "$FLOOR_DIR" \
        >"$BENCH/floor-rootless.log" 2>&1 || { cat "$BENCH/floor-rootless.log" >&2; return 1; }
      as_net_user unshare -Urm sh -c 'mount -t tmpfs none /sys/fs/cgroup && echo $$ >"$1.tmp" && mv "$1.tmp" "$1" && exec sleep infinity' sh "$FLOOR_DIR/holder.pid" &
      disown
    fi
    floor_wait "$FLOOR_DIR/holder.pid" || return 1
    FLOOR_CRUN=$(q nsenter -t "$(cat "$FLOOR_DIR/holder.pid")" -U -m --preserve-credentials -- crun --root "$FLOOR_DIR/state" --cgroup-manager=disabled)
  fi
}

# floor_wait PIDFILE: until the holder is in its namespace (sleeping).
floor_wait() {
  local i pid
  for i in $(seq 100); do
    pid=$(cat "$1" 2>/dev/null || true)
    [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]] && return 0
    sleep 0.05
  done
  echo "the floor's namespace holder did not start" >&2
  return 1
}

# floor_teardown: every floor container gone, holders ended.
floor_teardown() {
  local dir
  for dir in "$BENCH/floor" "$NET_SHARE/w/floor"; do
    [[ -e $dir/holder.pid ]] || continue
    stop_recorded "$dir/holder.pid" sleep
  done
}
