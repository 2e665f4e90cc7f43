#!/usr/bin/env bash
# Benchmark of the vulnerability database: generates a synthetic OSV corpus (200,000 records by
# default, cached between runs) and runs the guarded Swift Testing benchmark in release mode,
# which prints records/s, bytes per advisory and the time of 10,000 package lookups.
#
# usage: benchmarks/db-import.sh [COUNT]      (env CORPUS=path.zip to reuse another corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200000}"
corpus="${CORPUS:-${TMPDIR:-/tmp}/bulwark-osv-corpus-${count}.zip}"
if [[ ! -s "$corpus" ]]; then
    echo "generating $count OSV records into $corpus" >&2
    python3 benchmarks/gen-osv-corpus.py "$corpus" --count "$count"
fi
BULWARK_BENCH=1 BULWARK_BENCH_CORPUS="$corpus" \
    swift test -c release -Xswiftc -enable-testing --filter 'DatabaseBenchmarkTests' 2>&1 | tee /dev/stderr | grep -E '^ *BENCH' || true
