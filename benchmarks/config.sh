#!/usr/bin/env bash
# Benchmark: `bulwark config` vs `trivy config` vs hadolint on a generated folder of 5,000 files
# (2,500 Dockerfiles + 2,500 Kubernetes manifests; hadolint sees only the Dockerfiles, so its ratio is
# also given against `bulwark config` on the Dockerfiles alone). Prints wall time, peak RSS (median of
# RUNS) and the ratios (peer / bulwark: above 1 means Bulwark is faster).
#
# Usage: benchmarks/config.sh [COUNT=5000]
# trivy needs several minutes for 5,000 files (its default 5-minute --timeout is raised); RUNS=1 keeps it short.
# Env: RUNS (default 3), PEERS (default /tmp/peers/bin, installed by ../shared/eval/install-peers.sh when
#   missing), BENCH_DIR (default /tmp/bulwark-bench), BULWARK (default: build .build/release/bulwark).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
COUNT=${1:-5000}
RUNS=${RUNS:-3}
PEERS=${PEERS:-/tmp/peers/bin}
BENCH_DIR=${BENCH_DIR:-/tmp/bulwark-bench}
corpus="$BENCH_DIR/config-corpus-$COUNT"
mkdir -p "$BENCH_DIR/out"

if [ ! -x "$PEERS/trivy" ] || [ ! -x "$PEERS/hadolint" ]; then
  installer="$repo/../shared/eval/install-peers.sh"
  [ -f "$installer" ] || { echo "trivy/hadolint not in $PEERS and $installer missing" >&2; exit 1; }
  bash "$installer" "$PEERS" >&2
fi
command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || apt-get install -y -qq time bc >/dev/null

[ -d "$corpus" ] || python3 "$here/make-config-corpus.py" "$corpus" "$COUNT"
if [ -z "${BULWARK:-}" ]; then
  (cd "$repo" && swift build -c release --product bulwark >&2)
  BULWARK="$repo/.build/release/bulwark"
fi
mapfile -t dockerfiles < <(find "$corpus/docker" -name Dockerfile | sort)

source "$here/measure.sh"
OUT_DIR="$BENCH_DIR/out"
# Warm the page cache so the first tool measured is not penalised.
cat "$corpus"/k8s/* "${dockerfiles[@]}" >/dev/null

read -r b_wall b_rss < <(measure bulwark "$BULWARK" config --format json "$corpus")
read -r t_wall t_rss < <(measure trivy "$PEERS/trivy" config --quiet --skip-check-update --timeout 60m --format json "$corpus")
read -r bd_wall bd_rss < <(measure bulwark-docker "$BULWARK" config --format json "$corpus/docker")
read -r h_wall h_rss < <(measure hadolint "$PEERS/hadolint" --no-fail -f json "${dockerfiles[@]}")

ratio() { echo "scale=1; $1 / ($2 + 0.001)" | bc; }
printf '%-34s %8s %8s %10s\n' run wall_s rss_MB peer/bulwark
printf '%-34s %8s %8d %10s\n' "bulwark config ($COUNT files)" "$b_wall" $((b_rss / 1024)) "-"
printf '%-34s %8s %8d %10s\n' "trivy config ($COUNT files)" "$t_wall" $((t_rss / 1024)) "$(ratio "$t_wall" "$b_wall")x"
printf '%-34s %8s %8d %10s\n' "bulwark config (${#dockerfiles[@]} Dockerfiles)" "$bd_wall" $((bd_rss / 1024)) "-"
printf '%-34s %8s %8d %10s\n' "hadolint (${#dockerfiles[@]} Dockerfiles)" "$h_wall" $((h_rss / 1024)) "$(ratio "$h_wall" "$bd_wall")x"
