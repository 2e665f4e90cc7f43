#!/usr/bin/env bash
# Layer cache benchmark: cold vs warm `bulwark sbom`.
#  1. the large image (benchmarks/make-large-image.sh): cold (empty cache) vs warm (same image again);
#  2. a second image sharing the large image's base layer plus one new layer, scanned
#     warm after the first image filled the cache, vs its own cold scan: only the new layer is read.
# Prints times in seconds and the warm/cold ratios (the target is <= 0.20).
# Usage: benchmarks/layer-cache.sh [BULWARK_BINARY] [BENCH_DIR]   (defaults .build/release/bulwark, /tmp/bulwark-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/bulwark}
OUT=${2:-/tmp/bulwark-bench}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "no bulwark binary at $BIN (swift build -c release)" >&2; exit 1; }
if [ ! -f "$OUT/large.tar" ] || [ ! -d "$OUT/large-oci" ]; then benchmarks/make-large-image.sh "$OUT"; fi
for t in umoci skopeo; do command -v "$t" >/dev/null || { echo "missing $t: apt-get install -y umoci skopeo" >&2; exit 1; }; done

work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work dir: $work (kept)" >&2 || trap 'rm -rf "$work"' EXIT
CACHE="$work/cache"

# The second image: the large image's layers plus one small new layer with a Python package.
benchmarks/make-derived-layout.sh "$OUT/large-oci" "$work"
skopeo copy -q "oci:$work/layout:derived" "docker-archive:$work/derived.tar:bench/derived:1"

# Best of $RUNS wall-clock seconds of one command.
best() {
  local best="" start end elapsed
  for _ in $(seq "$RUNS"); do
    [ "${PRE:-}" = clean ] && rm -rf "$CACHE"
    [ -n "${PRIME:-}" ] && "$BIN" sbom "$PRIME" --cache-dir "$CACHE" -q -f json -o /dev/null
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc -l)" = 1 ]; then best=$elapsed; fi
  done
  printf '%.3f' "$best"
}

scan() { "$BIN" sbom "$1" --cache-dir "$CACHE" -q -f json -o /dev/null "${@:2}"; }

large_cold=$(PRE=clean best scan "$OUT/large.tar")
large_warm=$(best scan "$OUT/large.tar")
derived_cold=$(PRE=clean best scan "$work/derived.tar")
derived_warm=$(PRE=clean PRIME="$OUT/large.tar" best scan "$work/derived.tar")
derived_nocache=$(best scan "$work/derived.tar" --no-cache)

# Identical results with and without the cache.
"$BIN" sbom "$work/derived.tar" --cache-dir "$CACHE" -q -f json | grep -vE '"(timestamp|createdAt)"' > "$work/warm.json"
"$BIN" sbom "$work/derived.tar" --no-cache -q -f json | grep -vE '"(timestamp|createdAt)"' > "$work/plain.json"
cmp -s "$work/warm.json" "$work/plain.json" && same=yes || same=NO

echo "large image ($(du -h "$OUT/large.tar" | cut -f1)):  cold ${large_cold}s  warm ${large_warm}s  ratio $(echo "$large_warm / $large_cold" | bc -l | cut -c1-5)"
echo "derived image (shared base + 1 layer):  cold ${derived_cold}s  warm-after-base ${derived_warm}s  ratio $(echo "$derived_warm / $derived_cold" | bc -l | cut -c1-5)  (--no-cache ${derived_nocache}s)"
echo "warm output identical to --no-cache: $same"
"$BIN" cache status --cache-dir "$CACHE"
