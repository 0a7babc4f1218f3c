#!/usr/bin/env bash
# The timing loop of `make bench`, shared by the rows bench.sh times in its
# own shell (root) and the rows it times as the unprivileged user
# (`interleave.sh SPEC RUNS`, run through as_net_user, so that no runuser
# sits inside the timed region).
#
# SPEC has one line per tool: TOOL<TAB>PREPARE<TAB>COMMAND, both bash
# snippets (eval'ed; PREPARE is untimed). Each round runs every tool once,
# the starting tool moving by one each round (A B F, B F A, F A B, ...), so
# that the machine's drift and any order effect fall on every tool alike.
# Prints "TOOL SECONDS" per run, or "TOOL failed: REASON" once, after which
# that tool is left out of the remaining rounds.

# interleave SPEC RUNS
interleave() {
  local spec=$1 runs=$2 i k n count t0 t1 out
  local -a tools=() preps=() cmds=() failed=()
  while IFS=$'\t' read -r t p c; do
    [[ -n $t ]] || continue
    tools+=("$t") preps+=("$p") cmds+=("$c")
  done <"$spec"
  count=${#tools[@]}
  out=$(mktemp)
  for ((i = 0; i < runs; i++)); do
    for ((k = 0; k < count; k++)); do
      n=$(((i + k) % count))
      [[ -z ${failed[n]:-} ]] || continue
      if ! eval "${preps[n]}" >"$out" 2>&1 </dev/null; then
        echo "${tools[n]} failed: preparing: $(tail -n 3 "$out" | tr '\n' ' ')"
        failed[n]=1
        continue
      fi
      t0=$EPOCHREALTIME
      if eval "${cmds[n]}" >"$out" 2>&1 </dev/null; then
        t1=$EPOCHREALTIME
        awk -v t="${tools[n]}" -v a="$t0" -v b="$t1" 'BEGIN { printf "%s %.6f\n", t, b - a }'
      else
        echo "${tools[n]} failed: $(tail -n 3 "$out" | tr '\n' ' ')"
        failed[n]=1
      fi
    done
  done
  rm -f "$out"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -uo pipefail
  interleave "${1:?usage: $0 SPEC RUNS}" "${2:?usage: $0 SPEC RUNS}"
fi
