#!/usr/bin/env bash
# `make demo`: build pontoon, make a busybox image from Debian's
# busybox-static, and look at it. Uses its own store in ./.demo, so the
# user's images are untouched (remove it with `make clean`).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cargo build --release --quiet
pontoon=$PWD/target/release/pontoon

export PONTOON_ROOT=$PWD/.demo/root PONTOON_RUNROOT=$PWD/.demo/run
mkdir -p .demo
scripts/make-busybox-rootfs.sh .demo/busybox-rootfs.tar

step() {
  printf '\n$ pontoon %s\n' "$*"
  "$pontoon" "$@"
}

step import .demo/busybox-rootfs.tar busybox
step images
step inspect --format '{{.Id}}' busybox
step history busybox
printf '\ndemo store: %s\n' "$PONTOON_ROOT"
