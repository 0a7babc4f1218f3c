#!/usr/bin/env bash
# Writes the markdown report of `make bench` from the files bench.sh
# recorded (see scripts/bench/lib.sh): report.sh BENCHDIR HEADER NOTES OUT
#   HEADER  a markdown file: machine, date, versions, command
#   NOTES   docs/benchmarks-notes.md, hand-written, included as it is:
#           one "## ROW-ID" section per row whose target is missed (why,
#           what bounds it, the profile that shows it); regenerating the
#           report never touches it.
set -euo pipefail
dir=${1:?usage: $0 BENCHDIR HEADER NOTES OUT}
header=${2:?} notes=${3:?} out=${4:?}
ROWS=$dir/rows.tsv RESULTS=$dir/results.tsv COMMANDS=$dir/commands.tsv

# stats "v1 v2 ...": "median min max n", or nothing.
stats() {
  tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{ v[NR] = $1 } END {
    if (!NR) exit
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    print m, v[1], v[NR], NR }'
}

# fmt VALUE UNIT: VALUE for a person (seconds as ms or s).
fmt() {
  awk -v v="$1" -v u="$2" 'BEGIN {
    if (u == "s") { if (v < 10) printf "%.1f ms", v * 1000; else printf "%.2f s", v }
    else if (u == "kB") printf "%d kB", v
    else if (u == "GETs") printf "%d", v
    else printf "%.1f %s", v, u }'
}

# cell ROW TOOL UNIT: the tool's median [min-max] (or its failure); sets
# MEDIAN (empty when none).
cell() {
  local raw s
  MEDIAN=
  raw=$(awk -F'\t' -v r="$1" -v t="$2" '$1 == r && $2 == t { print $3; exit }' "$RESULTS")
  if [[ -z $raw ]]; then
    CELL="—"
    return
  fi
  if [[ $raw == failed:* ]]; then
    CELL="${raw//|/\\|}"
    return
  fi
  s=$(stats "$raw")
  [[ -n $s ]] || { CELL="no value"; return; }
  local median min max n
  read -r median min max n <<<"$s"
  MEDIAN=$median
  if ((n > 1)); then
    CELL="**$(fmt "$median" "$3")** <sub>[$(fmt "$min" "$3")–$(fmt "$max" "$3"), n=$n]</sub>"
  else
    CELL="**$(fmt "$median" "$3")**"
  fi
}

# div A B: A / B with two decimals, or nothing.
div() {
  [[ -n $1 && -n $2 ]] || return 0
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b }'
}

# check VALUE OP LIMIT: whether VALUE OP LIMIT holds (exit status).
check() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    ok = (op == ">=") ? v >= l : (op == ">") ? v > l : (op == "<=") ? v <= l : (op == "<") ? v < l : (op == "==") ? v == l : 0
    exit !ok }'
}

{
  cat "$header"
  echo
  echo "## Results"
  echo
  echo "Medians of interleaved runs, with [min–max, n]. **ratio**: how many times better pontoon is than Podman (time: Podman's median / pontoon's; throughput: pontoon's / Podman's; above 1 = pontoon better). **floor**: the bare minimum doing the same work; **×floor**: pontoon's distance to it (time and memory: pontoon / floor; throughput: floor / pontoon; 1 = at the floor). Each row's exact commands are listed below the table."
  echo
  echo "| id | scenario | mode | pontoon | podman | ratio | floor | ×floor | target |"
  echo "|---|---|---|---|---|---|---|---|---|"
  missed=()
  while IFS=$'\t' read -r id title mode unit better targets floor_label; do
    cell "$id" pontoon "$unit"; p_cell=$CELL p=$MEDIAN
    cell "$id" podman "$unit"; q_cell=$CELL qv=$MEDIAN
    cell "$id" floor "$unit"; f_cell=$CELL f=$MEDIAN
    if [[ $better == higher ]]; then ratio=$(div "$p" "$qv") dist=$(div "$f" "$p"); else ratio=$(div "$qv" "$p") dist=$(div "$p" "$f"); fi
    [[ $targets == - ]] && targets=
    [[ $floor_label == - ]] && floor_label=
    floor_label=${floor_label//|/\\|} title=${title//|/\\|}
    verdicts=()
    for t in $targets; do
      [[ $t =~ ^(ratio|floor|value)(>=|<=|==|<|>)([0-9.]+)$ ]] || { verdicts+=("bad target $t"); continue; }
      kind=${BASH_REMATCH[1]} op=${BASH_REMATCH[2]} limit=${BASH_REMATCH[3]}
      case $kind in ratio) v=$ratio ;; floor) v=$dist ;; value) v=$p ;; esac
      shown_limit=$limit
      [[ $kind == value ]] && shown_limit=$(fmt "$limit" "$unit")
      shown_op=${op/>=/≥}
      shown_op=${shown_op/<=/≤}
      label="$kind $shown_op $shown_limit"
      [[ $kind == floor ]] && label="×floor $shown_op $shown_limit"
      if [[ -z $v ]]; then
        verdicts+=("$label: **no number**")
        missed+=("$id")
      elif check "$v" "$op" "$limit"; then
        verdicts+=("$label: met")
      else
        verdicts+=("$label: **missed**")
        missed+=("$id")
      fi
    done
    target=$(printf '%s; ' "${verdicts[@]}")
    target=${target%; }
    [[ -n $target ]] || target="—"
    if [[ " ${missed[*]} " == *" $id "* ]]; then
      if grep -q "^## $id\$" "$notes" 2>/dev/null; then target+=" ([why](#$id))"; else target+=" (no note yet in docs/benchmarks-notes.md)"; fi
    fi
    echo "| <a id=\"row-$id\"></a>$id | $title | $mode | $p_cell | $q_cell | ${ratio:-—}${ratio:+×} | $f_cell <sub>$floor_label</sub> | ${dist:-—}${dist:+×} | $target |"
  done <"$ROWS"
  echo
  echo "## Commands"
  echo
  echo "\`\$B\` is the bench's temporary directory; \`\$HOLDER\` the process holding the floor's namespaces; \`pontoon\` the release binary built from this commit. Rootless rows run as the CI's unprivileged user (runuser into a clean environment; the timed loop itself runs as that user, scripts/bench/interleave.sh)."
  echo
  while IFS=$'\t' read -r id title mode _; do
    echo "- **$id** ($title, $mode):"
    awk -F'\t' -v r="$id" '$1 == r { gsub(/`/, "\\`", $3); printf "  - %s: `%s`\n", $2, $3 }' "$COMMANDS"
  done <"$ROWS"
  echo
  echo "## Why a target is missed"
  echo
  echo "From docs/benchmarks-notes.md (hand-written; kept when the report is regenerated)."
  echo
  if [[ -s $notes ]]; then
    # The notes' own sections, each with the anchor the table links to.
    sed -E 's/^## ([A-Za-z0-9-]+)$/### \1\n<a id="\1"><\/a>/' "$notes" | sed -E '/^# /d'
  else
    echo "(no notes yet)"
  fi
} >"$out"
