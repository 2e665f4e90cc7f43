#!/usr/bin/env bash
# Benchmark: one million version comparisons (two parses each) per ecosystem, release build.
set -euo pipefail
cd "$(dirname "$0")/.."
BULWARK_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter 'PerformanceTests' 2>&1 | grep -E "comparisons|passed|failed|✘"
