#!/usr/bin/env bash
# Installs everything Bulwark's build and tests need on Debian 12 (idempotent).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
need=()
for pkg in libzstd-dev libisal-dev zlib1g-dev libsqlite3-dev pkg-config rpm umoci skopeo; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Real SBOM validators used by the report tests.
python3 -c 'import cyclonedx.validation.json, spdx_tools' 2>/dev/null || \
    python3 -m pip install -q 'cyclonedx-python-lib[validation]' spdx-tools
