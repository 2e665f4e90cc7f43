#!/usr/bin/env bash
# Secret scanning overhead: the same image scanned without and with `--scanners secret`, layer cache off
# (both read every layer; the second also inspects every file's contents in the same pass).
# Target (issue 8): <= 25% extra wall time on an image of >= 300 MB.
# Usage: benchmarks/secrets-overhead.sh [BULWARK_BINARY] [BENCH_DIR]   (defaults .build/release/bulwark, /tmp/bulwark-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/bulwark}
OUT=${2:-/tmp/bulwark-bench}
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "no bulwark binary at $BIN (swift build -c release)" >&2; exit 1; }
[ -f "$OUT/large.tar" ] || benchmarks/make-large-image.sh "$OUT"
IMAGE="$OUT/large.tar"

best() {  # best wall-clock seconds of $RUNS runs of "$@"
  local best=""
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    best=$(python3 -c "import sys; a=float(sys.argv[1]); b=sys.argv[2]; print(a if not b or a < float(b) else b)" "$(echo "$end - $start" | bc)" "$best")
  done
  echo "$best"
}

size=$(du -m "$IMAGE" | cut -f1)
without=$(best "$BIN" image "$IMAGE" --scanners license --no-cache --offline -q -f json)
with=$(best "$BIN" image "$IMAGE" --scanners license,secret --no-cache --offline -q -f json)
findings=$("$BIN" image "$IMAGE" --scanners secret --no-cache --offline -q -f json | python3 -c "import json,sys; r=json.load(sys.stdin)['secrets']; print(len(r['findings']), r['inspectedFiles'], r['skippedBinary'], r['skippedTooLarge'])")
python3 - "$size" "$without" "$with" "$findings" <<'PY'
import sys
size, without, with_, findings = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4].split()
print(f"image: {size} MB")
print(f"without secret scanning: {without:.2f} s")
print(f"with secret scanning:    {with_:.2f} s")
print(f"overhead: {100 * (with_ - without) / without:.1f} %   (target <= 25 %)")
print(f"secrets: {findings[0]} findings, {findings[1]} files read, {findings[2]} binary and {findings[3]} large files skipped")
PY
