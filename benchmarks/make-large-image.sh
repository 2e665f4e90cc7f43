#!/usr/bin/env bash
# Builds a real Debian 12 image of several hundred MB (many thousands of files) for benchmarks:
# debootstrap minbase + a developer toolset, packed by umoci (one gzip layer) and exported by
# skopeo as a docker-archive tarball.  Usage: make-large-image.sh [OUT_DIR]  (default /tmp/bulwark-bench)
# Output: OUT/large-oci (OCI layout, tag large), OUT/large.tar (docker save format).
set -euo pipefail
OUT=${1:-/tmp/bulwark-bench}
SUITE=${SUITE:-bookworm}
INCLUDE=${INCLUDE:-python3,perl,git,gcc,g++,make,curl,openssl,ca-certificates,libssl-dev,python3-pip,vim-tiny,less,xz-utils}
mkdir -p "$OUT"
if [ -f "$OUT/large.tar" ] && [ -d "$OUT/large-oci" ]; then echo "image exists: $OUT/large.tar"; exit 0; fi
for t in debootstrap umoci skopeo; do command -v "$t" >/dev/null || { echo "missing $t: apt-get install -y debootstrap umoci skopeo" >&2; exit 1; }; done
mirror=${MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -v security | head -1 | awk '{ if ($1 == "URIs:") print $2; else { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; exit } } }' || true)
fi
[ -n "$mirror" ] || { echo "no Debian mirror found; set MIRROR=" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "debootstrap $SUITE (+$INCLUDE) from $mirror" >&2
debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/debootstrap"
rm -rf "$OUT/large-oci"
umoci init --layout "$OUT/large-oci"
umoci new --image "$OUT/large-oci:large"
umoci unpack --image "$OUT/large-oci:large" "$work/bundle" >/dev/null
cp -a "$work/rootfs/." "$work/bundle/rootfs/"
umoci repack --image "$OUT/large-oci:large" "$work/bundle"
umoci config --image "$OUT/large-oci:large" --config.cmd /bin/bash --config.user 0:0
umoci gc --layout "$OUT/large-oci"
skopeo copy -q "oci:$OUT/large-oci:large" "docker-archive:$OUT/large.tar:bench/large:1"
du -sh "$work/rootfs" "$OUT/large.tar" >&2
echo "files: $(find "$work/rootfs" -type f | wc -l)" >&2
