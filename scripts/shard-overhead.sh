#!/usr/bin/env bash
# The overhead of sharding a sweep: CPU seconds (user + system) of one
# process against 4 shards plus the merge, all with --threads 1, and whether
# the merged file is byte-identical to the single run.
#
#   swift build -c release
#   scripts/shard-overhead.sh Examples/sweep-simulation.json --replications 20
set -uo pipefail
R=${PANELPLAN:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/panelplan}
s=$1; shift
d=$(mktemp -d /tmp/panelplan-shard-overhead.XXXX)
trap 'rm -rf "$d"' EXIT
cpu() { /usr/bin/time -f "%U %S" -o "$d/t" "$@" >/dev/null 2>&1; awk '{printf "%.2f", $1 + $2}' "$d/t"; }
single=$(cpu "$R" sweep "$s" "$@" --threads 1 --out "$d/single.csv")
parts=() total=0
for k in 0 1 2 3; do
  c=$(cpu "$R" sweep "$s" "$@" --threads 1 --shard-index $k --shard-count 4 --out "$d/part-$k.csv")
  parts+=("$c")
  total=$(awk -v a="$total" -v b="$c" 'BEGIN {print a + b}')
done
m=$(cpu "$R" merge --out "$d/merged.csv" "$d"/part-*.csv)
total=$(awk -v a="$total" -v b="$m" 'BEGIN {printf "%.2f", a + b}')
cmp -s "$d/single.csv" "$d/merged.csv" && same=byte-identical || same=DIFFERENT
echo "$s $*: one process $single s CPU; shards ${parts[*]}; merge $m; 4 shards + merge $total s CPU" \
  "($(awk -v a="$total" -v b="$single" 'BEGIN {printf "%+.0f%%", (a - b) * 100 / b}')); merged file $same"
