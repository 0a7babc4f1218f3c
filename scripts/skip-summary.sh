#!/usr/bin/env bash
# Prints the tests that skipped themselves during a run: tests/common's
# skip_unless appends "binary::test: why" to the file $PONTOON_SKIP_LOG
# names, since cargo hides a passing test's stderr. Usage: skip-summary.sh LOG
set -euo pipefail
log=${1:?usage: skip-summary.sh LOG}
if [[ ! -s $log ]]; then
  echo "0 tests skipped"
  exit 0
fi
n=$(sort -u "$log" | wc -l)
echo "$n tests skipped:"
sort -u "$log" | sed 's/^/  /'
