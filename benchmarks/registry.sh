#!/usr/bin/env bash
# Registry pull-and-scan benchmark against a real local registry (Debian's docker-registry):
#  1. cold: `bulwark sbom REF` of the large benchmark image with empty blob and layer caches;
#  2. warm: then a second image sharing its base layers (only the new layer is pulled and read);
#     target: warm <= 0.20 x cold;
#  3. 16 concurrent scans (both images) sharing one fresh cache: all must succeed;
#  4. cold `trivy image REF` against the same registry (fresh Trivy cache), and the ratio
#     (target: Bulwark faster).
# Usage: benchmarks/registry.sh [BULWARK_BINARY] [BENCH_DIR]   Env: RUNS (default 3), PEERS (default /tmp/peers/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/bulwark}
OUT=${2:-/tmp/bulwark-bench}
RUNS=${RUNS:-3}
PEERS=${PEERS:-/tmp/peers/bin}
[ -x "$BIN" ] || swift build -c release --product bulwark >&2
for tool in docker-registry skopeo bc; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install docker-registry skopeo bc)" >&2; exit 1; }; done
[ -d "$OUT/large-oci" ] || benchmarks/make-large-image.sh "$OUT"

work=$(mktemp -d)
registry_pid=""
cleanup() { [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
benchmarks/make-derived-layout.sh "$OUT/large-oci" "$work"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
addr="127.0.0.1:$port"
cat > "$work/registry.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/storage}}
http: {addr: $addr}
YML
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 &
registry_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://$addr/v2/" && break; sleep 0.1; done
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:large" "docker://$addr/bench/app:large"
skopeo copy -q --dest-tls-verify=false "oci:$work/layout:derived" "docker://$addr/bench/app:derived"

CACHE="$work/cache"
scan() { "$BIN" sbom "$addr/bench/app:$1" --insecure-registry "$addr" --cache-dir "$CACHE" -q -f json -o /dev/null; }
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
min() { printf '%s\n' "$@" | sort -g | head -1; }

colds=(); warms=()
for _ in $(seq "$RUNS"); do
  rm -rf "$CACHE"
  colds+=("$(seconds scan large)")
  warms+=("$(seconds scan derived)")
done
cold=$(min "${colds[@]}"); warm=$(min "${warms[@]}")
printf 'bulwark cold pull+scan (large, %s): %.2f s\n' "$(du -sh "$OUT/large-oci" | cut -f1)" "$cold"
printf 'bulwark warm pull+scan (derived, shares the base): %.2f s   ratio %.2f (target <= 0.20)\n' "$warm" "$(echo "$warm / $cold" | bc -l)"

rm -rf "$CACHE"
pids=(); failures=0
for i in $(seq 16); do
  if [ $((i % 2)) = 0 ]; then scan large & else scan derived & fi
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || failures=$((failures + 1)); done
echo "16 concurrent scans sharing one cache: $((16 - failures)) succeeded, $failures failed"

if [ -x "$PEERS/trivy" ]; then
  trivy_times=()
  for _ in $(seq "$RUNS"); do
    rm -rf "$work/trivy-cache"
    trivy_times+=("$(seconds env TRIVY_INSECURE=true TRIVY_NON_SSL=true "$PEERS/trivy" image "$addr/bench/app:large" --format cyclonedx \
      --skip-db-update --offline-scan --cache-dir "$work/trivy-cache" --quiet -o /dev/null)")
  done
  trivy=$(min "${trivy_times[@]}")
  printf 'trivy cold pull+scan (large): %.2f s   bulwark/trivy %.2f (target < 1)\n' "$trivy" "$(echo "$cold / $trivy" | bc -l)"
else
  echo "trivy not installed in $PEERS (../shared/eval/install-peers.sh): no peer comparison"
fi
[ "$failures" = 0 ]
