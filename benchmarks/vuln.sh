#!/usr/bin/env bash
# Benchmark + accuracy: `bulwark image` vs `trivy image` on the same images with the SAME advisories
# (Trivy's DB is built from the OSV directory by ../shared/eval/osv2trivydb; Bulwark imports the same
# directory). Prints median wall time / peak RSS and ratios, then the finding diff per image.
# Usage: benchmarks/vuln.sh [IMAGE.tar ...]   (default: the eval images and the example image)
# Env: RUNS (3), OSV (default ../shared/eval/samples/osv), PEERS (/tmp/peers/bin), BENCH_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$here"); shared="$repo/../shared"
RUNS=${RUNS:-3}; PEERS=${PEERS:-/tmp/peers/bin}; BENCH_DIR=${BENCH_DIR:-/tmp/bulwark-bench/vuln}
OSV=${OSV:-$shared/eval/samples/osv}
mkdir -p "$BENCH_DIR"
[ -x "$PEERS/trivy" ] || bash "$shared/eval/install-peers.sh" "$PEERS" >&2
if [ ! -x "$BENCH_DIR/osv2trivydb" ]; then bash "$shared/eval/osv2trivydb/build.sh" "$BENCH_DIR/osv2trivydb" >&2; fi
rm -rf "$BENCH_DIR/trivy-cache" && "$BENCH_DIR/osv2trivydb" -out "$BENCH_DIR/trivy-cache" "$OSV" >&2
(cd "$repo" && swift build -c release --product bulwark >&2)
bulwark="$repo/.build/release/bulwark"
rm -f "$BENCH_DIR/bulwark.db" && "$bulwark" db import "$OSV" --db "$BENCH_DIR/bulwark.db" -q

images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  images=(/tmp/harness/images/debian-base.tar /tmp/harness/images/app.tar /tmp/harness/images/alpine-synth.tar)
  [ -f /tmp/harness/images/app.tar ] || { echo "run ../shared/eval/make-images.sh /tmp/harness/images first" >&2; exit 1; }
fi

source "$here/measure.sh"
OUT_DIR="$BENCH_DIR"

printf '%-18s %-11s %8s %8s %10s %10s\n' image tool wall_s rss_MB wall_ratio rss_ratio
for image in "${images[@]}"; do
  label=$(basename "$image")
  read -r bw br < <(measure bulwark "$bulwark" image "$image" --db "$BENCH_DIR/bulwark.db" --skip-db-update -f json -q -o "$BENCH_DIR/bulwark.json")
  targs=(image --input "$image" --cache-dir "$BENCH_DIR/trivy-cache" --skip-db-update --offline-scan --scanners vuln -f json -q -o "$BENCH_DIR/trivy.json")
  read -r tw tr < <(FRESH_DIR="$BENCH_DIR/trivy-cache/fanal" measure trivy "$PEERS/trivy" "${targs[@]}")
  read -r ww wr < <(measure trivy-warm "$PEERS/trivy" "${targs[@]}")
  for row in "bulwark $bw $br" "trivy $tw $tr" "trivy-warm $ww $wr"; do
    set -- $row
    printf '%-18s %-11s %8.2f %8.1f %10.2f %10.2f\n' "$label" "$1" "$2" "$(echo "$3/1024" | bc -l)" "$(echo "$bw/$2" | bc -l)" "$(echo "$br/$3" | bc -l)"
  done
  python3 - "$BENCH_DIR/bulwark.json" "$BENCH_DIR/trivy.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2]))
ours = {(f["package"]["name"], f["installedVersion"], f["id"]): ", ".join(f["fixedVersions"]) for f in b["findings"]}
theirs = {}
for result in t.get("Results", []):
    for v in result.get("Vulnerabilities", []) or []:
        theirs[(v["PkgName"], v["InstalledVersion"], v["VulnerabilityID"])] = v.get("FixedVersion", "")
print(f"  findings: bulwark {len(ours)}, trivy {len(theirs)}, same findings: {set(ours) == set(theirs)}")
for row in sorted(set(ours) - set(theirs)): print("    only bulwark:", *row)
for row in sorted(set(theirs) - set(ours)): print("    only trivy:  ", *row)
for row in sorted(set(ours) & set(theirs)):
    if ours[row] != theirs[row]:
        print(f"    fixed versions differ for {row[0]} {row[2]}: bulwark [{ours[row]}] trivy [{theirs[row]}]")
PY
done
echo "(ratios: bulwark / tool; trivy = fresh layer cache each run, trivy-warm = cache reused)"
