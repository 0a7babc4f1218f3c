#!/usr/bin/env bash
# Installs what pontoon's tests, demo and benchmarks need on Debian 12, and
# the unprivileged user the rootless test run uses. Idempotent and quiet:
# apt runs only when something is missing. Without root it only reports.
set -euo pipefail

# package -> a file that proves it is installed
declare -A PROBE=(
  [uidmap]=/usr/bin/newuidmap
  [docker-registry]=/usr/bin/docker-registry
  [busybox-static]=/bin/busybox
  [fuse-overlayfs]=/usr/bin/fuse-overlayfs
  [passt]=/usr/bin/pasta
  [slirp4netns]=/usr/bin/slirp4netns
  [skopeo]=/usr/bin/skopeo
  [crun]=/usr/bin/crun
  [apache2-utils]=/usr/bin/htpasswd
  [util-linux]=/usr/bin/flock
  # networking: links and namespaces, NAT rules, and the host side of tests
  [iproute2]=/usr/sbin/ip
  [nftables]=/usr/sbin/nft
  [iptables]=/usr/sbin/iptables
  [curl]=/usr/bin/curl
  # self-signed certificates of the tests' HTTPS registries
  [openssl]=/usr/bin/openssl
  # glibc's static libraries: pontoon is linked statically (.cargo/config.toml)
  [libc6-dev]=/usr/lib/x86_64-linux-gnu/libc.a
  # the build tests' Debian builder image (make-debian-builder.sh)
  [debootstrap]=/usr/sbin/debootstrap
  # run --tz tests bind a zone file from the host
  [tzdata]=/usr/share/zoneinfo/Asia/Tokyo
  # the kube tests' schema validator lives in a venv (below)
  [python3-venv]=/usr/lib/python3.11/ensurepip/__init__.py
  # the install tests: `man pontoon-run`, and the installed completions
  # loaded by each shell (tests/install.rs)
  [man-db]=/usr/bin/man
  [bash-completion]=/usr/share/bash-completion/bash_completion
  [zsh]=/usr/bin/zsh
  [fish]=/usr/bin/fish
)
CI_USER=${PONTOON_CI_USER:-pontoon-ci}

missing=()
for pkg in "${!PROBE[@]}"; do
  [[ -e ${PROBE[$pkg]} ]] || missing+=("$pkg")
done

if [[ $(id -u) -ne 0 ]]; then
  if ((${#missing[@]})); then
    echo "install-deps: missing packages; as root run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  if [[ ! -e ${PONTOON_DEBIAN_BUILDER:-/var/cache/pontoon-tests/debian-gcc-bookworm.tar} ]]; then
    echo "install-deps: the Debian builder image is missing; as root run: scripts/make-debian-builder.sh" >&2
    exit 1
  fi
  exit 0
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when apt cannot find what we need.
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# Debian's docker-registry package enables a service on :5000; tests start
# their own registries and do not need it.

# pasta and slirp4netns open /dev/net/tun as the user: Debian's udev makes
# it 0666; a machine without udev may have made it 0600.
if [[ -c /dev/net/tun ]] && [[ $(stat -c %a /dev/net/tun) != 666 ]]; then
  chmod 0666 /dev/net/tun
fi

# The rootless test run's user, with subordinate id ranges.
if ! id -u "$CI_USER" >/dev/null 2>&1; then
  echo "install-deps: creating user $CI_USER"
  useradd --create-home --shell /bin/bash "$CI_USER"
fi
home=$(getent passwd "$CI_USER" | cut -d: -f6)
[[ -d $home ]] || { mkdir -p "$home"; chown "$CI_USER:" "$home"; }

# Gives $CI_USER a 65536-id range in FILE, after every range already there.
add_range() {
  local file=$1
  touch "$file"
  grep -q "^$CI_USER:" "$file" && return 0
  local start
  start=$(awk -F: 'BEGIN { end = 100000 } { if ($2 + $3 > end) end = $2 + $3 } END { print end }' "$file")
  echo "$CI_USER:$start:65536" >>"$file"
  echo "install-deps: added $CI_USER:$start:65536 to $file"
}
add_range /etc/subuid
add_range /etc/subgid

# Rootless containers need unprivileged user namespaces.
if [[ -r /proc/sys/kernel/unprivileged_userns_clone ]] && [[ $(cat /proc/sys/kernel/unprivileged_userns_clone) != 1 ]]; then
  echo "install-deps: enabling kernel.unprivileged_userns_clone"
  sysctl -q -w kernel.unprivileged_userns_clone=1
fi

# The kube tests check every manifest `kube generate` writes against the
# Kubernetes OpenAPI schemas: kubernetes-validate (PyPI) ships them and runs
# offline. A venv readable by the rootless test user; made once per machine.
KUBE_VENV=/var/cache/pontoon-tests/kube-venv
if [[ ! -x $KUBE_VENV/bin/kubernetes-validate ]]; then
  echo "install-deps: installing kubernetes-validate into $KUBE_VENV"
  mkdir -p "$(dirname "$KUBE_VENV")"
  /usr/bin/python3 -m venv "$KUBE_VENV"
  "$KUBE_VENV/bin/pip" install -q --disable-pip-version-check kubernetes-validate
  chmod -R a+rX "$KUBE_VENV"
fi
# kubectl reads the manifests a second time (client-side dry run); the
# machine's own kubectl is used when there is one, else Debian's.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "install-deps: installing kubernetes-client (kubectl)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null
fi

# The build tests' Debian builder image with gcc: made once per machine
# (a few hundred MB, about half a minute), then cached; quiet when it exists.
"$(dirname "${BASH_SOURCE[0]}")/make-debian-builder.sh"
