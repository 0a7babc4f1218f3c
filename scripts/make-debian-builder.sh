#!/usr/bin/env bash
# Makes the root filesystem of the Debian builder image that the build tests
# compile C programs in: `debootstrap --variant=minbase --include=gcc,libc6-dev
# bookworm`, packed as one uncompressed tarball at a fixed, world-readable
# cache path, so that every test run on this machine (root and rootless, and
# CI's runs too) reuses the same tarball instead of bootstrapping again.
#
# Idempotent and quiet: when the tarball exists it does nothing and prints
# nothing. Run as root (debootstrap chroots and chowns).
# Usage: make-debian-builder.sh        (PONTOON_DEBIAN_BUILDER overrides the path)
set -euo pipefail

out=${PONTOON_DEBIAN_BUILDER:-/var/cache/pontoon-tests/debian-gcc-bookworm.tar}
suite=bookworm
me=make-debian-builder
[[ -e $out ]] && exit 0

die() { echo "$me: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap chroots and chowns files): sudo $0"
command -v debootstrap >/dev/null || [[ -x /usr/sbin/debootstrap ]] || die "debootstrap not found: apt-get install debootstrap"
PATH=$PATH:/usr/sbin:/sbin

# The mirror apt already uses for $suite: a one-line sources.list entry or a
# deb822 paragraph (Debian 12's default /etc/apt/sources.list.d/debian.sources).
find_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r $f ]] || continue
    awk -v suite="$suite" '
      $1 == "deb" {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit }
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -r $f ]] || continue
    awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        uri = ""; found = 0
        for (l = 1; l <= NF; l++) {
          if ($l ~ /^URIs:/) { split($l, u, /[ \t]+/); uri = u[2] }
          if ($l ~ /^Suites:/) { n = split($l, s, /[ \t]+/); for (k = 2; k <= n; k++) if (s[k] == suite) found = 1 }
        }
        if (found && uri != "") { print uri; exit }
      }' "$f"
  done
}
mirror=${PONTOON_DEBIAN_MIRROR:-$(find_mirror | head -n1)}
mirror=${mirror:-http://deb.debian.org/debian}

cache=$(dirname "$out")
mkdir -p "$cache"
chmod 0755 "$cache"

# Two runs at once (parallel `make test`s) bootstrap only once.
exec 9>"$cache/.$(basename "$out").lock"
flock 9
[[ -e $out ]] && exit 0

start=$SECONDS
work=$(mktemp -d /var/tmp/pontoon-debian-builder.XXXXXX)
partial="$out.tmp-$$"
log="$cache/$(basename "$out" .tar).debootstrap.log"
cleanup() {
  # A debootstrap killed half-way may leave /proc or /sys mounted in the
  # target: unmount them first, and never let rm cross into a mount.
  local m
  for m in $(awk -v w="$work" 'index($2, w "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$work"
  rm -f "$partial"
}
trap cleanup EXIT
# Interrupted, still clean up (EXIT's trap runs on the way out).
trap 'exit 130' INT TERM HUP

root=$work/rootfs
if ! debootstrap --variant=minbase --include=gcc,libc6-dev "$suite" "$root" "$mirror" >"$log" 2>&1; then
  reason=$(grep -E '^(E|W): ' "$log" | tail -n1 || true)
  die "debootstrap of $suite from $mirror failed${reason:+: $reason}; full log in $log"
fi

# What an image must not carry: the host's devices and kernel file systems
# (the runtime mounts its own), apt's downloads and package lists (a build
# runs apt-get update), logs, and the bootstrapping host's name and resolver.
# The directories themselves stay: the runtime mounts onto /dev, /proc, /sys.
for d in dev proc sys run tmp var/tmp var/log var/cache/apt var/lib/apt/lists; do
  [[ -d $root/$d ]] && find "$root/$d" -xdev -mindepth 1 -delete
done
rm -rf --one-file-system "$root/debootstrap"
: >"$root/etc/resolv.conf"
: >"$root/etc/hostname"
chmod 1777 "$root/tmp" "$root/var/tmp"

# A rootless store maps ids 0-65536 only, and cannot make device nodes:
# either in the tarball would make it unusable there.
bad=$(find "$root" -xdev \( -uid +65536 -o -gid +65536 -o -type b -o -type c \) -print -quit)
[[ -z $bad ]] || die "the rootfs has ${bad#"$root"}, a device node or an id above 65536, which rootless stores cannot unpack"

mapfile -t entries < <(cd "$root" && ls -A)
tar --sort=name --numeric-owner -C "$root" -cf "$partial" "${entries[@]}"
chmod 0644 "$partial"
mv -f "$partial" "$out"
rm -f "$log"
echo "$me: wrote $out ($(du -h "$out" | cut -f1)) in $((SECONDS - start))s"
