#!/usr/bin/env bash
# Benchmark: `bulwark sbom` vs `trivy image --format cyclonedx` vs `syft` on the same image files.
# Prints wall time and peak RSS (median of RUNS) and the ratios, then checks that Bulwark's OS package
# list equals Trivy's (name, version, source name, source version).
#
# Usage: benchmarks/sbom.sh [IMAGE.tar|OCI_DIR ...]
#   default images: the large Debian image from benchmarks/make-large-image.sh (docker-archive and
#   OCI layout with one gzip layer), built on first use.
# Env: RUNS (default 3), PEERS (dir with trivy/syft; default /tmp/peers/bin, installed from PyPI
#   by ../shared/eval/install-peers.sh when missing), BENCH_DIR (default /tmp/bulwark-bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
RUNS=${RUNS:-3}
PEERS=${PEERS:-/tmp/peers/bin}
BENCH_DIR=${BENCH_DIR:-/tmp/bulwark-bench}
mkdir -p "$BENCH_DIR/out"

if [ ! -x "$PEERS/trivy" ] || [ ! -x "$PEERS/syft" ]; then
  installer="$repo/../shared/eval/install-peers.sh"
  [ -f "$installer" ] || { echo "trivy/syft not in $PEERS and $installer missing" >&2; exit 1; }
  bash "$installer" "$PEERS" >&2
fi
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc >/dev/null

images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  bash "$here/make-large-image.sh" "$BENCH_DIR" >&2
  images=("$BENCH_DIR/large.tar" "$BENCH_DIR/large-oci")
fi

(cd "$repo" && swift build -c release --product bulwark >&2)
bulwark="$repo/.build/release/bulwark"

source "$here/measure.sh"
OUT_DIR="$BENCH_DIR/out"

printf '%-20s %-10s %9s %9s %10s %10s\n' image tool wall_s rss_MB wall_ratio rss_ratio
status=0
for image in "${images[@]}"; do
  label=$(basename "$image")
  tag_arg=()
  if [ -d "$image" ]; then
    tag=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['manifests']; print(m[0].get('annotations',{}).get('org.opencontainers.image.ref.name',''))" "$image/index.json")
    [ -n "$tag" ] && tag_arg=(--tag "$tag")
  fi
  trivy_cache="$BENCH_DIR/out/trivy-cache"
  read -r bw br < <(measure bulwark "$bulwark" sbom "$image" "${tag_arg[@]}" --format cyclonedx --quiet -o "$BENCH_DIR/out/bulwark.cdx.json")
  trivy_args=(image --input "$image" --format cyclonedx --skip-db-update --offline-scan --cache-dir "$trivy_cache" -q -o "$BENCH_DIR/out/trivy.cdx.json")
  # cold: a fresh cache dir every run (a first scan); warm: Trivy's layer cache already filled.
  read -r tw tr < <(FRESH_DIR="$trivy_cache" measure trivy "$PEERS/trivy" "${trivy_args[@]}")
  read -r ww wr < <(measure trivy-warm "$PEERS/trivy" "${trivy_args[@]}")
  syft_input="$image"; [ -d "$image" ] && syft_input="oci-dir:$image"
  read -r sw sr < <(measure syft env SYFT_CHECK_FOR_APP_UPDATE=false "$PEERS/syft" -q "$syft_input" -o "cyclonedx-json=$BENCH_DIR/out/syft.cdx.json")
  for row in "bulwark $bw $br" "trivy $tw $tr" "trivy-warm $ww $wr" "syft $sw $sr"; do
    set -- $row
    printf '%-20s %-10s %9.2f %9.1f %10.2f %10.2f\n' "$label" "$1" "$2" "$(echo "$3/1024" | bc -l)" "$(echo "$bw/$2" | bc -l)" "$(echo "$br/$3" | bc -l)"
  done
  "$bulwark" sbom "$image" "${tag_arg[@]}" --format json --quiet -o "$BENCH_DIR/out/bulwark.json"
  python3 "$here/compare-packages.py" "$BENCH_DIR/out/bulwark.json" "$BENCH_DIR/out/trivy.cdx.json" || status=1
done
echo "(ratios are bulwark / tool, medians of $RUNS runs; targets: ≤ 0.5 of trivy's (cold) wall time and peak RSS;"
echo " trivy-warm reuses Trivy's layer cache from earlier runs, which Bulwark does not have yet)"
exit $status
