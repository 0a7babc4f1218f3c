# shellcheck shell=bash
# The published-port rows of `make bench`: time from `run -d -p` to the
# first answered request, and curl's rate through -p, root and rootless,
# measured by scripts/bench-network.sh as the mode's user, one run per
# call, the tools interleaved. Floors: a busybox httpd on the host's own
# loopback (started, then first answer; and its download rate). Sourced by
# bench.sh.

# bench_network MODE TOOL MEASURE: one value of TOOL in MODE.
bench_network() {
  local mode=$1
  shift
  local helper=(env PONTOON="$PONTOON" BUSYBOX_TAR="$BUSYBOX_TAR" BUSYBOX_ARCHIVE="$BENCH/busybox-archive.tar"
    PONTOON_BENCH_NET_MB="$NET_MB" scripts/bench-network.sh "$BENCH/net-$mode" "$@" 1)
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
    "$NET_SHARE/bench-network.sh" "$NET_SHARE/w/net" "$@" 1
}

# network_row MODE MEASURE: NET_RUNS rounds of one call per tool, the
# starting tool moving each round, values from the helper.
network_row() {
  local mode=$1 measure=$2 i k n tools=(pontoon floor) v
  [[ -n $HAVE_PODMAN ]] && tools=(pontoon podman floor)
  local -A values=() failed=()
  for ((i = 0; i < NET_RUNS; i++)); do
    for ((k = 0; k < ${#tools[@]}; k++)); do
      n=${tools[(i + k) % ${#tools[@]}]}
      [[ -z ${failed[$n]:-} ]] || continue
      local helper_tool=$n
      [[ $n == floor ]] && helper_tool=loopback
      if v=$(bench_network "$mode" "$helper_tool" "$measure" 2>"$BENCH/net.err") && [[ -n $v ]]; then
        values[$n]+="$v "
      else
        failed[$n]="scripts/bench-network.sh: $(tail -n 2 "$BENCH/net.err" | tr '\n' ' ')"
      fi
    done
  done
  for n in "${tools[@]}"; do
    if [[ -n ${failed[$n]:-} ]]; then record_failed "$n" "${failed[$n]}"; else record "$n" ${values[$n]:-}; fi
  done
  [[ -n $HAVE_PODMAN ]] || describe podman "podman is not installed"
}

section_net_first_response() {
  local mode
  for mode in $(modes); do
    row "port-first-$mode" "run -d -p 127.0.0.1:PORT:80 busybox httpd, to the first answered request" "$mode" s lower "" "busybox httpd on the host, to its first answer"
    describe pontoon "scripts/bench-network.sh: pontoon run -d --tmpfs /srv -p 127.0.0.1:PORT:80 busybox sh -c 'echo TOKEN >/srv/index.html; exec httpd -f -p 80 -h /srv', curl every 5 ms"
    describe podman "scripts/bench-network.sh: podman run -d ${PODMAN_RUN_FLAGS[*]} --tmpfs /srv -p 127.0.0.1:PORT:80 busybox sh -c '...same...', curl every 5 ms"
    describe floor "scripts/bench-network.sh: busybox httpd -f -p 127.0.0.1:PORT -h DIR &, curl every 5 ms"
    network_row "$mode" first-response
  done
}

section_net_throughput() {
  local mode
  for mode in $(modes); do
    row "port-throughput-$mode" "curl of $NET_MB MiB through -p 127.0.0.1:PORT:80" "$mode" MiB/s higher "ratio>=1" "raw loopback: the same file from a host busybox httpd"
    describe pontoon "scripts/bench-network.sh: curl -o /dev/null http://127.0.0.1:PORT/big, served by busybox httpd in: pontoon run -d --tmpfs /srv -p 127.0.0.1:PORT:80 busybox"
    describe podman "scripts/bench-network.sh: the same through: podman run -d ${PODMAN_RUN_FLAGS[*]} --tmpfs /srv -p 127.0.0.1:PORT:80 busybox"
    describe floor "scripts/bench-network.sh: the same file (on /dev/shm) from busybox httpd -p 127.0.0.1:PORT on the host"
    network_row "$mode" throughput
  done
}
