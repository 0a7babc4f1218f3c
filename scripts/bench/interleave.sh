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
# The snippets run in this shell (no fork more than the tools' own), so
# the loop's variables have names no snippet uses.
# Prints "TOOL SECONDS" per run, or "TOOL failed: REASON" once, after which
# that tool is left out of the remaining rounds.

# interleave SPEC RUNS
interleave() {
  local __il_spec=$1 __il_runs=$2 __il_i __il_k __il_n __il_count __il_t0 __il_t1 __il_out __il_t __il_p __il_c
  local -a __il_tools=() __il_preps=() __il_cmds=() __il_failed=()
  while IFS=$'\t' read -r __il_t __il_p __il_c; do
    [[ -n $__il_t ]] || continue
    __il_tools+=("$__il_t") __il_preps+=("$__il_p") __il_cmds+=("$__il_c")
  done <"$__il_spec"
  __il_count=${#__il_tools[@]}
  __il_out=$(mktemp)
  for ((__il_i = 0; __il_i < __il_runs; __il_i++)); do
    for ((__il_k = 0; __il_k < __il_count; __il_k++)); do
      __il_n=$(((__il_i + __il_k) % __il_count))
      [[ -z ${__il_failed[__il_n]:-} ]] || continue
      if ! eval "${__il_preps[__il_n]}" >"$__il_out" 2>&1 </dev/null; then
        echo "${__il_tools[__il_n]} failed: preparing: $(tail -n 3 "$__il_out" | tr '\n' ' ')"
        __il_failed[__il_n]=1
        continue
      fi
      __il_t0=$EPOCHREALTIME
      if eval "${__il_cmds[__il_n]}" >"$__il_out" 2>&1 </dev/null; then
        __il_t1=$EPOCHREALTIME
        awk -v t="${__il_tools[__il_n]}" -v a="$__il_t0" -v b="$__il_t1" 'BEGIN { printf "%s %.6f\n", t, b - a }'
      else
        echo "${__il_tools[__il_n]} failed: $(tail -n 3 "$__il_out" | tr '\n' ' ')"
        __il_failed[__il_n]=1
      fi
    done
  done
  rm -f "$__il_out"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -uo pipefail
  interleave "${1:?usage: $0 SPEC RUNS}" "${2:?usage: $0 SPEC RUNS}"
fi
