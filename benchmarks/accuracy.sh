#!/usr/bin/env bash
# Compares Bulwark's OS package lists with Trivy's on real images and real package databases
# (from ../shared: eval images, docker-save tarballs, Alpine minirootfs, rpm databases in sample
# root filesystems). Prints one line per input; exit 1 when any list differs.
# Usage: benchmarks/accuracy.sh [EXTRA_IMAGE.tar ...]   Env: PEERS (default /tmp/peers/bin)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared="$repo/../shared"
PEERS=${PEERS:-/tmp/peers/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$PEERS/trivy" ] || bash "$shared/eval/install-peers.sh" "$PEERS" >&2
(cd "$repo" && swift build -c release --product bulwark >&2)
bulwark="$repo/.build/release/bulwark"
status=0

compare() {  # LABEL KIND(image|rootfs) PATH
  local label=$1 kind=$2 path=$3
  if [ "$kind" = image ]; then
    "$bulwark" sbom "$path" -f json -q -o "$work/b.json" || { echo "$label: bulwark failed"; status=1; return; }
    "$PEERS/trivy" image --input "$path" -f cyclonedx --skip-db-update --offline-scan --cache-dir "$work/tc" -q -o "$work/t.json"
  else
    "$bulwark" rootfs "$path" -f json -q -o "$work/b.json" || { echo "$label: bulwark failed"; status=1; return; }
    "$PEERS/trivy" rootfs "$path" -f cyclonedx --skip-db-update --offline-scan --cache-dir "$work/tc" -q -o "$work/t.json"
  fi
  printf '%-40s ' "$label"
  python3 "$here/compare-packages.py" "$work/b.json" "$work/t.json" || status=1
}

for image in /tmp/harness/images/*.tar "$shared"/fixtures/images/docker-save/*.tar.gz "$@"; do
  [ -f "$image" ] && compare "$(basename "$image")" image "$image"
done
for tarball in "$shared"/fixtures/images/alpine-minirootfs/*x86_64.tar.gz; do
  [ -f "$tarball" ] || continue
  dir="$work/rootfs-$(basename "$tarball" .tar.gz)"; mkdir -p "$dir"; tar -xzf "$tarball" -C "$dir" 2>/dev/null
  compare "$(basename "$tarball")" rootfs "$dir"
done
# rpm databases placed in minimal root filesystems with a matching os-release
rpmfs() {  # NAME DBFILE DBNAME OS_RELEASE
  local dir="$work/rpm-$1"; mkdir -p "$dir/var/lib/rpm" "$dir/etc"
  cp "$shared/fixtures/pkgdb/rpm/$2" "$dir/var/lib/rpm/$3"; printf '%b' "$4" > "$dir/etc/os-release"
  compare "rpm $1 ($3)" rootfs "$dir"
}
[ -d "$shared/fixtures/pkgdb/rpm" ] && {
  rpmfs mariner cbl-mariner-2.0.rpmdb.sqlite rpmdb.sqlite 'ID=mariner\nVERSION_ID="2.0"\n'
  rpmfs sle15 sle15-bci.Packages.db Packages.db 'ID="sles"\nVERSION_ID="15.3"\n'
  rpmfs centos-libuuid libuuid.Packages.bdb Packages 'ID="centos"\nVERSION_ID="8"\n'
}
[ -d "$shared/fixtures/pkgdb/dpkg/debian-12-minbase" ] && {
  dir="$work/dpkg-minbase"; mkdir -p "$dir/var/lib/dpkg" "$dir/etc"
  cp "$shared/fixtures/pkgdb/dpkg/debian-12-minbase/status" "$dir/var/lib/dpkg/status"
  cp -r "$shared/fixtures/pkgdb/dpkg/debian-12-minbase/info" "$dir/var/lib/dpkg/info"
  cp "$shared/fixtures/pkgdb/dpkg/debian-12-minbase/os-release" "$dir/etc/os-release"
  # base-files always ships it; Trivy does not detect Debian without it (see docs/accuracy.md)
  echo 12.15 > "$dir/etc/debian_version"
  compare "dpkg debian-12-minbase" rootfs "$dir"
}
exit $status
