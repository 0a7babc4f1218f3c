# shellcheck shell=bash
# The memory rows of `make bench` (what supervising running containers
# costs: pontoon's monitor against Podman's conmon, from
# /proc/PID/smaps_rollup) and the disk of many containers. Sourced by
# bench.sh.

# mem_of PID FIELD: FIELD (Rss, Pss, Private_Dirty) of PID in kB.
mem_of() {
  awk -v f="$2:" '$1 == f { print $2; found = 1 } END { if (!found) exit 1 }' "/proc/$1/smaps_rollup" 2>/dev/null
}

# mem_sum FIELD PID...: the FIELD of all PIDs, in MB (one decimal).
mem_sum() {
  local field=$1 pid total=0 v
  shift
  for pid in "$@"; do
    v=$(mem_of "$pid" "$field") || continue
    total=$((total + v))
  done
  awk -v t="$total" 'BEGIN { printf "%.1f\n", t / 1024 }'
}

# monitor_pids: the monitor of every container of the pontoon store.
monitor_pids() {
  local f
  for f in "$P_ROOT"/containers/*/state.json; do
    [[ -e $f ]] && sed -n 's/.*"monitor_pid": *\([0-9]*\).*/\1/p' "$f"
  done
}

# conmon_pids: the conmon of every running container of the podman store.
conmon_pids() {
  in_mode bash -c "$QCLI ps -q | xargs -r $QCLI inspect --format '{{.State.ConmonPid}}'" 2>/dev/null
}

# helper_pids COMM...: processes of the mode's user named COMM, newest
# last (the per-container network helpers and the per-user namespace
# holders).
helper_pids() {
  local user=root c
  [[ $WHERE == user ]] && user=$NET_USER
  for c in "$@"; do pgrep -u "$user" -x "$c" || true; done
}

# new_pids BEFORE AFTER: the pids in AFTER (space-separated) not in BEFORE.
new_pids() {
  local p
  for p in $2; do [[ " $1 " == *" $p "* ]] || echo "$p"; done
}

HELPERS=(pasta pasta.avx2 passt passt.avx2 slirp4netns rootlessport)

