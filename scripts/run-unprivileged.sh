#!/usr/bin/env bash
# Runs the test suite a second time as an unprivileged user (rootless mode).
# Run as root from the repository: builds the test binaries (as `cargo test`
# would), copies them and the pontoon binary to a world-readable temp dir,
# and runs each as $PONTOON_CI_USER (default pontoon-ci) with PONTOON_BIN
# pointing at the copy. Exits non-zero if any test binary fails.
# Extra arguments go to every test binary (e.g. a test name filter).
set -euo pipefail

CI_USER=${PONTOON_CI_USER:-pontoon-ci}
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
  echo "run-unprivileged: must run as root (it switches to $CI_USER)" >&2
  exit 1
fi
id -u "$CI_USER" >/dev/null 2>&1 || { echo "run-unprivileged: no user $CI_USER; run scripts/install-deps.sh" >&2; exit 1; }

# The executables of every test target, from cargo's JSON messages.
mapfile -t binaries < <(cargo test --no-run --message-format=json 2>/dev/null |
  grep '"reason":"compiler-artifact"' | grep -E '"profile":\{[^}]*"test":true\}' |
  grep -o '"executable":"[^"]*"' | sed 's/^"executable":"//; s/"$//' | sort -u)
pontoon=$(cargo build --message-format=json 2>/dev/null |
  grep '"reason":"compiler-artifact"' | grep '"name":"pontoon"' |
  grep -o '"executable":"[^"]*"' | sed 's/^"executable":"//; s/"$//' | head -n1)
if ((${#binaries[@]} == 0)) || [[ -z $pontoon ]]; then
  echo "run-unprivileged: cargo produced no test binaries (does 'cargo test --no-run' build?)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/pontoon-unprivileged.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
# Where the tests record their skips (tests/common's skip_unless).
skips="$work/skips"
install -m 666 /dev/null "$skips"
install -m 755 "$pontoon" "$work/pontoon"
# The monitor goes beside it, as cargo builds it (engine::monitor_exe).
install -m 755 "$(dirname "$pontoon")/pontoon-monitor" "$work/pontoon-monitor"
for bin in "${binaries[@]}"; do
  install -m 755 "$bin" "$work/"
done

home=$(getent passwd "$CI_USER" | cut -d: -f6)
uid=$(id -u "$CI_USER")
failed=()
for bin in "${binaries[@]}"; do
  name=$(basename "$bin")
  echo "--- $name (as $CI_USER)"
  # A clean environment: nothing of root's leaks into the rootless run.
  if ! (cd "$work" && runuser -u "$CI_USER" -- env -i \
      PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
      HOME="$home" USER="$CI_USER" LOGNAME="$CI_USER" LANG=C.UTF-8 \
      TMPDIR=/tmp RUST_BACKTRACE=1 \
      PONTOON_BIN="$work/pontoon" \
      PONTOON_SKIP_LOG="$skips" \
      PONTOON_FIXTURES_DIR="${PONTOON_UNPRIVILEGED_FIXTURES_DIR:-/tmp/pontoon-fixtures-$uid}" \
      "$work/$name" "$@"); then
    failed+=("$name")
  fi
done

echo
scripts/skip-summary.sh "$skips"
if ((${#failed[@]})); then
  echo "run-unprivileged: FAILED as $CI_USER: ${failed[*]}" >&2
  exit 1
fi
echo "run-unprivileged: all ${#binaries[@]} test binaries passed as $CI_USER"
