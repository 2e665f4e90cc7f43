#!/usr/bin/env bash
# Builds the release: one self-contained binary (Swift runtime linked in statically), stripped, packed with
# an installer and checksums.  Usage: scripts/release.sh [OUT_DIR]   (default dist/)
# Needs the Debian packages of scripts/install-deps.sh plus libcurl4-openssl-dev (static FoundationNetworking).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-dist}
dpkg -s libcurl4-openssl-dev >/dev/null 2>&1 || { echo "missing libcurl4-openssl-dev: apt-get install -y libcurl4-openssl-dev" >&2; exit 1; }
swift build -c release --static-swift-stdlib --product bulwark
version=$(.build/release/bulwark version --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
arch=$(uname -m)
name="bulwark-$version-linux-$arch"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$OUT"
strip -o "$stage/$name/bulwark" .build/release/bulwark
cp README.md "$stage/$name/"
cat > "$stage/$name/install.sh" <<'INSTALL'
#!/bin/sh
# Installs bulwark into PREFIX/bin (default /usr/local) and, with --docker-plugin, as `docker bulwark`.
set -eu
PREFIX=${PREFIX:-/usr/local}
here=$(cd "$(dirname "$0")" && pwd)
install -d "$PREFIX/bin"
install -m 0755 "$here/bulwark" "$PREFIX/bin/bulwark"
echo "installed $PREFIX/bin/bulwark"
if [ "${1:-}" = "--docker-plugin" ]; then
  plugins="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
  install -d "$plugins"
  ln -sf "$PREFIX/bin/bulwark" "$plugins/docker-bulwark"
  echo "installed the Docker CLI plugin: docker bulwark image IMAGE"
fi
echo "runtime libraries (Debian/Ubuntu): apt-get install zlib1g libzstd1 libisal2 libsqlite3-0 libcurl4"
"$PREFIX/bin/bulwark" version
INSTALL
chmod +x "$stage/$name/install.sh"
tar -C "$stage" -czf "$OUT/$name.tar.gz" "$name"
(cd "$OUT" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$OUT/$name.tar.gz"
ldd "$stage/$name/bulwark" | sed 's/^/  /'
