#!/usr/bin/env bash
# Linear time on pathological input: each case is generated at size n and 2n, and the release
# binary's median wall time and peak memory are printed with the ratio between the two sizes
# (near 2 is linear; the issue's bound is 2.5). Not a test: wall time is never asserted.
# Usage: bench/pathological.sh [n]      (n: the base size of each case, default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-20000}
runs=${RUNS:-5}
work=${BENCH_DIR:-target/bench/pathological}
cargo build --release --quiet --bin leaflint
bin=$PWD/target/release/leaflint
rm -rf "$work"
mkdir -p "$work"

# gen CASE SIZE DIR: writes a tree of the case at the given size.
gen() {
  python3 - "$1" "$2" "$3" <<'EOF'
import os, random, sys
case, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for l in ("en", "sv"):
    os.makedirs(os.path.join(d, l), exist_ok=True)
def write(l, text):
    with open(os.path.join(d, l, "leaflet.ftl"), "w", encoding="utf-8") as f:
        f.write(text)
rng = random.Random(7)
if case == "numbers":          # n numbers in one message, shuffled in the translation
    nums = [f"{i} mg" for i in range(n)]
    write("en", "dose = " + ", ".join(nums) + ".\n")
    rng.shuffle(nums)
    nums[n // 2] = "999999999 mg"
    write("sv", "dose = " + ", ".join(nums) + ".\n")
elif case == "attributes":     # n attributes on one message, one missing, one repeated
    attrs = [f"    .a{i} = Ta {i} mg.\n" for i in range(n)]
    write("en", "dose =\n" + "".join(attrs))
    write("sv", "dose =\n" + "".join(a for i, a in enumerate(attrs) if i != n // 3) + "    .a7 = x\n")
elif case == "suppression":    # n unknown rule names in one suppression comment
    write("en", "dose = Take 4 mg.\n")
    write("sv", "# leaflint-ignore: " + ",".join(f"no-rule-{i}" for i in range(n)) + "\ndose = Ta 4 mg.\n")
elif case == "variants":       # n variants in one select, some keys repeated
    v = "".join(f"    [k{i % (n - 10)}] {i} mg\n" for i in range(n))
    write("en", "dose = { $n ->\n" + v + "   *[other] x\n}\n")
    write("sv", "dose = { $n ->\n" + v + "   *[other] y\n}\n")
elif case == "messages":       # n messages, one wrong dose
    write("en", "".join(f"m{i} = Take {i} mg.\n" for i in range(n)))
    write("sv", "".join(f"m{i} = Ta {i if i != n // 2 else 0} mg.\n" for i in range(n)))
EOF
}

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

peak_mb() {
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}'
}

printf '%-12s %9s %9s %7s %9s %9s\n' case "t(n) ms" "t(2n) ms" ratio "MB(n)" "MB(2n)"
for c in numbers attributes suppression variants messages; do
  gen "$c" "$n" "$work/$c-1"
  gen "$c" $((2 * n)) "$work/$c-2"
  t1=$(median_ms "$bin" check "$work/$c-1" --format json)
  t2=$(median_ms "$bin" check "$work/$c-2" --format json)
  m1=$(peak_mb "$bin" check "$work/$c-1" --format json)
  m2=$(peak_mb "$bin" check "$work/$c-2" --format json)
  awk -v c="$c" -v a="$t1" -v b="$t2" -v m="$m1" -v k="$m2" \
    'BEGIN { printf "%-12s %9d %9d %7.2f %9s %9s\n", c, a, b, (a > 0 ? b / a : 0), m, k }'
done
