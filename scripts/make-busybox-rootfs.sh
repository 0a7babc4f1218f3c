#!/usr/bin/env bash
# Writes a minimal root filesystem tarball built from Debian's busybox-static:
# /bin/busybox and its applet links, /etc/passwd and /etc/group (root and
# user 1000), /tmp (1777), /root, /home/user. Usage: make-busybox-rootfs.sh OUT.tar
set -euo pipefail

out=${1:?usage: $0 OUT.tar}
busybox=${BUSYBOX:-/bin/busybox}
[[ -x $busybox ]] || { echo "$0: $busybox not found; apt-get install busybox-static" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{bin,dev,etc,home/user,proc,root,sys,tmp,usr/bin,var}
chmod 1777 "$tmp/tmp"
chmod 700 "$tmp/root"
cp "$busybox" "$tmp/bin/busybox"
for applet in $("$busybox" --list); do
  [[ $applet == busybox ]] || ln -s busybox "$tmp/bin/$applet"
done
cat >"$tmp/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
user:x:1000:1000:user:/home/user:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$tmp/etc/group" <<'GROUP'
root:x:0:
user:x:1000:
nogroup:x:65534:
GROUP

entries=(bin dev etc home proc root sys tmp usr var)
if [[ $(id -u) -eq 0 ]]; then
  chown -R 0:0 "$tmp"
  chown 1000:1000 "$tmp/home/user"
  tar --sort=name --numeric-owner -C "$tmp" -cf "$out" "${entries[@]}"
else
  # Without root the files cannot be chowned; record them as root's.
  tar --sort=name --numeric-owner --owner=0 --group=0 -C "$tmp" -cf "$out" "${entries[@]}"
fi
