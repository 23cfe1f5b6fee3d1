#!/usr/bin/env bash
# Benchmarks the release binary end to end:
#   (a) mozilla.org's real translations (../shared/corpora/www-l10n, sv-SE and zh-CN), and
#   (b) generated leaflet corpora of 10 MB and 100 MB (examples/gen-corpus.rs).
# For each: median wall time over several runs, throughput in MB/s, and peak memory (GNU time -v).
# Usage: bench/run.sh [--quick]     (--quick: fewer runs, skips the 100 MB corpus)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-11}
quick=0
[ "${1:-}" = "--quick" ] && { quick=1; runs=5; }
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"

cargo build --release --quiet --bin leaflint --example gen-corpus
bin=target/release/leaflint
gen=target/release/examples/gen-corpus

# median wall time in seconds of "$@" over $runs runs (output discarded)
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.4f", a[int((NR+1)/2)]/1e6}'
}

# peak resident memory in MB of one run
peak() {
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}'
}

bytes() { find "$1" -name '*.ftl' -printf '%s\n' | awk '{s+=$1} END {print s}'; }

report() { # name, path, args...
  local name=$1 path=$2; shift 2
  local b t m
  b=$(bytes "$path")
  t=$(median "$bin" check "$path" "$@" --format json)
  m=$(peak "$bin" check "$path" "$@" --format json)
  awk -v n="$name" -v b="$b" -v t="$t" -v m="$m" 'BEGIN {
    printf "%-28s %8.1f MB %9.1f ms %9.1f MB/s   peak %7.1f MB (%.2fx input)\n",
      n, b/1e6, t*1000, (b/1e6)/t, m, m/(b/1048576) }'
}

echo "leaflint $($bin --version | awk '{print $2}') on $(nproc) cores, median of $runs runs, all rules on"
corpus=../shared/corpora/www-l10n
if [ -d "$corpus" ]; then
  report "(a) www-l10n sv-SE,zh-CN" "$corpus" --locale sv-SE --locale zh-CN
else
  echo "(a) skipped: $corpus not found"
fi

for size in 10 100; do
  [ "$quick" = 1 ] && [ "$size" = 100 ] && continue
  # With a termbase of 1,000 concepts (issue 14): every message is looked up in it.
  dir="$work/gen-$size-terms"
  [ -f "$dir/terms.csv" ] || "$gen" --size-mb "$size" --termbase 1000 "$dir" 2>/dev/null
  report "(b) generated ${size} MB" "$dir"
done
