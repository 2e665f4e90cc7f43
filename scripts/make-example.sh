#!/usr/bin/env bash
# Rebuilds examples/alpine-3.19-oci (a real OCI layout made by umoci) from examples/rootfs.
set -euo pipefail
cd "$(dirname "$0")/../examples"
bundle=$(mktemp -d)
trap 'rm -rf "$bundle"' EXIT
rm -rf alpine-3.19-oci
umoci init --layout alpine-3.19-oci
umoci new --image alpine-3.19-oci:3.19
umoci unpack --rootless --image alpine-3.19-oci:3.19 "$bundle/b" >/dev/null
rm -rf "$bundle/b/rootfs/"* && cp -a rootfs/. "$bundle/b/rootfs/"
umoci repack --image alpine-3.19-oci:3.19 "$bundle/b"
umoci config --image alpine-3.19-oci:3.19 --config.cmd /bin/sh --architecture amd64 --os linux
umoci gc --layout alpine-3.19-oci
