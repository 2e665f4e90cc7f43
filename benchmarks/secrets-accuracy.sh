#!/usr/bin/env bash
# Benchmark: secret-detection accuracy of Bulwark vs detect-secrets (Yelp) on the labelled corpus
# that Tests/BulwarkSecretsTests builds (realistic files with planted synthetic secrets of every
# built-in rule kind, plus look-alikes that must stay silent).
#
# Prints precision/recall for each tool, matched by file and line (a finding anywhere in a planted
# secret's line range counts; the rule/type is ignored so the tools are comparable), plus Bulwark's
# stricter per-rule numbers.
#
# Usage: benchmarks/secrets-accuracy.sh [WORK_DIR=/tmp/bulwark-secrets-accuracy]
# Env: PACKAGE_DIR — the Swift package whose tests dump the corpus (default: this repository).
#   BULWARK — a bulwark binary whose `fs DIR --scanners secret --format json` prints a top-level
#   "secrets" array of findings; when unset or lacking the scanner, Bulwark's findings come from the
#   test dump (same engine, same corpus).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
work=${1:-/tmp/bulwark-secrets-accuracy}
mkdir -p "$work"

# 1. The corpus, its labels and Bulwark's findings through the library.
(cd "${PACKAGE_DIR:-$repo}" && BULWARK_DUMP_SECRET_CORPUS="$work" swift test --filter 'CorpusAccuracyTests/dumpCorpus' >"$work/dump.log" 2>&1) || {
  tail -30 "$work/dump.log" >&2
  exit 1
}
[ -f "$work/labels.json" ] || { echo "the corpus dump did not run (see $work/dump.log)" >&2; exit 1; }

# 2. Bulwark through the CLI, when it has the secret scanner.
bulwark_json="$work/bulwark.json"
if [ -n "${BULWARK:-}" ] && "$BULWARK" fs --help 2>/dev/null | grep -q -- '--scanners'; then
  if "$BULWARK" fs "$work/files" --scanners secret --format json >"$work/bulwark-cli.json" 2>"$work/bulwark-cli.log"; then
    bulwark_json="$work/bulwark-cli.json"
  else
    echo "bulwark fs failed (see $work/bulwark-cli.log); using the library dump" >&2
  fi
fi

# 3. detect-secrets.
if ! python3 -c 'import detect_secrets' 2>/dev/null; then
  python3 -m pip install -q detect-secrets >&2
fi
(cd "$work/files" && python3 -m detect_secrets scan --all-files . >"$work/detect-secrets.json")

# 4. Scores.
python3 "$here/secrets-accuracy.py" "$work" "$bulwark_json" "$work/detect-secrets.json"
