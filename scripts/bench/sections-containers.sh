# shellcheck shell=bash
# The container rows of `make bench`: run --rm, run -d + stop, exec,
# ps -a, images, monitor memory and the disk of many containers.
# Sourced by bench.sh.

# stores MODE [TAG]: the stores of MODE (root, or rootless as $NET_USER),
# p$TAG (pontoon) and q$TAG (podman), each with the busybox image, and the
# floor's bundles. Sets PCLI and QCLI (the tools' quoted commands with
# their store flags), QRUN (flags podman's run needs on this host), PNS
# and QNS (the quoted prefix putting a rootful tool in its network
# namespace; empty rootless), P_ROOT and Q_ROOT (their --root dirs),
# WHERE (self or user: for measure) and AS (the prefix running a command
# as the mode's user).
stores() {
  local mode=$1 tag=${2:-} base bin
  if [[ $mode == root ]]; then
    base=$BENCH bin=$PONTOON WHERE=self AS=()
    PNS=$(in_netns pontoon) QNS=$(in_netns podman)
  else
    net_share
    base=$NET_SHARE/w bin=$NET_SHARE/pontoon WHERE=user AS=(as_net_user)
    PNS= QNS=
  fi
  P_ROOT=$base/p$tag/root Q_ROOT=$base/q$tag/root
  PCLI=$(q "$bin" --root "$P_ROOT" --runroot "$base/p$tag/run")
  QCLI=$(q "${PODMAN_BASE[@]}" --root "$Q_ROOT" --runroot "$base/q$tag/run" --tmpdir "$base/q$tag/tmp")
  QRUN=$(q "${PODMAN_RUN_FLAGS[@]}")
  floor_setup "$mode" || return 1
  if [[ ! -e $base/p$tag.image ]]; then
    local archive=$BENCH/busybox-archive.tar tar=$BUSYBOX_TAR
    [[ $mode == root ]] || archive=$NET_SHARE/busybox-archive.tar tar=$NET_SHARE/busybox-rootfs.tar
    in_mode bash -c "$PCLI import --change 'CMD [\"sh\"]' $(q "$tar") busybox >/dev/null" || return 1
    if [[ -n $HAVE_PODMAN ]]; then
      in_mode bash -c "$QCLI load -q -i $(q "$archive") >/dev/null" || return 1
    fi
    touch "$base/p$tag.image"
  fi
}

# in_mode CMD...: CMD as the current mode's user.
in_mode() { "${AS[@]}" "$@"; }

# clear_containers: removes every container of both stores of the mode.
clear_containers() {
  in_mode bash -c "ids=\$($PCLI ps -aq); [[ -z \$ids ]] || $PNS $PCLI rm -f \$ids >/dev/null" || true
  [[ -z $HAVE_PODMAN ]] || in_mode bash -c "$QNS $QCLI rm -a -f -t 0 >/dev/null" || true
}

# podman_tool PREPARE COMMAND: the podman tool of the row, when installed.
podman_tool() {
  if [[ -n $HAVE_PODMAN ]]; then tool podman "$@"; else describe podman "podman is not installed"; fi
}

