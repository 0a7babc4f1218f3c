#!/usr/bin/env bash
# `make demo`: build pontoon, make a busybox image from Debian's
# busybox-static, look at it and run containers from it. Uses its own store in ./.demo, so the
# user's images are untouched (remove it with `make clean`).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "building pontoon (release)..."
mkdir -p .demo
if ! cargo build --release >.demo/build.log 2>&1; then
  cat .demo/build.log >&2
  exit 1
fi
pontoon=$PWD/target/x86_64-unknown-linux-gnu/release/pontoon

# Start from an empty store so every demo shows the same thing. A rootless
# store holds files owned by subordinate ids: only `pontoon unshare` may
# delete them.
export PONTOON_ROOT=$PWD/.demo/root PONTOON_RUNROOT=$PWD/.demo/run
if [[ -d .demo/root ]]; then
  # As root, the old store's networks made bridges on this host: take
  # them along, or the new store would find their names taken.
  if [[ $(id -u) -eq 0 ]]; then
    for br in $(sed -n 's/.*"interface": *"\([^"]*\)".*/\1/p' .demo/root/networks/*.json 2>/dev/null); do
      ip link del "$br" 2>/dev/null || true
    done
  fi
  "$pontoon" unshare rm -rf "$PONTOON_ROOT" "$PONTOON_RUNROOT" 2>/dev/null || rm -rf "$PONTOON_ROOT" "$PONTOON_RUNROOT"
fi
mkdir -p .demo
scripts/make-busybox-rootfs.sh .demo/busybox-rootfs.tar

# Prints the command as a user would type it, then runs it.
step() {
  local shown=pontoon arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=@-]+$ ]]; then shown+=" $arg"; else shown+=" '$arg'"; fi
  done
  printf '\n$ %s\n' "$shown"
  "$pontoon" "$@"
}

step import --change 'CMD ["sh"]' .demo/busybox-rootfs.tar busybox
step images
step inspect --format '{{.Id}}' busybox
step history busybox
step run --rm busybox echo "hello from a pontoon container"
step run --rm --hostname demo busybox sh -c 'hostname; id; ps'
step run -d --name sleeper busybox sleep 300
step ps
step rm -f sleeper

# Networking: a web server on a port the kernel picks, asked from the host;
# two containers of one network that find each other by name.
step run -d --name web -p 127.0.0.1::80 busybox httpd -f -p 80 -h /etc
port=$("$pontoon" port web 80)
printf '\n$ curl http://%s/hostname\n' "$port"
for _ in 1 2 3 4 5 6 7 8 9 10; do curl -sf "http://$port/hostname" && break; sleep 0.2; done
step network create demo-net
step run -d --name api --network demo-net busybox httpd -f -p 8000 -h /etc
step run --rm --network demo-net busybox wget -qO- http://api:8000/hostname
step rm -f web api
step network rm demo-net
printf '\ndemo store: %s\n' "$PONTOON_ROOT"
