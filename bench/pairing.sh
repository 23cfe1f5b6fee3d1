#!/usr/bin/env bash
# Times the pairing of quantities (src/numeric/compare.rs) end to end on one message with N
# shuffled numbers: the reference says `1, 2, …, N`, the translation says the same numbers in a
# shuffled order (a fixed permutation, so every run sees the same input), with one of them
# changed (N+1 instead of the N/2-th number), so that exactly one difference is reported.
# Only `numeric-mismatch` is on (the tree has its own leaflint.toml).
#
# Usage: bench/pairing.sh [N ...]          (default: 4000 8000 16000 32000 64000 100000)
# Prints the median wall and CPU times of RUNS runs (default 5) of the release binary for each
# N, and the ratio of CPU times to the previous N.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(4000 8000 16000 32000 64000 100000)
work=${BENCH_DIR:-target/bench/pairing}
mkdir -p "$work"

cargo build --release --quiet --bin leaflint
bin=$PWD/target/release/leaflint

# The tree for N numbers in $work/N.
generate() {
  local n=$1 dir=$work/$1
  mkdir -p "$dir/en" "$dir/sv"
  cat >"$dir/leaflint.toml" <<'TOML'
[rules]
duplicate-id = "off"
invisible-character = "off"
missing-attribute = "off"
missing-file = "off"
missing-message = "off"
missing-value = "off"
mixed-language = "off"
mixed-script = "off"
obsolete-attribute = "off"
obsolete-file = "off"
obsolete-message = "off"
plural-categories = "off"
reference-mismatch = "off"
untranslated = "off"
TOML
  awk -v n="$n" 'BEGIN {
    printf "numbers = Värden:"
    for (i = 1; i <= n; i++) p[i] = i
    # Fisher–Yates with a fixed linear congruential generator.
    s = 12345
    for (i = n; i > 1; i--) {
      s = (s * 1103515245 + 12345) % 2147483648
      j = 1 + s % i
      t = p[i]; p[i] = p[j]; p[j] = t
    }
    for (i = 1; i <= n; i++) {
      v = p[i]
      if (v == int(n / 2)) v = n + 1
      printf "%s %d", (i > 1 ? "," : ""), v
    }
    printf "\n"
  }' >"$dir/sv/leaflet.ftl"
  awk -v n="$n" 'BEGIN {
    printf "numbers = Values:"
    for (i = 1; i <= n; i++) printf "%s %d", (i > 1 ? "," : ""), i
    printf "\n"
  }' >"$dir/en/leaflet.ftl"
}

# "wall cpu": the median wall time and the median CPU time (user + system) of $runs runs of
# "$@", in seconds. CPU time is the steadier figure on a shared machine.
median() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    local out TIMEFORMAT='%3R %3U %3S'
    out=$({ time "$@" >/dev/null 2>&1 || true; } 2>&1 | tail -1)
    walls+=("$(echo "$out" | awk '{print $1}')")
    cpus+=("$(echo "$out" | awk '{print $2 + $3}')")
  done
  local w c
  w=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  c=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$w $c"
}

echo "numeric pairing, one message, median of $runs runs (release binary, numeric-mismatch only)"
prev=
for n in "${sizes[@]}"; do
  generate "$n"
  read -r wall cpu < <(median "$bin" check "$work/$n" --format json)
  findings=$("$bin" check "$work/$n" --format json | grep -c '"rule": "numeric-mismatch"' || true)
  if [ -n "$prev" ]; then
    ratio=$(awk -v a="$cpu" -v b="$prev" 'BEGIN { printf "%.2fx", a / b }')
  else
    ratio=-
  fi
  awk -v n="$n" -v w="$wall" -v c="$cpu" -v r="$ratio" -v f="$findings" 'BEGIN {
    printf "%8d numbers  wall %8.0f ms  cpu %8.0f ms  (cpu vs previous: %s)  findings: %s\n", n, w * 1000, c * 1000, r, f }'
  prev=$cpu
done