section_run() {
  local mode target nonet
  for mode in $(modes); do
    stores "$mode" || { echo "   $mode stores failed"; continue; }
    target="ratio>=15 floor<=2"
    [[ $mode == rootless ]] && target="ratio>=6 floor<=2"
    for nonet in "" "--network none"; do
      if [[ -z $nonet ]]; then
        row "run-rm-$mode" "run --rm busybox true (default network)" "$mode" s lower "$target" "crun run (own netns)"
      else
        row "run-rm-none-$mode" "run --rm --network none busybox true" "$mode" s lower "" "crun run (own netns)"
      fi
      tool pontoon : "$PNS $PCLI run --rm $nonet busybox true"
      podman_tool : "$QNS $QCLI run --rm $QRUN $nonet busybox true"
      tool floor : "$FLOOR_CRUN run --bundle $(q "$FLOOR_DIR/true") bench-true"
      measure "$FAST_RUNS" "$WHERE"
    done

    row "run-d-stop-$mode" "run -d busybox sleep 1000, then stop -t 0" "$mode" s lower "" "crun run -d, then crun delete -f"
    tool pontoon "ids=\$($PCLI ps -aq); [[ -z \$ids ]] || $PNS $PCLI rm -f \$ids" \
      "id=\$($PNS $PCLI run -d busybox sleep 1000) && $PNS $PCLI stop -t 0 \"\$id\""
    podman_tool "$QNS $QCLI rm -a -f -t 0" \
      "id=\$($QNS $QCLI run -d $QRUN busybox sleep 1000) && $QNS $QCLI stop -t 0 \"\$id\""
    tool floor "$FLOOR_CRUN delete -f bench-sleep || true" \
      "$FLOOR_CRUN run -d --bundle $(q "$FLOOR_DIR/sleep") bench-sleep && $FLOOR_CRUN delete -f bench-sleep"
    measure "$RUNS" "$WHERE"
    clear_containers

    row "exec-$mode" "exec CONTAINER true (into a running busybox sleep)" "$mode" s lower "" "crun exec"
    local pid qid
    pid=$(in_mode bash -c "$PNS $PCLI run -d busybox sleep 1000") || pid=
    tool pontoon : "$PNS $PCLI exec ${pid:-missing-container} true"
    if [[ -n $HAVE_PODMAN ]]; then
      qid=$(in_mode bash -c "$QNS $QCLI run -d $QRUN busybox sleep 1000") || qid=
      tool podman : "$QNS $QCLI exec ${qid:-missing-container} true"
    fi
    in_mode bash -c "$FLOOR_CRUN run -d --bundle $(q "$FLOOR_DIR/sleep") bench-exec >/dev/null 2>&1" || true
    tool floor : "$FLOOR_CRUN exec bench-exec true"
    measure "$FAST_RUNS" "$WHERE"
    in_mode bash -c "$FLOOR_CRUN delete -f bench-exec" >/dev/null 2>&1 || true
    clear_containers
  done
}

# many TIMES SNIPPET: SNIPPET (with {} for 1..TIMES) as the mode's user,
# $BENCH_JOBS at a time.
many() {
  in_mode bash -c "seq $1 | xargs -P $BENCH_JOBS -I{} bash -c $(q "$2")"
}

section_ps() {
  local n=$PS_CONTAINERS
  stores root ps || return 0
  echo "   creating $n containers in each store..."
  many "$n" "$PCLI create busybox true >/dev/null" || echo "   pontoon create failed"
  [[ -z $HAVE_PODMAN ]] || many "$n" "$QCLI create $QRUN busybox true >/dev/null" || echo "   podman create failed"
  row "ps-root" "ps -a over $n containers" root s lower "value<0.020" "one cat of every container's records"
  tool pontoon : "$PCLI ps -a"
  podman_tool : "$QCLI ps -a"
  tool floor : "cat $(q "$P_ROOT/containers")/*/*.json >/dev/null"
  measure "$FAST_RUNS"
  wipe "$BENCH/pps"
  wipe "$BENCH/qps"
}

section_images() {
  local n=$IMAGES
  stores root img || return 0
  echo "   importing $n images in each store..."
  many "$n" "$PCLI import --change 'LABEL bench.image={}' $(q "$BUSYBOX_TAR") bench-image-{} >/dev/null" || echo "   pontoon import failed"
  [[ -z $HAVE_PODMAN ]] || many "$n" "$QCLI import -q --change 'LABEL bench.image={}' $(q "$BUSYBOX_TAR") bench-image-{} >/dev/null" || echo "   podman import failed"
  row "images-root" "images over $n images" root s lower "" "cat of the store's image records"
  tool pontoon : "$PCLI images"
  podman_tool : "$QCLI images"
  tool floor : "cat $(q "$P_ROOT/images/images.json") >/dev/null"
  measure "$FAST_RUNS"
}