section_memory() {
  local mode ids pid qid
  for mode in $(modes); do
    stores "$mode" mem || continue
    clear_containers
    # One container at a time (PSS shares pages among the monitors that
    # run: one alone is the per-container figure): its supervisor against
    # a bare waiting process.
    local p_rss=() p_pss=() p_dirty=() q_rss=() q_pss=() q_dirty=() f_rss=() f_pss=() f_dirty=() i id
    for ((i = 0; i < 3; i++)); do
      id=$(in_mode bash -c "$PNS $PCLI run -d busybox sleep 1000") && sleep 0.5 &&
        pid=$(sed -n 's/.*"monitor_pid": *\([0-9]*\).*/\1/p' "$P_ROOT/containers/$id/state.json") && [[ -n $pid ]] &&
        p_rss+=("$(mem_of "$pid" Rss)") p_pss+=("$(mem_of "$pid" Pss)") p_dirty+=("$(mem_of "$pid" Private_Dirty)")
      clear_containers
      if [[ -n $HAVE_PODMAN ]]; then
        id=$(in_mode bash -c "$QNS $QCLI run -d $QRUN busybox sleep 1000") && sleep 0.5 &&
          qid=$(in_mode bash -c "$QCLI inspect --format '{{.State.ConmonPid}}' $id") && [[ -n $qid ]] &&
          q_rss+=("$(mem_of "$qid" Rss)") q_pss+=("$(mem_of "$qid" Pss)") q_dirty+=("$(mem_of "$qid" Private_Dirty)")
        clear_containers
      fi
      busybox sleep 1000 &
      pid=$!
      sleep 0.2
      f_rss+=("$(mem_of "$pid" Rss)") f_pss+=("$(mem_of "$pid" Pss)") f_dirty+=("$(mem_of "$pid" Private_Dirty)")
      kill "$pid"
    done
    local field
    for field in rss pss dirty; do
      local label=RSS target=
      [[ $field == pss ]] && label=PSS target="ratio>=1"
      [[ $field == dirty ]] && label="Private_Dirty" target="ratio>=1"
      row "mem-$field-$mode" "monitor memory per running container: $label" "$mode" kB lower "$target" "a busybox sleep process"
      describe pontoon "smaps_rollup of the monitor (state.json monitor_pid) of: $PNS $PCLI run -d busybox sleep 1000"
      describe podman "smaps_rollup of conmon (inspect .State.ConmonPid) of: $QNS $QCLI run -d $QRUN busybox sleep 1000"
      describe floor "smaps_rollup of: busybox sleep 1000 &"
      local -n pv=p_$field qv=q_$field fv=f_$field
      if ((${#pv[@]})); then record pontoon "${pv[@]}"; else record_failed pontoon "run -d or the monitor's smaps_rollup failed"; fi
      if ((${#qv[@]})); then record podman "${qv[@]}"; else record_failed podman "run -d or conmon's smaps_rollup failed"; fi
      record floor "${fv[@]}"
      unset -n pv qv fv
    done
    clear_containers
    memory_many "$mode"
    clear_containers
  done
}

# memory_many MODE: $MANY running containers per tool at once, their
# supervisors' memory summed; the disk they use (root).
memory_many() {
  local mode=$1 n=$MANY before pids_p pids_q= helpers_p helpers_q= du_floor du_p du_q
  du_floor=$(du -sxk "$P_ROOT" "${P_ROOT%/root}/run" | awk '{ s += $1 } END { printf "%.1f", s / 1024 }')
  before=$(helper_pids "${HELPERS[@]}" | tr '\n' ' ')
  echo "   starting $n containers per tool..."
  in_mode bash -c "for i in \$(seq $n); do $PNS $PCLI run -d busybox sleep 1000 >/dev/null || exit 1; done" || echo "   pontoon run -d failed"
  pids_p=$(monitor_pids | tr '\n' ' ')
  # (pasta's comm is passt.avx2 on this kind of host: the pid files
  # pontoon keeps per container say it for sure.)
  helpers_p=$({
    new_pids "$before" "$(helper_pids "${HELPERS[@]}" | tr '\n' ' ')"
    cat "${P_ROOT%/root}"/run/containers/*/pasta.pid 2>/dev/null
  } | sort -un | tr '\n' ' ')
  # The process holding the rootless user namespace, one per user and store.
  [[ $mode == rootless ]] && helpers_p+=" $(awk '{ print $1; exit }' "${P_ROOT%/root}/run/userns.pid" 2>/dev/null)"
  if [[ -n $HAVE_PODMAN ]]; then
    before=$(helper_pids "${HELPERS[@]}" | tr '\n' ' ')
    in_mode bash -c "for i in \$(seq $n); do $QNS $QCLI run -d $QRUN busybox sleep 1000 >/dev/null || exit 1; done" || echo "   podman run -d failed"
    pids_q=$(conmon_pids | tr '\n' ' ')
    helpers_q=$(new_pids "$before" "$(helper_pids "${HELPERS[@]}" | tr '\n' ' ')" | tr '\n' ' ')
    [[ $mode == rootless ]] && helpers_q+=" $(awk '{ print $1; exit }' "${Q_ROOT%/root}/tmp/pause.pid" 2>/dev/null)"
  fi
  sleep 1
  local counted_p counted_q
  counted_p="$(wc -w <<<"$pids_p") monitors$(comms_of $helpers_p)"
  counted_q="$(wc -w <<<"$pids_q") conmons$(comms_of $helpers_q)"
  local field label
  for field in Pss Private_Dirty; do
    label=$field
    local short=pss
    [[ $field == Private_Dirty ]] && short=dirty
    row "mem-many-$short-$mode" "$n running containers at once: $label of their supervisors" "$mode" MB lower "ratio>1" "$n busybox sleep processes"
    describe pontoon "sum over $counted_p of: $PNS $PCLI run -d busybox sleep 1000 (x$n)"
    describe podman "sum over $counted_q of: $QNS $QCLI run -d $QRUN busybox sleep 1000 (x$n)"
    describe floor "$n x smaps_rollup of: busybox sleep 1000 &"
    # shellcheck disable=SC2086
    [[ -n $pids_p ]] && record pontoon "$(mem_sum "$field" $pids_p $helpers_p)" || record_failed pontoon "no monitor running"
    # shellcheck disable=SC2086
    if [[ -n $pids_q ]]; then record podman "$(mem_sum "$field" $pids_q $helpers_q)"; else record_failed podman "no conmon running"; fi
    record floor "$(floor_many "$n" "$field")"
  done
  [[ $mode == root ]] || return 0
  du_p=$(du -sxk "$P_ROOT" "${P_ROOT%/root}/run" | awk '{ s += $1 } END { printf "%.1f", s / 1024 }')
  row "disk-many-root" "disk used by $n containers of one image (busybox), store and runroot" root MB lower "" "the pontoon store before the containers"
  describe pontoon "du -sxk \$store/root \$store/run after: $PCLI run -d busybox sleep 1000 (x$n)"
  describe podman "du -sxk \$store/root \$store/run after: $QCLI run -d $QRUN busybox sleep 1000 (x$n)"
  describe floor "du -sxk of the same pontoon store before"
  record pontoon "$du_p"
  if [[ -n $HAVE_PODMAN ]]; then
    du_q=$(du -sxk "$Q_ROOT" "${Q_ROOT%/root}/run" | awk '{ s += $1 } END { printf "%.1f", s / 1024 }')
    record podman "$du_q"
  fi
  record floor "$du_floor"
}

# comms_of PID...: ", N comm" per command name among the PIDs.
comms_of() {
  local p
  for p in "$@"; do cat "/proc/$p/comm" 2>/dev/null; done | sort | uniq -c | awk '{ printf ", %s %s", $1, $2 }'
}

# floor_many N FIELD: N waiting busybox processes' FIELD summed, in MB.
floor_many() {
  local n=$1 i pids=()
  for ((i = 0; i < n; i++)); do
    busybox sleep 1000 &
    pids+=($!)
  done
  sleep 0.5
  mem_sum "$2" "${pids[@]}"
  kill "${pids[@]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null
  return 0
}
