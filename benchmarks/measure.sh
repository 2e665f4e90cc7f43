# Sourced by the benchmark scripts.
# measure NAME CMD...  runs CMD $RUNS times under /usr/bin/time and prints "median_wall_s median_peak_rss_kb".
# Needs RUNS and OUT_DIR; when FRESH_DIR is set, that directory is removed before every run (a cold cache).
measure() {
  local name=$1; shift
  local walls=() rsss=() wall rss
  for _ in $(seq "$RUNS"); do
    [ -n "${FRESH_DIR:-}" ] && rm -rf "$FRESH_DIR"
    /usr/bin/time -f "%e %M" -o "$OUT_DIR/time.txt" "$@" >/dev/null 2>"$OUT_DIR/$name.err" \
      || { echo "$name failed:" >&2; tail -5 "$OUT_DIR/$name.err" >&2; return 1; }
    read -r wall rss < "$OUT_DIR/time.txt"
    walls+=("$wall"); rsss+=("$rss")
  done
  median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${rsss[@]}" | median)"
}
